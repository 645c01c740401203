//! Behaviour of the domain model through its public API: every `Change` applies, its inverse
//! restores the exact previous session, refused changes leave the session untouched, and the
//! invariants hold. Plus `Document` (undo/redo) and `Commitment::default_follow_up`.

use chrono::{FixedOffset, NaiveDate, NaiveTime, TimeZone};
use proptest::prelude::*;
use stelling::model::ModelError::*;
use stelling::model::validate;
use stelling::model::*;

// ---------------------------------------------------------------------------------------------
// A sample session with fixed ids, so tests can name everything.

const SESSION: Id = Id(1);
const G1: Id = Id(10);
const G2: Id = Id(11);
const G_UNUSED: Id = Id(12);

const PROP: Id = Id(100);
const OPT_A: Id = Id(101);
const OPT_B: Id = Id(102);
const OPT_C: Id = Id(103);
const R1: Id = Id(110);
const R2: Id = Id(111);
const RE1: Id = Id(120);
const RE2: Id = Id(121);
const RE3: Id = Id(122);

const QUESTION: Id = Id(200);
const Q_ROUND: Id = Id(210);
const Q_REACTION: Id = Id(220);

const PROPOSALS: Id = Id(300);
const PR_ROUND: Id = Id(310);
const PROPOSAL: Id = Id(320);
const ACTION: Id = Id(321);
const FEEDBACK: Id = Id(322);

const COMMITMENTS: Id = Id(400);
const C_ROUND: Id = Id(410);
const COMMITMENT: Id = Id(420);

const STATEMENTS: Id = Id(500);
const S_ROUND: Id = Id(510);
const THEME_USED: Id = Id(520);
const THEME_FREE: Id = Id(521);
const STATEMENT: Id = Id(530);

const INFO: Id = Id(600);
const I_ROUND: Id = Id(610);

/// An id nothing in the sample uses.
const NOPE: Id = Id(999_999);

fn ts(h: u32, m: u32) -> Timestamp {
    FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2026, 11, 23, h, m, 0)
        .unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn reaction(id: Id, text: &str, group: Option<Id>) -> Reaction {
    crate::support::reaction(id, text, Stance::Neutral, group)
}

fn item(id: Id, kind: ItemKind, text: &str, round: Id) -> Item {
    Item {
        id,
        kind,
        text: text.into(),
        options: Vec::new(),
        notes: String::new(),
        planned_minutes: None,
        rounds: vec![Round::new(round, "Ronde 1")],
        proposals: Vec::new(),
        commitments: Vec::new(),
        themes: Vec::new(),
        statements: Vec::new(),
    }
}

fn sample() -> Session {
    let mut s = Session::new("Werksessie", Language::Nl);
    s.id = SESSION;
    s.date = Some(date(2026, 11, 23));
    s.start_time = NaiveTime::from_hms_opt(13, 30, 0);
    s.end_time = NaiveTime::from_hms_opt(17, 0, 0);
    s.place = "Gemeentehuis".into();
    s.facilitators = vec!["Anna".into(), "Bram".into()];
    s.groups = vec![
        Group {
            id: G1,
            name: "Tafel 1".into(),
            size: Some(8),
        },
        Group {
            id: G2,
            name: "Tafel 2".into(),
            size: None,
        },
        Group {
            id: G_UNUSED,
            name: "Leeg".into(),
            size: Some(3),
        },
    ];

    let mut p = item(PROP, ItemKind::Proposition, "Het dorp wordt autovrij", R1);
    let option = |id, label: &str| ResponseOption {
        id,
        label: label.into(),
    };
    p.options = vec![
        option(OPT_A, "Eens"),
        option(OPT_B, "Oneens"),
        option(OPT_C, "Twijfel"),
    ];
    p.rounds[0].started = Some(ts(13, 40));
    p.rounds[0].ended = Some(ts(13, 50));
    p.rounds[0].tallies = vec![
        Tally {
            option: OPT_A,
            group: Some(G1),
            count: 3,
        },
        Tally {
            option: OPT_A,
            group: None,
            count: 2,
        },
        Tally {
            option: OPT_B,
            group: Some(G2),
            count: 4,
        },
    ];
    p.rounds[0].reactions = vec![
        reaction(RE1, "Goed idee", Some(G1)),
        reaction(RE2, "Maar de bakker dan?", None),
        reaction(RE3, "Eerst proberen", Some(G2)),
    ];
    p.rounds.push(Round::new(R2, "Ronde 2"));
    s.agenda.push(p);

    let mut q = item(QUESTION, ItemKind::Question, "Wat mist er?", Q_ROUND);
    q.rounds[0]
        .reactions
        .push(reaction(Q_REACTION, "Een bankje", None));
    s.agenda.push(q);

    let mut pr = item(PROPOSALS, ItemKind::Proposals, "Verbeteringen", PR_ROUND);
    pr.proposals.push(Proposal {
        id: PROPOSAL,
        group: Some(G1),
        title: "Meer groen".into(),
        description: "Bomen op het plein".into(),
        actions: vec![Action {
            id: ACTION,
            text: "Plan maken".into(),
            owner: "Kees".into(),
            due: Some(date(2027, 1, 1)),
        }],
        feedback: vec![Feedback {
            id: FEEDBACK,
            from_group: Some(G2),
            text: "Ja!".into(),
        }],
    });
    s.agenda.push(pr);

    let mut c = item(COMMITMENTS, ItemKind::Commitments, "Wie doet wat", C_ROUND);
    c.commitments.push(Commitment {
        id: COMMITMENT,
        person: "Els".into(),
        organisation: "Buurtvereniging".into(),
        action: "Flyers".into(),
        start: Some(date(2026, 12, 1)),
        follow_up: Some(date(2027, 2, 1)),
    });
    s.agenda.push(c);

    let mut st = item(STATEMENTS, ItemKind::Statements, "Uitspraken", S_ROUND);
    st.themes = vec![
        Theme {
            id: THEME_USED,
            name: "Verkeer".into(),
        },
        Theme {
            id: THEME_FREE,
            name: "Groen".into(),
        },
    ];
    st.statements.push(Statement {
        id: STATEMENT,
        theme: THEME_USED,
        group: Some(G1),
        text: "Minder auto's".into(),
    });
    s.agenda.push(st);

    s.agenda.push(item(INFO, ItemKind::Info, "Pauze", I_ROUND));

    validate::session(&s).expect("the sample session is valid");
    s
}

// ---------------------------------------------------------------------------------------------
// Helpers that make every test check the same three promises.

/// Applies `change`, checks it changed something and stays valid, then checks that the inverse
/// restores the exact previous session and that the inverse of the inverse redoes the change.
/// Returns the session as it was after the change.
#[track_caller]
fn roundtrip(s: &mut Session, change: Change) -> Session {
    let before = s.clone();
    let inverse = s.apply(change).expect("the change applies");
    let after = s.clone();
    assert_ne!(after, before, "the change changed nothing");
    validate::session(s).expect("the session stays valid");
    let redo = s.apply(inverse).expect("the inverse applies");
    assert_eq!(
        *s, before,
        "the inverse restores the exact previous session"
    );
    s.apply(redo).expect("the redo applies");
    assert_eq!(*s, after, "the inverse of the inverse redoes the change");
    after
}

/// Checks that `change` is refused with `expected` and leaves the session exactly as it was.
#[track_caller]
fn refused(s: &mut Session, change: Change, expected: ModelError) {
    let before = s.clone();
    let case = format!("{change:?}");
    assert_eq!(s.apply(change), Err(expected), "{case}");
    assert_eq!(
        *s, before,
        "{case}: a refused change leaves the session unchanged"
    );
}

/// A tally of one hand for `option` in `round` of `item`, anywhere in the sample.
fn tally_in(item: Id, round: Id, option: Id) -> Change {
    Change::Tally {
        item,
        round,
        option,
        group: None,
        delta: 1,
    }
}

fn find_item(s: &Session, id: Id) -> &Item {
    s.item(id).expect("item exists")
}

fn find_round(s: &Session, item: Id, round: Id) -> &Round {
    find_item(s, item).round(round).expect("round exists")
}

fn tally(option: Id, group: Option<Id>, delta: i64) -> Change {
    Change::Tally {
        item: PROP,
        round: R1,
        option,
        group,
        delta,
    }
}

// ---------------------------------------------------------------------------------------------
// SetDetails

fn details_of(s: &Session) -> Details {
    s.details()
}

#[test]
fn set_details_applies_and_undoes() {
    let mut s = sample();
    let mut d = details_of(&s);
    d.title = "Nieuwe titel".into();
    d.date = Some(date(2027, 3, 4));
    d.start_time = NaiveTime::from_hms_opt(9, 0, 0);
    d.end_time = NaiveTime::from_hms_opt(9, 0, 0);
    d.place = "Online".into();
    d.facilitators = vec!["Carla".into()];
    d.language = Language::En;
    d.participants = Some(42);
    d.notes = "Koffie regelen".into();
    let after = roundtrip(&mut s, Change::SetDetails(Box::new(d.clone())));
    assert_eq!(after.details(), d);
    assert_eq!(after.title, "Nieuwe titel");
    assert_eq!(after.language, Language::En);
    assert_eq!(after.participants, Some(42));
    assert_eq!(
        after.agenda,
        sample().agenda,
        "details leave the agenda alone"
    );
}

#[test]
fn set_details_refuses_end_before_start() {
    let mut s = sample();
    let mut d = details_of(&s);
    d.title = "changed".into();
    d.start_time = NaiveTime::from_hms_opt(17, 0, 0);
    d.end_time = NaiveTime::from_hms_opt(16, 59, 59);
    refused(
        &mut s,
        Change::SetDetails(Box::new(d)),
        SessionEndBeforeStart,
    );
}

