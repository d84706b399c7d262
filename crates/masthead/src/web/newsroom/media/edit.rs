//! `GET /admin/media/{id}`: one image, its renditions and the stories that use it, with the
//! form for its caption, credit, alt text and focal point; `POST` saves that form.

use std::collections::HashMap;
use std::sync::Arc;

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};
use store::{ImageChanges, ImageRole, ImageUse, LibraryImage};

use crate::domain::permission::{Action, may_edit_image, may_see_headline};
use crate::service::media::update_image;
use crate::web::error::AppError;
use crate::web::newsroom::session::CurrentUser;
use crate::web::newsroom::story::list::{newsroom_time, status_label};
use crate::web::newsroom::view::AdminChrome;
use crate::web::state::AppState;

/// The form's fields, as typed.
#[derive(Debug, Default, Deserialize, Serialize)]
pub struct ImageForm {
    #[serde(default)]
    caption: String,
    #[serde(default)]
    credit: String,
    #[serde(default)]
    alt: String,
    #[serde(default)]
    focal_x: String,
    #[serde(default)]
    focal_y: String,
}

/// A story using the image, as the page lists it; someone else's unpublished story shows
/// neither its headline nor a link to a reporter or contributor.
#[derive(Debug, Serialize)]
struct UseRow {
    headline: Option<String>,
    edit_url: Option<String>,
    status: &'static str,
    status_label: &'static str,
    role: &'static str,
}

impl UseRow {
    fn new(found: ImageUse, user: &CurrentUser) -> UseRow {
        let (role, id) = (user.user.role, user.user.id);
        let visible = may_see_headline(role, id, found.owner_id, found.status);
        UseRow {
            headline: visible.then_some(found.headline),
            edit_url: visible.then(|| format!("/admin/stories/{}", found.story_id)),
            status: found.status.as_str(),
            status_label: status_label(found.status),
            role: match found.role {
                ImageRole::Hero => "Lead image",
                ImageRole::Gallery => "Gallery",
                ImageRole::Body => "In the text",
            },
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
    uploaded: String,
    renditions: Vec<(String, String)>,
    values: ImageForm,
    errors: HashMap<&'static str, &'static str>,
    can_edit: bool,
    uses: Vec<UseRow>,
}

async fn image_page(
    state: &AppState,
    user: &CurrentUser,
    item: LibraryImage,
    values: Option<ImageForm>,
    errors: HashMap<&'static str, &'static str>,
) -> Result<ImagePage, AppError> {
    let image = item.image;
    let preview = image
        .renditions
        .iter()
        .filter(|rendition| rendition.format == "jpeg")
        .chain(&image.renditions)
        .min_by_key(|rendition| rendition.width.abs_diff(640));
    Ok(ImagePage {
        chrome: AdminChrome::new(state, user, "/admin/media"),
        id: image.id,
        preview: preview.map(|rendition| format!("/media/{}", rendition.key)),
        original_url: item.original_key.map(|key| format!("/media/{key}")),
        size: format!("{} × {}", image.width, image.height),
        uploaded: newsroom_time(item.created_at),
        renditions: image
            .renditions
            .iter()
            .map(|r| {
                let label = format!("{} × {} {}", r.width, r.height, r.format.to_uppercase());
                (format!("/media/{}", r.key), label)
            })
            .collect(),
        values: values.unwrap_or_else(|| ImageForm {
            caption: image.caption,
            credit: image.credit,
            alt: image.alt,
            focal_x: format!("{:.2}", image.focal_x),
            focal_y: format!("{:.2}", image.focal_y),
        }),
        errors,
        can_edit: may_edit_image(user.user.role, user.user.id, item.uploaded_by),
        uses: state
            .store
            .image_uses(image.id)
            .await?
            .into_iter()
            .map(|found| UseRow::new(found, user))
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
    let mut page = image_page(&state, &user, item, None, HashMap::new()).await?;
    page.chrome = page.chrome.with_notice(query.notice.as_deref());
    Ok(Html(state.theme.render("admin/media_edit.html", &page)?))
}

/// A focal coordinate: a number from 0 to 1.
fn parse_focal(text: &str) -> Option<f32> {
    let value: f32 = text.trim().parse().ok()?;
    (0.0..=1.0).contains(&value).then_some(value)
}

/// `POST /admin/media/{id}`: saves the text and focal point; pages of published stories
/// using the image are refreshed through the change log.
pub async fn update_media(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Form(form): Form<ImageForm>,
) -> Result<Response, AppError> {
    user.require(Action::UploadMedia)?;
    let (focal_x, focal_y) = (parse_focal(&form.focal_x), parse_focal(&form.focal_y));
    let (Some(focal_x), Some(focal_y)) = (focal_x, focal_y) else {
        let message = "Enter a number from 0 to 1.";
        let mut errors = HashMap::new();
        for (name, value) in [("focal_x", focal_x), ("focal_y", focal_y)] {
            if value.is_none() {
                errors.insert(name, message);
            }
        }
        let item = state.store.library_image(id).await?;
        let item = item.ok_or(AppError::NotFound)?;
        let page = image_page(&state, &user, item, Some(form), errors).await?;
        let html = state.theme.render("admin/media_edit.html", &page)?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response());
    };
    let changes = ImageChanges {
        id,
        caption: form.caption,
        credit: form.credit,
        alt: form.alt,
        focal_x,
        focal_y,
    };
    if update_image(state.store.as_ref(), &user.user, changes).await? {
        state.changed();
    }
    Ok(Redirect::to(&format!("/admin/media/{id}?notice=saved")).into_response())
}

#[cfg(test)]
mod tests {
    use super::parse_focal;

    #[test]
    fn focal_points_are_fractions() {
        let cases = [
            ("0.5", Some(0.5), "the middle"),
            (" 1 ", Some(1.0), "an edge, with spaces"),
            ("1.2", None, "past the edge"),
            ("-0.1", None, "negative"),
            ("NaN", None, "not a number"),
            ("", None, "empty"),
        ];

        for (text, expected, reason) in cases {
            assert_eq!(parse_focal(text), expected, "{reason}");
        }
    }
}
