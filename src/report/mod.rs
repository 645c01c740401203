//! Reports: pure functions from a session to the bytes organisers send round after the event.
//!
//! Every report is deterministic (the same session gives the same bytes: no clock, no I/O, no
//! hash-map order), speaks the session's language through [`labels::Labels`], and never shows
//! the facilitator's private item notes. What a report says is worked out once in
//! [`summary`]; each format only writes it down.
//!
//! - [`markdown`]: the summary as Markdown (CommonMark with GitHub tables).
//! - [`html`]: one self-contained HTML file with inline CSS and SVG charts, also for print.
//! - [`pdf`]: an A4 PDF with vector charts and page numbers, fonts embedded.
//! - [`csv`]: one tidy table of tallies and reactions, plain or for (Dutch) Excel.
//! - [`ics`]: an iCalendar file with the follow-up dates of commitments.
//!
//! Participants' texts reach every format through [`bidi`], so a right-to-left override in a
//! reaction cannot reverse the text after it.

pub mod bidi;
pub mod csv;
pub mod html;
pub mod ics;
pub mod labels;
pub mod markdown;
pub mod palette;
pub mod pdf;
pub mod summary;

pub use self::csv::csv;
pub use html::html;
pub use ics::ics;
pub use labels::{Labels, labels};
pub use markdown::markdown;
pub use pdf::{PdfError, pdf};
pub use summary::{Summary, summary};
