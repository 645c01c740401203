//! Tools the integration tests share: running the real binary, the shipped examples, and the
//! app in a test harness.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};
use stelling::model::{Change, Document, Id, ItemKind, Language, Reaction, Session, Stance};
use stelling::store::{
    self, Autosave, LockError, SaveStatus, SessionLock,
    examples::{EXAMPLES, Example},
    settings::Settings,
};
use stelling::ui::App;

/// Longer than any command takes on a busy machine; a command still running then is waiting
/// on something (a pipe, a device) and fails its test instead of hanging it.
pub const TIME_LIMIT: Duration = Duration::from_secs(20);

/// Runs the binary with `args`, its output going to files (a full pipe would look like a
/// hang), and kills it after `limit`. `Err` says it was killed.
pub fn run_limited<S: AsRef<OsStr>>(args: &[S], limit: Duration) -> Result<Output, String> {
    let scratch = tempfile::tempdir().unwrap();
    let (out, err) = (scratch.path().join("out"), scratch.path().join("err"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_stelling"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(std::fs::File::create(&err).unwrap())
        .spawn()
        .expect("the binary runs");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            let shown: Vec<_> = args.iter().map(|a| a.as_ref().to_string_lossy()).collect();
            return Err(format!(
                "stelling {shown:?} still ran after {limit:?}; killed"
            ));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let read = |p: &Path| std::fs::read(p).unwrap();
    Ok(Output {
        status,
        stdout: read(&out),
        stderr: read(&err),
    })
}

/// [`run_limited`] with [`TIME_LIMIT`], failing the test on a hang.
pub fn run<S: AsRef<OsStr>>(args: &[S]) -> Output {
    run_limited(args, TIME_LIMIT).unwrap_or_else(|hang| panic!("{hang}"))
}

/// Standard output and standard error of a run, as text.
pub fn both(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr)
}

/// The binary run with `args` within [`TIME_LIMIT`]: the runner the command tests share.
pub fn stelling<S: AsRef<OsStr>>(args: &[S]) -> Output {
    run(args)
}

/// A temporary path as a command argument.
pub fn arg(p: &Path) -> &str {
    p.to_str().expect("temporary paths are UTF-8")
}

/// Standard output of a run, as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Standard error of a run, as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The session files (`*.ron`) in `dir`, sorted, so every test walks them alike.
pub fn ron_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    files
}

/// File names in a folder, sorted.
pub fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Makes a folder made read-only by a test writable again however the test ends, so that
/// it can be cleaned up.
#[cfg(unix)]
pub struct WritableAgain<'a>(pub &'a Path);

#[cfg(unix)]
impl Drop for WritableAgain<'_> {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(self.0, std::fs::Permissions::from_mode(0o755));
    }
}

/// The shipped example sessions (`sessions/*.ron`), sorted.
pub fn examples() -> Vec<PathBuf> {
    let files = ron_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions"));
    assert!(files.len() >= 4, "the examples are there");
    files
}

/// A copy of the built-in example `name` in `dir`, so a test may change it.
pub fn example_copy(dir: &Path, name: &str) -> PathBuf {
    let example = EXAMPLES.iter().find(|e| e.file_name == name).unwrap();
    store::examples::install(example, dir).unwrap()
}

/// Markdown escaping and line breaks aside, is `needle` in `haystack`?
pub fn contains_text(haystack: &str, needle: &str) -> bool {
    let plain = |s: &str| -> String {
        s.chars()
            .filter(|c| {
                !matches!(
                    c,
                    '\\' | '*' | '_' | '`' | '|' | '<' | '>' | '[' | ']' | '#' | '\n' | ' '
                )
            })
            .collect()
    };
    plain(haystack).contains(&plain(needle))
}

/// The app in `language` with no recent files, as a first start would have it.
pub fn app(language: Language) -> App {
    App::with_settings(Settings {
        language: Some(language),
        recent: Vec::new(),
    })
}

/// The app in `language` with the session at `path` open.
pub fn app_with(path: &Path, language: Language) -> App {
    let mut app = app(language);
    app.open_path(path);
    assert!(app.message.is_none(), "opening failed: {:?}", app.message);
    app
}

/// The app in `language` with a copy of the built-in `example` in `dir` open, as the start
/// screen opens it.
pub fn app_with_example(dir: &Path, example: &Example, language: Language) -> App {
    let mut app = app(language);
    app.sessions_dir = dir.to_path_buf();
    app.open_example(example);
    assert!(app.message.is_none(), "{:?}", app.message);
    app
}

/// `app` in a window of `width` × `height`, its first frames drawn.
pub fn harness_sized(app: App, width: f32, height: f32) -> Harness<'static, App> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(width, height))
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    h.run_steps(2);
    h
}

