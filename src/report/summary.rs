//! The report model: what a report says, worked out once from a session, so that every format
//! (Markdown, HTML, CSV, ICS) counts, rounds, orders and leaves out the same way and only
//! decides how to write it down.
//!
//! [`summary`] is a pure function from a [`Session`] to a plain [`Summary`]. Text in it is the
//! participants' raw text (trimmed, or joined to one line where a format needs one line), never
//! escaped: escaping belongs to the format. Counting is in `u64` so no file can overflow a sum,
//! and shares are [`Share`]s: tenths of a percent, rounded together so an item's parts add up to
//! 100.0 %, the same numbers the presenter and the beamer show.

use super::bidi;
use super::labels::{Labels, labels};
use crate::model::{
    Commitment, Decimal, Id, Item, ItemKind, Proposal, Reaction, ResponseOption, Round, Session,
    Share, Stance, Statement, Theme, group_shares, round_shares,
};
use chrono::NaiveDate;

/// Everything a report shows, in the order it shows it.
pub struct Summary<'a> {
    pub session: &'a Session,
    pub labels: &'static Labels,
    /// The session title on one line, or the word "report" when it has none.
    pub title: String,
    /// Session details that have a value, as (label, one-line raw value).
    pub details: Vec<(&'static str, String)>,
    pub items: Vec<ItemSummary<'a>>,
    /// The propositions from most shared agreement to most divided; `None` when no item
    /// shows votes (a session without propositions has nothing to rank).
    pub ranking: Option<Ranking<'a>>,
    /// Every action and commitment, by date; undated last; agenda order within a date.
    pub todos: Vec<Todo<'a>>,
}

pub struct ItemSummary<'a> {
    /// 1-based position in the agenda.
    pub number: usize,
    pub item: &'a Item,
    /// Tallies per round; empty when the item shows no votes.
    pub rounds: Vec<RoundTally<'a>>,
    /// Shifts between consecutive rounds that both have answers.
    pub shifts: Vec<Shift<'a>>,
    /// Reactions with text, by stance in [`Stance::ALL`] order (stances without any left out),
    /// highlighted ones first, otherwise in recorded order.
    pub reactions: Vec<(Stance, Vec<ReactionEntry<'a>>)>,
    pub any_highlighted: bool,
    pub proposals: Vec<ProposalSummary<'a>>,
    pub commitments: &'a [Commitment],
    /// Per theme in the item's order, then statements whose theme is unknown (`None`);
    /// themes without statements left out. Within a theme: by group in session order.
    pub statements: Vec<(Option<&'a Theme>, Vec<StatementEntry<'a>>)>,
}

/// The counts of one round.
pub struct RoundTally<'a> {
    pub round: &'a Round,
    /// 1-based position of the round in its item.
    pub number: usize,
    /// The round's label on one line, or "Round 2" when it has none.
    pub label: String,
    /// All answers in the round.
    pub total: u64,
    /// Of `total`, the answers from phones and those counted by hand.
    pub phones: u64,
    pub hands: u64,
    /// Per-group columns: each group in session order, then hands not attributed to a group if
    /// any. Empty when the round was not counted per group.
    pub columns: Vec<GroupColumn<'a>>,
    pub options: Vec<OptionTally<'a>>,
}

pub struct GroupColumn<'a> {
    /// `None`: hands not attributed to a group.
    pub group: Option<Id>,
    /// The group's name as given, or the "no group" label.
    pub name: &'a str,
    /// All answers within this column.
    pub total: u64,
}

pub struct OptionTally<'a> {
    pub option: &'a ResponseOption,
    pub count: u64,
    /// Share of all answers in the round, in tenths of a percent, as every surface shows it.
    pub tenths: u64,
    /// Count per entry of [`RoundTally::columns`].
    pub per_group: Vec<u64>,
    /// Share within each entry of [`RoundTally::columns`], in tenths of a percent.
    pub group_tenths: Vec<u64>,
}

