//! Lists of teasers with what they show beside the headline: images and topic labels.

use std::collections::HashMap;

use store::{Image, Page, Store, StoreResult, StoryQuery, Teaser, Topic};

/// Images and topics that a set of teasers (or a story page) refers to, by id.
#[derive(Debug, Default)]
pub struct Extras {
    /// Images by id.
    pub images: HashMap<i64, Image>,
    /// Topics by id.
    pub topics: HashMap<i64, Topic>,
}

impl Extras {
    /// Loads the images and topics with these ids in two queries.
    pub async fn load(
        store: &dyn Store,
        image_ids: &[i64],
        topic_ids: &[i64],
    ) -> StoreResult<Self> {
        let (images, topics) = tokio::try_join!(store.images(image_ids), store.topics(topic_ids))?;
        Ok(Extras {
            images: images.into_iter().map(|image| (image.id, image)).collect(),
            topics: topics.into_iter().map(|topic| (topic.id, topic)).collect(),
        })
    }

    /// Loads what these teasers show, plus extra images and topics.
    pub async fn for_teasers<'a>(
        store: &dyn Store,
        teasers: impl Iterator<Item = &'a Teaser>,
        mut image_ids: Vec<i64>,
        mut topic_ids: Vec<i64>,
    ) -> StoreResult<Self> {
        for teaser in teasers {
            image_ids.extend(teaser.hero_image_id);
            topic_ids.extend(teaser.topic_id);
        }
        image_ids.sort_unstable();
        image_ids.dedup();
        topic_ids.sort_unstable();
        topic_ids.dedup();
        Extras::load(store, &image_ids, &topic_ids).await
    }
}

/// One page of a story list with its extras.
#[derive(Debug)]
pub struct Listing {
    /// The teasers and the total count.
    pub page: Page<Teaser>,
    /// What the teasers show.
    pub extras: Extras,
}

/// Loads one page of a list.
pub async fn list(store: &dyn Store, query: &StoryQuery) -> StoreResult<Listing> {
    list_with_pins(store, query.clone(), Vec::new()).await
}

/// Loads one page of a list that opens, on its first page, with pinned stories; they are
/// left out of the rest of the list (and of its count), so none shows twice.
pub async fn list_with_pins(
    store: &dyn Store,
    mut query: StoryQuery,
    pinned: Vec<Teaser>,
) -> StoreResult<Listing> {
    query.exclude.extend(pinned.iter().map(|teaser| teaser.id));
    let (items, total) = tokio::try_join!(store.teasers(&query), store.count_teasers(&query))?;
    let mut shown = if query.offset == 0 {
        pinned
    } else {
        Vec::new()
    };
    shown.extend(items);
    let page = Page {
        items: shown,
        total,
    };
    let extras = Extras::for_teasers(store, page.items.iter(), Vec::new(), Vec::new()).await?;
    Ok(Listing { page, extras })
}
