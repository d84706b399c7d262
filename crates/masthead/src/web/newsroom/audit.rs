//! The audit log: who did what and when.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Query, State};
use axum::response::Html;
use serde::Serialize;

use crate::domain::permission::Action;
use crate::domain::time::{DisplayTime, newsroom_time};
use crate::web::error::AppError;
use crate::web::newsroom::session::CurrentUser;
use crate::web::newsroom::view::AdminChrome;
use crate::web::state::AppState;

/// Lines per page.
const PER_PAGE: u32 = 100;

#[derive(Serialize)]
struct AuditRow {
    at: DisplayTime,
    user: String,
    action: String,
    link: Option<String>,
    entity: String,
    detail: String,
}

#[derive(Serialize)]
struct AuditPage {
    chrome: AdminChrome,
    entries: Vec<AuditRow>,
    next_page: Option<u32>,
}

/// `GET /admin/audit?page=`.
pub async fn show_audit(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Html<String>, AppError> {
    user.require(Action::ReadAudit)?;
    let page: u32 = query
        .get("page")
        .and_then(|page| page.parse().ok())
        .unwrap_or(1)
        .clamp(1, 100_000);
    let mut entries = state
        .store
        .audit_log(PER_PAGE + 1, (page - 1) * PER_PAGE)
        .await?;
    let more = entries.len() > PER_PAGE as usize;
    entries.truncate(PER_PAGE as usize);
    let zone = state.site().newsroom_zone();
    let view = AuditPage {
        chrome: AdminChrome::new(&state, &user, "/admin/audit"),
        entries: entries
            .into_iter()
            .map(|entry| AuditRow {
                at: newsroom_time(entry.at, &zone, &user.user.language),
                user: entry.user_name.unwrap_or_else(|| "(system)".into()),
                link: (entry.entity == "story")
                    .then(|| entry.entity_id.map(|id| format!("/admin/stories/{id}")))
                    .flatten(),
                entity: match entry.entity_id {
                    Some(id) => format!("{} {id}", entry.entity),
                    None => entry.entity,
                },
                action: entry.action,
                detail: entry.detail,
            })
            .collect(),
        next_page: more.then_some(page + 1),
    };
    Ok(Html(state.theme.render("admin/audit.html", &view)?))
}
