//! The newsroom under `/admin`: sessions and CSRF, login, the dashboard, the story
//! editor, curation (sections, menus, topics, keywords, fronts, breaking news), job
//! listings, authors and agencies, the newsletter, readers' contact messages and their
//! desks, accounts and the audit log. Every handler takes a `CurrentUser`, and every
//! action checks the role on the server.

pub mod agencies;
pub mod audit;
pub mod authors;
pub mod breaking;
pub mod contact;
pub mod curation;
pub mod dashboard;
pub mod desks;
pub mod form;
pub mod fronts;
pub mod guard;
pub mod jobs;
pub mod keywords;
pub mod login;
pub mod media;
pub mod menus;
pub mod multipart_token;
pub mod news_desk;
pub mod newsletter_list;
pub mod newsletters;
pub mod raw_form;
pub mod sections;
pub mod session;
pub mod story;
pub mod suggest;
pub mod topics;
pub mod unsaved;
pub mod users;
pub mod view;
