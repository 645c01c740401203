//! The run view: the agenda, the current item large, tallies and reactions, rounds, timer and
//! notes. Drawing collects changes; they are applied after the frame is laid out.

use super::commands::{self, Command};
use super::forms;
use super::keys;
use super::request::Request;
use super::state::{OpenSession, RunState};
use super::style::{PRESENTER_CHARS, clipped, edit_box};
use super::texts::{Texts, kind_icon};
use crate::model::{
    Change, Id, Item, ItemKind, Reaction, Round, Session, Stance, round_shares, texts::round_label,
};
use egui::{Key, RichText};
use std::time::Instant;

pub use super::theme::stance as stance_color;

/// How many of a round's newest reactions the run view lays out by default.
pub const REACTIONS_SHOWN: usize = 100;

pub fn now() -> crate::model::Timestamp {
    chrono::Local::now().fixed_offset()
}

/// Draws the run view; the changes made come back as requests for the app.
pub fn show(open: &mut OpenSession, t: &Texts, ui: &mut egui::Ui) -> Vec<Request> {
    let mut changes = Vec::new();
    let item = open.current_item_id();
    if open.view.forms.drafts_item != item {
        // Left the item (by key, click or the beamer window): keep what was typed there.
        let leaving = open.view.forms.drafts_item;
        changes.extend(take_drafts(open, leaving));
        forms::follow_item(&mut open.view.forms, leaving, item);
        open.view.forms.drafts_item = item;
    }
    keys(open, ui.ctx(), &mut changes);
    forms::keep_tab_inside(ui.ctx(), &mut open.view.forms);
    agenda_panel(open, t, ui);
    side_panel(open, t, ui);
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                current_item(open, t, ui, &mut changes);
            });
    });
    changes.into_iter().map(Request::Apply).collect()
}

pub use super::state::current_round;

/// What was typed for item `leaving` but not yet stored, as changes that store it: the
/// statements grid, a reaction in the capture field (with the stance and group it would
/// have had) and a reaction being edited. Called when the presenter moves to another item
/// and when the session is saved, closed or the app quits.
pub fn take_drafts(open: &mut OpenSession, leaving: Option<Id>) -> Vec<Change> {
    let session = open.doc.session();
    let mut changes = forms::take_statement_drafts(session, &mut open.view.forms);
    let capture = std::mem::take(&mut open.view.capture);
    let text = capture.trim();
    if !text.is_empty()
        && let Some(item) = leaving.and_then(|id| session.item(id))
        && let Some(round) = current_round(open, item).and_then(|r| item.round(r))
    {
        changes.push(captured(session, &open.view, item, round, text.to_string()));
    } else if leaving.and_then(|id| session.item(id)).is_some() {
        // Nowhere to put it (an info item): keep it in the field.
        open.view.capture = capture;
    }
    if let Some((id, text)) = open.view.editing.take() {
        let text = text.trim().to_string();
        if !text.is_empty() {
            changes.extend(update_reaction(session, id, |r| r.text = text));
        }
    }
    changes
}

/// A quote from the capture field as a new reaction at the end of `round`, with the stance
/// and group picked in the run view and the time now.
fn captured(
    session: &Session,
    view: &RunState,
    item: &Item,
    round: &Round,
    text: String,
) -> Change {
    Change::AddReaction {
        item: item.id,
        round: round.id,
        index: round.reactions.len(),
        reaction: Reaction {
            id: session.fresh_id(),
            text,
            stance: view.stance,
            group: view.group,
            by: None,
            time: Some(now()),
            highlighted: false,
        },
    }
}

/// Moves to agenda item `index` and drops what belonged to the item left behind.
pub fn go_to(open: &mut OpenSession, index: usize) {
    let len = open.doc.session().agenda.len();
    let index = index.min(len.saturating_sub(1));
    if index != open.view.current {
        open.view.current = index;
        open.view.selected_reaction = None;
        // A reaction being edited is stored by `take_drafts` on the next frame.
        open.view.forms.renaming_round = None;
    }
}

