//! Prepare mode: session details, groups and the agenda editor.

use super::app::App;

pub fn show(app: &mut App, ui: &mut egui::Ui) {
    let t = app.texts();
    egui::CentralPanel::default().show(ui, |ui| {
        ui.heading(t.screen_prepare);
    });
}
