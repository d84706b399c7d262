//! Field checks of the story form: one line of text, ids, keywords and gallery lines,
//! each adding its message to the form's errors.

use store::GalleryItem;
use store::slug::slugify;

use crate::domain::refusal::Refusal;
use crate::service::story_form::{FieldErrors, MAX_LINE, MAX_LIST, clean};

pub(super) struct Checker {
    pub(super) errors: FieldErrors,
}

impl Checker {
    pub(super) fn line(&mut self, field: &'static str, value: &str, max: usize) -> Option<String> {
        let value = clean(value, false);
        if value.chars().count() > max {
            self.errors.insert(field, Refusal::KeepUnder { max });
        }
        (!value.is_empty()).then_some(value)
    }

    pub(super) fn id(&mut self, field: &'static str, value: &str) -> Option<i64> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        match value.parse::<i64>() {
            Ok(id) if id > 0 => Some(id),
            _ => {
                let typed = value.to_string();
                self.errors.insert(field, Refusal::NotAnId { typed });
                None
            }
        }
    }

    pub(super) fn ids(&mut self, field: &'static str, values: &[String]) -> Vec<i64> {
        let mut ids: Vec<i64> = values.iter().filter_map(|v| self.id(field, v)).collect();
        ids.dedup();
        if ids.len() > MAX_LIST {
            self.errors
                .insert(field, Refusal::PickAtMost { max: MAX_LIST });
        }
        ids
    }
}

pub(super) fn parse_keywords(value: &str, check: &mut Checker) -> Vec<(String, String)> {
    let mut keywords: Vec<(String, String)> = Vec::new();
    for name in clean(value, false).split(',') {
        let name = name.trim();
        let slug = slugify(name, 80);
        if slug.is_empty() || keywords.iter().any(|(known, _)| *known == slug) {
            continue;
        }
        if name.chars().count() > 80 {
            check.errors.insert("keywords", Refusal::KeywordTooLong);
        }
        keywords.push((slug, name.to_string()));
    }
    if keywords.len() > MAX_LIST {
        check
            .errors
            .insert("keywords", Refusal::TooManyKeywords { max: MAX_LIST });
    }
    keywords
}

/// Gallery lines: "image id | caption".
pub(super) fn parse_gallery(value: &str, check: &mut Checker) -> Vec<GalleryItem> {
    let mut items = Vec::new();
    for line in clean(value, true)
        .lines()
        .filter(|line| !line.trim().is_empty())
    {
        let (id, caption) = line.split_once('|').unwrap_or((line, ""));
        match id.trim().parse::<i64>() {
            Ok(image_id) if image_id > 0 => items.push(GalleryItem {
                image_id,
                caption: clean(caption, false).chars().take(MAX_LINE).collect(),
            }),
            _ => {
                let line = line.trim().to_string();
                check
                    .errors
                    .insert("gallery", Refusal::GalleryLine { line });
            }
        }
    }
    if items.len() > 200 {
        check.errors.insert("gallery", Refusal::GalleryTooBig);
    }
    items
}
