//! Creating and editing a story: the editor page, and the save that may also move the
//! story through the workflow.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use store::*;

use crate::domain::time::{local_moment, newsroom_time};
use crate::service::autosave::{keep_unsaved, open_in_editor};
use crate::service::error::ServiceError;
use crate::service::news_desk::new_story_section;
use crate::service::site::EditionSite;
use crate::service::story_edit::{Transition, create_story, save_story};
use crate::service::story_form::{CREDIT_ROWS, CreditValue, FieldErrors, StoryFormValues};
use crate::web::error::AppError;
use crate::web::newsroom::news_desk::starting_note;
use crate::web::newsroom::raw_form::RawForm;
use crate::web::newsroom::session::CurrentUser;
use crate::web::newsroom::story::editor_view::{EditorInput, EditorPage};
use crate::web::newsroom::story::open::{OpenStory, edition_of};
use crate::web::newsroom::story::revisions::conflict_page;
use crate::web::state::AppState;

/// Renders the editor with a status (422 after a rejected save).
pub async fn editor(
    state: &AppState,
    user: &CurrentUser,
    input: EditorInput<'_>,
    status: StatusCode,
) -> Result<Response, AppError> {
    noted_editor(state, user, input, status, None).await
}

/// Renders the editor with a note under the section field (a new story's start).
async fn noted_editor(
    state: &AppState,
    user: &CurrentUser,
    input: EditorInput<'_>,
    status: StatusCode,
    section_note: Option<String>,
) -> Result<Response, AppError> {
    let site = state.site();
    let mut page = EditorPage::build(state, &site, user, input).await?;
    page.section_note = section_note;
    let html = state
        .theme
        .render("admin/story_edit.html", &EditorScreen::of(&page))?;
    Ok((status, Html(html)).into_response())
}

/// The editor template's context: the page as `p`, its frame as `chrome` for the layout.
#[derive(serde::Serialize)]
pub struct EditorScreen<'a> {
    chrome: &'a crate::web::newsroom::view::AdminChrome,
    p: &'a EditorPage,
}

