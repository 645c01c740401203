//! The real binary handed what is not a session file: named pipes, devices, folders, and
//! sessions in the encodings Windows editors save. Every run is time-limited: a pipe used to
//! block every command forever, and `/dev/zero` to be read until memory ran out.

use crate::support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What a run of the binary printed, and how it ended.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    fn both(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

/// Runs the binary, killing it (and failing the test) if it takes longer than
/// [`support::TIME_LIMIT`].
fn stelling(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Run {
    let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| (*a).as_ref()).collect();
    let output = support::run(&args);
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Exit code 1, the file named, the reason given, no panic.
fn assert_refused(run: &Run, file: &Path, reason: &str) {
    let both = run.both();
    assert_eq!(run.code, Some(1), "{both}");
    assert!(both.contains(&file.display().to_string()), "{both}");
    assert!(both.contains(reason), "{both}");
    assert!(!both.contains("panicked"), "{both}");
}

fn write_session(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let mut session = stelling::model::Session::new("Buurtoverleg", stelling::model::Language::Nl);
    let item = stelling::model::Item::new(
        &session,
        stelling::model::ItemKind::Proposition,
        "Meer bankjes op het plein",
    );
    session.agenda.push(item);
    stelling::store::save(&path, &session).unwrap();
    path
}

#[cfg(unix)]
fn fifo(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let made = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .unwrap();
    assert!(made.success());
    path
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_at_once_by_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let pipe = fifo(dir.path(), "pijp.ron");
    let session = write_session(dir.path(), "sessie.ron");
    let list = dir.path().join("lijst.txt");
    std::fs::write(&list, "Eén stelling\n").unwrap();
    let out = dir.path().join("uit");
    let reason = "named pipe";
    assert_refused(&stelling(&[&"check", &pipe]), &pipe, reason);
    assert_refused(&stelling(&[&"export", &pipe]), &pipe, reason);
    assert_refused(
        &stelling(&[&"export", &pipe, &"--format", &"html", &"-o", &out]),
        &pipe,
        reason,
    );
    assert_refused(&stelling(&[&"import", &pipe, &"-o", &out]), &pipe, reason);
    assert_refused(
        &stelling(&[&"import", &pipe, &"--into", &session, &"--item", &"1"]),
        &pipe,
        reason,
    );
    let chat = dir.path().join("chat.txt");
    std::fs::write(&chat, "[10:02] Zoë: Mooi plan\n[10:03] Daan: Eens\n").unwrap();
    assert_refused(
        &stelling(&[&"import", &chat, &"--into", &pipe, &"--item", &"1"]),
        &pipe,
        reason,
    );
    assert_refused(&stelling(&[&"split", &pipe, &"-o", &out]), &pipe, reason);
    assert_refused(
        &stelling(&[&"merge", &session, &pipe, &"-o", &out.join("samen.ron")]),
        &pipe,
        reason,
    );
    assert!(!out.exists(), "nothing was written");
}

#[cfg(target_os = "linux")]
#[test]
fn devices_and_links_to_them_are_refused_without_reading_them() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("nullen.ron");
    std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
    let out = dir.path().join("uit.ron");
    for device in [Path::new("/dev/zero"), Path::new("/dev/urandom"), &link] {
        let started = Instant::now();
        assert_refused(&stelling(&[&"check", &device]), device, "device");
        assert_refused(
            &stelling(&[&"import", &device, &"-o", &out]),
            device,
            "device",
        );
        assert!(started.elapsed() < Duration::from_secs(10));
    }
    assert!(!out.exists());
}

#[test]
fn a_folder_is_refused_as_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("map.ron");
    std::fs::create_dir(&folder).unwrap();
    assert_refused(&stelling(&[&"check", &folder]), &folder, "is a folder");
    assert_refused(&stelling(&[&"export", &folder]), &folder, "is a folder");
    let out = dir.path().join("uit.ron");
    assert_refused(
        &stelling(&[&"import", &folder, &"-o", &out]),
        &folder,
        "is a folder",
    );
}

/// The bytes of a saved session, re-encoded as Windows editors save it.
fn reencoded(dir: &Path, name: &str, encode: fn(&str) -> Vec<u8>) -> PathBuf {
    let plain = write_session(dir, "bron.ron");
    let text = std::fs::read_to_string(&plain).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, encode(&text)).unwrap();
    path
}

fn utf8_bom(text: &str) -> Vec<u8> {
    [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat()
}

fn utf16le(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}

fn utf16be(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    bytes
}

/// Text to the bytes an editor writes.
type Encode = fn(&str) -> Vec<u8>;

/// The encodings Windows editors save in, each with the file name its case is known by.
const ENCODINGS: [(&str, Encode); 3] = [
    ("notepad.ron", utf8_bom),
    ("unicode-le.ron", utf16le),
    ("unicode-be.ron", utf16be),
];

#[test]
fn sessions_with_a_byte_order_mark_or_in_utf16_pass_check_and_export() {
    let dir = tempfile::tempdir().unwrap();
    for (name, encode) in ENCODINGS {
        let path = reencoded(dir.path(), name, encode);
        let run = stelling(&[&"check", &path]);
        assert_eq!(run.code, Some(0), "{name}: {}", run.both());
        assert!(run.stdout.contains(": ok"), "{}", run.both());
        let run = stelling(&[&"export", &path]);
        assert_eq!(run.code, Some(0), "{name}: {}", run.both());
        assert!(
            run.stdout.contains("Meer bankjes op het plein"),
            "{}",
            run.both()
        );
    }
}

#[test]
fn a_session_in_windows_1252_is_not_guessed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("oud.ron");
    let mut text = std::fs::read(write_session(dir.path(), "bron.ron")).unwrap();
    let at = text.windows(6).position(|w| w == b"bankje").unwrap();
    text[at + 1] = 0xE1; // "á" in Windows-1252: not UTF-8.
    std::fs::write(&path, text).unwrap();
    assert_refused(&stelling(&[&"check", &path]), &path, "not valid UTF-8");
}

