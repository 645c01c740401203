//! A subgroup's copy in the app: it opens with its group picked, says so in the status bar,
//! and tallies and reactions entered without choosing a group belong to that group.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use stelling::model::merge::split;
use stelling::model::{ItemKind, Language, Session};
use stelling::store::{self, examples::EXAMPLES, settings::Settings};
use stelling::ui::App;

/// The second group's copy of the workshop example, saved in `dir`.
fn second_groups_copy(dir: &Path) -> (PathBuf, Session) {
    let example = EXAMPLES
        .iter()
        .find(|e| e.file_name == "stellingenworkshop.ron")
        .unwrap();
    let original = store::examples::install(example, dir).unwrap();
    let session = store::load(&original).unwrap();
    let copy = split(&session).swap_remove(1);
    let path = dir.join("kopie.ron");
    store::save(&path, &copy).unwrap();
    (path, copy)
}

fn harness(path: &Path, language: Language) -> Harness<'static, App> {
    let mut app = App::with_settings(Settings {
        language: Some(language),
        recent: Vec::new(),
    });
    app.open_path(path);
    assert!(app.message.is_none(), "opening failed: {:?}", app.message);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    h.run_steps(2);
    h
}

fn press(h: &mut Harness<'_, App>, m: Modifiers, key: Key) {
    h.key_press_modifiers(m, key);
    h.run_steps(1);
}

#[test]
fn a_copy_records_its_group_without_picking_it() {
    let dir = tempfile::tempdir().unwrap();
    let (path, copy) = second_groups_copy(dir.path());
    let group = copy.recording_group.unwrap();
    let name = copy.group_name(Some(group)).to_string();
    let mut h = harness(&path, Language::En);
    assert_eq!(h.state().open.as_ref().unwrap().view.group, Some(group));
    assert!(
        h.query_by_label_contains(&format!("Copy for {name}"))
            .is_some(),
        "the status bar names the group"
    );

    let target = copy
        .agenda
        .iter()
        .position(|i| i.kind == ItemKind::Proposition)
        .unwrap();
    for _ in 0..target {
        press(&mut h, Modifiers::NONE, Key::ArrowDown);
    }
    let item = &copy.agenda[target];
    let option = item.options[0].id;
    let before = item.rounds.last().unwrap().count(option, Some(group));
    press(&mut h, Modifiers::NONE, Key::Num1);
    press(&mut h, Modifiers::NONE, Key::R);
    h.event(egui::Event::Text("Uit de tweede groep".into()));
    h.run_steps(1);
    press(&mut h, Modifiers::NONE, Key::Enter);

    let now = h.state().open.as_ref().unwrap().doc.session().clone();
    let round = now.item(item.id).unwrap().rounds.last().unwrap().clone();
    assert_eq!(round.count(option, Some(group)), before + 1);
    let said = round
        .reactions
        .iter()
        .find(|r| r.text == "Uit de tweede groep")
        .expect("the reaction is recorded");
    assert_eq!(said.group, Some(group));
}

#[test]
fn a_whole_room_session_shows_no_copy_label() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut copy) = second_groups_copy(dir.path());
    copy.recording_group = None;
    store::save(&path, &copy).unwrap();
    let h = harness(&path, Language::Nl);
    assert_eq!(h.state().open.as_ref().unwrap().view.group, None);
    assert!(h.query_by_label_contains("Kopie voor").is_none());
}
