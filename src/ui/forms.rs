//! Capture forms for the item kinds that are not votes: improvement proposals with actions and
//! carousel feedback, commitments with follow-up dates, and statements per theme and group.

use super::commands::{self, Command};
pub use super::state::forms::{FormState, ItemDrafts, ProposalDraft};
use super::state::{OpenSession, group_label};
use super::texts::Texts;
use crate::model::{
    Action, Change, Commitment, Feedback, Id, Proposal, Record, Session, Statement, Theme,
};
use chrono::NaiveDate;
use egui::RichText;

/// A recorded text as the presenter sees it: a pasted book must not freeze the window.
fn clip(text: &str) -> std::borrow::Cow<'_, str> {
    super::style::clipped(text, super::style::PRESENTER_CHARS)
}

impl FormState {
    /// Whether typed text waits in one of `item`'s forms.
    fn has_draft(&self, item: &crate::model::Item) -> bool {
        let blank = |s: &String| s.trim().is_empty();
        let proposal = [&self.proposal.title, &self.proposal.description];
        // The start date fills itself in with today, so it is no typing of the presenter's.
        let commitment = [0, 1, 2, 4].map(|i| &self.commitment[i]);
        let on_proposals = item.proposals.iter().any(|p| {
            self.action.get(&p.id).is_some_and(|a| !a.iter().all(blank))
                || self.feedback.get(&p.id).is_some_and(|(f, _)| !blank(f))
        });
        !proposal.into_iter().chain(commitment).all(blank) || !blank(&self.theme) || on_proposals
    }

    /// One-key shortcuts wait: the presenter is filling in one of `item`'s forms.
    pub fn holds_keys(&self, item: &crate::model::Item) -> bool {
        self.filling && self.has_draft(item)
    }
}

/// Keeps Tab and Shift+Tab inside the form that has the keyboard: from its button back to its
/// first field and the other way round. Called before the forms are drawn, while egui still
/// has to move the focus.
pub fn keep_tab_inside(ctx: &egui::Context, forms: &mut FormState) {
    let chains = std::mem::take(&mut forms.chains);
    let Some(focused) = ctx.memory(|m| m.focused()) else {
        return;
    };
    let tab = commands::sees(ctx, Command::NextField);
    let back = commands::sees(ctx, Command::PreviousField);
    let to = chains.iter().find_map(|&(first, last)| match focused {
        f if f == last && tab => Some(first),
        f if f == first && back => Some(last),
        _ => None,
    });
    if let Some(to) = to {
        ctx.memory_mut(|m| {
            m.request_focus(to);
            m.move_focus(egui::FocusDirection::None);
        });
    }
}

/// One form's text fields in drawing order, which is also its Tab order, and its button:
/// whether the keyboard is in the form, whether it asked to submit, and where it goes back to.
struct Fields {
    /// The form's own, so its fields keep their ids when the list above them grows.
    id: egui::Id,
    count: usize,
    /// Ctrl+Enter submits a form with a multi-line field; Enter in one of its one-line
    /// fields goes on to the next field. Any other form submits on Enter.
    multi_line: bool,
    ctrl_enter: bool,
    first: Option<egui::Id>,
    last: Option<egui::Id>,
    focus_next: bool,
    focused: bool,
    submit: bool,
}

impl Fields {
    fn new(ui: &egui::Ui, form: impl std::hash::Hash + std::fmt::Debug, multi_line: bool) -> Self {
        Fields {
            id: egui::Id::unique(("stelling_form", form)),
            count: 0,
            multi_line,
            ctrl_enter: multi_line && commands::sees(ui.ctx(), Command::SubmitForm),
            first: None,
            last: None,
            focus_next: false,
            focused: false,
            submit: false,
        }
    }

    /// A one-line field with its hint, so each form lists only what differs.
    fn line(
        &mut self,
        ui: &mut egui::Ui,
        text: &mut String,
        hint: impl Into<egui::WidgetText>,
        width: f32,
    ) {
        let edit = egui::TextEdit::singleline(text)
            .hint_text(hint)
            .desired_width(width);
        self.field(ui, edit);
    }

