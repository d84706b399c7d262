//! Background work every app node runs: following the change log (dropping cached pages
//! and reloading the site's tree), the durable job queue (scheduled publishing), and
//! pruning old log rows.
//!
//! Jobs work through narrow handles, never the web layer's state: the store, the site tree
//! ([`crate::service::site_tree::SiteTree`]), the page cache as a
//! [`changes::PageInvalidation`] and the node's [`changes::ChangeSignal`]. `app.rs` makes
//! them and hands the same ones to the web layer.

pub mod changes;
pub mod scheduler;
pub mod upkeep;
