//! The story page's metadata: a `NewsArticle` (`OpinionNewsArticle` for opinion, `WebPage`
//! for static pages) with its publisher, authors, dateline and pictures, the breadcrumbs,
//! and an `ImageGallery` for galleries or a `VideoObject` for videos.

use serde_json::{Value, json};
use store::{Image, StoryKind};

use crate::service::story::StoryBundle;
use crate::web::site::metadata::{HeadMeta, Publication};
use crate::web::site::story_view::{BylineView, StoryView};
use crate::web::view::LinkView;

/// The head of the story page at site path `path`: its picture is the hero (else the
/// gallery's first photo) as its 16:9 crop; the article's `image` lists every picture's
/// crops in the three ratios.
pub fn story_head(
    publication: &Publication,
    bundle: &StoryBundle,
    view: &StoryView,
    description: &str,
    path: &str,
) -> HeadMeta {
    let story = &bundle.story;
    let picture_ids = story
        .hero_image_id
        .into_iter()
        .chain(story.gallery.iter().map(|item| item.image_id));
    let pictures: Vec<&Image> = picture_ids
        .filter_map(|id| bundle.extras.images.get(&id))
        .collect();
    let images: Vec<Value> = pictures
        .iter()
        .flat_map(|image| publication.cropped_objects(image))
        .collect();
    let canonical = publication.absolute(path);
    let mut head = publication.head("article", &view.headline, description, &canonical);
    head.image = pictures
        .first()
        .and_then(|image| publication.social_image(image));
    let this = LinkView {
        name: view.headline.clone(),
        url: path.to_string(),
    };
    let article = article(publication, bundle, view, description, &canonical, &images);
    head.json_ld = vec![
        article,
        publication.breadcrumbs(view.trail.iter().chain([&this])),
    ];
    match story.kind {
        StoryKind::Gallery => head
            .json_ld
            .push(gallery(publication, bundle, view, &canonical)),
        StoryKind::Video => {
            let thumbnail = head
                .image
                .as_ref()
                .map_or_else(|| publication.logo(), |image| image.url.clone());
            head.json_ld.extend(video(view, description, thumbnail));
        }
        _ => {}
    }
    head
}

/// The `NewsArticle` (or `OpinionNewsArticle`, or a static page's `WebPage`).
fn article(
    publication: &Publication,
    bundle: &StoryBundle,
    view: &StoryView,
    description: &str,
    canonical: &str,
    images: &[Value],
) -> Value {
    let kind = match bundle.story.kind {
        StoryKind::Page => "WebPage",
        StoryKind::Opinion => "OpinionNewsArticle",
        _ => "NewsArticle",
    };
    let published = view.published.as_ref().map(|time| &time.iso);
    let mut article = json!({
        "@context": "https://schema.org",
        "@type": kind,
        "headline": view.headline,
        "description": description,
        "mainEntityOfPage": {"@type": "WebPage", "@id": canonical},
        "url": canonical,
        "inLanguage": publication.language(),
        "datePublished": published,
        "dateModified": view.updated.as_ref().map(|time| &time.iso).or(published),
        "author": view
            .byline
            .iter()
            .map(|credit| author(credit, publication))
            .collect::<Vec<_>>(),
        "publisher": publication.organization(),
        "image": images,
        "isAccessibleForFree": true,
        "keywords": view.keywords.iter().map(|k| k.name.as_str()).collect::<Vec<_>>(),
    });
    if let Some(section) = view.trail.last() {
        article["articleSection"] = section.name.clone().into();
    }
    if let Some(place) = &view.dateline {
        article["dateline"] = place.clone().into();
        article["contentLocation"] = json!({"@type": "Place", "name": place});
    }
    article
}

/// A byline credit as a schema.org `author`: a `Person` with their page, or an agency as
/// an `Organization` with its site, short name and logo. URLs are absolute.
fn author(credit: &BylineView, publication: &Publication) -> Value {
    if !credit.agency {
        let url = credit.url.as_deref().map(|path| publication.absolute(path));
        return json!({"@type": "Person", "name": credit.name, "url": url});
    }
    let mut organization = json!({"@type": "Organization", "name": credit.name});
    let fields = [
        ("url", credit.url.clone()),
        ("alternateName", credit.short_name.clone()),
        (
            "logo",
            credit
                .logo
                .as_ref()
                .map(|logo| publication.absolute(&logo.src)),
        ),
    ];
    for (name, value) in fields {
        if let Some(value) = value {
            organization[name] = value.into();
        }
    }
    organization
}

/// A gallery's `ImageGallery`: each photo with its caption and credit.
fn gallery(
    publication: &Publication,
    bundle: &StoryBundle,
    view: &StoryView,
    canonical: &str,
) -> Value {
    let photos: Vec<Value> = bundle
        .story
        .gallery
        .iter()
        .filter_map(|item| {
            let image = bundle.extras.images.get(&item.image_id)?;
            let mut photo = publication.image_object(image)?;
            let caption = if item.caption.is_empty() {
                &image.caption
            } else {
                &item.caption
            };
            photo["caption"] = caption.clone().into();
            if !image.credit.is_empty() {
                photo["creditText"] = image.credit.clone().into();
            }
            Some(photo)
        })
        .collect();
    json!({
        "@context": "https://schema.org",
        "@type": "ImageGallery",
        "name": view.headline,
        "url": canonical,
        "inLanguage": publication.language(),
        "image": photos,
    })
}

/// A video story's `VideoObject` with what Google requires (name, description, thumbnail,
/// upload date) and the player's address; none before the story is published.
fn video(view: &StoryView, description: &str, thumbnail: String) -> Option<Value> {
    let uploaded = view.published.as_ref()?;
    let mut video = json!({
        "@context": "https://schema.org",
        "@type": "VideoObject",
        "name": view.headline,
        "description": description,
        "thumbnailUrl": [thumbnail],
        "uploadDate": uploaded.iso,
    });
    if let Some(embed) = &view.video {
        video["url"] = embed.url.clone().into();
        if let Some(player) = &embed.iframe_src {
            video["embedUrl"] = player.clone().into();
        }
    }
    Some(video)
}
