//! Probes: `/healthz` (the process answers; no database access) and `/readyz` (the
//! database answers within a second and the change follower is running).

use std::sync::Arc;
use std::time::Duration;

use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::web::state::AppState;

/// How long the database may take to answer the readiness probe.
const DATABASE_TIMEOUT: Duration = Duration::from_secs(1);

/// `GET /healthz`: liveness; answers whatever the database does.
pub async fn show_health() -> Response {
    probe_answer(StatusCode::OK, "ok\n".to_string())
}

/// `GET /readyz`: 200 when this node can serve everything, 503 (naming what is wrong)
/// when the database does not answer in time or the change follower has stopped.
pub async fn show_readiness(State(state): State<Arc<AppState>>) -> Response {
    let database = match tokio::time::timeout(DATABASE_TIMEOUT, state.store.ping()).await {
        Ok(Ok(())) => None,
        Ok(Err(error)) => Some(format!("database: {error}")),
        Err(_) => Some("database: no answer within 1 s".to_string()),
    };
    let follower = (!state.follower.is_running()).then(|| "change follower: stopped".to_string());
    let problems: Vec<String> = database.into_iter().chain(follower).collect();
    if problems.is_empty() {
        probe_answer(StatusCode::OK, "ready\n".to_string())
    } else {
        tracing::warn!(problems = %problems.join("; "), "not ready");
        probe_answer(StatusCode::SERVICE_UNAVAILABLE, problems.join("\n") + "\n")
    }
}

/// A plain-text probe answer that no cache keeps.
fn probe_answer(status: StatusCode, text: String) -> Response {
    let mut response = (status, text).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
