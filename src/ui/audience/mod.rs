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

use crate::model::words::{BeamerWords, ReportWords, words};
use crate::model::{
    Id, Item, ItemKind, Language, Reaction, Round, Session, Share, group_shares, round_shares,
};
use egui::text::{LayoutJob, TextFormat};
use egui::{
    Align, Align2, Color32, FontId, Galley, Rect, Role, Sense, Stroke, StrokeKind, Ui, UiBuilder,
    Vec2, WidgetInfo, pos2, vec2,
};
use std::sync::Arc;
use std::time::Duration;

mod charts;
mod fit;
mod palette;
mod slides;

use charts::*;
use fit::*;
pub use fit::{Fit, TEXT_MAX, TEXT_MIN, fit_font_size, fit_in_ui};
use palette::*;
pub use palette::{Palette, contrast_ratio, palette, relative_luminance};

// ---------------------------------------------------------------------------------------------
// State

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

fn format_timer(d: Duration) -> String {
    let s = d.as_secs();
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{:02}:{:02}", s / 60, s % 60)
    }
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
    /// The report's words: the room reads the same labels as the report.
    fn l(&self) -> &'static ReportWords {
        &words(self.language).report
    }

    fn w(&self) -> &'static BeamerWords {
        &words(self.language).beamer
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

    #[test]
    fn timer_and_percent_formats() {
        assert_eq!(format_timer(Duration::from_secs(75)), "01:15");
        assert_eq!(format_timer(Duration::from_secs(3725)), "1:02:05");
        assert_eq!(signed_points(120, &words(Language::En).report), "+12.0 pp");
        assert_eq!(signed_points(-3, &words(Language::Nl).report), "-0,3 pp");
        assert_eq!(signed_points(0, &words(Language::En).report), "±0.0 pp");
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
