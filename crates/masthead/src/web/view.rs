//! View structs shared by the reader templates: the page chrome, teasers, images, times.
//! Views are built from domain types and serialized into the template context.

use serde::Serialize;
use store::{Image, Rendition, StoryKind, Teaser};

use crate::domain::i18n::Strings;
use crate::domain::paging::Position;
use crate::domain::time::{DisplayTime, display_time};
use crate::service::listing::{Extras, ListPage};
use crate::service::site::{EditionSite, MenuNode, Site};

/// What every reader page shows around its content: masthead, menus, footer.
#[derive(Debug, Serialize)]
pub struct Chrome {
    /// `lang` attribute.
    pub lang: String,
    /// `dir` attribute: "ltr" or "rtl".
    pub dir: &'static str,
    /// Edition code.
    pub edition: String,
    /// Site path of the edition's home page.
    pub home_url: String,
    /// The publication's name.
    pub site_name: String,
    /// Links to the other editions.
    pub other_editions: Vec<EditionLink>,
    /// Header menu.
    pub header_menu: Vec<MenuNode>,
    /// Footer section menu.
    pub footer_menu: Vec<MenuNode>,
    /// Footer service links.
    pub service_links: Vec<MenuNode>,
    /// "© {year} {holder}", from the one copyright setting and the current year.
    pub copyright: String,
    /// Public base URL, for canonical links.
    pub base_url: String,
    /// Interface strings.
    pub t: &'static Strings,
    /// Where the newsletter form posts.
    pub newsletter_action: String,
    /// The edition's feed of latest stories.
    pub feed_url: String,
    /// Where the header's search box sends its query.
    pub search_url: String,
    /// What the header's search box holds: the query on the search page, empty elsewhere.
    pub search_query: String,
    /// The newsletter pitch.
    pub newsletter_pitch: String,
    /// The breaking-news bar, until it expires.
    pub breaking: Option<BreakingView>,
}

/// The breaking-news bar as pages show it.
#[derive(Debug, Serialize)]
pub struct BreakingView {
    /// What it says.
    pub text: String,
    /// Where it links, if anywhere.
    pub url: Option<String>,
    /// When it expires, RFC 3339 UTC: cached copies of a page carry it, and the page's
    /// script hides a bar whose time has passed.
    pub expires: String,
}

/// A link to another edition.
#[derive(Debug, Serialize)]
pub struct EditionLink {
    /// Name in its own language.
    pub name: String,
    /// Its home page.
    pub url: String,
    /// Its language, for `hreflang` and `lang`.
    pub lang: String,
}

impl Chrome {
    /// The chrome for pages of `edition`.
    pub fn new(site: &Site, edition: &EditionSite, base_url: &str) -> Chrome {
        let year = jiff::Timestamp::now()
            .to_zoned_datetime(edition.zone.clone())
            .year();
        let prefix = &edition.edition.path_prefix;
        Chrome {
            lang: edition.edition.language.clone(),
            dir: edition.edition.direction.as_str(),
            edition: edition.edition.code.clone(),
            home_url: if prefix.is_empty() {
                "/".to_string()
            } else {
                format!("{prefix}/")
            },
            site_name: site.settings.site_name.clone(),
            other_editions: site
                .editions
                .iter()
                .filter(|other| other.edition.id != edition.edition.id)
                .map(|other| EditionLink {
                    name: other.edition.name.clone(),
                    url: format!("{}/", other.edition.path_prefix),
                    lang: other.edition.language.clone(),
                })
                .collect(),
            header_menu: edition.header_menu.clone(),
            footer_menu: edition.footer_menu.clone(),
            service_links: edition.service_links.clone(),
            copyright: format!("© {year} {}", site.settings.copyright_holder),
            base_url: base_url.to_string(),
            t: edition.strings,
            newsletter_action: format!("{prefix}/newsletter"),
            feed_url: format!("{prefix}/rss/latest"),
            search_url: format!("{prefix}/search"),
            search_query: String::new(),
            newsletter_pitch: site.newsletter_pitch(edition).to_string(),
            breaking: edition
                .breaking_at(jiff::Timestamp::now())
                .map(|news| BreakingView {
                    text: news.text.clone(),
                    url: (!news.url.is_empty()).then(|| news.url.clone()),
                    expires: news.expires_at.to_string(),
                }),
        }
    }
}

