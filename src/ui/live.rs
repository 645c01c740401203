//! The app's side of live voting: starting and stopping the server for the open session, and
//! each frame recording what the phones sent and publishing what they should see.

use super::state::OpenSession;
use super::state::live::{Live, LiveOptions};
use crate::live::host::Link;
use crate::live::{LiveConfig, View, network};
use std::sync::{Arc, OnceLock};

/// The window to repaint when a ballot arrives; set on the first frame (the server may start
/// before there is a window, with `--live`).
pub type Waker = Arc<OnceLock<egui::Context>>;

/// Starts live mode on the open session (stopping a running one first) and returns the join
/// address.
pub fn start(
    open: &mut OpenSession,
    options: LiveOptions,
    waker: &Waker,
) -> std::io::Result<String> {
    open.live = None;
    let session = open.doc.session();
    let mut config = LiveConfig::new(session.id, session.language);
    if let Some(port) = options.port {
        config.port = port;
    }
    if let Some(bind) = options.bind {
        config.bind = bind;
    }
    let view = View::default();
    let waker = waker.clone();
    let link = Link::start(config, &open.doc, &view, move || {
        if let Some(ctx) = waker.get() {
            ctx.request_repaint();
        }
    })?;
    open.live = Some(Live {
        link,
        view,
        networks: network::networks(),
        chosen: None,
    });
    pump(open);
    Ok(open.live.as_ref().map(Live::join_url).unwrap_or_default())
}

/// Stops live mode; the phones' ballots stay in the session.
pub fn stop(open: &mut OpenSession) {
    open.live = None;
    open.view.join_code = false;
}

/// Records the phones' ballots in the document (no undo step; autosave saves them) and
/// publishes the room when it changed: the current item, its round, open, revealed, blank.
pub fn pump(open: &mut OpenSession) {
    if open.live.is_none() {
        return;
    }
    let (item, round) = match open.current_item() {
        Some(item) => (Some(item.id), open.view.current_round(item)),
        None => (None, None),
    };
    let OpenSession {
        doc, view, live, ..
    } = open;
    let Some(live) = live else { return };
    live.view.show(item, round);
    live.view.revealed = view.beamer.state.revealed;
    live.view.blank = view.beamer.state.blank;
    live.link.pump(doc, &live.view);
}
