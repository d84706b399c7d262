//! Authors in the newsroom: create and change profiles (name, role line, photo from the
//! media library, bio, profile links, edition), link the account of the same person, and
//! merge one author into another. A renamed or merged author's old page answers 301.

use serde::{Deserialize, Serialize};
use store::slug::{is_plausible_slug, slugify};
use store::*;

use crate::domain::link::parse_web_address;
use crate::domain::permission::Action;
use crate::domain::refusal::{Named, Refusal};
use crate::domain::text::one_line;
use crate::service::actor::Actor;
use crate::service::error::{ServiceError, ServiceResult, invalid};

const MAX_NAME: usize = 100;
const MAX_TITLE: usize = 120;
const MAX_BIO: usize = 1000;
const MAX_SLUG: usize = 80;
/// The most profile links an author shows.
const MAX_LINKS: usize = 8;

/// An author form as typed; also what the form shows again after a refusal.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct AuthorInput {
    /// Full name.
    pub name: String,
    /// URL segment; empty to make one from the name.
    pub slug: String,
    /// Role line ("Diplomacy correspondent").
    pub title: String,
    /// Short biography.
    pub bio: String,
    /// "on" when they write a column.
    pub columnist: Option<String>,
    /// Media-library number of the photo, or empty.
    pub image_id: String,
    /// Id of the edition they write for, or empty for every edition.
    pub edition_id: String,
    /// Profile links, one per line.
    pub links: String,
    /// Id of the newsroom account of the same person, or empty.
    pub account_id: String,
}

impl AuthorInput {
    /// The form filled with an author as they are, and the account linked to them.
    pub fn from_author(author: &Author, account_id: Option<i64>) -> AuthorInput {
        let id = |id: Option<i64>| id.map(|id| id.to_string()).unwrap_or_default();
        AuthorInput {
            name: author.name.clone(),
            slug: author.slug.clone(),
            title: author.title.clone(),
            bio: author.bio.clone(),
            columnist: author.columnist.then(|| "on".into()),
            image_id: id(author.image_id),
            edition_id: id(author.edition_id),
            links: author.links.clone(),
            account_id: id(account_id),
        }
    }
}

/// A number picked from a list or typed (`what` names it in the refusal), or none.
pub fn optional_id(value: &str, what: Named) -> Result<Option<i64>, Refusal> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    match value.parse::<i64>() {
        Ok(id) if id > 0 => Ok(Some(id)),
        _ => Err(Refusal::GivenByNumber { what }),
    }
}

/// Checks that an image picked by number is in the media library.
pub async fn check_image(store: &dyn Store, id: Option<i64>, what: Named) -> ServiceResult<()> {
    match id {
        Some(id) if store.library_image(id).await?.is_none() => {
            invalid(Refusal::NoImageFor { id, what })
        }
        _ => Ok(()),
    }
}

/// Profile links: one http(s) address per line, blank lines ignored.
fn check_links(typed: &str) -> Result<String, Refusal> {
    let lines: Vec<&str> = typed
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    if lines.len() > MAX_LINKS {
        return Err(Refusal::TooManyLinks { max: MAX_LINKS });
    }
    let links = lines
        .iter()
        .map(|line| parse_web_address(line))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(links.join("\n"))
}

/// The fields of a form, cleaned and checked, as an author under `id`; the ids it names
/// are checked against the store by [`check_author`].
fn author_fields(id: i64, input: &AuthorInput) -> Result<Author, Refusal> {
    let name = one_line(&input.name, Named::Name, MAX_NAME, false)?;
    let typed = one_line(&input.slug, Named::Slug, MAX_SLUG, true)?;
    let slug = slugify(if typed.is_empty() { &name } else { &typed }, MAX_SLUG);
    if !is_plausible_slug(&slug) {
        return Err(Refusal::SlugNeedsLetters);
    }
    Ok(Author {
        id,
        slug,
        name,
        title: one_line(&input.title, Named::RoleLine, MAX_TITLE, true)?,
        bio: one_line(&input.bio, Named::Bio, MAX_BIO, true)?,
        columnist: input.columnist.is_some(),
        image_id: optional_id(&input.image_id, Named::Photo)?,
        edition_id: optional_id(&input.edition_id, Named::Edition)?,
        links: check_links(&input.links)?,
    })
}

/// An author from a form, with its photo and edition checked.
async fn check_author(store: &dyn Store, id: i64, input: &AuthorInput) -> ServiceResult<Author> {
    let author = author_fields(id, input).map_err(ServiceError::Invalid)?;
    check_image(store, author.image_id, Named::Photo).await?;
    if let Some(edition) = author.edition_id
        && !store.editions().await?.iter().any(|e| e.id == edition)
    {
        return invalid(Refusal::PickEdition);
    }
    Ok(author)
}

