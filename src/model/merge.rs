//! Several facilitators, one session: hand out one copy per subgroup ([`split`]) and combine the
//! copies afterwards ([`merge`]). Pure functions, no I/O.
//!
//! # How copies are combined
//!
//! Every record carries a stable [`Id`], so records are matched by id, never by position or
//! text. Copies of one prepared session share [`Session::id`]; files with different ids are
//! refused unless forced, because matching ids across unrelated sessions means nothing.
//!
//! - **Present in only some files**: kept. There is no common ancestor to tell "deleted on one
//!   laptop" from "added on another", and losing a recorded reaction is worse than showing a
//!   deleted one again. New agenda items (and new records in any list) are placed after the
//!   nearest record that precedes them in their own file, so every file's order is kept.
//! - **Same id, same content**: one record. Flags and children are united: a reaction
//!   highlighted on one laptop stays highlighted; reactions, statements, proposals, actions,
//!   feedback, commitments, themes, options and rounds inside a shared record are united by id.
//! - **Same id, different content** (a proposition reworded, a reaction edited on one laptop):
//!   a real conflict. Both versions are kept: the version whose content sorts first keeps the
//!   id and all recorded data under it; the other becomes a separate record right after it,
//!   with its text marked "[other version]" and an id derived from the original id and its
//!   content. Deciding by content rather than by file order, and deriving the id rather than
//!   drawing it, is what makes merging order-independent: A+B equals B+A, and merging a result
//!   again with one of its inputs changes nothing. Every conflict is listed in
//!   [`Merged::conflicts`]. An item's other version holds its wording and kind, one empty
//!   round and the options of the original item (a relabelled option is a conflict of its
//!   own, kept in the original item); its children (rounds, reactions, statements, …) all stay
//!   with the original, so totals never split.
//! - **Rounds started on the copies**: a copy gives the round it starts an id derived from
//!   the item and the round's number ([`new_round_id`]), so when every table starts round 3,
//!   every laptop makes the same round 3 and the merge has one round 3 holding all tables'
//!   counts and reactions.
//! - **Tallies**: counts of *different* groups (or options, or rounds) are different entries
//!   and simply sit side by side, so an option's total is the sum of the groups. The *same*
//!   option, group and round counted in two files is the same hands counted twice (two
//!   laptops that both recorded group A, or a count made before the copies were handed out),
//!   not more hands: the larger count is kept, never the sum, and a difference is listed as a
//!   conflict.
//! - **Single values** without a record of their own (session title, place, date, round
//!   label, …): an empty value is filled in from the other file; two different values keep the
//!   smaller (for the participant count and a round's end: the larger) and are listed as a
//!   conflict. A round starts at the earliest start and ends at the latest end, without a
//!   conflict: each laptop presses "new round" at its own moment. Free notes
//!   (session and item) are united line by line. Facilitators are united.
//!
//! Two files are "equal" for the merge laws in [`canonical`] form: the same records with the
//! same contents, with the order of lists (agenda, groups, rounds, records, tallies,
//! facilitators) and of note lines left out of the comparison, since a merged agenda interleaves
//! items that the files themselves did not order against each other.

use super::Id;
use super::session::*;
use super::validate::{self, ModelError};
use super::words::words;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// One copy per group, each marked with the group it records. A session without groups gives
/// no copies: there is nobody to hand them to.
pub fn split(session: &Session) -> Vec<Session> {
    session
        .groups
        .iter()
        .map(|g| {
            let mut copy = session.clone();
            copy.recording_group = Some(g.id);
            copy
        })
        .collect()
}

/// The id of round `number` (counted from 1: its place in the item's list) that a subgroup's
/// copy starts in item `item`: the same on every laptop, so the round that all tables start
/// together is one round after the merge, its tallies side by side per group and its
/// reactions united, rather than one half round per laptop. FNV-1a over a tag, the item id and
/// the number, written out so the value never changes with the compiler or the platform.
pub fn round_id_for(item: Id, number: usize) -> Id {
    let mut bytes = b"round\x1f".to_vec();
    bytes.extend_from_slice(&item.0.to_le_bytes());
    bytes.extend_from_slice(&(number as u64).to_le_bytes());
    nonzero(fnv(&bytes))
}

/// The id for a new round at the end of `item`: [`round_id_for`] on a subgroup's copy (the
/// session records a group), a fresh random id elsewhere, and also when the derived id is
/// already taken in the session (a round deleted and started again at another place); merge
/// then keeps that round apart, as it keeps every round only one file has.
pub fn new_round_id(session: &Session, item: &Item) -> Id {
    if session.recording_group.is_some() {
        let id = round_id_for(item.id, item.rounds.len() + 1);
        if !session.all_ids().contains(&id) {
            return id;
        }
    }
    session.fresh_id()
}

/// Why a merge was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    #[error("nothing to merge")]
    NoSessions,
    #[error(
        "“{other_title}” (session id {other_id}) does not come from the same prepared session as \
         “{first_title}” (session id {first_id}); only merge them if you are sure they belong \
         together"
    )]
    DifferentSessions {
        /// Position of the refused session in the input, counted from 0.
        index: usize,
        first_title: String,
        first_id: Id,
        other_title: String,
        other_id: Id,
    },
    #[error(
        "{} and {} have the same id {}; to keep both, the second with a new id, merge with renumbering",
        .0.kept.describe(&format!("file {}", .0.kept.file + 1)),
        .0.other.describe(&format!("file {}", .0.other.file + 1)),
        .0.id
    )]
    IdClash(Box<IdClash>),
    #[error("the merged session does not fit together: {0}")]
    Invalid(ModelError),
}

