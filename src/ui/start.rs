//! The start screen: recent sessions, open, new, and the examples.

use super::app::App;
use crate::store::examples::EXAMPLES;

pub fn show(app: &mut App, ui: &mut egui::Ui) {
    let t = app.texts();
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.add_space(24.0);
            ui.heading(egui::RichText::new(t.start_title).size(36.0).strong());
            ui.label(t.start_intro);
            ui.add_space(16.0);
            ui.horizontal(|ui| {
                if ui
                    .button(egui::RichText::new(format!("📂 {}", t.open_file)).size(20.0))
                    .clicked()
                {
                    app.start_open_dialog();
                }
                if ui
                    .button(egui::RichText::new(format!("➕ {}", t.new_session)).size(20.0))
                    .clicked()
                {
                    app.new_session();
                }
            });
            ui.add_space(20.0);
            ui.heading(t.recent);
            if app.settings.recent.is_empty() {
                ui.weak(t.no_recent);
            }
            let mut chosen = None;
            for path in &app.settings.recent {
                let name = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                ui.horizontal(|ui| {
                    if ui.link(egui::RichText::new(name).size(20.0)).clicked() {
                        chosen = Some(path.clone());
                    }
                    ui.weak(path.display().to_string());
                });
            }
            if let Some(path) = chosen {
                app.open_path(&path);
            }
            ui.add_space(20.0);
            ui.heading(t.examples);
            for example in EXAMPLES {
                let title = example.session().map(|s| s.title).unwrap_or_default();
                if ui
                    .link(
                        egui::RichText::new(format!("{title} — {}", example.file_name)).size(18.0),
                    )
                    .clicked()
                {
                    app.open_example(example);
                }
            }
        });
    });
}
