//! Rules of the news domain that need no I/O: dates as readers see them, page numbers,
//! links, one-line names, job listing forms, the words of each edition's interface, and
//! who may do what in the newsroom. Slugs are `store::slug`, which the demo shares.

pub mod i18n;
pub mod job;
pub mod link;
pub mod paging;
pub mod permission;
pub mod reader_url;
pub mod text;
pub mod time;