/// One id used by two different records: of different kinds (a reaction in one file, a
/// statement in another), or in different places (a reaction under item 2 in one file, under
/// item 5 in another, after a hand edit that copied it). Matching by id would join them into
/// nonsense, so the merge stops, or with renumbering keeps both: the record whose place sorts
/// first keeps the id, the other gets `new_id`, in every file that has it there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdClash {
    pub id: Id,
    pub kept: Occurrence,
    pub other: Occurrence,
    /// The other record's id after renumbering.
    pub new_id: Id,
}

/// A record in one of the files being merged, for messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Occurrence {
    /// The file's place in the input, counted from 0.
    pub file: usize,
    pub what: Conflicted,
    /// The agenda item the record is (in), counted from 1; `None` for a group.
    pub item: Option<usize>,
    /// Its text, shortened.
    pub text: String,
}

impl Occurrence {
    /// "FILE: reaction “Goed idee” (item 3)", with `file` as the file's name.
    pub fn describe(&self, file: &str) -> String {
        let at = self.item.map_or(String::new(), |n| format!(" (item {n})"));
        format!("{file}: {} “{}”{at}", self.what.word(), self.text)
    }
}

/// The combined session, what went into it, and every conflict found on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub session: Session,
    pub summary: Summary,
    pub conflicts: Vec<Conflict>,
    /// Records that shared an id with another and were kept under a new one (only when
    /// merging with renumbering).
    pub renumbered: Vec<IdClash>,
}

/// What each file held and what the merged session holds, for a look before writing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// One per input, in input order.
    pub inputs: Vec<Counts>,
    pub merged: Counts,
    /// Agenda items (short text) that not every file had: added on one laptop, or conflict
    /// copies.
    pub only_in_some: Vec<String>,
}

/// The size of one session.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub title: String,
    /// Name of the group the file records, when it is a subgroup copy.
    pub recording_group: Option<String>,
    pub items: usize,
    /// Hands counted, over all items, rounds, options and groups.
    pub answers: u64,
    pub reactions: usize,
    pub statements: usize,
    pub proposals: usize,
    pub commitments: usize,
}

impl Counts {
    pub fn of(s: &Session) -> Counts {
        let mut c = Counts {
            title: s.title.clone(),
            recording_group: s
                .recording_group
                .and_then(|g| s.group(g))
                .map(|g| g.name.clone()),
            items: s.agenda.len(),
            ..Counts::default()
        };
        for item in &s.agenda {
            for r in &item.rounds {
                c.answers += r.tallies.iter().map(|t| u64::from(t.count)).sum::<u64>();
                c.reactions += r.reactions.len();
            }
            c.statements += item.statements.len();
            c.proposals += item.proposals.len();
            c.commitments += item.commitments.len();
        }
        c
    }
}

impl fmt::Display for Counts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} items, {} hands counted, {} reactions, {} statements, {} proposals, {} commitments",
            self.items,
            self.answers,
            self.reactions,
            self.statements,
            self.proposals,
            self.commitments
        )
    }
}

/// What kind of thing two files disagree about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Conflicted {
    Title,
    Date,
    StartTime,
    EndTime,
    Place,
    Language,
    Participants,
    Group,
    Item,
    Option,
    Round,
    Tally,
    Reaction,
    Proposal,
    Action,
    Feedback,
    Commitment,
    Theme,
    Statement,
}

impl Conflicted {
    /// Every kind, in declaration order (the order of the app's translated words).
    pub const ALL: [Conflicted; 19] = [
        Conflicted::Title,
        Conflicted::Date,
        Conflicted::StartTime,
        Conflicted::EndTime,
        Conflicted::Place,
        Conflicted::Language,
        Conflicted::Participants,
        Conflicted::Group,
        Conflicted::Item,
        Conflicted::Option,
        Conflicted::Round,
        Conflicted::Tally,
        Conflicted::Reaction,
        Conflicted::Proposal,
        Conflicted::Action,
        Conflicted::Feedback,
        Conflicted::Commitment,
        Conflicted::Theme,
        Conflicted::Statement,
    ];

    /// The English word for the command line.
    pub fn word(self) -> &'static str {
        match self {
            Conflicted::Title => "title",
            Conflicted::Date => "date",
            Conflicted::StartTime => "start time",
            Conflicted::EndTime => "end time",
            Conflicted::Place => "place",
            Conflicted::Language => "language",
            Conflicted::Participants => "number of participants",
            Conflicted::Group => "group",
            Conflicted::Item => "agenda item",
            Conflicted::Option => "response option",
            Conflicted::Round => "round label",
            Conflicted::Tally => "count",
            Conflicted::Reaction => "reaction",
            Conflicted::Proposal => "proposal",
            Conflicted::Action => "action",
            Conflicted::Feedback => "feedback",
            Conflicted::Commitment => "commitment",
            Conflicted::Theme => "theme",
            Conflicted::Statement => "statement",
        }
    }
}

