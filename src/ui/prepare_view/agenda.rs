//! The agenda editor: the list of items on the left (select, drag to reorder, add, duplicate,
//! delete, Alt+↑/↓), the selected item on the right (kind, text, answer options, minutes,
//! notes) with inline validation, and the planned time against the session's time slot.
//!
//! The selected item is `RunState::current`, shared with the run view, so the presenter starts
//! where the preparation left off.

use super::{first_line, push_if, warning};
use crate::model::{
    Change, Id, IdSource, Item, ItemKind, Language, ResponseOption, Session, words,
};
use crate::ui::commands::{self, Command};
use crate::ui::state::OpenSession;
use crate::ui::state::prepare::ItemDraft;
use crate::ui::style::{draft_box, edit_box, too_long_to_edit};
use crate::ui::texts::{Texts, kind_icon};
use crate::ui::widgets::{DeleteQuestion, kind_picker};
use egui::{Key, KeyboardShortcut, Modifiers, RichText};

impl ItemDraft {
    fn from(item: &Item) -> Self {
        ItemDraft {
            id: item.id,
            kind: item.kind,
            text: editable(&item.text),
            notes: editable(&item.notes),
            minutes: item
                .planned_minutes
                .map(|m| m.to_string())
                .unwrap_or_default(),
            options: item.options.clone(),
            dirty: false,
            held: None,
        }
    }

    /// A proposition needs an answer (the model refuses one without).
    fn options_refused(&self) -> bool {
        self.kind == ItemKind::Proposition && self.options.is_empty()
    }

    /// The item as it can be stored: with the draft's fields, but the item's own answers when
    /// the draft has none for a proposition.
    fn storable(&self, item: &Item) -> Item {
        let mut new = self.apply_to(item);
        if self.options_refused() {
            new.options = item.options.clone();
        }
        new
    }

    /// Whether a held draft still describes the item: nothing changed it since (undo, redo,
    /// another screen).
    fn still_held(&self, item: &Item) -> bool {
        self.held.as_ref() == Some(&item.options)
            && item.kind == self.kind
            && self
                .text
                .as_ref()
                .is_none_or(|text| item.text == text.trim())
            && self
                .notes
                .as_ref()
                .is_none_or(|notes| item.notes == notes.trim_end())
            && !matches!(parse_minutes(&self.minutes), Ok(m) if m != item.planned_minutes)
    }

    /// The item with the draft's fields; a minutes field that does not read keeps the old value.
    fn apply_to(&self, item: &Item) -> Item {
        let mut new = item.clone();
        new.kind = self.kind;
        if let Some(text) = &self.text {
            new.text = text.trim().to_string();
        }
        if let Some(notes) = &self.notes {
            new.notes = notes.trim_end().to_string();
        }
        if let Ok(minutes) = parse_minutes(&self.minutes) {
            new.planned_minutes = minutes;
        }
        new.options = self
            .options
            .iter()
            .map(|o| ResponseOption {
                id: o.id,
                label: o.label.trim().to_string(),
            })
            .collect();
        new
    }
}

/// A copy of `text` to edit, or `None` when it is too long to edit here.
fn editable(text: &str) -> Option<String> {
    (!too_long_to_edit(text)).then(|| text.to_string())
}

/// Whole minutes, empty for none; `0` is none too (nothing planned).
fn parse_minutes(text: &str) -> Result<Option<u32>, ()> {
    let text = text.trim().trim_end_matches(['′', '\'']).trim();
    let text = text.strip_suffix("min").unwrap_or(text).trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<u32>() {
        Ok(0) => Ok(None),
        Ok(n) if n <= 24 * 60 => Ok(Some(n)),
        _ => Err(()),
    }
}

/// What is wrong with an item as typed, in words for the facilitator. Empty when all is well.
pub fn issues(
    kind: ItemKind,
    text: &str,
    minutes: &str,
    options: &[ResponseOption],
    t: &Texts,
) -> Vec<String> {
    let mut out = Vec::new();
    if text.trim().is_empty() {
        out.push(t.prep_issue_empty_text.to_string());
    }
    if parse_minutes(minutes).is_err() {
        out.push(t.prep_issue_minutes.to_string());
    }
    if kind == ItemKind::Proposition {
        if options.is_empty() {
            out.push(t.prep_issue_no_options.to_string());
        }
        if options.iter().any(|o| o.label.trim().is_empty()) {
            out.push(t.prep_issue_empty_option.to_string());
        }
        // Each doubled answer once, however often and in whatever case it repeats.
        let mut seen: Vec<String> = Vec::new();
        let mut reported: Vec<String> = Vec::new();
        for o in options {
            let key = o.label.trim().to_lowercase();
            if key.is_empty() {
                continue;
            }
            if !seen.contains(&key) {
                seen.push(key);
            } else if !reported.contains(&key) {
                out.push(format!(
                    "{} ‘{}’",
                    t.prep_issue_duplicate_option,
                    o.label.trim()
                ));
                reported.push(key);
            }
        }
    }
    out
}

