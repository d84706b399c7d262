//! The story editor's media picker talks JSON to these, under `/admin/media/picker`:
//! `GET` searches the library (as the library page does, newest first, paged), `POST`
//! uploads one image (the library's upload service and limits), `GET {id}` reads one image
//! and `POST {id}` saves its caption, credit, alt text and focal point. Writes carry the
//! session's token in `X-CSRF-Token`, as the autosave does. A refusal is answered with
//! `{"error": "..."}` and a 4xx status, never with an HTML page.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use store::LibraryImage;

use crate::domain::permission::{Action, allows, may_edit_image};
use crate::domain::refusal::{Refusal, field_words};
use crate::service::error::ServiceError;
use crate::service::media::{ImageInput, update_image, upload_image};
use crate::service::story_form::FieldErrors;
use crate::web::error::AppError;
use crate::web::newsroom::form::Form;
use crate::web::newsroom::media::library::{library_slice, nearest_rendition};
use crate::web::newsroom::media::upload_form::read_upload_form;
use crate::web::newsroom::session::CurrentUser;
use crate::web::state::AppState;

/// Images per page of search results.
const PER_PAGE: u32 = 24;

/// One image as the picker shows it.
#[derive(Debug, Serialize)]
pub struct PickerImage {
    id: i64,
    /// The 320-pixel JPEG (or the narrowest rendition), if any.
    thumb: Option<String>,
    thumb_width: u32,
    thumb_height: u32,
    /// The original's size.
    width: u32,
    height: u32,
    caption: String,
    credit: String,
    alt: String,
    focal_x: f32,
    focal_y: f32,
    /// Whether this account may change the text and focal point.
    can_edit: bool,
    /// The image's page in the library.
    edit_url: String,
}

impl PickerImage {
    fn new(item: LibraryImage, user: &CurrentUser) -> PickerImage {
        let image = item.image;
        let thumb = nearest_rendition(&image.renditions, 320);
        PickerImage {
            id: image.id,
            thumb: thumb.map(|rendition| format!("/media/{}", rendition.key)),
            thumb_width: thumb.map_or(0, |rendition| rendition.width),
            thumb_height: thumb.map_or(0, |rendition| rendition.height),
            width: image.width,
            height: image.height,
            caption: image.caption,
            credit: image.credit,
            alt: image.alt,
            focal_x: image.focal_x,
            focal_y: image.focal_y,
            can_edit: may_edit_image(user.user.role, user.user.id, item.uploaded_by),
            edit_url: format!("/admin/media/{}", image.id),
        }
    }
}

/// A page of search results.
#[derive(Debug, Serialize)]
pub struct PickerResults {
    images: Vec<PickerImage>,
    page: u32,
    next_page: Option<u32>,
    total: u64,
}

/// The search's query string.
#[derive(Debug, Default, Deserialize)]
pub struct PickerQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    page: Option<u32>,
}

/// A refusal as JSON, with the status the error would have anyway.
fn refusal(error: AppError, user: &CurrentUser) -> Response {
    let status = error.status();
    let refusal = match error {
        AppError::NotFound => Refusal::NoSuchImage,
        AppError::Forbidden => Refusal::RoleForbids,
        AppError::BadRequest(refusal) => refusal,
        other => return other.into_response(),
    };
    let message = refusal.words(&user.user.language);
    (status, Json(serde_json::json!({ "error": message }))).into_response()
}

/// Whether the account may use the picker: those who may upload.
fn allowed(user: &CurrentUser) -> bool {
    allows(user.user.role, Action::UploadMedia)
}

async fn one_image(state: &AppState, user: &CurrentUser, id: i64) -> Result<Response, AppError> {
    let item = state.store.library_image(id).await?;
    let item = item.ok_or(AppError::NotFound)?;
    Ok(Json(PickerImage::new(item, user)).into_response())
}

