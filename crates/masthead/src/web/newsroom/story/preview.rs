//! The preview: the story rendered by the public page's own code and templates, from
//! the latest autosave (GET, for the live preview) or from the form sent (POST, without
//! JavaScript).

use std::sync::Arc;

use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use search::Language;
use store::*;

use crate::domain::i18n_newsroom::newsroom_strings;
use crate::domain::refusal::Refusal;
use crate::service::autosave::latest_work;
use crate::service::story::{Sources, story_bundle};
use crate::service::story_form::StoryFormValues;
use crate::web::error::AppError;
use crate::web::newsroom::raw_form::RawForm;
use crate::web::newsroom::story::open::{OpenStory, edition_of};
use crate::web::site::story::{Audience, render_story};
use crate::web::state::AppState;

/// The newsroom may frame previews; nobody else may.
const PREVIEW_CSP: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; \
     script-src 'self'; frame-src 'self' https://www.youtube-nocookie.com; object-src 'none'; \
     base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

fn as_story(story: &NewsroomStory, fields: StoryFields) -> Story {
    Story {
        id: story.id.0,
        edition_id: story.edition_id,
        kind: fields.kind,
        status: story.status,
        headline: fields.headline,
        standfirst: fields.standfirst,
        slug: fields.slug,
        section_id: fields.section_id,
        secondary_section_ids: fields.secondary_section_ids,
        body: fields.body,
        credits: fields.credits,
        dateline: fields.dateline,
        published_at: story.published_at.or(Some(jiff::Timestamp::now())),
        updated_at: jiff::Timestamp::now(),
        hero_image_id: fields.hero_image_id,
        topic_ids: fields.topic_ids,
        keyword_ids: fields.keyword_ids,
        recommended_ids: fields.recommended_ids,
        gallery: fields.gallery,
        video_url: fields.video_url,
        short_code: story.short_code.clone(),
        seo_title: fields.seo_title,
        seo_description: fields.seo_description,
    }
}

async fn render(
    state: &AppState,
    story: &NewsroomStory,
    fields: StoryFields,
) -> Result<Response, AppError> {
    let site = state.site();
    let edition = edition_of(&site, story.edition_id)?;
    let top = fields
        .section_id
        .and_then(|id| edition.section_trail(id).first().map(|section| section.id));
    let sources = Sources {
        store: state.store.as_ref(),
        search: &state.search,
        language: Language::from_tag(&edition.edition.language),
    };
    let bundle = story_bundle(sources, as_story(story, fields), top).await?;
    let html = render_story(state, &site, edition, &bundle, Audience::Preview).await?;
    let mut response = Html(html).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(PREVIEW_CSP),
    );
    headers.insert(
        header::X_FRAME_OPTIONS,
        HeaderValue::from_static("SAMEORIGIN"),
    );
    headers.insert("x-robots-tag", HeaderValue::from_static("noindex"));
    Ok(response)
}

/// `GET /admin/stories/{id}/preview`: the account's latest autosave, else the saved story.
pub async fn show_preview(
    State(state): State<Arc<AppState>>,
    OpenStory { user, story }: OpenStory,
) -> Result<Response, AppError> {
    let fields = latest_work(state.store.as_ref(), user.actor, &story).await?;
    render(&state, &story, fields).await
}

/// `POST /admin/stories/{id}/preview`: the form as sent, unsaved.
pub async fn preview_form(
    State(state): State<Arc<AppState>>,
    OpenStory { user, story }: OpenStory,
    form: RawForm,
) -> Result<Response, AppError> {
    let site = state.site();
    let edition = edition_of(&site, story.edition_id)?;
    match StoryFormValues::from_pairs(&form.0).parse(edition) {
        Ok(parsed) => render(&state, &story, parsed.fields).await,
        Err(errors) => {
            let list = Refusal::All(errors.into_values().collect());
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                format!(
                    "{} {}",
                    newsroom_strings(&user.user.language).editor.cannot_preview,
                    list.words(&user.user.language)
                ),
            )
                .into_response())
        }
    }
}
