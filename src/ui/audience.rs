//! The audience window: only what the room should see on the beamer. The proposition in text as
//! large as fits, its response options, and when revealed a chart of the round (or two rounds
//! side by side); highlighted quotes; proposals, commitments and statements as clean listings.
//!
//! Everything here speaks the session's language, never the presenter's UI language, and
//! draws with a high-contrast, colour-blind-safe [`Palette`]. Numbers are always written next to
//! the bars: colour never carries meaning alone.
//!
//! Text is painted with the painter (so it can be placed and sized exactly) and announced to
//! accessibility as a label, so screen readers and UI tests see the same words as the room.

use crate::model::{
    Id, Item, ItemKind, Language, Reaction, Round, Session, Share, group_shares, round_shares,
};
use crate::report::labels::{Labels, labels};
use egui::text::{LayoutJob, TextFormat};
use egui::{
    Align, Align2, Color32, FontId, Galley, Rect, Role, Sense, Stroke, StrokeKind, Ui, UiBuilder,
    Vec2, WidgetInfo, pos2, vec2,
};
use std::sync::Arc;
use std::time::Duration;

// ---------------------------------------------------------------------------------------------
// State and palette

/// What the presenter has asked the beamer to show. Owned by the presenter, read each frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AudienceState {
    /// Show the results of the current round.
    pub revealed: bool,
    /// The whole beamer black, nothing else.
    pub blank: bool,
    /// Show the item's highlighted reactions, one at a time.
    pub quotes: bool,
    /// Which highlighted reaction (taken modulo their number).
    pub quote_index: usize,
    /// "3 / 8" in a corner.
    pub show_progress: bool,
    /// The item's timer as mm:ss in a corner.
    pub show_timer: bool,
    /// The session's title slide instead of the current item.
    pub title_slide: bool,
    pub theme: AudienceTheme,
}

impl Default for AudienceState {
    fn default() -> Self {
        AudienceState {
            revealed: false,
            blank: false,
            quotes: false,
            quote_index: 0,
            show_progress: true,
            show_timer: false,
            title_slide: false,
            theme: AudienceTheme::Dark,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum AudienceTheme {
    /// Black on white: bright rooms.
    Light,
    /// White on near-black: dim rooms, most beamers.
    #[default]
    Dark,
}

/// Colours of one theme. Text has at least 7:1 contrast against the background and every bar
/// colour at least 3:1 (WCAG 2.x), so bars stand out even on a washed-out beamer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    pub background: Color32,
    pub text: Color32,
    /// Secondary text: dates, group names, legends.
    pub muted: Color32,
    /// Bar colours in option order, from the Okabe–Ito palette (adjusted for contrast).
    pub bars: [Color32; 8],
}

pub fn palette(theme: AudienceTheme) -> Palette {
    let c = Color32::from_rgb;
    match theme {
        // Okabe–Ito darkened where needed to reach 3:1 on white.
        AudienceTheme::Light => Palette {
            background: c(0xFF, 0xFF, 0xFF),
            text: c(0x00, 0x00, 0x00),
            muted: c(0x4A, 0x4A, 0x4A),
            bars: [
                c(0x00, 0x72, 0xB2), // blue
                c(0xD5, 0x5E, 0x00), // vermillion
                c(0x00, 0x9E, 0x73), // bluish green
                c(0xB8, 0x56, 0x8E), // reddish purple, darkened
                c(0xB0, 0x78, 0x00), // orange, darkened
                c(0x44, 0x90, 0xBE), // sky blue, darkened
                c(0x8A, 0x82, 0x25), // yellow, darkened to olive
                c(0x00, 0x00, 0x00), // black
            ],
        },
        // Okabe–Ito on near-black; blue lightened, black replaced by grey.
        AudienceTheme::Dark => Palette {
            background: c(0x10, 0x10, 0x10),
            text: c(0xFF, 0xFF, 0xFF),
            muted: c(0xC8, 0xC8, 0xC8),
            bars: [
                c(0x21, 0x84, 0xBC), // blue, lightened
                c(0xD5, 0x5E, 0x00), // vermillion
                c(0x00, 0x9E, 0x73), // bluish green
                c(0xCC, 0x79, 0xA7), // reddish purple
                c(0xE6, 0x9F, 0x00), // orange
                c(0x56, 0xB4, 0xE9), // sky blue
                c(0xF0, 0xE4, 0x42), // yellow
                c(0x99, 0x99, 0x99), // grey instead of black
            ],
        },
    }
}

/// WCAG 2.x relative luminance of an sRGB colour (alpha ignored), 0 for black to 1 for white.
pub fn relative_luminance(c: Color32) -> f64 {
    fn channel(v: u8) -> f64 {
        let v = f64::from(v) / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    }
    0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
}

/// WCAG 2.x contrast ratio between two colours, from 1 (same) to 21 (black on white).
pub fn contrast_ratio(a: Color32, b: Color32) -> f64 {
    let (la, lb) = (relative_luminance(a), relative_luminance(b));
    let (hi, lo) = if la >= lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// Black or white, whichever reads better on `fill`.
fn ink_on(fill: Color32) -> Color32 {
    if contrast_ratio(fill, Color32::BLACK) >= contrast_ratio(fill, Color32::WHITE) {
        Color32::BLACK
    } else {
        Color32::WHITE
    }
}

/// `a` moved towards `b` by `t` (0: `a`, 1: `b`), opaque.
fn mix(a: Color32, b: Color32, t: f32) -> Color32 {
    let m = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
    Color32::from_rgb(m(a.r(), b.r()), m(a.g(), b.g()), m(a.b(), b.b()))
}

// ---------------------------------------------------------------------------------------------
// Fitting text

/// Smallest size the main text ever gets: readable from the back of the room.
pub const TEXT_MIN: f32 = 28.0;
/// Largest size of the main text on a 1920×1080 screen; scaled with the screen.
pub const TEXT_MAX: f32 = 200.0;

/// The result of fitting text into a box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fit {
    /// Font size in points.
    pub size: f32,
    /// Even at the minimum size the text is taller than the box: the caller scrolls.
    pub overflows: bool,
}

/// The largest font size between `min` and `max` (to 0.5 pt) whose wrapped height fits in
/// `height`. `measure(text, size, wrap_width)` returns the wrapped height. Never below `min`:
/// when even `min` does not fit, returns `min` with `overflows` set.
pub fn fit_font_size(
    text: &str,
    width: f32,
    height: f32,
    measure: impl Fn(&str, f32, f32) -> f32,
    min: f32,
    max: f32,
) -> Fit {
    let max = max.max(min);
    let fits = |size: f32| measure(text, size, width) <= height;
    if !(width > 0.0 && height > 0.0 && fits(min)) {
        return Fit {
            size: min,
            overflows: true,
        };
    }
    if fits(max) {
        return Fit {
            size: max,
            overflows: false,
        };
    }
    // `lo` always fits, `hi` never does.
    let (mut lo, mut hi) = (min, max);
    while hi - lo > 0.5 {
        let mid = (lo + hi) / 2.0;
        if fits(mid) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Fit {
        size: lo,
        overflows: false,
    }
}

/// Fits `text` (proportional font, wrapped at the rect's width, centred) into `rect` with real
/// egui text layout. Sizes that would break a word across lines count as not fitting, except
/// `min`.
pub fn fit_in_ui(ui: &Ui, text: &str, rect: Rect, min: f32, max: f32) -> Fit {
    fit_job(ui, rect.size(), min, max, &|size, wrap| {
        text_job(text, size, Color32::WHITE, wrap, Align::Center)
    })
}

/// The reference size at which the fit search lays text out; other sizes are scaled from it
/// so the glyph atlas only ever holds glyphs of this size and the final one.
const REFERENCE_SIZE: f32 = 40.0;

/// Fits a layout job built by `build(size, wrap_width)` into `avail`.
///
/// The search measures at [`REFERENCE_SIZE`] with a proportionally scaled wrap width (text
/// layout scales linearly up to pixel rounding), then the chosen size is checked with a real
/// layout and nudged down until it truly fits.
fn fit_job(ui: &Ui, avail: Vec2, min: f32, max: f32, build: &dyn Fn(f32, f32) -> LayoutJob) -> Fit {
    let layout = |size: f32, wrap: f32| ui.fonts_mut(|f| f.layout_job(build(size, wrap)));
    let measure = |_: &str, size: f32, width: f32| {
        let galley = layout(REFERENCE_SIZE, width * REFERENCE_SIZE / size);
        if size > min + 0.01 && breaks_a_word(&galley) {
            return f32::INFINITY;
        }
        galley.size().y * size / REFERENCE_SIZE
    };
    let mut fit = fit_font_size("", avail.x, avail.y, measure, min, max);
    if fit.overflows {
        return fit;
    }
    for _ in 0..40 {
        let galley = layout(fit.size, avail.x);
        let good = galley.size().y <= avail.y && (fit.size <= min || !breaks_a_word(&galley));
        if good {
            return fit;
        }
        if fit.size <= min {
            fit.overflows = true;
            return fit;
        }
        fit.size = (fit.size * 0.97).max(min);
    }
    fit
}

/// Whether wrapping split a word over two rows.
fn breaks_a_word(galley: &Galley) -> bool {
    let rows = &galley.rows;
    rows.iter().zip(rows.iter().skip(1)).any(|(row, next)| {
        !row.ends_with_newline
            && row
                .glyphs
                .last()
                .is_some_and(|g| !g.chr.is_whitespace() && g.chr != '-')
            && next.glyphs.first().is_some_and(|g| !g.chr.is_whitespace())
    })
}

/// One run of text in one size and colour.
fn text_job(text: &str, size: f32, color: Color32, wrap: f32, halign: Align) -> LayoutJob {
    let text = super::style::clipped(text, super::style::BEAMER_CHARS).into_owned();
    let mut job = LayoutJob::simple(text, FontId::proportional(size), color, wrap);
    job.halign = halign;
    job
}

/// Remembers one fit per slot for as long as text and space stay the same, so a frame does
/// not repeat the search.
fn cached_fit(
    ui: &Ui,
    slot: &str,
    key_text: &str,
    avail: Vec2,
    min: f32,
    max: f32,
    build: &dyn Fn(f32, f32) -> LayoutJob,
) -> Fit {
    use std::hash::{Hash, Hasher};
    let id = egui::Id::unique(("stelling_audience_fit", slot));
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    (
        key_text,
        avail.x.to_bits(),
        avail.y.to_bits(),
        min.to_bits(),
        max.to_bits(),
        ui.pixels_per_point().to_bits(),
    )
        .hash(&mut hasher);
    let key = hasher.finish();
    if let Some((k, fit)) = ui.data(|d| d.get_temp::<(u64, Fit)>(id))
        && k == key
    {
        return fit;
    }
    let fit = fit_job(ui, avail, min, max, build);
    ui.data_mut(|d| d.insert_temp(id, (key, fit)));
    fit
}

// ---------------------------------------------------------------------------------------------
// Words

/// The few words the beamer shows that a report has no use for.
struct Words {
    no_quotes: &'static str,
    no_answers: &'static str,
    nothing_yet: &'static str,
    mean: &'static str,
}

const NL_WORDS: Words = Words {
    no_quotes: "Nog geen uitgelichte reacties.",
    no_answers: "Nog geen antwoorden.",
    nothing_yet: "Hier komt straks wat de groepen inbrengen.",
    mean: "gemiddeld",
};

const EN_WORDS: Words = Words {
    no_quotes: "No highlighted reactions yet.",
    no_answers: "No answers yet.",
    nothing_yet: "What the groups bring in will appear here.",
    mean: "mean",
};

fn words(language: Language) -> &'static Words {
    match language {
        Language::Nl => &NL_WORDS,
        Language::En => &EN_WORDS,
    }
}

/// A shift in tenths of a point: `120` → `+12.0 pp` (`+12,0 pp` in Dutch), `0` → `±0.0 pp`.
fn signed_points(tenths: i64, l: &Labels) -> String {
    format!("{} {}", l.decimal.signed(tenths), l.points)
}

/// The part of `whole` answers that chose option `o` in round `r`, from 0 to 1.
fn option_share(r: &Round, whole: u64, o: Id) -> f32 {
    if whole == 0 {
        0.0
    } else {
        r.total(o) as f32 / whole as f32
    }
}

/// The longest bar of two rounds side by side, so both are drawn to one scale.
fn largest_share(item: &Item, current: &Round, previous: Option<&Round>) -> f32 {
    let (now, before) = (current.answers(), previous.map_or(0, Round::answers));
    item.options
        .iter()
        .flat_map(|o| {
            [
                option_share(current, now, o.id),
                previous.map_or(0.0, |p| option_share(p, before, o.id)),
            ]
        })
        .fold(0.0, f32::max)
}

/// `count · pct%` as written next to a bar.
fn count_and_share(share: Share, l: &Labels) -> String {
    format!("{} · {}", share.count, l.decimal.share(share))
}

fn format_timer(d: Duration) -> String {
    let s = d.as_secs();
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{:02}:{:02}", s / 60, s % 60)
    }
}

/// A scale item (1–5, 0–10…): at least four options, all numbers. Shown as a histogram.
fn is_scale(item: &Item) -> bool {
    item.options.len() >= 4
        && item
            .options
            .iter()
            .all(|o| parse_number(&o.label).is_some())
}

fn parse_number(label: &str) -> Option<f64> {
    label.trim().replace(',', ".").parse::<f64>().ok()
}

/// Weighted mean of a scale over the counts `count(option)`; `None` when nobody answered.
fn scale_mean(item: &Item, count: impl Fn(Id) -> u64) -> Option<f64> {
    let (mut sum, mut n) = (0.0, 0u64);
    for o in &item.options {
        let c = count(o.id);
        sum += parse_number(&o.label).unwrap_or(0.0) * c as f64;
        n += c;
    }
    (n > 0).then(|| sum / n as f64)
}

// ---------------------------------------------------------------------------------------------
// Drawing

/// Shows what the room sees for `item_index` (the agenda position; `None`: the title slide) and
/// `round` (`None` or unknown: the item's last round). Fills the whole `ui`.
pub fn show(
    ui: &mut Ui,
    session: &Session,
    item_index: Option<usize>,
    round: Option<Id>,
    state: &AudienceState,
    timer: Option<Duration>,
) {
    let pal = palette(state.theme);
    let fill = if state.blank {
        Color32::BLACK
    } else {
        pal.background
    };
    egui::CentralPanel::default()
        .frame(egui::Frame::NONE.fill(fill))
        .show(ui, |ui| {
            if state.blank {
                return;
            }
            let full = ui.max_rect();
            let mut canvas = Canvas {
                ui,
                pal,
                language: session.language,
                unit: unit(full),
                next_id: 0,
            };
            canvas.screen(session, item_index, round, state, timer, full);
        });
}

/// 1.0 on a 1920×1080 screen; sizes scale with it.
fn unit(full: Rect) -> f32 {
    (full.height() / 1080.0)
        .min(full.width() / 1920.0)
        .clamp(0.3, 4.0)
}

/// The content area of a screen and, when corner marks are shown, the strip they sit in.
fn screen_boxes(full: Rect, corners: bool) -> (Rect, Option<Rect>) {
    let u = unit(full);
    let mut content = full.shrink((48.0 * u).max(12.0));
    if !corners {
        return (content, None);
    }
    let size = (30.0 * u).max(14.0);
    let footer = Rect::from_min_max(
        pos2(content.left(), content.bottom() - size * 1.3),
        content.right_bottom(),
    );
    content.max.y = footer.top() - size * 0.5;
    (content, Some(footer))
}

/// Where an unrevealed proposition's text and its options row go within `content`.
fn proposition_boxes(content: Rect, options: bool) -> (Rect, Option<Rect>) {
    let u = unit(content);
    if !options {
        return (content, None);
    }
    let options_h = (content.height() * 0.2).max((90.0 * u).max(40.0));
    let gap = (40.0 * u).max(10.0);
    let text = Rect::from_min_max(
        content.min,
        pos2(content.right(), content.bottom() - options_h - gap),
    );
    let row = Rect::from_min_max(
        pos2(content.left(), content.bottom() - options_h),
        content.max,
    );
    (text, Some(row))
}

struct Canvas<'u> {
    ui: &'u mut Ui,
    pal: Palette,
    language: Language,
    /// 1.0 on a 1920×1080 screen; sizes scale with it.
    unit: f32,
    next_id: u64,
}

