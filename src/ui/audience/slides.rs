//! The slides that are not charts: the title slide, a proposition with its options, the
//! highlighted quotes and the listings of proposals, commitments and statements.

use super::*;

impl Canvas<'_> {
    pub(super) fn title_slide(&mut self, session: &Session, content: Rect) {
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
    pub(super) fn proposition(&mut self, item: &Item, content: Rect) {
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
    pub(super) fn option_chips(&mut self, item: &Item, rect: Rect) {
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
    pub(super) fn chip_rows(
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

    pub(super) fn chip_width(&self, key: &str, label: &str, size: f32) -> f32 {
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

    pub(super) fn badge_size(&self, key: &str, size: f32) -> Vec2 {
        let g = self.text(key, size * 0.85, self.pal.text, f32::INFINITY);
        let h = size * 1.35;
        vec2((g.size().x + size * 0.6).max(h), h)
    }

    pub(super) fn paint_chips(
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

    /// Highlighted reactions of every round, one at a time, large.
    pub(super) fn quotes(&mut self, session: &Session, item: &Item, index: usize, content: Rect) {
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
    pub(super) fn listing(&mut self, session: &Session, item: &Item, content: Rect) {
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
        let title = crate::ui::style::clipped(item.text.trim(), crate::ui::style::BEAMER_CHARS);
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
                let text = &crate::ui::style::clipped(text, crate::ui::style::BEAMER_CHARS);
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
