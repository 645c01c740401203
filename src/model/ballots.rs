//! Phone ballots: the room voting from their phones, next to the facilitator's hand counts.
//!
//! The rules, without any network: one ballot per device per round; the same answer again
//! changes nothing, another answer moves the ballot; a ballot belongs to the round it was cast
//! in, so a new round starts empty; a device's group travels with its ballots. Totals are hands
//! plus phones ([`Round::total`] and friends count both).
//!
//! A device is known only by [`Device`], a salted hash of the random token its phone made up;
//! the salt is the session's id, so the same phone gives unrelated keys in two sessions and the
//! file holds neither the token nor anything about the phone.
//!
//! Ballots are not undoable: they come from the room, not from the facilitator. They change
//! through [`super::Document::cast_ballot`], which bumps the revision (autosave saves them)
//! without an undo step, and undo or redo of any change leaves them where they are (see
//! [`Keeper`]). Whether a round is open for voting is no part of the file: the live host
//! decides that and checks it before casting.

use super::{Id, Round, Session};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// A device as the file knows it: 32 hex digits of a salted hash of the phone's token.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Device(String);

impl Device {
    /// The key for the phone token `token` within the session `session` (its id is the salt).
    pub fn of(session: Id, token: &str) -> Device {
        let mut hash = Sha256::new();
        hash.update(b"stelling device\0");
        hash.update(session.0.to_le_bytes());
        hash.update(token.as_bytes());
        let digest = hash.finalize();
        Device(digest[..16].iter().map(|b| format!("{b:02x}")).collect())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// One phone's answer in one round.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ballot {
    pub device: Device,
    pub option: Id,
    /// The table or subgroup the phone picked, when the session has groups.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<Id>,
}

/// What casting a ballot did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cast {
    /// The device's first ballot in this round.
    New,
    /// The device changed its answer (or its group): the ballot moved.
    Moved,
    /// The same answer again (a double tap, a retry, a replay): nothing changed.
    Same,
}

impl Cast {
    pub fn changed(self) -> bool {
        self != Cast::Same
    }
}

/// Why a ballot was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BallotError {
    #[error("no such item")]
    UnknownItem,
    #[error("no such round")]
    UnknownRound,
    #[error("no such answer")]
    UnknownOption,
    #[error("no such group")]
    UnknownGroup,
}

impl Round {
    /// This device's ballot in this round.
    pub fn ballot(&self, device: &Device) -> Option<&Ballot> {
        self.ballots.iter().find(|b| &b.device == device)
    }

    /// Puts the device's ballot in this round: one per device, a new answer moves it.
    pub fn cast(&mut self, ballot: Ballot) -> Cast {
        match self.ballots.iter_mut().find(|b| b.device == ballot.device) {
            Some(b) if *b == ballot => Cast::Same,
            Some(b) => {
                *b = ballot;
                Cast::Moved
            }
            None => {
                self.ballots.push(ballot);
                Cast::New
            }
        }
    }

    /// Phone answers in this round.
    pub fn phone_answers(&self) -> u64 {
        self.ballots.len() as u64
    }

    /// Hands the facilitator counted in this round.
    pub fn hand_answers(&self) -> u64 {
        self.tallies.iter().map(|t| u64::from(t.count)).sum()
    }

    /// Phone answers for one option.
    pub fn phone_total(&self, option: Id) -> u64 {
        self.ballots.iter().filter(|b| b.option == option).count() as u64
    }

    /// Phone answers for one option within one group (`None`: phones without a group).
    pub fn phone_count(&self, option: Id, group: Option<Id>) -> u64 {
        self.ballots
            .iter()
            .filter(|b| b.option == option && b.group == group)
            .count() as u64
    }

    /// Whether anything was counted in this round, by hand or by phone.
    pub fn has_answers(&self) -> bool {
        !self.tallies.is_empty() || !self.ballots.is_empty()
    }

    /// Whether this option was counted, by hand or by phone.
    pub fn counted(&self, option: Id) -> bool {
        self.tallies.iter().any(|t| t.option == option)
            || self.ballots.iter().any(|b| b.option == option)
    }
}

impl Session {
    /// The device key for a phone token in this session.
    pub fn device(&self, token: &str) -> Device {
        Device::of(self.id, token)
    }

