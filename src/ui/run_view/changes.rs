//! The changes the run view makes, built from the session as it is: a tally, a new round, a
//! captured or edited reaction.

use super::{RunState, now};
use crate::model::{Change, Id, Item, Reaction, Round, Session, words};

/// A quote from the capture field as a new reaction at the end of `round`, with the stance
/// and group picked in the run view and the time now.
pub(super) fn captured(
    session: &Session,
    view: &RunState,
    item: &Item,
    round: &Round,
    text: String,
) -> Change {
    Change::AddReaction {
        item: item.id,
        round: round.id,
        index: round.reactions.len(),
        reaction: Reaction {
            id: session.fresh_id(),
            text,
            stance: view.stance,
            group: view.group,
            by: None,
            time: Some(now()),
            highlighted: false,
        },
    }
}

pub fn tally(item: Id, round: Id, option: Id, group: Option<Id>, delta: i64) -> Change {
    Change::Tally {
        item,
        round,
        option,
        group,
        delta,
    }
}

/// Closes the last round and opens the next, labelled "Ronde N" / "Round N".
pub fn new_round_change(session: &Session, item: &Item) -> Change {
    let at = now();
    let mut batch = Vec::new();
    if let Some(last) = item.rounds.last() {
        batch.push(Change::UpdateRound {
            item: item.id,
            round: last.id,
            label: last.label.clone(),
            started: last.started.filter(|s| *s <= at),
            ended: Some(at),
        });
    }
    let mut round = Round::new(
        // On a subgroup's copy the same id on every laptop, so merging makes one round.
        crate::model::merge::new_round_id(session, item),
        (words(session.language).session.round)(item.rounds.len() + 1),
    );
    round.started = Some(at);
    batch.push(Change::AddRound {
        item: item.id,
        index: item.rounds.len(),
        round: Box::new(round),
    });
    Change::Batch(batch)
}

/// A change that edits one reaction wherever it is, or nothing if it is gone.
pub(super) fn update_reaction(
    session: &Session,
    id: Id,
    edit: impl FnOnce(&mut Reaction),
) -> Option<Change> {
    for item in &session.agenda {
        for round in &item.rounds {
            if let Some(r) = round.reactions.iter().find(|r| r.id == id) {
                let mut reaction = r.clone();
                edit(&mut reaction);
                return Some(Change::UpdateReaction {
                    item: item.id,
                    round: round.id,
                    reaction,
                });
            }
        }
    }
    None
}
