//! Every change a facilitator can make, as data. [`Session::apply`] checks a change against the
//! invariants, carries it out and returns the change that undoes it, so undo, redo and
//! autosave all go through one door.

use super::Id;
use super::session::*;
use super::validate::{self, ModelError};

impl Record {
    pub fn id(&self) -> Id {
        match self {
            Record::Proposal(p) => p.id,
            Record::Commitment(c) => c.id,
            Record::Theme(t) => t.id,
            Record::Statement(s) => s.id,
        }
    }
}

/// One undoable change to a session.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    SetDetails(Box<Details>),
    /// Insert a group at `index` (clamped to the end).
    AddGroup {
        index: usize,
        group: Group,
    },
    /// Rename or resize a group.
    UpdateGroup(Group),
    /// Remove a group nothing refers to; see [`Session::remove_group_change`] for one that has data.
    RemoveGroup(Id),
    AddItem {
        index: usize,
        item: Box<Item>,
    },
    RemoveItem(Id),
    MoveItem {
        id: Id,
        to: usize,
    },
    /// Replace an item wholesale (text, kind, options, notes…), as the agenda editor does.
    ReplaceItem(Box<Item>),
    /// Add `delta` hands (negative: remove) to one option, within a group or unattributed.
    Tally {
        item: Id,
        round: Id,
        option: Id,
        group: Option<Id>,
        delta: i64,
    },
    AddRound {
        item: Id,
        index: usize,
        round: Box<Round>,
    },
    RemoveRound {
        item: Id,
        round: Id,
    },
    /// Change a round's label and times; its tallies and reactions stay.
    UpdateRound {
        item: Id,
        round: Id,
        label: String,
        started: Option<Timestamp>,
        ended: Option<Timestamp>,
    },
    AddReaction {
        item: Id,
        round: Id,
        index: usize,
        reaction: Reaction,
    },
    UpdateReaction {
        item: Id,
        round: Id,
        reaction: Reaction,
    },
    RemoveReaction {
        item: Id,
        round: Id,
        reaction: Id,
    },
    MoveReaction {
        item: Id,
        round: Id,
        reaction: Id,
        to: usize,
    },
    /// Insert or replace a proposal, commitment, theme or statement (by id).
    PutRecord {
        item: Id,
        index: usize,
        record: Record,
    },
    RemoveRecord {
        item: Id,
        id: Id,
    },
    /// Several changes as one undo step; all or nothing.
    Batch(Vec<Change>),
}

