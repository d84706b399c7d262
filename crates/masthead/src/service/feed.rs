//! The stories of a feed with everything its items carry: byline, topics, keywords and
//! lead image, and the body for the full-text variant.

use std::collections::HashMap;

use futures_util::future::try_join_all;
use store::{Credit, Image, Keyword, Store, StoreResult, Story, StoryQuery, Topic};

use crate::service::story::resolve_credits;

/// One story of a feed.
#[derive(Debug)]
pub struct FeedStory {
    /// The story, body included.
    pub story: Story,
    /// Its byline, resolved.
    pub credits: Vec<Credit>,
    /// Its topics, in order.
    pub topics: Vec<Topic>,
    /// Its keywords, in order.
    pub keywords: Vec<Keyword>,
}

/// The stories of a feed, newest first, and the images they show.
#[derive(Debug)]
pub struct FeedStories {
    /// The stories.
    pub stories: Vec<FeedStory>,
    /// Lead images and body images, by id.
    pub images: HashMap<i64, Image>,
}

/// Loads the newest published stories a query names, with their bylines, topics,
/// keywords and images. Each story is read whole (a feed is rendered once per change,
/// then served from the page cache), its credits resolved beside it.
pub async fn feed_stories(store: &dyn Store, query: &StoryQuery) -> StoreResult<FeedStories> {
    let teasers = store.teasers(query).await?;
    let loaded = try_join_all(teasers.iter().map(|teaser| async move {
        let story = store
            .published_story(teaser.edition_id, teaser.section_id, &teaser.slug)
            .await?;
        match story {
            Some(story) => {
                let credits = resolve_credits(store, &story.credits).await?;
                Ok(Some((story, credits)))
            }
            // Unpublished between the two reads: left out.
            None => Ok(None),
        }
    }))
    .await?;
    let loaded: Vec<(Story, Vec<Credit>)> = loaded.into_iter().flatten().collect();
    let mut topic_ids = Vec::new();
    let mut keyword_ids = Vec::new();
    let mut image_ids = Vec::new();
    for (story, _) in &loaded {
        topic_ids.extend(&story.topic_ids);
        keyword_ids.extend(&story.keyword_ids);
        image_ids.extend(story.hero_image_id);
        image_ids.extend(story.body.image_ids());
    }
    for ids in [&mut topic_ids, &mut keyword_ids, &mut image_ids] {
        ids.sort_unstable();
        ids.dedup();
    }
    let (topics, keywords, images) = tokio::try_join!(
        store.topics(&topic_ids),
        store.keywords(&keyword_ids),
        store.images(&image_ids),
    )?;
    let stories = loaded
        .into_iter()
        .map(|(story, credits)| FeedStory {
            topics: pick(&topics, &story.topic_ids, |topic| topic.id),
            keywords: pick(&keywords, &story.keyword_ids, |keyword| keyword.id),
            story,
            credits,
        })
        .collect();
    Ok(FeedStories {
        stories,
        images: images.into_iter().map(|image| (image.id, image)).collect(),
    })
}

/// The items with these ids, in the order of the ids, skipping any not loaded.
fn pick<T: Clone>(items: &[T], ids: &[i64], id_of: impl Fn(&T) -> i64) -> Vec<T> {
    ids.iter()
        .filter_map(|id| items.iter().find(|item| id_of(item) == *id))
        .cloned()
        .collect()
}
