//! What the window benchmarks share: a full-HD frame's input and the app with a session open,
//! its first frames drawn so fonts and layout caches are warm.

use stelling::model::Session;
use stelling::store::{self, settings::Settings};
use stelling::ui::App;

/// A frame's input for a 1920 × 1080 window.
pub fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1920.0, 1080.0),
        )),
        ..Default::default()
    }
}

/// The app with the file at `path` open, as the start screen opens it.
pub fn open(path: &std::path::Path) -> App {
    let mut app = App::with_settings(Settings::default());
    app.open_path(path);
    assert!(app.message.is_none(), "{:?}", app.message);
    app
}

/// The app with `session` saved in `dir` and opened.
pub fn app_with(session: &Session, dir: &std::path::Path) -> App {
    let path = dir.join("groot.ron");
    store::save(&path, session).unwrap();
    open(&path)
}

/// A context in which `app` has drawn three frames.
pub fn warmed_up(app: &mut App) -> egui::Context {
    let ctx = egui::Context::default();
    for _ in 0..3 {
        let _ = ctx.run_ui(input(), |ui| app.show(ui));
    }
    ctx
}
