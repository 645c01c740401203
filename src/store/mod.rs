//! Session files: human-readable RON, loaded with errors that point at a line and column,
//! saved atomically with the previous version kept as `NAME.ron.bak`, and guarded by a lock so
//! two running copies never write the same session.

mod atomic;
mod autosave;
pub mod copies;
pub mod crash;
pub mod examples;
mod export_target;
mod lock;
pub mod settings;
pub mod templates;

pub use atomic::{backup_path, write_atomic, write_atomic_with, write_export};
pub use autosave::{Autosave, RETRY_INTERVAL, SAVE_DELAY, SaveStatus};
pub use export_target::{ExportTargetError, check_export_target};
pub use lock::{LockError, SessionLock, held_by, lock_path};

use crate::model::{FORMAT_VERSION, Session, validate};
use std::fmt;
use std::path::{Path, PathBuf};

/// Files larger than this are refused before reading: no real session comes near it, and
/// reading one would freeze the app.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Why a session file could not be opened. Shown to facilitators, so every variant says what
/// happened and where.
#[derive(Debug)]
pub enum LoadError {
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    TooLarge {
        path: PathBuf,
        bytes: u64,
    },
    NotText {
        path: PathBuf,
    },
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    TooNew {
        path: PathBuf,
        version: u32,
    },
    Invalid {
        path: PathBuf,
        error: validate::ModelError,
    },
}

impl LoadError {
    /// Line and column of a syntax error, counted from 1.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            LoadError::Syntax { line, column, .. } => Some((*line, *column)),
            _ => None,
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Io { path, error } => match error.kind() {
                std::io::ErrorKind::NotFound => {
                    write!(f, "{}: the file does not exist", path.display())
                }
                std::io::ErrorKind::PermissionDenied => {
                    write!(f, "{}: no permission to read this file", path.display())
                }
                _ => write!(f, "{}: could not read the file: {error}", path.display()),
            },
            LoadError::TooLarge { path, bytes } => write!(
                f,
                "{}: the file is {} MB; Stelling opens session files up to {} MB",
                path.display(),
                bytes / 1_000_000,
                MAX_FILE_BYTES / 1_000_000
            ),
            LoadError::NotText { path } => write!(
                f,
                "{}: this is not a text file (it is not valid UTF-8), so it is not a Stelling session",
                path.display()
            ),
            LoadError::Syntax {
                path,
                line,
                column,
                message,
            } => write!(f, "{}:{line}:{column}: {message}", path.display()),
            LoadError::TooNew { path, version } => write!(
                f,
                "{}: this session was saved by a newer Stelling (file format {version}; this \
                 version reads up to {FORMAT_VERSION}). Update Stelling to open it; the file is \
                 left untouched.",
                path.display()
            ),
            LoadError::Invalid { path, error } => {
                write!(
                    f,
                    "{}: the file reads, but its contents do not fit together: {error}",
                    path.display()
                )
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// Why a save failed; the session stays in memory and the file on disk is unchanged.
#[derive(Debug, thiserror::Error)]
#[error("could not save {}: {}", path.display(), describe_io(error))]
pub struct SaveError {
    pub path: PathBuf,
    #[source]
    pub error: std::io::Error,
}

/// Words for the write failures facilitators actually meet.
fn describe_io(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "the folder no longer exists (was a USB stick removed?)".into(),
        PermissionDenied | ReadOnlyFilesystem => "the folder or file is read-only".into(),
        StorageFull | QuotaExceeded => "the disk is full".into(),
        _ => e.to_string(),
    }
}

/// Reads and checks a session file. Never writes anything.
pub fn load(path: &Path) -> Result<Session, LoadError> {
    let io = |error| LoadError::Io {
        path: path.to_path_buf(),
        error,
    };
    let bytes = std::fs::metadata(path).map_err(io)?.len();
    if bytes > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
            bytes,
        });
    }
    let raw = std::fs::read(path).map_err(io)?;
    let text = String::from_utf8(raw).map_err(|_| LoadError::NotText {
        path: path.to_path_buf(),
    })?;
    parse(&text, path)
}

/// Parses session text; `path` only names the source in errors.
pub fn parse(text: &str, path: &Path) -> Result<Session, LoadError> {
    // Multi-line texts are written as they are (see `to_ron`), so a file whose line ends became
    // CRLF (Git for Windows converts them by default, and so do some editors) has CRLF inside
    // those texts; the app's texts break lines with LF alone. A carriage return typed into a
    // text is written escaped (`\r`), so none is lost here.
    let normalised;
    let text = if text.contains('\r') {
        normalised = text.replace("\r\n", "\n");
        normalised.as_str()
    } else {
        text
    };
    if text.trim().is_empty() {
        return Err(LoadError::Syntax {
            path: path.to_path_buf(),
            line: 1,
            column: 1,
            message: "the file is empty".into(),
        });
    }
    #[derive(serde::Deserialize)]
    struct VersionProbe {
        version: u32,
    }
    let too_new = |version| LoadError::TooNew {
        path: path.to_path_buf(),
        version,
    };
    // A newer file may use things this build cannot parse, and then "update Stelling" is the
    // useful message, not a syntax error. Only a file that does not parse is read a second time
    // for just its version: reading it twice doubled the time every load took.
    let mut session: Session = match ron_options().from_str::<Session>(text) {
        Ok(session) if session.version > FORMAT_VERSION => return Err(too_new(session.version)),
        Ok(session) => session,
        Err(e) => {
            if let Ok(probe) = ron_options().from_str::<VersionProbe>(text)
                && probe.version > FORMAT_VERSION
            {
                return Err(too_new(probe.version));
            }
            let (line, column) = token_position(text, &e.span);
            return Err(LoadError::Syntax {
                path: path.to_path_buf(),
                line,
                column,
                message: explain(&e.code),
            });
        }
    };
    migrate(&mut session);
    validate::session(&session).map_err(|error| LoadError::Invalid {
        path: path.to_path_buf(),
        error,
    })?;
    Ok(session)
}

