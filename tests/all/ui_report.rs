//! The report screen driven through egui: Ctrl+R shows the preview in the session's language,
//! the export buttons write what the report renderers produce, and the calendar button is only
//! there for sessions with follow-up dates.

use crate::support;
use crate::support::{app_with, example_copy, session};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use std::path::Path;
use std::time::{Duration, Instant};
use stelling::model::{Change, Item, ItemKind, Language, Session};
use stelling::report;
use stelling::store::{self};
use stelling::ui::{App, ExportFormat, ExportStatus, Screen};

/// To the report screen with Ctrl+R, as a facilitator would, and a few frames for the block
/// heights to settle.
fn to_report(h: &mut Harness<'_, App>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::R);
    h.run_steps(3);
    assert_eq!(h.state().open.as_ref().unwrap().view.screen, Screen::Report);
}

/// A copy of the built-in `example` open in a window speaking `language`, 1400 wide and
/// `height` tall, on the report screen; the folder holding the copy comes along.
fn report_of(
    example: &str,
    language: Language,
    height: f32,
) -> (tempfile::TempDir, Harness<'static, App>) {
    let dir = tempfile::tempdir().unwrap();
    let path = example_copy(dir.path(), example);
    let mut h = support::harness_sized(app_with(&path, language), 1400.0, height);
    to_report(&mut h);
    (dir, h)
}

/// Whether some label shows `text`.
fn shows(h: &Harness<'_, App>, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
}

/// Whether the button labelled `label` is greyed out.
fn disabled(h: &Harness<'_, App>, label: &str) -> bool {
    h.get_by_label(label).accesskit_node().is_disabled()
}

/// Runs frames until the export started last has finished, at most ten seconds.
fn finish_export(h: &mut Harness<'_, App>) {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        h.run_steps(1);
        let status = &h.state().open.as_ref().unwrap().view.report.export;
        match status {
            Some(ExportStatus::Running { .. }) => {}
            Some(_) => {
                h.run_steps(1);
                return;
            }
            None => panic!("no export was started"),
        }
        assert!(Instant::now() < deadline, "the export did not finish");
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn ctrl_r_shows_every_proposition_and_highlighted_reactions_in_the_sessions_language() {
    // A window tall enough for the whole report: everything is laid out.
    let (_dir, h) = report_of("stellingenworkshop.ron", Language::En, 20_000.0);
    let s = session(&h);
    assert_eq!(s.language, Language::Nl);

    let propositions: Vec<&Item> = s
        .agenda
        .iter()
        .filter(|i| i.kind == ItemKind::Proposition)
        .collect();
    assert!(propositions.len() >= 2);
    for item in &propositions {
        assert!(
            shows(&h, item.text.trim()),
            "not in the preview: {}",
            item.text
        );
    }

    // The report speaks Dutch (the session's language), the screen English (the user's).
    assert!(shows(&h, "Rangorde van de stellingen"));
    assert!(shows(&h, "Voor de discussie"));
    assert!(shows(&h, "Save the report"));
    assert!(!shows(&h, "Ranking of the propositions"));

    // Highlighted reactions carry the star, the others a bullet.
    let reactions: Vec<_> = s
        .agenda
        .iter()
        .flat_map(|i| i.rounds.iter().flat_map(|r| &r.reactions))
        .collect();
    let highlighted = reactions.iter().find(|r| r.highlighted).unwrap();
    let plain = reactions.iter().find(|r| !r.highlighted).unwrap();
    let label = |text: &str| {
        h.query_all_by_label_contains(text.trim())
            .map(|n| n.value().unwrap_or_default())
            .collect::<Vec<_>>()
    };
    let found = label(&highlighted.text);
    assert!(
        found.iter().any(|l| l.starts_with('★')),
        "highlighted reaction without star: {found:?}"
    );
    let found = label(&plain.text);
    assert!(
        found.iter().any(|l| l.starts_with('•')),
        "plain reaction: {found:?}"
    );
    assert!(!found.iter().any(|l| l.starts_with('★')));
}

#[test]
fn only_what_is_in_view_is_laid_out_and_page_keys_scroll() {
    let (_dir, mut h) = report_of("stellingenworkshop.ron", Language::Nl, 800.0);
    let s = session(&h);
    let last = s
        .agenda
        .iter()
        .rev()
        .find(|i| i.kind == ItemKind::Proposition)
        .unwrap();
    // The closing overview is far below the first screen: not laid out yet.
    assert!(shows(&h, s.title.trim()));
    assert!(!shows(&h, "Actieoverzicht"));
    assert!(!shows(&h, last.text.trim()));

    // End jumps to the bottom: the overview is there, the title is gone.
    h.key_press(Key::End);
    h.run_steps(4);
    assert!(shows(&h, "Actieoverzicht"));
    assert!(!shows(&h, s.title.trim()));

    // Home goes back; Page Down moves on by about a screen.
    h.key_press(Key::Home);
    h.run_steps(3);
    assert!(shows(&h, s.title.trim()));
    h.key_press(Key::PageDown);
    h.run_steps(3);
    assert!(!shows(&h, s.title.trim()));
}

#[test]
fn the_preview_follows_changes_and_undo() {
    let (_dir, mut h) = report_of("stellingenworkshop.ron", Language::Nl, 20_000.0);
    let text = "Een nieuwe stelling met ë, é en ‘aanhalingstekens’ — erbij gezet";
    assert!(!shows(&h, text));
    let item = Item::new(&session(&h), ItemKind::Proposition, text);
    h.state_mut().apply(Change::AddItem {
        index: usize::MAX,
        item: Box::new(item),
    });
    h.run_steps(3);
    assert!(shows(&h, text));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert!(!shows(&h, text));
}

#[test]
fn each_export_writes_what_the_report_renders() {
    let (_dir, mut h) = report_of("tafelgroepen-conferentie.ron", Language::En, 900.0);
    let s = session(&h);
    let out = tempfile::tempdir().unwrap();
    let cases: [(ExportFormat, Option<Vec<u8>>); 6] = [
        (
            ExportFormat::Markdown,
            Some(report::markdown(&s).into_bytes()),
        ),
        (ExportFormat::Html, Some(report::html(&s).into_bytes())),
        (ExportFormat::Csv, Some(report::csv(&s, false))),
        (ExportFormat::CsvExcel, Some(report::csv(&s, true))),
        (ExportFormat::Calendar, Some(report::ics(&s).into_bytes())),
        (ExportFormat::Pdf, None),
    ];
    for (format, expected) in cases {
        let name = format.file_name(&s.title);
        let target = out.path().join(&name);
        h.state_mut().export_to(format, target.clone());
        finish_export(&mut h);
        let written = std::fs::read(&target)
            .unwrap_or_else(|e| panic!("{format:?}: nothing written at {name}: {e}"));
        match expected {
            Some(bytes) => assert!(written == bytes, "{format:?}: other bytes than the report"),
            None => assert!(written.starts_with(b"%PDF"), "not a PDF"),
        }
        assert!(
            shows(&h, &format!("Saved: {name}")),
            "{format:?}: no confirmation on screen"
        );
    }
    // The folder can be opened from there (not clicked here: it would start a file manager).
    assert!(shows(&h, "Open the folder"));
    // Excel's CSV has a name of its own, so it never overwrites the plain one.
    assert!(
        ExportFormat::CsvExcel
            .file_name(&s.title)
            .ends_with("(Excel).csv")
    );
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 6);
}

