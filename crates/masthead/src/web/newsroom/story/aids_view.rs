//! The editor's writing aids as the page first shows them (and as they stay without
//! JavaScript): the body's length and reading time, the titles' lengths, the search-result
//! and social-card previews, and the checklist before publishing (`domain::publish_checklist`).

use serde::Serialize;
use store::Store;

use crate::domain::publish_checklist::{
    ARABIC_WORDS_PER_MINUTE, CheckResult, ENGLISH_WORDS_PER_MINUTE, LeadImage, SEARCH_TITLE_CHARS,
    SOCIAL_TITLE_CHARS, StoryDraft, check_story, count_words, reading_minutes, search_title,
    title_length,
};
use crate::service::site::Site;
use crate::service::story_form::StoryFormValues;
use crate::web::error::AppError;

/// The writing aids panel.
#[derive(Debug, Serialize)]
pub struct WritingAids {
    /// Words of the body.
    pub words: usize,
    /// Minutes to read them.
    pub minutes: usize,
    /// Words a minute the reading time assumes (for the script).
    pub words_per_minute: usize,
    /// The title search engines show.
    pub search_title: String,
    /// Its length in characters.
    pub search_length: usize,
    /// Whether it is longer than a search result shows.
    pub search_too_long: bool,
    /// The headline's length in characters.
    pub social_length: usize,
    /// Whether it is longer than a social card shows.
    pub social_too_long: bool,
    /// Characters a search result shows.
    pub search_limit: usize,
    /// Characters a social card shows.
    pub social_limit: usize,
    /// The address the previews show.
    pub url: String,
    /// The description the previews show (SEO description, else standfirst).
    pub description: String,
    /// The lead image's 16:9 crop (or largest rendition) for the social card.
    pub image_url: Option<String>,
    /// Its alt text.
    pub image_alt: String,
    /// Whether the lead image was found with alt text, without, or not at all.
    pub lead_image: LeadImage,
    /// The checklist, every point with whether it is met.
    pub checklist: Vec<CheckResult>,
    /// Whether any point is not met.
    pub has_warnings: bool,
}

/// What the aids are built from besides the form values.
pub struct AidsInput<'a> {
    /// The edition's language.
    pub language: &'a str,
    /// The edition's id.
    pub edition_id: i64,
    /// The site's absolute address.
    pub base_url: &'a str,
}

/// Builds the panel from the form values, loading the lead image to know its alt text.
pub async fn writing_aids(
    store: &dyn Store,
    site: &Site,
    input: AidsInput<'_>,
    values: &StoryFormValues,
) -> Result<WritingAids, AppError> {
    let image_id = values
        .hero_image_id
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|id| *id > 0);
    let image = match image_id {
        Some(id) => store.images(&[id]).await?.into_iter().next(),
        None => None,
    };
    let lead_image = match &image {
        None => LeadImage::Missing,
        Some(image) if image.alt.trim().is_empty() => LeadImage::WithoutAlt,
        Some(_) => LeadImage::WithAlt,
    };
    let image_url = image.as_ref().and_then(|image| {
        let wide = image.crops.iter().find(|crop| crop.ratio == "16:9");
        let key = wide
            .map(|crop| &crop.key)
            .or_else(|| image.renditions.last().map(|r| &r.key))?;
        Some(format!("/media/{key}"))
    });
    let body = richtext::parse_body(&values.body);
    let words = count_words(body.paragraphs().iter().map(String::as_str));
    let draft = StoryDraft {
        headline: &values.headline,
        seo_title: &values.seo_title,
        standfirst: &values.standfirst,
        has_section: !values.section_id.trim().is_empty(),
        is_page: values.kind == "page",
        lead_image,
        body_words: words,
    };
    let checklist = check_story(&draft);
    let shown_title = search_title(&draft);
    let section_id = values.section_id.trim().parse().ok();
    let slug = if values.slug.trim().is_empty() {
        "…"
    } else {
        values.slug.trim()
    };
    let description = [&values.seo_description, &values.standfirst]
        .into_iter()
        .find(|text| !text.trim().is_empty())
        .map_or_else(String::new, |text| text.trim().to_owned());
    Ok(WritingAids {
        words,
        minutes: reading_minutes(words, input.language),
        words_per_minute: if input.language.starts_with("ar") {
            ARABIC_WORDS_PER_MINUTE
        } else {
            ENGLISH_WORDS_PER_MINUTE
        },
        search_title: shown_title.trim().to_owned(),
        search_length: title_length(shown_title),
        search_too_long: title_length(shown_title) > SEARCH_TITLE_CHARS,
        social_length: title_length(&values.headline),
        social_too_long: title_length(&values.headline) > SOCIAL_TITLE_CHARS,
        search_limit: SEARCH_TITLE_CHARS,
        social_limit: SOCIAL_TITLE_CHARS,
        url: format!(
            "{}{}",
            input.base_url,
            site.path_for(input.edition_id, section_id, slug)
        ),
        description,
        image_url,
        image_alt: image.map(|image| image.alt).unwrap_or_default(),
        lead_image,
        has_warnings: checklist.iter().any(|result| !result.passed),
        checklist,
    })
}