impl<'a> EditorScreen<'a> {
    /// The context for a page.
    pub fn of(page: &'a EditorPage) -> EditorScreen<'a> {
        EditorScreen {
            chrome: &page.chrome,
            p: page,
        }
    }
}

/// `GET /admin/stories/new?edition=&kind=`.
pub async fn new_story(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let site = state.site();
    let edition_id = query.get("edition").and_then(|id| id.parse().ok());
    let edition = match edition_id {
        Some(id) => edition_of(&site, id)?,
        None => site.editions.first().ok_or(AppError::NotFound)?,
    };
    let mut values = StoryFormValues {
        kind: query.get("kind").cloned().unwrap_or_else(|| "news".into()),
        credits: vec![CreditValue::default(); CREDIT_ROWS],
        base_revision: "0".into(),
        ..StoryFormValues::default()
    };
    if let Some(author) = user.user.author_id {
        values.credits[0].who = format!("a:{author}");
    }
    let start = match values.kind.as_str() {
        "page" => None,
        _ => new_story_section(state.store.as_ref(), user.actor, edition).await?,
    };
    if let Some(start) = start {
        values.section_id = start.id().to_string();
    }
    let input = EditorInput {
        story: None,
        edition,
        values,
        errors: FieldErrors::new(),
    };
    let note = start.map(|start| starting_note(&user, edition, start));
    noted_editor(&state, &user, input, StatusCode::OK, note).await
}

/// `POST /admin/stories?edition=`: creates a draft.
pub async fn create(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Query(query): Query<HashMap<String, String>>,
    form: RawForm,
) -> Result<Response, AppError> {
    let site = state.site();
    let edition_id = query.get("edition").and_then(|id| id.parse().ok());
    let edition = edition_of(&site, edition_id.ok_or(AppError::NotFound)?)?;
    let values = StoryFormValues::from_pairs(&form.0);
    let outcome = match values.parse(edition) {
        Ok(parsed) => {
            create_story(state.store.as_ref(), user.actor, edition.edition.id, parsed).await
        }
        Err(errors) => Err(ServiceError::InvalidFields(errors)),
    };
    match outcome {
        Ok(id) => Ok(Redirect::to(&format!("/admin/stories/{id}?notice=created")).into_response()),
        Err(ServiceError::InvalidFields(errors)) => {
            let input = EditorInput {
                story: None,
                edition,
                values,
                errors,
            };
            editor(&state, &user, input, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(other) => Err(other.into()),
    }
}

/// `GET /admin/stories/{id}`: the editor, with the account's autosaved work if asked.
pub async fn edit(
    State(state): State<Arc<AppState>>,
    OpenStory { user, story }: OpenStory,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let store = state.store.as_ref();
    let site = state.site();
    let edition = edition_of(&site, story.edition_id)?;
    let autosave = open_in_editor(store, user.actor, &story).await?;
    let keywords = store.keywords(&story.fields.keyword_ids).await?;
    let restore = query.contains_key("autosave");
    let mut values = StoryFormValues::from_fields(&story.fields, &keywords, story.revision);
    let mut unsaved = None;
    if let Some(Autosave {
        fields: Some(fields),
        base_revision,
        seen_at,
    }) = autosave
    {
        if restore {
            let keywords = store.keywords(&fields.keyword_ids).await?;
            values = StoryFormValues::from_fields(&fields, &keywords, base_revision);
        } else if fields != story.fields {
            unsaved = Some(newsroom_time(seen_at, &edition.zone, &user.user.language));
        }
    }
    let input = EditorInput {
        story: Some(&story),
        edition,
        values,
        errors: FieldErrors::new(),
    };
    let mut page = EditorPage::build(&state, &site, &user, input).await?;
    page.autosaved_at = unsaved;
    page.chrome = page
        .chrome
        .with_notice(query.get("notice").map(String::as_str));
    let html = state
        .theme
        .render("admin/story_edit.html", &EditorScreen::of(&page))?;
    Ok(Html(html).into_response())
}

/// The workflow move a form asks for.
fn transition(form: &RawForm, edition: &EditionSite) -> Result<Option<Transition>, FieldErrors> {
    Ok(Some(match form.get("action").unwrap_or("save") {
        "submit" => Transition::Submit,
        "withdraw" => Transition::Withdraw,
        "publish" => Transition::Publish,
        "unpublish" => Transition::Unpublish,
        "draft" => Transition::Draft,
        "schedule" => {
            let typed = form.get("scheduled_at").unwrap_or_default();
            match local_moment(typed, &edition.zone) {
                Ok(at) => Transition::Schedule(at),
                Err(reason) => {
                    let mut errors = FieldErrors::new();
                    errors.insert("scheduled_at", reason);
                    return Err(errors);
                }
            }
        }
        _ => return Ok(None),
    }))
}

/// `POST /admin/stories/{id}`: saves, then applies the workflow button pressed.
pub async fn update(
    State(state): State<Arc<AppState>>,
    OpenStory { user, story }: OpenStory,
    form: RawForm,
) -> Result<Response, AppError> {
    let store = state.store.as_ref();
    let id = story.id;
    let site = state.site();
    let edition = edition_of(&site, story.edition_id)?;
    let values = StoryFormValues::from_pairs(&form.0);
    let base_revision = values.base_revision.trim().parse().unwrap_or(0);
    let outcome = match (values.parse(edition), transition(&form, edition)) {
        (Ok(parsed), Ok(transition)) => {
            let actor = user.actor;
            save_story(
                store,
                &site,
                actor,
                &story,
                base_revision,
                parsed,
                transition,
            )
            .await
            .map(|()| transition)
        }
        (Err(mut errors), Err(more)) => {
            errors.extend(more);
            Err(ServiceError::InvalidFields(errors))
        }
        (Err(errors), _) | (_, Err(errors)) => Err(ServiceError::InvalidFields(errors)),
    };
    match outcome {
        Ok(transition) => {
            state.changed();
            let notice = transition.map_or("saved", Transition::notice);
            Ok(Redirect::to(&format!("/admin/stories/{id}?notice={notice}")).into_response())
        }
        Err(ServiceError::InvalidFields(errors)) => {
            let input = EditorInput {
                story: Some(&story),
                edition,
                values,
                errors,
            };
            editor(&state, &user, input, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(ServiceError::Stale {
            current: Some(current),
            ..
        }) => {
            if let Ok(parsed) = values.parse(edition) {
                keep_unsaved(store, user.actor, &story, base_revision, &parsed.fields).await?;
            }
            conflict_page(&state, &user, &current, values).await
        }
        Err(other) => Err(other.into()),
    }
}
