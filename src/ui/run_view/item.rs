//! The current item large, with its round and group bars, and under them what its kind asks
//! for: tallies and reactions, or one of the small forms.

use super::reactions::reactions;
use super::shortcuts::holds_keys;
use super::tallies::tally_table;
use super::{OpenSession, Shown, go_to, new_round_change, start_renaming};
use crate::model::{Change, ItemKind};
use crate::ui::commands::{self, Command};
use crate::ui::forms;
use crate::ui::style::{PRESENTER_CHARS, clipped, edit_box};
use crate::ui::texts::{Texts, kind_icon};
use egui::RichText;

pub(super) fn current_item(
    open: &mut OpenSession,
    t: &Texts,
    ui: &mut egui::Ui,
    changes: &mut Vec<Change>,
) {
    let session = open.doc.session();
    let Some(item) = session.agenda.get(open.view.current) else {
        ui.heading(t.empty_agenda);
        return;
    };
    let mut go = None;
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("{} {}", kind_icon(item.kind), t.kind(item.kind))).strong());
        ui.weak(format!(
            "{} / {}",
            open.view.current + 1,
            session.agenda.len()
        ));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .add_enabled(
                    open.view.current + 1 < session.agenda.len(),
                    egui::Button::new(format!("{} ▶", t.next)),
                )
                .clicked()
            {
                go = Some(open.view.current + 1);
            }
            if ui
                .add_enabled(
                    open.view.current > 0,
                    egui::Button::new(format!("◀ {}", t.previous)),
                )
                .clicked()
            {
                go = open.view.current.checked_sub(1);
            }
        });
    });
    ui.add_space(6.0);
    ui.label(
        RichText::new(clipped(&item.text, PRESENTER_CHARS))
            .size(32.0)
            .strong(),
    );
    ui.add_space(10.0);
    let kind = item.kind;
    match kind {
        ItemKind::Proposition | ItemKind::Question => {
            rounds_bar(open, t, ui, changes);
            group_bar(open, t, ui);
            let shown = Shown::of(open.doc.session(), &open.view);
            if kind == ItemKind::Proposition {
                if let Some(shown) = shown {
                    tally_table(shown, open.view.group, t, ui, changes);
                }
                ui.add_space(10.0);
            }
            if let Some(shown) = shown {
                reactions(&mut open.view, shown, t, ui, changes);
            }
        }
        ItemKind::Proposals => forms::proposals(open, t, ui, changes),
        ItemKind::Commitments => forms::commitments(open, t, ui, changes),
        ItemKind::Statements => forms::statements(open, t, ui, changes),
        ItemKind::Info => {}
    }
    if holds_keys(open) && !ui.ctx().egui_wants_keyboard_input() {
        ui.weak(t.keys_wait_for_form);
    }
    // Moving on only after the whole item is drawn keeps this frame about one item.
    if let Some(to) = go {
        go_to(open, to);
    }
}

fn rounds_bar(open: &mut OpenSession, t: &Texts, ui: &mut egui::Ui, changes: &mut Vec<Change>) {
    let session = open.doc.session();
    let item = &session.agenda[open.view.current];
    let current = open.view.current_round(item);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("{}:", t.round)).strong());
        for round in &item.rounds {
            if ui
                .selectable_label(
                    Some(round.id) == current,
                    &*clipped(&round.label, PRESENTER_CHARS),
                )
                .clicked()
            {
                open.view.round.insert(item.id, round.id);
            }
        }
        if ui.button(format!("➕ {} (N)", t.new_round)).clicked() {
            changes.push(new_round_change(session, item));
            open.view.round.remove(&item.id);
        }
        if let Some(round) = current.and_then(|r| item.round(r)) {
            let forms = &mut open.view.forms;
            if forms.renaming_round == Some(round.id) {
                let id = ui.make_persistent_id(("round-label", round.id));
                if std::mem::take(&mut forms.focus_round_label) {
                    ui.memory_mut(|m| m.request_focus(id));
                }
                let response = edit_box(ui, &mut forms.round_label, t, |ui, label| {
                    ui.add(
                        egui::TextEdit::singleline(label)
                            .id(id)
                            .desired_width(180.0)
                            .hint_text(t.round_label),
                    )
                });
                if response.lost_focus() {
                    // Enter or a click elsewhere keeps the new name; Escape keeps the old one.
                    let cancelled = commands::sees(ui.ctx(), Command::Leave);
                    let label = forms.round_label.trim().to_string();
                    if !cancelled && !label.is_empty() && label != round.label {
                        changes.push(Change::UpdateRound {
                            item: item.id,
                            round: round.id,
                            label,
                            started: round.started,
                            ended: round.ended,
                        });
                    }
                    forms.renaming_round = None;
                }
            } else if ui
                .button("✏")
                .on_hover_text(Command::RenameRound.hint(t.round_label))
                .clicked()
            {
                start_renaming(&mut open.view.forms, round);
            }
        }
    });
}

fn group_bar(open: &mut OpenSession, t: &Texts, ui: &mut egui::Ui) {
    let session = open.doc.session();
    if session.groups.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("{} (G):", t.group)).strong());
        if ui
            .selectable_label(open.view.group.is_none(), format!("{} (0)", t.no_group))
            .clicked()
        {
            open.view.group = None;
        }
        for g in &session.groups {
            if ui
                .selectable_label(
                    open.view.group == Some(g.id),
                    &*clipped(&g.name, PRESENTER_CHARS),
                )
                .clicked()
            {
                open.view.group = Some(g.id);
            }
        }
    });
}