/// Two files with different content under one id or in one field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub what: Conflicted,
    /// The agenda item it is in (its short text), empty for the session's own fields.
    pub place: String,
    /// The version that kept the id (or the field).
    pub kept: String,
    /// The other version.
    pub other: String,
    /// Where the other version was kept as a record of its own; `None` when a rule chose one
    /// value (see the module documentation) and the other lives on only in this list.
    pub copy: Option<Id>,
    /// The mark on the copy's text, in the session's language.
    pub mark: &'static str,
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.place.is_empty() {
            write!(f, "in {}: ", self.place)?;
        }
        match self.copy {
            Some(id) => write!(
                f,
                "{} “{}” in one file, “{}” in another; both kept, the second as a separate {} \
                 marked “{}” (id {id})",
                self.what.word(),
                self.kept,
                self.other,
                self.what.word(),
                self.mark.trim(),
            ),
            None => write!(
                f,
                "{}: kept “{}”, another file has “{}”",
                self.what.word(),
                self.kept,
                self.other
            ),
        }
    }
}

/// The mark on the text of a conflict's other version, in the session's language.
fn marker(language: Language) -> &'static str {
    words(language).session.other_version
}

/// Combines copies of one session. `force` merges sessions with different ids too.
///
/// The result passes [`validate::session`]; the rules are in the module documentation.
pub fn merge(sessions: &[Session], force: bool) -> Result<Merged, MergeError> {
    merge_with(sessions, force, false)
}

/// Like [`merge`]; with `renumber`, two different records that share an id are both kept, one
/// under a new id (see [`IdClash`]), where [`merge`] refuses with [`MergeError::IdClash`].
pub fn merge_with(sessions: &[Session], force: bool, renumber: bool) -> Result<Merged, MergeError> {
    let first = sessions.first().ok_or(MergeError::NoSessions)?;
    if !force
        && let Some((index, other)) = sessions.iter().enumerate().find(|(_, s)| s.id != first.id)
    {
        return Err(MergeError::DifferentSessions {
            index,
            first_title: first.title.clone(),
            first_id: first.id,
            other_title: other.title.clone(),
            other_id: other.id,
        });
    }
    let (renumbered, inputs) = resolve_id_clashes(sessions, renumber)?;
    let sessions = inputs.as_deref().unwrap_or(sessions);
    let mut ctx = Ctx::default();
    let mut merged = sessions[0].clone();
    for s in &sessions[1..] {
        merged = merge_two(merged, s.clone(), &mut ctx);
    }
    validate::session(&merged).map_err(MergeError::Invalid)?;

    let everywhere: HashSet<Id> = sessions
        .iter()
        .map(|s| s.agenda.iter().map(|i| i.id).collect::<HashSet<Id>>())
        .reduce(|a, b| a.intersection(&b).copied().collect())
        .unwrap_or_default();
    // Other versions of an item are listed with the conflicts, not as items only some had.
    let copies: HashSet<Id> = ctx.conflicts.iter().filter_map(|c| c.copy).collect();
    let summary = Summary {
        inputs: sessions.iter().map(Counts::of).collect(),
        merged: Counts::of(&merged),
        only_in_some: merged
            .agenda
            .iter()
            .filter(|i| !everywhere.contains(&i.id) && !copies.contains(&i.id))
            .map(|i| super::shorten::title(&i.text))
            .collect(),
    };
    Ok(Merged {
        session: merged,
        summary,
        conflicts: ctx.conflicts,
        renumbered,
    })
}

/// A record's id and where it sits in one file: its depth (0: groups and items; 1: what is in
/// an item; 2: reactions in a round, actions and feedback in a proposal), its kind and the ids
/// of the records around it. The merge joins two records only when all of this is the same.
struct Found {
    id: Id,
    level: u8,
    what: Conflicted,
    parents: Vec<Id>,
    item: Option<usize>,
    text: String,
}

impl Found {
    fn place(&self) -> (u8, usize, &[Id]) {
        (self.level, self.what as usize, &self.parents)
    }

    fn occurrence(&self, file: usize) -> Occurrence {
        Occurrence {
            file,
            what: self.what,
            item: self.item,
            text: self.text.clone(),
        }
    }
}

/// The records of `s` at depth `level`.
fn records_at(s: &Session, level: u8) -> Vec<Found> {
    let mut out = Vec::new();
    if level == 0 {
        found(&mut out, level, &[], None, &s.groups);
    }
    for (n, item) in s.agenda.iter().enumerate() {
        let (at, p) = (Some(n + 1), [item.id]);
        match level {
            0 => found(&mut out, level, &[], at, std::slice::from_ref(item)),
            1 => {
                found(&mut out, level, &p, at, &item.options);
                found(&mut out, level, &p, at, &item.rounds);
                found(&mut out, level, &p, at, &item.proposals);
                found(&mut out, level, &p, at, &item.commitments);
                found(&mut out, level, &p, at, &item.themes);
                found(&mut out, level, &p, at, &item.statements);
            }
            _ => {
                for r in &item.rounds {
                    found(&mut out, level, &[item.id, r.id], at, &r.reactions);
                }
                for x in &item.proposals {
                    found(&mut out, level, &[item.id, x.id], at, &x.actions);
                    found(&mut out, level, &[item.id, x.id], at, &x.feedback);
                }
            }
        }
    }
    out
}

