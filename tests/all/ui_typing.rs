//! Typing into the capture forms must never reach the one-key shortcuts: after a form's
//! button the keyboard is back in the form's first field, Tab stays inside the form, and a
//! sentence full of b, t, r, v, q, spaces and Tabs leaves the beamer, the timers, the tallies
//! and the language alone.

use crate::support::session;
use crate::support::{app_with, example_copy, harness_sized};
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{Queryable, by};
use std::path::Path;
use stelling::model::{Id, ItemKind, Language};
use stelling::ui::App;

/// The conference example, with proposals and commitments to fill in.
fn harness(dir: &Path) -> Harness<'static, App> {
    harness_of(dir, "tafelgroepen-conferentie.ron")
}

fn harness_of(dir: &Path, example: &str) -> Harness<'static, App> {
    let app = app_with(&example_copy(dir, example), Language::En);
    harness_sized(app, 1400.0, 3000.0)
}

/// The open session's form drafts (their type is private to the app).
macro_rules! forms {
    ($h:expr) => {
        $h.state_mut().open.as_mut().unwrap().view.forms
    };
}

/// Goes down to the first item of `kind` and returns its index.
fn go_to(h: &mut Harness<'_, App>, kind: ItemKind) -> usize {
    let target = session(h)
        .agenda
        .iter()
        .position(|i| i.kind == kind)
        .expect("the example has this kind of item");
    let current = h.state().open.as_ref().unwrap().view.current;
    for _ in current..target {
        h.key_press(Key::ArrowDown);
        h.run_steps(1);
    }
    target
}

fn first_proposal(h: &Harness<'_, App>, item: usize) -> Id {
    session(h).agenda[item].proposals[0].id
}

/// The conference example at its proposals item: the folder holding the copy, the harness,
/// the item's place and its first proposal.
fn at_first_proposal() -> (tempfile::TempDir, Harness<'static, App>, usize, Id) {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    let item = go_to(&mut h, ItemKind::Proposals);
    let proposal = first_proposal(&h, item);
    (dir, h, item, proposal)
}

/// Clicks the first button whose label contains `label`.
fn click(h: &mut Harness<'_, App>, label: &str) {
    h.get_all(
        by().role(egui::accesskit::Role::Button)
            .label_contains(label),
    )
    .next()
    .unwrap_or_else(|| panic!("a button {label:?}"))
    .click();
    h.run_steps(2);
}

/// One frame with exactly these events, as a real keyboard sends them.
fn frame(h: &mut Harness<'_, App>, events: Vec<Event>) {
    h.input_mut().events.extend(events);
    h.step();
}

fn key_event(key: Key, modifiers: Modifiers) -> Event {
    Event::Key {
        key,
        physical_key: Some(key),
        pressed: true,
        repeat: false,
        modifiers,
    }
}

fn press(h: &mut Harness<'_, App>, modifiers: Modifiers, key: Key) {
    frame(h, vec![key_event(key, modifiers)]);
    h.run_steps(1);
}

/// Types `text` one key at a time: each letter, digit and space as its key press plus the
/// text it makes, `\t` as a bare Tab.
fn type_keys(h: &mut Harness<'_, App>, text: &str) {
    for c in text.chars() {
        let named = match c {
            ' ' => Some(Key::Space),
            '\t' => Some(Key::Tab),
            ',' => Some(Key::Comma),
            '.' => Some(Key::Period),
            '-' => Some(Key::Minus),
            c => Key::from_name(&c.to_ascii_uppercase().to_string()),
        };
        let mut events: Vec<Event> = named
            .map(|k| key_event(k, Modifiers::NONE))
            .into_iter()
            .collect();
        if c != '\t' {
            events.push(Event::Text(c.to_string()));
        }
        frame(h, events);
    }
    h.run_steps(2);
}

