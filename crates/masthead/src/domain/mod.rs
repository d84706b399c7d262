//! Rules of the news domain that need no I/O: dates as readers see them, page numbers,
//! slugs, and the words of each edition's interface.

pub mod i18n;
pub mod paging;
pub mod slug;
pub mod time;
