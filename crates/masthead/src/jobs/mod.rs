//! Background work every app node runs: following the change log (dropping cached pages
//! and reloading the site's tree), and the durable job queue (scheduled publishing).

pub mod changes;
pub mod scheduler;