#[test]
fn after_each_form_button_the_next_text_lands_in_the_first_field() {
    let (_dir, mut h, item, proposal) = at_first_proposal();

    forms!(h).action.entry(proposal).or_default()[0] = "Eerste actie".into();
    h.run_steps(1);
    click(&mut h, "Add action");
    type_keys(&mut h, "Tweede actie");
    assert_eq!(forms!(h).action[&proposal][0], "Tweede actie");
    let actions = &session(&h).agenda[item].proposals[0].actions;
    assert!(actions.iter().any(|a| a.text == "Eerste actie"));

    forms!(h).feedback.entry(proposal).or_default().0 = "Eerste feedback".into();
    h.run_steps(1);
    click(&mut h, "Add feedback");
    type_keys(&mut h, "Tweede feedback");
    assert_eq!(forms!(h).feedback[&proposal].0, "Tweede feedback");
    let feedback = &session(&h).agenda[item].proposals[0].feedback;
    assert!(feedback.iter().any(|f| f.text == "Eerste feedback"));

    forms!(h).proposal.title = "Eerste voorstel".into();
    h.run_steps(1);
    click(&mut h, "Add proposal");
    type_keys(&mut h, "Tweede voorstel");
    assert_eq!(forms!(h).proposal.title, "Tweede voorstel");
    let proposals = &session(&h).agenda[item].proposals;
    assert!(proposals.iter().any(|p| p.title == "Eerste voorstel"));

    // Leave the half-typed proposal behind and go to the commitments.
    forms!(h).proposal.title.clear();
    press(&mut h, Modifiers::NONE, Key::Escape);
    let item = go_to(&mut h, ItemKind::Commitments);
    forms!(h).commitment[0] = "Anna".into();
    forms!(h).commitment[2] = "Bellen".into();
    h.run_steps(1);
    click(&mut h, "Add commitment");
    type_keys(&mut h, "Bert");
    assert_eq!(forms!(h).commitment[0], "Bert");
    let commitments = &session(&h).agenda[item].commitments;
    assert!(commitments.iter().any(|c| c.person == "Anna"));
}

/// What the room sees and what counts: none of it may change by typing into a form.
#[derive(Debug, PartialEq)]
struct Room {
    beamer: String,
    timers: String,
    tallies: String,
    language: Language,
}

fn room(h: &Harness<'_, App>) -> Room {
    let open = h.state().open.as_ref();
    let view = &open.expect("the session is still open").view;
    let rounds: Vec<_> = session(h).agenda.iter().map(|i| i.rounds.clone()).collect();
    Room {
        beamer: format!("{:?} {}", view.beamer.state, view.beamer.open),
        timers: format!("{:?}", view.timers),
        tallies: format!("{rounds:?}"),
        language: h.state().language(),
    }
}

/// A sentence with every dangerous letter, spaces and Tabs between the fields, and then more
/// Tabs and spaces than the form has fields.
const SENTENCE: &str =
    "Ook tabletten voor iedereen, b.v. ruim op tijd\tBart Vos\t12-12-2027\t \t \t \t \t \tq";

#[test]
fn typing_a_sentence_in_any_form_changes_nothing_the_room_sees() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    go_to(&mut h, ItemKind::Proposals);
    for button in ["Add action", "Add feedback", "Add proposal"] {
        let before = room(&h);
        // An empty form's button adds nothing, but puts the keyboard in the form.
        click(&mut h, button);
        type_keys(&mut h, SENTENCE);
        assert_eq!(room(&h), before, "typing into the form of {button:?}");
        press(&mut h, Modifiers::NONE, Key::Escape);
    }
    forms!(h).proposal = Default::default();
    go_to(&mut h, ItemKind::Commitments);
    let before = room(&h);
    click(&mut h, "Add commitment");
    type_keys(&mut h, SENTENCE);
    assert_eq!(room(&h), before, "typing into the commitment form");
}

/// After a click took the keyboard away from a half-filled field: typing `keys` changes
/// nothing the room sees (`why` names the case). Returns what the room saw.
#[track_caller]
fn held_without_focus(h: &mut Harness<'_, App>, keys: &str, why: &str) -> Room {
    h.run_steps(2);
    let focused = h.ctx.egui_wants_keyboard_input();
    assert!(!focused, "{why}: the click took the focus away");
    let before = room(h);
    type_keys(h, keys);
    assert_eq!(room(h), before, "{why}");
    before
}

