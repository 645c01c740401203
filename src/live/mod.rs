//! Live voting: the room answers from their phones over the local network, with nothing in
//! the cloud. No egui here.
//!
//! - [`server`]: the HTTP server (axum on a tokio runtime on its own thread) that serves the
//!   phone page and takes ballots; it never touches the document.
//! - [`room`]: what the phones should see, built from the session and the facilitator's
//!   [`View`] by a pure function.
//! - [`host`]: [`Link`] records the phones' ballots in the document (no undo step, same
//!   autosave) and publishes the room, on the thread that owns the document; [`Host`] bundles
//!   document, autosave and link for tests, benchmarks and a headless run.
//!
//! Open for voting: a round is open while it is the current round of the current item and the
//! facilitator has not closed it ([`View::open`]); that lives only in memory, not in the file.
//! Showing another item or round opens voting on it. A ballot counts in the round that was
//! open when the server received it, even if the facilitator moved on before it was recorded.

pub mod host;
mod limit;
pub mod network;
pub mod page;
pub mod qr;
pub mod room;
pub mod server;

pub use host::{Host, Link};
pub use limit::Rate;
pub use room::{Room, Screen, View};
pub use server::{BODY_LIMIT, Incoming, LiveConfig, Server};
