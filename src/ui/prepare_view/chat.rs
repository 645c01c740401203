//! Importing a saved meeting chat as reactions, with a preview first: the messages as they will
//! be imported, the lines that could not be read (reported, never dropped silently), the target
//! item and round, and whether names are kept (off by default, for privacy). The import is one
//! change, so one Ctrl+Z takes it all back.
//!
//! A chat file is picked in a native dialog and read and parsed on the dialog's thread by the
//! app when this screen asks (`Request::ChooseChatFile`), with [`read_chat_file`]; this screen
//! only shows the result.

use super::{first_line, warning};
use crate::import::chat::{self, ChatImport, ChatMessage};
use crate::model::{Change, Id, ItemKind, Session};
use crate::ui::request::Request;
use crate::ui::state::OpenSession;
use crate::ui::state::prepare::ChatPreview as Preview;
pub use crate::ui::state::prepare::{ChatFile, ChatState};
use crate::ui::texts::{Texts, kind_icon};
use chrono::Offset;
use egui::RichText;
use std::path::Path;

/// Pasted chats up to this size are previewed as they change; longer ones on the button.
const AUTO_PREVIEW_BYTES: usize = 256 * 1024;

impl Preview {
    fn new(source: String, import: ChatImport, windows_1252: bool) -> Self {
        Preview {
            source,
            windows_1252,
            import,
            with_private: None,
            include_private: false,
            keep_names: false,
            item: None,
            round: None,
        }
    }

    /// The messages that the import button would add.
    fn messages(&mut self) -> &ChatImport {
        if self.include_private {
            let import = &self.import;
            self.with_private.get_or_insert_with(|| {
                let mut all = import.clone();
                all.include_private();
                all
            })
        } else {
            &self.import
        }
    }
}

impl ChatState {
    /// The app hands over a file read on the dialog's thread.
    pub fn loaded(&mut self, result: Result<ChatFile, String>) {
        self.loading = false;
        self.done = None;
        match result {
            Ok(file) => {
                self.error = None;
                self.preview = Some(Preview::new(file.name, file.import, file.windows_1252));
            }
            Err(e) => self.error = Some(e),
        }
    }
}

/// The item a chat most likely belongs to: the selected one if it takes reactions, else the
/// first open question, else the selected one.
fn default_target(session: &Session, current: usize) -> Option<Id> {
    let takes = |k: ItemKind| matches!(k, ItemKind::Question | ItemKind::Proposition);
    session
        .agenda
        .get(current)
        .filter(|i| takes(i.kind))
        .or_else(|| session.agenda.iter().find(|i| i.kind == ItemKind::Question))
        .or_else(|| session.agenda.get(current))
        .map(|i| i.id)
}