fn taken(error: StoreError, slug: &str) -> ServiceError {
    match error.constraint() {
        Some(Constraint::AuthorSlug) => {
            ServiceError::Conflict(Refusal::AuthorSlugTaken { slug: slug.into() })
        }
        _ => error.into(),
    }
}

/// Creates an author.
pub async fn create_author(
    store: &dyn Store,
    actor: Actor,
    input: &AuthorInput,
) -> ServiceResult<i64> {
    actor.require(Action::ManagePeople)?;
    let author = check_author(store, 0, input).await?;
    let audit = actor.audit("author.create", "author", None, author.name.clone());
    let new = NewAuthor {
        slug: author.slug,
        name: author.name,
        title: author.title,
        bio: author.bio,
        columnist: author.columnist,
        image_id: author.image_id,
        edition_id: author.edition_id,
        links: author.links,
    };
    store
        .add_author(&new, &audit)
        .await
        .map_err(|error| taken(error, &new.slug))
}

/// Changes an author and which account is the same person.
pub async fn update_author(
    store: &dyn Store,
    actor: Actor,
    id: i64,
    input: &AuthorInput,
) -> ServiceResult<()> {
    actor.require(Action::ManagePeople)?;
    let old = store
        .authors(&[id])
        .await?
        .pop()
        .ok_or(ServiceError::NotFound)?;
    let author = check_author(store, id, input).await?;
    let account_id =
        optional_id(&input.account_id, Named::Account).map_err(ServiceError::Invalid)?;
    if let Some(account) = account_id
        && store.user(account).await?.is_none()
    {
        return invalid(Refusal::PickAccount);
    }
    let detail = format!("{} → {} (/author/{})", old.name, author.name, author.slug);
    let audit = actor.audit("author.update", "author", Some(id), detail);
    let slug = author.slug.clone();
    let changes = AuthorChanges { author, account_id };
    store
        .update_author(&changes, &audit)
        .await
        .map_err(|error| taken(error, &slug))
}

/// Merges author `from` into the author picked (`into`, an id as typed): every byline and
/// account of `from` moves to `into`, `from` is deleted, and its page answers 301 with
/// `into`'s. Returns `into`'s id.
pub async fn merge_authors(
    store: &dyn Store,
    actor: Actor,
    from: i64,
    into: &str,
) -> ServiceResult<i64> {
    actor.require(Action::ManagePeople)?;
    let Some(into) = optional_id(into, Named::Author).map_err(ServiceError::Invalid)? else {
        return invalid(Refusal::PickMergeTarget);
    };
    if into == from {
        return invalid(Refusal::PickOtherMergeTarget);
    }
    let found = store.authors(&[from, into]).await?;
    let slug_of = |id: i64| found.iter().find(|a| a.id == id).map(|a| a.slug.clone());
    let (Some(from_slug), Some(into_slug)) = (slug_of(from), slug_of(into)) else {
        return invalid(Refusal::PickAuthor);
    };
    let detail = format!("{from_slug} → {into_slug}");
    let audit = actor.audit("author.merge", "author", Some(into), detail);
    store.merge_authors(from, into, &audit).await?;
    Ok(into)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn author_forms_are_cleaned_and_checked() {
        let typed = AuthorInput {
            name: " Leyla\u{202E} Demir ".into(),
            links: "https://example.org/leyla\n\n http://social.example/@leyla ".into(),
            image_id: "12".into(),
            ..AuthorInput::default()
        };

        let author = author_fields(3, &typed).expect("accepted");

        assert_eq!(author.name, "Leyla Demir");
        assert_eq!(author.slug, "leyla-demir");
        assert_eq!(author.image_id, Some(12));
        assert_eq!(
            author.link_list(),
            ["https://example.org/leyla", "http://social.example/@leyla"]
        );
        let refused = [
            ("javascript:alert(1)", "a script is not a profile link"),
            ("/world", "a site path is not a profile link"),
            ("https://a b.example", "spaces"),
        ];
        for (links, reason) in refused {
            let input = AuthorInput {
                links: links.into(),
                ..typed.clone()
            };
            assert!(author_fields(3, &input).is_err(), "{reason}");
        }
        let bad_photo = AuthorInput {
            image_id: "1; DROP TABLE authors".into(),
            ..typed
        };
        assert!(author_fields(3, &bad_photo).is_err());
    }
}