/// How the shares moved from one round to the next.
pub struct Shift<'a> {
    pub from: String,
    pub to: String,
    /// Per option: (option, share before, share after), in tenths of a percent, as shown in
    /// the two rounds' tallies.
    pub options: Vec<(&'a ResponseOption, u64, u64)>,
}

pub struct ReactionEntry<'a> {
    pub reaction: &'a Reaction,
    /// The group's name on one line, empty when none.
    pub group: String,
    /// The label of the round it was given in, only when the item has several rounds.
    pub round: Option<String>,
}

pub struct ProposalSummary<'a> {
    pub proposal: &'a Proposal,
    /// "Title (Group)" on one line; "Proposal 2" when untitled.
    pub title: String,
    /// Feedback with text, as (one-line group name or empty, feedback).
    pub feedback: Vec<(String, &'a crate::model::Feedback)>,
}

pub struct StatementEntry<'a> {
    pub statement: &'a Statement,
    /// The group's name on one line; empty when none or unknown.
    pub group: String,
}

/// One line of the closing overview.
pub struct Todo<'a> {
    pub date: Option<NaiveDate>,
    pub action: &'a str,
    /// The action's owner or the committed person, raw.
    pub owner: &'a str,
    /// The committed person's organisation, raw; empty for proposal actions.
    pub organisation: &'a str,
    /// Where it comes from: a proposal's "Title (Group)", or `None` for a commitment.
    pub proposal: Option<String>,
}

impl Todo<'_> {
    /// "Owner (organisation)", or whichever of the two is given, each through `clean` (one
    /// line, or escaped for the format).
    pub fn who(&self, clean: impl Fn(&str) -> String) -> String {
        let (owner, org) = (clean(self.owner), clean(self.organisation));
        match (owner.is_empty(), org.is_empty()) {
            (_, true) => owner,
            (true, false) => org,
            (false, false) => format!("{owner} ({org})"),
        }
    }

    /// Where it comes from: "Proposal: title" (the title through `clean`) or "Commitment
    /// (follow-up)".
    pub fn source(&self, l: &Labels, clean: impl Fn(&str) -> String) -> String {
        match &self.proposal {
            Some(title) => format!("{}: {}", l.proposal, clean(title)),
            None => format!("{} ({})", l.commitment, l.follow_up.to_lowercase()),
        }
    }
}

/// "Owner: …; Due: …" for an action, the owner through `clean`; empty when it has neither.
pub fn action_details(
    l: &Labels,
    a: &crate::model::Action,
    clean: impl Fn(&str) -> String,
) -> String {
    let mut meta = Vec::new();
    let owner = clean(&a.owner);
    if !owner.is_empty() {
        meta.push(format!("{}: {owner}", l.owner));
    }
    if let Some(due) = a.due {
        meta.push(format!("{}: {}", l.due, l.format_date(due)));
    }
    meta.join("; ")
}

/// The report model of a session.
pub fn summary(session: &Session) -> Summary<'_> {
    let l = labels(session.language);
    let title = single_line(&session.title);
    let items: Vec<ItemSummary<'_>> = session
        .agenda
        .iter()
        .enumerate()
        .map(|(i, item)| item_summary(session, l, i + 1, item))
        .collect();
    Summary {
        session,
        labels: l,
        title: if title.is_empty() {
            l.report.to_string()
        } else {
            title
        },
        details: details(session, l),
        ranking: ranking(session, &items),
        items,
        todos: todos(session, l),
    }
}

fn details(s: &Session, l: &Labels) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let mut add = |label: &'static str, value: String| {
        if !value.is_empty() {
            out.push((label, value));
        }
    };
    add(l.date, s.date.map(|d| l.format_date(d)).unwrap_or_default());
    add(
        l.time,
        match (s.start_time, s.end_time) {
            (Some(a), Some(b)) => format!("{}–{}", a.format("%H:%M"), b.format("%H:%M")),
            (Some(a), None) => a.format("%H:%M").to_string(),
            (None, Some(b)) => format!("– {}", b.format("%H:%M")),
            (None, None) => String::new(),
        },
    );
    add(l.place, single_line(&s.place));
    add(
        l.facilitators,
        join(s.facilitators.iter().map(|f| single_line(f))),
    );
    add(
        l.participants,
        s.participants.map(|n| n.to_string()).unwrap_or_default(),
    );
    add(
        l.groups,
        join(s.groups.iter().map(|g| {
            let name = single_line(&g.name);
            match g.size {
                Some(size) => format!("{name} ({size})"),
                None => name,
            }
        })),
    );
    out
}

