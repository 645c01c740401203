//! Pulling the plug: a child process keeps changing a session through the app's own path
//! (model change → document → autosave, plus an occasional Ctrl+S flush) and reports every
//! change it knows reached disk. The parent kills it with SIGKILL at random moments, 200
//! times, and after every kill checks that the session file loads and holds every change
//! reported as saved. Each run continues from the file the previous one left behind.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use stelling::model::{Change, Document, Id, ItemKind, Language, Reaction, Session, Stance};
use stelling::store::{self, Autosave, SessionLock};

const KILLS: usize = 200;
const CHILD: &str = "STELLING_CRASH_CHILD";

/// The proposition and round that every change counts in.
fn target(session: &Session) -> (Id, Id, Id) {
    let item = session
        .agenda
        .iter()
        .find(|i| i.kind == ItemKind::Proposition)
        .expect("the crash session has a proposition");
    (item.id, item.rounds[0].id, item.options[0].id)
}

fn count(session: &Session) -> u32 {
    let (item, round, option) = target(session);
    session
        .item(item)
        .and_then(|i| i.round(round))
        .map_or(0, |r| r.hand_count(option, None))
}

fn reaction_text(n: u32) -> String {
    format!("reactie {n} — ‘gered’ ✓")
}

/// Change `n`: one more hand for the first option; every 25th change also a reaction.
fn change(session: &Session, n: u32) -> Change {
    let (item, round, option) = target(session);
    let tally = Change::Tally {
        item,
        round,
        option,
        group: None,
        delta: 1,
    };
    if !n.is_multiple_of(25) {
        return tally;
    }
    Change::Batch(vec![
        tally,
        Change::AddReaction {
            item,
            round,
            index: usize::MAX,
            reaction: Reaction {
                id: session.fresh_id(),
                text: reaction_text(n),
                stance: Stance::For,
                group: None,
                by: None,
                time: None,
                highlighted: false,
            },
        },
    ])
}

/// The child: changes the session as fast as a frantic facilitator and prints
/// `saved N` whenever the file is known to hold the count N.
#[test]
#[ignore = "the child process of killing_the_app_loses_nothing_saved"]
fn crash_child() {
    let path = PathBuf::from(std::env::var(CHILD).expect("run by the crash test"));
    let _lock = SessionLock::acquire(&path).expect("the killed process's lock is gone");
    let mut doc = Document::new(store::load(&path).expect("the file loads"));
    let mut autosave = Autosave::new(path.clone(), &doc);
    // Revision → count it stands for.
    let mut counts = vec![(doc.revision(), count(doc.session()))];
    let mut reported = 0;
    println!("ready");
    loop {
        let n = count(doc.session()) + 1;
        doc.apply(change(doc.session(), n))
            .expect("the change applies");
        counts.push((doc.revision(), n));
        if n.is_multiple_of(40) {
            autosave.flush(&doc, "kopie").expect("the save works");
        } else {
            autosave.tick(&doc, Instant::now());
        }
        let saved = autosave.saved_revision();
        let on_disk = counts
            .iter()
            .rev()
            .find(|(rev, _)| *rev <= saved)
            .map_or(0, |(_, c)| *c);
        if on_disk > reported {
            reported = on_disk;
            println!("saved {on_disk}");
        }
        std::thread::sleep(Duration::from_micros(300));
    }
}

/// A session big enough that a save takes a few milliseconds, so kills land mid-write too.
fn start_session(path: &Path) {
    let mut s = stelling::model::sample::large_session(20, 2_000);
    s.title = "Stroomstoring".into();
    s.language = Language::Nl;
    store::save(path, &s).unwrap();
}

#[test]
fn killing_the_app_loses_nothing_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sessie.ron");
    start_session(&path);
    let exe = std::env::current_exe().unwrap();
    let mut checked = 0usize;
    let mut highest = 0u32;
    for kill in 0..KILLS {
        let mut child = Command::new(&exe)
            .args(["crash_child", "--exact", "--ignored", "--nocapture"])
            .args(["--test-threads", "1"])
            .env(CHILD, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        // Wait until the child runs, then let it work for a random while.
        for line in lines.by_ref() {
            // libtest writes "test crash_child ... " on the same line first.
            if line.unwrap().ends_with("ready") {
                break;
            }
        }
        let alive = Duration::from_millis(fastrand::u64(0..120));
        std::thread::sleep(alive);
        child.kill().unwrap();
        let status = child.wait().unwrap();
        assert!(!status.success(), "run {kill}: the child was killed");
        let reported = lines
            .map_while(Result::ok)
            .filter_map(|l| l.strip_prefix("saved ")?.parse::<u32>().ok())
            .max()
            .unwrap_or(0);
        let session = store::load(&path).unwrap_or_else(|e| {
            panic!("run {kill}: after a kill the file must load: {e}");
        });
        let on_disk = count(&session);
        assert!(
            on_disk >= reported.max(highest),
            "run {kill}: the file holds {on_disk} hands, but {} were reported saved",
            reported.max(highest)
        );
        // Every reaction of a change up to what was saved is there, once.
        let (item, round, _) = target(&session);
        let texts: Vec<&str> = session
            .item(item)
            .unwrap()
            .round(round)
            .unwrap()
            .reactions
            .iter()
            .map(|r| r.text.as_str())
            .collect();
        for n in (25..=on_disk).step_by(25) {
            let wanted = reaction_text(n);
            assert_eq!(
                texts.iter().filter(|t| **t == wanted).count(),
                1,
                "run {kill}: {wanted:?}"
            );
        }
        checked += on_disk as usize;
        highest = on_disk;
        // Temporary files do not pile up: at most those of the save this kill cut short.
        let leftovers = std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .ends_with(".tmp")
            })
            .count();
        // (The new version and the backup link, if the kill came between the two.)
        assert!(
            leftovers <= 2,
            "run {kill}: {leftovers} temporary files; the next open removes a killed save's"
        );
    }
    assert!(highest > 0, "the children saved something");
    eprintln!(
        "{KILLS} kills, {highest} changes in the file at the end, {checked} saved changes \
         checked over all kills"
    );
}
