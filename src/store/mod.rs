//! Session files: human-readable RON, loaded with errors that point at a line and column,
//! saved atomically with the previous version kept as `NAME.ron.bak`, and guarded by a lock so
//! two running copies never write the same session.

mod atomic;
mod autosave;
pub mod copies;
pub mod crash;
mod decode;
pub mod examples;
mod export_target;
mod locate;
mod lock;
mod read;
pub mod settings;
pub mod templates;

pub use atomic::{backup_path, write_atomic, write_atomic_with, write_export};
pub use autosave::{Autosave, RETRY_INTERVAL, SAVE_DELAY, SaveStatus};
pub use decode::{DecodeError, Encoding, decode};
pub use export_target::{ExportTargetError, check_export_target};
pub use lock::{Access, LockError, ReadOnly, SessionLock, held_by, lock_path};
pub use read::{NotAFile, ReadError, is_link_loop, read_limited};

use crate::model::{FORMAT_VERSION, Session, validate};
use std::fmt;
use std::path::{Path, PathBuf};

/// Session files larger than this are refused, by `check`, every command and the app alike: no
/// real session comes near it, and reading one would freeze the app.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Why a session file could not be opened. Shown to facilitators, so every variant says what
/// happened and where.
#[derive(Debug)]
pub enum LoadError {
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    /// A folder, a named pipe, a device: nothing Stelling reads.
    NotAFile {
        path: PathBuf,
        kind: NotAFile,
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
        /// In English, for the command line.
        message: String,
        /// What the problem is, for the window to say in its own language (boxed: errors are
        /// returned by value, and most are never looked at this closely).
        kind: Box<SyntaxKind>,
    },
    TooNew {
        path: PathBuf,
        version: u32,
    },
    /// The file parses, but its contents break a rule of the model. `at` is the line and
    /// column of the record concerned, `item` the agenda item's number (from 1) and text.
    Invalid {
        path: PathBuf,
        error: validate::ModelError,
        at: Option<(usize, usize)>,
        item: Option<(usize, String)>,
    },
}

/// What a syntax error is about, so the window can word it in its language; the error's
/// `message` holds the English words the command line prints.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyntaxKind {
    /// A field the record does not have. `record` is the model type's name (`Reaction`).
    UnknownField {
        found: String,
        record: Option<String>,
        suggestion: Option<&'static str>,
        allowed: &'static [&'static str],
    },
    /// A choice (a stance, a kind of item, a language) that does not exist.
    UnknownChoice {
        found: String,
        record: Option<String>,
        suggestion: Option<&'static str>,
        allowed: &'static [&'static str],
    },
    /// A date or moment that cannot be read or whose year is outside 1000–9999.
    NotADate {
        text: String,
    },
    /// The file ends inside a text; the error's position is its opening quote.
    UnclosedText {
        backup: String,
    },
    /// A line starting with `#`.
    HashLine,
    MissingComma,
    Empty,
    EndsEarly,
    /// Anything else: the English message only.
    Other,
}

