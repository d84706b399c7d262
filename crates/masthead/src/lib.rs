//! Masthead: a news publishing platform. This crate is the application: configuration,
//! services, the web layer and the command line's building blocks.

pub mod app;
pub mod archive;
pub mod cli;
pub mod config;
pub mod copy;
pub mod domain;
pub mod jobs;
pub mod mail;
pub mod media;
pub mod service;
pub mod web;
