//! Editing a reaction in place: its text in a box, its stance and group as buttons that take
//! effect at once, the text when kept (Ctrl+Enter or the button); Escape throws the text away.

use super::super::group_label;
use super::{RunState, Shown, stance_color};
use crate::model::{Change, Reaction, Stance};
use crate::ui::commands::{self, Command};
use crate::ui::style::edit_box;
use crate::ui::texts::Texts;
use egui::RichText;

/// Draws the editor if `reaction` is the one being edited. False when it is not, or when the
/// edit ended this frame: then the reaction's row is drawn instead.
pub(super) fn editor(
    view: &mut RunState,
    shown: Shown,
    reaction: &Reaction,
    t: &Texts,
    ui: &mut egui::Ui,
    changes: &mut Vec<Change>,
) -> bool {
    let Some((id, text)) = &mut view.editing else {
        return false;
    };
    if *id != reaction.id {
        return false;
    }
    let Shown {
        session,
        item,
        round,
    } = shown;
    let mut finished = false;
    let edit_id = ui.make_persistent_id(("edit-reaction", reaction.id));
    if std::mem::take(&mut view.focus_edit) {
        ui.memory_mut(|m| m.request_focus(edit_id));
    }
    let response = edit_box(ui, text, t, |ui, text| {
        ui.add(
            egui::TextEdit::multiline(text)
                .id(edit_id)
                .desired_width(f32::INFINITY)
                .desired_rows(2),
        )
    });
    // Ctrl+Enter finishes, Escape throws the edit away.
    let focused = response.has_focus() || response.lost_focus();
    let commit = commands::pressed(ui.ctx(), Command::KeepEdit);
    let cancel = focused && commands::sees(ui.ctx(), Command::Leave);
    if cancel {
        finished = true;
    }
    ui.horizontal(|ui| {
        let mut edited = reaction.clone();
        for stance in Stance::ALL {
            ui.selectable_value(
                &mut edited.stance,
                stance,
                RichText::new(t.stance(stance)).color(stance_color(stance)),
            );
        }
        if !session.groups.is_empty() {
            egui::ComboBox::from_id_salt(("group", reaction.id))
                .selected_text(group_label(session, edited.group, t))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut edited.group, None, t.no_group);
                    for g in &session.groups {
                        ui.selectable_value(&mut edited.group, Some(g.id), &g.name);
                    }
                });
        }
        let done = ui
            .button(t.done_editing)
            .on_hover_text(Command::KeepEdit.keys_text())
            .clicked()
            || commit;
        if edited.stance != reaction.stance || edited.group != reaction.group {
            changes.push(Change::UpdateReaction {
                item: item.id,
                round: round.id,
                reaction: edited.clone(),
            });
        }
        if done && !cancel {
            let new_text = text.trim().to_string();
            if !new_text.is_empty() && new_text != reaction.text {
                let mut r = reaction.clone();
                r.text = new_text;
                r.stance = edited.stance;
                r.group = edited.group;
                changes.push(Change::UpdateReaction {
                    item: item.id,
                    round: round.id,
                    reaction: r,
                });
            }
            finished = true;
        }
    });
    if finished {
        view.editing = None;
    }
    !finished
}
