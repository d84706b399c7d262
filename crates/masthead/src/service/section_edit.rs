//! Sections in the newsroom: create, rename, move under another parent and reorder, with
//! the rules that keep every section URL unique and every old one answering (the store
//! keeps the old paths of a renamed or moved section).

use serde::Deserialize;
use store::slug::{is_plausible_slug, slugify};
use store::*;

use crate::domain::permission::Action;
use crate::domain::refusal::{Named, Refusal};
use crate::domain::reserved::RESERVED;
use crate::domain::text::one_line;
use crate::service::actor::Actor;
use crate::service::error::{ServiceError, ServiceResult, invalid};
use crate::service::site::Site;

/// The longest section or topic name.
pub const MAX_NAME: usize = 100;
/// The longest description of a section or topic.
const MAX_DESCRIPTION: usize = 300;
/// The longest slug.
const MAX_SLUG: usize = 80;
/// How deep sections nest (a top section is 1).
const MAX_DEPTH: usize = 4;

/// A section form as typed.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct SectionInput {
    /// Display name.
    pub name: String,
    /// URL segment; empty to make one from the name.
    pub slug: String,
    /// One-line description.
    pub description: String,
    /// Parent section id; empty for a top section.
    pub parent_id: String,
}

/// A section form that passed every check.
struct Checked {
    parent_id: Option<i64>,
    slug: String,
    name: String,
    description: String,
}

/// A section and its ancestors, itself first.
fn ancestors(sections: &[Section], id: i64) -> Vec<i64> {
    let mut chain = Vec::new();
    let mut next = sections.iter().find(|s| s.id == id);
    while let Some(section) = next {
        if chain.len() > sections.len() {
            break;
        }
        chain.push(section.id);
        next = section
            .parent_id
            .and_then(|parent| sections.iter().find(|s| s.id == parent));
    }
    chain
}

/// How many levels a section and its subsections span (1 for a leaf).
fn height(sections: &[Section], id: i64, guard: usize) -> usize {
    let below = sections
        .iter()
        .filter(|s| s.parent_id == Some(id))
        .map(|s| {
            if guard > MAX_DEPTH * 2 {
                0
            } else {
                height(sections, s.id, guard + 1)
            }
        })
        .max()
        .unwrap_or(0);
    below + 1
}

/// The path of a section below the edition ("/world/europe").
fn path_of(sections: &[Section], id: i64) -> String {
    let mut slugs: Vec<&str> = ancestors(sections, id)
        .iter()
        .filter_map(|a| sections.iter().find(|s| s.id == *a))
        .map(|s| s.slug.as_str())
        .collect();
    slugs.reverse();
    format!("/{}", slugs.join("/"))
}

/// The path a section with this parent and slug has (before it is written).
fn child_path(sections: &[Section], parent_id: Option<i64>, slug: &str) -> String {
    match parent_id {
        Some(parent) => format!("{}/{slug}", path_of(sections, parent)),
        None => format!("/{slug}"),
    }
}

/// First path segments a top section of this edition may not take: the site's own (pages
/// and routes), and in the default edition the other editions' prefixes (`ar` for `/ar`).
fn reserved_top_slugs(site: &Site, edition_id: i64) -> Vec<String> {
    let mut reserved: Vec<String> = RESERVED.iter().map(|(s, _)| s.to_string()).collect();
    let is_default = site
        .edition(edition_id)
        .is_some_and(|e| e.edition.path_prefix.is_empty());
    if is_default {
        reserved.extend(site.editions.iter().filter_map(|e| {
            let prefix = e.edition.path_prefix.trim_start_matches('/');
            (!prefix.is_empty()).then(|| prefix.to_string())
        }));
    }
    reserved
}

fn parse_parent(typed: &str, sections: &[Section]) -> Result<Option<i64>, Refusal> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    match typed.parse::<i64>() {
        Ok(id) if sections.iter().any(|s| s.id == id) => Ok(Some(id)),
        _ => Err(Refusal::PickParentSection),
    }
}

