//! Plain lists and chat logs into model changes. [`read_text`] reads the file (the command
//! line and the app share it); the rest are pure functions, and the caller applies the returned
//! [`crate::model::Change`] with `Session::apply`, so an import is one undo step.
//!
//! - [`list`]: one proposition per line, bullets and numbers stripped.
//! - [`chat`]: saved chats of Zoom, Teams, Meet-like and WhatsApp-like apps into reactions.

pub mod chat;
pub mod list;

pub use crate::store::{DecodeError, Encoding, decode};
use crate::store::{ReadError, read_limited};
use std::path::Path;

/// Lists and chats larger than this are refused: a day of chat is a few megabytes.
pub const MAX_TEXT_BYTES: u64 = 64 * 1024 * 1024;

/// Why a list or chat file could not be read as text.
#[derive(Debug, thiserror::Error)]
pub enum TextError {
    #[error("{}", read_problem(.0))]
    Read(#[from] ReadError),
    #[error("{0}")]
    Decode(#[from] DecodeError),
}

fn read_problem(e: &ReadError) -> String {
    match e {
        ReadError::Io(e) if e.kind() == std::io::ErrorKind::NotFound => {
            "the file does not exist".into()
        }
        ReadError::Io(e) => format!("cannot read the file: {e}"),
        ReadError::NotAFile(kind) => kind.to_string(),
        ReadError::TooLarge { bytes, limit } => format!(
            "the file is {} MB; Stelling imports text files up to {} MB",
            bytes / 1_000_000,
            limit / 1_000_000
        ),
    }
}

/// The text of a list or chat file, at most [`MAX_TEXT_BYTES`], and how it was encoded (see
/// [`decode`]). Only regular files are read, so a pipe or a device fails at once.
pub fn read_text(path: &Path) -> Result<(String, Encoding), TextError> {
    let bytes = read_limited(path, MAX_TEXT_BYTES)?;
    Ok(decode(&bytes)?)
}

/// Characters that take no room and carry no meaning at the edges of a line or a name: zero
/// width spaces and joiners, byte order marks, and direction marks and embeddings that chat
/// apps put around names.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// `s` without whitespace and invisible characters at either end.
pub(crate) fn trim_all(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || is_invisible(c))
}

/// The lines of `text`, ended by LF (Unix), CRLF (Windows) or a lone CR (old Mac files and
/// some exports): [`str::lines`] knows only the first two, so a CR-only file was one line.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        match current.find(['\r', '\n']) {
            Some(end) => {
                let after = if current[end..].starts_with("\r\n") {
                    end + 2
                } else {
                    end + 1
                };
                rest = Some(&current[after..]).filter(|r| !r.is_empty());
                Some(&current[..end])
            }
            None => {
                rest = None;
                Some(current).filter(|c| !c.is_empty())
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_end_with_lf_crlf_or_cr() {
        fn split(t: &str) -> Vec<&str> {
            lines(t).collect()
        }
        assert_eq!(split("a\rb\r\nc\nd"), ["a", "b", "c", "d"]);
        assert_eq!(split("a\r\rb\r"), ["a", "", "b"]);
        assert_eq!(split("a\n\nb\n"), ["a", "", "b"]);
        assert!(split("").is_empty());
        for text in ["x\ny\r\n\nz", "\n", "é\r\nü", "a\n\n"] {
            assert_eq!(split(text), text.lines().collect::<Vec<_>>(), "{text:?}");
        }
    }

    #[test]
    fn decodes_utf8_with_and_without_bom() {
        assert_eq!(
            decode("één".as_bytes()).unwrap(),
            ("één".into(), Encoding::Utf8)
        );
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("café".as_bytes());
        assert_eq!(decode(&bom).unwrap().0, "café");
    }

    #[test]
    fn decodes_windows_1252() {
        // "Café – “ja”" in Windows-1252.
        let bytes = b"Caf\xe9 \x96 \x93ja\x94 \x80";
        assert_eq!(
            decode(bytes).unwrap(),
            ("Café – “ja” €".into(), Encoding::Windows1252)
        );
    }

    #[test]
    fn decodes_utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("Zo’n 😀".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&le).unwrap(), ("Zo’n 😀".into(), Encoding::Utf16));
        let mut be = vec![0xFE, 0xFF];
        be.extend("hé".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be).unwrap().0, "hé");
        assert_eq!(decode(&[0xFF, 0xFE, 0x41]), Err(DecodeError::BadUtf16));
    }

    #[test]
    fn refuses_binary() {
        assert_eq!(decode(b"PK\x03\x04\x00\x00"), Err(DecodeError::Binary));
    }

    #[test]
    fn trims_invisible_characters() {
        assert_eq!(trim_all("\u{200E} Jan\u{200B} \u{FEFF}"), "Jan");
        assert_eq!(trim_all("\u{202B}سارا\u{202C}"), "سارا");
    }
}
