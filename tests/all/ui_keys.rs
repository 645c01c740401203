//! Keyboard details of the run view that a facilitator notices at once when they go wrong:
//! modifiers that must not fire plain shortcuts, several presses in one frame, Shift+digit
//! on real keyboards, and text fields that must own the keyboard while they are open.

use crate::support;
use crate::support::{example_copy, press, press_mod, session};
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use stelling::model::{ItemKind, Language};
use stelling::store::{self};
use stelling::ui::App;

/// The session at `path` open in English.
fn harness(path: &Path) -> Harness<'static, App> {
    support::harness(support::app_with(path, Language::En))
}

fn current(h: &Harness<'_, App>) -> usize {
    h.state().open.as_ref().unwrap().view.current
}

/// A key going down (not a repeat) with `modifiers`, on the physical key `physical_key`.
fn key(key: Key, physical_key: Option<Key>, modifiers: Modifiers) -> Event {
    let (pressed, repeat) = (true, false);
    Event::Key {
        key,
        physical_key,
        pressed,
        repeat,
        modifiers,
    }
}

/// Runs one frame with exactly these events (the harness's own queue spreads events over
/// one frame each, which a real keyboard does not).
fn frame(h: &mut Harness<'_, App>, events: Vec<Event>) {
    h.input_mut().events.extend(events);
    h.step();
}

/// A key press as a real keyboard sends it: the key and the text it types, in one frame.
fn type_key(h: &mut Harness<'_, App>, k: Key, text: &str) {
    frame(
        h,
        vec![key(k, Some(k), Modifiers::NONE), Event::Text(text.into())],
    );
}

fn type_text(h: &mut Harness<'_, App>, text: &str) {
    h.event(Event::Text(text.into()));
    h.run_steps(1);
}

/// The workshop example in a harness, at the first proposition with reactions (see
/// [`to_proposition_with_reactions`]): the folder holding the copy, the copy, the harness
/// and that item's place.
fn workshop_at_reactions() -> (tempfile::TempDir, PathBuf, Harness<'static, App>, usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = example_copy(dir.path(), "stellingenworkshop.ron");
    let mut h = harness(&path);
    let target = to_proposition_with_reactions(&mut h);
    (dir, path, h, target)
}

/// Goes to the first proposition whose first round has reactions, and shows that round.
fn to_proposition_with_reactions(h: &mut Harness<'_, App>) -> usize {
    let s = session(h);
    let target = s
        .agenda
        .iter()
        .position(|i| {
            i.kind == ItemKind::Proposition
                && i.rounds.first().is_some_and(|r| r.reactions.len() >= 2)
        })
        .expect("the workshop example has a proposition with reactions");
    for _ in 0..target {
        press(h, Key::ArrowDown);
    }
    assert_eq!(current(h), target);
    for _ in 1..s.agenda[target].rounds.len() {
        press(h, Key::OpenBracket);
    }
    target
}

#[test]
fn three_quick_presses_in_one_frame_count_three() {
    let (_dir, _, mut h, target) = workshop_at_reactions();
    let item = session(&h).agenda[target].clone();
    let before = item.rounds[0].count(item.options[0].id, None);
    frame(
        &mut h,
        vec![key(Key::Num1, Some(Key::Num1), Modifiers::NONE); 3],
    );
    let after = session(&h).agenda[target].rounds[0].count(item.options[0].id, None);
    assert_eq!(after, before + 3);
}

#[test]
fn shift_digit_removes_on_a_us_keyboard_and_never_below_zero() {
    let (_dir, _, mut h, target) = workshop_at_reactions();
    // A fresh round starts at zero.
    press(&mut h, Key::N);
    let option = session(&h).agenda[target].options[0].id;
    let count = |h: &Harness<'_, App>| {
        session(h).agenda[target]
            .rounds
            .last()
            .unwrap()
            .count(option, None)
    };
    press(&mut h, Key::Num1);
    press(&mut h, Key::Num1);
    assert_eq!(count(&h), 2);
    // Shift+1 on a US layout arrives as `!` with the physical key 1.
    h.event(key(Key::Exclamationmark, Some(Key::Num1), Modifiers::SHIFT));
    h.run_steps(1);
    assert_eq!(count(&h), 1);
    let remove = key(Key::Exclamationmark, Some(Key::Num1), Modifiers::SHIFT);
    frame(&mut h, vec![remove; 4]);
    assert_eq!(count(&h), 0);
}

