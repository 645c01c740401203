//! The owner's side: [`Link`] records what the phones sent in the document and publishes what
//! the room should see, on the thread that owns the document (the app's UI thread). [`Host`]
//! bundles a document, its autosave and a link for tests, benchmarks and a headless run.

use super::room::{Room, View};
use super::server::{Incoming, LiveConfig, Server};
use crate::model::{Cast, Device, Document, Id};
use crate::store::Autosave;
use std::sync::mpsc;
use std::time::Instant;

/// Records one message from a phone in the document, bypassing undo; `None` when it no longer
/// applies (its item or round was removed meanwhile).
pub fn record(doc: &mut Document, incoming: Incoming) -> Option<(Device, Cast)> {
    match incoming {
        Incoming::Vote {
            device,
            item,
            round,
            option,
            group,
        } => {
            let cast = doc
                .cast_ballot(item, round, device.clone(), option, group)
                .ok()?;
            Some((device, cast))
        }
        Incoming::Group {
            device,
            item: Some(item),
            round: Some(round),
            group,
        } => {
            let cast = doc.move_ballot_group(item, round, &device, group).ok()?;
            Some((device, cast))
        }
        Incoming::Group { .. } => None,
    }
}

/// The answers already recorded in a round, for [`Server::seed_round`].
pub fn round_answers(doc: &Document, item: Id, round: Id) -> Vec<(Device, Id)> {
    doc.session()
        .item(item)
        .and_then(|i| i.round(round))
        .map(|r| {
            r.ballots
                .iter()
                .map(|b| (b.device.clone(), b.option))
                .collect()
        })
        .unwrap_or_default()
}

/// The server as seen from the thread that owns the document: start it, then call
/// [`Link::pump`] whenever it wakes you (and after the facilitator's own changes). The app
/// keeps one next to its document; [`Host`] is one with a document and autosave of its own.
pub struct Link {
    server: Server,
    incoming: mpsc::Receiver<Incoming>,
    /// The round whose ballots from the file the server knows.
    seeded: Option<(Id, Id)>,
    /// The room last published, so an unchanged one is not built into the server again.
    published: Option<Room>,
}

impl Link {
    /// Starts the server for `doc` (its id salts the device keys, its language is the
    /// phones', its ballots give the devices' groups). `wake` is called from the server's
    /// thread after each ballot and when a phone connects or leaves.
    pub fn start(
        mut config: LiveConfig,
        doc: &Document,
        view: &View,
        wake: impl Fn() + Send + Sync + 'static,
    ) -> std::io::Result<Link> {
        let session = doc.session();
        config.session = session.id;
        config.language = session.language;
        config.device_groups = session.device_groups();
        let (tx, rx) = mpsc::channel();
        let server = Server::start(config, Room::of(session, view), tx, wake)?;
        let mut link = Link {
            server,
            incoming: rx,
            seeded: None,
            published: None,
        };
        link.publish(doc, view);
        Ok(link)
    }

    pub fn server(&self) -> &Server {
        &self.server
    }

    /// The room the phones were last shown.
    pub fn published(&self) -> Option<&Room> {
        self.published.as_ref()
    }

    /// The address phones open (with the laptop's address on the chosen network).
    pub fn join_url(&self, host: Option<std::net::IpAddr>) -> String {
        self.server.join_url(host)
    }

    /// Records what the phones sent in `doc` (no undo step; autosave sees the revision) and
    /// publishes what the room should see now. Returns the devices whose ballot changed the
    /// document, with when.
    pub fn pump(&mut self, doc: &mut Document, view: &View) -> Vec<(Device, Instant)> {
        let mut recorded = Vec::new();
        while let Ok(incoming) = self.incoming.try_recv() {
            if let Some((device, cast)) = record(doc, incoming)
                && cast.changed()
            {
                recorded.push((device, Instant::now()));
            }
        }
        self.publish(doc, view);
        recorded
    }

    /// Like [`Link::pump`], first waiting up to `wait` for something to arrive (a thread that
    /// does nothing else).
    pub fn pump_waiting(
        &mut self,
        doc: &mut Document,
        view: &View,
        wait: std::time::Duration,
    ) -> Vec<(Device, Instant)> {
        let mut recorded = Vec::new();
        if let Ok(first) = self.incoming.recv_timeout(wait)
            && let Some((device, cast)) = record(doc, first)
            && cast.changed()
        {
            recorded.push((device, Instant::now()));
        }
        recorded.extend(self.pump(doc, view));
        recorded
    }

