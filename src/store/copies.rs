//! Handing out subgroup copies: one session file per group in a folder, for `stelling split`
//! and the app's "hand out copies". The copies themselves come from
//! [`crate::model::merge::split`]; this only names and writes them.

use super::{LockError, SaveError, SessionLock, file_name_for, resolve_session_path, save};
use crate::model::{Session, merge};
use std::path::{Path, PathBuf};

/// Why the copies were not written. Checked before the first write where possible, so a
/// refusal leaves no half-filled folder.
#[derive(Debug, thiserror::Error)]
pub enum CopiesError {
    #[error("the session has no groups; add the subgroups first")]
    NoGroups,
    #[error("{} is a file, not a folder", .0.display())]
    NotAFolder(PathBuf),
    #[error("{} already exist{}", list(.0), if .0.len() == 1 { "s" } else { "" })]
    Exist(Vec<PathBuf>),
    #[error("could not create the folder {}: {error}", path.display())]
    CreateFolder {
        path: PathBuf,
        #[source]
        error: std::io::Error,
    },
    #[error("{}: {error}", path.display())]
    Lock {
        path: PathBuf,
        #[source]
        error: LockError,
    },
    #[error(transparent)]
    Save(#[from] SaveError),
}

fn list(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// One planned copy: where it goes, the session, and the group it records.
pub struct Copy {
    pub path: PathBuf,
    pub session: Session,
    pub group: String,
}

/// The copies of `session` in `folder`, named "`stem` - group.ron" so each facilitator sees at
/// once which file is theirs. Writes nothing.
pub fn plan(session: &Session, folder: &Path, stem: &str) -> Vec<Copy> {
    let mut copies: Vec<Copy> = Vec::new();
    for (copy, group) in merge::split(session).into_iter().zip(&session.groups) {
        let name = file_name_for(&format!("{stem} - {}", group.name));
        let mut path = folder.join(&name);
        // Two groups whose names differ only in characters a file name cannot hold, or only in
        // case: "Tafel A" and "tafel a" are one file on Windows and macOS, and the second copy
        // would overwrite the first.
        let mut n = 2;
        while copies.iter().any(|c| same_file_name(&c.path, &path)) {
            path = folder.join(format!("{} ({n}).ron", name.trim_end_matches(".ron")));
            n += 1;
        }
        copies.push(Copy {
            path,
            session: copy,
            group: group.name.clone(),
        });
    }
    copies
}

/// Whether two paths in one folder name the same file on a case-insensitive file system
/// (Windows, macOS): equal after Unicode lowercasing.
fn same_file_name(a: &Path, b: &Path) -> bool {
    a.to_string_lossy().to_lowercase() == b.to_string_lossy().to_lowercase()
}

/// Writes one copy per group into `folder` (created if missing). Existing files are refused
/// unless `overwrite` (the old ones are then kept as `.bak` by the save).
pub fn write(
    session: &Session,
    folder: &Path,
    stem: &str,
    overwrite: bool,
) -> Result<Vec<Copy>, CopiesError> {
    let copies = plan(session, folder, stem);
    if copies.is_empty() {
        return Err(CopiesError::NoGroups);
    }
    if folder.exists() && !folder.is_dir() {
        return Err(CopiesError::NotAFolder(folder.to_path_buf()));
    }
    let existing: Vec<PathBuf> = copies
        .iter()
        .filter(|c| c.path.exists())
        .map(|c| c.path.clone())
        .collect();
    if !existing.is_empty() && !overwrite {
        return Err(CopiesError::Exist(existing));
    }
    std::fs::create_dir_all(folder).map_err(|error| CopiesError::CreateFolder {
        path: folder.to_path_buf(),
        error,
    })?;
    for c in &copies {
        // Only a copy being overwritten can be open somewhere; a new one needs no lock (and
        // leaves no lock file in the folder that is handed out).
        let (target, _lock) = if c.path.exists() {
            let target = resolve_session_path(&c.path).map_err(|error| SaveError {
                path: c.path.clone(),
                error,
            })?;
            let lock = SessionLock::acquire(&target).map_err(|error| CopiesError::Lock {
                path: c.path.clone(),
                error,
            })?;
            (target, Some(lock))
        } else {
            (c.path.clone(), None)
        };
        save(&target, &c.session)?;
    }
    Ok(copies)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Group, Id, Language};

    fn with_groups(names: &[&str]) -> Session {
        let mut s = Session::new("Werkconferentie", Language::Nl);
        for (n, name) in names.iter().enumerate() {
            s.groups.push(Group {
                id: Id(0x100 + n as u64),
                name: (*name).into(),
                size: None,
            });
        }
        s
    }

    fn names(copies: &[Copy]) -> Vec<String> {
        copies
            .iter()
            .map(|c| c.path.file_name().unwrap().to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn names_that_differ_only_in_case_are_numbered() {
        let s = with_groups(&["Tafel A", "tafel a", "TAFEL A", "Ærø", "ærø", "Tafel B"]);
        let copies = plan(&s, Path::new("kopieen"), "Sessie");
        assert_eq!(
            names(&copies),
            [
                "Sessie - Tafel A.ron",
                "Sessie - tafel a (2).ron",
                "Sessie - TAFEL A (3).ron",
                "Sessie - Ærø.ron",
                "Sessie - ærø (2).ron",
                "Sessie - Tafel B.ron",
            ]
        );
        let lower: std::collections::HashSet<String> =
            names(&copies).iter().map(|n| n.to_lowercase()).collect();
        assert_eq!(lower.len(), copies.len(), "one file each, in any case");
    }

    #[test]
    fn every_group_gets_its_own_file_written() {
        let dir = tempfile::tempdir().unwrap();
        let s = with_groups(&["Tafel A", "tafel a"]);
        let copies = write(&s, dir.path(), "Sessie", false).unwrap();
        assert_eq!(copies.len(), 2);
        for c in &copies {
            let saved = crate::store::load(&c.path).unwrap();
            assert_eq!(saved.recording_group, c.session.recording_group);
        }
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }
}
