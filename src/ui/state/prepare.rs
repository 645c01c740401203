//! What the prepare screen remembers between frames: the section shown and each section's
//! drafts. Their methods live with the sections.

use crate::import::chat::ChatImport;
use crate::model::{Details, Id, ItemKind, ResponseOption};
use crate::ui::widgets::PendingDelete;
use std::collections::HashMap;

/// The four parts of the prepare screen, each on its own tab.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Section {
    #[default]
    Agenda,
    Details,
    Paste,
    Chat,
}

/// What the prepare screen remembers between frames; not part of the session file.
#[derive(Default)]
pub struct PrepareState {
    pub section: Section,
    pub details: DetailsState,
    pub agenda: AgendaState,
    pub paste: PasteState,
    pub chat: ChatState,
}

/// The agenda editor: the selected item as typed, and what waits for the next frame.
#[derive(Default)]
pub struct AgendaState {
    /// The selected item as typed, while it is being edited.
    pub(crate) draft: Option<ItemDraft>,
    /// The kind the add button makes.
    pub add_kind: ItemKind,
    /// Put the cursor in the item's text on the next frame (after adding, Enter, F2).
    pub(crate) focus_text: bool,
    /// Put the cursor in this answer on the next frame (a new, empty one).
    pub(crate) focus_option: Option<Id>,
    /// Theme names as typed, while being edited, and the name of a new theme.
    pub(crate) theme_drafts: HashMap<Id, String>,
    pub(crate) new_theme: String,
    /// The item the list last scrolled to, so it follows keys without fighting the mouse wheel.
    pub(crate) scrolled_to: Option<usize>,
    /// Shown after a delete: how to get it back.
    pub(crate) deleted: bool,
    /// An item with recorded data whose deletion waits for the user's yes.
    pub(crate) confirm_delete: PendingDelete,
}

/// The editable fields of one item. Only these are copied each frame, never the recorded
/// rounds, which can hold thousands of reactions.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ItemDraft {
    pub(crate) id: Id,
    pub(crate) kind: ItemKind,
    /// `None` for a text too long to edit here: it stays as the item has it, and is not
    /// copied on every frame the draft is made.
    pub(crate) text: Option<String>,
    pub(crate) notes: Option<String>,
    pub(crate) minutes: String,
    pub(crate) options: Vec<ResponseOption>,
    pub(crate) dirty: bool,
    /// A proposition whose answers were all removed: the rest of the draft is stored, these
    /// answers (the item's, left as they are) too, and the draft stays with its message while
    /// the item still matches it.
    pub(crate) held: Option<Vec<ResponseOption>>,
}

/// The details and groups form as typed.
#[derive(Default)]
pub struct DetailsState {
    /// The form as typed, while a field is being edited or while a refused field waits to be
    /// corrected.
    pub(crate) draft: Option<DetailsDraft>,
    /// The form as the session was when the draft started or was last committed: only fields
    /// typed differently from it are written, so a draft never puts back values it did not
    /// change (after an undo, a redo or a reload).
    pub(crate) base: Option<DetailsDraft>,
    /// The details the session should have while the draft is clean; when they differ, the
    /// session changed under the draft (undo, redo, reload) and the draft is dropped.
    pub(crate) seen: Option<Details>,
    pub(crate) dirty: bool,
    /// Why the last commit left a field unchanged.
    pub(crate) errors: Vec<&'static str>,
    /// Group names and sizes as typed, while being edited.
    pub(crate) group_drafts: HashMap<Id, (String, String)>,
    pub(crate) new_group: String,
    pub(crate) group_error: Option<&'static str>,
    /// The group whose removal waits for the user's yes.
    pub(crate) confirm_remove: PendingDelete,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct DetailsDraft {
    pub(crate) title: String,
    pub(crate) date: String,
    pub(crate) start: String,
    pub(crate) end: String,
    pub(crate) place: String,
    pub(crate) facilitators: String,
    pub(crate) participants: String,
    pub(crate) notes: String,
}

/// A pasted list and what it becomes.
#[derive(Default)]
pub struct PasteState {
    pub text: String,
    pub kind: ItemKind,
    /// The lines of `text`, parsed once per edit rather than once per frame.
    pub(crate) lines: Option<Vec<String>>,
    /// After adding: how many, and the agenda number of the first.
    pub(crate) added: Option<(usize, usize)>,
    /// The box got the keyboard once on arrival, so Ctrl+V works straight away.
    pub(crate) focused_once: bool,
}

/// A chat file read and parsed off the UI thread.
#[derive(Debug)]
pub struct ChatFile {
    /// The file name, to show where the messages came from.
    pub name: String,
    pub import: ChatImport,
    /// The file was not UTF-8 and was read as Windows-1252: accents may need a look.
    pub windows_1252: bool,
}

/// A chat being imported: pasted or read from a file, and its preview.
#[derive(Default)]
pub struct ChatState {
    pub pasted: String,
    pub(crate) preview: Option<ChatPreview>,
    /// A file is being read.
    pub loading: bool,
    pub error: Option<String>,
    /// After an import: how many reactions went to which item number.
    pub(crate) done: Option<(usize, usize)>,
    /// The paste box got the keyboard once on arrival.
    pub(crate) focused_once: bool,
}

/// A chat as it will be imported, and the choices made for it.
pub(crate) struct ChatPreview {
    pub(crate) source: String,
    pub(crate) windows_1252: bool,
    pub(crate) import: ChatImport,
    /// `import` with the private messages moved in, made when first asked for.
    pub(crate) with_private: Option<ChatImport>,
    pub(crate) include_private: bool,
    pub(crate) keep_names: bool,
    pub(crate) item: Option<Id>,
    pub(crate) round: Option<Id>,
}
