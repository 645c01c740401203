//! The summary report as an A4 PDF, for organisers who forward or print the report as it is.
//!
//! Content and order are those of the Markdown and HTML reports (see [`super::summary`]), in the
//! session's language. Written with `krilla`, a small PDF writer that embeds and subsets the
//! font and draws vector shapes, but leaves line breaking and pagination to us; so this module
//! works in two steps:
//!
//! 1. **Layout** ([`Layout`]): the report becomes pages of positioned operations ([`Op`]).
//!    Text is wrapped by measuring the font's glyph advances, so a long reaction, or a single
//!    300-character word, wraps at the margin instead of running off the page. A page break
//!    can fall between any two lines; headings keep at least the next couple of lines with them.
//! 2. **Drawing** ([`draw`]): the pages go to krilla, with "page 2 of 5" at the foot of each
//!    (which is why the layout comes first: the page count must be known).
//!
//! Participants' text only ever becomes glyphs through krilla's text API (never raw content
//! stream operators), so nothing typed can break the file. The font (DejaVu Sans, regular and
//! bold) is compiled into the binary: it covers Dutch and most other Latin, Greek and Cyrillic
//! text; a character it lacks shows as an empty box. The output is deterministic: krilla
//! derives the file id from the content, there is no creation date, and the document id is the
//! session's id.

use super::bidi;
use super::labels::Labels;
use super::summary::{
    ItemSummary, ProposalSummary, Ranking, RoundTally, Summary, Todo, action_details, delta, lines,
    paragraphs, single_line, summary,
};
use crate::model::{Commitment, Session};
use chrono::NaiveDate;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::{Data, Document};
use skrifa::MetadataProvider;
use skrifa::instance::{LocationRef, Size};
use std::collections::HashMap;

pub(crate) const REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// Why a PDF could not be made. Only a broken embedded font or a limit of the PDF format
/// (e.g. far too many pages) gets here; no session content does.
#[derive(Debug, thiserror::Error)]
#[error("could not write the PDF: {0}")]
pub struct PdfError(String);

/// The session's report as a PDF. Pure and deterministic: the same session gives the same
/// bytes.
pub fn pdf(session: &Session) -> Result<Vec<u8>, PdfError> {
    let sum = summary(session);
    let mut fonts = Fonts::load()?;
    let pages = {
        let mut layout = Layout::new(&mut fonts);
        report(&mut layout, &sum);
        layout.finish()
    };
    draw(session, sum.labels, &mut fonts, &pages)
}

// ---------------------------------------------------------------------------------------------
// Page geometry and styles, in points (1/72 inch)

const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const LEFT: f32 = 56.0;
const WIDTH: f32 = PAGE_W - 2.0 * LEFT;
const TOP: f32 = 56.0;
/// Content never goes below this line; the page number sits under it.
const BOTTOM: f32 = PAGE_H - 64.0;
const FOOTER_BASELINE: f32 = PAGE_H - 34.0;

type Colour = super::palette::Rgb;
use super::palette::{BLUE, GREY, INK, RULE, VERMILLION, chart as bar_colour};

#[derive(Clone, Copy, Debug, PartialEq)]
struct Style {
    bold: bool,
    size: f32,
    /// Distance from one baseline to the next.
    leading: f32,
    colour: Colour,
}

const fn style(bold: bool, size: f32, leading: f32, colour: Colour) -> Style {
    Style {
        bold,
        size,
        leading,
        colour,
    }
}

const BODY: Style = style(false, 10.5, 14.5, INK);
const BODY_BOLD: Style = style(true, 10.5, 14.5, INK);
const SMALL: Style = style(false, 9.0, 12.5, GREY);
const TABLE: Style = style(false, 9.5, 13.0, INK);
const TABLE_BOLD: Style = style(true, 9.5, 13.0, INK);
const PROMPT: Style = style(false, 12.5, 17.0, INK);
const H1: Style = style(true, 20.0, 25.0, INK);
const H2: Style = style(true, 15.0, 19.0, INK);
const H3: Style = style(true, 12.5, 16.0, INK);
const H4: Style = style(true, 10.5, 14.5, INK);

// ---------------------------------------------------------------------------------------------
// Fonts and measuring

/// One embedded font: krilla's handle for drawing, skrifa's view for glyph ids and advances.
struct Face {
    pdf: Font,
    font: skrifa::FontRef<'static>,
    units_per_em: f32,
    /// Glyph id and advance (in em) per character, filled as text is measured.
    cache: HashMap<char, (u32, f32)>,
}

impl Face {
    fn load(bytes: &'static [u8]) -> Result<Face, PdfError> {
        let font =
            skrifa::FontRef::new(bytes).map_err(|e| PdfError(format!("embedded font: {e}")))?;
        let pdf = Font::new(Data::from(bytes), 0)
            .ok_or_else(|| PdfError("embedded font not readable".into()))?;
        let units_per_em = f32::from(
            font.metrics(Size::unscaled(), LocationRef::default())
                .units_per_em,
        );
        Ok(Face {
            pdf,
            font,
            units_per_em: units_per_em.max(1.0),
            cache: HashMap::new(),
        })
    }