fn join(parts: impl Iterator<Item = String>) -> String {
    parts
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

fn item_summary<'a>(
    s: &'a Session,
    l: &'static Labels,
    number: usize,
    item: &'a Item,
) -> ItemSummary<'a> {
    // Votes are shown for propositions, and for any other item that has them recorded (its
    // kind was changed after voting), so no count ever disappears from the report.
    let has_tallies = item.rounds.iter().any(|r| r.has_answers());
    let shows_votes =
        !item.options.is_empty() && (item.kind == ItemKind::Proposition || has_tallies);
    let (rounds, shifts) = if shows_votes {
        (
            item.rounds
                .iter()
                .enumerate()
                .map(|(i, r)| round_tally(s, l, item, r, i + 1))
                .collect(),
            shifts(l, item),
        )
    } else {
        (Vec::new(), Vec::new())
    };
    let reactions = reactions(s, l, item);
    ItemSummary {
        number,
        item,
        rounds,
        shifts,
        any_highlighted: reactions
            .iter()
            .any(|(_, rs)| rs.iter().any(|r| r.reaction.highlighted)),
        reactions,
        proposals: item
            .proposals
            .iter()
            .enumerate()
            .map(|(i, p)| ProposalSummary {
                proposal: p,
                title: proposal_title(s, l, i + 1, p),
                feedback: p
                    .feedback
                    .iter()
                    .filter(|f| !f.text.trim().is_empty())
                    .map(|f| (single_line(s.group_name(f.from_group)), f))
                    .collect(),
            })
            .collect(),
        commitments: &item.commitments,
        statements: statements(s, item),
    }
}

/// The round's label on one line, or "Round 2" when it has none.
pub fn round_label(l: &Labels, round: &Round, number: usize) -> String {
    let label = single_line(&round.label);
    if label.is_empty() {
        (l.round)(number)
    } else {
        label
    }
}

fn round_tally<'a>(
    s: &'a Session,
    l: &'static Labels,
    item: &'a Item,
    round: &'a Round,
    number: usize,
) -> RoundTally<'a> {
    let total = answers(round);
    let per_group = !s.groups.is_empty()
        && (round.tallies.iter().any(|t| t.group.is_some())
            || round.ballots.iter().any(|b| b.group.is_some()));
    let mut columns: Vec<GroupColumn<'a>> = Vec::new();
    if per_group {
        columns.extend(s.groups.iter().map(|g| GroupColumn {
            group: Some(g.id),
            name: &g.name,
            total: 0,
        }));
        if round.tallies.iter().any(|t| t.group.is_none())
            || round.ballots.iter().any(|b| b.group.is_none())
        {
            columns.push(GroupColumn {
                group: None,
                name: l.no_group,
                total: 0,
            });
        }
    }
    for c in &mut columns {
        c.total = round.group_answers(c.group);
    }
    let shares = round_shares(round, &item.options);
    let by_group: Vec<Vec<Share>> = columns
        .iter()
        .map(|c| group_shares(round, &item.options, c.group))
        .collect();
    let options = item
        .options
        .iter()
        .zip(shares)
        .enumerate()
        .map(|(i, (option, share))| OptionTally {
            option,
            count: share.count,
            tenths: share.tenths(),
            per_group: by_group.iter().map(|g| g[i].count).collect(),
            group_tenths: by_group.iter().map(|g| g[i].tenths()).collect(),
        })
        .collect();
    RoundTally {
        round,
        number,
        label: round_label(l, round, number),
        total,
        phones: round.phone_answers(),
        hands: round.hand_answers(),
        columns,
        options,
    }
}

