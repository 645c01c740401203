//! Tallies and reactions as one tidy CSV table (RFC 4180: CRLF line ends, `"` quoting; UTF-8),
//! for a spreadsheet or a script.
//!
//! One header row, then per agenda item that shows votes one row per option per round (and per
//! group), then one row per reaction. Columns:
//!
//! | column      | tally row                                   | reaction row                |
//! |-------------|---------------------------------------------|-----------------------------|
//! | `kind`      | `tally`                                     | `reaction`                  |
//! | `session`   | session title                               | session title               |
//! | `item`      | agenda number (1-based)                     | agenda number               |
//! | `item_text` | the prompt, on one line                     | the prompt                  |
//! | `round`     | round label                                 | round label                 |
//! | `group`     | group name, the "no group" word, or `Totaal`/`Total` | group name or empty |
//! | `option`    | response option                             | empty                       |
//! | `count`     | hands                                       | empty                       |
//! | `percent`   | share, see below                            | empty                       |
//! | `stance`    | empty                                       | `Voor`/`For`, …             |
//! | `highlighted` | empty                                     | `1` or `0`                  |
//! | `by`        | empty                                       | name or role, if given      |
//! | `time`      | empty                                       | RFC 3339, as recorded       |
//! | `text`      | empty                                       | the reaction as typed       |
//!
//! Every option of a round gets a total row, with the word for "total" of the session's
//! language (`Totaal`/`Total`) in `group` and its share of all answers in the round. When the
//! round was counted per group, each option also gets a row per group (session order, then hands
//! without a group under `Zonder groep`/`No group`) whose percent is the share within that
//! group. Header and `kind` values are fixed English identifiers, so scripts need not care about
//! the language.
//!
//! Plain mode uses `,` between fields and `.` in percentages. Excel mode (`excel = true`) starts
//! with a UTF-8 byte-order mark and uses `;` between fields and `,` in percentages, which is
//! what Excel with Dutch regional settings opens correctly on a double-click.
//!
//! Any cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a `'` in front,
//! so a spreadsheet shows it as text instead of running it as a formula.

use super::bidi;
use super::labels::Labels;
use super::summary::{ItemSummary, round_label, single_line, summary};
use crate::model::{Decimal, Session};

const HEADER: [&str; 14] = [
    "kind",
    "session",
    "item",
    "item_text",
    "round",
    "group",
    "option",
    "count",
    "percent",
    "stance",
    "highlighted",
    "by",
    "time",
    "text",
];

/// The session's tallies and reactions as CSV bytes. Pure and deterministic.
pub fn csv(session: &Session, excel: bool) -> Vec<u8> {
    let sum = summary(session);
    let l = sum.labels;
    let decimal = if excel {
        Decimal::Comma
    } else {
        Decimal::Point
    };
    let mut out = Vec::new();
    if excel {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    let mut w = ::csv::WriterBuilder::new()
        .delimiter(if excel { b';' } else { b',' })
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out);
    let mut rows: Vec<[String; 14]> = Vec::new();
    for it in &sum.items {
        rows.extend(tally_rows(&sum.title, l, decimal, it));
        rows.extend(reaction_rows(session, &sum.title, l, it));
    }
    // Writing to a Vec cannot fail.
    let _ = w.write_record(HEADER);
    for row in rows {
        let _ = w.write_record(row.iter().map(|cell| neutralise(cell).into_owned()));
    }
    w.into_inner().unwrap_or_default()
}

fn tally_rows(title: &str, l: &Labels, decimal: Decimal, it: &ItemSummary) -> Vec<[String; 14]> {
    let mut rows = Vec::new();
    for r in &it.rounds {
        for o in &r.options {
            let row = |group: &str, count: u64, tenths: u64| {
                [
                    "tally".to_string(),
                    title.to_string(),
                    it.number.to_string(),
                    single_line(&it.item.text),
                    r.label.clone(),
                    group.to_string(),
                    single_line(&o.option.label),
                    count.to_string(),
                    decimal.number(tenths),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                ]
            };
            for ((n, t), c) in o.per_group.iter().zip(&o.group_tenths).zip(&r.columns) {
                rows.push(row(&single_line(c.name), *n, *t));
            }
            rows.push(row(l.total, o.count, o.tenths));
        }
    }
    rows
}

fn reaction_rows(s: &Session, title: &str, l: &Labels, it: &ItemSummary) -> Vec<[String; 14]> {
    let mut rows = Vec::new();
    for (index, round) in it.item.rounds.iter().enumerate() {
        for r in round.reactions.iter().filter(|r| !r.text.trim().is_empty()) {
            rows.push([
                "reaction".to_string(),
                title.to_string(),
                it.number.to_string(),
                single_line(&it.item.text),
                round_label(l, round, index + 1),
                single_line(s.group_name(r.group)),
                String::new(),
                String::new(),
                String::new(),
                l.stance(r.stance).to_string(),
                if r.highlighted { "1" } else { "0" }.to_string(),
                r.by.as_deref().map(single_line).unwrap_or_default(),
                r.time.map(|t| t.to_rfc3339()).unwrap_or_default(),
                bidi::isolate(r.text.trim()).into_owned(),
            ]);
        }
    }
    rows
}

