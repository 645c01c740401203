//! The app's own settings (UI language, recent sessions) and the places where files live.
//! `STELLING_HOME` moves everything into one folder, for tests and portable use.

use crate::model::Language;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// How many recent sessions the start screen lists.
pub const RECENT_LIMIT: usize = 10;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// The presenter's UI language; `None` follows the system locale.
    #[serde(default)]
    pub language: Option<Language>,
    /// Most recent first.
    #[serde(default)]
    pub recent: Vec<PathBuf>,
}

impl Settings {
    /// Puts `path` at the top of the recent list, as the real file (see
    /// [`super::resolve_session_path`]): reopening it shows what was saved.
    pub fn remember(&mut self, path: &Path) {
        let path = super::resolve_session_path(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_LIMIT);
    }
}

/// The system's language if it is Dutch, English otherwise.
pub fn system_language() -> Language {
    match sys_locale::get_locale() {
        Some(l) if l.to_lowercase().starts_with("nl") => Language::Nl,
        _ => Language::En,
    }
}

fn home_override() -> Option<PathBuf> {
    std::env::var_os("STELLING_HOME").map(PathBuf::from)
}

/// Where settings live: the platform's config folder.
pub fn config_dir() -> Option<PathBuf> {
    if let Some(home) = home_override() {
        return Some(home.join("config"));
    }
    directories::ProjectDirs::from("nl", "Stelling", "Stelling")
        .map(|d| d.config_dir().to_path_buf())
}

/// Where new sessions go by default: `Documents/Stelling`.
pub fn sessions_dir() -> PathBuf {
    if let Some(home) = home_override() {
        return home;
    }
    directories::UserDirs::new()
        .and_then(|u| {
            u.document_dir()
                .map(Path::to_path_buf)
                .or_else(|| Some(u.home_dir().to_path_buf()))
        })
        .unwrap_or_else(|| PathBuf::from("."))
        .join("Stelling")
}

/// Reads the settings; anything missing or unreadable gives the defaults (settings are a
/// convenience and must never stop the app from starting).
pub fn load_settings() -> Settings {
    config_dir()
        .and_then(|d| std::fs::read_to_string(d.join("settings.ron")).ok())
        .and_then(|text| ron::from_str(&text).ok())
        .unwrap_or_default()
}

pub fn save_settings(settings: &Settings) -> std::io::Result<()> {
    let dir =
        config_dir().ok_or_else(|| std::io::Error::other("no config folder on this system"))?;
    std::fs::create_dir_all(&dir)?;
    let text = ron::ser::to_string_pretty(settings, ron::ser::PrettyConfig::new())
        .map_err(std::io::Error::other)?;
    super::write_export(&dir.join("settings.ron"), text.as_bytes())
}
