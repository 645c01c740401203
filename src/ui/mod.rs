//! The presenter window: start screen, run view and its forms. Calls the model for changes and
//! the store for saving; opens no files itself.
//!
//! `app` is the parent: it holds the [`state`] and hands it to the screens (`start`,
//! `prepare_view`, `run_view`, `report_view`, `merge_view`, `beamer`), which draw it and
//! return [`Request`]s that only `app` carries out. No screen knows `app`.

mod app;
pub mod audience;
pub mod background;
mod beamer;
mod commands;
mod errors;
mod forms;
mod keys;
mod live;
pub mod merge_view;
mod prepare_view;
mod report_view;
pub mod request;
mod run_view;
mod start;
pub mod state;
mod style;
pub mod texts;
mod theme;
mod widgets;

pub use app::App;
pub use report_view::{ExportFormat, ExportStatus};
pub use request::Request;
pub use state::{OpenSession, RunState, Screen, Timer};
pub use style::apply as apply_style;
pub use texts::{Texts, texts};

use std::path::PathBuf;

/// Opens the app window and runs until it is closed.
/// With `live`, live voting starts on the session at once and its join address is printed.
pub fn run(file: Option<PathBuf>, live: Option<state::live::LiveOptions>) -> anyhow::Result<()> {
    let app = App::launch(file, live);
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Stelling")
        .with_app_id("stelling")
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([640.0, 400.0]);
    if let Some(icon) = window_icon() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    eframe::run_native(
        "Stelling",
        options,
        Box::new(|cc| {
            style::apply(&cc.egui_ctx);
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if ui.ctx().input(|i| i.viewport().close_requested()) && self.on_close_request() {
            // Saving failed: keep the window (and the data) and say so; a second close quits.
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::CancelClose);
        }
        if let Err(payload) = self.guarded(|app| app.show(ui)) {
            std::panic::resume_unwind(payload);
        }
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.stop_live();
        let _ = self.flush();
    }
}

/// The app's icon for the window (title bar, task bar, Alt+Tab): `assets/stelling.png`, built
/// into the binary. `None` only if that file is broken, which a test rules out.
pub fn window_icon() -> Option<egui::IconData> {
    eframe::icon_data::from_png_bytes(ICON_PNG).ok()
}

/// `assets/stelling.png`, drawn by `assets/make-icon.sh`.
pub const ICON_PNG: &[u8] = include_bytes!("../../assets/stelling.png");