fn shifts<'a>(l: &Labels, item: &'a Item) -> Vec<Shift<'a>> {
    let mut out = Vec::new();
    for (index, pair) in item.rounds.windows(2).enumerate() {
        let (before, after) = (&pair[0], &pair[1]);
        let (total_before, total_after) = (answers(before), answers(after));
        if total_before == 0 || total_after == 0 {
            continue; // a shift from or to nobody says nothing
        }
        out.push(Shift {
            from: round_label(l, before, index + 1),
            to: round_label(l, after, index + 2),
            options: item
                .options
                .iter()
                .zip(round_shares(before, &item.options))
                .zip(round_shares(after, &item.options))
                .map(|((o, b), a)| (o, b.tenths(), a.tenths()))
                .collect(),
        });
    }
    out
}

fn reactions<'a>(s: &Session, l: &Labels, item: &'a Item) -> Vec<(Stance, Vec<ReactionEntry<'a>>)> {
    let several = item.rounds.len() > 1;
    let all: Vec<(usize, &Reaction)> = item
        .rounds
        .iter()
        .enumerate()
        .flat_map(|(i, r)| r.reactions.iter().map(move |x| (i, x)))
        .filter(|(_, r)| !r.text.trim().is_empty())
        .collect();
    let mut out = Vec::new();
    for stance in Stance::ALL {
        let mut these: Vec<&(usize, &Reaction)> =
            all.iter().filter(|(_, r)| r.stance == stance).collect();
        if these.is_empty() {
            continue;
        }
        these.sort_by_key(|(_, r)| !r.highlighted); // stable: recorded order within each part
        let entries = these
            .iter()
            .map(|&&(round_index, reaction)| ReactionEntry {
                reaction,
                group: single_line(s.group_name(reaction.group)),
                round: if several {
                    item.rounds
                        .get(round_index)
                        .map(|r| round_label(l, r, round_index + 1))
                } else {
                    None
                },
            })
            .collect();
        out.push((stance, entries));
    }
    out
}

/// "Title (Group)" on one line; a proposal without a title is "Proposal 2".
pub fn proposal_title(s: &Session, l: &Labels, number: usize, p: &Proposal) -> String {
    let title = single_line(&p.title);
    let title = if title.is_empty() {
        format!("{} {number}", l.proposal)
    } else {
        title
    };
    let group = s.group_name(p.group);
    if group.trim().is_empty() {
        title
    } else {
        format!("{title} ({})", single_line(group))
    }
}

fn statements<'a>(
    s: &Session,
    item: &'a Item,
) -> Vec<(Option<&'a Theme>, Vec<StatementEntry<'a>>)> {
    // Groups in the session's order, statements without a (known) group last.
    let group_rank = |g: Option<Id>| {
        g.and_then(|id| s.groups.iter().position(|x| x.id == id))
            .unwrap_or(usize::MAX)
    };
    let list = |theme: Option<&Theme>| {
        let mut these: Vec<&Statement> = item
            .statements
            .iter()
            .filter(|st| match theme {
                Some(t) => st.theme == t.id,
                None => !item.themes.iter().any(|t| t.id == st.theme),
            })
            .filter(|st| !st.text.trim().is_empty())
            .collect();
        these.sort_by_key(|st| group_rank(st.group));
        these
            .into_iter()
            .map(|statement| StatementEntry {
                statement,
                group: single_line(s.group_name(statement.group)),
            })
            .collect::<Vec<_>>()
    };
    item.themes
        .iter()
        .map(Some)
        .chain([None])
        .map(|theme| (theme, list(theme)))
        .filter(|(_, list)| !list.is_empty())
        .collect()
}

