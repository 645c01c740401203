//! Every report format of every example session against its golden file
//! (`tests/all/snapshots/`), plus the properties a snapshot cannot show: same bytes every time,
//! user text that stays text in HTML and spreadsheets, and calendar files that a real parser
//! reads back.
//!
//! Update the golden files after an intended change with
//! `INSTA_UPDATE=always cargo test --test all report_golden` (or `cargo insta review`) and review
//! the diff. Snapshots of CSV and ICS show CRLF as LF and leave the BOM out (insta normalises
//! line endings); both are checked byte-exact here instead.

use crate::support::examples;
use std::path::Path;
use std::str::FromStr;

use chrono::{DateTime, NaiveDate};
use icalendar::{Component, DatePerhapsTime};
use stelling::model::{Commitment, Id, Item, ItemKind, Language, Reaction, Session, Stance};
use stelling::{report, store};

fn load(path: &Path) -> Session {
    store::load(path).unwrap_or_else(|e| panic!("{e}"))
}

fn stem(path: &Path) -> String {
    path.file_stem().unwrap().to_string_lossy().into_owned()
}

const BOM: &str = "\u{feff}";

/// CRLF-terminated text (CSV records may hold a bare LF inside a quoted field; an ICS file may
/// not), with the line ends shown as LF for the snapshot.
fn crlf_text(bytes: &[u8], bare_lf_allowed: bool) -> String {
    let text = std::str::from_utf8(bytes).expect("UTF-8");
    assert!(text.ends_with("\r\n"));
    let without = text.replace("\r\n", "");
    assert!(!without.contains('\r'), "a CR outside CRLF");
    if !bare_lf_allowed {
        assert!(!without.contains('\n'), "a bare LF");
    }
    text.replace("\r\n", "\n")
}

#[test]
fn golden_files() {
    for path in examples() {
        let name = stem(&path);
        let s = load(&path);

        insta::assert_snapshot!(format!("{name}.md"), report::markdown(&s));
        insta::assert_snapshot!(format!("{name}.html"), report::html(&s));

        let plain = report::csv(&s, false);
        assert!(!plain.starts_with(BOM.as_bytes()));
        insta::assert_snapshot!(format!("{name}.csv"), crlf_text(&plain, true));

        let excel = report::csv(&s, true);
        let body = excel
            .strip_prefix(BOM.as_bytes())
            .expect("Excel CSV starts with a BOM");
        insta::assert_snapshot!(format!("{name}.excel.csv"), crlf_text(body, true));

        let ics = report::ics(&s);
        insta::assert_snapshot!(format!("{name}.ics"), crlf_text(ics.as_bytes(), false));
    }
}

/// Every format, as bytes.
fn render_all(s: &Session) -> Vec<Vec<u8>> {
    vec![
        report::markdown(s).into_bytes(),
        report::html(s).into_bytes(),
        report::csv(s, false),
        report::csv(s, true),
        report::ics(s).into_bytes(),
    ]
}

#[test]
fn deterministic() {
    for path in examples() {
        let s = load(&path);
        let first = render_all(&s);
        assert_eq!(first, render_all(&s));
        assert_eq!(first, render_all(&s.clone()));
        assert_eq!(first, render_all(&load(&path)), "{}", path.display());
    }
}

fn first_item_with_rounds(s: &mut Session) -> &mut Item {
    s.agenda
        .iter_mut()
        .find(|i| i.kind == ItemKind::Proposition && !i.rounds.is_empty())
        .expect("an example with a proposition")
}

fn reaction(id: u64, text: &str) -> Reaction {
    Reaction {
        id: Id(id),
        text: text.into(),
        stance: Stance::Against,
        group: None,
        by: None,
        time: Some(DateTime::parse_from_rfc3339("2025-03-11T14:05:00+01:00").unwrap()),
        highlighted: false,
    }
}

#[test]
fn html_shows_markup_in_user_text_only_as_text() {
    let script = "<script>alert(1)</script>";
    let img = "\"><img src=x onerror=alert(1)>";
    let mut s = load(&examples()[1]);
    s.title = img.into();
    s.place = script.into();
    s.facilitators.push(format!("{img}'"));
    if let Some(g) = s.groups.first_mut() {
        g.name = img.into();
    }
    let item = first_item_with_rounds(&mut s);
    item.text = script.into();
    item.options[0].label = format!("{img}{script}");
    let round = &mut item.rounds[0];
    round.label = img.into();
    round.reactions.push(reaction(0xdead_0001, script));
    round.reactions.push(Reaction {
        highlighted: true,
        by: Some(script.into()),
        ..reaction(0xdead_0002, img)
    });

    let page = report::html(&s);
    let lower = page.to_lowercase();
    assert!(!lower.contains("<script"), "{page}");
    assert!(!lower.contains("<img"), "{page}");
    assert!(!lower.contains("onerror=alert(1)>"), "{page}");
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(page.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    assert!(page.contains("&#39;"));
    // Also inside the chart: its accessible title and the option label.
    let svg = &page[page.find("<svg").unwrap()..page.find("</svg>").unwrap()];
    assert!(
        svg.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"),
        "{svg}"
    );
    // Outside attribute values, the page has no `"` from user text: every quote in a tag is
    // one of ours, so count that the tags stay well-formed.
    for tag in page.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap();
        assert_eq!(
            tag.matches('"').count() % 2,
            0,
            "unbalanced quotes in <{tag}>"
        );
    }
}

