//! The example sessions in `sessions/` load, validate, survive a save/load round trip and
//! contain what each example is meant to show.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use stelling::model::{Commitment, Item, ItemKind, Session, Stance, validate};
use stelling::store;

fn sessions_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions")
}

fn example_paths() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(sessions_dir())
        .expect("sessions/ exists")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    paths.sort();
    paths
}

fn load(name: &str) -> Session {
    let path = sessions_dir().join(name);
    store::load(&path).unwrap_or_else(|e| panic!("{e}"))
}

fn items(s: &Session, kind: ItemKind) -> Vec<&Item> {
    s.agenda.iter().filter(|i| i.kind == kind).collect()
}

/// Every reaction of the session, with the item it belongs to.
fn reactions(s: &Session) -> impl Iterator<Item = &stelling::model::Reaction> {
    s.agenda.iter().flat_map(|i| i.reactions())
}

#[test]
fn every_example_loads_validates_and_round_trips() {
    let paths = example_paths();
    assert_eq!(
        paths.len(),
        4,
        "expected four example sessions, found {paths:?}"
    );
    for path in &paths {
        let session = store::load(path).unwrap_or_else(|e| panic!("{e}"));
        validate::session(&session).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(session.version, 1);
        assert_eq!(session.language, stelling::model::Language::Nl);
        assert!(!session.title.trim().is_empty());
        assert!(
            session.date.is_some() && session.start_time.is_some() && session.end_time.is_some()
        );
        assert!(!session.place.is_empty() && !session.facilitators.is_empty());
        assert!(session.participants.is_some());
        assert!(!session.agenda.is_empty());

        // Reaction times fall on the session's date.
        for r in reactions(&session) {
            if let Some(t) = r.time {
                assert_eq!(
                    Some(t.date_naive()),
                    session.date,
                    "{}: {}",
                    path.display(),
                    r.text
                );
            }
        }

        let text = store::to_ron(&session);
        let again = store::parse(&text, path)
            .unwrap_or_else(|e| panic!("re-parsing {}: {e}", path.display()));
        assert_eq!(
            session,
            again,
            "{} changes when saved and loaded again",
            path.display()
        );
    }
}

#[test]
fn ids_are_distinct_across_all_examples() {
    let mut seen = HashSet::new();
    for path in example_paths() {
        let session = store::load(&path).unwrap_or_else(|e| panic!("{e}"));
        for id in session.all_ids() {
            assert!(seen.insert(id), "id {id} occurs twice ({})", path.display());
        }
    }
}

#[test]
fn workshop_has_propositions_voted_twice_with_reactions() {
    let s = load("stellingenworkshop.ron");
    assert_eq!(s.groups.len(), 3);
    assert!(!items(&s, ItemKind::Info).is_empty());
    let props = items(&s, ItemKind::Proposition);
    assert!(props.len() >= 4, "only {} propositions", props.len());
    for p in &props {
        let labels: Vec<&str> = p.options.iter().map(|o| o.label.as_str()).collect();
        assert_eq!(labels, ["Eens", "Oneens", "Twijfel"]);
        assert!(p.rounds.len() >= 2, "{}: fewer than two rounds", p.text);
        assert_eq!(p.rounds[0].label, "Voor de discussie");
        assert_eq!(p.rounds[1].label, "Na de discussie");
        for r in &p.rounds {
            assert!(r.answers() > 0, "{} / {}: no tallies", p.text, r.label);
            assert!(r.started.is_some() && r.ended.is_some());
            // Every table voted, and no table raised more hands than it has people.
            for g in &s.groups {
                let n = r.group_answers(Some(g.id));
                assert!(
                    n > 0 && n <= u64::from(g.size.unwrap()),
                    "{} / {}: {} voted {n}",
                    p.text,
                    r.label,
                    g.name
                );
            }
            assert!(r.answers() <= u64::from(s.participants.unwrap()));
        }
        let n = p.reactions().count();
        assert!((3..=6).contains(&n), "{}: {n} reactions", p.text);
        let stances: HashSet<Stance> = p.reactions().map(|r| r.stance).collect();
        assert!(stances.len() >= 3, "{}: too few different stances", p.text);
        assert!(p.reactions().all(|r| r.time.is_some()));
    }
    assert!(
        props
            .iter()
            .any(|p| p.rounds[0].total(p.options[0].id) != p.rounds[1].total(p.options[0].id))
    );
    let highlighted = props
        .iter()
        .flat_map(|p| p.reactions())
        .filter(|r| r.highlighted)
        .count();
    assert!(highlighted >= 1);
    let all_stances: HashSet<Stance> = props
        .iter()
        .flat_map(|p| p.reactions())
        .map(|r| r.stance)
        .collect();
    assert_eq!(all_stances.len(), 4);
    assert!(
        props
            .iter()
            .flat_map(|p| p.reactions())
            .any(|r| r.group.is_some())
    );

    // Dutch typography, so rendering can be checked on the beamer.
    let text = std::fs::read_to_string(sessions_dir().join("stellingenworkshop.ron")).unwrap();
    for c in ['ë', 'é', '‘', '’', '—'] {
        assert!(text.contains(c), "workshop file lacks {c}");
    }
}

