//! Every colour the reports and the presenter share, named once as plain RGB so the reports need
//! no GUI library; `ui::theme` turns them into egui colours.

/// Red, green, blue.
pub type Rgb = [u8; 3];

/// Body text and the lines of charts and tables.
pub const INK: Rgb = [0x1A, 0x1A, 0x1A];
/// The page behind it all.
pub const PAPER: Rgb = [0xFF, 0xFF, 0xFF];
/// Secondary text on paper, where [`GREY`] prints too light.
pub const PRINT_GREY: Rgb = [0x33, 0x33, 0x33];
/// Secondary text: who said it, dates, legends.
pub const GREY: Rgb = [0x55, 0x55, 0x55];
/// Thin rules between table rows.
pub const RULE: Rgb = [0xC8, 0xC8, 0xC8];
// The Okabe–Ito palette, safe for colour-blind readers.
/// Blue: the bar beside a prompt, the first chart colour, "for".
pub const BLUE: Rgb = [0x00, 0x72, 0xB2];
pub const ORANGE: Rgb = [0xE6, 0x9F, 0x00];
pub const GREEN: Rgb = [0x00, 0x9E, 0x73];
/// Vermillion: the star of a highlighted reaction, "against".
pub const VERMILLION: Rgb = [0xD5, 0x5E, 0x00];
pub const SKY_BLUE: Rgb = [0x56, 0xB4, 0xE9];
pub const REDDISH_PURPLE: Rgb = [0xCC, 0x79, 0xA7];
pub const YELLOW: Rgb = [0xF0, 0xE4, 0x42];
pub const BLACK: Rgb = [0x00, 0x00, 0x00];

/// Okabe–Ito-like purple for questions, which the chart palette does not use.
pub const PURPLE: Rgb = [0x6A, 0x3D, 0x9A];
/// The light box behind an item's prompt.
pub const PROMPT_FILL: Rgb = [0xF3, 0xF7, 0xFA];
/// The light box behind a highlighted reaction.
pub const HIGHLIGHT_FILL: Rgb = [0xFF, 0xF2, 0xE0];
/// Warnings and errors in the presenter: dark enough for 7:1 on white.
pub const WARNING: Rgb = [0xB0, 0x00, 0x20];

/// The Okabe–Ito palette without its yellow (too faint on white), in an order where
/// neighbours differ in lightness too. Bars of option `i` use `CHART[i % CHART.len()]`.
pub const CHART: [Rgb; 7] = [
    BLUE,
    ORANGE,
    GREEN,
    VERMILLION,
    SKY_BLUE,
    REDDISH_PURPLE,
    BLACK,
];

/// The chart colour of the `index`th option.
pub fn chart(index: usize) -> Rgb {
    CHART[index % CHART.len()]
}

/// `#RRGGBB`, as HTML and SVG write a colour.
pub fn hex(c: Rgb) -> String {
    format!("#{:02X}{:02X}{:02X}", c[0], c[1], c[2])
}

/// `#rrggbb` in lower case, or `#rgb` where each pair is one digit twice: as the HTML
/// report's stylesheet writes a colour.
pub fn css(c: Rgb) -> String {
    if c.iter().all(|x| x >> 4 == x & 0xF) {
        format!("#{:x}{:x}{:x}", c[0] & 0xF, c[1] & 0xF, c[2] & 0xF)
    } else {
        format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_is_upper_case_with_a_hash() {
        assert_eq!(hex(BLUE), "#0072B2");
        assert_eq!(hex(chart(7)), "#0072B2");
        assert_eq!(hex(chart(1)), "#E69F00");
    }

    #[test]
    fn css_is_lower_case_and_short_where_it_can_be() {
        assert_eq!(css(INK), "#1a1a1a");
        assert_eq!(css(GREY), "#555");
        assert_eq!(css(PAPER), "#fff");
    }
}