impl Canvas<'_> {
    fn l(&self) -> &'static Labels {
        labels(self.language)
    }

    fn w(&self) -> &'static Words {
        words(self.language)
    }

    /// `points` at 1920×1080, scaled to this screen but never below `floor`.
    fn px(&self, points: f32, floor: f32) -> f32 {
        (points * self.unit).max(floor)
    }

    fn layout(&self, job: LayoutJob) -> Arc<Galley> {
        self.ui.fonts_mut(|f| f.layout_job(job))
    }

    fn text(&self, text: &str, size: f32, color: Color32, wrap: f32) -> Arc<Galley> {
        self.layout(text_job(text, size, color, wrap, Align::Min))
    }

    fn text_centered(&self, text: &str, size: f32, color: Color32, wrap: f32) -> Arc<Galley> {
        self.layout(text_job(text, size, color, wrap, Align::Center))
    }

    /// Paints `galley` aligned within `rect` and announces its text; returns where it went.
    fn put(&mut self, galley: &Arc<Galley>, rect: Rect, align: Align2) -> Rect {
        let placed = align.align_size_within_rect(galley.size(), rect);
        let pos = placed.min - galley.rect.min.to_vec2();
        self.ui
            .painter()
            .galley(pos, Arc::clone(galley), self.pal.text);
        self.announce(placed, galley.text());
        placed
    }

    /// Gives painted text a label node, for screen readers and UI tests.
    fn announce(&mut self, rect: Rect, text: &str) {
        self.next_id += 1;
        let id = self.ui.scope_id().with(("audience_text", self.next_id));
        let response = self.ui.interact(rect, id, Sense::hover());
        response.widget_info(|| WidgetInfo::labeled(Role::Label, true, text));
    }

    /// Fits a job into `rect` and shows it there; scrolls (left-aligned, from the top) when even
    /// the minimum size is too tall. Returns the rect the text took.
    #[allow(clippy::too_many_arguments)]
    fn fitted(
        &mut self,
        slot: &str,
        key_text: &str,
        rect: Rect,
        min: f32,
        max: f32,
        align: Align2,
        build: &dyn Fn(f32, f32, Align) -> LayoutJob,
    ) -> Rect {
        let fit = cached_fit(self.ui, slot, key_text, rect.size(), min, max, &|s, w| {
            build(s, w, align.x())
        });
        let galley = self.layout(build(fit.size, rect.width(), align.x()));
        if galley.size().y <= rect.height() + 0.5 {
            return self.put(&galley, rect, align);
        }
        let galley = self.layout(build(fit.size, rect.width(), Align::Min));
        self.next_id += 1;
        let id = self.ui.scope_id().with(("audience_scroll", self.next_id));
        self.ui
            .scope_builder(UiBuilder::new().max_rect(rect), |ui| {
                egui::ScrollArea::vertical()
                    .id_salt(id)
                    .auto_shrink(false)
                    .show(ui, |ui| {
                        ui.add(egui::Label::new(galley).selectable(false));
                    });
            });
        rect
    }

    fn screen(
        &mut self,
        session: &Session,
        item_index: Option<usize>,
        round: Option<Id>,
        state: &AudienceState,
        timer: Option<Duration>,
        full: Rect,
    ) {
        let item = item_index
            .filter(|_| !state.title_slide)
            .and_then(|i| session.agenda.get(i));

        // Corners: timer bottom left, progress bottom right.
        let progress = item_index
            .filter(|_| state.show_progress && !session.agenda.is_empty())
            .map(|i| {
                format!(
                    "{} / {}",
                    (i + 1).min(session.agenda.len()),
                    session.agenda.len()
                )
            });
        let clock = timer.filter(|_| state.show_timer).map(format_timer);
        let (content, footer) = screen_boxes(full, progress.is_some() || clock.is_some());
        if let Some(footer) = footer {
            let size = footer.height() / 1.3;
            if let Some(text) = clock {
                let g = self.text(&text, size, self.pal.muted, f32::INFINITY);
                self.put(&g, footer, Align2::LEFT_BOTTOM);
            }
            if let Some(text) = progress {
                let g = self.text(&text, size, self.pal.muted, f32::INFINITY);
                self.put(&g, footer, Align2::RIGHT_BOTTOM);
            }
        }

        let Some(item) = item else {
            self.title_slide(session, content);
            return;
        };
        if state.quotes {
            self.quotes(session, item, state.quote_index, content);
            return;
        }
        match item.kind {
            ItemKind::Proposition => {
                let current = round
                    .and_then(|r| item.round(r))
                    .or_else(|| item.rounds.last());
                match current {
                    Some(current) if state.revealed => {
                        self.results(session, item, current, content);
                    }
                    _ => self.proposition(item, content),
                }
            }
            ItemKind::Question | ItemKind::Info => {
                let (min, max) = (TEXT_MIN, TEXT_MAX * self.unit.max(0.5));
                let pal = self.pal;
                self.fitted(
                    "text",
                    &item.text,
                    content,
                    min,
                    max,
                    Align2::CENTER_CENTER,
                    &|s, w, a| text_job(&item.text, s, pal.text, w, a),
                );
            }
            ItemKind::Proposals | ItemKind::Commitments | ItemKind::Statements => {
                self.listing(session, item, content);
            }
        }
    }

    fn title_slide(&mut self, session: &Session, content: Rect) {
        let l = self.l();
        let mut first = Vec::new();
        if let Some(date) = session.date {
            first.push(l.format_date(date));
        }
        match (session.start_time, session.end_time) {
            (Some(a), Some(b)) => {
                first.push(format!("{}–{}", a.format("%H:%M"), b.format("%H:%M")))
            }
            (Some(a), None) => first.push(a.format("%H:%M").to_string()),
            _ => {}
        }
        let mut lines = Vec::new();
        if !first.is_empty() {
            lines.push(first.join(" · "));
        }
        if !session.place.trim().is_empty() {
            lines.push(session.place.trim().to_owned());
        }
        let details = lines.join("\n");
        let detail_size = self.px(48.0, 18.0);
        let details_galley = (!details.is_empty())
            .then(|| self.text_centered(&details, detail_size, self.pal.muted, content.width()));
        let details_h = details_galley
            .as_ref()
            .map_or(0.0, |g| g.size().y + detail_size);

        let title = if session.title.trim().is_empty() {
            l.report
        } else {
            session.title.trim()
        };
        let title_box = Rect::from_min_size(
            content.min,
            vec2(
                content.width(),
                (content.height() - details_h).max(content.height() * 0.5),
            ),
        );
        let pal = self.pal;
        let (min, max) = (TEXT_MIN, TEXT_MAX * self.unit.max(0.5));
        let fit = cached_fit(
            self.ui,
            "title",
            title,
            title_box.size(),
            min,
            max,
            &|s, w| text_job(title, s, pal.text, w, Align::Center),
        );
        let title_galley = self.text_centered(title, fit.size, pal.text, content.width());
        // Title and details together, centred on the screen.
        let total = title_galley.size().y + details_h;
        let top = (content.center().y - total / 2.0).max(content.top());
        let title_rect = Rect::from_min_max(
            pos2(content.left(), top),
            pos2(content.right(), top + title_galley.size().y),
        );
        self.put(&title_galley, title_rect, Align2::CENTER_TOP);
        if let Some(g) = details_galley {
            let r = Rect::from_min_max(
                pos2(content.left(), title_rect.bottom() + detail_size),
                content.max,
            );
            self.put(&g, r, Align2::CENTER_TOP);
        }
    }

    /// The proposition large, its options with their keys below.
    fn proposition(&mut self, item: &Item, content: Rect) {
        let (text_rect, options_rect) = proposition_boxes(content, !item.options.is_empty());
        let pal = self.pal;
        let (min, max) = (TEXT_MIN, TEXT_MAX * self.unit.max(0.5));
        self.fitted(
            "text",
            &item.text,
            text_rect,
            min,
            max,
            Align2::CENTER_CENTER,
            &|s, w, a| text_job(&item.text, s, pal.text, w, a),
        );
        if let Some(r) = options_rect {
            self.option_chips(item, r);
        }
    }

    /// Response options as chips: a coloured badge with the key number, then the label. Scale
    /// items show only their numbers. Wrapped into rows and centred; shrunk until they fit.
    fn option_chips(&mut self, item: &Item, rect: Rect) {
        let scale = is_scale(item);
        let chips: Vec<(String, String, Color32)> = item
            .options
            .iter()
            .enumerate()
            .map(|(n, o)| {
                let color = if scale {
                    self.pal.bars[0]
                } else {
                    self.pal.bars[n % self.pal.bars.len()]
                };
                if scale {
                    (o.label.clone(), String::new(), color)
                } else {
                    (keycap(n), o.label.clone(), color)
                }
            })
            .collect();
        let max = self.px(80.0, 20.0);
        let mut size = max;
        loop {
            let layout = self.chip_rows(&chips, size, rect.width());
            let rows = layout.len() as f32;
            if rows * size * 1.9 <= rect.height() || size <= 16.0 {
                self.paint_chips(&chips, &layout, size, rect);
                return;
            }
            size = (size * 0.9).max(16.0);
        }
    }

    /// Splits chips into rows of at most `width`; each row lists (index, chip width).
    fn chip_rows(
        &self,
        chips: &[(String, String, Color32)],
        size: f32,
        width: f32,
    ) -> Vec<Vec<(usize, f32)>> {
        let gap = size * 1.2;
        let mut rows: Vec<Vec<(usize, f32)>> = vec![Vec::new()];
        let mut used = 0.0;
        for (n, (key, label, _)) in chips.iter().enumerate() {
            let w = self.chip_width(key, label, size);
            let row = rows.last_mut().expect("one row");
            if !row.is_empty() && used + gap + w > width {
                rows.push(vec![(n, w)]);
                used = w;
            } else {
                used += if row.is_empty() { w } else { gap + w };
                rows.last_mut().expect("one row").push((n, w));
            }
        }
        rows
    }

    fn chip_width(&self, key: &str, label: &str, size: f32) -> f32 {
        let badge = self.badge_size(key, size);
        if label.is_empty() {
            badge.x
        } else {
            badge.x
                + size * 0.4
                + self
                    .text(label, size, self.pal.text, f32::INFINITY)
                    .size()
                    .x
        }
    }

    fn badge_size(&self, key: &str, size: f32) -> Vec2 {
        let g = self.text(key, size * 0.85, self.pal.text, f32::INFINITY);
        let h = size * 1.35;
        vec2((g.size().x + size * 0.6).max(h), h)
    }

    fn paint_chips(
        &mut self,
        chips: &[(String, String, Color32)],
        rows: &[Vec<(usize, f32)>],
        size: f32,
        rect: Rect,
    ) {
        let gap = size * 1.2;
        let row_h = size * 1.9;
        let total_h = rows.len() as f32 * row_h;
        let mut y = rect.center().y - total_h / 2.0;
        for row in rows {
            let row_w: f32 =
                row.iter().map(|(_, w)| w).sum::<f32>() + gap * (row.len() as f32 - 1.0);
            let mut x = rect.center().x - row_w / 2.0;
            for &(n, w) in row {
                let (key, label, color) = &chips[n];
                let badge = Rect::from_min_size(
                    pos2(x, y + (row_h - self.badge_size(key, size).y) / 2.0),
                    self.badge_size(key, size),
                );
                let painter = self.ui.painter();
                painter.rect_filled(badge, size * 0.3, *color);
                let ink = ink_on(*color);
                let kg = self.text(key, size * 0.85, ink, f32::INFINITY);
                let placed = Align2::CENTER_CENTER.align_size_within_rect(kg.size(), badge);
                self.ui
                    .painter()
                    .galley(placed.min - kg.rect.min.to_vec2(), kg, ink);
                let chip = Rect::from_min_size(pos2(x, y), vec2(w, row_h));
                if label.is_empty() {
                    self.announce(chip, key);
                } else {
                    let lg = self.text(label, size, self.pal.text, f32::INFINITY);
                    let lr = Rect::from_min_max(pos2(badge.right() + size * 0.4, y), chip.max);
                    let placed = Align2::LEFT_CENTER.align_size_within_rect(lg.size(), lr);
                    self.ui
                        .painter()
                        .galley(placed.min - lg.rect.min.to_vec2(), lg, self.pal.text);
                    self.announce(chip, &format!("{key} {label}"));
                }
                x += w + gap;
            }
            y += row_h;
        }
    }

    /// The proposition smaller on top, the round's results below.
    fn results(&mut self, session: &Session, item: &Item, current: &Round, content: Rect) {
        let gap = self.px(32.0, 8.0);
        let pal = self.pal;
        let (min, max) = (self.px(40.0, 20.0).min(TEXT_MIN), self.px(84.0, 24.0));
        let build = |s: f32, w: f32, a: Align| text_job(&item.text, s, pal.text, w, a);
        // Up to a quarter of the screen for the text, more only when it would not fit.
        let mut text_h = content.height() * 0.24;
        let probe = cached_fit(
            self.ui,
            "results_text",
            &item.text,
            vec2(content.width(), text_h),
            min,
            max,
            &|s, w| build(s, w, Align::Center),
        );
        if probe.overflows {
            text_h = content.height() * 0.4;
        }
        let text_rect = Rect::from_min_size(content.min, vec2(content.width(), text_h));
        let used = self.fitted(
            "results_text",
            &item.text,
            text_rect,
            min,
            max,
            Align2::CENTER_TOP,
            &build,
        );
        let chart = Rect::from_min_max(
            pos2(content.left(), used.bottom().min(text_rect.bottom()) + gap),
            content.max,
        );
        if item.options.is_empty() {
            return;
        }
        let index = item
            .rounds
            .iter()
            .position(|r| r.id == current.id)
            .unwrap_or(0);
        let previous = index
            .checked_sub(1)
            .and_then(|i| item.rounds.get(i))
            .filter(|r| r.answers() > 0);
        if is_scale(item) {
            self.histogram(session, item, current, previous, chart);
        } else {
            self.bar_chart(session, item, current, previous, chart);
        }
    }

    /// The legend line: which round is which, with the number of answers.
    fn legend(
        &mut self,
        item: &Item,
        current: &Round,
        previous: Option<&Round>,
        rect: Rect,
        size: f32,
    ) -> f32 {
        let l = self.l();
        let w = self.w();
        let describe = |r: &Round| {
            let mut s = format!("{} · {} {}", r.label, r.answers(), l.answers);
            if is_scale(item)
                && let Some(mean) = scale_mean(item, |o| r.total(o))
            {
                s.push_str(&format!(" · {} {}", w.mean, l.decimal.value(mean)));
            }
            s
        };
        let swatch = vec2(size * 1.6, size * 0.9);
        let mut x = rect.left();
        let h = size * 1.5;
        let entries: Vec<(bool, String)> = previous
            .map(|p| (true, describe(p)))
            .into_iter()
            .chain([(false, describe(current))])
            .collect();
        for (hatched, text) in entries {
            if previous.is_some() {
                let sw = Rect::from_min_size(pos2(x, rect.top() + (h - swatch.y) / 2.0), swatch);
                let color = if is_scale(item) {
                    self.pal.bars[0]
                } else {
                    self.pal.muted
                };
                self.bar(sw, color, hatched);
                x = sw.right() + size * 0.4;
            }
            let g = self.text(&text, size, self.pal.muted, f32::INFINITY);
            let r = Rect::from_min_max(pos2(x, rect.top()), pos2(rect.right(), rect.top() + h));
            let placed = self.put(&g, r, Align2::LEFT_CENTER);
            x = placed.right() + size * 1.5;
        }
        if current.answers() == 0 {
            let g = self.text(w.no_answers, size, self.pal.text, f32::INFINITY);
            let r = Rect::from_min_max(pos2(x, rect.top()), pos2(rect.right(), rect.top() + h));
            self.put(&g, r, Align2::LEFT_CENTER);
        }
        h + size * 0.5
    }

    /// A bar: solid for the current round; lighter and hatched, outlined, for the previous one.
    fn bar(&self, rect: Rect, color: Color32, hatched: bool) {
        let painter = self.ui.painter();
        if !hatched {
            painter.rect_filled(rect, 2.0, color);
            return;
        }
        painter.rect_filled(rect, 2.0, mix(color, self.pal.background, 0.7));
        let clip = painter.with_clip_rect(rect.intersect(painter.clip_rect()));
        let step = 10.0;
        let stroke = Stroke::new(2.0, color);
        let mut x = rect.left() - rect.height();
        while x < rect.right() {
            clip.line_segment(
                [pos2(x, rect.bottom()), pos2(x + rect.height(), rect.top())],
                stroke,
            );
            x += step;
        }
        painter.rect_stroke(rect, 2.0, Stroke::new(2.0, color), StrokeKind::Inside);
    }

    /// Horizontal bars per option (two per option when comparing rounds), count and share
    /// written after every bar; per-group stacked bars below when there is room.
    fn bar_chart(
        &mut self,
        session: &Session,
        item: &Item,
        current: &Round,
        previous: Option<&Round>,
        rect: Rect,
    ) {
        let l = self.l();
        let n = item.options.len() as f32;
        let per_option = if previous.is_some() { 2.0 } else { 1.0 };
        let legend_size = self.px(30.0, 14.0);
        let groups = groups_in(session, current);
        let mut chart = rect;
        // Per-group rows only when the totals keep bars of a decent thickness.
        let group_size = self.px(26.0, 13.0);
        let group_row = group_size * 1.9;
        let groups_h = if groups.is_empty() {
            0.0
        } else {
            group_size * 2.2 + groups.len() as f32 * group_row
        };
        let legend_h = legend_size * 2.0;
        let thickness_with = |h: f32| (h - legend_h) / (n * (per_option + 0.5));
        let show_groups =
            !groups.is_empty() && thickness_with(rect.height() - groups_h) >= self.px(34.0, 16.0);
        if show_groups {
            chart.max.y -= groups_h;
        }
        let legend_used = self.legend(item, current, previous, chart, legend_size);
        let area = Rect::from_min_max(pos2(chart.left(), chart.top() + legend_used), chart.max);
        let thickness = (area.height() / (n * (per_option + 0.5))).min(self.px(120.0, 24.0));
        let size = (thickness * 0.55).clamp(14.0, self.px(56.0, 16.0));
        let block = thickness * (per_option + 0.5);

        // Option labels in a column on the left.
        let names: Vec<String> = item
            .options
            .iter()
            .enumerate()
            .map(|(i, o)| format!("{} {}", keycap(i), o.label))
            .collect();
        let label_w = names
            .iter()
            .map(|s| self.text(s, size, self.pal.text, f32::INFINITY).size().x)
            .fold(0.0, f32::max)
            .min(area.width() * 0.35);
        let x0 = area.left() + label_w + size;

        // The texts after the bars, to reserve their width.
        let total_now = current.answers();
        let total_before = previous.map_or(0, Round::answers);
        let value = |r: &Round, share: Share, label: bool| {
            let mut s = count_and_share(share, l);
            if label {
                s = format!("{}: {s}", r.label);
            }
            s
        };
        let shares_now = round_shares(current, &item.options);
        let shares_before = previous.map(|p| round_shares(p, &item.options));
        let mut texts = Vec::new();
        for (i, &share) in shares_now.iter().enumerate() {
            let now = value(current, share, previous.is_some());
            let now = match (previous, &shares_before) {
                (Some(_), Some(before)) if total_now > 0 => {
                    format!("{now}   {}", signed_points(before[i].shift_to(share), l))
                }
                _ => now,
            };
            let before = previous
                .zip(shares_before.as_ref())
                .map(|(p, b)| value(p, b[i], true));
            texts.push((before, now));
        }
        let value_size = size * 0.9;
        let value_w = texts
            .iter()
            .flat_map(|(b, n)| b.iter().chain([n]))
            .map(|s| {
                self.text(s, value_size, self.pal.text, f32::INFINITY)
                    .size()
                    .x
            })
            .fold(0.0, f32::max);
        let max_len = (area.right() - x0 - value_w - size * 0.5).max(area.width() * 0.2);
        let top_share = largest_share(item, current, previous);

        for (i, o) in item.options.iter().enumerate() {
            let color = self.pal.bars[i % self.pal.bars.len()];
            let top = area.top() + i as f32 * block;
            let block_rect = Rect::from_min_size(
                pos2(area.left(), top),
                vec2(area.width(), thickness * per_option),
            );
            let name = self.text(&names[i], size, self.pal.text, label_w + 1.0);
            let name_rect = Rect::from_min_max(
                block_rect.min,
                pos2(area.left() + label_w, block_rect.bottom()),
            );
            self.put(&name, name_rect, Align2::LEFT_CENTER);

            let mut rows: Vec<(&Round, u64, bool, &String)> = Vec::new();
            if let (Some(p), Some(before)) = (previous, texts[i].0.as_ref()) {
                rows.push((p, total_before, true, before));
            }
            rows.push((current, total_now, false, &texts[i].1));
            for (k, (r, whole, hatched, text)) in rows.into_iter().enumerate() {
                let y = top + k as f32 * thickness;
                let s = option_share(r, whole, o.id);
                let mut len = if top_share > 0.0 {
                    s / top_share * max_len
                } else {
                    0.0
                };
                if r.total(o.id) > 0 {
                    len = len.max(3.0);
                }
                let bar = Rect::from_min_size(
                    pos2(x0, y + thickness * 0.08),
                    vec2(len, thickness * 0.84),
                );
                if len > 0.0 {
                    self.bar(bar, color, hatched);
                }
                let g = self.text(text, value_size, self.pal.text, f32::INFINITY);
                let vr = Rect::from_min_max(
                    pos2(bar.right() + size * 0.4, bar.top()),
                    pos2(area.right() + value_w, bar.bottom()),
                );
                self.put(&g, vr, Align2::LEFT_CENTER);
            }
        }

        if show_groups {
            let r = Rect::from_min_max(
                pos2(rect.left(), chart.bottom() + group_size * 0.6),
                rect.max,
            );
            self.group_rows(
                session,
                item,
                current,
                &groups,
                r,
                group_size,
                label_w * group_size / size,
            );
        }
    }

    /// One row per group: a stacked bar of its shares and the shares written out by key.
    #[allow(clippy::too_many_arguments)]
    fn group_rows(
        &mut self,
        session: &Session,
        item: &Item,
        round: &Round,
        groups: &[Id],
        rect: Rect,
        size: f32,
        label_w: f32,
    ) {
        let l = self.l();
        let heading = self.text(l.groups, size, self.pal.muted, f32::INFINITY);
        self.put(&heading, rect, Align2::LEFT_TOP);
        let row_h = size * 1.9;
        let mut y = rect.top() + size * 1.6;
        let names: Vec<&str> = groups
            .iter()
            .map(|g| session.group_name(Some(*g)))
            .collect();
        let name_w = names
            .iter()
            .map(|s| self.text(s, size, self.pal.text, f32::INFINITY).size().x)
            .fold(label_w, f32::max)
            .min(rect.width() * 0.3);
        let summaries: Vec<String> = groups
            .iter()
            .map(|g| {
                let whole = round.group_answers(Some(*g));
                let parts: Vec<String> = group_shares(round, &item.options, Some(*g))
                    .into_iter()
                    .enumerate()
                    .map(|(i, s)| format!("{}: {}", keycap(i), l.decimal.share(s)))
                    .collect();
                format!("{}   ({} {})", parts.join("   "), whole, l.answers)
            })
            .collect();
        let summary_w = summaries
            .iter()
            .map(|s| self.text(s, size, self.pal.text, f32::INFINITY).size().x)
            .fold(0.0, f32::max);
        let x0 = rect.left() + name_w + size;
        let bar_w = (rect.right() - x0 - summary_w - size).max(rect.width() * 0.15);
        for (k, g) in groups.iter().enumerate() {
            let row = Rect::from_min_size(pos2(rect.left(), y), vec2(rect.width(), row_h));
            let name = self.text(names[k], size, self.pal.text, name_w + 1.0);
            self.put(
                &name,
                Rect::from_min_max(row.min, pos2(rect.left() + name_w, row.bottom())),
                Align2::LEFT_CENTER,
            );
            let whole = round.group_answers(Some(*g));
            let mut x = x0;
            let bar_y = y + row_h * 0.12;
            let bar_h = row_h * 0.76;
            for (i, o) in item.options.iter().enumerate() {
                let c = round.count(o.id, Some(*g));
                if c == 0 || whole == 0 {
                    continue;
                }
                let w = bar_w * c as f32 / whole as f32;
                let seg = Rect::from_min_size(pos2(x, bar_y), vec2(w, bar_h));
                let color = self.pal.bars[i % self.pal.bars.len()];
                self.ui.painter().rect_filled(seg, 0.0, color);
                let key = self.text(&keycap(i), size * 0.8, ink_on(color), f32::INFINITY);
                if key.size().x + 4.0 < w {
                    let p = Align2::CENTER_CENTER.align_size_within_rect(key.size(), seg);
                    self.ui
                        .painter()
                        .galley(p.min - key.rect.min.to_vec2(), key, ink_on(color));
                }
                x += w;
            }
            self.ui.painter().rect_stroke(
                Rect::from_min_size(pos2(x0, bar_y), vec2(bar_w, bar_h)),
                0.0,
                Stroke::new(1.0, self.pal.muted),
                StrokeKind::Outside,
            );
            let text = self.text(&summaries[k], size, self.pal.text, f32::INFINITY);
            let tr = Rect::from_min_max(
                pos2(x0 + bar_w + size, y),
                pos2(rect.right() + summary_w, y + row_h),
            );
            self.put(&text, tr, Align2::LEFT_CENTER);
            y += row_h;
        }
    }

    /// Vertical histogram for scale items: a column per value, count and share above it, the
    /// previous round as a hatched column beside it.
    fn histogram(
        &mut self,
        session: &Session,
        item: &Item,
        current: &Round,
        previous: Option<&Round>,
        rect: Rect,
    ) {
        let legend_size = self.px(30.0, 14.0);
        let groups = groups_in(session, current);
        let group_size = self.px(26.0, 13.0);
        let groups_h = if groups.is_empty() {
            0.0
        } else {
            group_size * 1.9 * (groups.len() as f32 + 1.0)
        };
        let mut chart = rect;
        let show_groups = !groups.is_empty() && rect.height() - groups_h >= self.px(360.0, 160.0);
        if show_groups {
            chart.max.y -= groups_h;
        }
        let legend_used = self.legend(item, current, previous, chart, legend_size);
        let area = Rect::from_min_max(pos2(chart.left(), chart.top() + legend_used), chart.max);
        let n = item.options.len() as f32;
        let col_w = area.width() / n;
        let per = if previous.is_some() { 2.0 } else { 1.0 };
        let bar_w = col_w * 0.76 / per;
        let size = (col_w * 0.2).clamp(12.0, self.px(40.0, 14.0));
        let label_h = size * 1.6;
        let value_h = size * if previous.is_some() { 1.4 } else { 2.6 };
        let plot_top = area.top() + value_h;
        let plot_bottom = area.bottom() - label_h;
        let plot_h = (plot_bottom - plot_top).max(0.0);
        let total_now = current.answers();
        let total_before = previous.map_or(0, Round::answers);
        let top_share = largest_share(item, current, previous);
        let color = self.pal.bars[0];
        let painter_line = Stroke::new(2.0, self.pal.muted);
        self.ui.painter().line_segment(
            [
                pos2(area.left(), plot_bottom),
                pos2(area.right(), plot_bottom),
            ],
            painter_line,
        );
        let l = self.l();
        let shares_now = round_shares(current, &item.options);
        let shares_before = previous.map(|p| round_shares(p, &item.options));
        for (i, o) in item.options.iter().enumerate() {
            let left = area.left() + i as f32 * col_w + col_w * 0.12;
            let mut bars: Vec<(&Round, u64, bool, Share)> = Vec::new();
            if let (Some(p), Some(before)) = (previous, &shares_before) {
                bars.push((p, total_before, true, before[i]));
            }
            bars.push((current, total_now, false, shares_now[i]));
            for (k, (r, whole, hatched, share)) in bars.into_iter().enumerate() {
                let s = option_share(r, whole, o.id);
                let mut h = if top_share > 0.0 {
                    s / top_share * plot_h
                } else {
                    0.0
                };
                if r.total(o.id) > 0 {
                    h = h.max(3.0);
                }
                let x = left + k as f32 * bar_w;
                let bar = Rect::from_min_max(
                    pos2(x, plot_bottom - h),
                    pos2(x + bar_w * 0.94, plot_bottom),
                );
                if h > 0.0 {
                    self.bar(bar, color, hatched);
                }
                let text = if previous.is_some() {
                    format!("{}", r.total(o.id))
                } else {
                    format!("{}\n{}", share.count, l.decimal.share(share))
                };
                let g = self.text_centered(&text, size * 0.9, self.pal.text, f32::INFINITY);
                let above = Rect::from_min_max(
                    pos2(bar.center().x - col_w, area.top()),
                    pos2(bar.center().x + col_w, bar.top() - 2.0),
                );
                self.put(&g, above, Align2::CENTER_BOTTOM);
            }
            let g = self.text(&o.label, size, self.pal.text, f32::INFINITY);
            let below = Rect::from_min_max(
                pos2(area.left() + i as f32 * col_w, plot_bottom + 2.0),
                pos2(area.left() + (i + 1) as f32 * col_w, area.bottom()),
            );
            self.put(&g, below, Align2::CENTER_CENTER);
        }

        if show_groups {
            let l = self.l();
            let w = self.w();
            let mut y = chart.bottom() + group_size * 0.6;
            let heading = self.text(l.groups, group_size, self.pal.muted, f32::INFINITY);
            self.put(
                &heading,
                Rect::from_min_max(pos2(rect.left(), y), rect.max),
                Align2::LEFT_TOP,
            );
            y += group_size * 1.6;
            for g in groups {
                let whole = current.group_answers(Some(g));
                let mean = scale_mean(item, |o| current.count(o, Some(g)).into())
                    .map_or_else(|| "–".to_owned(), |m| l.decimal.value(m));
                let text = format!(
                    "{}:  {} {}   ({} {})",
                    session.group_name(Some(g)),
                    w.mean,
                    mean,
                    whole,
                    l.answers
                );
                let galley = self.text(&text, group_size, self.pal.text, rect.width());
                self.put(
                    &galley,
                    Rect::from_min_max(pos2(rect.left(), y), rect.max),
                    Align2::LEFT_TOP,
                );
                y += group_size * 1.9;
            }
        }
    }

    /// Highlighted reactions of every round, one at a time, large.
    fn quotes(&mut self, session: &Session, item: &Item, index: usize, content: Rect) {
        let highlighted: Vec<&Reaction> = item.reactions().filter(|r| r.highlighted).collect();
        let pal = self.pal;
        // The prompt small on top, for context.
        let head_h = content.height() * 0.18;
        let head = Rect::from_min_size(content.min, vec2(content.width(), head_h));
        let (hmin, hmax) = (self.px(22.0, 14.0), self.px(48.0, 18.0));
        if !item.text.trim().is_empty() {
            self.fitted(
                "quote_head",
                &item.text,
                head,
                hmin,
                hmax,
                Align2::CENTER_TOP,
                &|s, w, a| text_job(&item.text, s, pal.muted, w, a),
            );
        }
        let body = Rect::from_min_max(
            pos2(content.left(), head.bottom() + self.px(24.0, 8.0)),
            content.max,
        );
        let Some(reaction) =
            (!highlighted.is_empty()).then(|| highlighted[index % highlighted.len()])
        else {
            let size = self.px(56.0, 20.0);
            let g = self.text_centered(self.w().no_quotes, size, pal.muted, body.width());
            self.put(&g, body, Align2::CENTER_CENTER);
            return;
        };
        let quote = format!("“{}”", reaction.text.trim());
        let mut who: Vec<&str> = Vec::new();
        if let Some(by) = reaction
            .by
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            who.push(by);
        }
        let group = session.group_name(reaction.group);
        if !group.is_empty() {
            who.push(group);
        }
        let mut footer = String::new();
        if !who.is_empty() {
            footer = format!("— {}", who.join(", "));
        }
        if highlighted.len() > 1 {
            if !footer.is_empty() {
                footer.push('\n');
            }
            footer.push_str(&format!(
                "{} / {}",
                index % highlighted.len() + 1,
                highlighted.len()
            ));
        }
        let foot_size = self.px(40.0, 16.0);
        let foot = (!footer.is_empty())
            .then(|| self.text_centered(&footer, foot_size, pal.muted, body.width()));
        let foot_h = foot.as_ref().map_or(0.0, |g| g.size().y + foot_size);
        let quote_rect = Rect::from_min_max(body.min, pos2(body.right(), body.bottom() - foot_h));
        let used = self.fitted(
            "quote",
            &quote,
            quote_rect,
            TEXT_MIN,
            TEXT_MAX * self.unit.max(0.5) * 0.8,
            Align2::CENTER_CENTER,
            &|s, w, a| text_job(&quote, s, pal.text, w, a),
        );
        if let Some(g) = foot {
            let r = Rect::from_min_max(pos2(body.left(), used.bottom() + foot_size), body.max);
            self.put(&g, r, Align2::CENTER_TOP);
        }
    }

    /// Proposals, commitments or statements as one clean listing, fitted or scrolled.
    fn listing(&mut self, session: &Session, item: &Item, content: Rect) {
        let l = self.l();
        let pal = self.pal;
        let nothing = self.w().nothing_yet;
        // Each entry: (text, secondary text, is heading).
        let mut entries: Vec<(String, String, bool)> = Vec::new();
        match item.kind {
            ItemKind::Proposals => {
                for p in &item.proposals {
                    entries.push((
                        p.title.trim().to_owned(),
                        session.group_name(p.group).to_owned(),
                        false,
                    ));
                }
            }
            ItemKind::Commitments => {
                for c in &item.commitments {
                    let mut who = c.person.trim().to_owned();
                    if !c.organisation.trim().is_empty() {
                        who = format!("{who} ({})", c.organisation.trim());
                    }
                    entries.push((format!("{who} — {}", c.action.trim()), String::new(), false));
                }
            }
            _ => {
                let mut themes: Vec<(Option<Id>, &str)> = item
                    .themes
                    .iter()
                    .map(|t| (Some(t.id), t.name.as_str()))
                    .collect();
                if item
                    .statements
                    .iter()
                    .any(|s| !item.themes.iter().any(|t| t.id == s.theme))
                {
                    themes.push((None, l.no_theme));
                }
                for (theme, name) in themes {
                    let statements: Vec<_> = item
                        .statements
                        .iter()
                        .filter(|s| match theme {
                            Some(t) => s.theme == t,
                            None => !item.themes.iter().any(|t| t.id == s.theme),
                        })
                        .collect();
                    if statements.is_empty() {
                        continue;
                    }
                    entries.push((name.trim().to_owned(), String::new(), true));
                    for s in statements {
                        entries.push((
                            format!("• {}", s.text.trim()),
                            session.group_name(s.group).to_owned(),
                            false,
                        ));
                    }
                }
            }
        }
        let title = super::style::clipped(item.text.trim(), super::style::BEAMER_CHARS);
        let title = title.as_ref();
        let build = |size: f32, wrap: f32, halign: Align| {
            let mut job = LayoutJob::default();
            job.wrap.max_width = wrap;
            job.halign = halign;
            let format = |s: f32, c: Color32| TextFormat::simple(FontId::proportional(s), c);
            let mut first = true;
            let mut newline = |job: &mut LayoutJob, gap: f32| {
                if !first {
                    job.append("\n", 0.0, format(size * gap, pal.text));
                    job.append("\n", 0.0, format(size * gap, pal.text));
                }
                first = false;
            };
            if !title.is_empty() {
                newline(&mut job, 0.3);
                job.append(title, 0.0, format(size * 1.15, pal.text));
            }
            if entries.is_empty() {
                newline(&mut job, 0.5);
                job.append(nothing, 0.0, format(size, pal.muted));
            }
            for (text, extra, heading) in &entries {
                let text = &super::style::clipped(text, super::style::BEAMER_CHARS);
                newline(&mut job, if *heading { 0.6 } else { 0.25 });
                if *heading {
                    job.append(text, 0.0, format(size * 1.05, pal.muted));
                } else {
                    job.append(text, 0.0, format(size, pal.text));
                    if !extra.is_empty() {
                        job.append(&format!("  —  {extra}"), 0.0, format(size * 0.8, pal.muted));
                    }
                }
            }
            job
        };
        let key: String = std::iter::once(title)
            .chain(
                entries
                    .iter()
                    .flat_map(|(a, b, _)| [a.as_str(), b.as_str()]),
            )
            .collect::<Vec<_>>()
            .join("\n");
        let (min, max) = (self.px(24.0, 16.0).max(20.0), self.px(72.0, 24.0));
        self.fitted(
            "listing",
            &key,
            content,
            min,
            max,
            Align2::LEFT_CENTER,
            &build,
        );
    }
}

