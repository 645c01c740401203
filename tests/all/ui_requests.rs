//! The screens ask, the app acts: requests carried out by `App::carry_out`, and a click on a
//! screen that becomes one.

use crate::support::{self, harness};
use egui_kittest::kittest::Queryable;
use stelling::model::{Change, Id, Language};
use stelling::store::examples::EXAMPLES;
use stelling::ui::{Request, Screen};

#[test]
fn the_app_carries_out_requests_in_order_and_keeps_the_view_valid() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = support::app_with_example(dir.path(), &EXAMPLES[0], Language::En);
    let before = app.open.as_ref().unwrap().doc.session().clone();
    let last = before.agenda.len() - 1;
    app.open.as_mut().unwrap().view.current = last;
    app.carry_out([
        Request::Apply(Change::RemoveItem(before.agenda[last].id)),
        Request::Show(Screen::Report),
        Request::SetLanguage(Language::Nl),
    ]);
    let open = app.open.as_ref().unwrap();
    assert_eq!(open.doc.session().agenda.len(), last);
    assert_eq!(
        open.view.current,
        last - 1,
        "the view follows the removed item"
    );
    assert_eq!(open.view.screen, Screen::Report);
    assert_eq!(app.language(), Language::Nl);
    assert!(app.message.is_none(), "{:?}", app.message);

    // Through the undo history, like every change.
    app.undo();
    assert_eq!(app.open.as_ref().unwrap().doc.session(), &before);

    // A refused change is said, never lost silently.
    app.carry_out([Request::Apply(Change::RemoveItem(Id(u64::MAX)))]);
    assert!(app.message.is_some());
    assert_eq!(app.open.as_ref().unwrap().doc.session(), &before);

    app.carry_out([Request::CloseSession]);
    assert!(app.open.is_none());
}

#[test]
fn a_click_on_the_start_screen_is_a_request_the_app_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::example_copy(dir.path(), EXAMPLES[0].file_name);
    let mut app = support::app(Language::En);
    app.settings.recent = vec![path.clone()];
    let mut h = harness(app);
    assert!(h.state().open.is_none(), "the start screen shows");
    let name = path.file_stem().unwrap().to_string_lossy().into_owned();
    h.get_by_label(&name).click();
    h.run_steps(2);
    let open = h.state().open.as_ref().expect("the recent session is open");
    assert!(stelling::store::same_file(open.autosave.path(), &path));
}