// ---------------------------------------------------------------------------------------------
// Groups

#[test]
fn add_group_inserts_at_index_and_clamps() {
    let mut s = sample();
    let g = Group {
        id: Id(50),
        name: "Tafel 0".into(),
        size: Some(5),
    };
    let after = roundtrip(
        &mut s,
        Change::AddGroup {
            index: 0,
            group: g.clone(),
        },
    );
    assert_eq!(after.groups[0], g);
    assert_eq!(after.groups.len(), 4);

    let mut s = sample();
    let after = roundtrip(
        &mut s,
        Change::AddGroup {
            index: 99,
            group: g.clone(),
        },
    );
    assert_eq!(after.groups.last(), Some(&g));
}

#[test]
fn add_group_refuses_used_id_anywhere() {
    let mut s = sample();
    for used in [
        G1, SESSION, PROP, OPT_B, R2, RE3, PROPOSAL, ACTION, FEEDBACK, COMMITMENT, THEME_FREE,
        STATEMENT,
    ] {
        let g = Group {
            id: used,
            name: "Dubbel".into(),
            size: None,
        };
        refused(
            &mut s,
            Change::AddGroup { index: 0, group: g },
            DuplicateId(used),
        );
    }
}

#[test]
fn add_group_refuses_empty_name() {
    let mut s = sample();
    for name in ["", "   ", "\t\n"] {
        let g = Group {
            id: Id(50),
            name: name.into(),
            size: None,
        };
        refused(&mut s, Change::AddGroup { index: 0, group: g }, EmptyName);
    }
}

#[test]
fn update_group_renames_and_resizes() {
    let mut s = sample();
    let g = Group {
        id: G2,
        name: "Tafel twee".into(),
        size: Some(6),
    };
    let after = roundtrip(&mut s, Change::UpdateGroup(g.clone()));
    assert_eq!(after.groups[1], g);
    assert_eq!(after.group_name(Some(G2)), "Tafel twee");
}

#[test]
fn update_group_refuses_unknown_group_and_empty_name() {
    let mut s = sample();
    refused(
        &mut s,
        Change::UpdateGroup(Group {
            id: NOPE,
            name: "x".into(),
            size: None,
        }),
        UnknownGroup(NOPE),
    );
    refused(
        &mut s,
        Change::UpdateGroup(Group {
            id: G1,
            name: " ".into(),
            size: None,
        }),
        EmptyName,
    );
}

#[test]
fn remove_group_removes_an_unused_group_and_undo_restores_its_place() {
    let mut s = sample();
    // Move the unused group to the middle so the restored position matters.
    s.groups.swap(1, 2);
    let after = roundtrip(&mut s, Change::RemoveGroup(G_UNUSED));
    assert!(after.group(G_UNUSED).is_none());
    assert_eq!(
        after.groups.iter().map(|g| g.id).collect::<Vec<_>>(),
        vec![G1, G2]
    );
}

#[test]
fn remove_group_refuses_unknown_group() {
    let mut s = sample();
    refused(&mut s, Change::RemoveGroup(NOPE), UnknownGroup(NOPE));
}

#[test]
fn remove_group_refuses_a_group_in_use_by_each_kind_of_reference() {
    // One session per kind of reference, each with exactly that reference to group G_UNUSED.
    type MakeUse = fn(&mut Session);
    let uses: [(&str, MakeUse); 5] = [
        ("tally", |s: &mut Session| {
            s.agenda[0].rounds[1].tallies.push(Tally {
                option: OPT_C,
                group: Some(G_UNUSED),
                count: 1,
            })
        }),
        ("reaction", |s: &mut Session| {
            s.agenda[1].rounds[0].reactions[0].group = Some(G_UNUSED)
        }),
        ("proposal", |s: &mut Session| {
            s.agenda[2].proposals[0].group = Some(G_UNUSED)
        }),
        ("feedback", |s: &mut Session| {
            s.agenda[2].proposals[0].feedback[0].from_group = Some(G_UNUSED)
        }),
        ("statement", |s: &mut Session| {
            s.agenda[4].statements[0].group = Some(G_UNUSED)
        }),
    ];
    for (what, make_use) in uses {
        let mut s = sample();
        assert!(!validate::group_in_use(&s, G_UNUSED));
        make_use(&mut s);
        assert!(
            validate::group_in_use(&s, G_UNUSED),
            "{what} counts as a use"
        );
        refused(
            &mut s,
            Change::RemoveGroup(G_UNUSED),
            GroupInUse("Leeg".into()),
        );
    }
}

#[test]
fn remove_group_change_cleans_everything_and_undoes_as_one_step() {
    let mut s = sample();
    assert!(validate::group_in_use(&s, G1));
    assert!(validate::group_in_use(&s, G2));
    let before = s.clone();

    let change = s.remove_group_change(G1);
    let after = roundtrip(&mut s, change.clone());
    assert!(after.group(G1).is_none());
    assert!(!validate::group_in_use(&after, G1));
    let p = find_item(&after, PROP);
    // Tallies of the group go; others stay.
    assert_eq!(
        p.rounds[0].tallies,
        vec![
            Tally {
                option: OPT_A,
                group: None,
                count: 2
            },
            Tally {
                option: OPT_B,
                group: Some(G2),
                count: 4
            },
        ]
    );
    // Reactions stay but lose the label.
    assert_eq!(p.rounds[0].reactions.len(), 3);
    assert_eq!(p.rounds[0].reactions[0].group, None);
    assert_eq!(p.rounds[0].reactions[2].group, Some(G2));
    // Proposals stay without the group; feedback from other groups stays.
    let pr = find_item(&after, PROPOSALS);
    assert_eq!(pr.proposals[0].group, None);
    assert_eq!(pr.proposals[0].feedback.len(), 1);
    // Statements of the group go.
    assert!(find_item(&after, STATEMENTS).statements.is_empty());

    // Feedback from the group goes too.
    let mut s2 = before.clone();
    let change2 = s2.remove_group_change(G2);
    let after2 = roundtrip(&mut s2, change2);
    assert!(
        find_item(&after2, PROPOSALS).proposals[0]
            .feedback
            .is_empty()
    );
    assert_eq!(find_item(&after2, PROP).rounds[0].tallies.len(), 2);

    // In a document it is one undo step.
    let mut doc = Document::new(before.clone());
    doc.apply(change).unwrap();
    assert_eq!(*doc.session(), after);
    assert!(doc.undo());
    assert_eq!(*doc.session(), before);
    assert!(!doc.can_undo(), "one change, one undo step");
    assert!(doc.redo());
    assert_eq!(*doc.session(), after);
}

#[test]
fn remove_group_change_for_an_unused_group_is_a_plain_remove() {
    let s = sample();
    assert_eq!(
        s.remove_group_change(G_UNUSED),
        Change::Batch(vec![Change::RemoveGroup(G_UNUSED)])
    );
    let mut s = sample();
    refused(
        &mut s,
        sample().remove_group_change(NOPE),
        UnknownGroup(NOPE),
    );
}

// ---------------------------------------------------------------------------------------------
// Items

fn new_item(id: Id, kind: ItemKind) -> Item {
    let mut it = item(id, kind, "Nieuw", Id(id.0 + 1));
    if kind == ItemKind::Proposition {
        it.options = vec![ResponseOption {
            id: Id(id.0 + 2),
            label: "Ja".into(),
        }];
    }
    it
}

#[test]
fn add_item_inserts_every_kind_at_index_and_clamps() {
    for (n, kind) in ItemKind::ALL.into_iter().enumerate() {
        let id = Id(7000 + 10 * n as u64);
        let mut s = sample();
        let after = roundtrip(
            &mut s,
            Change::AddItem {
                index: 1,
                item: Box::new(new_item(id, kind)),
            },
        );
        assert_eq!(after.agenda[1].id, id);
        assert_eq!(after.agenda[1].kind, kind);
        assert_eq!(after.agenda.len(), 7);

        let mut s = sample();
        let after = roundtrip(
            &mut s,
            Change::AddItem {
                index: usize::MAX,
                item: Box::new(new_item(id, kind)),
            },
        );
        assert_eq!(after.agenda.last().unwrap().id, id);
    }
}

/// Adding `item` at the top of the agenda.
fn add_item_first(item: Item) -> Change {
    let (index, item) = (0, Box::new(item));
    Change::AddItem { index, item }
}

#[test]
fn add_item_refuses_used_ids_inside_and_outside() {
    let mut s = sample();
    // The item's own id is used.
    refused(
        &mut s,
        add_item_first(new_item(PROP, ItemKind::Info)),
        DuplicateId(PROP),
    );
    // An option id is used elsewhere.
    let mut it = new_item(Id(7000), ItemKind::Proposition);
    it.options[0].id = OPT_A;
    refused(&mut s, add_item_first(it), DuplicateId(OPT_A));
    // A reaction id is used elsewhere.
    let mut it = new_item(Id(7000), ItemKind::Question);
    it.rounds[0].reactions.push(reaction(RE2, "x", None));
    refused(&mut s, add_item_first(it), DuplicateId(RE2));
    // An id used twice within the new item.
    let mut it = new_item(Id(7000), ItemKind::Question);
    it.rounds[0].reactions.push(reaction(Id(7100), "x", None));
    it.rounds[0].reactions.push(reaction(Id(7100), "y", None));
    refused(&mut s, add_item_first(it), DuplicateId(Id(7100)));
    // The session's own id.
    refused(
        &mut s,
        add_item_first(new_item(SESSION, ItemKind::Info)),
        DuplicateId(SESSION),
    );
}

