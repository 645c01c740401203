//! Gets every change to disk within a second without the UI waiting for the disk: the UI calls
//! [`Autosave::tick`] once a frame; a copy of the session goes to a background thread that
//! writes it, and the outcome shows in [`Autosave::status`].

use super::{SaveError, save};
use crate::model::{Document, Session};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};

/// Wait this long after a change before saving, so a burst of key presses becomes one write.
pub const SAVE_DELAY: Duration = Duration::from_millis(250);
/// After a failed save, try again this often until it works.
pub const RETRY_INTERVAL: Duration = Duration::from_secs(2);
/// How often to look for the background save's outcome while it runs.
const POLL: Duration = Duration::from_millis(30);

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

struct Job {
    path: PathBuf,
    session: Session,
    revision: u64,
}

struct Done {
    revision: u64,
    result: Result<(), SaveError>,
}

/// Writes sessions in order on its own thread; ends when the [`Autosave`] is dropped.
struct Writer {
    jobs: Sender<Job>,
    done: Receiver<Done>,
}

impl Writer {
    fn start() -> Writer {
        let (jobs, job_rx) = mpsc::channel::<Job>();
        let (done_tx, done) = mpsc::channel();
        std::thread::Builder::new()
            .name("stelling-save".into())
            .spawn(move || {
                for job in job_rx {
                    let result = save(&job.path, &job.session);
                    if done_tx
                        .send(Done {
                            revision: job.revision,
                            result,
                        })
                        .is_err()
                    {
                        break;
                    }
                }
            })
            .expect("a thread can be started");
        Writer { jobs, done }
    }
}

pub struct Autosave {
    path: PathBuf,
    saved_revision: u64,
    /// Revision being written by the background thread.
    in_flight: Option<u64>,
    first_unsaved: Option<Instant>,
    last_failure: Option<Instant>,
    status: SaveStatus,
    writer: Writer,
}

impl std::fmt::Debug for Autosave {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Autosave")
            .field("path", &self.path)
            .field("saved_revision", &self.saved_revision)
            .field("in_flight", &self.in_flight)
            .field("status", &self.status)
            .finish()
    }
}

impl Autosave {
    /// Starts watching a document that was just loaded from (or saved to) `path`.
    pub fn new(path: PathBuf, doc: &Document) -> Self {
        Autosave {
            path,
            saved_revision: doc.revision(),
            in_flight: None,
            first_unsaved: None,
            last_failure: None,
            status: SaveStatus::Unchanged,
            writer: Writer::start(),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn status(&self) -> &SaveStatus {
        &self.status
    }

    /// The document revision the file on disk holds (as far as this autosave knows).
    pub fn saved_revision(&self) -> u64 {
        self.saved_revision
    }

    pub fn has_unsaved_changes(&self, doc: &Document) -> bool {
        doc.revision() != self.saved_revision
    }

    /// True when no save is running and nothing waits to be saved, or the last save failed and
    /// waits for its retry. Tests use it to know the disk has caught up.
    pub fn is_settled(&self, doc: &Document) -> bool {
        self.in_flight.is_none()
            && (!self.has_unsaved_changes(doc) || matches!(self.status, SaveStatus::Failed { .. }))
    }

    /// Collects the background save's outcome and starts a new save when a change has waited
    /// [`SAVE_DELAY`] (or a failed save [`RETRY_INTERVAL`]). Returns how soon it wants to be
    /// called again, if anything is left to do.
    pub fn tick(&mut self, doc: &Document, now: Instant) -> Option<Duration> {
        while let Ok(done) = self.writer.done.try_recv() {
            self.finish(done, now);
        }
        if self.in_flight.is_some() {
            return Some(POLL);
        }
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
        self.in_flight = Some(doc.revision());
        let job = Job {
            path: self.path.clone(),
            session: doc.session().clone(),
            revision: doc.revision(),
        };
        if self.writer.jobs.send(job).is_err() {
            // The writer thread is gone (it cannot panic on an I/O error, so this means a
            // bug); start a new one and try again on the next tick.
            self.writer = Writer::start();
            self.in_flight = None;
        }
        Some(POLL)
    }

    fn finish(&mut self, done: Done, now: Instant) {
        self.in_flight = None;
        self.record(done.revision, &done.result, now);
    }

    fn record(&mut self, revision: u64, result: &Result<(), SaveError>, now: Instant) {
        match result {
            Ok(()) => {
                self.saved_revision = revision;
                self.first_unsaved = None;
                self.last_failure = None;
                self.status = SaveStatus::Saved {
                    at: chrono::Local::now().time(),
                };
            }
            Err(e) => {
                self.last_failure = Some(now);
                self.status = SaveStatus::Failed {
                    message: e.to_string(),
                };
            }
        }
    }

    /// Waits for a running save, then saves at once on this thread if anything is still
    /// unsaved (closing the window, Ctrl+S).
    pub fn flush(&mut self, doc: &Document) -> Result<(), SaveError> {
        if self.in_flight.is_some()
            && let Ok(done) = self.writer.done.recv()
        {
            self.finish(done, Instant::now());
        }
        if self.has_unsaved_changes(doc) {
            self.save_now(doc)
        } else {
            Ok(())
        }
    }

    /// Saves to a new path from now on (Save As) and writes the session there at once.
    pub fn save_as(&mut self, path: PathBuf, doc: &Document) -> Result<(), SaveError> {
        let _ = self.flush(doc);
        let old = std::mem::replace(&mut self.path, path);
        let result = self.save_now(doc);
        if result.is_err() {
            // Keep saving where it worked before rather than to a place that failed.
            self.path = old;
        }
        result
    }

    fn save_now(&mut self, doc: &Document) -> Result<(), SaveError> {
        let result = save(&self.path, doc.session());
        self.record(doc.revision(), &result, Instant::now());
        result
    }
}
