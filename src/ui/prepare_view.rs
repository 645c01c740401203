//! Prepare mode: the agenda editor, session details and groups, pasting a list and importing a
//! chat. Like the run view, drawing collects changes and returns them to the app as requests, so
//! undo, redo and autosave work exactly as in run mode.
//!
//! Typed text lives in drafts and becomes one change when the field is left (focus lost or
//! Enter), so one undo step is one edit rather than one keystroke. Drafts are committed before
//! the selection moves, before the screen or session changes and before saving on close, so
//! nothing typed is lost.

mod agenda;
mod chat;
mod datepicker;
mod details;
mod paste;

pub use crate::ui::state::prepare::Section;
pub use chat::{ChatFile, read_chat_file};

use super::commands::{self, Command};
use super::request::Request;
use super::state::OpenSession;
use super::texts::Texts;
use crate::model::Change;
use egui::RichText;

/// Draws the prepare screen; the changes made and what is asked of the app come back as
/// requests.
pub fn show(open: &mut OpenSession, t: &Texts, ui: &mut egui::Ui) -> Vec<Request> {
    let mut changes = Vec::new();
    let mut requests = Vec::new();
    keys(open, ui.ctx());
    let hand_out = section_tabs(open, t, ui);
    // Text typed on another tab is stored as soon as that tab is left, not only when the
    // screen is: autosave then has it too.
    let section = open.view.prepare.section;
    if section != Section::Agenda {
        agenda::commit(open, &mut changes, t);
        agenda::commit_themes(open, &mut changes, None);
    }
    if section != Section::Details {
        details::commit(open, &mut changes, t);
        details::commit_groups(open, &mut changes, t);
    }
    match section {
        Section::Agenda => agenda::show(open, t, ui, &mut changes),
        Section::Details => details::show(open, t, ui, &mut changes),
        Section::Paste => paste::show(open, t, ui, &mut changes),
        Section::Chat => chat::show(open, t, ui, &mut changes, &mut requests),
    }
    let mut all: Vec<Request> = changes.into_iter().map(Request::Apply).collect();
    all.extend(requests);
    if hand_out {
        all.push(Request::HandOutCopies);
    }
    all
}

/// Commits whatever is typed but not yet a change (the prepare screen is left, the session is
/// saved or closed). Does nothing when nothing is pending.
pub fn commit_drafts(open: &mut OpenSession, t: &Texts) -> Vec<Change> {
    let mut changes = Vec::new();
    details::commit(open, &mut changes, t);
    details::commit_groups(open, &mut changes, t);
    agenda::commit(open, &mut changes, t);
    agenda::commit_themes(open, &mut changes, None);
    changes
}

/// Ctrl+1…4 pick a section; the agenda has its own keys (see `agenda::keys`).
fn keys(open: &mut OpenSession, ctx: &egui::Context) {
    for (n, section) in [
        Section::Agenda,
        Section::Details,
        Section::Paste,
        Section::Chat,
    ]
    .into_iter()
    .enumerate()
    {
        if commands::presses_nth(ctx, Command::Section, n) > 0 {
            open.view.prepare.section = section;
        }
    }
}

/// The section tabs, and "hand out copies" (returns whether it was clicked).
fn section_tabs(open: &mut OpenSession, t: &Texts, ui: &mut egui::Ui) -> bool {
    let has_groups = !open.doc.session().groups.is_empty();
    let mut hand_out = false;
    egui::Panel::top("prepare-sections").show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            let section = &mut open.view.prepare.section;
            for (value, label, keys) in [
                (Section::Agenda, t.prep_tab_agenda, "Ctrl+1"),
                (Section::Details, t.prep_tab_details, "Ctrl+2"),
                (Section::Paste, t.prep_tab_paste, "Ctrl+3"),
                (Section::Chat, t.prep_tab_chat, "Ctrl+4"),
            ] {
                ui.selectable_value(section, value, RichText::new(label).size(19.0))
                    .on_hover_text(keys);
            }
            ui.separator();
            hand_out = ui
                .add_enabled(
                    has_groups,
                    egui::Button::new(RichText::new(format!("📤 {}", t.merge_hand_out)).size(17.0)),
                )
                .on_hover_text(t.merge_hand_out_hint)
                .on_disabled_hover_text(t.merge_hand_out_no_groups)
                .clicked();
        });
        ui.add_space(2.0);
    });
    hand_out
}

use super::widgets::warning;

use crate::model::shorten::first_line;

/// Queues the change only when it does something, so a focus change without an edit leaves no
/// empty undo step behind.
fn push_if(changes: &mut Vec<Change>, changed: bool, change: impl FnOnce() -> Change) {
    if changed {
        changes.push(change());
    }
}
