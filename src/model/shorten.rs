//! The one text shortener: every place that shows less of a text than it has (the beamer, the
//! presenter's lists, messages that name an item, the report preview) cuts it here, on
//! characters rather than bytes, with "…" where something was left out.

use std::borrow::Cow;

/// How much of an item's first line a message shows to name it.
pub const TITLE_CHARS: usize = 60;

/// The first `max_chars` characters of `text`, or `None` when it is no longer than that.
/// Looks at no more of the text than that, so a megabyte costs as little as a line.
pub fn cut(text: &str, max_chars: usize) -> Option<&str> {
    text.char_indices()
        .nth(max_chars)
        .map(|(at, _)| &text[..at])
}

/// `text`, cut to `max_chars` characters with "…" when longer. Laying out a megabyte of text
/// takes egui over a second, so every text a participant or a paste can make huge goes
/// through here before it is shown.
pub fn clipped(text: &str, max_chars: usize) -> Cow<'_, str> {
    match cut(text, max_chars) {
        None => Cow::Borrowed(text),
        Some(head) => Cow::Owned(format!("{head}…")),
    }
}

/// The first line of a text, at most `max_chars` characters with the "…", for one-line lists;
/// " …" after it when more lines follow.
pub fn first_line(text: &str, max_chars: usize) -> String {
    let line = text.lines().next().unwrap_or("").trim();
    if cut(line, max_chars).is_some() {
        let head = cut(line, max_chars.saturating_sub(1)).unwrap_or(line);
        format!("{}…", head.trim_end())
    } else if text.trim().lines().nth(1).is_some() {
        format!("{line} …")
    } else {
        line.to_owned()
    }
}

/// An item's first line cut at [`TITLE_CHARS`], to name the item in a conflict or a list.
pub fn title(text: &str) -> String {
    clipped(text.lines().next().unwrap_or("").trim(), TITLE_CHARS).into_owned()
}

/// [`title`] in quotes, to name an item inside a sentence.
pub fn quoted_title(text: &str) -> String {
    format!("“{}”", title(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_texts_are_cut_at_a_character_not_a_byte() {
        for (text, max, cut) in [
            ("kort", 10, "kort"),
            ("ééééé", 5, "ééééé"),
            ("éééééé", 5, "ééééé…"),
            ("👩‍👩‍👧 en meer", 3, "👩‍👩…"),
        ] {
            assert_eq!(clipped(text, max), cut);
        }
        assert!(matches!(clipped("kort", 4), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn one_line_shortens_on_characters_not_bytes() {
        for (text, max, cut) in [
            ("", 10, ""),
            ("één twee drie vier", 8, "één twe…"),
            ("a\nb", 10, "a …"),
            ("🌻🌻🌻", 2, "🌻…"),
            ("x", 0, "…"),
        ] {
            assert_eq!(first_line(text, max), cut);
        }
    }

    #[test]
    fn a_title_is_the_first_line_cut_at_sixty() {
        let long = "é".repeat(70);
        assert_eq!(
            title(&format!("  {long}\nmore")).chars().count(),
            TITLE_CHARS + 1
        );
        assert_eq!(title(" kort \nmeer"), "kort");
        assert_eq!(quoted_title("kort"), "“kort”");
    }
}
