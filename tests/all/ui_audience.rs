//! The presenter's keys drive the audience view: open (F5), reveal and hide (V), blank (B),
//! quotes (Q) and the title slide (F6). In the test harness the second window is embedded in
//! the first, so everything the room would see can be queried.

use crate::support;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stelling::model::Language;
use stelling::store::examples::EXAMPLES;
use stelling::ui::App;

fn harness(dir: &std::path::Path) -> Harness<'static, App> {
    let app = support::app_with_example(dir, &EXAMPLES[0], Language::En);
    support::harness_sized(app, 1600.0, 1000.0)
}

fn press(h: &mut Harness<'_, App>, key: Key) {
    h.key_press(key);
    h.run_steps(2);
}

fn count(h: &Harness<'_, App>, text: &str) -> usize {
    h.query_all_by_label_contains(text).count()
}

#[test]
fn presenter_keys_drive_the_audience_view() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    let session = h.state().open.as_ref().unwrap().doc.session().clone();
    let target = crate::support::to_first_proposition(&mut h);
    let item = &session.agenda[target];
    let round = item.rounds.last().unwrap();
    let option = &item.options[0];
    // The audience labels a bar "<round>: <count> · <percent>%".
    let result = format!("{}: {} ·", round.label, round.total(option.id));

    let text_count = count(&h, &item.text);
    press(&mut h, Key::F5);
    assert!(h.state().open.as_ref().unwrap().view.beamer.open);
    assert_eq!(
        count(&h, &item.text),
        text_count + 1,
        "the audience shows the proposition"
    );
    assert_eq!(count(&h, &result), 0, "results stay hidden until revealed");

    press(&mut h, Key::V);
    assert_eq!(count(&h, &result), 1, "V reveals the results");
    press(&mut h, Key::V);
    assert_eq!(count(&h, &result), 0, "V hides them again");

    press(&mut h, Key::V);
    press(&mut h, Key::B);
    assert_eq!(count(&h, &result), 0, "B blanks the audience");
    assert_eq!(count(&h, &item.text), text_count, "nothing but black");
    press(&mut h, Key::B);
    assert_eq!(count(&h, &result), 1, "B again restores it");

    // Moving on hides the results for the next item.
    press(&mut h, Key::ArrowDown);
    let next = &session.agenda[target + 1];
    assert!(!h.state().open.as_ref().unwrap().view.beamer.state.revealed);
    assert!(
        count(&h, &next.text) >= 2,
        "presenter and audience both show the next item"
    );
    press(&mut h, Key::ArrowUp);

    // Quotes: Q shows a highlighted reaction of this item, large.
    let highlighted = item
        .reactions()
        .find(|r| r.highlighted)
        .expect("the example highlights a reaction");
    let quote = format!("“{}”", highlighted.text.trim());
    assert_eq!(count(&h, &quote), 0);
    press(&mut h, Key::Q);
    assert_eq!(
        count(&h, &quote),
        1,
        "Q puts the highlighted quote on the beamer"
    );

    // The title slide.
    let before = count(&h, &session.title);
    press(&mut h, Key::F6);
    assert_eq!(
        count(&h, &session.title),
        before + 1,
        "F6 shows the title slide"
    );

    // F5 closes the audience window (whose title bar named the session); nothing of it stays,
    // and the session is untouched.
    press(&mut h, Key::F5);
    assert_eq!(count(&h, &session.title), 0);
    assert_eq!(h.state().open.as_ref().unwrap().doc.session(), &session);
}
