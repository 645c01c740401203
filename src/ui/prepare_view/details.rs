//! Session details (title, date, times, place, facilitators, language, participants, notes) and
//! the participant groups. Text fields are drafts committed when left; the date, the language
//! and the group buttons are changes at once.

use super::datepicker;
use super::{push_if, warning};
use crate::model::{Change, Details, Group, Id, Language, Session, validate};
use crate::ui::commands::{self, Command};
use crate::ui::state::OpenSession;
use crate::ui::state::prepare::DetailsDraft;
use crate::ui::state::prepare::DetailsState;
use crate::ui::style::edit_box;
use crate::ui::texts::Texts;
use crate::ui::widgets::DeleteQuestion;
use chrono::NaiveTime;
use egui::RichText;

impl DetailsState {
    /// Whether a question waits for an answer (keys behind it should do nothing).
    pub fn asking(&self) -> bool {
        self.confirm_remove.is_open()
    }

    fn start(&mut self, session: &Session, t: &Texts) {
        let draft = DetailsDraft::from(session, t);
        self.base = Some(draft.clone());
        self.draft = Some(draft);
        self.seen = Some(session.details());
        self.dirty = false;
    }

    fn clear(&mut self) {
        self.draft = None;
        self.base = None;
        self.seen = None;
        self.dirty = false;
        self.errors.clear();
    }

    /// A clean draft follows the session: when the session changed under it (undo, redo, a
    /// reload, another screen), the draft and its messages go.
    fn follow(&mut self, session: &Session) {
        if self.draft.is_some() && !self.dirty && self.seen.as_ref() != Some(&session.details()) {
            self.clear();
        }
    }
}

impl DetailsDraft {
    fn from(session: &Session, t: &Texts) -> Self {
        Self::of(&session.details(), t)
    }

    fn of(session: &Details, t: &Texts) -> Self {
        let time = |t: Option<NaiveTime>| t.map(|t| t.format("%H:%M").to_string());
        DetailsDraft {
            title: session.title.clone(),
            date: session
                .date
                .map(|d| crate::ui::forms::format_date(Some(d), t))
                .unwrap_or_default(),
            start: time(session.start_time).unwrap_or_default(),
            end: time(session.end_time).unwrap_or_default(),
            place: session.place.clone(),
            facilitators: session.facilitators.join(", "),
            participants: session
                .participants
                .map(|n| n.to_string())
                .unwrap_or_default(),
            notes: session.notes.clone(),
        }
    }
}

/// `9:30`, `09:30`, `9.30` or `0930`; empty is no time.
pub fn parse_time(text: &str) -> Result<Option<NaiveTime>, ()> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    for format in ["%H:%M", "%H.%M", "%H%M", "%H:%M:%S", "%Hu%M", "%Hh%M"] {
        if let Ok(time) = NaiveTime::parse_from_str(text, format) {
            return Ok(Some(time));
        }
    }
    Err(())
}

