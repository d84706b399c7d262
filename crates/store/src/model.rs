//! The records of a newsroom: editions, sections, menus, stories, people and media.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::kinds::*;
use crate::write::JobFields;

use crate::body::Body;

/// One language edition of the site, with its own sections, menus and timezone.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct Edition {
    /// Database id.
    pub id: i64,
    /// Short code used in URLs and config ("en", "ar").
    pub code: String,
    /// The edition's name as readers see it ("English", "عربي").
    pub name: String,
    /// BCP 47 language tag for `lang` attributes ("en", "ar").
    pub language: String,
    /// Text direction.
    pub direction: Direction,
    /// IANA timezone used to show times ("Europe/Istanbul").
    pub timezone: String,
    /// URL prefix: empty for the default edition, "/ar" for Arabic.
    pub path_prefix: String,
}

/// A section or subsection of one edition.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct Section {
    /// Database id.
    pub id: i64,
    /// The edition it belongs to.
    pub edition_id: i64,
    /// The parent section; none for a top section.
    pub parent_id: Option<i64>,
    /// URL segment, unique among siblings.
    pub slug: String,
    /// Display name.
    pub name: String,
    /// One-line description for the section page and its metadata.
    pub description: String,
    /// Order among siblings.
    pub position: i64,
}

/// One entry of a menu: a section (which may appear under more than one parent) or a link.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct MenuItem {
    /// Database id.
    pub id: i64,
    /// The edition it belongs to.
    pub edition_id: i64,
    /// Which menu.
    pub menu: MenuKind,
    /// The item it nests under, if any.
    pub parent_id: Option<i64>,
    /// Order among siblings.
    pub position: i64,
    /// The section it points to, if it is a section entry.
    pub section_id: Option<i64>,
    /// Its label; for a section entry, overrides the section's name.
    pub label: Option<String>,
    /// A site path or URL, for entries that are not sections.
    pub url: Option<String>,
}

/// Who a credit names: a staff author or a wire agency.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Contributor {
    /// A staff author or columnist with a profile page.
    Author(Author),
    /// A news agency.
    Agency(Agency),
}

/// One credit of a byline, in order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Credit {
    /// What the contributor did.
    pub role: CreditRole,
    /// Who.
    pub contributor: Contributor,
}

/// A credit as stored: ids only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CreditRef {
    /// A staff author by id.
    Author(i64, CreditRole),
    /// An agency by id.
    Agency(i64, CreditRole),
}

/// A staff author or columnist.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct Author {
    /// Database id.
    pub id: i64,
    /// URL segment of the profile page.
    pub slug: String,
    /// Full name.
    pub name: String,
    /// Job title ("Diplomacy correspondent").
    pub title: String,
    /// Short biography for the profile page.
    pub bio: String,
    /// Columnists are listed with their column on opinion pages.
    pub columnist: bool,
    /// Portrait.
    pub image_id: Option<i64>,
    /// The edition they write for; `None` for every edition.
    pub edition_id: Option<i64>,
    /// Profile links (http or https URLs), one per line, in the order shown.
    pub links: String,
}

impl Author {
    /// The profile links, in order.
    pub fn link_list(&self) -> Vec<&str> {
        self.links.lines().filter(|line| !line.is_empty()).collect()
    }
}

/// A wire agency such as Reuters.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct Agency {
    /// Database id.
    pub id: i64,
    /// Name as shown in bylines ("Reuters").
    pub name: String,
    /// Short form for tight spaces ("AFP"); empty when the name is short already.
    pub short_name: String,
    /// Logo from the media library.
    pub logo_id: Option<i64>,
    /// The agency's own site (an http or https URL), or empty.
    pub url: String,
}

/// A curated topic with its own page.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct Topic {
    /// Database id.
    pub id: i64,
    /// The edition it belongs to.
    pub edition_id: i64,
    /// URL segment.
    pub slug: String,
    /// Display name.
    pub name: String,
    /// One-line description.
    pub description: String,
}

/// A free keyword (tag).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct Keyword {
    /// Database id.
    pub id: i64,
    /// The edition it belongs to.
    pub edition_id: i64,
    /// URL segment.
    pub slug: String,
    /// The keyword as written.
    pub name: String,
}

/// An image in the media library.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Image {
    /// Database id.
    pub id: i64,
    /// Width of the original in pixels.
    pub width: u32,
    /// Height of the original in pixels.
    pub height: u32,
    /// What the photo shows, for readers.
    pub caption: String,
    /// Who made it ("Reuters Photo").
    pub credit: String,
    /// Text alternative for screen readers.
    pub alt: String,
    /// Focal point, 0..=1 from the left.
    pub focal_x: f32,
    /// Focal point, 0..=1 from the top.
    pub focal_y: f32,
    /// Stored renditions, narrowest first.
    pub renditions: Vec<Rendition>,
    /// Stored crops for search engines and social sites (16:9, 4:3, 1:1), widest ratio
    /// first; none until they are made.
    pub crops: Vec<Crop>,
}

/// One stored size and format of an image.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rendition {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// File format ("jpeg").
    pub format: String,
    /// Key in the media store ("12/640.jpg").
    pub key: String,
}

/// One stored crop of an image: the picture cut to an aspect ratio around its focal point.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Crop {
    /// The aspect ratio, as "16:9".
    pub ratio: String,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Key in the media store ("uploads/ab12/16x9-cd34.jpg"); always a JPEG.
    pub key: String,
}

