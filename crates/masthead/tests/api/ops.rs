//! Operations: the probes, `/metrics` and its access rules, and the request log.

mod exposition;
mod log;
mod metrics;
mod probes;