#[test]
fn a_failed_export_says_so_and_writes_nothing() {
    let (dir, mut h) = report_of("stellingenworkshop.ron", Language::Nl, 900.0);
    let target = dir.path().join("bestaat-niet").join("verslag.md");
    h.state_mut()
        .export_to(ExportFormat::Markdown, target.clone());
    finish_export(&mut h);
    assert!(matches!(
        h.state().open.as_ref().unwrap().view.report.export,
        Some(ExportStatus::Failed { .. })
    ));
    assert!(shows(&h, "Niet opgeslagen: verslag.md"));
    assert!(!shows(&h, "Map openen"));
    assert!(!target.exists());
}

#[test]
fn the_calendar_button_needs_follow_up_dates() {
    let dir = tempfile::tempdir().unwrap();
    let without = example_copy(dir.path(), "stellingenworkshop.ron");
    let with = example_copy(dir.path(), "tafelgroepen-conferentie.ron");
    let follow_ups = |path: &Path| {
        store::load(path)
            .unwrap()
            .agenda
            .iter()
            .flat_map(|i| &i.commitments)
            .any(|c| c.follow_up.is_some())
    };
    assert!(!follow_ups(&without) && follow_ups(&with));

    let mut h = support::harness_sized(app_with(&without, Language::En), 1400.0, 900.0);
    to_report(&mut h);
    assert!(disabled(&h, "Calendar (.ics)"));
    assert!(shows(&h, "no commitments with a follow-up date"));
    assert!(!disabled(&h, "PDF (.pdf)"));

    let mut h = support::harness_sized(app_with(&with, Language::En), 1400.0, 900.0);
    to_report(&mut h);
    assert!(!disabled(&h, "Calendar (.ics)"));
}

#[test]
fn every_export_button_is_reached_with_tab() {
    let (_dir, mut h) = report_of("tafelgroepen-conferentie.ron", Language::En, 900.0);
    let buttons = [
        "PDF (.pdf)",
        "Web page (.html)",
        "Markdown (.md)",
        "CSV (.csv)",
        "CSV for Excel (.csv)",
        "Calendar (.ics)",
    ];
    let mut reached = Vec::new();
    for _ in 0..40 {
        h.key_press(Key::Tab);
        h.run_steps(1);
        for b in buttons {
            if h.get_by_label(b).is_focused() && !reached.contains(&b) {
                reached.push(b);
            }
        }
    }
    assert_eq!(reached, buttons, "reached with Tab, in order");
}

#[test]
fn an_empty_session_and_huge_texts_do_not_break_the_screen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("leeg.ron");
    store::save(&path, &Session::new("", Language::En)).unwrap();
    let mut h = support::harness_sized(app_with(&path, Language::Nl), 1400.0, 900.0);
    to_report(&mut h);
    assert!(shows(&h, "No agenda items."));
    assert!(disabled(&h, "Agenda (.ics)"));
    assert!(!disabled(&h, "Markdown (.md)"));

    // A proposition of 200,000 characters on one line: cut in the preview, whole in exports.
    let huge = format!("Begin {}", "ë".repeat(200_000));
    let item = Item::new(&session(&h), ItemKind::Proposition, huge.as_str());
    h.state_mut().apply(Change::AddItem {
        index: usize::MAX,
        item: Box::new(item),
    });
    h.run_steps(3);
    let shown: Vec<String> = h
        .query_all_by_label_contains("Begin ëëë")
        .map(|n| n.value().unwrap_or_default())
        .collect();
    assert_eq!(shown.len(), 1, "{}", shown.len());
    assert!(shown[0].chars().count() < 10_000 && shown[0].ends_with('…'));
    let target = dir.path().join("leeg.md");
    h.state_mut()
        .export_to(ExportFormat::Markdown, target.clone());
    finish_export(&mut h);
    assert!(std::fs::read_to_string(&target).unwrap().contains(&huge));
}