impl Session {
    /// Carries out `change` if it keeps the session valid and returns its inverse. On error the
    /// session is left exactly as it was.
    pub fn apply(&mut self, change: Change) -> Result<Change, ModelError> {
        use Change::*;
        Ok(match change {
            SetDetails(d) => {
                validate::details(&d)?;
                let old = self.details();
                self.set_details(*d);
                SetDetails(Box::new(old))
            }
            AddGroup { index, group } => {
                self.check_fresh(group.id)?;
                validate::name(&group.name)?;
                let index = index.min(self.groups.len());
                let id = group.id;
                self.groups.insert(index, group);
                RemoveGroup(id)
            }
            UpdateGroup(group) => {
                validate::name(&group.name)?;
                let slot = self
                    .groups
                    .iter_mut()
                    .find(|g| g.id == group.id)
                    .ok_or(ModelError::UnknownGroup(group.id))?;
                UpdateGroup(std::mem::replace(slot, group))
            }
            RemoveGroup(id) => {
                let index = self
                    .groups
                    .iter()
                    .position(|g| g.id == id)
                    .ok_or(ModelError::UnknownGroup(id))?;
                if validate::group_in_use(self, id) {
                    return Err(ModelError::GroupInUse(self.groups[index].name.clone()));
                }
                AddGroup {
                    index,
                    group: self.groups.remove(index),
                }
            }
            AddItem { index, item } => {
                validate::item(self, &item, None)?;
                let index = index.min(self.agenda.len());
                let id = item.id;
                self.agenda.insert(index, *item);
                RemoveItem(id)
            }
            RemoveItem(id) => {
                let index = self.item_index(id).ok_or(ModelError::UnknownItem(id))?;
                AddItem {
                    index,
                    item: Box::new(self.agenda.remove(index)),
                }
            }
            MoveItem { id, to } => {
                let from = self.item_index(id).ok_or(ModelError::UnknownItem(id))?;
                let to = to.min(self.agenda.len() - 1);
                let item = self.agenda.remove(from);
                self.agenda.insert(to, item);
                MoveItem { id, to: from }
            }
            ReplaceItem(item) => {
                let index = self
                    .item_index(item.id)
                    .ok_or(ModelError::UnknownItem(item.id))?;
                validate::item(self, &item, Some(index))?;
                ReplaceItem(Box::new(std::mem::replace(&mut self.agenda[index], *item)))
            }
            Tally {
                item,
                round,
                option,
                group,
                delta,
            } => {
                self.check_group_ref(group)?;
                let it = self.item_mut(item)?;
                if it.option_index(option).is_none() {
                    return Err(ModelError::UnknownOption(option));
                }
                let r = round_mut(it, round)?;
                let current = r.count(option, group);
                // Only a huge positive delta can overflow.
                let new = i64::from(current)
                    .checked_add(delta)
                    .ok_or(ModelError::CountTooLarge)?;
                if new < 0 {
                    return Err(ModelError::NegativeCount);
                }
                let new = u32::try_from(new).map_err(|_| ModelError::CountTooLarge)?;
                match r
                    .tallies
                    .iter()
                    .position(|t| t.option == option && t.group == group)
                {
                    // A Tally that brings an entry back appends it, so undoing the removal of
                    // an entry from the middle that way would reorder the list: the inverse
                    // restores the whole item instead.
                    Some(i) if new == 0 && i + 1 < r.tallies.len() => {
                        let before = it.clone();
                        round_mut(it, round)?.tallies.remove(i);
                        return Ok(ReplaceItem(Box::new(before)));
                    }
                    Some(i) if new == 0 => {
                        r.tallies.remove(i);
                    }
                    Some(i) => r.tallies[i].count = new,
                    None if new == 0 => {}
                    None => r.tallies.push(super::Tally {
                        option,
                        group,
                        count: new,
                    }),
                }
                Tally {
                    item,
                    round,
                    option,
                    group,
                    delta: -delta,
                }
            }
            AddRound { item, index, round } => {
                validate::round(
                    self,
                    self.item(item).ok_or(ModelError::UnknownItem(item))?,
                    &round,
                )?;
                let mut ids = vec![round.id];
                ids.extend(round.reactions.iter().map(|r| r.id));
                self.check_all_fresh(&ids, &[])?;
                let it = self.item_mut(item)?;
                let index = index.min(it.rounds.len());
                let id = round.id;
                it.rounds.insert(index, *round);
                RemoveRound { item, round: id }
            }
            RemoveRound { item, round } => {
                let it = self.item_mut(item)?;
                let index = it
                    .rounds
                    .iter()
                    .position(|r| r.id == round)
                    .ok_or(ModelError::UnknownRound(round))?;
                if it.rounds.len() == 1 {
                    return Err(ModelError::LastRound);
                }
                AddRound {
                    item,
                    index,
                    round: Box::new(it.rounds.remove(index)),
                }
            }
            UpdateRound {
                item,
                round,
                label,
                started,
                ended,
            } => {
                validate::times(started, ended)?;
                let r = round_mut(self.item_mut(item)?, round)?;
                let old = UpdateRound {
                    item,
                    round,
                    label: std::mem::replace(&mut r.label, label),
                    started: r.started,
                    ended: r.ended,
                };
                r.started = started;
                r.ended = ended;
                old
            }
            AddReaction {
                item,
                round,
                index,
                reaction,
            } => {
                self.check_fresh(reaction.id)?;
                self.add_reaction(item, round, index, reaction)?
            }
            UpdateReaction {
                item,
                round,
                reaction,
            } => {
                self.check_group_ref(reaction.group)?;
                validate::moment(reaction.time)?;
                let r = round_mut(self.item_mut(item)?, round)?;
                let slot = r
                    .reactions
                    .iter_mut()
                    .find(|x| x.id == reaction.id)
                    .ok_or(ModelError::UnknownRecord(reaction.id))?;
                UpdateReaction {
                    item,
                    round,
                    reaction: std::mem::replace(slot, reaction),
                }
            }
            RemoveReaction {
                item,
                round,
                reaction,
            } => {
                let r = round_mut(self.item_mut(item)?, round)?;
                let index = reaction_index(r, reaction)?;
                AddReaction {
                    item,
                    round,
                    index,
                    reaction: r.reactions.remove(index),
                }
            }
            MoveReaction {
                item,
                round,
                reaction,
                to,
            } => {
                let r = round_mut(self.item_mut(item)?, round)?;
                let from = reaction_index(r, reaction)?;
                let to = to.min(r.reactions.len() - 1);
                let moved = r.reactions.remove(from);
                r.reactions.insert(to, moved);
                MoveReaction {
                    item,
                    round,
                    reaction,
                    to: from,
                }
            }
            PutRecord {
                item,
                index,
                record,
            } => {
                let it = self.item(item).ok_or(ModelError::UnknownItem(item))?;
                validate::record(self, it, &record)?;
                // The record it replaces (same kind, same id) gives up its ids; every other id,
                // also those of actions and feedback inside a proposal, must be unused.
                let replaced = same_kind_ids(it, &record);
                self.check_all_fresh(&record_ids(&record), &replaced)?;
                let it = self.item_mut(item)?;
                let id = record.id();
                let old = put_record(it, index, record);
                match old {
                    Some((index, old)) => PutRecord {
                        item,
                        index,
                        record: old,
                    },
                    None => RemoveRecord { item, id },
                }
            }
            RemoveRecord { item, id } => {
                let it = self.item(item).ok_or(ModelError::UnknownItem(item))?;
                if it.statements.iter().any(|s| s.theme == id) {
                    return Err(ModelError::ThemeInUse);
                }
                let it = self.item_mut(item)?;
                let (index, record) = take_record(it, id).ok_or(ModelError::UnknownRecord(id))?;
                PutRecord {
                    item,
                    index,
                    record,
                }
            }
            Batch(changes) => {
                // A chat import adds thousands of reactions at once: their ids are checked
                // together against one set, not each against the whole session.
                let only_reactions = changes.iter().all(|c| matches!(c, AddReaction { .. }));
                if only_reactions {
                    let ids: Vec<Id> = changes
                        .iter()
                        .filter_map(|c| match c {
                            AddReaction { reaction, .. } => Some(reaction.id),
                            _ => None,
                        })
                        .collect();
                    self.check_all_fresh(&ids, &[])?;
                }
                // Likewise a pasted or imported list of tens of thousands of items: checking
                // each against all the others made 40,000 lines take minutes.
                let only_items = changes.iter().all(|c| matches!(c, AddItem { .. }));
                if only_items {
                    let mut ids = Vec::new();
                    for change in &changes {
                        if let AddItem { item, .. } = change {
                            item.collect_ids(&mut ids);
                        }
                    }
                    self.check_all_fresh(&ids, &[])?;
                }
                // Undoing such an import removes them all again, in one pass where it can.
                if changes.iter().all(|c| matches!(c, RemoveItem(_)))
                    && let Some(inverse) = self.remove_items(&changes)
                {
                    return Ok(inverse);
                }
                let mut inverses = Vec::with_capacity(changes.len());
                for change in changes {
                    let applied = match change {
                        AddReaction {
                            item,
                            round,
                            index,
                            reaction,
                        } if only_reactions => self.add_reaction(item, round, index, reaction),
                        AddItem { index, item } if only_items => self.add_item(index, *item),
                        change => self.apply(change),
                    };
                    match applied {
                        Ok(inverse) => inverses.push(inverse),
                        Err(e) => {
                            for inverse in inverses.into_iter().rev() {
                                self.apply(inverse)
                                    .expect("the inverse of an applied change always applies");
                            }
                            return Err(e);
                        }
                    }
                }
                inverses.reverse();
                Batch(inverses)
            }
        })
    }