pub fn show(
    open: &mut OpenSession,
    t: &Texts,
    ui: &mut egui::Ui,
    changes: &mut Vec<Change>,
    requests: &mut Vec<Request>,
) {
    let mut import_now = false;
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("chat-screen")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let session = open.doc.session();
                let current = open.view.current;
                let state = &mut open.view.prepare.chat;
                ui.heading(RichText::new(t.prep_chat_title).size(26.0).strong());
                ui.label(t.prep_chat_intro);
                ui.add_space(8.0);
                ui.horizontal_wrapped(|ui| {
                    // Never disabled: a dialog that vanished (another one opened over it)
                    // must not leave the button dead.
                    let choose =
                        ui.button(RichText::new(format!("📂 {}", t.prep_chat_choose)).size(19.0));
                    if choose.clicked() {
                        state.loading = true;
                        requests.push(Request::ChooseChatFile);
                    }
                    if state.loading {
                        ui.spinner();
                        ui.label(t.prep_chat_reading);
                    }
                });
                if let Some(e) = &state.error {
                    warning(ui, e.clone());
                }
                if let Some((n, number)) = state.done {
                    ui.label(
                        RichText::new(format!(
                            "✔ {} {}",
                            (t.prep_chat_done)(number, n),
                            t.prep_undo_hint
                        ))
                        .strong(),
                    );
                }
                egui::CollapsingHeader::new(RichText::new(t.prep_chat_paste).strong())
                    .default_open(state.preview.is_none())
                    .show(ui, |ui| {
                        // Small once there is a preview, so the preview gets the room.
                        let height = if state.preview.is_some() { 90.0 } else { 260.0 };
                        let r =
                            egui::ScrollArea::vertical()
                                .id_salt("chat-paste-scroll")
                                .max_height(height)
                                .show(ui, |ui| {
                                    ui.add(
                            egui::TextEdit::multiline(&mut state.pasted)
                                .id_salt("chat-paste")
                                .desired_rows(if state.preview.is_some() { 3 } else { 6 })
                                .desired_width(f32::INFINITY)
                                .hint_text("10:02:33 From Anneke to Everyone: …\n[10:05] Daan: …"),
                        )
                                })
                                .inner;
                        // Keyboard first: on arriving here, Ctrl+V pastes straight into the box.
                        if state.preview.is_none() && !state.focused_once {
                            r.request_focus();
                            state.focused_once = true;
                        }
                        // A pasted chat shows at once; a very long one waits for the button, so typing
                        // in it never stalls.
                        let small = state.pasted.len() <= AUTO_PREVIEW_BYTES;
                        let read = ui
                            .add_enabled(
                                !state.pasted.trim().is_empty(),
                                egui::Button::new(t.prep_chat_read_pasted),
                            )
                            .clicked();
                        if read || (r.changed() && small && !state.pasted.trim().is_empty()) {
                            let mut new = Preview::new(
                                t.prep_chat_pasted.to_string(),
                                chat::parse(&state.pasted),
                                false,
                            );
                            // Choices already made stay while the text is edited.
                            if let Some(old) = &state.preview {
                                new.item = old.item;
                                new.round = old.round;
                                new.keep_names = old.keep_names;
                                new.include_private = old.include_private;
                            }
                            state.preview = Some(new);
                            state.done = None;
                            state.error = None;
                        }
                    });
                ui.separator();
                let Some(preview) = &mut state.preview else {
                    return;
                };
                if preview.item.and_then(|id| session.item(id)).is_none() {
                    preview.item = default_target(session, current);
                    preview.round = None;
                }
                let private = preview.import.private.len();
                let unparsed = preview.import.unparsed.len();
                ui.label(
                    RichText::new(format!(
                        "{}: {} — {}: {}, {}: {}",
                        t.prep_preview,
                        preview.source,
                        t.prep_chat_messages,
                        preview.import.messages.len(),
                        t.prep_chat_unparsed_count,
                        unparsed
                    ))
                    .strong()
                    .size(19.0),
                );
                if preview.windows_1252 {
                    warning(ui, t.prep_chat_encoding);
                }
                egui::Grid::new("chat-options")
                    .num_columns(2)
                    .spacing([12.0, 8.0])
                    .show(ui, |ui| {
                        ui.label(RichText::new(t.prep_chat_target).strong());
                        let selected = preview
                            .item
                            .and_then(|id| session.item_index(id))
                            .map(|i| item_label(session, i))
                            .unwrap_or_else(|| t.empty_agenda.to_string());
                        egui::ComboBox::from_id_salt("chat-item")
                            .selected_text(selected)
                            .width(520.0)
                            .show_ui(ui, |ui| {
                                for (i, item) in session.agenda.iter().enumerate() {
                                    if ui
                                        .selectable_label(
                                            preview.item == Some(item.id),
                                            item_label(session, i),
                                        )
                                        .clicked()
                                    {
                                        preview.item = Some(item.id);
                                        preview.round = None;
                                    }
                                }
                            })
                            .response
                            .accessible_name(t.prep_chat_target);
                        ui.end_row();
                        if let Some(item) = preview.item.and_then(|id| session.item(id)) {
                            if preview.round.and_then(|r| item.round(r)).is_none() {
                                preview.round = item.rounds.last().map(|r| r.id);
                            }
                            if item.rounds.len() > 1 {
                                ui.label(RichText::new(t.round).strong());
                                let label = preview
                                    .round
                                    .and_then(|r| item.round(r))
                                    .map(|r| r.label.clone())
                                    .unwrap_or_default();
                                egui::ComboBox::from_id_salt("chat-round")
                                    .selected_text(label)
                                    .show_ui(ui, |ui| {
                                        for r in &item.rounds {
                                            ui.selectable_value(
                                                &mut preview.round,
                                                Some(r.id),
                                                &r.label,
                                            );
                                        }
                                    })
                                    .response
                                    .accessible_name(t.round);
                                ui.end_row();
                            }
                        }
                        ui.label(RichText::new(t.prep_chat_privacy).strong());
                        ui.vertical(|ui| {
                            ui.checkbox(&mut preview.keep_names, t.prep_chat_keep_names);
                            if private > 0 {
                                ui.checkbox(
                                    &mut preview.include_private,
                                    format!("{} ({private})", t.prep_chat_include_private),
                                );
                            }
                        });
                        ui.end_row();
                    });
                let keep_names = preview.keep_names;
                let can_import = preview.item.is_some() && preview.round.is_some();
                let import = preview.messages();
                let count = import.messages.len();
                // Left what to do and what was not understood, right what will be imported.
                ui.horizontal_top(|ui| {
                    ui.vertical(|ui| {
                        ui.set_width(420.0);
                        ui.add_space(6.0);
                        if count == 0 {
                            warning(ui, t.prep_chat_none);
                        } else if ui
                            .add_enabled(
                                can_import,
                                egui::Button::new(
                                    RichText::new(format!("⬇ {} ({count})", t.prep_chat_import))
                                        .strong()
                                        .size(19.0),
                                ),
                            )
                            .clicked()
                        {
                            import_now = true;
                        }
                        ui.add_space(6.0);
                        if !import.unparsed.is_empty() {
                            ui.add_space(8.0);
                            ui.label(
                                RichText::new(format!(
                                    "⚠ {} ({})",
                                    t.prep_chat_unparsed,
                                    import.unparsed.len()
                                ))
                                .strong(),
                            );
                            ui.weak(t.prep_chat_unparsed_hint);
                            let row = ui.text_style_height(&egui::TextStyle::Body);
                            egui::ScrollArea::vertical()
                                .id_salt("chat-unparsed")
                                .max_height(110.0)
                                .auto_shrink([false, true])
                                .show_rows(ui, row, import.unparsed.len(), |ui, rows| {
                                    for (line, text) in &import.unparsed[rows] {
                                        ui.add(
                                            egui::Label::new(format!(
                                                "{} {line}: {}",
                                                t.prep_line,
                                                first_line(text, 200)
                                            ))
                                            .truncate(),
                                        );
                                    }
                                });
                        }
                    });
                    ui.separator();
                    ui.vertical(|ui| {
                        messages_table(ui, t, &import.messages, keep_names);
                    });
                });
            });
    });
    if import_now {
        do_import(open, t, changes);
    }
}