#[test]
fn add_item_refuses_proposition_without_options_and_bad_contents() {
    let mut s = sample();
    let mut it = new_item(Id(7000), ItemKind::Proposition);
    it.options.clear();
    refused(&mut s, add_item_first(it), NoOptions);

    let mut it = new_item(Id(7000), ItemKind::Question);
    it.rounds[0]
        .reactions
        .push(reaction(Id(7100), "x", Some(NOPE)));
    refused(&mut s, add_item_first(it), UnknownGroup(NOPE));

    let mut it = new_item(Id(7000), ItemKind::Proposition);
    it.rounds[0].tallies.push(Tally {
        option: OPT_A,
        group: None,
        count: 1,
    });
    refused(&mut s, add_item_first(it), UnknownOption(OPT_A));

    let mut it = new_item(Id(7000), ItemKind::Statements);
    it.statements.push(Statement {
        id: Id(7100),
        theme: THEME_USED,
        group: None,
        text: "x".into(),
    });
    refused(&mut s, add_item_first(it), UnknownTheme(THEME_USED));
}

#[test]
fn item_new_makes_a_valid_item_with_one_round() {
    let mut s = sample();
    let it = Item::new(&s, ItemKind::Proposition, "Nieuw");
    assert_eq!(it.options.len(), 3);
    assert_eq!(
        it.options[0].label,
        words(Language::Nl).session.default_options[0]
    );
    assert_eq!(it.rounds.len(), 1);
    assert_eq!(it.rounds[0].label, (words(Language::Nl).session.round)(1));
    roundtrip(&mut s, add_item_first(it));
    let info = Item::new(&s, ItemKind::Info, "Pauze");
    assert!(info.options.is_empty());
    assert_eq!(info.rounds.len(), 1);
}

#[test]
fn remove_item_and_undo_restores_its_place() {
    let mut s = sample();
    let after = roundtrip(&mut s, Change::RemoveItem(PROPOSALS));
    assert!(after.item(PROPOSALS).is_none());
    assert_eq!(after.agenda.len(), 5);
    refused(&mut s, Change::RemoveItem(NOPE), UnknownItem(NOPE));
}

#[test]
fn move_item_moves_clamps_and_undoes() {
    let mut s = sample();
    let after = roundtrip(&mut s, Change::MoveItem { id: PROP, to: 3 });
    assert_eq!(after.item_index(PROP), Some(3));
    assert_eq!(after.agenda[0].id, QUESTION);

    let mut s = sample();
    let after = roundtrip(&mut s, Change::MoveItem { id: PROP, to: 1000 });
    assert_eq!(after.item_index(PROP), Some(5));

    let mut s = sample();
    let after = roundtrip(&mut s, Change::MoveItem { id: INFO, to: 0 });
    assert_eq!(after.item_index(INFO), Some(0));

    let mut s = sample();
    refused(
        &mut s,
        Change::MoveItem { id: NOPE, to: 0 },
        UnknownItem(NOPE),
    );
}

/// Replacing the item with `item`'s id by `item`.
fn replace_item(item: Item) -> Change {
    Change::ReplaceItem(Box::new(item))
}

#[test]
fn replace_item_replaces_and_undoes() {
    let mut s = sample();
    let mut it = find_item(&s, PROP).clone();
    it.text = "Het dorp wordt deels autovrij".into();
    it.kind = ItemKind::Question;
    it.notes = "alleen voor mij".into();
    it.planned_minutes = Some(15);
    it.options.push(ResponseOption {
        id: Id(7000),
        label: "Weet niet".into(),
    });
    let after = roundtrip(&mut s, replace_item(it.clone()));
    assert_eq!(*find_item(&after, PROP), it);
    assert_eq!(after.item_index(PROP), Some(0));
}

#[test]
fn replace_item_refuses_bad_items() {
    let mut s = sample();
    let unknown = new_item(NOPE, ItemKind::Info);
    refused(&mut s, replace_item(unknown), UnknownItem(NOPE));

    // Ids used by another item.
    let mut it = find_item(&s, QUESTION).clone();
    it.rounds[0].reactions[0].id = RE1;
    refused(&mut s, replace_item(it), DuplicateId(RE1));

    // Removing the options of a proposition.
    let mut it = find_item(&s, PROP).clone();
    it.options.clear();
    it.rounds.iter_mut().for_each(|r| r.tallies.clear());
    refused(&mut s, replace_item(it), NoOptions);

    // Removing an option that is still counted.
    let mut it = find_item(&s, PROP).clone();
    it.options.remove(0);
    refused(&mut s, replace_item(it), UnknownOption(OPT_A));

    // Removing a theme that a statement uses.
    let mut it = find_item(&s, STATEMENTS).clone();
    it.themes.remove(0);
    refused(&mut s, replace_item(it), UnknownTheme(THEME_USED));

    // The same option counted twice for a group.
    let mut it = find_item(&s, PROP).clone();
    it.rounds[0].tallies.push(Tally {
        option: OPT_A,
        group: Some(G1),
        count: 1,
    });
    refused(&mut s, replace_item(it), DuplicateTally);

    // A round that ends before it starts.
    let mut it = find_item(&s, PROP).clone();
    it.rounds[1].started = Some(ts(15, 0));
    it.rounds[1].ended = Some(ts(14, 0));
    refused(&mut s, replace_item(it), EndBeforeStart);

    // A proposal of an unknown group.
    let mut it = find_item(&s, PROPOSALS).clone();
    it.proposals[0].group = Some(NOPE);
    refused(&mut s, replace_item(it), UnknownGroup(NOPE));
}

// ---------------------------------------------------------------------------------------------
// Tallies

#[test]
fn tally_adds_to_existing_and_new_entries() {
    let mut s = sample();
    let after = roundtrip(&mut s, tally(OPT_A, Some(G1), 2));
    assert_eq!(find_round(&after, PROP, R1).count(OPT_A, Some(G1)), 5);
    assert_eq!(find_round(&after, PROP, R1).total(OPT_A), 7);

    let mut s = sample();
    let after = roundtrip(&mut s, tally(OPT_C, Some(G2), 1));
    let r = find_round(&after, PROP, R1);
    assert_eq!(r.count(OPT_C, Some(G2)), 1);
    assert_eq!(r.answers(), 10);
    assert_eq!(r.group_answers(Some(G2)), 5);

    let mut s = sample();
    let nine = Change::Tally {
        item: PROP,
        round: R2,
        option: OPT_B,
        group: None,
        delta: 9,
    };
    let after = roundtrip(&mut s, nine);
    assert_eq!(find_round(&after, PROP, R2).total(OPT_B), 9);
}

#[test]
fn tally_down_to_zero_removes_the_entry_and_undo_restores_it_exactly() {
    // First, middle and last entry: undo must restore the exact list, order included.
    for (option, group, count) in [(OPT_A, Some(G1), 3), (OPT_A, None, 2), (OPT_B, Some(G2), 4)] {
        let mut s = sample();
        let after = roundtrip(&mut s, tally(option, group, -count));
        let r = find_round(&after, PROP, R1);
        assert_eq!(r.count(option, group), 0);
        assert_eq!(r.tallies.len(), 2, "a count of zero leaves no entry");
        assert!(r.tallies.iter().all(|t| t.count > 0));
    }
}

#[test]
fn tally_with_delta_zero_changes_nothing() {
    let mut s = sample();
    let before = s.clone();
    let inverse = s.apply(tally(OPT_C, None, 0)).unwrap();
    assert_eq!(s, before);
    s.apply(inverse).unwrap();
    assert_eq!(s, before);
}

#[test]
fn tally_refuses_negative_counts() {
    let mut s = sample();
    let too_many_back = -(i64::from(u32::MAX)) - 10;
    for (option, group, delta) in [
        (OPT_A, Some(G1), -4),
        (OPT_C, None, -1),
        (OPT_A, Some(G1), i64::MIN),
        (OPT_A, Some(G1), too_many_back),
    ] {
        refused(&mut s, tally(option, group, delta), NegativeCount);
    }
}

#[test]
fn tally_refuses_counts_too_large() {
    let mut s = sample();
    let after = roundtrip(&mut s, tally(OPT_C, None, i64::from(u32::MAX)));
    assert_eq!(
        find_round(&after, PROP, R1).count(OPT_C, None),
        u64::from(u32::MAX)
    );
    // The last two: no overflow panic on extreme deltas.
    for (option, delta) in [
        (OPT_C, 1),
        (OPT_A, i64::from(u32::MAX)),
        (OPT_A, i64::MAX),
        (OPT_B, i64::MAX),
    ] {
        refused(&mut s, tally(option, None, delta), CountTooLarge);
    }
}

#[test]
fn tally_refuses_unknown_references() {
    let mut s = sample();
    refused(&mut s, tally(OPT_A, Some(NOPE), 1), UnknownGroup(NOPE));
    refused(&mut s, tally(NOPE, None, 1), UnknownOption(NOPE));
    // An option of another item is unknown here.
    let cases = [
        (tally_in(QUESTION, Q_ROUND, OPT_A), UnknownOption(OPT_A)),
        (tally_in(PROP, NOPE, OPT_A), UnknownRound(NOPE)),
        (tally_in(PROP, Q_ROUND, OPT_A), UnknownRound(Q_ROUND)),
        (tally_in(NOPE, R1, OPT_A), UnknownItem(NOPE)),
    ];
    for (change, expected) in cases {
        refused(&mut s, change, expected);
    }
}

// ---------------------------------------------------------------------------------------------
// Rounds

