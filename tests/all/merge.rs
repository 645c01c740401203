//! Merging subgroup copies: the merge laws (commutative, associative, idempotent) on random
//! laptop edits, nothing recorded in any copy is lost, and totals are the sum of the groups.
//!
//! "Equal" means equal in `merge::canonical` form: the same records with the same contents,
//! list order and the order of note lines aside. Merging interleaves agenda items that no single
//! file ordered against each other, so only each file's own order is checked (see
//! `every_file_keeps_its_agenda_order`).

use proptest::prelude::*;
use std::collections::{HashMap, HashSet};
use stelling::model::merge::{self, Conflicted, MergeError, canonical};
use stelling::model::*;

use crate::support::reaction;

// ---------------------------------------------------------------------------------------------
// A prepared session with fixed ids, handed out to one laptop per group.

const SHARED_PROPOSAL: Id = Id(0x7000);

fn prepared(groups: usize) -> Session {
    let mut s = Session::new("Werkconferentie", Language::Nl);
    s.id = Id(0x5e55);
    s.notes = "Gemengde subgroepen.".into();
    for g in 0..groups {
        s.groups.push(Group {
            id: Id(0x100 + g as u64),
            name: format!("Subgroep {}", (b'A' + g as u8) as char),
            size: None,
        });
    }
    let kinds = [
        ItemKind::Proposition,
        ItemKind::Question,
        ItemKind::Statements,
        ItemKind::Proposition,
    ];
    for (n, kind) in kinds.into_iter().enumerate() {
        let base = 0x1000 * (n as u64 + 1);
        let mut item = Item::new(&s, kind, format!("Item {n}"));
        item.id = Id(base);
        for (k, o) in item.options.iter_mut().enumerate() {
            o.id = Id(base + 0x10 + k as u64);
        }
        item.rounds[0].id = Id(base + 0x20);
        if kind == ItemKind::Statements {
            for t in 0..2 {
                item.themes.push(Theme {
                    id: Id(base + 0x30 + t),
                    name: format!("Thema {t}"),
                });
            }
        }
        // One reaction recorded before the copies were handed out: every copy has it.
        item.rounds[0].reactions.push(reaction(
            Id(base + 0x40),
            format!("Vooraf bij item {n}"),
            Stance::Neutral,
            None,
        ));
        s.agenda.push(item);
    }
    // A proposal written before the split, so laptops can add feedback and edit its action.
    s.agenda[0].proposals.push(Proposal {
        id: SHARED_PROPOSAL,
        group: None,
        title: "Eén loket".into(),
        description: String::new(),
        actions: vec![Action {
            id: Id(0x7001),
            text: "Plan maken".into(),
            owner: String::new(),
            due: None,
        }],
        feedback: Vec::new(),
    });
    validate::session(&s).unwrap();
    s
}

/// One thing a facilitator does on their copy. Indices are taken modulo what exists.
#[derive(Clone, Debug)]
enum Edit {
    /// Count hands for the laptop's own group.
    Tally {
        item: usize,
        option: usize,
        n: u32,
    },
    /// Count hands for any group (another laptop may count the same group: a conflict).
    TallyAnyGroup {
        item: usize,
        option: usize,
        group: usize,
        n: u32,
    },
    React {
        item: usize,
        text: String,
        stance: usize,
    },
    /// Edit the reaction recorded before the split: a conflict when two laptops differ.
    RewriteShared {
        item: usize,
        text: String,
    },
    HighlightShared {
        item: usize,
    },
    /// Reword an item: a conflict.
    Reword {
        item: usize,
        text: String,
    },
    AddItem {
        after: usize,
        text: String,
    },
    Statement {
        theme: usize,
        text: String,
    },
    Proposal {
        title: String,
    },
    Commitment {
        person: String,
    },
    Note {
        line: String,
    },
    Title {
        title: String,
    },
    /// Single values with a rule rather than a copy.
    Details {
        place: String,
        day: u32,
        participants: u32,
    },
    RelabelOption {
        item: usize,
        option: usize,
        label: String,
    },
    AddOption {
        item: usize,
        label: String,
    },
    RenameTheme {
        theme: usize,
        name: String,
    },
    RelabelRound {
        item: usize,
        label: String,
    },
    RenameGroup {
        group: usize,
        name: String,
    },
    GroupSize {
        group: usize,
        size: u32,
    },
    /// Another kind: a conflict on the item.
    KindToInfo {
        item: usize,
    },
    /// Carousel feedback on the proposal written before the split.
    Feedback {
        text: String,
    },
    /// Edit the proposal's action written before the split: a conflict.
    RewriteAction {
        text: String,
    },
    /// Press N in the run view: end the last round and start the next, a few minutes on. Every
    /// laptop that does this makes the same round (and counts and reacts in the last round).
    NewRound {
        item: usize,
        minutes: i64,
    },
}

