//! What the phones see for each thing the facilitator does: the current item's question,
//! an info slide, waiting, a blank screen; voting opens when a round becomes current and
//! results appear only after the reveal.

use stelling::live::{Room, Screen, View};
use stelling::model::*;

fn session() -> (Session, Id, Id, Id) {
    let mut s = Session::new("Room", Language::Nl);
    let prop = Item::new(&s, ItemKind::Proposition, "Stelling");
    let (p, r) = (prop.id, prop.rounds[0].id);
    s.agenda.push(prop);
    let info = Item::new(&s, ItemKind::Info, "Pauze tot 11 uur");
    let i = info.id;
    s.agenda.push(info);
    (s, p, r, i)
}

#[test]
fn the_screen_follows_the_facilitator() {
    let (mut s, p, r, i) = session();
    let mut view = View::default();
    assert_eq!(Room::of(&s, &view).screen, Screen::Wait);

    view.show(Some(p), Some(r));
    let room = Room::of(&s, &view);
    assert_eq!(room.screen, Screen::Question);
    assert_eq!(
        room.open_round(),
        Some((p, r)),
        "voting opens on the current round"
    );
    assert!(room.results.is_none(), "no results before the reveal");

    view.open = false;
    assert_eq!(Room::of(&s, &view).open_round(), None);
    view.show(Some(p), Some(r));
    assert!(
        !view.open,
        "showing the same round again does not reopen it"
    );

    let option = s.agenda[0].options[0].id;
    s.cast_ballot(p, r, Device::of(s.id, "a"), option, None)
        .unwrap();
    view.revealed = true;
    let results = Room::of(&s, &view).results.unwrap();
    assert_eq!(results.total, 1);
    assert_eq!(results.options[0].count, 1);
    assert_eq!(results.options[0].share, "100,0%");

    view.blank = true;
    let blank = Room::of(&s, &view);
    assert_eq!(blank.screen, Screen::Blank);
    assert!(blank.item.is_none() && blank.round.is_none() && blank.results.is_none());

    view.blank = false;
    view.show(Some(i), None);
    let info = Room::of(&s, &view);
    assert_eq!(info.screen, Screen::Info);
    assert_eq!(info.item.unwrap().text, "Pauze tot 11 uur");
    assert!(info.round.is_none());
    assert!(!view.revealed, "another item hides the results again");
}
