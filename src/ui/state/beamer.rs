//! The presenter's side of the audience window.

use crate::ui::audience;

/// Presenter-side state of the audience window.
#[derive(Default)]
pub struct Beamer {
    pub state: audience::AudienceState,
    /// The second window is open.
    pub open: bool,
    pub fullscreen: bool,
    /// A small copy of the audience view in the presenter's side panel.
    pub preview: bool,
    /// The item the state was last reset for: results and quotes hide on every new item.
    pub(crate) shown_item: Option<crate::model::Id>,
}