impl LoadError {
    /// Line and column of a syntax error or of the record that does not fit, counted from 1.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            LoadError::Syntax { line, column, .. } => Some((*line, *column)),
            LoadError::Invalid { at, .. } => *at,
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
            LoadError::NotAFile { path, kind } => write!(f, "{}: {kind}", path.display()),
            LoadError::TooLarge { path, bytes } => write!(
                f,
                "{}: the file is {} MB; Stelling opens session files up to {} MB",
                path.display(),
                bytes / 1_000_000,
                MAX_FILE_BYTES / 1_000_000
            ),
            LoadError::NotText { path } => write!(
                f,
                "{}: this is not a text file (it is not valid UTF-8 or UTF-16), so it is not a \
                 Stelling session; save a file edited by hand as UTF-8",
                path.display()
            ),
            LoadError::Syntax {
                path,
                line,
                column,
                message,
                ..
            } => write!(f, "{}:{line}:{column}: {message}", path.display()),
            LoadError::TooNew { path, version } => write!(
                f,
                "{}: this session was saved by a newer Stelling (file format {version}; this \
                 version reads up to {FORMAT_VERSION}). Update Stelling to open it; the file is \
                 left untouched.",
                path.display()
            ),
            LoadError::Invalid {
                path,
                error,
                at,
                item,
            } => {
                write!(f, "{}", path.display())?;
                if let Some((line, column)) = at {
                    write!(f, ":{line}:{column}")?;
                }
                write!(
                    f,
                    ": the file reads, but its contents do not fit together: {error}"
                )?;
                match item {
                    Some((number, text)) => write!(f, " (in agenda item {number}, {text})"),
                    None => Ok(()),
                }
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
    let raw = read_limited(path, MAX_FILE_BYTES).map_err(|e| {
        let path = path.to_path_buf();
        match e {
            ReadError::Io(error) => LoadError::Io { path, error },
            ReadError::NotAFile(kind) => LoadError::NotAFile { path, kind },
            ReadError::TooLarge { bytes, .. } => LoadError::TooLarge { path, bytes },
        }
    })?;
    let text = session_text(raw).ok_or_else(|| LoadError::NotText {
        path: path.to_path_buf(),
    })?;
    parse(&text, path)
}

/// A session's text: UTF-8, also with the byte order mark Notepad writes, or UTF-16 with one
/// (decoded as the importers do, the mark dropped, so lines and columns count from the text).
/// Unlike a list, a session is never guessed to be Windows-1252: Stelling writes UTF-8, so
/// anything else was damaged or is not a session.
fn session_text(raw: Vec<u8>) -> Option<String> {
    const MARKS: [&[u8]; 3] = [&[0xEF, 0xBB, 0xBF], &[0xFF, 0xFE], &[0xFE, 0xFF]];
    if !MARKS.iter().any(|mark| raw.starts_with(mark)) {
        // The common case, without the copy `decode` makes: sessions can be large.
        return String::from_utf8(raw).ok();
    }
    match decode(&raw) {
        Ok((text, Encoding::Utf8 | Encoding::Utf16)) => Some(text),
        _ => None,
    }
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
            kind: Box::new(SyntaxKind::Empty),
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
            return Err(syntax_error(text, path, &e));
        }
    };
    migrate(&mut session);
    validate::located(&session).map_err(|problem| LoadError::Invalid {
        path: path.to_path_buf(),
        at: locate::place(text, &problem.place),
        item: problem.item.map(|i| {
            (
                i + 1,
                crate::model::shorten::quoted_title(&session.agenda[i].text),
            )
        }),
        error: problem.error,
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
                (crate::model::words::words(session.language).session.round)(1),
            ));
        }
    }
    session.version = FORMAT_VERSION;
}

/// A syntax error at the place a facilitator has to look, said so they can act on it.
fn syntax_error(text: &str, path: &Path, e: &ron::error::SpannedError) -> LoadError {
    use ron::Error::*;
    let (line, column) = token_position(text, &e.span);
    let at = |(line, column), message: String, kind| LoadError::Syntax {
        path: path.to_path_buf(),
        line,
        column,
        message,
        kind: Box::new(kind),
    };
    // The file ends inside a text when ron stops at or after a quote that is never closed (a
    // quote missing earlier leaves an odd one too, but ron stops there, before it).
    let ends_early = matches!(e.code, Eof | ExpectedString | ExpectedStringEnd);
    let unclosed = locate::unclosed_text(text).filter(|&open| ends_early && open <= (line, column));
    if let Some(open) = unclosed {
        let backup = backup_path(path);
        let backup = backup.file_name().unwrap_or_default().to_string_lossy();
        return at(
            open,
            format!(
                "the file ends inside a text: the quote here opens a text that is never closed. \
                 Is the file cut off? Then open {backup}, the previous version; otherwise add \
                 the missing \""
            ),
            SyntaxKind::UnclosedText {
                backup: backup.into_owned(),
            },
        );
    }
    let hash = char_at(text, (line, column)) == Some('#');
    if hash || e.code == ExpectedAttribute {
        // ron reads `#` as the start of `#![enable(…)]` and reports the word after it.
        let whole = ron::error::Span {
            start: ron::error::Position { line: 1, col: 1 },
            end: ron::error::Position {
                line: usize::MAX,
                col: usize::MAX,
            },
        };
        let first = token_position(text, &whole);
        return at(
            if hash { (line, column) } else { first },
            "a line starting with # is not allowed here: session files have no # comments; \
             write a comment as // … or remove the line"
                .into(),
            SyntaxKind::HashLine,
        );
    }
    if let Message(message) = &e.code {
        // A value Stelling refused (a date, an id): ron reports where it ends.
        let open = text_before(text, (line, column));
        let kind = quoted_at(text, open)
            .filter(|value| looks_like_a_date(value))
            .map_or(SyntaxKind::Other, |text| SyntaxKind::NotADate { text });
        return at(open, message.clone(), kind);
    }
    at((line, column), explain(&e.code), kind_of(&e.code))
}

/// The text in quotes that opens at `at`, if a quote is there.
fn quoted_at(text: &str, at: (usize, usize)) -> Option<String> {
    let line = text.split('\n').nth(at.0 - 1)?;
    let rest: String = line.chars().skip(at.1 - 1).collect();
    let inner = rest.strip_prefix('"')?;
    Some(inner[..inner.find('"')?].to_string())
}

