//! The panels beside the current item: the agenda on the left; the beamer's switches, the
//! timer, what comes next and the notes on the right.

use super::{OpenSession, first_line, go_to};
use crate::ui::audience::AudienceTheme;
use crate::ui::beamer;
use crate::ui::commands::Command;
use crate::ui::request::Request;
use crate::ui::style::{PRESENTER_CHARS, clipped};
use crate::ui::texts::{Texts, kind_icon};
use crate::ui::theme;
use egui::RichText;
use std::time::Instant;

pub(super) fn agenda_panel(open: &mut OpenSession, t: &Texts, ui: &mut egui::Ui) {
    let mut clicked = None;
    egui::Panel::left("agenda")
        .default_size(280.0)
        .show(ui, |ui| {
            ui.heading(t.agenda);
            ui.separator();
            let session = open.doc.session();
            if session.agenda.is_empty() {
                ui.weak(t.empty_agenda);
            }
            // One line per item, so only the visible rows are laid out, however long the agenda.
            let row_height = ui.text_style_height(&egui::TextStyle::Button)
                + 2.0 * ui.spacing().button_padding.y;
            let spacing = ui.spacing().item_spacing.y;
            let mut area = egui::ScrollArea::vertical().auto_shrink([false, false]);
            if open.view.agenda_scrolled_to != Some(open.view.current) {
                // Keep the current item in view after it changed, without fighting the user's scrolling.
                let row = open.view.current.saturating_sub(2) as f32;
                area = area.vertical_scroll_offset(row * (row_height + spacing));
                open.view.agenda_scrolled_to = Some(open.view.current);
            }
            area.show_rows(ui, row_height, session.agenda.len(), |ui, rows| {
                for i in rows {
                    let item = &session.agenda[i];
                    let current = i == open.view.current;
                    let done = i < open.view.current;
                    let mark = if current {
                        "▶"
                    } else if done {
                        "✔"
                    } else {
                        " "
                    };
                    let text = format!(
                        "{mark} {}. {} {}",
                        i + 1,
                        kind_icon(item.kind),
                        first_line(&item.text, 120)
                    );
                    let mut label = RichText::new(text);
                    if done {
                        label = label.weak();
                    }
                    if current {
                        label = label.strong();
                    }
                    let response = ui
                        .add(egui::Button::selectable(current, label).truncate())
                        .on_hover_text(format!(
                            "{}: {}",
                            t.kind(item.kind),
                            first_line(&item.text, 300)
                        ));
                    if response.clicked() {
                        clicked = Some(i);
                    }
                }
            });
        });
    if let Some(i) = clicked {
        go_to(open, i);
    }
}

/// The side panel; returns the request to start live voting when its button was clicked.
pub(super) fn side_panel(open: &mut OpenSession, t: &Texts, ui: &mut egui::Ui) -> Vec<Request> {
    let mut requests = Vec::new();
    egui::Panel::right("side")
        .default_size(300.0)
        .show(ui, |ui| {
            beamer_controls(open, t, ui);
            if open.live.is_none() {
                // Live voting gets a panel of its own once it runs; until then one button.
                ui.add_space(4.0);
                if ui
                    .button(format!("▶ {}", t.live.start))
                    .on_hover_text(format!(
                        "{} {}",
                        Command::LiveMode.hint(t.live.start),
                        t.live.intro
                    ))
                    .clicked()
                {
                    requests.push(Request::StartLive);
                }
            }
            ui.separator();
            side_contents(open, t, ui);
        });
    requests
}

fn side_contents(open: &mut OpenSession, t: &Texts, ui: &mut egui::Ui) {
    let session = open.doc.session();
    let Some(item) = session.agenda.get(open.view.current) else {
        return;
    };
    let item_id = item.id;
    {
        {
            // Timer.
            ui.heading(t.timer);
            let now = Instant::now();
            let timer = open.view.timers.entry(item_id).or_default();
            let elapsed = timer.elapsed(now).as_secs();
            let planned = item.planned_minutes.map(|m| u64::from(m) * 60);
            let over = planned.is_some_and(|p| elapsed > p);
            let mut clock = RichText::new(format!("{:02}:{:02}", elapsed / 60, elapsed % 60))
                .size(34.0)
                .monospace();
            if over {
                clock = clock.color(theme::WARN).strong();
            }
            ui.horizontal(|ui| {
                ui.label(clock);
                let label = if timer.running_since.is_some() {
                    t.pause_timer
                } else {
                    t.start_timer
                };
                if ui.button(format!("{label} (T)")).clicked() {
                    timer.toggle(now);
                }
            });
            if let Some(p) = planned {
                let text = format!("{} {} min", t.planned, p / 60);
                if over {
                    ui.label(
                        RichText::new(format!("⚠ {text} — {}", t.over_time))
                            .color(theme::WARN)
                            .strong(),
                    );
                } else {
                    ui.label(text);
                }
            }
            if timer.running_since.is_some() {
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(
                        1000 - (timer.elapsed(now).subsec_millis() as u64).min(999),
                    ));
            }
            ui.separator();
            ui.heading(t.next_up);
            match session.agenda.get(open.view.current + 1) {
                Some(next) => {
                    ui.label(
                        RichText::new(format!("{} {}", kind_icon(next.kind), t.kind(next.kind)))
                            .weak(),
                    );
                    ui.label(first_line(&next.text, 200));
                }
                None => {
                    ui.weak(t.end_of_agenda);
                }
            }
            ui.separator();
            ui.heading(t.notes);
            if item.notes.trim().is_empty() {
                ui.weak("—");
            } else {
                ui.label(&*clipped(&item.notes, PRESENTER_CHARS));
            }
        }
    }
}

fn beamer_controls(open: &mut OpenSession, t: &Texts, ui: &mut egui::Ui) {
    ui.heading(t.beamer);
    let b = &mut open.view.beamer;
    ui.horizontal_wrapped(|ui| {
        let label = if b.open {
            t.close_beamer
        } else {
            t.open_beamer
        };
        if ui
            .selectable_label(b.open, format!("{label} (F5)"))
            .clicked()
        {
            b.open = !b.open;
        }
        let reveal = if b.state.revealed {
            t.hide_results
        } else {
            t.reveal
        };
        if ui
            .selectable_label(b.state.revealed, format!("{reveal} (V)"))
            .clicked()
        {
            b.state.revealed = !b.state.revealed;
            b.state.quotes = false;
        }
        if ui
            .selectable_label(b.state.blank, Command::Blank.hint(t.blank))
            .clicked()
        {
            b.state.blank = !b.state.blank;
        }
        if ui
            .selectable_label(b.state.quotes, format!("{} (Q)", t.quotes))
            .clicked()
        {
            b.state.quotes = !b.state.quotes;
            b.state.quote_index = 0;
        }
        if ui
            .selectable_label(b.state.title_slide, format!("{} (F6)", t.title_slide))
            .clicked()
        {
            b.state.title_slide = !b.state.title_slide;
        }
        let dark = b.state.theme == AudienceTheme::Dark;
        if ui
            .selectable_label(dark, format!("{} (F9)", t.dark_theme))
            .clicked()
        {
            b.state.theme = if dark {
                AudienceTheme::Light
            } else {
                AudienceTheme::Dark
            };
        }
        if ui
            .selectable_label(b.preview, format!("{} (P)", t.preview))
            .clicked()
        {
            b.preview = !b.preview;
        }
    });
    if open.view.beamer.preview {
        beamer::preview(open, ui);
    }
}
