//! The HTTP layer: its state, router, middleware, error mapping, views and the theme.

pub mod cache;
pub mod client;
pub mod error;
pub mod middleware;
pub mod newsroom;
pub mod ops;
pub mod router;
pub mod server;
pub mod site;
pub mod state;
pub mod theme;
pub mod view;
