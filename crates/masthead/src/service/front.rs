//! The home front: lead, top stories, opinion, galleries, videos, a block per top section
//! and the latest. Editors' pins take their numbered places first and the latest stories
//! fill the rest; no story shows twice on one front. Section fronts' pins are read here
//! too, for the top of their section page.

use std::collections::HashMap;

use store::*;

use crate::service::listing::Extras;
use crate::service::site::EditionSite;

/// Places in the top-stories block under the lead.
pub const TOP_STORIES: usize = 4;
/// Places per section block.
pub const SECTION_BLOCK: usize = 4;
/// Stories in the latest list.
const LATEST: u32 = 8;
/// The lead slot of a front (one place).
pub const LEAD_SLOT: &str = "lead";
/// The top-stories slot of a front.
pub const TOP_SLOT: &str = "top";

/// The slot of a section's block on the home front.
pub fn section_slot(section_id: i64) -> String {
    format!("section:{section_id}")
}

/// Kinds with a block of their own: a section block showing only these would repeat it.
const KIND_BLOCKS: [(StoryKind, &str); 3] = [
    (StoryKind::Opinion, "opinion"),
    (StoryKind::Gallery, "gallery"),
    (StoryKind::Video, "video"),
];

/// A titled block of teasers on a front.
#[derive(Debug)]
pub struct FrontBlock {
    /// The section the block shows, if it is a section block.
    pub section_id: Option<i64>,
    /// What the block shows: "top", "section", "opinion", "gallery", "video", "latest".
    pub role: &'static str,
    /// The teasers.
    pub teasers: Vec<Teaser>,
}

/// The home front of one edition.
#[derive(Debug)]
pub struct Front {
    /// The lead story.
    pub lead: Option<Teaser>,
    /// Blocks in page order.
    pub blocks: Vec<FrontBlock>,
    /// Images and topic labels.
    pub extras: Extras,
}

/// The published stories pinned on one front, by slot and place; each story once.
#[derive(Debug, Default)]
pub struct Pins {
    by_slot: HashMap<String, Vec<(i64, Teaser)>>,
    ids: Vec<i64>,
}

impl Pins {
    /// Loads a front's pins, leaving out stories no longer published in the edition.
    pub async fn load(store: &dyn Store, edition_id: i64, front_id: i64) -> StoreResult<Pins> {
        let pins = store.front_pins(edition_id, front_id).await?;
        if pins.is_empty() {
            return Ok(Pins::default());
        }
        let mut ids: Vec<i64> = pins.iter().map(|pin| pin.story_id).collect();
        ids.sort_unstable();
        ids.dedup();
        let mut teasers: HashMap<i64, Teaser> = store
            .teasers_by_ids(&ids)
            .await?
            .into_iter()
            .filter(|teaser| teaser.edition_id == edition_id && teaser.kind != StoryKind::Page)
            .map(|teaser| (teaser.id, teaser))
            .collect();
        let mut loaded = Pins::default();
        for pin in pins {
            if let Some(teaser) = teasers.remove(&pin.story_id) {
                loaded.ids.push(teaser.id);
                let places = loaded.by_slot.entry(pin.slot).or_default();
                places.push((pin.position, teaser));
            }
        }
        Ok(loaded)
    }

    /// Every pinned story's id.
    pub fn ids(&self) -> &[i64] {
        &self.ids
    }

    /// The pins of a slot, by place.
    pub fn slot(&self, slot: &str) -> &[(i64, Teaser)] {
        self.by_slot.get(slot).map_or(&[], Vec::as_slice)
    }

    /// A slot's pinned stories in order of place.
    pub fn teasers(&self, slot: &str) -> impl Iterator<Item = &Teaser> {
        self.slot(slot).iter().map(|(_, teaser)| teaser)
    }
}

/// Numbered places 1..=`places`: pins at their numbers, the rest from `fill` in order.
fn fill_places(pinned: &[(i64, Teaser)], fill: Vec<Teaser>, places: usize) -> Vec<Teaser> {
    let mut fill = fill.into_iter();
    (1..=places as i64)
        .filter_map(|place| {
            pinned
                .iter()
                .find(|(position, _)| *position == place)
                .map(|(_, teaser)| teaser.clone())
                .or_else(|| fill.next())
        })
        .collect()
}

/// Picks the latest stories a front has not shown yet.
struct Filler<'a> {
    store: &'a dyn Store,
    edition_id: i64,
    shown: Vec<i64>,
}

