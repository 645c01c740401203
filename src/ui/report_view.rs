//! The report screen: a preview of the summary and an export button per format.

use super::app::App;

pub fn show(app: &mut App, ui: &mut egui::Ui) {
    let t = app.texts();
    egui::CentralPanel::default().show(ui, |ui| {
        ui.heading(t.screen_report);
    });
}
