//! What the run view's forms hold between frames: text typed but not yet added.

use crate::model::Id;
use std::collections::HashMap;

/// Text typed into the forms but not yet added to the session.
#[derive(Default)]
pub struct FormState {
    /// The round being renamed and its new name so far.
    pub renaming_round: Option<Id>,
    pub round_label: String,
    /// Give the rename field the keyboard on the next frame.
    pub focus_round_label: bool,
    pub proposal: ProposalDraft,
    /// Per proposal: action text, owner, due date.
    pub action: HashMap<Id, [String; 3]>,
    /// Per proposal: feedback text and the group giving it.
    pub feedback: HashMap<Id, (String, Option<Id>)>,
    pub commitment: [String; 5],
    pub theme: String,
    /// Per theme and group: the statement being typed.
    pub statement: HashMap<(Id, Option<Id>), String>,
    /// The item the drafts were typed for.
    pub drafts_item: Option<Id>,
    /// Other items' half-typed proposal, commitment and theme, kept while the presenter looks
    /// elsewhere, so they come back with their item and never land in another one.
    pub stash: HashMap<Id, ItemDrafts>,
    pub date_error: Option<String>,
    /// A form field had the keyboard since the last Esc: while that form still holds typed
    /// text, one-key shortcuts wait, so a sentence typed after a click elsewhere cannot
    /// blank the beamer.
    pub filling: bool,
    /// Each form's first text field and its button, as drawn last frame: Tab goes round
    /// inside the form instead of on to buttons that change the room.
    pub(crate) chains: Vec<(egui::Id, egui::Id)>,
}

/// One item's half-typed drafts, put aside while another item shows.
#[derive(Default)]
pub struct ItemDrafts {
    pub(crate) title: String,
    pub(crate) description: String,
    pub(crate) commitment: [String; 5],
    pub(crate) theme: String,
}

/// The new proposal as typed, and the group it comes from.
#[derive(Default)]
pub struct ProposalDraft {
    pub group: Option<Id>,
    pub title: String,
    pub description: String,
}
