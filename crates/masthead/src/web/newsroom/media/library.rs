//! `GET /admin/media`: the library, newest first, with search and paging; and
//! `POST /admin/media`: the upload form, which shows the library again when a file is refused.

use std::sync::Arc;

use axum::extract::{Multipart, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use serde::{Deserialize, Serialize};
use store::{LibraryImage, MediaQuery, Rendition};

use crate::domain::permission::Action;
use crate::domain::refusal::Refusal;
use crate::service::error::ServiceError;
use crate::service::media::{ImageText, upload_image};
use crate::web::error::AppError;
use crate::web::newsroom::media::upload_form::{megabytes, read_upload_form};
use crate::web::newsroom::session::CurrentUser;
use crate::web::newsroom::view::AdminChrome;
use crate::web::state::AppState;

/// Images per page of the library.
const PER_PAGE: u32 = 48;

/// One image in the library grid.
#[derive(Debug, Serialize)]
pub struct ImageCard {
    /// Its page.
    pub edit_url: String,
    /// The 320-pixel JPEG (or the narrowest rendition), if any.
    pub thumb: Option<String>,
    /// Thumbnail width.
    pub width: u32,
    /// Thumbnail height.
    pub height: u32,
    /// Caption.
    pub caption: String,
    /// Credit.
    pub credit: String,
    /// Alt text.
    pub alt: String,
    /// Size of the original, "4000 × 3000".
    pub size: String,
}

impl ImageCard {
    fn new(item: LibraryImage) -> ImageCard {
        let image = item.image;
        let thumb = nearest_rendition(&image.renditions, 320);
        ImageCard {
            edit_url: format!("/admin/media/{}", image.id),
            thumb: thumb.map(|rendition| format!("/media/{}", rendition.key)),
            width: thumb.map_or(0, |rendition| rendition.width),
            height: thumb.map_or(0, |rendition| rendition.height),
            size: format!("{} × {}", image.width, image.height),
            caption: image.caption,
            credit: image.credit,
            alt: image.alt,
        }
    }
}

/// The JPEG rendition (or, without one, any rendition) closest to `width` pixels wide.
pub fn nearest_rendition(renditions: &[Rendition], width: u32) -> Option<&Rendition> {
    renditions
        .iter()
        .filter(|rendition| rendition.format == "jpeg")
        .chain(renditions)
        .min_by_key(|rendition| rendition.width.abs_diff(width))
}

/// The text fields of the upload form, shown again after a refusal.
#[derive(Debug, Default, Serialize)]
struct UploadValues {
    caption: String,
    credit: String,
    alt: String,
}

#[derive(Serialize)]
struct LibraryPage {
    chrome: AdminChrome,
    images: Vec<ImageCard>,
    total: u64,
    q: String,
    /// The search, percent-encoded for the pager's links.
    q_param: String,
    next_page: Option<u32>,
    previous_page: Option<u32>,
    values: UploadValues,
    error: Option<String>,
    max_upload: String,
}

/// The library's query string.
#[derive(Debug, Default, Deserialize)]
pub struct LibraryFilter {
    #[serde(default)]
    q: String,
    #[serde(default)]
    page: Option<u32>,
    #[serde(default)]
    notice: Option<String>,
}

/// One page of the library, newest first, as the library page and the editor's picker
/// show it.
pub struct LibrarySlice {
    /// The images on the page.
    pub images: Vec<LibraryImage>,
    /// The page number, from 1.
    pub page: u32,
    /// Whether another page follows.
    pub more: bool,
    /// How many images match in all.
    pub total: u64,
    /// The search as used: trimmed, at most 200 characters.
    pub search: String,
}

/// Reads page `page` (1 when absent) of the images whose text matches `q`.
pub async fn library_slice(
    state: &AppState,
    q: &str,
    page: Option<u32>,
    per_page: u32,
) -> Result<LibrarySlice, AppError> {
    let page = page.unwrap_or(1).clamp(1, 10_000);
    let search: String = q.trim().chars().take(200).collect();
    let mut query = MediaQuery {
        search: (!search.is_empty()).then(|| search.clone()),
        limit: per_page + 1,
        offset: (page - 1) * per_page,
    };
    let mut images = state.store.library(&query).await?;
    let more = images.len() > per_page as usize;
    images.truncate(per_page as usize);
    query.limit = per_page;
    let total = state.store.count_library(&query).await?;
    Ok(LibrarySlice {
        images,
        page,
        more,
        total,
        search,
    })
}

async fn library_page(
    state: &AppState,
    user: &CurrentUser,
    filter: &LibraryFilter,
) -> Result<LibraryPage, AppError> {
    let slice = library_slice(state, &filter.q, filter.page, PER_PAGE).await?;
    let page = slice.page;
    Ok(LibraryPage {
        chrome: AdminChrome::new(state, user, "/admin/media").with_notice(filter.notice.as_deref()),
        images: slice.images.into_iter().map(ImageCard::new).collect(),
        total: slice.total,
        q_param: utf8_percent_encode(&slice.search, NON_ALPHANUMERIC).to_string(),
        q: slice.search,
        next_page: slice.more.then_some(page + 1),
        previous_page: (page > 1).then(|| page - 1),
        values: UploadValues::default(),
        error: None,
        max_upload: megabytes(state.max_upload_bytes),
    })
}

/// `GET /admin/media`.
pub async fn list_media(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Query(filter): Query<LibraryFilter>,
) -> Result<Html<String>, AppError> {
    user.require(Action::UploadMedia)?;
    let page = library_page(&state, &user, &filter).await?;
    Ok(Html(state.theme.render("admin/media.html", &page)?))
}

/// `POST /admin/media`: uploads one image; a refused file shows the library again with the
/// reason beside the file field and the typed text kept (422).
pub async fn upload_media(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    multipart: Multipart,
) -> Result<Response, AppError> {
    // Checked here as well as in the service: a refusal must not first read the body.
    user.require(Action::UploadMedia)?;
    // The turn is taken before the body is read: reading and decoding take the memory.
    let Some(_turn) = state.uploads.enter().await else {
        return busy(&state, &user).await;
    };
    let form = match read_upload_form(multipart, state.max_upload_bytes).await {
        Ok(form) => form,
        Err(unread) => return refused(&state, &user, unread.text, unread.message).await,
    };
    let limits = imaging::Limits {
        max_bytes: state.max_upload_bytes,
        ..imaging::Limits::default()
    };
    let store = state.store.as_ref();
    let text = form.text.clone();
    let media = state.media.as_ref();
    match upload_image(store, media, user.actor, form.file, limits, text).await {
        Ok(id) => Ok(Redirect::to(&format!("/admin/media/{id}?notice=uploaded")).into_response()),
        Err(ServiceError::Invalid(refusal)) => refused(&state, &user, form.text, refusal).await,
        Err(other) => Err(other.into()),
    }
}

/// All upload turns are taken: the library again with a message, 503 and `Retry-After`.
async fn busy(state: &AppState, user: &CurrentUser) -> Result<Response, AppError> {
    let busy = Refusal::UploadsBusy;
    let mut response = refused(state, user, ImageText::default(), busy).await?;
    *response.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
    let retry = state.uploads.wait().as_secs().max(1);
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(retry));
    Ok(response)
}

async fn refused(
    state: &AppState,
    user: &CurrentUser,
    text: ImageText,
    refusal: Refusal,
) -> Result<Response, AppError> {
    let mut page = library_page(state, user, &LibraryFilter::default()).await?;
    page.values = UploadValues {
        caption: text.caption,
        credit: text.credit,
        alt: text.alt,
    };
    page.error = Some(refusal.words(&user.user.language));
    let html = state.theme.render("admin/media.html", &page)?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response())
}
