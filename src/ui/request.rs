//! What a screen asks of the app. Screens draw from the state and say what the user wants
//! beyond the open session's drafts; `app.rs` alone carries it out (it holds the settings,
//! the message line, the dialogs and the session's file), so no screen needs the app.

use super::report_view::export::ExportFormat;
use super::state::Screen;
use crate::model::{Change, Language};
use crate::store::examples::Example;
use crate::store::templates::Template;
use std::path::PathBuf;

/// One thing for the app to do, returned by a screen for this frame.
pub enum Request {
    /// Apply a change to the open session (through its undo history; a refusal is shown).
    Apply(Change),
    /// Ask for a session file in a native dialog and open it.
    ChooseSession,
    /// Open this session file.
    Open(PathBuf),
    /// Copy a built-in example to the sessions folder and open it.
    OpenExample(&'static Example),
    /// Make a session from a template in this language and prepare it.
    NewFromTemplate(Template, Language),
    /// Ask for a new name for the open session and keep working there.
    SaveAs,
    /// Ask for a chat file to import; it is read off the UI thread.
    ChooseChatFile,
    /// Ask for a folder and write one copy of the session per group into it.
    HandOutCopies,
    /// Ask for session files to merge.
    MergeFiles,
    /// Ask where to save the report in this format, then write it.
    Export(ExportFormat),
    /// Show this folder in the file manager.
    OpenFolder(PathBuf),
    /// Show another screen of the open session.
    Show(Screen),
    /// Switch the presenter's language.
    SetLanguage(Language),
    /// Show or hide the list of keyboard shortcuts.
    ToggleShortcuts,
    /// Save and close the session, back to the start screen.
    CloseSession,
    /// Start the live server for the open session (phones vote over the local network).
    StartLive,
    /// Stop it: phones can no longer reach the laptop.
    StopLive,
}
