//! The story editor and everything around it: list, bulk actions, create, edit and save,
//! preview, autosave and presence, revisions and conflicts.

pub mod aids_view;
pub mod autosave;
pub mod bulk;
pub mod edit;
pub mod editor_view;
pub mod list;
pub mod open;
pub mod preview;
pub mod revisions;
pub mod translation;