/// "1", "2"… the key that tallies the option on the presenter's keyboard.
fn keycap(index: usize) -> String {
    (index + 1).to_string()
}

/// Groups of the session that have hands counted in this round, in session order.
fn groups_in(session: &Session, round: &Round) -> Vec<Id> {
    session
        .groups
        .iter()
        .filter(|g| round.group_answers(Some(g.id)) > 0)
        .map(|g| g.id)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Change, Group, Stance};
    use egui::Pos2;
    use egui_kittest::Harness;
    use egui_kittest::kittest::{NodeT, Queryable};

    // --- Contrast ------------------------------------------------------------------------------

    #[test]
    fn contrast_ratio_matches_wcag() {
        assert!((contrast_ratio(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 1e-9);
        // Symmetric, and a known value: #777777 on white is about 4.48:1.
        let grey = Color32::from_rgb(0x77, 0x77, 0x77);
        assert!((contrast_ratio(grey, Color32::WHITE) - 4.48).abs() < 0.01);
        assert_eq!(
            contrast_ratio(grey, Color32::WHITE),
            contrast_ratio(Color32::WHITE, grey)
        );
    }

    #[test]
    fn both_themes_have_high_contrast() {
        for theme in [AudienceTheme::Light, AudienceTheme::Dark] {
            let p = palette(theme);
            let text = contrast_ratio(p.text, p.background);
            assert!(text >= 7.0, "{theme:?}: text {text:.2}:1");
            let muted = contrast_ratio(p.muted, p.background);
            assert!(muted >= 7.0, "{theme:?}: muted text {muted:.2}:1");
            for (i, bar) in p.bars.iter().enumerate() {
                let c = contrast_ratio(*bar, p.background);
                assert!(c >= 3.0, "{theme:?}: bar {i} ({bar:?}) only {c:.2}:1");
            }
            // Bars differ from each other, so neighbours never look the same.
            for (i, a) in p.bars.iter().enumerate() {
                for b in &p.bars[i + 1..] {
                    assert_ne!(a, b);
                }
            }
        }
    }

    // --- Fitting -------------------------------------------------------------------------------

    /// A fake layout: glyphs `0.5 × size` wide, rows `1.2 × size` high, wrapping per character.
    fn fake_measure(text: &str, size: f32, width: f32) -> f32 {
        let per_row = (width / (0.5 * size)).floor().max(1.0);
        let rows = (text.chars().count() as f32 / per_row).ceil().max(1.0);
        rows * 1.2 * size
    }

    #[test]
    fn fit_font_size_is_the_largest_that_fits() {
        let text = "x".repeat(100);
        let fit = fit_font_size(&text, 1000.0, 300.0, fake_measure, 10.0, 400.0);
        assert!(!fit.overflows);
        assert!(fake_measure(&text, fit.size, 1000.0) <= 300.0);
        // Half a point more no longer fits (to the search's precision).
        assert!(fake_measure(&text, fit.size + 0.6, 1000.0) > 300.0);
        // Short text takes the maximum.
        let fit = fit_font_size("x", 1000.0, 1000.0, fake_measure, 10.0, 80.0);
        assert_eq!(
            fit,
            Fit {
                size: 80.0,
                overflows: false
            }
        );
        // Too long even at the minimum: the minimum, flagged.
        let fit = fit_font_size(&"x".repeat(10_000), 100.0, 100.0, fake_measure, 28.0, 80.0);
        assert_eq!(
            fit,
            Fit {
                size: 28.0,
                overflows: true
            }
        );
        // Degenerate boxes do not loop or panic.
        let fit = fit_font_size("x", 0.0, -5.0, fake_measure, 28.0, 80.0);
        assert!(fit.overflows);
    }

    /// Runs `f` inside one egui pass, with real fonts.
    fn in_ui(size: Vec2, mut f: impl FnMut(&mut Ui)) {
        let ctx = egui::Context::default();
        let input = egui::RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, size)),
            ..Default::default()
        };
        let mut out = ctx.run_ui(input, |ui| f(ui));
        out.textures_delta.clear();
    }

    fn height_at(ui: &Ui, text: &str, size: f32, width: f32) -> f32 {
        ui.fonts_mut(|f| f.layout_job(text_job(text, size, Color32::WHITE, width, Align::Center)))
            .size()
            .y
    }

    const FIVE_WORDS: &str = "Elke school verdient goede jeugdhulp.";

    fn sixty_words() -> String {
        let words = "Gemeenten moeten samen met scholen en jeugdhulpaanbieders vóór de zomer een \
                     plan maken waarin staat hoe leerlingen die extra steun \
                     nodig hebben de juiste hulp krijgen, waarbij ouders \
                     vanaf het eerste gesprek betrokken worden en er één vast aanspreekpunt is \
                     dat de voortgang bewaakt en elk kwartaal aan de gemeenteraad rapporteert \
                     over wat er goed gaat en wat beter kan";
        assert_eq!(words.split_whitespace().count(), 60);
        words.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// The text box of an unrevealed proposition on a screen of this size, as `show` uses it.
    fn proposition_box(w: f32, h: f32) -> Rect {
        let full = Rect::from_min_size(Pos2::ZERO, vec2(w, h));
        let (content, _) = screen_boxes(full, true);
        proposition_boxes(content, true).0
    }

    #[test]
    fn a_short_proposition_is_very_large() {
        in_ui(vec2(1920.0, 1080.0), |ui| {
            let full = Rect::from_min_size(Pos2::ZERO, vec2(1920.0, 1080.0));
            let fit = fit_in_ui(ui, FIVE_WORDS, full, TEXT_MIN, TEXT_MAX);
            assert!(fit.size >= 100.0, "{fit:?}");
            assert!(!fit.overflows);
            // Also in the box the proposition really gets, below which the options go.
            let rect = proposition_box(1920.0, 1080.0);
            let fit = fit_in_ui(ui, FIVE_WORDS, rect, TEXT_MIN, TEXT_MAX * unit(full));
            assert!(fit.size >= 100.0, "{fit:?} in {rect:?}");
            assert!(height_at(ui, FIVE_WORDS, fit.size, rect.width()) <= rect.height());
        });
    }

    #[test]
    fn a_long_proposition_fits_without_cut_off() {
        let text = sixty_words();
        for (w, h) in [(1280.0, 720.0), (1920.0, 1080.0)] {
            in_ui(vec2(w, h), |ui| {
                let full = Rect::from_min_size(Pos2::ZERO, vec2(w, h));
                for rect in [full, proposition_box(w, h)] {
                    let fit = fit_in_ui(ui, &text, rect, TEXT_MIN, TEXT_MAX * unit(full));
                    assert!(!fit.overflows, "{w}×{h}: {fit:?}");
                    assert!(fit.size >= TEXT_MIN);
                    let used = height_at(ui, &text, fit.size, rect.width());
                    assert!(used <= rect.height(), "{w}×{h}: {used} > {}", rect.height());
                }
            });
        }
    }

    #[test]
    fn small_screens_never_cut_text_off_above_the_minimum() {
        const { assert!(TEXT_MIN >= 28.0) };
        let long = sixty_words();
        let longer = [long.as_str(); 4].join(" ");
        in_ui(vec2(800.0, 600.0), |ui| {
            let rect = proposition_box(800.0, 600.0);
            for text in [FIVE_WORDS, long.as_str(), longer.as_str()] {
                let fit = fit_in_ui(ui, text, rect, TEXT_MIN, TEXT_MAX);
                assert!(fit.size >= TEXT_MIN);
                let used = height_at(ui, text, fit.size, rect.width());
                if fit.overflows {
                    assert_eq!(fit.size, TEXT_MIN);
                } else {
                    assert!(used <= rect.height(), "{used} > {}", rect.height());
                }
            }
            // Four times sixty words cannot fit 800×600 at a readable size: it scrolls.
            assert!(fit_in_ui(ui, &longer, rect, TEXT_MIN, TEXT_MAX).overflows);
        });
    }

    #[test]
    fn words_are_not_split_when_a_smaller_size_keeps_them_whole() {
        in_ui(vec2(800.0, 600.0), |ui| {
            let text = "Jeugdhulpverleningsorganisaties";
            let rect = Rect::from_min_size(Pos2::ZERO, vec2(700.0, 500.0));
            let fit = fit_in_ui(ui, text, rect, TEXT_MIN, TEXT_MAX);
            let galley = ui.fonts_mut(|f| {
                f.layout_job(text_job(
                    text,
                    fit.size,
                    Color32::WHITE,
                    rect.width(),
                    Align::Center,
                ))
            });
            assert_eq!(galley.rows.len(), 1, "{fit:?}");
        });
    }

    #[test]
    fn timer_and_percent_formats() {
        assert_eq!(format_timer(Duration::from_secs(75)), "01:15");
        assert_eq!(format_timer(Duration::from_secs(3725)), "1:02:05");
        assert_eq!(signed_points(120, labels(Language::En)), "+12.0 pp");
        assert_eq!(signed_points(-3, labels(Language::Nl)), "-0,3 pp");
        assert_eq!(signed_points(0, labels(Language::En)), "±0.0 pp");
    }

    // --- The screen, through egui ----------------------------------------------------------

    struct Fixture {
        session: Session,
        proposition: usize,
        scale: usize,
        info: usize,
        commitments: usize,
    }

    const PROPOSITION: &str = "Every school deserves a youth worker on site.";
    const QUOTE: &str = "We saw it work in Zwolle.";

    /// An English session: a proposition with two rounds, per-group tallies and a highlighted
    /// quote; a 0–10 scale; an info slide; commitments.
    fn fixture(language: Language) -> Fixture {
        let mut s = Session::new("Together around the pupil", language);
        s.date = chrono::NaiveDate::from_ymd_opt(2025, 3, 11);
        s.place = "Zwolle".into();
        let groups: Vec<Id> = ["Table 1", "Table 2"]
            .iter()
            .enumerate()
            .map(|(n, name)| {
                let id = s.fresh_id();
                s.apply(Change::AddGroup {
                    index: n,
                    group: Group {
                        id,
                        name: (*name).into(),
                        size: None,
                    },
                })
                .unwrap();
                id
            })
            .collect();
        let add = |s: &mut Session, item: Item| {
            let index = s.agenda.len();
            s.apply(Change::AddItem {
                index,
                item: Box::new(item),
            })
            .unwrap();
            index
        };
        let item = Item::new(&s, ItemKind::Info, "Welcome to the workshop");
        let info = add(&mut s, item);
        let item = Item::new(&s, ItemKind::Proposition, PROPOSITION);
        let proposition = add(&mut s, item);
        let tally = |s: &mut Session,
                     index: usize,
                     round: usize,
                     option: usize,
                     group: Option<Id>,
                     n: i64| {
            let item = &s.agenda[index];
            let change = Change::Tally {
                item: item.id,
                round: item.rounds[round].id,
                option: item.options[option].id,
                group,
                delta: n,
            };
            s.apply(change).unwrap();
        };
        // Round 1: 6 agree, 3 disagree, 1 not sure (per group).
        tally(&mut s, proposition, 0, 0, Some(groups[0]), 4);
        tally(&mut s, proposition, 0, 0, Some(groups[1]), 2);
        tally(&mut s, proposition, 0, 1, Some(groups[1]), 3);
        tally(&mut s, proposition, 0, 2, Some(groups[0]), 1);
        // Round 2: 8 agree, 1 disagree, 1 not sure.
        let id = s.agenda[proposition].id;
        let round = Round::new(s.fresh_id(), "Round 2");
        s.apply(Change::AddRound {
            item: id,
            index: 1,
            round: Box::new(round),
        })
        .unwrap();
        tally(&mut s, proposition, 1, 0, Some(groups[0]), 5);
        tally(&mut s, proposition, 1, 0, Some(groups[1]), 3);
        tally(&mut s, proposition, 1, 1, Some(groups[1]), 1);
        tally(&mut s, proposition, 1, 2, None, 1);
        let round_id = s.agenda[proposition].rounds[0].id;
        for (text, highlighted) in [("Not shown", false), (QUOTE, true)] {
            let reaction = Reaction {
                id: s.fresh_id(),
                text: text.into(),
                stance: Stance::For,
                group: Some(groups[1]),
                by: None,
                time: None,
                highlighted,
            };
            s.apply(Change::AddReaction {
                item: id,
                round: round_id,
                index: 0,
                reaction,
            })
            .unwrap();
        }

        let mut scale_item = Item::new(&s, ItemKind::Proposition, "How useful was today?");
        let mut ids = crate::model::IdSource::new(&s);
        ids.reserve(scale_item.id);
        for r in &scale_item.rounds {
            ids.reserve(r.id);
        }
        scale_item.options = (0..=10)
            .map(|n| crate::model::ResponseOption {
                id: ids.fresh(),
                label: n.to_string(),
            })
            .collect();
        let scale = add(&mut s, scale_item);
        for (option, n) in [(7, 4), (8, 5), (9, 1)] {
            tally(&mut s, scale, 0, option, None, n);
        }

        let mut c = Item::new(&s, ItemKind::Commitments, "Who does what");
        c.commitments.push(crate::model::Commitment {
            id: s.fresh_id(),
            person: "Anna".into(),
            organisation: String::new(),
            action: "Call the youth team".into(),
            start: None,
            follow_up: None,
        });
        let commitments = add(&mut s, c);
        Fixture {
            session: s,
            proposition,
            scale,
            info,
            commitments,
        }
    }

    fn harness(
        session: &Session,
        item: Option<usize>,
        state: AudienceState,
        size: Vec2,
    ) -> Harness<'_> {
        let mut h = Harness::builder().with_size(size).build_ui(move |ui| {
            show(
                ui,
                session,
                item,
                None,
                &state,
                Some(Duration::from_secs(754)),
            );
        });
        h.run();
        h
    }

    fn full_hd(session: &Session, item: Option<usize>, state: AudienceState) -> Harness<'_> {
        harness(session, item, state, vec2(1920.0, 1080.0))
    }

    fn has(h: &Harness<'_>, text: &str) -> bool {
        h.query_all_by_label_contains(text).next().is_some()
    }

    fn labels_of(h: &Harness<'_>) -> Vec<String> {
        h.query_all_by(|_| true)
            .filter_map(|n| {
                let node = n.accesskit_node();
                node.label().or_else(|| node.value())
            })
            .collect()
    }

    /// Every text lies on the screen and no two texts overlap.
    fn assert_tidy(h: &Harness<'_>, size: Vec2) {
        let screen = Rect::from_min_size(Pos2::ZERO, size).expand(1.0);
        let texts: Vec<(String, Rect)> = h
            .query_all_by_role(Role::Label)
            .map(|n| {
                let node = n.accesskit_node();
                let text = node.label().or_else(|| node.value()).unwrap_or_default();
                (text, n.rect())
            })
            .collect();
        for (i, (text, rect)) in texts.iter().enumerate() {
            assert!(
                screen.contains_rect(*rect),
                "{size:?}: {text:?} at {rect:?} is off screen"
            );
            for (other, r) in &texts[i + 1..] {
                let overlap = rect.intersect(*r);
                assert!(
                    overlap.width() < 1.0 || overlap.height() < 1.0,
                    "{size:?}: {text:?} at {rect:?} overlaps {other:?} at {r:?}"
                );
            }
        }
    }

    #[test]
    fn title_slide_shows_title_date_and_place() {
        let f = fixture(Language::En);
        let h = full_hd(&f.session, None, AudienceState::default());
        assert!(has(&h, "Together around the pupil"), "{:?}", labels_of(&h));
        assert!(has(&h, "2025-03-11"), "{:?}", labels_of(&h));
        assert!(has(&h, "Zwolle"));
        // Asked for explicitly while an item is current, too.
        let state = AudienceState {
            title_slide: true,
            ..Default::default()
        };
        let h = full_hd(&f.session, Some(f.proposition), state);
        assert!(has(&h, "Together around the pupil"));
        assert!(!has(&h, PROPOSITION));
    }

    #[test]
    fn an_item_shows_its_text_options_and_no_results_until_revealed() {
        let f = fixture(Language::En);
        let h = full_hd(&f.session, Some(f.proposition), AudienceState::default());
        assert!(has(&h, PROPOSITION), "{:?}", labels_of(&h));
        for option in ["1 Agree", "2 Disagree", "3 Not sure"] {
            assert!(
                h.query_by_label(option).is_some(),
                "{option}: {:?}",
                labels_of(&h)
            );
        }
        // Progress in the corner; the timer only when asked for.
        assert!(h.query_by_label("2 / 4").is_some());
        assert!(!has(&h, "12:34"));
        // No results: no counts, shares or round labels.
        assert!(!has(&h, "%"), "{:?}", labels_of(&h));
        assert!(!has(&h, "answers"));
        assert!(!has(&h, QUOTE));
    }

    #[test]
    fn revealed_results_compare_two_rounds_with_labels() {
        let f = fixture(Language::En);
        let state = AudienceState {
            revealed: true,
            show_timer: true,
            ..Default::default()
        };
        let h = full_hd(&f.session, Some(f.proposition), state);
        assert_tidy(&h, vec2(1920.0, 1080.0));
        let all = labels_of(&h);
        assert!(has(&h, PROPOSITION), "{all:?}");
        // Round 2: agree 8 of 10; round 1: agree 6 of 10; a shift of 20 points.
        assert!(has(&h, "Round 2: 8 · 80.0%"), "{all:?}");
        assert!(has(&h, "Round 1: 6 · 60.0%"), "{all:?}");
        assert!(has(&h, "+20.0 pp"), "{all:?}");
        assert!(has(&h, "Round 2: 1 · 10.0%   -20.0 pp"), "{all:?}");
        assert!(has(&h, "10 answers"), "{all:?}");
        // Per group, written out.
        assert!(h.query_by_label("Table 1").is_some(), "{all:?}");
        assert!(has(&h, "1: 75.0%   2: 25.0%   3: 0.0%"), "{all:?}"); // table 2: 3 of 4 agree
        assert!(h.query_by_label("12:34").is_some(), "{all:?}");
    }

    #[test]
    fn a_single_round_shows_plain_counts() {
        let mut f = fixture(Language::En);
        let item = &mut f.session.agenda[f.proposition];
        item.rounds.truncate(1);
        let round = Some(item.rounds[0].id);
        let state = AudienceState {
            revealed: true,
            ..Default::default()
        };
        let session = &f.session;
        let index = f.proposition;
        let mut h = Harness::builder()
            .with_size(vec2(1280.0, 720.0))
            .build_ui(move |ui| show(ui, session, Some(index), round, &state, None));
        h.run();
        assert!(has(&h, "6 · 60.0%"), "{:?}", labels_of(&h));
        assert!(!has(&h, "pp"));
        assert!(!has(&h, "Round 2"));
    }

    #[test]
    fn a_scale_is_a_histogram() {
        let f = fixture(Language::En);
        let state = AudienceState {
            revealed: true,
            ..Default::default()
        };
        let h = full_hd(&f.session, Some(f.scale), state);
        assert_tidy(&h, vec2(1920.0, 1080.0));
        let all = labels_of(&h);
        assert!(has(&h, "5\n50.0%"), "{all:?}");
        assert!(h.query_by_label("10").is_some(), "{all:?}");
        assert!(has(&h, "mean 7.7"), "{all:?}");
        // Unrevealed, the scale's values are its options.
        let h = full_hd(&f.session, Some(f.scale), AudienceState::default());
        assert!(h.query_by_label("0").is_some());
        assert!(!has(&h, "%"));
    }

    #[test]
    fn blank_shows_nothing() {
        let f = fixture(Language::En);
        let state = AudienceState {
            blank: true,
            revealed: true,
            show_timer: true,
            ..Default::default()
        };
        let h = full_hd(&f.session, Some(f.proposition), state);
        assert!(
            labels_of(&h).iter().all(|l| l.trim().is_empty()),
            "{:?}",
            labels_of(&h)
        );
        assert!(!has(&h, PROPOSITION));
    }

    #[test]
    fn quotes_show_highlighted_reactions_only() {
        let f = fixture(Language::En);
        let state = AudienceState {
            quotes: true,
            quote_index: 7,
            ..Default::default()
        };
        let h = full_hd(&f.session, Some(f.proposition), state.clone());
        assert!(has(&h, QUOTE), "{:?}", labels_of(&h));
        assert!(has(&h, "Table 2"));
        assert!(!has(&h, "Not shown"));
        // No highlighted reactions: a calm message.
        let h = full_hd(&f.session, Some(f.info), state);
        assert!(has(&h, "No highlighted reactions yet."));
    }

    #[test]
    fn the_audience_speaks_the_session_language() {
        let state = AudienceState {
            revealed: true,
            ..Default::default()
        };
        let nl = fixture(Language::Nl);
        let h = full_hd(&nl.session, Some(nl.proposition), state.clone());
        let all = labels_of(&h);
        assert!(has(&h, "10 antwoorden"), "{all:?}");
        assert!(has(&h, "Ronde 1: 6 · 60,0%"), "{all:?}");
        assert!(h.query_by_label("Groepen").is_some(), "{all:?}");
        assert!(!has(&h, "answers"));
        let quotes = AudienceState {
            quotes: true,
            ..Default::default()
        };
        let h = full_hd(&nl.session, Some(nl.info), quotes.clone());
        assert!(has(&h, "Nog geen uitgelichte reacties."));
        let en = fixture(Language::En);
        let h = full_hd(&en.session, Some(en.proposition), state);
        assert!(has(&h, "10 answers"));
        assert!(h.query_by_label("Groups").is_some());
        let h = full_hd(&en.session, Some(en.info), quotes);
        assert!(has(&h, "No highlighted reactions yet."));
        // Dates in the session's format.
        let h = full_hd(&nl.session, None, AudienceState::default());
        assert!(has(&h, "11-03-2025"), "{:?}", labels_of(&h));
    }

    #[test]
    fn listings_and_info_slides() {
        let f = fixture(Language::En);
        let h = full_hd(&f.session, Some(f.commitments), AudienceState::default());
        assert!(has(&h, "Anna — Call the youth team"), "{:?}", labels_of(&h));
        let h = full_hd(&f.session, Some(f.info), AudienceState::default());
        assert!(h.query_by_label("Welcome to the workshop").is_some());
    }

    #[test]
    fn the_example_workshop_renders_every_item_in_every_mode_and_size() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/sessions/stellingenworkshop.ron"
        );
        let session = crate::store::load(std::path::Path::new(path)).unwrap();
        for size in [
            vec2(1920.0, 1080.0),
            vec2(1280.0, 720.0),
            vec2(800.0, 600.0),
        ] {
            for theme in [AudienceTheme::Dark, AudienceTheme::Light] {
                for index in 0..session.agenda.len() {
                    for (revealed, quotes) in [(false, false), (true, false), (false, true)] {
                        let state = AudienceState {
                            revealed,
                            quotes,
                            theme,
                            show_timer: true,
                            ..Default::default()
                        };
                        let h = harness(&session, Some(index), state, size);
                        assert_tidy(&h, size);
                        assert!(
                            !labels_of(&h).is_empty(),
                            "{index} {size:?} {revealed} {quotes} "
                        );
                    }
                }
            }
        }
    }
}
