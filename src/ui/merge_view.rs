//! Several facilitators in the app: "hand out copies" (one file per group in a folder) on the
//! prepare screen, and "merge files" on the start screen, with a look at what was combined and
//! at every conflict before anything is written.
//!
//! Native dialogs run on their own thread and only pick paths; reading and writing go through
//! the store, merging through [`crate::model::merge`], as everywhere in the app.

use super::background::{Task, picked, session_files};
use super::request::Request;
use super::state::OpenSession;
use super::texts::Texts;
use super::widgets::warning;
use crate::model::Session;
use crate::model::merge::{self, Conflict, Counts, IdClash, MergeError, Merged, Occurrence};
use crate::store;
use egui::RichText;
use std::path::{Path, PathBuf};

/// What the merge and hand-out dialogs are doing; lives in the app, so it works with no
/// session open too.
#[derive(Default)]
pub struct MergeState {
    picking: Option<Picking>,
    pub window: Option<Window>,
}

/// A native dialog that is open, and what its answer is for.
enum Picking {
    Folder(Task<Option<PathBuf>>),
    Files(Task<Option<Vec<PathBuf>>>),
    SaveMerged(Task<Option<PathBuf>>),
}

/// The window on screen.
pub enum Window {
    /// The copies written (file, group), or why not.
    HandedOut(Result<Vec<(PathBuf, String)>, String>),
    /// Files read and merged, waiting for the facilitator to save or cancel.
    Preview(Box<Preview>),
    /// A file that would not load.
    Failed(String),
}

pub struct Preview {
    pub files: Vec<PathBuf>,
    sessions: Vec<Session>,
    pub result: Result<Merged, MergeError>,
    /// Merged anyway although the files come from different sessions; records that share an
    /// id kept apart with a new one. The facilitator's answers to the window's questions.
    force: bool,
    renumber: bool,
    /// Why the last save failed, shown in the window.
    pub save_error: Option<String>,
}

/// Asks for a folder and writes one copy of the open session per group into it.
/// The dialog starts in the session file's folder, else in `sessions_dir`.
pub fn start_hand_out(merge: &mut MergeState, open: &OpenSession, sessions_dir: &Path) {
    if merge.busy() {
        return;
    }
    let dir = open
        .autosave
        .path()
        .parent()
        .map_or_else(|| sessions_dir.to_path_buf(), Path::to_path_buf);
    merge.picking = Some(Picking::Folder(Task::spawn(move || {
        rfd::FileDialog::new().set_directory(dir).pick_folder()
    })));
}

/// Writes the copies into `folder`; never overwrites (the facilitators may have recorded in
/// them already).
pub fn hand_out_to(merge: &mut MergeState, open: &OpenSession, folder: &Path) {
    let stem = open
        .autosave
        .path()
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "sessie".into());
    let result = store::copies::write(open.doc.session(), folder, &stem, false)
        .map(|copies| copies.into_iter().map(|c| (c.path, c.group)).collect())
        .map_err(|e| e.to_string());
    merge.window = Some(Window::HandedOut(result));
}

/// Asks for the session files to merge.
pub fn start_merge(merge: &mut MergeState, sessions_dir: &Path) {
    if merge.busy() {
        return;
    }
    let dir = sessions_dir.to_path_buf();
    merge.picking = Some(Picking::Files(Task::spawn(move || {
        session_files(dir).pick_files()
    })));
}

/// Reads and merges `files` for the preview; nothing is written yet.
pub fn merge_files(merge: &mut MergeState, files: Vec<PathBuf>) {
    let mut sessions = Vec::with_capacity(files.len());
    for file in &files {
        match store::load(file) {
            Ok(s) => sessions.push(s),
            Err(e) => {
                merge.window = Some(Window::Failed(e.to_string()));
                return;
            }
        }
    }
    let result = merge::merge(&sessions, false);
    merge.window = Some(Window::Preview(Box::new(Preview {
        files,
        sessions,
        result,
        force: false,
        renumber: false,
        save_error: None,
    })));
}

/// Writes the merged session to `path` and closes the window; returns the file written, for
/// the app to open. An input file is never overwritten.
pub fn save_merged(merge: &mut MergeState, path: PathBuf, t: &Texts) -> Option<PathBuf> {
    let Some(Window::Preview(preview)) = &mut merge.window else {
        return None;
    };
    let Ok(merged) = &preview.result else {
        return None;
    };
    // Through a link, the file it points to is written and locked.
    let path = match store::resolve_session_path(&path) {
        Ok(real) => real,
        Err(e) => {
            preview.save_error = Some(format!("{}: {e}", path.display()));
            return None;
        }
    };
    if preview.files.iter().any(|f| store::same_file(f, &path)) {
        preview.save_error = Some(format!("{}: {}", path.display(), t.merge_is_input));
        return None;
    }
    let saved = store::SessionLock::acquire(&path)
        .map_err(|e| format!("{}: {e}", path.display()))
        .and_then(|_lock| store::save(&path, &merged.session).map_err(|e| e.to_string()));
    match saved {
        Ok(()) => {
            merge.window = None;
            Some(path)
        }
        Err(e) => {
            preview.save_error = Some(e);
            None
        }
    }
}

