//! The extremes a facilitator's files can reach: a 1 MB reaction, 100,000 reactions, 1,000
//! items, a 50 MB session file, and the largest file `check` accepts (a 200 MB note). Goal: no
//! frame and no open longer than a second (the window must not freeze); most stay far below
//! that. The largest file opens within a few seconds: what `check` accepts, the app opens.
//!
//! `cargo bench --bench large`

mod common;

use common::{app_with, input, open, warmed_up};
use stelling::model::sample::large_session;
use stelling::model::{Change, Reaction, Stance};
use stelling::store;

fn main() {
    divan::main();
}

/// A large sample session with reactions four times their usual length (about 50 MB per
/// 100,000 reactions), saved in `dir`: its path and size in bytes. The session itself is
/// dropped on return, so a benchmark's memory figure holds only what opening the file costs.
fn saved_with_long_reactions(
    dir: &std::path::Path,
    items: usize,
    reactions: usize,
) -> (std::path::PathBuf, u64) {
    let path = dir.join("groot.ron");
    let mut session = large_session(items, reactions);
    for item in &mut session.agenda {
        for round in &mut item.rounds {
            for r in &mut round.reactions {
                r.text = r.text.repeat(4);
            }
        }
    }
    store::save(&path, &session).unwrap();
    let size = std::fs::metadata(&path).unwrap().len();
    (path, size)
}

/// Opening (reading, parsing, checking) a session file of about 50 MB.
#[divan::bench(sample_count = 5)]
fn open_50_mb_file(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let (path, size) = saved_with_long_reactions(dir.path(), 1_000, 100_000);
    assert!(size > 40_000_000, "{size} bytes");
    bencher.bench(|| store::load(&path).unwrap().agenda.len());
}

/// One frame of the run view on a session of 1,000 items and 100,000 reactions.
#[divan::bench(sample_count = 20)]
fn frame_1000_items_100k_reactions(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(&large_session(1_000, 100_000), dir.path());
    app.open.as_mut().unwrap().view.current = 500;
    let ctx = warmed_up(&mut app);
    bencher.bench_local(|| ctx.run_ui(input(), |ui| app.show(ui)).shapes.len());
}

/// The frame right after a 1 MB reaction was added (its first layout), and the ones after.
#[divan::bench(sample_count = 5)]
fn frame_with_a_1_mb_reaction(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(&large_session(10, 100), dir.path());
    let open = app.open.as_mut().unwrap();
    open.view.current = 1;
    let session = open.doc.session();
    let item = &session.agenda[1];
    let round = item.rounds.last().unwrap();
    let change = Change::AddReaction {
        item: item.id,
        round: round.id,
        index: usize::MAX,
        reaction: Reaction {
            id: session.fresh_id(),
            text: "een heel lang verhaal zonder einde ".repeat(30_000),
            stance: Stance::Neutral,
            group: None,
            by: None,
            time: None,
            highlighted: true,
        },
    };
    app.apply(change);
    bencher.bench_local(|| {
        let ctx = egui::Context::default();
        ctx.run_ui(input(), |ui| app.show(ui)).shapes.len()
    });
}

/// Opens `path` in the app and draws the run and prepare screens once each.
fn open_and_draw(path: &std::path::Path) -> bool {
    let mut app = open(path);
    let ctx = egui::Context::default();
    for screen in [stelling::ui::Screen::Run, stelling::ui::Screen::Prepare] {
        app.open.as_mut().unwrap().view.screen = screen;
        ctx.run_ui(input(), |ui| app.show(ui))
            .textures_delta
            .clear();
    }
    app.open.is_some()
}

/// A session file of about 200 MB of items and reactions (4,000 items, 400,000 reactions),
/// opened in the app and drawn. Measured (2 shared cores): 1.25 s, 470 MB peak memory for
/// the whole benchmark process (`/usr/bin/time -v`).
#[divan::bench(sample_count = 3)]
fn open_and_draw_200_mb_of_items(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let (path, size) = saved_with_long_reactions(dir.path(), 4_000, 400_000);
    assert!(
        (150_000_000..store::MAX_FILE_BYTES).contains(&size),
        "{size} bytes"
    );
    bencher.bench_local(|| open_and_draw(&path));
}

/// The largest session `check` accepts, nearly all of it one note (a pasted book): opening it
/// in the app and drawing the run and prepare screens once each. Measured (2 shared cores):
/// 0.55 s, 415 MB peak memory; before the note was clipped for display, 4.0 s and 1.7 GB.
#[divan::bench(sample_count = 3)]
fn open_and_draw_a_200_mb_note(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("boek.ron");
    let mut session = large_session(10, 100);
    session.agenda[0].notes = "een bladzijde uit een heel dik boek\n".repeat(5_700_000);
    store::save(&path, &session).unwrap();
    let size = std::fs::metadata(&path).unwrap().len();
    assert!(
        (190_000_000..store::MAX_FILE_BYTES).contains(&size),
        "{size} bytes"
    );
    bencher.bench_local(|| open_and_draw(&path));
}
