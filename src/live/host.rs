//! The owner's side: the document, its autosave and the server together, with one `pump` that
//! records what the phones sent and publishes what the room should see. The app calls the same
//! pieces from its UI thread; tests and benchmarks use this host as it is.

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

/// A document with live voting: what tests, benchmarks and a headless `--live` run use.
pub struct Host {
    doc: Document,
    autosave: Option<Autosave>,
    server: Option<Server>,
    incoming: Option<mpsc::Receiver<Incoming>>,
    view: View,
    seeded: Option<(Id, Id)>,
}

impl Host {
    pub fn new(doc: Document, autosave: Option<Autosave>) -> Host {
        Host {
            doc,
            autosave,
            server: None,
            incoming: None,
            view: View::default(),
            seeded: None,
        }
    }

    /// Starts the server (with the devices' groups from the file) and returns its join
    /// address. `wake` is called from the server's thread after each ballot.
    pub fn start(
        &mut self,
        mut config: LiveConfig,
        wake: impl Fn() + Send + Sync + 'static,
    ) -> std::io::Result<String> {
        self.stop();
        config.session = self.doc.session().id;
        config.language = self.doc.session().language;
        config.device_groups = self.doc.session().device_groups();
        let (tx, rx) = mpsc::channel();
        let server = Server::start(config, self.room(), tx, wake)?;
        let url = server.join_url(None);
        self.server = Some(server);
        self.incoming = Some(rx);
        self.seeded = None;
        self.publish();
        Ok(url)
    }

    /// Stops listening; nothing more arrives.
    pub fn stop(&mut self) {
        if let Some(mut server) = self.server.take() {
            server.stop();
        }
        self.incoming = None;
    }

    pub fn server(&self) -> Option<&Server> {
        self.server.as_ref()
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
        let mut recorded = Vec::new();
        if let Some(rx) = &self.incoming {
            while let Ok(incoming) = rx.try_recv() {
                if let Some((device, cast)) = record(&mut self.doc, incoming)
                    && cast.changed()
                {
                    recorded.push((device, Instant::now()));
                }
            }
        }
        self.tick();
        self.publish();
        recorded
    }

    /// Like [`Host::pump`], first waiting up to `wait` for something to arrive.
    pub fn pump_waiting(&mut self, wait: std::time::Duration) -> Vec<(Device, Instant)> {
        let mut recorded = Vec::new();
        if let Some(rx) = &self.incoming
            && let Ok(first) = rx.recv_timeout(wait)
            && let Some((device, cast)) = record(&mut self.doc, first)
            && cast.changed()
        {
            recorded.push((device, Instant::now()));
        }
        recorded.extend(self.pump());
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
        let Some(server) = &self.server else {
            return;
        };
        if let (Some(item), Some(round)) = (self.view.item, self.view.round)
            && self.seeded != Some((item, round))
        {
            server.seed_round(round, round_answers(&self.doc, item, round));
            self.seeded = Some((item, round));
        }
        server.publish(Room::of(self.doc.session(), &self.view));
    }
}

impl Drop for Host {
    fn drop(&mut self) {
        self.stop();
    }
}
