//! Errors from the store in the presenter's language. The store's own `Display` texts stay
//! English for the command line; here each kind of failure gets the window's words.

use super::texts::Texts;
use crate::model::ModelError;
use crate::store::{
    ExportTargetError, LoadError, LockError, MAX_FILE_BYTES, NotAFile, SaveError, SyntaxKind,
};
use std::io::ErrorKind;

/// Why a session file did not open: it is locked, or it does not load.
pub enum OpenError {
    Lock(LockError),
    Load(LoadError),
}

pub fn open_error(e: &OpenError, t: &Texts) -> String {
    match e {
        OpenError::Lock(LockError::Held { holder }) => (t.err_locked)(holder),
        OpenError::Lock(LockError::Io { path, error }) => {
            format!("{}: {} ({error})", path.display(), t.err_lock)
        }
        OpenError::Load(e) => load_error(e, t),
    }
}

pub fn load_error(e: &LoadError, t: &Texts) -> String {
    match e {
        LoadError::Io { path, error } => {
            let what = match error.kind() {
                ErrorKind::NotFound => t.err_not_found.to_string(),
                ErrorKind::PermissionDenied => t.err_no_read_permission.to_string(),
                _ => format!("{} ({error})", t.err_read),
            };
            format!("{}: {what}", path.display())
        }
        LoadError::NotAFile { path, kind } => {
            format!("{}: {}", path.display(), not_a_file(*kind, t))
        }
        LoadError::TooLarge { path, bytes } => format!(
            "{}: {}",
            path.display(),
            (t.err_too_large)(bytes / 1_000_000, MAX_FILE_BYTES / 1_000_000)
        ),
        LoadError::NotText { path } => format!("{}: {}", path.display(), t.err_not_text),
        LoadError::Syntax {
            path,
            line,
            column,
            message,
            kind,
        } => format!(
            "{}:{line}:{column}: {} {}",
            path.display(),
            syntax_at(t, *line, *column),
            syntax_problem(kind, message, t)
        ),
        LoadError::TooNew { path, version } => {
            format!("{}: {}", path.display(), (t.err_too_new)(*version))
        }
        LoadError::Invalid {
            path,
            error,
            at,
            item,
        } => {
            let mut shown = path.display().to_string();
            if let Some((line, column)) = at {
                shown += &format!(":{line}:{column}: {}", syntax_at(t, *line, *column));
            } else {
                shown += ":";
            }
            shown += &format!(" {} {}", t.err_invalid, model_error(error, t));
            if let Some((number, text)) = item {
                shown += &format!(" ({})", (t.err_in_item)(*number, text));
            }
            shown
        }
    }
}

/// What is wrong in a file that does not parse, in the window's words; `english` for the
/// problems the store only words in English.
fn syntax_problem(kind: &SyntaxKind, english: &str, t: &Texts) -> String {
    let names = |allowed: &[&str]| {
        let quoted: Vec<String> = allowed.iter().map(|n| format!("`{n}`")).collect();
        quoted.join(", ")
    };
    let guess = |suggestion: &Option<&str>| {
        suggestion.map_or(String::new(), |name| (t.err_did_you_mean)(name))
    };
    let record = |template: fn(&str) -> String, record: &Option<String>| {
        record.as_deref().map_or(String::new(), |name| {
            let words = t.err_records.iter().find(|(n, _)| *n == name);
            template(words.map_or(name, |(_, words)| words))
        })
    };
    match kind {
        SyntaxKind::UnknownField {
            found,
            record: outer,
            suggestion,
            allowed,
        } => (t.err_unknown_field)(
            found,
            &record(t.err_in_record, outer),
            &guess(suggestion),
            &names(allowed),
        ),
        SyntaxKind::UnknownChoice {
            found,
            record: outer,
            suggestion,
            allowed,
        } => (t.err_unknown_choice)(
            found,
            &record(t.err_for_record, outer),
            &guess(suggestion),
            &names(allowed),
        ),
        SyntaxKind::NotADate { text } => {
            let example = if text.contains('T') {
                "2026-03-11T13:30:00+01:00"
            } else {
                "2026-03-11"
            };
            (t.err_not_a_date)(text, example)
        }
        SyntaxKind::UnclosedText { backup } => (t.err_unclosed_text)(backup),
        SyntaxKind::HashLine => t.err_hash_line.into(),
        SyntaxKind::MissingComma => t.err_missing_comma.into(),
        SyntaxKind::Empty => t.err_empty_file.into(),
        SyntaxKind::EndsEarly => t.err_ends_early.into(),
        SyntaxKind::Other => english.into(),
    }
}

