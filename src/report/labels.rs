//! The words a report uses, one set per language. Every format (Markdown, HTML, PDF, CSV, ICS)
//! takes its words from here, so a report reads the same whatever the format.
//!
//! [`Labels`] is a plain struct of `&'static str` and each language is a `const` of it: a word
//! missing in one language is a compile error, not an English word in a Dutch report.

use crate::model::{Decimal, ItemKind, Language, Stance};
use chrono::NaiveDate;

/// The words of one report language. Headings and labels are capitalised as they stand at the
/// start of a line; sentences end with a full stop.
#[derive(Debug, PartialEq, Eq)]
pub struct Labels {
    /// Title of a report whose session has none.
    pub report: &'static str,
    /// `chrono` format for dates, e.g. `%d-%m-%Y`; numeric, so it needs no month names.
    pub date_format: &'static str,
    /// How numbers are written for people in this language (every format but plain CSV).
    pub decimal: Decimal,

    // Session details.
    pub date: &'static str,
    pub time: &'static str,
    pub place: &'static str,
    pub facilitators: &'static str,
    pub participants: &'static str,
    pub groups: &'static str,
    pub group: &'static str,
    pub no_group: &'static str,
    pub no_agenda: &'static str,

    // Item kinds, as item headings.
    pub proposition: &'static str,
    pub question: &'static str,
    pub proposals: &'static str,
    pub commitments: &'static str,
    pub statements: &'static str,
    pub info: &'static str,

    // Rounds and tallies.
    pub round: &'static str,
    pub answer: &'static str,
    pub count: &'static str,
    pub share: &'static str,
    pub total: &'static str,
    pub answers: &'static str,
    /// After a number of answers from phones, and of hands, when a round had both.
    pub by_phone: &'static str,
    pub by_hand: &'static str,
    pub shift: &'static str,
    /// Unit of a shift between rounds: percentage points.
    pub points: &'static str,

    // Reactions.
    pub reactions: &'static str,
    pub stance_for: &'static str,
    pub stance_against: &'static str,
    pub stance_neutral: &'static str,
    pub stance_question: &'static str,
    pub highlighted: &'static str,

    // Proposals.
    pub proposal: &'static str,
    pub description: &'static str,
    pub actions: &'static str,
    pub action: &'static str,
    pub owner: &'static str,
    pub due: &'static str,
    pub feedback: &'static str,
    /// Before the group that gave feedback: "from Table 2".
    pub feedback_from: &'static str,

    // Commitments.
    pub commitment: &'static str,
    pub person: &'static str,
    pub organisation: &'static str,
    pub start: &'static str,
    pub follow_up: &'static str,

    // Statements.
    pub theme: &'static str,
    pub no_theme: &'static str,

    // Ranking of the propositions.
    pub ranking: &'static str,
    pub ranking_intro: &'static str,
    /// Column of the whole room's share for the first option.
    pub agreement: &'static str,
    /// Column of the group-informed consensus.
    pub consensus: &'static str,
    /// Column of how far the groups' agreement rates lie apart.
    pub division: &'static str,
    /// Column of the number of answers.
    pub answers_column: &'static str,
    /// Before the agenda numbers of items left out: "Not ranked (no answers): agenda items 3, 5."
    pub unranked: &'static str,
    /// Footnote with the formulas when ranking by groups.
    pub ranking_note_groups: &'static str,
    /// Footnote with the formula when ranking by the whole room.
    pub ranking_note_room: &'static str,

    // Closing overview.
    pub actions_overview: &'static str,
    pub actions_overview_intro: &'static str,
    pub source: &'static str,
    pub undated: &'static str,
    pub no_actions: &'static str,

    // PDF page numbers: "page 2 of 5".
    pub page: &'static str,
    pub page_of: &'static str,

    // Calendar (ICS) of follow-ups.
    /// Before the person in an event title: "Follow-up: Jo — call the residents".
    pub follow_up_event: &'static str,
    pub session: &'static str,
    /// Instead of `follow_up_event` in the reminder the day before: "Follow-up tomorrow: Jo — …".
    pub follow_up_reminder: &'static str,
}