/// Where the offending token starts. ron's span often starts at the whitespace before it (after
/// a colon, at the end of the previous line); skip that, but never past the span's end.
fn token_position(text: &str, span: &ron::error::Span) -> (usize, usize) {
    let start = (span.start.line, span.start.col);
    let end = (span.end.line, span.end.col);
    let mut at = (1, 1);
    for c in text.chars() {
        if at >= start && (at >= end || !c.is_whitespace()) {
            return at;
        }
        at = if c == '\n' {
            (at.0 + 1, 1)
        } else {
            (at.0, at.1 + 1)
        };
    }
    at.max(start)
}

/// Hand-written files may leave out `Some(…)` around optional values (`by: "teacher"`).
fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// Brings an older or hand-written file up to the current shape.
fn migrate(session: &mut Session) {
    let mut ids = crate::model::IdSource::new(session);
    for item in &mut session.agenda {
        if item.rounds.is_empty() {
            item.rounds.push(crate::model::Round::new(
                ids.fresh(),
                crate::model::texts::round_label(session.language, 1),
            ));
        }
    }
    session.version = FORMAT_VERSION;
}

/// ron's error messages, reworded where a facilitator editing a file by hand would otherwise
/// be puzzled.
fn explain(code: &ron::Error) -> String {
    use ron::Error::*;
    match code {
        Eof => "the file ends too early (is it cut off, or is a closing bracket missing?)".into(),
        MissingStructField { field, outer } => match outer {
            Some(outer) => format!("`{field}` is missing in {outer}"),
            None => format!("`{field}` is missing"),
        },
        ExpectedString | ExpectedStringEnd => {
            "expected a text in double quotes (\"…\"); a quote inside a text is written \\\"".into()
        }
        other => other.to_string(),
    }
}

/// The session as the text written to disk: pretty-printed, one field a line.
///
/// Texts are written as they are (a quote in a text makes it a raw string, `r#"…"#`, and a
/// multi-line text spans lines): easier to read than escapes, and several times faster to
/// write, which matters because every change is saved. Control characters other than newline
/// and tab would be invisible there, or mangled by an editor (a lone carriage return), so a
/// session holding any is written with escapes instead.
pub fn to_ron(session: &Session) -> String {
    let plain = serialise(session, false);
    if has_hidden_controls(&plain) {
        serialise(session, true)
    } else {
        plain
    }
}

fn serialise(session: &Session, escape_strings: bool) -> String {
    let config = ron::ser::PrettyConfig::new()
        .indentor("  ".to_string())
        .struct_names(false)
        .separate_tuple_members(false)
        .enumerate_arrays(false)
        .escape_strings(escape_strings)
        .depth_limit(6);
    ron::ser::to_string_pretty(session, config).expect("a session always serialises")
}

/// C0 controls but newline and tab, DEL, and the C1 controls (U+0080–U+009F, `C2 80`–`C2 9F`
/// in UTF-8). This runs on every save over megabytes, so blocks of 64 bytes are first screened
/// with a branch-free test the compiler vectorises; only a suspicious block is looked at closely.
fn has_hidden_controls(text: &str) -> bool {
    const BLOCK: usize = 64;
    let bytes = text.as_bytes();
    let suspicious = |b: u8| (b < 0x20 && b != b'\n' && b != b'\t') | (b == 0x7F) | (b == 0xC2);
    bytes.chunks(BLOCK).enumerate().any(|(n, block)| {
        block.iter().fold(false, |seen, &b| seen | suspicious(b))
            && (n * BLOCK..n * BLOCK + block.len()).any(|i| {
                let b = bytes[i];
                (b < 0x20 && b != b'\n' && b != b'\t')
                    || b == 0x7F
                    || (b == 0xC2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)))
            })
    })
}

/// Saves atomically: the old file stays whole until the new one is complete on disk.
pub fn save(path: &Path, session: &Session) -> Result<(), SaveError> {
    write_atomic(path, to_ron(session).as_bytes()).map_err(|error| SaveError {
        path: path.to_path_buf(),
        error,
    })
}

/// A file name (not a path) suggested for a session title, safe on every platform.
pub fn file_name_for(title: &str) -> String {
    const FORBIDDEN: &[char] = &['<', '>', ':', '"', '/', '\\', '|', '?', '*'];
    // At most 80 characters and 200 bytes: most file systems allow 255 bytes per name, and 80
    // emoji take 320.
    let mut bytes = 0;
    let mut name: String = title
        .trim()
        .chars()
        .map(|c| {
            if FORBIDDEN.contains(&c) || c.is_control() {
                '-'
            } else {
                c
            }
        })
        .collect::<String>()
        .trim()
        .trim_end_matches(['.', ' '])
        .chars()
        .take(80)
        .take_while(|c| {
            bytes += c.len_utf8();
            bytes <= 200
        })
        .collect();
    // Windows reserves these device names, also with an extension ("nul.txt" is "NUL").
    let base = name
        .split('.')
        .next()
        .unwrap_or("")
        .trim_end()
        .to_uppercase();
    let reserved = matches!(base.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ["COM", "LPT"].iter().any(|device| {
            base.strip_prefix(device).is_some_and(|n| {
                let mut n = n.chars();
                n.next()
                    .is_some_and(|d| d.is_ascii_digit() || "¹²³".contains(d))
                    && n.next().is_none()
            })
        });
    if name.is_empty() || reserved {
        name = format!("sessie{}", if name.is_empty() { "" } else { "-" }) + &name;
    }
    name + ".ron"
}