#[test]
fn alt_arrow_moves_the_reaction_and_stays_on_the_item() {
    let (_dir, _, mut h, target) = workshop_at_reactions();
    let reactions = |h: &Harness<'_, App>| {
        session(h).agenda[target].rounds[0]
            .reactions
            .iter()
            .map(|r| r.id)
            .collect::<Vec<_>>()
    };
    let before = reactions(&h);
    // S selects the newest reaction; Alt+Up moves it one up.
    press(&mut h, Key::S);
    press_mod(&mut h, Modifiers::ALT, Key::ArrowUp);
    assert_eq!(current(&h), target, "Alt+Up must not go to another item");
    let after = reactions(&h);
    let n = before.len();
    assert_eq!(after[n - 2], before[n - 1]);
    assert_eq!(after[n - 1], before[n - 2]);
}

#[test]
fn shift_q_closes_the_quotes_without_advancing_them() {
    let (_dir, _, mut h, _) = workshop_at_reactions();
    press(&mut h, Key::Q);
    let beamer = |h: &Harness<'_, App>| {
        let s = &h.state().open.as_ref().unwrap().view.beamer.state;
        (s.quotes, s.quote_index)
    };
    assert_eq!(beamer(&h), (true, 0));
    press_mod(&mut h, Modifiers::SHIFT, Key::Q);
    assert_eq!(beamer(&h), (false, 0));
}

#[test]
fn editing_a_reaction_owns_the_keyboard() {
    let (_dir, _, mut h, target) = workshop_at_reactions();
    let newest = || {
        let s = session(&h);
        s.agenda[target].rounds[0].reactions.last().unwrap().clone()
    };
    let original = newest();
    press(&mut h, Key::S);
    // E opens the editor; its own letter is not typed into it.
    type_key(&mut h, Key::E, "e");
    let editing = h.state().open.as_ref().unwrap().view.editing.clone();
    assert_eq!(
        editing.as_ref().map(|(_, t)| t.as_str()),
        Some(original.text.as_str())
    );
    // Backspace edits the text, it does not delete the reaction.
    press(&mut h, Key::Backspace);
    type_text(&mut h, "!");
    press_mod(&mut h, Modifiers::COMMAND, Key::Enter);
    let s = session(&h);
    let round = &s.agenda[target].rounds[0];
    let edited = round.reactions.iter().find(|r| r.id == original.id);
    let mut expected: String = original.text.clone();
    expected.pop();
    expected.push('!');
    assert_eq!(edited.map(|r| r.text.as_str()), Some(expected.as_str()));
    assert!(h.state().open.as_ref().unwrap().view.editing.is_none());
}

#[test]
fn the_first_letter_after_enter_lands_in_the_quote() {
    let (_dir, _, mut h, target) = workshop_at_reactions();
    press(&mut h, Key::Enter);
    type_text(&mut h, "Eerste citaat");
    press(&mut h, Key::Enter);
    // Straight on with the next quote: the very next frame's letters must not be lost.
    type_text(&mut h, "Tweede");
    press(&mut h, Key::Enter);
    // R opens the field without typing an "r".
    press(&mut h, Key::Escape);
    type_key(&mut h, Key::R, "r");
    type_text(&mut h, "Derde");
    press(&mut h, Key::Enter);
    let s = session(&h);
    let texts: Vec<_> = s.agenda[target].rounds[0]
        .reactions
        .iter()
        .rev()
        .take(3)
        .map(|r| r.text.clone())
        .collect();
    assert_eq!(texts, ["Derde", "Tweede", "Eerste citaat"]);
}

#[test]
fn renaming_a_round_commits_and_gives_the_keys_back() {
    let (_dir, _, mut h, target) = workshop_at_reactions();
    press(&mut h, Key::F2);
    // Select all, then type the new name.
    press_mod(&mut h, Modifiers::COMMAND, Key::A);
    type_text(&mut h, "Na de pauze");
    press(&mut h, Key::Enter);
    let label = session(&h).agenda[target].rounds[0].label.clone();
    assert_eq!(label, "Na de pauze");
    // The arrow keys move through the agenda again.
    press(&mut h, Key::ArrowDown);
    assert_eq!(current(&h), target + 1);
}