/// A cell that a spreadsheet would read as a formula, with a `'` in front so it stays text.
/// Bidi controls in front (the isolate around a text that had some) are looked past.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    let start = cell.trim_start_matches(bidi::is_control);
    if start.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Change, Group, Id, Item, ItemKind, Language, Reaction, Stance, Tally};
    use chrono::DateTime;

    fn session(lang: Language) -> Session {
        let mut s = Session::new("Wijk, \"toekomst\"", lang);
        s.groups.push(Group {
            id: Id(0x10),
            name: "Tafel 1".into(),
            size: None,
        });
        let item = Item::new(&s, ItemKind::Proposition, "Meer groen;\nminder grijs.");
        s.apply(Change::AddItem {
            index: 0,
            item: Box::new(item),
        })
        .unwrap();
        let (eens, oneens) = (s.agenda[0].options[0].id, s.agenda[0].options[1].id);
        let round = &mut s.agenda[0].rounds[0];
        round.tallies.push(Tally::new(eens, Some(Id(0x10)), 2));
        round.tallies.push(Tally::new(oneens, None, 1));
        round.reactions.push(Reaction {
            id: Id(0x20),
            text: "=HYPERLINK(\"http://x\",\"klik\")".into(),
            stance: Stance::Against,
            group: Some(Id(0x10)),
            by: None,
            time: Some(DateTime::parse_from_rfc3339("2026-11-23T14:05:00+01:00").unwrap()),
            highlighted: true,
        });
        s
    }

    fn text(bytes: &[u8]) -> &str {
        std::str::from_utf8(bytes).unwrap()
    }

    #[test]
    fn plain_rows() {
        let out = csv(&session(Language::Nl), false);
        let out = text(&out);
        let lines: Vec<&str> = out.split_terminator("\r\n").collect();
        assert_eq!(
            lines[0],
            "kind,session,item,item_text,round,group,option,count,percent,stance,highlighted,by,time,text"
        );
        let rest = &lines[1..];
        let t = "tally,\"Wijk, \"\"toekomst\"\"\",1,Meer groen; minder grijs.,Ronde 1";
        assert_eq!(rest[0], format!("{t},Tafel 1,Eens,2,100.0,,,,,"));
        assert_eq!(rest[1], format!("{t},Zonder groep,Eens,0,0.0,,,,,"));
        assert_eq!(rest[2], format!("{t},Totaal,Eens,2,66.7,,,,,"));
        assert_eq!(rest[5], format!("{t},Totaal,Oneens,1,33.3,,,,,"));
        assert_eq!(rest[8], format!("{t},Totaal,Twijfel,0,0.0,,,,,"));
        assert_eq!(
            rest[9],
            "reaction,\"Wijk, \"\"toekomst\"\"\",1,Meer groen; minder grijs.,Ronde 1,Tafel 1,,,,\
             Tegen,1,,2026-11-23T14:05:00+01:00,\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\""
        );
        assert_eq!(rest.len(), 10);
        assert!(out.ends_with("\r\n"));
    }

    #[test]
    fn excel_mode() {
        let out = csv(&session(Language::En), true);
        assert!(out.starts_with(&[0xEF, 0xBB, 0xBF]));
        let out = &text(&out)[3..];
        let lines: Vec<&str> = out.split_terminator("\r\n").collect();
        assert!(lines[0].starts_with("kind;session;item;item_text;round;group;"));
        let t = "tally;\"Wijk, \"\"toekomst\"\"\";1;\"Meer groen; minder grijs.\";Round 1";
        assert_eq!(lines[3], format!("{t};Total;Agree;2;66,7;;;;;"));
        assert!(lines[10].ends_with(
            ";Against;1;;2026-11-23T14:05:00+01:00;\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\""
        ));
    }

    #[test]
    fn formulas_are_neutralised() {
        for bad in ["=1+1", "+31 6", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(bad), format!("'{bad}"));
        }
        assert_eq!(neutralise("gewoon"), "gewoon");
        assert_eq!(neutralise(""), "");
        assert_eq!(neutralise("a=b"), "a=b");
        let isolated = bidi::isolate("=1+1\u{202E}").into_owned();
        assert_eq!(neutralise(&isolated), format!("'{isolated}"));
    }

    #[test]
    fn reads_back() {
        let mut s = session(Language::Nl);
        s.agenda[0].rounds[0].reactions[0].text = "regel 1\nregel \"2\", met; alles".into();
        for excel in [false, true] {
            let bytes = csv(&s, excel);
            let body = if excel { &bytes[3..] } else { &bytes[..] };
            let mut r = ::csv::ReaderBuilder::new()
                .delimiter(if excel { b';' } else { b',' })
                .from_reader(body);
            let records: Vec<_> = r.records().map(Result::unwrap).collect();
            assert_eq!(records.len(), 10);
            assert!(records.iter().all(|rec| rec.len() == HEADER.len()));
            assert_eq!(&records[9][13], "regel 1\nregel \"2\", met; alles");
        }
    }

    #[test]
    fn empty_session_is_a_header() {
        let out = csv(&Session::new("", Language::Nl), false);
        assert_eq!(text(&out).lines().count(), 1);
    }
}
