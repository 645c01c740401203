//! The summary report as one self-contained HTML5 file: inline CSS, charts as inline SVG, no
//! scripts, fonts, images or links to anything outside the file, so it opens the same offline,
//! on a phone, and on paper.
//!
//! Content and order are those of the Markdown report (see [`super::summary`]). Every chart is
//! a horizontal bar chart with the count and percentage written next to each bar, so nothing
//! depends on colour; the colours are the Okabe–Ito palette (safe for colour-blind readers),
//! each bar outlined so it stands out against white. A table with the same numbers (and the
//! counts per group) follows every chart.
//!
//! All text from the session is escaped (`& < > " '`) wherever it goes: element text,
//! attributes, and inside the SVG.

use super::bidi;
use super::labels::Labels;
use super::palette;
use super::summary::{
    ItemSummary, ProposalSummary, Ranking, RoundTally, Summary, Todo, action_details, delta, lines,
    paragraphs, single_line, summary,
};
use crate::model::{Commitment, Session};
use chrono::NaiveDate;
use std::fmt::Write;

/// The session's report as a self-contained HTML page. Pure and deterministic.
pub fn html(session: &Session) -> String {
    let sum = summary(session);
    let l = sum.labels;
    let lang = session.language.code();
    let mut h = String::with_capacity(16 * 1024);
    h.push_str("<!DOCTYPE html>\n");
    let _ = writeln!(h, "<html lang=\"{lang}\">");
    h.push_str("<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.push_str("<meta name=\"generator\" content=\"Stelling\">\n");
    let _ = writeln!(h, "<title>{}</title>", esc(&sum.title));
    h.push_str("<style>\n");
    h.push_str(&stylesheet());
    h.push_str("</style>\n</head>\n<body>\n<main>\n");

    header(&mut h, &sum);
    if sum.items.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", esc(l.no_agenda));
    }
    for item in &sum.items {
        item_section(&mut h, l, item);
    }
    if let Some(ranking) = &sum.ranking {
        ranking_section(&mut h, l, ranking);
    }
    overview(&mut h, l, &sum.todos);
    h.push_str("</main>\n</body>\n</html>\n");
    h
}

/// [`CSS`] with its colours from the palette: lower case and short in the stylesheet, upper
/// case where the colour is also a chart's (as the SVG writes it).
fn stylesheet() -> String {
    use palette::{BLACK, BLUE, GREY, INK, PAPER, PRINT_GREY, PROMPT_FILL, RULE, VERMILLION};
    let colours = [
        ("{ink}", palette::css(INK)),
        ("{grey}", palette::css(GREY)),
        ("{rule}", palette::css(RULE)),
        ("{prompt_fill}", palette::css(PROMPT_FILL)),
        ("{paper}", palette::css(PAPER)),
        ("{black}", palette::css(BLACK)),
        ("{print_grey}", palette::css(PRINT_GREY)),
        ("{blue}", palette::hex(BLUE)),
        ("{vermillion}", palette::hex(VERMILLION)),
    ];
    colours.iter().fold(CSS.to_string(), |css, (name, colour)| {
        css.replace(name, colour)
    })
}

/// Readable on a phone (one column, tables scroll sideways), restrained on screen, and on
/// paper: no backgrounds, no chart or table row split over two pages, no heading left alone
/// at the bottom of a page. Colours stand as `{name}`, filled in by [`stylesheet`].
const CSS: &str = "\
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: {paper}; color: {ink};
  font: 100%/1.5 system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, sans-serif; }
main { max-width: 46rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 1rem 0 0.75rem; }
h2 { font-size: 1.35rem; line-height: 1.3; margin: 2.5rem 0 0.75rem; padding-top: 0.75rem;
  border-top: 2px solid {ink}; }
