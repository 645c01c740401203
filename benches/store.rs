//! Saving and loading a big session: 100 propositions with 3 options and 2 rounds each, and
//! 10,000 reactions in all. Goals: save under 20 ms, load under 50 ms.
//!
//! `cargo bench --bench store`

use chrono::{Duration, FixedOffset, TimeZone};
use divan::Bencher;
use std::path::{Path, PathBuf};
use stelling::model::*;
use stelling::store;

fn main() {
    divan::main();
}

const ITEMS: usize = 100;
const ROUNDS: usize = 2;
const REACTIONS: usize = 10_000;
const GROUPS: usize = 8;

const WORDS: &[&str] = &[
    "we",
    "moeten",
    "eerst",
    "weten",
    "wat",
    "de",
    "buurt",
    "ervan",
    "vindt",
    "het",
    "plan",
    "is",
    "goed",
    "maar",
    "de",
    "bakker",
    "heeft",
    "een",
    "laad",
    "plek",
    "nodig",
    "en",
    "ouderen",
    "kunnen",
    "niet",
    "ver",
    "lopen",
    "fietsers",
    "voelen",
    "zich",
    "veiliger",
    "als",
    "er",
    "minder",
    "auto's",
    "zijn",
    "wie",
    "betaalt",
    "dit",
    "eigenlijk",
    "kunnen",
    "we",
    "het",
    "proberen",
    "in",
    "de",
    "zomer",
    "één",
    "straat",
    "tegelijk",
    "graag",
    "meer",
    "groen",
    "bankjes",
    "schaduw",
    "school",
    "kinderen",
    "parkeren",
    "gemeente",
    "subsidie",
    "café",
];

/// A reaction text of 40 to 120 characters.
fn sentence(rng: &mut fastrand::Rng) -> String {
    let target = rng.usize(40..=120);
    let mut s = String::new();
    while s.chars().count() < target {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(WORDS[rng.usize(..WORDS.len())]);
    }
    let mut s: String = s.chars().take(target).collect();
    if rng.u8(..10) == 0 {
        s.push_str(" \"echt\"?");
    }
    s
}

fn big_session() -> Session {
    let mut rng = fastrand::Rng::with_seed(2026);
    let mut next_id = 0u64;
    let mut id = || {
        next_id += 1;
        Id(0x5e55_0000_0000_0000 + next_id)
    };
    let mut s = Session::new("Grote conferentie: 100 stellingen", Language::Nl);
    s.id = id();
    s.groups = (1..=GROUPS)
        .map(|n| Group {
            id: id(),
            name: format!("Tafel {n}"),
            size: Some(8),
        })
        .collect();
    let offset = FixedOffset::east_opt(3600).unwrap();
    let start = offset.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    let per_round = REACTIONS / (ITEMS * ROUNDS);
    for n in 0..ITEMS {
        let options: Vec<ResponseOption> = ["Eens", "Oneens", "Twijfel"]
            .iter()
            .map(|label| ResponseOption {
                id: id(),
                label: (*label).into(),
            })
            .collect();
        let mut rounds = Vec::new();
        for r in 0..ROUNDS {
            let mut round = Round::new(id(), format!("Ronde {}", r + 1));
            let began = start + Duration::minutes((n * 10 + r * 5) as i64);
            round.started = Some(began);
            round.ended = Some(began + Duration::minutes(4));
            for option in &options {
                for group in &s.groups {
                    round.tallies.push(Tally {
                        option: option.id,
                        group: Some(group.id),
                        count: rng.u32(1..9),
                    });
                }
            }
            for k in 0..per_round {
                round.reactions.push(Reaction {
                    id: id(),
                    text: sentence(&mut rng),
                    stance: Stance::ALL[rng.usize(..Stance::ALL.len())],
                    group: (rng.u8(..4) != 0).then(|| s.groups[rng.usize(..GROUPS)].id),
                    by: (rng.u8(..10) == 0).then(|| "Wethouder".to_string()),
                    time: Some(began + Duration::seconds(k as i64 * 5)),
                    highlighted: rng.u8(..8) == 0,
                });
            }
            rounds.push(round);
        }
        s.agenda.push(Item {
            id: id(),
            kind: ItemKind::Proposition,
            text: format!("Stelling {}: {}", n + 1, sentence(&mut rng)),
            options,
            notes: String::new(),
            planned_minutes: Some(10),
            rounds,
            proposals: Vec::new(),
            commitments: Vec::new(),
            themes: Vec::new(),
            statements: Vec::new(),
        });
    }
    let total: usize = s.agenda.iter().map(|i| i.reactions().count()).sum();
    assert_eq!(total, REACTIONS);
    validate::session(&s).expect("the bench session is valid");
    s
}

/// A folder with the session saved twice (so saving also keeps a backup, as in real use).
fn saved(session: &Session) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("conferentie.ron");
    store::save(&path, session).unwrap();
    store::save(&path, session).unwrap();
    (dir, path)
}

fn check(path: &Path, session: &Session) {
    assert_eq!(&store::load(path).unwrap(), session);
}

/// Serialising only.
#[divan::bench]
fn to_ron(bencher: Bencher) {
    let session = big_session();
    bencher
        .counter(divan::counter::BytesCount::of_str(&store::to_ron(&session)))
        .bench_local(|| store::to_ron(&session));
}

/// The whole save: serialise, write and fsync a temporary file, keep the backup, rename.
#[divan::bench]
fn save(bencher: Bencher) {
    let session = big_session();
    let (_dir, path) = saved(&session);
    bencher.bench_local(|| store::save(&path, &session).unwrap());
    check(&path, &session);
}

/// A save as the app makes it after a change: the lock checked, the file on disk compared with
/// what was last saved (so another program's edit is never overwritten), then the whole save.
#[divan::bench]
fn autosave_save(bencher: Bencher) {
    let session = big_session();
    let (_dir, path) = saved(&session);
    let access = store::Access::for_session(&path).unwrap();
    let mut doc = Document::new(session);
    let mut autosave = store::Autosave::with_access(path.clone(), &doc, access);
    let details = doc.session().details();
    let mut n = 0u64;
    bencher.bench_local(|| {
        n += 1;
        let mut changed = details.clone();
        changed.title = format!("Conferentie {n}");
        doc.apply(Change::SetDetails(Box::new(changed))).unwrap();
        assert_eq!(autosave.flush(&doc, "kopie").unwrap(), None);
    });
    check(&path, doc.session());
}

/// Parsing and checking text already in memory.
#[divan::bench]
fn parse(bencher: Bencher) {
    let session = big_session();
    let text = store::to_ron(&session);
    bencher
        .counter(divan::counter::BytesCount::of_str(&text))
        .bench_local(|| store::parse(&text, Path::new("conferentie.ron")).unwrap());
}

/// The whole load: read, parse, migrate, validate.
#[divan::bench]
fn load(bencher: Bencher) {
    let session = big_session();
    let (_dir, path) = saved(&session);
    check(&path, &session);
    bencher.bench_local(|| store::load(&path).unwrap());
}
