//! The phone page's words in the session's language, sent with every state so the page needs
//! no translations of its own. A typed struct per language: a missing word is a compile error.

use crate::model::Language;
use serde::Serialize;

/// The page's texts (src/live/page/app.js has the same keys as its first-paint fallback).
/// `{name}` placeholders are filled in by the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Words {
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

pub const NL: Words = Words {
    title: "Stemmen",
    connecting: "Verbinden…",
    wait: "Wacht op de volgende vraag.",
    blank: "Het scherm is even donker.",
    your_answer: "Je antwoord: {answer}",
    thanks: "Dank je, je antwoord is binnen.",
    change_hint: "Je kunt het wijzigen tot de ronde sluit.",
    sending: "Versturen…",
    closed: "Stemmen is gesloten.",
    open: "Stemmen is open.",
    new_round: "Nieuwe ronde: {round}",
    results: "Uitslag",
    total: "{count} antwoorden",
    total_one: "1 antwoord",
    pick_group: "Aan welke tafel of in welke groep zit je?",
    your_group: "Je groep: {group}",
    change_group: "Wijzigen",
    offline: "Geen verbinding. Je antwoord gaat weg zodra die terug is.",
    reconnecting: "Opnieuw verbinden…",
    rate_limited: "Even te veel tikken. Wacht een moment.",
    full: "Deze sessie is vol.",
    error: "Er ging iets mis. Probeer het opnieuw.",
};

pub const EN: Words = Words {
    title: "Vote",
    connecting: "Connecting…",
    wait: "Wait for the next question.",
    blank: "The screen is dark for a moment.",
    your_answer: "Your answer: {answer}",
    thanks: "Thanks, your answer is in.",
    change_hint: "You can change it until the round closes.",
    sending: "Sending…",
    closed: "Voting is closed.",
    open: "Voting is open.",
    new_round: "New round: {round}",
    results: "Results",
    total: "{count} answers",
    total_one: "1 answer",
    pick_group: "Which table or group are you in?",
    your_group: "Your group: {group}",
    change_group: "Change",
    offline: "No connection. Your answer is sent as soon as it is back.",
    reconnecting: "Reconnecting…",
    rate_limited: "Too many taps at once. Wait a moment.",
    full: "This session is full.",
    error: "Something went wrong. Try again.",
};

pub fn of(language: Language) -> &'static Words {
    match language {
        Language::Nl => &NL,
        Language::En => &EN,
    }
}

/// Messages of refused requests, shown on the phone.
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

const REFUSALS_NL: Refusals = Refusals {
    closed: "Deze ronde is gesloten; je stem is niet meegeteld.",
    bad_request: "Dat verzoek begrijpt de laptop niet. Laad de pagina opnieuw.",
    too_large: "Dat verzoek is te groot.",
    too_fast: "Even rustig aan: probeer het over een paar seconden opnieuw.",
    full: "Er zijn al te veel telefoons verbonden met deze sessie.",
    no_device: "Deze telefoon heeft nog geen sleutel. Laad de pagina opnieuw.",
    not_found: "Deze pagina bestaat niet.",
    timeout: "De laptop antwoordde niet op tijd. Probeer het opnieuw.",
};

const REFUSALS_EN: Refusals = Refusals {
    closed: "This round is closed; your vote was not counted.",
    bad_request: "The laptop did not understand that request. Reload the page.",
    too_large: "That request is too large.",
    too_fast: "Slow down a little: try again in a few seconds.",
    full: "Too many phones are connected to this session already.",
    no_device: "This phone has no key yet. Reload the page.",
    not_found: "There is no such page.",
    timeout: "The laptop did not answer in time. Try again.",
};

pub fn refusals(language: Language) -> &'static Refusals {
    match language {
        Language::Nl => &REFUSALS_NL,
        Language::En => &REFUSALS_EN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The keys of the page's first-paint fallback for `code` in app.js, in order.
    fn fallback_keys(code: &str) -> Vec<String> {
        let js = crate::live::page::JS;
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

    fn keys(words: &Words) -> Vec<String> {
        let serde_json::Value::Object(map) = serde_json::to_value(words).unwrap() else {
            unreachable!()
        };
        map.keys().cloned().collect()
    }

    /// The server sends every word the page knows, and no word it does not use.
    #[test]
    fn the_page_and_the_server_know_the_same_words() {
        let mut server = keys(&EN);
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
            serde_json::to_value(NL).unwrap(),
            serde_json::to_value(EN).unwrap(),
        );
        for (key, text) in en.as_object().unwrap() {
            let braces = |t: &str| t.matches('{').count();
            let other = nl[key].as_str().unwrap();
            assert_eq!(braces(text.as_str().unwrap()), braces(other), "{key}");
            assert!(!other.is_empty(), "{key} is empty in Dutch");
        }
    }
}
