//! Reports: pure functions from a session to the bytes organisers send round after the event.
//!
//! Every report is deterministic (the same session gives the same bytes: no clock, no I/O, no
//! hash-map order), speaks the session's language through [`labels::Labels`], and never shows
//! the facilitator's private item notes.
//!
//! - [`markdown`]: the summary as Markdown (CommonMark with GitHub tables).

pub mod labels;
pub mod markdown;

pub use labels::{Labels, labels};
pub use markdown::markdown;
