//! The report screen: a preview of the summary report in the session's language, and a button
//! per export format. The preview is built once per revision of the session (see
//! [`preview`]); exports are rendered and written by the app off the UI thread
//! when this screen asks ([`Request::Export`]), and this screen shows how that went.

pub(in crate::ui) mod export;
pub(in crate::ui) mod preview;

pub use super::state::report::ExportStatus;
pub use export::{ExportFormat, folder_of};

use super::commands::{self, Command};
use super::request::Request;
use super::state::OpenSession;
use super::state::report::Scroll;
use super::texts::Texts;
use crate::model::Language;
use egui::RichText;
use std::path::PathBuf;
use std::time::Duration;

impl ExportStatus {
    pub fn is_running(&self) -> bool {
        matches!(self, ExportStatus::Running { .. })
    }

    /// Takes the outcome of a running export when it has arrived.
    fn poll(&mut self) {
        let ExportStatus::Running { format, path, done } = self else {
            return;
        };
        let outcome = match done.poll() {
            Some(Ok(outcome)) => outcome,
            None => return,
            // The thread ended without an answer: it panicked, so the file was not written.
            Some(Err(_)) => Err("the export stopped unexpectedly".into()),
        };
        let (format, path) = (*format, std::mem::take(path));
        *self = match outcome {
            Ok(()) => ExportStatus::Done { format, path },
            Err(message) => ExportStatus::Failed {
                format,
                path,
                message,
            },
        };
    }
}

/// Draws the report screen; `choosing` says an export's save dialog is open. Returns what the
/// export panel asks of the app.
pub fn show(open: &mut OpenSession, t: &Texts, choosing: bool, ui: &mut egui::Ui) -> Vec<Request> {
    let state = &mut open.view.report;
    let revision = open.doc.revision();
    if state
        .preview
        .as_ref()
        .is_none_or(|p| p.revision != revision)
    {
        state.preview = Some(preview::Preview::build(open.doc.session(), revision));
    }
    if let Some(status) = &mut state.export {
        status.poll();
        if status.is_running() {
            ui.ctx().request_repaint_after(Duration::from_millis(100));
        }
    }
    let Some(preview) = &mut state.preview else {
        return Vec::new();
    };
    let mut action = None;
    egui::Panel::right("report-export")
        .default_size(320.0)
        .show(ui, |ui| {
            action = export_panel(ui, t, preview, state.export.as_ref(), choosing);
        });
    let scroll_to = scroll_keys(ui.ctx(), state.scroll);
    egui::CentralPanel::default().show(ui, |ui| {
        let out = preview.show(ui, scroll_to);
        state.scroll = Scroll {
            offset: out.state.clamped_offset().y,
            max: (out.content_size.y - out.inner_rect.height()).max(0.0),
            page: out.inner_rect.height(),
        };
    });
    action.into_iter().collect()
}

/// The export buttons with a line under each saying what the format is for, and the outcome
/// of the last export. Returns what was asked for, if anything.
fn export_panel(
    ui: &mut egui::Ui,
    t: &Texts,
    preview: &preview::Preview,
    status: Option<&ExportStatus>,
    choosing: bool,
) -> Option<Request> {
    let mut clicked = None;
    egui::ScrollArea::vertical()
        .id_salt("report-export")
        .show(ui, |ui| {
            ui.heading(t.report_export);
            hint(
                ui,
                match preview.language {
                    Language::Nl => t.report_language_nl,
                    Language::En => t.report_language_en,
                },
            );
            ui.add_space(6.0);
            let busy = choosing || status.is_some_and(ExportStatus::is_running);
            for format in ExportFormat::ALL {
                let (label, hint) = format_texts(t, format);
                let empty = format == ExportFormat::Calendar && !preview.has_follow_ups;
                let hint = if empty { t.report_ics_none } else { hint };
                let button = egui::Button::new(RichText::new(label).strong())
                    .min_size(egui::vec2(ui.available_width(), 32.0));
                let response = ui.add_enabled(!busy && !empty, button);
                if response.clicked() {
                    clicked = Some(Request::Export(format));
                }
                self::hint(ui, hint);
                ui.add_space(4.0);
            }
            ui.separator();
            if choosing {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(t.report_choosing);
                });
            }
            if let Some(status) = status
                && show_status(ui, t, status)
                && let ExportStatus::Done { path, .. } = status
                && let Some(folder) = path.parent()
            {
                clicked = Some(Request::OpenFolder(folder.to_path_buf()));
            }
            ui.add_space(8.0);
            hint(ui, t.report_keys_hint);
        });
    clicked
}

