//! The real live server on 127.0.0.1: 150 simulated phones follow the push stream, pick a
//! group, vote, change their vote and replay it; the tallies in the model and in the saved
//! session file come out exact. Bounded: every phone has a time limit, the run has one too.

use super::live_phones::Phone;
use super::support::live;
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use stelling::live::{Host, LiveConfig, Rate};
use stelling::model::*;
use stelling::store::{self, Autosave};

const PHONES: usize = 150;
const LIMIT: Duration = Duration::from_secs(60);
const G1: Id = Id(10);
const G2: Id = Id(11);
const PROP: Id = Id(100);
const OPTIONS: [Id; 3] = [Id(101), Id(102), Id(103)];
const R1: Id = Id(110);

fn session() -> Session {
    let mut s = Session::new("Symposium", Language::En);
    live::add_groups(&mut s, &[(G1, "Table 1"), (G2, "Table 2")]);
    let options = [
        (OPTIONS[0], "agree"),
        (OPTIONS[1], "disagree"),
        (OPTIONS[2], "not sure"),
    ];
    let rounds = vec![Round::new(R1, "Round 1")];
    let item = live::proposition(&s, PROP, "More trees in the street", &options, rounds);
    s.agenda.push(item);
    s
}

/// Pumps the host on its own thread, as the app's UI thread would, until told to stop.
fn pump(
    mut host: Host,
    stop: Arc<AtomicBool>,
    reveal: Arc<AtomicBool>,
) -> std::thread::JoinHandle<Host> {
    std::thread::spawn(move || {
        let started = Instant::now();
        while !stop.load(Ordering::Relaxed) && started.elapsed() < LIMIT {
            host.pump_waiting(Duration::from_millis(20));
            if reveal.load(Ordering::Relaxed) && !host.view().revealed {
                host.set_revealed(true);
            }
        }
        host
    })
}

fn config() -> LiveConfig {
    LiveConfig {
        per_address: Rate::UNLIMITED,
        ..LiveConfig::loopback(Id(0), Language::En, 0)
    }
}