    fn field(&mut self, ui: &mut egui::Ui, edit: egui::TextEdit<'_>) {
        self.count += 1;
        let r = ui.add(edit.id(self.id.with(self.count)));
        self.first.get_or_insert(r.id);
        if std::mem::take(&mut self.focus_next) {
            r.request_focus();
        }
        let enter = r.lost_focus() && commands::sees(ui.ctx(), Command::SubmitLine);
        self.focused |= r.has_focus();
        if self.multi_line {
            self.submit |= self.ctrl_enter && (r.has_focus() || r.lost_focus());
            self.focus_next = enter && !self.ctrl_enter;
        } else {
            self.submit |= enter;
        }
    }

    /// Draws the form's button; true when it or the keyboard submits the form. The keyboard
    /// goes back to the first field either way, so what is typed next lands in the form.
    fn button(&mut self, ui: &mut egui::Ui, label: impl Into<egui::WidgetText>) -> bool {
        let r = ui.button(label);
        self.last = Some(r.id);
        let submit = r.clicked() || self.submit;
        if submit && let Some(first) = self.first {
            ui.memory_mut(|m| m.request_focus(first));
        }
        submit
    }

    /// Tells the form state where this form's keyboard is.
    fn finish(self, forms: &mut FormState) {
        forms.filling |= self.focused;
        if let (Some(first), Some(last)) = (self.first, self.last) {
            forms.chains.push((first, last));
        }
    }
}

impl ItemDrafts {
    fn take(forms: &mut FormState) -> ItemDrafts {
        ItemDrafts {
            title: std::mem::take(&mut forms.proposal.title),
            description: std::mem::take(&mut forms.proposal.description),
            commitment: std::mem::take(&mut forms.commitment),
            theme: std::mem::take(&mut forms.theme),
        }
    }

    fn is_empty(&self) -> bool {
        [&self.title, &self.description, &self.theme]
            .into_iter()
            .chain(&self.commitment)
            .all(|s| s.trim().is_empty())
    }
}

/// Moves the form drafts along when the presenter goes from item `from` to item `to`: what
/// was typed for `from` is put aside, what was typed earlier for `to` comes back. The group
/// picked for proposals stays: it is a choice of the laptop, not of the item.
pub fn follow_item(forms: &mut FormState, from: Option<Id>, to: Option<Id>) {
    let drafts = ItemDrafts::take(forms);
    if let Some(from) = from
        && !drafts.is_empty()
    {
        forms.stash.insert(from, drafts);
    }
    if let Some(back) = to.and_then(|to| forms.stash.remove(&to)) {
        forms.proposal.title = back.title;
        forms.proposal.description = back.description;
        forms.commitment = back.commitment;
        forms.theme = back.theme;
    }
}

/// Reads `23-01-2027`, `23/01/2027`, `23.01.2027` or `2027-01-23`, and a two-digit year as
/// this century (`23-01-27`); empty text is no date. Years before 1900 are refused: chrono
/// reads `27` as the year 27, which no follow-up date means; and years after 9999, which no
/// calendar can hold (see [`crate::model::dates`]).
pub fn parse_date(text: &str) -> Result<Option<NaiveDate>, ()> {
    use chrono::Datelike;
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    for format in ["%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d", "%d.%m.%Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(text, format) {
            let year = d.year();
            let d = match year {
                0..=99 if format != "%Y-%m-%d" => d.with_year(2000 + year).ok_or(())?,
                1900..=9999 => d,
                _ => return Err(()),
            };
            return Ok(Some(d));
        }
    }
    Err(())
}

pub fn format_date(date: Option<NaiveDate>, t: &Texts) -> String {
    match date {
        Some(d) if t.date_hint.starts_with('d') => d.format("%d-%m-%Y").to_string(),
        Some(d) => d.format("%Y-%m-%d").to_string(),
        None => "—".into(),
    }
}

fn group_picker(
    ui: &mut egui::Ui,
    salt: impl egui::AsIdSalt,
    session: &Session,
    group: &mut Option<Id>,
    t: &Texts,
) {
    egui::ComboBox::from_id_salt(salt)
        .selected_text(group_label(session, *group, t))
        .show_ui(ui, |ui| {
            ui.selectable_value(group, None, t.no_group);
            for g in &session.groups {
                ui.selectable_value(group, Some(g.id), &g.name);
            }
        });
}

fn put(item: Id, index: usize, record: Record) -> Change {
    Change::PutRecord {
        item,
        index,
        record,
    }
}

