//! Autosave against the world outside Stelling: another program changing the session file,
//! the file disappearing, and choosing which version to keep. Nothing is ever overwritten
//! unseen, and no version is lost.

use crate::support;
use crate::support::{rename, ron_files, settle_autosave as settle};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use stelling::model::{Change, Document, Language, Session};
use stelling::store::{self, Autosave, SaveStatus};

fn session(title: &str) -> Session {
    let mut s = Session::new(title, Language::Nl);
    s.place = "Zaal 1".into();
    s
}

/// A file as a text editor or a sync tool writes it: new content, a later time.
fn edit_elsewhere(path: &Path, session: &Session) {
    // Some file systems keep times in whole seconds; make sure the time moves on.
    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(path, store::to_ron(session)).unwrap();
}

/// Retitles the session and lets autosave run: it must have saved, the file holding `title`.
#[track_caller]
fn saved_as(doc: &mut Document, autosave: &mut Autosave, path: &Path, title: &str) {
    rename(doc, title);
    settle(autosave, doc);
    let status = autosave.status();
    assert!(
        matches!(status, SaveStatus::Saved { .. }),
        "{title}: {status:?}"
    );
    assert_eq!(store::load(path).unwrap().title, title);
}

fn setup() -> (tempfile::TempDir, PathBuf, Document, Autosave) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sessie.ron");
    store::save(&path, &session("Origineel")).unwrap();
    let doc = Document::new(store::load(&path).unwrap());
    let autosave = Autosave::new(path.clone(), &doc);
    (dir, path, doc, autosave)
}

/// Another program wrote "Van de editor" while Stelling retitled its copy "Van Stelling";
/// autosave has run since.
fn changed_on_both_sides() -> (tempfile::TempDir, PathBuf, Document, Autosave) {
    let (dir, path, mut doc, mut autosave) = setup();
    edit_elsewhere(&path, &session("Van de editor"));
    rename(&mut doc, "Van Stelling");
    settle(&mut autosave, &doc);
    (dir, path, doc, autosave)
}

#[test]
fn a_change_by_another_program_is_never_overwritten_unseen() {
    let (_dir, path, mut doc, mut autosave) = changed_on_both_sides();
    assert_eq!(*autosave.status(), SaveStatus::ChangedElsewhere);
    assert_eq!(store::load(&path).unwrap().title, "Van de editor");
    // It stays that way, however often autosave runs.
    rename(&mut doc, "Nog een wijziging");
    settle(&mut autosave, &doc);
    assert_eq!(store::load(&path).unwrap().title, "Van de editor");
    assert!(autosave.has_unsaved_changes(&doc));
}

#[test]
fn the_same_content_written_again_is_no_conflict() {
    let (_dir, path, mut doc, mut autosave) = setup();
    // A sync tool rewrites the file byte for byte: a new time, nothing else.
    let bytes = std::fs::read(&path).unwrap();
    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(&path, &bytes).unwrap();
    saved_as(&mut doc, &mut autosave, &path, "Van Stelling");
}

#[test]
fn our_own_saves_are_not_mistaken_for_another_program() {
    let (_dir, path, mut doc, mut autosave) = setup();
    for n in 0..5 {
        saved_as(&mut doc, &mut autosave, &path, &format!("Versie {n}"));
    }
    rename(&mut doc, "Via Ctrl+S");
    assert_eq!(autosave.flush(&doc, "kopie").unwrap(), None);
    assert_eq!(store::load(&path).unwrap().title, "Via Ctrl+S");
}

#[test]
fn keeping_my_version_keeps_theirs_beside_it() {
    let (dir, path, mut doc, mut autosave) = changed_on_both_sides();
    let side = autosave.keep_mine(&doc, "andere versie").unwrap();
    assert_eq!(store::load(&path).unwrap().title, "Van Stelling");
    assert_eq!(store::load(&side).unwrap().title, "Van de editor");
    assert!(
        side.file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("sessie (andere versie "),
        "{side:?}"
    );
    assert_eq!(ron_files(dir.path()).len(), 2);
    // And saving goes on as normal.
    saved_as(&mut doc, &mut autosave, &path, "Verder");
}

#[test]
fn closing_without_choosing_puts_my_version_beside_theirs() {
    let (_dir, path, mut doc, mut autosave) = setup();
    edit_elsewhere(&path, &session("Van de editor"));
    rename(&mut doc, "Van Stelling");
    // The window closes before autosave ran: flush itself notices.
    let side = autosave
        .flush(&doc, "versie Stelling")
        .unwrap()
        .expect("my version went beside the file");
    assert_eq!(store::load(&path).unwrap().title, "Van de editor");
    assert_eq!(store::load(&side).unwrap().title, "Van Stelling");
}

