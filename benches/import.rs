//! Reading a big saved chat: 5 MB in the formats of several meeting apps, with multi-line and
//! private messages. Goal: well under a second (a real day-long chat is a few hundred KB).
//! And a list of 40,000 lines (1.7 MB) into a session, its undo included: under a second (it
//! took minutes while every item was checked against all the items before it).
//!
//! `cargo bench --bench import`

use divan::Bencher;
use stelling::import::{chat, list};
use stelling::model::{Change, Document, Item, ItemKind, Language, Session};

fn main() {
    divan::main();
}

const CHAT_BYTES: usize = 5 * 1024 * 1024;

const NAMES: &[&str] = &[
    "Anneke de Wit",
    "Hassan",
    "Ingrid Smit",
    "Pieter",
    "Zoë 🌻",
    "سارا",
    "Daan Visser",
    "Lotte",
];

const TEXTS: &[&str] = &[
    "Goed punt, daar sluit ik me bij aan.",
    "Can we see the results next month?",
    "De speeltuin moet eerst, de bomen kunnen wachten.",
    "I think the budget should go to the youth centre first: they have nothing now.",
    "👍👍",
    "Wie neemt de notulen?",
    "Let op: de vergadering begint een kwartier later.",
];

/// A chat of about `bytes` bytes cycling through Zoom, tab separated, Teams-like and plain
/// headers, with a continuation line now and then.
fn generated_chat(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 200);
    let mut n = 0usize;
    while out.len() < bytes {
        let (h, m, s) = ((n / 3600) % 24, (n / 60) % 60, n % 60);
        let name = NAMES[n % NAMES.len()];
        let text = TEXTS[n % TEXTS.len()];
        match n % 6 {
            0 => out.push_str(&format!(
                "{h:02}:{m:02}:{s:02} From {name} to Everyone: {text}\n"
            )),
            1 => out.push_str(&format!(
                "{h:02}:{m:02}:{s:02} From  {name}  to  Everyone:\n\t{text}\n\tEn nog een regel.\n"
            )),
            2 => out.push_str(&format!("{h:02}:{m:02}:{s:02}\t{name}:\t{text}\n")),
            3 => out.push_str(&format!("[{h:02}:{m:02}] {name}: {text}\r\n")),
            4 => out.push_str(&format!(
                "{h:02}:{m:02}:{s:02} From {name} to Lotte(privately): {text}\n"
            )),
            _ => out.push_str(&format!("{h:02}:{m:02} {name}: {text}\n\n")),
        }
        n += 1;
    }
    out
}

#[divan::bench(sample_count = 20)]
fn parse_chat_5mb(bencher: Bencher) {
    let text = generated_chat(CHAT_BYTES);
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| chat::parse(divan::black_box(&text)));
}

#[divan::bench]
fn parse_list_1000_lines(bencher: Bencher) {
    let text: String = (0..1000)
        .map(|n| match n % 4 {
            0 => format!("- Stelling {n}: samen beslissen werkt beter\n"),
            1 => format!("{n}. Every voice counts, also number {n}\r\n"),
            2 => "\n".to_string(),
            _ => format!("• Bewoners kiezen de bomen ({n})\n"),
        })
        .collect();
    bencher.bench(|| list::parse(divan::black_box(&text)));
}

/// Parsing, turning into changes and applying 1,000 messages to one item.
#[divan::bench(sample_count = 20)]
fn import_1000_messages(bencher: Bencher) {
    let text = generated_chat(100_000);
    let mut import = chat::parse(&text);
    import.messages.truncate(1000);
    assert_eq!(import.messages.len(), 1000);
    let mut session = Session::new("Online", Language::Nl);
    let item = Item::new(&session, ItemKind::Question, "Wat vond je ervan?");
    let (item_id, round_id) = (item.id, item.rounds[0].id);
    session
        .apply(Change::AddItem {
            index: 0,
            item: Box::new(item),
        })
        .unwrap();
    let date = chrono::NaiveDate::from_ymd_opt(2025, 3, 12).unwrap();
    let offset = chrono::FixedOffset::east_opt(3600).unwrap();
    bencher
        .with_inputs(|| session.clone())
        .bench_local_values(|mut s| {
            let change = chat::to_changes(&s, item_id, round_id, &import, false, date, offset);
            s.apply(change).unwrap();
            s
        });
}

fn list_of(lines: usize) -> String {
    (0..lines)
        .map(|n| format!("- Stelling {n}: het plein is van de buurt en de buurt beslist\n"))
        .collect()
}

/// `stelling import` without the file: parse 40,000 lines and make a new session of them.
#[divan::bench(sample_count = 10)]
fn import_list_40000_lines(bencher: Bencher) {
    let text = list_of(40_000);
    bencher.bench(|| {
        let lines = list::parse(divan::black_box(&text));
        list::new_session("Lang", Language::Nl, &lines)
    });
}

/// The prepare screen's paste: 40,000 lines added to a session of 100 items as one undo step,
/// then undone.
#[divan::bench(sample_count = 10)]
fn paste_40000_lines_and_undo(bencher: Bencher) {
    let text = list_of(40_000);
    let start: Vec<String> = (0..100).map(|n| format!("Eerder {n}")).collect();
    let session = list::new_session("Bestaand", Language::Nl, &start);
    bencher
        .with_inputs(|| Document::new(session.clone()))
        .bench_local_values(|mut doc| {
            let lines = list::parse(&text);
            let change = list::to_changes_at(doc.session(), 50, ItemKind::Proposition, &lines);
            doc.apply(change).unwrap();
            assert!(doc.undo());
            doc
        });
}
