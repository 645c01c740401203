//! The presenter's colours, each named once. Shared with the reports through
//! [`crate::report::palette`], so the preview draws what the PDF and HTML print.

use crate::model::Stance;
use crate::report::palette::{self, Rgb};
use egui::Color32;

pub(crate) const fn rgb(c: Rgb) -> Color32 {
    Color32::from_rgb(c[0], c[1], c[2])
}

/// Warnings and errors.
pub const WARN: Color32 = rgb(palette::WARNING);
/// The star of a highlighted reaction.
pub const STAR: Color32 = rgb(palette::VERMILLION);
/// Lines around bars.
pub const INK: Color32 = rgb(palette::INK);
/// Thin rules between table rows.
pub const RULE: Color32 = rgb(palette::RULE);
/// The box behind a prompt.
pub const PROMPT_FILL: Color32 = rgb(palette::PROMPT_FILL);
/// The box behind a highlighted reaction.
pub const HIGHLIGHT_FILL: Color32 = rgb(palette::HIGHLIGHT_FILL);

/// A bar's colour: the palette of the reports (Okabe–Ito, safe for colour-blind readers).
pub fn chart(index: usize) -> Color32 {
    rgb(palette::chart(index))
}

/// Okabe–Ito colours per stance: distinguishable with colour blindness, and always shown with
/// a word, never by colour alone.
pub fn stance(stance: Stance) -> Color32 {
    rgb(match stance {
        Stance::For => palette::BLUE,
        Stance::Against => palette::VERMILLION,
        Stance::Neutral => palette::GREY,
        Stance::Question => palette::PURPLE,
    })
}