/// One-key shortcuts wait: a form of the current item, or the reaction field, holds text
/// typed since the last Esc.
fn holds_keys(open: &OpenSession) -> bool {
    let view = &open.view;
    let reaction = view.forms.filling && !view.capture.trim().is_empty();
    let item = open.doc.session().agenda.get(view.current);
    reaction || item.is_some_and(|item| view.forms.holds_keys(item))
}

/// The presenter's one-key commands. Also called from the audience window, so a clicker or a
/// key press works whichever of the two windows has the focus.
pub fn keys(open: &mut OpenSession, ctx: &egui::Context, changes: &mut Vec<Change>) {
    let pressed = |c: Command| commands::pressed(ctx, c);
    // Stance keys work while typing a reaction, so the stance can be set before or after.
    for (n, stance) in Stance::ALL.into_iter().enumerate() {
        if commands::presses_nth(ctx, Command::Stance, n) > 0 {
            open.view.stance = stance;
            if let Some(id) = open.view.selected_reaction {
                changes.extend(update_reaction(open.doc.session(), id, |r| {
                    r.stance = stance
                }));
            }
        }
    }
    // Esc always wins: pressed with Enter or R in one frame (a quick "never mind"), or before
    // the field took the focus Enter asked for, the field stays closed, so the digits that
    // follow count hands instead of becoming a reaction. It also leaves a form: its typed
    // text stays as a draft, and the one-key shortcuts work again.
    let escape = commands::sees(ctx, Command::Leave);
    if escape {
        open.view.focus_capture = false;
        open.view.forms.filling = false;
    }
    // A text field or a button has the keyboard, or a form waits for the rest of its text:
    // letters, digits and space belong to what is being typed, never to the room.
    let typing = ctx.egui_wants_keyboard_input();
    let filling = holds_keys(open);
    super::beamer::keys(&mut open.view.beamer, ctx, typing || filling);
    if typing {
        return;
    }
    let forward = commands::presses(ctx, Command::NextItem);
    let back = commands::presses(ctx, Command::PreviousItem);
    if forward != back {
        let to = (open.view.current + forward).saturating_sub(back);
        go_to(open, to);
    }
    if pressed(Command::FirstItem) {
        go_to(open, 0);
    }
    if pressed(Command::LastItem) {
        go_to(open, usize::MAX);
    }
    // Moving on is no typing: the draft stays with its item.
    if filling {
        return;
    }
    let session = open.doc.session();
    let groups: Vec<Id> = session.groups.iter().map(|g| g.id).collect();
    if pressed(Command::PreviousGroup) {
        open.view.group = cycle_group(&groups, open.view.group, false);
    } else if pressed(Command::NextGroup) {
        open.view.group = cycle_group(&groups, open.view.group, true);
    }
    if pressed(Command::WholeRoom) {
        open.view.group = None;
    }
    let Some(item) = session.agenda.get(open.view.current) else {
        return;
    };
    let item_id = item.id;
    if pressed(Command::Timer) {
        open.view
            .timers
            .entry(item_id)
            .or_default()
            .toggle(Instant::now());
    }
    let open_capture = pressed(Command::Capture);
    if open_capture && !escape {
        open.view.focus_capture = true;
        keys::swallow_text(ctx);
    }
    let round = current_round(open, item);
    if item.kind == ItemKind::Proposition
        && let Some(round) = round
    {
        let r = item.round(round).expect("current_round exists");
        for (n, option) in item.options.iter().enumerate().take(9) {
            let added = commands::presses_nth(ctx, Command::Tally, n) as i64;
            let removed = commands::presses_nth(ctx, Command::Untally, n) as i64;
            // Never below zero, however many removals arrive in one frame.
            let count = i64::from(r.count(option.id, open.view.group));
            let delta = (added - removed).max(-count);
            if delta != 0 {
                changes.push(tally(item_id, round, option.id, open.view.group, delta));
            }
        }
    }
    if matches!(item.kind, ItemKind::Proposition | ItemKind::Question) {
        if pressed(Command::NewRound) {
            changes.push(new_round_change(session, item));
            open.view.round.remove(&item_id);
        }
        let index = round
            .and_then(|r| item.rounds.iter().position(|x| x.id == r))
            .unwrap_or(0);
        if pressed(Command::PreviousRound) && index > 0 {
            open.view.round.insert(item_id, item.rounds[index - 1].id);
        }
        if pressed(Command::NextRound) && index + 1 < item.rounds.len() {
            open.view.round.insert(item_id, item.rounds[index + 1].id);
        }
    }
    if let Some(round) = round.and_then(|r| item.round(r)) {
        let target = open
            .view
            .selected_reaction
            .filter(|id| round.reactions.iter().any(|r| r.id == *id))
            .or_else(|| round.reactions.last().map(|r| r.id));
        if pressed(Command::SelectReaction) {
            // Walk the selection up the list, starting at the newest reaction.
            let i = open
                .view
                .selected_reaction
                .and_then(|id| round.reactions.iter().position(|r| r.id == id));
            open.view.selected_reaction = match i {
                Some(0) => None,
                Some(i) => Some(round.reactions[i - 1].id),
                None => round.reactions.last().map(|r| r.id),
            };
        }
        if pressed(Command::Highlight)
            && let Some(id) = target
        {
            changes.extend(update_reaction(session, id, |r| {
                r.highlighted = !r.highlighted
            }));
        }
        let selected = open
            .view
            .selected_reaction
            .and_then(|id| round.reactions.iter().position(|r| r.id == id));
        if let Some(i) = selected {
            let id = round.reactions[i].id;
            let to = if pressed(Command::MoveReactionUp) {
                i.checked_sub(1)
            } else if pressed(Command::MoveReactionDown) {
                Some(i + 1).filter(|to| *to < round.reactions.len())
            } else {
                None
            };
            if let Some(to) = to {
                changes.push(Change::MoveReaction {
                    item: item_id,
                    round: round.id,
                    reaction: id,
                    to,
                });
            }
            if pressed(Command::Edit) {
                start_editing(
                    &mut open.view,
                    round.reactions[i].id,
                    &round.reactions[i].text,
                );
                keys::swallow_text(ctx);
            }
        }
        if pressed(Command::RenameRound) {
            start_renaming(&mut open.view.forms, round);
        }
        if let Some(id) = open.view.selected_reaction
            && open.view.editing.is_none()
            && pressed(Command::Delete)
            && round.reactions.iter().any(|r| r.id == id)
        {
            changes.push(Change::RemoveReaction {
                item: item_id,
                round: round.id,
                reaction: id,
            });
            open.view.selected_reaction = None;
        }
    }
}

