//! The report preview: the report model ([`report::summary`]) turned into a list of blocks of
//! owned text once per revision of the session, of which each frame lays out only the blocks
//! in view.
//!
//! Why blocks: a session of 100 items and 10,000 reactions makes a report tens of thousands of
//! lines long, and laying all of it out would cost many milliseconds every frame. Blocks have
//! different heights (a wrapped reaction, a chart), so `ScrollArea::show_rows` with one row
//! height does not fit; instead every block keeps the height it had when last drawn (an
//! estimate until then), which tells where the view starts without drawing what is above it.

use crate::model::{Language, Session};
use crate::report::{self, Labels, summary as sum};
use egui::text::LayoutJob;
use egui::{Align, Color32, FontId, Layout, Rect, RichText, Stroke, TextFormat, Ui, UiBuilder};

/// Texts longer than this are cut in the preview (the exports have them whole): one reaction
/// of a megabyte would otherwise cost a long layout whenever it scrolls into view.
const MAX_CHARS: usize = 5_000;
/// Lines longer than this stop being easy to read; wider windows get a margin instead.
const MAX_WIDTH: f32 = 960.0;
/// Drawn beyond the visible part, so that a block just below the edge is ready.
const OVERDRAW: f32 = 200.0;
/// Longest bar, at 100 %.
const BAR_MAX: f32 = 470.0;
use crate::ui::theme::{STAR, chart as colour};

/// The preview of one revision of a session, with what it learned about block heights.
pub struct Preview {
    /// The [`crate::model::Document`] revision the blocks were made from.
    pub revision: u64,
    pub language: Language,
    /// Whether a calendar export has any event in it.
    pub has_follow_ups: bool,
    blocks: Vec<Block>,
    /// Height of each block including the space after it, at `width`.
    heights: Vec<f32>,
    /// Whether `heights[i]` was measured at `width` (else it is an estimate).
    measured: Vec<bool>,
    width: f32,
}