/// The details as typed, with the reasons any field could not be read (such a field keeps its
/// value in the session). Only fields typed differently from `base` are read: the others keep
/// the session's value, whatever happened to it since the draft started.
fn read_draft(
    session: &Session,
    base: &DetailsDraft,
    draft: &DetailsDraft,
    t: &Texts,
) -> (Details, Vec<&'static str>) {
    let mut d = session.details();
    let mut errors = Vec::new();
    if draft.title != base.title {
        let title = draft.title.trim();
        if title.is_empty() {
            errors.push(t.prep_title_empty);
        } else {
            d.title = title.to_string();
        }
    }
    if draft.date != base.date {
        match crate::ui::forms::parse_date(&draft.date) {
            Ok(date) => d.date = date,
            Err(()) => errors.push(t.bad_date),
        }
    }
    if draft.start != base.start || draft.end != base.end {
        match (parse_time(&draft.start), parse_time(&draft.end)) {
            (Ok(start), Ok(end)) => {
                if let (Some(a), Some(b)) = (start, end)
                    && b < a
                {
                    errors.push(t.prep_end_before_start);
                } else {
                    d.start_time = start;
                    d.end_time = end;
                }
            }
            _ => errors.push(t.prep_bad_time),
        }
    }
    if draft.place != base.place {
        d.place = draft.place.trim().to_string();
    }
    if draft.facilitators != base.facilitators {
        d.facilitators = draft
            .facilitators
            .split([',', ';', '\n'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
    }
    if draft.participants != base.participants {
        let participants = draft.participants.trim();
        if participants.is_empty() {
            d.participants = None;
        } else {
            match participants.parse::<u32>() {
                Ok(n) => d.participants = Some(n),
                Err(_) => errors.push(t.prep_bad_number),
            }
        }
    }
    if draft.notes != base.notes {
        d.notes = draft.notes.trim_end().to_string();
    }
    (d, errors)
}

/// Turns the details draft into a change, if it was edited. Fields that do not read keep their
/// old value and stay as typed with their message; the draft is clean then, so it never writes
/// again what it already wrote (which would undo an undo).
pub fn commit(open: &mut OpenSession, changes: &mut Vec<Change>, t: &Texts) {
    let session = open.doc.session();
    let state = &mut open.view.prepare.details;
    state.follow(session);
    let (Some(draft), Some(base)) = (&state.draft, &state.base) else {
        return;
    };
    if !state.dirty {
        return;
    }
    let (details, errors) = read_draft(session, base, draft, t);
    let changed = details != session.details();
    state.errors = errors;
    state.dirty = false;
    if state.errors.is_empty() {
        state.clear();
    } else {
        state.base = Some(DetailsDraft::of(&details, t));
        state.seen = Some(details.clone());
    }
    push_if(changes, changed, || Change::SetDetails(Box::new(details)));
}

/// Stores the group names and sizes being typed (the screen or tab is left, the session saved
/// or closed); a name or size that does not read keeps the old one, with a message.
pub fn commit_groups(open: &mut OpenSession, changes: &mut Vec<Change>, t: &Texts) {
    let state = &mut open.view.prepare.details;
    if state.group_drafts.is_empty() {
        return;
    }
    for group in &open.doc.session().groups {
        if let Some((name, size)) = state.group_drafts.remove(&group.id) {
            match read_group(group, &name, &size, t) {
                Ok(Some(updated)) => {
                    state.group_error = None;
                    changes.push(Change::UpdateGroup(updated));
                }
                Ok(None) => {}
                Err(e) => state.group_error = Some(e),
            }
        }
    }
    // Drafts of groups that are gone have nothing to go to.
    state.group_drafts.clear();
}

/// The group with the typed name and size, `None` when nothing changed.
fn read_group(
    group: &Group,
    name: &str,
    size: &str,
    t: &Texts,
) -> Result<Option<Group>, &'static str> {
    let new_name = name.trim();
    let new_size = size.trim();
    let size_value = if new_size.is_empty() {
        Ok(None)
    } else {
        new_size.parse::<u32>().map(Some)
    };
    match size_value {
        _ if new_name.is_empty() => Err(t.prep_name_empty),
        Err(_) => Err(t.prep_bad_number),
        Ok(size) => {
            let updated = Group {
                id: group.id,
                name: new_name.to_string(),
                size,
            };
            Ok((updated != *group).then_some(updated))
        }
    }
}

pub fn show(open: &mut OpenSession, t: &Texts, ui: &mut egui::Ui, changes: &mut Vec<Change>) {
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.set_max_width(900.0);
                ui.heading(RichText::new(t.prep_details).size(26.0).strong());
                ui.add_space(6.0);
                details_form(open, t, ui, changes);
                ui.add_space(24.0);
                ui.separator();
                groups(open, t, ui, changes);
            });
    });
    let session = open.doc.session();
    let asked = &mut open.view.prepare.details.confirm_remove;
    if let Some(id) = asked.show(ui.ctx(), t, |id| remove_group_question(session, t, id)) {
        changes.push(session.remove_group_change(id));
        forget_group(&mut open.view.forms, id);
    }
}