fn todos<'a>(s: &'a Session, l: &Labels) -> Vec<Todo<'a>> {
    let mut todos = Vec::new();
    for item in &s.agenda {
        for (index, p) in item.proposals.iter().enumerate() {
            for a in &p.actions {
                todos.push(Todo {
                    date: a.due,
                    action: &a.text,
                    owner: &a.owner,
                    organisation: "",
                    proposal: Some(proposal_title(s, l, index + 1, p)),
                });
            }
        }
        for c in &item.commitments {
            todos.push(Todo {
                date: c.follow_up,
                action: &c.action,
                owner: &c.person,
                organisation: &c.organisation,
                proposal: None,
            });
        }
    }
    // Stable: within one date, agenda order.
    todos.sort_by_key(|t| (t.date.is_none(), t.date));
    todos
}

// ---------------------------------------------------------------------------------------------
// Ranking

/// How the ranking measures agreement; one method for the whole ranking, so every score in it
/// compares with every other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RankMethod {
    /// Group-informed consensus: the product over the session's groups of
    /// (agree + 1) / (answers + 2), so an item only scores high when every group agrees; and
    /// division as the highest minus the lowest agreement rate of the groups that answered.
    Groups,
    /// The agreement share of the whole room (no groups, or not every ranked round was counted
    /// per group, so group scores would compare unlike with like).
    Room,
}

/// The overview of propositions from most shared agreement to most divided.
pub struct Ranking<'a> {
    pub method: RankMethod,
    /// Best first; ties broken by less division, then agenda order.
    pub entries: Vec<RankEntry<'a>>,
    /// Agenda numbers of items that show votes but got no answers: left out of the ranking.
    pub unanswered: Vec<usize>,
}

/// One ranked item, measured on its last round with answers.
pub struct RankEntry<'a> {
    /// 1-based position in the agenda.
    pub number: usize,
    pub item: &'a Item,
    /// The label of the round the scores come from.
    pub round: String,
    /// All answers in that round.
    pub answers: u64,
    /// The whole room's share for the first option, in tenths of a percent.
    pub agreement: u64,
    /// Group-informed consensus in tenths of a percent (0–1000); [`RankMethod::Groups`] only.
    pub consensus: Option<u64>,
    /// Highest minus lowest group agreement rate, in tenths of a percentage point;
    /// [`RankMethod::Groups`] only, and only when at least two groups answered.
    pub division: Option<u64>,
    /// The exact score the order is based on (consensus, or the room's agreement share).
    score: f64,
}

impl Ranking<'_> {
    /// Column headings; the measured ones carry ¹, which points at [`Ranking::note`].
    pub fn headings(&self, l: &Labels) -> Vec<String> {
        match self.method {
            RankMethod::Groups => vec![
                "#".to_string(),
                l.proposition.to_string(),
                format!("{}¹", l.consensus),
                format!("{}¹", l.division),
                l.agreement.to_string(),
                l.answers_column.to_string(),
            ],
            RankMethod::Room => vec![
                "#".to_string(),
                l.proposition.to_string(),
                format!("{}¹", l.agreement),
                l.answers_column.to_string(),
            ],
        }
    }

    /// One row as raw text (each format escapes it), `rank` 1-based; every column but the
    /// second is a number, written with `d`'s decimal separator.
    pub fn cells(&self, l: &Labels, rank: usize, e: &RankEntry, d: Decimal) -> Vec<String> {
        let pct = |t: u64| d.percent(t);
        let mut row = vec![
            rank.to_string(),
            format!("{}. {}", e.number, single_line(&e.item.text)),
        ];
        if self.method == RankMethod::Groups {
            row.push(e.consensus.map(pct).unwrap_or_else(|| "–".into()));
            row.push(
                e.division
                    .map(|t| format!("{} {}", d.number(t), l.points))
                    .unwrap_or_else(|| "–".into()),
            );
        }
        row.push(pct(e.agreement));
        row.push(e.answers.to_string());
        row
    }

    /// The footnote with the formulas, starting with ¹.
    pub fn note(&self, l: &Labels) -> String {
        let text = match self.method {
            RankMethod::Groups => l.ranking_note_groups,
            RankMethod::Room => l.ranking_note_room,
        };
        format!("¹ {text}")
    }

    /// "Not ranked (no answers): agenda item 3, 5." or `None` when every item had answers.
    pub fn unranked_line(&self, l: &Labels) -> Option<String> {
        if self.unanswered.is_empty() {
            return None;
        }
        let numbers: Vec<String> = self.unanswered.iter().map(usize::to_string).collect();
        Some((l.unranked)(&numbers.join(", ")))
    }
}