/// `GET /admin/media/picker?q=&page=`.
pub async fn search_images(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Query(query): Query<PickerQuery>,
) -> Result<Response, AppError> {
    if !allowed(&user) {
        return Ok(refusal(AppError::Forbidden, &user));
    }
    let slice = library_slice(&state, &query.q, query.page, PER_PAGE).await?;
    Ok(Json(PickerResults {
        images: slice
            .images
            .into_iter()
            .map(|item| PickerImage::new(item, &user))
            .collect(),
        page: slice.page,
        next_page: slice.more.then_some(slice.page + 1),
        total: slice.total,
    })
    .into_response())
}

/// `GET /admin/media/picker/{id}`.
pub async fn show_image(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    if !allowed(&user) {
        return Ok(refusal(AppError::Forbidden, &user));
    }
    one_image(&state, &user, id)
        .await
        .or_else(|e| Ok(refusal(e, &user)))
}

/// `POST /admin/media/picker`: one image (multipart: `file`, `caption`, `credit`, `alt`);
/// 201 with the image, 422 with the reason for a refused file, 503 when every upload turn
/// is taken.
pub async fn upload(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    multipart: Multipart,
) -> Result<Response, AppError> {
    if !allowed(&user) {
        return Ok(refusal(AppError::Forbidden, &user));
    }
    let Some(_turn) = state.uploads.enter().await else {
        return Ok(busy(&state, &user));
    };
    let refused = |refusal: Refusal| {
        let message = refusal.words(&user.user.language);
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Json(serde_json::json!({ "error": message })),
        )
    };
    let form = match read_upload_form(multipart, state.max_upload_bytes).await {
        Ok(form) => form,
        Err(unread) => return Ok(refused(unread.message).into_response()),
    };
    let limits = imaging::Limits {
        max_bytes: state.max_upload_bytes,
        ..imaging::Limits::default()
    };
    let (store, media) = (state.store.as_ref(), state.media.as_ref());
    match upload_image(store, media, user.actor, form.file, limits, form.text).await {
        Ok(id) => {
            let item = store.library_image(id).await?.ok_or(AppError::NotFound)?;
            Ok((StatusCode::CREATED, Json(PickerImage::new(item, &user))).into_response())
        }
        Err(ServiceError::Invalid(refusal)) => Ok(refused(refusal).into_response()),
        Err(other) => Ok(refusal(other.into(), &user)),
    }
}

fn busy(state: &AppState, user: &CurrentUser) -> Response {
    let message = Refusal::UploadsBusy.words(&user.user.language);
    let mut response = (
        StatusCode::SERVICE_UNAVAILABLE,
        Json(serde_json::json!({ "error": message })),
    )
        .into_response();
    let retry = state.uploads.wait().as_secs().max(1);
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(retry));
    response
}

/// `POST /admin/media/picker/{id}` (form fields `caption`, `credit`, `alt`, `focal_x`,
/// `focal_y`): the image as saved, or 400 with the reason.
pub async fn save_image(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(input): Form<ImageInput>,
) -> Result<Response, AppError> {
    match update_image(state.store.as_ref(), user.actor, id, &input).await {
        Ok(logged) => {
            if logged {
                state.changed();
            }
            state.crop_signal.notify();
            one_image(&state, &user, id)
                .await
                .or_else(|e| Ok(refusal(e, &user)))
        }
        Err(ServiceError::InvalidFields(errors)) => Ok(invalid_fields(&errors, &user)),
        Err(error) => Ok(refusal(error.into(), &user)),
    }
}

/// 400 with each refused field's message, and them all (once each) as the error.
fn invalid_fields(errors: &FieldErrors, user: &CurrentUser) -> Response {
    let fields = field_words(errors, &user.user.language);
    let mut messages: Vec<&String> = fields.values().collect();
    messages.sort();
    messages.dedup();
    let error = messages.into_iter().cloned().collect::<Vec<_>>().join(" ");
    let body = serde_json::json!({ "error": error, "fields": fields });
    (StatusCode::BAD_REQUEST, Json(body)).into_response()
}