fn details_form(open: &mut OpenSession, t: &Texts, ui: &mut egui::Ui, changes: &mut Vec<Change>) {
    let session = open.doc.session();
    let state = &mut open.view.prepare.details;
    state.follow(session);
    if state.draft.is_none() {
        state.start(session, t);
    }
    let Some(draft) = state.draft.as_mut() else {
        return;
    };
    let mut focus = false;
    let mut left = false;
    let mut edited = false;
    let mut date_picked = None;
    let mut language = session.language;
    let mut track = |r: &egui::Response| {
        focus |= r.has_focus();
        left |= r.lost_focus();
        edited |= r.changed();
    };
    egui::Grid::new("details")
        .num_columns(2)
        .spacing([16.0, 12.0])
        .show(ui, |ui| {
            ui.label(RichText::new(t.title).strong());
            track(&edit_box(ui, &mut draft.title, t, |ui, text| {
                ui.add(
                    egui::TextEdit::singleline(text)
                        .desired_width(600.0)
                        .font(egui::TextStyle::Heading),
                )
            }));
            ui.end_row();

            ui.label(RichText::new(t.prep_date).strong());
            ui.horizontal(|ui| {
                let r = ui.add(
                    egui::TextEdit::singleline(&mut draft.date)
                        .hint_text(t.date_hint)
                        .desired_width(140.0),
                );
                track(&r);
                if let Some(picked) =
                    datepicker::calendar_button(ui, "session-date", session.date, t)
                {
                    date_picked = Some(picked);
                }
            });
            ui.end_row();

            ui.label(RichText::new(t.prep_time_slot).strong());
            ui.horizontal(|ui| {
                track(&short_field(ui, &mut draft.start, "13:30"));
                ui.label(t.prep_until);
                track(&short_field(ui, &mut draft.end, "15:00"));
            });
            ui.end_row();

            ui.label(RichText::new(t.prep_place).strong());
            track(&edit_box(ui, &mut draft.place, t, |ui, text| {
                ui.add(egui::TextEdit::singleline(text).desired_width(600.0))
            }));
            ui.end_row();

            ui.label(RichText::new(t.prep_facilitators).strong());
            track(&edit_box(ui, &mut draft.facilitators, t, |ui, text| {
                ui.add(
                    egui::TextEdit::singleline(text)
                        .hint_text(t.prep_facilitators_hint)
                        .desired_width(600.0),
                )
            }));
            ui.end_row();

            ui.label(RichText::new(t.prep_session_language).strong());
            ui.vertical(|ui| {
                ui.horizontal(|ui| {
                    ui.selectable_value(&mut language, Language::Nl, "Nederlands");
                    ui.selectable_value(&mut language, Language::En, "English");
                });
                ui.weak(t.prep_session_language_hint);
            });
            ui.end_row();

            ui.label(RichText::new(t.prep_participants).strong());
            track(&short_field(ui, &mut draft.participants, "30"));
            ui.end_row();

            ui.label(RichText::new(t.prep_session_notes).strong());
            track(&edit_box(ui, &mut draft.notes, t, |ui, text| {
                ui.add(
                    egui::TextEdit::multiline(text)
                        .desired_rows(3)
                        .desired_width(600.0),
                )
            }));
            ui.end_row();
        });
    for e in &state.errors {
        warning(ui, *e);
    }
    state.dirty |= edited;
    if left || (!focus && state.dirty) {
        commit(open, changes, t);
    } else if !focus && !state.dirty && state.errors.is_empty() {
        // Nothing typed: follow the session (undo, another screen's edits).
        state.clear();
    }
    // A click on the calendar or the language also ends typing in a field; build on what that
    // just committed, or the second change would put the old text back.
    let session = open.doc.session();
    let latest = |changes: &[Change]| {
        changes
            .iter()
            .rev()
            .find_map(|c| match c {
                Change::SetDetails(d) => Some((**d).clone()),
                _ => None,
            })
            .unwrap_or_else(|| session.details())
    };
    if let Some(date) = date_picked {
        let mut d = latest(changes);
        if d.date != date {
            d.date = date;
            changes.push(Change::SetDetails(Box::new(d)));
        }
        // The typed date follows the picked one; other fields waiting to be corrected stay.
        let state = &mut open.view.prepare.details;
        match (&mut state.draft, &mut state.base) {
            (Some(draft), Some(base)) if !state.errors.is_empty() => {
                let typed = date
                    .map(|d| crate::ui::forms::format_date(Some(d), t))
                    .unwrap_or_default();
                draft.date = typed.clone();
                base.date = typed;
                state.errors.retain(|e| *e != t.bad_date);
            }
            _ => state.clear(),
        }
    }
    let mut d = latest(changes);
    if language != d.language {
        d.language = language;
        changes.push(Change::SetDetails(Box::new(d)));
    }
    // A draft waiting to be corrected expects the session as these changes leave it.
    let state = &mut open.view.prepare.details;
    if state.draft.is_some() && !state.dirty {
        state.seen = Some(latest(changes));
    }
}

