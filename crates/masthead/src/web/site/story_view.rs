//! The story page view: byline, dateline, hero, body blocks, gallery, video, metadata.

use serde::Serialize;
use store::{Block, Contributor, Credit, CreditRole, Inline, StoryKind};

use crate::domain::i18n::Strings;
use crate::domain::time::{DisplayTime, display_time};
use crate::service::listing::Extras;
use crate::service::site::{EditionSite, Site};
use crate::service::story::StoryBundle;
use crate::web::view::{ImageView, LinkView, TeaserView, kind_label};

/// One credit of the byline.
#[derive(Debug, Serialize)]
pub struct BylineView {
    /// "by", "photos by"...
    pub role: &'static str,
    /// Author or agency name, in full.
    pub name: String,
    /// An agency's short name ("AFP"), if it has one.
    pub short_name: Option<String>,
    /// The author's page, or the agency's own site (an http(s) address), if it has one.
    pub url: Option<String>,
    /// A wire agency (an organisation, linked to its own site), not a staff author.
    pub agency: bool,
    /// The agency's logo, its alt text the agency's name.
    pub logo: Option<ImageView>,
}

/// A run of text; links only to http(s), mailto and site paths.
#[derive(Debug, Serialize)]
pub struct InlineView {
    text: String,
    bold: bool,
    italic: bool,
    href: Option<String>,
}

/// Embedded third-party content: an iframe only for YouTube (privacy-enhanced), a link
/// card for everything else.
#[derive(Debug, Serialize)]
pub struct EmbedView {
    /// The content's page.
    pub url: String,
    /// The host shown on the link card.
    pub host: String,
    /// A YouTube iframe source, when the URL is a YouTube video.
    pub iframe_src: Option<String>,
}

/// A body block ready for the template.
#[derive(Debug, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum BlockView {
    /// Paragraph.
    Paragraph {
        /// Its runs.
        inlines: Vec<InlineView>,
    },
    /// Subheading.
    Heading { level: u8, text: String },
    /// Quotation.
    Quote { text: String, cite: Option<String> },
    /// List.
    List {
        ordered: bool,
        items: Vec<Vec<InlineView>>,
    },
    /// Image.
    Image { image: ImageView },
    /// Embed.
    Embed { embed: EmbedView },
    /// A link to another page, as a card: the title the writer gave it (or the address)
    /// and the host.
    LinkCard {
        url: String,
        host: String,
        title: Option<String>,
    },
    /// Inline recommended story.
    Related { teaser: Box<TeaserView> },
}

/// Everything the story template shows of the story itself.
#[derive(Debug, Serialize)]
pub struct StoryView {
    /// Kind, for styling.
    pub kind: &'static str,
    /// "Opinion", "Photo gallery" or "Video".
    pub kind_label: Option<&'static str>,
    /// Headline.
    pub headline: String,
    /// Standfirst.
    pub standfirst: Option<String>,
    /// Section and subsection links.
    pub trail: Vec<LinkView>,
    /// Byline credits.
    pub byline: Vec<BylineView>,
    /// Dateline place.
    pub dateline: Option<String>,
    /// Publication time.
    pub published: Option<DisplayTime>,
    /// Update time, when it differs from publication by more than a minute.
    pub updated: Option<DisplayTime>,
    /// Hero photo.
    pub hero: Option<ImageView>,
    /// Body blocks.
    pub blocks: Vec<BlockView>,
    /// Gallery photos, each with its caption.
    pub gallery: Vec<ImageView>,
    /// The video of a video story.
    pub video: Option<EmbedView>,
    /// Related topics.
    pub topics: Vec<LinkView>,
    /// Keywords.
    pub keywords: Vec<LinkView>,
    /// Recommended stories.
    pub recommended: Vec<TeaserView>,
    /// More stories from the section.
    pub more: Vec<TeaserView>,
    /// Absolute short link.
    pub shortlink: String,
}