fn small_text() -> impl Strategy<Value = String> {
    // Few distinct texts, so two laptops often make the same edit (which is no conflict).
    "[a-c]{1,2}"
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (0..4usize, 0..3usize, 1..20u32).prop_map(|(item, option, n)| Edit::Tally { item, option, n }),
        1 => (0..4usize, 0..3usize, 0..4usize, 1..20u32)
            .prop_map(|(item, option, group, n)| Edit::TallyAnyGroup { item, option, group, n }),
        4 => (0..4usize, small_text(), 0..4usize)
            .prop_map(|(item, text, stance)| Edit::React { item, text, stance }),
        1 => (0..4usize, small_text()).prop_map(|(item, text)| Edit::RewriteShared { item, text }),
        1 => (0..4usize).prop_map(|item| Edit::HighlightShared { item }),
        1 => (0..4usize, small_text()).prop_map(|(item, text)| Edit::Reword { item, text }),
        1 => (0..6usize, small_text()).prop_map(|(after, text)| Edit::AddItem { after, text }),
        2 => (0..2usize, small_text()).prop_map(|(theme, text)| Edit::Statement { theme, text }),
        1 => small_text().prop_map(|title| Edit::Proposal { title }),
        1 => small_text().prop_map(|person| Edit::Commitment { person }),
        1 => small_text().prop_map(|line| Edit::Note { line }),
        1 => small_text().prop_map(|title| Edit::Title { title }),
        1 => (small_text(), 1..4u32, 0..3u32)
            .prop_map(|(place, day, participants)| Edit::Details { place, day, participants }),
        1 => (0..4usize, 0..3usize, small_text())
            .prop_map(|(item, option, label)| Edit::RelabelOption { item, option, label }),
        1 => (0..4usize, small_text()).prop_map(|(item, label)| Edit::AddOption { item, label }),
        1 => (0..2usize, small_text()).prop_map(|(theme, name)| Edit::RenameTheme { theme, name }),
        1 => (0..4usize, small_text()).prop_map(|(item, label)| Edit::RelabelRound { item, label }),
        1 => (0..4usize, small_text()).prop_map(|(group, name)| Edit::RenameGroup { group, name }),
        1 => (0..4usize, 1..3u32).prop_map(|(group, size)| Edit::GroupSize { group, size }),
        1 => (0..4usize).prop_map(|item| Edit::KindToInfo { item }),
        1 => small_text().prop_map(|text| Edit::Feedback { text }),
        1 => small_text().prop_map(|text| Edit::RewriteAction { text }),
        2 => (0..4usize, 1..30i64).prop_map(|(item, minutes)| Edit::NewRound { item, minutes }),
    ]
}

/// Ids a laptop hands out: distinct per laptop, as random ids are in practice.
struct Ids {
    laptop: u64,
    next: u64,
}

impl Ids {
    fn fresh(&mut self) -> Id {
        self.next += 1;
        Id((self.laptop + 1) << 40 | self.next)
    }
}

/// The proposal every copy shares, as it is now in `s` (none once a laptop removed it).
fn shared_proposal(s: &Session) -> Option<Proposal> {
    let found = s.agenda[0]
        .proposals
        .iter()
        .find(|p| p.id == SHARED_PROPOSAL);
    found.cloned()
}

/// The change that writes `p` back in the first item's first place.
fn put_shared(s: &Session, p: Proposal) -> Change {
    let item = s.agenda[0].id;
    let record = Record::Proposal(p);
    Change::PutRecord {
        item,
        index: 0,
        record,
    }
}

