//! The run view: the agenda, the current item large, tallies and reactions, rounds, timer and
//! notes. Drawing collects changes; they are applied after the frame is laid out.
//!
//! This file lays out the screen and holds what its parts share: the round shown, the drafts
//! kept when leaving an item, moving to an item. The parts are drawn by the modules below.

mod changes;
mod item;
mod live;
mod panels;
mod reactions;
mod shortcuts;
mod tallies;

pub use changes::{new_round_change, tally};
pub use shortcuts::keys;

use super::forms;
use super::request::Request;
use super::state::{OpenSession, RunState};
use super::texts::Texts;
use crate::model::{Change, Id, Item, Round, Session};
use changes::{captured, update_reaction};
use item::current_item;
use panels::{agenda_panel, side_panel};

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
    let mut requests = live::live_panel(open, t, ui);
    requests.extend(side_panel(open, t, ui));
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                current_item(open, t, ui, &mut changes);
            });
    });
    changes
        .into_iter()
        .map(Request::Apply)
        .chain(requests)
        .collect()
}

/// What the tallies and reactions drawn belong to: the current item and the round shown,
/// borrowed from the session so the view can still change while they are in use.
#[derive(Clone, Copy)]
struct Shown<'a> {
    session: &'a Session,
    item: &'a Item,
    round: &'a Round,
}

impl<'a> Shown<'a> {
    fn of(session: &'a Session, view: &RunState) -> Option<Self> {
        let (item, round) = view.shown_round(session)?;
        Some(Shown {
            session,
            item,
            round,
        })
    }
}

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
        && let Some(round) = open.view.current_round(item).and_then(|r| item.round(r))
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

/// Opens the in-place editor on a reaction (by key or its ✏ button), with the keyboard in it.
fn start_editing(view: &mut RunState, reaction: Id, text: &str) {
    view.editing = Some((reaction, text.to_string()));
    view.focus_edit = true;
}

/// Opens the label field of a round (by key or its ✏ button), with the keyboard in it.
fn start_renaming(forms: &mut forms::FormState, round: &Round) {
    forms.renaming_round = Some(round.id);
    forms.round_label = round.label.clone();
    forms.focus_round_label = true;
}

pub use super::state::group_label;

pub use crate::model::shorten::first_line;