fn item_issues(item: &Item, t: &Texts) -> Vec<String> {
    let minutes = item
        .planned_minutes
        .map(|m| m.to_string())
        .unwrap_or_default();
    issues(item.kind, &item.text, &minutes, &item.options, t)
}

/// Answer sets a facilitator picks from instead of typing them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    AgreeDisagreeDoubt,
    YesNo,
    Scale1To5,
    LineUp0To10,
}

impl Preset {
    pub const ALL: [Preset; 4] = [
        Preset::AgreeDisagreeDoubt,
        Preset::YesNo,
        Preset::Scale1To5,
        Preset::LineUp0To10,
    ];

    /// The labels in the session's language: the room sees them on the beamer.
    pub fn labels(self, language: Language) -> Vec<String> {
        let owned = |list: &[&str]| -> Vec<String> { list.iter().map(|s| s.to_string()).collect() };
        match self {
            Preset::AgreeDisagreeDoubt => owned(words(language).session.default_options),
            Preset::YesNo => owned(words(language).session.yes_no),
            Preset::Scale1To5 => (1..=5).map(|n| n.to_string()).collect(),
            Preset::LineUp0To10 => (0..=10).map(|n| n.to_string()).collect(),
        }
    }

    fn name(self, t: &Texts) -> &'static str {
        t.prep_presets[self as usize]
    }

    /// The preset these options are, if any.
    fn of(options: &[ResponseOption], language: Language) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| {
            let labels = p.labels(language);
            labels.len() == options.len() && labels.iter().zip(options).all(|(l, o)| *l == o.label)
        })
    }
}

/// Options with ids unused in the session and among each other.
fn new_options(
    session: &Session,
    keep: &[ResponseOption],
    labels: Vec<String>,
) -> Vec<ResponseOption> {
    let mut ids = IdSource::new(session);
    for o in keep {
        ids.reserve(o.id);
    }
    labels
        .into_iter()
        .map(|label| ResponseOption {
            id: ids.fresh(),
            label,
        })
        .collect()
}

/// Whether any round counted hands for this option, so removing it would lose them.
fn option_counted(item: &Item, option: Id) -> bool {
    item.rounds.iter().any(|r| r.counted(option))
}

/// A copy of an item to prepare another like it: same kind, text, answers, minutes, notes and
/// themes, all with fresh ids; nothing recorded comes along.
pub fn duplicate(session: &Session, item: &Item) -> Item {
    let mut copy = Item::new(session, item.kind, item.text.clone());
    let mut ids = IdSource::new(session);
    ids.reserve(copy.id);
    for r in &copy.rounds {
        ids.reserve(r.id);
    }
    for o in &copy.options {
        ids.reserve(o.id);
    }
    copy.options = item
        .options
        .iter()
        .map(|o| ResponseOption {
            id: ids.fresh(),
            label: o.label.clone(),
        })
        .collect();
    copy.themes = item
        .themes
        .iter()
        .map(|th| crate::model::Theme {
            id: ids.fresh(),
            name: th.name.clone(),
        })
        .collect();
    copy.notes = item.notes.clone();
    copy.planned_minutes = item.planned_minutes;
    copy
}

/// Turns the item draft into a change if it was edited. A proposition without options keeps
/// its answers (the model refuses it without), but its text, notes and minutes are stored; the
/// draft stays, clean, with its message while the item is shown.
pub fn commit(open: &mut OpenSession, changes: &mut Vec<Change>, _t: &Texts) {
    let state = &mut open.view.prepare.agenda;
    let Some(draft) = &mut state.draft else {
        return;
    };
    if !draft.dirty {
        state.draft = None;
        return;
    }
    let session = open.doc.session();
    let Some(item) = session.item(draft.id) else {
        // The item went (undo of its creation): nothing left to write the text into.
        state.draft = None;
        return;
    };
    let new = draft.storable(item);
    if draft.options_refused() {
        draft.dirty = false;
        draft.held = Some(new.options.clone());
    } else {
        state.draft = None;
    }
    push_if(changes, new != *item, || Change::ReplaceItem(Box::new(new)));
}

/// The change that renames `theme` to the name typed, if that is a new, non-empty name.
fn rename_theme(item: Id, theme: &crate::model::Theme, typed: &str, changes: &mut Vec<Change>) {
    use crate::model::{Record, Theme};
    let new = typed.trim();
    if !new.is_empty() && new != theme.name {
        changes.push(Change::PutRecord {
            item,
            index: 0,
            record: Record::Theme(Theme {
                id: theme.id,
                name: new.to_string(),
            }),
        });
    }
}

