//! The beamer's two themes and the contrast rules they are held to.

use super::*;

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
    use crate::report::palette::{
        BLACK, BLUE, GREEN, ORANGE, REDDISH_PURPLE, SKY_BLUE, VERMILLION, YELLOW,
    };
    use crate::ui::theme::rgb;
    let c = Color32::from_rgb;
    match theme {
        // Okabe–Ito darkened where needed to reach 3:1 on white.
        AudienceTheme::Light => Palette {
            background: c(0xFF, 0xFF, 0xFF),
            text: c(0x00, 0x00, 0x00),
            muted: c(0x4A, 0x4A, 0x4A),
            bars: [
                rgb(BLUE),
                rgb(VERMILLION),
                rgb(GREEN),
                c(0xB8, 0x56, 0x8E), // reddish purple, darkened
                c(0xB0, 0x78, 0x00), // orange, darkened
                c(0x44, 0x90, 0xBE), // sky blue, darkened
                c(0x8A, 0x82, 0x25), // yellow, darkened to olive
                rgb(BLACK),
            ],
        },
        // Okabe–Ito on near-black; blue lightened, black replaced by grey.
        AudienceTheme::Dark => Palette {
            background: c(0x10, 0x10, 0x10),
            text: c(0xFF, 0xFF, 0xFF),
            muted: c(0xC8, 0xC8, 0xC8),
            bars: [
                c(0x21, 0x84, 0xBC), // blue, lightened
                rgb(VERMILLION),
                rgb(GREEN),
                rgb(REDDISH_PURPLE),
                rgb(ORANGE),
                rgb(SKY_BLUE),
                rgb(YELLOW),
                c(0x99, 0x99, 0x99), // grey instead of black
            ],
        },
    }
}

/// WCAG 2.x relative luminance of an sRGB colour (alpha ignored), 0 for black to 1 for white.
pub fn relative_luminance(c: Color32) -> f64 {
    pub(super) fn channel(v: u8) -> f64 {
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
pub(super) fn ink_on(fill: Color32) -> Color32 {
    if contrast_ratio(fill, Color32::BLACK) >= contrast_ratio(fill, Color32::WHITE) {
        Color32::BLACK
    } else {
        Color32::WHITE
    }
}

/// `a` moved towards `b` by `t` (0: `a`, 1: `b`), opaque.
pub(super) fn mix(a: Color32, b: Color32, t: f32) -> Color32 {
    let m = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
    Color32::from_rgb(m(a.r(), b.r()), m(a.g(), b.g()), m(a.b(), b.b()))
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