/// Adds `records`, found at `level` under `parents` in agenda item `item`, to `out`.
fn found<T: Rec>(
    out: &mut Vec<Found>,
    level: u8,
    parents: &[Id],
    item: Option<usize>,
    records: &[T],
) {
    out.extend(records.iter().map(|r| Found {
        id: r.id(),
        level,
        what: T::WHAT,
        parents: parents.to_vec(),
        item,
        text: super::shorten::title(r.text()),
    }));
}

/// Finds ids that different records share across the files (see [`IdClash`]). Without
/// `renumber` the first is an error; with it, every record but the one whose place sorts first
/// gets an id derived from the id and its place, in every file that has it there, and the
/// renumbered files are returned (`None`: nothing to renumber).
///
/// Depth by depth, so a record's place is judged with its parents' final ids: an item
/// renumbered in one file then has its options in the same place as in an earlier merge that
/// renumbered it too. Places and derived ids depend on the files' contents only, never on
/// their order, so the merge laws hold.
fn resolve_id_clashes(
    sessions: &[Session],
    renumber: bool,
) -> Result<(Vec<IdClash>, Option<Vec<Session>>), MergeError> {
    let mut files: Option<Vec<Session>> = None;
    let mut clashes = Vec::new();
    for level in 0..=2 {
        let current = files.as_deref().unwrap_or(sessions);
        let mut by_id: HashMap<Id, Vec<(usize, Found)>> = HashMap::new();
        for (f, s) in current.iter().enumerate() {
            for depth in 0..=level {
                for found in records_at(s, depth) {
                    by_id.entry(found.id).or_default().push((f, found));
                }
            }
        }
        let mut renames: Vec<HashMap<Id, Id>> = vec![HashMap::new(); current.len()];
        let mut ids: Vec<Id> = by_id.keys().copied().collect();
        ids.sort_unstable();
        for id in ids {
            let mut found = by_id.remove(&id).unwrap_or_default();
            found.sort_by(|(f, a), (g, b)| a.place().cmp(&b.place()).then(f.cmp(g)));
            let Some((kept_file, kept)) = found.first() else {
                continue;
            };
            let mut last_place = kept.place();
            for (file, other) in &found {
                if other.place() == last_place {
                    if other.place() != kept.place() {
                        renames[*file].insert(id, derived_place_id(other));
                    }
                    continue;
                }
                last_place = other.place();
                let clash = IdClash {
                    id,
                    kept: kept.occurrence(*kept_file),
                    other: other.occurrence(*file),
                    new_id: derived_place_id(other),
                };
                if !renumber {
                    return Err(MergeError::IdClash(Box::new(clash)));
                }
                renames[*file].insert(id, clash.new_id);
                clashes.push(clash);
            }
        }
        if renames.iter().any(|r| !r.is_empty()) {
            let mut next = current.to_vec();
            for (s, map) in next.iter_mut().zip(&renames) {
                renumber_ids(s, map);
            }
            files = Some(next);
        }
    }
    Ok((clashes, files))
}

/// The new id of a record that gives up its id to another: derived from the id and the
/// record's place, so every merge that meets this clash gives it the same one.
fn derived_place_id(found: &Found) -> Id {
    let parents: Vec<String> = found.parents.iter().map(Id::to_string).collect();
    derived_id(
        found.id,
        &format!(
            "renumbered\u{1f}{:?}\u{1f}{}",
            found.what,
            parents.join("/")
        ),
    )
}

/// Gives the records in `map` their new ids, and every reference to them too (in one file an
/// id names one record, so a reference with that id points at it).
fn renumber_ids(s: &mut Session, map: &HashMap<Id, Id>) {
    if map.is_empty() {
        return;
    }
    let re = |id: &mut Id| {
        if let Some(new) = map.get(id) {
            *id = *new;
        }
    };
    let re_opt = |id: &mut Option<Id>| {
        if let Some(id) = id {
            re(id);
        }
    };
    re_opt(&mut s.recording_group);
    s.groups.iter_mut().for_each(|g| re(&mut g.id));
    for item in &mut s.agenda {
        re(&mut item.id);
        item.options.iter_mut().for_each(|o| re(&mut o.id));
        for r in &mut item.rounds {
            re(&mut r.id);
            for t in &mut r.tallies {
                re(&mut t.option);
                re_opt(&mut t.group);
            }
            for x in &mut r.reactions {
                re(&mut x.id);
                re_opt(&mut x.group);
            }
        }
        for p in &mut item.proposals {
            re(&mut p.id);
            re_opt(&mut p.group);
            p.actions.iter_mut().for_each(|a| re(&mut a.id));
            for f in &mut p.feedback {
                re(&mut f.id);
                re_opt(&mut f.from_group);
            }
        }
        item.commitments.iter_mut().for_each(|c| re(&mut c.id));
        item.themes.iter_mut().for_each(|t| re(&mut t.id));
        for st in &mut item.statements {
            re(&mut st.id);
            re(&mut st.theme);
            re_opt(&mut st.group);
        }
    }
}

