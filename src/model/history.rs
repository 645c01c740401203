//! A session with its undo and redo stacks. The UI changes the session only through
//! [`Document::apply`], so every change is undoable and bumps the revision that autosave watches.

use super::{Change, ModelError, Session};

/// How many steps undo reaches back; older steps are forgotten.
pub const UNDO_LIMIT: usize = 500;

#[derive(Clone, Debug)]
pub struct Document {
    session: Session,
    undo: Vec<Change>,
    redo: Vec<Change>,
    revision: u64,
}

impl Document {
    pub fn new(session: Session) -> Self {
        Document {
            session,
            undo: Vec::new(),
            redo: Vec::new(),
            revision: 0,
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
        let inverse = self.session.apply(change)?;
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
        Self::step(
            &mut self.session,
            &mut self.undo,
            &mut self.redo,
            &mut self.revision,
        )
    }

    /// Redoes the last undone change; false when there is nothing to redo.
    pub fn redo(&mut self) -> bool {
        Self::step(
            &mut self.session,
            &mut self.redo,
            &mut self.undo,
            &mut self.revision,
        )
    }

    fn step(
        session: &mut Session,
        from: &mut Vec<Change>,
        to: &mut Vec<Change>,
        revision: &mut u64,
    ) -> bool {
        let Some(change) = from.pop() else {
            return false;
        };
        let inverse = session
            .apply(change)
            .expect("an inverse recorded by apply always applies to the state it came from");
        to.push(inverse);
        *revision += 1;
        true
    }

    /// Replaces the whole session (reload from disk); history is dropped because it no longer
    /// describes the session.
    pub fn replace(&mut self, session: Session) {
        self.session = session;
        self.undo.clear();
        self.redo.clear();
        self.revision += 1;
    }
}
