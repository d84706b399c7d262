//! The editor's type-ahead answers under `/admin/suggest/`: JSON for any logged-in
//! account, `?q=` (and `?edition=` where the edition matters), at most ten results.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Query, State};
use search::Language;
use serde::{Deserialize, Serialize};

use crate::domain::refusal::Refusal;
use crate::domain::suggest::{MAX_SUGGESTIONS, SuggestQuery};
use crate::service::site::EditionSite;
use crate::service::suggest::{
    Suggestion, byline_suggestions, keyword_suggestions, section_suggestions, stories_by_id,
    story_suggestions, topic_suggestions,
};
use crate::web::error::AppError;
use crate::web::newsroom::curation::picked_edition;
use crate::web::newsroom::session::CurrentUser;
use crate::web::newsroom::story::list::StoryRow;
use crate::web::state::AppState;

/// `?q=&edition=&ids=`: what was typed, the story's edition, and (stories only) the ids
/// of stories picked already, whose cards need their headlines.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct SuggestAsk {
    q: String,
    edition: Option<i64>,
    ids: String,
}

impl SuggestAsk {
    fn query(&self) -> Result<SuggestQuery, AppError> {
        SuggestQuery::parse(&self.q).ok_or_else(|| AppError::BadRequest(Refusal::SearchTooLong))
    }

    /// The edition asked for (the first without one) and the query.
    fn in_edition(&self, state: &AppState) -> Result<(i64, SuggestQuery), AppError> {
        let edition_id = picked_edition(&state.site(), self.edition)?.edition.id;
        Ok((edition_id, self.query()?))
    }

    /// The ids asked for, at most ten, each a positive whole number.
    fn ids(&self) -> Result<Vec<i64>, AppError> {
        let ids: Vec<i64> = self
            .ids
            .split(',')
            .filter(|id| !id.trim().is_empty())
            .map(|id| id.trim().parse().ok().filter(|id: &i64| *id > 0))
            .collect::<Option<_>>()
            .ok_or_else(|| AppError::BadRequest(Refusal::IdsWholeNumbers))?;
        if ids.len() > MAX_SUGGESTIONS {
            return Err(AppError::BadRequest(Refusal::AtMostTen));
        }
        Ok(ids)
    }
}

/// One suggestion as the script reads it.
#[derive(Debug, Serialize)]
pub struct SuggestionJson {
    value: String,
    label: String,
    kind: &'static str,
}

/// The answer: the suggestions, best first.
#[derive(Debug, Serialize)]
pub struct Suggestions<T> {
    results: Vec<T>,
}

fn answer(found: Vec<Suggestion>) -> Json<Suggestions<SuggestionJson>> {
    let results = found
        .into_iter()
        .map(|s| SuggestionJson {
            value: s.value,
            label: s.label,
            kind: s.kind,
        })
        .collect();
    Json(Suggestions { results })
}

/// `GET /admin/suggest/sections`: the edition's sections by their trail.
pub async fn suggest_sections(
    State(state): State<Arc<AppState>>,
    _user: CurrentUser,
    Query(ask): Query<SuggestAsk>,
) -> Result<Json<Suggestions<SuggestionJson>>, AppError> {
    let query = ask.query()?;
    let site = state.site();
    let edition = picked_edition(&site, ask.edition)?;
    Ok(answer(section_suggestions(edition, &query)))
}

/// `GET /admin/suggest/topics`: the edition's topics.
pub async fn suggest_topics(
    State(state): State<Arc<AppState>>,
    _user: CurrentUser,
    Query(ask): Query<SuggestAsk>,
) -> Result<Json<Suggestions<SuggestionJson>>, AppError> {
    let (edition_id, query) = ask.in_edition(&state)?;
    let found = topic_suggestions(state.store.as_ref(), edition_id, &query).await?;
    Ok(answer(found))
}

/// `GET /admin/suggest/keywords`: the edition's keywords in use.
pub async fn suggest_keywords(
    State(state): State<Arc<AppState>>,
    _user: CurrentUser,
    Query(ask): Query<SuggestAsk>,
) -> Result<Json<Suggestions<SuggestionJson>>, AppError> {
    let (edition_id, query) = ask.in_edition(&state)?;
    let found = keyword_suggestions(state.store.as_ref(), edition_id, &query).await?;
    Ok(answer(found))
}

/// `GET /admin/suggest/bylines`: staff authors and agencies.
pub async fn suggest_bylines(
    State(state): State<Arc<AppState>>,
    _user: CurrentUser,
    Query(ask): Query<SuggestAsk>,
) -> Result<Json<Suggestions<SuggestionJson>>, AppError> {
    let query = ask.query()?;
    let found = byline_suggestions(state.store.as_ref(), &query).await?;
    Ok(answer(found))
}

fn edition_language(edition: &EditionSite) -> (i64, Language) {
    let language = Language::from_tag(&edition.edition.language);
    (edition.edition.id, language)
}

/// `GET /admin/suggest/stories`: stories the account may see, by their words (`q`, in
/// the edition when one is given) or by id (`ids`), with state, section and date.
pub async fn suggest_stories(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Query(ask): Query<SuggestAsk>,
) -> Result<Json<Suggestions<StoryRow>>, AppError> {
    let (query, ids) = (ask.query()?, ask.ids()?);
    let site = state.site();
    let edition = match ask.edition {
        Some(id) => Some(edition_language(
            site.edition(id).ok_or(AppError::NotFound)?,
        )),
        None => None,
    };
    let store = state.store.as_ref();
    let found = if ids.is_empty() {
        story_suggestions(store, &state.search, user.actor, edition, &query).await?
    } else {
        stories_by_id(store, user.actor, &ids).await?
    };
    Ok(Json(Suggestions {
        results: StoryRow::all(&site, found, &user.user.language),
    }))
}