pub fn proposals(open: &mut OpenSession, t: &Texts, ui: &mut egui::Ui, changes: &mut Vec<Change>) {
    let session = open.doc.session();
    let item = &session.agenda[open.view.current];
    let forms = &mut open.view.forms;
    for proposal in &item.proposals {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(RichText::new(clip(&proposal.title)).size(22.0).strong());
                if proposal.group.is_some() {
                    ui.label(
                        RichText::new(format!("({})", clip(session.group_name(proposal.group))))
                            .weak(),
                    );
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.button("🗑").on_hover_text(t.delete).clicked() {
                        changes.push(Change::RemoveRecord {
                            item: item.id,
                            id: proposal.id,
                        });
                    }
                });
            });
            if !proposal.description.is_empty() {
                ui.label(&*clip(&proposal.description));
            }
            ui.label(RichText::new(t.actions).strong());
            for (i, action) in proposal.actions.iter().enumerate() {
                ui.horizontal_wrapped(|ui| {
                    ui.label(format!("• {}", clip(&action.text)));
                    if !action.owner.is_empty() {
                        ui.weak(format!("{}: {}", t.owner, clip(&action.owner)));
                    }
                    if action.due.is_some() {
                        ui.weak(format!("{}: {}", t.due, format_date(action.due, t)));
                    }
                    if ui.small_button("🗑").on_hover_text(t.delete).clicked() {
                        let mut p = proposal.clone();
                        p.actions.remove(i);
                        changes.push(put(item.id, 0, Record::Proposal(p)));
                    }
                });
            }
            let draft = forms.action.entry(proposal.id).or_default();
            let mut fields = Fields::new(ui, ("action", proposal.id), false);
            ui.horizontal_wrapped(|ui| {
                fields.line(ui, &mut draft[0], t.action, 260.0);
                fields.line(ui, &mut draft[1], t.owner, 140.0);
                fields.line(
                    ui,
                    &mut draft[2],
                    format!("{} ({})", t.due, t.date_hint),
                    140.0,
                );
                if fields.button(ui, t.add_action) && !draft[0].trim().is_empty() {
                    match parse_date(&draft[2]) {
                        Ok(due) => {
                            let mut p = proposal.clone();
                            p.actions.push(Action {
                                id: session.fresh_id(),
                                text: draft[0].trim().into(),
                                owner: draft[1].trim().into(),
                                due,
                            });
                            changes.push(put(item.id, 0, Record::Proposal(p)));
                            *draft = Default::default();
                            forms.date_error = None;
                        }
                        Err(()) => forms.date_error = Some(t.bad_date.into()),
                    }
                }
            });
            fields.finish(forms);
            ui.label(RichText::new(t.feedback).strong());
            for f in &proposal.feedback {
                ui.label(format!(
                    "• {} — {}",
                    clip(session.group_name(f.from_group)),
                    clip(&f.text)
                ));
            }
            let (text, from) = forms.feedback.entry(proposal.id).or_default();
            let mut fields = Fields::new(ui, ("feedback", proposal.id), false);
            ui.horizontal_wrapped(|ui| {
                ui.label(format!("{}:", t.from_group));
                group_picker(ui, ("feedback-from", proposal.id), session, from, t);
                fields.line(ui, text, t.feedback, 320.0);
                if fields.button(ui, t.add_feedback) && !text.trim().is_empty() {
                    let mut p = proposal.clone();
                    p.feedback.push(Feedback {
                        id: session.fresh_id(),
                        from_group: *from,
                        text: text.trim().into(),
                    });
                    changes.push(put(item.id, 0, Record::Proposal(p)));
                    text.clear();
                }
            });
            fields.finish(forms);
        });
    }
    if let Some(e) = &forms.date_error {
        ui.colored_label(super::theme::WARN, e);
    }
    ui.add_space(8.0);
    ui.heading(t.add_proposal);
    let draft = &mut forms.proposal;
    ui.horizontal(|ui| {
        ui.label(format!("{}:", t.group));
        group_picker(ui, "proposal-group", session, &mut draft.group, t);
    });
    let mut fields = Fields::new(ui, ("proposal", item.id), true);
    fields.line(ui, &mut draft.title, t.title, f32::INFINITY);
    fields.field(
        ui,
        egui::TextEdit::multiline(&mut draft.description)
            .hint_text(t.description)
            .desired_width(f32::INFINITY)
            .desired_rows(3),
    );
    if fields.button(ui, format!("➕ {}", t.add_proposal)) && !draft.title.trim().is_empty() {
        changes.push(put(
            item.id,
            item.proposals.len(),
            Record::Proposal(Proposal {
                id: session.fresh_id(),
                group: draft.group,
                title: draft.title.trim().into(),
                description: draft.description.trim().into(),
                actions: Vec::new(),
                feedback: Vec::new(),
            }),
        ));
        // The group stays picked: on a subgroup's copy it is the group the laptop records.
        *draft = ProposalDraft {
            group: draft.group,
            ..ProposalDraft::default()
        };
    }
    fields.finish(forms);
}

