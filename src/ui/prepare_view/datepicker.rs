//! A small month calendar behind a button, in the presenter's language. Our own rather than
//! egui_extras' picker because that one names months and buttons in English only and panics on
//! dates it cannot build; the date can always be typed in the field beside it too.

use crate::ui::texts::Texts;
use chrono::{Datelike, Months, NaiveDate};
use egui::RichText;

/// The 📅 button and its calendar. Returns `Some(new)` when the user picked a day (`Some`) or
/// cleared the date (`None`).
pub fn calendar_button(
    ui: &mut egui::Ui,
    salt: &str,
    current: Option<NaiveDate>,
    t: &Texts,
) -> Option<Option<NaiveDate>> {
    let button = ui
        .button(format!("📅 {}", t.prep_calendar))
        .on_hover_text(t.prep_calendar_hint);
    let month_key = egui::Id::unique((salt, "calendar-month"));
    if button.clicked() {
        // Open on the session's month, else this month.
        let shown = current.unwrap_or_else(|| chrono::Local::now().date_naive());
        ui.data_mut(|d| d.insert_temp(month_key, first_of_month(shown)));
    }
    let popup_id = egui::Popup::default_response_id(&button);
    let mut picked = None;
    egui::Popup::from_toggle_button_response(&button)
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .show(|ui| {
            let today = chrono::Local::now().date_naive();
            let mut month = ui
                .data(|d| d.get_temp::<NaiveDate>(month_key))
                .unwrap_or_else(|| first_of_month(current.unwrap_or(today)));
            picked = calendar(ui, &mut month, current, today, t);
            ui.data_mut(|d| d.insert_temp(month_key, month));
        });
    if picked.is_some() {
        egui::Popup::close_id(ui.ctx(), popup_id);
    }
    picked
}

fn first_of_month(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

/// One month as a grid of day buttons, weeks starting on Monday (as in the Netherlands).
fn calendar(
    ui: &mut egui::Ui,
    month: &mut NaiveDate,
    current: Option<NaiveDate>,
    today: NaiveDate,
    t: &Texts,
) -> Option<Option<NaiveDate>> {
    let mut picked = None;
    ui.horizontal(|ui| {
        if ui.button("◀").on_hover_text(t.previous).clicked()
            && let Some(m) = month
                .checked_sub_months(Months::new(1))
                .filter(|m| crate::model::dates::in_range(*m))
        {
            *month = m;
        }
        let name = t.prep_months[month.month0() as usize];
        ui.label(
            RichText::new(format!("{name} {}", month.year()))
                .strong()
                .size(19.0),
        );
        if ui.button("▶").on_hover_text(t.next).clicked()
            && let Some(m) = month
                .checked_add_months(Months::new(1))
                .filter(|m| crate::model::dates::in_range(*m))
        {
            *month = m;
        }
    });
    egui::Grid::new("calendar-days")
        .num_columns(7)
        .spacing([4.0, 4.0])
        .show(ui, |ui| {
            for day in t.prep_weekdays {
                ui.label(RichText::new(day).weak());
            }
            ui.end_row();
            let lead = month.weekday().num_days_from_monday();
            for _ in 0..lead {
                ui.label("");
            }
            let mut column = lead;
            let mut day = *month;
            while day.month() == month.month() {
                let mut text = RichText::new(format!("{:>2}", day.day())).monospace();
                if day == today {
                    text = text.strong().underline();
                }
                let button = egui::Button::selectable(current == Some(day), text);
                if ui.add(button).clicked() {
                    picked = Some(Some(day));
                }
                column += 1;
                if column == 7 {
                    ui.end_row();
                    column = 0;
                }
                match day.succ_opt() {
                    Some(next) => day = next,
                    None => break,
                }
            }
        });
    ui.horizontal(|ui| {
        if ui.button(t.prep_today).clicked() {
            picked = Some(Some(today));
        }
        if current.is_some() && ui.button(t.prep_no_date).clicked() {
            picked = Some(None);
        }
    });
    picked
}
