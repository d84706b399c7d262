//! The breaking-news bar in the newsroom: a line of text, an optional link and an
//! expiry in the edition's timezone; set or cleared per edition.

use jiff::Timestamp;
use serde::Deserialize;
use store::{BreakingNews, Store};

use crate::domain::link::parse_link;
use crate::domain::permission::Action;
use crate::domain::refusal::{Named, Refusal};
use crate::domain::text::one_line;
use crate::domain::time::local_moment;
use crate::service::actor::Actor;
use crate::service::error::{ServiceError, ServiceResult};
use crate::service::site::EditionSite;

/// The longest bar text.
pub const MAX_TEXT: usize = 200;

/// The bar's form as typed.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct BreakingInput {
    /// What the bar says.
    pub text: String,
    /// Site path or http(s) address; empty for none.
    pub url: String,
    /// `datetime-local` value ("2026-12-01T18:30") in the edition's timezone.
    pub expires: String,
}

/// Checks a bar form at `now`.
fn check(
    edition: &EditionSite,
    input: &BreakingInput,
    now: Timestamp,
) -> Result<BreakingNews, Refusal> {
    let text = one_line(&input.text, Named::Text, MAX_TEXT, false)?;
    let url = if input.url.trim().is_empty() {
        String::new()
    } else {
        parse_link(&input.url)?
    };
    let expires_at = if input.expires.trim().is_empty() {
        return Err(Refusal::BreakingNeedsEnd);
    } else {
        local_moment(&input.expires, &edition.zone)?
    };
    if expires_at <= now {
        return Err(Refusal::BreakingEndPast);
    }
    Ok(BreakingNews {
        edition_id: edition.edition.id,
        text,
        url,
        expires_at,
    })
}

/// Sets an edition's bar; it shows on every page of the edition until it expires.
pub async fn set_breaking(
    store: &dyn Store,
    actor: Actor,
    edition: &EditionSite,
    input: &BreakingInput,
) -> ServiceResult<()> {
    actor.require(Action::CurateFronts)?;
    let news = check(edition, input, Timestamp::now()).map_err(ServiceError::Invalid)?;
    let detail = format!("{} (until {})", news.text, news.expires_at);
    let audit = actor.audit("breaking.set", "edition", Some(news.edition_id), detail);
    Ok(store.set_breaking_news(&news, &audit).await?)
}

/// Clears an edition's bar.
pub async fn clear_breaking(
    store: &dyn Store,
    actor: Actor,
    edition: &EditionSite,
) -> ServiceResult<()> {
    actor.require(Action::CurateFronts)?;
    let edition_id = edition.edition.id;
    let audit = actor.audit("breaking.clear", "edition", Some(edition_id), String::new());
    Ok(store.clear_breaking_news(edition_id, &audit).await?)
}
