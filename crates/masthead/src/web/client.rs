//! The client's address as the app sees it: the connection's peer, or, when the peer is a
//! trusted proxy, the address that proxy says it forwarded for. Everything that limits or
//! logs by address reads it through [`ClientAddr`], which the server puts in every request.

use std::convert::Infallible;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use anyhow::Context;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderName};
use ipnet::IpNet;

/// The address of the client that sent a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientAddr(pub IpAddr);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<ClientAddr, Infallible> {
        // Requests served outside a listener (none today) have no peer: count them as one.
        Ok(parts
            .extensions
            .get::<ClientAddr>()
            .copied()
            .unwrap_or(ClientAddr(IpAddr::V4(Ipv4Addr::UNSPECIFIED))))
    }
}

/// The proxies (addresses or CIDR ranges) whose `X-Forwarded-For` and `Forwarded` headers
/// are believed. Empty by default: then the peer is the client, whatever a header says.
#[derive(Clone, Debug, Default)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    /// Parses `10.0.0.0/8`-style ranges and single addresses (`192.0.2.7`, `::1`).
    pub fn parse(entries: &[String]) -> anyhow::Result<TrustedProxies> {
        entries
            .iter()
            .map(|entry| {
                let entry = entry.trim();
                entry
                    .parse::<IpNet>()
                    .or_else(|_| entry.parse::<IpAddr>().map(IpNet::from))
                    .with_context(|| format!("{entry:?} is not an address or a CIDR range"))
            })
            .collect::<anyhow::Result<_>>()
            .map(TrustedProxies)
    }

    fn trusts(&self, address: IpAddr) -> bool {
        self.0.iter().any(|range| range.contains(&address))
    }

    /// The client of a request that arrived from `peer`: the peer itself unless it is
    /// trusted; else, walking the forwarding chain from the right, the first hop that is
    /// not a trusted proxy (a client cannot forge the hops its proxies append). A hop that
    /// does not parse ends the walk at the trusted hop before it.
    pub fn client_addr(&self, peer: IpAddr, headers: &HeaderMap) -> ClientAddr {
        let mut client = peer.to_canonical();
        if !self.trusts(client) {
            return ClientAddr(client);
        }
        for hop in forwarded_hops(headers).into_iter().rev() {
            let Some(hop) = hop else { break };
            client = hop.to_canonical();
            if !self.trusts(client) {
                break;
            }
        }
        ClientAddr(client)
    }
}

/// The forwarding chain, left (the original client) to right (the last proxy): from
/// `X-Forwarded-For`, which most proxies set, or else from `Forwarded`'s `for=`. `None`
/// stands for a hop that names no address (`unknown`, `_hidden`, garbage).
fn forwarded_hops(headers: &HeaderMap) -> Vec<Option<IpAddr>> {
    let values = |name: &HeaderName| {
        headers
            .get_all(name)
            .iter()
            .map(|value| value.to_str().ok())
            .collect::<Vec<_>>()
    };
    let forwarded_for = values(&HeaderName::from_static("x-forwarded-for"));
    if !forwarded_for.is_empty() {
        return forwarded_for
            .into_iter()
            .flat_map(|value| match value {
                Some(value) => value.split(',').map(parse_hop).collect(),
                None => vec![None],
            })
            .collect();
    }
    values(&axum::http::header::FORWARDED)
        .into_iter()
        .flat_map(|value| match value {
            Some(value) => value.split(',').map(forwarded_for_of).collect(),
            None => vec![None],
        })
        .collect()
}

/// The address in one element of a `Forwarded` header (`for=192.0.2.60;proto=https`).
fn forwarded_for_of(element: &str) -> Option<IpAddr> {
    element.split(';').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("for")
            .then(|| parse_hop(value))?
    })
}