/// An image with its responsive renditions.
#[derive(Debug, Serialize)]
pub struct ImageView {
    /// Fallback `src`: the JPEG (or other non-WebP) rendition nearest 640 px wide.
    pub src: String,
    /// `srcset` of the JPEG (or other non-WebP) renditions, for every browser.
    pub srcset: String,
    /// `srcset` of the WebP renditions, offered first through `<source type="image/webp">`;
    /// none when the image has no WebP renditions.
    pub webp_srcset: Option<String>,
    /// Intrinsic width of `src`.
    pub width: u32,
    /// Intrinsic height of `src`.
    pub height: u32,
    /// Alt text.
    pub alt: String,
    /// Caption.
    pub caption: String,
    /// Credit.
    pub credit: String,
    /// CSS class placing the focal point when the image is cropped (`fp-50-25`), in steps
    /// of 25%: a class, because the CSP forbids inline styles.
    pub focus: String,
}

/// A `srcset` of renditions: "/media/a/320.jpg 320w, /media/a/640.jpg 640w".
fn srcset<'a>(renditions: impl Iterator<Item = &'a Rendition>) -> String {
    renditions
        .map(|rendition| format!("/media/{} {}w", rendition.key, rendition.width))
        .collect::<Vec<_>>()
        .join(", ")
}

impl ImageView {
    /// The view of a library image, with a caption override.
    pub fn new(image: &Image, caption: Option<&str>) -> Option<ImageView> {
        let is_webp = |rendition: &&Rendition| rendition.format == "webp";
        let fallbacks = || image.renditions.iter().filter(|r| !is_webp(r));
        let fallback = fallbacks().min_by_key(|rendition| rendition.width.abs_diff(640))?;
        let webp = srcset(image.renditions.iter().filter(is_webp));
        Some(ImageView {
            src: format!("/media/{}", fallback.key),
            srcset: srcset(fallbacks()),
            webp_srcset: (!webp.is_empty()).then_some(webp),
            width: fallback.width,
            height: fallback.height,
            alt: image.alt.clone(),
            caption: caption.unwrap_or(&image.caption).to_string(),
            credit: image.credit.clone(),
            focus: format!(
                "fp-{}-{}",
                focal_step(image.focal_x),
                focal_step(image.focal_y)
            ),
        })
    }
}

/// A focal coordinate (0..=1) rounded to the nearest 25%.
fn focal_step(value: f32) -> u32 {
    ((value.clamp(0.0, 1.0) * 4.0).round() as u32) * 25
}

/// A label with a link (topic, section, keyword).
#[derive(Debug, Serialize)]
pub struct LinkView {
    /// Text.
    pub name: String,
    /// Site path.
    pub url: String,
}

/// A story teaser in a list.
#[derive(Debug, Serialize)]
pub struct TeaserView {
    /// Canonical site path.
    pub url: String,
    /// Headline.
    pub headline: String,
    /// Standfirst.
    pub standfirst: Option<String>,
    /// Lead image; the template shows the "No Image" placeholder when absent.
    pub image: Option<ImageView>,
    /// Topic label.
    pub label: Option<LinkView>,
    /// Kind label for opinion, gallery and video.
    pub kind_label: Option<&'static str>,
    /// Kind, for styling.
    pub kind: &'static str,
    /// Publication time.
    pub time: Option<DisplayTime>,
}

