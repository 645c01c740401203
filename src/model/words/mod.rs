//! Every word the room or a reader sees, in the session's language: the report's words, the
//! beamer's, and the few the model writes into a session itself. (The presenter's own window
//! speaks the facilitator's language; its words are in `ui::texts`.)
//!
//! One struct of groups, one `const` of it per language ([`nl`], [`en`]), reached by
//! [`words`]: a word missing in one language is a compile error, not an English word in a
//! Dutch report. A text with arguments is a `fn`, so a missing argument does not compile
//! either. A new audience (the participants' phones, say) is one more group.

use super::{Decimal, ItemKind, Language, Stance};
use chrono::NaiveDate;

mod en;
mod nl;
mod phone;

pub use en::EN;
pub use nl::NL;
pub use phone::{PhoneWords, Refusals};

/// All the words of one language, grouped by who reads them.
pub struct Words {
    pub report: ReportWords,
    pub beamer: BeamerWords,
    pub session: SessionWords,
    /// The participants' phones in live voting.
    pub phone: PhoneWords,
    /// Why a phone's request was refused.
    pub refusals: Refusals,
}

/// The words in `language`.
pub fn words(language: Language) -> &'static Words {
    match language {
        Language::Nl => &NL,
        Language::En => &EN,
    }
}

/// The words of a report, in every format (Markdown, HTML, PDF, CSV, ICS) and in the beamer's
/// charts, so the room and the report read alike. Headings and labels are capitalised as they
/// stand at the start of a line; sentences end with a full stop.
pub struct ReportWords {
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
    /// A round without a label of its own: "Round 2".
    pub round: fn(usize) -> String,
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
    /// The group that gave feedback: "from Table 2".
    pub feedback_from: fn(&str) -> String,

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
    /// The agenda numbers of items left out, already joined:
    /// "Not ranked (no answers): agenda item 3, 5."
    pub unranked: fn(&str) -> String,
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

    /// PDF page numbers: "page 2 of 5".
    pub page: fn(usize, usize) -> String,

    // Calendar (ICS) of follow-ups.
    /// An event's title around who does what: "Follow-up: Jo — call the residents".
    pub follow_up_event: fn(&str) -> String,
    pub session: &'static str,
    /// The reminder the day before: "Follow-up tomorrow: Jo — call the residents".
    pub follow_up_reminder: fn(&str) -> String,
}