/// The name, slug (made from the name when none is typed) and description of a section
/// or a topic, checked alike: one line each within their limits, a slug with letters.
pub(super) fn named_entry(
    name: &str,
    slug: &str,
    description: &str,
) -> Result<(String, String, String), Refusal> {
    let name = one_line(name, Named::Name, MAX_NAME, false)?;
    let description = one_line(description, Named::Description, MAX_DESCRIPTION, true)?;
    let typed = one_line(slug, Named::Slug, MAX_SLUG, true)?;
    let slug = slugify(if typed.is_empty() { &name } else { &typed }, MAX_SLUG);
    if !is_plausible_slug(&slug) {
        return Err(Refusal::SlugNeedsLetters);
    }
    Ok((name, slug, description))
}

/// Checks a form against the edition's sections as they are now; `id` is the section
/// being changed, if it exists.
fn check(
    input: &SectionInput,
    sections: &[Section],
    id: Option<i64>,
    reserved: &[String],
) -> Result<Checked, Refusal> {
    let (name, slug, description) = named_entry(&input.name, &input.slug, &input.description)?;
    let parent_id = parse_parent(&input.parent_id, sections)?;
    if let (Some(parent), Some(id)) = (parent_id, id)
        && ancestors(sections, parent).contains(&id)
    {
        return Err(Refusal::SectionUnderItself);
    }
    let depth = parent_id.map_or(0, |parent| ancestors(sections, parent).len());
    let levels = id.map_or(1, |id| height(sections, id, 0));
    if depth + levels > MAX_DEPTH {
        return Err(Refusal::SectionTooDeep { max: MAX_DEPTH });
    }
    if parent_id.is_none() && reserved.contains(&slug) {
        return Err(Refusal::SectionSlugReserved { slug });
    }
    let clash = sections
        .iter()
        .find(|s| s.parent_id == parent_id && s.slug == slug && Some(s.id) != id);
    if let Some(clash) = clash {
        let path = path_of(sections, clash.id);
        return Err(Refusal::SectionSlugExists { slug, path });
    }
    Ok(Checked {
        parent_id,
        slug,
        name,
        description,
    })
}

/// Turns the store's refusals into messages.
fn refused(error: StoreError, slug: &str) -> ServiceError {
    match error.constraint() {
        Some(Constraint::SectionSlug) => {
            ServiceError::Conflict(Refusal::SectionSlugTaken { slug: slug.into() })
        }
        Some(Constraint::SectionParentCycle) => ServiceError::Invalid(Refusal::SectionUnderItself),
        _ => error.into(),
    }
}

/// Checks the form and that no static page holds the path a top section would take.
async fn checked(
    store: &dyn Store,
    site: &Site,
    edition_id: i64,
    id: Option<i64>,
    input: &SectionInput,
) -> ServiceResult<(Vec<Section>, Checked)> {
    let sections = store.sections(edition_id).await?;
    let reserved = reserved_top_slugs(site, edition_id);
    let checked = check(input, &sections, id, &reserved).map_err(ServiceError::Invalid)?;
    if checked.parent_id.is_none()
        && let Some(page) = store
            .published_story(edition_id, None, &checked.slug)
            .await?
    {
        return invalid(Refusal::PageHoldsSlug {
            headline: page.headline,
            slug: checked.slug,
        });
    }
    Ok((sections, checked))
}

/// Creates a section as the last of its siblings.
pub async fn create_section(
    store: &dyn Store,
    actor: Actor,
    site: &Site,
    edition_id: i64,
    input: &SectionInput,
) -> ServiceResult<i64> {
    actor.require(Action::ManageTaxonomy)?;
    let (sections, checked) = checked(store, site, edition_id, None, input).await?;
    let position = sections
        .iter()
        .filter(|s| s.parent_id == checked.parent_id)
        .map(|s| s.position + 1)
        .max()
        .unwrap_or(0);
    let new = NewSection {
        edition_id,
        parent_id: checked.parent_id,
        slug: checked.slug.clone(),
        name: checked.name,
        description: checked.description,
        position,
    };
    let path = child_path(&sections, new.parent_id, &new.slug);
    let audit = actor.audit("section.create", "section", None, path);
    store
        .add_section(&new, &audit)
        .await
        .map_err(|error| refused(error, &new.slug))
}