/// Ranks every item that shows votes by its last round with answers. "Agree" is the item's
/// first response option: options are free text in key order, the default set starts with
/// "Eens"/"Agree", and matching labels by word would misfire ("Oneens" contains "eens").
fn ranking<'a>(s: &Session, items: &[ItemSummary<'a>]) -> Option<Ranking<'a>> {
    let voted: Vec<&ItemSummary<'a>> = items.iter().filter(|it| !it.rounds.is_empty()).collect();
    if voted.is_empty() {
        return None;
    }
    let measured: Vec<(&ItemSummary<'a>, &RoundTally<'a>)> = voted
        .iter()
        .filter_map(|it| {
            it.rounds
                .iter()
                .rev()
                .find(|r| r.total > 0)
                .map(|r| (*it, r))
        })
        .collect();
    let unanswered = voted
        .iter()
        .filter(|it| it.rounds.iter().all(|r| r.total == 0))
        .map(|it| it.number)
        .collect();
    let by_groups = !s.groups.is_empty()
        && !measured.is_empty()
        && measured
            .iter()
            .all(|(_, r)| r.columns.iter().any(|c| c.group.is_some()));
    let method = if by_groups {
        RankMethod::Groups
    } else {
        RankMethod::Room
    };
    let mut entries: Vec<RankEntry<'a>> = measured
        .into_iter()
        .map(|(it, r)| rank_entry(method, it, r))
        .collect();
    entries.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.division.unwrap_or(0).cmp(&b.division.unwrap_or(0)))
            .then(a.number.cmp(&b.number))
    });
    Some(Ranking {
        method,
        entries,
        unanswered,
    })
}

fn rank_entry<'a>(method: RankMethod, it: &ItemSummary<'a>, r: &RoundTally<'a>) -> RankEntry<'a> {
    let agree = r.options.first();
    let agreed = agree.map_or(0, |o| o.count);
    let agreement = agree.map_or(0, |o| o.tenths);
    let (score, consensus, division) = match method {
        RankMethod::Room => (ratio(agreed, r.total), None, None),
        RankMethod::Groups => {
            // (agree, answers) per group; hands not attributed to a group are no group.
            let groups: Vec<(u64, u64)> = r
                .columns
                .iter()
                .enumerate()
                .filter(|(_, c)| c.group.is_some())
                .map(|(i, c)| {
                    let a = agree.and_then(|o| o.per_group.get(i)).copied().unwrap_or(0);
                    (a, c.total)
                })
                .collect();
            // The groups' agreement as their columns show it, so the spread matches the table.
            let rates: Vec<u64> = r
                .columns
                .iter()
                .enumerate()
                .filter(|(_, c)| c.group.is_some() && c.total > 0)
                .map(|(i, _)| {
                    agree
                        .and_then(|o| o.group_tenths.get(i))
                        .copied()
                        .unwrap_or(0)
                })
                .collect();
            let score = consensus_score(&groups);
            let consensus = (score * 1000.0).round().clamp(0.0, 1000.0) as u64;
            (score, Some(consensus), spread(&rates))
        }
    };
    RankEntry {
        number: it.number,
        item: it.item,
        round: r.label.clone(),
        answers: r.total,
        agreement,
        consensus,
        division,
        score,
    }
}

/// The product over groups of (agree + 1) / (answers + 2): every group's agreement rate with
/// one imagined "agree" and one "disagree" added, so a small or silent group counts as unsure
/// (½) rather than as certain, and one disagreeing group pulls the whole product down.
pub fn consensus_score(groups: &[(u64, u64)]) -> f64 {
    groups
        .iter()
        .map(|&(agree, answers)| (agree.min(answers) as f64 + 1.0) / (answers as f64 + 2.0))
        .product()
}

