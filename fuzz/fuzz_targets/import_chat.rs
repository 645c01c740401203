//! Any bytes as a saved meeting chat: decoded and parsed without a panic; every non-blank
//! line is accounted for; the messages become reactions of a real session that stays valid.
#![no_main]

use chrono::{FixedOffset, NaiveDate};
use libfuzzer_sys::fuzz_target;
use stelling::import::{chat, decode};
use stelling::model::{Item, ItemKind, Language, Session, validate};

fuzz_target!(|data: &[u8]| {
    let Ok((text, _)) = decode(data) else {
        return;
    };
    let mut import = chat::parse(&text);
    let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
    let found = import.messages.len() + import.private.len() + import.unparsed.len();
    assert!(found <= lines);
    import.include_private();
    let mut session = Session::new("Fuzz", Language::Nl);
    let item = Item::new(&session, ItemKind::Question, "Wat vindt u?");
    let (item_id, round_id) = (item.id, item.rounds[0].id);
    session.agenda.push(item);
    let date = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let offset = FixedOffset::east_opt(3600).unwrap();
    let change = chat::to_changes(&session, item_id, round_id, &import, true, date, offset);
    session.apply(change).expect("imported messages apply");
    assert_eq!(validate::session(&session), Ok(()));
});
