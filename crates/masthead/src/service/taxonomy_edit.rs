//! Topics and keywords in the newsroom: create and rename topics, list keywords with
//! their story counts, and merge one keyword into another. Renamed topics and merged
//! keywords keep their old pages answering (301).

use serde::Deserialize;
use store::slug::slugify;
use store::*;

use crate::domain::permission::Action;
use crate::domain::refusal::{Named, Refusal};
use crate::domain::text::one_line;
use crate::service::actor::Actor;
use crate::service::error::{ServiceError, ServiceResult, invalid};
use crate::service::section_edit::{self, named_entry};

/// The longest topic name.
pub const MAX_NAME: usize = section_edit::MAX_NAME;

/// A topic form as typed.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct TopicInput {
    /// Display name.
    pub name: String,
    /// URL segment; empty to make one from the name.
    pub slug: String,
    /// One-line description.
    pub description: String,
}

fn check_topic(input: &TopicInput) -> Result<(String, String, String), Refusal> {
    named_entry(&input.name, &input.slug, &input.description)
}

fn taken(error: StoreError, slug: &str) -> ServiceError {
    match error.constraint() {
        Some(Constraint::TopicSlug) => {
            ServiceError::Conflict(Refusal::TopicSlugTaken { slug: slug.into() })
        }
        _ => error.into(),
    }
}

/// Creates a topic.
pub async fn create_topic(
    store: &dyn Store,
    actor: Actor,
    edition_id: i64,
    input: &TopicInput,
) -> ServiceResult<i64> {
    actor.require(Action::ManageTaxonomy)?;
    let (name, slug, description) = check_topic(input).map_err(ServiceError::Invalid)?;
    let topic = NewTopic {
        edition_id,
        slug,
        name,
        description,
    };
    let audit = actor.audit(
        "topic.create",
        "topic",
        None,
        format!("/topic/{}", topic.slug),
    );
    store
        .add_topic(&topic, &audit)
        .await
        .map_err(|error| taken(error, &topic.slug))
}

/// Renames a topic (name, slug, description).
pub async fn update_topic(
    store: &dyn Store,
    actor: Actor,
    edition_id: i64,
    id: i64,
    input: &TopicInput,
) -> ServiceResult<()> {
    actor.require(Action::ManageTaxonomy)?;
    let (name, slug, description) = check_topic(input).map_err(ServiceError::Invalid)?;
    let old = store
        .topics(&[id])
        .await?
        .into_iter()
        .find(|topic| topic.edition_id == edition_id)
        .ok_or(ServiceError::NotFound)?;
    let topic = Topic {
        id,
        edition_id,
        slug,
        name,
        description,
    };
    let detail = format!("{} → {} (/topic/{})", old.name, topic.name, topic.slug);
    let audit = actor.audit("topic.update", "topic", Some(id), detail);
    store
        .update_topic(&topic, &audit)
        .await
        .map_err(|error| taken(error, &topic.slug))
}

/// A keyword typed by slug or by name.
async fn find_keyword(store: &dyn Store, edition_id: i64, typed: &str) -> ServiceResult<Keyword> {
    let typed = one_line(typed, Named::Keyword, 200, false).map_err(ServiceError::Invalid)?;
    let slug = slugify(&typed, 80);
    match store.keyword_by_slug(edition_id, &slug).await? {
        Some(keyword) => Ok(keyword),
        None => invalid(Refusal::KeywordUnknown { typed }),
    }
}

/// Merges keyword `from` into `into` (each typed by slug or name): its stories get
/// `into`, `from` is deleted, and its page answers 301 with `into`'s.
pub async fn merge_keywords(
    store: &dyn Store,
    actor: Actor,
    edition_id: i64,
    from: &str,
    into: &str,
) -> ServiceResult<(Keyword, Keyword)> {
    actor.require(Action::ManageTaxonomy)?;
    let from = find_keyword(store, edition_id, from).await?;
    let into = find_keyword(store, edition_id, into).await?;
    if from.id == into.id {
        return invalid(Refusal::KeywordsSame);
    }
    let detail = format!("{} → {}", from.slug, into.slug);
    let audit = actor.audit("keyword.merge", "keyword", Some(into.id), detail);
    store
        .merge_keywords(edition_id, from.id, into.id, &audit)
        .await?;
    Ok((from, into))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topic_forms_are_cleaned_and_checked() {
        let typed = TopicInput {
            name: "<b>Climate</b>\u{0} crisis".into(),
            slug: String::new(),
            description: "Warming\nworld".into(),
        };

        let (name, slug, description) = check_topic(&typed).expect("accepted");

        assert_eq!(name, "<b>Climate</b> crisis");
        assert_eq!(slug, "b-climate-b-crisis");
        assert_eq!(description, "Warming world");
        let huge = TopicInput {
            name: "x".repeat(1 << 20),
            ..TopicInput::default()
        };
        let refused = check_topic(&huge).expect_err("refused");
        assert!(refused.to_string().contains("at most"));
    }
}
