//! What crawlers and social sites read in the head of reader pages: OpenGraph and Twitter
//! card tags, `rel=prev/next`, `noindex` and schema.org JSON-LD shared by every page type
//! (publisher, breadcrumbs, the home's `WebSite`, listings' `CollectionPage`).
//!
//! JSON-LD values are built with `serde_json` and written by the `tojson` filter, which
//! escapes `<`, `>` and `&`: no text can close the script element.

use serde::Serialize;
use serde_json::{Value, json};
use std::collections::HashMap;

use store::{Image, Rendition, Teaser};

use crate::service::site::{EditionSite, Site};
use crate::web::site::language::LanguageVersions;
use crate::web::view::{LinkView, Pager};

/// The theme's logo, under its plain name so the address stays the same across themes'
/// versions: structured data names it as the publisher's logo.
const LOGO: &str = "/assets/logo.svg";

/// The head of a reader page as `partials/head.html` writes it.
#[derive(Debug, Serialize)]
pub struct HeadMeta {
    /// `og:type`: "website", "article" or "profile".
    pub og_type: &'static str,
    /// `og:title`.
    pub title: String,
    /// `og:description`; none when empty.
    pub description: String,
    /// The page's absolute canonical URL, as `og:url`.
    pub url: String,
    /// The page's picture for social sites, if it has one.
    pub image: Option<HeadImage>,
    /// `og:site_name`.
    pub site_name: String,
    /// `og:locale` ("en_US", "ar_AR").
    pub locale: String,
    /// Whether search engines should leave the page out of their index.
    pub noindex: bool,
    /// Absolute URL of the newer page of a paged listing.
    pub prev: Option<String>,
    /// Absolute URL of the older page of a paged listing.
    pub next: Option<String>,
    /// schema.org objects, one script element each.
    pub json_ld: Vec<Value>,
    /// The page's versions in the other editions' languages (`hreflang` links).
    pub languages: LanguageVersions,
}

/// A page's picture as `og:image` and `twitter:image` give it: an image's 16:9 crop (else
/// its largest rendition), absolute, with its size and alt text.
#[derive(Clone, Debug, Serialize)]
pub struct HeadImage {
    /// Absolute URL.
    pub url: String,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The image's alt text; none when empty.
    pub alt: String,
}

/// Who publishes a page and where the site lives: what every page's metadata shares.
pub struct Publication<'a> {
    site: &'a Site,
    edition: &'a EditionSite,
    base_url: &'a str,
}

impl<'a> Publication<'a> {
    /// The publication of `edition`'s pages, served at `base_url`.
    pub fn new(site: &'a Site, edition: &'a EditionSite, base_url: &'a str) -> Publication<'a> {
        Publication {
            site,
            edition,
            base_url,
        }
    }

    /// The absolute URL of a site path.
    pub fn absolute(&self, path: &str) -> String {
        super::absolute_url(self.base_url, path)
    }

    /// The edition's language tag, as `inLanguage`.
    pub fn language(&self) -> &str {
        &self.edition.edition.language
    }

    /// The absolute URL of the edition's home page.
    pub fn home(&self) -> String {
        self.absolute(&format!("{}/", self.edition.edition.path_prefix))
    }

    /// The publisher: a `NewsMediaOrganization` with its name, home and logo.
    pub fn organization(&self) -> Value {
        json!({
            "@type": "NewsMediaOrganization",
            "name": self.site.settings.site_name,
            "url": self.home(),
            "logo": {"@type": "ImageObject", "url": self.absolute(LOGO)},
        })
    }

    /// A `BreadcrumbList` from the home page through `trail` (site paths), positions from 1.
    pub fn breadcrumbs<'b>(&self, trail: impl IntoIterator<Item = &'b LinkView>) -> Value {
        let home = format!("{}/", self.edition.edition.path_prefix);
        let links = trail
            .into_iter()
            .map(|link| (link.name.as_str(), link.url.as_str()));
        let items: Vec<Value> =
            std::iter::once((self.site.settings.site_name.as_str(), home.as_str()))
                .chain(links)
                .enumerate()
                .map(|(index, (name, path))| {
                    json!({
                        "@type": "ListItem",
                        "position": index + 1,
                        "name": name,
                        "item": self.absolute(path),
                    })
                })
                .collect();
        json!({
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": items,
        })
    }

