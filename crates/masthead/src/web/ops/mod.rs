//! What operators use: `/healthz` and `/readyz` for probes, `/metrics` for Prometheus,
//! and the request log around the whole site.

pub mod access;
pub mod health;
pub mod metrics;
pub mod request_log;
pub mod route;
