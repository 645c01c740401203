//! The status bar when saving fails: the way out (Save as…) must be on screen and clear of
//! the other buttons at every usual window width, in both languages.

use crate::support;
use egui::Rect;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::Path;
use std::time::Duration;
use stelling::model::{Change, Language};
use stelling::store::{self, SaveStatus};
use stelling::ui::App;

/// A session whose folder is removed after it was opened, with a change that cannot be saved,
/// shown until the status bar says so.
fn failed_save(dir: &Path, language: Language) -> Harness<'static, App> {
    let folder = dir.join("usb-stick");
    std::fs::create_dir(&folder).unwrap();
    let path = support::example_copy(&folder, "stellingenworkshop.ron");
    let mut h = support::harness_sized(support::app_with(&path, language), 1280.0, 720.0);
    std::fs::remove_dir_all(&folder).unwrap();
    let change = {
        let session = h.state().open.as_ref().unwrap().doc.session();
        let item = session
            .agenda
            .iter()
            .find(|i| !i.options.is_empty() && !i.rounds.is_empty())
            .unwrap();
        Change::Tally {
            item: item.id,
            round: item.rounds[0].id,
            option: item.options[0].id,
            group: None,
            delta: 1,
        }
    };
    h.state_mut().apply(change);
    std::thread::sleep(store::SAVE_DELAY);
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while !matches!(
        h.state().open.as_ref().unwrap().autosave.status(),
        SaveStatus::Failed { .. }
    ) {
        assert!(
            std::time::Instant::now() < deadline,
            "the save did not fail"
        );
        h.run_steps(1);
        std::thread::sleep(Duration::from_millis(10));
    }
    h.run_steps(2);
    h
}

fn rect(h: &Harness<'_, App>, label: &str) -> Rect {
    h.get_by_label(label).rect()
}

fn check_way_out(h: &mut Harness<'_, App>, save_as: &str, others: &[&str]) {
    for width in [1280.0, 1024.0, 800.0, 640.0] {
        h.set_size(egui::vec2(width, 720.0));
        h.run_steps(3);
        let screen = Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(width, 720.0));
        let button = rect(h, save_as);
        assert!(
            screen.contains_rect(button),
            "{save_as} at {button:?} is not inside a {width} px window"
        );
        for other in others {
            let other_rect = rect(h, other);
            assert!(
                !button.intersects(other_rect),
                "{save_as} at {button:?} overlaps {other} at {other_rect:?} ({width} px)"
            );
            assert!(
                screen.contains_rect(other_rect),
                "{other} at {other_rect:?} is not inside a {width} px window"
            );
        }
    }
}

#[test]
fn save_as_stays_in_view_when_the_folder_is_gone() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = failed_save(dir.path(), Language::En);
    check_way_out(
        &mut h,
        "Save as…",
        &[
            "English",
            "Nederlands",
            "⌨ Keyboard shortcuts",
            "🏠 Start screen",
        ],
    );
}

#[test]
fn opslaan_als_stays_in_view_when_the_folder_is_gone() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = failed_save(dir.path(), Language::Nl);
    let t = stelling::ui::texts::texts(Language::Nl);
    let shortcuts = format!("⌨ {}", t.shortcuts);
    let back = format!("🏠 {}", t.back_to_start);
    check_way_out(
        &mut h,
        "Opslaan als…",
        &["English", "Nederlands", &shortcuts, &back],
    );
}