#[test]
fn a_hundred_and_fifty_phones_vote_and_the_tallies_are_exact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("symposium.stelling");
    store::save(&path, &session()).unwrap();
    let doc = Document::new(store::load(&path).unwrap());
    let autosave = Autosave::new(path.clone(), &doc);
    let mut host = Host::new(doc, Some(autosave));
    host.show(Some(PROP), Some(R1));
    let url = host.start(config(), || {}).unwrap();
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    let stop = Arc::new(AtomicBool::new(false));
    let reveal = Arc::new(AtomicBool::new(false));
    let pumping = pump(host, stop.clone(), reveal.clone());

    let runtime = tokio::runtime::Runtime::new().unwrap();
    let (expected, followed) = runtime.block_on(async {
        let mut phones = Vec::new();
        let (versions_tx, mut versions_rx) = tokio::sync::mpsc::unbounded_channel();
        for n in 0..PHONES {
            let phone = Arc::new(Phone::new(&url, n));
            let tx = versions_tx.clone();
            let follower = phone.clone();
            tokio::spawn(async move {
                let (vtx, mut vrx) = tokio::sync::mpsc::unbounded_channel();
                let follow = tokio::spawn(async move { follower.follow(vtx, LIMIT).await });
                let mut highest = 0;
                while let Some(v) = vrx.recv().await {
                    highest = highest.max(v);
                    let _ = tx.send((n, highest));
                }
                follow.abort();
            });
            phones.push(phone);
        }
        drop(versions_tx);
        let round = R1.to_string();
        let mut tasks = Vec::new();
        for (n, phone) in phones.iter().cloned().enumerate() {
            let round = round.clone();
            tasks.push(tokio::spawn(async move {
                let (status, state) = phone.state().await;
                assert_eq!(status, 200);
                assert_eq!(state["screen"], "question");
                assert_eq!(state["round"]["id"], round.as_str());
                assert!(state["my_answer"].is_null());
                // Two of three phones sit at a table.
                let group = match n % 3 {
                    0 => Some(G1),
                    1 => Some(G2),
                    _ => None,
                };
                if let Some(g) = group {
                    let (status, state) = phone.group(&g.to_string()).await;
                    assert_eq!(status, 200);
                    assert_eq!(state["my_group"], g.to_string().as_str());
                }
                let first = OPTIONS[n % 3];
                let (status, state) = phone.vote(&round, &first.to_string()).await;
                assert_eq!(status, 200, "{state}");
                assert_eq!(state["my_answer"], first.to_string().as_str());
                // Every other phone changes its mind; every fifth replays its last ballot.
                let last = if n % 2 == 0 {
                    OPTIONS[(n + 1) % 3]
                } else {
                    first
                };
                if last != first {
                    let (status, _) = phone.vote(&round, &last.to_string()).await;
                    assert_eq!(status, 200);
                }
                if n % 5 == 0 {
                    for _ in 0..3 {
                        let (status, state) = phone.vote(&round, &last.to_string()).await;
                        assert_eq!(status, 200);
                        assert_eq!(state["my_answer"], last.to_string().as_str());
                    }
                }
                (last, group)
            }));
        }
        let mut expected: HashMap<(Id, Option<Id>), u64> = HashMap::new();
        for task in tasks {
            let (option, group) = tokio::time::timeout(LIMIT, task).await.unwrap().unwrap();
            *expected.entry((option, group)).or_default() += 1;
        }
        // The facilitator reveals: every phone hears of it on its push stream.
        let before = {
            let (_, state) = phones[0].state().await;
            state["version"].as_u64().unwrap()
        };
        reveal.store(true, Ordering::Relaxed);
        let mut heard: HashMap<usize, u64> = HashMap::new();
        let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
        while heard.values().filter(|&&v| v > before).count() < PHONES {
            match tokio::time::timeout_at(deadline, versions_rx.recv()).await {
                Ok(Some((n, v))) => {
                    heard.insert(n, v);
                }
                _ => break,
            }
        }
        let (_, revealed) = phones[1].state().await;
        assert_eq!(revealed["results"]["total"], PHONES as u64);
        (expected, heard.values().filter(|&&v| v > before).count())
    });
    assert_eq!(followed, PHONES, "every phone followed the push stream");
    stop.store(true, Ordering::Relaxed);
    let mut host = pumping.join().unwrap();
    host.pump();
    host.flush().unwrap();

    let check = |s: &Session, what: &str| {
        let r = s.item(PROP).unwrap().round(R1).unwrap();
        assert_eq!(r.phone_answers(), PHONES as u64, "{what}");
        for (&(option, group), &n) in &expected {
            assert_eq!(
                r.phone_count(option, group),
                n,
                "{what}: {option} in {group:?}"
            );
        }
        assert_eq!(
            expected.values().sum::<u64>(),
            PHONES as u64,
            "every phone counted once"
        );
    };
    check(host.doc().session(), "the model");
    check(&store::load(&path).unwrap(), "the saved file");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        !text.contains(&format!("{:032x}", 1)),
        "no device token in the file"
    );
    assert!(!text.contains("127.0.0.1"), "no address in the file");
}

#[test]
fn a_taken_port_moves_to_the_next_and_stop_closes_it() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let mut host = Host::new(Document::new(session()), None);
    let url = host
        .start(LiveConfig::loopback(Id(0), Language::En, port), || {})
        .unwrap();
    let moved = host.server().unwrap().address().port();
    assert_ne!(moved, port);
    assert!(url.ends_with(&format!(":{moved}/")), "{url}");
    assert!(std::net::TcpStream::connect(("127.0.0.1", moved)).is_ok());
    host.stop();
    assert!(host.server().is_none());
    assert!(
        std::net::TcpStream::connect(("127.0.0.1", moved)).is_err(),
        "nothing listens after stop"
    );
}

#[test]
fn a_reopened_session_keeps_the_devices_ballots_and_groups() {
    let mut s = session();
    let token = format!("{:032x}", 7);
    s.agenda[0].rounds[0].ballots.push(Ballot {
        device: Device::of(s.id, &token),
        option: OPTIONS[2],
        group: Some(G2),
    });
    let mut host = Host::new(Document::new(s), None);
    host.show(Some(PROP), Some(R1));
    let url = host.start(config(), || {}).unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let state = runtime.block_on(async { Phone::new(&url, 6).state().await.1 });
    assert_eq!(state["my_answer"], OPTIONS[2].to_string().as_str());
    assert_eq!(state["my_group"], G2.to_string().as_str());
}

