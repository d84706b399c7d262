//! Rules of the news domain that need no I/O: dates as readers see them, page numbers,
//! links, one-line names, job listing forms, the words of each edition's interface, who
//! may do what in the newsroom, email addresses, signed links, the public forms'
//! challenge, the path segments the site keeps for itself, the search page's form and the
//! names of the files crawlers ask for (`robots.txt`, sitemaps).
//! Slugs are `store::slug`, which the demo shares.

pub mod challenge;
pub mod contact;
pub mod email_address;
pub mod i18n;
pub mod i18n_contact;
pub mod i18n_newsroom;
pub mod i18n_newsroom_account;
pub mod i18n_newsroom_aids;
pub mod i18n_newsroom_desks;
pub mod i18n_newsroom_editor;
pub mod i18n_newsroom_editor_script;
pub mod i18n_newsroom_history;
pub mod i18n_newsroom_mail;
pub mod i18n_newsroom_media;
pub mod i18n_newsroom_people;
pub mod i18n_newsroom_picker;
pub mod i18n_newsroom_shared;
pub mod i18n_newsroom_site;
pub mod i18n_newsroom_stories;
pub mod i18n_newsroom_taxonomy;
pub mod i18n_newsroom_typeahead;
pub mod i18n_search;
pub mod job;
pub mod link;
pub mod news_desk;
pub mod paging;
pub mod permission;
pub mod publish_checklist;
pub mod reader_url;
pub mod refusal;
pub mod reserved;
pub mod search_form;
pub mod signed;
pub mod site_file;
pub mod story_filter;
pub mod suggest;
pub mod text;
pub mod time;