#[test]
fn add_round_inserts_and_undoes() {
    let mut s = sample();
    let mut r = Round::new(Id(7000), "Ronde 3");
    r.started = Some(ts(14, 0));
    r.ended = Some(ts(14, 0));
    r.tallies.push(Tally {
        option: OPT_C,
        group: Some(G2),
        count: 2,
    });
    r.reactions.push(reaction(Id(7001), "Nieuw", Some(G1)));
    let after = roundtrip(
        &mut s,
        Change::AddRound {
            item: PROP,
            index: 1,
            round: Box::new(r.clone()),
        },
    );
    let rounds: Vec<Id> = find_item(&after, PROP)
        .rounds
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(rounds, vec![R1, Id(7000), R2]);
    assert_eq!(find_item(&after, PROP).rounds[1], r);

    let mut s = sample();
    let after = roundtrip(
        &mut s,
        Change::AddRound {
            item: PROP,
            index: 50,
            round: Box::new(Round::new(Id(7000), "x")),
        },
    );
    assert_eq!(find_item(&after, PROP).rounds.last().unwrap().id, Id(7000));
}

/// Adding `round` at the start of the proposition's rounds.
fn add_round(item: Id, round: Round) -> Change {
    let (index, round) = (0, Box::new(round));
    Change::AddRound { item, index, round }
}

/// A new round `Id(7000)` holding these tallies (option, group, count) and reactions (id,
/// group).
fn round_with(tallies: &[(Id, Option<Id>, u32)], reactions: &[(Id, Option<Id>)]) -> Round {
    let mut r = Round::new(Id(7000), "x");
    for &(option, group, count) in tallies {
        r.tallies.push(Tally {
            option,
            group,
            count,
        });
    }
    for &(id, group) in reactions {
        r.reactions.push(reaction(id, "x", group));
    }
    r
}

#[test]
fn add_round_refuses_bad_rounds() {
    let mut s = sample();
    let mut backwards = round_with(&[], &[]);
    backwards.started = Some(ts(14, 0));
    backwards.ended = Some(ts(13, 59));
    let twice = [(OPT_A, None, 1), (OPT_A, None, 2)];
    let cases = [
        (backwards, EndBeforeStart),
        (
            round_with(&[(OPT_A, Some(NOPE), 1)], &[]),
            UnknownGroup(NOPE),
        ),
        (round_with(&[(NOPE, None, 1)], &[]), UnknownOption(NOPE)),
        (round_with(&twice, &[]), DuplicateTally),
        (
            round_with(&[], &[(Id(7001), Some(NOPE))]),
            UnknownGroup(NOPE),
        ),
    ];
    for (round, expected) in cases {
        refused(&mut s, add_round(PROP, round), expected);
    }
    let empty = Round::new(Id(7000), "x");
    refused(&mut s, add_round(NOPE, empty), UnknownItem(NOPE));
}

#[test]
fn add_round_refuses_used_ids() {
    let mut s = sample();
    // The round's id is used by another round, by a reaction, or by the session.
    for used in [R1, Q_ROUND, RE1, SESSION, G1] {
        let round = Round::new(used, "x");
        refused(&mut s, add_round(PROP, round), DuplicateId(used));
    }
    let cases = [
        // A reaction in it uses an id that is taken.
        (vec![(Q_REACTION, None)], Q_REACTION),
        // Two reactions in it share an id.
        (vec![(Id(7001), None), (Id(7001), None)], Id(7001)),
        // A reaction shares the round's own id.
        (vec![(Id(7000), None)], Id(7000)),
    ];
    for (reactions, taken) in cases {
        let round = round_with(&[], &reactions);
        refused(&mut s, add_round(PROP, round), DuplicateId(taken));
    }
}

#[test]
fn remove_round_and_undo_restores_its_place_and_data() {
    let mut s = sample();
    let after = roundtrip(&mut s, remove_round(PROP, R1));
    let rounds: Vec<Id> = find_item(&after, PROP)
        .rounds
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(rounds, vec![R2]);
    assert!(
        after.all_ids().iter().all(|id| *id != RE1),
        "its reactions went with it"
    );
}

/// Removing `round` from `item`.
fn remove_round(item: Id, round: Id) -> Change {
    Change::RemoveRound { item, round }
}

#[test]
fn remove_round_refuses_the_last_round_and_unknown_rounds() {
    let mut s = sample();
    let cases = [
        (remove_round(QUESTION, Q_ROUND), LastRound),
        (remove_round(INFO, I_ROUND), LastRound),
        (remove_round(PROP, NOPE), UnknownRound(NOPE)),
        (remove_round(PROP, Q_ROUND), UnknownRound(Q_ROUND)),
        (remove_round(NOPE, R1), UnknownItem(NOPE)),
    ];
    for (change, expected) in cases {
        refused(&mut s, change, expected);
    }
    // After removing one of two, the other is the last.
    s.apply(remove_round(PROP, R2)).unwrap();
    refused(&mut s, remove_round(PROP, R1), LastRound);
}

fn update_round(
    round: Id,
    label: &str,
    started: Option<Timestamp>,
    ended: Option<Timestamp>,
) -> Change {
    Change::UpdateRound {
        item: PROP,
        round,
        label: label.into(),
        started,
        ended,
    }
}

#[test]
fn update_round_changes_label_and_times_and_keeps_data() {
    let mut s = sample();
    let after = roundtrip(
        &mut s,
        update_round(R1, "Voor de discussie", Some(ts(13, 0)), Some(ts(13, 5))),
    );
    let r = find_round(&after, PROP, R1);
    assert_eq!(r.label, "Voor de discussie");
    assert_eq!(r.started, Some(ts(13, 0)));
    assert_eq!(r.ended, Some(ts(13, 5)));
    assert_eq!(r.tallies, find_round(&sample(), PROP, R1).tallies);
    assert_eq!(r.reactions, find_round(&sample(), PROP, R1).reactions);

    // Open-ended, only an end, and an end equal to the start are all fine.
    let mut s = sample();
    roundtrip(&mut s, update_round(R2, "x", Some(ts(14, 0)), None));
    let mut s = sample();
    roundtrip(&mut s, update_round(R2, "x", None, Some(ts(14, 0))));
    let mut s = sample();
    roundtrip(
        &mut s,
        update_round(R2, "x", Some(ts(14, 0)), Some(ts(14, 0))),
    );
    // Clearing the times.
    let mut s = sample();
    roundtrip(&mut s, update_round(R1, "Ronde 1", None, None));
}

#[test]
fn update_round_refuses_end_before_start() {
    let mut s = sample();
    refused(
        &mut s,
        update_round(R1, "x", Some(ts(14, 0)), Some(ts(13, 59))),
        EndBeforeStart,
    );
    // Compared as instants, not as wall-clock times: 14:00+01:00 is 13:00 UTC, 13:30+00:00 is
    // later, 14:30+02:00 (12:30 UTC) is earlier.
    let start = ts(14, 0);
    let utc = FixedOffset::east_opt(0).unwrap();
    let later = utc.with_ymd_and_hms(2026, 11, 23, 13, 30, 0).unwrap();
    let earlier = FixedOffset::east_opt(7200)
        .unwrap()
        .with_ymd_and_hms(2026, 11, 23, 14, 30, 0)
        .unwrap();
    roundtrip(&mut s, update_round(R1, "x", Some(start), Some(later)));
    refused(
        &mut s,
        update_round(R1, "x", Some(start), Some(earlier)),
        EndBeforeStart,
    );
    refused(
        &mut s,
        update_round(NOPE, "x", None, None),
        UnknownRound(NOPE),
    );
    refused(
        &mut s,
        Change::UpdateRound {
            item: NOPE,
            round: R1,
            label: "x".into(),
            started: None,
            ended: None,
        },
        UnknownItem(NOPE),
    );
}

// ---------------------------------------------------------------------------------------------
// Reactions

fn add_reaction(index: usize, reaction: Reaction) -> Change {
    add_reaction_in(R1, index, reaction)
}

/// Adding `reaction` at `index` in `round` of the proposition.
fn add_reaction_in(round: Id, index: usize, reaction: Reaction) -> Change {
    Change::AddReaction {
        item: PROP,
        round,
        index,
        reaction,
    }
}

#[test]
fn add_reaction_inserts_at_index_and_clamps() {
    let mut s = sample();
    let mut r = reaction(Id(7000), "Nieuw", Some(G2));
    r.stance = Stance::Against;
    r.by = Some("Wethouder".into());
    r.time = Some(ts(13, 45));
    r.highlighted = true;
    let after = roundtrip(&mut s, add_reaction(1, r.clone()));
    assert_eq!(find_round(&after, PROP, R1).reactions[1], r);
    assert_eq!(find_round(&after, PROP, R1).reactions.len(), 4);

    let mut s = sample();
    let after = roundtrip(&mut s, add_reaction(usize::MAX, r.clone()));
    assert_eq!(find_round(&after, PROP, R1).reactions.last(), Some(&r));

    let mut s = sample();
    let after = roundtrip(&mut s, add_reaction_in(R2, 0, r.clone()));
    assert_eq!(find_round(&after, PROP, R2).reactions, vec![r]);
}

