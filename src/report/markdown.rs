//! The summary report as Markdown (CommonMark with GitHub-style tables), in the session's
//! language: details, every agenda item with its tallies, shifts, reactions, proposals,
//! commitments and statements, and a closing overview of actions by date.
//!
//! Everything participants typed is escaped so it renders literally: it never starts a
//! heading, list, quote or code block, never breaks a table, and a newline in a reaction is a
//! line break within the same bullet.

use super::labels::Labels;
use super::summary::{
    self, ItemSummary, ProposalSummary, Ranking, RoundTally, Summary, Todo, action_details, delta,
    lines, single_line, summary,
};
use crate::model::{Commitment, Session};
use chrono::NaiveDate;

/// The session's report as Markdown. Pure and deterministic: the same session always gives
/// the same text, and no input makes it panic.
pub fn markdown(session: &Session) -> String {
    let sum = summary(session);
    let l = sum.labels;
    let mut doc = Doc::default();

    doc.push(format!("# {}", heading_text(&sum.title)));
    doc.push(details(&sum));

    if session.agenda.is_empty() {
        doc.push(l.no_agenda.to_string());
    }
    for item in &sum.items {
        item_section(&mut doc, l, item);
    }

    if let Some(ranking) = &sum.ranking {
        ranking_section(&mut doc, l, ranking);
    }
    overview(&mut doc, l, &sum.todos);
    doc.finish()
}

/// Blocks of Markdown, separated by blank lines when finished.
#[derive(Default)]
struct Doc {
    blocks: Vec<String>,
}

impl Doc {
    fn push(&mut self, block: String) {
        if !block.is_empty() {
            self.blocks.push(block);
        }
    }

    fn finish(self) -> String {
        let mut out = self.blocks.join("\n\n");
        out.push('\n');
        out
    }
}

// ---------------------------------------------------------------------------------------------
// Session details

fn details(sum: &Summary) -> String {
    sum.details
        .iter()
        .map(|(label, value)| format!("- **{label}:** {}", inline(value)))
        .collect::<Vec<_>>()
        .join("\n")
}

// ---------------------------------------------------------------------------------------------
// Agenda items

fn item_section(doc: &mut Doc, l: &Labels, it: &ItemSummary) {
    doc.push(format!("## {}. {}", it.number, l.kind(it.item.kind)));
    doc.push(blockquote(&it.item.text));
    tallies(doc, l, it);
    reactions(doc, l, it);
    for p in &it.proposals {
        proposal(doc, l, p);
    }
    if !it.commitments.is_empty() {
        doc.push(commitments_table(l, it.commitments));
    }
    statements(doc, l, it);
}

fn tallies(doc: &mut Doc, l: &Labels, it: &ItemSummary) {
    let several = it.rounds.len() > 1;
    for round in &it.rounds {
        if several {
            doc.push(format!("### {}", inline(&round.label).replace('#', "\\#")));
        }
        doc.push(tally_table(l, round));
    }
    for shift in &it.shifts {
        let mut block = format!(
            "**{} {} → {}**\n",
            l.shift,
            inline(&shift.from),
            inline(&shift.to)
        );
        for (option, from, to) in &shift.options {
            block.push_str(&format!(
                "\n- {}: {} {}",
                escape_line(&single_line(&option.label), true),
                l.decimal.signed(delta(*from, *to)),
                l.points
            ));
        }
        doc.push(block);
    }
}

/// Option | count | percentage, a column per group when the round was counted per group, and
/// a total row. Percentages are of all answers in this round.
fn tally_table(l: &Labels, round: &RoundTally) -> String {
    let mut out = format!("| {} | {} | {} |", l.answer, l.count, l.share);
    for c in &round.columns {
        out.push_str(&format!(" {} |", cell(c.name)));
    }
    out.push_str("\n|---|---:|---:|");
    for _ in &round.columns {
        out.push_str("---:|");
    }
    for option in &round.options {
        out.push_str(&format!(
            "\n| {} | {} | {} |",
            cell(&option.option.label),
            option.count,
            l.decimal.percent(option.tenths)
        ));
        for n in &option.per_group {
            out.push_str(&format!(" {n} |"));
        }
    }
    let share = if round.total == 0 { 0 } else { 1000 };
    out.push_str(&format!(
        "\n| **{}** | **{}** | **{}** |",
        l.total,
        round.total,
        l.decimal.percent(share)
    ));
    for c in &round.columns {
        out.push_str(&format!(" **{}** |", c.total));
    }
    out
}