/// One hop's address: `192.0.2.7`, `192.0.2.7:4711`, `2001:db8::1`, `"[2001:db8::1]:4711"`.
fn parse_hop(hop: &str) -> Option<IpAddr> {
    let hop = hop.trim().trim_matches('"');
    if let Some(bracketed) = hop.strip_prefix('[') {
        return bracketed.split_once(']')?.0.parse().ok();
    }
    hop.parse::<IpAddr>()
        .ok()
        .or_else(|| hop.parse::<SocketAddr>().ok().map(|socket| socket.ip()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn proxies(entries: &[&str]) -> TrustedProxies {
        let entries: Vec<String> = entries.iter().map(|entry| entry.to_string()).collect();
        TrustedProxies::parse(&entries).expect("valid ranges")
    }

    fn client(trusted: &TrustedProxies, peer: &str, headers: &[(&str, &str)]) -> String {
        let mut map = HeaderMap::new();
        for (name, value) in headers {
            map.append(
                HeaderName::from_bytes(name.as_bytes()).expect("name"),
                value.parse().expect("value"),
            );
        }
        trusted
            .client_addr(peer.parse().expect("peer"), &map)
            .0
            .to_string()
    }

    #[test]
    fn addresses_and_ranges_parse_and_garbage_is_named() {
        let error = TrustedProxies::parse(&["10.0.0.0/8".into(), "proxy.internal".into()])
            .expect_err("a host name is not an address");

        assert!(format!("{error:#}").contains("proxy.internal"));
        assert!(
            proxies(&["10.0.0.0/8", "192.0.2.7", "::1", "fd00::/8"])
                .trusts("::1".parse().expect("ip"))
        );
    }

    #[test]
    fn the_client_address_is_the_rightmost_hop_that_is_not_a_trusted_proxy() {
        let trusted = proxies(&["10.0.0.0/8", "192.0.2.7"]);
        type Headers = &'static [(&'static str, &'static str)];
        const XFF: &str = "x-forwarded-for";
        let cases: &[(&str, Headers, &str, &str)] = &[
            (
                "203.0.113.5",
                &[(XFF, "198.51.100.1")],
                "203.0.113.5",
                "untrusted peer: header ignored",
            ),
            ("10.0.0.2", &[], "10.0.0.2", "trusted peer without a header"),
            (
                "10.0.0.2",
                &[(XFF, "198.51.100.1")],
                "198.51.100.1",
                "one proxy",
            ),
            (
                "10.0.0.2",
                &[(XFF, "1.1.1.1, 198.51.100.1, 192.0.2.7")],
                "198.51.100.1",
                "a forged left part is skipped",
            ),
            (
                "10.0.0.2",
                &[(XFF, "1.1.1.1"), (XFF, "198.51.100.1")],
                "198.51.100.1",
                "several header lines",
            ),
            (
                "10.0.0.2",
                &[(XFF, "10.0.0.9, 10.0.0.8")],
                "10.0.0.9",
                "all trusted: the leftmost",
            ),
            (
                "10.0.0.2",
                &[(XFF, "1.1.1.1, nonsense, 10.0.0.8")],
                "10.0.0.8",
                "garbage ends the walk",
            ),
            (
                "10.0.0.2",
                &[(XFF, "198.51.100.1:4711")],
                "198.51.100.1",
                "a port is dropped",
            ),
            (
                "10.0.0.2",
                &[("forwarded", "for=\"[2001:db8::1]:4711\";proto=https")],
                "2001:db8::1",
                "Forwarded with IPv6",
            ),
            (
                "10.0.0.2",
                &[("forwarded", "for=1.1.1.1, For=198.51.100.1;by=10.0.0.2")],
                "198.51.100.1",
                "Forwarded chain",
            ),
            (
                "10.0.0.2",
                &[("forwarded", "for=_hidden")],
                "10.0.0.2",
                "an obfuscated hop",
            ),
            (
                "10.0.0.2",
                &[(XFF, "198.51.100.1"), ("forwarded", "for=1.1.1.1")],
                "198.51.100.1",
                "X-Forwarded-For wins",
            ),
            (
                "::ffff:10.0.0.2",
                &[(XFF, "198.51.100.1")],
                "198.51.100.1",
                "an IPv4-mapped peer",
            ),
        ];

        for (peer, headers, expected, reason) in cases {
            assert_eq!(client(&trusted, peer, headers), *expected, "{reason}");
        }
    }
}