#[test]
fn add_reaction_refuses_used_ids_and_unknown_references() {
    let mut s = sample();
    for used in [
        RE1, Q_REACTION, SESSION, G1, PROP, OPT_A, R1, PROPOSAL, ACTION, FEEDBACK, COMMITMENT,
        THEME_USED, STATEMENT,
    ] {
        refused(
            &mut s,
            add_reaction(0, reaction(used, "x", None)),
            DuplicateId(used),
        );
    }
    refused(
        &mut s,
        add_reaction(0, reaction(Id(7000), "x", Some(NOPE))),
        UnknownGroup(NOPE),
    );
    refused(
        &mut s,
        add_reaction_in(NOPE, 0, reaction(Id(7000), "x", None)),
        UnknownRound(NOPE),
    );
    refused(
        &mut s,
        Change::AddReaction {
            item: NOPE,
            round: R1,
            index: 0,
            reaction: reaction(Id(7000), "x", None),
        },
        UnknownItem(NOPE),
    );
}

#[test]
fn update_reaction_replaces_and_undoes() {
    let mut s = sample();
    let mut r = find_round(&s, PROP, R1).reactions[1].clone();
    r.text = "Maar de bakker dan? Die moet bevoorraad worden.".into();
    r.stance = Stance::Question;
    r.group = Some(G2);
    r.highlighted = true;
    r.time = Some(ts(13, 47));
    let after = roundtrip(
        &mut s,
        Change::UpdateReaction {
            item: PROP,
            round: R1,
            reaction: r.clone(),
        },
    );
    assert_eq!(find_round(&after, PROP, R1).reactions[1], r);
}

#[test]
fn update_reaction_refuses_unknown_reaction_and_group() {
    let mut s = sample();
    refused(
        &mut s,
        Change::UpdateReaction {
            item: PROP,
            round: R1,
            reaction: reaction(NOPE, "x", None),
        },
        UnknownRecord(NOPE),
    );
    // A reaction of another round is not found in this one.
    refused(
        &mut s,
        Change::UpdateReaction {
            item: PROP,
            round: R2,
            reaction: reaction(RE1, "x", None),
        },
        UnknownRecord(RE1),
    );
    refused(
        &mut s,
        Change::UpdateReaction {
            item: PROP,
            round: R1,
            reaction: reaction(RE1, "x", Some(NOPE)),
        },
        UnknownGroup(NOPE),
    );
    refused(
        &mut s,
        Change::UpdateReaction {
            item: PROP,
            round: NOPE,
            reaction: reaction(RE1, "x", None),
        },
        UnknownRound(NOPE),
    );
}

/// Removing `reaction` from `round` of the proposition.
fn remove_reaction(round: Id, reaction: Id) -> Change {
    let item = PROP;
    Change::RemoveReaction {
        item,
        round,
        reaction,
    }
}

#[test]
fn remove_reaction_and_undo_restores_its_place() {
    for id in [RE1, RE2, RE3] {
        let mut s = sample();
        let after = roundtrip(&mut s, remove_reaction(R1, id));
        assert!(
            find_round(&after, PROP, R1)
                .reactions
                .iter()
                .all(|r| r.id != id)
        );
        assert_eq!(find_round(&after, PROP, R1).reactions.len(), 2);
    }
    let mut s = sample();
    refused(&mut s, remove_reaction(R1, NOPE), UnknownRecord(NOPE));
    refused(&mut s, remove_reaction(R2, RE1), UnknownRecord(RE1));
}

/// Moving `reaction` in `round` of the proposition to place `to`.
fn move_reaction(round: Id, reaction: Id, to: usize) -> Change {
    Change::MoveReaction {
        item: PROP,
        round,
        reaction,
        to,
    }
}

#[test]
fn move_reaction_moves_clamps_and_undoes() {
    let order = |s: &Session| {
        find_round(s, PROP, R1)
            .reactions
            .iter()
            .map(|r| r.id)
            .collect::<Vec<_>>()
    };
    // Each from a fresh sample (RE1, RE2, RE3); a place past the end is the end.
    for (reaction, to, expected) in [
        (RE1, 2, [RE2, RE3, RE1]),
        (RE3, 0, [RE3, RE1, RE2]),
        (RE2, 99, [RE1, RE3, RE2]),
    ] {
        let after = roundtrip(&mut sample(), move_reaction(R1, reaction, to));
        assert_eq!(order(&after), expected, "{reaction:?} to {to}");
    }
    let mut s = sample();
    let unknown = UnknownRecord;
    refused(&mut s, move_reaction(R1, NOPE, 0), unknown(NOPE));
    refused(&mut s, move_reaction(R2, RE1, 0), unknown(RE1));
}

// ---------------------------------------------------------------------------------------------
// Records: proposals, commitments, themes, statements

fn put(item: Id, index: usize, record: Record) -> Change {
    Change::PutRecord {
        item,
        index,
        record,
    }
}

fn proposal(id: Id, group: Option<Id>) -> Proposal {
    Proposal {
        id,
        group,
        title: "Fietspad".into(),
        description: "Langs de dijk".into(),
        actions: Vec::new(),
        feedback: Vec::new(),
    }
}

fn commitment(id: Id) -> Commitment {
    Commitment {
        id,
        person: "Joost".into(),
        organisation: String::new(),
        action: "Bellen".into(),
        start: None,
        follow_up: None,
    }
}

#[test]
fn put_record_inserts_each_kind() {
    let mut s = sample();
    let mut p = proposal(Id(7000), Some(G2));
    p.actions.push(Action {
        id: Id(7001),
        text: "Tekenen".into(),
        owner: "Ali".into(),
        due: None,
    });
    p.feedback.push(Feedback {
        id: Id(7002),
        from_group: Some(G1),
        text: "Top".into(),
    });
    let after = roundtrip(&mut s, put(PROPOSALS, 0, Record::Proposal(p.clone())));
    assert_eq!(
        find_item(&after, PROPOSALS).proposals,
        vec![p, find_item(&sample(), PROPOSALS).proposals[0].clone()]
    );

    let mut s = sample();
    let after = roundtrip(
        &mut s,
        put(COMMITMENTS, 5, Record::Commitment(commitment(Id(7000)))),
    );
    assert_eq!(
        find_item(&after, COMMITMENTS).commitments[1],
        commitment(Id(7000))
    );

    let mut s = sample();
    let theme = Theme {
        id: Id(7000),
        name: "Wonen".into(),
    };
    let after = roundtrip(&mut s, put(STATEMENTS, 1, Record::Theme(theme.clone())));
    assert_eq!(find_item(&after, STATEMENTS).themes[1], theme);

    let mut s = sample();
    let st = Statement {
        id: Id(7000),
        theme: THEME_FREE,
        group: Some(G2),
        text: "Meer bomen".into(),
    };
    let after = roundtrip(&mut s, put(STATEMENTS, 0, Record::Statement(st.clone())));
    assert_eq!(find_item(&after, STATEMENTS).statements[0], st);

    // Records may sit in an item of another kind; the flat item keeps them.
    let mut s = sample();
    roundtrip(
        &mut s,
        put(INFO, 0, Record::Commitment(commitment(Id(7000)))),
    );
}

#[test]
fn put_record_replaces_each_kind_by_id() {
    let mut s = sample();
    let mut p = find_item(&s, PROPOSALS).proposals[0].clone();
    p.title = "Nog meer groen".into();
    p.group = None;
    p.feedback.push(Feedback {
        id: Id(7000),
        from_group: Some(G_UNUSED),
        text: "Mooi".into(),
    });
    let after = roundtrip(&mut s, put(PROPOSALS, 99, Record::Proposal(p.clone())));
    assert_eq!(find_item(&after, PROPOSALS).proposals, vec![p]);

    let mut s = sample();
    let mut c = find_item(&s, COMMITMENTS).commitments[0].clone();
    c.follow_up = None;
    let after = roundtrip(&mut s, put(COMMITMENTS, 0, Record::Commitment(c.clone())));
    assert_eq!(find_item(&after, COMMITMENTS).commitments, vec![c]);

    let mut s = sample();
    let after = roundtrip(
        &mut s,
        put(
            STATEMENTS,
            0,
            Record::Theme(Theme {
                id: THEME_FREE,
                name: "Natuur".into(),
            }),
        ),
    );
    assert_eq!(
        find_item(&after, STATEMENTS).themes[1].name,
        "Natuur",
        "replaced in place"
    );

    let mut s = sample();
    let st = Statement {
        id: STATEMENT,
        theme: THEME_FREE,
        group: None,
        text: "Anders".into(),
    };
    let after = roundtrip(&mut s, put(STATEMENTS, 0, Record::Statement(st.clone())));
    assert_eq!(find_item(&after, STATEMENTS).statements, vec![st]);
}

/// A new statement `Id(7000)` under `theme`, by `group`.
fn statement(theme: Id, group: Option<Id>) -> Record {
    let (id, text) = (Id(7000), "x".into());
    Record::Statement(Statement {
        id,
        theme,
        group,
        text,
    })
}

/// `p` with one more action, `id`.
fn with_action(mut p: Proposal, id: Id) -> Record {
    let (text, owner, due) = ("x".into(), String::new(), None);
    p.actions.push(Action {
        id,
        text,
        owner,
        due,
    });
    Record::Proposal(p)
}

/// `p` with one more piece of feedback, `id`, from table `from_group`.
fn with_feedback(mut p: Proposal, id: Id, from_group: Option<Id>) -> Record {
    let text = "x".into();
    p.feedback.push(Feedback {
        id,
        from_group,
        text,
    });
    Record::Proposal(p)
}

