//! The phone page's words in the session's language, sent with every state so the page needs
//! no translations of its own. A typed struct per language: a missing word is a compile error.

use crate::model::Language;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Words {
    pub title: &'static str,
    pub wait: &'static str,
    pub blank: &'static str,
    pub closed: &'static str,
    pub your_answer: &'static str,
    pub change_hint: &'static str,
    pub pick_group: &'static str,
    pub change_group: &'static str,
    pub results: &'static str,
    pub answers: &'static str,
    pub offline: &'static str,
    pub reconnecting: &'static str,
}

pub const NL: Words = Words {
    title: "Stemmen",
    wait: "Wacht op de volgende vraag",
    blank: "",
    closed: "Het stemmen is gesloten",
    your_answer: "Jouw antwoord",
    change_hint: "Je kunt je antwoord wijzigen zolang de ronde open is.",
    pick_group: "Kies je tafel of groep",
    change_group: "Andere groep",
    results: "Uitslag",
    answers: "antwoorden",
    offline: "Geen verbinding met de laptop",
    reconnecting: "Opnieuw verbinden…",
};

pub const EN: Words = Words {
    title: "Vote",
    wait: "Wait for the next question",
    blank: "",
    closed: "Voting is closed",
    your_answer: "Your answer",
    change_hint: "You can change your answer while the round is open.",
    pick_group: "Pick your table or group",
    change_group: "Other group",
    results: "Results",
    answers: "answers",
    offline: "No connection to the laptop",
    reconnecting: "Reconnecting…",
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