#[test]
fn a_statement_typed_before_moving_on_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_copy(dir.path(), "subgroepen-themas.ron");
    let mut h = harness(&path);
    let s = session(&h);
    let target = s
        .agenda
        .iter()
        .position(|i| i.kind == ItemKind::Statements && !i.themes.is_empty())
        .expect("the subgroups example has a statements grid");
    for _ in 0..target {
        press(&mut h, Key::ArrowDown);
    }
    // Click into the first cell of the grid and type, then click the next agenda item
    // without leaving the field first.
    h.get_all_by_role(egui::accesskit::Role::MultilineTextInput)
        .next()
        .expect("a statement cell")
        .click();
    h.run_steps(1);
    type_text(&mut h, "Minder vergaderen, meer doen");
    click_agenda_row(&mut h, target + 1);
    assert_eq!(current(&h), target + 1);
    let typed = "Minder vergaderen, meer doen";
    let kept = session(&h).agenda[target]
        .statements
        .iter()
        .any(|st| st.text.contains(typed));
    assert!(kept, "the typed statement was lost");
    // And it reached the file.
    h.state_mut().flush().unwrap();
    let on_disk = store::load(&path).unwrap();
    assert!(
        on_disk.agenda[target]
            .statements
            .iter()
            .any(|st| st.text.contains(typed))
    );
}

/// Clicks the agenda row of item `index` (0-based), as a facilitator does mid-sentence.
fn click_agenda_row(h: &mut Harness<'_, App>, index: usize) {
    let label = format!("{}. ", index + 1);
    h.get_all(egui_kittest::kittest::by().label_contains(&label))
        .next()
        .expect("the agenda row")
        .click();
    h.run_steps(2);
}

#[test]
fn a_reaction_typed_but_not_entered_stays_with_its_item() {
    let (_dir, _, mut h, target) = workshop_at_reactions();
    let before = session(&h).agenda[target].rounds[0].reactions.len();
    press(&mut h, Key::Enter);
    type_text(&mut h, "Half getypt, toen klikte ik weg");
    click_agenda_row(&mut h, target + 1);
    assert_eq!(current(&h), target + 1);
    let s = session(&h);
    let reactions = &s.agenda[target].rounds[0].reactions;
    assert_eq!(
        reactions.len(),
        before + 1,
        "stored on the item it was typed for"
    );
    assert_eq!(
        reactions.last().unwrap().text,
        "Half getypt, toen klikte ik weg"
    );
    assert!(h.state().open.as_ref().unwrap().view.capture.is_empty());
    // And nothing landed on the next item.
    assert!(
        !s.agenda[target + 1]
            .rounds
            .iter()
            .flat_map(|r| &r.reactions)
            .any(|r| r.text.starts_with("Half getypt"))
    );
}

#[test]
fn closing_the_session_keeps_a_reaction_still_in_the_field() {
    let (_dir, path, mut h, target) = workshop_at_reactions();
    press(&mut h, Key::Enter);
    type_text(&mut h, "Laatste woord");
    press_mod(&mut h, Modifiers::COMMAND, Key::W);
    assert!(h.state().open.is_none(), "back at the start screen");
    let on_disk = store::load(&path).unwrap();
    assert!(
        on_disk.agenda[target].rounds[0]
            .reactions
            .iter()
            .any(|r| r.text == "Laatste woord")
    );
}

#[test]
fn a_reaction_edit_is_kept_when_moving_on() {
    let (_dir, _, mut h, target) = workshop_at_reactions();
    let newest = session(&h).agenda[target].rounds[0]
        .reactions
        .last()
        .unwrap()
        .clone();
    press(&mut h, Key::S);
    type_key(&mut h, Key::E, "e");
    type_text(&mut h, " (aangevuld)");
    click_agenda_row(&mut h, target + 1);
    let s = session(&h);
    let edited = s.agenda[target].rounds[0]
        .reactions
        .iter()
        .find(|r| r.id == newest.id)
        .unwrap();
    assert_eq!(edited.text, format!("{} (aangevuld)", newest.text));
}

