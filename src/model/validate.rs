//! The session's invariants: unique ids, counts that add up, rounds that end after they start,
//! and references that point at something real. Checked on every change and on every load.

use super::Id;
use super::session::*;
use super::session::{Details, Record};
use std::collections::HashSet;

/// Why a change or a file was refused, in words a facilitator can act on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    #[error("no agenda item with id {0}")]
    UnknownItem(Id),
    #[error("no round with id {0}")]
    UnknownRound(Id),
    #[error("no response option with id {0}")]
    UnknownOption(Id),
    #[error("no group with id {0}")]
    UnknownGroup(Id),
    #[error("nothing with id {0} in this item")]
    UnknownRecord(Id),
    #[error("no theme with id {0} in this item")]
    UnknownTheme(Id),
    #[error("the id {0} is used twice")]
    DuplicateId(Id),
    #[error("a count cannot go below zero")]
    NegativeCount,
    #[error("a count cannot be that large")]
    CountTooLarge,
    #[error("a round cannot end before it starts")]
    EndBeforeStart,
    #[error("the session ends before it starts")]
    SessionEndBeforeStart,
    #[error("an item keeps at least one round")]
    LastRound,
    #[error("the group \"{0}\" still has data; remove that first")]
    GroupInUse(String),
    #[error("a theme with statements cannot be removed")]
    ThemeInUse,
    #[error("a name cannot be empty")]
    EmptyName,
    #[error("an option is counted twice for the same group in one round")]
    DuplicateTally,
    #[error("a proposition needs at least one response option")]
    NoOptions,
    #[error("the date {0} is outside the years 1000 to 9999")]
    DateOutOfRange(chrono::NaiveDate),
}

/// Which record a problem found in a whole session is about, so a loader that has the file's
/// text can point at its line (the model itself knows no text positions).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// The record that has this id.
    Record(Id),
    /// The second record that has this id.
    Repeated(Id),
    /// A reference to `to` inside the record `within` (an item): a tally's option, a
    /// reaction's group, a statement's theme.
    Reference { within: Id, to: Id },
    /// A field of the session itself, such as `end_time`.
    SessionField(&'static str),
}

/// A problem in a whole session: what is wrong, in which agenda item (index) and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub error: ModelError,
    pub item: Option<usize>,
    pub place: Place,
}

/// Checks a whole session, as loaded from a file.
pub fn session(s: &Session) -> Result<(), ModelError> {
    located(s).map_err(|p| p.error)
}

/// Checks a whole session like [`session`], and says which record a problem is in.
pub fn located(s: &Session) -> Result<(), Problem> {
    let at = |item, place| move |error| Problem { error, item, place };
    duplicates(s)?;
    let field = |name| at(None, Place::SessionField(name));
    times_of_day(s.start_time, s.end_time).map_err(field("end_time"))?;
    date(s.date).map_err(field("date"))?;
    for g in &s.groups {
        name(&g.name).map_err(at(None, Place::Record(g.id)))?;
    }
    for (i, item) in s.agenda.iter().enumerate() {
        item_contents(s, item).map_err(|error| Problem {
            place: place_in_item(item, &error),
            item: Some(i),
            error,
        })?;
    }
    Ok(())
}

/// The first id used a second time, with the item of its second use.
fn duplicates(s: &Session) -> Result<(), Problem> {
    let mut seen = HashSet::new();
    let twice = |id, item| Problem {
        error: ModelError::DuplicateId(id),
        item,
        place: Place::Repeated(id),
    };
    for id in std::iter::once(s.id).chain(s.groups.iter().map(|g| g.id)) {
        if !seen.insert(id) {
            return Err(twice(id, None));
        }
    }
    let mut ids = Vec::new();
    for (i, item) in s.agenda.iter().enumerate() {
        ids.clear();
        item.collect_ids(&mut ids);
        if let Some(&id) = ids.iter().find(|&&id| !seen.insert(id)) {
            return Err(twice(id, Some(i)));
        }
    }
    Ok(())
}

/// The record within `item` that `error` (found by [`item_contents`]) is about.
fn place_in_item(item: &Item, error: &ModelError) -> Place {
    use ModelError::*;
    let round_where = |bad: &dyn Fn(&Round) -> bool| {
        item.rounds
            .iter()
            .find(|r| bad(r))
            .map_or(Place::Record(item.id), |r| Place::Record(r.id))
    };
    match *error {
        UnknownGroup(to) | UnknownOption(to) | UnknownTheme(to) => Place::Reference {
            within: item.id,
            to,
        },
        EndBeforeStart => round_where(&|r| times(r.started, r.ended).is_err()),
        DuplicateTally => round_where(&|r| {
            let mut keys = HashSet::new();
            !r.tallies.iter().all(|t| keys.insert((t.option, t.group)))
                || !{
                    let mut devices = HashSet::new();
                    r.ballots.iter().all(|b| devices.insert(&b.device))
                }
        }),
        EmptyName => item
            .themes
            .iter()
            .find(|t| name(&t.name).is_err())
            .map_or(Place::Record(item.id), |t| Place::Record(t.id)),
        _ => Place::Record(item.id),
    }
}

pub(crate) fn details(d: &Details) -> Result<(), ModelError> {
    times_of_day(d.start_time, d.end_time)?;
    date(d.date)
}

