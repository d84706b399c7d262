//! The editor's type-ahead suggestions: sections, topics, keywords, bylines (staff
//! authors and agencies) and stories, each at most `MAX_SUGGESTIONS`, stories limited to
//! what the account may see.

use search::Language;
use store::{KeywordQuery, Store, StoryListQuery, StorySummary};

use crate::domain::suggest::{MAX_SUGGESTIONS, SuggestQuery, best_matches};
use crate::service::actor::Actor;
use crate::service::error::ServiceResult;
use crate::service::newsroom::{StoryListAsk, story_list, visible_owner};
use crate::service::search::SearchService;
use crate::service::site::EditionSite;

/// One suggestion: what the field posts and what the list shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    /// The value the form posts ("12", "a:3", a keyword's name).
    pub value: String,
    /// The name shown.
    pub label: String,
    /// What kind of thing it is, where a list mixes kinds ("author", "agency").
    pub kind: &'static str,
}

fn suggestion(value: impl ToString, label: &str, kind: &'static str) -> Suggestion {
    Suggestion {
        value: value.to_string(),
        label: label.to_string(),
        kind,
    }
}

/// Every section of an edition with its trail ("Politics › Diplomacy"), in tree order.
pub fn section_trails(edition: &EditionSite) -> Vec<(i64, String)> {
    edition
        .sections
        .iter()
        .map(|section| {
            let trail: Vec<&str> = edition
                .section_trail(section.id)
                .iter()
                .map(|s| s.name.as_str())
                .collect();
            (section.id, trail.join(" › "))
        })
        .collect()
}

/// The edition's sections whose trail holds the query.
pub fn section_suggestions(edition: &EditionSite, query: &SuggestQuery) -> Vec<Suggestion> {
    let trails = section_trails(edition);
    best_matches(&trails, |(_, trail)| trail, query)
        .into_iter()
        .map(|(id, trail)| suggestion(id, trail, "section"))
        .collect()
}

/// The edition's topics whose name holds the query.
pub async fn topic_suggestions(
    store: &dyn Store,
    edition_id: i64,
    query: &SuggestQuery,
) -> ServiceResult<Vec<Suggestion>> {
    let topics = store.edition_topics(edition_id).await?;
    Ok(best_matches(&topics, |topic| &topic.name, query)
        .into_iter()
        .map(|topic| suggestion(topic.id, &topic.name, "topic"))
        .collect())
}

/// The edition's keywords whose name or slug holds the query, by name.
pub async fn keyword_suggestions(
    store: &dyn Store,
    edition_id: i64,
    query: &SuggestQuery,
) -> ServiceResult<Vec<Suggestion>> {
    let found = store
        .keyword_counts(&KeywordQuery {
            edition_id,
            search: query.as_str().to_string(),
            limit: MAX_SUGGESTIONS as u32,
            offset: 0,
        })
        .await?;
    Ok(found
        .iter()
        .map(|count| suggestion(&count.keyword.name, &count.keyword.name, "keyword"))
        .collect())
}

/// Staff authors and agencies whose name holds the query, authors first.
pub async fn byline_suggestions(
    store: &dyn Store,
    query: &SuggestQuery,
) -> ServiceResult<Vec<Suggestion>> {
    let (authors, agencies) = tokio::try_join!(store.all_authors(), store.all_agencies())?;
    let mut people: Vec<Suggestion> = authors
        .iter()
        .map(|author| suggestion(format!("a:{}", author.id), &author.name, "author"))
        .collect();
    people.extend(
        agencies
            .iter()
            .map(|agency| suggestion(format!("g:{}", agency.id), &agency.name, "agency")),
    );
    Ok(best_matches(&people, |person| &person.label, query)
        .into_iter()
        .cloned()
        .collect())
}

/// Stories of an edition whose words (headline first) match the query in the search
/// index, the last word as a prefix while it is being typed, among those the account may
/// see, best first.
pub async fn story_suggestions(
    store: &dyn Store,
    search: &SearchService,
    actor: Actor,
    edition: Option<(i64, Language)>,
    query: &SuggestQuery,
) -> ServiceResult<Vec<StorySummary>> {
    if query.is_empty() {
        return Ok(Vec::new());
    }
    let ask = StoryListAsk {
        text: query.as_str(),
        typing: true,
        edition,
        limit: MAX_SUGGESTIONS as u32,
        ..StoryListAsk::default()
    };
    story_list(store, search, actor, &ask).await
}

/// The stories with these ids that the account may see (for the cards of stories picked
/// already), in the order asked.
pub async fn stories_by_id(
    store: &dyn Store,
    actor: Actor,
    ids: &[i64],
) -> ServiceResult<Vec<StorySummary>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let query = StoryListQuery {
        owner_id: visible_owner(actor),
        ids: Some(ids.to_vec()),
        limit: ids.len() as u32,
        ..StoryListQuery::default()
    };
    let mut found = store.story_summaries(&query).await?;
    found.sort_by_key(|story| ids.iter().position(|id| *id == story.id));
    Ok(found)
}