fn apply(s: &mut Session, laptop: usize, edits: &[Edit]) {
    let mut ids = Ids {
        laptop: laptop as u64,
        next: 0,
    };
    let own = s.recording_group;
    // The laptop's clock: each laptop presses N at its own moments.
    let mut clock = chrono::DateTime::parse_from_rfc3339("2025-01-01T10:00:00+01:00").unwrap()
        + chrono::Duration::minutes(laptop as i64);
    for e in edits {
        let n_items = s.agenda.len();
        let pick = |i: usize| i % n_items;
        let change = match e.clone() {
            Edit::Tally { item, option, n }
            | Edit::TallyAnyGroup {
                item, option, n, ..
            } => {
                let it = &s.agenda[pick(item)];
                if it.options.is_empty() {
                    continue;
                }
                let group = match e {
                    Edit::TallyAnyGroup { group, .. } => Some(s.groups[group % s.groups.len()].id),
                    _ => own,
                };
                Change::Tally {
                    item: it.id,
                    round: it.rounds.last().unwrap().id,
                    option: it.options[option % it.options.len()].id,
                    group,
                    delta: i64::from(n),
                }
            }
            Edit::React { item, text, stance } => {
                let it = &s.agenda[pick(item)];
                Change::AddReaction {
                    item: it.id,
                    round: it.rounds.last().unwrap().id,
                    index: usize::MAX,
                    reaction: reaction(ids.fresh(), text, Stance::ALL[stance], own),
                }
            }
            Edit::RewriteShared { item, .. } | Edit::HighlightShared { item } => {
                let it = &s.agenda[pick(item)];
                let Some(mut r) = it.rounds[0].reactions.first().cloned() else {
                    continue;
                };
                match e {
                    Edit::RewriteShared { text, .. } => r.text = text.clone(),
                    _ => r.highlighted = true,
                }
                Change::UpdateReaction {
                    item: it.id,
                    round: it.rounds[0].id,
                    reaction: r,
                }
            }
            Edit::Reword { item, text } => {
                let mut it = s.agenda[pick(item)].clone();
                it.text = text;
                Change::ReplaceItem(Box::new(it))
            }
            Edit::AddItem { after, text } => {
                let mut it = Item::new(s, ItemKind::Question, text);
                it.id = ids.fresh();
                it.rounds[0].id = ids.fresh();
                Change::AddItem {
                    index: after % (n_items + 1),
                    item: Box::new(it),
                }
            }
            Edit::Statement { theme, text } => {
                let Some(it) = s.agenda.iter().find(|i| !i.themes.is_empty()) else {
                    continue;
                };
                Change::PutRecord {
                    item: it.id,
                    index: usize::MAX,
                    record: Record::Statement(Statement {
                        id: ids.fresh(),
                        theme: it.themes[theme % it.themes.len()].id,
                        group: own,
                        text,
                    }),
                }
            }
            Edit::Proposal { title } => Change::PutRecord {
                item: s.agenda[0].id,
                index: usize::MAX,
                record: Record::Proposal(Proposal {
                    id: ids.fresh(),
                    group: own,
                    title,
                    description: String::new(),
                    actions: vec![Action {
                        id: ids.fresh(),
                        text: "Begin".into(),
                        owner: String::new(),
                        due: None,
                    }],
                    feedback: Vec::new(),
                }),
            },
            Edit::Commitment { person } => Change::PutRecord {
                item: s.agenda[0].id,
                index: usize::MAX,
                record: Record::Commitment(Commitment {
                    id: ids.fresh(),
                    person,
                    organisation: String::new(),
                    action: "Morgen beginnen".into(),
                    start: None,
                    follow_up: None,
                }),
            },
            Edit::Note { line } => {
                let mut d = s.details();
                d.notes = format!("{}\n{line}", d.notes);
                Change::SetDetails(Box::new(d))
            }
            Edit::Title { title } => {
                let mut d = s.details();
                d.title = title;
                Change::SetDetails(Box::new(d))
            }
            Edit::Details {
                place,
                day,
                participants,
            } => {
                let mut d = s.details();
                d.place = place;
                d.date = chrono::NaiveDate::from_ymd_opt(2025, 1, day);
                d.participants = Some(participants);
                Change::SetDetails(Box::new(d))
            }
            Edit::RelabelOption {
                item,
                option,
                label,
            } => {
                let mut it = s.agenda[pick(item)].clone();
                let n = it.options.len();
                let Some(o) = it.options.get_mut(option % n.max(1)) else {
                    continue;
                };
                o.label = label;
                Change::ReplaceItem(Box::new(it))
            }
            Edit::AddOption { item, label } => {
                let mut it = s.agenda[pick(item)].clone();
                if it.options.is_empty() {
                    continue;
                }
                it.options.push(ResponseOption {
                    id: ids.fresh(),
                    label,
                });
                Change::ReplaceItem(Box::new(it))
            }
            Edit::RenameTheme { theme, name } => {
                let Some(it) = s.agenda.iter().find(|i| !i.themes.is_empty()) else {
                    continue;
                };
                let mut th = it.themes[theme % it.themes.len()].clone();
                th.name = name;
                Change::PutRecord {
                    item: it.id,
                    index: 0,
                    record: Record::Theme(th),
                }
            }
            Edit::RelabelRound { item, label } => {
                let it = &s.agenda[pick(item)];
                let r = &it.rounds[0];
                Change::UpdateRound {
                    item: it.id,
                    round: r.id,
                    label,
                    started: r.started,
                    ended: r.ended,
                }
            }
            Edit::RenameGroup { group, name } => {
                let mut g = s.groups[group % s.groups.len()].clone();
                g.name = name;
                Change::UpdateGroup(g)
            }
            Edit::GroupSize { group, size } => {
                let mut g = s.groups[group % s.groups.len()].clone();
                g.size = Some(size);
                Change::UpdateGroup(g)
            }
            Edit::KindToInfo { item } => {
                let mut it = s.agenda[pick(item)].clone();
                it.kind = ItemKind::Info;
                Change::ReplaceItem(Box::new(it))
            }
            Edit::Feedback { text } => {
                let Some(mut p) = shared_proposal(s) else {
                    continue;
                };
                p.feedback.push(stelling::model::Feedback {
                    id: ids.fresh(),
                    from_group: own,
                    text,
                });
                put_shared(s, p)
            }
            Edit::RewriteAction { text } => {
                let Some(mut p) = shared_proposal(s) else {
                    continue;
                };
                p.actions[0].text = text;
                put_shared(s, p)
            }
            Edit::NewRound { item, minutes } => {
                // As the run view's N does it.
                let it = &s.agenda[pick(item)];
                clock += chrono::Duration::minutes(minutes);
                let last = it.rounds.last().unwrap();
                let mut round = Round::new(
                    merge::new_round_id(s, it),
                    (words(s.language).session.round)(it.rounds.len() + 1),
                );
                round.started = Some(clock);
                Change::Batch(vec![
                    Change::UpdateRound {
                        item: it.id,
                        round: last.id,
                        label: last.label.clone(),
                        started: last.started.filter(|t| *t <= clock),
                        ended: Some(clock),
                    },
                    Change::AddRound {
                        item: it.id,
                        index: it.rounds.len(),
                        round: Box::new(round),
                    },
                ])
            }
        };
        s.apply(change).expect("a generated edit applies");
    }
}