#[test]
fn text_left_in_a_form_holds_the_shortcuts_until_escape() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    go_to(&mut h, ItemKind::Proposals);
    click(&mut h, "Add proposal");
    type_keys(&mut h, "Half");
    // The field loses the keyboard (a click elsewhere) with text still in it.
    h.get_by_label("Add proposal").click();
    held_without_focus(&mut h, "bv", "a half-filled form holds the keys");
    let hint = stelling::ui::texts(Language::En).keys_wait_for_form;
    assert!(h.query_by_label(hint).is_some(), "and says so");
    press(&mut h, Modifiers::NONE, Key::Escape);
    type_keys(&mut h, "b");
    let view = &h.state().open.as_ref().unwrap().view;
    assert!(
        view.beamer.state.blank,
        "after Esc the shortcuts work again"
    );
    assert_eq!(view.forms.proposal.title, "Half", "Esc keeps the draft");
}

#[test]
fn enter_submits_a_one_line_form_and_ctrl_enter_one_with_a_multi_line_field() {
    let (_dir, mut h, item, proposal) = at_first_proposal();
    click(&mut h, "Add action");
    type_keys(&mut h, "Bel de school");
    press(&mut h, Modifiers::NONE, Key::Enter);
    let actions = &session(&h).agenda[item].proposals[0].actions;
    assert!(actions.iter().any(|a| a.text == "Bel de school"));
    type_keys(&mut h, "Nog een");
    assert_eq!(forms!(h).action[&proposal][0], "Nog een", "keyboard stays");
    forms!(h).action.clear();

    press(&mut h, Modifiers::NONE, Key::Escape);
    click(&mut h, "Add proposal");
    type_keys(&mut h, "Een loket\tVoor alle vragen");
    // Enter in the description is a new line, not the end of the proposal.
    press(&mut h, Modifiers::NONE, Key::Enter);
    let count = session(&h).agenda[item].proposals.len();
    press(&mut h, Modifiers::COMMAND, Key::Enter);
    let proposals = &session(&h).agenda[item].proposals;
    assert_eq!(proposals.len(), count + 1);
    assert_eq!(proposals.last().unwrap().title, "Een loket");
    type_keys(&mut h, "Volgende");
    assert_eq!(forms!(h).proposal.title, "Volgende");
}

#[test]
fn a_reaction_left_half_typed_holds_the_timer_and_the_reaction_keys() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_of(dir.path(), "stellingenworkshop.ron");
    go_to(&mut h, ItemKind::Proposition);
    press(&mut h, Modifiers::NONE, Key::R);
    type_keys(&mut h, "Meer tijd");
    // A click elsewhere takes the keyboard away with the reaction not yet entered.
    h.get_all(by().label_contains("Reactions —"))
        .next()
        .unwrap()
        .click();
    let before = held_without_focus(&mut h, " voor tafels", "T, R and B wait for the reaction");
    press(&mut h, Modifiers::NONE, Key::Escape);
    type_keys(&mut h, "t");
    let view = &h.state().open.as_ref().unwrap().view;
    assert_ne!(
        room(&h).timers,
        before.timers,
        "after Esc T starts the timer"
    );
    assert_eq!(view.capture, "Meer tijd", "and the reaction is still there");
}

#[test]
fn tab_goes_round_inside_the_form_in_the_order_it_is_drawn() {
    let (_dir, mut h, item, proposal) = at_first_proposal();
    click(&mut h, "Add action");
    // Action, owner, due date, the button, and round to the action again.
    type_keys(&mut h, "Bellen\tAnna\t\t\t en mailen");
    assert_eq!(
        forms!(h).action[&proposal],
        ["Bellen en mailen", "Anna", ""]
    );
    // Shift+Tab from the first field goes to the button; Space presses it.
    press(&mut h, Modifiers::SHIFT, Key::Tab);
    type_keys(&mut h, " ");
    let actions = &session(&h).agenda[item].proposals[0].actions;
    assert!(
        actions
            .iter()
            .any(|a| a.text == "Bellen en mailen" && a.owner == "Anna")
    );
    type_keys(&mut h, "Daarna");
    assert_eq!(forms!(h).action[&proposal][0], "Daarna");
}