impl Filler<'_> {
    async fn latest(
        &self,
        filter: StoryFilter,
        limit: usize,
        image: bool,
    ) -> StoreResult<Vec<Teaser>> {
        if limit == 0 {
            return Ok(Vec::new());
        }
        let mut query = StoryQuery::latest(self.edition_id, filter, limit as u32);
        query.exclude = self.shown.clone();
        query.with_image = image;
        self.store.teasers(&query).await
    }

    fn keep(&mut self, teasers: &[Teaser]) {
        self.shown.extend(teasers.iter().map(|teaser| teaser.id));
    }

    /// A block of numbered places: its pins, then the latest stories matching `filter`.
    async fn block(
        &mut self,
        pins: &[(i64, Teaser)],
        filter: StoryFilter,
        places: usize,
    ) -> StoreResult<Vec<Teaser>> {
        let pinned = pins
            .iter()
            .filter(|(place, _)| (1..=places as i64).contains(place));
        let fill = self.latest(filter, places - pinned.count(), false).await?;
        Ok(fill_places(pins, fill, places))
    }
}

/// Builds an edition's home front from its pins and the latest published stories.
pub async fn home_front(store: &dyn Store, site: &EditionSite) -> StoreResult<Front> {
    let edition_id = site.edition.id;
    let pins = Pins::load(store, edition_id, HOME_FRONT).await?;
    // Pinned stories are kept for their places from the start, so nothing fills in a copy.
    let mut filler = Filler {
        store,
        edition_id,
        shown: pins.ids().to_vec(),
    };
    let lead = match pins.teasers(LEAD_SLOT).next() {
        Some(pinned) => Some(pinned.clone()),
        None => {
            let filter = StoryFilter::Kind(StoryKind::News);
            filler.latest(filter, 1, true).await?.pop()
        }
    };
    filler.keep(lead.as_slice());
    let top = filler
        .block(pins.slot(TOP_SLOT), StoryFilter::All, TOP_STORIES)
        .await?;
    filler.keep(&top);
    let mut blocks = vec![FrontBlock {
        section_id: None,
        role: "top",
        teasers: top,
    }];
    for (kind, role) in KIND_BLOCKS {
        let teasers = filler
            .latest(StoryFilter::Kind(kind), SECTION_BLOCK, false)
            .await?;
        filler.keep(&teasers);
        blocks.push(FrontBlock {
            section_id: None,
            role,
            teasers,
        });
    }
    blocks.extend(section_blocks(&mut filler, &pins, site).await?);
    let latest = filler
        .latest(StoryFilter::All, LATEST as usize, false)
        .await?;
    blocks.push(FrontBlock {
        section_id: None,
        role: "latest",
        teasers: latest,
    });
    let teasers = lead
        .iter()
        .chain(blocks.iter().flat_map(|b| b.teasers.iter()));
    let extras = Extras::for_teasers(store, teasers, Vec::new(), Vec::new()).await?;
    Ok(Front {
        lead,
        blocks,
        extras,
    })
}

/// A block per top section with stories. A section whose latest stories are all of a
/// kind with its own block (an opinion or video section) gets none unless an editor
/// pinned something in it: its block would only repeat that kind's.
async fn section_blocks(
    filler: &mut Filler<'_>,
    pins: &Pins,
    site: &EditionSite,
) -> StoreResult<Vec<FrontBlock>> {
    let mut blocks = Vec::new();
    for section in site.top_sections() {
        let slot = pins.slot(&section_slot(section.id));
        let teasers = filler
            .block(slot, StoryFilter::Section(section.id), SECTION_BLOCK)
            .await?;
        let repeats_a_kind = teasers
            .iter()
            .all(|teaser| KIND_BLOCKS.iter().any(|(kind, _)| teaser.kind == *kind));
        if teasers.is_empty() || (slot.is_empty() && repeats_a_kind) {
            continue;
        }
        filler.keep(&teasers);
        blocks.push(FrontBlock {
            section_id: Some(section.id),
            role: "section",
            teasers,
        });
    }
    Ok(blocks)
}

/// The pins of a section's front in reading order: the lead, then the top stories.
pub async fn section_pins(
    store: &dyn Store,
    edition_id: i64,
    section_id: i64,
) -> StoreResult<Vec<Teaser>> {
    let pins = Pins::load(store, edition_id, section_id).await?;
    Ok(pins
        .teasers(LEAD_SLOT)
        .chain(pins.teasers(TOP_SLOT))
        .cloned()
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn teaser(id: i64) -> Teaser {
        Teaser {
            id,
            edition_id: 1,
            kind: StoryKind::News,
            headline: format!("Story {id}"),
            standfirst: None,
            slug: format!("story-{id}"),
            section_id: Some(1),
            hero_image_id: None,
            topic_id: None,
            published_at: None,
        }
    }

    #[test]
    fn pins_take_their_places_and_the_latest_fill_the_rest() {
        let pinned = [(2, teaser(10)), (4, teaser(11))];
        let fill = vec![teaser(1), teaser(2), teaser(3)];

        let ids: Vec<i64> = fill_places(&pinned, fill, 4).iter().map(|t| t.id).collect();

        assert_eq!(ids, [1, 10, 2, 11]);
    }
}