#[test]
fn put_record_refuses_invalid_records() {
    let mut s = sample();
    let new = || proposal(Id(7000), None);
    let blank = Record::Theme(Theme {
        id: Id(7000),
        name: "  ".into(),
    });
    let cases = [
        (
            PROPOSALS,
            Record::Proposal(proposal(Id(7000), Some(NOPE))),
            UnknownGroup(NOPE),
        ),
        (
            PROPOSALS,
            with_feedback(new(), Id(7001), Some(NOPE)),
            UnknownGroup(NOPE),
        ),
        // A statement needs a theme of its own item.
        (STATEMENTS, statement(NOPE, None), UnknownTheme(NOPE)),
        (
            QUESTION,
            statement(THEME_USED, None),
            UnknownTheme(THEME_USED),
        ),
        (
            STATEMENTS,
            statement(THEME_USED, Some(NOPE)),
            UnknownGroup(NOPE),
        ),
        (STATEMENTS, blank, EmptyName),
        (
            NOPE,
            Record::Commitment(commitment(Id(7000))),
            UnknownItem(NOPE),
        ),
    ];
    for (item, record, expected) in cases {
        refused(&mut s, put(item, 0, record), expected);
    }
}

#[test]
fn put_record_refuses_ids_used_elsewhere() {
    let mut s = sample();
    // A new record with an id used in another item or elsewhere in the session.
    for used in [RE1, PROP, G1, SESSION, STATEMENT, OPT_C] {
        let record = Record::Commitment(commitment(used));
        refused(&mut s, put(COMMITMENTS, 0, record), DuplicateId(used));
    }
    let new = || proposal(Id(7000), None);
    let current = find_item(&s, PROPOSALS).proposals[0].clone();
    let cases = [
        // A record of another kind in the same item with the same id is not "the same record".
        (
            STATEMENTS,
            Record::Commitment(commitment(THEME_FREE)),
            THEME_FREE,
        ),
        (
            PROPOSALS,
            Record::Commitment(commitment(PROPOSAL)),
            PROPOSAL,
        ),
        // Actions and feedback inside a proposal need fresh ids too.
        (PROPOSALS, with_action(new(), RE1), RE1),
        (PROPOSALS, with_feedback(new(), ACTION, None), ACTION),
        (PROPOSALS, with_action(new(), Id(7000)), Id(7000)),
        // Replacing a proposal: its own nested ids may stay, others' may not.
        (
            PROPOSALS,
            with_action(current.clone(), COMMITMENT),
            COMMITMENT,
        ),
    ];
    for (item, record, taken) in cases {
        refused(&mut s, put(item, 0, record), DuplicateId(taken));
    }
    roundtrip(&mut s, put(PROPOSALS, 0, with_action(current, Id(7000))));
}

#[test]
fn remove_record_removes_each_kind_and_undo_restores_its_place() {
    for (item, id) in [
        (PROPOSALS, PROPOSAL),
        (COMMITMENTS, COMMITMENT),
        (STATEMENTS, THEME_FREE),
        (STATEMENTS, STATEMENT),
    ] {
        let mut s = sample();
        let after = roundtrip(&mut s, Change::RemoveRecord { item, id });
        assert!(!after.all_ids().contains(&id));
    }
    // Themes in the middle come back in the middle.
    let mut s = sample();
    s.apply(put(
        STATEMENTS,
        99,
        Record::Theme(Theme {
            id: Id(7000),
            name: "Laatste".into(),
        }),
    ))
    .unwrap();
    let after = roundtrip(
        &mut s,
        Change::RemoveRecord {
            item: STATEMENTS,
            id: THEME_FREE,
        },
    );
    assert_eq!(
        find_item(&after, STATEMENTS)
            .themes
            .iter()
            .map(|t| t.id)
            .collect::<Vec<_>>(),
        vec![THEME_USED, Id(7000)]
    );
}

#[test]
fn remove_record_refuses_used_theme_and_unknown_records() {
    let mut s = sample();
    refused(
        &mut s,
        Change::RemoveRecord {
            item: STATEMENTS,
            id: THEME_USED,
        },
        ThemeInUse,
    );
    refused(
        &mut s,
        Change::RemoveRecord {
            item: STATEMENTS,
            id: NOPE,
        },
        UnknownRecord(NOPE),
    );
    refused(
        &mut s,
        Change::RemoveRecord {
            item: COMMITMENTS,
            id: PROPOSAL,
        },
        UnknownRecord(PROPOSAL),
    );
    refused(
        &mut s,
        Change::RemoveRecord {
            item: NOPE,
            id: PROPOSAL,
        },
        UnknownItem(NOPE),
    );
    // Removing the statement first frees the theme.
    let mut doc = Document::new(s);
    doc.apply(Change::Batch(vec![
        Change::RemoveRecord {
            item: STATEMENTS,
            id: STATEMENT,
        },
        Change::RemoveRecord {
            item: STATEMENTS,
            id: THEME_USED,
        },
    ]))
    .unwrap();
    assert!(
        find_item(doc.session(), STATEMENTS)
            .themes
            .iter()
            .all(|t| t.id != THEME_USED)
    );
}

// ---------------------------------------------------------------------------------------------
// Batch

#[test]
fn batch_applies_all_and_undoes_as_one() {
    let mut s = sample();
    let after = roundtrip(
        &mut s,
        Change::Batch(vec![
            tally(OPT_A, Some(G1), -3),
            tally(OPT_C, None, 4),
            add_reaction(0, reaction(Id(7000), "Eerst", None)),
            remove_reaction(R1, RE2),
            Change::AddGroup {
                index: 0,
                group: Group {
                    id: Id(7001),
                    name: "Nieuw".into(),
                    size: None,
                },
            },
            Change::Batch(vec![
                Change::MoveItem { id: INFO, to: 0 },
                Change::RemoveItem(QUESTION),
            ]),
        ]),
    );
    assert_eq!(after.agenda[0].id, INFO);
    assert!(after.item(QUESTION).is_none());
    assert_eq!(find_round(&after, PROP, R1).count(OPT_C, None), 4);
}

#[test]
fn batch_is_all_or_nothing() {
    let mut s = sample();
    // Every step but the last is fine; the last one fails, so nothing happens.
    refused(
        &mut s,
        Change::Batch(vec![
            tally(OPT_A, Some(G1), -3), // removes the first entry
            tally(OPT_B, Some(G2), -4), // removes the (then) last entry
            add_reaction(0, reaction(Id(7000), "Eerst", None)),
            remove_reaction(R1, RE2),
            Change::RemoveItem(QUESTION),
            Change::MoveItem { id: INFO, to: 0 },
            Change::RemoveGroup(G_UNUSED),
            tally(OPT_C, None, -1),
        ]),
        NegativeCount,
    );
    // A failure in a nested batch rolls back the outer one too.
    refused(
        &mut s,
        Change::Batch(vec![
            Change::RemoveItem(INFO),
            Change::Batch(vec![Change::RemoveItem(QUESTION), remove_round(PROP, NOPE)]),
        ]),
        UnknownRound(NOPE),
    );
    // A later step that conflicts with an earlier one.
    refused(
        &mut s,
        Change::Batch(vec![
            add_reaction(0, reaction(Id(7000), "a", None)),
            add_reaction(0, reaction(Id(7000), "b", None)),
        ]),
        DuplicateId(Id(7000)),
    );
}

#[test]
fn empty_batch_changes_nothing() {
    let mut s = sample();
    let before = s.clone();
    assert_eq!(
        s.apply(Change::Batch(Vec::new())),
        Ok(Change::Batch(Vec::new()))
    );
    assert_eq!(s, before);
}

// ---------------------------------------------------------------------------------------------
// Document

fn label_change(n: usize) -> Change {
    Change::UpdateRound {
        item: PROP,
        round: R2,
        label: format!("Ronde {n}"),
        started: None,
        ended: None,
    }
}

#[test]
fn document_undo_redo_sequences() {
    let original = sample();
    let mut doc = Document::new(original.clone());
    assert!(!doc.can_undo());
    assert!(!doc.can_redo());
    assert!(!doc.undo());
    assert!(!doc.redo());
    assert_eq!(doc.revision(), 0);

    let mut states = vec![original.clone()];
    for change in [
        tally(OPT_A, None, 1),
        tally(OPT_A, None, 1),
        Change::RemoveItem(INFO),
        tally(OPT_A, None, -3),
    ] {
        doc.apply(change).unwrap();
        states.push(doc.session().clone());
    }
    assert_eq!(doc.revision(), 4);
    assert!(doc.can_undo());
    assert!(!doc.can_redo());

    // Undo two, redo one, undo three: each step lands on the recorded state.
    assert!(doc.undo());
    assert_eq!(*doc.session(), states[3]);
    assert!(doc.undo());
    assert_eq!(*doc.session(), states[2]);
    assert!(doc.can_redo());
    assert!(doc.redo());
    assert_eq!(*doc.session(), states[3]);
    assert!(doc.undo());
    assert!(doc.undo());
    assert!(doc.undo());
    assert_eq!(*doc.session(), original);
    assert!(!doc.can_undo());
    assert!(!doc.undo(), "nothing left to undo");
    assert_eq!(*doc.session(), original);
    assert_eq!(
        doc.revision(),
        4 + 6,
        "every undo and redo counts, failed ones do not"
    );

    // Redo everything.
    for state in &states[1..] {
        assert!(doc.redo());
        assert_eq!(doc.session(), state);
    }
    assert!(!doc.redo());
    assert_eq!(doc.revision(), 14);
}

/// A document of the sample with two tallies for OPT_C applied and the second undone.
fn two_tallies_one_undone() -> Document {
    let mut doc = Document::new(sample());
    doc.apply(tally(OPT_C, None, 1)).unwrap();
    doc.apply(tally(OPT_C, None, 1)).unwrap();
    assert!(doc.undo());
    doc
}

