//! Bidirectional control characters in participants' texts, made harmless for the reports.
//!
//! A reaction may hold an override (U+202E RIGHT-TO-LEFT OVERRIDE and friends) that is never
//! closed; written raw into a report it reverses everything after it: the next reaction, the
//! table's other cells, a whole Markdown paragraph. Each format therefore takes a user text
//! through one of these two functions:
//!
//! - [`isolate`] keeps the text's own right-to-left intent but balances it: embeddings,
//!   overrides and isolates it opens are closed before each line of it ends, closers without an
//!   opener are left out, and a line that held any of them is wrapped in U+2068 FIRST STRONG
//!   ISOLATE … U+2069 POP DIRECTIONAL ISOLATE. Every viewer that applies the Unicode bidi
//!   algorithm (browsers, spreadsheets, calendars, Markdown viewers, editors) then keeps the
//!   line's effect inside it; a viewer that knows no isolates still gets explicit closers
//!   (U+202C for embeddings and overrides), so nothing reaches the text after it either. Lines
//!   are balanced one by one because a viewer may join them (Markdown's soft line breaks). A
//!   line that already closes everything it opens is left as typed.
//!   Used for Markdown, HTML, CSV and ICS, through [`super::summary::lines`] and friends.
//! - [`strip`] removes the controls. For output without bidi shaping (the PDF, which draws
//!   glyphs left to right, and the app's preview, whose text engine has none) that is the
//!   honest choice: the controls would only show as empty boxes or do nothing.
//!
//! Texts without such controls come out unchanged. The marks U+200E, U+200F and U+061C only
//! set the direction of neutral characters next to them and cannot leak; they stay.

use std::borrow::Cow;

const LRE: char = '\u{202A}';
const RLE: char = '\u{202B}';
const PDF: char = '\u{202C}';
const LRO: char = '\u{202D}';
const RLO: char = '\u{202E}';
const LRI: char = '\u{2066}';
const RLI: char = '\u{2067}';
const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

/// Whether `c` opens or closes an embedding, override or isolate.
pub fn is_control(c: char) -> bool {
    matches!(c, LRE | RLE | PDF | LRO | RLO | LRI | RLI | FSI | PDI)
}

/// What a control left open: an embedding or override (closed by PDF) or an isolate (PDI).
#[derive(Clone, Copy, PartialEq)]
enum Open {
    Embedding,
    Isolate,
}

/// `text` with every line's embeddings, overrides and isolates balanced and, where it had any,
/// the line wrapped in an isolate (see the module documentation).
pub fn isolate(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(at) = rest.find(is_paragraph_end) {
        let end = at + rest[at..].chars().next().map_or(1, char::len_utf8);
        isolate_line(&rest[..at], &mut out);
        out.push_str(&rest[at..end]);
        rest = &rest[end..];
    }
    isolate_line(rest, &mut out);
    Cow::Owned(out)
}

/// Characters that end a paragraph for the bidi algorithm (class B), which ends every
/// embedding too.
fn is_paragraph_end(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{1C}' | '\u{1D}' | '\u{1E}' | '\u{85}' | '\u{2029}'
    )
}

/// One line, balanced and wrapped in FSI … PDI, appended to `out`. A line that already keeps
/// its controls to itself stays as it is, so that text balanced once (a name inside a longer
/// line) is not wrapped again.
fn isolate_line(line: &str, out: &mut String) {
    if is_balanced(line) {
        out.push_str(line);
        return;
    }
    out.push(FSI);
    let mut open: Vec<Open> = Vec::new();
    for c in line.chars() {
        match c {
            LRE | RLE | LRO | RLO => open.push(Open::Embedding),
            LRI | RLI | FSI => open.push(Open::Isolate),
            // A PDF closes only an embedding opened since the last isolate; any other is
            // left out (it would do nothing, or close something outside the text).
            PDF if open.last() != Some(&Open::Embedding) => continue,
            PDF => {
                open.pop();
            }
            PDI if !open.contains(&Open::Isolate) => continue,
            PDI => close_to_isolate(&mut open, out),
            _ => {}
        }
        out.push(c);
    }
    while let Some(o) = open.pop() {
        out.push(closer(o));
    }
    out.push(PDI);
}

