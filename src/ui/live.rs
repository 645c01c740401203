//! The app's side of live voting: starting and stopping the server for the open session, and
//! each frame recording what the phones sent and publishing what they should see.

use super::state::OpenSession;
use super::state::live::{Live, LiveOptions};
use crate::live::{LiveConfig, Room, Server, View, host, network};
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
    config.device_groups = session.device_groups();
    let view = View::default();
    let (tx, rx) = std::sync::mpsc::channel();
    let waker = waker.clone();
    let server = Server::start(config, Room::of(session, &view), tx, move || {
        if let Some(ctx) = waker.get() {
            ctx.request_repaint();
        }
    })?;
    open.live = Some(Live {
        server,
        incoming: rx,
        view,
        published: None,
        seeded: None,
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
    while let Ok(incoming) = live.incoming.try_recv() {
        host::record(doc, incoming);
    }
    live.view.show(item, round);
    live.view.revealed = view.beamer.state.revealed;
    live.view.blank = view.beamer.state.blank;
    if let (Some(item), Some(round)) = (live.view.item, live.view.round)
        && live.seeded != Some((item, round))
    {
        live.server
            .seed_round(round, host::round_answers(doc, item, round));
        live.seeded = Some((item, round));
    }
    let room = Room::of(doc.session(), &live.view);
    if live.published.as_ref() != Some(&room) {
        live.server.publish(room.clone());
        live.published = Some(room);
    }
}