#[test]
fn csv_neutralises_formulas() {
    let link = "=HYPERLINK(\"http://x\",\"klik\")";
    let mut s = load(&examples()[1]);
    s.title = "+31 6 1234".into();
    let item = first_item_with_rounds(&mut s);
    item.options[0].label = "@SUM(A1:A9)".into();
    item.rounds[0].reactions.push(reaction(0xdead_0003, link));
    item.rounds[0]
        .reactions
        .push(reaction(0xdead_0004, "-1 is ook een mening"));

    for excel in [false, true] {
        let bytes = report::csv(&s, excel);
        let body = if excel { &bytes[3..] } else { &bytes[..] };
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(if excel { b';' } else { b',' })
            .from_reader(body);
        let header = reader.headers().unwrap().clone();
        let text = header.iter().position(|h| h == "text").unwrap();
        let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        for record in &records {
            assert_eq!(record.len(), header.len());
            for cell in record {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{cell:?} could run as a formula"
                );
            }
        }
        assert!(records.iter().any(|r| r[text] == format!("'{link}")));
        assert!(records.iter().any(|r| &r[text] == "'-1 is ook een mening"));
        assert!(records.iter().all(|r| &r[1] == "'+31 6 1234"));
        assert!(records.iter().any(|r| &r[6] == "'@SUM(A1:A9)"));
    }
}

#[test]
fn csv_percentages_per_mode() {
    let s = load(&examples()[1]);
    let plain = String::from_utf8(report::csv(&s, false)).unwrap();
    let excel = String::from_utf8(report::csv(&s, true)).unwrap();
    // The first proposition of the workshop: 15 of 30 agree before the discussion.
    assert!(plain.contains(",Totaal,Eens,15,50.0,"), "{plain}");
    assert!(excel.contains(";Totaal;Eens;15;50,0;"), "{excel}");
    assert!(plain.contains(",Tafel 1,Eens,6,60.0,"));
}

/// A commitment with a 300-character action full of Dutch characters and separators.
fn long_commitment(id: u64) -> Commitment {
    let base = "Ik zorg dat de ‘doorbraakaanpak’ — één loket, één plan; geen wachtlijst, \
                geen gedoe — in Spijkenisse, Hellevoetsluis én Brielle wordt besproken met \
                de coördinator, de oudervereniging; daarna: een overleg\\evaluatie, ";
    let mut action = String::new();
    while action.chars().count() < 300 {
        action.push_str(base);
    }
    let action: String = action.chars().take(300).collect();
    Commitment {
        id: Id(id),
        person: "Zoë d’Hondt, coördinator".into(),
        organisation: "Gemeente Voorne aan Zee; team Jeugd".into(),
        action,
        start: NaiveDate::from_ymd_opt(2025, 2, 1),
        follow_up: NaiveDate::from_ymd_opt(2025, 4, 1),
    }
}

fn start_date(event: &icalendar::Event) -> NaiveDate {
    match event.get_start().expect("DTSTART") {
        DatePerhapsTime::Date(d) => d,
        other => panic!("not an all-day event: {other:?}"),
    }
}