/// Stores theme names being typed, except those of the item `keep` (its editor handles them):
/// the screen or tab is left, the selection moved, the session is saved or closed.
pub fn commit_themes(open: &mut OpenSession, changes: &mut Vec<Change>, keep: Option<Id>) {
    let drafts = &mut open.view.prepare.agenda.theme_drafts;
    if drafts.is_empty() {
        return;
    }
    let session = open.doc.session();
    let kept = keep.and_then(|id| session.item(id));
    // In agenda order, so several renames become changes in a fixed order.
    for item in &session.agenda {
        for theme in &item.themes {
            if kept.is_some_and(|k| k.id == item.id) {
                continue;
            }
            let Some(name) = drafts.remove(&theme.id) else {
                continue;
            };
            rename_theme(item.id, theme, &name, changes);
        }
    }
    // Drafts of themes that are gone have nothing to go to.
    drafts.retain(|id, _| kept.is_some_and(|k| k.themes.iter().any(|th| th.id == *id)));
}

pub fn show(open: &mut OpenSession, t: &Texts, ui: &mut egui::Ui, changes: &mut Vec<Change>) {
    // A draft of another item (the selection moved by key or undo) is written first.
    let current_id = open.current_item_id();
    if open
        .view
        .prepare
        .agenda
        .draft
        .as_ref()
        .is_some_and(|d| Some(d.id) != current_id)
    {
        commit(open, changes, t);
        open.view.prepare.agenda.draft = None;
    }
    // Theme names typed for another item (the selection moved) are stored too.
    commit_themes(open, changes, current_id);
    keys(open, t, ui.ctx(), changes);
    list_panel(open, t, ui, changes);
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| editor(open, t, ui, changes));
    });
    confirm_delete_item(open, t, ui.ctx(), changes);
}

/// Where the selected item sits after the queued changes, so moves can follow it.
fn select(open: &mut OpenSession, index: usize) {
    open.view.current = index;
    open.view.selected_reaction = None;
}

fn add_item(open: &mut OpenSession, t: &Texts, changes: &mut Vec<Change>, kind: ItemKind) {
    commit(open, changes, t);
    let session = open.doc.session();
    let index = if session.agenda.is_empty() {
        0
    } else {
        (open.view.current + 1).min(session.agenda.len())
    };
    let item = Item::new(session, kind, "");
    changes.push(Change::AddItem {
        index,
        item: Box::new(item),
    });
    select(open, index);
    open.view.prepare.agenda.focus_text = true;
    open.view.prepare.agenda.deleted = false;
}

fn duplicate_item(open: &mut OpenSession, t: &Texts, changes: &mut Vec<Change>) {
    let session = open.doc.session();
    let Some(item) = open.current_item() else {
        return;
    };
    // The copy has what is typed, also when that is not committed yet.
    let source = match &open.view.prepare.agenda.draft {
        Some(d) if d.id == item.id => d.storable(item),
        _ => item.clone(),
    };
    let copy = duplicate(session, &source);
    let index = open.view.current + 1;
    commit(open, changes, t);
    changes.push(Change::AddItem {
        index,
        item: Box::new(copy),
    });
    select(open, index);
}

/// Deletes the selected item; one with votes, reactions or records asks first. Undo brings
/// either back, but a room's votes deserve a question before they go.
fn delete_item(open: &mut OpenSession, changes: &mut Vec<Change>) {
    let Some(item) = open.current_item() else {
        return;
    };
    if recorded(item).iter().any(|&(n, _)| n > 0) {
        open.view.prepare.agenda.confirm_delete.ask(item.id);
    } else {
        let id = item.id;
        remove_item(open, id, changes);
    }
}

fn remove_item(open: &mut OpenSession, id: Id, changes: &mut Vec<Change>) {
    let session = open.doc.session();
    let Some(index) = session.item_index(id) else {
        return;
    };
    let len = session.agenda.len() - 1;
    changes.push(Change::RemoveItem(id));
    open.view.prepare.agenda.draft = None;
    open.view.prepare.agenda.deleted = true;
    select(open, index.min(len.saturating_sub(1)));
}

/// Picks a word from the presenter's texts.
type Words = fn(&Texts) -> &'static str;

/// What has been recorded for an item, counted per kind, with the words to show: votes,
/// reactions, proposals, commitments, statements.
fn recorded(item: &Item) -> [(usize, Words); 5] {
    [
        (
            item.rounds.iter().map(|r| r.answers() as usize).sum(),
            |t| t.prep_votes,
        ),
        (item.reactions().count(), |t| t.reactions),
        (item.proposals.len(), |t| t.proposals),
        (item.commitments.len(), |t| t.commitments),
        (item.statements.len(), |t| t.statements),
    ]
}

