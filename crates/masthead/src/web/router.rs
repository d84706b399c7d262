//! The only route table.

use std::sync::Arc;

use axum::Router;
use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::get;

use crate::app::AppState;
use crate::web::middleware;
use crate::web::site::{assets, newsletter, resolve, shortlink};

/// Every route of the app, with its middleware.
pub fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/healthz", get(assets::health))
        .route("/assets/{file}", get(assets::show_asset))
        .route("/media/{*key}", get(assets::show_media))
        .route("/s/{code}", get(shortlink::follow_shortlink))
        .route("/", get(resolve::show_path))
        // Paths belong to editions, whose prefixes live in the database: one catch-all
        // resolves them (GET), and takes each edition's newsletter form (POST).
        .route(
            "/{*path}",
            get(resolve::show_path).post(newsletter::subscribe),
        )
        .layer(from_fn_with_state(state.clone(), middleware::render_errors))
        .layer(from_fn(middleware::security_headers))
        .with_state(state)
}
