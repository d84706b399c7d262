//! The storage contract, run against both backends: each test below runs as
//! `sqlite::name` on a fresh SQLite file and as `postgres::name` on a fresh PostgreSQL
//! database (see `backend`).

mod accounts;
mod backend;
mod concurrency;
mod contact;
mod issues;
mod job_listings;
mod media;
mod news_desks;
mod newsroom;
mod nodes;
mod ordering;
mod schema;
mod search;
mod search_filters;
mod sitemaps;
mod stories;
mod translations;
