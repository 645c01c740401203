//! Stelling: an offline presenter for facilitators. The library holds everything; the binary
//! only parses arguments and starts the app or a command.

pub mod cli;
pub mod import;
pub mod live;
pub mod model;
pub mod platform;
pub mod report;
pub mod store;
pub mod ui;
