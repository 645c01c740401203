//! One reaction's line: highlight star, stance, group and time, the text (a click selects
//! it), and on the selected reaction the buttons to edit, move and delete it.

use super::super::update_reaction;
use super::{RunState, Shown, stance_color, start_editing};
use crate::model::Change;
use crate::ui::commands::Command;
use crate::ui::style::{PRESENTER_CHARS, clipped};
use crate::ui::texts::Texts;
use egui::RichText;

/// The row of the `i`th reaction of the round shown.
pub(super) fn row(
    view: &mut RunState,
    shown: Shown,
    i: usize,
    t: &Texts,
    ui: &mut egui::Ui,
    changes: &mut Vec<Change>,
) {
    let Shown {
        session,
        item,
        round,
    } = shown;
    let reaction = &round.reactions[i];
    let count = round.reactions.len();
    let selected = view.selected_reaction == Some(reaction.id);
    let move_to = |to| Change::MoveReaction {
        item: item.id,
        round: round.id,
        reaction: reaction.id,
        to,
    };
    ui.horizontal(|ui| {
        let star = if reaction.highlighted { "★" } else { "☆" };
        if ui
            .button(star)
            .on_hover_text(Command::Highlight.hint(t.highlight))
            .clicked()
        {
            changes.extend(update_reaction(session, reaction.id, |r| {
                r.highlighted = !r.highlighted
            }));
        }
        ui.label(
            RichText::new(t.stance(reaction.stance))
                .color(stance_color(reaction.stance))
                .strong(),
        );
        if reaction.group.is_some() {
            ui.weak(session.group_name(reaction.group));
        }
        if let Some(time) = reaction.time {
            ui.weak(time.format("%H:%M").to_string());
        }
        // Edit, move and delete show on the selected reaction only: less to read, and a
        // lighter frame for long lists.
        if selected {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .button("🗑")
                    .on_hover_text(Command::Delete.hint(t.delete))
                    .clicked()
                {
                    changes.push(Change::RemoveReaction {
                        item: item.id,
                        round: round.id,
                        reaction: reaction.id,
                    });
                }
                if ui
                    .add_enabled(i + 1 < count, egui::Button::new("⏷"))
                    .on_hover_text(t.move_down)
                    .clicked()
                {
                    changes.push(move_to(i + 1));
                }
                if ui
                    .add_enabled(i > 0, egui::Button::new("⏶"))
                    .on_hover_text(t.move_up)
                    .clicked()
                {
                    changes.push(move_to(i - 1));
                }
                if ui
                    .button("✏")
                    .on_hover_text(Command::Edit.hint(t.edit))
                    .clicked()
                {
                    start_editing(view, reaction.id, &reaction.text);
                }
            });
        }
    });
    let mut text = RichText::new(clipped(&reaction.text, PRESENTER_CHARS)).size(19.0);
    if reaction.highlighted {
        text = text.strong();
    }
    if ui
        .add(egui::Label::new(text).sense(egui::Sense::click()))
        .clicked()
    {
        view.selected_reaction = if selected { None } else { Some(reaction.id) };
    }
}