/// The session with every list and every notes field in a fixed order: what "the same
/// session" means for the merge laws (see the module documentation).
pub fn canonical(s: &Session) -> Session {
    let mut s = s.clone();
    s.facilitators.sort();
    s.facilitators.dedup();
    s.notes = sorted_lines(&s.notes);
    s.groups.sort_by_key(|g| g.id);
    s.agenda.sort_by_key(|i| i.id);
    for item in &mut s.agenda {
        item.notes = sorted_lines(&item.notes);
        item.options.sort_by_key(|o| o.id);
        item.rounds.sort_by_key(|r| r.id);
        for r in &mut item.rounds {
            r.tallies.sort_by_key(|t| (t.option, t.group));
            r.reactions.sort_by_key(|x| x.id);
        }
        item.proposals.sort_by_key(|p| p.id);
        for p in &mut item.proposals {
            p.actions.sort_by_key(|a| a.id);
            p.feedback.sort_by_key(|f| f.id);
        }
        item.commitments.sort_by_key(|c| c.id);
        item.themes.sort_by_key(|t| t.id);
        item.statements.sort_by_key(|st| st.id);
    }
    s
}

fn sorted_lines(text: &str) -> String {
    let mut lines: Vec<&str> = text
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .collect();
    lines.sort_unstable();
    lines.dedup();
    lines.join("\n")
}

/// Conflicts found so far, the item being merged (for the conflict list) and the mark for
/// other versions.
#[derive(Default)]
struct Ctx {
    conflicts: Vec<Conflict>,
    place: String,
    language: Language,
}

impl Ctx {
    fn conflict(&mut self, what: Conflicted, kept: String, other: String, copy: Option<Id>) {
        self.conflicts.push(Conflict {
            what,
            place: self.place.clone(),
            kept,
            other,
            copy,
            mark: marker(self.language),
        });
    }
}

fn merge_two(mut a: Session, b: Session, ctx: &mut Ctx) -> Session {
    ctx.place.clear();
    // A forced merge of unrelated sessions keeps one of their ids, the same one either way.
    a.id = a.id.min(b.id);
    a.version = a.version.max(b.version);
    a.title = join_text(ctx, Conflicted::Title, a.title, b.title);
    a.place = join_text(ctx, Conflicted::Place, a.place, b.place);
    a.date = join_value(ctx, Conflicted::Date, a.date, b.date, false);
    a.start_time = join_value(
        ctx,
        Conflicted::StartTime,
        a.start_time,
        b.start_time,
        false,
    );
    a.end_time = join_value(ctx, Conflicted::EndTime, a.end_time, b.end_time, true);
    if let (Some(start), Some(end)) = (a.start_time, a.end_time)
        && end < start
    {
        // Only when one file had just a start and the other just an end, in the wrong order.
        ctx.conflict(Conflicted::EndTime, String::new(), end.to_string(), None);
        a.end_time = None;
    }
    if a.language != b.language {
        let (kept, other) = if language_rank(b.language) < language_rank(a.language) {
            (b.language, a.language)
        } else {
            (a.language, b.language)
        };
        ctx.conflict(
            Conflicted::Language,
            format!("{kept:?}"),
            format!("{other:?}"),
            None,
        );
        a.language = kept;
    }
    a.participants = join_value(
        ctx,
        Conflicted::Participants,
        a.participants,
        b.participants,
        true,
    );
    for f in b.facilitators {
        if !a.facilitators.contains(&f) {
            a.facilitators.push(f);
        }
    }
    a.notes = union_lines(&a.notes, &b.notes);
    if a.recording_group != b.recording_group {
        // A merge of several subgroups' copies records no single group any more.
        a.recording_group = None;
    }
    ctx.language = a.language;
    merge_list(&mut a.groups, b.groups, ctx);
    merge_list(&mut a.agenda, b.agenda, ctx);
    sync_other_versions(&mut a.agenda);
    a
}

/// Gives every other version of an item the options of the item it is a version of.
///
/// An other version is made from whatever its file held, and a file that is itself a merge
/// may hold options added on a third laptop; without this, merging A with B and then C could
/// give the other version fewer options than merging B with C first. Option labels that
/// differ are conflicts of their own, kept in the original item, so the other version needs
/// only its wording and kind; options added to it by hand are left alone.
fn sync_other_versions(agenda: &mut [Item]) {
    let index: HashMap<Id, usize> = agenda.iter().enumerate().map(|(i, x)| (x.id, i)).collect();
    for y in 0..agenda.len() {
        let copy = &agenda[y];
        let Some(text) = [Language::Nl, Language::En]
            .into_iter()
            .find_map(|l| copy.text.strip_prefix(marker(l)))
        else {
            continue;
        };
        // derived_id is an XOR, so the original's id comes back the same way.
        let original = Id(copy.id.0 ^ fnv(item_key(copy.kind, text).as_bytes()));
        let Some(&x) = index.get(&original).filter(|&&x| x != y) else {
            continue;
        };
        let options = agenda[x].options.clone();
        let copy = &mut agenda[y];
        for o in options {
            let id = child_id(copy.id, o.id);
            match copy.options.iter_mut().find(|p| p.id == id) {
                Some(p) => p.label = o.label,
                None => copy.options.push(ResponseOption { id, label: o.label }),
            }
        }
    }
}

