//! The report screen's export never takes the place of a session, driven through egui: the
//! save dialog has asked about overwriting, so another existing file is replaced, but the open
//! session (through a link too), another session and a file open elsewhere are refused, in the
//! window's language, and left byte for byte as they were.

use crate::support;
use crate::support::example_copy;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::Path;
use std::time::{Duration, Instant};
use stelling::model::Language;
use stelling::store::{self};
use stelling::ui::{App, ExportFormat, ExportStatus};

fn harness(path: &Path, language: Language) -> Harness<'static, App> {
    let mut h = support::harness(support::app_with(path, language));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::R);
    h.run_steps(3);
    h
}

/// Exports to `target` as the save dialog would and runs frames until it has finished (at
/// most ten seconds); whether it was written.
fn export(h: &mut Harness<'_, App>, format: ExportFormat, target: &Path) -> bool {
    h.state_mut().export_to(format, target.to_path_buf());
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        h.run_steps(1);
        match &h.state().open.as_ref().unwrap().view.report.export {
            Some(ExportStatus::Running { .. }) => {}
            Some(status) => {
                let done = matches!(status, ExportStatus::Done { .. });
                h.run_steps(1);
                return done;
            }
            None => panic!("no export was started"),
        }
        assert!(Instant::now() < deadline, "the export did not finish");
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn shows(h: &Harness<'_, App>, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
}

#[test]
fn the_app_refuses_to_export_over_sessions_and_replaces_other_files() {
    let dir = tempfile::tempdir().unwrap();
    let open = example_copy(dir.path(), "stellingenworkshop.ron");
    let mut h = harness(&open, Language::Nl);
    let unchanged = |path: &Path, before: &[u8]| {
        assert_eq!(
            std::fs::read(path).unwrap(),
            before,
            "{} changed",
            path.display()
        );
    };
    let session_bytes = std::fs::read(&open).unwrap();

    // A link to the open session, named like a report.
    #[cfg(unix)]
    {
        let link = dir.path().join("verslag.md");
        std::os::unix::fs::symlink(&open, &link).unwrap();
        assert!(!export(&mut h, ExportFormat::Markdown, &link));
        assert!(shows(&h, "dit is de sessie zelf"));
        unchanged(&open, &session_bytes);
        assert!(link.is_symlink());
    }

    // A colleague's session under a name that does not say so.
    let other = dir.path().join("collega.html");
    std::fs::copy(&open, &other).unwrap();
    assert!(!export(&mut h, ExportFormat::Html, &other));
    assert!(shows(&h, "dit is een Stelling-sessie"));
    unchanged(&other, &session_bytes);

    // A file another copy of Stelling holds.
    let held = dir.path().join("bezet.md");
    std::fs::write(&held, "# bezet\n").unwrap();
    let _lock = store::SessionLock::acquire(&held).unwrap();
    assert!(!export(&mut h, ExportFormat::Markdown, &held));
    assert!(shows(&h, "open in een ander Stelling-venster"));
    unchanged(&held, b"# bezet\n");

    // An old report: the dialog asked, so it is replaced.
    let old = dir.path().join("vorige.md");
    std::fs::write(&old, "oud verslag").unwrap();
    assert!(export(&mut h, ExportFormat::Markdown, &old));
    assert_ne!(std::fs::read(&old).unwrap(), b"oud verslag");
    unchanged(&open, &session_bytes);
}

#[test]
fn the_refusal_is_in_the_windows_language() {
    let dir = tempfile::tempdir().unwrap();
    let open = example_copy(dir.path(), "stellingenworkshop.ron");
    let mut h = harness(&open, Language::En);
    let other = dir.path().join("colleague.md");
    std::fs::copy(&open, &other).unwrap();
    assert!(!export(&mut h, ExportFormat::Markdown, &other));
    assert!(shows(&h, "this is a Stelling session"));
}