#[test]
fn a_syntax_error_after_a_byte_order_mark_is_at_the_right_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kapot.ron");
    // The first line is fine; `%` on line 2, column 3 is not.
    let text = std::fs::read_to_string(write_session(dir.path(), "bron.ron")).unwrap();
    let (first, rest) = text.split_once('\n').unwrap();
    std::fs::write(&path, utf8_bom(&format!("{first}\n  %{rest}"))).unwrap();
    let run = stelling(&[&"check", &path]);
    assert_eq!(run.code, Some(1), "{}", run.both());
    assert!(
        run.stdout.contains(&format!("{}:2:3:", path.display())),
        "{}",
        run.both()
    );
}

/// The app opens what Notepad saves, saves plain UTF-8 without a mark, and does not take its
/// own re-encoding for another program's edit.
#[test]
fn the_app_opens_bom_and_utf16_sessions_and_saves_them_as_plain_utf8() {
    use stelling::model::Change;
    use stelling::store::{SaveStatus, settings::Settings};
    let dir = tempfile::tempdir().unwrap();
    for (name, encode) in ENCODINGS {
        let path = reencoded(dir.path(), name, encode);
        let mut app = stelling::ui::App::with_settings(Settings::default());
        app.open_path(&path);
        assert!(app.message.is_none(), "{name}: {:?}", app.message);
        let open = app.open.as_ref().unwrap();
        let item = open.doc.session().agenda[0].clone();
        app.apply(Change::ReplaceItem(Box::new(stelling::model::Item {
            notes: "Vraag naar de planning".into(),
            ..item
        })));
        app.flush().unwrap();
        let open = app.open.as_ref().unwrap();
        assert!(
            matches!(open.autosave.status(), SaveStatus::Saved { .. }),
            "{name}: {:?}",
            open.autosave.status()
        );
        let bytes = std::fs::read(&path).unwrap();
        assert!(
            bytes.starts_with(b"("),
            "{name}: written without a byte order mark"
        );
        let saved = stelling::store::load(&path).unwrap();
        assert_eq!(saved.agenda[0].notes, "Vraag naar de planning", "{name}");
    }
}

/// The app given a pipe or a device as its session says so in its own language at once.
#[cfg(target_os = "linux")]
#[test]
fn the_app_refuses_a_pipe_or_a_device_in_the_window_s_language() {
    use stelling::model::Language;
    let dir = tempfile::tempdir().unwrap();
    let pipe = fifo(dir.path(), "pijp.ron");
    for (path, words) in [
        (pipe, "dit is een named pipe (FIFO), geen bestand"),
        (PathBuf::from("/dev/urandom"), "dit is een apparaat"),
    ] {
        let (tx, rx) = std::sync::mpsc::channel();
        let opened = path.clone();
        std::thread::spawn(move || {
            let mut app = crate::support::app(Language::Nl);
            app.open_path(&opened);
            let _ = tx.send((app.open.is_some(), app.message));
        });
        let (open, message) = rx
            .recv_timeout(Duration::from_secs(10))
            .expect("opening returns at once");
        assert!(!open);
        let message = message.unwrap_or_default();
        assert!(message.contains(&path.display().to_string()), "{message}");
        assert!(message.contains(words), "{message}");
    }
}

/// A link that leads back to itself, directly or through a second link.
fn link_loop(dir: &Path) -> [PathBuf; 2] {
    let (own, a, b) = (
        dir.join("rond.ron"),
        dir.join("heen.ron"),
        dir.join("terug.ron"),
    );
    std::os::unix::fs::symlink(&own, &own).unwrap();
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    [own, a]
}

#[test]
fn a_link_loop_is_called_one_by_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let chat = dir.path().join("chat.txt");
    std::fs::write(&chat, "10:02:33 From Ans to Everyone: Eens\n").unwrap();
    let out = dir.path().join("uit.md");
    for link in link_loop(dir.path()) {
        let reason = "leads back to itself";
        assert_refused(&stelling(&[&"check", &link]), &link, reason);
        assert_refused(&stelling(&[&"export", &link, &"-o", &out]), &link, reason);
        assert_refused(
            &stelling(&[&"import", &chat, &"--into", &link, &"--item", &"1"]),
            &link,
            reason,
        );
        // Still links, and nothing written beside them.
        assert!(link.symlink_metadata().unwrap().is_symlink());
    }
    assert!(!out.exists());
}

#[test]
fn the_app_calls_a_link_loop_one_in_the_window_s_language() {
    use stelling::model::Language;
    const NL: &str = "snelkoppeling (symbolische link) die naar zichzelf terugleidt";
    const EN: &str = "shortcut (symbolic link) that leads back to itself";
    let dir = tempfile::tempdir().unwrap();
    for (language, words) in [(Language::Nl, NL), (Language::En, EN)] {
        for link in link_loop(&tempfile::tempdir_in(dir.path()).unwrap().keep()) {
            let mut app = crate::support::app(language);
            app.open_path(&link);
            assert!(app.open.is_none());
            let message = app.message.unwrap_or_default();
            assert!(message.contains(words), "{language:?}: {message}");
        }
    }
}
