//! Positions in a session's text that ron does not give: the record a validation problem is
//! about, and the quote that opens a text the file never closes. Only run when a file is
//! refused, so a plain scan is fast enough.

use crate::model::Id;
use crate::model::validate::Place;

/// A line and column, counted from 1; columns count characters.
pub type Position = (usize, usize);

/// One text in double quotes (or a raw text), with the field name it is the value of.
struct Quoted<'a> {
    /// The last `name:` before the text, if no `,` came between (`group: Some("…")`).
    key: Option<&'a str>,
    key_at: Position,
    value: &'a str,
}

/// What a scan of the whole text found.
struct Scan<'a> {
    texts: Vec<Quoted<'a>>,
    /// Where the text the file ends in was opened, when the file ends inside one.
    unclosed: Option<Position>,
}

/// Walks the text like ron's lexer does for comments and texts; everything else is tokens.
fn scan(text: &str) -> Scan<'_> {
    let mut texts = Vec::new();
    let mut chars = text.char_indices().peekable();
    let (mut line, mut col) = (1, 1);
    let mut key: Option<(&str, Position)> = None;
    let mut ident: Option<(usize, Position)> = None;
    let mut last_ident: Option<(&str, Position)> = None;
    // Moves one character on, keeping the position.
    macro_rules! bump {
        () => {{
            let next = chars.next();
            if let Some((_, c)) = next {
                if c == '\n' {
                    line += 1;
                    col = 1;
                } else {
                    col += 1;
                }
            }
            next
        }};
    }
    while let Some(&(i, c)) = chars.peek() {
        let here = (line, col);
        let is_ident = c.is_alphanumeric() || c == '_';
        match (ident, is_ident) {
            (None, true) => ident = Some((i, here)),
            (Some((start, at)), false) => {
                last_ident = Some((&text[start..i], at));
                ident = None;
            }
            _ => {}
        }
        let raw_hashes = (c == 'r' && ident.is_some_and(|(start, _)| start == i))
            .then(|| raw_string_start(&text[i + 1..]))
            .flatten();
        if let Some(hashes) = raw_hashes {
            for _ in 0..=hashes + 1 {
                bump!();
            }
            let body = i + 2 + hashes;
            let closing = format!("\"{}", "#".repeat(hashes));
            let Some(len) = text[body..].find(&closing) else {
                return Scan {
                    texts,
                    unclosed: Some(here),
                };
            };
            while chars
                .peek()
                .is_some_and(|&(j, _)| j < body + len + closing.len())
            {
                bump!();
            }
            texts.push(quoted(key, &text[body..body + len]));
            ident = None;
            continue;
        }
        match c {
            '"' => {
                bump!();
                let start = i + 1;
                let mut end = None;
                while let Some((j, c)) = bump!() {
                    match c {
                        '\\' => {
                            bump!();
                        }
                        '"' => {
                            end = Some(j);
                            break;
                        }
                        _ => {}
                    }
                }
                let Some(end) = end else {
                    return Scan {
                        texts,
                        unclosed: Some(here),
                    };
                };
                texts.push(quoted(key, &text[start..end]));
                continue;
            }
            '/' if text[i..].starts_with("//") => {
                while chars.peek().is_some_and(|&(_, c)| c != '\n') {
                    bump!();
                }
                continue;
            }
            '/' if text[i..].starts_with("/*") => {
                let end = text[i + 2..]
                    .find("*/")
                    .map_or(text.len(), |n| i + 2 + n + 2);
                while chars.peek().is_some_and(|&(j, _)| j < end) {
                    bump!();
                }
                continue;
            }
            ':' => key = last_ident,
            ',' => key = None,
            _ => {}
        }
        bump!();
    }
    Scan {
        texts,
        unclosed: None,
    }
}

/// The number of `#` of a raw text that starts after an `r` (`r"…"`, `r#"…"#`), if one does.
fn raw_string_start(after_r: &str) -> Option<usize> {
    let hashes = after_r.bytes().take_while(|&b| b == b'#').count();
    (after_r.as_bytes().get(hashes) == Some(&b'"')).then_some(hashes)
}

fn quoted<'a>(key: Option<(&'a str, Position)>, value: &'a str) -> Quoted<'a> {
    Quoted {
        key: key.map(|(k, _)| k),
        key_at: key.map_or((1, 1), |(_, at)| at),
        value,
    }
}

/// Where a text is opened that the file never closes, if the file ends inside one.
pub fn unclosed_text(text: &str) -> Option<Position> {
    scan(text).unclosed
}

/// The position of the field that points at `place`: the `id` of a record, or the field
/// holding a reference. `None` when the text does not hold it (a record added on load).
pub fn place(text: &str, place: &Place) -> Option<Position> {
    let texts = scan(text).texts;
    let is = |q: &Quoted, id: Id| q.value.parse::<Id>() == Ok(id);
    let own = |q: &Quoted| q.key == Some("id");
    let found = match *place {
        Place::Record(id) => texts.iter().find(|q| own(q) && is(q, id)),
        Place::Repeated(id) => texts.iter().filter(|q| own(q) && is(q, id)).nth(1),
        Place::Reference { within, to } => {
            let start = texts.iter().position(|q| own(q) && is(q, within))?;
            texts[start..].iter().find(|q| !own(q) && is(q, to))
        }
        Place::SessionField(name) => texts.iter().find(|q| q.key == Some(name)),
    };
    found.map(|q| q.key_at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_records_references_and_unclosed_texts() {
        let text = "(\n  id: \"1\", // \"not a text\n  a: [(id: r#\"2\"#, t: \"say \\\"3\\\"\"),\n  \
                    (id: \"0002\", group: Some(\"3\"))],\n  end_time: \"x\",\n)";
        assert_eq!(place(text, &Place::Record(Id(2))), Some((3, 8)));
        assert_eq!(place(text, &Place::Repeated(Id(2))), Some((4, 4)));
        let reference = Place::Reference {
            within: Id(2),
            to: Id(3),
        };
        assert_eq!(place(text, &reference), Some((4, 16)));
        assert_eq!(place(text, &Place::SessionField("end_time")), Some((5, 3)));
        assert_eq!(place(text, &Place::Record(Id(9))), None);
        assert_eq!(unclosed_text(text), None);
        assert_eq!(unclosed_text("(\n  title: \"Één 😀,\n"), Some((2, 10)));
        assert_eq!(unclosed_text("(t: r#\"a\"b"), Some((1, 5)));
    }
}
