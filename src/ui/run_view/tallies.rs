//! The tally table of the round shown: per answer option the count with − and +, the share,
//! the shift against the round before, and a column per group.

use super::{Shown, group_label, tally};
use crate::model::{Change, Id, round_shares};
use crate::ui::commands::Command;
use crate::ui::style::{PRESENTER_CHARS, clipped};
use crate::ui::texts::Texts;
use egui::RichText;

/// `group`: the column the keys count in.
pub(super) fn tally_table(
    shown: Shown<'_>,
    group: Option<Id>,
    t: &Texts,
    ui: &mut egui::Ui,
    changes: &mut Vec<Change>,
) {
    let (session, item, round) = (shown.session, shown.item, shown.round);
    let answers = round.answers();
    // A shift against a round nobody answered (or before anyone answered this one) means nothing.
    let previous = item
        .round_before(round.id)
        .filter(|prev| prev.answers() > 0 && answers > 0);
    // Phones voted in this round: the totals show their part and the hands' part.
    let phones = !round.ballots.is_empty();
    // One column per group, plus hands not attributed to a group when there are any or when
    // that is where the keys count; the column the keys count in is marked.
    let mut columns: Vec<Option<Id>> = session.groups.iter().map(|g| Some(g.id)).collect();
    if !columns.is_empty() && round.group_answers(None) > 0 {
        columns.push(None);
    }
    let cell = |ui: &mut egui::Ui, text: String, selected: bool| {
        let text = RichText::new(text).size(22.0);
        ui.label(if selected {
            text.strong().underline()
        } else {
            text.weak()
        });
    };
    // Many groups make the table wide: it scrolls sideways rather than widening the view.
    egui::ScrollArea::horizontal()
        .id_salt("tally-scroll")
        .show(ui, |ui| {
            egui::Grid::new(("tallies", item.id))
                .spacing([14.0, 10.0])
                .striped(true)
                .show(ui, |ui| {
                    ui.strong("");
                    ui.strong(t.option);
                    ui.strong("");
                    ui.strong(t.total);
                    if phones {
                        ui.strong("📱 + ✋").on_hover_text(parts_hint(
                            t,
                            round.ballots.len() as u64,
                            round.hand_answers(),
                        ));
                    }
                    ui.strong("%");
                    ui.strong(if previous.is_some() { t.shift } else { "" });
                    for g in &columns {
                        let name = group_label(session, *g, t);
                        ui.strong(if *g == group {
                            format!("▶ {name}")
                        } else {
                            name
                        });
                    }
                    ui.end_row();
                    let shares = round_shares(round, &item.options);
                    let before = previous.map(|p| round_shares(p, &item.options));
                    for (n, option) in item.options.iter().enumerate() {
                        ui.label(RichText::new(format!("{}", n + 1)).monospace().strong());
                        ui.label(RichText::new(clipped(&option.label, PRESENTER_CHARS)).size(22.0));
                        ui.horizontal(|ui| {
                            // − takes back a hand; phone ballots are the phones' own.
                            let count = round.hand_count(option.id, group);
                            if ui
                                .add_enabled(
                                    count > 0,
                                    egui::Button::new(RichText::new(" − ").size(20.0)),
                                )
                                .on_hover_text(Command::Untally.nth_text(n))
                                .clicked()
                            {
                                changes.push(tally(item.id, round.id, option.id, group, -1));
                            }
                            if ui
                                .button(RichText::new(" + ").size(20.0))
                                .on_hover_text(Command::Tally.nth_text(n))
                                .clicked()
                            {
                                changes.push(tally(item.id, round.id, option.id, group, 1));
                            }
                        });
                        let share = shares[n];
                        let total = RichText::new(share.count.to_string()).size(22.0).strong();
                        if phones {
                            let by_phone = round.phone_total(option.id);
                            let by_hand = share.count - by_phone;
                            ui.label(total)
                                .on_hover_text(parts_hint(t, by_phone, by_hand));
                            ui.weak(format!("({by_phone} 📱 + {by_hand} ✋)"));
                        } else {
                            ui.label(total);
                        }
                        let pct = t.decimal.share(share);
                        ui.label(RichText::new(pct).size(22.0).strong());
                        match &before {
                            Some(before) => {
                                let shift = t.decimal.signed(before[n].shift_to(share));
                                ui.label(RichText::new(format!("{shift} pp")).size(18.0));
                            }
                            None => {
                                ui.label("");
                            }
                        }
                        for g in &columns {
                            cell(ui, round.count(option.id, *g).to_string(), *g == group);
                        }
                        ui.end_row();
                    }
                    ui.label("");
                    ui.strong(t.total);
                    ui.label("");
                    ui.strong(format!("{answers} {}", t.answers));
                    if phones {
                        ui.weak(format!(
                            "({} 📱 + {} ✋)",
                            round.ballots.len(),
                            round.hand_answers()
                        ));
                    }
                    ui.label("");
                    ui.label("");
                    for g in &columns {
                        ui.strong(round.group_answers(*g).to_string());
                    }
                    ui.end_row();
                });
        });
}

/// "9 phone + 3 hands" for a total's hover text.
fn parts_hint(t: &Texts, phones: u64, hands: u64) -> String {
    format!("{phones} {} + {hands} {}", t.live.phones, t.live.hands)
}
