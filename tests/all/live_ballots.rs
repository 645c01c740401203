//! The phone ballot rules, without a network: one ballot per device per round, a changed
//! answer moves it, late joiners, a new round starts empty, group picks, phones plus hands,
//! undo and redo leave phone ballots alone, and the file keeps them (and nothing else).

use super::support::live;
use stelling::model::*;

const SESSION: Id = Id(1);
const G1: Id = Id(10);
const G2: Id = Id(11);
const PROP: Id = Id(100);
const A: Id = Id(101);
const B: Id = Id(102);
const R1: Id = Id(110);
const R2: Id = Id(111);

fn session() -> Session {
    let mut s = Session::new("Live", Language::Nl);
    s.id = SESSION;
    live::add_groups(&mut s, &[(G1, "Tafel 1"), (G2, "Tafel 2")]);
    let item = live::proposition(
        &s,
        PROP,
        "Meer groen in de wijk",
        &[(A, "eens"), (B, "oneens")],
        vec![Round::new(R1, "Ronde 1")],
    );
    s.agenda.push(item);
    s
}

fn phone(n: u32) -> Device {
    Device::of(SESSION, &format!("{n:032x}"))
}

fn round(doc: &Document, id: Id) -> Round {
    doc.session().item(PROP).unwrap().round(id).unwrap().clone()
}

fn vote(doc: &mut Document, round: Id, n: u32, option: Id, group: Option<Id>) -> Cast {
    doc.cast_ballot(PROP, round, phone(n), option, group)
        .unwrap()
}

/// Round 1 with `hands` raised for A (no group) and phones 1, 2, … voting `phones`.
fn hands_and_phones<const N: usize>(hands: i64, phones: [Id; N]) -> Document {
    let mut doc = Document::new(session());
    doc.apply(Change::Tally {
        item: PROP,
        round: R1,
        option: A,
        group: None,
        delta: hands,
    })
    .unwrap();
    for (n, option) in (1..).zip(phones) {
        vote(&mut doc, R1, n, option, None);
    }
    doc
}

#[test]
fn one_ballot_per_device_per_round() {
    let mut doc = Document::new(session());
    assert_eq!(vote(&mut doc, R1, 1, A, None), Cast::New);
    let revision = doc.revision();
    // A double tap, a retry, a replay: nothing changes, not even the revision.
    for _ in 0..5 {
        assert_eq!(vote(&mut doc, R1, 1, A, None), Cast::Same);
    }
    assert_eq!(doc.revision(), revision);
    let r = round(&doc, R1);
    assert_eq!(r.ballots.len(), 1);
    assert_eq!(r.total(A), 1);
    assert_eq!(r.answers(), 1);
}

#[test]
fn a_changed_answer_moves_the_vote() {
    let mut doc = Document::new(session());
    vote(&mut doc, R1, 1, A, None);
    vote(&mut doc, R1, 2, A, None);
    let revision = doc.revision();
    assert_eq!(vote(&mut doc, R1, 1, B, None), Cast::Moved);
    assert!(doc.revision() > revision, "autosave sees the move");
    let r = round(&doc, R1);
    assert_eq!((r.total(A), r.total(B), r.answers()), (1, 1, 2));
    assert_eq!(r.ballot(&phone(1)).unwrap().option, B);
}

#[test]
fn a_late_joiner_counts_like_everyone_else() {
    let mut doc = Document::new(session());
    for n in 0..20 {
        vote(&mut doc, R1, n, A, None);
    }
    assert_eq!(vote(&mut doc, R1, 1000, B, None), Cast::New);
    let r = round(&doc, R1);
    assert_eq!((r.total(A), r.total(B)), (20, 1));
}

#[test]
fn a_new_round_starts_empty_and_the_old_one_keeps_its_ballots() {
    let mut doc = Document::new(session());
    vote(&mut doc, R1, 1, A, None);
    vote(&mut doc, R1, 2, A, None);
    doc.apply(Change::AddRound {
        item: PROP,
        index: 1,
        round: Box::new(Round::new(R2, "Ronde 2")),
    })
    .unwrap();
    assert_eq!(round(&doc, R2).answers(), 0, "the new round starts empty");
    assert_eq!(
        vote(&mut doc, R2, 1, B, None),
        Cast::New,
        "the same phone votes again"
    );
    assert_eq!(
        round(&doc, R1).total(A),
        2,
        "the earlier round is unchanged"
    );
    assert_eq!(round(&doc, R2).total(B), 1);
    // A ballot names its round: a late one for round 1 stays in round 1.
    vote(&mut doc, R1, 3, B, None);
    assert_eq!(round(&doc, R1).answers(), 3);
    assert_eq!(round(&doc, R2).answers(), 1);
}