fn item_key(kind: ItemKind, text: &str) -> String {
    format!("{kind:?}\u{1f}{text}")
}

fn language_rank(l: Language) -> usize {
    match l {
        Language::Nl => 0,
        Language::En => 1,
    }
}

/// Empty is filled in; two different texts keep the one that sorts first.
fn join_text(ctx: &mut Ctx, what: Conflicted, a: String, b: String) -> String {
    if a == b || b.is_empty() {
        a
    } else if a.is_empty() {
        b
    } else {
        let (kept, other) = if b < a { (b, a) } else { (a, b) };
        ctx.conflict(
            what,
            super::shorten::title(&kept),
            super::shorten::title(&other),
            None,
        );
        kept
    }
}

/// `None` is filled in; two different values keep the smaller, or the larger with `larger`.
fn join_value<T: Ord + fmt::Display>(
    ctx: &mut Ctx,
    what: Conflicted,
    a: Option<T>,
    b: Option<T>,
    larger: bool,
) -> Option<T> {
    match (a, b) {
        (Some(a), Some(b)) if a != b => {
            let (kept, other) = if (b < a) != larger { (b, a) } else { (a, b) };
            ctx.conflict(what, kept.to_string(), other.to_string(), None);
            Some(kept)
        }
        (a, b) => a.or(b),
    }
}

/// `a`'s lines, then those of `b`'s that `a` lacks: notes written on two laptops both stay.
fn union_lines(a: &str, b: &str) -> String {
    if a == b || b.trim().is_empty() {
        return a.to_string();
    }
    if a.trim().is_empty() {
        return b.to_string();
    }
    let have: HashSet<&str> = a.lines().map(str::trim_end).collect();
    let mut out = a.trim_end().to_string();
    for line in b.lines().map(str::trim_end) {
        if !line.trim().is_empty() && !have.contains(line) && !out.lines().any(|l| l == line) {
            out.push('\n');
            out.push_str(line);
        }
    }
    out
}

/// An id for the other version of record `id` with content `key`: the same in every merge
/// that meets this conflict, so merging in any order gives the same file.
///
/// The id is `id` XOR a hash of the content, and the records inside an item's other version
/// get their ids by XOR with a hash of that version's id ([`child_id`]). XOR makes the two
/// derivations commute: an option that conflicted inside an item that later conflicted as a
/// whole gets the same id whichever conflict a merge met first. FNV-1a, written out so the
/// value never changes with the compiler.
fn derived_id(id: Id, key: &str) -> Id {
    nonzero(id.0 ^ fnv(key.as_bytes()))
}

/// The id of record `child` inside the other version `copy` of its parent.
fn child_id(copy: Id, child: Id) -> Id {
    nonzero(child.0 ^ fnv(&copy.0.to_le_bytes()))
}

fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        h ^= u64::from(*byte);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Id 0 is never handed out; a derivation that lands on it (one chance in 2^64) takes 1.
fn nonzero(id: u64) -> Id {
    Id(id.max(1))
}

/// A record matched by id when merging.
trait Rec: Clone + fmt::Debug {
    const WHAT: Conflicted;
    fn id(&self) -> Id;
    /// The content two versions must share to be one record. Children and flags that are
    /// united rather than compared are left out.
    fn key(&self) -> String;
    /// The text that names the record and is marked on its other version.
    fn text(&self) -> &str;
    /// A short text for the conflict list.
    fn label(&self) -> String {
        super::shorten::title(self.text())
    }
    /// Unites flags of a version with the same key (a highlight on one laptop stays).
    fn join_same(&mut self, _other: &Self) {}
    /// Unites the children of another version with the same id, whatever its key.
    fn absorb(&mut self, _other: Self, _ctx: &mut Ctx) {}
    /// This version under `id`, its text marked.
    fn marked_copy(&self, id: Id, mark: &str) -> Self;
    /// What an other version leaves behind: children and counts stay with the version that
    /// kept the id.
    fn without_children(self) -> Self {
        self
    }
}

/// The parts of [`Rec`] that every record type writes the same way: its kind, its `id` field,
/// and the field that holds its text.
macro_rules! rec_fields {
    ($what:ident, $text:ident) => {
        const WHAT: Conflicted = Conflicted::$what;
        fn id(&self) -> Id {
            self.id
        }
        fn text(&self) -> &str {
            &self.$text
        }
        fn marked_copy(&self, id: Id, mark: &str) -> Self {
            let mut copy = self.clone();
            copy.id = id;
            copy.$text = marked(mark, &self.$text);
            copy
        }
    };
}

