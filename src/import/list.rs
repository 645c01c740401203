//! A plain list, one proposition per line, as pasted from a document, an e-mail or a slide:
//! bullets and numbers are stripped, blank lines skipped.
//!
//! Numbers are only stripped with a mark after them (`1.`, `1)`, `(1)`), never a bare number,
//! so "3 kinderen per klas is genoeg" stays whole. Letters (`a.`) are only stripped when every
//! line of the list carries one and they run a, b, c…, so a proposition that starts with an
//! initial ("J. de Vries heeft gelijk") keeps it; `a)` and `(a)` are always stripped.

use super::trim_all;
use crate::model::{Change, IdSource, Item, ItemKind, Language, Session};

/// Marks that are bullets and nothing else, stripped with or without a space after them.
const BULLETS: &[char] = &[
    '•', '·', '‣', '◦', '▪', '▫', '■', '□', '●', '○', '►', '▶', '➢', '➤', '✓', '✔', '→',
    // Word's Symbol and Wingdings bullets when pasted as text.
    '\u{F0B7}', '\u{F0A7}', '\u{F0D8}', '\u{F0FC}',
];

/// Marks that are bullets only when a space follows: "-5 graden" and "*nadruk*" stay.
const SPACED_BULLETS: &[char] = &['-', '*', '+', '–', '—', '−', '>'];

/// The propositions in `text`, one a line, trimmed, without bullets or numbers. Blank lines and
/// lines with only a bullet or number are skipped. CRLF, a lone CR and a byte order mark are
/// handled.
pub fn parse(text: &str) -> Vec<String> {
    let lines: Vec<&str> = super::lines(text)
        .map(|line| strip_marker(trim_all(line)))
        .filter(|line| !line.is_empty())
        .collect();
    let lettered = lines.len() >= 2
        && lines
            .iter()
            .enumerate()
            .all(|(i, line)| letter_dot(line).is_some_and(|(n, _)| n == i));
    lines
        .into_iter()
        .map(|line| match letter_dot(line) {
            Some((_, rest)) if lettered => rest,
            _ => line,
        })
        .filter(|line| !line.is_empty())
        .map(str::to_string)
        .collect()
}

/// The line without one leading bullet, number or `a)` mark (and a Markdown check box), trimmed.
fn strip_marker(line: &str) -> &str {
    let mut chars = line.chars();
    let stripped = match chars.next() {
        Some(c) if BULLETS.contains(&c) => Some(chars.as_str()),
        Some(c) if SPACED_BULLETS.contains(&c) => {
            let rest = chars.as_str();
            (rest.is_empty() || rest.starts_with(char::is_whitespace)).then_some(rest)
        }
        _ => None,
    };
    if let Some(rest) = stripped {
        let rest = trim_all(rest);
        // "- [ ] text" and "- [x] text" from Markdown task lists.
        for check in ["[ ]", "[x]", "[X]"] {
            if let Some(after) = rest.strip_prefix(check)
                && (after.is_empty() || after.starts_with(char::is_whitespace))
            {
                return trim_all(after);
            }
        }
        return rest;
    }
    number_mark(line).map_or(line, trim_all)
}

/// The rest after `1.`, `1)`, `(1)`, `a)` or `(a)` (one to three digits or one ASCII letter),
/// when a space or the end of the line follows the mark.
fn number_mark(line: &str) -> Option<&str> {
    let (open, body) = match line.strip_prefix('(') {
        Some(rest) => (true, rest),
        None => (false, line),
    };
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let label = if digits > 0 {
        digits
    } else if body.bytes().next().is_some_and(|b| b.is_ascii_alphabetic()) {
        1
    } else {
        return None;
    };
    if digits > 3 {
        return None;
    }
    let rest = &body[label..];
    let rest = if open {
        rest.strip_prefix(')')?
    } else if digits > 0 {
        rest.strip_prefix(['.', ')'])?
    } else {
        rest.strip_prefix(')')?
    };
    (rest.is_empty() || rest.starts_with(char::is_whitespace)).then_some(rest)
}

/// `a. text` → (0, "text"): the letter's place in the alphabet and the trimmed rest.
fn letter_dot(line: &str) -> Option<(usize, &str)> {
    let mut bytes = line.bytes();
    let letter = bytes.next().filter(u8::is_ascii_alphabetic)?;
    let rest = line[1..].strip_prefix('.')?;
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    Some((
        usize::from(letter.to_ascii_lowercase() - b'a'),
        trim_all(rest),
    ))
}