fn reactions(doc: &mut Doc, l: &Labels, it: &ItemSummary) {
    if it.reactions.is_empty() {
        return;
    }
    doc.push(format!("### {}", l.reactions));
    if it.any_highlighted {
        doc.push(format!("★ = {}", l.highlighted));
    }
    for (stance, these) in &it.reactions {
        doc.push(format!("**{}**", l.stance(*stance)));
        let bullets: Vec<String> = these
            .iter()
            .map(|e| {
                let r = e.reaction;
                let body = bullet_body(&r.text);
                let mut b = if r.highlighted {
                    format!("- ★ **{body}**")
                } else {
                    format!("- {body}")
                };
                let mut who = vec![
                    inline(&e.group),
                    r.by.as_deref().map(inline).unwrap_or_default(),
                ];
                if let Some(round) = &e.round {
                    who.push(inline(round));
                }
                who.retain(|w| !w.is_empty());
                if !who.is_empty() {
                    b.push_str(&format!(" ({})", who.join(", ")));
                }
                b
            })
            .collect();
        doc.push(bullets.join("\n"));
    }
}

fn proposal(doc: &mut Doc, l: &Labels, ps: &ProposalSummary) {
    let p = ps.proposal;
    doc.push(format!("### {}", heading_text(&ps.title)));
    for para in paragraphs(&p.description) {
        doc.push(para.join("\\\n"));
    }
    if !p.actions.is_empty() {
        doc.push(format!("**{}**", l.actions));
        let bullets: Vec<String> = p
            .actions
            .iter()
            .map(|a| {
                let meta = action_details(l, a, inline);
                let mut b = format!("- {}", bullet_body(&a.text));
                if !meta.is_empty() {
                    b.push_str(&format!(" ({meta})"));
                }
                b
            })
            .collect();
        doc.push(bullets.join("\n"));
    }
    if !ps.feedback.is_empty() {
        let feedback: Vec<String> = ps
            .feedback
            .iter()
            .map(|(group, f)| {
                let group = inline(group);
                let mut b = format!("- {}", bullet_body(&f.text));
                if !group.is_empty() {
                    b.push_str(&format!(" ({})", (l.feedback_from)(&group)));
                }
                b
            })
            .collect();
        doc.push(format!("**{}**", l.feedback));
        doc.push(feedback.join("\n"));
    }
}

fn commitments_table(l: &Labels, commitments: &[Commitment]) -> String {
    let date = |d: Option<NaiveDate>| d.map(|d| l.format_date(d)).unwrap_or_default();
    let mut out = format!(
        "| {} | {} | {} | {} | {} |\n|---|---|---|---|---|",
        l.person, l.organisation, l.action, l.start, l.follow_up
    );
    for c in commitments {
        out.push_str(&format!(
            "\n| {} | {} | {} | {} | {} |",
            cell(&c.person),
            cell(&c.organisation),
            cell(&c.action),
            date(c.start),
            date(c.follow_up)
        ));
    }
    out
}

fn statements(doc: &mut Doc, l: &Labels, it: &ItemSummary) {
    for (theme, these) in &it.statements {
        doc.push(match theme {
            Some(theme) => format!("### {}: {}", l.theme, heading_text(&theme.name)),
            None => format!("### {}", l.no_theme),
        });
        let bullets: Vec<String> = these
            .iter()
            .map(|st| {
                let group = inline(&st.group);
                let group = if group.is_empty() {
                    l.no_group.to_string()
                } else {
                    group
                };
                format!("- **{group}:** {}", bullet_body(&st.statement.text))
            })
            .collect();
        doc.push(bullets.join("\n"));
    }
}

// ---------------------------------------------------------------------------------------------
// Ranking

/// The ranking as a table, the formulas as a footnote under it.
fn ranking_section(doc: &mut Doc, l: &Labels, ranking: &Ranking) {
    doc.push(format!("## {}", l.ranking));
    if !ranking.entries.is_empty() {
        doc.push(l.ranking_intro.to_string());
        let headings = ranking.headings(l);
        let mut out = format!("| {} |\n|", headings.join(" | "));
        for i in 0..headings.len() {
            out.push_str(if i == 1 { "---|" } else { "---:|" });
        }
        for (rank, e) in ranking.entries.iter().enumerate() {
            let cells: Vec<String> = ranking
                .cells(l, rank + 1, e, l.decimal)
                .iter()
                .map(|c| cell(c))
                .collect();
            out.push_str(&format!("\n| {} |", cells.join(" | ")));
        }
        doc.push(out);
    }
    if let Some(line) = ranking.unranked_line(l) {
        doc.push(escape_line(&line, true));
    }
    if !ranking.entries.is_empty() {
        doc.push(format!("*{}*", escape_line(&ranking.note(l), true)));
    }
}

// ---------------------------------------------------------------------------------------------
// Closing overview