fn item_label(session: &Session, index: usize) -> String {
    let item = &session.agenda[index];
    format!(
        "{}. {} {}",
        index + 1,
        kind_icon(item.kind),
        first_line(&item.text, 70)
    )
}

/// One line per message (time, name when kept, text), only the visible rows laid out: a day's
/// chat has thousands.
fn messages_table(ui: &mut egui::Ui, t: &Texts, messages: &[ChatMessage], keep_names: bool) {
    let row = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    ui.horizontal(|ui| {
        ui.add_sized(
            [80.0, row],
            egui::Label::new(RichText::new(t.prep_time).strong()),
        );
        if keep_names {
            ui.add_sized(
                [180.0, row],
                egui::Label::new(RichText::new(t.prep_name).strong()),
            );
        }
        ui.label(RichText::new(t.prep_message).strong());
    });
    egui::ScrollArea::vertical()
        .id_salt("chat-messages")
        .max_height(380.0)
        .auto_shrink([false, true])
        .show_rows(ui, row, messages.len(), |ui, rows| {
            for m in &messages[rows] {
                ui.horizontal(|ui| {
                    let time = m.time.map(|x| x.format("%H:%M:%S").to_string());
                    ui.add_sized(
                        [80.0, row],
                        egui::Label::new(RichText::new(time.unwrap_or_default()).monospace()),
                    );
                    if keep_names {
                        ui.add_sized(
                            [180.0, row],
                            egui::Label::new(m.name.clone().unwrap_or_default()).truncate(),
                        );
                    }
                    ui.add(egui::Label::new(first_line(&m.text, 300)).truncate());
                });
            }
        });
}

fn do_import(open: &mut OpenSession, _t: &Texts, changes: &mut Vec<Change>) {
    let session = open.doc.session();
    let state = &mut open.view.prepare.chat;
    let Some(mut preview) = state.preview.take() else {
        return;
    };
    let (Some(item), Some(round)) = (preview.item, preview.round) else {
        state.preview = Some(preview);
        return;
    };
    let keep_names = preview.keep_names;
    let import = preview.messages();
    // Times in the chat are the meeting's clock: on the session's day, in this computer's zone.
    let date = session
        .date
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let offset = chrono::Local::now().offset().fix();
    let change = chat::to_changes(session, item, round, import, keep_names, date, offset);
    let count = import.messages.len();
    changes.push(change);
    if let Some(index) = session.item_index(item) {
        state.done = Some((count, index + 1));
        open.view.current = index;
    }
}

