//! A published story with everything its page shows: byline, images, topics, keywords,
//! recommendations and more stories.

use std::collections::HashMap;

use store::*;

use crate::service::listing::Extras;

/// How many recommended stories a story page shows.
const RECOMMENDED: u32 = 4;
/// How many "more stories" teasers a story page shows.
const MORE_STORIES: u32 = 6;

/// A story and everything around it.
#[derive(Debug)]
pub struct StoryBundle {
    /// The story.
    pub story: Story,
    /// Its byline, resolved.
    pub credits: Vec<Credit>,
    /// Its topics, in order.
    pub topics: Vec<Topic>,
    /// Its keywords, in order.
    pub keywords: Vec<Keyword>,
    /// Editor-picked recommendations, topped up with similar stories.
    pub recommended: Vec<Teaser>,
    /// Stories named by inline related blocks, by id.
    pub related: HashMap<i64, Teaser>,
    /// Latest stories of the same top section.
    pub more: Vec<Teaser>,
    /// Images and topic labels of all of the above.
    pub extras: Extras,
}

/// Loads a published story at a section (none for static pages) and slug.
pub async fn find_story(
    store: &dyn Store,
    edition_id: i64,
    section_id: Option<i64>,
    more_from_section: Option<i64>,
    slug: &str,
) -> StoreResult<Option<StoryBundle>> {
    let Some(story) = store.published_story(edition_id, section_id, slug).await? else {
        return Ok(None);
    };
    let credits = resolve_credits(store, &story.credits).await?;
    let topics = store.topics(&story.topic_ids).await?;
    let keywords = store.keywords(&story.keyword_ids).await?;
    let recommended = recommendations(store, &story).await?;
    let related: HashMap<i64, Teaser> = store
        .teasers_by_ids(&story.body.related_story_ids())
        .await?
        .into_iter()
        .map(|teaser| (teaser.id, teaser))
        .collect();
    let more = match (story.kind, more_from_section) {
        (StoryKind::Page, _) | (_, None) => Vec::new(),
        (_, Some(section)) => {
            let mut query =
                StoryQuery::latest(edition_id, StoryFilter::Section(section), MORE_STORIES);
            query.exclude = recommended.iter().map(|teaser| teaser.id).collect();
            query.exclude.push(story.id);
            store.teasers(&query).await?
        }
    };
    let mut image_ids: Vec<i64> = story.hero_image_id.into_iter().collect();
    image_ids.extend(story.body.image_ids());
    image_ids.extend(story.gallery.iter().map(|item| item.image_id));
    let teasers = recommended
        .iter()
        .chain(related.values())
        .chain(more.iter());
    let extras = Extras::for_teasers(store, teasers, image_ids, Vec::new()).await?;
    Ok(Some(StoryBundle {
        story,
        credits,
        topics,
        keywords,
        recommended,
        related,
        more,
        extras,
    }))
}

/// Editor picks first; similar stories (shared topics and keywords) fill the rest.
async fn recommendations(store: &dyn Store, story: &Story) -> StoreResult<Vec<Teaser>> {
    if story.kind == StoryKind::Page {
        return Ok(Vec::new());
    }
    let mut picked = store.teasers_by_ids(&story.recommended_ids).await?;
    if picked.len() < RECOMMENDED as usize {
        for teaser in store.similar_teasers(story, RECOMMENDED * 2).await? {
            if picked.len() < RECOMMENDED as usize && picked.iter().all(|p| p.id != teaser.id) {
                picked.push(teaser);
            }
        }
    }
    picked.truncate(RECOMMENDED as usize);
    Ok(picked)
}

async fn resolve_credits(store: &dyn Store, credits: &[CreditRef]) -> StoreResult<Vec<Credit>> {
    let author_ids: Vec<i64> = credits
        .iter()
        .filter_map(|credit| match credit {
            CreditRef::Author(id, _) => Some(*id),
            CreditRef::Agency(..) => None,
        })
        .collect();
    let agency_ids: Vec<i64> = credits
        .iter()
        .filter_map(|credit| match credit {
            CreditRef::Agency(id, _) => Some(*id),
            CreditRef::Author(..) => None,
        })
        .collect();
    let authors = store.authors(&author_ids).await?;
    let agencies = store.agencies(&agency_ids).await?;
    Ok(credits
        .iter()
        .filter_map(|credit| match *credit {
            CreditRef::Author(id, role) => {
                authors.iter().find(|a| a.id == id).map(|author| Credit {
                    role,
                    contributor: Contributor::Author(author.clone()),
                })
            }
            CreditRef::Agency(id, role) => {
                agencies.iter().find(|a| a.id == id).map(|agency| Credit {
                    role,
                    contributor: Contributor::Agency(agency.clone()),
                })
            }
        })
        .collect())
}
