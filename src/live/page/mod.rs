//! The phone page, built into the binary: plain HTML, CSS and JavaScript, nothing from
//! elsewhere. The server serves `INDEX` at `GET /` with `{{lang}}` replaced by the session's
//! language code and `{{words}}` by the phone's words in that language (as JSON, for the first
//! paint), and the style sheet and script beside it; every state brings the words again.

/// The document; `{{lang}}` becomes `nl` or `en`, `{{words}}` the words as JSON.
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

    /// The words the page asks for: `data-word="…"` in the document and the quoted keys in
    /// each `w(…)` call of the script (`w(n === 1 ? "total_one" : "total", …)` has two).
    fn words_used() -> Vec<String> {
        let quoted = |text: &str| -> Vec<String> {
            text.split('"')
                .skip(1)
                .step_by(2)
                .filter(|k| !k.is_empty() && k.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
                .map(str::to_owned)
                .collect()
        };
        let mut used: Vec<String> = INDEX
            .split("data-word=")
            .skip(1)
            .flat_map(|rest| quoted(rest).into_iter().take(1))
            .collect();
        for (at, _) in JS.match_indices("w(") {
            let before = JS[..at].chars().next_back().unwrap_or(' ');
            if before.is_alphanumeric() || before == '_' || before == '.' {
                continue; // another function whose name ends in w
            }
            let call = &JS[at + 2..];
            used.extend(quoted(&call[..call.find(')').unwrap_or(call.len())]));
        }
        used.sort();
        used.dedup();
        used
    }

    fn keys(words: &PhoneWords) -> Vec<String> {
        let serde_json::Value::Object(map) = serde_json::to_value(words).unwrap() else {
            unreachable!()
        };
        map.keys().cloned().collect()
    }

    /// The server sends every word the page uses, and no word it does not use.
    #[test]
    fn the_page_and_the_server_know_the_same_words() {
        let mut server = keys(&EN.phone);
        server.sort();
        assert_eq!(words_used(), server);
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
