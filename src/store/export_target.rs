//! Where a report may be written. A report can always be made again from its session; a session
//! cannot be made again from its report. So an export never writes over the session it comes
//! from, over any other session (also a broken one: it is still the facilitator's data), or
//! over a file another copy of Stelling holds open.
//!
//! "A session" here is a file that could be one: any `.ron` file, a `NAME.ron.bak` backup, a
//! lock file, and any file whose text starts the way a session does, `(` or `Session(` followed
//! by a field name and a colon (after a byte order mark, comments or `#![enable(…)]`). Every
//! file that loads starts like that, and so does one cut off or broken by a hand edit. Reports
//! never do: Markdown, HTML, CSV, iCalendar and PDF all start otherwise.

use std::io::Read;
use std::path::{Path, PathBuf};

/// Why a report may not be written to a path. The command line shows these texts; the app
/// words them in the window's language (`ui::errors`).
#[derive(Debug, thiserror::Error)]
pub enum ExportTargetError {
    #[error(
        "{}: this is the session being exported; a report never replaces its session. Write \
         the report to another file",
        .0.display()
    )]
    IsInput(PathBuf),
    #[error(
        "{}: this is a Stelling session file (or looks like one); a report never replaces a \
         session. Write the report to another file",
        .0.display()
    )]
    IsSession(PathBuf),
    #[error(
        "{}: another copy of Stelling has this file open ({holder}); write the report to \
         another file",
        path.display()
    )]
    Locked { path: PathBuf, holder: String },
    #[error("{}: this is a folder; give a file name for the report", .0.display())]
    IsFolder(PathBuf),
    #[error(
        "{}: this is not an ordinary file (a device or a pipe); write the report to a file, \
         or to standard output by leaving out -o",
        .0.display()
    )]
    NotAFile(PathBuf),
    #[error(
        "{} already exists; choose another name with -o, or overwrite it with --force",
        .0.display()
    )]
    Exists(PathBuf),
    #[error("{}: could not look at the existing file ({error}), so it is left alone", path.display())]
    Unreadable {
        path: PathBuf,
        error: std::io::Error,
    },
}

/// Whether a report exported from the session file `input` may be written to `output`.
///
/// Refused always: `input` itself (also through a link, `..` or a hard link), a session or a
/// file that looks like one (see the module documentation), a file another copy of Stelling
/// holds, a folder, a device or a pipe. Another existing file only with `allow_existing`: the
/// command line's `--force`, or the app's save dialog, which has asked already.
pub fn check_export_target(
    output: &Path,
    input: &Path,
    allow_existing: bool,
) -> Result<(), ExportTargetError> {
    let owned = || output.to_path_buf();
    if super::same_file(output, input) {
        return Err(ExportTargetError::IsInput(owned()));
    }
    let resolved = output.canonicalize().ok();
    let held =
        super::lock::held_by(output).or_else(|| resolved.as_deref().and_then(super::lock::held_by));
    if let Some(holder) = held {
        return Err(ExportTargetError::Locked {
            path: owned(),
            holder,
        });
    }
    let meta = match std::fs::metadata(output) {
        Ok(meta) => meta,
        // Nothing there (or a link to nothing, which a rename replaces): nothing to lose.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return if has_session_name(output) {
                Err(ExportTargetError::IsSession(owned()))
            } else {
                Ok(())
            };
        }
        Err(error) => {
            return Err(ExportTargetError::Unreadable {
                path: owned(),
                error,
            });
        }
    };
    if meta.is_dir() {
        return Err(ExportTargetError::IsFolder(owned()));
    }
    if !meta.is_file() {
        return Err(ExportTargetError::NotAFile(owned()));
    }
    let looks_like_session = has_session_name(output)
        || starts_like_session(output).map_err(|error| ExportTargetError::Unreadable {
            path: owned(),
            error,
        })?;
    if looks_like_session {
        return Err(ExportTargetError::IsSession(owned()));
    }
    if !allow_existing {
        return Err(ExportTargetError::Exists(owned()));
    }
    Ok(())
}

