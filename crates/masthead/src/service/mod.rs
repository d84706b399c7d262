//! Use cases behind the pages: the site's editions and menus, and the data each page shows.
//! Services see `Arc<dyn Store>`, never axum or SQL.

pub mod account;
pub mod breaking;
pub mod curation;
pub mod demo_accounts;
pub mod front;
pub mod front_edit;
pub mod gate;
pub mod hashing;
pub mod listing;
pub mod media;
pub mod menu_edit;
pub mod newsroom;
pub mod revision;
pub mod section_edit;
pub mod site;
pub mod story;
pub mod story_edit;
pub mod story_form;
pub mod taxonomy_edit;
