//! The domain: sessions, agenda items, rounds, tallies, reactions, proposals, commitments and
//! statements, and every change to them. No egui and no I/O here.

mod change;
pub mod dates;
mod history;
mod id;
pub mod merge;
pub mod sample;
mod session;
mod share;
pub mod shorten;
pub mod validate;
pub mod words;

pub use change::Change;
pub use history::{Document, UNDO_LIMIT};
pub use id::Id;
pub use session::*;
pub use share::{Decimal, Share, group_shares, parts, round_shares};
pub use validate::ModelError;
pub use words::words;