/// Explanations in the panel: a little smaller than the buttons, but not faint, so they stay
/// readable on a projector-lit screen.
fn hint(ui: &mut egui::Ui, text: &str) {
    ui.add(egui::Label::new(RichText::new(text).size(16.0)).wrap());
}

/// Where the export stands; returns whether "open folder" was pressed.
fn show_status(ui: &mut egui::Ui, t: &Texts, status: &ExportStatus) -> bool {
    let file = |path: &PathBuf| {
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string())
    };
    let folder = |path: &PathBuf| {
        path.parent()
            .map(|p| p.display().to_string())
            .unwrap_or_default()
    };
    match status {
        ExportStatus::Running { path, .. } => {
            ui.horizontal_wrapped(|ui| {
                ui.spinner();
                ui.label(format!("{} {}", t.report_exporting, file(path)));
            });
        }
        ExportStatus::Done { path, .. } => {
            ui.add(
                egui::Label::new(
                    RichText::new(format!("✔ {} {}", t.report_exported, file(path))).strong(),
                )
                .wrap(),
            );
            ui.add(egui::Label::new(RichText::new(folder(path)).size(15.0)).wrap());
            return ui.button(format!("🗁 {}", t.report_open_folder)).clicked();
        }
        ExportStatus::Failed { path, message, .. } => {
            let warn = crate::ui::theme::WARN;
            ui.add(
                egui::Label::new(
                    RichText::new(format!("⚠ {}: {}", t.report_export_failed, file(path)))
                        .strong()
                        .color(warn),
                )
                .wrap(),
            );
            ui.add(egui::Label::new(RichText::new(message).color(warn)).wrap());
            ui.add(egui::Label::new(RichText::new(folder(path)).size(15.0)).wrap());
        }
    }
    false
}

/// The button's label and the line under it.
fn format_texts(t: &Texts, format: ExportFormat) -> (&'static str, &'static str) {
    match format {
        ExportFormat::Pdf => (t.report_pdf, t.report_pdf_hint),
        ExportFormat::Html => (t.report_html, t.report_html_hint),
        ExportFormat::Markdown => (t.report_markdown, t.report_markdown_hint),
        ExportFormat::Csv => (t.report_csv, t.report_csv_hint),
        ExportFormat::CsvExcel => (t.report_csv_excel, t.report_csv_excel_hint),
        ExportFormat::Calendar => (t.report_ics, t.report_ics_hint),
    }
}

/// Page Up / Page Down, Home / End scroll the preview; the arrow keys too while no button has
/// the keyboard (then they move between buttons). Returns the new offset, if any.
fn scroll_keys(ctx: &egui::Context, scroll: Scroll) -> Option<f32> {
    if ctx.egui_wants_keyboard_input() {
        return None;
    }
    let focused = ctx.memory(|m| m.focused().is_some());
    let step = 60.0;
    let page = (scroll.page - 60.0).max(step);
    let mut offset = None;
    let press = |c: Command| commands::pressed(ctx, c);
    if press(Command::ScrollPageDown) {
        offset = Some(scroll.offset + page);
    } else if press(Command::ScrollPageUp) {
        offset = Some(scroll.offset - page);
    } else if press(Command::ScrollTop) {
        offset = Some(0.0);
    } else if press(Command::ScrollBottom) {
        offset = Some(scroll.max);
    } else if !focused && press(Command::ScrollDown) {
        offset = Some(scroll.offset + step);
    } else if !focused && press(Command::ScrollUp) {
        offset = Some(scroll.offset - step);
    }
    offset.map(|o| o.clamp(0.0, scroll.max))
}
