//! Lists of teasers with what they show beside the headline: images and topic labels.

use std::collections::HashMap;

use store::{Cursor, Image, Store, StoreResult, StoryId, StoryQuery, Teaser, Topic};

use crate::domain::paging::Position;

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

/// Stories of a list with what they show.
#[derive(Debug)]
pub struct Listing {
    /// The teasers, newest first.
    pub items: Vec<Teaser>,
    /// What the teasers show.
    pub extras: Extras,
}

/// A page of a list at a position, and the positions of the pages beside it.
#[derive(Debug)]
pub struct ListPage {
    /// Its stories.
    pub listing: Listing,
    /// Where it starts; a page of newer stories that reaches the newest is the first.
    pub position: Position,
    /// The page of newer stories, if any.
    pub newer: Option<Position>,
    /// The page of older stories, if any.
    pub older: Option<Position>,
}

/// Loads the newest stories of a list.
pub async fn list(store: &dyn Store, query: &StoryQuery) -> StoreResult<Listing> {
    let items = store.teasers(query).await?;
    let extras = Extras::for_teasers(store, items.iter(), Vec::new(), Vec::new()).await?;
    Ok(Listing { items, extras })
}

/// Loads the page of a list at `position`, `query.limit` stories to a page, opening with
/// the pinned stories on its first page; they are left out of the rest of the list, so
/// none shows twice. `None` when there is no such page.
pub async fn list_page(
    store: &dyn Store,
    mut query: StoryQuery,
    position: Position,
    pinned: Vec<Teaser>,
) -> StoreResult<Option<ListPage>> {
    let size = query.limit as usize;
    query.exclude.extend(pinned.iter().map(|teaser| teaser.id));
    // One story more than a page tells whether another page follows.
    query.limit += 1;
    match position {
        Position::Number(page) => {
            query.offset = (page - 1).saturating_mul(size as u32);
            query.cursor = None;
        }
        Position::Before(id) => query.cursor = Some(Cursor::Before(StoryId(id))),
        Position::After(id) => query.cursor = Some(Cursor::After(StoryId(id))),
    }
    let mut items = store.teasers(&query).await?;
    let (newer, older) = match position {
        // Nothing newer: no such story in the list (the newest has no newer page).
        Position::After(_) if items.is_empty() => return Ok(None),
        Position::After(_) if items.len() <= size => {
            // Fewer newer stories than a page: they are all on the first page.
            query.limit -= 1;
            query.exclude.truncate(query.exclude.len() - pinned.len());
            return Box::pin(list_page(store, query, Position::FIRST, pinned)).await;
        }
        Position::After(_) => {
            items.remove(0);
            let newer = items.first().map(|teaser| Position::After(teaser.id));
            (
                newer,
                items.last().map(|teaser| Position::Before(teaser.id)),
            )
        }
        Position::Number(_) | Position::Before(_) => {
            let more = items.len() > size;
            items.truncate(size);
            let newer = match position {
                Position::Number(1) => None,
                Position::Number(page) => Some(Position::Number(page - 1)),
                _ => items.first().map(|teaser| Position::After(teaser.id)),
            };
            let older = items.last().filter(|_| more);
            (newer, older.map(|teaser| Position::Before(teaser.id)))
        }
    };
    if items.is_empty() && !position.is_first() {
        return Ok(None);
    }
    if position.is_first() {
        items.splice(0..0, pinned);
    }
    let extras = Extras::for_teasers(store, items.iter(), Vec::new(), Vec::new()).await?;
    Ok(Some(ListPage {
        listing: Listing { items, extras },
        position,
        newer,
        older,
    }))
}
