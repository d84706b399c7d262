//! A story's translations in the newsroom: the editor's panel (each other edition's
//! linked story, or a search and the Translate button), the page that finds stories of
//! the other edition to link, and the link, unlink and translate posts.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::response::{Html, Redirect};
use search::Language;
use serde::Serialize;
use store::NewsroomStory;

use crate::domain::i18n_newsroom::newsroom_strings;
use crate::domain::i18n_newsroom_people::PeopleStrings;
use crate::domain::permission::may_see_headline;
use crate::domain::refusal::Refusal;
use crate::service::counterpart::other_editions;
use crate::service::newsroom::{StoryListAsk, story_list};
use crate::service::site::{EditionSite, Site};
use crate::service::translation::{
    link_translation, translate_story, unlink_translation, untranslated,
};
use crate::web::error::AppError;
use crate::web::newsroom::raw_form::RawForm;
use crate::web::newsroom::session::CurrentUser;
use crate::web::newsroom::story::list::StoryRow;
use crate::web::newsroom::story::open::{OpenStory, edition_of};
use crate::web::newsroom::view::AdminChrome;
use crate::web::state::AppState;

/// How many stories the link page offers.
const CANDIDATES: u32 = 20;

/// The editor's panel for one other edition.
#[derive(Debug, Serialize)]
pub struct TranslationPanel {
    /// The other edition's id.
    pub edition_id: i64,
    /// Its name, in its language.
    pub edition_name: String,
    /// Its language, for `lang`.
    pub lang: String,
    /// "Translate to Arabic".
    pub translate_label: String,
    /// The linked story there, if any.
    pub linked: Option<StoryRow>,
    /// Whether the account may open the linked story (else its headline is withheld).
    pub can_open: bool,
}

/// The button that starts a translation into `edition` ("Translate to Arabic"), naming
/// its language in the interface's words, else the edition's own name.
fn translate_label(words: &PeopleStrings, edition: &EditionSite) -> String {
    let language = match edition.edition.language.split('-').next() {
        Some("ar") => words.arabic,
        Some("en") => words.english,
        Some("tr") => words.turkish,
        Some("fr") => words.french,
        _ => edition.edition.name.as_str(),
    };
    words.translate_to.replace("{language}", language)
}

/// The editor's panels of a saved story, one per other edition.
pub async fn translation_panels(
    state: &AppState,
    site: &Site,
    user: &CurrentUser,
    story: &NewsroomStory,
) -> Result<Vec<TranslationPanel>, AppError> {
    let links = state.store.translations(story.id.0).await?;
    let ids: Vec<i64> = links.iter().map(|link| link.story_id).collect();
    let query = store::StoryListQuery {
        ids: Some(ids),
        limit: 10,
        ..store::StoryListQuery::default()
    };
    let linked = state.store.story_summaries(&query).await?;
    let (role, id) = (user.user.role, user.user.id);
    let words = newsroom_strings(&user.user.language).people;
    Ok(other_editions(site, story.edition_id)
        .map(|other| {
            let found = linked
                .iter()
                .find(|summary| summary.edition_id == other.edition.id);
            let can_open = found.is_some_and(|s| may_see_headline(role, id, s.owner_id, s.status));
            let mut row =
                found.map(|summary| StoryRow::new(site, summary.clone(), &user.user.language));
            if let Some(row) = row.as_mut().filter(|_| !can_open) {
                row.headline = words.cannot_open.into();
            }
            TranslationPanel {
                edition_id: other.edition.id,
                edition_name: other.edition.name.clone(),
                lang: other.edition.language.clone(),
                translate_label: translate_label(words, other),
                linked: row,
                can_open,
            }
        })
        .collect())
}

/// The dashboard's list of one edition's published stories without a translation into
/// another.
#[derive(Debug, Serialize)]
pub struct UntranslatedBlock {
    /// The stories' edition.
    pub edition_name: String,
    /// Its language, for `lang`.
    pub lang: String,
    /// The edition they lack.
    pub into_id: i64,
    /// "Translate to Arabic".
    pub translate_label: String,
    /// The stories, newest first.
    pub stories: Vec<StoryRow>,
}