    /// The glyph for a character (0, the empty box, when the font lacks it) and its advance.
    fn glyph(&mut self, c: char) -> (u32, f32) {
        if let Some(&g) = self.cache.get(&c) {
            return g;
        }
        let id = self.font.charmap().map(c).unwrap_or_default();
        let advance = self
            .font
            .glyph_metrics(Size::unscaled(), LocationRef::default())
            .advance_width(id)
            .unwrap_or(0.0)
            / self.units_per_em;
        let g = (id.to_u32(), advance);
        self.cache.insert(c, g);
        g
    }

    /// Width of `text` in em.
    fn width(&mut self, text: &str) -> f32 {
        text.chars().map(|c| self.glyph(c).1).sum()
    }
}

struct Fonts {
    regular: Face,
    bold: Face,
}

impl Fonts {
    fn load() -> Result<Fonts, PdfError> {
        Ok(Fonts {
            regular: Face::load(REGULAR)?,
            bold: Face::load(BOLD)?,
        })
    }

    fn face(&mut self, bold: bool) -> &mut Face {
        if bold {
            &mut self.bold
        } else {
            &mut self.regular
        }
    }

    /// Width of `text` in points in this style.
    fn width(&mut self, s: Style, text: &str) -> f32 {
        self.face(s.bold).width(text) * s.size
    }
}

/// What may be drawn of a participant's text: control characters (which have no glyph and
/// might confuse a reader) become spaces. Bidi controls are left out: the PDF draws glyphs left
/// to right with no bidi shaping, so they could only show as empty boxes ([`bidi::strip`]).
fn clean(text: &str) -> String {
    bidi::strip(text)
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Line breaking

/// A piece of text in one style, as input to [`Layout::wrap`]. Spans are separate words:
/// a space always stands between two spans.
#[derive(Clone, Copy)]
struct Span<'a> {
    style: Style,
    text: &'a str,
}

impl<'a> Span<'a> {
    fn new(style: Style, text: &'a str) -> Self {
        Span { style, text }
    }
}

/// A piece of one wrapped line, `x` from the line's start.
#[derive(Clone, Debug, PartialEq)]
struct Run {
    style: Style,
    x: f32,
    text: String,
}

/// One wrapped line and its height (the largest leading in it).
#[derive(Clone, Debug, Default)]
struct Line {
    runs: Vec<Run>,
    width: f32,
    leading: f32,
}

impl Line {
    fn push_word(&mut self, fonts: &mut Fonts, s: Style, word: &str, word_width: f32) {
        let space = if self.runs.is_empty() {
            0.0
        } else {
            fonts.width(s, " ")
        };
        match self.runs.last_mut() {
            Some(run) if run.style == s => {
                run.text.push(' ');
                run.text.push_str(word);
            }
            _ => {
                if space > 0.0
                    && let Some(run) = self.runs.last_mut()
                {
                    run.text.push(' ');
                }
                self.runs.push(Run {
                    style: s,
                    x: self.width + space,
                    text: word.to_string(),
                });
            }
        }
        self.width += space + word_width;
        self.leading = self.leading.max(s.leading);
    }

    fn push_char(&mut self, s: Style, c: char, advance: f32) {
        match self.runs.last_mut() {
            Some(run) if run.style == s => run.text.push(c),
            _ => self.runs.push(Run {
                style: s,
                x: self.width,
                text: c.to_string(),
            }),
        }
        self.width += advance;
        self.leading = self.leading.max(s.leading);
    }
}

