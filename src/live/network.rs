//! The laptop's networks as phones see them: its IPv4 addresses, physical adapters first, and a
//! self-test of what probably keeps phones from reaching it. The classification is a pure
//! function of the interface names and addresses; only [`networks`] asks the system.

use std::net::Ipv4Addr;

/// One IPv4 address of the laptop on one interface.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Network {
    pub name: String,
    pub ip: Ipv4Addr,
    pub kind: Kind,
}

/// What kind of network an interface probably is, best for phones first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// Wi-Fi or Ethernet: phones on the same network can reach it.
    Physical,
    /// A VPN, a virtual machine's or a container's adapter: phones cannot reach it.
    Virtual,
    /// 127.x: only this laptop.
    Loopback,
}

/// What the self-test found, for the presenter to say in plain words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Finding {
    /// No network but loopback: phones cannot reach the laptop at all.
    OnlyLoopback,
    /// The chosen address belongs to a VPN or virtual adapter.
    VirtualChosen,
    /// The server listens on 127.0.0.1 only (a test or `--bind 127.0.0.1`).
    LoopbackBound,
}

/// Names of adapters that are not a real network phones can join.
const VIRTUAL: &[&str] = &[
    "docker",
    "veth",
    "br-",
    "virbr",
    "vmnet",
    "vbox",
    "tun",
    "tap",
    "wg",
    "utun",
    "zt",
    "tailscale",
    "vpn",
    "ppp",
    "hyper-v",
    "vethernet",
    "virtual",
    "lxc",
    "lxd",
    "podman",
];

/// The kind of an interface from its name and address.
pub fn kind(name: &str, ip: Ipv4Addr) -> Kind {
    let lower = name.to_lowercase();
    if ip.is_loopback() {
        Kind::Loopback
    } else if ip.is_link_local()
        || VIRTUAL
            .iter()
            .any(|v| lower.starts_with(v) || lower.contains(v))
    {
        Kind::Virtual
    } else {
        Kind::Physical
    }
}

/// Sorted: physical first, then virtual, loopback last; by name within a kind.
pub fn sorted(mut list: Vec<Network>) -> Vec<Network> {
    list.sort_by(|a, b| (a.kind, &a.name, a.ip).cmp(&(b.kind, &b.name, b.ip)));
    list.dedup();
    list
}

/// The laptop's IPv4 networks now, best first (empty when the system will not say).
pub fn networks() -> Vec<Network> {
    let list = if_addrs::get_if_addrs()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|i| match i.addr {
            if_addrs::IfAddr::V4(v4) => Some(Network {
                kind: kind(&i.name, v4.ip),
                name: i.name,
                ip: v4.ip,
            }),
            _ => None,
        })
        .collect();
    sorted(list)
}

/// The address to show phones: the chosen one if still there, else the best.
pub fn pick(networks: &[Network], chosen: Option<Ipv4Addr>) -> Option<Ipv4Addr> {
    chosen
        .filter(|c| networks.iter().any(|n| n.ip == *c))
        .or_else(|| networks.first().map(|n| n.ip))
}

/// What probably keeps phones from reaching `shown` (the address in the QR).
pub fn self_test(
    networks: &[Network],
    shown: Option<Ipv4Addr>,
    bound_loopback: bool,
) -> Vec<Finding> {
    let mut found = Vec::new();
    if bound_loopback {
        found.push(Finding::LoopbackBound);
    }
    if networks.iter().all(|n| n.kind == Kind::Loopback) {
        found.push(Finding::OnlyLoopback);
    } else if let Some(ip) = shown
        && networks
            .iter()
            .any(|n| n.ip == ip && n.kind == Kind::Virtual)
    {
        found.push(Finding::VirtualChosen);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn net(name: &str, ip: [u8; 4]) -> Network {
        let ip = Ipv4Addr::from(ip);
        Network {
            name: name.into(),
            ip,
            kind: kind(name, ip),
        }
    }

    #[test]
    fn physical_first_then_virtual_then_loopback() {
        let list = sorted(vec![
            net("lo", [127, 0, 0, 1]),
            net("docker0", [172, 17, 0, 1]),
            net("wlp2s0", [192, 168, 1, 20]),
            net("tun0", [10, 8, 0, 2]),
        ]);
        let names: Vec<&str> = list.iter().map(|n| n.name.as_str()).collect();
        assert_eq!(names, ["wlp2s0", "docker0", "tun0", "lo"]);
        assert_eq!(pick(&list, None), Some(Ipv4Addr::new(192, 168, 1, 20)));
        assert_eq!(
            pick(&list, Some(Ipv4Addr::new(10, 8, 0, 2))),
            Some(Ipv4Addr::new(10, 8, 0, 2))
        );
        assert_eq!(
            pick(&list, Some(Ipv4Addr::new(1, 2, 3, 4))),
            Some(Ipv4Addr::new(192, 168, 1, 20))
        );
    }

    #[test]
    fn self_test_names_loopback_and_virtual() {
        let lo = vec![net("lo", [127, 0, 0, 1])];
        assert_eq!(
            self_test(&lo, pick(&lo, None), false),
            [Finding::OnlyLoopback]
        );
        let both = sorted(vec![
            net("wlan0", [192, 168, 0, 5]),
            net("wg0", [10, 0, 0, 2]),
        ]);
        assert!(self_test(&both, pick(&both, None), false).is_empty());
        assert_eq!(
            self_test(&both, Some(Ipv4Addr::new(10, 0, 0, 2)), true),
            [Finding::LoopbackBound, Finding::VirtualChosen]
        );
        assert_eq!(
            kind("Ethernet", Ipv4Addr::new(169, 254, 3, 4)),
            Kind::Virtual
        );
    }
}
