//! The one way Stelling reads a file it was handed: sessions, lists and chats. Only regular
//! files are read (a named pipe would block forever, `/dev/zero` never ends), and never more
//! than a limit, whatever the file's metadata says (`/proc` files and devices say 0 bytes).

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// What a path names when it is not a regular file (links followed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotAFile {
    Folder,
    /// A named pipe (FIFO): reading one waits for a writer, possibly forever.
    Pipe,
    /// A device such as `/dev/zero` or a terminal.
    Device,
    /// A socket or anything else that is not a file of bytes on a disk.
    Other,
    /// A symbolic link that leads back to itself, directly or through other links.
    LinkLoop,
}

impl NotAFile {
    fn of(kind: std::fs::FileType) -> Option<NotAFile> {
        if kind.is_file() {
            return None;
        }
        if kind.is_dir() {
            return Some(NotAFile::Folder);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if kind.is_fifo() {
                return Some(NotAFile::Pipe);
            }
            if kind.is_char_device() || kind.is_block_device() {
                return Some(NotAFile::Device);
            }
        }
        Some(NotAFile::Other)
    }
}

impl std::fmt::Display for NotAFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            NotAFile::Folder => "this is a folder, not a file",
            NotAFile::Pipe => "this is a named pipe (FIFO), not a file; Stelling only reads files",
            NotAFile::Device => "this is a device, not a file; Stelling only reads files",
            NotAFile::Other => {
                "this is not an ordinary file (a socket?); Stelling only reads files"
            }
            NotAFile::LinkLoop => {
                "this is a shortcut (symbolic link) that leads back to itself, so there is no \
                 file behind it; point the link at the session file, or open the file itself"
            }
        })
    }
}

/// Why [`read_limited`] read nothing.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{0}")]
    Io(#[from] io::Error),
    #[error("{0}")]
    NotAFile(NotAFile),
    /// The file holds more than the limit: `bytes` is its size, or at least the limit plus one
    /// when its metadata understated it.
    #[error("the file is {} MB, more than {} MB", bytes / 1_000_000, limit / 1_000_000)]
    TooLarge { bytes: u64, limit: u64 },
}

/// The bytes of the regular file at `path` (links followed), at most `limit` of them.
///
/// The type is checked on the opened handle, so a file swapped for a pipe after a look at its
/// name is still caught; on Unix it is opened without waiting, since opening a pipe to read
/// waits for a writer. Reading stops after `limit + 1` bytes whatever the metadata said.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    // A look first gives a folder its own words on every platform (Windows cannot open one).
    match std::fs::metadata(path) {
        Ok(meta) => {
            if let Some(not) = NotAFile::of(meta.file_type()) {
                return Err(ReadError::NotAFile(not));
            }
        }
        Err(e) if is_link_loop(&e) => return Err(ReadError::NotAFile(NotAFile::LinkLoop)),
        Err(_) => {} // Opening says why, below.
    }
    let file = open_without_waiting(path)?;
    let meta = file.metadata()?;
    if let Some(not) = NotAFile::of(meta.file_type()) {
        return Err(ReadError::NotAFile(not));
    }
    let too_large = |bytes| ReadError::TooLarge { bytes, limit };
    if meta.len() > limit {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Whether an error says that following links led round in a circle: `ELOOP` on Unix,
/// `ERROR_CANT_RESOLVE_FILENAME` on Windows. Without this it reads as "does not exist".
pub fn is_link_loop(error: &io::Error) -> bool {
    #[cfg(unix)]
    let code = libc::ELOOP;
    #[cfg(windows)]
    let code = 1921;
    #[cfg(not(any(unix, windows)))]
    let code = -1;
    error.raw_os_error() == Some(code)
}

fn open_without_waiting(path: &Path) -> io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Without it, opening a named pipe blocks until something writes to it. Regular files
        // ignore the flag.
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_up_to_the_limit_and_not_a_byte_more() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tien.txt");
        std::fs::write(&path, b"0123456789").unwrap();
        assert_eq!(read_limited(&path, 10).unwrap(), b"0123456789");
        assert_eq!(read_limited(&path, 11).unwrap(), b"0123456789");
        assert!(matches!(
            read_limited(&path, 9),
            Err(ReadError::TooLarge {
                bytes: 10,
                limit: 9
            })
        ));
        let empty = dir.path().join("leeg.txt");
        std::fs::write(&empty, b"").unwrap();
        assert_eq!(read_limited(&empty, 0).unwrap(), b"");
    }

    #[test]
    fn refuses_folders_and_missing_files() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            read_limited(dir.path(), 100),
            Err(ReadError::NotAFile(NotAFile::Folder))
        ));
        match read_limited(&dir.path().join("weg.ron"), 100) {
            Err(ReadError::Io(e)) => assert_eq!(e.kind(), io::ErrorKind::NotFound),
            other => panic!("{other:?}"),
        }
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn refuses_devices_and_pipes_without_reading_them() {
        assert!(matches!(
            read_limited(Path::new("/dev/zero"), 100),
            Err(ReadError::NotAFile(NotAFile::Device))
        ));
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("nullen.ron");
        std::os::unix::fs::symlink("/dev/urandom", &link).unwrap();
        assert!(matches!(
            read_limited(&link, 100),
            Err(ReadError::NotAFile(NotAFile::Device))
        ));
        let fifo = dir.path().join("pijp.ron");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo works");
        assert!(matches!(
            read_limited(&fifo, 100),
            Err(ReadError::NotAFile(NotAFile::Pipe))
        ));
    }

    /// `/proc` files are regular but say they hold 0 bytes; the limit still holds.
    #[cfg(target_os = "linux")]
    #[test]
    fn the_limit_holds_when_the_metadata_says_zero() {
        let path = Path::new("/proc/self/maps");
        assert_eq!(std::fs::metadata(path).unwrap().len(), 0);
        assert!(matches!(
            read_limited(path, 10),
            Err(ReadError::TooLarge {
                bytes: 11,
                limit: 10
            })
        ));
    }
}