fn overview(doc: &mut Doc, l: &Labels, todos: &[Todo]) {
    doc.push(format!("## {}", l.actions_overview));
    if todos.is_empty() {
        doc.push(l.no_actions.to_string());
        return;
    }
    doc.push(l.actions_overview_intro.to_string());
    let mut out = format!(
        "| {} | {} | {} | {} |\n|---|---|---|---|",
        l.date, l.action, l.owner, l.source
    );
    for t in todos {
        let date = t
            .date
            .map_or_else(|| format!("*{}*", l.undated), |d| l.format_date(d));
        let owner = t.who(cell);
        let source = t.source(l, cell);
        out.push_str(&format!(
            "\n| {date} | {} | {owner} | {source} |",
            cell(t.action)
        ));
    }
    doc.push(out);
}

// ---------------------------------------------------------------------------------------------
// Escaping

/// Text on one line within a sentence or after a label.
fn inline(text: &str) -> String {
    escape_line(&single_line(text), false)
}

/// Text for a heading: one line, and no `#` that could end it.
fn heading_text(text: &str) -> String {
    inline(text).replace('#', "\\#")
}

/// Text for a table cell: lines joined by `<br>`, pipes escaped.
fn cell(text: &str) -> String {
    lines(text)
        .iter()
        .map(|x| escape_line(x, false))
        .collect::<Vec<_>>()
        .join("<br>")
}

/// Text as the body of a list item: its lines joined by hard line breaks, continuation lines
/// indented so they stay in the same item. Blank lines are dropped, as they would end it.
fn bullet_body(text: &str) -> String {
    lines(text)
        .iter()
        .map(|x| escape_line(x, true))
        .collect::<Vec<_>>()
        .join("\\\n  ")
}

/// Escaped paragraphs (split at blank lines), each as its lines.
fn paragraphs(text: &str) -> Vec<Vec<String>> {
    summary::paragraphs(text)
        .iter()
        .map(|para| para.iter().map(|line| escape_line(line, true)).collect())
        .collect()
}

/// The item text as a block quote; lines keep their breaks, blank lines separate paragraphs.
fn blockquote(text: &str) -> String {
    paragraphs(text)
        .iter()
        .map(|para| {
            para.iter()
                .map(|line| format!("> {line}"))
                .collect::<Vec<_>>()
                .join("\\\n")
        })
        .collect::<Vec<_>>()
        .join("\n>\n")
}

/// Escapes one trimmed line so it renders literally. `block_start`: the line begins a block
/// (a paragraph or list item line), where `#`, `>`, `-`, `+`, `=` and `1.` would start a
/// heading, quote, list or underline.
fn escape_line(line: &str, block_start: bool) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut rest = line;
    if block_start {
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        match line.as_bytes().get(digits) {
            Some(&mark @ (b'.' | b')')) if digits > 0 => {
                out.push_str(&line[..digits]);
                out.push('\\');
                out.push(char::from(mark));
                rest = &line[digits + 1..];
            }
            _ if line.starts_with(['#', '>', '-', '+', '=']) => out.push('\\'),
            _ => {}
        }
    }
    for (i, c) in rest.char_indices() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '&' if looks_like_entity(&rest[i + 1..]) => out.push_str("&amp;"),
            _ => out.push(c),
        }
    }
    out
}