    /// Casts a phone's ballot in the given round of the given item. Whether that round is open
    /// is the caller's business; this checks only that everything named exists.
    pub fn cast_ballot(
        &mut self,
        item: Id,
        round: Id,
        device: Device,
        option: Id,
        group: Option<Id>,
    ) -> Result<Cast, BallotError> {
        let round = self.ballot_round(item, round, group, Some(option))?;
        Ok(round.cast(Ballot {
            device,
            option,
            group,
        }))
    }

    /// Moves the device's ballot in one round to another group (the phone picked its table
    /// again). `Same` when it has no ballot there or the group is unchanged.
    pub fn move_ballot_group(
        &mut self,
        item: Id,
        round: Id,
        device: &Device,
        group: Option<Id>,
    ) -> Result<Cast, BallotError> {
        let round = self.ballot_round(item, round, group, None)?;
        match round.ballots.iter_mut().find(|b| &b.device == device) {
            Some(b) if b.group != group => {
                b.group = group;
                Ok(Cast::Moved)
            }
            _ => Ok(Cast::Same),
        }
    }

    /// The round a ballot goes into, checking that the group, the item, the option (when
    /// given) and the round exist, in that order, so both ballot paths refuse alike.
    fn ballot_round(
        &mut self,
        item: Id,
        round: Id,
        group: Option<Id>,
        option: Option<Id>,
    ) -> Result<&mut Round, BallotError> {
        if group.is_some_and(|g| self.group(g).is_none()) {
            return Err(BallotError::UnknownGroup);
        }
        let item = self
            .agenda
            .iter_mut()
            .find(|i| i.id == item)
            .ok_or(BallotError::UnknownItem)?;
        if option.is_some_and(|o| item.option_index(o).is_none()) {
            return Err(BallotError::UnknownOption);
        }
        item.rounds
            .iter_mut()
            .find(|r| r.id == round)
            .ok_or(BallotError::UnknownRound)
    }

    /// The group each device last voted with, so a reopened session knows the phones' tables.
    pub fn device_groups(&self) -> HashMap<Device, Id> {
        let mut groups = HashMap::new();
        for round in self.agenda.iter().flat_map(|i| &i.rounds) {
            for b in &round.ballots {
                if let Some(g) = b.group {
                    groups.insert(b.device.clone(), g);
                }
            }
        }
        groups
    }
}

/// Keeps phone ballots out of the facilitator's changes: they are lifted out of every round
/// before a change (or undo, or redo) and put back after it, so no change, and no inverse
/// recorded with stale ballots, can add or remove one. A round the change removed keeps its
/// ballots here until a redo or undo brings it back.
#[derive(Clone, Debug, Default)]
pub struct Keeper {
    parked: HashMap<Id, Vec<Ballot>>,
}

impl Keeper {
    /// Takes every round's ballots out of the session.
    pub fn lift(session: &mut Session) -> HashMap<Id, Vec<Ballot>> {
        let mut lifted = HashMap::new();
        for round in session.agenda.iter_mut().flat_map(|i| i.rounds.iter_mut()) {
            if !round.ballots.is_empty() {
                lifted.insert(round.id, std::mem::take(&mut round.ballots));
            }
        }
        lifted
    }

    /// Puts lifted ballots back into the rounds that still exist, parks those whose round is
    /// gone and brings back parked ones whose round returned. A ballot whose group was
    /// removed stays without a group; one whose answer was removed can no longer be counted.
    pub fn restore(&mut self, session: &mut Session, mut lifted: HashMap<Id, Vec<Ballot>>) {
        let groups: std::collections::HashSet<Id> = session.groups.iter().map(|g| g.id).collect();
        for item in &mut session.agenda {
            let options: Vec<Id> = item.options.iter().map(|o| o.id).collect();
            for round in &mut item.rounds {
                // Only casting adds ballots: whatever a change brought along is dropped.
                let Some(mut ballots) = lifted
                    .remove(&round.id)
                    .or_else(|| self.parked.remove(&round.id))
                else {
                    round.ballots.clear();
                    continue;
                };
                ballots.retain(|b| options.contains(&b.option));
                for b in &mut ballots {
                    if b.group.is_some_and(|g| !groups.contains(&g)) {
                        b.group = None;
                    }
                }
                round.ballots = ballots;
            }
        }
        self.parked.extend(lifted);
    }

    /// Forgets parked ballots (the whole session was replaced).
    pub fn clear(&mut self) {
        self.parked.clear();
    }
}