/// Refuses a date outside [`super::dates::YEARS`].
pub(crate) fn date(date: Option<chrono::NaiveDate>) -> Result<(), ModelError> {
    match date {
        Some(d) if !super::dates::in_range(d) => Err(ModelError::DateOutOfRange(d)),
        _ => Ok(()),
    }
}

/// Refuses a moment whose date is outside [`super::dates::YEARS`].
pub(crate) fn moment(t: Option<Timestamp>) -> Result<(), ModelError> {
    match t {
        Some(t) if !super::dates::moment_in_range(t) => {
            Err(ModelError::DateOutOfRange(t.naive_local().date()))
        }
        _ => Ok(()),
    }
}

fn times_of_day(
    start: Option<chrono::NaiveTime>,
    end: Option<chrono::NaiveTime>,
) -> Result<(), ModelError> {
    match (start, end) {
        (Some(a), Some(b)) if b < a => Err(ModelError::SessionEndBeforeStart),
        _ => Ok(()),
    }
}

pub(crate) fn name(name: &str) -> Result<(), ModelError> {
    if name.trim().is_empty() {
        Err(ModelError::EmptyName)
    } else {
        Ok(())
    }
}

pub(crate) fn times(
    started: Option<Timestamp>,
    ended: Option<Timestamp>,
) -> Result<(), ModelError> {
    moment(started)?;
    moment(ended)?;
    match (started, ended) {
        (Some(a), Some(b)) if b < a => Err(ModelError::EndBeforeStart),
        _ => Ok(()),
    }
}

/// Checks an item that is about to be added (`replacing: None`) or to replace the item at
/// `replacing`: its own contents, and that its ids are unused elsewhere in the session.
pub(crate) fn item(s: &Session, item: &Item, replacing: Option<usize>) -> Result<(), ModelError> {
    let mut others = HashSet::new();
    others.insert(s.id);
    others.extend(s.groups.iter().map(|g| g.id));
    for (i, other) in s.agenda.iter().enumerate() {
        if Some(i) != replacing {
            others.extend(item_ids(other));
        }
    }
    let mut own = HashSet::new();
    for id in item_ids(item) {
        if others.contains(&id) || !own.insert(id) {
            return Err(ModelError::DuplicateId(id));
        }
    }
    item_contents(s, item)
}

fn item_ids(item: &Item) -> Vec<Id> {
    let mut ids = Vec::new();
    item.collect_ids(&mut ids);
    ids
}

pub(crate) fn item_contents(s: &Session, item: &Item) -> Result<(), ModelError> {
    if item.kind == ItemKind::Proposition && item.options.is_empty() {
        return Err(ModelError::NoOptions);
    }
    for r in &item.rounds {
        round(s, item, r)?;
    }
    for p in &item.proposals {
        record(s, item, &Record::Proposal(p.clone()))?;
    }
    for c in &item.commitments {
        date(c.start).and(date(c.follow_up))?;
    }
    for st in &item.statements {
        record(s, item, &Record::Statement(st.clone()))?;
    }
    Ok(())
}

pub(crate) fn round(s: &Session, item: &Item, r: &Round) -> Result<(), ModelError> {
    times(r.started, r.ended)?;
    let mut keys = HashSet::new();
    for t in &r.tallies {
        if item.option_index(t.option).is_none() {
            return Err(ModelError::UnknownOption(t.option));
        }
        group_ref(s, t.group)?;
        if !keys.insert((t.option, t.group)) {
            return Err(ModelError::DuplicateTally);
        }
    }
    for reaction in &r.reactions {
        group_ref(s, reaction.group)?;
        moment(reaction.time)?;
    }
    let mut devices = HashSet::new();
    for b in &r.ballots {
        if item.option_index(b.option).is_none() {
            return Err(ModelError::UnknownOption(b.option));
        }
        group_ref(s, b.group)?;
        // A second ballot of one device would count it twice.
        if !devices.insert(&b.device) {
            return Err(ModelError::DuplicateTally);
        }
    }
    Ok(())
}

pub(crate) fn record(s: &Session, item: &Item, record: &Record) -> Result<(), ModelError> {
    match record {
        Record::Proposal(p) => {
            group_ref(s, p.group)?;
            for f in &p.feedback {
                group_ref(s, f.from_group)?;
            }
            p.actions.iter().try_for_each(|a| date(a.due))
        }
        Record::Commitment(c) => date(c.start).and(date(c.follow_up)),
        Record::Theme(t) => name(&t.name),
        Record::Statement(st) => {
            group_ref(s, st.group)?;
            if item.themes.iter().any(|t| t.id == st.theme) {
                Ok(())
            } else {
                Err(ModelError::UnknownTheme(st.theme))
            }
        }
    }
}

fn group_ref(s: &Session, group: Option<Id>) -> Result<(), ModelError> {
    match group {
        Some(id) if s.group(id).is_none() => Err(ModelError::UnknownGroup(id)),
        _ => Ok(()),
    }
}

/// Whether anything recorded refers to the group, so removing it needs the user's consent.
pub fn group_in_use(s: &Session, group: Id) -> bool {
    let g = Some(group);
    s.agenda.iter().any(|item| {
        item.rounds.iter().any(|r| {
            r.tallies.iter().any(|t| t.group == g)
                || r.reactions.iter().any(|x| x.group == g)
                || r.ballots.iter().any(|b| b.group == g)
        }) || item
            .proposals
            .iter()
            .any(|p| p.group == g || p.feedback.iter().any(|f| f.from_group == g))
            || item.statements.iter().any(|st| st.group == g)
    })
}
