//! Who may read `/metrics`: addresses in the `metrics_allow` ranges, or requests with the
//! `metrics_token` bearer token. With neither setting, nobody.

use std::net::IpAddr;

use axum::http::{HeaderMap, header};
use ipnet::IpNet;

use crate::config::{Config, Secret};

/// Parses addresses (`10.0.0.7`) and CIDR ranges (`10.0.0.0/8`).
pub fn parse_ranges(items: &[String]) -> anyhow::Result<Vec<IpNet>> {
    items
        .iter()
        .map(|item| {
            item.parse::<IpNet>()
                .or_else(|_| item.parse::<IpAddr>().map(IpNet::from))
                .map_err(|_| anyhow::anyhow!("{item:?} is not an address or CIDR range"))
        })
        .collect()
}

/// The `/metrics` access rule from the settings.
#[derive(Debug, Default)]
pub struct MetricsAccess {
    ranges: Vec<IpNet>,
    token: Option<Secret>,
}

impl MetricsAccess {
    /// The rule the configuration sets (validated at startup).
    pub fn from_config(config: &Config) -> anyhow::Result<MetricsAccess> {
        Ok(MetricsAccess {
            ranges: parse_ranges(&config.metrics_allow)?,
            token: config.metrics_token.clone(),
        })
    }

    /// Whether a request from `client` with these headers may read the metrics.
    pub fn allows(&self, client: IpAddr, headers: &HeaderMap) -> bool {
        let client = canonical(client);
        if self.ranges.iter().any(|range| range.contains(&client)) {
            return true;
        }
        let Some(token) = &self.token else {
            return false;
        };
        headers
            .get(header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.strip_prefix("Bearer "))
            .is_some_and(|sent| same_secret(sent.trim().as_bytes(), token.expose().as_bytes()))
    }
}

/// An IPv4 client seen through an IPv6 socket (`::ffff:10.0.0.7`) as its IPv4 address.
fn canonical(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(address, IpAddr::V4),
        IpAddr::V4(_) => address,
    }
}

/// Compares in time that depends on the length only, not on where the bytes differ.
fn same_secret(sent: &[u8], expected: &[u8]) -> bool {
    sent.len() == expected.len()
        && sent
            .iter()
            .zip(expected)
            .fold(0u8, |diff, (a, b)| diff | (a ^ b))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_and_ranges_parse_and_junk_is_named() {
        let good = [
            "127.0.0.1".to_string(),
            "10.0.0.0/8".to_string(),
            "::1".to_string(),
        ];
        let bad = ["10.0.0.0/33".to_string()];

        let ranges = parse_ranges(&good).expect("valid");
        let error = parse_ranges(&bad).expect_err("invalid");

        assert_eq!(ranges.len(), 3);
        assert!(ranges[1].contains(&"10.9.8.7".parse::<IpAddr>().expect("address")));
        assert!(error.to_string().contains("10.0.0.0/33"));
    }
}
