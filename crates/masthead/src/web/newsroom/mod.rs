//! The newsroom under `/admin`: sessions and CSRF, login, the dashboard, the story
//! editor, accounts and the audit log. Every handler takes a `CurrentUser`, and every
//! action checks the role on the server.

pub mod audit;
pub mod dashboard;
pub mod login;
pub mod media;
pub mod raw_form;
pub mod session;
pub mod story;
pub mod users;
pub mod view;