#[test]
fn document_new_change_clears_redo() {
    let mut doc = two_tallies_one_undone();
    assert!(doc.can_redo());
    doc.apply(Change::RemoveItem(INFO)).unwrap();
    assert!(!doc.can_redo());
    assert!(!doc.redo());
    assert_eq!(find_round(doc.session(), PROP, R1).count(OPT_C, None), 1);
    assert!(doc.undo());
    assert!(doc.undo());
    assert_eq!(*doc.session(), sample());
}

#[test]
fn document_refused_change_keeps_everything() {
    let mut doc = two_tallies_one_undone();
    let before = doc.session().clone();
    let revision = doc.revision();
    assert_eq!(doc.apply(tally(OPT_C, None, -5)), Err(NegativeCount));
    assert_eq!(*doc.session(), before);
    assert_eq!(doc.revision(), revision, "a refused change does not count");
    assert!(doc.can_redo(), "a refused change keeps the redo stack");
    assert!(doc.redo());
    assert_eq!(find_round(doc.session(), PROP, R1).count(OPT_C, None), 2);
}

#[test]
fn document_replace_drops_history_and_counts() {
    let mut doc = two_tallies_one_undone();
    let mut other = sample();
    other.title = "Van schijf".into();
    doc.replace(other.clone());
    assert_eq!(*doc.session(), other);
    assert_eq!(doc.revision(), 4);
    assert!(!doc.can_undo());
    assert!(!doc.can_redo());
}

#[test]
fn document_undo_reaches_back_undo_limit_steps() {
    let original = sample();
    let mut doc = Document::new(original.clone());
    let total = UNDO_LIMIT + 7;
    let mut states = vec![original.clone()];
    for n in 1..=total {
        doc.apply(label_change(n)).unwrap();
        states.push(doc.session().clone());
    }
    assert_eq!(doc.revision(), total as u64);
    let mut undone = 0;
    while doc.undo() {
        undone += 1;
        assert_eq!(*doc.session(), states[total - undone]);
    }
    assert_eq!(undone, UNDO_LIMIT);
    assert_eq!(
        *doc.session(),
        states[total - UNDO_LIMIT],
        "the oldest steps are forgotten"
    );
    assert_ne!(*doc.session(), original);
    let mut redone = 0;
    while doc.redo() {
        redone += 1;
    }
    assert_eq!(redone, UNDO_LIMIT);
    assert_eq!(*doc.session(), states[total]);
}

// ---------------------------------------------------------------------------------------------
// Commitments

#[test]
fn default_follow_up_is_two_months_later_clamped_to_month_end() {
    let cases = [
        ((2026, 12, 31), (2027, 2, 28)),
        ((2026, 11, 23), (2027, 1, 23)),
        ((2027, 12, 31), (2028, 2, 29)), // leap year
        ((2026, 1, 15), (2026, 3, 15)),
        ((2026, 8, 31), (2026, 10, 31)),
        ((2026, 7, 31), (2026, 9, 30)),
        ((2026, 2, 28), (2026, 4, 28)),
        ((2028, 2, 29), (2028, 4, 29)),
    ];
    for ((y, m, d), (ey, em, ed)) in cases {
        assert_eq!(
            Commitment::default_follow_up(date(y, m, d)),
            Some(date(ey, em, ed)),
            "start {y}-{m}-{d}"
        );
    }
    assert_eq!(
        Commitment::default_follow_up(NaiveDate::MAX),
        None,
        "no panic at the end of time"
    );
}

// ---------------------------------------------------------------------------------------------
// Ids and small helpers

#[test]
fn ids_parse_and_print_as_hex() {
    assert_eq!(Id(0xab).to_string(), "00000000000000ab");
    assert_eq!("ab".parse::<Id>(), Ok(Id(0xab)));
    assert_eq!(" 00000000000000AB ".parse::<Id>(), Ok(Id(0xab)));
    assert!("".parse::<Id>().is_err());
    assert!("xyz".parse::<Id>().is_err());
    assert!("12345678901234567".parse::<Id>().is_err());
    let s = sample();
    let fresh = s.fresh_id();
    assert!(!s.all_ids().contains(&fresh));
    assert_eq!(Share::of(1, 4).tenths(), 250);
    assert_eq!(Share::of(3, 0).tenths(), 0);
}

#[test]
fn validate_session_catches_broken_invariants() {
    assert_eq!(validate::session(&sample()), Ok(()));
    let mut s = sample();
    s.agenda[1].rounds[0].reactions[0].id = RE1;
    assert_eq!(validate::session(&s), Err(DuplicateId(RE1)));
    let mut s = sample();
    s.groups[2].name = String::new();
    assert_eq!(validate::session(&s), Err(EmptyName));
    let mut s = sample();
    s.agenda[0].rounds[1].started = Some(ts(15, 0));
    s.agenda[0].rounds[1].ended = Some(ts(14, 0));
    assert_eq!(validate::session(&s), Err(EndBeforeStart));
    let mut s = sample();
    s.end_time = NaiveTime::from_hms_opt(8, 0, 0);
    assert_eq!(validate::session(&s), Err(SessionEndBeforeStart));
    let mut s = sample();
    s.agenda[4].statements[0].theme = NOPE;
    assert_eq!(validate::session(&s), Err(UnknownTheme(NOPE)));
    let mut s = sample();
    s.agenda[2].proposals[0].feedback[0].from_group = Some(NOPE);
    assert_eq!(validate::session(&s), Err(UnknownGroup(NOPE)));
}

// ---------------------------------------------------------------------------------------------
// Property: random editing keeps the session valid and undo goes all the way back.

#[derive(Clone, Debug)]
enum Op {
    Tally {
        item: usize,
        round: usize,
        option: usize,
        group: usize,
        delta: i64,
    },
    AddReaction {
        item: usize,
        round: usize,
        index: usize,
        group: usize,
        stance: usize,
        reuse: Option<usize>,
    },
    UpdateReaction {
        pick: usize,
        group: usize,
        text: String,
        highlighted: bool,
    },
    RemoveReaction {
        pick: usize,
    },
    MoveReaction {
        pick: usize,
        to: usize,
    },
    AddRound {
        item: usize,
        index: usize,
    },
    RemoveRound {
        item: usize,
        round: usize,
    },
    RemoveGroup {
        group: usize,
    },
    Undo,
    Redo,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => (0..8usize, 0..4usize, 0..4usize, 0..5usize, -4i64..6)
            .prop_map(|(item, round, option, group, delta)| Op::Tally { item, round, option, group, delta }),
        3 => (0..8usize, 0..4usize, 0..6usize, 0..5usize, 0..4usize, prop::option::weighted(0.1, 0..100usize))
            .prop_map(|(item, round, index, group, stance, reuse)| Op::AddReaction { item, round, index, group, stance, reuse }),
        2 => (0..100usize, 0..5usize, "[a-z \"\\\\é😀]{0,12}", any::<bool>())
            .prop_map(|(pick, group, text, highlighted)| Op::UpdateReaction { pick, group, text, highlighted }),
        2 => (0..100usize).prop_map(|pick| Op::RemoveReaction { pick }),
        1 => (0..100usize, 0..8usize).prop_map(|(pick, to)| Op::MoveReaction { pick, to }),
        1 => (0..8usize, 0..4usize).prop_map(|(item, index)| Op::AddRound { item, index }),
        1 => (0..8usize, 0..4usize).prop_map(|(item, round)| Op::RemoveRound { item, round }),
        1 => (0..4usize).prop_map(|group| Op::RemoveGroup { group }),
        2 => Just(Op::Undo),
        1 => Just(Op::Redo),
    ]
}

/// All (item, round, reaction) triples in file order.
fn reactions_of(s: &Session) -> Vec<(Id, Id, Id)> {
    s.agenda
        .iter()
        .flat_map(|i| {
            i.rounds
                .iter()
                .flat_map(move |r| r.reactions.iter().map(move |x| (i.id, r.id, x.id)))
        })
        .collect()
}

fn pick<T: Copy>(list: &[T], n: usize) -> Option<T> {
    if list.is_empty() {
        None
    } else {
        Some(list[n % list.len()])
    }
}

