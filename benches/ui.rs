//! Frame cost of the run view on a large session: 100 items, 10,000 reactions. Goal: well under
//! a millisecond of our own work per frame. Tessellation and painting are egui's and the GPU's,
//! so only the UI pass is timed.

use stelling::model::sample::large_session;
use stelling::store::{self, settings::Settings};
use stelling::ui::App;

fn main() {
    divan::main();
}

fn open_app(dir: &std::path::Path) -> App {
    let path = dir.join("groot.ron");
    store::save(&path, &large_session(100, 10_000)).unwrap();
    let mut app = App::with_settings(Settings::default());
    app.open_path(&path);
    assert!(app.message.is_none(), "{:?}", app.message);
    app.open.as_mut().unwrap().view.current = 50;
    app
}

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1920.0, 1080.0),
        )),
        ..Default::default()
    }
}

/// One frame of the run view with the 51st of 100 items showing.
#[divan::bench]
fn run_view_frame(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = open_app(dir.path());
    let ctx = egui::Context::default();
    // Warm up: fonts and layout caches.
    for _ in 0..3 {
        let _ = ctx.run_ui(input(), |ui| app.show(ui));
    }
    bencher.bench_local(|| {
        let out = ctx.run_ui(input(), |ui| app.show(ui));
        divan::black_box(out.shapes.len())
    });
}

/// A frame right after a tally key press: the change, its undo record and the next layout.
#[divan::bench]
fn run_view_frame_with_tally(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = open_app(dir.path());
    let ctx = egui::Context::default();
    for _ in 0..3 {
        let _ = ctx.run_ui(input(), |ui| app.show(ui));
    }
    bencher.bench_local(|| {
        let mut raw = input();
        raw.events.push(egui::Event::Key {
            key: egui::Key::Num1,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: egui::Modifiers::NONE,
        });
        let out = ctx.run_ui(raw, |ui| app.show(ui));
        divan::black_box(out.shapes.len())
    });
}
