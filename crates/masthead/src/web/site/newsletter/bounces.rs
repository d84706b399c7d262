//! `POST /hooks/email`: reports of hard bounces and complaints, from a mail provider or
//! the relay's log, without a mailbox to read. The body is JSON, `{"email": "…", "kind":
//! "bounce"}` or `"complaint"`, signed in `X-Masthead-Signature` with the hex HMAC-SHA256
//! of the body under `[email] webhook_secret`. A bouncing address is sent nothing more; a
//! complaint also takes it off every list. An unknown address answers the same `204`.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::domain::email_address::parse_email;
use crate::domain::refusal::Refusal;
use crate::domain::signed::verify_body;
use crate::web::error::AppError;
use crate::web::state::AppState;

/// Reports larger than this are refused.
const MAX_REPORT: usize = 4096;

#[derive(Deserialize)]
struct Report {
    email: String,
    kind: String,
}

/// Marks the reported address as bouncing.
pub async fn report_bounce(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, AppError> {
    let secret = state.webhook_secret.as_ref().ok_or(AppError::NotFound)?;
    let signature = headers
        .get("x-masthead-signature")
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    if body.len() > MAX_REPORT || !verify_body(secret.expose().as_bytes(), &body, signature) {
        return Ok(StatusCode::UNAUTHORIZED.into_response());
    }
    let bad = || AppError::BadRequest(Refusal::BounceShape);
    let report: Report = serde_json::from_slice(&body).map_err(|_| bad())?;
    let complaint = match report.kind.as_str() {
        "bounce" => false,
        "complaint" => true,
        _ => return Err(bad()),
    };
    let email = parse_email(&report.email).map_err(|_| bad())?;
    let known = state
        .store
        .mark_bounced(&email, complaint, jiff::Timestamp::now())
        .await?;
    tracing::info!(known, complaint, "email bounce reported");
    Ok(StatusCode::NO_CONTENT.into_response())
}