    /// A page's head: OpenGraph facts, no image, indexable, no neighbours, no JSON-LD yet.
    pub fn head(
        &self,
        og_type: &'static str,
        title: &str,
        description: &str,
        canonical: &str,
    ) -> HeadMeta {
        HeadMeta {
            og_type,
            title: title.to_string(),
            description: description.to_string(),
            url: canonical.to_string(),
            image: None,
            site_name: self.site.settings.site_name.clone(),
            locale: og_locale(self.language()),
            noindex: false,
            prev: None,
            next: None,
            json_ld: Vec::new(),
            languages: LanguageVersions::default(),
        }
    }

    /// The head of a page of a public form (`form` is "contact" or "newsletter"): never
    /// indexed, its address the form's.
    pub fn form_head(&self, title: &str, form: &str) -> HeadMeta {
        let url = self.absolute(&format!("{}/{form}", self.edition.edition.path_prefix));
        let mut head = self.head("website", title, "", &url);
        head.noindex = true;
        head
    }

    /// The home page's head: the `WebSite` with its search box and the publisher, and the
    /// lead story's picture.
    pub fn home_head(&self, description: &str, image: Option<HeadImage>) -> HeadMeta {
        let home = self.home();
        let website = json!({
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": self.site.settings.site_name,
            "url": home,
            "inLanguage": self.language(),
            "publisher": self.organization(),
            "potentialAction": {
                "@type": "SearchAction",
                "target": {
                    "@type": "EntryPoint",
                    "urlTemplate": self.absolute(&format!(
                        "{}/search?q={{search_term_string}}",
                        self.edition.edition.path_prefix
                    )),
                },
                "query-input": "required name=search_term_string",
            },
        });
        let mut organization = self.organization();
        organization["@context"] = "https://schema.org".into();
        let mut head = self.head("website", &self.site.settings.site_name, description, &home);
        head.json_ld = vec![website, organization];
        head.image = image;
        head
    }

    /// The head of a listing page (section, topic, keyword, author): a `CollectionPage`
    /// (or, with `person`, a `ProfilePage` about them) and its breadcrumbs, the pager's
    /// neighbours, and `noindex` when the listing shows no story.
    pub fn listing_head(&self, listing: Collection<'_>, pager: &Pager) -> HeadMeta {
        let og_type = if listing.person.is_some() {
            "profile"
        } else {
            "website"
        };
        let url = self.absolute(pager.self_link());
        let mut head = self.head(og_type, listing.title, listing.description, &url);
        let mut page = json!({
            "@context": "https://schema.org",
            "@type": "CollectionPage",
            "name": listing.title,
            "url": url,
            "inLanguage": self.language(),
            "isPartOf": {"@type": "WebSite", "name": self.site.settings.site_name, "url": self.home()},
        });
        if !listing.description.is_empty() {
            page["description"] = listing.description.into();
        }
        if let Some(person) = listing.person {
            page["@type"] = "ProfilePage".into();
            page["mainEntity"] = person;
        }
        head.json_ld = vec![page, self.breadcrumbs(listing.trail)];
        head.noindex = listing.empty;
        head.image = listing.image;
        head.prev = pager.previous.as_deref().map(|path| self.absolute(path));
        head.next = pager.next.as_deref().map(|path| self.absolute(path));
        head
    }

    /// An image as a schema.org `ImageObject`: its largest JPEG (or other non-WebP)
    /// rendition, absolute, with its size; `None` for an image without renditions.
    pub fn image_object(&self, image: &Image) -> Option<Value> {
        let largest = largest_rendition(image)?;
        Some(self.sized_object(&largest.key, largest.width, largest.height))
    }