/// One piece of the report that is laid out as a whole.
#[derive(Debug, Clone, PartialEq)]
enum Block {
    Title(String),
    Details(Vec<(&'static str, String)>),
    Text(String),
    /// Small, quieter text: footnotes and legends.
    Note(String),
    /// "3. Proposition", with a rule above.
    ItemHeading(String),
    /// The item's text as the room saw it.
    Prompt(String),
    Heading(String),
    Subheading(String),
    Chart {
        caption: String,
        bars: Vec<Bar>,
    },
    Reaction {
        text: String,
        /// Group, name and round, joined; empty when none.
        who: String,
        highlighted: bool,
    },
    /// A list entry with quieter details after it (actions, feedback).
    Bullet {
        text: String,
        meta: String,
    },
    Statement {
        group: String,
        text: String,
    },
    /// A table row; the cells follow [`Columns::spec`].
    Row {
        columns: Columns,
        cells: Vec<String>,
        header: bool,
    },
}

impl Block {
    /// Every text in the block.
    fn texts_mut(&mut self) -> Vec<&mut String> {
        match self {
            Block::Title(t)
            | Block::Text(t)
            | Block::Note(t)
            | Block::ItemHeading(t)
            | Block::Prompt(t)
            | Block::Heading(t)
            | Block::Subheading(t) => vec![t],
            Block::Details(details) => details.iter_mut().map(|(_, v)| v).collect(),
            Block::Chart { caption, bars } => std::iter::once(caption)
                .chain(
                    bars.iter_mut()
                        .flat_map(|b| [&mut b.label, &mut b.value, &mut b.groups]),
                )
                .collect(),
            Block::Reaction { text, who, .. } => vec![text, who],
            Block::Bullet { text, meta } => vec![text, meta],
            Block::Statement { group, text } => vec![group, text],
            Block::Row { cells, .. } => cells.iter_mut().collect(),
        }
    }

    /// Leaves out bidi controls, as the PDF does: egui draws text left to right with no bidi
    /// shaping, so they would only show as boxes ([`report::bidi::strip`]).
    fn strip_bidi(&mut self) {
        for text in self.texts_mut() {
            if let std::borrow::Cow::Owned(clean) = report::bidi::strip(text) {
                *text = clean;
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
struct Bar {
    label: String,
    /// "12 (46,7%)".
    value: String,
    /// Share of the round's answers in tenths of a percent.
    tenths: u64,
    /// Counts per group, joined; empty when the round was not counted per group.
    groups: String,
}

/// The tables of the report, each with its own columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Columns {
    Shift,
    Commitments,
    RankingGroups,
    RankingRoom,
    Todos,
}

impl Columns {
    /// Per column: its share of the width and whether it holds a number (right-aligned).
    fn spec(self) -> &'static [(f32, bool)] {
        match self {
            Columns::Shift => &[(0.40, false), (0.18, true), (0.18, true), (0.24, true)],
            Columns::Commitments => &[
                (0.18, false),
                (0.20, false),
                (0.36, false),
                (0.13, true),
                (0.13, true),
            ],
            Columns::RankingGroups => &[
                (0.05, true),
                (0.43, false),
                (0.14, true),
                (0.14, true),
                (0.12, true),
                (0.12, true),
            ],
            Columns::RankingRoom => &[(0.05, true), (0.63, false), (0.16, true), (0.16, true)],
            Columns::Todos => &[(0.14, false), (0.40, false), (0.20, false), (0.26, false)],
        }
    }
}

impl Preview {
    /// The preview of `session` as it is at `revision`. Costs a few milliseconds for a big
    /// session, so the caller keeps it until the revision changes.
    pub fn build(session: &Session, revision: u64) -> Preview {
        let mut blocks = blocks(&report::summary(session));
        for block in &mut blocks {
            block.strip_bidi();
        }
        let n = blocks.len();
        Preview {
            revision,
            language: session.language,
            has_follow_ups: super::export::has_follow_ups(session),
            blocks,
            heights: vec![0.0; n],
            measured: vec![false; n],
            width: 0.0,
        }
    }

    /// Draws the blocks in view inside a scroll area. `scroll_to` moves the view first
    /// (keyboard scrolling); returns the scroll area's output for the next move.
    pub fn show(
        &mut self,
        ui: &mut Ui,
        scroll_to: Option<f32>,
    ) -> egui::scroll_area::ScrollAreaOutput<()> {
        let mut area = egui::ScrollArea::vertical()
            .id_salt("report-preview")
            .auto_shrink([false, false]);
        if let Some(offset) = scroll_to {
            area = area.vertical_scroll_offset(offset);
        }
        area.show_viewport(ui, |ui, viewport| {
            let width = ui.available_width().clamp(100.0, MAX_WIDTH);
            if (width - self.width).abs() > 0.5 {
                // Wrapping changes with the width: every height is a guess again.
                self.width = width;
                self.measured.fill(false);
            }
            for (i, block) in self.blocks.iter().enumerate() {
                if !self.measured[i] && self.heights[i] == 0.0 {
                    self.heights[i] = estimate(block, width);
                }
            }
            let total: f32 = self.heights.iter().sum();
            ui.set_height(total);
            let origin = ui.max_rect().min;
            let mut first = 0;
            let mut y = 0.0;
            while first < self.blocks.len() && y + self.heights[first] < viewport.min.y {
                y += self.heights[first];
                first += 1;
            }
            let rect = Rect::from_min_size(
                origin + egui::vec2(0.0, y),
                egui::vec2(width, (total - y).max(1.0) + 10_000.0),
            );
            let mut moved = false;
            ui.scope_builder(UiBuilder::new().max_rect(rect), |ui| {
                ui.set_max_width(width);
                ui.skip_ahead_auto_ids(first);
                let mut i = first;
                while i < self.blocks.len() && y < viewport.max.y + OVERDRAW {
                    let before = ui.cursor().top();
                    draw(ui, &self.blocks[i]);
                    let height = ui.cursor().top() - before;
                    if (height - self.heights[i]).abs() > 0.5 {
                        moved = true;
                    }
                    self.heights[i] = height;
                    self.measured[i] = true;
                    y += height;
                    i += 1;
                }
            });
            if moved {
                // The total height changed: one more frame puts the scroll bar right.
                ui.ctx().request_repaint();
            }
        })
    }

    /// How many blocks the preview has (for tests of its size).
    #[cfg(test)]
    fn len(&self) -> usize {
        self.blocks.len()
    }
}

// ---------------------------------------------------------------------------------------------
// From the report model to blocks

fn blocks(s: &sum::Summary) -> Vec<Block> {
    let l = s.labels;
    let mut out = vec![Block::Title(clip(s.title.clone()))];
    if !s.details.is_empty() {
        out.push(Block::Details(
            s.details
                .iter()
                .map(|(k, v)| (*k, clip(v.clone())))
                .collect(),
        ));
    }
    if s.items.is_empty() {
        out.push(Block::Text(l.no_agenda.to_string()));
    }
    for it in &s.items {
        item(&mut out, l, it);
    }
    if let Some(ranking) = &s.ranking {
        ranking_blocks(&mut out, l, ranking);
    }
    overview(&mut out, l, &s.todos);
    out
}

fn item(out: &mut Vec<Block>, l: &Labels, it: &sum::ItemSummary) {
    out.push(Block::ItemHeading(format!(
        "{}. {}",
        it.number,
        l.kind(it.item.kind)
    )));
    let prompt = paragraphs(&it.item.text);
    if !prompt.is_empty() {
        out.push(Block::Prompt(prompt));
    }
    let several = it.rounds.len() > 1;
    for r in &it.rounds {
        out.push(chart(l, several, r));
    }
    for s in &it.shifts {
        out.push(Block::Subheading(format!(
            "{}: {} – {}",
            l.shift, s.from, s.to
        )));
        out.push(Block::Row {
            columns: Columns::Shift,
            cells: vec![
                l.answer.to_string(),
                s.from.clone(),
                s.to.clone(),
                l.shift.to_string(),
            ],
            header: true,
        });
        for (option, from, to) in &s.options {
            out.push(Block::Row {
                columns: Columns::Shift,
                cells: vec![
                    clip(sum::single_line(&option.label)),
                    pct(l, *from),
                    pct(l, *to),
                    format!("{} {}", l.decimal.signed(sum::delta(*from, *to)), l.points),
                ],
                header: false,
            });
        }
    }
    if !it.reactions.is_empty() {
        out.push(Block::Heading(l.reactions.to_string()));
        if it.any_highlighted {
            out.push(Block::Note(format!("★ = {}", l.highlighted)));
        }
        for (stance, these) in &it.reactions {
            out.push(Block::Subheading(l.stance(*stance).to_string()));
            for e in these {
                let r = e.reaction;
                let mut who = vec![
                    e.group.clone(),
                    r.by.as_deref().map(sum::single_line).unwrap_or_default(),
                ];
                who.extend(e.round.clone());
                who.retain(|w| !w.is_empty());
                out.push(Block::Reaction {
                    text: text_lines(&r.text),
                    who: clip(who.join(", ")),
                    highlighted: r.highlighted,
                });
            }
        }
    }
    for p in &it.proposals {
        out.push(Block::Heading(clip(p.title.clone())));
        let description = paragraphs(&p.proposal.description);
        if !description.is_empty() {
            out.push(Block::Text(description));
        }
        if !p.proposal.actions.is_empty() {
            out.push(Block::Subheading(l.actions.to_string()));
            for a in &p.proposal.actions {
                let mut meta = Vec::new();
                let owner = sum::single_line(&a.owner);
                if !owner.is_empty() {
                    meta.push(format!("{}: {owner}", l.owner));
                }
                if let Some(due) = a.due {
                    meta.push(format!("{}: {}", l.due, l.format_date(due)));
                }
                out.push(Block::Bullet {
                    text: text_lines(&a.text),
                    meta: clip(meta.join("; ")),
                });
            }
        }
        if !p.feedback.is_empty() {
            out.push(Block::Subheading(l.feedback.to_string()));
            for (group, f) in &p.feedback {
                out.push(Block::Bullet {
                    text: text_lines(&f.text),
                    meta: if group.is_empty() {
                        String::new()
                    } else {
                        clip((l.feedback_from)(group))
                    },
                });
            }
        }
    }
    if !it.commitments.is_empty() {
        out.push(Block::Heading(l.commitments.to_string()));
        out.push(Block::Row {
            columns: Columns::Commitments,
            cells: [l.person, l.organisation, l.action, l.start, l.follow_up]
                .map(String::from)
                .to_vec(),
            header: true,
        });
        let date = |d: Option<chrono::NaiveDate>| d.map(|d| l.format_date(d)).unwrap_or_default();
        for c in it.commitments {
            out.push(Block::Row {
                columns: Columns::Commitments,
                cells: vec![
                    text_lines(&c.person),
                    text_lines(&c.organisation),
                    text_lines(&c.action),
                    date(c.start),
                    date(c.follow_up),
                ],
                header: false,
            });
        }
    }
    for (theme, these) in &it.statements {
        out.push(Block::Heading(match theme {
            Some(theme) => clip(format!("{}: {}", l.theme, sum::single_line(&theme.name))),
            None => l.no_theme.to_string(),
        }));
        for st in these {
            out.push(Block::Statement {
                group: if st.group.is_empty() {
                    l.no_group.to_string()
                } else {
                    clip(st.group.clone())
                },
                text: text_lines(&st.statement.text),
            });
        }
    }
}

/// A round's bars, with the counts per group under each bar when it was counted per group.
fn chart(l: &Labels, several: bool, r: &sum::RoundTally) -> Block {
    let caption = if several {
        format!("{} — {} {}", r.label, r.total, l.answers)
    } else {
        format!("{} {}", r.total, l.answers)
    };
    let bars = r
        .options
        .iter()
        .map(|o| Bar {
            label: clip(sum::single_line(&o.option.label)),
            value: format!("{} ({})", o.count, pct(l, o.tenths)),
            tenths: o.tenths,
            groups: clip(
                o.per_group
                    .iter()
                    .zip(&o.group_tenths)
                    .zip(&r.columns)
                    .map(|((n, t), c)| {
                        format!("{}: {n} ({})", sum::single_line(c.name), pct(l, *t))
                    })
                    .collect::<Vec<_>>()
                    .join(" · "),
            ),
        })
        .collect();
    Block::Chart {
        caption: clip(caption),
        bars,
    }
}

fn ranking_blocks(out: &mut Vec<Block>, l: &Labels, ranking: &sum::Ranking) {
    out.push(Block::ItemHeading(l.ranking.to_string()));
    if !ranking.entries.is_empty() {
        let columns = match ranking.method {
            sum::RankMethod::Groups => Columns::RankingGroups,
            sum::RankMethod::Room => Columns::RankingRoom,
        };
        out.push(Block::Text(l.ranking_intro.to_string()));
        out.push(Block::Row {
            columns,
            cells: ranking.headings(l),
            header: true,
        });
        for (rank, e) in ranking.entries.iter().enumerate() {
            out.push(Block::Row {
                columns,
                cells: ranking
                    .cells(l, rank + 1, e, l.decimal)
                    .into_iter()
                    .map(clip)
                    .collect(),
                header: false,
            });
        }
    }
    if let Some(line) = ranking.unranked_line(l) {
        out.push(Block::Text(line));
    }
    if !ranking.entries.is_empty() {
        out.push(Block::Note(ranking.note(l)));
    }
}

fn overview(out: &mut Vec<Block>, l: &Labels, todos: &[sum::Todo]) {
    out.push(Block::ItemHeading(l.actions_overview.to_string()));
    if todos.is_empty() {
        out.push(Block::Text(l.no_actions.to_string()));
        return;
    }
    out.push(Block::Text(l.actions_overview_intro.to_string()));
    out.push(Block::Row {
        columns: Columns::Todos,
        cells: [l.date, l.action, l.owner, l.source]
            .map(String::from)
            .to_vec(),
        header: true,
    });
    for t in todos {
        let owner = t.who(sum::single_line);
        let source = t.source(l, str::to_string);
        out.push(Block::Row {
            columns: Columns::Todos,
            cells: vec![
                t.date
                    .map(|d| l.format_date(d))
                    .unwrap_or_else(|| l.undated.to_string()),
                text_lines(t.action),
                clip(owner),
                clip(source),
            ],
            header: false,
        });
    }
}

/// `46,7%` or `46.7%` as the report's language writes it.
fn pct(l: &Labels, tenths: u64) -> String {
    l.decimal.percent(tenths)
}

/// Non-blank lines, trimmed, one under the other; cut at [`MAX_CHARS`].
fn text_lines(text: &str) -> String {
    clip(sum::lines(text).join("\n"))
}

/// Paragraphs separated by a blank line; cut at [`MAX_CHARS`].
fn paragraphs(text: &str) -> String {
    clip(
        sum::paragraphs(text)
            .iter()
            .map(|p| p.join("\n"))
            .collect::<Vec<_>>()
            .join("\n\n"),
    )
}

/// At most [`MAX_CHARS`] characters, an ellipsis marking a cut.
fn clip(text: String) -> String {
    match crate::model::shorten::cut(&text, MAX_CHARS) {
        Some(head) => format!("{head} …"),
        None => text,
    }
}

// ---------------------------------------------------------------------------------------------
// Drawing

/// A first guess of a block's height before it was ever drawn, from its text length; close
/// enough that the scroll bar hardly moves once the block is measured.
fn estimate(block: &Block, width: f32) -> f32 {
    const LINE: f32 = 23.0;
    const GAP: f32 = 8.0;
    let per_line = (width / 8.5).max(8.0);
    let lines = |text: &str, fraction: f32| -> f32 {
        text.split('\n')
            .map(|l| {
                (l.chars().count() as f32 / (per_line * fraction))
                    .ceil()
                    .max(1.0)
            })
            .sum()
    };
    match block {
        Block::Title(t) => lines(t, 0.65) * 34.0 + GAP,
        Block::Details(d) => d.len() as f32 * (LINE + 4.0) + GAP,
        Block::Text(t) | Block::Note(t) => lines(t, 1.0) * LINE + GAP,
        Block::ItemHeading(_) => 60.0,
        Block::Prompt(t) => lines(t, 0.95) * LINE + 24.0 + GAP,
        Block::Heading(t) | Block::Subheading(t) => lines(t, 0.9) * 26.0 + GAP,
        Block::Chart { bars, .. } => {
            LINE + GAP
                + bars
                    .iter()
                    .map(|b| if b.groups.is_empty() { 62.0 } else { 82.0 })
                    .sum::<f32>()
        }
        Block::Reaction { text, .. } | Block::Bullet { text, .. } => {
            lines(text, 0.95) * LINE + 4.0 + GAP
        }
        Block::Statement { text, .. } => lines(text, 0.9) * LINE + GAP,
        Block::Row { columns, cells, .. } => {
            let tallest = columns
                .spec()
                .iter()
                .zip(cells)
                .map(|((fraction, _), c)| lines(c, *fraction))
                .fold(1.0, f32::max);
            tallest * LINE + GAP
        }
    }
}

fn draw(ui: &mut Ui, block: &Block) {
    match block {
        Block::Title(text) => {
            ui.add(egui::Label::new(RichText::new(text).size(26.0).strong()).wrap());
        }
        Block::Details(details) => {
            egui::Grid::new("report-details")
                .num_columns(2)
                .spacing([16.0, 4.0])
                .show(ui, |ui| {
                    for (label, value) in details {
                        ui.label(RichText::new(*label).strong());
                        ui.add(egui::Label::new(value).wrap());
                        ui.end_row();
                    }
                });
        }
        Block::Text(text) => {
            ui.add(egui::Label::new(text).wrap());
        }
        Block::Note(text) => {
            ui.add(egui::Label::new(RichText::new(text).size(15.0).weak()).wrap());
        }
        Block::ItemHeading(text) => {
            ui.add_space(10.0);
            ui.separator();
            ui.add(egui::Label::new(RichText::new(text).size(22.0).strong()).wrap());
        }
        Block::Prompt(text) => prompt(ui, text),
        Block::Heading(text) => {
            ui.add_space(4.0);
            ui.add(egui::Label::new(RichText::new(text).size(19.0).strong()).wrap());
        }
        Block::Subheading(text) => {
            ui.add(egui::Label::new(RichText::new(text).strong().underline()).wrap());
        }
        Block::Chart { caption, bars } => {
            ui.label(RichText::new(caption).strong());
            for (i, bar) in bars.iter().enumerate() {
                draw_bar(ui, i, bar);
            }
        }
        Block::Reaction {
            text,
            who,
            highlighted,
        } => reaction(ui, text, who, *highlighted),
        Block::Bullet { text, meta } => {
            let mut job = LayoutJob::default();
            let body = body_font(ui);
            let colour = ui.visuals().text_color();
            job.append("•  ", 0.0, format(body.clone(), colour));
            job.append(text, 0.0, format(body.clone(), colour));
            if !meta.is_empty() {
                job.append(
                    &format!("  ({meta})"),
                    0.0,
                    format(body, ui.visuals().weak_text_color()),
                );
            }
            ui.add(egui::Label::new(job).wrap());
        }
        Block::Statement { group, text } => {
            let mut job = LayoutJob::default();
            let body = body_font(ui);
            job.append(
                &format!("{group}: "),
                0.0,
                format(body.clone(), ui.visuals().strong_text_color()),
            );
            job.append(text, 0.0, format(body, ui.visuals().text_color()));
            ui.add(egui::Label::new(job).wrap());
        }
        Block::Row {
            columns,
            cells,
            header,
        } => row(ui, *columns, cells, *header),
    }
}

fn body_font(ui: &Ui) -> FontId {
    egui::TextStyle::Body.resolve(ui.style())
}

fn format(font_id: FontId, color: Color32) -> TextFormat {
    TextFormat {
        font_id,
        color,
        ..Default::default()
    }
}

/// The item's text in a light box with a blue bar on its left, as in the HTML report.
fn prompt(ui: &mut Ui, text: &str) {
    let blue = colour(0);
    let response = egui::Frame::NONE
        .fill(crate::ui::theme::PROMPT_FILL)
        .inner_margin(egui::Margin {
            left: 14,
            right: 10,
            top: 8,
            bottom: 8,
        })
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.add(egui::Label::new(RichText::new(text).size(19.0)).wrap());
        })
        .response;
    let r = response.rect;
    ui.painter().rect_filled(
        Rect::from_min_max(r.min, egui::pos2(r.min.x + 4.0, r.max.y)),
        0.0,
        blue,
    );
}

/// An option's label, then its bar (length by share, outlined so that light colours stand out
/// on white) with the count and share after it, and under it the counts per group.
fn draw_bar(ui: &mut Ui, index: usize, bar: &Bar) {
    ui.add(egui::Label::new(&bar.label).wrap());
    ui.horizontal(|ui| {
        let max = (ui.available_width() - 150.0).clamp(60.0, BAR_MAX);
        let length = max * bar.tenths.min(1000) as f32 / 1000.0;
        let (rect, _) =
            ui.allocate_exact_size(egui::vec2(length.max(1.0), 18.0), egui::Sense::hover());
        if length >= 0.5 {
            ui.painter().rect(
                rect,
                0.0,
                colour(index),
                Stroke::new(1.0, crate::ui::theme::INK),
                egui::StrokeKind::Inside,
            );
        }
        ui.label(RichText::new(&bar.value).strong());
    });
    if !bar.groups.is_empty() {
        ui.add(egui::Label::new(RichText::new(&bar.groups).size(15.0).weak()).wrap());
    }
}

/// A reaction as a list entry; a highlighted one with an orange star, in strong text on a
/// light background, so it stands out without relying on colour alone.
fn reaction(ui: &mut Ui, text: &str, who: &str, highlighted: bool) {
    let body = body_font(ui);
    let mut job = LayoutJob::default();
    if highlighted {
        job.append("★  ", 0.0, format(body.clone(), STAR));
        job.append(
            text,
            0.0,
            format(body.clone(), ui.visuals().strong_text_color()),
        );
    } else {
        job.append("•  ", 0.0, format(body.clone(), ui.visuals().text_color()));
        job.append(text, 0.0, format(body.clone(), ui.visuals().text_color()));
    }
    if !who.is_empty() {
        job.append(
            &format!("  ({who})"),
            0.0,
            format(body, ui.visuals().weak_text_color()),
        );
    }
    if highlighted {
        egui::Frame::NONE
            .fill(crate::ui::theme::HIGHLIGHT_FILL)
            .corner_radius(4)
            .inner_margin(egui::Margin::symmetric(6, 3))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.add(egui::Label::new(job).wrap());
            });
    } else {
        egui::Frame::NONE
            .inner_margin(egui::Margin::symmetric(6, 0))
            .show(ui, |ui| {
                ui.add(egui::Label::new(job).wrap());
            });
    }
}

