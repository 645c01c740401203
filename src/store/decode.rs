//! Bytes of a text file as text: UTF-8 (with or without a byte order mark), UTF-16 with one,
//! or Windows-1252. Sessions (see `load`) and imported lists and chats share it; it sits in the
//! store beside the bounded reader, so the importers build on the store and never the reverse.

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
