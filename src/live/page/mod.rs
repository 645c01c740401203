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
