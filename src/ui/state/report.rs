//! What the report screen keeps between frames: its preview and the last export.

use crate::ui::background::Task;
use crate::ui::report_view::export::ExportFormat;
use crate::ui::report_view::preview;
use std::path::PathBuf;

/// What the report screen keeps between frames; not part of the session file.
#[derive(Default)]
pub struct ReportState {
    pub(crate) preview: Option<preview::Preview>,
    /// The last export started from this screen, and how it went.
    pub export: Option<ExportStatus>,
    /// Where the preview was scrolled to and how far it can go, for keyboard scrolling.
    pub(crate) scroll: Scroll,
}

#[derive(Default, Clone, Copy)]
pub(crate) struct Scroll {
    pub(crate) offset: f32,
    pub(crate) max: f32,
    pub(crate) page: f32,
}

/// An export in progress or finished.
pub enum ExportStatus {
    /// Being rendered and written on a thread of its own.
    Running {
        format: ExportFormat,
        path: PathBuf,
        done: Task<Result<(), String>>,
    },
    Done {
        format: ExportFormat,
        path: PathBuf,
    },
    Failed {
        format: ExportFormat,
        path: PathBuf,
        message: String,
    },
}