fn start_editing(view: &mut RunState, reaction: Id, text: &str) {
    view.editing = Some((reaction, text.to_string()));
    view.focus_edit = true;
}

fn start_renaming(forms: &mut forms::FormState, round: &Round) {
    forms.renaming_round = Some(round.id);
    forms.round_label = round.label.clone();
    forms.focus_round_label = true;
}

fn cycle_group(groups: &[Id], current: Option<Id>, forward: bool) -> Option<Id> {
    // Positions: 0 is the whole room, 1..=n the groups.
    let n = groups.len() + 1;
    let pos = current
        .and_then(|g| groups.iter().position(|x| *x == g))
        .map_or(0, |p| p + 1);
    let next = if forward {
        (pos + 1) % n
    } else {
        (pos + n - 1) % n
    };
    if next == 0 {
        None
    } else {
        Some(groups[next - 1])
    }
}

pub fn tally(item: Id, round: Id, option: Id, group: Option<Id>, delta: i64) -> Change {
    Change::Tally {
        item,
        round,
        option,
        group,
        delta,
    }
}

/// Closes the last round and opens the next, labelled "Ronde N" / "Round N".
pub fn new_round_change(session: &Session, item: &Item) -> Change {
    let at = now();
    let mut batch = Vec::new();
    if let Some(last) = item.rounds.last() {
        batch.push(Change::UpdateRound {
            item: item.id,
            round: last.id,
            label: last.label.clone(),
            started: last.started.filter(|s| *s <= at),
            ended: Some(at),
        });
    }
    let mut round = Round::new(
        // On a subgroup's copy the same id on every laptop, so merging makes one round.
        crate::model::merge::new_round_id(session, item),
        round_label(session.language, item.rounds.len() + 1),
    );
    round.started = Some(at);
    batch.push(Change::AddRound {
        item: item.id,
        index: item.rounds.len(),
        round: Box::new(round),
    });
    Change::Batch(batch)
}