/// `app` in the window size most app tests use.
pub fn harness(app: App) -> Harness<'static, App> {
    harness_sized(app, 1400.0, 900.0)
}

/// The open session as it is now.
pub fn session(h: &Harness<'_, App>) -> Session {
    h.state().open.as_ref().unwrap().doc.session().clone()
}

/// Where the first proposition stands on the agenda of `s`.
pub fn first_proposition(s: &Session) -> usize {
    let found = s
        .agenda
        .iter()
        .position(|i| i.kind == ItemKind::Proposition);
    found.expect("the session has a proposition")
}

/// Walks the agenda down to the first proposition of the open session; returns its place.
pub fn to_first_proposition(h: &mut Harness<'_, App>) -> usize {
    let target = first_proposition(&session(h));
    for _ in 0..target {
        press(h, Key::ArrowDown);
    }
    target
}

/// One key press, then a frame.
pub fn press(h: &mut Harness<'_, App>, key: Key) {
    h.key_press(key);
    h.run_steps(1);
}

/// One key press with modifiers, then a frame.
pub fn press_mod(h: &mut Harness<'_, App>, m: Modifiers, key: Key) {
    h.key_press_modifiers(m, key);
    h.run_steps(1);
}

/// Runs frames until the window's background save has caught up (or failed), at most ten
/// seconds, then two more so the status line shows the outcome.
pub fn settle(h: &mut Harness<'_, App>) {
    std::thread::sleep(store::SAVE_DELAY);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        h.run_steps(1);
        let open = h.state().open.as_ref().unwrap();
        if open.autosave.is_settled(&open.doc) {
            h.run_steps(2);
            return;
        }
        assert!(Instant::now() < deadline, "the save did not finish");
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Gives the session in `doc` a new title, as the details form does.
pub fn rename(doc: &mut Document, title: &str) {
    let mut details = doc.session().details();
    details.title = title.into();
    doc.apply(Change::SetDetails(Box::new(details))).unwrap();
}

/// Another writer of the session at `path` is refused: someone holds its lock.
#[track_caller]
pub fn assert_locked(path: &Path, why: &str) {
    let second = SessionLock::acquire(path);
    assert!(matches!(second, Err(LockError::Held { .. })), "{why}");
}

/// Ticks until the autosave is idle (saved, failed or waiting for a choice).
pub fn settle_autosave(autosave: &mut Autosave, doc: &Document) {
    let deadline = Instant::now() + Duration::from_secs(10);
    std::thread::sleep(store::SAVE_DELAY);
    loop {
        autosave.tick(doc, Instant::now());
        if autosave.is_settled(doc) || *autosave.status() == SaveStatus::ChangedElsewhere {
            return;
        }
        assert!(Instant::now() < deadline, "autosave never settled");
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// The name by which this binary's harness knows test `name` in `module` (a `module_path!()`),
/// for tests that start the binary again to run one test as a child process.
pub fn test_name(module: &str, name: &str) -> String {
    let inside = module.split_once("::").map_or("", |(_crate, rest)| rest);
    format!("{inside}::{name}")
}

/// A reaction as a facilitator types it: a text, a stance and maybe a table; no name, no time,
/// not highlighted.
pub fn reaction(id: Id, text: impl Into<String>, stance: Stance, group: Option<Id>) -> Reaction {
    Reaction {
        id,
        text: text.into(),
        stance,
        group,
        by: None,
        time: None,
        highlighted: false,
    }
}

/// Whether a label containing `text` is on screen.
pub fn shows_part(h: &Harness<'_, App>, text: &str) -> bool {
    use egui_kittest::kittest::Queryable;
    h.query_by_label_contains(text).is_some()
}

/// Set-up shared by the live-voting tests: sessions with groups and a proposition, and the
/// runtime their async clients run on.
pub mod live {
    use stelling::model::{Group, Id, Item, ItemKind, ResponseOption, Round, Session};

    /// Adds groups of unknown size, in this order.
    pub fn add_groups(s: &mut Session, groups: &[(Id, &str)]) {
        for &(id, name) in groups {
            s.groups.push(Group {
                id,
                name: name.into(),
                size: None,
            });
        }
    }

    /// A proposition with these answer options and rounds.
    pub fn proposition(
        s: &Session,
        id: Id,
        text: &str,
        options: &[(Id, &str)],
        rounds: Vec<Round>,
    ) -> Item {
        let mut item = Item::new(s, ItemKind::Proposition, text);
        item.id = id;
        item.options = options
            .iter()
            .map(|&(id, label)| ResponseOption {
                id,
                label: label.into(),
            })
            .collect();
        item.rounds = rounds;
        item
    }

    /// A single-threaded runtime, enough for one test's clients.
    pub fn runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
    }
}