#[test]
fn a_half_typed_proposal_stays_with_its_item() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(&example_copy(dir.path(), "tafelgroepen-conferentie.ron"));
    let s = session(&h);
    let proposals = s
        .agenda
        .iter()
        .position(|i| i.kind == ItemKind::Proposals)
        .expect("the conference has a proposals item");
    for _ in 0..proposals {
        press(&mut h, Key::ArrowDown);
    }
    let forms = |h: &Harness<'_, App>| {
        let f = &h.state().open.as_ref().unwrap().view.forms;
        (f.proposal.title.clone(), f.commitment[0].clone())
    };
    h.state_mut()
        .open
        .as_mut()
        .unwrap()
        .view
        .forms
        .proposal
        .title = "Fietsroute langs de school".into();
    h.run_steps(1);
    press(&mut h, Key::ArrowDown);
    assert_eq!(forms(&h).0, "", "another item starts with an empty form");
    press(&mut h, Key::ArrowUp);
    assert_eq!(
        forms(&h).0,
        "Fietsroute langs de school",
        "and it comes back"
    );
}

#[test]
fn reactions_in_other_scripts_render_with_the_app_fonts() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_copy(dir.path(), "stellingenworkshop.ron");
    let mut app = support::app(Language::En);
    app.open_path(&path);
    // The harness fails on any glyph the fonts lack; the app's own fonts must cover these.
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(
            |ui, app: &mut App| {
                stelling::ui::apply_style(ui.ctx());
                app.show(ui)
            },
            app,
        );
    h.run_steps(2);
    let target = to_proposition_with_reactions(&mut h);
    press(&mut h, Key::Enter);
    type_text(&mut h, "Καλή ιδέα — хорошая идея — רעיון טוב — فكرة جيدة");
    press(&mut h, Key::Enter);
    h.run_steps(2);
    let s = session(&h);
    assert!(
        s.agenda[target].rounds[0]
            .reactions
            .iter()
            .any(|r| r.text.starts_with("Καλή ιδέα"))
    );
}

/// After `frames` (the events of each frame), the digit 1 as a keyboard types it: it must
/// count a hand, and no reaction may have been started or stored. `pending`: Enter was
/// pressed after the presenter window drew its field (in the audience window), so the field
/// takes the focus in the next frame.
fn escape_wins(pending: bool, frames: Vec<Vec<Event>>) {
    let (_dir, _, mut h, target) = workshop_at_reactions();
    let item = session(&h).agenda[target].clone();
    let before = item.rounds[0].count(item.options[0].id, None);
    h.state_mut().open.as_mut().unwrap().view.focus_capture = pending;
    for events in frames {
        frame(&mut h, events);
    }
    type_key(&mut h, Key::Num1, "1");
    h.run_steps(1);
    let after = session(&h).agenda[target].clone();
    let view = &h.state().open.as_ref().unwrap().view;
    assert_eq!(view.capture, "", "the digit went into the reaction field");
    assert!(!view.focus_capture, "the field still waits for the focus");
    assert_eq!(
        after.rounds[0].reactions.len(),
        item.rounds[0].reactions.len()
    );
    assert_eq!(after.rounds[0].count(item.options[0].id, None), before + 1);
}

#[test]
fn escape_in_the_same_frame_as_enter_keeps_the_field_closed() {
    let enter = key(Key::Enter, Some(Key::Enter), Modifiers::NONE);
    let escape = key(Key::Escape, Some(Key::Escape), Modifiers::NONE);
    escape_wins(false, vec![vec![enter, escape]]);
    let r = key(Key::R, Some(Key::R), Modifiers::NONE);
    let escape = key(Key::Escape, Some(Key::Escape), Modifiers::NONE);
    escape_wins(false, vec![vec![r, Event::Text("r".into()), escape]]);
}

#[test]
fn escape_in_the_frame_after_enter_closes_the_field() {
    let enter = key(Key::Enter, Some(Key::Enter), Modifiers::NONE);
    let escape = key(Key::Escape, Some(Key::Escape), Modifiers::NONE);
    escape_wins(false, vec![vec![enter], vec![escape]]);
}

#[test]
fn escape_before_the_field_took_the_focus_keeps_it_closed() {
    let escape = key(Key::Escape, Some(Key::Escape), Modifiers::NONE);
    escape_wins(true, vec![vec![escape]]);
}