/// A change that edits one reaction wherever it is, or nothing if it is gone.
fn update_reaction(session: &Session, id: Id, edit: impl FnOnce(&mut Reaction)) -> Option<Change> {
    for item in &session.agenda {
        for round in &item.rounds {
            if let Some(r) = round.reactions.iter().find(|r| r.id == id) {
                let mut reaction = r.clone();
                edit(&mut reaction);
                return Some(Change::UpdateReaction {
                    item: item.id,
                    round: round.id,
                    reaction,
                });
            }
        }
    }
    None
}

fn agenda_panel(open: &mut OpenSession, t: &Texts, ui: &mut egui::Ui) {
    let mut clicked = None;
    egui::Panel::left("agenda")
        .default_size(280.0)
        .show(ui, |ui| {
            ui.heading(t.agenda);
            ui.separator();
            let session = open.doc.session();
            if session.agenda.is_empty() {
                ui.weak(t.empty_agenda);
            }
            // One line per item, so only the visible rows are laid out, however long the agenda.
            let row_height = ui.text_style_height(&egui::TextStyle::Button)
                + 2.0 * ui.spacing().button_padding.y;
            let spacing = ui.spacing().item_spacing.y;
            let mut area = egui::ScrollArea::vertical().auto_shrink([false, false]);
            if open.view.agenda_scrolled_to != Some(open.view.current) {
                // Keep the current item in view after it changed, without fighting the user's scrolling.
                let row = open.view.current.saturating_sub(2) as f32;
                area = area.vertical_scroll_offset(row * (row_height + spacing));
                open.view.agenda_scrolled_to = Some(open.view.current);
            }
            area.show_rows(ui, row_height, session.agenda.len(), |ui, rows| {
                for i in rows {
                    let item = &session.agenda[i];
                    let current = i == open.view.current;
                    let done = i < open.view.current;
                    let mark = if current {
                        "▶"
                    } else if done {
                        "✔"
                    } else {
                        " "
                    };
                    let text = format!(
                        "{mark} {}. {} {}",
                        i + 1,
                        kind_icon(item.kind),
                        first_line(&item.text, 120)
                    );
                    let mut label = RichText::new(text);
                    if done {
                        label = label.weak();
                    }
                    if current {
                        label = label.strong();
                    }
                    let response = ui
                        .add(egui::Button::selectable(current, label).truncate())
                        .on_hover_text(format!(
                            "{}: {}",
                            t.kind(item.kind),
                            first_line(&item.text, 300)
                        ));
                    if response.clicked() {
                        clicked = Some(i);
                    }
                }
            });
        });
    if let Some(i) = clicked {
        go_to(open, i);
    }
}

fn side_panel(open: &mut OpenSession, t: &Texts, ui: &mut egui::Ui) {
    egui::Panel::right("side")
        .default_size(300.0)
        .show(ui, |ui| {
            beamer_controls(open, t, ui);
            ui.separator();
            side_contents(open, t, ui);
        });
}

