//! The presenter's control of the audience window: opening it as a second OS window (or a
//! preview inside the presenter when there is one screen), and the keys that drive it.

use super::audience::{self, AudienceTheme};
use super::commands::{self, Command};
use super::request::Request;
use super::state::OpenSession;
use crate::model::Change;
use egui::{ViewportCommand, ViewportId};
use std::time::Instant;

pub use super::state::beamer::Beamer;

fn viewport_id() -> ViewportId {
    ViewportId::from_hash_of("stelling-audience")
}

/// Keys that drive the beamer; they work from the presenter and from the audience window.
/// While the presenter is `typing`, only the window keys (F5, F11) do: nothing that changes
/// what the room sees can be typed by accident.
pub fn keys(beamer: &mut Beamer, ctx: &egui::Context, typing: bool) {
    let pressed = |c: Command| commands::pressed(ctx, c);
    if pressed(Command::BeamerWindow) {
        beamer.open = !beamer.open;
    }
    if pressed(Command::FullScreen) {
        beamer.fullscreen = !beamer.fullscreen;
        ctx.send_viewport_cmd_to(
            viewport_id(),
            ViewportCommand::Fullscreen(beamer.fullscreen),
        );
    }
    if typing {
        return;
    }
    // A switch flips when its key is pressed (`^=`); some also end the quotes.
    let s = &mut beamer.state;
    if pressed(Command::Reveal) {
        s.revealed = !s.revealed;
        s.quotes = false;
    }
    s.blank ^= pressed(Command::Blank);
    if pressed(Command::Quotes) {
        if s.quotes {
            s.quote_index += 1;
        } else {
            s.quotes = true;
            s.quote_index = 0;
        }
        s.title_slide = false;
    }
    if pressed(Command::QuotesOff) {
        s.quotes = false;
    }
    if pressed(Command::TitleSlide) {
        s.title_slide = !s.title_slide;
        s.quotes = false;
    }
    s.show_progress ^= pressed(Command::Progress);
    s.show_timer ^= pressed(Command::BeamerTimer);
    if pressed(Command::BeamerTheme) {
        s.theme = match s.theme {
            AudienceTheme::Dark => AudienceTheme::Light,
            AudienceTheme::Light => AudienceTheme::Dark,
        };
    }
    if pressed(Command::Preview) {
        beamer.preview = !beamer.preview;
    }
}

/// Hides results and quotes when the presenter moves to another item.
pub fn follow_item(open: &mut OpenSession) {
    let current = open.current_item_id();
    let beamer = &mut open.view.beamer;
    if beamer.shown_item != current {
        beamer.shown_item = current;
        beamer.state.revealed = false;
        beamer.state.quotes = false;
        beamer.state.quote_index = 0;
    }
}

/// Draws the audience view for the open session into `ui`.
pub fn draw(open: &OpenSession, ui: &mut egui::Ui) {
    let session = open.doc.session();
    let item = open.current_item();
    let round = item.and_then(|i| open.view.current_round(i));
    let timer = item
        .and_then(|i| open.view.timers.get(&i.id))
        .map(|t| t.elapsed(Instant::now()));
    audience::show(
        ui,
        session,
        item.map(|_| open.view.current),
        round,
        &open.view.beamer.state,
        timer,
    );
    if open.view.join_code
        && !open.view.beamer.state.blank
        && let Some(live) = &open.live
    {
        join_code(ui, &live.short_url(), session.language);
    }
}

/// The join code over the item: a big QR and the short address, readable from the back row.
fn join_code(ui: &mut egui::Ui, url: &str, language: crate::model::Language) {
    let rect = ui.max_rect();
    let painter = ui.painter();
    painter.rect_filled(rect, 0.0, egui::Color32::WHITE);
    let margin = rect.height() * 0.06;
    let side = (rect.height() - 2.0 * margin).min(rect.width() * 0.5);
    let qr = egui::Rect::from_min_size(
        rect.min + egui::vec2(margin, margin),
        egui::vec2(side, side),
    );
    super::widgets::paint_qr(painter, qr, url);
    let text_rect = egui::Rect::from_min_max(
        egui::pos2(qr.max.x + margin, rect.min.y + margin),
        rect.max - egui::vec2(margin, margin),
    );
    let heading = crate::model::words(language).beamer.join;
    let short = url.trim_start_matches("http://");
    let width = text_rect.width().max(1.0);
    // The largest size at which a line fits the width: `em` is a character's width in ems
    // (monospace ~0.6, proportional text ~0.5).
    let fit = |text: &str, em: f32, max: f32| {
        (width / (em * text.chars().count().max(1) as f32)).min(max)
    };
    let ink = egui::Color32::BLACK;
    painter.text(
        text_rect.left_center() - egui::vec2(0.0, side * 0.12),
        egui::Align2::LEFT_BOTTOM,
        heading,
        egui::FontId::proportional(fit(heading, 0.52, rect.height() * 0.09)),
        ink,
    );
    painter.text(
        text_rect.left_center() + egui::vec2(0.0, side * 0.02),
        egui::Align2::LEFT_TOP,
        short,
        egui::FontId::monospace(fit(short, 0.62, rect.height() * 0.12)),
        ink,
    );
    let response = ui.interact(rect, ui.scope_id().with("join-code"), egui::Sense::hover());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Label, true, format!("{heading}: {url}"))
    });
}