pub fn commitments(
    open: &mut OpenSession,
    t: &Texts,
    ui: &mut egui::Ui,
    changes: &mut Vec<Change>,
) {
    let session = open.doc.session();
    let item = &session.agenda[open.view.current];
    let forms = &mut open.view.forms;
    egui::Grid::new(("commitments", item.id))
        .num_columns(6)
        .striped(true)
        .spacing([16.0, 8.0])
        .show(ui, |ui| {
            for h in [
                t.person,
                t.organisation,
                t.action,
                t.start_date,
                t.follow_up,
                "",
            ] {
                ui.strong(h);
            }
            ui.end_row();
            for c in &item.commitments {
                ui.label(&*clip(&c.person));
                ui.label(&*clip(&c.organisation));
                ui.label(&*clip(&c.action));
                ui.label(format_date(c.start, t));
                ui.label(format_date(c.follow_up, t));
                if ui.small_button("🗑").on_hover_text(t.delete).clicked() {
                    changes.push(Change::RemoveRecord {
                        item: item.id,
                        id: c.id,
                    });
                }
                ui.end_row();
            }
        });
    ui.add_space(8.0);
    ui.heading(t.add_commitment);
    let d = &mut forms.commitment;
    if d[3].is_empty() {
        d[3] = format_date(Some(chrono::Local::now().date_naive()), t);
    }
    let mut fields = Fields::new(ui, ("commitment", item.id), false);
    ui.horizontal_wrapped(|ui| {
        fields.line(ui, &mut d[0], t.person, 160.0);
        fields.line(ui, &mut d[1], t.organisation, 160.0);
    });
    fields.line(ui, &mut d[2], t.action, f32::INFINITY);
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("{}:", t.start_date));
        fields.line(ui, &mut d[3], t.date_hint, 120.0);
        ui.label(format!("{}:", t.follow_up));
        let start = parse_date(&d[3]).ok().flatten();
        let default_follow_up = start.and_then(Commitment::default_follow_up);
        fields.line(ui, &mut d[4], format_date(default_follow_up, t), 120.0);
        if fields.button(ui, format!("➕ {}", t.add_commitment))
            && !d[0].trim().is_empty()
            && !d[2].trim().is_empty()
        {
            match (parse_date(&d[3]), parse_date(&d[4])) {
                (Ok(start), Ok(follow_up)) => {
                    changes.push(put(
                        item.id,
                        item.commitments.len(),
                        Record::Commitment(Commitment {
                            id: session.fresh_id(),
                            person: d[0].trim().into(),
                            organisation: d[1].trim().into(),
                            action: d[2].trim().into(),
                            start,
                            follow_up: follow_up
                                .or_else(|| start.and_then(Commitment::default_follow_up)),
                        }),
                    ));
                    *d = Default::default();
                    forms.date_error = None;
                }
                _ => forms.date_error = Some(t.bad_date.into()),
            }
        }
    });
    fields.finish(forms);
    if let Some(e) = &forms.date_error {
        ui.colored_label(super::theme::WARN, e);
    }
}

