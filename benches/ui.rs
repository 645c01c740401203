//! Frame cost of the run view on a large session: 100 items, 10,000 reactions. Goal: well under
//! a millisecond of our own work per frame. Tessellation and painting are egui's and the GPU's,
//! so only the UI pass is timed.

mod common;

use common::{app_with, input, warmed_up};
use stelling::model::sample::large_session;
use stelling::ui::App;

fn main() {
    divan::main();
}

/// The app on the large session with the 51st of 100 items showing, warmed up; the folder
/// holding its file lives as long as the benchmark.
fn warm_app() -> (tempfile::TempDir, App, egui::Context) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(&large_session(100, 10_000), dir.path());
    app.open.as_mut().unwrap().view.current = 50;
    let ctx = warmed_up(&mut app);
    (dir, app, ctx)
}

/// One frame of the run view with the 51st of 100 items showing.
#[divan::bench]
fn run_view_frame(bencher: divan::Bencher) {
    let (_dir, mut app, ctx) = warm_app();
    bencher.bench_local(|| {
        let out = ctx.run_ui(input(), |ui| app.show(ui));
        divan::black_box(out.shapes.len())
    });
}

/// A frame right after a tally key press: the change, its undo record and the next layout.
#[divan::bench]
fn run_view_frame_with_tally(bencher: divan::Bencher) {
    let (_dir, mut app, ctx) = warm_app();
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
