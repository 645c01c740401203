//! Generated sessions of a chosen size, for benchmarks and load tests: the sizes a big
//! conference or an imported chat log reaches.

use super::*;

/// A session with `items` propositions (three options, two rounds, tallies for three groups)
/// and `reactions` reactions spread evenly over them.
pub fn large_session(items: usize, reactions: usize) -> Session {
    let mut session = Session::new("Grote conferentie — ‘stellingen’ en reacties", Language::Nl);
    let mut ids = IdSource::new(&session);
    session.groups = (1..=3)
        .map(|n| Group {
            id: ids.fresh(),
            name: format!("Tafel {n}"),
            size: Some(10),
        })
        .collect();
    let at: Timestamp = "2026-11-23T14:00:00+01:00".parse().expect("a valid time");
    let per_item = reactions / items.max(1);
    let mut left = reactions;
    for n in 0..items {
        let mut item = Item::new(
            &session,
            ItemKind::Proposition,
            format!(
                "Stelling {n}: samenwerking tussen school en jeugdhulp begint bij één vast gezicht in de school"
            ),
        );
        ids.reserve(item.id);
        for o in &item.options {
            ids.reserve(o.id);
        }
        item.rounds.clear();
        for r in 0..2 {
            let mut round = Round::new(ids.fresh(), (words(Language::Nl).session.round)(r + 1));
            for (g, group) in session.groups.iter().enumerate() {
                for (o, option) in item.options.iter().enumerate() {
                    round.tallies.push(Tally::new(
                        option.id,
                        Some(group.id),
                        ((n + g + o + r) % 7) as u32,
                    ));
                }
            }
            item.rounds.push(round);
        }
        let count = if n + 1 == items {
            left
        } else {
            per_item.min(left)
        };
        left -= count;
        for k in 0..count {
            let round = &mut item.rounds[k % 2];
            round.reactions.push(Reaction {
                id: ids.fresh(),
                text: format!("Reactie {k}: dat werkt alleen als de leerkracht de hulpverlener écht kent en weet wie ze kan bellen."),
                stance: Stance::ALL[k % 4],
                group: Some(session.groups[k % 3].id),
                by: None,
                time: Some(at + chrono::Duration::seconds(k as i64)),
                highlighted: k % 17 == 0,
            });
        }
        session.agenda.push(item);
    }
    session
}