fn side_contents(open: &mut OpenSession, t: &Texts, ui: &mut egui::Ui) {
    let session = open.doc.session();
    let Some(item) = session.agenda.get(open.view.current) else {
        return;
    };
    let item_id = item.id;
    {
        {
            // Timer.
            ui.heading(t.timer);
            let now = Instant::now();
            let timer = open.view.timers.entry(item_id).or_default();
            let elapsed = timer.elapsed(now).as_secs();
            let planned = item.planned_minutes.map(|m| u64::from(m) * 60);
            let over = planned.is_some_and(|p| elapsed > p);
            let mut clock = RichText::new(format!("{:02}:{:02}", elapsed / 60, elapsed % 60))
                .size(34.0)
                .monospace();
            if over {
                clock = clock.color(super::theme::WARN).strong();
            }
            ui.horizontal(|ui| {
                ui.label(clock);
                let label = if timer.running_since.is_some() {
                    t.pause_timer
                } else {
                    t.start_timer
                };
                if ui.button(format!("{label} (T)")).clicked() {
                    timer.toggle(now);
                }
            });
            if let Some(p) = planned {
                let text = format!("{} {} min", t.planned, p / 60);
                if over {
                    ui.label(
                        RichText::new(format!("⚠ {text} — {}", t.over_time))
                            .color(super::theme::WARN)
                            .strong(),
                    );
                } else {
                    ui.label(text);
                }
            }
            if timer.running_since.is_some() {
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(
                        1000 - (timer.elapsed(now).subsec_millis() as u64).min(999),
                    ));
            }
            ui.separator();
            ui.heading(t.next_up);
            match session.agenda.get(open.view.current + 1) {
                Some(next) => {
                    ui.label(
                        RichText::new(format!("{} {}", kind_icon(next.kind), t.kind(next.kind)))
                            .weak(),
                    );
                    ui.label(first_line(&next.text, 200));
                }
                None => {
                    ui.weak(t.end_of_agenda);
                }
            }
            ui.separator();
            ui.heading(t.notes);
            if item.notes.trim().is_empty() {
                ui.weak("—");
            } else {
                ui.label(&*clipped(&item.notes, PRESENTER_CHARS));
            }
        }
    }
}

fn beamer_controls(open: &mut OpenSession, t: &Texts, ui: &mut egui::Ui) {
    ui.heading(t.beamer);
    let b = &mut open.view.beamer;
    ui.horizontal_wrapped(|ui| {
        let label = if b.open {
            t.close_beamer
        } else {
            t.open_beamer
        };
        if ui
            .selectable_label(b.open, format!("{label} (F5)"))
            .clicked()
        {
            b.open = !b.open;
        }
        let reveal = if b.state.revealed {
            t.hide_results
        } else {
            t.reveal
        };
        if ui
            .selectable_label(b.state.revealed, format!("{reveal} (V)"))
            .clicked()
        {
            b.state.revealed = !b.state.revealed;
            b.state.quotes = false;
        }
        if ui
            .selectable_label(b.state.blank, Command::Blank.hint(t.blank))
            .clicked()
        {
            b.state.blank = !b.state.blank;
        }
        if ui
            .selectable_label(b.state.quotes, format!("{} (Q)", t.quotes))
            .clicked()
        {
            b.state.quotes = !b.state.quotes;
            b.state.quote_index = 0;
        }
        if ui
            .selectable_label(b.state.title_slide, format!("{} (F6)", t.title_slide))
            .clicked()
        {
            b.state.title_slide = !b.state.title_slide;
        }
        let dark = b.state.theme == super::audience::AudienceTheme::Dark;
        if ui
            .selectable_label(dark, format!("{} (F9)", t.dark_theme))
            .clicked()
        {
            b.state.theme = if dark {
                super::audience::AudienceTheme::Light
            } else {
                super::audience::AudienceTheme::Dark
            };
        }
        if ui
            .selectable_label(b.preview, format!("{} (P)", t.preview))
            .clicked()
        {
            b.preview = !b.preview;
        }
    });
    if open.view.beamer.preview {
        super::beamer::preview(open, ui);
    }
}

