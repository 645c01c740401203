//! Gets every change to disk within a second without the UI waiting for the disk: the UI calls
//! [`Autosave::tick`] once a frame; a copy of the session goes to a background thread that
//! writes it, and the outcome shows in [`Autosave::status`].

use super::{SaveError, to_ron, write_atomic};
use crate::model::{Document, Session};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

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
        /// What kind of failure, for wording it in the window's language.
        kind: std::io::ErrorKind,
        message: String,
    },
    /// Another program (a sync tool, an editor) changed the file since Stelling last read or
    /// wrote it. Saving waits until the user keeps one version: nothing is overwritten unseen.
    ChangedElsewhere,
}

/// What the file held after Stelling last loaded or saved it, to notice another program's
/// edit: size and time first, the bytes when those differ (a sync tool may rewrite the same
/// content).
struct Known {
    len: u64,
    modified: Option<SystemTime>,
    bytes: Vec<u8>,
}

impl Known {
    fn read(path: &Path) -> Option<Known> {
        let bytes = std::fs::read(path).ok()?;
        Some(Known::after_write(path, bytes))
    }

    fn after_write(path: &Path, bytes: Vec<u8>) -> Known {
        let meta = std::fs::metadata(path).ok();
        Known {
            len: meta.as_ref().map_or(bytes.len() as u64, |m| m.len()),
            modified: meta.and_then(|m| m.modified().ok()),
            bytes,
        }
    }

    /// Whether the file now holds something else. A file that is gone is not a conflict:
    /// writing it again is what the user wants.
    fn changed_on_disk(&self, path: &Path) -> bool {
        let Ok(meta) = std::fs::metadata(path) else {
            return false;
        };
        if meta.len() == self.len && meta.modified().ok() == self.modified {
            return false;
        }
        std::fs::read(path).is_ok_and(|now| now != self.bytes)
    }
}

/// Shared by the background writer and the saves made on the UI thread (flush, Save As).
type KnownFile = Arc<Mutex<Option<Known>>>;

enum Outcome {
    Saved,
    Failed(SaveError),
    ChangedElsewhere,
}

/// Saves unless the file changed elsewhere since it was last seen (or `overwrite` says the user
/// chose to replace it).
fn save_checked(path: &Path, session: &Session, known: &KnownFile, overwrite: bool) -> Outcome {
    let mut known = known.lock().unwrap_or_else(|e| e.into_inner());
    if !overwrite && known.as_ref().is_some_and(|k| k.changed_on_disk(path)) {
        return Outcome::ChangedElsewhere;
    }
    let bytes = to_ron(session).into_bytes();
    match write_atomic(path, &bytes) {
        Ok(()) => {
            *known = Some(Known::after_write(path, bytes));
            Outcome::Saved
        }
        Err(error) => Outcome::Failed(SaveError {
            path: path.to_path_buf(),
            error,
        }),
    }
}

/// `map/sessie.ron` → `map/sessie (LABEL 2026-11-23 14.03.12).ron`, a name that is free.
pub fn side_path(path: &Path, label: &str) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let time = chrono::Local::now().format("%Y-%m-%d %H.%M.%S");
    (1..)
        .map(|n| match n {
            1 => path.with_file_name(format!("{stem} ({label} {time}).ron")),
            n => path.with_file_name(format!("{stem} ({label} {time}) {n}.ron")),
        })
        .find(|p| !p.exists())
        .expect("some numbered name is free")
}

struct Job {
    path: PathBuf,
    session: Session,
    revision: u64,
}

struct Done {
    revision: u64,
    outcome: Outcome,
}

/// Writes sessions in order on its own thread; ends when the [`Autosave`] is dropped.
struct Writer {
    jobs: Sender<Job>,
    done: Receiver<Done>,
}

