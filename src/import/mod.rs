//! Plain lists and chat logs into model changes. [`read_text`] reads the file (the command
//! line and the app share it); the rest are pure functions, and the caller applies the returned
//! [`crate::model::Change`] with `Session::apply`, so an import is one undo step.
//!
//! - [`list`]: one proposition per line, bullets and numbers stripped.
//! - [`chat`]: saved chats of Zoom, Teams, Meet-like and WhatsApp-like apps into reactions.

pub mod chat;
pub mod list;

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

/// How [`decode`] read the bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// UTF-16 with a byte order mark, as Windows Notepad saves "Unicode".
    Utf16,
    /// Not valid UTF-8: read as Windows-1252, the usual encoding of older Windows text files.
    Windows1252,
}

/// Why bytes could not be read as text.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error(
        "this is not a text file (it contains zero bytes); save the list or chat as plain text (.txt)"
    )]
    Binary,
    #[error("the file says it is UTF-16 but is not valid UTF-16; save it as UTF-8 text")]
    BadUtf16,
}

/// Text from a file's bytes: UTF-8 (with or without a byte order mark), UTF-16 with a byte
/// order mark, or else Windows-1252. Binary files (containing zero bytes) are refused. A
/// leading byte order mark is dropped.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes).map(|s| (s, Encoding::Utf16));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes).map(|s| (s, Encoding::Utf16));
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err(DecodeError::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text.to_string(), Encoding::Utf8)),
        Err(_) => Ok((
            bytes.iter().map(|&b| windows_1252(b)).collect(),
            Encoding::Windows1252,
        )),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, DecodeError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(DecodeError::BadUtf16);
    }
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
    let text = String::from_utf16(&units).map_err(|_| DecodeError::BadUtf16)?;
    if text.contains('\0') {
        return Err(DecodeError::Binary);
    }
    Ok(text)
}

/// Windows-1252 is Latin-1 except for 0x80–0x9F; the five unassigned bytes there map to the
/// C1 control characters of the same value, as browsers do.
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
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
