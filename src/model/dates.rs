//! The years a session's dates may have. chrono reads years up to ±262,143, but a calendar
//! (iCalendar writes `YYYYMMDD`), a spreadsheet and a facilitator all expect four digits, so a
//! date outside 1000–9999 is refused when a file is read and when a change would make one.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use serde::Deserializer;
use std::ops::RangeInclusive;

/// A moment with the local offset it was recorded in, so the file reads as the clock did.
pub type Timestamp = DateTime<FixedOffset>;

/// The years a date in a session may have.
pub const YEARS: RangeInclusive<i32> = 1000..=9999;

/// Whether `date` has a four-digit year.
pub fn in_range(date: NaiveDate) -> bool {
    YEARS.contains(&date.year())
}

/// The error for a text that is no date in [`YEARS`]: what was read and what is allowed.
fn not_a_date<E: serde::de::Error>(text: &str, what: &str, example: &str) -> E {
    E::custom(format!(
        "\"{text}\" is not {what} Stelling can use: write it as \"{example}\" (a year from {} \
         to {})",
        YEARS.start(),
        YEARS.end()
    ))
}

/// Reads a date or moment from its text (as chrono writes it) and checks its years itself, so a
/// file gets one clear message whether chrono cannot read the text (`20000-01-01` needs a `+`)
/// or reads a year no calendar can hold. ron puts the position in front.
struct Checked<T> {
    what: &'static str,
    example: &'static str,
    ok: fn(&T) -> bool,
}

impl<T: std::str::FromStr> serde::de::Visitor<'_> for Checked<T> {
    type Value = T;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "{} in double quotes", self.what)
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<T, E> {
        match text.parse::<T>() {
            Ok(value) if (self.ok)(&value) => Ok(value),
            _ => Err(not_a_date(text, self.what, self.example)),
        }
    }
}

/// An optional value read through [`Checked`].
struct OptionChecked<T>(Checked<T>);

impl<'de, T: std::str::FromStr> serde::de::Visitor<'de> for OptionChecked<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        self.0.expecting(f)
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self.0).map(Some)
    }
}

/// Reads an optional date and refuses one outside [`YEARS`], so the error has the position.
pub(super) fn option_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    d.deserialize_option(OptionChecked(Checked {
        what: "a date",
        example: "2026-03-11",
        ok: |date: &NaiveDate| in_range(*date),
    }))
}

/// Whether a moment's date is in [`YEARS`] both as written and in UTC (calendars use UTC).
pub fn moment_in_range(t: Timestamp) -> bool {
    in_range(t.naive_local().date()) && in_range(t.naive_utc().date())
}

/// Reads an optional moment and refuses one outside [`YEARS`].
pub(super) fn option_timestamp<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<Timestamp>, D::Error> {
    d.deserialize_option(OptionChecked(Checked {
        what: "a date and time",
        example: "2026-03-11T13:30:00+01:00",
        ok: |t: &Timestamp| moment_in_range(*t),
    }))
}