/// Renames a section or moves it under another parent; its old path keeps answering.
pub async fn update_section(
    store: &dyn Store,
    actor: Actor,
    site: &Site,
    edition_id: i64,
    id: i64,
    input: &SectionInput,
) -> ServiceResult<()> {
    actor.require(Action::ManageTaxonomy)?;
    let (sections, checked) = checked(store, site, edition_id, Some(id), input).await?;
    if !sections.iter().any(|s| s.id == id) {
        return Err(ServiceError::NotFound);
    }
    let before = path_of(&sections, id);
    let changes = SectionChanges {
        id,
        edition_id,
        parent_id: checked.parent_id,
        slug: checked.slug.clone(),
        name: checked.name,
        description: checked.description,
    };
    let after = child_path(&sections, changes.parent_id, &changes.slug);
    let detail = if before == after {
        after
    } else {
        format!("{before} → {after}")
    };
    let audit = actor.audit("section.update", "section", Some(id), detail);
    store
        .update_section(&changes, &audit)
        .await
        .map_err(|error| refused(error, &changes.slug))
}

/// Moves a section one place up or down among its siblings.
pub async fn move_section(
    store: &dyn Store,
    actor: Actor,
    edition_id: i64,
    id: i64,
    up: bool,
) -> ServiceResult<()> {
    actor.require(Action::ManageTaxonomy)?;
    let sections = store.sections(edition_id).await?;
    let section = sections
        .iter()
        .find(|s| s.id == id)
        .ok_or(ServiceError::NotFound)?;
    let mut siblings: Vec<i64> = sections
        .iter()
        .filter(|s| s.parent_id == section.parent_id)
        .map(|s| s.id)
        .collect();
    let index = siblings.iter().position(|s| *s == id).unwrap_or_default();
    let other = if up {
        index.checked_sub(1)
    } else {
        Some(index + 1)
    };
    let Some(other) = other.filter(|other| *other < siblings.len()) else {
        return Ok(());
    };
    siblings.swap(index, other);
    let direction = if up { "up" } else { "down" };
    let audit = actor.audit("section.move", "section", Some(id), direction.into());
    Ok(store
        .reorder_sections(edition_id, &siblings, &audit)
        .await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(id: i64, parent_id: Option<i64>, slug: &str) -> Section {
        Section {
            id,
            edition_id: 1,
            parent_id,
            slug: slug.into(),
            name: slug.into(),
            description: String::new(),
            position: id,
        }
    }

    fn input(name: &str, slug: &str, parent: &str) -> SectionInput {
        SectionInput {
            name: name.into(),
            slug: slug.into(),
            description: String::new(),
            parent_id: parent.into(),
        }
    }

    #[test]
    fn bad_sections_are_refused_with_a_reason() {
        let tree = [
            section(1, None, "world"),
            section(2, Some(1), "europe"),
            section(3, None, "sports"),
        ];
        let reserved = vec!["topic".to_string(), "ar".to_string()];
        let cases = [
            (input("Topic", "", ""), None, "used by the site", "reserved"),
            (
                input("Arabic", "ar", ""),
                None,
                "used by the site",
                "edition prefix",
            ),
            (
                input("World", "", ""),
                None,
                "/world already exists",
                "sibling clash",
            ),
            (input("W", "world", "2"), Some(1), "under itself", "cycle"),
            (input("!!!", "", ""), None, "letters or digits", "no slug"),
            (
                input("X", "", "99"),
                None,
                "parent section",
                "unknown parent",
            ),
        ];

        for (form, id, message, reason) in cases {
            let error = check(&form, &tree, id, &reserved)
                .err()
                .map(|refusal| refusal.to_string())
                .unwrap_or_default();
            assert!(error.contains(message), "{reason}: {error}");
        }
        assert!(check(&input("Topic", "", "1"), &tree, None, &reserved).is_ok());
        assert!(check(&input("Europe", "europe", "1"), &tree, Some(2), &reserved).is_ok());
    }
}
