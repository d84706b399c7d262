//! Records to insert: the `New*` types that the store turns into rows.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::body::Body;
use crate::kinds::*;
use crate::model::*;

/// An edition to create.
#[derive(Clone, Debug)]
pub struct NewEdition {
    /// See [`Edition::code`].
    pub code: String,
    /// See [`Edition::name`].
    pub name: String,
    /// See [`Edition::language`].
    pub language: String,
    /// See [`Edition::direction`].
    pub direction: Direction,
    /// See [`Edition::timezone`].
    pub timezone: String,
    /// See [`Edition::path_prefix`].
    pub path_prefix: String,
}

/// A section to create.
#[derive(Clone, Debug)]
pub struct NewSection {
    /// The edition.
    pub edition_id: i64,
    /// Parent section, none for a top section.
    pub parent_id: Option<i64>,
    /// URL segment.
    pub slug: String,
    /// Display name.
    pub name: String,
    /// One-line description.
    pub description: String,
    /// Order among siblings.
    pub position: i64,
}

/// A menu item to create.
#[derive(Clone, Debug)]
pub struct NewMenuItem {
    /// The edition.
    pub edition_id: i64,
    /// Which menu.
    pub menu: MenuKind,
    /// Parent item.
    pub parent_id: Option<i64>,
    /// Order among siblings.
    pub position: i64,
    /// Section it shows.
    pub section_id: Option<i64>,
    /// Label (required when there is no section).
    pub label: Option<String>,
    /// Link for non-section items.
    pub url: Option<String>,
}

/// An author to create.
#[derive(Clone, Debug)]
pub struct NewAuthor {
    /// URL segment.
    pub slug: String,
    /// Full name.
    pub name: String,
    /// Job title.
    pub title: String,
    /// Biography.
    pub bio: String,
    /// Whether they write a column.
    pub columnist: bool,
    /// Portrait.
    pub image_id: Option<i64>,
    /// The edition they write for; `None` for every edition.
    pub edition_id: Option<i64>,
    /// Profile links, one per line.
    pub links: String,
}

/// An author's new content, and the newsroom account that is the same person.
#[derive(Clone, Debug)]
pub struct AuthorChanges {
    /// The author as they are to be, under their id.
    pub author: Author,
    /// The account to link to the author (any other account linked to them is unlinked);
    /// `None` leaves no account linked.
    pub account_id: Option<i64>,
}

/// An agency to create.
#[derive(Clone, Debug)]
pub struct NewAgency {
    /// Name as shown in bylines.
    pub name: String,
    /// Short form.
    pub short_name: String,
    /// Logo from the media library.
    pub logo_id: Option<i64>,
    /// The agency's own site, or empty.
    pub url: String,
}

/// A topic to create.
#[derive(Clone, Debug)]
pub struct NewTopic {
    /// The edition.
    pub edition_id: i64,
    /// URL segment.
    pub slug: String,
    /// Display name.
    pub name: String,
    /// One-line description.
    pub description: String,
}

/// An image whose files are in the media store, to record.
#[derive(Clone, Debug)]
pub struct NewImage {
    /// Width of the original.
    pub width: u32,
    /// Height of the original.
    pub height: u32,
    /// Caption.
    pub caption: String,
    /// Credit.
    pub credit: String,
    /// Alt text.
    pub alt: String,
    /// Focal point from the left, 0..=1.
    pub focal_x: f32,
    /// Focal point from the top, 0..=1.
    pub focal_y: f32,
    /// Renditions already written to the media store.
    pub renditions: Vec<Rendition>,
    /// Crops already written to the media store (none: made later).
    pub crops: Vec<Crop>,
}

/// The editable content of a story: everything the story editor changes, saved whole
/// in every revision.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StoryFields {
    /// Kind.
    pub kind: StoryKind,
    /// Headline.
    pub headline: String,
    /// Standfirst.
    pub standfirst: Option<String>,
    /// URL segment.
    pub slug: String,
    /// Primary section (none for static pages).
    pub section_id: Option<i64>,
    /// Secondary sections.
    pub secondary_section_ids: Vec<i64>,
    /// Body.
    pub body: Body,
    /// Byline.
    pub credits: Vec<CreditRef>,
    /// Dateline place.
    pub dateline: Option<String>,
    /// Lead image.
    pub hero_image_id: Option<i64>,
    /// Topics.
    pub topic_ids: Vec<i64>,
    /// Keywords.
    pub keyword_ids: Vec<i64>,
    /// Editor-picked recommendations.
    pub recommended_ids: Vec<i64>,
    /// Gallery photos.
    pub gallery: Vec<GalleryItem>,
    /// Video page URL.
    pub video_url: Option<String>,
    /// SEO title.
    pub seo_title: Option<String>,
    /// SEO description.
    pub seo_description: Option<String>,
}

/// A story to create: its content and where it starts in the workflow.
#[derive(Clone, Debug)]
pub struct NewStory {
    /// The edition.
    pub edition_id: i64,
    /// Workflow state.
    pub status: StoryStatus,
    /// The newsroom account that owns it, if any.
    pub owner_id: Option<i64>,
    /// First publication.
    pub published_at: Option<Timestamp>,
    /// Last update.
    pub updated_at: Timestamp,
    /// The content.
    pub fields: StoryFields,
}

/// What the newsroom writes of a job listing.
#[derive(Clone, Debug, PartialEq)]
pub struct JobFields {
    /// Position title.
    pub title: String,
    /// Place of work.
    pub location: String,
    /// Description.
    pub description: String,
    /// Full-time, part-time...
    pub employment_type: EmploymentType,
    /// When applications close; none: open until closed by hand.
    pub closes_at: Option<Timestamp>,
    /// Where to apply online (an http or https URL), or empty.
    pub apply_url: String,
    /// The address to apply to by email, or empty.
    pub apply_email: String,
}

/// A job listing to create.
#[derive(Clone, Debug)]
pub struct NewJobListing {
    /// The edition.
    pub edition_id: i64,
    /// Posting time.
    pub posted_at: Timestamp,
    /// Its content.
    pub fields: JobFields,
}

/// The short-link code for a story id: base-36 of a scrambled id, so codes look random
/// but are unique and need no lookup table to generate.
pub fn short_code(story_id: i64) -> String {
    const ALPHABET: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    // Multiplying by an odd constant modulo 2^32 is a bijection on u32, so distinct ids
    // below 2^32 give distinct codes.
    let mut value = u64::from((story_id as u32).wrapping_mul(2_654_435_761));
    let mut code = Vec::new();
    while code.len() < 6 || value > 0 {
        code.push(ALPHABET[(value % 36) as usize]);
        value /= 36;
    }
    code.reverse();
    String::from_utf8(code).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::short_code;
    use std::collections::HashSet;

    #[test]
    fn short_codes_are_unique_and_url_safe() {
        let codes: HashSet<String> = (1..20_000).map(short_code).collect();

        assert_eq!(codes.len(), 19_999);
        assert!(codes.iter().all(|code| {
            code.len() >= 6
                && code
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        }));
    }
}