fn role_label(role: CreditRole, strings: &'static Strings) -> &'static str {
    match role {
        CreditRole::By => strings.by,
        CreditRole::ReportedBy => strings.reported_by,
        CreditRole::PhotosBy => strings.photos_by,
        CreditRole::TranslatedBy => strings.translated_by,
    }
}

fn safe_href(link: &str) -> Option<String> {
    let allowed = ["https://", "http://", "mailto:"]
        .iter()
        .any(|scheme| link.starts_with(scheme))
        || (link.starts_with('/') && !link.starts_with("//"));
    allowed.then(|| link.to_string())
}

fn inlines(runs: &[Inline]) -> Vec<InlineView> {
    runs.iter()
        .map(|run| InlineView {
            text: run.text.clone(),
            bold: run.bold,
            italic: run.italic,
            href: run.link.as_deref().and_then(safe_href),
        })
        .collect()
}

/// The embed view of a URL; `None` for URLs that are not http(s).
pub fn embed(url: &str) -> Option<EmbedView> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split('/').next()?.to_ascii_lowercase();
    let youtube_id = match host.as_str() {
        "www.youtube.com" | "youtube.com" | "m.youtube.com" => rest
            .split("v=")
            .nth(1)
            .map(|id| id.split('&').next().unwrap_or(id)),
        "youtu.be" => rest.split('/').nth(1),
        _ => None,
    };
    let iframe_src = youtube_id
        .filter(|id| {
            id.len() == 11
                && id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
        .map(|id| format!("https://www.youtube-nocookie.com/embed/{id}"));
    Some(EmbedView {
        url: url.to_string(),
        host,
        iframe_src,
    })
}

/// The view of one body block; `None` for a block whose image, URL or story is gone.
fn block_view(
    site: &Site,
    edition: &EditionSite,
    bundle: &StoryBundle,
    block: &Block,
) -> Option<BlockView> {
    let extras = &bundle.extras;
    Some(match block {
        Block::Paragraph { inlines: runs } => BlockView::Paragraph {
            inlines: inlines(runs),
        },
        Block::Heading { level, text } => BlockView::Heading {
            level: (*level).clamp(2, 4),
            text: text.clone(),
        },
        Block::Quote { text, cite } => BlockView::Quote {
            text: text.clone(),
            cite: cite.clone(),
        },
        Block::List { ordered, items } => BlockView::List {
            ordered: *ordered,
            items: items.iter().map(|item| inlines(item)).collect(),
        },
        Block::Image { image_id, caption } => BlockView::Image {
            image: ImageView::new(extras.images.get(image_id)?, caption.as_deref())?,
        },
        Block::Embed { url } => BlockView::Embed { embed: embed(url)? },
        Block::LinkCard { url, title } => BlockView::LinkCard {
            host: richtext::link_card_host(url)?,
            url: url.clone(),
            title: title.clone(),
        },
        Block::Related { story_id } => {
            let teaser = bundle.related.get(story_id)?;
            BlockView::Related {
                teaser: Box::new(TeaserView::new(site, edition, teaser, extras)),
            }
        }
    })
}

/// One credit of the byline: staff link to their page, agencies to their own site (agencies
/// have no page here), with their logo.
fn byline_view(edition: &EditionSite, extras: &Extras, credit: &Credit) -> BylineView {
    let role = role_label(credit.role, edition.strings);
    match &credit.contributor {
        Contributor::Author(author) => BylineView {
            role,
            name: author.name.clone(),
            short_name: None,
            url: Some(format!(
                "{}/author/{}",
                edition.edition.path_prefix, author.slug
            )),
            agency: false,
            logo: None,
        },
        Contributor::Agency(agency) => BylineView {
            role,
            name: agency.name.clone(),
            short_name: Some(agency.short_name.clone()).filter(|short| !short.is_empty()),
            url: Some(agency.url.clone()).filter(|url| !url.is_empty()),
            agency: true,
            logo: agency
                .logo_id
                .and_then(|id| extras.images.get(&id))
                .and_then(|image| ImageView::new(image, None))
                .map(|logo| ImageView {
                    alt: agency.name.clone(),
                    ..logo
                }),
        },
    }
}

impl StoryView {
    /// Builds the view of a story bundle.
    pub fn new(
        site: &Site,
        edition: &EditionSite,
        bundle: &StoryBundle,
        base_url: &str,
    ) -> StoryView {
        let story = &bundle.story;
        let strings = edition.strings;
        let prefix = &edition.edition.path_prefix;
        let extras = &bundle.extras;
        let image = |id: i64, caption: Option<&str>| {
            extras
                .images
                .get(&id)
                .and_then(|image| ImageView::new(image, caption))
        };
        let time = |at| display_time(at, &edition.zone, &edition.edition.language);
        let teasers = |list: &[store::Teaser]| TeaserView::all(site, edition, list, extras);
        let blocks = story
            .body
            .0
            .iter()
            .filter_map(|block| block_view(site, edition, bundle, block))
            .collect();
        let updated = story
            .published_at
            .filter(|published| story.updated_at.as_second() - published.as_second() > 60)
            .map(|_| time(story.updated_at));
        StoryView {
            kind: story.kind.as_str(),
            kind_label: kind_label(story.kind, strings),
            headline: story.headline.clone(),
            standfirst: story.standfirst.clone(),
            trail: story
                .section_id
                .map(|id| edition.section_trail(id))
                .unwrap_or_default()
                .into_iter()
                .map(|section| LinkView {
                    name: section.name.clone(),
                    url: edition.section_path(section.id),
                })
                .collect(),
            byline: bundle
                .credits
                .iter()
                .map(|credit| byline_view(edition, extras, credit))
                .collect(),
            dateline: story.dateline.clone(),
            published: story.published_at.map(time),
            updated,
            hero: story.hero_image_id.and_then(|id| image(id, None)),
            blocks,
            gallery: story
                .gallery
                .iter()
                .filter_map(|item| image(item.image_id, Some(&item.caption)))
                .collect(),
            video: story
                .video_url
                .as_deref()
                .filter(|_| story.kind == StoryKind::Video)
                .and_then(embed),
            topics: bundle
                .topics
                .iter()
                .map(|topic| LinkView {
                    name: topic.name.clone(),
                    url: format!("{prefix}/topic/{}", topic.slug),
                })
                .collect(),
            keywords: bundle
                .keywords
                .iter()
                .map(|keyword| LinkView {
                    name: keyword.name.clone(),
                    url: format!("{prefix}/keyword/{}", keyword.slug),
                })
                .collect(),
            recommended: teasers(&bundle.recommended),
            more: teasers(&bundle.more),
            shortlink: format!("{base_url}/s/{}", story.short_code),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_youtube_videos_become_iframes() {
        let cases = [
            (
                "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1",
                true,
                "watch URL",
            ),
            ("https://youtu.be/dQw4w9WgXcQ", true, "short URL"),
            (
                "https://www.youtube.com/watch?v=<script>",
                false,
                "hostile id",
            ),
            (
                "https://x.com/someone/status/1",
                false,
                "X post is a link card",
            ),
        ];

        for (url, iframe, reason) in cases {
            let view = embed(url).expect("http URL");
            assert_eq!(view.iframe_src.is_some(), iframe, "{reason}");
        }
        assert!(embed("javascript:alert(1)").is_none());
    }

    #[test]
    fn links_with_script_schemes_are_dropped() {
        assert_eq!(safe_href("javascript:alert(1)"), None);
        assert_eq!(safe_href("//evil.example"), None);
        assert_eq!(safe_href("/world"), Some("/world".to_string()));
    }
}
