//! Gets every change to disk within a second without the UI waiting for the disk: the UI calls
//! [`Autosave::tick`] once a frame; a copy of the session goes to a background thread that
//! writes it, and the outcome shows in [`Autosave::status`].
//!
//! The session's single-writer lock lives here too (see [`Access`]): what writes the file is
//! what must hold the lock, so before each save the writer makes sure the lock is still this
//! copy's and takes it again when it was lost (the folder removed and created again while the
//! session was open: a USB stick pulled and put back). A session opened read-only never
//! writes, and so never locks.

use super::{Access, LockError, ReadOnly, SaveError, SessionLock, to_ron, write_atomic};
use crate::model::{Document, Session};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
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
        /// What kind of failure, for wording it in the window's language.
        kind: std::io::ErrorKind,
        message: String,
    },
    /// Another program (a sync tool, an editor) changed the file since Stelling last read or
    /// wrote it. Saving waits until the user keeps one version: nothing is overwritten unseen.
    ChangedElsewhere,
    /// The lock was lost while the folder was away, and another copy of Stelling (`holder`)
    /// took it meanwhile. Saving stopped so neither copy overwrites the other; it is retried,
    /// and goes on once the lock is free again (noticing any change that copy made).
    LockedElsewhere {
        holder: String,
    },
    /// Opened read-only ([`Access::ReadOnly`]): nothing is written until Save As.
    ReadOnly,
}

/// What the file held after Stelling last loaded or saved it, to notice another program's edit.
struct Known {
    bytes: Vec<u8>,
}

impl Known {
    fn read(path: &Path) -> Option<Known> {
        let bytes = super::read_limited(path, super::MAX_FILE_BYTES).ok()?;
        Some(Known { bytes })
    }

    /// Whether the file now holds something else, compared byte for byte: size and time cannot
    /// tell (a sync tool's same-length edit, FAT's two-second clock, a tool that puts the time
    /// back). Reading the file back takes about a millisecond for a big session, against the
    /// 17 ms its save takes. A file that is gone is not a conflict: writing it again is what
    /// the user wants.
    fn changed_on_disk(&self, path: &Path) -> bool {
        let Ok(meta) = std::fs::metadata(path) else {
            return false;
        };
        if !meta.is_file() {
            return false; // Not a session any more (a pipe or device in its place): replace it.
        }
        if meta.len() != self.bytes.len() as u64 {
            return true;
        }
        // Through the bounded reader: a pipe or device put in the file's place must not block
        // the save thread. What cannot be read is not a conflict, as with a missing file.
        super::read_limited(path, super::MAX_FILE_BYTES).is_ok_and(|now| now != self.bytes)
    }
}

/// The single-writer lock as the writer sees it.
enum Lock {
    /// Not this autosave's business (tools and tests that lock the file themselves).
    Unused,
    Held(SessionLock),
    /// Lost and not taken again yet; the next save tries.
    Lost,
}

/// What the background writer and the saves made on the UI thread (flush, Save As) share.
struct Disk {
    known: Option<Known>,
    lock: Lock,
}

impl Disk {
    /// Makes sure this copy holds the lock of `path` before writing it, taking it again if it
    /// was lost. Another copy holding it stops the save.
    fn ensure_lock(&mut self, path: &Path) -> Result<(), Outcome> {
        match &self.lock {
            Lock::Unused => return Ok(()),
            Lock::Held(lock) if lock.holds(path) => return Ok(()),
            Lock::Held(_) | Lock::Lost => {}
        }
        self.lock = Lock::Lost;
        match SessionLock::acquire(path) {
            Ok(lock) => {
                self.lock = Lock::Held(lock);
                Ok(())
            }
            Err(LockError::Held { holder }) => Err(Outcome::LockedElsewhere(holder)),
            Err(LockError::Io { error, .. }) => Err(Outcome::Failed(SaveError {
                path: path.to_path_buf(),
                error,
            })),
        }
    }
}

type SharedDisk = Arc<Mutex<Disk>>;

/// Called on the writer's thread when a background save ends.
type Waker = Arc<Mutex<Option<Box<dyn Fn() + Send>>>>;

enum Outcome {
    Saved,
    Failed(SaveError),
    ChangedElsewhere,
    LockedElsewhere(String),
}

