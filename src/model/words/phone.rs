//! The words of the participants' phones (live voting): the page's own texts and the reasons
//! a request is refused.

use serde::Serialize;

/// The phone page's texts, sent with every state so the page needs no translations of its
/// own (src/live/page/app.js has the same keys as its first-paint fallback). The `{name}`
/// placeholders are filled in by the page's script, so these stay strings, not functions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct PhoneWords {
    /// The browser tab's title.
    pub title: &'static str,
    /// Before the first state has arrived.
    pub connecting: &'static str,
    /// No proposition or slide to show.
    pub wait: &'static str,
    /// For screen readers while the beamer is blank (the phone shows black).
    pub blank: &'static str,
    /// Announced after a vote: `{answer}` is the answer's label.
    pub your_answer: &'static str,
    /// Under the buttons once the phone's answer is in.
    pub thanks: &'static str,
    pub change_hint: &'static str,
    /// While a tap is on its way.
    pub sending: &'static str,
    pub closed: &'static str,
    /// Announced when the facilitator reopens voting.
    pub open: &'static str,
    /// Announced when a new round starts: `{round}` is its label.
    pub new_round: &'static str,
    pub results: &'static str,
    /// Under the results: `{count}` answers in all.
    pub total: &'static str,
    /// The same for exactly one answer.
    pub total_one: &'static str,
    pub pick_group: &'static str,
    /// Beside the link to pick again: `{group}` is the group's name.
    pub your_group: &'static str,
    pub change_group: &'static str,
    /// The browser says it has no network.
    pub offline: &'static str,
    /// The laptop did not answer for a moment.
    pub reconnecting: &'static str,
    /// Refusals without a message of their own (429, 503, anything else).
    pub rate_limited: &'static str,
    pub full: &'static str,
    pub error: &'static str,
}

/// Why the laptop refused a phone's request, shown on the phone.
pub struct Refusals {
    pub closed: &'static str,
    pub bad_request: &'static str,
    pub too_large: &'static str,
    pub too_fast: &'static str,
    pub full: &'static str,
    pub no_device: &'static str,
    pub not_found: &'static str,
    pub timeout: &'static str,
}
