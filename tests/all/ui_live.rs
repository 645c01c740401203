//! Live voting from the presenter: the button and the commands start and stop the real server
//! on 127.0.0.1, a phone's ballot reaches the document and the tally table, the phones follow
//! the next item, closing voting refuses ballots, and closing the session stops the server.
//! Bounded: every wait has a time limit.

use super::live_phones::Phone;
use super::support::*;
use egui::Key;
use egui_kittest::kittest::Queryable;
use std::net::{IpAddr, Ipv4Addr, TcpStream};
use std::time::{Duration, Instant};
use stelling::model::*;
use stelling::store;
use stelling::ui::state::live::LiveOptions;

const FIRST: Id = Id(100);
const OPTIONS: [Id; 3] = [Id(101), Id(102), Id(103)];
const R1: Id = Id(110);
const SECOND: Id = Id(200);

/// A proposition answered agree / disagree / not sure, with one round.
fn proposition(s: &Session, id: Id, text: &str, options: [Id; 3], round: Id) -> Item {
    let options = [
        (options[0], "agree"),
        (options[1], "disagree"),
        (options[2], "not sure"),
    ];
    live::proposition(s, id, text, &options, vec![Round::new(round, "Round 1")])
}

fn session_file(dir: &std::path::Path) -> std::path::PathBuf {
    let mut s = Session::new("Symposium", Language::En);
    let first = proposition(&s, FIRST, "More trees in the street", OPTIONS, R1);
    s.agenda.push(first);
    let second = proposition(
        &s,
        SECOND,
        "A car-free Sunday",
        [Id(201), Id(202), Id(203)],
        Id(210),
    );
    s.agenda.push(second);
    let path = dir.join("symposium.stelling");
    store::save(&path, &s).unwrap();
    path
}

/// The app on the session, live voting to listen on 127.0.0.1 only, any free port.
fn live_app(path: &std::path::Path) -> egui_kittest::Harness<'static, stelling::ui::App> {
    let mut app = app_with(path, Language::En);
    app.live_options = LiveOptions {
        port: Some(0),
        bind: Some(IpAddr::V4(Ipv4Addr::LOCALHOST)),
    };
    harness(app)
}

fn join_url(h: &egui_kittest::Harness<'_, stelling::ui::App>) -> Option<String> {
    let live = h.state().open.as_ref()?.live.as_ref()?;
    Some(live.join_url())
}

/// Draws frames until `done` holds, at most 5 s.
fn frames_until(
    h: &mut egui_kittest::Harness<'_, stelling::ui::App>,
    done: impl Fn(&Session) -> bool,
) {
    let deadline = Instant::now() + Duration::from_secs(5);
    while !done(&session(h)) {
        assert!(Instant::now() < deadline, "the app never got there");
        std::thread::sleep(Duration::from_millis(10));
        h.run_steps(1);
    }
}

fn refused(url: &str) -> bool {
    let address = url.trim_start_matches("http://").trim_end_matches('/');
    TcpStream::connect_timeout(&address.parse().unwrap(), Duration::from_secs(1)).is_err()
}

