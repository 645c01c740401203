//! Fitting text: the largest size at which a text fits its box without cutting a word.

use super::*;

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
pub(super) const REFERENCE_SIZE: f32 = 40.0;

/// Fits a layout job built by `build(size, wrap_width)` into `avail`.
///
/// The search measures at [`REFERENCE_SIZE`] with a proportionally scaled wrap width (text
/// layout scales linearly up to pixel rounding), then the chosen size is checked with a real
/// layout and nudged down until it truly fits.
pub(super) fn fit_job(
    ui: &Ui,
    avail: Vec2,
    min: f32,
    max: f32,
    build: &dyn Fn(f32, f32) -> LayoutJob,
) -> Fit {
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
pub(super) fn breaks_a_word(galley: &Galley) -> bool {
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
pub(super) fn text_job(
    text: &str,
    size: f32,
    color: Color32,
    wrap: f32,
    halign: Align,
) -> LayoutJob {
    let text = crate::ui::style::clipped(text, crate::ui::style::BEAMER_CHARS).into_owned();
    let mut job = LayoutJob::simple(text, FontId::proportional(size), color, wrap);
    job.halign = halign;
    job
}

/// Remembers one fit per slot for as long as text and space stay the same, so a frame does
/// not repeat the search.
pub(super) fn cached_fit(
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

#[cfg(test)]
mod tests {
    use super::*;
    use egui::Pos2;

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
}