/// "error at line 3, column 7:" in the window's words.
fn syntax_at(t: &Texts, line: usize, column: usize) -> String {
    (t.err_syntax)(line, column)
}

/// What a path names instead of a file (sessions, lists and chats alike).
pub fn not_a_file(kind: NotAFile, t: &Texts) -> &'static str {
    match kind {
        NotAFile::Folder => t.err_folder,
        NotAFile::Pipe => t.err_pipe,
        NotAFile::Device => t.err_device,
        NotAFile::Other => t.err_not_a_file,
        NotAFile::LinkLoop => t.err_link_loop,
    }
}

/// Why the model refused a change, in the window's words.
pub fn model_error(e: &ModelError, t: &Texts) -> String {
    use ModelError::*;
    match e {
        UnknownGroup(id) => (t.err_no_group)(*id),
        UnknownOption(id) => (t.err_no_option)(*id),
        UnknownTheme(id) => (t.err_no_theme)(*id),
        UnknownItem(id) | UnknownRound(id) | UnknownRecord(id) => {
            format!("{} ({id})", t.err_gone)
        }
        DuplicateId(id) => format!("{} ({id})", t.err_duplicate_id),
        NegativeCount => t.err_negative_count.into(),
        CountTooLarge => t.err_count_too_large.into(),
        EndBeforeStart => t.err_round_end_before_start.into(),
        SessionEndBeforeStart => t.err_session_end_before_start.into(),
        LastRound => t.err_last_round.into(),
        GroupInUse(name) => (t.err_group_in_use)(name),
        ThemeInUse => t.err_theme_in_use.into(),
        EmptyName => t.err_empty_name.into(),
        DuplicateTally => t.err_duplicate_tally.into(),
        NoOptions => t.err_no_options.into(),
        DateOutOfRange(date) => (t.err_date_out_of_range)(*date),
    }
}

/// What went wrong with a write, in words for the kind of failure.
pub fn io_problem(kind: ErrorKind, detail: &str, t: &Texts) -> String {
    match kind {
        ErrorKind::NotFound => t.err_folder_gone.to_string(),
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => t.err_read_only.to_string(),
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => t.err_disk_full.to_string(),
        _ => detail.to_string(),
    }
}

pub fn save_error(e: &SaveError, t: &Texts) -> String {
    format!(
        "{} {}: {}",
        t.err_could_not_save,
        e.path.display(),
        io_problem(e.error.kind(), &e.error.to_string(), t)
    )
}