/// One photo of a gallery story.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GalleryItem {
    /// The image.
    pub image_id: i64,
    /// Caption for this photo in this gallery.
    pub caption: String,
}

/// A story or static page, with its relations as ids.
#[derive(Clone, Debug, PartialEq)]
pub struct Story {
    /// Database id.
    pub id: i64,
    /// The edition it belongs to.
    pub edition_id: i64,
    /// News, opinion, gallery, video or page.
    pub kind: StoryKind,
    /// Workflow state.
    pub status: StoryStatus,
    /// The headline.
    pub headline: String,
    /// Optional standfirst under the headline.
    pub standfirst: Option<String>,
    /// URL segment, unique within the primary section.
    pub slug: String,
    /// The section whose path forms the canonical URL; none for static pages.
    pub section_id: Option<i64>,
    /// Other sections the story is listed in.
    pub secondary_section_ids: Vec<i64>,
    /// Structured body.
    pub body: Body,
    /// Byline credits in order.
    pub credits: Vec<CreditRef>,
    /// Dateline place ("BRUSSELS").
    pub dateline: Option<String>,
    /// First publication, UTC.
    pub published_at: Option<Timestamp>,
    /// Last substantive update, UTC.
    pub updated_at: Timestamp,
    /// Lead image.
    pub hero_image_id: Option<i64>,
    /// Curated topics.
    pub topic_ids: Vec<i64>,
    /// Free keywords.
    pub keyword_ids: Vec<i64>,
    /// Stories an editor picked as recommended, in order.
    pub recommended_ids: Vec<i64>,
    /// Photos of a gallery story.
    pub gallery: Vec<GalleryItem>,
    /// Video page URL for a video story.
    pub video_url: Option<String>,
    /// Code of the short link `/s/{code}`.
    pub short_code: String,
    /// Title for search engines, if different from the headline.
    pub seo_title: Option<String>,
    /// Description for search engines and social cards.
    pub seo_description: Option<String>,
}

/// What a list of stories shows of each: enough for a teaser and its link.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct Teaser {
    /// Story id.
    pub id: i64,
    /// Edition id.
    pub edition_id: i64,
    /// Kind, for labels such as "Photo gallery" or "Opinion".
    pub kind: StoryKind,
    /// The headline.
    pub headline: String,
    /// The standfirst, if any.
    pub standfirst: Option<String>,
    /// URL segment.
    pub slug: String,
    /// Primary section.
    pub section_id: Option<i64>,
    /// Lead image.
    pub hero_image_id: Option<i64>,
    /// First topic, shown as the teaser's label.
    pub topic_id: Option<i64>,
    /// Publication time, UTC.
    #[cfg_attr(feature = "sqlx", sqlx(try_from = "crate::OptionalEpochSeconds"))]
    pub published_at: Option<Timestamp>,
}

/// A position on the jobs page: open until its closing time passes or the newsroom
/// closes it by hand.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct JobListing {
    /// Database id.
    pub id: i64,
    /// The edition it is listed in.
    pub edition_id: i64,
    /// Position title.
    pub title: String,
    /// Place of work.
    pub location: String,
    /// What the job is.
    pub description: String,
    /// When it was posted, UTC.
    #[cfg_attr(feature = "sqlx", sqlx(try_from = "crate::EpochSeconds"))]
    pub posted_at: Timestamp,
    /// Full-time, part-time...
    pub employment_type: EmploymentType,
    /// When applications close (the end of the closing day); none: open until closed.
    #[cfg_attr(feature = "sqlx", sqlx(try_from = "crate::OptionalEpochSeconds"))]
    pub closes_at: Option<Timestamp>,
    /// When the newsroom closed it by hand; none while open.
    #[cfg_attr(feature = "sqlx", sqlx(try_from = "crate::OptionalEpochSeconds"))]
    pub closed_at: Option<Timestamp>,
    /// Last change (the epoch for listings never changed since posting).
    #[cfg_attr(feature = "sqlx", sqlx(try_from = "crate::EpochSeconds"))]
    pub updated_at: Timestamp,
    /// Where to apply online (an http or https URL), or empty.
    pub apply_url: String,
    /// The address to apply to by email, or empty.
    pub apply_email: String,
}

impl JobListing {
    /// What the newsroom wrote of it.
    pub fn fields(&self) -> JobFields {
        JobFields {
            title: self.title.clone(),
            location: self.location.clone(),
            description: self.description.clone(),
            employment_type: self.employment_type,
            closes_at: self.closes_at,
            apply_url: self.apply_url.clone(),
            apply_email: self.apply_email.clone(),
        }
    }

    /// When it stopped taking applications, if it has by `now`: closed by hand, or past
    /// its closing time.
    pub fn closed_since(&self, now: Timestamp) -> Option<Timestamp> {
        let lapsed = self.closes_at.filter(|closes| *closes <= now);
        match (self.closed_at, lapsed) {
            (Some(closed), Some(lapsed)) => Some(closed.min(lapsed)),
            (closed, lapsed) => closed.or(lapsed),
        }
    }
}

/// Site-wide facts kept in one place, so every page says the same thing.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SiteSettings {
    /// The publication's name ("The Bosphorus Chronicle").
    pub site_name: String,
    /// Who holds the copyright, shown with the current year in every footer.
    pub copyright_holder: String,
    /// One line on what the newsletter offers.
    pub newsletter_pitch: String,
}