fn start_save_dialog(merge: &mut MergeState, t: &Texts, sessions_dir: &Path) {
    if merge.busy() {
        return;
    }
    let Some(Window::Preview(preview)) = &merge.window else {
        return;
    };
    let Ok(merged) = &preview.result else { return };
    let name = store::file_name_for(&format!(
        "{} - {}",
        merged.session.title, t.merge_file_suffix
    ));
    let dir = preview
        .files
        .first()
        .and_then(|f| f.parent())
        .map_or_else(|| sessions_dir.to_path_buf(), Path::to_path_buf);
    merge.picking = Some(Picking::SaveMerged(Task::spawn(move || {
        session_files(dir).set_file_name(name).save_file()
    })));
}

/// Polls the open dialog and draws the window. Called every frame, with the open session (to
/// hand out copies of) and the folder dialogs start in when there is no better one. Returns
/// the merged file to open once it is saved.
pub fn show(
    merge: &mut MergeState,
    open: Option<&OpenSession>,
    sessions_dir: &Path,
    t: &Texts,
    ctx: &egui::Context,
) -> Vec<Request> {
    let opened = poll(merge, open, t, ctx);
    let requests: Vec<Request> = opened.into_iter().map(Request::Open).collect();
    let Some(window) = &mut merge.window else {
        return requests;
    };
    let mut close = false;
    let mut save = false;
    let mut answer = Answer::default();
    let title = match window {
        Window::HandedOut(_) => t.merge_hand_out_title,
        _ => t.merge_title,
    };
    egui::Window::new(title)
        .collapsible(false)
        .resizable(true)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .default_width(720.0)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical()
                .max_height(ctx.content_rect().height() * 0.7)
                .show(ui, |ui| match window {
                    Window::HandedOut(Ok(copies)) => {
                        ui.label(t.merge_handed_out);
                        for (path, group) in copies {
                            ui.horizontal(|ui| {
                                ui.strong(group.as_str());
                                ui.weak(path.display().to_string());
                            });
                        }
                    }
                    Window::HandedOut(Err(e)) | Window::Failed(e) => {
                        warning(ui, e);
                    }
                    Window::Preview(preview) => preview_body(ui, t, preview, &mut answer),
                });
            ui.separator();
            ui.horizontal(|ui| {
                if let Window::Preview(preview) = window
                    && preview.result.is_ok()
                    && ui
                        .button(RichText::new(format!("💾 {}", t.merge_save)).strong())
                        .clicked()
                {
                    save = true;
                }
                let label = match window {
                    Window::Preview(_) => t.merge_cancel,
                    _ => t.merge_close,
                };
                if ui.button(label).clicked() {
                    close = true;
                }
            });
        });
    if (answer.force || answer.renumber)
        && let Some(Window::Preview(preview)) = &mut merge.window
    {
        preview.force |= answer.force;
        preview.renumber |= answer.renumber;
        preview.result = merge::merge_with(&preview.sessions, preview.force, preview.renumber);
    }
    if close || super::commands::pressed(ctx, super::commands::Command::Leave) {
        merge.window = None;
    } else if save {
        start_save_dialog(merge, t, sessions_dir);
    }
    requests
}

/// What the facilitator chose in the window this frame.
#[derive(Default)]
struct Answer {
    force: bool,
    renumber: bool,
}

