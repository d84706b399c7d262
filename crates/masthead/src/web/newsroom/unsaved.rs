//! When the database does not answer, a newsroom form's text must not be lost: a form
//! POST that fails with 503 answers with a page that holds what was sent, ready to be
//! sent again once the database is back (its CSRF token is among the fields) or copied.
//! This wraps the session layer, so it also covers a session check that failed.
//!
//! Only fields named in [`KEPT`] come back (an allow-list: a field added to a form later
//! is dropped until it is named here); passwords are asked for again, empty.

use std::sync::Arc;

use axum::body::{Body, to_bytes};
use axum::extract::{OriginalUri, Request, State};
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use serde::Serialize;

use crate::service::story_form::credit_field;
use crate::web::error::ErrorInfo;
use crate::web::newsroom::session::{MAX_FORM, keep_private, url_pairs};
use crate::web::newsroom::view::AdminChrome;
use crate::web::state::AppState;

/// The newsroom's form fields that may be written back into a page: text people typed
/// and the choices and ids the forms carry. Nothing secret belongs here.
const KEPT: &[&str] = &[
    "csrf",
    "action",
    "base_revision",
    "number",
    // stories
    "kind",
    "headline",
    "standfirst",
    "slug",
    "section_id",
    "secondary_section_ids",
    "topic_ids",
    "keywords",
    "dateline",
    "hero_image_id",
    "recommended_ids",
    "gallery",
    "video_url",
    "seo_title",
    "seo_description",
    "body",
    "scheduled_at",
    // sections, menus, topics, keywords, fronts, breaking news
    "name",
    "description",
    "parent_id",
    "label",
    "url",
    "direction",
    "from",
    "into",
    "slot",
    "position",
    "story",
    "text",
    "expires",
    // media and accounts
    "caption",
    "credit",
    "alt",
    "focal_x",
    "focal_y",
    "email",
    "role",
    "disabled",
];

/// Password fields of the newsroom's forms (login, password change), with their label and
/// `autocomplete` value: never written back, asked for again empty.
const REASKED: &[(&str, &str, &str)] = &[
    ("password", "Password", "current-password"),
    ("current", "Current password", "current-password"),
    ("new", "New password", "new-password"),
];

/// Fields shown as text to copy, in this order, when the form has them.
const VISIBLE: &[&str] = &["headline", "standfirst", "body", "name", "text", "caption"];

/// A password field to type again.
#[derive(Serialize)]
struct Reasked {
    name: &'static str,
    label: &'static str,
    autocomplete: &'static str,
}

#[derive(Serialize)]
struct UnsavedPage<'a> {
    chrome: AdminChrome,
    action: &'a str,
    fields: Vec<(String, String)>,
    reasked: Vec<Reasked>,
    visible: Vec<(String, String)>,
}

/// Whether a field's value may be written back into the page.
fn is_kept(name: &str) -> bool {
    KEPT.contains(&name) || credit_field(name).is_some()
}

/// Keeps a urlencoded POST's fields and shows them again if the answer is 503.
pub async fn keep_unsaved_form(
    State(state): State<Arc<AppState>>,
    request: Request,
    next: Next,
) -> Response {
    let is_form = request.method() == Method::POST
        && request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return next.run(request).await;
    }
    // Inside the nested newsroom router the URI has lost its `/admin` prefix: the page
    // posts back to the URL the browser used.
    let action = request.extensions().get::<OriginalUri>().map_or_else(
        || format!("/admin{}", request.uri()),
        |uri| {
            uri.path_and_query()
                .map_or_else(|| uri.path().to_string(), ToString::to_string)
        },
    );
    let headers = request.headers().clone();
    let (parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_FORM).await else {
        return (
            StatusCode::PAYLOAD_TOO_LARGE,
            "The form is larger than 8 MB.",
        )
            .into_response();
    };
    let response = next
        .run(Request::from_parts(parts, Body::from(bytes.clone())))
        .await;
    let unavailable = response
        .extensions()
        .get::<ErrorInfo>()
        .is_some_and(|info| info.status == StatusCode::SERVICE_UNAVAILABLE);
    if !unavailable {
        return response;
    }
    let sent: Vec<(String, String)> = url_pairs(&bytes).collect();
    let page = UnsavedPage {
        chrome: AdminChrome::anonymous(&state, &headers),
        action: &action,
        reasked: REASKED
            .iter()
            .filter(|(name, ..)| sent.iter().any(|(key, _)| key == name))
            .map(|&(name, label, autocomplete)| Reasked {
                name,
                label,
                autocomplete,
            })
            .collect(),
        visible: VISIBLE
            .iter()
            .filter_map(|name| sent.iter().find(|(key, _)| key == name).cloned())
            .filter(|(_, value)| !value.trim().is_empty())
            .collect(),
        fields: sent.into_iter().filter(|(key, _)| is_kept(key)).collect(),
    };
    match state.theme.render("admin/unsaved.html", &page) {
        Ok(html) => {
            let mut page = (StatusCode::SERVICE_UNAVAILABLE, Html(html)).into_response();
            // A busy hashing pool says when to come back; the page keeps saying it.
            if let Some(value) = response.headers().get(header::RETRY_AFTER) {
                page.headers_mut()
                    .insert(header::RETRY_AFTER, value.clone());
            }
            keep_private(&mut page);
            page
        }
        Err(error) => {
            tracing::error!(error = %format!("{error:#}"), "rendering the unsaved-form page");
            response
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_neither_kept_nor_shown() {
        for (name, ..) in REASKED {
            assert!(!is_kept(name), "{name} is kept");
            assert!(!VISIBLE.contains(name), "{name} is shown");
        }
        assert!(VISIBLE.iter().all(|name| is_kept(name)));
    }

    #[test]
    fn only_named_fields_are_kept() {
        let cases = [
            ("headline", true, "story text"),
            ("credit_0_who", true, "a credit row"),
            (
                "credit_9_who",
                true,
                "a credit row the editor's script added",
            ),
            (
                "credit_1000_who",
                false,
                "beyond the highest credit row number",
            ),
            ("credit_2_name", false, "no such part of a credit row"),
            ("token", false, "unknown field"),
            ("api_key", false, "unknown field"),
            ("password_confirmation", false, "unknown password field"),
        ];

        for (name, kept, reason) in cases {
            assert_eq!(is_kept(name), kept, "{reason}: {name}");
        }
    }
}