pub fn statements(open: &mut OpenSession, t: &Texts, ui: &mut egui::Ui, changes: &mut Vec<Change>) {
    let session = open.doc.session();
    let item = &session.agenda[open.view.current];
    let forms = &mut open.view.forms;
    let mut columns: Vec<Option<Id>> = session.groups.iter().map(|g| Some(g.id)).collect();
    if columns.is_empty() {
        columns.push(None);
    }
    let mut finished = false;
    egui::Grid::new(("statements", item.id))
        .num_columns(columns.len() + 1)
        .striped(true)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            ui.strong(t.theme);
            for g in &columns {
                ui.strong(group_label(session, *g, t));
            }
            ui.end_row();
            for theme in &item.themes {
                ui.label(RichText::new(clip(&theme.name)).strong());
                for g in &columns {
                    let existing = item
                        .statements
                        .iter()
                        .find(|s| s.theme == theme.id && s.group == *g);
                    let buffer = forms
                        .statement
                        .entry((theme.id, *g))
                        .or_insert_with(|| existing.map(|s| s.text.clone()).unwrap_or_default());
                    let response = super::style::edit_box(ui, buffer, t, |ui, buffer| {
                        ui.add(
                            egui::TextEdit::multiline(buffer)
                                .desired_rows(2)
                                .desired_width(200.0),
                        )
                    });
                    if response.lost_focus() {
                        finished = true;
                    } else if !response.has_focus() {
                        // Shows undo and redo; typed text was stored when the field lost focus.
                        // Copied only when it differs: a statement can be long.
                        let stored = existing.map_or("", |s| s.text.as_str());
                        if buffer != stored {
                            *buffer = stored.to_string();
                        }
                    }
                }
                ui.end_row();
            }
        });
    if finished {
        changes.extend(take_statement_drafts(session, forms));
    }
    let mut fields = Fields::new(ui, ("theme", item.id), false);
    ui.horizontal(|ui| {
        fields.line(ui, &mut forms.theme, t.theme, 240.0);
        if fields.button(ui, format!("➕ {}", t.add_theme)) && !forms.theme.trim().is_empty() {
            changes.push(put(
                item.id,
                item.themes.len(),
                Record::Theme(Theme {
                    id: session.fresh_id(),
                    name: forms.theme.trim().into(),
                }),
            ));
            forms.theme.clear();
        }
    });
    fields.finish(forms);
}

/// Statements typed into the grid, as changes to store them; the drafts are cleared. Called
/// when a field loses focus and whenever the presenter leaves the item, the screen or the
/// session, so nothing typed is lost by moving on without pressing Tab.
pub fn take_statement_drafts(session: &Session, forms: &mut FormState) -> Vec<Change> {
    let mut drafts: Vec<_> = forms.statement.drain().collect();
    drafts.sort_by_key(|((theme, group), _)| (*theme, *group));
    let mut changes = Vec::new();
    for ((theme, group), text) in drafts {
        let Some(item) = session
            .agenda
            .iter()
            .find(|i| i.themes.iter().any(|t| t.id == theme))
        else {
            continue; // The theme was removed meanwhile.
        };
        let text = text.trim().to_string();
        let existing = item
            .statements
            .iter()
            .find(|s| s.theme == theme && s.group == group);
        match existing {
            Some(s) if text.is_empty() => changes.push(Change::RemoveRecord {
                item: item.id,
                id: s.id,
            }),
            Some(s) if s.text != text => {
                let mut s = s.clone();
                s.text = text;
                changes.push(put(item.id, 0, Record::Statement(s)));
            }
            None if !text.is_empty() => changes.push(put(
                item.id,
                item.statements.len(),
                Record::Statement(Statement {
                    id: session.fresh_id(),
                    theme,
                    group,
                    text,
                }),
            )),
            _ => {}
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::parse_date;
    use chrono::NaiveDate;

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn dates_as_facilitators_type_them() {
        assert_eq!(parse_date("23-01-2027"), Ok(date(2027, 1, 23)));
        assert_eq!(parse_date(" 23/01/2027 "), Ok(date(2027, 1, 23)));
        assert_eq!(parse_date("23.01.2027"), Ok(date(2027, 1, 23)));
        assert_eq!(parse_date("2027-01-23"), Ok(date(2027, 1, 23)));
        assert_eq!(parse_date(""), Ok(None));
    }

    #[test]
    fn a_two_digit_year_is_this_century_and_old_years_are_refused() {
        assert_eq!(parse_date("23-01-27"), Ok(date(2027, 1, 23)));
        assert_eq!(parse_date("1/2/26"), Ok(date(2026, 2, 1)));
        assert_eq!(parse_date("23-01-1027"), Err(()));
        assert_eq!(parse_date("0027-01-23"), Err(()));
        assert_eq!(parse_date("31-02-2027"), Err(()));
        assert_eq!(parse_date("01-01-20000"), Err(()));
        assert_eq!(parse_date("+20000-01-01"), Err(()));
        assert_eq!(parse_date("0000-01-01"), Err(()));
    }
}