/// The label readers see for a story kind, if it gets one.
pub fn kind_label(kind: StoryKind, strings: &'static Strings) -> Option<&'static str> {
    match kind {
        StoryKind::Opinion => Some(strings.opinion),
        StoryKind::Gallery => Some(strings.photo_gallery),
        StoryKind::Video => Some(strings.video),
        StoryKind::News | StoryKind::Page => None,
    }
}

impl TeaserView {
    /// The view of a teaser, with its image and topic from `extras`.
    pub fn new(site: &Site, edition: &EditionSite, teaser: &Teaser, extras: &Extras) -> TeaserView {
        let prefix = &edition.edition.path_prefix;
        TeaserView {
            url: site.story_path(teaser),
            headline: teaser.headline.clone(),
            standfirst: teaser.standfirst.clone(),
            image: teaser
                .hero_image_id
                .and_then(|id| extras.images.get(&id))
                .and_then(|image| ImageView::new(image, None)),
            label: teaser
                .topic_id
                .and_then(|id| extras.topics.get(&id))
                .map(|topic| LinkView {
                    name: topic.name.clone(),
                    url: format!("{prefix}/topic/{}", topic.slug),
                }),
            kind_label: kind_label(teaser.kind, edition.strings),
            kind: teaser.kind.as_str(),
            time: teaser
                .published_at
                .map(|time| display_time(time, &edition.zone, &edition.edition.language)),
        }
    }

    /// Views of many teasers.
    pub fn all(
        site: &Site,
        edition: &EditionSite,
        teasers: &[Teaser],
        extras: &Extras,
    ) -> Vec<TeaserView> {
        teasers
            .iter()
            .map(|teaser| TeaserView::new(site, edition, teaser, extras))
            .collect()
    }
}

/// Pagination links under a list.
#[derive(Debug, Serialize)]
pub struct Pager {
    /// What the page is, past the first: "Page 3", or the date of its newest story.
    pub label: Option<String>,
    /// Link to the newer page, if any.
    pub previous: Option<String>,
    /// Link to the older page, if any.
    pub next: Option<String>,
    /// The page's own address.
    #[serde(skip)]
    canonical: String,
}

impl Pager {
    /// The links around a page of the list at `path`.
    pub fn new(path: &str, page: &ListPage, edition: &EditionSite) -> Pager {
        let label = match page.position {
            Position::Number(1) => None,
            Position::Number(number) => Some(format!("{} {number}", edition.strings.page)),
            Position::Before(_) | Position::After(_) => page
                .listing
                .items
                .first()
                .and_then(|teaser| teaser.published_at)
                .map(|at| display_time(at, &edition.zone, &edition.edition.language).date),
        };
        Pager {
            label,
            previous: page.newer.map(|position| position.url(path)),
            next: page.older.map(|position| position.url(path)),
            canonical: page.position.url(path),
        }
    }

    /// The links around a numbered page (search results): "Page 3" past the first, the
    /// pages before and after, and the page's own address.
    pub fn numbered(
        label: Option<String>,
        previous: Option<String>,
        next: Option<String>,
        canonical: String,
    ) -> Pager {
        Pager {
            label,
            previous,
            next,
            canonical,
        }
    }

    /// The path of the current page, as its canonical link.
    pub fn self_link(&self) -> &str {
        &self.canonical
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rendition(width: u32, format: &str, extension: &str) -> Rendition {
        Rendition {
            width,
            height: width / 2,
            format: format.to_string(),
            key: format!("a/{width}.{extension}"),
        }
    }

    fn image(renditions: Vec<Rendition>) -> Image {
        Image {
            id: 1,
            width: 1280,
            height: 640,
            caption: "Caption".into(),
            credit: String::new(),
            alt: "Alt".into(),
            focal_x: 0.5,
            focal_y: 0.5,
            renditions,
            crops: Vec::new(),
        }
    }

    #[test]
    fn webp_renditions_get_their_own_srcset_and_jpeg_stays_the_fallback() {
        let image = image(vec![
            rendition(320, "jpeg", "jpg"),
            rendition(320, "webp", "webp"),
            rendition(640, "jpeg", "jpg"),
            rendition(640, "webp", "webp"),
        ]);

        let view = ImageView::new(&image, None).expect("a view");

        assert_eq!(view.src, "/media/a/640.jpg");
        assert_eq!(view.srcset, "/media/a/320.jpg 320w, /media/a/640.jpg 640w");
        assert_eq!(
            view.webp_srcset.as_deref(),
            Some("/media/a/320.webp 320w, /media/a/640.webp 640w")
        );
    }

    #[test]
    fn jpeg_only_images_offer_no_webp_source() {
        let image = image(vec![rendition(320, "jpeg", "jpg")]);

        let view = ImageView::new(&image, None).expect("a view");

        assert_eq!(view.webp_srcset, None);
        assert_eq!(view.srcset, "/media/a/320.jpg 320w");
    }

    #[test]
    fn focal_points_round_to_quarter_steps() {
        let cases = [
            (0.0, 0),
            (0.1, 0),
            (0.13, 25),
            (0.5, 50),
            (0.9, 100),
            (1.7, 100),
            (-1.0, 0),
        ];

        for (value, step) in cases {
            assert_eq!(focal_step(value), step, "{value}");
        }
    }
}
