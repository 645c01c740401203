//! One number everywhere (issue 15, item 4): the same tally shows the same percentage and the
//! same shift on the presenter, on the beamer (its accessibility labels) and in every report
//! format, in Dutch and in English, and the parts of a whole that are shown add up to 100.

use crate::support;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use stelling::model::{Group, Id, Item, ItemKind, Language, Round, Session, Tally};
use stelling::store::{self};
use stelling::ui::App;
use stelling::{report, ui};

const PROPOSITION: &str = "Every school keeps one shared pupil file.";

/// Hands per option (agree, disagree, not sure) for tables A and B.
type Hands = [[u32; 3]; 2];
/// Round 1: 11 of 30 agree (1 + 10); table A 1 / 2 / 0 of 3.
const ROUND_1: Hands = [[1, 2, 0], [10, 8, 9]];
/// Round 2: 3 of 24 agree (1 + 2); table A 1 / 1 / 1 of 3, which shown alone would be 99.9 %.
const ROUND_2: Hands = [[1, 1, 1], [2, 13, 6]];

fn round(id: u64, label: &str, options: &[Id], groups: &[Id], hands: Hands) -> Round {
    let mut r = Round::new(Id(id), label);
    for (g, row) in groups.iter().zip(hands) {
        for (o, count) in options.iter().zip(row) {
            r.tallies.push(Tally {
                option: *o,
                group: Some(*g),
                count,
            });
        }
    }
    r
}

fn session(language: Language) -> Session {
    let mut s = Session::new("One number", language);
    s.groups = ["A", "B"]
        .iter()
        .enumerate()
        .map(|(i, name)| Group {
            id: Id(100 + i as u64),
            name: format!("Table {name}"),
            size: None,
        })
        .collect();
    let groups: Vec<Id> = s.groups.iter().map(|g| g.id).collect();
    let mut item = Item::new(&s, ItemKind::Proposition, PROPOSITION);
    let options: Vec<Id> = item.options.iter().map(|o| o.id).collect();
    item.rounds = vec![
        round(200, "R1", &options, &groups, ROUND_1),
        round(201, "R2", &options, &groups, ROUND_2),
    ];
    s.agenda.push(item);
    s
}

/// The numbers this tally must show, written the way `language` writes them.
struct Expected {
    /// Agree in round 1 and in round 2.
    shares: [String; 2],
    /// Agree from round 1 to round 2.
    shift: String,
    /// Table A in round 2, per option: together 100.
    table_a: [String; 3],
}

fn expected(language: Language) -> Expected {
    let write = |s: &str| match language {
        Language::Nl => s.replace('.', ","),
        Language::En => s.to_string(),
    };
    Expected {
        shares: [write("36.7%"), write("12.5%")],
        shift: write("-24.2 pp"),
        table_a: [write("33.4%"), write("33.3%"), write("33.3%")],
    }
}

fn labels(h: &Harness<'_, App>) -> Vec<String> {
    h.query_all_by(|_| true)
        .filter_map(|n| {
            let node = n.accesskit_node();
            node.label().or_else(|| node.value())
        })
        .collect()
}

fn count(h: &Harness<'_, App>, text: &str) -> usize {
    h.query_all_by_label_contains(text).count()
}

fn press(h: &mut Harness<'_, App>, key: Key) {
    h.key_press(key);
    h.run_steps(2);
}

/// Presenter and beamer in one window (the test harness embeds the second viewport).
fn presenter_and_beamer(language: Language, e: &Expected) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("one-number.ron");
    store::save(&path, &session(language)).unwrap();
    let mut h = support::harness_sized(support::app_with(&path, language), 1600.0, 1000.0);
    assert_eq!(
        h.state().open.as_ref().unwrap().view.screen,
        ui::Screen::Run
    );

    // The presenter's tally table: round 2's share and the shift from round 1.
    let presenter = labels(&h);
    for text in [&e.shares[1], &e.shift] {
        assert!(presenter.contains(text), "presenter {text}: {presenter:?}");
    }

    press(&mut h, Key::F5);
    press(&mut h, Key::V);
    let all = labels(&h);
    // The beamer's bars: "R1: 11 · 36.7%" and "R2: 3 · 12.5%   -24.2 pp".
    let r1 = format!("R1: 11 · {}", e.shares[0]);
    let r2 = format!("R2: 3 · {}   {}", e.shares[1], e.shift);
    for text in [&r1, &r2] {
        assert_eq!(count(&h, text), 1, "beamer {text}: {all:?}");
    }
    // Table A per option, adding up to 100.
    let table_a = format!(
        "1: {}   2: {}   3: {}",
        e.table_a[0], e.table_a[1], e.table_a[2]
    );
    assert_eq!(count(&h, &table_a), 1, "beamer {table_a}: {all:?}");
}

/// Text without whitespace, so a wrapped PDF line compares equal to the unwrapped one.
fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn reports(language: Language, e: &Expected) {
    let s = session(language);
    let md = report::markdown(&s);
    let html = report::html(&s);
    let pdf = squash(
        &pdf_extract::extract_text_from_mem(&report::pdf(&s).unwrap()).expect("readable PDF"),
    );
    let shares_and_shift = [&e.shares[0], &e.shares[1], &e.shift];
    for text in shares_and_shift {
        assert!(md.contains(text.as_str()), "markdown {text}:\n{md}");
        assert!(html.contains(text.as_str()), "html {text}");
        assert!(pdf.contains(&squash(text)), "pdf {text}:\n{pdf}");
    }
    // Per group, in the formats that write a share per group: "1 (33.4%)".
    for text in &e.table_a {
        let cell = format!("1 ({text})");
        assert!(html.contains(&cell), "html {cell}");
        assert!(pdf.contains(&squash(&cell)), "pdf {cell}:\n{pdf}");
    }

    // CSV writes no shift, and its number format is the file's, not the language's: a point
    // in plain CSV, a comma in the one for Excel.
    let plain = String::from_utf8(report::csv(&s, false)).unwrap();
    let excel = String::from_utf8(report::csv(&s, true)).unwrap();
    for (csv, separator) in [(plain, ","), (excel, ";")] {
        let comma = separator == ";";
        let number = |t: &String| {
            let n = t.trim_end_matches('%').replace(',', ".");
            if comma { n.replace('.', ",") } else { n }
        };
        for (label, count, share) in [
            ("R1", 11, &e.shares[0]),
            ("R2", 3, &e.shares[1]),
            ("R2", 1, &e.table_a[0]),
        ] {
            let row = format!("{separator}{label}{separator}");
            let cells = format!("{separator}{count}{separator}{}{separator}", number(share));
            assert!(
                csv.lines().any(|l| l.contains(&row) && l.contains(&cells)),
                "csv {label} {cells}:\n{csv}"
            );
        }
    }
}

#[test]
fn the_same_tally_shows_the_same_numbers_everywhere() {
    for language in [Language::Nl, Language::En] {
        let e = expected(language);
        presenter_and_beamer(language, &e);
        reports(language, &e);
    }
}