/// "kopie-a.ron: reaction “Goed idee” (item 3)" in the window's language.
fn occurrence(t: &Texts, files: &[PathBuf], o: &Occurrence) -> String {
    let file = files
        .get(o.file)
        .and_then(|f| f.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let what = t.merge_kinds[o.what as usize];
    match o.item {
        Some(n) => format!("{file}: {what} “{}” ({})", o.text, (t.merge_item_number)(n)),
        None => format!("{file}: {what} “{}”", o.text),
    }
}

fn clash_line(
    t: &Texts,
    files: &[PathBuf],
    template: fn(&str, &str) -> String,
    clash: &IdClash,
) -> String {
    template(
        &occurrence(t, files, &clash.kept),
        &occurrence(t, files, &clash.other),
    )
}

fn preview_body(ui: &mut egui::Ui, t: &Texts, preview: &Preview, answer: &mut Answer) {
    match &preview.result {
        Err(MergeError::DifferentSessions {
            index,
            first_title,
            other_title,
            ..
        }) => {
            warning(ui, t.merge_different);
            let file = |i: usize| {
                preview
                    .files
                    .get(i)
                    .map(|f| f.display().to_string())
                    .unwrap_or_default()
            };
            ui.label(format!("“{first_title}” — {}", file(0)));
            ui.label(format!("“{other_title}” — {}", file(*index)));
            ui.add_space(6.0);
            if ui.button(t.merge_anyway).clicked() {
                answer.force = true;
            }
        }
        Err(MergeError::IdClash(clash)) => {
            let line = clash_line(t, &preview.files, t.merge_id_clash, clash);
            warning(ui, line);
            ui.add_space(6.0);
            if ui.button(t.merge_renumber).clicked() {
                answer.renumber = true;
            }
        }
        Err(e) => {
            warning(ui, e);
        }
        Ok(merged) => {
            counts_grid(ui, t, &preview.files, merged);
            if !merged.summary.only_in_some.is_empty() {
                ui.add_space(8.0);
                ui.strong(t.merge_only_in_some);
                for text in &merged.summary.only_in_some {
                    ui.label(format!("• “{text}”"));
                }
            }
            for clash in &merged.renumbered {
                ui.add_space(8.0);
                ui.label(clash_line(t, &preview.files, t.merge_renumbered, clash));
            }
            ui.add_space(8.0);
            if merged.conflicts.is_empty() {
                ui.label(t.merge_no_conflicts);
            } else {
                ui.strong(t.merge_conflicts);
                for c in &merged.conflicts {
                    ui.label(format!("• {}", conflict_line(t, c)));
                }
            }
        }
    }
    if let Some(e) = &preview.save_error {
        ui.add_space(6.0);
        warning(ui, e);
    }
}

fn counts_grid(ui: &mut egui::Ui, t: &Texts, files: &[PathBuf], merged: &Merged) {
    let row = |ui: &mut egui::Ui, name: String, c: &Counts, strong: bool| {
        let cell = |ui: &mut egui::Ui, text: String| {
            if strong {
                ui.strong(text);
            } else {
                ui.label(text);
            }
        };
        cell(ui, name);
        cell(ui, c.recording_group.clone().unwrap_or_default());
        for n in [
            c.items as u64,
            c.answers,
            c.reactions as u64,
            c.statements as u64,
            c.proposals as u64,
            c.commitments as u64,
        ] {
            cell(ui, n.to_string());
        }
        ui.end_row();
    };
    egui::Grid::new("merge-counts")
        .striped(true)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            for h in t.merge_columns {
                ui.strong(h);
            }
            ui.end_row();
            for (file, c) in files.iter().zip(&merged.summary.inputs) {
                let name = file
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                row(ui, name, c, false);
            }
            row(ui, t.merge_result.to_string(), &merged.summary.merged, true);
        });
}

/// A conflict in the presenter's language.
pub fn conflict_line(t: &Texts, c: &Conflict) -> String {
    let what = t.merge_kinds[c.what as usize];
    let template = if c.copy.is_some() {
        t.merge_conflict_both
    } else {
        t.merge_conflict_rule
    };
    let line = template(what, &c.kept, &c.other);
    if c.place.is_empty() {
        line
    } else {
        format!("{}: {line}", c.place)
    }
}

/// Takes the answer of the open dialog, if any; returns a merged file saved, to be opened.
fn poll(
    merge: &mut MergeState,
    open: Option<&OpenSession>,
    t: &Texts,
    ctx: &egui::Context,
) -> Option<PathBuf> {
    let picking = merge.picking.as_ref()?;
    enum Answer {
        Folder(Option<PathBuf>),
        Files(Option<Vec<PathBuf>>),
        Save(Option<PathBuf>),
    }
    let answer = match picking {
        Picking::Folder(task) => task.poll_in(ctx).map(|a| Answer::Folder(picked(a))),
        Picking::Files(task) => task.poll_in(ctx).map(|a| Answer::Files(picked(a))),
        Picking::SaveMerged(task) => task.poll_in(ctx).map(|a| Answer::Save(picked(a))),
    }?;
    merge.picking = None;
    match answer {
        Answer::Folder(Some(folder)) => {
            if let Some(open) = open {
                hand_out_to(merge, open, &folder);
            }
        }
        Answer::Files(Some(files)) if !files.is_empty() => merge_files(merge, files),
        Answer::Save(Some(path)) => return save_merged(merge, path.with_extension("ron"), t),
        _ => {}
    }
    None
}

impl MergeState {
    /// Whether a dialog of ours is open: a second click waits for it rather than open another.
    pub fn busy(&self) -> bool {
        self.picking.is_some()
    }
}
