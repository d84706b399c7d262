//! A published story with everything its page shows: byline, images, topics, keywords,
//! recommendations and more stories.

use std::collections::HashMap;

use search::Language;
use store::*;

use crate::service::listing::Extras;
use crate::service::search::{RelatedTo, SearchService};

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
    /// Editor-picked recommendations, topped up with stories sharing its topics and
    /// keywords, then with those sharing the most weighted words (the search index).
    pub recommended: Vec<Teaser>,
    /// Stories named by inline related blocks, by id.
    pub related: HashMap<i64, Teaser>,
    /// Latest stories of the same top section.
    pub more: Vec<Teaser>,
    /// Its published translations in the other editions.
    pub translations: Vec<Teaser>,
    /// Images and topic labels of all of the above.
    pub extras: Extras,
}

/// Where a story page's stories come from: the database, and the search index's related
/// stories in the edition's language.
#[derive(Clone, Copy)]
pub struct Sources<'a> {
    /// The database.
    pub store: &'a dyn Store,
    /// The search service.
    pub search: &'a SearchService,
    /// The edition's language.
    pub language: Language,
}

/// Loads a published story at a section (none for static pages) and slug.
pub async fn find_story(
    sources: Sources<'_>,
    edition_id: i64,
    section_id: Option<i64>,
    more_from_section: Option<i64>,
    slug: &str,
) -> StoreResult<Option<StoryBundle>> {
    let Some(story) = sources
        .store
        .published_story(edition_id, section_id, slug)
        .await?
    else {
        return Ok(None);
    };
    story_bundle(sources, story, more_from_section)
        .await
        .map(Some)
}

/// Loads everything a story's page shows around it (also for newsroom previews of
/// stories not yet published).
pub async fn story_bundle(
    sources: Sources<'_>,
    story: Story,
    more_from_section: Option<i64>,
) -> StoreResult<StoryBundle> {
    let store = sources.store;
    // Independent reads run together: each is a round trip to a database thread.
    let related_ids = story.body.related_story_ids();
    let (credits, topics, keywords, recommended, related, latest, translations) = tokio::try_join!(
        resolve_credits(store, &story.credits),
        store.topics(&story.topic_ids),
        store.keywords(&story.keyword_ids),
        recommendations(sources, &story),
        store.teasers_by_ids(&related_ids),
        more_stories(store, &story, more_from_section),
        published_translations(store, story.id),
    )?;
    let related: HashMap<i64, Teaser> = related
        .into_iter()
        .map(|teaser| (teaser.id, teaser))
        .collect();
    let more: Vec<Teaser> = latest
        .into_iter()
        .filter(|teaser| recommended.iter().all(|picked| picked.id != teaser.id))
        .take(MORE_STORIES as usize)
        .collect();
    let mut image_ids: Vec<i64> = story.hero_image_id.into_iter().collect();
    image_ids.extend(story.body.image_ids());
    image_ids.extend(story.gallery.iter().map(|item| item.image_id));
    image_ids.extend(
        credits
            .iter()
            .filter_map(|credit| match &credit.contributor {
                Contributor::Agency(agency) => agency.logo_id,
                Contributor::Author(_) => None,
            }),
    );
    let teasers = recommended
        .iter()
        .chain(related.values())
        .chain(more.iter());
    let extras = Extras::for_teasers(store, teasers, image_ids, Vec::new()).await?;
    Ok(StoryBundle {
        story,
        credits,
        topics,
        keywords,
        recommended,
        related,
        more,
        translations,
        extras,
    })
}

/// A story's translations that readers can open: the published ones.
async fn published_translations(store: &dyn Store, id: i64) -> StoreResult<Vec<Teaser>> {
    let links = store.translations(id).await?;
    if links.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i64> = links.iter().map(|link| link.story_id).collect();
    store.teasers_by_ids(&ids).await
}

/// The latest stories of a section, enough to fill "more stories" after dropping the
/// recommended ones.
async fn more_stories(
    store: &dyn Store,
    story: &Story,
    section: Option<i64>,
) -> StoreResult<Vec<Teaser>> {
    let Some(section) = section.filter(|_| story.kind != StoryKind::Page) else {
        return Ok(Vec::new());
    };
    let limit = MORE_STORIES + RECOMMENDED;
    let mut query = StoryQuery::latest(story.edition_id, StoryFilter::Section(section), limit);
    query.exclude.push(story.id);
    store.teasers(&query).await
}

/// Editor picks first; similar stories (shared topics and keywords) fill the rest, then
/// related ones (the most weighted words in common).
async fn recommendations(sources: Sources<'_>, story: &Story) -> StoreResult<Vec<Teaser>> {
    if story.kind == StoryKind::Page {
        return Ok(Vec::new());
    }
    let store = sources.store;
    let (mut picked, similar) = tokio::try_join!(
        store.teasers_by_ids(&story.recommended_ids),
        store.similar_teasers(story, RECOMMENDED * 2),
    )?;
    let wanted = RECOMMENDED as usize;
    let add = |picked: &mut Vec<Teaser>, teasers: Vec<Teaser>| {
        for teaser in teasers {
            if picked.len() < wanted && picked.iter().all(|p| p.id != teaser.id) {
                picked.push(teaser);
            }
        }
    };
    add(&mut picked, similar);
    if picked.len() < wanted {
        let to = RelatedTo {
            story_id: story.id,
            edition_id: story.edition_id,
            language: sources.language,
            texts: vec![
                &story.headline,
                story.standfirst.as_deref().unwrap_or_default(),
            ],
        };
        add(
            &mut picked,
            sources.search.related(store, &to, wanted).await?,
        );
    }
    picked.truncate(wanted);
    Ok(picked)
}

/// What a list shows of a story: its teaser.
pub fn teaser_of_story(story: &Story) -> Teaser {
    Teaser {
        id: story.id,
        edition_id: story.edition_id,
        kind: story.kind,
        headline: story.headline.clone(),
        standfirst: story.standfirst.clone(),
        slug: story.slug.clone(),
        section_id: story.section_id,
        hero_image_id: story.hero_image_id,
        topic_id: story.topic_ids.first().copied(),
        published_at: story.published_at,
    }
}

/// A byline's credits with their authors and agencies loaded, in order; credits whose
/// author or agency is gone are left out.
pub async fn resolve_credits(store: &dyn Store, credits: &[CreditRef]) -> StoreResult<Vec<Credit>> {
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
    let (authors, agencies) =
        tokio::try_join!(store.authors(&author_ids), store.agencies(&agency_ids))?;
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
