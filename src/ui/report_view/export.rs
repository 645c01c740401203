//! The formats the report screen saves, and how each is rendered. Rendering is pure (bytes from
//! a session); writing them is the app's job (asked for with `Request::Export`), so this module
//! opens no files.

use crate::model::Session;
use crate::report;
use crate::store;
use std::path::{Path, PathBuf};

/// One export button on the report screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    Markdown,
    Html,
    Pdf,
    Csv,
    /// CSV with a byte-order mark and `;` between fields, as (Dutch) Excel expects.
    CsvExcel,
    /// An iCalendar file with the follow-up dates of commitments.
    Calendar,
}

impl ExportFormat {
    /// In the order of the buttons: the formats to send round first, the tables last.
    pub const ALL: [ExportFormat; 6] = [
        ExportFormat::Pdf,
        ExportFormat::Html,
        ExportFormat::Markdown,
        ExportFormat::Csv,
        ExportFormat::CsvExcel,
        ExportFormat::Calendar,
    ];

    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "md",
            ExportFormat::Html => "html",
            ExportFormat::Pdf => "pdf",
            ExportFormat::Csv | ExportFormat::CsvExcel => "csv",
            ExportFormat::Calendar => "ics",
        }
    }

    /// The name of the file type in the save dialog's filter.
    pub fn filter_name(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "Markdown",
            ExportFormat::Html => "HTML",
            ExportFormat::Pdf => "PDF",
            ExportFormat::Csv | ExportFormat::CsvExcel => "CSV",
            ExportFormat::Calendar => "iCalendar",
        }
    }

    /// The file name the save dialog suggests: the session's file name with this format's
    /// extension. The Excel CSV gets its own name, so saving both never overwrites the other.
    pub fn file_name(self, title: &str) -> String {
        let ron = store::file_name_for(title);
        let stem = ron.strip_suffix(".ron").unwrap_or(&ron);
        match self {
            ExportFormat::CsvExcel => format!("{stem} (Excel).csv"),
            _ => format!("{stem}.{}", self.extension()),
        }
    }

    /// The report's bytes; pure, and for a PDF of a big session about half a second, so the
    /// app calls it off the UI thread.
    pub fn render(self, session: &Session) -> Result<Vec<u8>, String> {
        Ok(match self {
            ExportFormat::Markdown => report::markdown(session).into_bytes(),
            ExportFormat::Html => report::html(session).into_bytes(),
            ExportFormat::Pdf => report::pdf(session).map_err(|e| e.to_string())?,
            ExportFormat::Csv => report::csv(session, false),
            ExportFormat::CsvExcel => report::csv(session, true),
            ExportFormat::Calendar => report::ics(session).into_bytes(),
        })
    }

    /// `path` as picked in a save dialog, with this format's extension added when the user
    /// typed a name without one (a file without extension opens in nothing on double-click).
    pub fn with_extension(self, path: PathBuf) -> PathBuf {
        let has_one = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case(self.extension()));
        if has_one {
            return path;
        }
        let mut name = path.file_name().unwrap_or_default().to_os_string();
        name.push(".");
        name.push(self.extension());
        path.with_file_name(name)
    }
}

/// Whether a calendar export has anything in it: a commitment with a follow-up date.
pub fn has_follow_ups(session: &Session) -> bool {
    session
        .agenda
        .iter()
        .flat_map(|item| &item.commitments)
        .any(|c| c.follow_up.is_some())
}

/// Shows `folder` in the system's file manager, so the facilitator finds the file just saved.
pub fn open_folder(folder: &Path) -> Result<(), String> {
    let opener = if cfg!(target_os = "windows") {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let mut child = std::process::Command::new(opener)
        .arg(folder)
        .spawn()
        .map_err(|e| format!("{opener}: {e}"))?;
    // Reaped on a thread of its own, so no finished opener lingers while the app runs.
    std::thread::spawn(move || child.wait());
    Ok(())
}

/// The folder a save dialog opens in: the session file's, else `fallback`.
pub fn folder_of(session_file: &Path, fallback: &Path) -> PathBuf {
    match session_file.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => fallback.to_path_buf(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names() {
        assert_eq!(
            ExportFormat::Pdf.file_name("Buurtavond: wonen"),
            "Buurtavond- wonen.pdf"
        );
        assert_eq!(
            ExportFormat::CsvExcel.file_name("Verslag v1.2"),
            "Verslag v1.2 (Excel).csv"
        );
        assert_eq!(ExportFormat::Calendar.file_name(""), "sessie.ics");
    }

    #[test]
    fn extension_added_when_missing() {
        let md = ExportFormat::Markdown;
        assert_eq!(
            md.with_extension(PathBuf::from("/tmp/verslag")),
            PathBuf::from("/tmp/verslag.md")
        );
        assert_eq!(
            md.with_extension(PathBuf::from("/tmp/verslag.MD")),
            PathBuf::from("/tmp/verslag.MD")
        );
        assert_eq!(
            md.with_extension(PathBuf::from("/tmp/v1.2")),
            PathBuf::from("/tmp/v1.2.md")
        );
    }
}
