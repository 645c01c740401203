//! `stelling import` with the real binary: a list into a new session, a chat into an existing
//! one, and the errors that must leave files alone.

use crate::support::stelling;
use std::path::{Path, PathBuf};
use std::process::Output;
use stelling::model::Stance;
use stelling::store;

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/import")
        .join(name)
}

/// A copy of a test data file in `dir`.
fn copy(dir: &Path, name: &str) -> PathBuf {
    let to = dir.join(name);
    std::fs::copy(data(name), &to).unwrap();
    to
}

/// A new temporary folder with one file `name` in it holding `content`.
fn in_new_folder(name: &str, content: impl AsRef<[u8]>) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = written(dir.path(), name, content);
    (dir, path)
}

/// A file `name` in `dir` holding `content`.
fn written(dir: &Path, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

fn text(out: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// `stelling import CHAT --into RON --item ITEM` with `more` flags after it.
fn import_into(chat: &Path, ron: &Path, item: &str, more: &[&str]) -> Output {
    let mut args = vec!["import", s(chat), "--into", s(ron), "--item", item];
    args.extend_from_slice(more);
    stelling(&args)
}

/// A session from the example list, in `dir`: eight propositions.
fn session_from_list(dir: &Path) -> PathBuf {
    let list = copy(dir, "lijst.txt");
    let out = stelling(&["import", s(&list), "--language", "nl"]);
    assert!(out.status.success(), "{:?}", text(&out));
    dir.join("lijst.ron")
}

#[test]
fn list_becomes_a_new_session_next_to_the_input() {
    let dir = tempfile::tempdir().unwrap();
    let ron = session_from_list(dir.path());
    let session = store::load(&ron).unwrap();
    assert_eq!(session.title, "lijst");
    assert_eq!(session.agenda.len(), 8);
    assert_eq!(
        session.agenda[0].text,
        "Elke buurt verdient een eigen ontmoetingsplek."
    );
    assert_eq!(
        session.agenda[6].text,
        "Bewoners beslissen samen over de nieuwe bomen"
    );
    assert_eq!(session.agenda[0].options[0].label, "Eens");
}

#[test]
fn list_with_output_title_and_language() {
    let (dir, list) = in_new_folder(
        "props.txt",
        "1. Meetings end on time\n2. Every voice counts\n\n3. Decisions are written down\n",
    );
    let out_path = dir.path().join("team day.ron");
    let flags = ["--title", "Team day", "--language", "en"];
    let out = stelling(&[&["import", s(&list), "-o", s(&out_path)][..], &flags].concat());
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stdout}{stderr}");
    assert!(stdout.contains("3 propositions"), "{stdout}");
    let session = store::load(&out_path).unwrap();
    assert_eq!(session.title, "Team day");
    assert_eq!(session.agenda.len(), 3);
    assert_eq!(session.agenda[1].text, "Every voice counts");
    assert_eq!(session.agenda[0].options[0].label, "Agree");
}

#[test]
fn list_refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let list = copy(dir.path(), "lijst.txt");
    let ron = written(dir.path(), "lijst.ron", "niet aanraken");
    let out = stelling(&["import", s(&list)]);
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.contains("already exists") && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&ron).unwrap(), "niet aanraken");

    let out = stelling(&["import", s(&list), "--force"]);
    assert!(out.status.success(), "{:?}", text(&out));
    assert_eq!(store::load(&ron).unwrap().agenda.len(), 8);
    assert_eq!(
        std::fs::read_to_string(store::backup_path(&ron)).unwrap(),
        "niet aanraken"
    );
}

#[test]
fn empty_list_and_missing_file_are_errors() {
    let (dir, empty) = in_new_folder("leeg.txt", "\u{FEFF}\r\n  \r\n- \r\n");
    let out = stelling(&["import", s(&empty)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).1.contains("no propositions"), "{:?}", text(&out));
    assert!(!dir.path().join("leeg.ron").exists());

    let out = stelling(&["import", s(&dir.path().join("bestaat-niet.txt"))]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out).1.contains("bestaat-niet.txt"),
        "{:?}",
        text(&out)
    );

    let binary = written(
        dir.path(),
        "foto.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    );
    let out = stelling(&["import", s(&binary)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).1.contains("not a text file"), "{:?}", text(&out));
}

#[test]
fn windows_1252_list_is_read() {
    let (dir, list) = in_new_folder(
        "oud.txt",
        b"\x95 Caf\xe9s blijven open\r\n\x95 \x93Samen\x94 is beter\r\n",
    );
    let out = stelling(&["import", s(&list)]);
    let (_, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("Windows-1252"), "{stderr}");
    let session = store::load(&dir.path().join("oud.ron")).unwrap();
    let texts: Vec<&str> = session.agenda.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(texts, ["Cafés blijven open", "“Samen” is beter"]);
}

