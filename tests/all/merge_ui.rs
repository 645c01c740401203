//! A subgroup's copy in the app: it opens with its group picked, says so in the status bar,
//! and tallies and reactions entered without choosing a group belong to that group.

use crate::support::{app, app_with, example_copy, harness, press_mod};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use stelling::model::merge::split;
use stelling::model::{Language, Session};
use stelling::store;

/// The second group's copy of the workshop example, saved in `dir`.
fn second_groups_copy(dir: &Path) -> (PathBuf, Session) {
    let original = example_copy(dir, "stellingenworkshop.ron");
    let session = store::load(&original).unwrap();
    let copy = split(&session).swap_remove(1);
    let path = dir.join("kopie.ron");
    store::save(&path, &copy).unwrap();
    (path, copy)
}

#[test]
fn a_copy_records_its_group_without_picking_it() {
    let dir = tempfile::tempdir().unwrap();
    let (path, copy) = second_groups_copy(dir.path());
    let group = copy.recording_group.unwrap();
    let name = copy.group_name(Some(group)).to_string();
    let mut h = harness(app_with(&path, Language::En));
    assert_eq!(h.state().open.as_ref().unwrap().view.group, Some(group));
    assert_eq!(
        h.state().open.as_ref().unwrap().view.forms.proposal.group,
        Some(group),
        "a new proposal is the group's too"
    );
    assert!(
        h.query_by_label_contains(&format!("Copy for {name}"))
            .is_some(),
        "the status bar names the group"
    );

    let target = crate::support::to_first_proposition(&mut h);
    let item = &copy.agenda[target];
    let option = item.options[0].id;
    let before = item.rounds.last().unwrap().count(option, Some(group));
    press_mod(&mut h, Modifiers::NONE, Key::Num1);
    press_mod(&mut h, Modifiers::NONE, Key::R);
    h.event(egui::Event::Text("Uit de tweede groep".into()));
    h.run_steps(1);
    press_mod(&mut h, Modifiers::NONE, Key::Enter);

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
    let h = harness(app_with(&path, Language::Nl));
    assert_eq!(h.state().open.as_ref().unwrap().view.group, None);
    assert!(h.query_by_label_contains("Kopie voor").is_none());
}

#[test]
fn hand_out_copies_writes_one_file_per_group_and_never_overwrites() {
    use stelling::ui::merge_view::Window;
    let dir = tempfile::tempdir().unwrap();
    let path = example_copy(dir.path(), "subgroepen-themas.ron");
    let mut app = app(Language::En);
    app.open_path(&path);
    let folder = dir.path().join("kopieen");
    app.hand_out_to(&folder);
    let mut h = harness(app);
    assert!(
        h.query_by_label_contains("Saved, one copy per group")
            .is_some()
    );
    for group in ["Subgroep A", "Subgroep B", "Subgroep C", "Subgroep D"] {
        assert!(h.query_by_label(group).is_some(), "{group} is listed");
    }
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 4);
    h.get_by_label("Close").click();
    h.run_steps(2);
    assert!(h.state().merge.window.is_none());

    // A second time the copies exist: refused, and they are left alone.
    h.state_mut().hand_out_to(&folder);
    assert!(matches!(
        h.state().merge.window,
        Some(Window::HandedOut(Err(_)))
    ));
    h.run_steps(2);
    assert!(h.query_by_label_contains("already exist").is_some());
}

