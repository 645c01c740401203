//! The run view driven through egui like a facilitator would: keys and clicks in, then the
//! model and the file on disk are checked.

use crate::support::{app_with, example_copy, harness, press, press_mod, session, settle};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use stelling::model::{ItemKind, Language, Session, Stance};
use stelling::store;

fn workshop_copy(dir: &Path) -> PathBuf {
    example_copy(dir, "stellingenworkshop.ron")
}

#[test]
fn a_whole_round_of_work_through_the_ui_reaches_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = workshop_copy(dir.path());
    let mut h = harness(app_with(&path, Language::En));

    // Move to the second proposition with the arrow keys.
    let start = session(&h);
    let props: Vec<usize> = start
        .agenda
        .iter()
        .enumerate()
        .filter(|(_, i)| i.kind == ItemKind::Proposition)
        .map(|(n, _)| n)
        .collect();
    let target = props[1];
    for _ in 0..target {
        press(&mut h, Key::ArrowDown);
    }
    assert_eq!(h.state().open.as_ref().unwrap().view.current, target);
    let item_id = start.agenda[target].id;
    let last_round = |s: &Session| s.item(item_id).unwrap().rounds.last().unwrap().clone();
    let before = last_round(&start);
    let opt = |n: usize| start.agenda[target].options[n].id;

    // Tallies with keys: 1 1 1 2, Shift+1 removes one again.
    for k in [Key::Num1, Key::Num1, Key::Num1, Key::Num2] {
        press(&mut h, k);
    }
    press_mod(&mut h, Modifiers::SHIFT, Key::Num1);
    let r = last_round(&session(&h));
    assert_eq!(r.count(opt(0), None), before.count(opt(0), None) + 2);
    assert_eq!(r.count(opt(1), None), before.count(opt(1), None) + 1);

    // And with the buttons: the third option's "+" button.
    h.get_all_by_label(" + ").nth(2).unwrap().click();
    h.run_steps(2);
    assert_eq!(
        last_round(&session(&h)).count(opt(2), None),
        before.count(opt(2), None) + 1
    );

    // Per group: G picks the first group, 2 counts there; totals follow.
    let group = start.groups[0].id;
    press(&mut h, Key::G);
    assert_eq!(h.state().open.as_ref().unwrap().view.group, Some(group));
    press(&mut h, Key::Num2);
    let r = last_round(&session(&h));
    assert_eq!(
        r.count(opt(1), Some(group)),
        before.count(opt(1), Some(group)) + 1
    );
    assert_eq!(r.total(opt(1)), before.total(opt(1)) + 2);
    press(&mut h, Key::Num0);

    // Three reactions with different stances, typed into the capture field.
    for (stance_key, text) in [
        (Key::Num1, "Dit helpt ouders écht"),
        (Key::Num2, "Te duur voor één school"),
        (Key::Num4, "Wie betaalt het na 2027?"),
    ] {
        press(&mut h, Key::R);
        press_mod(&mut h, Modifiers::COMMAND, stance_key);
        h.event(egui::Event::Text(text.into()));
        h.run_steps(1);
        press(&mut h, Key::Enter);
        // Enter keeps the field focused for the next quote; Escape leaves it.
        press(&mut h, Key::Escape);
    }
    let r = last_round(&session(&h));
    let added: Vec<_> = r
        .reactions
        .iter()
        .skip(before.reactions.len())
        .map(|x| (x.text.as_str(), x.stance))
        .collect();
    assert_eq!(
        added,
        [
            ("Dit helpt ouders écht", Stance::For),
            ("Te duur voor één school", Stance::Against),
            ("Wie betaalt het na 2027?", Stance::Question)
        ]
    );

    // A new round with N; the shift column appears with the first answer.
    let rounds_before = session(&h).item(item_id).unwrap().rounds.len();
    press(&mut h, Key::N);
    let s = session(&h);
    assert_eq!(s.item(item_id).unwrap().rounds.len(), rounds_before + 1);
    assert_eq!(
        s.item(item_id).unwrap().rounds.last().unwrap().label,
        (stelling::model::words::words(s.language).session.round)(rounds_before + 1),
        "the label speaks the session's language, as the beamer does"
    );
    assert!(
        h.query_by_label("Shift").is_none(),
        "no shift against a round nobody has answered yet"
    );
    press(&mut h, Key::Num1);
    assert_eq!(last_round(&session(&h)).total(opt(0)), 1);
    assert!(h.query_by_label("Shift").is_some());

    // Undo the tally and the round, redo the round.
    press_mod(&mut h, Modifiers::COMMAND, Key::Z);
    press_mod(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        session(&h).item(item_id).unwrap().rounds.len(),
        rounds_before
    );
    press_mod(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(
        session(&h).item(item_id).unwrap().rounds.len(),
        rounds_before + 1
    );
    assert_eq!(last_round(&session(&h)).total(opt(0)), 0);

    // Switch the UI to Dutch by clicking, looking at the previous round (it has a shift).
    press(&mut h, Key::OpenBracket);
    h.get_by_label("Nederlands").click();
    h.run_steps(2);
    assert_eq!(h.state().language(), Language::Nl);
    assert!(h.query_by_label("Verschuiving").is_some());

    // Everything is on disk.
    settle(&mut h);
    let on_disk = store::load(&path).unwrap();
    assert_eq!(on_disk, session(&h));
    assert_eq!(
        on_disk.item(item_id).unwrap().rounds.len(),
        rounds_before + 1
    );
}

#[test]
fn a_failed_save_warns_and_loses_nothing_once_saving_works_again() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("usb");
    std::fs::create_dir(&dir).unwrap();
    let path = workshop_copy(&dir);
    let mut h = harness(app_with(&path, Language::En));
    crate::support::to_first_proposition(&mut h);

    // The stick is pulled: the folder is gone.
    std::fs::rename(&dir, root.path().join("elsewhere")).unwrap();
    press(&mut h, Key::Num1);
    press(&mut h, Key::Num1);
    settle(&mut h);
    assert!(
        h.query_by_label_contains("NOT SAVED").is_some(),
        "the warning shows"
    );
    let expected = session(&h);

    // More work while it is failing stays in memory too.
    press(&mut h, Key::Num2);
    let expected_after = session(&h);
    assert_ne!(expected, expected_after);

    // The stick comes back; the retry saves everything.
    std::fs::rename(root.path().join("elsewhere"), &dir).unwrap();
    std::thread::sleep(store::RETRY_INTERVAL);
    settle(&mut h);
    assert!(
        h.query_by_label_contains("NOT SAVED").is_none(),
        "the warning goes once saved"
    );
    assert_eq!(store::load(&path).unwrap(), expected_after);
}

#[test]
fn start_screen_lists_examples_and_opens_one() {
    let home = tempfile::tempdir().unwrap();
    let mut app = crate::support::app(Language::Nl);
    app.sessions_dir = home.path().to_path_buf();
    let mut h = harness(app);
    assert!(h.query_by_label("Welkom bij Stelling").is_some());
    h.get_by_label_contains("stellingenworkshop.ron").click();
    h.run_steps(2);
    let open = h.state().open.as_ref().expect("the example opened");
    assert!(
        open.autosave.path().starts_with(home.path()),
        "a copy in the user's folder is opened, not the shipped file"
    );
    assert!(!open.doc.session().agenda.is_empty());
}