/// One undoable change that appends a proposition item per line to the agenda.
pub fn to_changes(session: &Session, lines: &[String]) -> Change {
    to_changes_at(session, session.agenda.len(), ItemKind::Proposition, lines)
}

/// One undoable change that inserts an item of `kind` per line at agenda position `index`
/// (clamped to the end), in the order of the lines. Every id is fresh, also across the batch:
/// one [`IdSource`] for all lines, so the work grows with the number of lines, not its square.
pub fn to_changes_at(session: &Session, index: usize, kind: ItemKind, lines: &[String]) -> Change {
    let index = index.min(session.agenda.len());
    let mut ids = IdSource::new(session);
    Change::Batch(
        lines
            .iter()
            .enumerate()
            .map(|(i, line)| {
                let item = Item::with_ids(&mut ids, session.language, kind, line.as_str());
                Change::AddItem {
                    index: index + i,
                    item: Box::new(item),
                }
            })
            .collect(),
    )
}

/// A new session with a proposition item per line.
pub fn new_session(title: impl Into<String>, language: Language, lines: &[String]) -> Session {
    let mut session = Session::new(title, language);
    session
        .apply(to_changes(&session, lines))
        .expect("fresh propositions with default options always fit a new session");
    session
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn eight_propositions_with_bullets_and_blank_lines() {
        let text = "\u{FEFF}Stellingen voor de buurtavond\r\n\
                    \r\n\
                    - De bibliotheek moet ook op zondag open.\r\n\
                    * Elke straat verdient een eigen moestuin\r\n\
                    \r\n\
                    • Fietsen gaat voor parkeren\r\n\
                    \t– Het buurthuis is van iedereen, ook van jongeren \r\n\
                    · Wie klaagt, helpt mee\r\n\
                    \r\n\
                    -\r\n\
                    1. Afval scheiden moet makkelijker\r\n\
                    2) De markt hoort op het plein\r\n\
                    (3) Een bankje per honderd meter  \r\n\
                    \r\n";
        assert_eq!(
            parse(text),
            strings(&[
                "Stellingen voor de buurtavond",
                "De bibliotheek moet ook op zondag open.",
                "Elke straat verdient een eigen moestuin",
                "Fietsen gaat voor parkeren",
                "Het buurthuis is van iedereen, ook van jongeren",
                "Wie klaagt, helpt mee",
                "Afval scheiden moet makkelijker",
                "De markt hoort op het plein",
                "Een bankje per honderd meter",
            ])
        );
        let eight: Vec<String> = parse(text).into_iter().skip(1).collect();
        assert_eq!(eight.len(), 8);
    }

    #[test]
    fn lines_ended_by_cr_alone_are_separate_propositions() {
        assert_eq!(
            parse("- Eerst koffie\r- Dan de agenda\r\r3. Tot slot de rondvraag\r"),
            strings(&["Eerst koffie", "Dan de agenda", "Tot slot de rondvraag"])
        );
    }

    #[test]
    fn keeps_what_only_looks_like_a_marker() {
        assert_eq!(
            parse(
                "3 kinderen per klas is genoeg\n-5 graden is te koud voor de markt\n\
                 *Altijd* eerst luisteren\n1.5 miljoen is te weinig\n2030. Dan is de wijk klaar?\n\
                 J. de Vries heeft gelijk\nA. Einstein zei het al"
            ),
            strings(&[
                "3 kinderen per klas is genoeg",
                "-5 graden is te koud voor de markt",
                "*Altijd* eerst luisteren",
                "1.5 miljoen is te weinig",
                "2030. Dan is de wijk klaar?",
                "J. de Vries heeft gelijk",
                "A. Einstein zei het al",
            ])
        );
    }

    #[test]
    fn letters_only_when_the_whole_list_runs_a_b_c() {
        assert_eq!(
            parse(
                "a. Meetings start on time\n\nb. Phones stay in a basket\nc.\tEveryone speaks once"
            ),
            strings(&[
                "Meetings start on time",
                "Phones stay in a basket",
                "Everyone speaks once"
            ])
        );
        assert_eq!(
            parse("A. First\nC. Third"),
            strings(&["A. First", "C. Third"])
        );
        assert_eq!(parse("a) Eerst\n(b) Dan"), strings(&["Eerst", "Dan"]));
    }

    #[test]
    fn lines_with_only_a_marker_are_skipped() {
        assert_eq!(
            parse("•\n- \n 12. \n(4)\n*\n\u{200B}\n- [ ] Take notes\n- [x] Book a room"),
            strings(&["Take notes", "Book a room"])
        );
        assert!(parse("").is_empty());
        assert!(parse("\u{FEFF}\r\n\r\n   \n").is_empty());
    }

    #[test]
    fn odd_unicode_survives() {
        assert_eq!(
            parse("• 🚲 Fietsen eerst! 👍\n- المدرسة للجميع\n\u{F0B7}\tWord bullet"),
            strings(&["🚲 Fietsen eerst! 👍", "المدرسة للجميع", "Word bullet"])
        );
    }

    #[test]
    fn to_changes_appends_propositions_with_unique_ids() {
        let lines = parse("- One\n- Two\n- Three");
        let mut session = list_session();
        let before = session.agenda.len();
        let change = to_changes(&session, &lines);
        let Change::Batch(changes) = &change else {
            panic!("a batch")
        };
        assert_eq!(changes.len(), 3);
        let undo = session.apply(change).unwrap();
        assert_eq!(session.agenda.len(), before + 3);
        let texts: Vec<&str> = session.agenda[before..]
            .iter()
            .map(|i| i.text.as_str())
            .collect();
        assert_eq!(texts, ["One", "Two", "Three"]);
        assert!(
            session.agenda[before..]
                .iter()
                .all(|i| i.kind == ItemKind::Proposition && i.options.len() == 3)
        );
        crate::model::validate::session(&session).unwrap();
        session.apply(undo).unwrap();
        assert_eq!(session.agenda.len(), before);
    }

    #[test]
    fn to_changes_at_inserts_in_order() {
        let mut session = list_session();
        let first = session.agenda[0].id;
        let lines = strings(&["Welkom", "Pauze"]);
        session
            .apply(to_changes_at(&session, 0, ItemKind::Info, &lines))
            .unwrap();
        assert_eq!(session.agenda[0].text, "Welkom");
        assert_eq!(session.agenda[1].text, "Pauze");
        assert_eq!(session.agenda[1].kind, ItemKind::Info);
        assert_eq!(session.agenda[2].id, first);
    }

    #[test]
    fn new_session_has_one_item_per_line() {
        let lines = parse("1. Samen beslissen\n2. Samen doen");
        let s = new_session("Buurtavond", Language::En, &lines);
        assert_eq!(s.title, "Buurtavond");
        assert_eq!(s.language, Language::En);
        assert_eq!(s.agenda.len(), 2);
        assert_eq!(s.agenda[0].options[0].label, "Agree");
        crate::model::validate::session(&s).unwrap();
        assert!(new_session("Leeg", Language::Nl, &[]).agenda.is_empty());
    }

    #[test]
    fn many_items_in_one_batch_keep_ids_unique() {
        let lines: Vec<String> = (0..500).map(|n| format!("Stelling {n}")).collect();
        let s = new_session("Veel", Language::Nl, &lines);
        assert_eq!(s.agenda.len(), 500);
        crate::model::validate::session(&s).unwrap();
    }

    #[test]
    fn a_pasted_list_of_40000_lines_is_one_quick_undo_step() {
        let start = std::time::Instant::now();
        let lines: Vec<String> = (0..40_000).map(|n| format!("Regel {n}")).collect();
        let mut doc = crate::model::Document::new(list_session());
        let change = to_changes_at(doc.session(), 0, ItemKind::Info, &lines);
        doc.apply(change).unwrap();
        assert_eq!(doc.session().agenda.len(), 40_001);
        assert_eq!(doc.session().agenda[39_999].text, "Regel 39999");
        assert!(doc.undo());
        assert_eq!(doc.session().agenda.len(), 1);
        assert!(doc.redo());
        assert_eq!(doc.session().agenda.len(), 40_001);
        crate::model::validate::session(doc.session()).unwrap();
        // Minutes while each item was checked against all others; about a second unoptimised.
        let took = start.elapsed();
        assert!(took < std::time::Duration::from_secs(30), "took {took:?}");
    }

    fn list_session() -> Session {
        new_session("Test", Language::Nl, &strings(&["Eerste stelling"]))
    }
}