/// Greedy line breaking at spaces; a word longer than a whole line is broken between
/// characters, so nothing ever runs past `width`.
fn wrap(fonts: &mut Fonts, spans: &[Span], width: f32) -> Vec<Line> {
    let mut out = Vec::new();
    let mut line = Line::default();
    for span in spans {
        let text = clean(span.text);
        for word in text.split_whitespace() {
            let s = span.style;
            let w = fonts.width(s, word);
            let space = if line.runs.is_empty() {
                0.0
            } else {
                fonts.width(s, " ")
            };
            if line.width + space + w <= width {
                line.push_word(fonts, s, word, w);
                continue;
            }
            if !line.runs.is_empty() {
                out.push(std::mem::take(&mut line));
            }
            if w <= width {
                line.push_word(fonts, s, word, w);
                continue;
            }
            for c in word.chars() {
                let advance = fonts.face(s.bold).glyph(c).1 * s.size;
                if line.width + advance > width && !line.runs.is_empty() {
                    out.push(std::mem::take(&mut line));
                }
                line.push_char(s, c, advance);
            }
        }
    }
    if !line.runs.is_empty() {
        out.push(line);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Layout: the report as pages of positioned operations

/// One thing to draw; `y` grows downwards from the top of the page.
#[derive(Debug)]
enum Op {
    /// Text with its baseline at `y`.
    Text {
        x: f32,
        y: f32,
        style: Style,
        text: String,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Colour,
        outline: bool,
    },
    /// A horizontal rule.
    Rule {
        x: f32,
        y: f32,
        w: f32,
        thickness: f32,
        colour: Colour,
    },
}

struct Layout<'f> {
    fonts: &'f mut Fonts,
    pages: Vec<Vec<Op>>,
    /// Top of the next line on the current page.
    y: f32,
}

impl<'f> Layout<'f> {
    fn new(fonts: &'f mut Fonts) -> Self {
        Layout {
            fonts,
            pages: vec![Vec::new()],
            y: TOP,
        }
    }

    fn finish(self) -> Vec<Vec<Op>> {
        self.pages
    }

    fn op(&mut self, op: Op) {
        if let Some(page) = self.pages.last_mut() {
            page.push(op);
        }
    }

    fn at_top(&self) -> bool {
        self.y <= TOP
    }

    /// Starts a new page unless `height` still fits on this one (or this page is still empty,
    /// where waiting would not help). Returns whether a page was started.
    fn ensure(&mut self, height: f32) -> bool {
        if self.y + height > BOTTOM && !self.at_top() {
            self.pages.push(Vec::new());
            self.y = TOP;
            return true;
        }
        false
    }

    /// Vertical space, dropped at the top of a page.
    fn gap(&mut self, height: f32) {
        if !self.at_top() {
            self.y = (self.y + height).min(BOTTOM);
        }
    }

    fn wrap(&mut self, spans: &[Span], width: f32) -> Vec<Line> {
        wrap(self.fonts, spans, width)
    }

    /// Draws one line at `x`, its top at the current position, and moves down.
    fn line(&mut self, x: f32, line: &Line) {
        let leading = if line.leading > 0.0 {
            line.leading
        } else {
            BODY.leading
        };
        let baseline = self.y + leading * 0.78;
        for run in &line.runs {
            self.op(Op::Text {
                x: x + run.x,
                y: baseline,
                style: run.style,
                text: run.text.clone(),
            });
        }
        self.y += leading;
    }

    /// Wrapped text; a page break may come between any two lines.
    fn spans(&mut self, x: f32, width: f32, spans: &[Span]) {
        for line in self.wrap(spans, width) {
            self.ensure(line.leading);
            self.line(x, &line);
        }
    }

    fn text(&mut self, x: f32, width: f32, s: Style, text: &str) {
        self.spans(x, width, &[Span { style: s, text }]);
    }

    /// A heading, kept on one page with the two lines after it.
    fn heading(&mut self, s: Style, text: &str, before: f32) {
        self.gap(before);
        let lines = self.wrap(&[Span { style: s, text }], WIDTH);
        let height: f32 = lines.iter().map(|l| l.leading).sum();
        self.ensure(height + 2.0 * BODY.leading + 4.0);
        for line in &lines {
            self.line(LEFT, line);
        }
        self.y += 3.0;
    }

    /// A list item: a marker, then the spans wrapped beside it.
    fn bullet(&mut self, marker: Span, spans: &[Span]) {
        let indent = 14.0;
        let lines = self.wrap(spans, WIDTH - indent);
        for (i, line) in lines.iter().enumerate() {
            self.ensure(line.leading);
            if i == 0 {
                let baseline = self.y + line.leading * 0.78;
                self.op(Op::Text {
                    x: LEFT + 2.0,
                    y: baseline,
                    style: marker.style,
                    text: marker.text.to_string(),
                });
            }
            self.line(LEFT + indent, line);
        }
        self.y += 2.0;
    }
}

// ---------------------------------------------------------------------------------------------
// Tables

/// A table column: `auto` columns are as wide as their widest cell (numbers, dates); the
/// others share the remaining width by `weight` and wrap.
#[derive(Clone, Copy)]
struct Col {
    auto: bool,
    right: bool,
    weight: f32,
}

const NUM: Col = Col {
    auto: true,
    right: true,
    weight: 0.0,
};
const AUTO: Col = Col {
    auto: true,
    right: false,
    weight: 0.0,
};
const fn text_col(weight: f32) -> Col {
    Col {
        auto: false,
        right: false,
        weight,
    }
}

const PAD: f32 = 4.0;
/// Text columns together get at least this much; numbers wrap before the text does.
const MIN_TEXT_COLUMN: f32 = 130.0;

struct Table<'a> {
    cols: Vec<Col>,
    head: Vec<String>,
    rows: Vec<Vec<String>>,
    /// The last row is a total, in bold under a rule.
    total_row: bool,
    caption: Option<&'a str>,
}