fn current_item(open: &mut OpenSession, t: &Texts, ui: &mut egui::Ui, changes: &mut Vec<Change>) {
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
    match item.kind {
        ItemKind::Proposition => {
            rounds_bar(open, t, ui, changes);
            group_bar(open, t, ui);
            tally_table(open, t, ui, changes);
            ui.add_space(10.0);
            reactions(open, t, ui, changes);
        }
        ItemKind::Question => {
            rounds_bar(open, t, ui, changes);
            group_bar(open, t, ui);
            reactions(open, t, ui, changes);
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
    let current = current_round(open, item);
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
                    let cancelled = ui.input(|i| i.key_pressed(Key::Escape));
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

fn tally_table(open: &mut OpenSession, t: &Texts, ui: &mut egui::Ui, changes: &mut Vec<Change>) {
    let session = open.doc.session();
    let item = &session.agenda[open.view.current];
    let Some(round_id) = current_round(open, item) else {
        return;
    };
    let round = item.round(round_id).expect("current round exists");
    let index = item
        .rounds
        .iter()
        .position(|r| r.id == round_id)
        .unwrap_or(0);
    let answers = round.answers();
    // A shift against a round nobody answered (or before anyone answered this one) means nothing.
    let previous = index
        .checked_sub(1)
        .map(|i| &item.rounds[i])
        .filter(|prev| prev.answers() > 0 && answers > 0);
    let group = open.view.group;
    // One column per group, plus hands not attributed to a group when there are any or when
    // that is where the keys count; the column the keys count in is marked.
    let mut columns: Vec<Option<Id>> = session.groups.iter().map(|g| Some(g.id)).collect();
    if !columns.is_empty() && round.group_answers(None) > 0 {
        columns.push(None);
    }
    let column_name = |g: Option<Id>| match g {
        Some(_) => clipped(session.group_name(g), PRESENTER_CHARS).into_owned(),
        None => t.no_group.to_string(),
    };
    let cell = |ui: &mut egui::Ui, text: String, selected: bool| {
        let text = RichText::new(text).size(22.0);
        ui.label(if selected {
            text.strong().underline()
        } else {
            text.weak()
        });
    };
    // Many groups make the table wide: it scrolls sideways rather than widening the view.
    egui::ScrollArea::horizontal()
        .id_salt("tally-scroll")
        .show(ui, |ui| {
            egui::Grid::new(("tallies", item.id))
                .spacing([14.0, 10.0])
                .striped(true)
                .show(ui, |ui| {
                    ui.strong("");
                    ui.strong(t.option);
                    ui.strong("");
                    ui.strong(t.total);
                    ui.strong("%");
                    ui.strong(if previous.is_some() { t.shift } else { "" });
                    for g in &columns {
                        let name = column_name(*g);
                        ui.strong(if *g == group {
                            format!("▶ {name}")
                        } else {
                            name
                        });
                    }
                    ui.end_row();
                    let shares = round_shares(round, &item.options);
                    let before = previous.map(|p| round_shares(p, &item.options));
                    for (n, option) in item.options.iter().enumerate() {
                        ui.label(RichText::new(format!("{}", n + 1)).monospace().strong());
                        ui.label(RichText::new(clipped(&option.label, PRESENTER_CHARS)).size(22.0));
                        ui.horizontal(|ui| {
                            let count = round.count(option.id, group);
                            if ui
                                .add_enabled(
                                    count > 0,
                                    egui::Button::new(RichText::new(" − ").size(20.0)),
                                )
                                .on_hover_text(Command::Untally.nth_text(n))
                                .clicked()
                            {
                                changes.push(tally(item.id, round.id, option.id, group, -1));
                            }
                            if ui
                                .button(RichText::new(" + ").size(20.0))
                                .on_hover_text(Command::Tally.nth_text(n))
                                .clicked()
                            {
                                changes.push(tally(item.id, round.id, option.id, group, 1));
                            }
                        });
                        let share = shares[n];
                        ui.label(RichText::new(share.count.to_string()).size(22.0).strong());
                        let pct = t.decimal.share(share);
                        ui.label(RichText::new(pct).size(22.0).strong());
                        match &before {
                            Some(before) => {
                                let shift = t.decimal.signed(before[n].shift_to(share));
                                ui.label(RichText::new(format!("{shift} pp")).size(18.0));
                            }
                            None => {
                                ui.label("");
                            }
                        }
                        for g in &columns {
                            cell(ui, round.count(option.id, *g).to_string(), *g == group);
                        }
                        ui.end_row();
                    }
                    ui.label("");
                    ui.strong(t.total);
                    ui.label("");
                    ui.strong(format!("{answers} {}", t.answers));
                    ui.label("");
                    ui.label("");
                    for g in &columns {
                        ui.strong(round.group_answers(*g).to_string());
                    }
                    ui.end_row();
                });
        });
}

fn reactions(open: &mut OpenSession, t: &Texts, ui: &mut egui::Ui, changes: &mut Vec<Change>) {
    let session = open.doc.session();
    let item = &session.agenda[open.view.current];
    let Some(round_id) = current_round(open, item) else {
        return;
    };
    let round = item.round(round_id).expect("current round exists");
    ui.heading(format!("{} — {}", t.reactions, round.label));
    // Capture: stance, group (from the group bar) and the text.
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("{}:", t.stance)).strong());
        for (n, stance) in Stance::ALL.into_iter().enumerate() {
            let text = RichText::new(format!("{} (Ctrl+{})", t.stance(stance), n + 1))
                .color(stance_color(stance));
            if ui
                .selectable_label(open.view.stance == stance, text)
                .clicked()
            {
                open.view.stance = stance;
            }
        }
    });
    // Focus goes to the field before it is drawn, so the first letter typed after Enter or R
    // lands in it instead of being dropped.
    let capture_id = ui.make_persistent_id("capture");
    if std::mem::take(&mut open.view.focus_capture) {
        ui.memory_mut(|m| m.request_focus(capture_id));
    }
    let response = ui.add(
        egui::TextEdit::singleline(&mut open.view.capture)
            .id(capture_id)
            .hint_text(format!("{} (Enter / R)", t.capture_hint))
            .desired_width(f32::INFINITY)
            .font(egui::TextStyle::Heading),
    );
    open.view.forms.filling |= response.has_focus();
    let submitted = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
    if submitted {
        let text = open.view.capture.trim().to_string();
        if !text.is_empty() {
            changes.push(captured(session, &open.view, item, round, text));
            open.view.capture.clear();
            // Stay in the field: the next quote usually follows at once.
            open.view.focus_capture = true;
        }
    }
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
            let mut finished = false;
            if let Some((id, text)) = &mut open.view.editing
                && *id == reaction.id
            {
                let edit_id = ui.make_persistent_id(("edit-reaction", reaction.id));
                if std::mem::take(&mut open.view.focus_edit) {
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
                let cancel = focused && ui.input(|i| i.key_pressed(Key::Escape));
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
                        edited.text = reaction.text.clone();
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
            }
            if finished {
                open.view.editing = None;
            }
            if open
                .view
                .editing
                .as_ref()
                .is_some_and(|(id, _)| *id == reaction.id)
            {
                return;
            }
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
                            changes.push(Change::MoveReaction {
                                item: item.id,
                                round: round.id,
                                reaction: reaction.id,
                                to: i + 1,
                            });
                        }
                        if ui
                            .add_enabled(i > 0, egui::Button::new("⏶"))
                            .on_hover_text(t.move_up)
                            .clicked()
                        {
                            changes.push(Change::MoveReaction {
                                item: item.id,
                                round: round.id,
                                reaction: reaction.id,
                                to: i - 1,
                            });
                        }
                        if ui
                            .button("✏")
                            .on_hover_text(Command::Edit.hint(t.edit))
                            .clicked()
                        {
                            start_editing(&mut open.view, reaction.id, &reaction.text);
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
                open.view.selected_reaction = if selected { None } else { Some(reaction.id) };
            }
        });
    }
}

pub use super::state::group_label;

pub use crate::model::shorten::first_line;
