//! Background work every app node runs: following the change log (dropping cached pages
//! and reloading the site's tree), the durable job queue (scheduled publishing, email,
//! newsletter issues), the newsletter clock, cutting images' crops, and pruning old log
//! rows.
//!
//! The change follower and the pruner work through narrow handles: the store, the site
//! tree ([`crate::service::site_tree::SiteTree`]), the page cache as a
//! [`changes::PageInvalidation`] and the node's [`changes::ChangeSignal`]. The job worker
//! and the newsletter clock also render email from the theme, so they hold the app's state.

pub mod changes;
pub mod crops;
pub mod indexer;
pub mod issues;
pub mod scheduler;
pub mod upkeep;