fn groups(open: &mut OpenSession, t: &Texts, ui: &mut egui::Ui, changes: &mut Vec<Change>) {
    let session = open.doc.session();
    let state = &mut open.view.prepare.details;
    let mut removed = None;
    ui.heading(RichText::new(t.prep_groups).size(24.0).strong());
    ui.label(t.prep_groups_hint);
    ui.add_space(6.0);
    egui::Grid::new("groups")
        .num_columns(3)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            if !session.groups.is_empty() {
                ui.strong(t.prep_group_name);
                ui.strong(t.prep_group_size);
                ui.end_row();
            }
            for group in &session.groups {
                let (name, size) = state.group_drafts.entry(group.id).or_insert_with(|| {
                    (
                        group.name.clone(),
                        group.size.map(|n| n.to_string()).unwrap_or_default(),
                    )
                });
                let r1 = edit_box(ui, name, t, |ui, name| {
                    ui.add(
                        egui::TextEdit::singleline(name)
                            .id_salt(("group-name", group.id))
                            // A grid cell offers last frame's width; without a minimum the
                            // field shrinks to a few letters.
                            .min_size(egui::vec2(320.0, 0.0))
                            .desired_width(320.0),
                    )
                });
                let r2 = ui.add(
                    egui::TextEdit::singleline(size)
                        .id_salt(("group-size", group.id))
                        .hint_text("—")
                        .min_size(egui::vec2(70.0, 0.0))
                        .desired_width(70.0),
                );
                let remove = ui
                    .button(format!("🗑 {}", t.delete))
                    .on_hover_text(t.prep_remove_group);
                ui.end_row();
                if r1.changed() || r2.changed() {
                    state.group_error = None;
                }
                if r1.lost_focus() || r2.lost_focus() {
                    match read_group(group, name, size, t) {
                        Ok(Some(updated)) => {
                            state.group_error = None;
                            changes.push(Change::UpdateGroup(updated));
                        }
                        Ok(None) => {}
                        Err(e) => state.group_error = Some(e),
                    }
                    state.group_drafts.remove(&group.id);
                } else if !r1.has_focus() && !r2.has_focus() {
                    state.group_drafts.remove(&group.id);
                }
                if remove.clicked() {
                    if validate::group_in_use(session, group.id) {
                        state.confirm_remove.ask(group.id);
                    } else {
                        changes.push(session.remove_group_change(group.id));
                        removed = Some(group.id);
                    }
                }
            }
        });
    if let Some(e) = state.group_error {
        warning(ui, e);
    }
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        let r = ui.add(
            egui::TextEdit::singleline(&mut state.new_group)
                .hint_text(t.prep_new_group_hint)
                .desired_width(320.0),
        );
        let enter = r.lost_focus() && commands::sees(ui.ctx(), Command::SubmitLine);
        if (ui.button(format!("➕ {}", t.prep_add_group)).clicked() || enter)
            && !state.new_group.trim().is_empty()
        {
            changes.push(Change::AddGroup {
                index: session.groups.len(),
                group: Group {
                    id: session.fresh_id(),
                    name: state.new_group.trim().to_string(),
                    size: None,
                },
            });
            state.new_group.clear();
            if enter {
                r.request_focus();
            }
        }
    });
    if let Some(id) = removed {
        forget_group(&mut open.view.forms, id);
    }
}

/// What removing a group takes with it, counted, so the question can say it plainly.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct GroupUse {
    pub hands: u32,
    pub reactions: usize,
    pub proposals: usize,
    pub feedback: usize,
    pub statements: usize,
}

pub fn group_use(session: &Session, group: Id) -> GroupUse {
    let g = Some(group);
    let mut u = GroupUse::default();
    for item in &session.agenda {
        for r in &item.rounds {
            u.hands += r
                .tallies
                .iter()
                .filter(|x| x.group == g)
                .map(|x| x.count)
                .sum::<u32>();
            u.reactions += r.reactions.iter().filter(|x| x.group == g).count();
        }
        for p in &item.proposals {
            u.proposals += usize::from(p.group == g);
            u.feedback += p.feedback.iter().filter(|f| f.from_group == g).count();
        }
        u.statements += item.statements.iter().filter(|s| s.group == g).count();
    }
    u
}

