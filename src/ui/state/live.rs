//! Live voting while a session is open: the running server, the ballots on their way from it,
//! and what the phones were last shown. Dropping it (closing the session, opening another,
//! quitting) stops the server.

use crate::live::View;
use crate::live::host::Link;
use crate::live::network::{self, Network};
use std::net::{IpAddr, Ipv4Addr};

/// Where the facilitator asked the server to listen (`--port`, `--bind`); the defaults are
/// port 8080 and every IPv4 address.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LiveOptions {
    pub port: Option<u16>,
    pub bind: Option<IpAddr>,
}

/// The running live mode of the open session.
pub struct Live {
    /// The server and the ballots on their way from it, recorded by the live module.
    pub link: Link,
    /// The facilitator's side: current item and round, open, revealed, blank.
    pub view: View,
    /// The laptop's IPv4 networks when live mode started (or was last refreshed).
    pub networks: Vec<Network>,
    /// The network the facilitator picked for the join address; the best one when `None`.
    pub chosen: Option<Ipv4Addr>,
}

impl Live {
    /// The address phones are shown: the picked network's, or the bound one when the server
    /// listens on one address only.
    pub fn host(&self) -> Option<IpAddr> {
        let bound = self.link.server().address().ip();
        if !bound.is_unspecified() {
            return Some(bound);
        }
        network::pick(&self.networks, self.chosen).map(IpAddr::V4)
    }

    /// `http://192.168.1.20:8080/`.
    pub fn join_url(&self) -> String {
        self.link.server().join_url(self.host())
    }

    /// The address without `http://` and the trailing slash, short enough for the beamer.
    pub fn short_url(&self) -> String {
        let url = self.join_url();
        url.trim_end_matches('/').to_string()
    }

    /// The self-test's findings for the address shown.
    pub fn findings(&self) -> Vec<network::Finding> {
        let shown = match self.host() {
            Some(IpAddr::V4(ip)) => Some(ip),
            _ => None,
        };
        network::self_test(
            &self.networks,
            shown,
            self.link.server().address().ip().is_loopback(),
        )
    }
}
