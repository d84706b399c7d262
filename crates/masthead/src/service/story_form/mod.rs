//! The story editor's form: the raw values as typed (so a rejected save shows them back
//! intact), and their parsing into `StoryFields` with a message per field.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use store::slug::slugify;
use store::*;

use crate::domain::refusal::Refusal;
use crate::domain::reserved;
use crate::service::site::EditionSite;

mod check;

use check::{Checker, parse_gallery, parse_keywords};

/// Byline rows the form offers at least (a new story's form offers this many).
pub const CREDIT_ROWS: usize = 4;
/// Blank byline rows offered after a story's own, for adding bylines without JavaScript.
const BLANK_CREDIT_ROWS: usize = 2;
/// Most bylines a story takes.
pub const MAX_CREDITS: usize = 20;
/// Row numbers a byline field name may carry ("credit_{row}_who"): the script numbers
/// rows as it adds them, so the numbers may have gaps after rows were removed.
const MAX_CREDIT_ROW: usize = 1000;
const MAX_HEADLINE: usize = 300;
pub(crate) const MAX_LINE: usize = 600;
const MAX_SLUG: usize = 120;
const MAX_BODY: usize = 4 * 1024 * 1024;
pub(crate) const MAX_LIST: usize = 50;

/// Messages by field name, shown next to each field.
pub type FieldErrors = HashMap<&'static str, Refusal>;

/// One byline row as typed: who ("a:12" author or "g:3" agency) and their role.
#[derive(Clone, Debug, Default, Serialize)]
pub struct CreditValue {
    /// "a:{id}", "g:{id}" or empty.
    pub who: String,
    /// A `CreditRole` stored form.
    pub role: String,
}

/// The editor's fields as strings, exactly as the author typed or the story holds them.
#[derive(Clone, Debug, Default, Serialize)]
pub struct StoryFormValues {
    /// Story kind.
    pub kind: String,
    /// Headline.
    pub headline: String,
    /// Standfirst.
    pub standfirst: String,
    /// Slug.
    pub slug: String,
    /// Primary section id.
    pub section_id: String,
    /// Other section ids.
    pub secondary_section_ids: Vec<String>,
    /// Topic ids.
    pub topic_ids: Vec<String>,
    /// Keyword names, comma-separated.
    pub keywords: String,
    /// Byline rows.
    pub credits: Vec<CreditValue>,
    /// Dateline place.
    pub dateline: String,
    /// Lead image id.
    pub hero_image_id: String,
    /// Recommended story ids, comma-separated.
    pub recommended_ids: String,
    /// Gallery lines: "image id | caption".
    pub gallery: String,
    /// Video page URL.
    pub video_url: String,
    /// SEO title.
    pub seo_title: String,
    /// SEO description.
    pub seo_description: String,
    /// Body as editor HTML or plain text.
    pub body: String,
    /// The revision the author started from.
    pub base_revision: String,
    /// The local time typed to schedule at, given back when it is refused.
    pub scheduled_at: String,
}

fn join_ids(ids: &[i64], separator: &str) -> String {
    ids.iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(separator)
}

