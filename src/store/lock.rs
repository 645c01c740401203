//! Keeps a second running copy of Stelling from writing the same session. The OS lock sits on
//! a side-car file (`.NAME.lock`), because the session file itself is replaced on every save
//! and a lock on it would be lost. The OS drops the lock when the process dies, so a crash
//! never leaves a session locked.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

/// Held while a session is open for editing; dropping it releases the lock.
#[derive(Debug)]
pub struct SessionLock {
    file: File,
    /// The side-car file locked, to notice when it is no longer the one at that path.
    path: PathBuf,
}

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error(
        "this session is already open in another copy of Stelling ({holder}); close it there first"
    )]
    Held { holder: String },
    #[error("could not lock {}: {error}", path.display())]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
}

/// `map/sessie.ron` → `map/.sessie.ron.lock`.
pub fn lock_path(session: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(session.file_name().unwrap_or_default());
    name.push(".lock");
    session.with_file_name(name)
}

impl SessionLock {
    /// Takes the lock for `session`, or says who holds it.
    pub fn acquire(session: &Path) -> Result<SessionLock, LockError> {
        let path = lock_path(session);
        let io = |error| LockError::Io {
            path: path.clone(),
            error,
        };
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(io)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                let holder = holder.trim();
                return Err(LockError::Held {
                    holder: if holder.is_empty() {
                        "unknown".to_string()
                    } else {
                        holder.to_string()
                    },
                });
            }
            Err(TryLockError::Error(e)) => return Err(io(e)),
        }
        // Tell a second copy who we are. Failing to write this only makes its message vaguer.
        let _ = file.set_len(0);
        let _ = file.rewind();
        let _ = write!(file, "{}", holder_description());
        let _ = file.flush();
        // Saves cut short by a crash or a kill leave their temporary files; ours to tidy now.
        super::atomic::remove_stale_temp_files(session);
        Ok(SessionLock { file, path })
    }

    /// Whether this still keeps other copies out of `session`. It does not once the folder was
    /// removed and created again (a USB stick pulled and put back, a share mounted again): the
    /// lock file there is a new one that nobody locks. Unix compares the files' identity;
    /// elsewhere a missing lock file is all that can be seen.
    pub fn holds(&self, session: &Path) -> bool {
        if self.path != lock_path(session) {
            return false;
        }
        let (Ok(held), Ok(there)) = (self.file.metadata(), std::fs::metadata(&self.path)) else {
            return false;
        };
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            held.dev() == there.dev() && held.ino() == there.ino()
        }
        #[cfg(not(unix))]
        {
            let _ = (held, there);
            true
        }
    }
}

/// How a session file may be used, decided once when it is opened.
#[derive(Debug)]
pub enum Access {
    /// Stelling holds the session's lock and saves every change.
    Edit(SessionLock),
    /// Nothing is written, not even a lock file: the folder or the file cannot be written (a
    /// locked USB stick, a read-only share, a file marked read-only). Changes stay in memory
    /// until the user saves them elsewhere.
    ReadOnly(ReadOnly),
}

/// Why a session is open read-only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadOnly {
    /// Its folder takes no new files, so there can be no lock and no save.
    Folder,
    /// The file itself is marked read-only; Stelling respects that.
    File,
}

impl Access {
    /// Takes the lock of `session` (already resolved, see [`super::resolve_session_path`]),
    /// or finds that it can only be read.
    pub fn for_session(session: &Path) -> Result<Access, LockError> {
        Access::for_session_with(session, SessionLock::acquire)
    }

    /// Like [`Access::for_session`] with the lock taken by `acquire`: tests inject the failure
    /// of a read-only folder here (root may write anywhere, so a chmod'ed folder tests nothing).
    pub fn for_session_with(
        session: &Path,
        acquire: impl FnOnce(&Path) -> Result<SessionLock, LockError>,
    ) -> Result<Access, LockError> {
        if file_is_read_only(session) {
            return Ok(Access::ReadOnly(ReadOnly::File));
        }
        match acquire(session) {
            Ok(lock) => Ok(Access::Edit(lock)),
            Err(LockError::Io { error, .. }) if is_read_only_error(&error) => {
                Ok(Access::ReadOnly(ReadOnly::Folder))
            }
            Err(e) => Err(e),
        }
    }
}

/// The errors a folder that takes no new files gives.
fn is_read_only_error(error: &std::io::Error) -> bool {
    use std::io::ErrorKind::{PermissionDenied, ReadOnlyFilesystem};
    matches!(error.kind(), PermissionDenied | ReadOnlyFilesystem)
}

/// Marked read-only (no write permission for anyone, or Windows' read-only attribute), or on
/// Unix not writable for this user. A save would replace such a file by rename all the same,
/// so it is checked here. Windows is not asked to open the file for writing: a virus scanner
/// or OneDrive holding it for a moment would make a writable file look read-only.
fn file_is_read_only(session: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(session) else {
        return false;
    };
    if meta.permissions().readonly() {
        return true;
    }
    // Only a regular file: opening a FIFO for writing would wait for a reader.
    #[cfg(unix)]
    if meta.is_file()
        && let Err(e) = OpenOptions::new().write(true).open(session)
    {
        return is_read_only_error(&e);
    }
    false
}

impl Drop for SessionLock {
    /// Empties the side-car file and unlocks it, but leaves it in place: deleting it would let a
    /// copy that opened it a moment earlier lock the deleted file while a third copy locks a
    /// new one, and both would write.
    fn drop(&mut self) {
        let _ = self.file.set_len(0);
        let _ = self.file.unlock();
    }
}

/// "anna on LAPTOP-12, process 4242, since 2026-11-23 14:03".
fn holder_description() -> String {
    let user = whoami::username();
    let host = whoami::fallible::hostname().unwrap_or_else(|_| "?".into());
    format!(
        "{user} on {host}, process {}, since {}",
        std::process::id(),
        chrono::Local::now().format("%Y-%m-%d %H:%M")
    )
}

/// Who holds the lock on `session` (see [`holder_description`]), or `None` when no running copy
/// of Stelling does. Takes no lock that outlives the call: a shared lock, tried for a moment,
/// tells an exclusive holder apart; a lock file that does not exist means nobody.
pub fn held_by(session: &Path) -> Option<String> {
    let mut file = File::open(lock_path(session)).ok()?;
    match file.try_lock_shared() {
        Ok(()) => {
            let _ = file.unlock();
            None
        }
        Err(TryLockError::WouldBlock) => {
            let mut holder = String::new();
            let _ = file.read_to_string(&mut holder);
            let holder = holder.trim();
            Some(if holder.is_empty() {
                "unknown".to_string()
            } else {
                holder.to_string()
            })
        }
        Err(TryLockError::Error(_)) => None,
    }
}