/// Reads and parses a chat file for the import preview (see [`crate::import::read_text`]).
/// Errors are in the presenter's words (`t`).
pub fn read_chat_file(path: &Path, t: &Texts) -> Result<ChatFile, String> {
    use crate::import::TextError;
    use crate::store::ReadError;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let (text, encoding) = crate::import::read_text(path).map_err(|e| {
        let why = match e {
            TextError::Read(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
                t.prep_chat_missing.to_string()
            }
            TextError::Read(ReadError::Io(e)) => e.to_string(),
            TextError::Read(ReadError::NotAFile(kind)) => {
                crate::ui::errors::not_a_file(kind, t).into()
            }
            TextError::Read(ReadError::TooLarge { bytes, limit }) => format!(
                "{} MB. {}",
                bytes / 1_000_000,
                (t.prep_chat_too_large)(limit / 1_000_000)
            ),
            TextError::Decode(_) => t.prep_chat_not_text.to_string(),
        };
        format!("{name}: {why}")
    })?;
    Ok(ChatFile {
        name,
        import: crate::import::chat::parse(&text),
        windows_1252: encoding == crate::import::Encoding::Windows1252,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t() -> &'static Texts {
        crate::ui::texts::texts(crate::model::Language::En)
    }

    #[test]
    fn chat_files_are_read_in_the_encodings_meeting_apps_write() {
        let dir = tempfile::tempdir().unwrap();
        let chat = "[10:02] Zoë: Mooi plan\n[10:03] Daan: Eens?\n";
        // UTF-16 with a byte order mark, as Windows Notepad saves "Unicode".
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(chat.encode_utf16().flat_map(u16::to_le_bytes));
        let path = dir.path().join("unicode.txt");
        std::fs::write(&path, utf16).unwrap();
        let file = read_chat_file(&path, t()).unwrap();
        assert_eq!(file.name, "unicode.txt");
        assert!(!file.windows_1252);
        assert_eq!(file.import.messages.len(), 2);
        assert_eq!(file.import.messages[0].name.as_deref(), Some("Zoë"));
        // Windows-1252: read, and flagged so the preview asks to check the accents.
        let path = dir.path().join("oud.txt");
        std::fs::write(&path, b"[10:02] Zo\xEB: Mooi\n").unwrap();
        let file = read_chat_file(&path, t()).unwrap();
        assert!(file.windows_1252);
        assert_eq!(file.import.messages[0].name.as_deref(), Some("Zoë"));
    }

    #[test]
    fn unreadable_chat_files_say_why_and_never_panic() {
        let dir = tempfile::tempdir().unwrap();
        let missing = read_chat_file(&dir.path().join("weg.txt"), t()).unwrap_err();
        assert_eq!(missing, "weg.txt: this file does not exist (any more).");
        let folder = read_chat_file(dir.path(), t()).unwrap_err();
        assert!(folder.contains("is a folder, not a file"), "{folder}");
        let binary = dir.path().join("foto.png");
        std::fs::write(&binary, [0x89, b'P', b'N', b'G', 0, 0, 1]).unwrap();
        assert!(
            read_chat_file(&binary, t())
                .unwrap_err()
                .contains("not a text file")
        );
        // A named pipe would block the dialog's thread forever, /dev/zero fill the memory.
        #[cfg(unix)]
        {
            let fifo = dir.path().join("pijp.txt");
            let made = std::process::Command::new("mkfifo").arg(&fifo).status();
            assert!(made.is_ok_and(|s| s.success()));
            let pipe = read_chat_file(&fifo, t()).unwrap_err();
            assert!(pipe.starts_with("pijp.txt: this is a named pipe"), "{pipe}");
        }
        #[cfg(target_os = "linux")]
        {
            let zero = read_chat_file(std::path::Path::new("/dev/zero"), t()).unwrap_err();
            assert!(zero.contains("device"), "{zero}");
        }
        let empty = dir.path().join("leeg.txt");
        std::fs::write(&empty, "").unwrap();
        let file = read_chat_file(&empty, t()).unwrap();
        assert!(file.import.messages.is_empty() && file.import.unparsed.is_empty());
    }

    #[test]
    fn the_chat_goes_to_the_selected_item_if_it_takes_reactions_else_the_first_question() {
        let mut s = Session::new("x", crate::model::Language::Nl);
        for kind in [ItemKind::Info, ItemKind::Question, ItemKind::Proposition] {
            let item = crate::model::Item::new(&s, kind, "t");
            s.agenda.push(item);
        }
        assert_eq!(default_target(&s, 0), Some(s.agenda[1].id));
        assert_eq!(default_target(&s, 2), Some(s.agenda[2].id));
        assert_eq!(
            default_target(&Session::new("x", crate::model::Language::Nl), 0),
            None
        );
    }
}
