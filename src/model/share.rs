//! Shares of a tally as every screen and report shows them, so the presenter, the beamer and
//! each report format write the same number for the same hands.
//!
//! A share is kept in whole tenths of a percent (1000 is everything), in integers so every
//! machine agrees. One share on its own is rounded to the nearest tenth, halves away from zero.
//! Parts of one whole (the options of a round, the options within one group) are rounded
//! together by the largest remainder method, so what is shown adds up to 100.0 %. A shift is
//! the difference of two shown shares, so it always matches the numbers beside it.

use super::{Id, Language, ResponseOption, Round};

/// All of a whole, in tenths of a percent.
const WHOLE: u128 = 1000;

/// `count` of `total`, with the share as shown, in tenths of a percent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Share {
    pub count: u64,
    pub total: u64,
    tenths: u64,
}

impl Share {
    /// A share on its own: the nearest tenth, halves away from zero; 0 when nobody answered.
    pub fn of(count: u64, total: u64) -> Share {
        let (c, t) = (u128::from(count), u128::from(total));
        let tenths = if total == 0 {
            0
        } else {
            (c * WHOLE * 2 + t) / (2 * t)
        };
        Share {
            count,
            total,
            tenths: u64::try_from(tenths).unwrap_or(u64::MAX),
        }
    }

    /// The share as shown, in tenths of a percent (0–1000 when the count is part of the total).
    pub fn tenths(self) -> u64 {
        self.tenths
    }

    /// From this share to a later one, in tenths of a percentage point: the difference of the
    /// shown shares, so a shown shift is always shown share minus shown share.
    pub fn shift_to(self, later: Share) -> i64 {
        let diff = i128::from(later.tenths) - i128::from(self.tenths);
        i64::try_from(diff).unwrap_or(if diff < 0 { i64::MIN } else { i64::MAX })
    }
}

/// Each count's share of `total`, rounded together with the largest remainder method: every
/// part gets its share rounded down, and the tenths still missing go to the parts with the
/// largest remainders (the earlier part on a tie). The parts add up to the share of their sum,
/// so to exactly 1000 when they are the whole.
pub fn parts(counts: &[u64], total: u64) -> Vec<Share> {
    if total == 0 {
        return counts.iter().map(|&c| Share::of(c, 0)).collect();
    }
    let t = u128::from(total);
    let exact: Vec<(u128, u128)> = counts
        .iter()
        .map(|&c| (u128::from(c) * WHOLE / t, u128::from(c) * WHOLE % t))
        .collect();
    let target = u128::from(Share::of(counts.iter().sum(), total).tenths);
    let floors: u128 = exact.iter().map(|(f, _)| f).sum();
    let mut order: Vec<usize> = (0..counts.len()).collect();
    order.sort_by(|&a, &b| exact[b].1.cmp(&exact[a].1).then(a.cmp(&b)));
    let missing = usize::try_from(target.saturating_sub(floors)).unwrap_or(usize::MAX);
    let mut tenths: Vec<u128> = exact.iter().map(|(f, _)| *f).collect();
    for &i in order.iter().take(missing) {
        tenths[i] += 1;
    }
    counts
        .iter()
        .zip(tenths)
        .map(|(&count, t)| Share {
            count,
            total,
            tenths: u64::try_from(t).unwrap_or(u64::MAX),
        })
        .collect()
}

/// The shares of a round's answers per option, in the options' order.
pub fn round_shares(round: &Round, options: &[ResponseOption]) -> Vec<Share> {
    let counts: Vec<u64> = options.iter().map(|o| round.total(o.id)).collect();
    parts(&counts, round.answers())
}

/// The shares per option within one group's answers (`None`: hands not attributed to a group).
pub fn group_shares(round: &Round, options: &[ResponseOption], group: Option<Id>) -> Vec<Share> {
    let counts: Vec<u64> = options
        .iter()
        .map(|o| u64::from(round.count(o.id, group)))
        .collect();
    parts(&counts, round.group_answers(group))
}

/// How numbers are written for a reader: the one place that knows the decimal separator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decimal {
    /// `12.5`: English, and machine-read files (RFC 4180 CSV).
    Point,
    /// `12,5`: Dutch, and the CSV for a Dutch Excel.
    Comma,
}

impl Decimal {
    /// The separator a reader of `language` expects (one of the language's words).
    pub fn of(language: Language) -> Decimal {
        super::words(language).report.decimal
    }

    /// Tenths as a number: `125` → `12.5` or `12,5`.
    pub fn number(self, tenths: u64) -> String {
        format!("{}{}{}", tenths / 10, self.separator(), tenths % 10)
    }

