//! Use cases behind the pages: the site's editions and menus, the data each page shows, and
//! every change the newsroom makes. Services see `Arc<dyn Store>`, never axum or SQL; those
//! that change something take the [`actor::Actor`], check its role themselves and refuse with
//! [`error::ServiceError`].

pub mod account;
pub mod actor;
pub mod address_lock;
pub mod agency_edit;
pub mod author_edit;
pub mod autosave;
pub mod breaking;
pub mod bulk;
pub mod contact;
pub mod counterpart;
pub mod crops;
pub mod demo_accounts;
pub mod error;
pub mod feed;
pub mod form_guard;
pub mod front;
pub mod front_edit;
pub mod gate;
pub mod hashing;
pub mod job_edit;
pub mod listing;
pub mod login;
pub mod media;
pub mod menu_edit;
pub mod news_desk;
pub mod newsletter;
pub mod newsroom;
pub mod revision;
pub mod search;
pub mod section_edit;
pub mod site;
pub mod site_tree;
pub mod story;
pub mod story_edit;
pub mod story_form;
pub mod suggest;
pub mod taxonomy_edit;
pub mod translation;
