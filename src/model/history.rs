//! A session with its undo and redo stacks. The UI changes the session only through
//! [`Document::apply`], so every change is undoable and bumps the revision that autosave watches.

use super::ballots::{BallotError, Cast, Device, Keeper};
use super::{Change, Id, ModelError, Session};

/// How many steps undo reaches back; older steps are forgotten.
pub const UNDO_LIMIT: usize = 500;

#[derive(Clone, Debug)]
pub struct Document {
    session: Session,
    undo: Vec<Change>,
    redo: Vec<Change>,
    revision: u64,
    /// Phone ballots stay out of undo and redo.
    keeper: Keeper,
}

impl Document {
    pub fn new(session: Session) -> Self {
        Document {
            session,
            undo: Vec::new(),
            redo: Vec::new(),
            revision: 0,
            keeper: Keeper::default(),
        }
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    /// Counts every change, undo and redo; a store compares it with the revision it last saved.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn apply(&mut self, change: Change) -> Result<(), ModelError> {
        let lifted = Keeper::lift(&mut self.session);
        let result = self.session.apply(change);
        self.keeper.restore(&mut self.session, lifted);
        let inverse = result?;
        self.undo.push(inverse);
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
        self.revision += 1;
        Ok(())
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Undoes the last change; false when there is nothing to undo.
    pub fn undo(&mut self) -> bool {
        self.step(true)
    }

    /// Redoes the last undone change; false when there is nothing to redo.
    pub fn redo(&mut self) -> bool {
        self.step(false)
    }

    /// Casts a phone's ballot (see [`super::ballots`]): no undo step, but a new revision when
    /// it changed anything, so the same autosave saves it.
    pub fn cast_ballot(
        &mut self,
        item: Id,
        round: Id,
        device: Device,
        option: Id,
        group: Option<Id>,
    ) -> Result<Cast, BallotError> {
        let cast = self.session.cast_ballot(item, round, device, option, group);
        self.counted(cast)
    }

    /// Moves a device's ballot in one round to the group it picked; no undo step either.
    pub fn move_ballot_group(
        &mut self,
        item: Id,
        round: Id,
        device: &Device,
        group: Option<Id>,
    ) -> Result<Cast, BallotError> {
        let cast = self.session.move_ballot_group(item, round, device, group);
        self.counted(cast)
    }

    /// Applies the top change of the undo (`back`) or redo stack and pushes its inverse on
    /// the other; the kept parts are lifted out meanwhile so the change sees the bare session.
    fn step(&mut self, back: bool) -> bool {
        let (from, to) = if back {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let lifted = Keeper::lift(&mut self.session);
        let done = match from.pop() {
            Some(change) => {
                let inverse = self.session.apply(change).expect(
                    "an inverse recorded by apply always applies to the state it came from",
                );
                to.push(inverse);
                self.revision += 1;
                true
            }
            None => false,
        };
        self.keeper.restore(&mut self.session, lifted);
        done
    }

    /// Counts a ballot that changed something as a new revision, so autosave sees it.
    fn counted(&mut self, cast: Result<Cast, BallotError>) -> Result<Cast, BallotError> {
        if cast.as_ref().is_ok_and(|c| c.changed()) {
            self.revision += 1;
        }
        cast
    }

    /// Replaces the whole session (reload from disk); history is dropped because it no longer
    /// describes the session.
    pub fn replace(&mut self, session: Session) {
        self.session = session;
        self.keeper.clear();
        self.undo.clear();
        self.redo.clear();
        self.revision += 1;
    }
}