    /// An image as search engines ask for it: its crops (16:9, 4:3, 1:1) as `ImageObject`s,
    /// or, until they are made, its largest rendition.
    pub fn cropped_objects(&self, image: &Image) -> Vec<Value> {
        if image.crops.is_empty() {
            return self.image_object(image).into_iter().collect();
        }
        image
            .crops
            .iter()
            .map(|crop| self.sized_object(&crop.key, crop.width, crop.height))
            .collect()
    }

    /// An image as a page's `og:image`: its 16:9 crop, or its largest rendition until the
    /// crop is made.
    pub fn social_image(&self, image: &Image) -> Option<HeadImage> {
        let wide = image.crops.iter().find(|crop| crop.ratio == "16:9");
        let (key, width, height) = match wide {
            Some(crop) => (&crop.key, crop.width, crop.height),
            None => {
                let largest = largest_rendition(image)?;
                (&largest.key, largest.width, largest.height)
            }
        };
        Some(HeadImage {
            url: self.absolute(&format!("/media/{key}")),
            width,
            height,
            alt: image.alt.clone(),
        })
    }

    /// The picture of a listing or front for social sites: the first story's (in `teasers`)
    /// that has one.
    pub fn lead_picture<'b>(
        &self,
        teasers: impl IntoIterator<Item = &'b Teaser>,
        images: &HashMap<i64, Image>,
    ) -> Option<HeadImage> {
        teasers
            .into_iter()
            .filter_map(|teaser| images.get(&teaser.hero_image_id?))
            .find_map(|image| self.social_image(image))
    }

    fn sized_object(&self, key: &str, width: u32, height: u32) -> Value {
        json!({
            "@type": "ImageObject",
            "url": self.absolute(&format!("/media/{key}")),
            "width": width,
            "height": height,
        })
    }

    /// The logo's absolute URL, for pages that have no picture of their own.
    pub fn logo(&self) -> String {
        self.absolute(LOGO)
    }
}

/// What a listing page is, for its head.
pub struct Collection<'a> {
    /// Its title.
    pub title: &'a str,
    /// Its description, possibly empty.
    pub description: &'a str,
    /// The breadcrumbs after the home page, ending with the listing itself.
    pub trail: &'a [LinkView],
    /// The `Person` an author page is about.
    pub person: Option<Value>,
    /// Its picture (an author's photo, else its first story's), if it has one.
    pub image: Option<HeadImage>,
    /// Whether it shows no story at all.
    pub empty: bool,
}

/// An image's largest JPEG (or other non-WebP) rendition.
fn largest_rendition(image: &Image) -> Option<&Rendition> {
    image
        .renditions
        .iter()
        .filter(|rendition| rendition.format != "webp")
        .max_by_key(|rendition| rendition.width)
}

/// The OpenGraph locale of a language tag: "en-GB" gives "en_GB"; a bare language its
/// usual territory ("en_US", "ar_AR" as Facebook spells Arabic).
fn og_locale(language: &str) -> String {
    if let Some((language, region)) = language.split_once('-') {
        return format!("{}_{}", language, region.to_ascii_uppercase());
    }
    let region = match language {
        "ar" => "AR",
        "en" => "US",
        "tr" => "TR",
        "fr" => "FR",
        "de" => "DE",
        other => return other.to_string(),
    };
    format!("{language}_{region}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn og_locales_name_a_territory() {
        let cases = [
            ("en", "en_US", "bare English"),
            ("ar", "ar_AR", "Facebook's Arabic"),
            ("en-gb", "en_GB", "a region is kept, upper case"),
            ("xx", "xx", "an unknown language stays as it is"),
        ];

        for (language, locale, reason) in cases {
            assert_eq!(og_locale(language), locale, "{reason}");
        }
    }
}