#[test]
fn merge_files_shows_the_summary_and_conflicts_before_saving() {
    use stelling::ui::merge_view::{self, Window};
    let dir = tempfile::tempdir().unwrap();
    let (path, copy) = second_groups_copy(dir.path());
    // Two copies: the second group's, and the first group's with a reworded proposition.
    let mut first = split(&store::load(&path).unwrap()).swap_remove(0);
    let target = crate::support::first_proposition(&first);
    first.agenda[target].text = "Anders geformuleerd".into();
    let first_path = dir.path().join("eerste.ron");
    store::save(&first_path, &first).unwrap();

    let mut app = app(Language::En);
    merge_view::merge_files(&mut app.merge, vec![first_path.clone(), path.clone()]);
    let mut h = harness(app);
    assert!(h.query_by_label_contains("Save merged session…").is_some());
    assert!(h.query_by_label_contains("Conflicts").is_some());
    assert!(
        h.query_by_label_contains("Anders geformuleerd").is_some(),
        "the conflict names both versions"
    );
    assert!(h.query_by_label("Merged").is_some(), "the counts table");

    // Saving over an input is refused; a new file is written and opened.
    h.state_mut().save_merged(path.clone());
    h.run_steps(2);
    assert!(
        h.query_by_label_contains("one of the files being merged")
            .is_some()
    );
    assert_eq!(store::load(&path).unwrap(), copy);
    let out = dir.path().join("samen.ron");
    h.state_mut().save_merged(out.clone());
    h.run_steps(2);
    assert!(h.state().merge.window.is_none());
    let merged = store::load(&out).unwrap();
    assert_eq!(merged.agenda.len(), copy.agenda.len() + 1);
    let open = h.state().open.as_ref().expect("the merged session is open");
    assert_eq!(open.doc.session(), &merged);

    // Files from different sessions: refused until "Merge anyway".
    let other = dir.path().join("ander.ron");
    store::save(&other, &Session::new("Iets anders", Language::Nl)).unwrap();
    merge_view::merge_files(&mut h.state_mut().merge, vec![path.clone(), other]);
    h.run_steps(2);
    assert!(h.query_by_label_contains("Save merged session…").is_none());
    h.get_by_label("Merge anyway").click();
    h.run_steps(2);
    assert!(matches!(
        &h.state().merge.window,
        Some(Window::Preview(p)) if p.result.is_ok()
    ));
    assert!(h.query_by_label_contains("Save merged session…").is_some());
    h.run_steps(4);
    h.get_by_label("Cancel").click();
    h.run_steps(2);
    assert!(h.state().merge.window.is_none());
}

#[test]
fn every_conflict_kind_has_its_word_in_both_languages() {
    use stelling::model::merge::Conflicted;
    use stelling::ui::texts::{EN, NL};
    for (i, kind) in Conflicted::ALL.into_iter().enumerate() {
        assert_eq!(kind as usize, i);
        assert_eq!(EN.merge_kinds[i], kind.word());
        assert!(!NL.merge_kinds[i].is_empty());
    }
}

/// Each table's laptop presses N for a new round, counts a hand and notes a reaction; merged,
/// that is one round with every table's hands, not one half round per laptop.
#[test]
fn a_new_round_on_every_copy_merges_into_one_round() {
    use stelling::model::merge::merge;
    let dir = tempfile::tempdir().unwrap();
    let original = store::load(&example_copy(dir.path(), "stellingenworkshop.ron")).unwrap();
    let target = crate::support::first_proposition(&original);
    let item = original.agenda[target].clone();
    let option = item.options[0].id;
    let copies = split(&original);
    assert_eq!(copies.len(), 3);
    let mut recorded = Vec::new();
    for (n, copy) in copies.iter().enumerate() {
        let path = dir.path().join(format!("tafel {n}.ron"));
        store::save(&path, copy).unwrap();
        let mut h = harness(app_with(&path, Language::Nl));
        for _ in 0..target {
            press_mod(&mut h, Modifiers::NONE, Key::ArrowDown);
        }
        press_mod(&mut h, Modifiers::NONE, Key::N);
        press_mod(&mut h, Modifiers::NONE, Key::Num1);
        press_mod(&mut h, Modifiers::NONE, Key::R);
        h.event(egui::Event::Text(format!("Van tafel {n}")));
        h.run_steps(1);
        press_mod(&mut h, Modifiers::NONE, Key::Enter);
        let session = h.state().open.as_ref().unwrap().doc.session().clone();
        assert_eq!(
            session.item(item.id).unwrap().rounds.len(),
            item.rounds.len() + 1
        );
        recorded.push(session);
    }

    let m = merge(&recorded, false).unwrap();
    let rounds = &m.session.item(item.id).unwrap().rounds;
    let labels: Vec<&str> = rounds.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(rounds.len(), item.rounds.len() + 1, "{labels:?}");
    let new = rounds.last().unwrap();
    for (copy, g) in recorded.iter().zip(&original.groups) {
        assert_eq!(new.count(option, Some(g.id)), 1, "{}", g.name);
        let theirs = copy.item(item.id).unwrap().rounds.last().unwrap();
        assert_eq!(theirs.id, new.id, "every copy made the same round");
        assert!(new.started <= theirs.started);
    }
    assert_eq!(new.total(option), 3);
    assert_eq!(new.reactions.len(), 3);
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
}