fn confirm_delete_item(
    open: &mut OpenSession,
    t: &Texts,
    ctx: &egui::Context,
    changes: &mut Vec<Change>,
) {
    let session = open.doc.session();
    let yes = open.view.prepare.agenda.confirm_delete.show(ctx, t, |id| {
        let index = session.item_index(id)?;
        let item = &session.agenda[index];
        Some(DeleteQuestion {
            id: "confirm-delete-item",
            heading: format!(
                "{} {}: ‘{}’?",
                t.prep_delete_item,
                index + 1,
                first_line(&item.text, 60)
            ),
            intro: format!("{}:", t.prep_recorded),
            counts: recorded(item)
                .into_iter()
                .map(|(n, what)| (n, what(t)))
                .collect(),
        })
    });
    if let Some(id) = yes {
        remove_item(open, id, changes);
    }
}

/// Moves the selected item to `to` (an index in the agenda after the move).
fn move_item(open: &mut OpenSession, t: &Texts, changes: &mut Vec<Change>, from: usize, to: usize) {
    let session = open.doc.session();
    let len = session.agenda.len();
    if from >= len || to >= len || from == to {
        return;
    }
    let id = session.agenda[from].id;
    commit(open, changes, t);
    changes.push(Change::MoveItem { id, to });
    if open.view.current == from {
        select(open, to);
    } else {
        // Another item moved past the selection: keep the same item selected.
        let c = open.view.current;
        let c = if from < c && to >= c {
            c - 1
        } else if from > c && to <= c {
            c + 1
        } else {
            c
        };
        select(open, c);
    }
}

fn keys(open: &mut OpenSession, t: &Texts, ctx: &egui::Context, changes: &mut Vec<Change>) {
    // A question waits for its answer: keys act on the question, not on the agenda behind it.
    let prepare = &open.view.prepare;
    if ctx.egui_wants_keyboard_input()
        || prepare.agenda.confirm_delete.is_open()
        || prepare.details.asking()
    {
        return;
    }
    let pressed = |c: Command| commands::pressed(ctx, c);
    let len = open.doc.session().agenda.len();
    let current = open.view.current;
    if pressed(Command::MoveItemUp) && current > 0 {
        move_item(open, t, changes, current, current - 1);
    } else if pressed(Command::MoveItemDown) && current + 1 < len {
        move_item(open, t, changes, current, current + 1);
    } else if pressed(Command::PreviousAgendaItem) {
        select(open, current.saturating_sub(1));
    } else if pressed(Command::NextAgendaItem) {
        select(open, (current + 1).min(len.saturating_sub(1)));
    } else if pressed(Command::FirstAgendaItem) {
        select(open, 0);
    } else if pressed(Command::LastAgendaItem) {
        select(open, len.saturating_sub(1));
    } else if pressed(Command::AddItem) {
        let kind = open.view.prepare.agenda.add_kind;
        add_item(open, t, changes, kind);
    } else if pressed(Command::DuplicateItem) {
        duplicate_item(open, t, changes);
    } else if pressed(Command::DeleteItem) {
        delete_item(open, changes);
    } else if len > 0
        // Enter on a focused button presses that button; only otherwise it means "edit".
        && (commands::presses_nth(ctx, Command::EditItem, 0) > 0
            || (ctx.memory(|m| m.focused().is_none())
                && commands::presses_nth(ctx, Command::EditItem, 1) > 0))
    {
        open.view.prepare.agenda.focus_text = true;
    }
}

/// "1 h 25 min" / "1 u 25 min", or "25 min".
pub fn format_minutes(minutes: u32, t: &Texts) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} {}", t.prep_hours),
        (h, m) => format!("{h} {} {m} min", t.prep_hours),
    }
}

/// Planned minutes of the agenda against the session's slot, with a warning when over.
fn time_summary(session: &Session, t: &Texts, ui: &mut egui::Ui) {
    let planned: u32 = session
        .agenda
        .iter()
        .filter_map(|i| i.planned_minutes)
        .fold(0u32, u32::saturating_add);
    let slot = match (session.start_time, session.end_time) {
        (Some(a), Some(b)) if b >= a => Some(((b - a).num_minutes()) as u32),
        _ => None,
    };
    let planned_text = format!("{}: {}", t.prep_planned_total, format_minutes(planned, t));
    match slot {
        Some(slot) => {
            let range = format!(
                "{}–{}",
                session
                    .start_time
                    .map(|x| x.format("%H:%M").to_string())
                    .unwrap_or_default(),
                session
                    .end_time
                    .map(|x| x.format("%H:%M").to_string())
                    .unwrap_or_default()
            );
            ui.label(
                RichText::new(format!(
                    "{planned_text} {} {} ({range})",
                    t.prep_of,
                    format_minutes(slot, t)
                ))
                .strong(),
            );
            if planned > slot {
                warning(
                    ui,
                    format!("{} {}", format_minutes(planned - slot, t), t.prep_over_slot),
                );
            } else if planned < slot {
                ui.weak(format!(
                    "{} {}",
                    format_minutes(slot - planned, t),
                    t.prep_left_in_slot
                ));
            }
        }
        None => {
            ui.label(RichText::new(planned_text).strong());
            ui.weak(t.prep_no_slot);
        }
    }
}