impl ReportWords {
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

/// The few words the beamer shows that a report has no use for.
pub struct BeamerWords {
    /// The audience window's title, after the session's.
    pub window_title: &'static str,
    pub no_quotes: &'static str,
    pub no_answers: &'static str,
    /// A proposals, commitments or statements item with nothing in it yet.
    pub nothing_yet: &'static str,
    /// Before the mean of a numeric scale: "mean 3.4".
    pub mean: &'static str,
    /// Above the join code of live voting: "Vote on your phone".
    pub join: &'static str,
}

/// What the model writes into a session, where the room sees it later.
pub struct SessionWords {
    /// Agree / disagree / doubt: a new proposition's options.
    pub default_options: &'static [&'static str],
    /// The yes/no answer set the facilitator can pick.
    pub yes_no: &'static [&'static str],
    /// A new round's label: "Round 2".
    pub round: fn(usize) -> String,
    /// The mark a merge puts before the text of a conflict's other version.
    pub other_version: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Stands in for a text argument, so a test can see that a phrase shows it.
    const ARG: &str = "«x»";

    /// Every phrase of one language by name, those with arguments filled in (texts with `ARG`,
    /// numbers with 7 and 9). The destructuring names every field, so a new word does not
    /// compile until it is listed here too.
    fn phrases(w: &Words) -> Vec<(&'static str, String)> {
        let ReportWords {
            report,
            date_format,
            decimal: _,
            date,
            time,
            place,
            facilitators,
            participants,
            groups,
            group,
            no_group,
            no_agenda,
            proposition,
            question,
            proposals,
            commitments,
            statements,
            info,
            round,
            answer,
            count,
            share,
            total,
            answers,
            by_phone,
            by_hand,
            shift,
            points,
            reactions,
            stance_for,
            stance_against,
            stance_neutral,
            stance_question,
            highlighted,
            proposal,
            description,
            actions,
            action,
            owner,
            due,
            feedback,
            feedback_from,
            commitment,
            person,
            organisation,
            start,
            follow_up,
            theme,
            no_theme,
            ranking,
            ranking_intro,
            agreement,
            consensus,
            division,
            answers_column,
            unranked,
            ranking_note_groups,
            ranking_note_room,
            actions_overview,
            actions_overview_intro,
            source,
            undated,
            no_actions,
            page,
            follow_up_event,
            session,
            follow_up_reminder,
        } = &w.report;
        let BeamerWords {
            window_title,
            no_quotes,
            no_answers,
            nothing_yet,
            mean,
            join,
        } = &w.beamer;
        let SessionWords {
            default_options,
            yes_no,
            round: session_round,
            other_version,
        } = &w.session;
        let words = [
            ("report", *report),
            ("date_format", date_format),
            ("date", date),
            ("time", time),
            ("place", place),
            ("facilitators", facilitators),
            ("participants", participants),
            ("groups", groups),
            ("group", group),
            ("no_group", no_group),
            ("no_agenda", no_agenda),
            ("proposition", proposition),
            ("question", question),
            ("proposals", proposals),
            ("commitments", commitments),
            ("statements", statements),
            ("info", info),
            ("answer", answer),
            ("count", count),
            ("share", share),
            ("total", total),
            ("answers", answers),
            ("by_phone", by_phone),
            ("by_hand", by_hand),
            ("shift", shift),
            ("points", points),
            ("reactions", reactions),
            ("stance_for", stance_for),
            ("stance_against", stance_against),
            ("stance_neutral", stance_neutral),
            ("stance_question", stance_question),
            ("highlighted", highlighted),
            ("proposal", proposal),
            ("description", description),
            ("actions", actions),
            ("action", action),
            ("owner", owner),
            ("due", due),
            ("feedback", feedback),
            ("commitment", commitment),
            ("person", person),
            ("organisation", organisation),
            ("start", start),
            ("follow_up", follow_up),
            ("theme", theme),
            ("no_theme", no_theme),
            ("ranking", ranking),
            ("ranking_intro", ranking_intro),
            ("agreement", agreement),
            ("consensus", consensus),
            ("division", division),
            ("answers_column", answers_column),
            ("ranking_note_groups", ranking_note_groups),
            ("ranking_note_room", ranking_note_room),
            ("actions_overview", actions_overview),
            ("actions_overview_intro", actions_overview_intro),
            ("source", source),
            ("undated", undated),
            ("no_actions", no_actions),
            ("session", session),
            ("window_title", window_title),
            ("no_quotes", no_quotes),
            ("no_answers", no_answers),
            ("nothing_yet", nothing_yet),
            ("mean", mean),
            ("join", join),
            ("other_version", other_version),
        ];
        let Refusals {
            closed,
            bad_request,
            too_large,
            too_fast,
            full,
            no_device,
            not_found,
            timeout,
        } = &w.refusals;
        let refusals = [
            ("refused_closed", *closed),
            ("bad_request", *bad_request),
            ("too_large", *too_large),
            ("too_fast", *too_fast),
            ("refused_full", *full),
            ("no_device", *no_device),
            ("not_found", *not_found),
            ("timeout", *timeout),
        ];
        let mut all: Vec<(&'static str, String)> = words
            .iter()
            .chain(&refusals)
            .map(|(n, s)| (*n, s.to_string()))
            .collect();
        // The phone's words go to the page as JSON, by name: every one of them, so also a new one.
        let serde_json::Value::Object(phone) = serde_json::to_value(w.phone).unwrap() else {
            unreachable!("the phone's words are a struct")
        };
        all.extend(phone.into_iter().map(|(name, text)| {
            let name: &'static str = Box::leak(format!("phone.{name}").into_boxed_str());
            (name, text.as_str().unwrap_or_default().to_owned())
        }));
        all.extend([
            ("round", round(7)),
            ("unranked", unranked(ARG)),
            ("page", page(7, 9)),
            ("feedback_from", feedback_from(ARG)),
            ("follow_up_event", follow_up_event(ARG)),
            ("follow_up_reminder", follow_up_reminder(ARG)),
            ("session_round", session_round(7)),
            ("default_options", default_options.join("|")),
            ("yes_no", yes_no.join("|")),
        ]);
        all
    }

    /// The same in both languages on purpose: loanwords, units and numbers.
    const ALIKE: [&str; 5] = ["statements", "share", "points", "feedback", "start"];

    #[test]
    fn every_phrase_is_filled_and_translated() {
        let (nl, en) = (phrases(&NL), phrases(&EN));
        assert_eq!(nl.len(), en.len());
        let mut alike = Vec::new();
        for ((name, dutch), (_, english)) in nl.iter().zip(&en) {
            for text in [dutch, english] {
                assert!(!text.trim().is_empty(), "{name} is empty");
                assert!(
                    !text.split('|').any(|s| s.trim().is_empty()),
                    "{name}: {text}"
                );
            }
            if dutch == english {
                alike.push(*name);
            }
        }
        assert_eq!(
            alike, ALIKE,
            "words left untranslated, or translated where alike"
        );
    }

    #[test]
    fn phrases_with_arguments_show_them() {
        for w in [&NL, &EN] {
            let r = &w.report;
            for (text, parts) in [
                ((r.round)(7), &["7"][..]),
                ((w.session.round)(7), &["7"]),
                ((r.page)(7, 9), &["7", "9"]),
                ((r.unranked)(ARG), &[ARG]),
                ((r.feedback_from)(ARG), &[ARG]),
                ((r.follow_up_event)(ARG), &[ARG]),
                ((r.follow_up_reminder)(ARG), &[ARG]),
            ] {
                assert!(parts.iter().all(|p| text.contains(p)), "{text}");
            }
            assert!((r.page)(7, 9).find('7') < (r.page)(7, 9).find('9'));
        }
    }

    #[test]
    fn each_language_gets_its_own_words() {
        assert_eq!(words(Language::Nl).report.report, "Verslag");
        assert_eq!(words(Language::En).report.report, "Report");
        assert_eq!((words(Language::Nl).session.round)(2), "Ronde 2");
        assert_eq!((words(Language::En).report.page)(2, 5), "page 2 of 5");
    }
}
