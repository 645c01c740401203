//! A session `check` accepts opens in the app, however long its texts: a pasted book as a note,
//! a title or an answer is clipped for display (as reactions are), never laid out whole.
//! How long it takes is measured in `benches/large.rs`; here every frame is checked to lay out
//! a bounded number of characters, which is what kept a 200 MB session from ever opening.

use egui_kittest::Harness;
use std::path::Path;
use stelling::model::sample::large_session;
use stelling::model::{Language, Session};
use stelling::store::{self, settings::Settings};
use stelling::ui::{App, Screen};

/// Far more than any screen shows, far less than one huge text.
const MAX_GLYPHS_PER_FRAME: usize = 200_000;

/// A session with one huge text in every place a facilitator or participant can type one.
fn session_with_huge_texts(chars: usize) -> Session {
    let huge = |word: &str| word.repeat(chars / word.len());
    let mut session = large_session(3, 30);
    session.title = huge("titel ");
    session.place = huge("zaal ");
    session.notes = huge("aantekening ");
    session.facilitators = vec![huge("Anouk ")];
    session.groups[0].name = huge("tafel ");
    let item = &mut session.agenda[0];
    item.text = huge("stelling ");
    item.notes = huge("notitie ");
    item.options[0].label = huge("eens ");
    let round = &mut item.rounds[0];
    round.label = huge("ronde ");
    round.reactions[0].text = huge("reactie ");
    round.reactions[0].by = Some(huge("Bram "));
    // One item of each other kind, with one huge record each.
    use stelling::model::{
        Action, Commitment, Feedback, Item, ItemKind, Proposal, Statement, Theme,
    };
    let mut fresh = {
        let mut ids = stelling::model::IdSource::new(&session);
        move || ids.fresh()
    };
    let group = Some(session.groups[1].id);
    for kind in [
        ItemKind::Proposals,
        ItemKind::Commitments,
        ItemKind::Statements,
    ] {
        let mut item = Item::new(&session, kind, "kort");
        item.id = fresh();
        item.options.clear();
        for round in &mut item.rounds {
            round.id = fresh();
        }
        match kind {
            ItemKind::Proposals => item.proposals.push(Proposal {
                id: fresh(),
                group,
                title: huge("voorstel "),
                description: huge("uitleg "),
                actions: vec![Action {
                    id: fresh(),
                    text: huge("actie "),
                    owner: huge("eigenaar "),
                    due: None,
                }],
                feedback: vec![Feedback {
                    id: fresh(),
                    from_group: None,
                    text: huge("terugkoppeling "),
                }],
            }),
            ItemKind::Commitments => item.commitments.push(Commitment {
                id: fresh(),
                person: huge("persoon "),
                organisation: huge("organisatie "),
                action: huge("belofte "),
                start: None,
                follow_up: None,
            }),
            _ => {
                let theme = Theme {
                    id: fresh(),
                    name: huge("thema "),
                };
                item.statements.push(Statement {
                    id: fresh(),
                    theme: theme.id,
                    group,
                    text: huge("uitspraak "),
                });
                item.themes.push(theme);
            }
        }
        session.agenda.push(item);
    }
    stelling::model::validate::session(&session).unwrap();
    session
}

fn glyphs(shape: &egui::epaint::Shape) -> usize {
    use egui::epaint::Shape;
    match shape {
        Shape::Text(text) => text.galley.rows.iter().map(|r| r.glyphs.len()).sum(),
        Shape::Vec(shapes) => shapes.iter().map(glyphs).sum(),
        _ => 0,
    }
}

/// Characters laid out in the harness's last frame.
fn laid_out(h: &Harness<'_, App>) -> usize {
    h.output().shapes.iter().map(|c| glyphs(&c.shape)).sum()
}

fn open(path: &Path) -> Harness<'static, App> {
    let mut app = App::with_settings(Settings {
        language: Some(Language::Nl),
        recent: Vec::new(),
    });
    app.open_path(path);
    assert!(app.message.is_none(), "opening failed: {:?}", app.message);
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut App| app.show(ui), app)
}

fn view(app: &mut App) -> &mut stelling::ui::RunState {
    &mut app.open.as_mut().unwrap().view
}

fn show(h: &mut Harness<'_, App>, what: &str, set: impl FnOnce(&mut App)) {
    set(h.state_mut());
    h.run_steps(2);
    let n = laid_out(h);
    assert!(n < MAX_GLYPHS_PER_FRAME, "{what}: {n} characters laid out");
}

#[test]
fn a_session_with_huge_texts_opens_and_every_screen_draws_clipped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("boek.ron");
    store::save(&path, &session_with_huge_texts(2_000_000)).unwrap();
    let mut h = open(&path);
    show(&mut h, "run", |app| view(app).screen = Screen::Run);
    show(&mut h, "run, all reactions", |app| {
        view(app).show_all_reactions = true
    });
    show(&mut h, "beamer preview", |app| {
        view(app).beamer.preview = true
    });
    show(&mut h, "prepare", |app| view(app).screen = Screen::Prepare);
    for (key, what) in [
        (egui::Key::Num2, "prepare, details"),
        (egui::Key::Num1, "prepare, agenda"),
    ] {
        h.key_press_modifiers(egui::Modifiers::COMMAND, key);
        show(&mut h, what, |_| {});
    }
    for item in 3..6 {
        show(&mut h, &format!("prepare, item {item}"), |app| {
            view(app).current = item
        });
        show(&mut h, &format!("run, item {item}"), |app| {
            view(app).screen = Screen::Run
        });
        show(&mut h, &format!("beamer, item {item}"), |app| {
            view(app).beamer.state.revealed = true
        });
        h.state_mut().open.as_mut().unwrap().view.screen = Screen::Prepare;
    }
    show(&mut h, "report", |app| view(app).screen = Screen::Report);
}