/// The prepared session split over `laptops.len()` groups, each copy edited on its laptop.
fn copies(laptops: &[Vec<Edit>]) -> Vec<Session> {
    let base = prepared(laptops.len());
    merge::split(&base)
        .into_iter()
        .zip(laptops)
        .enumerate()
        .map(|(i, (mut copy, edits))| {
            apply(&mut copy, i, edits);
            copy
        })
        .collect()
}

fn laptops(n: std::ops::Range<usize>) -> impl Strategy<Value = Vec<Vec<Edit>>> {
    prop::collection::vec(prop::collection::vec(edit(), 0..12), n)
}

fn merged(sessions: &[Session]) -> Session {
    merge::merge(sessions, false)
        .expect("copies of one session merge")
        .session
}

fn reactions(s: &Session) -> HashMap<Id, &Reaction> {
    s.agenda
        .iter()
        .flat_map(|i| i.reactions())
        .map(|r| (r.id, r))
        .collect()
}

/// Where an option's count for one group in one round may come from.
type TallyKey = (Id, Id, Option<Id>);

fn tallies(s: &Session) -> HashMap<TallyKey, u32> {
    let mut out = HashMap::new();
    for item in &s.agenda {
        for r in &item.rounds {
            for t in &r.tallies {
                out.insert((r.id, t.option, t.group), t.count);
            }
        }
    }
    out
}

/// One id given to different records in three copies, as hand edits could: a reaction in the
/// first prepared item in copy 0, one in the second in copy 1, a group in copy 2. The ids
/// a laptop draws are random, so this one is not taken.
const CLASH: Id = Id(0xc1a5_4000_0000_0001);

