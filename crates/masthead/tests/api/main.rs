//! Black-box tests: the app on a random port with a fresh copy of a small demo newsroom,
//! talked to over HTTP like a browser.

mod archive;
mod bad_input;
mod browser;
mod cli;
mod contact;
mod copy;
mod costly;
mod curation;
mod desk;
mod digest;
mod editor;
mod editor_input;
mod feeds;
mod helpers;
mod hostile;
mod jobs;
mod local_time;
mod login;
mod media;
mod media_files;
mod media_library;
mod media_s3;
mod metadata;
#[cfg(feature = "s3")]
mod moto;
mod newsletter;
mod newsroom;
mod newsroom_browser;
mod newsroom_forms;
mod nodes;
mod ops;
mod outage;
mod outage_forms;
mod page_cache;
mod pages;
mod people;
mod schedule;
mod search;
mod server;
mod sitemaps;
mod smtp;
mod story;
mod story_search;
mod validity;
mod webdriver;
