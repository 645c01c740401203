//! The reactions of the round shown: the capture field on top, then one framed line per
//! reaction, the newest [`REACTIONS_SHOWN`] unless the presenter asks for all.

mod capture;
mod editor;
mod row;

use super::{OpenSession, REACTIONS_SHOWN, RunState, shown_round, stance_color, start_editing};
use crate::model::{Change, Item, Round, Session};
use crate::ui::texts::Texts;

/// What the reactions drawn belong to, shared by the capture field, the editor and the rows.
#[derive(Clone, Copy)]
struct Shown<'a> {
    session: &'a Session,
    item: &'a Item,
    round: &'a Round,
}

pub(super) fn reactions(
    open: &mut OpenSession,
    t: &Texts,
    ui: &mut egui::Ui,
    changes: &mut Vec<Change>,
) {
    let session = open.doc.session();
    let Some((item, round)) = shown_round(session, open) else {
        return;
    };
    let shown = Shown {
        session,
        item,
        round,
    };
    ui.heading(format!("{} — {}", t.reactions, round.label));
    capture::capture(&mut open.view, shown, t, ui, changes);
    ui.add_space(6.0);
    if round.reactions.is_empty() {
        ui.weak(t.no_reactions);
    }
    let count = round.reactions.len();
    // Laying out thousands of reactions (an imported chat) every frame would make the window
    // sluggish; the newest ones matter during a session, older ones are a click away.
    let hidden = if open.view.show_all_reactions {
        0
    } else {
        count.saturating_sub(REACTIONS_SHOWN)
    };
    if hidden > 0 && ui.button(format!("{} ({hidden})", t.show_older)).clicked() {
        open.view.show_all_reactions = true;
    }
    for (i, reaction) in round.reactions.iter().enumerate().skip(hidden) {
        let selected = open.view.selected_reaction == Some(reaction.id);
        let frame = egui::Frame::group(ui.style()).fill(if selected {
            ui.visuals().selection.bg_fill.gamma_multiply(0.35)
        } else {
            ui.visuals().panel_fill
        });
        frame.show(ui, |ui| {
            ui.set_width(ui.available_width());
            // The editor replaces the row until the edit is kept or thrown away.
            if !editor::editor(&mut open.view, shown, reaction, t, ui, changes) {
                row::row(&mut open.view, shown, i, t, ui, changes);
            }
        });
    }
}
