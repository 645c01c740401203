//! The session and everything recorded in it. Plain data that serialises to RON; changes go
//! through [`crate::model::Change`] so invariants hold and every change can be undone.

use super::Id;
use chrono::{Months, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

pub use super::dates::Timestamp;

/// The file format version this build writes. Older files are migrated, newer ones refused.
pub const FORMAT_VERSION: u32 = 1;

/// One event: a workshop, a conference, an online meeting.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub version: u32,
    /// Shared by every copy handed out from the same prepared session (see merge).
    pub id: Id,
    pub title: String,
    #[serde(default, deserialize_with = "super::dates::option_date")]
    pub date: Option<NaiveDate>,
    #[serde(default)]
    pub start_time: Option<NaiveTime>,
    #[serde(default)]
    pub end_time: Option<NaiveTime>,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub facilitators: Vec<String>,
    #[serde(default)]
    pub language: Language,
    /// How many people took part, for the report; `None` when nobody counted.
    #[serde(default)]
    pub participants: Option<u32>,
    #[serde(default)]
    pub groups: Vec<Group>,
    #[serde(default)]
    pub agenda: Vec<Item>,
    #[serde(default)]
    pub notes: String,
    /// The group this copy records, when it was handed out to one subgroup's facilitator (see
    /// [`crate::model::merge::split`]): new tallies, reactions, statements and proposals on that
    /// laptop default to it. Left out of the file when `None`, so files without it still load
    /// and whole-room sessions read as before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recording_group: Option<Id>,
}

/// The language the room sees: the beamer and the report speak it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    #[default]
    Nl,
    En,
}

impl Language {
    /// The language's code, as HTML's `lang` and a PDF's metadata write it.
    pub fn code(self) -> &'static str {
        match self {
            Language::Nl => "nl",
            Language::En => "en",
        }
    }
}

/// A table, subgroup or municipality that reacts as a unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: Id,
    pub name: String,
    #[serde(default)]
    pub size: Option<u32>,
}

/// What an agenda item asks of the room, which decides how reactions are captured.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ItemKind {
    /// A statement to vote on with response options.
    #[default]
    Proposition,
    /// An open prompt: reactions only.
    Question,
    /// Groups write improvement proposals with actions; other groups give feedback.
    Proposals,
    /// Who does what from when, with a follow-up date.
    Commitments,
    /// One-line statements per theme per group.
    Statements,
    /// A slide with text only.
    Info,
}

impl ItemKind {
    pub const ALL: [ItemKind; 6] = [
        ItemKind::Proposition,
        ItemKind::Question,
        ItemKind::Proposals,
        ItemKind::Commitments,
        ItemKind::Statements,
        ItemKind::Info,
    ];
}

/// One agenda entry. A flat record rather than an enum per kind, so changing an item's kind
/// while preparing never throws recorded data away.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: Id,
    pub kind: ItemKind,
    /// The proposition, question or slide text as the room sees it.
    pub text: String,
    /// Response options of a proposition, in key order (key 1 is the first).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<ResponseOption>,
    /// For the facilitator only; never on the beamer or in the report.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_minutes: Option<u32>,
    /// Passes over the item; there is always at least one.
    #[serde(default)]
    pub rounds: Vec<Round>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub proposals: Vec<Proposal>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub commitments: Vec<Commitment>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<Theme>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statements: Vec<Statement>,
}

/// One answer people can give to a proposition ("eens", "oneens", "twijfel", "7").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResponseOption {
    pub id: Id,
    pub label: String,
}

/// One pass over an item, e.g. before and after the discussion.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Round {
    pub id: Id,
    pub label: String,
    #[serde(default, deserialize_with = "super::dates::option_timestamp")]
    pub started: Option<Timestamp>,
    #[serde(default, deserialize_with = "super::dates::option_timestamp")]
    pub ended: Option<Timestamp>,
    /// Counts per option; an entry with a group counts that group's hands, one without counts
    /// hands not attributed to a group. An option's total is the sum of its entries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tallies: Vec<Tally>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reactions: Vec<Reaction>,
    /// The phones' answers, one per device (see [`super::ballots`]); counted on top of the
    /// hands in `tallies`. Left out of the file while empty, so older files read as before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ballots: Vec<super::ballots::Ballot>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tally {
    pub option: Id,
    #[serde(default)]
    pub group: Option<Id>,
    pub count: u32,
}

impl Tally {
    pub fn new(option: Id, group: Option<Id>, count: u32) -> Self {
        Tally {
            option,
            group,
            count,
        }
    }
}

/// Where a reaction stands relative to the prompt.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum Stance {
    For,
    Against,
    #[default]
    Neutral,
    Question,
}