#[test]
fn conference_has_proposals_with_actions_feedback_and_commitments() {
    let s = load("tafelgroepen-conferentie.ron");
    assert!(s.participants.unwrap() >= 100);
    assert!(s.groups.len() >= 5);
    assert!(!items(&s, ItemKind::Info).is_empty());

    let proposals = items(&s, ItemKind::Proposals);
    assert_eq!(proposals.len(), 1);
    let ps = &proposals[0].proposals;
    assert!((4..=5).contains(&ps.len()));
    for p in ps {
        assert!(p.group.is_some() && !p.title.is_empty() && !p.description.is_empty());
        assert!(
            (2..=3).contains(&p.actions.len()),
            "{}: {} actions",
            p.title,
            p.actions.len()
        );
        for a in &p.actions {
            assert!(
                !a.owner.is_empty() && a.due.is_some(),
                "{}: {}",
                p.title,
                a.text
            );
            assert!(a.due > s.date);
        }
        assert!(!p.feedback.is_empty(), "{}: no carousel feedback", p.title);
        for f in &p.feedback {
            assert!(
                f.from_group.is_some() && f.from_group != p.group,
                "{}: feedback from own group",
                p.title
            );
        }
    }
    let groups_with_proposal: HashSet<_> = ps.iter().map(|p| p.group).collect();
    assert_eq!(
        groups_with_proposal.len(),
        ps.len(),
        "one proposal per group"
    );

    let commitments = items(&s, ItemKind::Commitments);
    assert_eq!(commitments.len(), 1);
    let cs = &commitments[0].commitments;
    assert!((4..=5).contains(&cs.len()));
    for c in cs {
        assert!(!c.person.is_empty() && !c.organisation.is_empty() && !c.action.is_empty());
        let start = c.start.expect("commitment has a start");
        assert!(Some(start) > s.date);
        assert_eq!(
            c.follow_up,
            Commitment::default_follow_up(start),
            "{}",
            c.person
        );
    }
}

#[test]
fn subgroups_have_one_statement_per_theme_per_group() {
    let s = load("subgroepen-themas.ron");
    assert_eq!(s.groups.len(), 4);
    assert_eq!(s.participants, Some(150));
    assert!(!items(&s, ItemKind::Info).is_empty());

    let st = items(&s, ItemKind::Statements);
    assert_eq!(st.len(), 1);
    let item = st[0];
    assert_eq!(item.themes.len(), 5);
    assert_eq!(item.statements.len(), 20);
    for theme in &item.themes {
        for g in &s.groups {
            let n = item
                .statements
                .iter()
                .filter(|x| x.theme == theme.id && x.group == Some(g.id))
                .count();
            assert_eq!(n, 1, "{} / {}", theme.name, g.name);
        }
    }
    assert!(
        item.statements
            .iter()
            .all(|x| !x.text.trim().is_empty() && !x.text.contains('\n'))
    );

    let panel = items(&s, ItemKind::Question);
    assert_eq!(panel.len(), 1);
    assert!(panel[0].reactions().count() >= 3);
}

#[test]
fn online_meeting_has_timed_chat_and_volunteers() {
    let s = load("online-terugkoppeling.ron");
    assert!(s.groups.is_empty());
    assert!(
        items(&s, ItemKind::Info).len() >= 3,
        "welcome, working group updates, next meeting"
    );

    let questions = items(&s, ItemKind::Question);
    assert!(questions.len() >= 2);
    let chat = questions[0];
    let msgs: Vec<_> = chat.reactions().collect();
    assert!(msgs.len() >= 6);
    let round = &chat.rounds[0];
    let mut last = round.started.expect("chat round started");
    for m in &msgs {
        let t = m.time.expect("chat message has a time");
        assert!(t >= last, "chat messages in time order: {}", m.text);
        assert!(t <= round.ended.unwrap());
        last = t;
        assert!(m.by.is_none(), "chat is anonymous: {}", m.text);
    }
    let calm = msgs
        .iter()
        .filter(|m| matches!(m.stance, Stance::Neutral | Stance::Question))
        .count();
    assert!(
        calm * 2 > msgs.len(),
        "chat is mostly neutral remarks and questions"
    );

    let volunteers: Vec<_> = questions[1]
        .reactions()
        .filter(|r| r.stance == Stance::For)
        .collect();
    assert!(volunteers.len() >= 3);
    assert!(
        volunteers
            .iter()
            .all(|r| r.by.as_deref().is_some_and(|b| !b.is_empty()))
    );

    let next = s.agenda.last().unwrap();
    assert_eq!(next.kind, ItemKind::Info);
    assert!(next.text.contains("1 juli 2025"));
    assert!(NaiveDate::from_ymd_opt(2025, 7, 1) > s.date);
}