impl Layout<'_> {
    /// Column widths: auto columns fit their content (shrunk together if they would leave the
    /// text columns less than [`MIN_TEXT_COLUMN`]), text columns share the rest.
    fn widths(&mut self, t: &Table) -> Vec<f32> {
        let mut widths: Vec<f32> = t
            .cols
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if !c.auto {
                    return 0.0;
                }
                let head = t
                    .head
                    .get(i)
                    .map(|h| {
                        h.split_whitespace()
                            .map(|w| self.fonts.width(TABLE_BOLD, w))
                            .fold(0.0, f32::max)
                    })
                    .unwrap_or(0.0);
                let cells = t
                    .rows
                    .iter()
                    .filter_map(|r| r.get(i))
                    .map(|cell| self.fonts.width(TABLE_BOLD, cell))
                    .fold(0.0, f32::max);
                head.max(cells) + 2.0 * PAD + 1.0
            })
            .collect();
        let weights: f32 = t.cols.iter().filter(|c| !c.auto).map(|c| c.weight).sum();
        let fixed: f32 = widths.iter().sum();
        let room_for_text = if weights > 0.0 { MIN_TEXT_COLUMN } else { 0.0 };
        if fixed > WIDTH - room_for_text {
            let scale = (WIDTH - room_for_text) / fixed;
            widths.iter_mut().for_each(|w| *w *= scale);
        }
        let rest = (WIDTH - widths.iter().sum::<f32>()).max(0.0);
        for (w, c) in widths.iter_mut().zip(&t.cols) {
            if !c.auto && weights > 0.0 {
                *w = rest * c.weight / weights;
            }
        }
        widths
    }

    fn table(&mut self, t: &Table) {
        let widths = self.widths(t);
        self.gap(4.0);
        // A small table is not split: if it fits on a fresh page, it starts on one.
        if t.rows.len() <= 12 {
            let mut height = TABLE.leading * 2.0 + PAD * 2.0;
            for row in &t.rows {
                let cells = self.cells(&widths, row, TABLE_BOLD);
                let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
                height += lines as f32 * TABLE.leading + PAD;
            }
            if height < (BOTTOM - TOP) / 3.0 {
                self.ensure(height);
            }
        }
        if let Some(caption) = t.caption {
            let lines = self.wrap(
                &[Span {
                    style: H4,
                    text: caption,
                }],
                WIDTH,
            );
            let height: f32 = lines.iter().map(|l| l.leading).sum();
            self.ensure(height + 3.0 * TABLE.leading);
            for line in &lines {
                self.line(LEFT, line);
            }
        }
        self.table_head(t, &widths);
        let last = t.rows.len().saturating_sub(1);
        for (i, row) in t.rows.iter().enumerate() {
            let style = if t.total_row && i == last {
                TABLE_BOLD
            } else {
                TABLE
            };
            if t.total_row && i == last {
                self.ensure(style.leading + 2.0);
                self.full_rule();
            }
            self.table_row(t, &widths, row, style);
        }
        self.y += 6.0;
    }

    fn table_head(&mut self, t: &Table, widths: &[f32]) {
        let cells = self.cells(widths, &t.head, TABLE_BOLD);
        let lines = cells.iter().map(Vec::len).max().unwrap_or(1);
        self.ensure(TABLE.leading * (lines as f32 + 2.0) + 2.0 * PAD);
        self.y += PAD / 2.0;
        self.draw_cell_lines(t, widths, &cells, 0..lines);
        self.y += PAD / 2.0;
        self.full_rule();
    }

    /// A rule in ink over the whole width, at the current line.
    fn full_rule(&mut self) {
        self.op(Op::Rule {
            x: LEFT,
            y: self.y,
            w: WIDTH,
            thickness: 1.0,
            colour: INK,
        });
    }

    /// A row, line by line: short rows stay on one page, a row longer than a page continues
    /// on the next one, under a repeated heading row.
    fn table_row(&mut self, t: &Table, widths: &[f32], row: &[String], s: Style) {
        let cells = self.cells(widths, row, s);
        let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let keep = (lines.min(4) as f32) * s.leading + PAD;
        if self.ensure(keep) {
            self.table_head(t, widths);
        }
        self.y += PAD / 2.0;
        for i in 0..lines {
            if self.ensure(s.leading) {
                self.table_head(t, widths);
                self.y += PAD / 2.0;
            }
            self.draw_cell_lines(t, widths, &cells, i..i + 1);
        }
        self.y += PAD / 2.0;
        self.op(Op::Rule {
            x: LEFT,
            y: self.y,
            w: WIDTH,
            thickness: 0.5,
            colour: RULE,
        });
    }

    fn cells(&mut self, widths: &[f32], row: &[String], s: Style) -> Vec<Vec<Line>> {
        widths
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let text = row.get(i).map(String::as_str).unwrap_or("");
                self.wrap(&[Span { style: s, text }], (w - 2.0 * PAD).max(8.0))
            })
            .collect()
    }

    /// Draws lines `range` of every cell side by side and moves down by their height.
    fn draw_cell_lines(
        &mut self,
        t: &Table,
        widths: &[f32],
        cells: &[Vec<Line>],
        range: std::ops::Range<usize>,
    ) {
        for i in range {
            let top = self.y;
            let mut x = LEFT;
            let mut leading: f32 = TABLE.leading;
            for ((cell, w), col) in cells.iter().zip(widths).zip(&t.cols) {
                if let Some(line) = cell.get(i) {
                    let at = if col.right {
                        x + w - PAD - line.width
                    } else {
                        x + PAD
                    };
                    self.y = top;
                    self.line(at, line);
                    leading = leading.max(line.leading);
                }
                x += w;
            }
            self.y = top + leading;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The report

fn report(out: &mut Layout, sum: &Summary) {
    let l = sum.labels;
    let title = clean(&sum.title);
    for line in out.wrap(
        &[Span {
            style: H1,
            text: &title,
        }],
        WIDTH,
    ) {
        out.ensure(line.leading);
        out.line(LEFT, &line);
    }
    out.gap(6.0);
    for (label, value) in &sum.details {
        let label = format!("{label}:");
        out.spans(
            LEFT,
            WIDTH,
            &[Span::new(BODY_BOLD, &label), Span::new(BODY, value)],
        );
    }
    if sum.items.is_empty() {
        out.gap(10.0);
        out.text(LEFT, WIDTH, BODY, l.no_agenda);
    }
    for item in &sum.items {
        item_section(out, l, item);
    }
    if let Some(ranking) = &sum.ranking {
        ranking_section(out, l, ranking);
    }
    overview(out, l, &sum.todos);
}

/// A numbered section: a rule, then the heading, kept on one page with `keep` points of
/// what follows (at least two lines).
fn section_heading(out: &mut Layout, text: &str, keep: f32) {
    out.gap(22.0);
    // The rule above is part of the heading, so it moves to a new page with it.
    out.ensure(H2.leading + keep.max(2.0 * BODY.leading) + 14.0);
    out.op(Op::Rule {
        x: LEFT,
        y: out.y,
        w: WIDTH,
        thickness: 1.5,
        colour: INK,
    });
    out.y += 8.0;
    out.heading(H2, text, 0.0);
}

fn item_section(out: &mut Layout, l: &Labels, it: &ItemSummary) {
    // The heading stays with the item's text and, when there are votes, the first bars;
    // up to half a page, so a very long text still starts under its heading.
    let text: f32 = paragraphs(&it.item.text)
        .iter()
        .flatten()
        .flat_map(|source| out.wrap(&[Span::new(PROMPT, source)], WIDTH - 14.0))
        .map(|line| line.leading)
        .sum();
    let votes = if it.rounds.is_empty() {
        0.0
    } else {
        H4.leading + 8.0 + 2.0 * CHART_ROW
    };
    let keep = (text + 6.0 + votes).min((BOTTOM - TOP) / 2.0);
    section_heading(
        out,
        &format!("{}. {}", it.number, l.kind(it.item.kind)),
        keep,
    );
    prompt(out, &it.item.text);
    let several = it.rounds.len() > 1;
    for round in &it.rounds {
        tally(out, l, several, round);
    }
    shifts(out, l, it);
    reactions(out, l, it);
    for p in &it.proposals {
        proposal(out, l, p);
    }
    if !it.commitments.is_empty() {
        commitments(out, l, it.commitments);
    }
    statements(out, l, it);
}

/// The item's text, larger, with a blue bar beside every line (so it splits over pages).
fn prompt(out: &mut Layout, text: &str) {
    for (n, para) in paragraphs(text).iter().enumerate() {
        if n > 0 {
            out.y += 5.0;
        }
        for source in para {
            for line in out.wrap(&[Span::new(PROMPT, source)], WIDTH - 14.0) {
                out.ensure(line.leading);
                out.op(Op::Rect {
                    x: LEFT,
                    y: out.y,
                    w: 3.0,
                    h: line.leading,
                    fill: BLUE,
                    outline: false,
                });
                out.line(LEFT + 14.0, &line);
            }
        }
    }
    out.y += 6.0;
}

/// Row height of a chart, and the longest bar.
const CHART_ROW: f32 = 31.0;
const BAR_MAX: f32 = WIDTH - 90.0;

/// A round's caption, bar chart and table.
fn tally(out: &mut Layout, l: &Labels, several: bool, r: &RoundTally) {
    let caption = super::summary::round_caption(l, several, r);
    out.gap(8.0);
    let lines = out.wrap(
        &[Span {
            style: H4,
            text: &caption,
        }],
        WIDTH,
    );
    let height: f32 = lines.iter().map(|x| x.leading).sum();
    // A round (caption, bars and table) stays on one page when it is small enough; a long
    // one keeps at least its caption with the first bars.
    let options = r.options.len() as f32;
    let whole = height + CHART_ROW * options + (options + 2.0) * (TABLE.leading + PAD) + 10.0;
    if whole < (BOTTOM - TOP) * 0.4 {
        out.ensure(whole);
    } else {
        out.ensure(height + CHART_ROW * options.min(4.0));
    }
    for line in &lines {
        out.line(LEFT, line);
    }
    for (i, o) in r.options.iter().enumerate() {
        chart_row(out, l, i, &single_line(&o.option.label), o.count, o.tenths);
    }
    tally_table(out, l, r);
}

/// One bar: the option's label above it (shortened to one line; the table has it in full),
/// the bar, and the count and percentage after it, so nothing depends on colour.
fn chart_row(out: &mut Layout, l: &Labels, index: usize, label: &str, count: u64, share: u64) {
    out.ensure(CHART_ROW);
    let label = clean(label);
    let label = shorten(out.fonts, TABLE, &label, WIDTH);
    let top = out.y;
    out.op(Op::Text {
        x: LEFT,
        y: top + 10.0,
        style: TABLE,
        text: label,
    });
    let width = BAR_MAX * share.min(1000) as f32 / 1000.0;
    if width > 0.0 {
        out.op(Op::Rect {
            x: LEFT,
            y: top + 14.0,
            w: width,
            h: 11.0,
            fill: bar_colour(index),
            outline: true,
        });
    }
    out.op(Op::Text {
        x: LEFT + width + 6.0,
        y: top + 23.5,
        style: TABLE_BOLD,
        text: format!("{count} ({})", pct(l, share)),
    });
    out.y = top + CHART_ROW;
}

/// `text` cut with "…" to fit `width` on one line.
fn shorten(fonts: &mut Fonts, s: Style, text: &str, width: f32) -> String {
    if fonts.width(s, text) <= width {
        return text.to_string();
    }
    let room = width - fonts.width(s, "…");
    let mut used = 0.0;
    let mut out = String::new();
    for c in text.chars() {
        let advance = fonts.face(s.bold).glyph(c).1 * s.size;
        if used + advance > room {
            break;
        }
        used += advance;
        out.push(c);
    }
    out.push('…');
    out
}

fn pct(l: &Labels, tenths: u64) -> String {
    l.decimal.percent(tenths)
}

/// Option, count, share and per group "count (share within the group)", with a total row.
fn tally_table(out: &mut Layout, l: &Labels, r: &RoundTally) {
    let mut cols = vec![text_col(1.0), NUM, NUM];
    let mut head = vec![
        l.answer.to_string(),
        l.count.to_string(),
        l.share.to_string(),
    ];
    for c in &r.columns {
        cols.push(NUM);
        head.push(single_line(c.name));
    }
    let mut rows: Vec<Vec<String>> = r
        .options
        .iter()
        .map(|o| {
            let mut row = vec![
                single_line(&o.option.label),
                o.count.to_string(),
                pct(l, o.tenths),
            ];
            for (n, t) in o.per_group.iter().zip(&o.group_tenths) {
                row.push(format!("{n} ({})", pct(l, *t)));
            }
            row
        })
        .collect();
    let share = if r.total == 0 { 0 } else { 1000 };
    let mut total = vec![l.total.to_string(), r.total.to_string(), pct(l, share)];
    for c in &r.columns {
        let share = if c.total == 0 { 0 } else { 1000 };
        total.push(format!("{} ({})", c.total, pct(l, share)));
    }
    rows.push(total);
    out.table(&Table {
        cols,
        head,
        rows,
        total_row: true,
        caption: None,
    });
}

fn shifts(out: &mut Layout, l: &Labels, it: &ItemSummary) {
    for s in &it.shifts {
        let caption = format!("{} {} → {}", l.shift, s.from, s.to);
        let rows = s
            .options
            .iter()
            .map(|(option, from, to)| {
                vec![
                    single_line(&option.label),
                    pct(l, *from),
                    pct(l, *to),
                    format!("{} {}", l.decimal.signed(delta(*from, *to)), l.points),
                ]
            })
            .collect();
        out.gap(6.0);
        out.table(&Table {
            cols: vec![text_col(1.0), NUM, NUM, NUM],
            head: words(&[l.answer, &s.from, &s.to, l.shift]),
            rows,
            total_row: false,
            caption: Some(&caption),
        });
    }
}

fn reactions(out: &mut Layout, l: &Labels, it: &ItemSummary) {
    if it.reactions.is_empty() {
        return;
    }
    out.heading(H3, l.reactions, 12.0);
    if it.any_highlighted {
        let legend = format!("★ = {}", l.highlighted);
        out.text(LEFT, WIDTH, SMALL, &legend);
        out.y += 2.0;
    }
    for (stance, these) in &it.reactions {
        out.heading(H4, l.stance(*stance), 6.0);
        for e in these {
            let r = e.reaction;
            let mut who = vec![e.group.clone()];
            who.push(r.by.as_deref().map(single_line).unwrap_or_default());
            who.extend(e.round.clone());
            who.retain(|w| !w.is_empty());
            let who = if who.is_empty() {
                String::new()
            } else {
                format!("({})", who.join(", "))
            };
            let text = lines(&r.text).join(" ");
            let (marker, body) = if r.highlighted {
                (style(true, 10.5, 14.5, VERMILLION), BODY_BOLD)
            } else {
                (BODY, BODY)
            };
            let marker_text = if r.highlighted { "★" } else { "•" };
            out.bullet(
                Span {
                    style: marker,
                    text: marker_text,
                },
                &[
                    Span {
                        style: body,
                        text: &text,
                    },
                    Span::new(SMALL, &who),
                ],
            );
        }
    }
}

fn plain_bullet(out: &mut Layout, spans: &[Span]) {
    out.bullet(Span::new(BODY, "•"), spans);
}

fn proposal(out: &mut Layout, l: &Labels, ps: &ProposalSummary) {
    let p = ps.proposal;
    out.heading(H3, &ps.title, 12.0);
    for para in paragraphs(&p.description) {
        out.text(LEFT, WIDTH, BODY, &para.join(" "));
        out.y += 4.0;
    }
    if !p.actions.is_empty() {
        out.heading(H4, l.actions, 6.0);
        for a in &p.actions {
            let meta = action_details(l, a, single_line);
            let meta = if meta.is_empty() {
                String::new()
            } else {
                format!("({meta})")
            };
            let text = lines(&a.text).join(" ");
            plain_bullet(out, &[Span::new(BODY, &text), Span::new(SMALL, &meta)]);
        }
    }
    if !ps.feedback.is_empty() {
        out.heading(H4, l.feedback, 6.0);
        for (group, f) in &ps.feedback {
            let who = if group.is_empty() {
                String::new()
            } else {
                format!("({})", (l.feedback_from)(group))
            };
            let text = lines(&f.text).join(" ");
            plain_bullet(out, &[Span::new(BODY, &text), Span::new(SMALL, &who)]);
        }
    }
}

/// A table's head from its words.
fn words(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| w.to_string()).collect()
}

fn date(l: &Labels, d: Option<NaiveDate>) -> String {
    d.map(|d| l.format_date(d)).unwrap_or_default()
}

fn commitments(out: &mut Layout, l: &Labels, commitments: &[Commitment]) {
    let rows = commitments
        .iter()
        .map(|c| {
            vec![
                single_line(&c.person),
                single_line(&c.organisation),
                single_line(&c.action),
                date(l, c.start),
                date(l, c.follow_up),
            ]
        })
        .collect();
    out.gap(6.0);
    out.table(&Table {
        cols: vec![text_col(1.0), text_col(1.0), text_col(2.2), AUTO, AUTO],
        head: words(&[l.person, l.organisation, l.action, l.start, l.follow_up]),
        rows,
        total_row: false,
        caption: None,
    });
}

fn statements(out: &mut Layout, l: &Labels, it: &ItemSummary) {
    for (theme, these) in &it.statements {
        let heading = match theme {
            Some(theme) => format!("{}: {}", l.theme, single_line(&theme.name)),
            None => l.no_theme.to_string(),
        };
        out.heading(H3, &heading, 12.0);
        for st in these {
            let group = if st.group.is_empty() {
                format!("{}:", l.no_group)
            } else {
                format!("{}:", st.group)
            };
            let text = lines(&st.statement.text).join(" ");
            plain_bullet(out, &[Span::new(BODY_BOLD, &group), Span::new(BODY, &text)]);
        }
    }
}

fn ranking_section(out: &mut Layout, l: &Labels, ranking: &Ranking) {
    section_heading(out, l.ranking, 4.0 * TABLE.leading);
    if !ranking.entries.is_empty() {
        out.text(LEFT, WIDTH, BODY, l.ranking_intro);
        let head = ranking.headings(l);
        let cols = (0..head.len())
            .map(|i| if i == 1 { text_col(1.0) } else { NUM })
            .collect();
        let rows = ranking
            .entries
            .iter()
            .enumerate()
            .map(|(rank, e)| ranking.cells(l, rank + 1, e, l.decimal))
            .collect();
        out.table(&Table {
            cols,
            head,
            rows,
            total_row: false,
            caption: None,
        });
    }
    if let Some(line) = ranking.unranked_line(l) {
        out.text(LEFT, WIDTH, BODY, &line);
        out.y += 4.0;
    }
    if !ranking.entries.is_empty() {
        out.text(LEFT, WIDTH, SMALL, &ranking.note(l));
    }
}

fn overview(out: &mut Layout, l: &Labels, todos: &[Todo]) {
    section_heading(out, l.actions_overview, 4.0 * TABLE.leading);
    if todos.is_empty() {
        out.text(LEFT, WIDTH, BODY, l.no_actions);
        return;
    }
    out.text(LEFT, WIDTH, BODY, l.actions_overview_intro);
    let rows = todos
        .iter()
        .map(|t| {
            let when = t
                .date
                .map_or_else(|| l.undated.to_string(), |d| l.format_date(d));
            let owner = t.who(single_line);
            let source = t.source(l, str::to_string);
            vec![when, single_line(t.action), owner, source]
        })
        .collect();
    out.table(&Table {
        cols: vec![AUTO, text_col(2.0), text_col(1.0), text_col(1.2)],
        head: words(&[l.date, l.action, l.owner, l.source]),
        rows,
        total_row: false,
        caption: None,
    });
}

// ---------------------------------------------------------------------------------------------
// Drawing with krilla

fn draw(
    session: &Session,
    l: &Labels,
    fonts: &mut Fonts,
    pages: &[Vec<Op>],
) -> Result<Vec<u8>, PdfError> {
    let mut doc = Document::new();
    let title = single_line(&session.title);
    let lang = session.language.code();
    let mut metadata = Metadata::new()
        .language(lang.to_string())
        .creator("Stelling".to_string())
        .document_id(session.id.to_string());
    if !title.is_empty() {
        metadata = metadata.title(clean(&title));
    }
    doc.set_metadata(metadata);
    let settings = PageSettings::from_wh(PAGE_W, PAGE_H)
        .ok_or_else(|| PdfError("invalid page size".into()))?;
    let total = pages.len();
    for (i, ops) in pages.iter().enumerate() {
        let mut page = doc.start_page_with(settings.clone());
        let mut surface = page.surface();
        for op in ops {
            draw_op(&mut surface, fonts, op);
        }
        let footer = (l.page)(i + 1, total);
        let x = (PAGE_W - fonts.width(SMALL, &footer)) / 2.0;
        draw_text(&mut surface, fonts, x, FOOTER_BASELINE, SMALL, &footer);
        surface.finish();
        page.finish();
    }
    doc.finish().map_err(|e| PdfError(format!("{e:?}")))
}

fn fill(c: Colour) -> Fill {
    Fill {
        paint: rgb::Color::new(c[0], c[1], c[2]).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

fn draw_op(surface: &mut Surface, fonts: &mut Fonts, op: &Op) {
    match op {
        Op::Text { x, y, style, text } => draw_text(surface, fonts, *x, *y, *style, text),
        Op::Rect {
            x,
            y,
            w,
            h,
            fill: colour,
            outline,
        } => {
            let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) else {
                return;
            };
            let mut path = PathBuilder::new();
            path.push_rect(rect);
            let Some(path) = path.finish() else {
                return;
            };
            surface.set_fill(Some(fill(*colour)));
            surface.set_stroke(outline.then(|| Stroke {
                paint: rgb::Color::new(INK[0], INK[1], INK[2]).into(),
                width: 0.6,
                ..Default::default()
            }));
            surface.draw_path(&path);
            surface.set_stroke(None);
        }
        Op::Rule {
            x,
            y,
            w,
            thickness,
            colour,
        } => {
            let Some(rect) = Rect::from_xywh(*x, *y - thickness / 2.0, *w, *thickness) else {
                return;
            };
            let mut path = PathBuilder::new();
            path.push_rect(rect);
            if let Some(path) = path.finish() {
                surface.set_fill(Some(fill(*colour)));
                surface.draw_path(&path);
            }
        }
    }
}

/// Text through krilla's glyph API: one glyph per character, each mapped back to its
/// character so the text can be searched and copied.
fn draw_text(surface: &mut Surface, fonts: &mut Fonts, x: f32, y: f32, s: Style, text: &str) {
    if text.is_empty() {
        return;
    }
    let face = fonts.face(s.bold);
    let glyphs: Vec<KrillaGlyph> = text
        .char_indices()
        .map(|(i, c)| {
            let (id, advance) = face.glyph(c);
            KrillaGlyph::new(
                GlyphId::new(id),
                advance,
                0.0,
                0.0,
                0.0,
                i..i + c.len_utf8(),
                None,
            )
        })
        .collect();
    surface.set_fill(Some(fill(s.colour)));
    surface.draw_glyphs(
        Point::from_xy(x, y),
        &glyphs,
        face.pdf.clone(),
        text,
        s.size,
        false,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> Fonts {
        Fonts::load().unwrap()
    }

    #[test]
    fn long_words_break_between_characters() {
        let mut f = fonts();
        let word = "x".repeat(300);
        let lines = wrap(&mut f, &[Span::new(BODY, &word)], 200.0);
        assert!(lines.len() > 3);
        assert!(lines.iter().all(|l| l.width <= 200.0 + 0.01));
        let joined: String = lines
            .iter()
            .flat_map(|l| &l.runs)
            .map(|r| r.text.as_str())
            .collect();
        assert_eq!(joined, word);
    }

    #[test]
    fn spans_keep_their_style_and_spaces() {
        let mut f = fonts();
        let lines = wrap(
            &mut f,
            &[
                Span::new(BODY_BOLD, "Tafel 1:"),
                Span::new(BODY, " één  plan "),
            ],
            WIDTH,
        );
        assert_eq!(lines.len(), 1);
        let runs = &lines[0].runs;
        assert_eq!(runs[0].text, "Tafel 1: ");
        assert_eq!(runs[1].text, "één plan");
        assert!(runs[1].x > runs[0].x);
    }

    #[test]
    fn dutch_characters_have_glyphs() {
        let mut f = fonts();
        for c in "ëéï‘’—“”★•…→".chars() {
            assert_ne!(f.regular.glyph(c).0, 0, "{c}");
            assert_ne!(f.bold.glyph(c).0, 0, "{c}");
        }
    }

    /// Every text op of a report with long texts and many groups lies inside the margins,
    /// measured with the same advances the drawing uses.
    #[test]
    fn layout_stays_inside_the_text_area() {
        let mut s = crate::model::sample::large_session(3, 40);
        let long = "Eén vast gezicht — ‘echt’. ".repeat(80);
        s.agenda[0].rounds[0].reactions[0].text = long;
        s.agenda[1].rounds[0].reactions[0].text = "ë".repeat(300);
        s.agenda[2].text = "w".repeat(900);
        let sum = summary(&s);
        let mut f = fonts();
        let pages = {
            let mut layout = Layout::new(&mut f);
            report(&mut layout, &sum);
            layout.finish()
        };
        assert!(pages.len() > 2);
        for (n, page) in pages.iter().enumerate() {
            assert!(!page.is_empty(), "page {n} is empty");
            for op in page {
                if let Op::Text { x, y, style, text } = op {
                    let end = x + f.width(*style, text);
                    assert!(
                        *x >= LEFT - 0.01 && end <= LEFT + WIDTH + 0.01,
                        "{op:?} ends at {end}"
                    );
                    assert!(*y > TOP && *y <= BOTTOM, "{op:?}");
                }
            }
        }
    }

    #[test]
    fn palette_matches_html() {
        assert_eq!(bar_colour(0), [0x00, 0x72, 0xb2]);
        assert_eq!(bar_colour(3), [0xd5, 0x5e, 0x00]);
    }
}
