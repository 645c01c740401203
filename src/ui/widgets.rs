//! Small pieces several screens draw the same way.

use super::texts::{Texts, kind_icon};
use super::theme::WARN;
use crate::model::{Id, ItemKind};
use egui::{Response, RichText, Ui};

/// An inline warning line, with an icon so colour is never the only signal.
pub fn warning(ui: &mut Ui, text: impl std::fmt::Display) {
    ui.label(RichText::new(format!("⚠ {text}")).color(WARN));
}

/// A warning line in bold, for what stops work (saving failed, the file is taken).
pub fn alert(ui: &mut Ui, text: impl std::fmt::Display) {
    ui.label(RichText::new(format!("⚠ {text}")).strong().color(WARN));
}

/// A drop-down of every item kind, each with its icon; `name` is what screen readers hear.
pub fn kind_picker(
    ui: &mut Ui,
    salt: &str,
    kind: &mut ItemKind,
    t: &Texts,
    name: &str,
) -> Response {
    let label = |k: ItemKind| format!("{} {}", kind_icon(k), t.kind(k));
    egui::ComboBox::from_id_salt(salt)
        .selected_text(label(*kind))
        .show_ui(ui, |ui| {
            for k in ItemKind::ALL {
                ui.selectable_value(kind, k, label(k));
            }
        })
        .response
        .accessible_name(name)
}

/// What a confirm-delete question shows: its title, a line before the counts, and how many
/// things of each kind go with what is deleted (kinds with none are left out).
pub struct DeleteQuestion<'a> {
    pub id: &'static str,
    pub heading: String,
    pub intro: String,
    pub counts: Vec<(usize, &'a str)>,
}

/// A delete that waits for the user's yes, and whether Cancel already got the keyboard for
/// the question now open (it gets it once, so Tab can still move away).
#[derive(Default)]
pub struct PendingDelete {
    id: Option<Id>,
    cancel_focused: bool,
}

impl PendingDelete {
    pub fn ask(&mut self, id: Id) {
        self.id = Some(id);
    }

    /// Whether a question waits for an answer (keys behind it should do nothing).
    pub fn is_open(&self) -> bool {
        self.id.is_some()
    }

    /// Shows the question `question` makes for the waiting id (`None`: its thing is gone, and
    /// the question with it); the id when the user says yes.
    pub fn show<'a>(
        &mut self,
        ctx: &egui::Context,
        t: &Texts,
        question: impl FnOnce(Id) -> Option<DeleteQuestion<'a>>,
    ) -> Option<Id> {
        let Some(id) = self.id else {
            // The next question gives Cancel the keyboard again.
            self.cancel_focused = false;
            return None;
        };
        let Some(q) = question(id) else {
            self.id = None;
            return None;
        };
        let answer = confirm_delete(ctx, t, q, !self.cancel_focused);
        self.cancel_focused = true;
        if answer.is_some() {
            self.id = None;
        }
        (answer == Some(true)).then_some(id)
    }
}

/// Asks before deleting, Cancel holding the keyboard when `focus_cancel` (so Enter or Space
/// gives the safe answer). `Some(true)`: delete; `Some(false)`: cancelled or closed; `None`:
/// still open.
pub fn confirm_delete(
    ctx: &egui::Context,
    t: &Texts,
    q: DeleteQuestion<'_>,
    focus_cancel: bool,
) -> Option<bool> {
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique(q.id)).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading(q.heading);
        ui.add_space(6.0);
        ui.label(q.intro);
        for (n, what) in q.counts {
            if n > 0 {
                ui.label(format!("• {what}: {n}"));
            }
        }
        ui.add_space(6.0);
        ui.label(RichText::new(t.prep_remove_group_undo).weak());
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            let yes = ui.button(
                RichText::new(format!("🗑 {}", t.prep_remove_group_yes))
                    .color(WARN)
                    .strong(),
            );
            if yes.clicked() {
                answer = Some(true);
            }
            let no = ui.button(t.prep_cancel);
            if focus_cancel {
                no.request_focus();
            }
            if no.clicked() {
                answer = Some(false);
            }
        });
    });
    answer.or(modal.should_close().then_some(false))
}

/// A QR code of `text`, square in `rect`: black modules on white with the quiet zone a
/// scanner needs, whatever the theme around it. Announced to screen readers as `text`.
pub fn qr(ui: &mut Ui, text: &str, side: f32) -> Response {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(side, side), egui::Sense::hover());
    paint_qr(ui.painter(), rect, text);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, text));
    response
}

/// Paints the QR code of `text` into `rect` (its shorter side).
pub fn paint_qr(painter: &egui::Painter, rect: egui::Rect, text: &str) {
    let Some(code) = crate::live::qr::qr(text) else {
        return;
    };
    const QUIET: usize = 4;
    let side = rect.width().min(rect.height());
    let rect = egui::Rect::from_center_size(rect.center(), egui::vec2(side, side));
    let module = side / (code.width + 2 * QUIET) as f32;
    painter.rect_filled(rect, 0.0, egui::Color32::WHITE);
    for (i, dark) in code.dark.iter().enumerate() {
        if *dark {
            let (x, y) = (i % code.width + QUIET, i / code.width + QUIET);
            let min = rect.min + egui::vec2(x as f32 * module, y as f32 * module);
            // A hair wider than a module, so no seams show between neighbours.
            let cell = egui::Rect::from_min_size(min, egui::vec2(module + 0.5, module + 0.5));
            painter.rect_filled(cell, 0.0, egui::Color32::BLACK);
        }
    }
}