    /// Tenths as a percentage: `125` → `12.5%` or `12,5%`.
    pub fn percent(self, tenths: u64) -> String {
        format!("{}%", self.number(tenths))
    }

    /// A share as a percentage.
    pub fn share(self, share: Share) -> String {
        self.percent(share.tenths)
    }

    /// A change in tenths, always signed: `120` → `+12.0`, `-53` → `-5.3`, `0` → `±0.0`.
    pub fn signed(self, tenths: i64) -> String {
        let sign = match tenths.signum() {
            1 => "+",
            -1 => "-",
            _ => "±",
        };
        format!("{sign}{}", self.number(tenths.unsigned_abs()))
    }

    /// A measured value such as a mean, to one decimal: `3.25` → `3.2` or `3,2`.
    pub fn value(self, v: f64) -> String {
        let s = format!("{v:.1}");
        match self {
            Decimal::Point => s,
            Decimal::Comma => s.replace('.', ","),
        }
    }

    fn separator(self) -> char {
        match self {
            Decimal::Point => '.',
            Decimal::Comma => ',',
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn shown(counts: &[u64], total: u64) -> Vec<u64> {
        parts(counts, total).iter().map(|s| s.tenths()).collect()
    }

    #[test]
    fn a_share_alone_rounds_halves_away_from_zero() {
        assert_eq!(Share::of(1, 8).tenths(), 125);
        assert_eq!(Share::of(1, 16).tenths(), 63); // 6.25
        assert_eq!(Share::of(1, 3).tenths(), 333);
        assert_eq!(Share::of(2, 3).tenths(), 667);
        assert_eq!(Share::of(3, 24).tenths(), 125);
        assert_eq!(Share::of(5, 0).tenths(), 0);
        assert_eq!(Share::of(u64::MAX, u64::MAX).tenths(), 1000);
    }

    #[test]
    fn parts_of_a_whole_add_up_to_a_hundred() {
        assert_eq!(shown(&[1, 1, 1], 3), [334, 333, 333]);
        assert_eq!(shown(&[1, 2], 3), [333, 667]);
        assert_eq!(
            shown(&[1, 1, 1, 1, 1, 1, 1], 7),
            [143, 143, 143, 143, 143, 143, 142]
        );
        assert_eq!(shown(&[0, 0], 0), [0, 0]);
        assert_eq!(shown(&[2, 0], 2), [1000, 0]);
    }

    #[test]
    fn parts_of_part_of_the_answers_add_up_to_their_share() {
        // Two options shown out of three answers: they make up 66.7 %, not 100.
        assert_eq!(shown(&[1, 1], 3).iter().sum::<u64>(), 667);
    }

    #[test]
    fn a_shift_is_the_difference_of_the_shown_shares() {
        let (before, after) = (Share::of(11, 30), Share::of(3, 24));
        assert_eq!(before.tenths(), 367);
        assert_eq!(after.tenths(), 125);
        assert_eq!(before.shift_to(after), -242);
        assert_eq!(after.shift_to(before), 242);
    }

    #[test]
    fn numbers_are_written_per_language() {
        let (nl, en) = (Decimal::of(Language::Nl), Decimal::of(Language::En));
        assert_eq!(nl.percent(125), "12,5%");
        assert_eq!(en.percent(125), "12.5%");
        assert_eq!(nl.signed(-242), "-24,2");
        assert_eq!(en.signed(120), "+12.0");
        assert_eq!(en.signed(0), "±0.0");
        assert_eq!(en.number(0), "0.0");
        assert_eq!(nl.value(-1.5), "-1,5");
        assert_eq!(en.value(3.0), "3.0");
    }

    proptest! {
        #[test]
        fn shown_parts_always_sum_to_a_hundred(counts in prop::collection::vec(0u64..1_000_000, 1..12)) {
            let total: u64 = counts.iter().sum();
            let sum: u64 = shown(&counts, total).iter().sum();
            prop_assert_eq!(sum, if total == 0 { 0 } else { 1000 });
        }

        #[test]
        fn each_part_is_within_a_tenth_of_its_exact_share(counts in prop::collection::vec(0u64..10_000, 1..12)) {
            let total: u64 = counts.iter().sum();
            prop_assume!(total > 0);
            for s in parts(&counts, total) {
                let exact = s.count as f64 * 1000.0 / total as f64;
                prop_assert!((s.tenths() as f64 - exact).abs() < 1.0, "{s:?}");
            }
        }
    }
}