/// Whether text after an `&` would be read as an HTML entity (`&copy;`, `&#169;`, `&#xA9;`).
fn looks_like_entity(after: &str) -> bool {
    let name = after.strip_prefix('#').unwrap_or(after);
    let n = name.bytes().take_while(u8::is_ascii_alphanumeric).count();
    n > 0 && name.as_bytes().get(n) == Some(&b';')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fails naming the first of `parts` that `text` lacks, and `text`.
    fn assert_contains(text: &str, parts: &[&str]) {
        for part in parts {
            assert!(text.contains(part), "no {part:?} in\n{text}");
        }
    }
    use crate::model::{
        Action, Change, Details, Feedback, Group, Id, Item, ItemKind, Language, Proposal, Reaction,
        Record, Round, Stance, Statement, Theme,
    };
    use crate::report::labels::labels;

    fn session(lang: Language) -> Session {
        let mut s = Session::new("Toekomst van de wijk", lang);
        let mut d = s.details();
        d.date = NaiveDate::from_ymd_opt(2026, 11, 23);
        d.start_time = chrono::NaiveTime::from_hms_opt(13, 0, 0);
        d.end_time = chrono::NaiveTime::from_hms_opt(17, 30, 0);
        d.place = "Buurthuis De Linde".into();
        d.facilitators = vec!["Anna".into(), "Bram".into()];
        d.participants = Some(42);
        s.apply(Change::SetDetails(Box::new(Details { ..d })))
            .unwrap();
        s
    }

    fn add_group(s: &mut Session, name: &str) -> Id {
        let id = s.fresh_id();
        let group = Group {
            id,
            name: name.into(),
            size: None,
        };
        s.apply(Change::AddGroup {
            index: usize::MAX,
            group,
        })
        .unwrap();
        id
    }

    fn add_item(s: &mut Session, kind: ItemKind, text: &str) -> Id {
        let item = Item::new(s, kind, text);
        let id = item.id;
        s.apply(Change::AddItem {
            index: usize::MAX,
            item: Box::new(item),
        })
        .unwrap();
        id
    }

    fn add_round(s: &mut Session, item: Id, label: &str) -> Id {
        let id = s.fresh_id();
        let round = Box::new(Round::new(id, label));
        s.apply(Change::AddRound {
            item,
            index: usize::MAX,
            round,
        })
        .unwrap();
        id
    }

    fn round_id(s: &Session, item: Id, n: usize) -> Id {
        s.item(item).unwrap().rounds[n].id
    }

    fn option_id(s: &Session, item: Id, n: usize) -> Id {
        s.item(item).unwrap().options[n].id
    }

    /// Counts `(option, group, hands)` in a round.
    fn tally(s: &mut Session, item: Id, round: Id, counts: &[(usize, Option<Id>, i64)]) {
        for &(option, group, delta) in counts {
            let option = option_id(s, item, option);
            s.apply(Change::Tally {
                item,
                round,
                option,
                group,
                delta,
            })
            .unwrap();
        }
    }

    /// A proposition with `counts` (see [`tally`]) in its first round; its id and that round's.
    fn counted(s: &mut Session, text: &str, counts: &[(usize, Option<Id>, i64)]) -> (Id, Id) {
        let item = add_item(s, ItemKind::Proposition, text);
        let round = round_id(s, item, 0);
        tally(s, item, round, counts);
        (item, round)
    }

    /// A reaction to add, with a group, name or role and highlight when given.
    struct Said<'a> {
        text: &'a str,
        stance: Stance,
        group: Option<Id>,
        by: Option<&'a str>,
        highlighted: bool,
    }

    fn react(s: &mut Session, item: Id, round: Id, said: Said) {
        let reaction = Reaction {
            id: s.fresh_id(),
            text: said.text.into(),
            stance: said.stance,
            group: said.group,
            by: said.by.map(Into::into),
            time: None,
            highlighted: said.highlighted,
        };
        s.apply(Change::AddReaction {
            item,
            round,
            index: usize::MAX,
            reaction,
        })
        .unwrap();
    }

    impl<'a> Said<'a> {
        fn group(self, group: Id) -> Self {
            Said {
                group: Some(group),
                ..self
            }
        }
        fn by(self, by: &'a str) -> Self {
            Said {
                by: Some(by),
                ..self
            }
        }
        fn highlighted(self) -> Self {
            Said {
                highlighted: true,
                ..self
            }
        }
    }

    fn said(text: &str, stance: Stance) -> Said<'_> {
        Said {
            text,
            stance,
            group: None,
            by: None,
            highlighted: false,
        }
    }

    fn put(s: &mut Session, item: Id, record: Record) {
        s.apply(Change::PutRecord {
            item,
            index: usize::MAX,
            record,
        })
        .unwrap();
    }

    /// The lines of the table that follows `header_start` (the header line included).
    fn table_after<'a>(md: &'a str, header_start: &str) -> Vec<&'a str> {
        md.lines()
            .skip_while(|l| !l.starts_with(header_start))
            .take_while(|l| l.starts_with('|'))
            .collect()
    }

    #[test]
    fn details_and_dutch_labels() {
        let mut s = session(Language::Nl);
        add_group(&mut s, "Tafel 1");
        let md = markdown(&s);
        assert!(md.starts_with("# Toekomst van de wijk\n\n"));
        assert_contains(
            &md,
            &[
                "- **Datum:** 23-11-2026\n",
                "- **Tijd:** 13:00–17:30\n",
                "- **Plaats:** Buurthuis De Linde\n",
                "- **Begeleiding:** Anna, Bram\n",
                "- **Deelnemers:** 42\n",
                "- **Groepen:** Tafel 1",
                "## Actieoverzicht",
            ],
        );
        assert!(!md.contains("Date"));
    }

    #[test]
    fn english_labels() {
        let mut s = session(Language::En);
        counted(&mut s, "Remote work should be the norm.", &[(0, None, 3)]);
        let md = markdown(&s);
        assert_contains(
            &md,
            &[
                "- **Date:** 2026-11-23\n",
                "- **Facilitators:** Anna, Bram\n",
                "## 1. Proposition\n\n> Remote work should be the norm.\n",
                "| Answer | Count | Percentage |",
                "| Agree | 3 | 100.0% |",
                "| **Total** | **3** | **100.0%** |",
                "## Actions overview\n\nNo actions.\n",
            ],
        );
        assert!(!md.contains("Datum") && !md.contains("Totaal"));
    }

    #[test]
    fn percentages_are_of_the_rounds_answers() {
        let mut s = session(Language::Nl);
        counted(
            &mut s,
            "Thuiswerken moet de norm zijn.",
            &[(0, None, 7), (1, None, 6), (2, None, 2)],
        );
        let md = markdown(&s);
        let table = table_after(&md, "| Antwoord");
        assert_eq!(
            table,
            [
                "| Antwoord | Aantal | Percentage |",
                "|---|---:|---:|",
                "| Eens | 7 | 46,7% |",
                "| Oneens | 6 | 40,0% |",
                "| Twijfel | 2 | 13,3% |",
                "| **Totaal** | **15** | **100,0%** |",
            ]
        );
        // Only one round: no round heading and no shift.
        assert!(!md.contains("### Ronde 1"));
        assert!(!md.contains("Verschuiving"));
    }

    #[test]
    fn no_answers_shows_zeros() {
        let mut s = session(Language::Nl);
        add_item(&mut s, ItemKind::Proposition, "Niemand stemde.");
        let md = markdown(&s);
        assert!(md.contains("| Eens | 0 | 0,0% |"));
        assert!(md.contains("| **Totaal** | **0** | **0,0%** |"));
    }

    #[test]
    fn shift_between_rounds() {
        let mut s = session(Language::Nl);
        let item = add_item(&mut s, ItemKind::Proposition, "Meer groen in de wijk.");
        let r1 = round_id(&s, item, 0);
        let r2 = add_round(&mut s, item, "Na discussie");
        let r3 = add_round(&mut s, item, "Ronde 3");
        // Round 1: 7/15 agree (46.7%), 6 disagree (40.0%), 2 doubt (13.3%).
        tally(
            &mut s,
            item,
            r1,
            &[(0, None, 7), (1, None, 6), (2, None, 2)],
        );
        // Round 2: 9/15 agree (60.0%), 4 disagree (26.7%), 2 doubt (13.3%).
        tally(
            &mut s,
            item,
            r2,
            &[(0, None, 9), (1, None, 4), (2, None, 2)],
        );
        // Round 3 has no answers: no shift to it.
        let _ = r3;
        let md = markdown(&s);
        assert_contains(
            &md,
            &[
                "### Ronde 1\n\n| Antwoord",
                "### Na discussie\n\n| Antwoord",
                "**Verschuiving Ronde 1 → Na discussie**\n\n- Eens: +13,3 pp\n- Oneens: -13,3 pp\n- Twijfel: ±0,0 pp",
            ],
        );
        assert!(!md.contains("→ Ronde 3"));
    }

    #[test]
    fn per_group_columns() {
        let mut s = session(Language::Nl);
        let t1 = add_group(&mut s, "Tafel 1");
        let t2 = add_group(&mut s, "Tafel | 2");
        counted(
            &mut s,
            "Stelling met groepen.",
            &[
                (0, Some(t1), 4),
                (0, Some(t2), 3),
                (1, Some(t2), 2),
                (2, None, 1),
            ],
        );
        let md = markdown(&s);
        assert_eq!(
            table_after(&md, "| Antwoord"),
            [
                "| Antwoord | Aantal | Percentage | Tafel 1 | Tafel \\| 2 | Zonder groep |",
                "|---|---:|---:|---:|---:|---:|",
                "| Eens | 7 | 70,0% | 4 | 3 | 0 |",
                "| Oneens | 2 | 20,0% | 0 | 2 | 0 |",
                "| Twijfel | 1 | 10,0% | 0 | 0 | 1 |",
                "| **Totaal** | **10** | **100,0%** | **4** | **5** | **1** |",
            ]
        );
    }

    #[test]
    fn no_group_columns_without_group_tallies() {
        let mut s = session(Language::Nl);
        add_group(&mut s, "Tafel 1");
        counted(&mut s, "Zonder groepstelling.", &[(0, None, 2)]);
        let md = markdown(&s);
        assert!(md.contains("| Antwoord | Aantal | Percentage |\n|---|---:|---:|\n"));
    }

    #[test]
    fn reactions_by_stance_highlighted_first() {
        let mut s = session(Language::Nl);
        let t1 = add_group(&mut s, "Tafel 1");
        let item = add_item(&mut s, ItemKind::Question, "Wat ging goed?");
        let r = round_id(&s, item, 0);
        react(&mut s, item, r, said("Gewoon eens", Stance::For));
        react(
            &mut s,
            item,
            r,
            said("Tegenargument", Stance::Against)
                .group(t1)
                .by("wethouder"),
        );
        react(
            &mut s,
            item,
            r,
            said("Heel goed punt", Stance::For).group(t1).highlighted(),
        );
        react(
            &mut s,
            item,
            r,
            said("Waarom?", Stance::Question).by("Piet"),
        );
        let md = markdown(&s);
        let expected = "### Reacties\n\n★ = Uitgelicht\n\n\
            **Voor**\n\n- ★ **Heel goed punt** (Tafel 1)\n- Gewoon eens\n\n\
            **Tegen**\n\n- Tegenargument (Tafel 1, wethouder)\n\n\
            **Vraag**\n\n- Waarom? (Piet)\n";
        assert!(md.contains(expected), "{md}");
        assert!(!md.contains("**Neutraal**"));
        // A question item has no tally table.
        assert!(!md.contains("| Antwoord"));
    }

    #[test]
    fn reactions_name_their_round_when_there_are_several() {
        let mut s = session(Language::En);
        let item = add_item(&mut s, ItemKind::Proposition, "P");
        let r2 = add_round(&mut s, item, "After");
        react(&mut s, item, r2, said("Changed my mind", Stance::Neutral));
        let md = markdown(&s);
        assert!(md.contains("**Neutral**\n\n- Changed my mind (After)\n"));
    }

    #[test]
    fn reaction_text_is_escaped() {
        let mut s = session(Language::Nl);
        let item = add_item(&mut s, ItemKind::Question, "Vraag");
        let r = round_id(&s, item, 0);
        let text = "a | b *vet* _x_ `code` <b>html</b> [link](x) &amp; $5\n# kop\r\n- lijst\n\n1. genummerd\r> quote\\";
        react(&mut s, item, r, said(text, Stance::Neutral));
        let md = markdown(&s);
        let expected = "- a \\| b \\*vet\\* \\_x\\_ \\`code\\` &lt;b>html&lt;/b> \\[link\\](x) &amp;amp; \\$5\\\n  \\# kop\\\n  \\- lijst\\\n  1\\. genummerd\\\n  \\> quote\\\\\n";
        assert!(md.contains(expected), "{md}");
    }

    #[test]
    fn escaping_in_tables_and_headings() {
        assert_eq!(cell("a|b\nc*d"), "a\\|b<br>c\\*d");
        assert_eq!(heading_text("Titel #1 ##"), "Titel \\#1 \\#\\#");
        assert_eq!(escape_line("R&D", true), "R&D");
        assert_eq!(escape_line("2026) jaar", true), "2026\\) jaar");
        assert_eq!(escape_line("=== x", true), "\\=== x");
        assert_eq!(escape_line("- x", false), "- x");
        assert_eq!(
            blockquote("een\ntwee\n\ndrie"),
            "> een\\\n> twee\n>\n> drie"
        );
    }

    #[test]
    fn proposals_with_actions_and_feedback() {
        let mut s = session(Language::Nl);
        let t1 = add_group(&mut s, "Tafel 1");
        let t2 = add_group(&mut s, "Tafel 2");
        let item = add_item(&mut s, ItemKind::Proposals, "Verbeter de wijk");
        let proposal = Proposal {
            id: s.fresh_id(),
            group: Some(t1),
            title: "Fietsstraat".into(),
            description: "Maak de Dorpsstraat\neen fietsstraat.".into(),
            actions: vec![
                Action {
                    id: s.fresh_id(),
                    text: "Plan maken".into(),
                    owner: "Gemeente".into(),
                    due: NaiveDate::from_ymd_opt(2027, 2, 1),
                },
                Action {
                    id: s.fresh_id(),
                    text: "Bewoners peilen".into(),
                    owner: String::new(),
                    due: None,
                },
            ],
            feedback: vec![Feedback {
                id: s.fresh_id(),
                from_group: Some(t2),
                text: "Goed idee".into(),
            }],
        };
        // Ids from fresh_id are unique in the session but may repeat among themselves by chance;
        // that is astronomically unlikely, so no retry here.
        put(&mut s, item, Record::Proposal(proposal));
        let md = markdown(&s);
        let expected = "### Fietsstraat (Tafel 1)\n\nMaak de Dorpsstraat\\\neen fietsstraat.\n\n\
            **Acties**\n\n- Plan maken (Eigenaar: Gemeente; Uiterlijk: 01-02-2027)\n- Bewoners peilen\n\n\
            **Feedback**\n\n- Goed idee (van Tafel 2)\n";
        assert!(md.contains(expected), "{md}");
    }

    #[test]
    fn commitments_table_and_actions_overview_sorted() {
        let mut s = session(Language::En);
        let t1 = add_group(&mut s, "Table 1");
        let props = add_item(&mut s, ItemKind::Proposals, "Improve");
        let proposal = Proposal {
            id: s.fresh_id(),
            group: Some(t1),
            title: "Bike lane".into(),
            description: String::new(),
            actions: vec![
                Action {
                    id: s.fresh_id(),
                    text: "Undated step".into(),
                    owner: "Kim".into(),
                    due: None,
                },
                Action {
                    id: s.fresh_id(),
                    text: "Late step".into(),
                    owner: "Lee".into(),
                    due: NaiveDate::from_ymd_opt(2027, 6, 1),
                },
            ],
            feedback: Vec::new(),
        };
        put(&mut s, props, Record::Proposal(proposal));
        let item = add_item(&mut s, ItemKind::Commitments, "Who does what?");
        let start = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let commitment = Commitment {
            id: s.fresh_id(),
            person: "Jo".into(),
            organisation: "City | Hall".into(),
            action: "Call the residents".into(),
            start: Some(start),
            follow_up: Commitment::default_follow_up(start),
        };
        put(&mut s, item, Record::Commitment(commitment));
        let md = markdown(&s);
        assert_eq!(
            table_after(&md, "| Person"),
            [
                "| Person | Organisation | Action | Start | Follow-up |",
                "|---|---|---|---|---|",
                "| Jo | City \\| Hall | Call the residents | 2026-12-01 | 2027-02-01 |",
            ]
        );
        let overview = md.split("## Actions overview").nth(1).unwrap();
        assert_eq!(
            table_after(overview, "| Date"),
            [
                "| Date | Action | Owner | Source |",
                "|---|---|---|---|",
                "| 2027-02-01 | Call the residents | Jo (City \\| Hall) | Commitment (follow-up) |",
                "| 2027-06-01 | Late step | Lee | Proposal: Bike lane (Table 1) |",
                "| *no date* | Undated step | Kim | Proposal: Bike lane (Table 1) |",
            ]
        );
    }

    #[test]
    fn statements_by_theme_and_group() {
        let mut s = session(Language::Nl);
        let t1 = add_group(&mut s, "Tafel 1");
        let t2 = add_group(&mut s, "Tafel 2");
        let item = add_item(&mut s, ItemKind::Statements, "Statements");
        let wonen = Theme {
            id: s.fresh_id(),
            name: "Wonen".into(),
        };
        let wonen_id = wonen.id;
        put(&mut s, item, Record::Theme(wonen));
        let st = |s: &Session, group, text: &str| Statement {
            id: s.fresh_id(),
            theme: wonen_id,
            group,
            text: text.into(),
        };
        let a = st(&s, Some(t2), "Betaalbaar voor iedereen");
        put(&mut s, item, Record::Statement(a));
        let b = st(&s, Some(t1), "Groen en veilig");
        put(&mut s, item, Record::Statement(b));
        let c = st(&s, None, "Dichtbij voorzieningen");
        put(&mut s, item, Record::Statement(c));
        let md = markdown(&s);
        let expected = "### Thema: Wonen\n\n- **Tafel 1:** Groen en veilig\n\
            - **Tafel 2:** Betaalbaar voor iedereen\n- **Zonder groep:** Dichtbij voorzieningen\n";
        assert!(md.contains(expected), "{md}");
    }

    #[test]
    fn deterministic() {
        let mut s = session(Language::Nl);
        let t1 = add_group(&mut s, "Tafel 1");
        let (item, r) = counted(&mut s, "Stelling", &[(0, Some(t1), 3)]);
        react(
            &mut s,
            item,
            r,
            said("Ja", Stance::For).group(t1).highlighted(),
        );
        let first = markdown(&s);
        assert_eq!(first, markdown(&s));
        assert_eq!(first, markdown(&s.clone()));
    }

    #[test]
    fn empty_session() {
        let s = Session::new("", Language::Nl);
        let md = markdown(&s);
        assert_eq!(
            md,
            "# Verslag\n\nGeen agendapunten.\n\n## Actieoverzicht\n\nGeen acties.\n"
        );
        let md = markdown(&Session::new("Leeg", Language::En));
        assert!(md.starts_with("# Leeg\n\nNo agenda items.\n"));
    }

    #[test]
    fn every_kind_has_a_heading_and_info_is_short() {
        let mut s = session(Language::En);
        for kind in ItemKind::ALL {
            add_item(&mut s, kind, "Text");
        }
        let md = markdown(&s);
        for (i, kind) in ItemKind::ALL.iter().enumerate() {
            assert!(md.contains(&format!(
                "## {}. {}\n\n> Text\n",
                i + 1,
                labels(Language::En).kind(*kind)
            )));
        }
        assert!(md.contains(
            "## 6. Information\n\n> Text\n\n## Ranking of the propositions\n\n\
             Not ranked (no answers): agenda item 1.\n\n## Actions overview"
        ));
    }

    /// Group-informed consensus puts the item every group agrees with first, even when a
    /// split item has the higher share in the room; ties go by agenda order; items without
    /// answers are named, not ranked.
    #[test]
    fn ranking_by_groups() {
        let mut s = session(Language::En);
        let a = add_group(&mut s, "Table A");
        let b = add_group(&mut s, "Table B");
        let split = add_item(&mut s, ItemKind::Proposition, "Split");
        let shared = add_item(&mut s, ItemKind::Proposition, "Shared");
        let silent = add_item(&mut s, ItemKind::Proposition, "Silent");
        let twin = add_item(&mut s, ItemKind::Proposition, "Shared twin");
        let r = round_id(&s, split, 0);
        tally(&mut s, split, r, &[(0, Some(a), 10), (1, Some(b), 2)]);
        for item in [shared, twin] {
            let r = round_id(&s, item, 0);
            tally(
                &mut s,
                item,
                r,
                &[(0, Some(a), 4), (0, Some(b), 4), (1, Some(b), 1)],
            );
        }
        let _ = silent;
        let md = markdown(&s);
        let table = md
            .split("## Ranking of the propositions")
            .nth(1)
            .and_then(|x| x.split("## Actions overview").next())
            .unwrap();
        let order: Vec<&str> = ["2. Shared |", "4. Shared twin |", "1. Split |"]
            .into_iter()
            .filter(|x| table.contains(x))
            .collect();
        assert_eq!(order.len(), 3, "{table}");
        let pos = |x: &str| table.find(x).unwrap();
        assert!(pos("2. Shared |") < pos("4. Shared twin |"), "{table}");
        assert!(pos("4. Shared twin |") < pos("1. Split |"), "{table}");
        // Shared: (4+1)/(4+2) * (4+1)/(5+2) = 0.595; split: 11/12 * 1/4 = 0.229, 100 pp apart.
        assert!(
            table.contains("| 1 | 2. Shared | 59.5% | 20.0 pp | 88.9% | 9 |"),
            "{table}"
        );
        assert!(
            table.contains("| 3 | 1. Split | 22.9% | 100.0 pp | 83.3% | 12 |"),
            "{table}"
        );
        assert!(table.contains("Not ranked (no answers): agenda item 3."));
        assert!(table.contains("Shared agreement = the product over all groups"));
    }

    #[test]
    fn division_is_of_the_group_shares_shown() {
        let mut s = session(Language::En);
        let a = add_group(&mut s, "Table A");
        let b = add_group(&mut s, "Table B");
        let item = add_item(&mut s, ItemKind::Proposition, "Odd");
        let r = round_id(&s, item, 0);
        // Table A: 5 / 2 / 4 of 11, shown 45.4 / 18.2 / 36.4 (alone, 5 of 11 is 45.5); B: 1 of 2.
        for (option, group, n) in [(0, a, 5), (1, a, 2), (2, a, 4), (0, b, 1), (1, b, 1)] {
            tally(&mut s, item, r, &[(option, Some(group), n)]);
        }
        let sum = summary(&s);
        assert_eq!(sum.items[0].rounds[0].options[0].group_tenths, [454, 500]);
        let ranking = sum.ranking.as_ref().unwrap();
        assert_eq!(ranking.entries[0].division, Some(46));
    }

    #[test]
    fn notes_stay_private() {
        let mut s = session(Language::Nl);
        let mut item = Item::new(&s, ItemKind::Proposition, "Stelling");
        item.notes = "GEHEIM voor de begeleider".into();
        s.apply(Change::AddItem {
            index: 0,
            item: Box::new(item),
        })
        .unwrap();
        assert!(!markdown(&s).contains("GEHEIM"));
    }

    #[test]
    fn dangling_references_do_not_panic() {
        // A hand-edited file need not be valid; the report still renders.
        let mut s = session(Language::Nl);
        let mut item = Item::new(&s, ItemKind::Proposition, "x");
        item.rounds[0]
            .tallies
            .push(crate::model::Tally::new(Id(1), Some(Id(2)), u32::MAX));
        item.rounds[0]
            .tallies
            .push(crate::model::Tally::new(item.options[0].id, None, u32::MAX));
        item.statements.push(Statement {
            id: Id(3),
            theme: Id(4),
            group: Some(Id(5)),
            text: "wees".into(),
        });
        let mut bare = item.clone();
        bare.rounds.clear();
        bare.kind = ItemKind::Statements;
        s.agenda.push(item);
        s.agenda.push(bare);
        let md = markdown(&s);
        assert!(md.contains("| Eens | 4294967295 | 50,0% |"), "{md}");
        assert!(md.contains("| **Totaal** | **8589934590** | **100,0%** |"));
        assert!(md.contains("### Zonder thema\n\n- **Zonder groep:** wees"));
    }
}