/// The dashboard's untranslated lists, one per pair of editions, their times in the
/// interface `language`.
pub async fn untranslated_blocks(
    state: &AppState,
    site: &Site,
    language: &str,
) -> Result<Vec<UntranslatedBlock>, AppError> {
    let words = newsroom_strings(language).people;
    let mut blocks = Vec::new();
    for edition in &site.editions {
        for into in other_editions(site, edition.edition.id) {
            let (from_id, into_id) = (edition.edition.id, into.edition.id);
            let stories = untranslated(state.store.as_ref(), from_id, into_id).await?;
            blocks.push(UntranslatedBlock {
                edition_name: edition.edition.name.clone(),
                lang: edition.edition.language.clone(),
                into_id,
                translate_label: translate_label(words, into),
                stories: StoryRow::all(site, stories, language),
            });
        }
    }
    Ok(blocks)
}

#[derive(Serialize)]
struct FindPage {
    chrome: AdminChrome,
    story_id: i64,
    headline: String,
    edition_id: i64,
    edition_name: String,
    lang: String,
    dir: &'static str,
    q: String,
    candidates: Vec<StoryRow>,
}

/// The other edition a form or query names, which must not be the story's own.
fn other_edition<'a>(
    site: &'a Site,
    story: &NewsroomStory,
    value: Option<&str>,
) -> Result<&'a EditionSite, AppError> {
    let id = value.and_then(|id| id.trim().parse().ok());
    let edition = edition_of(site, id.ok_or(AppError::NotFound)?)?;
    if edition.edition.id == story.edition_id {
        return Err(AppError::NotFound);
    }
    Ok(edition)
}

/// `GET /admin/stories/{id}/translation?edition=&q=`: stories of the other edition to
/// link, by headline words (the latest without words).
pub async fn find_translation(
    State(state): State<Arc<AppState>>,
    OpenStory { user, story }: OpenStory,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Html<String>, AppError> {
    let site = state.site();
    let other = other_edition(&site, &story, query.get("edition").map(String::as_str))?;
    let q: String = query
        .get("q")
        .map_or("", |q| q.trim())
        .chars()
        .take(200)
        .collect();
    let ask = StoryListAsk {
        text: &q,
        statuses: vec![],
        edition: Some((
            other.edition.id,
            Language::from_tag(&other.edition.language),
        )),
        limit: CANDIDATES,
        ..StoryListAsk::default()
    };
    let found = story_list(state.store.as_ref(), &state.search, user.actor, &ask).await?;
    let page = FindPage {
        chrome: AdminChrome::new(&state, &user, "/admin/stories"),
        story_id: story.id.0,
        headline: story.fields.headline.clone(),
        edition_id: other.edition.id,
        edition_name: other.edition.name.clone(),
        lang: other.edition.language.clone(),
        dir: other.edition.direction.as_str(),
        q,
        candidates: StoryRow::all(&site, found, &user.user.language),
    };
    Ok(Html(state.theme.render("admin/translation.html", &page)?))
}

/// `POST /admin/stories/{id}/translation`: links the story to `counterpart`.
pub async fn link_story(
    State(state): State<Arc<AppState>>,
    OpenStory { user, story }: OpenStory,
    form: RawForm,
) -> Result<Redirect, AppError> {
    let counterpart = form
        .get("counterpart")
        .and_then(|id| id.trim().parse().ok())
        .ok_or_else(|| AppError::BadRequest(Refusal::PickStoryToLink))?;
    link_translation(state.store.as_ref(), user.actor, story.id.0, counterpart).await?;
    state.changed();
    Ok(Redirect::to(&format!(
        "/admin/stories/{}?notice=linked",
        story.id.0
    )))
}

/// `POST /admin/stories/{id}/translation/unlink`: removes the link into `edition`.
pub async fn unlink_story(
    State(state): State<Arc<AppState>>,
    OpenStory { user, story }: OpenStory,
    form: RawForm,
) -> Result<Redirect, AppError> {
    let site = state.site();
    let other = other_edition(&site, &story, form.get("edition"))?;
    let store = state.store.as_ref();
    unlink_translation(store, user.actor, story.id.0, other.edition.id).await?;
    state.changed();
    Ok(Redirect::to(&format!(
        "/admin/stories/{}?notice=unlinked",
        story.id.0
    )))
}

/// `POST /admin/stories/{id}/translate`: starts the translation into `edition` as a
/// linked draft and opens it in the editor.
pub async fn translate(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Path(id): Path<i64>,
    form: RawForm,
) -> Result<Redirect, AppError> {
    let site = state.site();
    let edition_id = form.get("edition").and_then(|id| id.trim().parse().ok());
    let into = edition_of(&site, edition_id.ok_or(AppError::NotFound)?)?;
    let draft = translate_story(state.store.as_ref(), &site, user.actor, id, into).await?;
    state.changed();
    Ok(Redirect::to(&format!(
        "/admin/stories/{draft}?notice=translation"
    )))
}