h3 { font-size: 1.1rem; margin: 1.75rem 0 0.5rem; }
h4 { font-size: 1rem; margin: 1.25rem 0 0.25rem; }
h1, h2, h3, h4 { overflow-wrap: anywhere; }
p, li, td, th, dd, blockquote { overflow-wrap: anywhere; }
.details { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; margin: 0; }
.details dt { font-weight: 600; }
.details dd { margin: 0; }
.prompt { margin: 0 0 1rem; padding: 0.5rem 1rem; border-left: 4px solid {blue};
  background: {prompt_fill}; font-size: 1.1rem; }
.prompt p { margin: 0.25rem 0; }
figure { margin: 1rem 0 1.5rem; }
figcaption { font-weight: 600; margin-bottom: 0.25rem; }
.chart { display: block; width: 100%; max-width: 40rem; height: auto; }
.chart text { font-family: inherit; font-size: 14px; fill: {ink}; }
.chart .value { font-weight: 600; }
.chart rect { stroke: {ink}; stroke-width: 1; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; min-width: 60%; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
th, td { padding: 0.3rem 0.6rem; border-bottom: 1px solid {rule}; text-align: left;
  vertical-align: top; }
thead th { border-bottom: 2px solid {ink}; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total th, tr.total td { font-weight: 700; border-top: 2px solid {ink}; }
ul { padding-left: 1.25rem; }
li { margin: 0.2rem 0; }
li.highlighted { list-style: none; margin-left: -1.25rem; }
.star { display: inline-block; width: 1.25rem; color: {vermillion}; }
.who, .meta { color: {grey}; }
.legend { color: {grey}; font-size: 0.9rem; }
.note { color: {grey}; font-size: 0.85rem; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap; }
@media (max-width: 30rem) {
  main { padding: 0.5rem 0.75rem 2rem; }
  h1 { font-size: 1.45rem; }
  .details { grid-template-columns: 1fr; }
  .details dd { margin-bottom: 0.35rem; }
  th, td { padding: 0.25rem 0.4rem; }
}
@media print {
  @page { margin: 1.8cm 1.6cm; }
  body { background: none; color: {black}; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .prompt { background: none; }
  .who, .meta, .legend, .note { color: {print_grey}; }
  .chart { max-width: 16cm; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  h1, h2, h3, h4, figcaption, caption { break-after: avoid; page-break-after: avoid; }
  figure, table, .chart, blockquote, li, tr { break-inside: avoid; page-break-inside: avoid; }
  .scroll { overflow: visible; }
}
";

// ---------------------------------------------------------------------------------------------
// Details

fn header(h: &mut String, sum: &Summary) {
    h.push_str("<header>\n");
    let _ = writeln!(h, "<h1>{}</h1>", esc(&sum.title));
    if !sum.details.is_empty() {
        h.push_str("<dl class=\"details\">\n");
        for (label, value) in &sum.details {
            let _ = writeln!(h, "<dt>{}</dt><dd>{}</dd>", esc(label), esc(value));
        }
        h.push_str("</dl>\n");
    }
    h.push_str("</header>\n");
}

// ---------------------------------------------------------------------------------------------
// Agenda items

fn item_section(h: &mut String, l: &Labels, it: &ItemSummary) {
    let n = it.number;
    let _ = writeln!(h, "<section class=\"item\" aria-labelledby=\"item-{n}\">");
    let _ = writeln!(
        h,
        "<h2 id=\"item-{n}\">{n}. {}</h2>",
        esc(l.kind(it.item.kind))
    );
    let prompt = paragraphs(&it.item.text);
    if !prompt.is_empty() {
        h.push_str("<blockquote class=\"prompt\">\n");
        for para in prompt {
            let _ = writeln!(h, "<p>{}</p>", esc_lines(&para));
        }
        h.push_str("</blockquote>\n");
    }
    votes(h, l, it);
    reactions(h, l, it);
    it.proposals.iter().for_each(|p| proposal(h, l, p));
    if !it.commitments.is_empty() {
        commitments_table(h, l, it.commitments);
    }
    statements(h, l, it);
    h.push_str("</section>\n");
}

/// A chart and table per round, then the shifts between rounds.
fn votes(h: &mut String, l: &Labels, it: &ItemSummary) {
    for round in &it.rounds {
        tally_figure(h, l, it.number, it.rounds.len() > 1, round);
    }
    shifts(h, l, it);
}

/// `46,7%` or `46.7%` as the language writes it.
fn pct(l: &Labels, tenths: u64) -> String {
    l.decimal.percent(tenths)
}

/// A round's chart and table.
fn tally_figure(h: &mut String, l: &Labels, item: usize, several: bool, r: &RoundTally) {
    let caption = super::summary::round_caption(l, several, r);
    h.push_str("<figure class=\"result\">\n");
    let _ = writeln!(h, "<figcaption>{}</figcaption>", esc(&caption));
    chart(h, l, &format!("chart-{item}-{}", r.number), r);
    table(h, l, r);
    h.push_str("</figure>\n");
}

/// Row layout of a chart, in SVG user units (pixels at full size).
const CHART_WIDTH: u64 = 640;
const ROW: u64 = 46;
const BAR_MAX: u64 = 470;
/// Option labels longer than this are shortened in the chart; the table has them in full.
const LABEL_CHARS: usize = 72;

/// A horizontal bar per option: its label above, the bar (length by share of all answers),
/// and the count and percentage written after it.
fn chart(h: &mut String, l: &Labels, id: &str, r: &RoundTally) {
    let height = ROW * r.options.len() as u64 + 6;
    let description: Vec<String> = r
        .options
        .iter()
        .map(|o| {
            format!(
                "{}: {} ({})",
                single_line(&o.option.label),
                o.count,
                pct(l, o.tenths)
            )
        })
        .collect();
    let description = format!(
        "{}. {}; {} {}.",
        r.label,
        description.join("; "),
        r.total,
        l.answers
    );
    let _ = writeln!(
        h,
        "<svg class=\"chart\" role=\"img\" aria-labelledby=\"{id}\" viewBox=\"0 0 {CHART_WIDTH} {height}\" width=\"{CHART_WIDTH}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">"
    );
    let _ = writeln!(h, "<title id=\"{id}\">{}</title>", esc(&description));
    for (i, o) in r.options.iter().enumerate() {
        let top = ROW * i as u64;
        let mut label = single_line(&o.option.label);
        if label.chars().count() > LABEL_CHARS {
            // The cut may drop the closers of a bidi control: balance what is left.
            let cut = label.chars().take(LABEL_CHARS - 1).collect::<String>();
            label = bidi::isolate(&cut).into_owned() + "…";
        }
        let width = (o.tenths.min(1000) * BAR_MAX + 500) / 1000;
        let colour = palette::hex(palette::chart(i));
        let _ = writeln!(h, "<text x=\"1\" y=\"{}\">{}</text>", top + 16, esc(&label));
        if width > 0 {
            let _ = writeln!(
                h,
                "<rect x=\"1\" y=\"{}\" width=\"{width}\" height=\"18\" fill=\"{colour}\"/>",
                top + 22
            );
        }
        let _ = writeln!(
            h,
            "<text class=\"value\" x=\"{}\" y=\"{}\">{} ({})</text>",
            width + 9,
            top + 36,
            o.count,
            esc(&pct(l, o.tenths))
        );
    }
    h.push_str("</svg>\n");
}

/// Option, count, share, and per group the count and the share within that group.
fn table(h: &mut String, l: &Labels, r: &RoundTally) {
    h.push_str("<div class=\"scroll\">\n<table class=\"tally\">\n<thead><tr>");
    let _ = write!(
        h,
        "<th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th>",
        esc(l.answer),
        esc(l.count),
        esc(l.share)
    );
    for c in &r.columns {
        let _ = write!(
            h,
            "<th scope=\"col\" class=\"num\">{}</th>",
            esc_text(c.name)
        );
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for o in &r.options {
        let _ = write!(
            h,
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td>",
            esc_text(&o.option.label),
            o.count,
            pct(l, o.tenths)
        );
        for (n, t) in o.per_group.iter().zip(&o.group_tenths) {
            let _ = write!(h, "<td class=\"num\">{n} ({})</td>", pct(l, *t));
        }
        h.push_str("</tr>\n");
    }
    let share = if r.total == 0 { 0 } else { 1000 };
    let _ = write!(
        h,
        "<tr class=\"total\"><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td>",
        esc(l.total),
        r.total,
        pct(l, share)
    );
    for c in &r.columns {
        let share = if c.total == 0 { 0 } else { 1000 };
        let _ = write!(h, "<td class=\"num\">{} ({})</td>", c.total, pct(l, share));
    }
    h.push_str("</tr>\n</tbody>\n</table>\n</div>\n");
}

fn shifts(h: &mut String, l: &Labels, it: &ItemSummary) {
    for s in &it.shifts {
        h.push_str("<div class=\"scroll\">\n<table class=\"shift\">\n");
        let _ = writeln!(
            h,
            "<caption>{} {} → {}</caption>",
            esc(l.shift),
            esc(&s.from),
            esc(&s.to)
        );
        let _ = writeln!(
            h,
            "<thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th></tr></thead>",
            esc(l.answer),
            esc(&s.from),
            esc(&s.to),
            esc(l.shift)
        );
        h.push_str("<tbody>\n");
        for (option, from, to) in &s.options {
            let _ = writeln!(
                h,
                "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{} {}</td></tr>",
                esc_text(&option.label),
                pct(l, *from),
                pct(l, *to),
                l.decimal.signed(delta(*from, *to)),
                esc(l.points)
            );
        }
        h.push_str("</tbody>\n</table>\n</div>\n");
    }
}

fn reactions(h: &mut String, l: &Labels, it: &ItemSummary) {
    if it.reactions.is_empty() {
        return;
    }
    let _ = writeln!(h, "<h3>{}</h3>", esc(l.reactions));
    if it.any_highlighted {
        let _ = writeln!(
            h,
            "<p class=\"legend\"><span aria-hidden=\"true\">★</span> = {}</p>",
            esc(l.highlighted)
        );
    }
    for (stance, these) in &it.reactions {
        let _ = writeln!(h, "<h4>{}</h4>", esc(l.stance(*stance)));
        h.push_str("<ul class=\"reactions\">\n");
        for e in these {
            let r = e.reaction;
            let body = esc_text(&r.text);
            if r.highlighted {
                let _ = write!(
                    h,
                    "<li class=\"highlighted\"><span class=\"star\" aria-hidden=\"true\">★</span><span class=\"sr\">{}: </span><strong>{body}</strong>",
                    esc(l.highlighted)
                );
            } else {
                let _ = write!(h, "<li>{body}");
            }
            let mut who = vec![e.group.clone()];
            who.push(r.by.as_deref().map(single_line).unwrap_or_default());
            who.extend(e.round.clone());
            who.retain(|w| !w.is_empty());
            if !who.is_empty() {
                let _ = write!(h, " <span class=\"who\">({})</span>", esc(&who.join(", ")));
            }
            h.push_str("</li>\n");
        }
        h.push_str("</ul>\n");
    }
}

fn proposal(h: &mut String, l: &Labels, ps: &ProposalSummary) {
    let p = ps.proposal;
    h.push_str("<article class=\"proposal\">\n");
    let _ = writeln!(h, "<h3>{}</h3>", esc(&ps.title));
    for para in paragraphs(&p.description) {
        let _ = writeln!(h, "<p>{}</p>", esc_lines(&para));
    }
    if !p.actions.is_empty() {
        let _ = writeln!(h, "<h4>{}</h4>\n<ul class=\"actions\">", esc(l.actions));
        for a in &p.actions {
            let meta = action_details(l, a, single_line);
            let _ = write!(h, "<li>{}", esc_text(&a.text));
            if !meta.is_empty() {
                let _ = write!(h, " <span class=\"meta\">({})</span>", esc(&meta));
            }
            h.push_str("</li>\n");
        }
        h.push_str("</ul>\n");
    }
    if !ps.feedback.is_empty() {
        let _ = writeln!(h, "<h4>{}</h4>\n<ul class=\"feedback\">", esc(l.feedback));
        for (group, f) in &ps.feedback {
            let _ = write!(h, "<li>{}", esc_text(&f.text));
            if !group.is_empty() {
                let _ = write!(
                    h,
                    " <span class=\"who\">({})</span>",
                    esc(&(l.feedback_from)(group))
                );
            }
            h.push_str("</li>\n");
        }
        h.push_str("</ul>\n");
    }
    h.push_str("</article>\n");
}

fn date(l: &Labels, d: Option<NaiveDate>) -> String {
    d.map(|d| l.format_date(d)).unwrap_or_default()
}

fn commitments_table(h: &mut String, l: &Labels, commitments: &[Commitment]) {
    h.push_str("<div class=\"scroll\">\n<table class=\"commitments\">\n<thead><tr>");
    for head in [l.person, l.organisation, l.action, l.start, l.follow_up] {
        let _ = write!(h, "<th scope=\"col\">{}</th>", esc(head));
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for c in commitments {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            esc_text(&c.person),
            esc_text(&c.organisation),
            esc_text(&c.action),
            date(l, c.start),
            date(l, c.follow_up)
        );
    }
    h.push_str("</tbody>\n</table>\n</div>\n");
}

fn statements(h: &mut String, l: &Labels, it: &ItemSummary) {
    for (theme, these) in &it.statements {
        match theme {
            Some(theme) => {
                let _ = writeln!(
                    h,
                    "<h3>{}: {}</h3>",
                    esc(l.theme),
                    esc(&single_line(&theme.name))
                );
            }
            None => {
                let _ = writeln!(h, "<h3>{}</h3>", esc(l.no_theme));
            }
        }
        h.push_str("<ul class=\"statements\">\n");
        for st in these {
            let group = if st.group.is_empty() {
                l.no_group
            } else {
                &st.group
            };
            let _ = writeln!(
                h,
                "<li><strong>{}:</strong> {}</li>",
                esc(group),
                esc_text(&st.statement.text)
            );
        }
        h.push_str("</ul>\n");
    }
}

// ---------------------------------------------------------------------------------------------
// Ranking

/// The ranking as a table, the formulas as a footnote under it.
fn ranking_section(h: &mut String, l: &Labels, ranking: &Ranking) {
    h.push_str("<section class=\"ranking\" aria-labelledby=\"ranking\">\n");
    let _ = writeln!(h, "<h2 id=\"ranking\">{}</h2>", esc(l.ranking));
    if !ranking.entries.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", esc(l.ranking_intro));
        h.push_str("<div class=\"scroll\">\n<table class=\"ranking\">\n<thead><tr>");
        for (i, head) in ranking.headings(l).iter().enumerate() {
            let class = if i == 1 { "" } else { " class=\"num\"" };
            let _ = write!(h, "<th scope=\"col\"{class}>{}</th>", esc(head));
        }
        h.push_str("</tr></thead>\n<tbody>\n");
        for (rank, e) in ranking.entries.iter().enumerate() {
            h.push_str("<tr>");
            for (i, c) in ranking.cells(l, rank + 1, e, l.decimal).iter().enumerate() {
                match i {
                    0 => {
                        let _ = write!(h, "<th scope=\"row\" class=\"num\">{}</th>", esc(c));
                    }
                    1 => {
                        let _ = write!(h, "<td>{}</td>", esc(c));
                    }
                    _ => {
                        let _ = write!(h, "<td class=\"num\">{}</td>", esc(c));
                    }
                }
            }
            h.push_str("</tr>\n");
        }
        h.push_str("</tbody>\n</table>\n</div>\n");
    }
    if let Some(line) = ranking.unranked_line(l) {
        let _ = writeln!(h, "<p>{}</p>", esc(&line));
    }
    if !ranking.entries.is_empty() {
        let _ = writeln!(h, "<p class=\"note\">{}</p>", esc(&ranking.note(l)));
    }
    h.push_str("</section>\n");
}

// ---------------------------------------------------------------------------------------------
// Closing overview

fn overview(h: &mut String, l: &Labels, todos: &[Todo]) {
    h.push_str("<section class=\"overview\" aria-labelledby=\"actions\">\n");
    let _ = writeln!(h, "<h2 id=\"actions\">{}</h2>", esc(l.actions_overview));
    if todos.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", esc(l.no_actions));
        h.push_str("</section>\n");
        return;
    }
    let _ = writeln!(h, "<p>{}</p>", esc(l.actions_overview_intro));
    h.push_str("<div class=\"scroll\">\n<table class=\"todos\">\n<thead><tr>");
    for head in [l.date, l.action, l.owner, l.source] {
        let _ = write!(h, "<th scope=\"col\">{}</th>", esc(head));
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for t in todos {
        let when = match t.date {
            Some(d) => l.format_date(d),
            None => format!("<em>{}</em>", esc(l.undated)),
        };
        let owner = t.who(single_line);
        let source = t.source(l, str::to_string);
        let _ = writeln!(
            h,
            "<tr><td class=\"num\">{when}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc_text(t.action),
            esc(&owner),
            esc(&source)
        );
    }
    h.push_str("</tbody>\n</table>\n</div>\n</section>\n");
}

// ---------------------------------------------------------------------------------------------
// Escaping

/// Text escaped for HTML element content and quoted attribute values alike (`& < > " '`).
/// Control characters other than tab and newline, which HTML does not allow, are left out.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Escaped lines joined by `<br>`.
fn esc_lines(lines: &[String]) -> String {
    lines
        .iter()
        .map(|line| esc(line))
        .collect::<Vec<_>>()
        .join("<br>")
}

/// Multi-line text escaped, its non-blank lines joined by `<br>`.
fn esc_text(text: &str) -> String {
    esc_lines(&lines(text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;

    /// Fails naming the first of `parts` that `text` lacks, and `text`.
    fn assert_contains(text: &str, parts: &[&str]) {
        for part in parts {
            assert!(text.contains(part), "no {part:?} in\n{text}");
        }
    }
    use crate::model::{
        Change, Commitment, Group, Id, Item, ItemKind, Reaction, Record, Stance, Tally,
    };

    fn session() -> Session {
        let mut s = Session::new("Wijk & <toekomst>", Language::Nl);
        s.date = NaiveDate::from_ymd_opt(2026, 11, 23);
        s.groups.push(Group {
            id: Id(0x10),
            name: "Tafel \"1\"".into(),
            size: Some(5),
        });
        s
    }

    fn proposition(s: &mut Session, text: &str) -> usize {
        let item = Item::new(s, ItemKind::Proposition, text);
        s.apply(Change::AddItem {
            index: usize::MAX,
            item: Box::new(item),
        })
        .unwrap();
        s.agenda.len() - 1
    }

    #[test]
    fn page_skeleton() {
        let s = session();
        let page = html(&s);
        assert!(page.starts_with(
            "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
        ));
        assert_contains(
            &page,
            &[
                "<title>Wijk &amp; &lt;toekomst&gt;</title>",
                "<h1>Wijk &amp; &lt;toekomst&gt;</h1>",
                "<dt>Datum</dt><dd>23-11-2026</dd>",
                "<dd>Tafel &quot;1&quot; (5)</dd>",
                "@media print",
                "break-after: avoid",
            ],
        );
        assert!(page.ends_with("</html>\n"));
        let en = html(&Session::new("", Language::En));
        assert!(en.contains("<html lang=\"en\">") && en.contains("<h1>Report</h1>"));
    }

    #[test]
    fn no_scripts_or_outside_resources() {
        let mut s = session();
        let i = proposition(&mut s, "Stelling");
        let option = s.agenda[i].options[0].id;
        s.agenda[i].rounds[0].tallies.push(Tally {
            option,
            group: None,
            count: 3,
        });
        let page = html(&s).to_lowercase();
        for bad in [
            "<script", "<link", "@import", "url(", "src=", "href=", "https://",
        ] {
            assert!(!page.contains(bad), "{bad}");
        }
        // The SVG namespace is an identifier, not something fetched.
        assert_eq!(
            page.matches("http://").count(),
            page.matches("xmlns=\"http://www.w3.org/2000/svg\"").count()
        );
    }

    #[test]
    fn chart_writes_numbers_next_to_bars() {
        let mut s = session();
        let i = proposition(&mut s, "Meer groen.");
        let (eens, oneens) = (s.agenda[i].options[0].id, s.agenda[i].options[1].id);
        let round = &mut s.agenda[i].rounds[0];
        round.tallies.push(Tally::new(eens, Some(Id(0x10)), 2));
        round.tallies.push(Tally::new(oneens, None, 1));
        let page = html(&s);
        assert!(page.contains("<svg class=\"chart\" role=\"img\" aria-labelledby=\"chart-1-1\""));
        assert!(page.contains(
            "<title id=\"chart-1-1\">Ronde 1. Eens: 2 (66,7%); Oneens: 1 (33,3%); Twijfel: 0 (0,0%); 3 antwoorden.</title>"
        ));
        assert_contains(
            &page,
            &[">2 (66,7%)</text>", ">0 (0,0%)</text>", "fill=\"#0072B2\""],
        );
        // Per group: a column for the group and one for hands without a group.
        assert!(page.contains("<th scope=\"col\" class=\"num\">Tafel &quot;1&quot;</th><th scope=\"col\" class=\"num\">Zonder groep</th>"));
        assert!(page.contains("<td class=\"num\">2 (100,0%)</td><td class=\"num\">0 (0,0%)</td>"));
    }

    #[test]
    fn user_text_is_only_text() {
        let mut s = session();
        let script = "<script>alert(1)</script>";
        let img = "\"><img src=x onerror=alert(1)>";
        s.groups[0].name = img.into();
        let i = proposition(&mut s, script);
        s.agenda[i].options[0].label = format!("{img}{script}");
        let option = s.agenda[i].options[0].id;
        s.agenda[i].rounds[0].tallies.push(Tally {
            option,
            group: Some(Id(0x10)),
            count: 1,
        });
        for (n, text) in [script, img, "it's \u{0}fine"].into_iter().enumerate() {
            s.agenda[i].rounds[0].reactions.push(Reaction {
                id: Id(0x100 + n as u64),
                text: text.into(),
                stance: Stance::For,
                group: Some(Id(0x10)),
                by: Some(img.into()),
                time: None,
                highlighted: n == 0,
            });
        }
        s.agenda[i].commitments.push(Commitment {
            id: Id(0x200),
            person: script.into(),
            organisation: img.into(),
            action: script.into(),
            start: None,
            follow_up: None,
        });
        s.apply(Change::PutRecord {
            item: s.agenda[i].id,
            index: usize::MAX,
            record: Record::Theme(crate::model::Theme {
                id: Id(0x300),
                name: img.into(),
            }),
        })
        .unwrap();
        s.agenda[i].statements.push(crate::model::Statement {
            id: Id(0x301),
            theme: Id(0x300),
            group: Some(Id(0x10)),
            text: script.into(),
        });
        let page = html(&s);
        assert!(!page.contains("<script"), "{page}");
        assert!(!page.contains("<img"), "{page}");
        assert_contains(
            &page,
            &[
                "&lt;script&gt;alert(1)&lt;/script&gt;",
                "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;",
                "it&#39;s fine",
            ],
        );
        assert!(!page.contains('\u{0}'));
    }

    #[test]
    fn deterministic() {
        let mut s = session();
        proposition(&mut s, "Een");
        assert_eq!(html(&s), html(&s.clone()));
    }
}
