//! The phone page, built into the binary. A placeholder until the real page (HTML, CSS and
//! plain JavaScript, following the protocol in `notes/live-protocol.md`) replaces `PAGE`; the server
//! serves whatever this constant holds at `GET /`, with `{{lang}}` replaced by the session's
//! language code.

/// The page as served; `{{lang}}` becomes `nl` or `en`.
pub const PAGE: &str = include_str!("placeholder.html");