    /// The details form's current values.
    pub fn details(&self) -> Details {
        Details {
            title: self.title.clone(),
            date: self.date,
            start_time: self.start_time,
            end_time: self.end_time,
            place: self.place.clone(),
            facilitators: self.facilitators.clone(),
            language: self.language,
            participants: self.participants,
            notes: self.notes.clone(),
        }
    }

    fn set_details(&mut self, d: Details) {
        self.title = d.title;
        self.date = d.date;
        self.start_time = d.start_time;
        self.end_time = d.end_time;
        self.place = d.place;
        self.facilitators = d.facilitators;
        self.language = d.language;
        self.participants = d.participants;
        self.notes = d.notes;
    }

    /// One undoable change that removes a group together with everything that refers to it:
    /// its tallies, statements and feedback go; reactions and proposals lose the group label but
    /// stay. The UI asks before applying it when [`validate::group_in_use`] says there is data.
    pub fn remove_group_change(&self, group: Id) -> Change {
        let mut changes = Vec::new();
        for item in &self.agenda {
            let mut cleaned = item.clone();
            for round in &mut cleaned.rounds {
                round.tallies.retain(|t| t.group != Some(group));
                for r in &mut round.reactions {
                    if r.group == Some(group) {
                        r.group = None;
                    }
                }
            }
            for p in &mut cleaned.proposals {
                if p.group == Some(group) {
                    p.group = None;
                }
                p.feedback.retain(|f| f.from_group != Some(group));
            }
            cleaned.statements.retain(|s| s.group != Some(group));
            if cleaned != *item {
                changes.push(Change::ReplaceItem(Box::new(cleaned)));
            }
        }
        changes.push(Change::RemoveGroup(group));
        Change::Batch(changes)
    }