/// Turns an abstract op into a change against the current session; `None` for undo/redo or
/// when there is nothing to pick.
fn to_change(s: &Session, op: &Op, next_id: &mut u64) -> Option<Change> {
    let group_of = |n: usize| {
        if n == 0 {
            None
        } else {
            pick(&s.groups.iter().map(|g| g.id).collect::<Vec<_>>(), n)
        }
    };
    let item_of = |n: usize| &s.agenda[n % s.agenda.len()];
    let round_of = |it: &Item, n: usize| it.rounds[n % it.rounds.len()].id;
    Some(match op {
        Op::Tally {
            item,
            round,
            option: nth_option,
            group,
            delta,
        } => {
            let it = item_of(*item);
            // An option of the item, or (for items without options) a made-up one.
            let option = pick(
                &it.options.iter().map(|o| o.id).collect::<Vec<_>>(),
                *nth_option,
            )
            .unwrap_or(Id(424242));
            Change::Tally {
                item: it.id,
                round: round_of(it, *round),
                option,
                group: group_of(*group),
                delta: *delta,
            }
        }
        Op::AddReaction {
            item,
            round,
            index,
            group,
            stance,
            reuse,
        } => {
            let it = item_of(*item);
            let id = match reuse {
                Some(n) => pick(&s.all_ids(), *n).unwrap(),
                None => {
                    *next_id += 1;
                    Id(*next_id)
                }
            };
            let mut r = reaction(id, &format!("reactie {id}"), group_of(*group));
            r.stance = Stance::ALL[*stance];
            Change::AddReaction {
                item: it.id,
                round: round_of(it, *round),
                index: *index,
                reaction: r,
            }
        }
        Op::UpdateReaction {
            pick: n,
            group,
            text,
            highlighted,
        } => {
            let (item, round, id) = pick(&reactions_of(s), *n)?;
            let mut r = s
                .item(item)?
                .round(round)?
                .reactions
                .iter()
                .find(|x| x.id == id)?
                .clone();
            r.text = text.clone();
            r.group = group_of(*group);
            r.highlighted = *highlighted;
            Change::UpdateReaction {
                item,
                round,
                reaction: r,
            }
        }
        Op::RemoveReaction { pick: n } => {
            let (item, round, reaction) = pick(&reactions_of(s), *n)?;
            Change::RemoveReaction {
                item,
                round,
                reaction,
            }
        }
        Op::MoveReaction { pick: n, to } => {
            let (item, round, reaction) = pick(&reactions_of(s), *n)?;
            Change::MoveReaction {
                item,
                round,
                reaction,
                to: *to,
            }
        }
        Op::AddRound { item, index } => {
            let it = item_of(*item);
            *next_id += 1;
            Change::AddRound {
                item: it.id,
                index: *index,
                round: Box::new(Round::new(Id(*next_id), format!("Ronde {next_id}"))),
            }
        }
        Op::RemoveRound { item, round } => {
            let it = item_of(*item);
            Change::RemoveRound {
                item: it.id,
                round: round_of(it, *round),
            }
        }
        Op::RemoveGroup { group } => {
            let id = pick(&s.groups.iter().map(|g| g.id).collect::<Vec<_>>(), *group)?;
            s.remove_group_change(id)
        }
        Op::Undo | Op::Redo => return None,
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_edits_stay_valid_and_undo_all_the_way_back(ops in prop::collection::vec(op(), 1..80)) {
        let original = sample();
        let mut doc = Document::new(original.clone());
        let mut next_id = 1_000_000u64;
        for op in &ops {
            let before = doc.session().clone();
            let revision = doc.revision();
            match op {
                Op::Undo => {
                    let could = doc.can_undo();
                    prop_assert_eq!(doc.undo(), could);
                    prop_assert_eq!(doc.revision(), revision + u64::from(could));
                }
                Op::Redo => {
                    let could = doc.can_redo();
                    prop_assert_eq!(doc.redo(), could);
                    prop_assert_eq!(doc.revision(), revision + u64::from(could));
                }
                _ => {
                    if let Some(change) = to_change(&before, op, &mut next_id) {
                        match doc.apply(change.clone()) {
                            Ok(()) => {
                                prop_assert_eq!(doc.revision(), revision + 1);
                                // The same change on a plain session gives the same result,
                                // and its inverse goes back exactly.
                                let mut plain = before.clone();
                                let inverse = plain.apply(change).unwrap();
                                prop_assert_eq!(&plain, doc.session());
                                plain.apply(inverse).unwrap();
                                prop_assert_eq!(&plain, &before);
                            }
                            Err(_) => {
                                prop_assert_eq!(doc.session(), &before);
                                prop_assert_eq!(doc.revision(), revision);
                            }
                        }
                    }
                }
            }
            prop_assert_eq!(validate::session(doc.session()), Ok(()));
            for item in &doc.session().agenda {
                prop_assert!(!item.rounds.is_empty());
                for r in &item.rounds {
                    prop_assert!(r.tallies.iter().all(|t| t.count > 0));
                }
            }
        }
        let last = doc.session().clone();
        let had_redo = doc.can_redo();
        let mut undone = 0;
        while doc.undo() {
            undone += 1;
            prop_assert_eq!(validate::session(doc.session()), Ok(()));
        }
        prop_assert_eq!(doc.session(), &original);
        for _ in 0..undone {
            prop_assert!(doc.redo());
        }
        prop_assert_eq!(doc.can_redo(), had_redo);
        prop_assert_eq!(doc.session(), &last);
    }
}

// A batch of reactions only (a chat import) has its ids checked together: the same rules hold.

fn reaction_batch(ids: &[u64]) -> Change {
    Change::Batch(
        ids.iter()
            .map(|&id| Change::AddReaction {
                item: PROP,
                round: R1,
                index: usize::MAX,
                reaction: reaction(Id(id), "uit de chat", Some(G1)),
            })
            .collect(),
    )
}

#[test]
fn a_batch_of_reactions_applies_in_order_and_undoes_as_one() {
    let mut s = sample();
    let before = find_round(&s, PROP, R1).reactions.len();
    let after = roundtrip(&mut s, reaction_batch(&[70_001, 70_002, 70_003]));
    let ids: Vec<Id> = find_round(&after, PROP, R1).reactions[before..]
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(ids, [Id(70_001), Id(70_002), Id(70_003)]);
}

#[test]
fn a_batch_of_reactions_refuses_an_id_used_twice_or_already_in_use() {
    let mut s = sample();
    refused(
        &mut s,
        reaction_batch(&[70_001, 70_002, 70_001]),
        DuplicateId(Id(70_001)),
    );
    refused(&mut s, reaction_batch(&[70_001, G2.0]), DuplicateId(G2));
}

#[test]
fn a_batch_of_reactions_refuses_an_unknown_group_and_leaves_nothing_behind() {
    let mut s = sample();
    let mut batch = reaction_batch(&[70_001, 70_002]);
    if let Change::Batch(changes) = &mut batch
        && let Change::AddReaction { reaction, .. } = &mut changes[1]
    {
        reaction.group = Some(NOPE);
    }
    let before = s.clone();
    assert!(s.apply(batch).is_err());
    assert_eq!(s, before);
}

#[test]
fn totals_of_huge_counts_do_not_overflow() {
    let mut round = Round::new(Id(1), "Ronde 1");
    for group in [Some(G1), Some(G2), None] {
        round.tallies.push(Tally {
            option: OPT_A,
            group,
            count: u32::MAX,
        });
    }
    assert_eq!(round.total(OPT_A), 3 * u64::from(u32::MAX));
    assert_eq!(round.answers(), 3 * u64::from(u32::MAX));
    assert_eq!(round.group_answers(Some(G1)), u64::from(u32::MAX));
    assert_eq!(
        Share::of(round.total(OPT_A), round.answers()).tenths(),
        1000
    );
}

// ---------------------------------------------------------------------------------------------
// Dates outside the years 1000–9999 (issue 14, item 13): no change can make one, and a session
// holding one does not validate.

#[test]
fn no_change_makes_a_date_outside_the_years_1000_to_9999() {
    let far = NaiveDate::from_ymd_opt(20000, 1, 1).unwrap();
    let early = NaiveDate::from_ymd_opt(0, 6, 1).unwrap();
    for bad in [far, early] {
        let mut s = sample();
        let mut d = details_of(&s);
        d.date = Some(bad);
        refused(&mut s, Change::SetDetails(Box::new(d)), DateOutOfRange(bad));

        let moment = FixedOffset::east_opt(3600)
            .unwrap()
            .from_local_datetime(&bad.and_hms_opt(10, 0, 0).unwrap())
            .unwrap();
        let mut r = reaction(Id(9_001), "te laat", None);
        r.time = Some(moment);
        refused(&mut s, add_reaction(0, r), DateOutOfRange(bad));
        refused(
            &mut s,
            Change::UpdateRound {
                item: PROP,
                round: R1,
                label: "Ronde 1".into(),
                started: Some(moment),
                ended: None,
            },
            DateOutOfRange(bad),
        );
        let mut c = find_item(&s, COMMITMENTS).commitments[0].clone();
        c.follow_up = Some(bad);
        refused(
            &mut s,
            Change::PutRecord {
                item: COMMITMENTS,
                index: 0,
                record: Record::Commitment(c),
            },
            DateOutOfRange(bad),
        );
        let mut p = find_item(&s, PROPOSALS).proposals[0].clone();
        p.actions[0].due = Some(bad);
        refused(
            &mut s,
            Change::PutRecord {
                item: PROPOSALS,
                index: 0,
                record: Record::Proposal(p),
            },
            DateOutOfRange(bad),
        );
        let mut whole = sample();
        whole.agenda[3].commitments[0].start = Some(bad);
        assert_eq!(validate::session(&whole), Err(DateOutOfRange(bad)));
    }
    // The edges are dates like any other.
    let mut s = sample();
    let mut d = details_of(&s);
    d.date = NaiveDate::from_ymd_opt(9999, 12, 31);
    s.apply(Change::SetDetails(Box::new(d))).unwrap();
}

#[test]
fn a_problem_in_a_whole_session_names_its_record_and_item() {
    use stelling::model::validate::{Place, Problem};
    let mut s = sample();
    s.agenda[1].rounds[0].reactions[0].id = RE1;
    assert_eq!(
        validate::located(&s),
        Err(Problem {
            error: DuplicateId(RE1),
            item: Some(1),
            place: Place::Repeated(RE1),
        })
    );
    let mut s = sample();
    s.agenda[2].proposals[0].feedback[0].from_group = Some(NOPE);
    assert_eq!(
        validate::located(&s),
        Err(Problem {
            error: UnknownGroup(NOPE),
            item: Some(2),
            place: Place::Reference {
                within: PROPOSALS,
                to: NOPE
            },
        })
    );
    let mut s = sample();
    s.agenda[0].rounds[1].started = Some(ts(15, 0));
    s.agenda[0].rounds[1].ended = Some(ts(14, 0));
    assert_eq!(
        validate::located(&s).map_err(|p| (p.item, p.place)),
        Err((Some(0), Place::Record(R2)))
    );
    let mut s = sample();
    s.groups[2].name = String::new();
    assert_eq!(
        validate::located(&s).map_err(|p| (p.item, p.place)),
        Err((None, Place::Record(s.groups[2].id)))
    );
}
