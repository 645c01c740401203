//! The presenter's one-key commands: which command each key press means on the item shown.

use super::{
    OpenSession, go_to, new_round_change, start_editing, start_renaming, tally, update_reaction,
};
use crate::model::{Change, Id, ItemKind, Stance};
use crate::ui::beamer;
use crate::ui::commands::{self, Command};
use crate::ui::keys;
use std::time::Instant;

/// One-key shortcuts wait: a form of the current item, or the reaction field, holds text
/// typed since the last Esc.
pub(super) fn holds_keys(open: &OpenSession) -> bool {
    let view = &open.view;
    let reaction = view.forms.filling && !view.capture.trim().is_empty();
    let item = open.doc.session().agenda.get(view.current);
    reaction || item.is_some_and(|item| view.forms.holds_keys(item))
}

/// The presenter's one-key commands. Also called from the audience window, so a clicker or a
/// key press works whichever of the two windows has the focus.
pub fn keys(open: &mut OpenSession, ctx: &egui::Context, changes: &mut Vec<Change>) {
    let pressed = |c: Command| commands::pressed(ctx, c);
    // Stance keys work while typing a reaction, so the stance can be set before or after.
    for (n, stance) in Stance::ALL.into_iter().enumerate() {
        if commands::presses_nth(ctx, Command::Stance, n) > 0 {
            open.view.stance = stance;
            if let Some(id) = open.view.selected_reaction {
                changes.extend(update_reaction(open.doc.session(), id, |r| {
                    r.stance = stance
                }));
            }
        }
    }
    // Esc always wins: pressed with Enter or R in one frame (a quick "never mind"), or before
    // the field took the focus Enter asked for, the field stays closed, so the digits that
    // follow count hands instead of becoming a reaction. It also leaves a form: its typed
    // text stays as a draft, and the one-key shortcuts work again.
    let escape = commands::sees(ctx, Command::Leave);
    if escape {
        open.view.focus_capture = false;
        open.view.forms.filling = false;
    }
    // A text field or a button has the keyboard, or a form waits for the rest of its text:
    // letters, digits and space belong to what is being typed, never to the room.
    let typing = ctx.egui_wants_keyboard_input();
    let filling = holds_keys(open);
    beamer::keys(&mut open.view.beamer, ctx, typing || filling);
    if typing {
        return;
    }
    let forward = commands::presses(ctx, Command::NextItem);
    let back = commands::presses(ctx, Command::PreviousItem);
    if forward != back {
        let to = (open.view.current + forward).saturating_sub(back);
        go_to(open, to);
    }
    if pressed(Command::FirstItem) {
        go_to(open, 0);
    }
    if pressed(Command::LastItem) {
        go_to(open, usize::MAX);
    }
    // Moving on is no typing: the draft stays with its item.
    if filling {
        return;
    }
    if let Some(live) = &mut open.live {
        if pressed(Command::Voting) {
            live.view.open = !live.view.open;
        }
        if pressed(Command::JoinCode) {
            open.view.join_code = !open.view.join_code;
        }
    }
    let session = open.doc.session();
    let groups: Vec<Id> = session.groups.iter().map(|g| g.id).collect();
    if pressed(Command::PreviousGroup) {
        open.view.group = cycle_group(&groups, open.view.group, false);
    } else if pressed(Command::NextGroup) {
        open.view.group = cycle_group(&groups, open.view.group, true);
    }
    if pressed(Command::WholeRoom) {
        open.view.group = None;
    }
    let Some(item) = session.agenda.get(open.view.current) else {
        return;
    };
    let item_id = item.id;
    if pressed(Command::Timer) {
        open.view
            .timers
            .entry(item_id)
            .or_default()
            .toggle(Instant::now());
    }
    let open_capture = pressed(Command::Capture);
    if open_capture && !escape {
        open.view.focus_capture = true;
        keys::swallow_text(ctx);
    }
    let round = open.view.current_round(item);
    if item.kind == ItemKind::Proposition
        && let Some(round) = round
    {
        let r = item.round(round).expect("current_round exists");
        for (n, option) in item.options.iter().enumerate().take(9) {
            let added = commands::presses_nth(ctx, Command::Tally, n) as i64;
            let removed = commands::presses_nth(ctx, Command::Untally, n) as i64;
            // Never below zero, however many removals arrive in one frame.
            let count = i64::from(r.hand_count(option.id, open.view.group));
            let delta = (added - removed).max(-count);
            if delta != 0 {
                changes.push(tally(item_id, round, option.id, open.view.group, delta));
            }
        }
    }
    if matches!(item.kind, ItemKind::Proposition | ItemKind::Question) {
        if pressed(Command::NewRound) {
            changes.push(new_round_change(session, item));
            open.view.round.remove(&item_id);
        }
        let index = round
            .and_then(|r| item.rounds.iter().position(|x| x.id == r))
            .unwrap_or(0);
        if pressed(Command::PreviousRound) && index > 0 {
            open.view.round.insert(item_id, item.rounds[index - 1].id);
        }
        if pressed(Command::NextRound) && index + 1 < item.rounds.len() {
            open.view.round.insert(item_id, item.rounds[index + 1].id);
        }
    }
    if let Some(round) = round.and_then(|r| item.round(r)) {
        let target = open
            .view
            .selected_reaction
            .filter(|id| round.reactions.iter().any(|r| r.id == *id))
            .or_else(|| round.reactions.last().map(|r| r.id));
        if pressed(Command::SelectReaction) {
            // Walk the selection up the list, starting at the newest reaction.
            let i = open
                .view
                .selected_reaction
                .and_then(|id| round.reactions.iter().position(|r| r.id == id));
            open.view.selected_reaction = match i {
                Some(0) => None,
                Some(i) => Some(round.reactions[i - 1].id),
                None => round.reactions.last().map(|r| r.id),
            };
        }
        if pressed(Command::Highlight)
            && let Some(id) = target
        {
            changes.extend(update_reaction(session, id, |r| {
                r.highlighted = !r.highlighted
            }));
        }
        let selected = open
            .view
            .selected_reaction
            .and_then(|id| round.reactions.iter().position(|r| r.id == id));
        if let Some(i) = selected {
            let id = round.reactions[i].id;
            let to = if pressed(Command::MoveReactionUp) {
                i.checked_sub(1)
            } else if pressed(Command::MoveReactionDown) {
                Some(i + 1).filter(|to| *to < round.reactions.len())
            } else {
                None
            };
            if let Some(to) = to {
                changes.push(Change::MoveReaction {
                    item: item_id,
                    round: round.id,
                    reaction: id,
                    to,
                });
            }
            if pressed(Command::Edit) {
                start_editing(
                    &mut open.view,
                    round.reactions[i].id,
                    &round.reactions[i].text,
                );
                keys::swallow_text(ctx);
            }
        }
        if pressed(Command::RenameRound) {
            start_renaming(&mut open.view.forms, round);
        }
        if let Some(id) = open.view.selected_reaction
            && open.view.editing.is_none()
            && pressed(Command::Delete)
            && round.reactions.iter().any(|r| r.id == id)
        {
            changes.push(Change::RemoveReaction {
                item: item_id,
                round: round.id,
                reaction: id,
            });
            open.view.selected_reaction = None;
        }
    }
}

fn cycle_group(groups: &[Id], current: Option<Id>, forward: bool) -> Option<Id> {
    // Positions: 0 is the whole room, 1..=n the groups.
    let n = groups.len() + 1;
    let pos = current
        .and_then(|g| groups.iter().position(|x| *x == g))
        .map_or(0, |p| p + 1);
    let next = if forward {
        (pos + 1) % n
    } else {
        (pos + n - 1) % n
    };
    if next == 0 {
        None
    } else {
        Some(groups[next - 1])
    }
}