/// A button of the list panel, carried out after the panel is drawn.
#[derive(Clone, Copy)]
enum ListAction {
    Add,
    Duplicate,
    Delete,
    Up,
    Down,
}

fn list_panel(open: &mut OpenSession, t: &Texts, ui: &mut egui::Ui, changes: &mut Vec<Change>) {
    let mut clicked = None;
    let mut dropped: Option<(usize, usize)> = None;
    let mut action: Option<ListAction> = None;
    egui::Panel::left("prepare-agenda")
        .default_size(490.0)
        .min_size(300.0)
        .show(ui, |ui| {
            ui.add_space(4.0);
            ui.heading(RichText::new(t.agenda).strong());
            let state = &mut open.view.prepare.agenda;
            ui.horizontal_wrapped(|ui| {
                kind_picker(ui, "add-kind", &mut state.add_kind, t, t.prep_kind);
                if ui
                    .button(RichText::new(format!("➕ {}", t.prep_add_item)).strong())
                    .on_hover_text(Command::AddItem.keys_text())
                    .clicked()
                {
                    action = Some(ListAction::Add);
                }
            });
            let session = open.doc.session();
            let has = !session.agenda.is_empty();
            let current = open.view.current;
            ui.horizontal_wrapped(|ui| {
                if ui
                    .add_enabled(has, egui::Button::new(format!("📋 {}", t.prep_duplicate)))
                    .on_hover_text(Command::DuplicateItem.keys_text())
                    .clicked()
                {
                    action = Some(ListAction::Duplicate);
                }
                if ui
                    .add_enabled(has, egui::Button::new(format!("🗑 {}", t.delete)))
                    .on_hover_text(t.prep_delete_hint)
                    .clicked()
                {
                    action = Some(ListAction::Delete);
                }
            });
            // Moving on a row of its own, next to the keys that do the same.
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(
                        current > 0 && has,
                        egui::Button::new(format!("⬆ {}", t.move_up)),
                    )
                    .on_hover_text(Command::MoveItemUp.keys_text())
                    .clicked()
                {
                    action = Some(ListAction::Up);
                }
                if ui
                    .add_enabled(
                        current + 1 < session.agenda.len(),
                        egui::Button::new(format!("⬇ {}", t.move_down)),
                    )
                    .on_hover_text(Command::MoveItemDown.keys_text())
                    .clicked()
                {
                    action = Some(ListAction::Down);
                }
            });
            if state.deleted {
                ui.weak(t.prep_deleted_undo);
            }
            ui.separator();
            time_summary(session, t, ui);
            ui.separator();
            if session.agenda.is_empty() {
                ui.label(t.empty_agenda);
                ui.weak(t.prep_empty_agenda_hint);
            }
            let row_height = ui.text_style_height(&egui::TextStyle::Button)
                + 2.0 * ui.spacing().button_padding.y;
            let spacing = ui.spacing().item_spacing.y;
            let mut area = egui::ScrollArea::vertical().auto_shrink([false, false]);
            if state.scrolled_to != Some(current) {
                let row = current.saturating_sub(2) as f32;
                area = area.vertical_scroll_offset(row * (row_height + spacing));
                state.scrolled_to = Some(current);
            }
            area.show_rows(ui, row_height, session.agenda.len(), |ui, rows| {
                for i in rows {
                    let item = &session.agenda[i];
                    let selected = i == current;
                    let warn = if item_issues(item, t).is_empty() {
                        ""
                    } else {
                        " ⚠"
                    };
                    let minutes = item
                        .planned_minutes
                        .map(|m| format!("  {m} min"))
                        .unwrap_or_default();
                    let text = if item.text.trim().is_empty() {
                        format!("({})", t.prep_no_text)
                    } else {
                        first_line(&item.text, 100)
                    };
                    let label =
                        format!("{}. {} {text}{minutes}{warn}", i + 1, kind_icon(item.kind),);
                    let row = ui.horizontal(|ui| {
                        // Only the handle drags, so a click on the text always selects.
                        ui.dnd_drag_source(egui::Id::unique(("prep-row", item.id)), i, |ui| {
                            ui.label(RichText::new(" ↕ ").strong())
                        })
                        .response
                        .on_hover_text(t.prep_drag_hint);
                        let mut label = RichText::new(label);
                        if selected {
                            label = label.strong();
                        }
                        ui.add(egui::Button::selectable(selected, label).truncate())
                            .on_hover_text(format!(
                                "{}: {}",
                                t.kind(item.kind),
                                first_line(&item.text, 300)
                            ))
                    });
                    // The whole row is a drop target.
                    let drop = ui.interact(
                        row.response.rect,
                        egui::Id::unique(("prep-drop", item.id)),
                        egui::Sense::hover(),
                    );
                    if row.inner.clicked() {
                        clicked = Some(i);
                    }
                    let rect = drop.rect;
                    let below = ui
                        .ctx()
                        .pointer_interact_pos()
                        .is_some_and(|p| p.y > rect.center().y);
                    if drop.dnd_hover_payload::<usize>().is_some() {
                        let y = if below { rect.bottom() } else { rect.top() };
                        ui.painter().hline(
                            rect.x_range(),
                            y,
                            egui::Stroke::new(3.0, ui.visuals().selection.bg_fill),
                        );
                    }
                    if let Some(from) = drop.dnd_release_payload::<usize>() {
                        // Insert before row `k`; after removing `from`, later rows shift up.
                        let k = if below { i + 1 } else { i };
                        let to = if *from < k { k - 1 } else { k };
                        dropped = Some((*from, to));
                    }
                }
            });
        });
    if let Some(i) = clicked {
        commit(open, changes, t);
        select(open, i);
        open.view.prepare.agenda.deleted = false;
    }
    if let Some((from, to)) = dropped {
        move_item(open, t, changes, from, to);
    }
    let current = open.view.current;
    match action {
        Some(ListAction::Add) => {
            let kind = open.view.prepare.agenda.add_kind;
            add_item(open, t, changes, kind);
        }
        Some(ListAction::Duplicate) => duplicate_item(open, t, changes),
        Some(ListAction::Delete) => delete_item(open, changes),
        Some(ListAction::Up) if current > 0 => move_item(open, t, changes, current, current - 1),
        Some(ListAction::Down) => move_item(open, t, changes, current, current + 1),
        _ => {}
    }
}