/// Whether every embedding, override and isolate opened in `line` is closed in it, and every
/// closer in it has its opener there, as the bidi algorithm pairs them.
fn is_balanced(line: &str) -> bool {
    let mut open: Vec<Open> = Vec::new();
    for c in line.chars() {
        match c {
            LRE | RLE | LRO | RLO => open.push(Open::Embedding),
            LRI | RLI | FSI => open.push(Open::Isolate),
            PDF if open.last() == Some(&Open::Embedding) => {
                open.pop();
            }
            // A PDI that would close embeddings on its way is not counted as balanced: a
            // viewer that knows no isolates would keep those open.
            PDI if open.last() == Some(&Open::Isolate) => {
                open.pop();
            }
            PDF | PDI => return false,
            _ => {}
        }
    }
    open.is_empty()
}

/// Closes the embeddings opened inside the innermost isolate explicitly (a viewer without
/// isolates would keep them open) and forgets that isolate; its PDI is pushed by the caller.
fn close_to_isolate(open: &mut Vec<Open>, out: &mut String) {
    while let Some(o) = open.pop() {
        if o == Open::Isolate {
            return;
        }
        out.push(closer(o));
    }
}

fn closer(o: Open) -> char {
    match o {
        Open::Embedding => PDF,
        Open::Isolate => PDI,
    }
}

/// `text` without embedding, override and isolate controls, for output that has no bidi
/// shaping (see the module documentation).
pub fn strip(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_control) {
        Cow::Owned(text.chars().filter(|c| !is_control(*c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_without_controls_are_unchanged() {
        for text in ["", "gewoon", "עברית and English", "a\u{200F}b\u{200E}c\nd"] {
            assert!(matches!(isolate(text), Cow::Borrowed(t) if t == text));
            assert!(matches!(strip(text), Cow::Borrowed(t) if t == text));
        }
    }

    #[test]
    fn an_open_override_is_closed_and_isolated() {
        assert_eq!(
            isolate("abc\u{202E}def"),
            "\u{2068}abc\u{202E}def\u{202C}\u{2069}"
        );
        assert_eq!(strip("abc\u{202E}def"), "abcdef");
    }

    #[test]
    fn a_stray_closer_cannot_end_the_isolate_early() {
        // The PDI would otherwise close the wrapper and let the override after it loose.
        let out = isolate("a\u{2069}\u{202E}b");
        assert_eq!(out, "\u{2068}a\u{202E}b\u{202C}\u{2069}");
        assert!(is_balanced(&out));
        assert_eq!(
            isolate("x\u{202C}y\u{2067}z"),
            "\u{2068}xy\u{2067}z\u{2069}\u{2069}"
        );
    }

    #[test]
    fn a_pdi_closes_the_embeddings_inside_its_isolate_explicitly() {
        let out = isolate("\u{2067}a\u{202B}b\u{2069}c");
        assert_eq!(out, "\u{2068}\u{2067}a\u{202B}b\u{202C}\u{2069}c\u{2069}");
        assert!(is_balanced(&out));
    }

    #[test]
    fn balanced_intent_is_kept() {
        let text = "zie \u{2067}שלום\u{2069} en \u{202B}עוד\u{202C}";
        assert_eq!(isolate(text), text);
    }

    #[test]
    fn each_line_is_balanced_on_its_own() {
        let out = isolate("een\u{202E}\ntwee\r\ndrie\u{202B}");
        assert_eq!(
            out,
            "\u{2068}een\u{202E}\u{202C}\u{2069}\ntwee\r\n\u{2068}drie\u{202B}\u{202C}\u{2069}"
        );
        assert!(out.split(['\n', '\r']).all(is_balanced));
    }

    #[test]
    fn every_mix_of_controls_comes_out_balanced() {
        let pieces = [
            LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI, 'a', '\u{5D0}', '1', ' ',
        ];
        // All sequences of up to four pieces.
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            texts = texts
                .iter()
                .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
                .collect();
            for t in &texts {
                let out = isolate(t);
                assert!(is_balanced(&out), "{t:?} -> {out:?}");
                assert_eq!(strip(&out), strip(t), "only controls are added or left out");
                assert_eq!(isolate(&out), out, "once is enough");
            }
        }
    }
}
