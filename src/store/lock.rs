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
        Ok(SessionLock { file })
    }
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
