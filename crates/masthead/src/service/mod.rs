//! Use cases behind the pages: the site's editions and menus, and the data each page shows.
//! Services see `Arc<dyn Store>`, never axum or SQL.

pub mod front;
pub mod listing;
pub mod site;
pub mod story;
