//! Sizes and colours for a presenter window read at arm's length in a hurry.

/// Larger text than egui's defaults, a light, high-contrast look, and fonts for what
/// participants type.
pub fn apply(ctx: &egui::Context) {
    ctx.set_fonts(fonts());
    ctx.set_theme(egui::Theme::Light);
    ctx.all_styles_mut(|style| {
        use egui::{FontFamily::Proportional, FontId, TextStyle};
        style.text_styles = [
            (TextStyle::Small, FontId::new(13.0, Proportional)),
            (TextStyle::Body, FontId::new(17.0, Proportional)),
            (TextStyle::Button, FontId::new(17.0, Proportional)),
            (TextStyle::Heading, FontId::new(24.0, Proportional)),
            (
                TextStyle::Monospace,
                FontId::new(15.0, egui::FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(10.0, 8.0);
        style.spacing.button_padding = egui::vec2(10.0, 5.0);
    });
}

/// How much of one text the presenter lays out: a pasted book must not freeze the window.
/// The whole text stays in the session, the report and the edit box.
pub const PRESENTER_CHARS: usize = 3_000;
/// How much of one text the beamer lays out; more cannot be read from the back of a room.
pub const BEAMER_CHARS: usize = 1_200;

pub use crate::model::shorten::clipped;

/// Texts longer than this get no edit box: egui lays out the whole text of an edit box, and
/// for a pasted book that takes seconds and gigabytes every time it is shown.
pub const EDIT_CHARS: usize = 100_000;

/// Whether `text` is longer than [`EDIT_CHARS`]; looks at no more of it than that.
pub fn too_long_to_edit(text: &str) -> bool {
    text.len() > EDIT_CHARS && text.char_indices().nth(EDIT_CHARS).is_some()
}

/// What stands in for the edit box of a text too long to edit: its start ([`clipped`]) and a
/// note saying why. The text stays whole in the session.
pub fn too_long(ui: &mut egui::Ui, text: &str, t: &super::texts::Texts) -> egui::Response {
    ui.vertical(|ui| {
        ui.label(&*clipped(text, PRESENTER_CHARS));
        ui.weak((t.too_long_to_edit)(EDIT_CHARS));
    })
    .response
}

/// An edit box added by `add`, or [`too_long`] for a text longer than [`EDIT_CHARS`].
pub fn edit_box(
    ui: &mut egui::Ui,
    text: &mut String,
    t: &super::texts::Texts,
    add: impl FnOnce(&mut egui::Ui, &mut String) -> egui::Response,
) -> egui::Response {
    if too_long_to_edit(text) {
        too_long(ui, text, t)
    } else {
        add(ui, text)
    }
}

/// An edit box added by `add` for a draft's text, or [`too_long`] showing `full` when the
/// draft holds `None` (the text was too long to copy into it).
pub fn draft_box(
    ui: &mut egui::Ui,
    draft: &mut Option<String>,
    full: &str,
    t: &super::texts::Texts,
    add: impl FnOnce(&mut egui::Ui, &mut String) -> egui::Response,
) -> egui::Response {
    match draft {
        None => too_long(ui, full, t),
        Some(text) => add(ui, text),
    }
}

/// egui's own fonts, then DejaVu Sans (already in the binary for the PDF report) for what
/// they lack: Greek, Cyrillic, Hebrew, Arabic and many symbols would otherwise show as empty
/// boxes when a participant's reaction uses them.
pub fn fonts() -> egui::FontDefinitions {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "dejavu".into(),
        std::sync::Arc::new(egui::FontData::from_static(crate::report::pdf::REGULAR)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push("dejavu".into());
    }
    fonts
}