/// Unites `other` into `into`; see the module documentation for the rules.
fn merge_list<T: Rec>(into: &mut Vec<T>, other: Vec<T>, ctx: &mut Ctx) {
    let index: HashMap<Id, usize> = into.iter().enumerate().map(|(i, x)| (x.id(), i)).collect();
    // Records new to `into`, by the id of the nearest shared record before them in `other`
    // (`None`: before every shared one).
    let mut anchored: HashMap<Option<Id>, Vec<T>> = HashMap::new();
    let mut anchor = None;
    let mut copies = Vec::new();
    for y in other {
        match index.get(&y.id()) {
            Some(&i) => {
                anchor = Some(y.id());
                if let Some(copy) = join(&mut into[i], y, ctx) {
                    copies.push(copy);
                }
            }
            None => anchored.entry(anchor).or_default().push(y),
        }
    }
    if !anchored.is_empty() {
        let old = std::mem::take(into);
        into.extend(anchored.remove(&None).unwrap_or_default());
        for x in old {
            let id = x.id();
            into.push(x);
            into.extend(anchored.remove(&Some(id)).unwrap_or_default());
        }
    }
    // Other versions go right after the version that kept the id, or join an other version
    // already there (from an earlier merge). Joining can meet a conflict in turn; the bound
    // only guards against a loop that derived ids make impossible in practice.
    let mut rounds = 0;
    while let Some((after, copy)) = copies.pop() {
        rounds += 1;
        if rounds > 10_000 {
            break;
        }
        if let Some(i) = into.iter().position(|x| x.id() == copy.id()) {
            if let Some(next) = join(&mut into[i], copy, ctx) {
                copies.push(next);
            }
        } else {
            let at = into
                .iter()
                .position(|x| x.id() == after)
                .map_or(into.len(), |i| i + 1);
            into.insert(at, copy);
        }
    }
}

/// Joins `y` into `x` (same id). On a conflict returns the id that kept the record and the
/// other version as a record of its own.
fn join<T: Rec>(x: &mut T, mut y: T, ctx: &mut Ctx) -> Option<(Id, T)> {
    let (xk, yk) = (x.key(), y.key());
    if xk == yk {
        x.join_same(&y);
        x.absorb(y, ctx);
        return None;
    }
    let loser_key = if yk < xk {
        std::mem::swap(x, &mut y);
        xk
    } else {
        yk
    };
    let copy = y
        .marked_copy(derived_id(x.id(), &loser_key), marker(ctx.language))
        .without_children();
    ctx.conflict(T::WHAT, x.label(), y.label(), Some(copy.id()));
    x.absorb(y, ctx);
    Some((x.id(), copy))
}

fn marked(mark: &str, text: &str) -> String {
    format!("{mark}{text}")
}

/// [`Rec`] for records with nothing but [`rec_fields`] and their key.
macro_rules! simple_recs {
    ($($ty:ident: $what:ident, $text:ident, |$r:ident| $key:expr;)*) => {$(
        impl Rec for $ty {
            rec_fields!($what, $text);
            fn key(&self) -> String {
                let $r = self;
                $key
            }
        }
    )*};
}

impl Rec for Group {
    rec_fields!(Group, name);
    fn key(&self) -> String {
        self.name.clone()
    }
    /// Sizes are filled in where one laptop counted; of two counts the larger stays.
    fn absorb(&mut self, other: Self, _ctx: &mut Ctx) {
        self.size = self.size.max(other.size);
    }
    fn without_children(self) -> Self {
        Group { size: None, ..self }
    }
}

impl Rec for Item {
    rec_fields!(Item, text);
    fn key(&self) -> String {
        item_key(self.kind, &self.text)
    }
    fn absorb(&mut self, other: Self, ctx: &mut Ctx) {
        let outer = std::mem::replace(
            &mut ctx.place,
            format!("“{}”", super::shorten::title(&self.text)),
        );
        self.notes = union_lines(&self.notes, &other.notes);
        self.planned_minutes = self.planned_minutes.max(other.planned_minutes);
        merge_list(&mut self.options, other.options, ctx);
        merge_list(&mut self.rounds, other.rounds, ctx);
        merge_list(&mut self.proposals, other.proposals, ctx);
        merge_list(&mut self.commitments, other.commitments, ctx);
        merge_list(&mut self.themes, other.themes, ctx);
        merge_list(&mut self.statements, other.statements, ctx);
        ctx.place = outer;
    }
    /// The wording and options of the other version, with one empty round: the recorded data
    /// stays with the version that kept the id, where every tally's option still exists. The
    /// round has no label (reports call it round 1) and an id from the copy's alone, so two
    /// merges that make this copy from differently merged versions still make the same round.
    fn without_children(self) -> Self {
        let id = self.id;
        Item {
            options: self
                .options
                .iter()
                .map(|o| ResponseOption {
                    id: child_id(id, o.id),
                    label: o.label.clone(),
                })
                .collect(),
            notes: String::new(),
            planned_minutes: None,
            rounds: vec![Round::new(derived_id(id, "round"), String::new())],
            proposals: Vec::new(),
            commitments: Vec::new(),
            themes: Vec::new(),
            statements: Vec::new(),
            ..self
        }
    }
}

// Records whose other version is the same record with its text marked.
simple_recs! {
    ResponseOption: Option, label, |o| o.label.clone();
    Action: Action, text, |a| format!("{}\u{1f}{}\u{1f}{:?}", a.text, a.owner, a.due);
    Feedback: Feedback, text, |f| format!("{:?}\u{1f}{}", f.from_group, f.text);
    Theme: Theme, name, |t| t.name.clone();
    Statement: Statement, text, |s| format!("{}\u{1f}{:?}\u{1f}{}", s.theme, s.group, s.text);
}

