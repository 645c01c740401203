//! The example sessions, built into the binary so a fresh install (or a copied `.exe`) can
//! open one on first start without reading the working directory.

use crate::model::Session;
use std::path::{Path, PathBuf};

macro_rules! example {
    ($name:literal) => {
        Example {
            file_name: $name,
            text: include_str!(concat!("../../sessions/", $name)),
        }
    };
}

/// An example: its file name and its text.
pub struct Example {
    pub file_name: &'static str,
    pub text: &'static str,
}

/// The first one opens on first start.
pub const EXAMPLES: &[Example] = &[
    example!("stellingenworkshop.ron"),
    example!("tafelgroepen-conferentie.ron"),
    example!("subgroepen-themas.ron"),
    example!("online-terugkoppeling.ron"),
];

impl Example {
    /// The example parsed; tests make sure every shipped example loads.
    pub fn session(&self) -> Result<Session, super::LoadError> {
        super::parse(self.text, Path::new(self.file_name))
    }
}

/// Copies an example into `dir` (unless a file of that name is there already, which is then
/// the user's own) and returns its path, so the user edits a copy and never the original.
pub fn install(example: &Example, dir: &Path) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join(example.file_name);
    if !path.exists() {
        super::write_export(&path, example.text.as_bytes())?;
    }
    Ok(path)
}