fn editor(open: &mut OpenSession, t: &Texts, ui: &mut egui::Ui, changes: &mut Vec<Change>) {
    let session = open.doc.session();
    let Some(item) = session.agenda.get(open.view.current) else {
        ui.add_space(40.0);
        ui.heading(t.empty_agenda);
        ui.label(t.prep_empty_agenda_hint);
        return;
    };
    let state = &mut open.view.prepare.agenda;
    let draft = state.draft.get_or_insert_with(|| ItemDraft::from(item));
    let mut focus = false;
    let mut left = false;
    let mut edited = false;
    // Kind, presets and option buttons are whole edits: committed at once.
    let mut at_once = false;

    ui.add_space(4.0);
    ui.label(
        RichText::new(format!(
            "{} {} {} {}",
            t.prep_item,
            open.view.current + 1,
            t.prep_of,
            session.agenda.len()
        ))
        .size(15.0)
        .weak(),
    );
    ui.horizontal_wrapped(|ui| {
        for kind in ItemKind::ALL {
            let label = format!("{} {}", kind_icon(kind), t.kind(kind));
            if ui.selectable_label(draft.kind == kind, label).clicked() && draft.kind != kind {
                draft.kind = kind;
                if kind == ItemKind::Proposition && draft.options.is_empty() {
                    draft.options = new_options(
                        session,
                        &[],
                        Preset::AgreeDisagreeDoubt.labels(session.language),
                    );
                }
                at_once = true;
            }
        }
    });
    ui.add_space(6.0);
    ui.label(RichText::new(t.prep_text_label).strong());
    let id = draft.id;
    let text = draft_box(ui, &mut draft.text, &item.text, t, |ui, text| {
        ui.add(
            egui::TextEdit::multiline(text)
                .id_salt(("item-text", id))
                .font(egui::FontId::proportional(24.0))
                .desired_rows(2)
                .desired_width(f32::INFINITY)
                .hint_text(t.prep_text_hint)
                .return_key(KeyboardShortcut::new(Modifiers::SHIFT, Key::Enter)),
        )
    });
    if std::mem::take(&mut state.focus_text) {
        text.request_focus();
    }
    if text.has_focus() && commands::sees(ui.ctx(), Command::SubmitLine) {
        text.surrender_focus();
        at_once = true;
    }
    focus |= text.has_focus();
    left |= text.lost_focus();
    edited |= text.changed();
    ui.weak(t.prep_text_keys);

    if draft.kind == ItemKind::Proposition {
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            ui.label(RichText::new(t.prep_answers).strong());
            let current = Preset::of(&draft.options, session.language);
            let counted = item.rounds.iter().any(|r| r.has_answers());
            ui.add_enabled_ui(!counted, |ui| {
                egui::ComboBox::from_id_salt(("preset", draft.id))
                    .selected_text(current.map_or(t.prep_custom, |p| p.name(t)))
                    .show_ui(ui, |ui| {
                        for preset in Preset::ALL {
                            if ui
                                .selectable_label(current == Some(preset), preset.name(t))
                                .clicked()
                            {
                                draft.options =
                                    new_options(session, &[], preset.labels(session.language));
                                at_once = true;
                            }
                        }
                    })
                    .response
                    .accessible_name(t.prep_answer_set);
            });
            if counted {
                ui.weak(t.prep_counted_hint);
            }
        });
        let mut remove = None;
        let can_add = draft.options.len() < 20;
        // One row per answer (a Grid squeezed the text fields to a few letters).
        ui.vertical(|ui| {
            for (n, option) in draft.options.iter_mut().enumerate() {
                // The run view's number key for this answer.
                let key = if n < 9 {
                    format!("{}", n + 1)
                } else {
                    String::new()
                };
                ui.horizontal(|ui| {
                    ui.label(RichText::new(format!("{key:>2}")).monospace().weak());
                    let id = option.id;
                    let r = edit_box(ui, &mut option.label, t, |ui, label| {
                        ui.add(
                            egui::TextEdit::singleline(label)
                                .id_salt(("option", id))
                                .desired_width(280.0),
                        )
                    });
                    if state.focus_option == Some(option.id) {
                        r.request_focus();
                        state.focus_option = None;
                    }
                    focus |= r.has_focus();
                    left |= r.lost_focus();
                    edited |= r.changed();
                    let counted = option_counted(item, option.id);
                    if ui
                        .add_enabled(!counted, egui::Button::new("✖"))
                        .on_hover_text(t.prep_remove_option)
                        .on_disabled_hover_text(t.prep_counted_hint)
                        .clicked()
                    {
                        remove = Some(n);
                    }
                });
            }
        });
        if let Some(n) = remove {
            draft.options.remove(n);
            at_once = true;
        }
        if can_add && ui.button(format!("➕ {}", t.prep_add_option)).clicked() {
            let mut extra = new_options(session, &draft.options, vec![String::new()]);
            state.focus_option = extra.first().map(|o| o.id);
            draft.options.append(&mut extra);
            // The new empty answer is committed with its first letters, not empty.
            edited = true;
        }
    }

    if draft.kind == ItemKind::Statements {
        themes(
            session,
            item,
            t,
            ui,
            changes,
            &mut state.theme_drafts,
            &mut state.new_theme,
        );
    }

    ui.add_space(10.0);
    ui.horizontal(|ui| {
        ui.label(RichText::new(t.prep_minutes).strong());
        let r = ui.add(
            egui::TextEdit::singleline(&mut draft.minutes)
                .id_salt(("minutes", draft.id))
                .hint_text("15")
                .desired_width(60.0),
        );
        focus |= r.has_focus();
        left |= r.lost_focus();
        edited |= r.changed();
        ui.label("min");
    });
    ui.add_space(10.0);
    ui.label(RichText::new(t.notes).strong());
    let id = draft.id;
    let r = draft_box(ui, &mut draft.notes, &item.notes, t, |ui, notes| {
        ui.add(
            egui::TextEdit::multiline(notes)
                .id_salt(("notes", id))
                .desired_rows(3)
                .desired_width(f32::INFINITY)
                .hint_text(t.prep_notes_hint),
        )
    });
    focus |= r.has_focus();
    left |= r.lost_focus();
    edited |= r.changed();

    let text = draft.text.as_deref().unwrap_or(&item.text);
    let problems = issues(draft.kind, text, &draft.minutes, &draft.options, t);
    if !problems.is_empty() {
        ui.add_space(8.0);
        for p in problems {
            warning(ui, p);
        }
    }
    let hands: u64 = item.rounds.iter().map(|r| r.answers()).sum();
    let reactions: usize = item.rounds.iter().map(|r| r.reactions.len()).sum();
    if hands > 0 || reactions > 0 {
        ui.add_space(8.0);
        ui.weak(format!(
            "{}: {hands} {}, {reactions} {}",
            t.prep_recorded, t.answers, t.prep_reactions_lower
        ));
    }

    draft.dirty |= edited || at_once;
    if left || at_once || (!focus && draft.dirty) {
        commit(open, changes, t);
    } else if !focus && !draft.still_held(item) {
        state.draft = None;
    }
}