impl Writer {
    fn start(known: KnownFile) -> Writer {
        let (jobs, job_rx) = mpsc::channel::<Job>();
        let (done_tx, done) = mpsc::channel();
        std::thread::Builder::new()
            .name("stelling-save".into())
            .spawn(move || {
                for job in job_rx {
                    let outcome = save_checked(&job.path, &job.session, &known, false);
                    if done_tx
                        .send(Done {
                            revision: job.revision,
                            outcome,
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
    known: KnownFile,
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
        let known = Arc::new(Mutex::new(Known::read(&path)));
        Autosave {
            saved_revision: doc.revision(),
            in_flight: None,
            first_unsaved: None,
            last_failure: None,
            status: SaveStatus::Unchanged,
            writer: Writer::start(known.clone()),
            known,
            path,
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
        if self.status == SaveStatus::ChangedElsewhere {
            return None; // Until the user keeps one version.
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
            self.writer = Writer::start(self.known.clone());
            self.in_flight = None;
        }
        Some(POLL)
    }

    fn finish(&mut self, done: Done, now: Instant) {
        self.in_flight = None;
        self.record(done.revision, &done.outcome, now);
    }

    fn record(&mut self, revision: u64, outcome: &Outcome, now: Instant) {
        match outcome {
            Outcome::ChangedElsewhere => self.status = SaveStatus::ChangedElsewhere,
            Outcome::Saved => {
                self.saved_revision = revision;
                self.first_unsaved = None;
                self.last_failure = None;
                self.status = SaveStatus::Saved {
                    at: chrono::Local::now().time(),
                };
            }
            Outcome::Failed(e) => {
                self.last_failure = Some(now);
                self.status = SaveStatus::Failed {
                    kind: e.error.kind(),
                    message: e.to_string(),
                };
            }
        }
    }

    /// Waits for a running save, then saves at once on this thread if anything is still
    /// unsaved (closing the window, Ctrl+S). If another program changed the file, this
    /// version goes next to it (`side_label` names it) and its path is returned: closing the
    /// window must not wait for a choice, and must not lose either version.
    pub fn flush(
        &mut self,
        doc: &Document,
        side_label: &str,
    ) -> Result<Option<PathBuf>, SaveError> {
        if self.in_flight.is_some()
            && let Ok(done) = self.writer.done.recv()
        {
            self.finish(done, Instant::now());
        }
        if !self.has_unsaved_changes(doc) {
            return Ok(None);
        }
        if self.status != SaveStatus::ChangedElsewhere {
            self.save_now(doc, false)?;
            if self.status != SaveStatus::ChangedElsewhere {
                return Ok(None);
            }
        }
        self.save_beside(doc, side_label).map(Some)
    }

    /// Writes this version next to the session file, leaving the file as the other program
    /// left it (the user chose to load that one, or is closing without choosing).
    pub fn save_beside(&mut self, doc: &Document, label: &str) -> Result<PathBuf, SaveError> {
        let side = side_path(&self.path, label);
        super::save(&side, doc.session())?;
        Ok(side)
    }

    /// The user keeps Stelling's version: the other program's file is kept next to it
    /// (`label` names it), then saving goes on as before.
    pub fn keep_mine(&mut self, doc: &Document, label: &str) -> Result<PathBuf, SaveError> {
        let side = side_path(&self.path, label);
        std::fs::copy(&self.path, &side).map_err(|error| SaveError {
            path: side.clone(),
            error,
        })?;
        self.save_now(doc, true)?;
        Ok(side)
    }

    /// Saves to a new path from now on (Save As) and writes the session there at once.
    pub fn save_as(&mut self, path: PathBuf, doc: &Document) -> Result<(), SaveError> {
        if self.in_flight.is_some()
            && let Ok(done) = self.writer.done.recv()
        {
            self.finish(done, Instant::now());
        }
        let old = std::mem::replace(&mut self.path, path);
        // The new file is this version, whatever it replaces: the user picked it in a dialog.
        let result = self.save_now(doc, true);
        if result.is_err() {
            // Keep saving where it worked before rather than to a place that failed.
            self.path = old;
        }
        result
    }

    fn save_now(&mut self, doc: &Document, overwrite: bool) -> Result<(), SaveError> {
        let outcome = save_checked(&self.path, doc.session(), &self.known, overwrite);
        self.record(doc.revision(), &outcome, Instant::now());
        match outcome {
            Outcome::Failed(e) => Err(e),
            Outcome::Saved | Outcome::ChangedElsewhere => Ok(()),
        }
    }
}
