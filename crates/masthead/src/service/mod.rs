//! Use cases behind the pages: the site's editions and menus, and the data each page shows.
//! Services see `Arc<dyn Store>`, never axum or SQL.

pub mod account;
pub mod front;
pub mod listing;
pub mod media;
pub mod newsroom;
pub mod revision;
pub mod site;
pub mod story;
pub mod story_edit;
pub mod story_form;