#[test]
fn a_closed_round_refuses_ballots_and_a_new_round_starts_empty() {
    let mut host = Host::new(Document::new(session()), None);
    host.show(Some(PROP), Some(R1));
    let url = host.start(config(), || {}).unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let phone = Phone::new(&url, 0);
    let (status, _) = runtime.block_on(phone.vote(&R1.to_string(), &OPTIONS[0].to_string()));
    assert_eq!(status, 200);
    host.set_open(false);
    let (status, refused) = runtime.block_on(phone.vote(&R1.to_string(), &OPTIONS[1].to_string()));
    assert_eq!(status, 409);
    assert_eq!(refused["error"], "closed");
    assert!(refused["message"].as_str().unwrap().contains("closed"));
    host.pump();
    let r = host.doc().session().item(PROP).unwrap().round(R1).unwrap();
    assert_eq!(
        r.phone_total(OPTIONS[0]),
        1,
        "the ballot from before the close stands"
    );
    assert_eq!(r.phone_total(OPTIONS[1]), 0);

    // A new round (N): the phone sees it open and without its answer.
    let r2 = Id(111);
    host.doc_mut()
        .apply(Change::AddRound {
            item: PROP,
            index: 1,
            round: Box::new(Round::new(r2, "Round 2")),
        })
        .unwrap();
    host.show(Some(PROP), Some(r2));
    let (_, state) = runtime.block_on(phone.state());
    assert_eq!(state["round"]["id"], r2.to_string().as_str());
    assert_eq!(state["round"]["open"], true);
    assert!(state["my_answer"].is_null());
    let (status, _) = runtime.block_on(phone.vote(&R1.to_string(), &OPTIONS[1].to_string()));
    assert_eq!(status, 409, "the old round is no longer open");
}

#[test]
fn a_client_that_sends_nothing_is_cut_off() {
    use std::io::Read;
    let mut host = Host::new(Document::new(session()), None);
    let config = LiveConfig {
        header_timeout: Duration::from_millis(300),
        ..config()
    };
    host.start(config, || {}).unwrap();
    let address = host.server().unwrap().address();
    let mut slow = std::net::TcpStream::connect(address).unwrap();
    slow.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let started = Instant::now();
    let mut buf = [0u8; 256];
    // Half a request line, then nothing: the server closes the connection (408 or EOF).
    use std::io::Write;
    slow.write_all(b"GET /sta").unwrap();
    let n = slow.read(&mut buf).unwrap_or(0);
    let text = String::from_utf8_lossy(&buf[..n]);
    assert!(n == 0 || text.starts_with("HTTP/1.1 408"), "{text}");
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "{:?}",
        started.elapsed()
    );
    // Others are still served.
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let url = host.server().unwrap().join_url(None);
    let (status, _) = runtime.block_on(Phone::new(&url, 1).state());
    assert_eq!(status, 200);
}

#[test]
fn the_app_side_link_records_ballots_in_its_own_document() {
    use stelling::live::{Link, View};
    let mut doc = Document::new(session());
    doc.apply(Change::Tally {
        item: PROP,
        round: R1,
        option: OPTIONS[0],
        group: None,
        delta: 4,
    })
    .unwrap();
    let mut view = View::default();
    view.show(Some(PROP), Some(R1));
    let woken = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let wake = woken.clone();
    let mut link = Link::start(config(), &doc, &view, move || {
        wake.fetch_add(1, Ordering::Relaxed);
    })
    .unwrap();
    let url = link.join_url(None);
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let (status, _) =
        runtime.block_on(Phone::new(&url, 3).vote(&R1.to_string(), &OPTIONS[1].to_string()));
    assert_eq!(status, 200);
    assert_eq!(woken.load(Ordering::Relaxed), 1, "the app is woken");
    let recorded = link.pump(&mut doc, &view);
    assert_eq!(recorded.len(), 1);
    let r = doc.session().item(PROP).unwrap().round(R1).unwrap();
    assert_eq!(
        (r.hand_answers(), r.phone_answers(), r.answers()),
        (4, 1, 5)
    );
    // The facilitator undoes the hands; the phone's ballot stays.
    assert!(doc.undo());
    let r = doc.session().item(PROP).unwrap().round(R1).unwrap();
    assert_eq!((r.hand_answers(), r.phone_answers()), (0, 1));
    link.stop();
}
