//! Follow-up dates of commitments as an iCalendar file (RFC 5545), to import into the
//! organisers' calendar.
//!
//! One all-day event per commitment that has a follow-up date, in agenda order, with a
//! reminder the day before. Deterministic: the UID comes from the commitment's id (so
//! importing a newer export updates the events instead of doubling them) and DTSTAMP from the
//! session's date (midnight UTC; 1970-01-01 when the session has none), never from the clock.
//! Lines end in CRLF and are folded at 75 octets on character boundaries; text values are
//! escaped (`\` `;` `,` and newlines).

use super::labels::Labels;
use super::summary::{lines, single_line, summary};
use crate::model::{Commitment, Session};
use chrono::NaiveDate;

/// The follow-ups of the session's commitments as an iCalendar file. Pure and deterministic.
pub fn ics(session: &Session) -> String {
    let sum = summary(session);
    let l = sum.labels;
    let lang = session.language.code().to_uppercase();
    let stamp = session
        .date
        .unwrap_or_default()
        .format("%Y%m%dT000000Z")
        .to_string();
    let mut out = Calendar::default();
    out.line("BEGIN:VCALENDAR");
    out.line("VERSION:2.0");
    out.line(&format!("PRODID:-//Stelling//Stelling//{lang}"));
    out.line("CALSCALE:GREGORIAN");
    out.line("METHOD:PUBLISH");
    out.line(&format!("X-WR-CALNAME:{}", text(&sum.title)));
    for item in &session.agenda {
        for c in &item.commitments {
            if let Some(date) = c.follow_up {
                event(&mut out, l, session, &sum.title, &stamp, c, date);
            }
        }
    }
    out.line("END:VCALENDAR");
    out.0
}

fn event(
    out: &mut Calendar,
    l: &Labels,
    session: &Session,
    title: &str,
    stamp: &str,
    c: &Commitment,
    date: NaiveDate,
) {
    let person = single_line(&c.person);
    let action = single_line(&c.action);
    let what = match (person.is_empty(), action.is_empty()) {
        (false, false) => format!("{person} — {action}"),
        (false, true) => person.clone(),
        (true, _) => action.clone(),
    };

    let mut description = Vec::new();
    let organisation = single_line(&c.organisation);
    let mut add = |label: &str, value: String| {
        if !value.is_empty() {
            description.push(format!("{label}: {value}"));
        }
    };
    add(l.person, person.clone());
    add(l.organisation, organisation);
    add(l.action, lines(&c.action).join("\n"));
    add(
        l.start,
        c.start.map(|d| l.format_date(d)).unwrap_or_default(),
    );
    add(l.follow_up, l.format_date(date));
    let session_line = match session.date {
        Some(d) => format!("{title} ({})", l.format_date(d)),
        None => title.to_string(),
    };
    add(l.session, session_line);

    let day = |d: NaiveDate| d.format("%Y%m%d").to_string();
    out.line("BEGIN:VEVENT");
    out.line(&format!("UID:{}@stelling", c.id));
    out.line(&format!("DTSTAMP:{stamp}"));
    out.line(&format!("DTSTART;VALUE=DATE:{}", day(date)));
    if let Some(next) = date.succ_opt() {
        out.line(&format!("DTEND;VALUE=DATE:{}", day(next)));
    }
    out.line(&format!("SUMMARY:{}", text(&(l.follow_up_event)(&what))));
    out.line(&format!("DESCRIPTION:{}", text(&description.join("\n"))));
    out.line("TRANSP:TRANSPARENT");
    out.line("BEGIN:VALARM");
    out.line("ACTION:DISPLAY");
    out.line("TRIGGER:-P1D");
    out.line(&format!(
        "DESCRIPTION:{}",
        text(&(l.follow_up_reminder)(&what))
    ));
    out.line("END:VALARM");
    out.line("END:VEVENT");
}

/// Content lines, each folded and ended with CRLF.
#[derive(Default)]
struct Calendar(String);

impl Calendar {
    fn line(&mut self, line: &str) {
        self.0.push_str(&fold(line));
        self.0.push_str("\r\n");
    }
}

/// Folds a content line so no physical line is longer than 75 octets: continuation lines start
/// with a space, and a multi-byte character is never split. Spaces at a fold move to the next
/// line where they fit, so no line ends in a space (tools that trim trailing blanks would
/// otherwise change the text).
pub fn fold(line: &str) -> String {
    const LIMIT: usize = 75;
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for c in line.chars() {
        // A continuation line has one octet less: its leading space.
        let room = if lines.is_empty() { LIMIT } else { LIMIT - 1 };
        if current.len() + c.len_utf8() > room {
            let keep = current.trim_end_matches(' ').len();
            let carry = if keep > 0 && current.len() - keep + c.len_utf8() < LIMIT {
                current.split_off(keep)
            } else {
                String::new()
            };
            lines.push(std::mem::replace(&mut current, carry));
        }
        current.push(c);
    }
    lines.push(current);
    lines.join("\r\n ")
}

/// A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newline escaped; other
/// control characters, which TEXT does not allow, left out.
pub fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    for c in value.replace("\r\n", "\n").replace('\r', "\n").chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;

    #[test]
    fn folding_keeps_characters_whole() {
        let line = format!("SUMMARY:{}", "ë".repeat(100));
        let folded = fold(&line);
        for physical in folded.split("\r\n") {
            assert!(physical.len() <= 75, "{}", physical.len());
        }
        assert_eq!(folded.replace("\r\n ", ""), line);
        assert_eq!(fold("short"), "short");
        let exact = "x".repeat(75);
        assert_eq!(fold(&exact), exact);
        assert_eq!(fold(&"x".repeat(76)), format!("{exact}\r\n x"));
        // A space at the fold moves to the next line.
        let spaced = format!("{} abc", "x".repeat(74));
        assert_eq!(fold(&spaced), format!("{}\r\n  abc", "x".repeat(74)));
        for n in 60..160 {
            let line = format!("{}{}x", "a ".repeat(n / 2), "ë ".repeat(n));
            let folded = fold(&line);
            assert_eq!(folded.replace("\r\n ", ""), line);
            for physical in folded.split("\r\n") {
                assert!(physical.len() <= 75);
                assert!(!physical.ends_with(' ') || physical.trim().is_empty());
            }
        }
    }

    #[test]
    fn text_escaping() {
        assert_eq!(text("a\\b;c,d\ne\r\nf\u{7}"), "a\\\\b\\;c\\,d\\ne\\nf");
    }

    #[test]
    fn no_commitments_is_an_empty_calendar() {
        let s = Session::new("Leeg", Language::Nl);
        assert_eq!(
            ics(&s),
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Stelling//Stelling//NL\r\n\
             CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:Leeg\r\nEND:VCALENDAR\r\n"
        );
    }
}