/// Highest minus lowest of the agreement rates (in tenths of a percent) of the groups that
/// answered, in tenths of a percentage point; `None` when fewer than two groups answered.
pub fn spread(rates: &[u64]) -> Option<u64> {
    if rates.len() < 2 {
        return None;
    }
    let max = rates.iter().max().copied().unwrap_or(0);
    let min = rates.iter().min().copied().unwrap_or(0);
    Some(max - min)
}

fn ratio(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

// ---------------------------------------------------------------------------------------------
// Counting, in u64 so that no file can overflow a sum

/// All answers in a round, hands plus phones.
pub fn answers(round: &Round) -> u64 {
    round.answers()
}

pub fn option_total(round: &Round, option: Id) -> u64 {
    round.total(option)
}

/// Answers for one option within one group (`None`: not attributed to a group).
pub fn group_count(round: &Round, option: Id, group: Option<Id>) -> u64 {
    round.count(option, group)
}

/// A round's caption over its chart: "Round 2 — 20 answers (12 by phone, 8 by hand)", the
/// round's name only when the item has several rounds.
pub fn round_caption(l: &Labels, several: bool, r: &RoundTally) -> String {
    let mut caption = if several {
        format!("{} — {} {}", r.label, r.total, l.answers)
    } else {
        format!("{} {}", r.total, l.answers)
    };
    if let Some(sources) = answer_sources(l, r) {
        caption.push_str(&format!(" ({sources})"));
    }
    caption
}

/// "12 by phone, 8 by hand" when a round was answered both ways; `None` when only one was
/// used, so a round counted one way reads as before.
pub fn answer_sources(l: &Labels, r: &RoundTally) -> Option<String> {
    (r.phones > 0 && r.hands > 0)
        .then(|| format!("{} {}, {} {}", r.phones, l.by_phone, r.hands, l.by_hand))
}

/// The change between two shown shares in tenths of a percentage point.
pub fn delta(from: u64, to: u64) -> i64 {
    i64::try_from(i128::from(to) - i128::from(from)).unwrap_or(0)
}

// ---------------------------------------------------------------------------------------------
// Text

/// Line endings as `\n` (a lone `\r` ends a line too).
pub fn normalise(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// The text's non-blank lines, trimmed, each with its bidi controls balanced
/// ([`bidi::isolate`]): every format takes participants' text through here or
/// [`paragraphs`].
pub fn lines(text: &str) -> Vec<String> {
    normalise(text)
        .split('\n')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(|x| bidi::isolate(x).into_owned())
        .collect()
}

/// All lines joined by spaces, trimmed.
pub fn single_line(text: &str) -> String {
    lines(text).join(" ")
}

/// Paragraphs (split at blank lines), each as its trimmed lines, balanced as in [`lines`].
pub fn paragraphs(text: &str) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut current = Vec::new();
    for line in normalise(text).split('\n').map(str::trim) {
        if line.is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            current.push(bidi::isolate(line).into_owned());
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;

    #[test]
    fn empty_session_has_title_word() {
        let s = Session::new("  ", Language::En);
        let sum = summary(&s);
        assert_eq!(sum.title, "Report");
        assert!(sum.details.is_empty() && sum.items.is_empty() && sum.todos.is_empty());
    }

    #[test]
    fn consensus_rewards_agreement_in_every_group() {
        // Everyone agrees in both groups beats a split room with the same overall share.
        let shared = consensus_score(&[(5, 5), (5, 5)]);
        let split = consensus_score(&[(10, 10), (0, 0)]);
        assert!(shared > split, "{shared} {split}");
        assert!((consensus_score(&[(0, 0)]) - 0.5).abs() < 1e-12);
        assert_eq!(spread(&[500, 900]), Some(400));
        assert_eq!(spread(&[500]), None);
    }

    #[test]
    fn text_helpers() {
        assert_eq!(single_line(" a\r\n\r b \n"), "a b");
        assert_eq!(
            paragraphs("a\nb\n\n\nc"),
            vec![
                vec!["a".to_string(), "b".to_string()],
                vec!["c".to_string()]
            ]
        );
    }
}