impl Stance {
    pub const ALL: [Stance; 4] = [
        Stance::For,
        Stance::Against,
        Stance::Neutral,
        Stance::Question,
    ];
}

/// Something a participant said or typed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reaction {
    pub id: Id,
    pub text: String,
    #[serde(default)]
    pub stance: Stance,
    #[serde(default)]
    pub group: Option<Id>,
    /// Name or role, only when the participant agreed to be named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    #[serde(default, deserialize_with = "super::dates::option_timestamp")]
    pub time: Option<Timestamp>,
    /// Left out of the file while false: most reactions are not highlighted.
    #[serde(default, skip_serializing_if = "is_false")]
    pub highlighted: bool,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// An improvement proposal written by one group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Proposal {
    pub id: Id,
    #[serde(default)]
    pub group: Option<Id>,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub actions: Vec<Action>,
    /// Carousel feedback from other groups.
    #[serde(default)]
    pub feedback: Vec<Feedback>,
}

/// A concrete step with someone who owns it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub id: Id,
    pub text: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default, deserialize_with = "super::dates::option_date")]
    pub due: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feedback {
    pub id: Id,
    #[serde(default)]
    pub from_group: Option<Id>,
    pub text: String,
}

/// A personal promise to act, followed up later by the organisers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Commitment {
    pub id: Id,
    pub person: String,
    #[serde(default)]
    pub organisation: String,
    pub action: String,
    #[serde(default, deserialize_with = "super::dates::option_date")]
    pub start: Option<NaiveDate>,
    #[serde(default, deserialize_with = "super::dates::option_date")]
    pub follow_up: Option<NaiveDate>,
}

impl Commitment {
    /// The organisers check back two months after the start unless told otherwise.
    pub fn default_follow_up(start: NaiveDate) -> Option<NaiveDate> {
        start.checked_add_months(Months::new(2))
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub id: Id,
    pub name: String,
}

/// A one-line statement a group produced for a theme.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    pub id: Id,
    pub theme: Id,
    #[serde(default)]
    pub group: Option<Id>,
    pub text: String,
}

impl Session {
    /// An empty session with a fresh id.
    pub fn new(title: impl Into<String>, language: Language) -> Self {
        Session {
            version: FORMAT_VERSION,
            id: Id::random(),
            title: title.into(),
            date: None,
            start_time: None,
            end_time: None,
            place: String::new(),
            facilitators: Vec::new(),
            language,
            participants: None,
            groups: Vec::new(),
            agenda: Vec::new(),
            notes: String::new(),
            recording_group: None,
        }
    }

    pub fn item(&self, id: Id) -> Option<&Item> {
        self.agenda.iter().find(|i| i.id == id)
    }

    pub fn item_index(&self, id: Id) -> Option<usize> {
        self.agenda.iter().position(|i| i.id == id)
    }

    pub fn group(&self, id: Id) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// The group's name, or an empty string for a reference that no longer resolves.
    pub fn group_name(&self, id: Option<Id>) -> &str {
        id.and_then(|id| self.group(id))
            .map(|g| g.name.as_str())
            .unwrap_or("")
    }

    /// A fresh id that no record in this session uses yet.
    pub fn fresh_id(&self) -> Id {
        let used = self.all_ids();
        loop {
            let id = Id::random();
            if !used.contains(&id) {
                return id;
            }
        }
    }

    /// Every id in the session, in file order; duplicates appear twice.
    pub fn all_ids(&self) -> Vec<Id> {
        let mut ids = vec![self.id];
        ids.extend(self.groups.iter().map(|g| g.id));
        for item in &self.agenda {
            item.collect_ids(&mut ids);
        }
        ids
    }
}

impl Item {
    /// A new item of the given kind with one round; propositions get the default options.
    pub fn new(session: &Session, kind: ItemKind, text: impl Into<String>) -> Self {
        Item::with_ids(&mut IdSource::new(session), session.language, kind, text)
    }

    /// Like [`Item::new`], with ids from `ids`: a list of thousands of lines shares one source
    /// instead of collecting the session's ids again for every item.
    pub fn with_ids(
        ids: &mut IdSource,
        language: Language,
        kind: ItemKind,
        text: impl Into<String>,
    ) -> Self {
        let mut item = Item {
            id: ids.fresh(),
            kind,
            text: text.into(),
            options: Vec::new(),
            notes: String::new(),
            planned_minutes: None,
            rounds: Vec::new(),
            proposals: Vec::new(),
            commitments: Vec::new(),
            themes: Vec::new(),
            statements: Vec::new(),
        };
        if kind == ItemKind::Proposition {
            item.options = super::words::words(language)
                .session
                .default_options
                .iter()
                .map(|label| ResponseOption {
                    id: ids.fresh(),
                    label: (*label).to_string(),
                })
                .collect();
        }
        item.rounds.push(Round::new(
            ids.fresh(),
            (super::words::words(language).session.round)(1),
        ));
        item
    }