#[test]
fn a_phone_votes_follows_the_facilitator_and_stops_with_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let path = session_file(dir.path());
    let mut h = live_app(&path);
    assert!(join_url(&h).is_none(), "live voting never starts by itself");
    h.get_by_label("▶ Start live voting").click();
    h.run_steps(2);
    let url = join_url(&h).expect("the button starts live voting");
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    assert!(h.query_by_label_contains("1 phone connected").is_none());
    assert!(
        h.query_by_label(&url).is_some(),
        "the QR code carries the join address"
    );

    let rt = tokio::runtime::Runtime::new().unwrap();
    let phone = Phone::new(&url, 1);
    let (status, state) = rt.block_on(phone.state());
    assert_eq!(status, 200);
    assert_eq!(state["item"]["text"], "More trees in the street");
    assert_eq!(
        state["round"]["open"], true,
        "voting opens on the current item"
    );
    let round = state["round"]["id"].as_str().unwrap().to_string();
    let agree = state["item"]["options"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (status, _) = rt.block_on(phone.vote(&round, &agree));
    assert_eq!(status, 200);
    frames_until(&mut h, |s| s.agenda[0].rounds[0].ballots.len() == 1);
    let ballot = &session(&h).agenda[0].rounds[0].ballots[0];
    assert_eq!(ballot.option, OPTIONS[0]);
    h.run_steps(2);
    assert!(
        h.query_all_by_label_contains("(1 📱 + 0 ✋)").count() == 2,
        "the tally table shows the phone's part"
    );
    // A hand on top: the total is the sum, the parts stay apart.
    press(&mut h, Key::Num1);
    h.run_steps(1);
    assert!(h.query_all_by_label_contains("(1 📱 + 1 ✋)").count() == 2);
    // Undo takes back the hand, never the phone's ballot.
    press_mod(&mut h, egui::Modifiers::COMMAND, Key::Z);
    assert_eq!(session(&h).agenda[0].rounds[0].ballots.len(), 1);

    // The next item: the phones follow, and voting is open there.
    press(&mut h, Key::ArrowDown);
    h.run_steps(1);
    let (_, state) = rt.block_on(phone.state());
    assert_eq!(state["item"]["text"], "A car-free Sunday");
    assert_eq!(state["round"]["open"], true);
    let round = state["round"]["id"].as_str().unwrap().to_string();
    let option = state["item"]["options"][1]["id"]
        .as_str()
        .unwrap()
        .to_string();

    // Closing voting (O) refuses ballots; reopening takes them again.
    press(&mut h, Key::O);
    h.run_steps(1);
    assert!(h.query_by_label("Voting is closed").is_some());
    let (status, body) = rt.block_on(phone.vote(&round, &option));
    assert_eq!(status, 409, "{body}");
    assert_eq!(body["error"], "closed");
    press(&mut h, Key::O);
    h.run_steps(1);
    let (status, _) = rt.block_on(phone.vote(&round, &option));
    assert_eq!(status, 200);
    frames_until(&mut h, |s| s.agenda[1].rounds[0].ballots.len() == 1);

    // Closing the session stops the server.
    press_mod(&mut h, egui::Modifiers::COMMAND, Key::W);
    assert!(h.state().open.is_none());
    assert!(
        refused(&url),
        "the server still listens after the session closed"
    );
    let saved = store::load(&path).unwrap();
    assert_eq!(
        saved.agenda[0].rounds[0].ballots.len(),
        1,
        "autosave kept the ballot"
    );
    assert_eq!(saved.agenda[1].rounds[0].ballots.len(), 1);
}

#[test]
fn the_command_starts_and_stops_live_voting_and_the_beamer_shows_the_join_code() {
    let dir = tempfile::tempdir().unwrap();
    let path = session_file(dir.path());
    let mut h = live_app(&path);
    press(&mut h, Key::F3);
    h.run_steps(1);
    let url = join_url(&h).expect("F3 starts live voting");
    assert!(!refused(&url));
    // The self-test says in plain words that phones cannot join an address on this laptop only.
    assert!(shows_part(&h, "Listening on this laptop only (127.0.0.1)"));
    assert!(shows_part(&h, "Allow the firewall's prompt"));
    press(&mut h, Key::J);
    assert!(h.state().open.as_ref().unwrap().view.join_code);
    press(&mut h, Key::F3);
    h.run_steps(1);
    assert!(join_url(&h).is_none());
    assert!(refused(&url), "F3 again stops the server");
    assert!(
        !h.state().open.as_ref().unwrap().view.join_code,
        "no join code without live voting"
    );
    assert!(h.query_by_label("▶ Start live voting").is_some());
}

#[test]
fn the_command_line_asks_for_live_voting_on_a_port_and_address() {
    use clap::Parser;
    let cli = stelling::cli::Cli::try_parse_from([
        "stelling",
        "s.stelling",
        "--live",
        "--port",
        "9000",
        "--bind",
        "127.0.0.1",
    ])
    .unwrap();
    assert_eq!(
        cli.live_options(),
        Some(LiveOptions {
            port: Some(9000),
            bind: Some(IpAddr::V4(Ipv4Addr::LOCALHOST)),
        })
    );
    let cli = stelling::cli::Cli::try_parse_from(["stelling", "s.stelling"]).unwrap();
    assert_eq!(cli.live_options(), None, "never listens unless asked");
    assert!(
        stelling::cli::Cli::try_parse_from(["stelling", "s.stelling", "--port", "9000"]).is_err()
    );
}