impl StoryFormValues {
    /// The values of stored content.
    pub fn from_fields(fields: &StoryFields, keywords: &[Keyword], revision: i64) -> Self {
        let mut credits: Vec<CreditValue> = fields
            .credits
            .iter()
            .map(|credit| match credit {
                CreditRef::Author(id, role) => CreditValue {
                    who: format!("a:{id}"),
                    role: role.as_str().into(),
                },
                CreditRef::Agency(id, role) => CreditValue {
                    who: format!("g:{id}"),
                    role: role.as_str().into(),
                },
            })
            .collect();
        let rows = (credits.len() + BLANK_CREDIT_ROWS).max(CREDIT_ROWS);
        credits.resize(rows, CreditValue::default());
        let text = |value: &Option<String>| value.clone().unwrap_or_default();
        StoryFormValues {
            kind: fields.kind.as_str().into(),
            headline: fields.headline.clone(),
            standfirst: text(&fields.standfirst),
            slug: fields.slug.clone(),
            section_id: fields
                .section_id
                .map(|id| id.to_string())
                .unwrap_or_default(),
            secondary_section_ids: fields
                .secondary_section_ids
                .iter()
                .map(i64::to_string)
                .collect(),
            topic_ids: fields.topic_ids.iter().map(i64::to_string).collect(),
            keywords: keywords
                .iter()
                .map(|keyword| keyword.name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            credits,
            dateline: text(&fields.dateline),
            hero_image_id: fields
                .hero_image_id
                .map(|id| id.to_string())
                .unwrap_or_default(),
            recommended_ids: join_ids(&fields.recommended_ids, ", "),
            gallery: fields
                .gallery
                .iter()
                .map(|item| format!("{} | {}", item.image_id, item.caption))
                .collect::<Vec<_>>()
                .join("\n"),
            video_url: text(&fields.video_url),
            seo_title: text(&fields.seo_title),
            seo_description: text(&fields.seo_description),
            body: richtext::body_to_html(&fields.body),
            base_revision: revision.to_string(),
            scheduled_at: String::new(),
        }
    }

    /// The values of a submitted form (`name=value` pairs; repeated names for lists).
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut values = StoryFormValues::default();
        let mut credits: BTreeMap<usize, CreditValue> = BTreeMap::new();
        for (name, value) in pairs {
            let value = value.clone();
            match name.as_str() {
                "kind" => values.kind = value,
                "headline" => values.headline = value,
                "standfirst" => values.standfirst = value,
                "slug" => values.slug = value,
                "section_id" => values.section_id = value,
                "secondary_section_ids" => values.secondary_section_ids.push(value),
                "topic_ids" => values.topic_ids.push(value),
                "keywords" => values.keywords = value,
                "dateline" => values.dateline = value,
                "hero_image_id" => values.hero_image_id = value,
                "recommended_ids" => values.recommended_ids = value,
                "gallery" => values.gallery = value,
                "video_url" => values.video_url = value,
                "seo_title" => values.seo_title = value,
                "seo_description" => values.seo_description = value,
                "body" => values.body = value,
                "base_revision" => values.base_revision = value,
                "scheduled_at" => values.scheduled_at = value,
                other => {
                    if let Some((row, part)) = credit_field(other) {
                        let credit = credits.entry(row).or_default();
                        match part {
                            "who" => credit.who = value,
                            _ => credit.role = value,
                        }
                    }
                }
            }
        }
        values.credits = credits.into_values().collect();
        let rows = values.credits.len().max(CREDIT_ROWS);
        values.credits.resize(rows, CreditValue::default());
        values
    }
}

/// A credit row's field by its form name: "credit_2_who" → (2, "who").
pub fn credit_field(name: &str) -> Option<(usize, &str)> {
    let rest = name.strip_prefix("credit_")?;
    let (row, part) = rest.split_once('_')?;
    let row: usize = row.parse().ok()?;
    (row < MAX_CREDIT_ROW && matches!(part, "who" | "role")).then_some((row, part))
}

/// Removes control characters (keeping newlines where a field has lines) and trims.
pub fn clean(value: &str, keep_newlines: bool) -> String {
    value
        .chars()
        .filter(|ch| !ch.is_control() || (keep_newlines && *ch == '\n'))
        .collect::<String>()
        .trim()
        .to_string()
}

/// Parsed content plus the keyword names to look up or create.
#[derive(Debug)]
pub struct ParsedStory {
    /// The content, with `keyword_ids` still empty.
    pub fields: StoryFields,
    /// Keywords as (slug, name).
    pub keywords: Vec<(String, String)>,
}