/// A narrow one-line field for a time or a number, its example as the hint.
fn short_field(ui: &mut egui::Ui, text: &mut String, example: &str) -> egui::Response {
    ui.add(
        egui::TextEdit::singleline(text)
            .hint_text(example)
            .desired_width(80.0),
    )
}

/// The question before removing group `id` that groups, hands or reactions still use.
fn remove_group_question<'t>(
    session: &Session,
    t: &'t Texts,
    id: Id,
) -> Option<DeleteQuestion<'t>> {
    let group = session.group(id)?;
    let u = group_use(session, id);
    Some(DeleteQuestion {
        id: "confirm-remove-group",
        heading: format!("{} ‘{}’?", t.prep_remove_group, group.name),
        intro: t.prep_remove_group_intro.to_owned(),
        counts: vec![
            (u.hands as usize, t.prep_use_hands),
            (u.statements, t.prep_use_statements),
            (u.feedback, t.prep_use_feedback),
            (u.reactions, t.prep_use_reactions),
            (u.proposals, t.prep_use_proposals),
        ],
    })
}

/// Drops a removed group from what the run view's forms hold, so nothing typed there later
/// points at a group that is gone.
fn forget_group(forms: &mut crate::ui::forms::FormState, group: Id) {
    if forms.proposal.group == Some(group) {
        forms.proposal.group = None;
    }
    for (_, from) in forms.feedback.values_mut() {
        if *from == Some(group) {
            *from = None;
        }
    }
    forms.statement.retain(|(_, g), _| *g != Some(group));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_in_the_ways_people_type_them() {
        let t = |h, m| Ok(Some(NaiveTime::from_hms_opt(h, m, 0).unwrap()));
        assert_eq!(parse_time("9:30"), t(9, 30));
        assert_eq!(parse_time(" 09:30 "), t(9, 30));
        assert_eq!(parse_time("13.45"), t(13, 45));
        assert_eq!(parse_time("1345"), t(13, 45));
        assert_eq!(parse_time(""), Ok(None));
        assert_eq!(parse_time("25:00"), Err(()));
        assert_eq!(parse_time("half tien"), Err(()));
        assert_eq!(parse_time("１３:００"), Err(()));
    }

    #[test]
    fn a_bad_field_keeps_its_old_value_and_the_rest_is_taken() {
        let t = crate::ui::texts::texts(Language::En);
        let session = Session::new("Oud", Language::En);
        let mut draft = DetailsDraft::from(&session, t);
        draft.title = "  Nieuw  ".into();
        draft.start = "14:00".into();
        draft.end = "13:00".into();
        draft.participants = "veel".into();
        draft.facilitators = "Zoë, ; Jan".into();
        let base = DetailsDraft::from(&session, t);
        let (d, errors) = read_draft(&session, &base, &draft, t);
        assert_eq!(d.title, "Nieuw");
        assert_eq!((d.start_time, d.end_time), (None, None));
        assert_eq!(d.participants, None);
        assert_eq!(d.facilitators, ["Zoë", "Jan"]);
        assert_eq!(errors, [t.prep_end_before_start, t.prep_bad_number]);
    }

    #[test]
    fn a_removed_group_is_dropped_from_the_run_view_forms() {
        let (gone, kept, theme) = (Id(1), Id(2), Id(3));
        let mut forms = crate::ui::forms::FormState::default();
        forms.proposal.group = Some(gone);
        forms.feedback.insert(Id(9), ("goed".into(), Some(gone)));
        forms.feedback.insert(Id(8), ("ook".into(), Some(kept)));
        forms.statement.insert((theme, Some(gone)), "weg".into());
        forms.statement.insert((theme, Some(kept)), "blijft".into());
        forget_group(&mut forms, gone);
        assert_eq!(forms.proposal.group, None);
        assert_eq!(forms.feedback[&Id(9)].1, None);
        assert_eq!(forms.feedback[&Id(8)].1, Some(kept));
        assert_eq!(forms.statement.len(), 1);
        assert!(forms.statement.contains_key(&(theme, Some(kept))));
    }
}