/// Saves unless the lock is someone else's, or the file changed elsewhere since it was last
/// seen (unless `overwrite` says the user chose to replace it).
fn save_checked(path: &Path, session: &Session, disk: &SharedDisk, overwrite: bool) -> Outcome {
    let mut disk = disk.lock().unwrap_or_else(|e| e.into_inner());
    if let Err(outcome) = disk.ensure_lock(path) {
        return outcome;
    }
    if !overwrite && disk.known.as_ref().is_some_and(|k| k.changed_on_disk(path)) {
        return Outcome::ChangedElsewhere;
    }
    let bytes = to_ron(session).into_bytes();
    match write_atomic(path, &bytes) {
        Ok(()) => {
            disk.known = Some(Known { bytes });
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
    fn start(disk: SharedDisk, waker: Waker) -> Writer {
        let (jobs, job_rx) = mpsc::channel::<Job>();
        let (done_tx, done) = mpsc::channel();
        std::thread::Builder::new()
            .name("stelling-save".into())
            .spawn(move || {
                for job in job_rx {
                    let outcome = save_checked(&job.path, &job.session, &disk, false);
                    if done_tx
                        .send(Done {
                            revision: job.revision,
                            outcome,
                        })
                        .is_err()
                    {
                        break;
                    }
                    if let Some(wake) = waker.lock().unwrap_or_else(|e| e.into_inner()).as_ref() {
                        wake();
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
    disk: SharedDisk,
    writer: Writer,
    waker: Waker,
    has_waker: bool,
    read_only: Option<ReadOnly>,
}

impl std::fmt::Debug for Autosave {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Autosave")
            .field("path", &self.path)
            .field("saved_revision", &self.saved_revision)
            .field("in_flight", &self.in_flight)
            .field("status", &self.status)
            .field("read_only", &self.read_only)
            .finish()
    }
}

impl Drop for Autosave {
    /// Lets go of the lock now, once a save the writer is busy with has ended, rather than
    /// whenever the writer's thread ends: a session closed and opened again at once must not
    /// find itself still locked.
    fn drop(&mut self) {
        self.wait_for_writer();
        self.disk().lock = Lock::Unused;
    }
}

impl Autosave {
    /// Starts watching a document that was just loaded from (or saved to) `path`, without a
    /// lock: for tools and tests that lock the file themselves or need no lock.
    pub fn new(path: PathBuf, doc: &Document) -> Self {
        Autosave::start(path, doc, Lock::Unused, None)
    }

    /// Starts watching a session opened with [`Access::for_session`]: holding its lock (and
    /// taking it again before a save if it was lost), or read-only, writing nothing.
    pub fn with_access(path: PathBuf, doc: &Document, access: Access) -> Self {
        match access {
            Access::Edit(lock) => Autosave::start(path, doc, Lock::Held(lock), None),
            Access::ReadOnly(why) => Autosave::start(path, doc, Lock::Unused, Some(why)),
        }
    }

    fn start(path: PathBuf, doc: &Document, lock: Lock, read_only: Option<ReadOnly>) -> Self {
        let disk = Arc::new(Mutex::new(Disk {
            known: Known::read(&path),
            lock,
        }));
        let waker = Waker::default();
        Autosave {
            saved_revision: doc.revision(),
            in_flight: None,
            first_unsaved: None,
            last_failure: None,
            status: if read_only.is_some() {
                SaveStatus::ReadOnly
            } else {
                SaveStatus::Unchanged
            },
            writer: Writer::start(disk.clone(), waker.clone()),
            disk,
            waker,
            has_waker: false,
            read_only,
            path,
        }
    }

    /// `wake` is called (on the writer's thread) whenever a background save ends, so the
    /// window shows the outcome at once rather than at the next key press; the UI passes
    /// its repaint request. With a waker, [`Autosave::tick`] no longer asks to be polled while
    /// a save runs.
    pub fn set_waker(&mut self, wake: impl Fn() + Send + 'static) {
        *self.waker.lock().unwrap_or_else(|e| e.into_inner()) = Some(Box::new(wake));
        self.has_waker = true;
    }

    pub fn has_waker(&self) -> bool {
        self.has_waker
    }

    /// Why nothing is saved, if the session was opened read-only.
    pub fn read_only(&self) -> Option<ReadOnly> {
        self.read_only
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
    /// waits for its retry, or nothing is ever saved (read-only). Tests use it to know the
    /// disk has caught up.
    pub fn is_settled(&self, doc: &Document) -> bool {
        self.in_flight.is_none()
            && (!self.has_unsaved_changes(doc)
                || self.waits_for_retry()
                || self.read_only.is_some())
    }

    /// The last save did not happen (an error, or another copy holds the lock) and is retried
    /// after [`RETRY_INTERVAL`].
    fn waits_for_retry(&self) -> bool {
        matches!(
            self.status,
            SaveStatus::Failed { .. } | SaveStatus::LockedElsewhere { .. }
        )
    }

    /// How soon to look for a running save's outcome: not at all when the writer wakes the UI.
    fn poll(&self) -> Option<Duration> {
        (!self.has_waker).then_some(POLL)
    }

    /// Collects the background save's outcome and starts a new save when a change has waited
    /// [`SAVE_DELAY`] (or a failed save [`RETRY_INTERVAL`]). Returns how soon it wants to be
    /// called again, if anything is left to do.
    pub fn tick(&mut self, doc: &Document, now: Instant) -> Option<Duration> {
        while let Ok(done) = self.writer.done.try_recv() {
            self.finish(done, now);
        }
        if self.in_flight.is_some() {
            return self.poll();
        }
        if self.read_only.is_some() {
            return None; // Nothing is written until Save As.
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
            if !self.waits_for_retry() {
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
            self.writer = Writer::start(self.disk.clone(), self.waker.clone());
            self.in_flight = None;
            return Some(POLL);
        }
        self.poll()
    }

    fn finish(&mut self, done: Done, now: Instant) {
        self.in_flight = None;
        self.record(done.revision, &done.outcome, now);
    }

    fn record(&mut self, revision: u64, outcome: &Outcome, now: Instant) {
        match outcome {
            Outcome::ChangedElsewhere => self.status = SaveStatus::ChangedElsewhere,
            Outcome::LockedElsewhere(holder) => {
                self.last_failure = Some(now);
                self.status = SaveStatus::LockedElsewhere {
                    holder: holder.clone(),
                };
            }
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
    /// unsaved (closing the window, Ctrl+S). If another program changed the file, or another
    /// copy of Stelling holds its lock, this version goes next to it (`side_label` names it)
    /// and its path is returned: closing the window must not wait for a choice, and must not
    /// lose either version. A read-only session with changes is an error: they can only be
    /// kept by Save As.
    pub fn flush(
        &mut self,
        doc: &Document,
        side_label: &str,
    ) -> Result<Option<PathBuf>, SaveError> {
        self.wait_for_writer();
        if !self.has_unsaved_changes(doc) {
            return Ok(None);
        }
        if self.read_only.is_some() {
            return Err(SaveError {
                path: self.path.clone(),
                error: std::io::Error::new(
                    std::io::ErrorKind::ReadOnlyFilesystem,
                    "the session was opened read-only",
                ),
            });
        }
        let kept_out = |status: &SaveStatus| {
            matches!(
                status,
                SaveStatus::ChangedElsewhere | SaveStatus::LockedElsewhere { .. }
            )
        };
        if self.status != SaveStatus::ChangedElsewhere {
            self.save_now(doc, false)?;
            if !kept_out(&self.status) {
                return Ok(None);
            }
        }
        self.save_beside(doc, side_label).map(Some)
    }

    /// Collects the outcome of a save the writer is busy with.
    fn wait_for_writer(&mut self) {
        if self.in_flight.is_some()
            && let Ok(done) = self.writer.done.recv()
        {
            self.finish(done, Instant::now());
        }
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

    /// Saves to a new path from now on (Save As), holding `lock` (the new path's), and writes
    /// the session there at once. A read-only session becomes an ordinary one.
    pub fn save_as(
        &mut self,
        path: PathBuf,
        doc: &Document,
        lock: SessionLock,
    ) -> Result<(), SaveError> {
        self.wait_for_writer();
        let old_path = std::mem::replace(&mut self.path, path);
        let old_lock = std::mem::replace(&mut self.disk().lock, Lock::Held(lock));
        let old_read_only = self.read_only.take();
        // The new file is this version, whatever it replaces: the user picked it in a dialog.
        let result = self.save_now(doc, true);
        if result.is_err() {
            // Keep to where it worked before rather than to a place that failed.
            self.path = old_path;
            self.disk().lock = old_lock;
            self.read_only = old_read_only;
            if old_read_only.is_some() {
                self.status = SaveStatus::ReadOnly;
            }
        }
        result
    }

    /// Starts over from the file as it is now, keeping the lock: the user loaded the version
    /// another program wrote, and `doc` now holds it.
    pub fn reload(&mut self, doc: &Document) {
        self.wait_for_writer();
        self.disk().known = Known::read(&self.path);
        self.saved_revision = doc.revision();
        self.first_unsaved = None;
        self.last_failure = None;
        self.status = SaveStatus::Unchanged;
    }

    fn disk(&self) -> std::sync::MutexGuard<'_, Disk> {
        self.disk.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn save_now(&mut self, doc: &Document, overwrite: bool) -> Result<(), SaveError> {
        let outcome = save_checked(&self.path, doc.session(), &self.disk, overwrite);
        self.record(doc.revision(), &outcome, Instant::now());
        match outcome {
            Outcome::Failed(e) => Err(e),
            Outcome::Saved | Outcome::ChangedElsewhere | Outcome::LockedElsewhere(_) => Ok(()),
        }
    }
}