/// `.ron` (any case), a backup `.ron.bak`, or a session's lock file `.NAME.ron.lock`. A new
/// file by such a name would be taken for a session later, so it is refused too.
fn has_session_name(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    name.ends_with(".ron") || name.ends_with(".ron.bak") || name.ends_with(".ron.lock")
}

/// Whether the file's first bytes read like the start of a session.
fn starts_like_session(path: &Path) -> std::io::Result<bool> {
    const HEAD: u64 = 64 * 1024;
    let mut head = Vec::new();
    std::fs::File::open(path)?
        .take(HEAD)
        .read_to_end(&mut head)?;
    Ok(ron_struct_start(&head_text(&head)))
}

/// The head as text: UTF-16 with a byte order mark is decoded, anything else read as UTF-8
/// (a character cut off at the end, or a stray byte, does not matter here).
fn head_text(bytes: &[u8]) -> String {
    let utf16 = |rest: &[u8], unit: fn([u8; 2]) -> u16| {
        let units: Vec<u16> = rest.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
        String::from_utf16_lossy(&units)
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes);
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    String::from_utf8_lossy(bytes).into_owned()
}

/// `(field:` or `Name(field:`, after whitespace, comments and `#![…]` attributes: how RON
/// writes a struct, and so how every session starts.
fn ron_struct_start(text: &str) -> bool {
    let rest = skip_filler(text);
    let rest = rest.trim_start_matches(is_ident_char);
    let Some(rest) = skip_filler(rest).strip_prefix('(') else {
        return false;
    };
    let rest = skip_filler(rest);
    let rest = rest.strip_prefix("r#").unwrap_or(rest);
    let field = rest.trim_start_matches(is_ident_char);
    field.len() < rest.len() && skip_filler(field).starts_with(':')
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// `text` from its first character that is not whitespace, a comment or an attribute.
fn skip_filler(mut text: &str) -> &str {
    loop {
        let trimmed = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
        let next = if let Some(rest) = trimmed.strip_prefix("//") {
            rest.find('\n').map_or("", |end| &rest[end..])
        } else if let Some(rest) = trimmed.strip_prefix("/*") {
            rest.find("*/").map_or("", |end| &rest[end + 2..])
        } else if let Some(rest) = trimmed.strip_prefix("#!") {
            rest.find(']').map_or("", |end| &rest[end + 1..])
        } else {
            return trimmed;
        };
        text = next;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_how_sessions_start() {
        for text in [
            "(\n  version: 1,\n  title: \"x\",",
            "Session(\r\n  version: 1,\r\n",
            "\u{FEFF}  // mijn sessie\n/* oud */ #![enable(implicit_some)]\n( r#version : 1",
            "(title:\"afgebroken",
        ] {
            assert!(ron_struct_start(text), "{text:?}");
        }
        for text in [
            "# Verslag\n\n(version: 1)",
            "<!doctype html>",
            "BEGIN:VCALENDAR",
            "%PDF-1.7",
            "item;text;count\n",
            "(1) Eerste stelling",
            "(defun x ())",
            "",
            "(",
        ] {
            assert!(!ron_struct_start(text), "{text:?}");
        }
    }

    #[test]
    fn utf16_heads_are_decoded() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("(version: 1,".encode_utf16().flat_map(u16::to_le_bytes));
        assert!(ron_struct_start(&head_text(&le)));
    }

    #[test]
    fn session_names() {
        for name in ["a.ron", "A.RON", "a.ron.bak", ".a.ron.lock", "dir/x.Ron"] {
            assert!(has_session_name(Path::new(name)), "{name}");
        }
        for name in ["a.md", "ron", "a.ronde.html", "a.ron.md"] {
            assert!(!has_session_name(Path::new(name)), "{name}");
        }
    }
}
