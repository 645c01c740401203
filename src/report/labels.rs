//! The report's words: the `report` group of [`crate::model::words`], where every word the
//! room or a reader sees lives. Every format (Markdown, HTML, PDF, CSV, ICS) takes its words
//! from here, so a report reads the same whatever the format.

use crate::model::Language;
use crate::model::words::words;

pub use crate::model::words::ReportWords as Labels;

/// The report words for a session's language.
pub fn labels(lang: Language) -> &'static Labels {
    &words(lang).report
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn dates_per_language() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(labels(Language::Nl).format_date(d), "23-11-2026");
        assert_eq!(labels(Language::En).format_date(d), "2026-11-23");
    }
}