#[test]
fn chat_into_a_session_without_names() {
    let dir = tempfile::tempdir().unwrap();
    let ron = session_from_list(dir.path());
    let chat = copy(dir.path(), "chat_zoom.txt");
    let out = stelling(&["import", s(&chat), "--into", s(&ron), "--item", "2"]);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stdout}{stderr}");
    assert!(stdout.contains("added 4 reactions to item 2"), "{stdout}");
    assert!(stdout.contains("left out 1 private message"), "{stdout}");
    assert!(
        stderr.contains("chat_zoom.txt:1: not imported: Opgeslagen chat - wijkavond Noord"),
        "{stderr}"
    );

    let session = store::load(&ron).unwrap();
    let reactions = &session.agenda[1].rounds[0].reactions;
    assert_eq!(reactions.len(), 4);
    assert!(reactions.iter().all(|r| r.by.is_none()));
    assert_eq!(
        reactions[2].text,
        "Ik vind dat de speeltuin eerst moet.\nDe bomen kunnen wachten."
    );
    assert_eq!(reactions[3].stance, Stance::Question);
    assert!(reactions[0].time.is_some());
    let file = std::fs::read_to_string(&ron).unwrap();
    for name in ["Marieke", "Hassan", "Ingrid", "Pieter"] {
        assert!(!file.contains(name), "{name} is in the file");
    }
    assert!(
        !file.contains("Prima, geen probleem"),
        "private message imported"
    );
    assert!(store::backup_path(&ron).exists());
}

#[test]
fn chat_with_names_date_and_round() {
    let dir = tempfile::tempdir().unwrap();
    let ron = session_from_list(dir.path());
    let chat = copy(dir.path(), "chat_teams.txt");
    let out = import_into(
        &chat,
        &ron,
        "8",
        &["--round", "1", "--keep-names", "--date", "2025-11-20"],
    );
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stdout}{stderr}");
    assert!(stdout.contains("added 3 reactions to item 8"), "{stdout}");
    let session = store::load(&ron).unwrap();
    let reactions = &session.agenda[7].rounds[0].reactions;
    let names: Vec<&str> = reactions.iter().filter_map(|r| r.by.as_deref()).collect();
    assert_eq!(names, ["Joke", "Ahmed 🌍", "Lisa"]);
    assert_eq!(reactions[1].stance, Stance::Question);
    let time = reactions[1].time.unwrap();
    assert_eq!(
        time.naive_local().to_string(),
        "2025-11-20 20:16:05",
        "{time}"
    );

    // Private messages on request, appended after what is there.
    let zoom = copy(dir.path(), "chat_zoom.txt");
    let out = import_into(&zoom, &ron, "8", &["--include-private", "--keep-names"]);
    assert!(out.status.success(), "{:?}", text(&out));
    let session = store::load(&ron).unwrap();
    let reactions = &session.agenda[7].rounds[0].reactions;
    assert_eq!(reactions.len(), 3 + 5);
    assert_eq!(reactions[5].text, "Prima, geen probleem");
}

/// Runs a chat import that must fail, and checks the session file did not change.
fn fails_and_leaves_session(dir: &Path, ron: &Path, extra: &[&str], expect: &str) {
    let before = std::fs::read(ron).unwrap();
    let chat = copy(dir, "chat_zoom.txt");
    let mut args = vec!["import", s(&chat), "--into", s(ron)];
    args.extend_from_slice(extra);
    let out = stelling(&args);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert!(stderr.contains(expect), "{stderr}");
    assert_eq!(std::fs::read(ron).unwrap(), before, "the session changed");
    assert!(!store::backup_path(ron).exists(), "a save happened");
}

#[test]
fn chat_errors_leave_the_session_intact() {
    let dir = tempfile::tempdir().unwrap();
    let ron = session_from_list(dir.path());
    fails_and_leaves_session(dir.path(), &ron, &["--item", "9"], "items 1 to 8");
    fails_and_leaves_session(dir.path(), &ron, &["--item", "0"], "items 1 to 8");
    fails_and_leaves_session(
        dir.path(),
        &ron,
        &["--item", "3", "--round", "2"],
        "rounds 1 to 1",
    );

    let notes = written(dir.path(), "notities.txt", "geen chat\nalleen notities\n");
    let before = std::fs::read(&ron).unwrap();
    let out = stelling(&["import", s(&notes), "--into", s(&ron), "--item", "1"]);
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr.contains("no chat messages"), "{stderr}");
    assert!(
        stderr.contains("notities.txt:2: not imported: alleen notities"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&ron).unwrap(), before);

    let broken = written(dir.path(), "kapot.ron", "(version: 1, title: ");
    let chat = copy(dir.path(), "chat_zoom.txt");
    let out = stelling(&["import", s(&chat), "--into", s(&broken), "--item", "1"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).1.contains("kapot.ron:1:"), "{:?}", text(&out));
    assert_eq!(
        std::fs::read_to_string(&broken).unwrap(),
        "(version: 1, title: "
    );
}