fn with_clashes(mut c: Vec<Session>) -> Vec<Session> {
    for (copy, item, text) in [
        (0, Id(0x1000), "Eerste laptop"),
        (1, Id(0x2000), "Tweede laptop"),
    ] {
        let it = c[copy].agenda.iter_mut().find(|i| i.id == item);
        let round = &mut it.expect("prepared items stay").rounds[0];
        round
            .reactions
            .push(reaction(CLASH, text, Stance::For, None));
    }
    c[2].groups.push(Group {
        id: CLASH,
        name: "Derde laptop".into(),
        size: None,
    });
    for copy in &c {
        validate::session(copy).expect("each copy is valid on its own");
    }
    c
}

fn renumbered(sessions: &[Session]) -> Session {
    merge::merge_with(sessions, false, true)
        .expect("renumbering resolves every shared id")
        .session
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn shared_ids_are_refused_or_renumbered_by_the_merge_laws(laptops in laptops(3..4)) {
        let c = with_clashes(copies(&laptops));
        let refused = merge::merge(&c, false);
        prop_assert!(matches!(refused, Err(MergeError::IdClash(_))), "{:?}", refused.err());
        let all = renumbered(&c);
        validate::session(&all).unwrap();
        let texts: Vec<&str> = all
            .agenda
            .iter()
            .flat_map(|i| i.reactions())
            .map(|r| r.text.as_str())
            .chain(all.groups.iter().map(|g| g.name.as_str()))
            .collect();
        for text in ["Eerste laptop", "Tweede laptop", "Derde laptop"] {
            prop_assert!(texts.contains(&text), "{} lost", text);
        }
        let mut reversed = c.clone();
        reversed.reverse();
        prop_assert_eq!(canonical(&renumbered(&reversed)), canonical(&all));
        let left = renumbered(&[renumbered(&[c[0].clone(), c[1].clone()]), c[2].clone()]);
        let right = renumbered(&[c[0].clone(), renumbered(&[c[1].clone(), c[2].clone()])]);
        prop_assert_eq!(canonical(&left), canonical(&all));
        prop_assert_eq!(canonical(&right), canonical(&all));
        for copy in &c {
            prop_assert_eq!(canonical(&renumbered(&[all.clone(), copy.clone()])), canonical(&all));
        }
    }

    #[test]
    fn merge_is_commutative(laptops in laptops(2..5)) {
        let c = copies(&laptops);
        let forward = merged(&c);
        let mut reversed = c.clone();
        reversed.reverse();
        prop_assert_eq!(canonical(&forward), canonical(&merged(&reversed)));
        prop_assert_eq!(
            canonical(&merged(&[c[0].clone(), c[1].clone()])),
            canonical(&merged(&[c[1].clone(), c[0].clone()]))
        );
    }

    #[test]
    fn merge_is_associative(laptops in laptops(3..4)) {
        let c = copies(&laptops);
        let left = merged(&[merged(&[c[0].clone(), c[1].clone()]), c[2].clone()]);
        let right = merged(&[c[0].clone(), merged(&[c[1].clone(), c[2].clone()])]);
        prop_assert_eq!(canonical(&left), canonical(&right));
        prop_assert_eq!(canonical(&left), canonical(&merged(&c)));
    }

    #[test]
    fn merge_is_idempotent(laptops in laptops(1..4)) {
        let c = copies(&laptops);
        for copy in &c {
            // A file merged with itself is that file, to the byte.
            let same = merge::merge(&[copy.clone(), copy.clone()], false).unwrap();
            prop_assert_eq!(&same.session, copy);
            prop_assert!(same.conflicts.is_empty());
        }
        let all = merged(&c);
        prop_assert_eq!(&merged(&[all.clone(), all.clone()]), &all);
        // Merging the result again with any input adds nothing.
        for copy in &c {
            prop_assert_eq!(canonical(&merged(&[all.clone(), copy.clone()])), canonical(&all));
        }
    }

    #[test]
    fn no_reaction_is_lost(laptops in laptops(2..5)) {
        let c = copies(&laptops);
        let m = merge::merge(&c, false).unwrap();
        validate::session(&m.session).unwrap();
        let out = reactions(&m.session);
        let texts: HashSet<&str> = out.values().map(|r| r.text.as_str()).collect();
        let mark = words(m.session.language).session.other_version;
        for copy in &c {
            for (id, r) in reactions(copy) {
                prop_assert!(out.contains_key(&id), "reaction {id} is missing");
                // Edited on two laptops: one version under the id, the other marked.
                let kept = out[&id].text == r.text
                    || texts.contains(format!("{mark}{}", r.text).as_str());
                prop_assert!(kept, "the text “{}” of reaction {id} is missing", r.text);
                if r.highlighted && out[&id].text == r.text {
                    prop_assert!(out[&id].highlighted);
                }
            }
        }
        // Nothing is there twice: as many reactions as distinct ids plus conflict copies.
        let ids: HashSet<Id> = c.iter().flat_map(|s| reactions(s).into_keys()).collect();
        let copies = m.conflicts.iter().filter(|x| x.what == Conflicted::Reaction).count();
        prop_assert!(out.len() >= ids.len() && out.len() <= ids.len() + copies);
    }

    #[test]
    fn totals_are_the_sum_of_the_groups(laptops in laptops(2..5)) {
        let c = copies(&laptops);
        let m = merged(&c);
        // Every count is the largest any file has for that option, group and round …
        let mut expected: HashMap<TallyKey, u32> = HashMap::new();
        for copy in &c {
            for (k, n) in tallies(copy) {
                let e = expected.entry(k).or_default();
                *e = (*e).max(n);
            }
        }
        prop_assert_eq!(tallies(&m), expected);
        // … and an option's total adds up the groups.
        for item in &m.agenda {
            for r in &item.rounds {
                for o in &item.options {
                    let by_group: u64 = m.groups.iter().map(|g| r.count(o.id, Some(g.id))).sum();
                    prop_assert_eq!(r.total(o.id), by_group + r.count(o.id, None));
                }
            }
        }
    }

    #[test]
    fn laptops_that_count_their_own_group_add_up(
        counts in prop::collection::vec(prop::collection::vec((0..4usize, 0..3usize, 1..20u32), 0..8), 2..5)
    ) {
        let laptops: Vec<Vec<Edit>> = counts
            .iter()
            .map(|l| l.iter().map(|&(item, option, n)| Edit::Tally { item, option, n }).collect())
            .collect();
        let c = copies(&laptops);
        let m = merge::merge(&c, false).unwrap();
        prop_assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
        let total = |s: &Session| -> u64 {
            s.agenda.iter().flat_map(|i| &i.rounds).map(|r| r.answers()).sum()
        };
        prop_assert_eq!(total(&m.session), c.iter().map(total).sum::<u64>());
        prop_assert_eq!(m.summary.merged.answers, c.iter().map(total).sum::<u64>());
    }

    #[test]
    fn every_file_keeps_its_agenda_order(laptops in laptops(2..5)) {
        let c = copies(&laptops);
        let m = merged(&c);
        let position: HashMap<Id, usize> =
            m.agenda.iter().enumerate().map(|(i, it)| (it.id, i)).collect();
        for copy in &c {
            let order: Vec<usize> = copy.agenda.iter().map(|it| position[&it.id]).collect();
            prop_assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Conflicts and refusals.

#[test]
fn a_reworded_proposition_is_reported_and_both_versions_kept() {
    let base = prepared(2);
    let [mut a, mut b]: [Session; 2] = merge::split(&base).try_into().unwrap();
    let item = base.agenda[0].clone();
    let mut reworded = item.clone();
    reworded.text = "Zo ligt het anders".into();
    b.apply(Change::ReplaceItem(Box::new(reworded))).unwrap();
    // Both laptops count: the tallies stay with the version that keeps the id.
    for (s, n) in [(&mut a, 4), (&mut b, 6)] {
        let group = s.recording_group;
        s.apply(Change::Tally {
            item: item.id,
            round: item.rounds[0].id,
            option: item.options[0].id,
            group,
            delta: n,
        })
        .unwrap();
    }
    let m = merge::merge(&[a.clone(), b.clone()], false).unwrap();
    let items: Vec<&Item> = m.session.agenda.iter().collect();
    assert_eq!(items.len(), base.agenda.len() + 1);
    let kept = m.session.item(item.id).unwrap();
    let other = items
        .iter()
        .find(|i| base.item(i.id).is_none())
        .expect("the other version is an item of its own");
    let texts = [kept.text.as_str(), other.text.as_str()];
    assert!(
        other
            .text
            .starts_with(words(Language::Nl).session.other_version),
        "{}",
        other.text
    );
    assert!(
        texts.iter().any(|t| t.ends_with("Item 0"))
            && texts.iter().any(|t| t.ends_with("Zo ligt het anders")),
        "{texts:?}"
    );
    // The other version follows the one that kept the id.
    let at = |id| m.session.item_index(id).unwrap();
    assert_eq!(at(other.id), at(item.id) + 1);
    assert_eq!(kept.rounds[0].total(item.options[0].id), 10);
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    let c = &m.conflicts[0];
    assert_eq!(c.what, Conflicted::Item);
    assert_eq!(c.copy, Some(other.id));
    let line = c.to_string();
    assert!(
        line.contains("Item 0") && line.contains("Zo ligt het anders"),
        "{line}"
    );
    // Order of the files does not decide which version keeps the id.
    let swapped = merge::merge(&[b, a], false).unwrap();
    assert_eq!(canonical(&swapped.session), canonical(&m.session));
}

// ---------------------------------------------------------------------------------------------
// Rounds started on the copies.

/// Every table presses N on its own laptop, counts its hands and notes a reaction: the merge
/// has one new round with all of them, not one half round per laptop.
#[test]
fn a_round_started_on_every_copy_is_one_round_after_merging() {
    let base = prepared(3);
    let item = base.agenda[0].clone();
    let option = item.options[0].id;
    let at = |minute: i64| {
        chrono::DateTime::parse_from_rfc3339("2025-01-01T10:00:00+01:00").unwrap()
            + chrono::Duration::minutes(minute)
    };
    let mut copies = merge::split(&base);
    for (n, s) in copies.iter_mut().enumerate() {
        let group = s.recording_group;
        let mut round = Round::new(
            merge::new_round_id(s, s.item(item.id).unwrap()),
            (words(s.language).session.round)(2),
        );
        let start = at(10 + n as i64);
        round.started = Some(start);
        round.ended = Some(start + chrono::Duration::minutes(5 * n as i64 + 1));
        let round_id = round.id;
        s.apply(Change::AddRound {
            item: item.id,
            index: 1,
            round: Box::new(round),
        })
        .unwrap();
        s.apply(Change::Tally {
            item: item.id,
            round: round_id,
            option,
            group,
            delta: n as i64 + 1,
        })
        .unwrap();
        s.apply(Change::AddReaction {
            item: item.id,
            round: round_id,
            index: usize::MAX,
            reaction: reaction(
                Id(0x9000 + n as u64),
                format!("Tafel {n}"),
                Stance::For,
                group,
            ),
        })
        .unwrap();
    }
    let m = merge::merge(&copies, false).unwrap();
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    let rounds = &m.session.item(item.id).unwrap().rounds;
    assert_eq!(rounds.len(), 2, "{rounds:?}");
    let new = &rounds[1];
    assert_eq!(new.id, merge::round_id_for(item.id, 2));
    assert_eq!(new.label, "Ronde 2");
    for (n, g) in base.groups.iter().enumerate() {
        assert_eq!(new.count(option, Some(g.id)), u64::from(n as u32 + 1));
    }
    assert_eq!(new.total(option), 1 + 2 + 3);
    assert_eq!(new.reactions.len(), 3);
    // The earliest start and the latest end.
    assert_eq!(new.started, Some(at(10)));
    assert_eq!(new.ended, Some(at(12) + chrono::Duration::minutes(11)));
    // In any order.
    copies.reverse();
    assert_eq!(
        canonical(&merge::merge(&copies, false).unwrap().session),
        canonical(&m.session)
    );
}

#[test]
fn a_new_rounds_id_is_derived_only_on_a_copy_and_never_taken_twice() {
    let base = prepared(2);
    let item = base.agenda[0].clone();
    let derived = merge::round_id_for(item.id, item.rounds.len() + 1);
    assert_eq!(derived, merge::round_id_for(item.id, 2), "stable");
    assert_ne!(derived, merge::round_id_for(item.id, 3));
    assert_ne!(derived, merge::round_id_for(base.agenda[1].id, 2));

    // The whole room's session draws a fresh id, as before.
    assert_ne!(merge::new_round_id(&base, &item), derived);

    let [mut a, b]: [Session; 2] = merge::split(&base).try_into().unwrap();
    assert_eq!(merge::new_round_id(&a, &item), derived);
    assert_eq!(merge::new_round_id(&b, &item), derived);

    // An id already in the session (here a reaction's) is never handed out again.
    a.apply(Change::AddReaction {
        item: item.id,
        round: item.rounds[0].id,
        index: usize::MAX,
        reaction: reaction(derived, "Toevallig dezelfde", Stance::Neutral, None),
    })
    .unwrap();
    let item = a.item(item.id).unwrap();
    let id = merge::new_round_id(&a, item);
    assert_ne!(id, derived);
    assert!(!a.all_ids().contains(&id));
}

#[test]
fn a_reaction_edited_on_two_laptops_keeps_both_texts() {
    let base = prepared(2);
    let [mut a, mut b]: [Session; 2] = merge::split(&base).try_into().unwrap();
    let item = &base.agenda[1];
    let shared = item.rounds[0].reactions[0].clone();
    for (s, text) in [(&mut a, "eerste lezing"), (&mut b, "tweede lezing")] {
        s.apply(Change::UpdateReaction {
            item: item.id,
            round: item.rounds[0].id,
            reaction: Reaction {
                text: text.into(),
                ..shared.clone()
            },
        })
        .unwrap();
    }
    let m = merge::merge(&[a, b], false).unwrap();
    let texts: Vec<String> = m.session.agenda[1]
        .reactions()
        .map(|r| r.text.clone())
        .collect();
    assert_eq!(texts, ["eerste lezing", "[andere versie] tweede lezing"]);
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(m.conflicts[0].what, Conflicted::Reaction);
}

#[test]
fn unrelated_sessions_are_refused_unless_forced() {
    let a = prepared(2);
    let mut b = Session::new("Iets anders", Language::En);
    b.agenda
        .push(Item::new(&b, ItemKind::Question, "Wat ging goed?"));
    let err = merge::merge(&[a.clone(), b.clone()], false).unwrap_err();
    assert!(matches!(
        err,
        MergeError::DifferentSessions { index: 1, .. }
    ));
    let message = err.to_string();
    assert!(message.contains("Iets anders") && message.contains("Werkconferentie"));
    let m = merge::merge(&[a.clone(), b.clone()], true).unwrap();
    assert_eq!(m.session.agenda.len(), a.agenda.len() + 1);
    validate::session(&m.session).unwrap();
    // The two titles and languages are conflicts on a single value, listed.
    assert!(m.conflicts.iter().any(|c| c.what == Conflicted::Title));
    assert!(m.conflicts.iter().any(|c| c.what == Conflicted::Language));
}

#[test]
fn a_session_file_without_a_recording_group_still_loads() {
    let text = stelling::store::to_ron(&prepared(1));
    assert!(!text.contains("recording_group"));
    let copy = &merge::split(&prepared(1))[0];
    let text = stelling::store::to_ron(copy);
    assert!(
        text.contains("recording_group: Some(\"0000000000000100\")"),
        "{text}"
    );
    let back = stelling::store::parse(&text, std::path::Path::new("copy.ron")).unwrap();
    assert_eq!(&back, copy);
}

#[test]
fn a_large_session_merges_with_its_copies() {
    // 100 items and 10,000 reactions, three copies each adding a reaction per item.
    let base = sample::large_session(100, 10_000);
    let mut copies = merge::split(&base);
    for (n, copy) in copies.iter_mut().enumerate() {
        let group = copy.recording_group;
        let adds: Vec<Change> = copy
            .agenda
            .iter()
            .map(|item| Change::AddReaction {
                item: item.id,
                round: item.rounds[0].id,
                index: usize::MAX,
                reaction: reaction(
                    Id(((n as u64 + 1) << 48) | item.id.0 >> 16),
                    format!("Copy {n}"),
                    Stance::For,
                    group,
                ),
            })
            .collect();
        copy.apply(Change::Batch(adds)).unwrap();
    }
    let started = std::time::Instant::now();
    let m = merge::merge(&copies, false).unwrap();
    let took = started.elapsed();
    eprintln!("merged 3 × 10,000 reactions in {took:?}");
    assert_eq!(m.summary.merged.reactions, 10_000 + 3 * 100);
    assert_eq!(
        m.summary.merged.answers,
        merge::Counts::of(&base).answers,
        "the same counts in every copy are not added up"
    );
    assert!(m.conflicts.is_empty());
}