    /// Every id inside this item, itself included.
    pub fn collect_ids(&self, ids: &mut Vec<Id>) {
        ids.push(self.id);
        ids.extend(self.options.iter().map(|o| o.id));
        for round in &self.rounds {
            ids.push(round.id);
            ids.extend(round.reactions.iter().map(|r| r.id));
        }
        for p in &self.proposals {
            ids.push(p.id);
            ids.extend(p.actions.iter().map(|a| a.id));
            ids.extend(p.feedback.iter().map(|f| f.id));
        }
        ids.extend(self.commitments.iter().map(|c| c.id));
        ids.extend(self.themes.iter().map(|t| t.id));
        ids.extend(self.statements.iter().map(|s| s.id));
    }

    pub fn round(&self, id: Id) -> Option<&Round> {
        self.rounds.iter().find(|r| r.id == id)
    }

    /// The round before round `id`, the one its shifts are measured against.
    pub fn round_before(&self, id: Id) -> Option<&Round> {
        let index = self.rounds.iter().position(|r| r.id == id)?;
        index.checked_sub(1).map(|i| &self.rounds[i])
    }

    pub fn option_index(&self, id: Id) -> Option<usize> {
        self.options.iter().position(|o| o.id == id)
    }

    /// Reactions of every round, in order.
    pub fn reactions(&self) -> impl Iterator<Item = &Reaction> {
        self.rounds.iter().flat_map(|r| r.reactions.iter())
    }
}

impl Round {
    pub fn new(id: Id, label: impl Into<String>) -> Self {
        Round {
            id,
            label: label.into(),
            started: None,
            ended: None,
            tallies: Vec::new(),
            reactions: Vec::new(),
            ballots: Vec::new(),
        }
    }

    /// Total count for one option over all groups, hands plus phones. Sums are `u64`: counts
    /// are `u32`, and a hand-edited file may hold several near the maximum.
    pub fn total(&self, option: Id) -> u64 {
        self.hand_total(option) + self.phone_total(option)
    }

    /// Hands counted for one option over all groups.
    pub fn hand_total(&self, option: Id) -> u64 {
        self.tallies
            .iter()
            .filter(|t| t.option == option)
            .map(|t| u64::from(t.count))
            .sum()
    }

    /// Hands counted for one option within one group (`None`: not attributed to a group).
    pub fn hand_count(&self, option: Id, group: Option<Id>) -> u32 {
        self.tallies
            .iter()
            .find(|t| t.option == option && t.group == group)
            .map_or(0, |t| t.count)
    }

    /// Count for one option within one group (`None`: not attributed to a group), hands plus
    /// phones.
    pub fn count(&self, option: Id, group: Option<Id>) -> u64 {
        u64::from(self.hand_count(option, group)) + self.phone_count(option, group)
    }

    /// All answers in this round, hands plus phones.
    pub fn answers(&self) -> u64 {
        self.hand_answers() + self.phone_answers()
    }

    /// All answers within one group, hands plus phones.
    pub fn group_answers(&self, group: Option<Id>) -> u64 {
        self.tallies
            .iter()
            .filter(|t| t.group == group)
            .map(|t| u64::from(t.count))
            .sum::<u64>()
            + self.ballots.iter().filter(|b| b.group == group).count() as u64
    }
}

/// Hands out ids unused in a session, also across several new records made at once.
pub struct IdSource {
    used: std::collections::HashSet<Id>,
}

impl IdSource {
    pub fn new(session: &Session) -> Self {
        IdSource {
            used: session.all_ids().into_iter().collect(),
        }
    }

    pub fn reserve(&mut self, id: Id) {
        self.used.insert(id);
    }

    pub fn fresh(&mut self) -> Id {
        loop {
            let id = Id::random();
            if self.used.insert(id) {
                return id;
            }
        }
    }
}

/// Session details edited together in the details form.
#[derive(Clone, Debug, PartialEq)]
pub struct Details {
    pub title: String,
    pub date: Option<chrono::NaiveDate>,
    pub start_time: Option<chrono::NaiveTime>,
    pub end_time: Option<chrono::NaiveTime>,
    pub place: String,
    pub facilitators: Vec<String>,
    pub language: Language,
    pub participants: Option<u32>,
    pub notes: String,
}

/// A record that lives in an item's lists other than rounds.
#[derive(Clone, Debug, PartialEq)]
pub enum Record {
    Proposal(Proposal),
    Commitment(Commitment),
    Theme(Theme),
    Statement(Statement),
}