#[test]
fn a_picked_group_counts_per_group() {
    let mut doc = Document::new(session());
    vote(&mut doc, R1, 1, A, Some(G1));
    vote(&mut doc, R1, 2, A, Some(G2));
    vote(&mut doc, R1, 3, B, Some(G2));
    let r = round(&doc, R1);
    assert_eq!(r.count(A, Some(G1)), 1);
    assert_eq!(r.count(A, Some(G2)), 1);
    assert_eq!(r.group_answers(Some(G2)), 2);
    let g2 = group_shares(&r, &doc.session().item(PROP).unwrap().options, Some(G2));
    assert_eq!(
        g2.iter().map(|s| s.tenths()).collect::<Vec<_>>(),
        [500, 500]
    );
    // Picking another table moves the ballot along.
    assert_eq!(
        doc.move_ballot_group(PROP, R1, &phone(1), Some(G2))
            .unwrap(),
        Cast::Moved
    );
    let r = round(&doc, R1);
    assert_eq!((r.count(A, Some(G1)), r.count(A, Some(G2))), (0, 2));
    assert_eq!(doc.session().device_groups().get(&phone(1)), Some(&G2));
    // An unknown group is refused.
    assert_eq!(
        doc.cast_ballot(PROP, R1, phone(9), A, Some(Id(77))),
        Err(BallotError::UnknownGroup)
    );
}

#[test]
fn totals_are_hands_plus_phones() {
    let doc = hands_and_phones(3, [A, B]);
    let r = round(&doc, R1);
    assert_eq!(
        (r.hand_answers(), r.phone_answers(), r.answers()),
        (3, 2, 5)
    );
    assert_eq!((r.hand_total(A), r.phone_total(A), r.total(A)), (3, 1, 4));
    let shares = round_shares(&r, &doc.session().item(PROP).unwrap().options);
    assert_eq!(shares.iter().map(|s| s.count).collect::<Vec<_>>(), [4, 1]);
    assert_eq!(
        shares.iter().map(|s| s.tenths()).collect::<Vec<_>>(),
        [800, 200]
    );
}

#[test]
fn undo_and_redo_leave_phone_ballots_alone() {
    let mut doc = hands_and_phones(2, [B, B]);
    // The facilitator undoes the hands: the phones stay.
    assert!(doc.undo());
    let r = round(&doc, R1);
    assert_eq!((r.hand_answers(), r.phone_answers()), (0, 2));
    assert!(!doc.can_undo(), "ballots are no undo steps");
    assert!(doc.redo());
    assert_eq!(round(&doc, R1).answers(), 4);

    // A change recorded before a ballot arrived (the agenda editor's copy of the item) does
    // not take the ballot away, nor does undoing it.
    let stale = doc.session().item(PROP).unwrap().clone();
    vote(&mut doc, R1, 3, A, None);
    let mut edited = stale;
    edited.text = "Meer bomen in de wijk".into();
    doc.apply(Change::ReplaceItem(Box::new(edited))).unwrap();
    assert_eq!(round(&doc, R1).phone_answers(), 3);
    assert!(doc.undo());
    assert_eq!(round(&doc, R1).phone_answers(), 3);

    // Undoing a new round that phones voted in keeps those ballots for the redo.
    doc.apply(Change::AddRound {
        item: PROP,
        index: 1,
        round: Box::new(Round::new(R2, "Ronde 2")),
    })
    .unwrap();
    vote(&mut doc, R2, 1, A, None);
    assert!(doc.undo());
    assert!(doc.session().item(PROP).unwrap().round(R2).is_none());
    assert!(doc.redo());
    assert_eq!(round(&doc, R2).phone_answers(), 1);
}

#[test]
fn ballots_survive_the_file_and_hold_no_token() {
    let mut doc = Document::new(session());
    let token = "0123456789abcdef0123456789abcdef";
    doc.cast_ballot(PROP, R1, Device::of(SESSION, token), A, Some(G1))
        .unwrap();
    vote(&mut doc, R1, 2, B, None);
    let text = stelling::store::to_ron(doc.session());
    assert!(text.contains("ballots"), "{text}");
    assert!(!text.contains(token), "the raw token is not stored");
    let back = stelling::store::parse(&text, std::path::Path::new("live.stelling")).unwrap();
    assert_eq!(&back, doc.session());
    let r = back.item(PROP).unwrap().round(R1).unwrap();
    assert_eq!(
        r.ballot(&Device::of(SESSION, token)).unwrap().group,
        Some(G1)
    );

    // A session without ballots writes no `ballots` at all, as before.
    let plain = stelling::store::to_ron(&session());
    assert!(!plain.contains("ballots"));
}

#[test]
fn a_device_key_is_salted_by_the_session() {
    let token = "0123456789abcdef0123456789abcdef";
    let here = Device::of(SESSION, token);
    assert_eq!(here, Device::of(SESSION, token));
    assert_ne!(here, Device::of(Id(2), token));
    assert_eq!(here.as_str().len(), 32);
    assert!(here.as_str().bytes().all(|b| b.is_ascii_hexdigit()));
}

#[test]
fn a_file_with_a_device_voting_twice_is_refused() {
    let mut s = session();
    let r = &mut s.agenda[0].rounds[0];
    for option in [A, B] {
        r.ballots.push(Ballot {
            device: phone(1),
            option,
            group: None,
        });
    }
    let text = stelling::store::to_ron(&s);
    assert!(stelling::store::parse(&text, std::path::Path::new("x.stelling")).is_err());
}
