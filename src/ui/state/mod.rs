//! The window's state: the open session with its undo history and autosave, and what every
//! screen remembers between frames, with the lookups the screens share (current item, current
//! round, group label). Screens read and change it; only `app.rs` opens, saves or closes it.
//!
//! The screens' own state types live here too (`forms`, `beamer`, `prepare`, `report`), so
//! this module needs none of the screens and no import runs in a circle; their methods stay
//! with the screens that use them.

pub mod beamer;
pub mod forms;
pub mod live;
pub mod prepare;
pub mod report;

use super::style::{PRESENTER_CHARS, clipped};
use super::texts::Texts;
use crate::model::{Document, Id, Item, Round, Session, Stance};
use crate::store::Autosave;

use std::collections::HashMap;
use std::time::{Duration, Instant};

/// A session open for editing, with everything needed to keep it safe on disk (the autosave
/// also holds the session's lock).
pub struct OpenSession {
    pub doc: Document,
    pub autosave: Autosave,
    pub view: RunState,
    /// Live voting, while it runs: phones answer over the local network.
    pub live: Option<live::Live>,
}

impl RunState {
    /// The round shown for an item: the one picked, else the last.
    pub fn current_round(&self, item: &Item) -> Option<Id> {
        self.round
            .get(&item.id)
            .copied()
            .filter(|r| item.round(*r).is_some())
            .or_else(|| item.rounds.last().map(|r| r.id))
    }

    /// The current item and the round shown for it; borrows only `session`, so the view can
    /// change while they are drawn.
    pub fn shown_round<'s>(&self, session: &'s Session) -> Option<(&'s Item, &'s Round)> {
        let item = session.agenda.get(self.current)?;
        let round = item.round(self.current_round(item)?)?;
        Some((item, round))
    }
}

impl OpenSession {
    /// The agenda item shown in the run view and selected on the prepare screen.
    pub fn current_item(&self) -> Option<&Item> {
        self.doc.session().agenda.get(self.view.current)
    }

    /// The id of [`OpenSession::current_item`].
    pub fn current_item_id(&self) -> Option<Id> {
        self.current_item().map(|i| i.id)
    }
}

/// The three jobs a facilitator does with a session, each on its own screen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Screen {
    /// Details, groups and the agenda, the evening before.
    Prepare,
    /// The live session: show items, record the room.
    #[default]
    Run,
    /// The summary and its exports, afterwards.
    Report,
}

/// What the presenter is looking at and typing; not part of the session file.
#[derive(Default)]
pub struct RunState {
    pub screen: Screen,
    /// Index of the current agenda item.
    pub current: usize,
    /// The round shown per item; the last round when absent.
    pub round: HashMap<Id, Id>,
    /// Group that new tallies and reactions belong to; `None` is the whole room.
    pub group: Option<Id>,
    pub stance: Stance,
    pub capture: String,
    pub focus_capture: bool,
    pub selected_reaction: Option<Id>,
    /// The item the agenda list was last scrolled to.
    pub agenda_scrolled_to: Option<usize>,
    /// Lay out every reaction of the round, not only the newest.
    pub show_all_reactions: bool,
    /// Reaction being edited in place, with its text so far.
    pub editing: Option<(Id, String)>,
    /// Give the edit box the keyboard on the next frame.
    pub focus_edit: bool,
    pub timers: HashMap<Id, Timer>,
    /// The beamer shows the join code (QR and address) over the item while live voting runs.
    pub join_code: bool,
    /// What the audience window shows and whether it is open.
    pub beamer: beamer::Beamer,
    /// Scratch text of the small forms (proposals, commitments, statements).
    pub forms: forms::FormState,
    /// Drafts and choices of the prepare screen.
    pub prepare: prepare::PrepareState,
    /// The report preview and the last export.
    pub report: report::ReportState,
}

/// Stopwatch for one agenda item; runs only while the presenter lets it.
#[derive(Clone, Copy, Debug, Default)]
pub struct Timer {
    pub running_since: Option<Instant>,
    pub elapsed: Duration,
}

impl Timer {
    pub fn elapsed(&self, now: Instant) -> Duration {
        self.elapsed + self.running_since.map_or(Duration::ZERO, |s| now - s)
    }

    pub fn toggle(&mut self, now: Instant) {
        match self.running_since.take() {
            Some(since) => self.elapsed += now - since,
            None => self.running_since = Some(now),
        }
    }
}

/// A group's name as the presenter's pickers show it, or "whole room" for `None`.
pub fn group_label(session: &Session, group: Option<Id>, t: &Texts) -> String {
    match group {
        Some(_) => clipped(session.group_name(group), PRESENTER_CHARS).into_owned(),
        None => t.no_group.to_string(),
    }
}

/// Keeps the view's indices valid after undo, redo or a removed item.
pub fn clamp_view(open: &mut OpenSession) {
    let len = open.doc.session().agenda.len();
    open.view.current = open.view.current.min(len.saturating_sub(1));
    if let Some(g) = open.view.group
        && open.doc.session().group(g).is_none()
    {
        open.view.group = None;
    }
}