    /// Serves the room for `view`; the first time a round is current in this run, the
    /// server learns the answers already in the file, so a returning phone sees its own.
    pub fn publish(&mut self, doc: &Document, view: &View) {
        if let (Some(item), Some(round)) = (view.item, view.round)
            && self.seeded != Some((item, round))
        {
            self.server
                .seed_round(round, round_answers(doc, item, round));
            self.seeded = Some((item, round));
        }
        let room = Room::of(doc.session(), view);
        if self.published.as_ref() != Some(&room) {
            self.server.publish(room.clone());
            self.published = Some(room);
        }
    }

    /// Stops listening and closes every connection (dropping the link does the same).
    pub fn stop(mut self) {
        self.server.stop();
    }
}

/// A document with live voting: what tests, benchmarks and a headless `--live` run use.
pub struct Host {
    doc: Document,
    autosave: Option<Autosave>,
    link: Option<Link>,
    view: View,
}

impl Host {
    pub fn new(doc: Document, autosave: Option<Autosave>) -> Host {
        Host {
            doc,
            autosave,
            link: None,
            view: View::default(),
        }
    }

    /// Starts the server and returns its join address. `wake` is called from the server's
    /// thread after each ballot and when a phone connects or leaves.
    pub fn start(
        &mut self,
        config: LiveConfig,
        wake: impl Fn() + Send + Sync + 'static,
    ) -> std::io::Result<String> {
        self.stop();
        let link = Link::start(config, &self.doc, &self.view, wake)?;
        let url = link.join_url(None);
        self.link = Some(link);
        Ok(url)
    }

    /// Stops listening; nothing more arrives.
    pub fn stop(&mut self) {
        if let Some(link) = self.link.take() {
            link.stop();
        }
    }

    pub fn server(&self) -> Option<&Server> {
        self.link.as_ref().map(Link::server)
    }

    pub fn doc(&self) -> &Document {
        &self.doc
    }

    /// For the facilitator's own changes; call [`Host::pump`] after them.
    pub fn doc_mut(&mut self) -> &mut Document {
        &mut self.doc
    }

    pub fn autosave(&self) -> Option<&Autosave> {
        self.autosave.as_ref()
    }

    pub fn view(&self) -> View {
        self.view
    }

    /// Makes an item's round current: voting opens on it and phones follow.
    pub fn show(&mut self, item: Option<Id>, round: Option<Id>) {
        self.view.show(item, round);
        self.publish();
    }

    pub fn set_open(&mut self, open: bool) {
        self.view.open = open;
        self.publish();
    }

    pub fn set_revealed(&mut self, revealed: bool) {
        self.view.revealed = revealed;
        self.publish();
    }

    pub fn set_blank(&mut self, blank: bool) {
        self.view.blank = blank;
        self.publish();
    }

    pub fn room(&self) -> Room {
        Room::of(self.doc.session(), &self.view)
    }

    /// Records everything the phones sent, lets autosave run and publishes the room. Returns
    /// the devices whose ballots changed the document, with when that happened.
    pub fn pump(&mut self) -> Vec<(Device, Instant)> {
        let recorded = match &mut self.link {
            Some(link) => link.pump(&mut self.doc, &self.view),
            None => Vec::new(),
        };
        self.tick();
        recorded
    }

    /// Like [`Host::pump`], first waiting up to `wait` for something to arrive.
    pub fn pump_waiting(&mut self, wait: std::time::Duration) -> Vec<(Device, Instant)> {
        let recorded = match &mut self.link {
            Some(link) => link.pump_waiting(&mut self.doc, &self.view, wait),
            None => Vec::new(),
        };
        self.tick();
        recorded
    }

    /// Starts a due autosave.
    pub fn tick(&mut self) {
        if let Some(autosave) = &mut self.autosave {
            autosave.tick(&self.doc, Instant::now());
        }
    }

    /// Saves what is unsaved now, waiting for it.
    pub fn flush(&mut self) -> Result<(), crate::store::SaveError> {
        match &mut self.autosave {
            Some(a) => a.flush(&self.doc, "live").map(|_| ()),
            None => Ok(()),
        }
    }

    fn publish(&mut self) {
        if let Some(link) = &mut self.link {
            link.publish(&self.doc, &self.view);
        }
    }
}

impl Drop for Host {
    fn drop(&mut self) {
        self.stop();
    }
}