#[test]
fn chat_into_a_session_open_elsewhere_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let ron = session_from_list(dir.path());
    let lock = store::SessionLock::acquire(&ron).unwrap();
    fails_and_leaves_session(
        dir.path(),
        &ron,
        &["--item", "1"],
        "already open in another copy of Stelling",
    );
    drop(lock);
    let chat = copy(dir.path(), "chat_zoom.txt");
    let out = stelling(&["import", s(&chat), "--into", s(&ron), "--item", "1"]);
    assert!(out.status.success(), "{:?}", text(&out));
}

#[test]
fn chat_into_a_missing_session_leaves_no_lock_file() {
    let dir = tempfile::tempdir().unwrap();
    let chat = copy(dir.path(), "chat_zoom.txt");
    let missing = dir.path().join("typo.ron");
    let out = stelling(&["import", s(&chat), "--into", s(&missing), "--item", "1"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).1.contains("does not exist"), "{:?}", text(&out));
    assert!(!store::lock_path(&missing).exists());
    assert!(!missing.exists());
}

#[test]
fn a_chat_imported_as_a_list_gets_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let chat = copy(dir.path(), "chat_teams.txt");
    let out = stelling(&["import", s(&chat)]);
    assert!(out.status.success(), "{:?}", text(&out));
    assert!(text(&out).1.contains("--into"), "{:?}", text(&out));
}

#[test]
fn list_options_do_not_mix_with_into() {
    let dir = tempfile::tempdir().unwrap();
    let ron = session_from_list(dir.path());
    let chat = copy(dir.path(), "chat_zoom.txt");
    let out = stelling(&["import", s(&chat), "--into", s(&ron)]);
    assert!(!out.status.success(), "--into needs --item");
    let out = stelling(&["import", s(&chat), "--item", "1"]);
    assert!(!out.status.success(), "--item needs --into");
    let out = import_into(&chat, &ron, "1", &["--title", "x"]);
    assert!(!out.status.success(), "--title is for a new session");
}

/// Runs the binary, killed after `limit`: a test that would hang fails instead.
fn stelling_within(args: &[&str], limit: std::time::Duration) -> (Output, std::time::Duration) {
    let start = std::time::Instant::now();
    let out = crate::support::run_limited(args, limit).unwrap_or_else(|hang| panic!("{hang}"));
    (out, start.elapsed())
}

#[test]
fn a_list_of_40000_lines_imports_in_seconds() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("lang.txt");
    let lines: String = (0..40_000)
        .map(|n| format!("- Stelling {n}: het plein is van de buurt\n"))
        .collect();
    std::fs::write(&list, lines).unwrap();
    // Took minutes before (every item checked against all before it); a debug build needs
    // a second or two now.
    let (out, took) = stelling_within(
        &["import", s(&list), "--language", "nl"],
        std::time::Duration::from_secs(20),
    );
    assert!(out.status.success(), "{:?}", text(&out));
    let session = store::load(&dir.path().join("lang.ron")).unwrap();
    assert_eq!(session.agenda.len(), 40_000, "took {took:?}");
    assert_eq!(
        session.agenda[39_999].text,
        "Stelling 39999: het plein is van de buurt"
    );
}

#[test]
fn a_list_with_old_mac_line_ends_gives_one_proposition_a_line() {
    let (dir, list) = in_new_folder(
        "mac.txt",
        "Stellingen\r\r1. Koffie hoort bij elke vergadering\r2. Een uur is lang genoeg\r\
         3. Wie te laat komt, trakteert\r",
    );
    let out = stelling(&["import", s(&list), "--language", "nl"]);
    assert!(out.status.success(), "{:?}", text(&out));
    assert!(text(&out).0.contains("4 propositions"), "{:?}", text(&out));
    let session = store::load(&dir.path().join("mac.ron")).unwrap();
    let texts: Vec<&str> = session.agenda.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Stellingen",
            "Koffie hoort bij elke vergadering",
            "Een uur is lang genoeg",
            "Wie te laat komt, trakteert"
        ]
    );
}