impl Rec for Round {
    rec_fields!(Round, label);
    /// Rounds never split in two: a different label is a conflict on a single value, so a
    /// round never gets an other version.
    fn key(&self) -> String {
        String::new()
    }
    fn absorb(&mut self, other: Self, ctx: &mut Ctx) {
        let label = std::mem::take(&mut self.label);
        self.label = join_text(ctx, Conflicted::Round, label, other.label);
        self.started = match (self.started, other.started) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        self.ended = self.ended.max(other.ended);
        for t in other.tallies {
            match self
                .tallies
                .iter_mut()
                .find(|x| x.option == t.option && x.group == t.group)
            {
                Some(x) if x.count != t.count => {
                    let (kept, other) = (x.count.max(t.count), x.count.min(t.count));
                    ctx.conflict(
                        Conflicted::Tally,
                        format!("{kept} in {}", self.label),
                        other.to_string(),
                        None,
                    );
                    x.count = kept;
                }
                Some(_) => {}
                None => self.tallies.push(t),
            }
        }
        merge_list(&mut self.reactions, other.reactions, ctx);
    }
    fn without_children(self) -> Self {
        Round::new(self.id, self.label)
    }
}

impl Rec for Reaction {
    rec_fields!(Reaction, text);
    fn key(&self) -> String {
        let Reaction {
            id: _,
            text,
            stance,
            group,
            by,
            time,
            highlighted: _,
        } = self;
        format!("{text}\u{1f}{stance:?}\u{1f}{group:?}\u{1f}{by:?}\u{1f}{time:?}")
    }
    fn join_same(&mut self, other: &Self) {
        self.highlighted |= other.highlighted;
    }
}

impl Rec for Proposal {
    rec_fields!(Proposal, title);
    fn key(&self) -> String {
        format!(
            "{:?}\u{1f}{}\u{1f}{}",
            self.group, self.title, self.description
        )
    }
    fn absorb(&mut self, other: Self, ctx: &mut Ctx) {
        merge_list(&mut self.actions, other.actions, ctx);
        merge_list(&mut self.feedback, other.feedback, ctx);
    }
    fn without_children(self) -> Self {
        Proposal {
            actions: Vec::new(),
            feedback: Vec::new(),
            ..self
        }
    }
}

impl Rec for Commitment {
    rec_fields!(Commitment, action);
    fn key(&self) -> String {
        format!(
            "{}\u{1f}{}\u{1f}{}\u{1f}{:?}\u{1f}{:?}",
            self.person, self.organisation, self.action, self.start, self.follow_up
        )
    }
    fn label(&self) -> String {
        super::shorten::title(&format!("{}: {}", self.person, self.action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prepared() -> Session {
        let mut s = Session::new("Werkconferentie", Language::Nl);
        for name in ["A", "B"] {
            s.groups.push(Group {
                id: s.fresh_id(),
                name: name.into(),
                size: None,
            });
        }
        let item = Item::new(&s, ItemKind::Proposition, "Samen één route.");
        s.agenda.push(item);
        s
    }

    #[test]
    fn split_marks_each_copy_with_its_group() {
        let s = prepared();
        let copies = split(&s);
        assert_eq!(copies.len(), 2);
        for (copy, g) in copies.iter().zip(&s.groups) {
            assert_eq!(copy.recording_group, Some(g.id));
            assert_eq!(copy.id, s.id);
        }
        assert!(split(&Session::new("Zonder groepen", Language::Nl)).is_empty());
    }

    #[test]
    fn a_session_merged_with_itself_is_unchanged() {
        let s = prepared();
        let m = merge(&[s.clone(), s.clone()], false).unwrap();
        assert_eq!(m.session, s);
        assert!(m.conflicts.is_empty());
    }

    #[test]
    fn the_same_count_twice_is_the_larger_not_the_sum() {
        let s = prepared();
        let (item, round) = (s.agenda[0].id, s.agenda[0].rounds[0].id);
        let option = s.agenda[0].options[0].id;
        let g = Some(s.groups[0].id);
        let mut a = s.clone();
        let mut b = s.clone();
        let tally = |n| crate::model::Change::Tally {
            item,
            round,
            option,
            group: g,
            delta: n,
        };
        a.apply(tally(5)).unwrap();
        b.apply(tally(7)).unwrap();
        let m = merge(&[a, b], false).unwrap();
        assert_eq!(m.session.agenda[0].rounds[0].total(option), 7);
        assert_eq!(m.conflicts.len(), 1);
        assert_eq!(m.conflicts[0].what, Conflicted::Tally);
    }

    #[test]
    fn unrelated_sessions_need_force() {
        let a = prepared();
        let b = prepared();
        let err = merge(&[a.clone(), b.clone()], false).unwrap_err();
        assert!(matches!(
            err,
            MergeError::DifferentSessions { index: 1, .. }
        ));
        let m = merge(&[a, b], true).unwrap();
        assert_eq!(m.session.agenda.len(), 2);
        assert_eq!(merge(&[], false), Err(MergeError::NoSessions));
    }

    #[test]
    fn notes_are_united_line_by_line() {
        assert_eq!(union_lines("a\nb", "b\nc"), "a\nb\nc");
        assert_eq!(union_lines("", "c"), "c");
        assert_eq!(union_lines("a\n\na", "a\n\na"), "a\n\na");
    }
}