pub const NL: Labels = Labels {
    report: "Verslag",
    date_format: "%d-%m-%Y",
    decimal: Decimal::Comma,

    date: "Datum",
    time: "Tijd",
    place: "Plaats",
    facilitators: "Begeleiding",
    participants: "Deelnemers",
    groups: "Groepen",
    group: "Groep",
    no_group: "Zonder groep",
    no_agenda: "Geen agendapunten.",

    proposition: "Stelling",
    question: "Vraag",
    proposals: "Verbetervoorstellen",
    commitments: "Toezeggingen",
    statements: "Statements",
    info: "Informatie",

    round: "Ronde",
    answer: "Antwoord",
    count: "Aantal",
    share: "Percentage",
    total: "Totaal",
    answers: "antwoorden",
    by_phone: "via telefoon",
    by_hand: "met de hand geteld",
    shift: "Verschuiving",
    points: "pp",

    reactions: "Reacties",
    stance_for: "Voor",
    stance_against: "Tegen",
    stance_neutral: "Neutraal",
    stance_question: "Vraag",
    highlighted: "Uitgelicht",

    proposal: "Voorstel",
    description: "Beschrijving",
    actions: "Acties",
    action: "Actie",
    owner: "Eigenaar",
    due: "Uiterlijk",
    feedback: "Feedback",
    feedback_from: "van",

    commitment: "Toezegging",
    person: "Persoon",
    organisation: "Organisatie",
    start: "Start",
    follow_up: "Opvolging",

    theme: "Thema",
    no_theme: "Zonder thema",

    ranking: "Rangorde van de stellingen",
    ranking_intro: "Van meest gedeelde instemming naar meest verdeeld.",
    agreement: "Instemming",
    consensus: "Gedeelde instemming",
    division: "Verdeeldheid",
    answers_column: "Antwoorden",
    unranked: "Niet in de rangorde (geen antwoorden): agendapunt",
    ranking_note_groups: "Gedeelde instemming = het product over alle groepen van \
                          (eens + 1) / (antwoorden + 2), met ‘eens’ het aantal keer dat de groep \
                          de eerste antwoordoptie koos en ‘antwoorden’ alle antwoorden van de \
                          groep; een stelling scoort alleen hoog als elke groep het eens is. \
                          Verdeeldheid = het hoogste min het laagste instemmingspercentage \
                          (eens / antwoorden) van de groepen die antwoordden, in procentpunten. \
                          Steeds de laatste ronde met antwoorden; bij gelijke stand eerst de \
                          minst verdeelde, dan de volgorde van de agenda.",
    ranking_note_room: "Instemming = het aandeel van de eerste antwoordoptie in alle antwoorden \
                        van de laatste ronde met antwoorden; bij gelijke stand de volgorde van \
                        de agenda.",

    actions_overview: "Actieoverzicht",
    actions_overview_intro: "Alle acties uit de voorstellen (op uiterste datum) en alle toezeggingen \
                             (op datum van opvolging), op datum; zonder datum onderaan.",
    source: "Herkomst",
    undated: "zonder datum",
    no_actions: "Geen acties.",

    page: "pagina",
    page_of: "van",

    follow_up_event: "Terugkoppeling",
    session: "Sessie",
    follow_up_reminder: "Terugkoppeling morgen",
};

