//! The home front: lead, top stories, a block per top section, opinion, galleries, latest.
//! No story shows twice on one front.

use store::*;

use crate::service::listing::Extras;
use crate::service::site::EditionSite;

/// Stories in the top-stories block under the lead.
const TOP_STORIES: u32 = 4;
/// Stories per section block.
const SECTION_BLOCK: u32 = 4;
/// Stories in the latest list.
const LATEST: u32 = 8;

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

/// Builds an edition's home front from the latest published stories.
pub async fn home_front(store: &dyn Store, site: &EditionSite) -> StoreResult<Front> {
    let edition_id = site.edition.id;
    let mut shown: Vec<i64> = Vec::new();
    let mut take = async |filter: StoryFilter, limit: u32, with_image: bool| {
        let mut query = StoryQuery::latest(edition_id, filter, limit);
        query.exclude = shown.clone();
        query.with_image = with_image;
        let teasers = store.teasers(&query).await?;
        shown.extend(teasers.iter().map(|teaser| teaser.id));
        StoreResult::Ok(teasers)
    };
    let lead = take(StoryFilter::Kind(StoryKind::News), 1, true)
        .await?
        .pop();
    let mut blocks = vec![FrontBlock {
        section_id: None,
        role: "top",
        teasers: take(StoryFilter::All, TOP_STORIES, false).await?,
    }];
    let kinds = [
        (StoryKind::Opinion, "opinion"),
        (StoryKind::Gallery, "gallery"),
        (StoryKind::Video, "video"),
    ];
    for (kind, role) in kinds {
        blocks.push(FrontBlock {
            section_id: None,
            role,
            teasers: take(StoryFilter::Kind(kind), SECTION_BLOCK, false).await?,
        });
    }
    let skip = ["opinion", "gallery", "tv"];
    let tops: Vec<&Section> = site
        .top_sections()
        .filter(|section| !skip.contains(&section.slug.as_str()))
        .collect();
    for section in tops {
        let teasers = take(StoryFilter::Section(section.id), SECTION_BLOCK, false).await?;
        if !teasers.is_empty() {
            blocks.push(FrontBlock {
                section_id: Some(section.id),
                role: "section",
                teasers,
            });
        }
    }
    blocks.push(FrontBlock {
        section_id: None,
        role: "latest",
        teasers: take(StoryFilter::All, LATEST, false).await?,
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
