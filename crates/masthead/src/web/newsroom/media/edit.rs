//! `GET /admin/media/{id}`: one image, its renditions, the stories that use it and the
//! authors and agencies whose portrait or logo it is, with the form for its caption,
//! credit, alt text and focal point; `POST` saves that form.

use std::sync::Arc;

use crate::domain::refusal::{FieldWords, field_words};
use crate::web::newsroom::form::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};
use store::{ImageRole, ImageUse, LibraryImage, ProfileImageUse, ProfileKind};

use crate::domain::i18n_newsroom::newsroom_strings;
use crate::domain::permission::{Action, allows, may_edit_image, may_see_headline};
use crate::domain::time::{DisplayTime, newsroom_time};
use crate::service::error::ServiceError;
use crate::service::media::{ImageInput, update_image};
use crate::service::story_form::FieldErrors;
use crate::web::error::AppError;
use crate::web::newsroom::media::library::nearest_rendition;
use crate::web::newsroom::session::CurrentUser;
use crate::web::newsroom::view::AdminChrome;
use crate::web::state::AppState;

/// A story using the image, as the page lists it; someone else's unpublished story shows
/// neither its headline nor a link to a reporter or contributor.
#[derive(Debug, Serialize)]
struct UseRow {
    headline: Option<String>,
    edit_url: Option<String>,
    status: &'static str,
    role: &'static str,
}

impl UseRow {
    fn new(found: ImageUse, user: &CurrentUser) -> UseRow {
        let (role, id) = (user.user.role, user.user.id);
        let visible = may_see_headline(role, id, found.owner_id, found.status);
        let words = newsroom_strings(&user.user.language).media;
        UseRow {
            headline: visible.then_some(found.headline),
            edit_url: visible.then(|| format!("/admin/stories/{}", found.story_id)),
            status: found.status.as_str(),
            role: match found.role {
                ImageRole::Hero => words.use_lead,
                ImageRole::Gallery => words.use_gallery,
                ImageRole::Body => words.use_body,
            },
        }
    }
}

/// An author or agency whose profile shows the image; a link to edit it for those who may.
#[derive(Debug, Serialize)]
struct ProfileRow {
    name: String,
    edit_url: Option<String>,
    role: &'static str,
}

impl ProfileRow {
    fn new(found: ProfileImageUse, user: &CurrentUser) -> ProfileRow {
        let words = newsroom_strings(&user.user.language).media;
        let (role, edit_url) = match found.kind {
            ProfileKind::Author => (
                words.use_author_photo,
                format!("/admin/authors/{}", found.id),
            ),
            ProfileKind::Agency => (
                words.use_agency_logo,
                format!("/admin/agencies#name-{}", found.id),
            ),
        };
        ProfileRow {
            name: found.name,
            edit_url: allows(user.user.role, Action::ManagePeople).then_some(edit_url),
            role,
        }
    }
}

#[derive(Serialize)]
struct ImagePage {
    chrome: AdminChrome,
    id: i64,
    preview: Option<String>,
    original_url: Option<String>,
    size: String,
    uploaded: DisplayTime,
    renditions: Vec<(String, String)>,
    crops: Vec<(String, String)>,
    values: ImageInput,
    errors: FieldWords,
    can_edit: bool,
    uses: Vec<UseRow>,
    profiles: Vec<ProfileRow>,
}

async fn image_page(
    state: &AppState,
    user: &CurrentUser,
    item: LibraryImage,
    values: Option<ImageInput>,
    errors: FieldErrors,
) -> Result<ImagePage, AppError> {
    let image = item.image;
    let store = state.store.as_ref();
    let (uses, profiles) =
        tokio::try_join!(store.image_uses(image.id), store.image_profiles(image.id))?;
    let preview = nearest_rendition(&image.renditions, 640);
    Ok(ImagePage {
        chrome: AdminChrome::new(state, user, "/admin/media"),
        id: image.id,
        preview: preview.map(|rendition| format!("/media/{}", rendition.key)),
        original_url: item.original_key.map(|key| format!("/media/{key}")),
        size: format!("{} × {}", image.width, image.height),
        uploaded: newsroom_time(
            item.created_at,
            &state.site().newsroom_zone(),
            &user.user.language,
        ),
        renditions: image
            .renditions
            .iter()
            .map(|r| {
                let label = format!("{} × {} {}", r.width, r.height, r.format.to_uppercase());
                (format!("/media/{}", r.key), label)
            })
            .collect(),
        crops: image
            .crops
            .iter()
            .map(|c| {
                let label = format!("{} {} × {} JPEG", c.ratio, c.width, c.height);
                (format!("/media/{}", c.key), label)
            })
            .collect(),
        values: values.unwrap_or_else(|| ImageInput {
            caption: image.caption,
            credit: image.credit,
            alt: image.alt,
            focal_x: format!("{:.2}", image.focal_x),
            focal_y: format!("{:.2}", image.focal_y),
        }),
        errors: field_words(&errors, &user.user.language),
        can_edit: may_edit_image(user.user.role, user.user.id, item.uploaded_by),
        uses: uses
            .into_iter()
            .map(|found| UseRow::new(found, user))
            .collect(),
        profiles: profiles
            .into_iter()
            .map(|found| ProfileRow::new(found, user))
            .collect(),
    })
}

/// The notice on the page after a redirect.
#[derive(Debug, Default, Deserialize)]
pub struct ImageNotice {
    #[serde(default)]
    notice: Option<String>,
}

/// `GET /admin/media/{id}`.
pub async fn show_image(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(query): Query<ImageNotice>,
) -> Result<Html<String>, AppError> {
    user.require(Action::UploadMedia)?;
    let item = state
        .store
        .library_image(id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut page = image_page(&state, &user, item, None, FieldErrors::new()).await?;
    page.chrome = page.chrome.with_notice(query.notice.as_deref());
    Ok(Html(state.theme.render("admin/media_edit.html", &page)?))
}

/// `POST /admin/media/{id}`: saves the text and focal point; pages of published stories
/// and authors using the image are refreshed through the change log.
pub async fn update_media(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(input): Form<ImageInput>,
) -> Result<Response, AppError> {
    let store = state.store.as_ref();
    match update_image(store, user.actor, id, &input).await {
        Ok(logged) => {
            if logged {
                state.changed();
            }
            // Cheap when the focal point did not move: the maker finds nothing to cut.
            state.crop_signal.notify();
            Ok(Redirect::to(&format!("/admin/media/{id}?notice=saved")).into_response())
        }
        Err(ServiceError::InvalidFields(errors)) => {
            let item = store.library_image(id).await?.ok_or(AppError::NotFound)?;
            let page = image_page(&state, &user, item, Some(input), errors).await?;
            let html = state.theme.render("admin/media_edit.html", &page)?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response())
        }
        Err(error) => Err(error.into()),
    }
}