pub const EN: Labels = Labels {
    report: "Report",
    date_format: "%Y-%m-%d",
    decimal: Decimal::Point,

    date: "Date",
    time: "Time",
    place: "Place",
    facilitators: "Facilitators",
    participants: "Participants",
    groups: "Groups",
    group: "Group",
    no_group: "No group",
    no_agenda: "No agenda items.",

    proposition: "Proposition",
    question: "Question",
    proposals: "Improvement proposals",
    commitments: "Commitments",
    statements: "Statements",
    info: "Information",

    round: "Round",
    answer: "Answer",
    count: "Count",
    share: "Percentage",
    total: "Total",
    answers: "answers",
    by_phone: "by phone",
    by_hand: "counted by hand",
    shift: "Shift",
    points: "pp",

    reactions: "Reactions",
    stance_for: "For",
    stance_against: "Against",
    stance_neutral: "Neutral",
    stance_question: "Question",
    highlighted: "Highlighted",

    proposal: "Proposal",
    description: "Description",
    actions: "Actions",
    action: "Action",
    owner: "Owner",
    due: "Due",
    feedback: "Feedback",
    feedback_from: "from",

    commitment: "Commitment",
    person: "Person",
    organisation: "Organisation",
    start: "Start",
    follow_up: "Follow-up",

    theme: "Theme",
    no_theme: "No theme",

    ranking: "Ranking of the propositions",
    ranking_intro: "From most shared agreement to most divided.",
    agreement: "Agreement",
    consensus: "Shared agreement",
    division: "Division",
    answers_column: "Answers",
    unranked: "Not ranked (no answers): agenda item",
    ranking_note_groups: "Shared agreement = the product over all groups of \
                          (agree + 1) / (answers + 2), where ‘agree’ is how often the group chose \
                          the first response option and ‘answers’ all of the group’s answers; a \
                          proposition only scores high when every group agrees. Division = the \
                          highest minus the lowest agreement rate (agree / answers) of the \
                          groups that answered, in percentage points. Always the last round \
                          with answers; ties go to the less divided, then to agenda order.",
    ranking_note_room: "Agreement = the share of the first response option in all answers of \
                        the last round with answers; ties in agenda order.",

    actions_overview: "Actions overview",
    actions_overview_intro: "All actions from the proposals (by due date) and all commitments \
                             (by follow-up date), in date order; undated ones last.",
    source: "Source",
    undated: "no date",
    no_actions: "No actions.",

    page: "page",
    page_of: "of",

    follow_up_event: "Follow-up",
    session: "Session",
    follow_up_reminder: "Follow-up tomorrow",
};

/// The report words for a session's language.
pub fn labels(lang: Language) -> &'static Labels {
    match lang {
        Language::Nl => &NL,
        Language::En => &EN,
    }
}

impl Labels {
    /// Heading word for an agenda item of this kind.
    pub fn kind(&self, kind: ItemKind) -> &'static str {
        match kind {
            ItemKind::Proposition => self.proposition,
            ItemKind::Question => self.question,
            ItemKind::Proposals => self.proposals,
            ItemKind::Commitments => self.commitments,
            ItemKind::Statements => self.statements,
            ItemKind::Info => self.info,
        }
    }

    pub fn stance(&self, stance: Stance) -> &'static str {
        match stance {
            Stance::For => self.stance_for,
            Stance::Against => self.stance_against,
            Stance::Neutral => self.stance_neutral,
            Stance::Question => self.stance_question,
        }
    }

    /// A date in this language's numeric format.
    pub fn format_date(&self, date: NaiveDate) -> String {
        date.format(self.date_format).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_per_language() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(labels(Language::Nl).format_date(d), "23-11-2026");
        assert_eq!(labels(Language::En).format_date(d), "2026-11-23");
    }

    #[test]
    fn every_label_is_filled() {
        for l in [&NL, &EN] {
            let all = [
                l.report,
                l.date_format,
                l.date,
                l.time,
                l.place,
                l.facilitators,
                l.participants,
                l.groups,
                l.group,
                l.no_group,
                l.no_agenda,
                l.proposition,
                l.question,
                l.proposals,
                l.commitments,
                l.statements,
                l.info,
                l.round,
                l.answer,
                l.count,
                l.share,
                l.total,
                l.answers,
                l.by_phone,
                l.by_hand,
                l.shift,
                l.points,
                l.reactions,
                l.stance_for,
                l.stance_against,
                l.stance_neutral,
                l.stance_question,
                l.highlighted,
                l.proposal,
                l.description,
                l.actions,
                l.action,
                l.owner,
                l.due,
                l.feedback,
                l.feedback_from,
                l.commitment,
                l.person,
                l.organisation,
                l.start,
                l.follow_up,
                l.theme,
                l.no_theme,
                l.ranking,
                l.ranking_intro,
                l.agreement,
                l.consensus,
                l.division,
                l.answers_column,
                l.unranked,
                l.ranking_note_groups,
                l.ranking_note_room,
                l.actions_overview,
                l.actions_overview_intro,
                l.source,
                l.undated,
                l.no_actions,
                l.page,
                l.page_of,
                l.follow_up_event,
                l.session,
                l.follow_up_reminder,
            ];
            assert!(all.iter().all(|s| !s.trim().is_empty()));
        }
    }
}