/// Digits, dashes and the like only, with a dash after the year: what a date is written as.
fn looks_like_a_date(value: &str) -> bool {
    let digits = value.trim_start_matches(['+', '-']);
    digits.contains('-')
        && digits.starts_with(|c: char| c.is_ascii_digit())
        && value
            .chars()
            .all(|c| c.is_ascii_digit() || "+-:.TZ".contains(c))
}

/// The kinds of ron error the window words itself.
fn kind_of(code: &ron::Error) -> SyntaxKind {
    use ron::Error::*;
    match code {
        NoSuchStructField {
            expected,
            found,
            outer,
        } => SyntaxKind::UnknownField {
            found: found.clone(),
            record: outer.clone(),
            suggestion: closest(found, expected),
            allowed: expected,
        },
        NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => SyntaxKind::UnknownChoice {
            found: found.clone(),
            record: outer.clone(),
            suggestion: closest(found, expected),
            allowed: expected,
        },
        ExpectedComma => SyntaxKind::MissingComma,
        Eof => SyntaxKind::EndsEarly,
        _ => SyntaxKind::Other,
    }
}

/// Where the text in quotes that `at` is in, or that ends just before it on the same line,
/// opens; `at` if there is none. ron reports a refused value at its start or its end.
fn text_before(text: &str, at: (usize, usize)) -> (usize, usize) {
    let Some(line) = text.split('\n').nth(at.0 - 1) else {
        return at;
    };
    let before: Vec<char> = line.chars().take(at.1 - 1).collect();
    let quotes: Vec<usize> = (0..before.len()).filter(|&i| before[i] == '"').collect();
    let closed = before
        .iter()
        .rev()
        .find(|c| !c.is_whitespace() && **c != ')' && **c != ',')
        == Some(&'"');
    let open = match quotes.len() {
        n if n % 2 == 1 => quotes.last(),
        n if n >= 2 && closed => quotes.get(n - 2),
        _ => None,
    };
    open.map_or(at, |open| (at.0, open + 1))
}

/// The character at a line and column (both from 1), if the text has one there.
fn char_at(text: &str, (line, column): (usize, usize)) -> Option<char> {
    text.split('\n').nth(line - 1)?.chars().nth(column - 1)
}

/// ron's error messages, reworded where a facilitator editing a file by hand would otherwise
/// be puzzled.
fn explain(code: &ron::Error) -> String {
    use ron::Error::*;
    match code {
        Eof => "the file ends too early (is it cut off, or is a closing bracket missing?)".into(),
        MissingStructField { field, outer } => {
            format!("`{field}` is missing{}", within(outer.as_deref()))
        }
        DuplicateStructField { field, outer } => format!(
            "`{field}` is written twice{}; keep one of the two",
            within(outer.as_deref())
        ),
        NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "Stelling knows no field `{found}`{}{}; the fields there are {}. Correct the name or \
             remove the line (Stelling refuses the file rather than drop what it does not know)",
            within(outer.as_deref()),
            did_you_mean(found, expected),
            names(expected)
        ),
        NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => format!(
            "`{found}` is not a choice{}{}; the choices are {}",
            outer
                .as_deref()
                .map_or(String::new(), |o| format!(" for {}", record(o))),
            did_you_mean(found, expected),
            names(expected)
        ),
        ExpectedString | ExpectedStringEnd => {
            "expected a text in double quotes (\"…\"); a quote inside a text is written \\\"".into()
        }
        ExpectedComma => {
            "a comma is missing: every field and every entry in a list ends with `,`".into()
        }
        ExpectedStructLikeEnd | ExpectedOptionEnd | ExpectedArrayEnd | ExpectedMapEnd => format!(
            "{}: is a comma missing before this, or a bracket too many or too few?",
            code.to_string().to_lowercase()
        ),
        ExpectedStructLike | ExpectedNamedStructLike(_) | ExpectedDifferentStructName { .. } => {
            "expected `(` here; a session file starts with `(` and each record is written \
             `( … )` (is this a Stelling session?)"
                .into()
        }
        TrailingCharacters => "there is more after the session's closing `)`: is there a \
             bracket too many, or were two files put together?"
            .into(),
        ExceededRecursionLimit => "the brackets are nested far deeper than in any session \
             (more than 100 levels); this is not a Stelling session"
            .into(),
        UnexpectedChar(c) => format!(
            "`{c}` is not expected here: is a comma, a bracket or a quote around a text missing?"
        ),
        ExpectedMapColon => "a `:` is missing after the field's name".into(),
        ExpectedIdentifier => "expected a field's name here (such as `text:`): is a closing \
             bracket missing before this, or is there a comma too many?"
            .into(),
        ExpectedInteger | InvalidIntegerDigit { .. } => "expected a whole number here".into(),
        IntegerOutOfBounds => "this number is too large, or negative where it cannot be".into(),
        UnclosedBlockComment => "a comment opened with /* is never closed with */".into(),
        other => other.to_string(),
    }
}