    fn item_mut(&mut self, id: Id) -> Result<&mut Item, ModelError> {
        self.agenda
            .iter_mut()
            .find(|i| i.id == id)
            .ok_or(ModelError::UnknownItem(id))
    }

    /// Inserts a reaction whose id is known to be fresh.
    fn add_reaction(
        &mut self,
        item: Id,
        round: Id,
        index: usize,
        reaction: Reaction,
    ) -> Result<Change, ModelError> {
        self.check_group_ref(reaction.group)?;
        validate::moment(reaction.time)?;
        let r = round_mut(self.item_mut(item)?, round)?;
        let index = index.min(r.reactions.len());
        let id = reaction.id;
        r.reactions.insert(index, reaction);
        Ok(Change::RemoveReaction {
            item,
            round,
            reaction: id,
        })
    }

    /// Inserts an item whose ids are known to be fresh, after checking its contents.
    fn add_item(&mut self, index: usize, item: Item) -> Result<Change, ModelError> {
        validate::item_contents(self, &item)?;
        let index = index.min(self.agenda.len());
        let id = item.id;
        self.agenda.insert(index, item);
        Ok(Change::RemoveItem(id))
    }

    /// Carries out a batch of [`Change::RemoveItem`] in one pass, when each item comes before
    /// the previous one on the agenda (as in the undo of an added list), so that its place at
    /// its turn is its place now. `None` (nothing done) otherwise, or when an id is unknown: the
    /// batch then goes step by step. Step by step, each removal searched the whole agenda.
    fn remove_items(&mut self, changes: &[Change]) -> Option<Change> {
        let places: std::collections::HashMap<Id, usize> = self
            .agenda
            .iter()
            .enumerate()
            .map(|(i, item)| (item.id, i))
            .collect();
        let positions: Vec<usize> = changes
            .iter()
            .map(|c| match c {
                Change::RemoveItem(id) => places.get(id).copied(),
                _ => None,
            })
            .collect::<Option<_>>()?;
        if !positions.windows(2).all(|w| w[0] > w[1]) {
            return None;
        }
        let mut slots: Vec<Option<Item>> = std::mem::take(&mut self.agenda)
            .into_iter()
            .map(Some)
            .collect();
        let inverses = positions
            .iter()
            .rev()
            .map(|&index| Change::AddItem {
                index,
                item: Box::new(slots[index].take().expect("positions are distinct")),
            })
            .collect();
        self.agenda = slots.into_iter().flatten().collect();
        Some(Change::Batch(inverses))
    }

    fn check_fresh(&self, id: Id) -> Result<(), ModelError> {
        if self.all_ids().contains(&id) {
            Err(ModelError::DuplicateId(id))
        } else {
            Ok(())
        }
    }

