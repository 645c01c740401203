//! A short note left next to a session when the app stopped with an error, so the next start
//! can say what happened and that the data was kept.

use std::path::{Path, PathBuf};

/// `map/sessie.ron` → `map/sessie.ron.crash.txt`.
pub fn note_path(session: &Path) -> PathBuf {
    let mut name = session.file_name().unwrap_or_default().to_os_string();
    name.push(".crash.txt");
    session.with_file_name(name)
}

/// Writes the note: when (first line), and the error in the program's own words. Best
/// effort: a crash that cannot leave a note must not fail any further.
pub fn write_note(session: &Path, error: &str) {
    let text = format!(
        "{}\n{}\n",
        chrono::Local::now().format("%Y-%m-%d %H:%M:%S"),
        error.trim()
    );
    let _ = super::write_export(&note_path(session), text.as_bytes());
}

/// The note left by the last crash with this session, as (when, what), and removes it: it
/// is told once.
pub fn take_note(session: &Path) -> Option<(String, String)> {
    let path = note_path(session);
    let text = std::fs::read_to_string(&path).ok()?;
    let _ = std::fs::remove_file(&path);
    let (when, what) = text.trim().split_once('\n').unwrap_or((text.trim(), ""));
    Some((when.to_string(), what.trim().to_string()))
}

/// What a panic says, whatever it carries.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "an unknown error".to_string())
}