/// Cells side by side at fixed shares of the width, numbers right-aligned, each wrapping
/// within its column; the row is as tall as its tallest cell. A header row is strong and
/// underlined.
fn row(ui: &mut Ui, columns: Columns, cells: &[String], header: bool) {
    const GAP: f32 = 10.0;
    let width = ui.available_width();
    let top = ui.cursor().min;
    let mut x = top.x;
    let mut bottom = top.y;
    for ((fraction, numeric), cell) in columns.spec().iter().zip(cells) {
        let column = width * fraction;
        let rect = Rect::from_min_size(
            egui::pos2(x, top.y),
            egui::vec2((column - GAP).max(8.0), 100_000.0),
        );
        let layout = if *numeric {
            Layout::top_down(Align::Max)
        } else {
            Layout::top_down(Align::Min)
        };
        let mut child = ui.new_child(UiBuilder::new().max_rect(rect).layout(layout));
        let text = if header {
            RichText::new(cell).strong()
        } else {
            RichText::new(cell)
        };
        child.add(egui::Label::new(text).wrap());
        bottom = bottom.max(child.min_rect().bottom());
        x += column;
    }
    let (_, rect) = ui.allocate_space(egui::vec2(width, (bottom - top.y).max(1.0)));
    let line = if header {
        Stroke::new(1.5, ui.visuals().strong_text_color())
    } else {
        Stroke::new(0.5, crate::ui::theme::RULE)
    };
    ui.painter()
        .hline(rect.x_range(), rect.bottom() + 3.0, line);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sample::large_session;

    #[test]
    fn empty_session_says_so() {
        let s = Session::new("", Language::En);
        let p = Preview::build(&s, 0);
        assert_eq!(p.blocks[0], Block::Title("Report".into()));
        assert!(p.blocks.contains(&Block::Text("No agenda items.".into())));
        assert!(!p.has_follow_ups);
    }

    #[test]
    fn huge_texts_are_cut() {
        let long = "ë".repeat(MAX_CHARS * 3);
        let cut = clip(long);
        assert_eq!(cut.chars().count(), MAX_CHARS + 2);
        assert!(cut.ends_with(" …"));
        assert_eq!(clip("kort".into()), "kort");
    }

    #[test]
    fn big_session_has_a_block_per_reaction() {
        let s = large_session(100, 10_000);
        let p = Preview::build(&s, 7);
        assert!(p.len() > 10_000, "{}", p.len());
        assert_eq!(p.revision, 7);
    }

    #[test]
    fn bidi_controls_are_left_out() {
        let mut s = large_session(3, 30);
        s.title = "titel\u{202E}omgekeerd".into();
        for item in &mut s.agenda {
            item.text = "vraag\u{2067}".into();
            for round in &mut item.rounds {
                for r in &mut round.reactions {
                    r.text = "abc\u{202E}def".into();
                }
            }
        }
        for g in &mut s.groups {
            g.name = "\u{202B}tafel".into();
        }
        let mut p = Preview::build(&s, 0);
        let texts: Vec<String> = p
            .blocks
            .iter_mut()
            .flat_map(|b| b.texts_mut().into_iter().map(|t| t.clone()))
            .collect();
        assert!(texts.iter().any(|t| t.contains("abcdef")));
        assert!(texts.iter().any(|t| t.contains("titelomgekeerd")));
        for t in &texts {
            assert!(!t.chars().any(report::bidi::is_control), "{t:?}");
        }
    }

    #[test]
    fn estimates_are_positive() {
        let s = large_session(3, 30);
        let p = Preview::build(&s, 0);
        for b in &p.blocks {
            for width in [100.0, 960.0] {
                let h = estimate(b, width);
                assert!(h.is_finite() && h > 0.0, "{b:?}: {h}");
            }
        }
    }
}