/// Shows the audience window while it is open; closing it only closes that window. `keys` are
/// the presenter's one-key commands (the run view's), so a clicker works in this window too.
pub fn show_window(
    open: &mut OpenSession,
    ctx: &egui::Context,
    keys: impl Fn(&mut OpenSession, &egui::Context, &mut Vec<Change>),
) -> Vec<Request> {
    follow_item(open);
    if !open.view.beamer.open {
        // A closed window is not full screen; the next one opens windowed.
        open.view.beamer.fullscreen = false;
        return Vec::new();
    }
    let title = format!(
        "{} — {}",
        app_title(open),
        crate::model::words(open.doc.session().language)
            .beamer
            .window_title
    );
    let (position, size) = geometry();
    let builder = egui::ViewportBuilder::default()
        .with_title(title)
        .with_inner_size(size)
        // Without a window manager every window opens at (0, 0), behind the presenter.
        .with_position(position)
        .with_fullscreen(open.view.beamer.fullscreen);
    let mut close = false;
    let mut pressed_keys = false;
    let mut changes = Vec::new();
    ctx.show_viewport_immediate(viewport_id(), builder, |ui, _class| {
        draw(open, ui);
        if ui.input(|i| i.viewport().close_requested()) {
            close = true;
        }
        pressed_keys = ui.input(|i| !i.events.is_empty());
        // A clicker or a key press must work when the beamer window has the focus too.
        keys(open, ui.ctx(), &mut changes);
        if open.view.beamer.state.show_timer {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs(1));
        }
    });
    if pressed_keys {
        ctx.request_repaint();
    }
    if close {
        open.view.beamer.open = false;
    }
    if open.view.focus_capture || open.view.focus_edit {
        // Typing happens in the presenter window: give it the keyboard.
        ctx.send_viewport_cmd_to(ViewportId::ROOT, ViewportCommand::Focus);
    }
    changes.into_iter().map(Request::Apply).collect()
}

/// Where the audience window opens: 1280×720 beside the presenter, to be dragged to the beamer
/// and made full screen (F11). `STELLING_AUDIENCE_GEOMETRY=X,Y,W,H` places it exactly, for
/// screenshots and for set-ups where the beamer's position is known.
fn geometry() -> (egui::Pos2, egui::Vec2) {
    let fallback = (egui::pos2(120.0, 80.0), egui::vec2(1280.0, 720.0));
    let Ok(spec) = std::env::var("STELLING_AUDIENCE_GEOMETRY") else {
        return fallback;
    };
    let numbers: Vec<f32> = spec
        .split(',')
        .filter_map(|n| n.trim().parse().ok())
        .collect();
    match numbers[..] {
        [x, y, w, h] if w >= 320.0 && h >= 180.0 => (egui::pos2(x, y), egui::vec2(w, h)),
        _ => fallback,
    }
}

fn app_title(open: &OpenSession) -> &str {
    let title = open.doc.session().title.trim();
    if title.is_empty() { "Stelling" } else { title }
}

/// A 16:9 preview of the audience view, for a laptop with one screen: the audience is laid
/// out at 1280×720 on a layer of its own and scaled down, so it looks exactly like the beamer.
pub fn preview(open: &OpenSession, ui: &mut egui::Ui) {
    const LOGICAL: egui::Vec2 = egui::vec2(1280.0, 720.0);
    let width = ui.available_width().max(1.0);
    let scale = width / LOGICAL.x;
    let (rect, _) = ui.allocate_exact_size(LOGICAL * scale, egui::Sense::hover());
    let id = ui.scope_id().with("audience-preview");
    let layer = egui::LayerId::new(egui::Order::Middle, id);
    let logical = egui::Rect::from_min_size(egui::Pos2::ZERO, LOGICAL);
    let mut child = egui::Ui::new(
        ui.ctx().clone(),
        id,
        egui::UiBuilder::new().layer_id(layer).max_rect(logical),
    );
    child.set_clip_rect(logical);
    draw(open, &mut child);
    ui.ctx().set_transform_layer(
        layer,
        egui::emath::TSTransform::new(rect.min.to_vec2(), scale),
    );
}
