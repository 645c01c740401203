//! Paste a list: one proposition per line, as copied from a document, an e-mail or a slide,
//! becomes one item per line. Bullets, numbers and blank lines are handled by
//! [`crate::import::list::parse`]; the preview shows exactly what will be added.

use super::{Section, first_line};
use crate::import::list;
use crate::model::Change;
use crate::ui::commands::{self, Command};
use crate::ui::state::OpenSession;
use crate::ui::texts::{Texts, kind_icon};
use crate::ui::widgets::kind_picker;
use egui::RichText;

pub fn show(open: &mut OpenSession, t: &Texts, ui: &mut egui::Ui, changes: &mut Vec<Change>) {
    let mut add = false;
    let mut show_agenda = false;
    egui::CentralPanel::default().show(ui, |ui| {
        let session = open.doc.session();
        let state = &mut open.view.prepare.paste;
        ui.heading(RichText::new(t.prep_paste_title).size(26.0).strong());
        ui.label(t.prep_paste_intro);
        ui.add_space(8.0);
        let lines = state
            .lines
            .take()
            .unwrap_or_else(|| list::parse(&state.text));
        let count = lines.len();
        ui.columns(2, |columns| {
            let ui = &mut columns[0];
            let r = egui::ScrollArea::vertical()
                .id_salt("paste-text")
                .max_height(ui.available_height() - 20.0)
                .show(ui, |ui| {
                    ui.add(
                        egui::TextEdit::multiline(&mut state.text)
                            .id_salt("paste-box")
                            .desired_rows(16)
                            .desired_width(f32::INFINITY)
                            .hint_text(t.prep_paste_hint),
                    )
                })
                .inner;
            if !state.focused_once {
                r.request_focus();
                state.focused_once = true;
            }
            if r.changed() {
                state.added = None;
            }
            if r.has_focus() && commands::pressed(ui.ctx(), Command::AddPastedList) {
                add = true;
            }

            let ui = &mut columns[1];
            ui.label(RichText::new(t.prep_preview).strong().size(20.0));
            if count == 0 {
                ui.weak(t.prep_paste_nothing);
            } else {
                ui.label((t.prep_paste_will_add)(count, session.agenda.len() + 1));
                ui.horizontal(|ui| {
                    ui.label(t.prep_paste_as);
                    kind_picker(ui, "paste-kind", &mut state.kind, t, t.prep_paste_as);
                });
                if ui
                    .button(
                        RichText::new(format!("➕ {} ({count})", t.prep_paste_add))
                            .strong()
                            .size(19.0),
                    )
                    .on_hover_text(Command::AddPastedList.keys_text())
                    .clicked()
                {
                    add = true;
                }
                ui.separator();
                let start = session.agenda.len();
                let row = ui.text_style_height(&egui::TextStyle::Body);
                egui::ScrollArea::vertical()
                    .id_salt("paste-preview")
                    .auto_shrink([false, false])
                    .show_rows(ui, row, count, |ui, rows| {
                        for i in rows {
                            ui.add(
                                egui::Label::new(format!(
                                    "{}. {} {}",
                                    start + i + 1,
                                    kind_icon(state.kind),
                                    first_line(&lines[i], 200)
                                ))
                                .truncate(),
                            );
                        }
                    });
            }
            if let Some((n, first)) = state.added {
                ui.label(
                    RichText::new(format!(
                        "✔ {} {}",
                        t.prep_paste_added,
                        if n > 1 {
                            format!("{first}–{}", first + n - 1)
                        } else {
                            first.to_string()
                        }
                    ))
                    .strong(),
                );
                if ui.button(t.prep_show_agenda).clicked() {
                    show_agenda = true;
                }
            }
            if !r.changed() {
                // Parsed again only after an edit.
                state.lines = Some(lines);
            }
        });
    });
    let state = &mut open.view.prepare.paste;
    let lines = state
        .lines
        .take()
        .unwrap_or_else(|| list::parse(&state.text));
    if add && !lines.is_empty() {
        let session = open.doc.session();
        let first = session.agenda.len();
        changes.push(list::to_changes_at(session, first, state.kind, &lines));
        state.added = Some((lines.len(), first + 1));
        state.text.clear();
        state.lines = None;
        open.view.current = first;
    } else {
        state.lines = Some(lines);
    }
    if show_agenda {
        open.view.prepare.section = Section::Agenda;
    }
}
