//! The few words the model itself writes into a session: default options and round labels,
//! in the session's language.

use super::Language;

/// Agree / disagree / doubt, the usual answers to a proposition.
pub fn default_options(language: Language) -> &'static [&'static str] {
    match language {
        Language::Nl => &["Eens", "Oneens", "Twijfel"],
        Language::En => &["Agree", "Disagree", "Not sure"],
    }
}

/// "Ronde 2" / "Round 2".
pub fn round_label(language: Language, number: usize) -> String {
    match language {
        Language::Nl => format!("Ronde {number}"),
        Language::En => format!("Round {number}"),
    }
}
