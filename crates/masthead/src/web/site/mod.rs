//! The reader site: one module per kind of page.

pub mod assets;
pub mod home;
pub mod listing;
pub mod newsletter;
pub mod resolve;
pub mod section;
pub mod shortlink;
pub mod story;
pub mod story_view;