#[test]
fn a_removed_file_is_written_again() {
    let (_dir, path, mut doc, mut autosave) = setup();
    std::fs::remove_file(&path).unwrap();
    saved_as(&mut doc, &mut autosave, &path, "Terug");
}

// The same through the window: the warning, the choice, and both versions kept.

mod window {
    use super::*;
    use egui::Key;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use stelling::store::examples::EXAMPLES;
    use stelling::ui::App;

    fn run_until_idle(h: &mut Harness<'_, App>) {
        std::thread::sleep(store::SAVE_DELAY);
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            h.run_steps(1);
            let open = h.state().open.as_ref().unwrap();
            if open.autosave.is_settled(&open.doc)
                || *open.autosave.status() == SaveStatus::ChangedElsewhere
            {
                h.run_steps(2);
                return;
            }
            assert!(Instant::now() < deadline, "autosave never settled");
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    #[test]
    fn the_window_warns_and_loads_the_other_version_keeping_mine() {
        let dir = tempfile::tempdir().unwrap();
        let path = store::examples::install(&EXAMPLES[0], dir.path()).unwrap();
        let mut app = support::app(Language::En);
        app.open_path(&path);
        let mut h = support::harness(app);

        let mut theirs = store::load(&path).unwrap();
        theirs.title = "Aangepast in een editor".into();
        edit_elsewhere(&path, &theirs);
        // A hand for the first proposition, in the window.
        h.key_press(Key::ArrowDown);
        h.run_steps(1);
        h.key_press(Key::Num1);
        h.run_steps(1);
        let mine = h.state().open.as_ref().unwrap().doc.session().clone();
        run_until_idle(&mut h);
        let warnings = h
            .query_all(egui_kittest::kittest::by().label_contains("FILE CHANGED ELSEWHERE"))
            .count();
        assert!(warnings > 0, "the warning shows");
        assert_eq!(store::load(&path).unwrap(), theirs, "not overwritten");

        h.get_by_label("Load the other version").click();
        h.run_steps(2);
        let open = h.state().open.as_ref().unwrap();
        assert!(
            *open.doc.session() == theirs,
            "the other version is loaded; message: {:?}",
            h.state().message
        );
        let side: Vec<PathBuf> = ron_files(dir.path())
            .into_iter()
            .filter(|p| *p != path)
            .collect();
        assert_eq!(side.len(), 1, "{side:?}");
        let kept = store::load(&side[0]).unwrap();
        if kept != mine {
            let (a, b) = (store::to_ron(&kept), store::to_ron(&mine));
            for (x, y) in a.lines().zip(b.lines()) {
                if x != y {
                    panic!("side file differs from my version:\n{x}\n{y}");
                }
            }
            panic!("side file differs from my version");
        }
        let message = h.state().message.clone().unwrap_or_default();
        assert!(
            message.contains(&side[0].display().to_string()),
            "{message}"
        );
    }
}

// A panic in the window: the session is saved first, a note is left, and the next start says so.

#[test]
fn a_panic_saves_first_and_the_next_start_says_what_happened() {
    use stelling::store::{crash, examples::EXAMPLES, settings::Settings};
    use stelling::ui::App;
    let dir = tempfile::tempdir().unwrap();
    let path = store::examples::install(&EXAMPLES[0], dir.path()).unwrap();
    let settings = Settings {
        language: Some(Language::En),
        recent: Vec::new(),
    };
    let mut app = App::with_settings(settings.clone());
    app.open_path(&path);
    let result = app.guarded(|app| {
        let open = app.open.as_mut().unwrap();
        let mut details = open.doc.session().details();
        details.title = "Vlak voor de crash".into();
        app.apply(Change::SetDetails(Box::new(details)));
        panic!("index out of bounds: the len is 3 but the index is 7");
    });
    assert!(result.is_err(), "the panic is handed back");
    // Saved at once, not a quarter second later.
    assert_eq!(store::load(&path).unwrap().title, "Vlak voor de crash");
    assert!(crash::note_path(&path).exists());
    drop(app);

    // Starting again: the session opens and the message says what happened, once.
    let mut app = App::with_settings(settings.clone());
    app.open_path(&path);
    let message = app.message.clone().expect("a message about the crash");
    assert!(message.contains("stopped unexpectedly"), "{message}");
    assert!(message.contains("the index is 7"), "{message}");
    assert!(!crash::note_path(&path).exists(), "told once");
    drop(app);
    let mut app = App::with_settings(settings);
    app.open_path(&path);
    assert_eq!(app.message, None);
}
