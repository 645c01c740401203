//! Every item of every example renders in both languages, with every glyph present (the test
//! harness panics on a character no font can draw), and the shortcut overlay opens and closes.

use crate::support;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stelling::model::Language;
use stelling::store::examples::EXAMPLES;
use stelling::ui::App;

fn harness(
    language: Language,
    example: &stelling::store::examples::Example,
    dir: &std::path::Path,
) -> Harness<'static, App> {
    let app = support::app_with_example(dir, example, language);
    support::harness_sized(app, 1280.0, 800.0)
}

#[test]
fn every_item_of_every_example_renders_in_both_languages() {
    for language in [Language::Nl, Language::En] {
        for example in EXAMPLES {
            let dir = tempfile::tempdir().unwrap();
            let mut h = harness(language, example, dir.path());
            let len = h.state().open.as_ref().unwrap().doc.session().agenda.len();
            for i in 0..len {
                assert_eq!(h.state().open.as_ref().unwrap().view.current, i);
                let text = h.state().open.as_ref().unwrap().doc.session().agenda[i]
                    .text
                    .clone();
                assert!(
                    h.query_by_label(&text).is_some(),
                    "{}: item {i} shows its text",
                    example.file_name
                );
                h.key_press(Key::ArrowDown);
                h.run_steps(2);
            }
        }
    }
}

#[test]
fn shortcut_overlay_opens_with_f1_and_closes_with_escape() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(Language::Nl, &EXAMPLES[0], dir.path());
    assert!(
        h.query_by_label_contains("Sneltoetsen").is_some(),
        "the status bar button"
    );
    h.key_press(Key::F1);
    h.run_steps(2);
    assert!(h.query_by_label("ongedaan maken").is_some());
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert!(h.query_by_label("ongedaan maken").is_none());
    // Switching language with Ctrl+L changes the overlay's words.
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::L);
    h.key_press(Key::F1);
    h.run_steps(2);
    assert!(h.query_by_label("undo").is_some());
}
