//! The charts of a revealed round: bars per option (two rounds side by side), a histogram
//! for scales, and a stacked row per group. Numbers are always written next to the bars.

use super::*;

/// A shift in tenths of a point: `120` → `+12.0 pp` (`+12,0 pp` in Dutch), `0` → `±0.0 pp`.
pub(super) fn signed_points(tenths: i64, l: &ReportWords) -> String {
    format!("{} {}", l.decimal.signed(tenths), l.points)
}

/// The part of `whole` answers that chose option `o` in round `r`, from 0 to 1.
pub(super) fn option_share(r: &Round, whole: u64, o: Id) -> f32 {
    if whole == 0 {
        0.0
    } else {
        r.total(o) as f32 / whole as f32
    }
}

/// How long option `o`'s bar in round `r` is when the `top` share fills `full`: to one scale
/// for every bar of a chart, and never so short that a non-zero count disappears.
pub(super) fn bar_length(r: &Round, whole: u64, o: Id, top: f32, full: f32) -> f32 {
    let len = if top > 0.0 {
        option_share(r, whole, o) / top * full
    } else {
        0.0
    };
    if r.total(o) > 0 { len.max(3.0) } else { len }
}

/// The longest bar of two rounds side by side, so both are drawn to one scale.
pub(super) fn largest_share(item: &Item, current: &Round, previous: Option<&Round>) -> f32 {
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
pub(super) fn count_and_share(share: Share, l: &ReportWords) -> String {
    format!("{} · {}", share.count, l.decimal.share(share))
}

/// A scale item (1–5, 0–10…): at least four options, all numbers. Shown as a histogram.
pub(super) fn is_scale(item: &Item) -> bool {
    item.options.len() >= 4
        && item
            .options
            .iter()
            .all(|o| parse_number(&o.label).is_some())
}

pub(super) fn parse_number(label: &str) -> Option<f64> {
    label.trim().replace(',', ".").parse::<f64>().ok()
}

/// Weighted mean of a scale over the counts `count(option)`; `None` when nobody answered.
pub(super) fn scale_mean(item: &Item, count: impl Fn(Id) -> u64) -> Option<f64> {
    let (mut sum, mut n) = (0.0, 0u64);
    for o in &item.options {
        let c = count(o.id);
        sum += parse_number(&o.label).unwrap_or(0.0) * c as f64;
        n += c;
    }
    (n > 0).then(|| sum / n as f64)
}

impl Canvas<'_> {
    /// The proposition smaller on top, the round's results below.
    pub(super) fn results(
        &mut self,
        session: &Session,
        item: &Item,
        current: &Round,
        content: Rect,
    ) {
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
        let previous = item.round_before(current.id).filter(|r| r.answers() > 0);
        if is_scale(item) {
            self.histogram(session, item, current, previous, chart);
        } else {
            self.bar_chart(session, item, current, previous, chart);
        }
    }

    /// The legend line: which round is which, with the number of answers.
    pub(super) fn legend(
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
    pub(super) fn bar(&self, rect: Rect, color: Color32, hatched: bool) {
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
    pub(super) fn bar_chart(
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
                let len = bar_length(r, whole, o.id, top_share, max_len);
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
    pub(super) fn group_rows(
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
    pub(super) fn histogram(
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
                let h = bar_length(r, whole, o.id, top_share, plot_h);
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
                let mean = scale_mean(item, |o| current.count(o, Some(g)))
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
}
