//! Bidi controls in participants' texts must stay inside their text in every report: a
//! reaction with a right-to-left override that is never closed must not reverse what follows
//! it (the next reaction, the other cells of its row, the rest of the page).

use crate::support::examples;
use stelling::model::Session;
use stelling::{report, store};

/// Every user text becomes this: an override opened and never closed, then the end marker
/// `def` after which the checker looks.
const POISON: &str = "abc\u{202E}def";
/// A multi-line text whose every line ends in the marker, each line with its own leak.
const POISON_LINES: &str = "een\u{202E}def\ntwee\u{2067}def\r\ndrie\u{202B}\u{2069}def";

/// Each example with every text a participant or facilitator typed (that a report shows)
/// replaced by [`POISON`], reactions and descriptions by [`POISON_LINES`].
fn poisoned() -> Vec<Session> {
    examples()
        .iter()
        .map(|path| {
            let mut s = store::load(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            poison(&mut s);
            s
        })
        .collect()
}

fn poison(s: &mut Session) {
    let one = |t: &mut String| *t = POISON.to_string();
    let many = |t: &mut String| *t = POISON_LINES.to_string();
    one(&mut s.title);
    one(&mut s.place);
    s.facilitators.iter_mut().for_each(one);
    s.groups.iter_mut().for_each(|g| one(&mut g.name));
    for item in &mut s.agenda {
        item.text = POISON_LINES.into();
        for c in &mut item.commitments {
            one(&mut c.person);
            one(&mut c.organisation);
            many(&mut c.action);
        }
        for round in &mut item.rounds {
            one(&mut round.label);
            for r in &mut round.reactions {
                many(&mut r.text);
                r.by.iter_mut().for_each(one);
            }
        }
        for p in &mut item.proposals {
            one(&mut p.title);
            many(&mut p.description);
        }
        for a in item.proposals.iter_mut().flat_map(|p| &mut p.actions) {
            many(&mut a.text);
            one(&mut a.owner);
        }
        let feedback = item.proposals.iter_mut().flat_map(|p| &mut p.feedback);
        feedback.for_each(|f| many(&mut f.text));
        item.options.iter_mut().for_each(|o| one(&mut o.label));
        item.themes.iter_mut().for_each(|t| one(&mut t.name));
        item.statements.iter_mut().for_each(|st| many(&mut st.text));
    }
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Open {
    Embedding,
    Isolate,
}

/// Reads `output` as the bidi algorithm would, never resetting at line ends (a viewer may join
/// lines), and checks that after every end marker `def` (and the controls right after it)
/// nothing is left open. Returns how many user texts it checked.
fn check_nothing_leaks(format: &str, output: &str) -> usize {
    let mut open: Vec<Open> = Vec::new();
    let mut checked = 0;
    let mut after_marker = false;
    let mut last = ['\0'; 3];
    for (at, c) in output.char_indices() {
        let control = matches!(
            c,
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        );
        if !control && after_marker {
            assert!(
                open.is_empty(),
                "{format}: {open:?} still open after a user text, before {:?}",
                &output[at..output.len().min(at + 40)]
            );
            checked += 1;
            after_marker = false;
        }
        match c {
            '\u{202A}' | '\u{202B}' | '\u{202D}' | '\u{202E}' => open.push(Open::Embedding),
            '\u{2066}'..='\u{2068}' => open.push(Open::Isolate),
            '\u{202C}' if open.last() == Some(&Open::Embedding) => {
                open.pop();
            }
            '\u{2069}' if open.contains(&Open::Isolate) => {
                while open.pop() == Some(Open::Embedding) {}
            }
            _ if control => {}
            _ => {
                last = [last[1], last[2], c];
                after_marker = last == ['d', 'e', 'f'];
            }
        }
    }
    assert!(open.is_empty(), "{format}: {open:?} open at the end");
    checked += usize::from(after_marker);
    checked
}

fn check(format: &str, output: &str) {
    let checked = check_nothing_leaks(format, output);
    assert!(checked >= 10, "{format}: only {checked} user texts found");
}

#[test]
fn markdown_keeps_each_text_to_itself() {
    for s in poisoned() {
        check("md", &report::markdown(&s));
    }
}

#[test]
fn html_keeps_each_text_to_itself() {
    for s in poisoned() {
        check("html", &report::html(&s));
    }
}

#[test]
fn csv_keeps_each_text_to_itself() {
    let mut checked = 0;
    for s in poisoned() {
        for excel in [false, true] {
            let bytes = report::csv(&s, excel);
            checked += check_nothing_leaks("csv", &String::from_utf8(bytes).unwrap());
        }
    }
    assert!(checked >= 10, "only {checked} user texts in the tables");
}

#[test]
fn ics_keeps_each_text_to_itself() {
    let mut checked = 0;
    for s in poisoned() {
        // Unfolded, as a calendar reads it.
        let ics = report::ics(&s).replace("\r\n ", "");
        checked += check_nothing_leaks("ics", &ics);
    }
    assert!(checked >= 3, "only {checked} user texts in the calendars");
}

#[test]
fn pdf_leaves_the_controls_out() {
    for s in poisoned() {
        let bytes = report::pdf(&s).expect("a PDF");
        let text = pdf_extract::extract_text_from_mem(&bytes).expect("readable PDF");
        let bad: Vec<char> = text
            .chars()
            .filter(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
            .collect();
        assert!(bad.is_empty(), "{bad:?} in the PDF text");
        assert!(text.contains("abcdef"), "the text itself is kept");
    }
}

#[test]
fn a_text_without_controls_is_unchanged() {
    let mut s = store::load(&examples()[0]).unwrap();
    s.title = "Gewoon \u{200F}een titel".into();
    assert!(report::markdown(&s).contains("Gewoon \u{200F}een titel"));
    assert!(report::html(&s).contains("<h1>Gewoon \u{200F}een titel</h1>"));
}
