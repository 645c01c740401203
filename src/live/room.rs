//! What the room should see now, as the phones get it: built from the session and the
//! facilitator's view by a pure function, published by the host, served by the server.

use crate::model::words::{PhoneWords, words};
use crate::model::{Decimal, Id, Item, ItemKind, Language, Session, round_shares};
use serde::Serialize;

/// The facilitator's side of live voting, which the file does not hold: the current item and
/// round, whether voting is open, whether results are revealed and whether the beamer is
/// blank. Voting opens whenever another item or round becomes current (see [`View::show`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct View {
    pub item: Option<Id>,
    pub round: Option<Id>,
    pub open: bool,
    pub revealed: bool,
    pub blank: bool,
}

impl View {
    /// Makes `item`'s `round` current; a change opens voting and hides the results again.
    pub fn show(&mut self, item: Option<Id>, round: Option<Id>) {
        if (self.item, self.round) != (item, round) {
            self.item = item;
            self.round = round;
            self.open = true;
            self.revealed = false;
        }
    }
}

/// What the phone shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Screen {
    Question,
    Info,
    Wait,
    Blank,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OptionView {
    pub id: Id,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ItemView {
    pub id: Id,
    /// `proposition`, `scale` (every answer a number), `question`, `info`, …
    pub kind: &'static str,
    pub text: String,
    pub options: Vec<OptionView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RoundView {
    pub id: Id,
    pub label: String,
    pub open: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GroupView {
    pub id: Id,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ResultView {
    pub id: Id,
    pub label: String,
    pub count: u64,
    /// As the beamer writes it: `37,5%`.
    pub share: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Results {
    pub total: u64,
    pub options: Vec<ResultView>,
}

/// The state every phone shares; the server adds the version and the device's own answer
/// and group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Room {
    pub language: &'static str,
    pub screen: Screen,
    pub item: Option<ItemView>,
    pub round: Option<RoundView>,
    pub groups: Vec<GroupView>,
    pub results: Option<Results>,
    pub words: &'static PhoneWords,
}

/// The language code the page's `lang` attribute takes.
pub fn code(language: Language) -> &'static str {
    match language {
        Language::Nl => "nl",
        Language::En => "en",
    }
}

fn kind_name(item: &Item) -> &'static str {
    match item.kind {
        ItemKind::Proposition
            if !item.options.is_empty()
                && item
                    .options
                    .iter()
                    .all(|o| o.label.trim().replace(',', ".").parse::<f64>().is_ok()) =>
        {
            "scale"
        }
        ItemKind::Proposition => "proposition",
        ItemKind::Question => "question",
        ItemKind::Proposals => "proposals",
        ItemKind::Commitments => "commitments",
        ItemKind::Statements => "statements",
        ItemKind::Info => "info",
    }
}

impl Room {
    /// The room for `session` as the facilitator shows it in `view`.
    pub fn of(session: &Session, view: &View) -> Room {
        let language = session.language;
        let item = view.item.and_then(|id| session.item(id));
        let round = item.and_then(|i| view.round.and_then(|r| i.round(r)));
        let votes = item.is_some_and(|i| !i.options.is_empty()) && round.is_some();
        let screen = match item {
            _ if view.blank => Screen::Blank,
            Some(_) if votes => Screen::Question,
            Some(i) if i.kind == ItemKind::Info => Screen::Info,
            _ => Screen::Wait,
        };
        let shown = matches!(screen, Screen::Question | Screen::Info);
        let item_view = item.filter(|_| shown).map(|i| ItemView {
            id: i.id,
            kind: kind_name(i),
            text: i.text.clone(),
            options: i
                .options
                .iter()
                .map(|o| OptionView {
                    id: o.id,
                    label: o.label.clone(),
                })
                .collect(),
        });
        let round_view = match (item, round) {
            (Some(i), Some(r)) if screen == Screen::Question => Some(RoundView {
                id: r.id,
                label: if r.label.trim().is_empty() {
                    let n = i.rounds.iter().position(|x| x.id == r.id).unwrap_or(0) + 1;
                    (words(language).session.round)(n)
                } else {
                    r.label.clone()
                },
                open: view.open,
            }),
            _ => None,
        };
        let results = match (item, round) {
            (Some(i), Some(r)) if screen == Screen::Question && view.revealed => {
                let decimal = Decimal::of(language);
                Some(Results {
                    total: r.answers(),
                    options: i
                        .options
                        .iter()
                        .zip(round_shares(r, &i.options))
                        .map(|(o, s)| ResultView {
                            id: o.id,
                            label: o.label.clone(),
                            count: s.count,
                            share: decimal.share(s),
                        })
                        .collect(),
                })
            }
            _ => None,
        };
        Room {
            language: code(language),
            screen,
            item: item_view,
            round: round_view,
            groups: session
                .groups
                .iter()
                .map(|g| GroupView {
                    id: g.id,
                    name: g.name.clone(),
                })
                .collect(),
            results,
            words: &words(language).phone,
        }
    }

    /// The round phones can vote in now, with its item.
    pub fn open_round(&self) -> Option<(Id, Id)> {
        match (&self.item, &self.round) {
            (Some(i), Some(r)) if r.open && self.screen == Screen::Question => Some((i.id, r.id)),
            _ => None,
        }
    }

    pub fn has_option(&self, option: Id) -> bool {
        self.item
            .as_ref()
            .is_some_and(|i| i.options.iter().any(|o| o.id == option))
    }

    pub fn has_group(&self, group: Id) -> bool {
        self.groups.iter().any(|g| g.id == group)
    }
}