/// " in a reaction", or nothing when ron did not say which record.
fn within(outer: Option<&str>) -> String {
    outer.map_or(String::new(), |o| format!(" in {}", record(o)))
}

/// A model type's name as a facilitator would say it.
fn record(name: &str) -> String {
    match name {
        "Session" => "the session",
        "Group" => "a group",
        "Item" => "an agenda item",
        "ResponseOption" => "a response option",
        "Round" => "a round",
        "Tally" => "a count",
        "Reaction" => "a reaction",
        "Proposal" => "a proposal",
        "Action" => "an action",
        "Feedback" => "feedback",
        "Commitment" => "a commitment",
        "Theme" => "a theme",
        "Statement" => "a statement",
        "Stance" => "a stance",
        "ItemKind" => "the kind of item",
        "Language" => "the language",
        other => return format!("`{other}`"),
    }
    .into()
}

/// `` `a`, `b` and `c` ``.
fn names(expected: &[&str]) -> String {
    let quoted: Vec<String> = expected.iter().map(|n| format!("`{n}`")).collect();
    match quoted.split_last() {
        None => "none".into(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// " (did you mean `highlighted`?)" for the closest name a slip of the keyboard away.
fn did_you_mean(found: &str, expected: &[&str]) -> String {
    closest(found, expected).map_or(String::new(), |name| format!(" (did you mean `{name}`?)"))
}

/// The allowed name a slip of the keyboard away from `found` (a third of its letters at most:
/// swapped, missing, extra or wrong; upper or lower case does not count), if there is one.
pub fn closest<'a>(found: &str, expected: &[&'a str]) -> Option<&'a str> {
    let found = found.to_lowercase();
    let allowed = (found.chars().count() / 3).max(1);
    expected
        .iter()
        .map(|name| {
            (
                strsim::damerau_levenshtein(&found, &name.to_lowercase()),
                *name,
            )
        })
        .filter(|(distance, _)| *distance <= allowed)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, name)| name)
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

/// The real file behind `path`: absolute, without links. Found once when a session is opened
/// (or saved under a new name) and used from then on for saving, the backup, the lock and the
/// recent list, so a save through a link replaces the file it points to (not the link), the
/// lock is the one every other path to the file finds, and a relative path keeps working after
/// the working folder went away and came back (a USB stick pulled and put back). A file that
/// does not exist yet is resolved through its folder.
pub fn resolve_session_path(path: &Path) -> std::io::Result<PathBuf> {
    match std::fs::canonicalize(path) {
        Ok(real) => Ok(simplified(real)),
        // A missing file, but not a link to one: where a new file would go.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && path.symlink_metadata().is_err() => {
            let Some(name) = path.file_name() else {
                return Err(e);
            };
            let folder = match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p,
                _ => Path::new("."),
            };
            Ok(simplified(std::fs::canonicalize(folder)?).join(name))
        }
        Err(e) => Err(e),
    }
}

/// Windows' canonical paths start with `\\?\`, which a facilitator should not have to read in
/// the status line; the ordinary drive path names the same file when it is short enough and no
/// part of it ends in a dot or a space (which only the long form can name).
#[cfg(windows)]
fn simplified(path: PathBuf) -> PathBuf {
    let plain = path
        .to_str()
        .and_then(|p| p.strip_prefix(r"\\?\"))
        .filter(|rest| {
            let b = rest.as_bytes();
            rest.len() < 260
                && b.len() >= 3
                && b[0].is_ascii_alphabetic()
                && b[1] == b':'
                && b[2] == b'\\'
                && !rest
                    .split('\\')
                    .any(|part| part.ends_with('.') || part.ends_with(' '))
        })
        .map(PathBuf::from);
    plain.unwrap_or(path)
}

#[cfg(not(windows))]
fn simplified(path: PathBuf) -> PathBuf {
    path
}

/// Whether two paths name one file: the same path, or through links and `..` (both resolved),
/// or as two hard links to it. Otherwise false when either does not exist. The one answer for
/// "is this the open session", "is this an input file" and "would this overwrite the session".
pub fn same_file(a: &Path, b: &Path) -> bool {
    if a == b {
        return true;
    }
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) if x == y => true,
        (Ok(_), Ok(_)) => same_inode(a, b),
        _ => false,
    }
}

#[cfg(unix)]
fn same_inode(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_inode(_: &Path, _: &Path) -> bool {
    false
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
