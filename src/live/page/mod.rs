//! The phone page, built into the binary: plain HTML, CSS and JavaScript, nothing from
//! elsewhere (protocol: `notes/live-protocol.md`). The server serves `INDEX` at `GET /` with
//! `{{lang}}` replaced by the session's language code, and the style sheet and script beside
//! it; the page's texts come from the server's words in every state.

/// The document; `{{lang}}` becomes `nl` or `en`.
pub const INDEX: &str = include_str!("index.html");
/// Served at `/app.css`.
pub const CSS: &str = include_str!("app.css");
/// Served at `/app.js`.
pub const JS: &str = include_str!("app.js");

/// Every file of the page with its name, for checks over all of them.
pub const FILES: [(&str, &str); 3] = [("index.html", INDEX), ("app.css", CSS), ("app.js", JS)];

/// Only the laptop itself: the browser refuses anything the page might try to load from
/// elsewhere, and the page cannot be framed by another site.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; base-uri 'none'; \
    form-action 'none'; frame-ancestors 'none'; object-src 'none'";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::words::{EN, NL, PhoneWords};

    /// The keys of the page's first-paint fallback for `code` in app.js, in order.
    fn fallback_keys(code: &str) -> Vec<String> {
        let js = JS;
        let start = js
            .find(&format!("\n    {code}: {{\n"))
            .unwrap_or_else(|| panic!("app.js has no {code} fallback"));
        let block = &js[start..];
        let block = &block[..block.find("\n    }").unwrap()];
        block
            .lines()
            .skip(2)
            .filter_map(|l| l.trim().split_once(':').map(|(k, _)| k.to_owned()))
            .collect()
    }

    fn keys(words: &PhoneWords) -> Vec<String> {
        let serde_json::Value::Object(map) = serde_json::to_value(words).unwrap() else {
            unreachable!()
        };
        map.keys().cloned().collect()
    }

    /// The server sends every word the page knows, and no word it does not use.
    #[test]
    fn the_page_and_the_server_know_the_same_words() {
        let mut server = keys(&EN.phone);
        server.sort();
        for code in ["en", "nl"] {
            let mut page = fallback_keys(code);
            page.sort();
            assert_eq!(page, server, "{code}");
        }
    }

    /// Placeholders the page fills in are in both languages.
    #[test]
    fn placeholders_are_in_both_languages() {
        let (nl, en) = (
            serde_json::to_value(NL.phone).unwrap(),
            serde_json::to_value(EN.phone).unwrap(),
        );
        for (key, text) in en.as_object().unwrap() {
            let braces = |t: &str| t.matches('{').count();
            let other = nl[key].as_str().unwrap();
            assert_eq!(braces(text.as_str().unwrap()), braces(other), "{key}");
            assert!(!other.is_empty(), "{key} is empty in Dutch");
        }
    }
}
