//! `stelling export -o` with the real binary: a report never takes the place of a session
//! (the one exported, another one, a broken one, one open elsewhere); other existing files only
//! with --force. And a standard output closed early (`| head`) is a quiet success.

use crate::support::{arg, stderr, stelling};

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// A copy of a shipped example in `dir`.
fn session_in(dir: &Path, name: &str) -> PathBuf {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/stellingenworkshop.ron");
    let path = dir.join(name);
    std::fs::copy(example, &path).unwrap();
    path
}

/// `export INPUT --format html -o TARGET [extra]` must fail with exit code 1, name `named` in
/// its message, and leave both files exactly as they were.
fn refused(input: &Path, target: &Path, extra: &[&str], named: &Path) -> String {
    let before_input = std::fs::read(input).unwrap();
    let before_target = std::fs::read(target).ok();
    let mut args = vec!["export", arg(input), "--format", "html", "-o", arg(target)];
    args.extend_from_slice(extra);
    let out = stelling(&args);
    let message = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{message}");
    assert!(message.contains(arg(named)), "{message}");
    assert!(!message.contains("panicked"), "{message}");
    assert_eq!(std::fs::read(input).unwrap(), before_input, "input changed");
    assert_eq!(std::fs::read(target).ok(), before_target, "target changed");
    message
}

#[test]
fn export_refuses_to_write_over_its_own_session() {
    let dir = tempfile::tempdir().unwrap();
    let input = session_in(dir.path(), "s.ron");
    for extra in [&[][..], &["--force"][..]] {
        let message = refused(&input, &input, extra, &input);
        assert!(message.contains("session being exported"), "{message}");
    }
    // The same file by another name: through `..`, and a hard link.
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    let dotted = sub.join("../s.ron");
    refused(&input, &dotted, &["--force"], &dotted);
    let hard = dir.path().join("ook-s.txt");
    std::fs::hard_link(&input, &hard).unwrap();
    let message = refused(&input, &hard, &["--force"], &hard);
    assert!(message.contains("session being exported"), "{message}");
}

#[cfg(unix)]
#[test]
fn export_refuses_a_link_to_its_own_session() {
    let dir = tempfile::tempdir().unwrap();
    let input = session_in(dir.path(), "s.ron");
    let link = dir.path().join("rapport.html");
    std::os::unix::fs::symlink(&input, &link).unwrap();
    let message = refused(&input, &link, &["--force"], &link);
    assert!(message.contains("session being exported"), "{message}");
    assert!(link.is_symlink(), "the link stays a link");
}

#[test]
fn export_refuses_another_session_also_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let input = session_in(dir.path(), "a.ron");
    // Another session under a name that does not end in .ron, so only its contents tell.
    let other = session_in(dir.path(), "b-sessie.txt");
    for extra in [&[][..], &["--force"][..]] {
        let message = refused(&input, &other, extra, &other);
        assert!(message.contains("Stelling session"), "{message}");
    }
}

#[test]
fn export_refuses_a_broken_session_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = session_in(dir.path(), "a.ron");
    // Cut off halfway, as by a full disk: it no longer loads, but it is still the data.
    let text = std::fs::read_to_string(&input).unwrap();
    let broken = dir.path().join("kapot.ron");
    std::fs::write(&broken, &text[..text.len() / 2]).unwrap();
    let message = refused(&input, &broken, &["--force"], &broken);
    assert!(message.contains("Stelling session"), "{message}");
    // The same without the .ron name: its start says what it is.
    let unnamed = dir.path().join("kapot-zonder-naam");
    std::fs::write(&unnamed, &text[..200]).unwrap();
    refused(&input, &unnamed, &["--force"], &unnamed);
    // Any .ron file, even one with nothing of a session in it.
    let odd = dir.path().join("iets.ron");
    std::fs::write(&odd, "geen sessie").unwrap();
    refused(&input, &odd, &["--force"], &odd);
    // A session's backup.
    let backup = dir.path().join("a.ron.bak");
    std::fs::write(&backup, &text).unwrap();
    refused(&input, &backup, &["--force"], &backup);
}

#[test]
fn export_refuses_a_file_another_copy_has_open() {
    let dir = tempfile::tempdir().unwrap();
    let input = session_in(dir.path(), "a.ron");
    let open = session_in(dir.path(), "open.ron");
    let _lock = stelling::store::SessionLock::acquire(&open).unwrap();
    let message = refused(&input, &open, &["--force"], &open);
    assert!(message.contains("another copy of Stelling"), "{message}");
    // The lock counts on its own too: a file that is no session but held by another copy.
    let held = dir.path().join("notities.md");
    std::fs::write(&held, "# notities\n").unwrap();
    let _held = stelling::store::SessionLock::acquire(&held).unwrap();
    let message = refused(&input, &held, &["--force"], &held);
    assert!(message.contains("another copy of Stelling"), "{message}");
}

#[test]
fn export_overwrites_another_existing_file_only_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let input = session_in(dir.path(), "a.ron");
    let old = dir.path().join("verslag.html");
    std::fs::write(&old, "<p>het verslag van vorige week</p>").unwrap();
    let message = refused(&input, &old, &[], &old);
    assert!(message.contains("--force"), "{message}");

    let out = stelling(&[
        "export",
        arg(&input),
        "--format",
        "html",
        "-o",
        arg(&old),
        "--force",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let html = std::fs::read_to_string(&old).unwrap();
    assert!(html.contains("<html"), "{html}");
    // A new file needs no --force.
    let new = dir.path().join("nieuw.md");
    let out = stelling(&["export", arg(&input), "-o", arg(&new)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(new.exists());
}

#[test]
fn export_refuses_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let input = session_in(dir.path(), "a.ron");
    let folder = dir.path().join("map");
    std::fs::create_dir(&folder).unwrap();
    let out = stelling(&["export", arg(&input), "-o", arg(&folder), "--force"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("folder"), "{}", stderr(&out));
    assert!(folder.is_dir());
}

/// A session big enough that its Markdown report is far larger than a pipe holds.
fn big_session(dir: &Path) -> PathBuf {
    use stelling::import::list;
    let lines: Vec<String> = (0..6000)
        .map(|n| format!("Stelling nummer {n}: de buurt beslist zelf over het plein"))
        .collect();
    let session = list::new_session("Groot", stelling::model::Language::Nl, &lines);
    let path = dir.join("groot.ron");
    stelling::store::save(&path, &session).unwrap();
    path
}

/// Starts `args` with standard output piped, reads a few bytes, closes the pipe and waits.
fn closed_early(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_stelling"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("stelling {args:?} did not end after its output was closed");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn a_closed_standard_output_is_a_quiet_success() {
    let dir = tempfile::tempdir().unwrap();
    let big = big_session(dir.path());
    for format in ["md", "html", "csv"] {
        let out = closed_early(&["export", arg(&big), "--format", format]);
        let message = stderr(&out);
        assert_eq!(out.status.code(), Some(0), "{format}: {message}");
        assert!(message.is_empty(), "{format}: {message}");
    }
    // `check` of many files prints a line each: the same when its reader stops early.
    let small = session_in(dir.path(), "klein.ron");
    let names: Vec<String> = (0..3000).map(|_| arg(&small).to_string()).collect();
    let mut args = vec!["check"];
    args.extend(names.iter().map(String::as_str));
    let out = closed_early(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}