    /// Checks that `ids` are distinct and unused in the session, not counting `freed`.
    fn check_all_fresh(&self, ids: &[Id], freed: &[Id]) -> Result<(), ModelError> {
        let mut used: std::collections::HashSet<Id> = self.all_ids().into_iter().collect();
        for id in freed {
            used.remove(id);
        }
        for &id in ids {
            if !used.insert(id) {
                return Err(ModelError::DuplicateId(id));
            }
        }
        Ok(())
    }

    fn check_group_ref(&self, group: Option<Id>) -> Result<(), ModelError> {
        match group {
            Some(id) if self.group(id).is_none() => Err(ModelError::UnknownGroup(id)),
            _ => Ok(()),
        }
    }
}

fn round_mut(item: &mut Item, id: Id) -> Result<&mut Round, ModelError> {
    item.rounds
        .iter_mut()
        .find(|r| r.id == id)
        .ok_or(ModelError::UnknownRound(id))
}

fn reaction_index(round: &Round, id: Id) -> Result<usize, ModelError> {
    round
        .reactions
        .iter()
        .position(|x| x.id == id)
        .ok_or(ModelError::UnknownRecord(id))
}

/// Every id a record brings into the session: its own, and for a proposal those of its actions
/// and feedback.
fn record_ids(record: &Record) -> Vec<Id> {
    match record {
        Record::Proposal(p) => proposal_ids(p),
        other => vec![other.id()],
    }
}

fn proposal_ids(p: &Proposal) -> Vec<Id> {
    std::iter::once(p.id)
        .chain(p.actions.iter().map(|a| a.id))
        .chain(p.feedback.iter().map(|f| f.id))
        .collect()
}

/// The ids of the record of the same kind and id that `record` would replace; empty if none.
fn same_kind_ids(item: &Item, record: &Record) -> Vec<Id> {
    let id = record.id();
    let present = match record {
        Record::Proposal(_) => {
            let old = item.proposals.iter().find(|x| x.id == id);
            return old.map(proposal_ids).unwrap_or_default();
        }
        Record::Commitment(_) => item.commitments.iter().any(|x| x.id == id),
        Record::Theme(_) => item.themes.iter().any(|x| x.id == id),
        Record::Statement(_) => item.statements.iter().any(|x| x.id == id),
    };
    if present { vec![id] } else { Vec::new() }
}

/// Replaces the record with the same id or inserts it at `index`; returns what it replaced.
fn put_record(item: &mut Item, index: usize, record: Record) -> Option<(usize, Record)> {
    fn put<T>(
        list: &mut Vec<T>,
        index: usize,
        value: T,
        same: impl Fn(&T) -> bool,
    ) -> Option<(usize, T)> {
        match list.iter().position(same) {
            Some(i) => Some((i, std::mem::replace(&mut list[i], value))),
            None => {
                list.insert(index.min(list.len()), value);
                None
            }
        }
    }
    let id = record.id();
    match record {
        Record::Proposal(p) => put(&mut item.proposals, index, p, |x| x.id == id)
            .map(|(i, o)| (i, Record::Proposal(o))),
        Record::Commitment(c) => put(&mut item.commitments, index, c, |x| x.id == id)
            .map(|(i, o)| (i, Record::Commitment(o))),
        Record::Theme(t) => {
            put(&mut item.themes, index, t, |x| x.id == id).map(|(i, o)| (i, Record::Theme(o)))
        }
        Record::Statement(s) => put(&mut item.statements, index, s, |x| x.id == id)
            .map(|(i, o)| (i, Record::Statement(o))),
    }
}

fn take_record(item: &mut Item, id: Id) -> Option<(usize, Record)> {
    fn take<T>(list: &mut Vec<T>, same: impl Fn(&T) -> bool) -> Option<(usize, T)> {
        let i = list.iter().position(same)?;
        Some((i, list.remove(i)))
    }
    take(&mut item.proposals, |x| x.id == id)
        .map(|(i, x)| (i, Record::Proposal(x)))
        .or_else(|| {
            take(&mut item.commitments, |x| x.id == id).map(|(i, x)| (i, Record::Commitment(x)))
        })
        .or_else(|| take(&mut item.themes, |x| x.id == id).map(|(i, x)| (i, Record::Theme(x))))
        .or_else(|| {
            take(&mut item.statements, |x| x.id == id).map(|(i, x)| (i, Record::Statement(x)))
        })
}
