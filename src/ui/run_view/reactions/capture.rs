//! The capture field: a quote typed during the session becomes a reaction with the stance
//! picked here and the group picked in the group bar.

use super::super::captured;
use super::{RunState, Shown, stance_color};
use crate::model::{Change, Stance};
use crate::ui::commands::{self, Command};
use crate::ui::texts::Texts;
use egui::RichText;

pub(super) fn capture(
    view: &mut RunState,
    shown: Shown,
    t: &Texts,
    ui: &mut egui::Ui,
    changes: &mut Vec<Change>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("{}:", t.stance)).strong());
        for (n, stance) in Stance::ALL.into_iter().enumerate() {
            let text = RichText::new(format!("{} (Ctrl+{})", t.stance(stance), n + 1))
                .color(stance_color(stance));
            if ui.selectable_label(view.stance == stance, text).clicked() {
                view.stance = stance;
            }
        }
    });
    // Focus goes to the field before it is drawn, so the first letter typed after Enter or R
    // lands in it instead of being dropped.
    let capture_id = ui.make_persistent_id("capture");
    if std::mem::take(&mut view.focus_capture) {
        ui.memory_mut(|m| m.request_focus(capture_id));
    }
    let response = ui.add(
        egui::TextEdit::singleline(&mut view.capture)
            .id(capture_id)
            .hint_text(format!("{} (Enter / R)", t.capture_hint))
            .desired_width(f32::INFINITY)
            .font(egui::TextStyle::Heading),
    );
    view.forms.filling |= response.has_focus();
    let submitted = response.lost_focus() && commands::sees(ui.ctx(), Command::SubmitLine);
    if submitted {
        let text = view.capture.trim().to_string();
        if !text.is_empty() {
            changes.push(captured(shown.session, view, shown.item, shown.round, text));
            view.capture.clear();
            // Stay in the field: the next quote usually follows at once.
            view.focus_capture = true;
        }
    }
}
