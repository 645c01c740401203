//! Reports of a room partly on phones: totals are hands plus phones, and a round answered
//! both ways says how many answers came from phones and how many were counted by hand. A
//! round answered one way only reads as before. Golden files: `report_phones__*`.

use super::support::live;
use stelling::model::*;
use stelling::report;

const G1: Id = Id(10);
const PROP: Id = Id(100);
const A: Id = Id(101);
const B: Id = Id(102);
const R1: Id = Id(110);
const R2: Id = Id(111);

fn phone(s: &Session, n: u32) -> Device {
    Device::of(s.id, &format!("{n:032x}"))
}

/// Round 1: 2 hands and 3 phones; round 2: phones only.
fn session(language: Language) -> Session {
    let mut s = Session::new("Phones and hands", language);
    s.id = Id(1);
    live::add_groups(&mut s, &[(G1, "Table 1")]);
    let mut r1 = Round::new(R1, "Before");
    r1.tallies.push(Tally {
        option: A,
        group: None,
        count: 2,
    });
    for (n, option, group) in [(1, A, Some(G1)), (2, B, Some(G1)), (3, B, None)] {
        r1.ballots.push(Ballot {
            device: phone(&s, n),
            option,
            group,
        });
    }
    let mut r2 = Round::new(R2, "After");
    for n in 1..=4 {
        r2.ballots.push(Ballot {
            device: phone(&s, n),
            option: A,
            group: None,
        });
    }
    let options = [(A, "agree"), (B, "disagree")];
    let item = live::proposition(&s, PROP, "More trees in the street", &options, vec![r1, r2]);
    s.agenda.push(item);
    s
}

#[test]
fn a_round_with_phones_and_hands_says_so() {
    let en = session(Language::En);
    let md = report::markdown(&en);
    assert!(md.contains("3 by phone, 2 counted by hand"), "{md}");
    assert_eq!(
        md.matches("by phone").count(),
        1,
        "round 2 had phones only: {md}"
    );
    let html = report::html(&en);
    assert!(
        html.contains("5 answers (3 by phone, 2 counted by hand)"),
        "{html}"
    );
    let nl = report::markdown(&session(Language::Nl));
    assert!(nl.contains("3 via telefoon, 2 met de hand geteld"), "{nl}");
    insta::assert_snapshot!("report_phones.md", md);
    insta::assert_snapshot!("report_phones.html", html);
    insta::assert_snapshot!(
        "report_phones.csv",
        String::from_utf8(report::csv(&en, false))
            .unwrap()
            .replace("\r\n", "\n")
    );
}

#[test]
fn totals_count_phones_and_hands() {
    let md = report::markdown(&session(Language::En));
    // agree: 2 hands + 1 phone of 5 = 60 %; disagree: 2 phones = 40 %.
    assert!(md.contains("| agree | 3 | 60.0% |"), "{md}");
    assert!(md.contains("| disagree | 2 | 40.0% |"), "{md}");
    assert!(md.contains("| agree | 4 | 100.0% |"), "{md}");
}
