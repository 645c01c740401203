//! The reactions of the round shown: the capture field on top, then one framed line per
//! reaction, the newest [`REACTIONS_SHOWN`] unless the presenter asks for all.

mod capture;
mod editor;
mod row;

use super::{REACTIONS_SHOWN, RunState, Shown, stance_color, start_editing};
use crate::model::Change;
use crate::ui::texts::Texts;

pub(super) fn reactions(
    view: &mut RunState,
    shown: Shown<'_>,
    t: &Texts,
    ui: &mut egui::Ui,
    changes: &mut Vec<Change>,
) {
    let round = shown.round;
    ui.heading(format!("{} — {}", t.reactions, round.label));
    capture::capture(view, shown, t, ui, changes);
    ui.add_space(6.0);
    if round.reactions.is_empty() {
        ui.weak(t.no_reactions);
    }
    let count = round.reactions.len();
    // Laying out thousands of reactions (an imported chat) every frame would make the window
    // sluggish; the newest ones matter during a session, older ones are a click away.
    let hidden = if view.show_all_reactions {
        0
    } else {
        count.saturating_sub(REACTIONS_SHOWN)
    };
    if hidden > 0 && ui.button(format!("{} ({hidden})", t.show_older)).clicked() {
        view.show_all_reactions = true;
    }
    for (i, reaction) in round.reactions.iter().enumerate().skip(hidden) {
        let selected = view.selected_reaction == Some(reaction.id);
        let frame = egui::Frame::group(ui.style()).fill(if selected {
            ui.visuals().selection.bg_fill.gamma_multiply(0.35)
        } else {
            ui.visuals().panel_fill
        });
        frame.show(ui, |ui| {
            ui.set_width(ui.available_width());
            // The editor replaces the row until the edit is kept or thrown away.
            if !editor::editor(view, shown, reaction, t, ui, changes) {
                row::row(view, shown, i, t, ui, changes);
            }
        });
    }
}