#[test]
fn ics_reads_back() {
    for path in examples() {
        let mut s = load(&path);
        let expected: Vec<Commitment> = s
            .agenda
            .iter()
            .flat_map(|i| i.commitments.iter())
            .filter(|c| c.follow_up.is_some())
            .cloned()
            .collect();
        let text = report::ics(&s);
        let calendar = icalendar::Calendar::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
        let events: Vec<&icalendar::Event> = calendar.events().collect();
        assert_eq!(events.len(), expected.len(), "{}", path.display());
        for (event, c) in events.iter().zip(&expected) {
            assert_eq!(Some(start_date(event)), c.follow_up);
            assert_eq!(event.get_uid(), Some(format!("{}@stelling", c.id).as_str()));
            assert!(event.get_summary().unwrap().contains(c.person.as_str()));
            assert_eq!(event.get_timestamp().map(|t| t.date_naive()), s.date);
        }

        // Add the long commitment to a session's commitments item, or a new one.
        let long = long_commitment(0xc0ffee);
        let item = match s
            .agenda
            .iter_mut()
            .find(|i| i.kind == ItemKind::Commitments)
        {
            Some(item) => item,
            None => {
                let item = Item::new(&s, ItemKind::Commitments, "Wie doet wat?");
                s.agenda.push(item);
                s.agenda.last_mut().unwrap()
            }
        };
        item.commitments.push(long.clone());
        // One without a follow-up date makes no event.
        item.commitments.push(Commitment {
            follow_up: None,
            ..long_commitment(0xc0ffef)
        });

        let text = report::ics(&s);
        for line in text.split_terminator("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let calendar = icalendar::Calendar::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
        let events: Vec<&icalendar::Event> = calendar.events().collect();
        assert_eq!(events.len(), expected.len() + 1);
        let event = events.last().unwrap();
        assert_eq!(
            start_date(event),
            NaiveDate::from_ymd_opt(2025, 4, 1).unwrap()
        );
        assert_eq!(
            event.get_end(),
            Some(DatePerhapsTime::Date(
                NaiveDate::from_ymd_opt(2025, 4, 2).unwrap()
            ))
        );
        let label = report::labels(s.language);
        assert_eq!(
            event.get_summary(),
            Some((label.follow_up_event)(&format!("{} — {}", long.person, long.action)).as_str())
        );
        let description = event.get_description().unwrap();
        assert!(description.contains(&long.action), "{description}");
        assert!(description.contains(&long.organisation));
        assert!(description.contains(&format!(
            "{}: {}",
            label.start,
            label.format_date(long.start.unwrap())
        )));
        assert!(description.contains(&stelling::report::summary(&s).title));
        assert_eq!(event.get_uid(), Some("0000000000c0ffee@stelling"));

        // The reminder the day before, read with the low-level parser.
        let unfolded = icalendar::parser::unfold(&text);
        let parsed = icalendar::parser::read_calendar(&unfolded).unwrap();
        let vevents: Vec<_> = parsed
            .components
            .iter()
            .filter(|c| c.name == "VEVENT")
            .collect();
        assert_eq!(vevents.len(), expected.len() + 1);
        for v in vevents {
            let alarm = v
                .components
                .iter()
                .find(|c| c.name == "VALARM")
                .expect("a reminder");
            assert_eq!(alarm.find_prop("ACTION").unwrap().val.as_str(), "DISPLAY");
            assert_eq!(alarm.find_prop("TRIGGER").unwrap().val.as_str(), "-P1D");
        }
    }
}

#[test]
fn ics_without_date_uses_a_fixed_stamp() {
    let mut s = Session::new("Zonder datum", Language::En);
    let mut item = Item::new(&s, ItemKind::Commitments, "Who?");
    item.commitments.push(long_commitment(7));
    s.agenda.push(item);
    let text = report::ics(&s);
    assert!(text.contains("\r\nDTSTAMP:19700101T000000Z\r\n"));
    assert!(text.contains("\r\nSUMMARY:Follow-up: Zoë d’Hondt\\, coördinator — "));
    assert_eq!(text, report::ics(&s.clone()));
}

#[test]
fn cli_exports_every_format() {
    let path = &examples()[3];
    let s = load(path);
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&[&str], Vec<u8>); 6] = [
        (&["-f", "md"], report::markdown(&s).into_bytes()),
        (&["-f", "html"], report::html(&s).into_bytes()),
        (&["-f", "csv"], report::csv(&s, false)),
        (&["-f", "csv", "--excel"], report::csv(&s, true)),
        (&["--format", "ics"], report::ics(&s).into_bytes()),
        (&["--format", "pdf"], report::pdf(&s).unwrap()),
    ];
    for (n, (flags, expected)) in cases.into_iter().enumerate() {
        let out = dir.path().join(format!("report-{n}"));
        let mut args = vec!["export", path.to_str().unwrap()];
        args.extend_from_slice(flags);
        args.extend(["-o", out.to_str().unwrap()]);
        let run = crate::support::stelling(&args);
        let stderr = crate::support::stderr(&run);
        assert!(run.status.success(), "{args:?}: {stderr}");
        assert_eq!(std::fs::read(&out).unwrap(), expected, "{args:?}");
    }
}

/// A PDF goes to standard output only when that is not a terminal (here: a pipe), and then
/// byte for byte what `report::pdf` gives.
#[test]
fn cli_pdf_to_a_pipe() {
    let path = &examples()[1];
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_stelling"))
        .args(["export", path.to_str().unwrap(), "--format", "pdf"])
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", crate::support::stderr(&run));
    assert_eq!(run.stdout, report::pdf(&load(path)).unwrap());
}
