//! The start screen: recent sessions, open, new from a template, and the examples.

use super::request::Request;
use super::texts::Texts;
use crate::model::Language;
use crate::store::examples::EXAMPLES;
use crate::store::templates::Template;
use std::path::PathBuf;

/// Draws the start screen: `recent` sessions, newest first, and `language` as the presenter's.
pub fn show(recent: &[PathBuf], language: Language, t: &Texts, ui: &mut egui::Ui) -> Vec<Request> {
    let mut requests = Vec::new();
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
                    requests.push(Request::ChooseSession);
                }
                if ui
                    .button(egui::RichText::new(format!("➕ {}", t.new_session)).size(20.0))
                    .clicked()
                {
                    // Like the blank template: dated today, and straight to preparing it.
                    requests.push(Request::NewFromTemplate(Template::Blank, language));
                }
                if ui
                    .button(egui::RichText::new(format!("🔀 {}", t.merge_files)).size(20.0))
                    .on_hover_text(t.merge_files_hint)
                    .clicked()
                {
                    requests.push(Request::MergeFiles);
                }
            });
            ui.add_space(20.0);
            requests.extend(templates(language, t, ui));
            ui.add_space(20.0);
            ui.heading(t.recent);
            if recent.is_empty() {
                ui.weak(t.no_recent);
            }
            let mut chosen = None;
            for path in recent {
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
                requests.push(Request::Open(path));
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
                    requests.push(Request::OpenExample(example));
                }
            }
        });
    });
    requests
}

/// "New from a template": the session's language, then one button per template with a line
/// saying what is in it.
fn templates(presenter: Language, t: &Texts, ui: &mut egui::Ui) -> Option<Request> {
    ui.heading(t.prep_from_template);
    ui.label(t.prep_template_intro);
    // The room's language can differ from the presenter's; it starts as the presenter's.
    let key = egui::Id::unique("template-language");
    let mut language = ui
        .data(|d| d.get_temp::<Language>(key))
        .unwrap_or(presenter);
    ui.horizontal(|ui| {
        ui.label(t.prep_template_language);
        ui.selectable_value(&mut language, Language::Nl, "Nederlands");
        ui.selectable_value(&mut language, Language::En, "English");
    });
    ui.data_mut(|d| d.insert_temp(key, language));
    let mut chosen = None;
    egui::Grid::new("templates")
        .num_columns(2)
        .spacing([16.0, 8.0])
        .show(ui, |ui| {
            for (n, template) in Template::ALL.into_iter().enumerate() {
                if ui
                    .button(egui::RichText::new(format!("➕ {}", t.prep_templates[n])).size(19.0))
                    .clicked()
                {
                    chosen = Some(template);
                }
                ui.label(t.prep_template_descriptions[n]);
                ui.end_row();
            }
        });
    chosen.map(|template| Request::NewFromTemplate(template, language))
}
