//! Frame cost of the audience window: a 60-word proposition with two rounds of results and
//! per-group bars visible, at 1920×1080. Goal: well under a millisecond per frame. (Idle costs
//! nothing at all: egui only runs a frame on input or a requested repaint, and the audience
//! asks for one a second only while its timer is shown.)

use stelling::model::{Change, Item, ItemKind, Language, Session, Tally};
use stelling::ui::audience::{AudienceState, show};

fn main() {
    divan::main();
}

fn session() -> Session {
    let mut s = Session::new("Werkconferentie", Language::Nl);
    for name in ["Tafel 1", "Tafel 2", "Tafel 3", "Tafel 4"] {
        let group = stelling::model::Group {
            id: s.fresh_id(),
            name: name.into(),
            size: None,
        };
        s.apply(Change::AddGroup { index: 9, group }).unwrap();
    }
    let words = "samenwerking tussen school ouders en jeugdhulp begint bij één vast gezicht dat iedereen kent";
    let text: Vec<&str> = words.split(' ').cycle().take(60).collect();
    let item = Item::new(&s, ItemKind::Proposition, text.join(" "));
    s.apply(Change::AddItem {
        index: 0,
        item: Box::new(item),
    })
    .unwrap();
    let round = stelling::model::Round::new(s.fresh_id(), "Na de discussie");
    let id = s.agenda[0].id;
    s.apply(Change::AddRound {
        item: id,
        index: 1,
        round: Box::new(round),
    })
    .unwrap();
    let groups: Vec<_> = s.groups.iter().map(|g| g.id).collect();
    let item = &mut s.agenda[0];
    for (r, round) in item.rounds.iter_mut().enumerate() {
        for (o, option) in item.options.iter().enumerate() {
            for (g, group) in groups.iter().enumerate() {
                round.tallies.push(Tally {
                    option: option.id,
                    group: Some(*group),
                    count: (3 + r * 2 + o + g) as u32,
                });
            }
        }
    }
    s
}

#[divan::bench]
fn audience_frame_with_results(bencher: divan::Bencher) {
    let session = session();
    let state = AudienceState {
        revealed: true,
        ..Default::default()
    };
    let ctx = egui::Context::default();
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1920.0, 1080.0),
        )),
        ..Default::default()
    };
    for _ in 0..3 {
        let _ = ctx.run_ui(input(), |ui| {
            show(ui, &session, Some(0), None, &state, None)
        });
    }
    bencher.bench_local(|| {
        let out = ctx.run_ui(input(), |ui| {
            show(ui, &session, Some(0), None, &state, None)
        });
        divan::black_box(out.shapes.len())
    });
}