/// Why a report may not be written where the save dialog said, in the window's words. The
/// dialog asked about overwriting already, so "exists" never comes here; it gets the
/// command line's words all the same.
pub fn export_target_error(e: &ExportTargetError, t: &Texts) -> String {
    use ExportTargetError::*;
    let (path, what) = match e {
        IsInput(path) => (path, t.report_target_is_input.to_string()),
        IsSession(path) => (path, t.report_target_is_session.to_string()),
        Locked { path, holder } => (path, (t.report_target_locked)(holder)),
        IsFolder(path) | NotAFile(path) => (path, t.report_target_not_a_file.to_string()),
        Unreadable { path, error } => (path, format!("{} ({error})", t.report_target_unreadable)),
        Exists(_) => return e.to_string(),
    };
    format!("{}: {what}", path.display())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::texts::{EN, NL};
    use std::path::PathBuf;

    #[test]
    fn every_failure_reads_in_both_languages() {
        let path = PathBuf::from("/map/sessie.ron");
        let full = SaveError {
            path: path.clone(),
            error: std::io::Error::from(ErrorKind::StorageFull),
        };
        assert!(save_error(&full, &NL).contains("schijf is vol"));
        assert!(save_error(&full, &EN).contains("disk is full"));
        let missing = LoadError::Io {
            path: path.clone(),
            error: std::io::Error::from(ErrorKind::NotFound),
        };
        assert!(load_error(&missing, &NL).contains("bestaat niet"));
        let pipe = LoadError::NotAFile {
            path: path.clone(),
            kind: NotAFile::Pipe,
        };
        assert!(load_error(&pipe, &NL).contains("geen bestand"));
        assert!(load_error(&pipe, &EN).contains("not a file"));
        let held = OpenError::Lock(LockError::Held {
            holder: "anna op LAPTOP-12".into(),
        });
        assert!(open_error(&held, &NL).contains("anna op LAPTOP-12"));
        assert!(open_error(&held, &NL).contains("andere Stelling"));
        let syntax = LoadError::Syntax {
            path,
            line: 12,
            column: 7,
            message: "expected a text".into(),
            kind: Box::new(SyntaxKind::Other),
        };
        let nl = load_error(&syntax, &NL);
        assert!(nl.contains("regel 12, kolom 7"), "{nl}");
        assert!(nl.starts_with("/map/sessie.ron:12:7:"), "{nl}");
        let refused = model_error(&ModelError::GroupInUse("Tafel 2".into()), &NL);
        assert_eq!(
            refused,
            "de groep ‘Tafel 2’ heeft nog gegevens; haal die eerst weg"
        );
        assert_eq!(
            model_error(&ModelError::NoOptions, &EN),
            "a proposition needs at least one answer"
        );
    }

    #[test]
    fn a_file_that_does_not_fit_names_line_column_and_item_in_the_window_language() {
        let invalid = LoadError::Invalid {
            path: PathBuf::from("/map/sessie.ron"),
            error: ModelError::DuplicateId(crate::model::Id(0x14)),
            at: Some((40, 11)),
            item: Some((3, "“Het dorp wordt autovrij”".into())),
        };
        let nl = load_error(&invalid, &NL);
        assert!(
            nl.starts_with("/map/sessie.ron:40:11: fout in regel 40, kolom 11:"),
            "{nl}"
        );
        assert!(nl.contains("een id komt twee keer voor"), "{nl}");
        assert!(
            nl.contains("in agendapunt 3, “Het dorp wordt autovrij”"),
            "{nl}"
        );
        let en = load_error(&invalid, &EN);
        assert!(en.contains("in agenda item 3"), "{en}");
        let unknown = LoadError::Syntax {
            path: PathBuf::from("/map/sessie.ron"),
            line: 9,
            column: 13,
            message: "Stelling knows no field `higlighted`".into(),
            kind: Box::new(SyntaxKind::UnknownField {
                found: "higlighted".into(),
                record: Some("Reaction".into()),
                suggestion: Some("highlighted"),
                allowed: &["text", "highlighted"],
            }),
        };
        let nl = load_error(&unknown, &NL);
        assert!(
            nl.contains("geen veld `higlighted` in een reactie (bedoelt u `highlighted`?)"),
            "{nl}"
        );
        assert!(nl.contains("`text`, `highlighted`"), "{nl}");
        let cut = LoadError::Syntax {
            path: PathBuf::from("/map/sessie.ron"),
            line: 3,
            column: 9,
            message: "the file ends inside a text".into(),
            kind: Box::new(SyntaxKind::UnclosedText {
                backup: "sessie.ron.bak".into(),
            }),
        };
        let nl = load_error(&cut, &NL);
        assert!(
            nl.contains("midden in een tekst") && nl.contains("sessie.ron.bak"),
            "{nl}"
        );
        let date = chrono::NaiveDate::from_ymd_opt(20000, 1, 1).unwrap();
        let refused = model_error(&ModelError::DateOutOfRange(date), &NL);
        assert!(refused.contains("1000 tot 9999"), "{refused}");
    }
}