impl StoryFormValues {
    /// Parses the form against an edition's sections; every problem gets its message.
    pub fn parse(&self, edition: &EditionSite) -> Result<ParsedStory, FieldErrors> {
        let mut check = Checker {
            errors: FieldErrors::new(),
        };
        let kind = StoryKind::parse(&self.kind).unwrap_or_default();
        let headline = check.line("headline", &self.headline, MAX_HEADLINE);
        if headline.is_none() {
            check.errors.insert("headline", Refusal::WriteHeadline);
        }
        let headline = headline.unwrap_or_default();
        let typed_slug = clean(&self.slug, false);
        let slug = slugify(
            if typed_slug.is_empty() {
                &headline
            } else {
                &typed_slug
            },
            MAX_SLUG,
        );
        if slug.is_empty() && !check.errors.contains_key("headline") {
            check.errors.insert("slug", Refusal::SlugNeedsLetters);
        }
        let section_id = check.id("section_id", &self.section_id);
        let in_edition = |id: &i64| edition.section(*id).is_some();
        match (kind, section_id) {
            (StoryKind::Page, Some(_)) => {
                check.errors.insert("section_id", Refusal::StaticNoSection);
            }
            (StoryKind::Page, None) if !reserved::page_may_take(&slug) => {
                let slug = slug.clone();
                check.errors.insert("slug", Refusal::SlugReserved { slug });
            }
            (StoryKind::Page, None) => {}
            (_, None) => {
                check.errors.insert("section_id", Refusal::PickSection);
            }
            (_, Some(id)) if !in_edition(&id) => {
                check
                    .errors
                    .insert("section_id", Refusal::PickSectionOfEdition);
            }
            _ => {}
        }
        let secondary_section_ids = check.ids("secondary_section_ids", &self.secondary_section_ids);
        if !secondary_section_ids.iter().all(in_edition) {
            check
                .errors
                .insert("secondary_section_ids", Refusal::PickSectionsOfEdition);
        }
        let credits = self.credits(&mut check);
        let keywords = parse_keywords(&self.keywords, &mut check);
        let gallery = parse_gallery(&self.gallery, &mut check);
        let recommended: Vec<String> = self
            .recommended_ids
            .split([',', ' '])
            .map(str::to_string)
            .collect();
        let video_url = check.line("video_url", &self.video_url, MAX_LINE);
        if let Some(url) = &video_url
            && !(url.starts_with("https://") || url.starts_with("http://"))
        {
            check.errors.insert("video_url", Refusal::VideoAddress);
        }
        if self.body.len() > MAX_BODY {
            check.errors.insert("body", Refusal::BodyTooLong);
        }
        let fields = StoryFields {
            kind,
            standfirst: check.line("standfirst", &self.standfirst, MAX_LINE),
            slug,
            section_id,
            secondary_section_ids,
            body: richtext::parse_body(&self.body),
            credits,
            dateline: check.line("dateline", &self.dateline, 100),
            hero_image_id: check.id("hero_image_id", &self.hero_image_id),
            topic_ids: check.ids("topic_ids", &self.topic_ids),
            keyword_ids: Vec::new(),
            recommended_ids: check.ids("recommended_ids", &recommended),
            gallery,
            video_url,
            seo_title: check.line("seo_title", &self.seo_title, 200),
            seo_description: check.line("seo_description", &self.seo_description, MAX_LINE),
            headline,
        };
        if check.errors.is_empty() {
            Ok(ParsedStory { fields, keywords })
        } else {
            Err(check.errors)
        }
    }

    fn credits(&self, check: &mut Checker) -> Vec<CreditRef> {
        let mut credits = Vec::new();
        let named = self.credits.iter().filter(|c| !c.who.trim().is_empty());
        if named.count() > MAX_CREDITS {
            let max = MAX_CREDITS;
            check
                .errors
                .insert("credits", Refusal::TooManyBylines { max });
            return credits;
        }
        for credit in &self.credits {
            let role = CreditRole::parse(&credit.role).unwrap_or(CreditRole::By);
            let parsed = match credit.who.split_once(':') {
                None if credit.who.trim().is_empty() => continue,
                Some(("a", id)) => id.parse().ok().map(|id| CreditRef::Author(id, role)),
                Some(("g", id)) => id.parse().ok().map(|id| CreditRef::Agency(id, role)),
                _ => None,
            };
            match parsed {
                Some(credit) if !credits.contains(&credit) => credits.push(credit),
                Some(_) => {}
                None => {
                    check.errors.insert("credits", Refusal::PickBylines);
                }
            }
        }
        credits
    }
}
