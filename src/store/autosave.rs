//! Gets every change to disk within a second without the UI doing any file I/O: the UI calls
//! [`Autosave::tick`] once a frame and shows [`Autosave::status`].

use super::{SaveError, save};
use crate::model::Document;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Wait this long after a change before saving, so a burst of key presses becomes one write.
pub const SAVE_DELAY: Duration = Duration::from_millis(250);
/// After a failed save, try again this often until it works.
pub const RETRY_INTERVAL: Duration = Duration::from_secs(2);

/// What the status line says about the file.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    /// Nothing changed since the file was opened.
    Unchanged,
    /// Changes wait for the next save.
    Pending,
    Saved {
        at: chrono::NaiveTime,
    },
    /// The last save failed; the data is in memory and saving is retried.
    Failed {
        message: String,
    },
}

#[derive(Debug)]
pub struct Autosave {
    path: PathBuf,
    saved_revision: u64,
    first_unsaved: Option<Instant>,
    last_failure: Option<Instant>,
    status: SaveStatus,
}

impl Autosave {
    /// Starts watching a document that was just loaded from (or saved to) `path`.
    pub fn new(path: PathBuf, doc: &Document) -> Self {
        Autosave {
            path,
            saved_revision: doc.revision(),
            first_unsaved: None,
            last_failure: None,
            status: SaveStatus::Unchanged,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn status(&self) -> &SaveStatus {
        &self.status
    }

    pub fn has_unsaved_changes(&self, doc: &Document) -> bool {
        doc.revision() != self.saved_revision
    }

    /// Saves when a change has waited [`SAVE_DELAY`] (or a failed save [`RETRY_INTERVAL`]).
    /// Returns how soon it wants to be called again, if there is something left to save.
    pub fn tick(&mut self, doc: &Document, now: Instant) -> Option<Duration> {
        if !self.has_unsaved_changes(doc) {
            self.first_unsaved = None;
            return None;
        }
        let since = *self.first_unsaved.get_or_insert(now);
        let due = match self.last_failure {
            Some(failed) => failed + RETRY_INTERVAL,
            None => since + SAVE_DELAY,
        };
        if now < due {
            if !matches!(self.status, SaveStatus::Failed { .. }) {
                self.status = SaveStatus::Pending;
            }
            return Some(due - now);
        }
        match self.save_now(doc) {
            Ok(()) => None,
            Err(_) => {
                self.last_failure = Some(now);
                Some(RETRY_INTERVAL)
            }
        }
    }

    /// Saves at once if anything changed (closing the window, Save As).
    pub fn flush(&mut self, doc: &Document) -> Result<(), SaveError> {
        if self.has_unsaved_changes(doc) {
            self.save_now(doc)
        } else {
            Ok(())
        }
    }

    /// Saves to a new path from now on (Save As) and writes the session there at once.
    pub fn save_as(&mut self, path: PathBuf, doc: &Document) -> Result<(), SaveError> {
        self.path = path;
        self.save_now(doc)
    }

    fn save_now(&mut self, doc: &Document) -> Result<(), SaveError> {
        match save(&self.path, doc.session()) {
            Ok(()) => {
                self.saved_revision = doc.revision();
                self.first_unsaved = None;
                self.last_failure = None;
                self.status = SaveStatus::Saved {
                    at: chrono::Local::now().time(),
                };
                Ok(())
            }
            Err(e) => {
                self.status = SaveStatus::Failed {
                    message: e.to_string(),
                };
                Err(e)
            }
        }
    }
}
