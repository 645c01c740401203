//! Errors from the store in the presenter's language. The store's own `Display` texts stay
//! English for the command line; here each kind of failure gets the window's words.

use super::texts::Texts;
use crate::model::ModelError;
use crate::store::{LoadError, LockError, MAX_FILE_BYTES, NotAFile, SaveError};
use std::io::ErrorKind;

/// Why a session file did not open: it is locked, or it does not load.
pub enum OpenError {
    Lock(LockError),
    Load(LoadError),
}

pub fn open_error(e: &OpenError, t: &Texts) -> String {
    match e {
        OpenError::Lock(LockError::Held { holder }) => t.err_locked.replace("{holder}", holder),
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
            t.err_too_large
                .replace("{mb}", &(bytes / 1_000_000).to_string())
                .replace("{max}", &(MAX_FILE_BYTES / 1_000_000).to_string())
        ),
        LoadError::NotText { path } => format!("{}: {}", path.display(), t.err_not_text),
        LoadError::Syntax {
            path,
            line,
            column,
            message,
        } => format!(
            "{}:{line}:{column}: {} {message}",
            path.display(),
            t.err_syntax
                .replace("{line}", &line.to_string())
                .replace("{column}", &column.to_string())
        ),
        LoadError::TooNew { path, version } => format!(
            "{}: {}",
            path.display(),
            t.err_too_new.replace("{version}", &version.to_string())
        ),
        LoadError::Invalid { path, error } => {
            format!(
                "{}: {} {}",
                path.display(),
                t.err_invalid,
                model_error(error, t)
            )
        }
    }
}

/// What a path names instead of a file (sessions, lists and chats alike).
pub fn not_a_file(kind: NotAFile, t: &Texts) -> &'static str {
    match kind {
        NotAFile::Folder => t.err_folder,
        NotAFile::Pipe => t.err_pipe,
        NotAFile::Device => t.err_device,
        NotAFile::Other => t.err_not_a_file,
    }
}

/// Why the model refused a change, in the window's words.
pub fn model_error(e: &ModelError, t: &Texts) -> String {
    use ModelError::*;
    match e {
        UnknownItem(id) | UnknownRound(id) | UnknownOption(id) | UnknownGroup(id)
        | UnknownRecord(id) | UnknownTheme(id) => format!("{} ({id})", t.err_gone),
        DuplicateId(id) => format!("{} ({id})", t.err_duplicate_id),
        NegativeCount => t.err_negative_count.into(),
        CountTooLarge => t.err_count_too_large.into(),
        EndBeforeStart => t.err_round_end_before_start.into(),
        SessionEndBeforeStart => t.err_session_end_before_start.into(),
        LastRound => t.err_last_round.into(),
        GroupInUse(name) => t.err_group_in_use.replace("{name}", name),
        ThemeInUse => t.err_theme_in_use.into(),
        EmptyName => t.err_empty_name.into(),
        DuplicateTally => t.err_duplicate_tally.into(),
        NoOptions => t.err_no_options.into(),
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
}