/// The themes of a statements item: rename (stored when the field is left), remove while no
/// statement uses it, add. Changes of their own, apart from the item draft.
fn themes(
    session: &Session,
    item: &Item,
    t: &Texts,
    ui: &mut egui::Ui,
    changes: &mut Vec<Change>,
    drafts: &mut std::collections::HashMap<Id, String>,
    new_theme: &mut String,
) {
    use crate::model::{Record, Theme};
    ui.add_space(10.0);
    ui.label(RichText::new(t.prep_themes).strong());
    for theme in &item.themes {
        ui.horizontal(|ui| {
            let name = drafts.entry(theme.id).or_insert_with(|| theme.name.clone());
            let r = edit_box(ui, name, t, |ui, name| {
                ui.add(
                    egui::TextEdit::singleline(name)
                        .id_salt(("theme", theme.id))
                        .desired_width(320.0),
                )
            });
            if r.lost_focus() {
                rename_theme(item.id, theme, name, changes);
                drafts.remove(&theme.id);
            } else if !r.has_focus() {
                drafts.remove(&theme.id);
            }
            let used = item.statements.iter().any(|st| st.theme == theme.id);
            if ui
                .add_enabled(!used, egui::Button::new("✖"))
                .on_hover_text(t.delete)
                .on_disabled_hover_text(t.prep_theme_used)
                .clicked()
            {
                changes.push(Change::RemoveRecord {
                    item: item.id,
                    id: theme.id,
                });
            }
        });
    }
    ui.horizontal(|ui| {
        let r = ui.add(
            egui::TextEdit::singleline(new_theme)
                .id_salt(("new-theme", item.id))
                .hint_text(t.theme)
                .desired_width(320.0),
        );
        let enter = r.lost_focus() && commands::sees(ui.ctx(), Command::SubmitLine);
        if (ui.button(format!("➕ {}", t.add_theme)).clicked() || enter)
            && !new_theme.trim().is_empty()
        {
            changes.push(Change::PutRecord {
                item: item.id,
                index: item.themes.len(),
                record: Record::Theme(Theme {
                    id: session.fresh_id(),
                    name: new_theme.trim().to_string(),
                }),
            });
            new_theme.clear();
            if enter {
                r.request_focus();
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(labels: &[&str]) -> Vec<ResponseOption> {
        labels
            .iter()
            .enumerate()
            .map(|(n, l)| ResponseOption {
                id: Id(n as u64 + 1),
                label: l.to_string(),
            })
            .collect()
    }

    #[test]
    fn issues_name_empty_text_missing_and_duplicate_options() {
        let t = crate::ui::texts::texts(Language::En);
        assert!(issues(ItemKind::Proposition, "Ok", "", &opts(&["Ja", "Nee"]), t).is_empty());
        let found = issues(ItemKind::Proposition, "  ", "x", &[], t);
        assert_eq!(
            found,
            [
                t.prep_issue_empty_text,
                t.prep_issue_minutes,
                t.prep_issue_no_options
            ]
        );
        let found = issues(
            ItemKind::Proposition,
            "Ok",
            "",
            &opts(&["Eens", " eens", "", "Eens"]),
            t,
        );
        assert_eq!(
            found,
            [
                t.prep_issue_empty_option.to_string(),
                format!("{} ‘eens’", t.prep_issue_duplicate_option)
            ]
        );
        // Options only matter for propositions.
        assert!(issues(ItemKind::Info, "Pauze", "", &[], t).is_empty());
    }

    #[test]
    fn minutes_read_loosely_and_refuse_nonsense() {
        assert_eq!(parse_minutes(""), Ok(None));
        assert_eq!(parse_minutes("0"), Ok(None));
        assert_eq!(parse_minutes(" 15 "), Ok(Some(15)));
        assert_eq!(parse_minutes("15 min"), Ok(Some(15)));
        assert_eq!(parse_minutes("15′"), Ok(Some(15)));
        assert_eq!(parse_minutes("-3"), Err(()));
        assert_eq!(parse_minutes("99999999999"), Err(()));
        assert_eq!(parse_minutes("een kwartier"), Err(()));
    }

    #[test]
    fn presets_are_recognised_in_the_session_language() {
        let s = Session::new("x", Language::Nl);
        for preset in Preset::ALL {
            let options = new_options(&s, &[], preset.labels(Language::Nl));
            assert_eq!(Preset::of(&options, Language::Nl), Some(preset));
        }
        assert_eq!(Preset::LineUp0To10.labels(Language::En).len(), 11);
        assert_eq!(Preset::of(&opts(&["Ja", "Misschien"]), Language::Nl), None);
    }

    #[test]
    fn a_duplicate_has_fresh_ids_and_no_recorded_data() {
        let session = crate::model::sample::large_session(2, 10);
        let item = &session.agenda[0];
        let copy = duplicate(&session, item);
        assert_eq!(copy.text, item.text);
        assert_eq!(
            copy.options.iter().map(|o| &o.label).collect::<Vec<_>>(),
            item.options.iter().map(|o| &o.label).collect::<Vec<_>>()
        );
        assert_eq!(copy.rounds.len(), 1);
        assert_eq!(copy.rounds[0].answers(), 0);
        let mut s = session.clone();
        s.apply(Change::AddItem {
            index: 1,
            item: Box::new(copy),
        })
        .expect("the copy's ids are all fresh");
    }

    #[test]
    fn hours_and_minutes() {
        let t = crate::ui::texts::texts(Language::Nl);
        assert_eq!(format_minutes(25, t), "25 min");
        assert_eq!(format_minutes(60, t), "1 u");
        assert_eq!(format_minutes(85, t), "1 u 25 min");
    }
}
