//! Atomic replacement of a file: write a temporary file in the same folder, flush and fsync it,
//! keep the previous version as `NAME.bak`, then rename over the original. A crash, a kill or a
//! full disk at any point leaves either the old or the new file, never half of one.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// `sessie.ron` → `sessie.ron.bak`, next to it.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Replaces `path` with `bytes` atomically, keeping the previous file as a backup.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |file| file.write_all(bytes))
}

/// Like [`write_atomic`], with the writing done by `write`. If `write` fails (tests inject
/// errors here) the original file and its backup are untouched and no temporary file remains.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    replace(path, write, true)
}

/// Atomic like [`write_atomic`] but without a backup: for exported reports, which can always
/// be written again from the session.
pub fn write_export(path: &Path, bytes: &[u8]) -> io::Result<()> {
    replace(path, |file| file.write_all(bytes), false)
}

fn replace(
    path: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
    backup: bool,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut temp = temp_file_like(path, dir)?;
    write(temp.as_file_mut())?;
    temp.as_file_mut().flush()?;
    temp.as_file().sync_all()?;
    if backup && path.exists() {
        keep_backup(path, dir)?;
    }
    persist_with_retry(temp, path)?;
    sync_dir(dir);
    Ok(())
}

/// Keeps the current file as `NAME.bak`, itself atomically, so a crash never leaves a half
/// backup in place of a whole one. A hard link costs no copying and no fsync: the current file
/// is never written in place (every save replaces it by rename), so the link keeps exactly the
/// previous version. Where links are not possible (FAT USB sticks, some network drives) the
/// file is copied instead.
fn keep_backup(path: &Path, dir: &Path) -> io::Result<()> {
    let link = dir.join(format!(
        "{}{:016x}.bak.tmp",
        temp_prefix(path),
        fastrand::u64(..)
    ));
    if std::fs::hard_link(path, &link).is_ok() {
        let renamed = std::fs::rename(&link, backup_path(path));
        if renamed.is_ok() {
            return Ok(());
        }
        let _ = std::fs::remove_file(&link);
    }
    copy_backup(path, dir)
}

/// Temporary files of `sessie.ron` are `.sessie.ron.XXXXXX.tmp` (and `.sessie.ron.<16 hex>.bak.tmp`
/// for the backup link): named after their file, so the one process that holds a session's lock
/// can tell its leftovers from another session's save in progress.
fn temp_prefix(path: &Path) -> String {
    format!(
        ".{}.",
        path.file_name().unwrap_or_default().to_string_lossy()
    )
}

const RANDOM_CHARS: usize = 6;

/// Removes temporary files a killed save of `path` left behind. Only safe while holding the
/// session's lock: then nobody else is writing them.
pub fn remove_stale_temp_files(path: &Path) {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let prefix = temp_prefix(path);
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(rest) = name.to_str().and_then(|n| n.strip_prefix(&prefix)) else {
            continue;
        };
        let is_ours = |random: &str, len: usize| {
            random.len() == len && random.bytes().all(|b| b.is_ascii_alphanumeric())
        };
        let stale = rest
            .strip_suffix(".bak.tmp")
            .is_some_and(|r| is_ours(r, 16))
            || rest
                .strip_suffix(".tmp")
                .is_some_and(|r| is_ours(r, RANDOM_CHARS));
        if stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

fn copy_backup(path: &Path, dir: &Path) -> io::Result<()> {
    let mut temp = temp_file_like(path, dir)?;
    let mut original = File::open(path)?;
    io::copy(&mut original, temp.as_file_mut())?;
    temp.as_file().sync_all()?;
    persist_with_retry(temp, &backup_path(path))
}

/// A temporary file in `dir` that will replace `path`, with the permissions `path` has (or, for a
/// new file, what the umask gives new files). tempfile's own 0600 would make every save hide the
/// session from colleagues sharing the folder.
fn temp_file_like(path: &Path, dir: &Path) -> io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    let prefix = temp_prefix(path);
    builder
        .prefix(&prefix)
        .suffix(".tmp")
        .rand_bytes(RANDOM_CHARS);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let temp = builder.tempfile_in(dir)?;
    // Best effort: a save must not fail over this.
    #[cfg(unix)]
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = temp.as_file().set_permissions(meta.permissions());
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(temp)
}

/// On Windows, a virus scanner, OneDrive or an editor may hold the target open for a moment and
/// the rename fails with "access denied"; a few short retries ride that out.
fn persist_with_retry(mut temp: tempfile::NamedTempFile, target: &Path) -> io::Result<()> {
    const ATTEMPTS: u32 = if cfg!(windows) { 10 } else { 1 };
    for attempt in 1..=ATTEMPTS {
        match temp.persist(target) {
            Ok(_) => return Ok(()),
            Err(e) if attempt < ATTEMPTS && may_pass(&e.error) => {
                temp = e.file;
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            Err(e) => return Err(e.error),
        }
    }
    unreachable!("the last attempt returns")
}

/// Whether a failed rename on Windows may succeed a moment later: "access denied" while another
/// process holds the target open without allowing it to be replaced, and "sharing violation"
/// (which std reports as no particular kind) while a virus scanner still reads the new file.
fn may_pass(error: &io::Error) -> bool {
    const ERROR_SHARING_VIOLATION: i32 = 32;
    error.kind() == io::ErrorKind::PermissionDenied
        || (cfg!(windows) && error.raw_os_error() == Some(ERROR_SHARING_VIOLATION))
}

/// Makes the rename itself durable. Only possible (and needed) on Unix.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}
