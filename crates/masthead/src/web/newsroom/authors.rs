//! Authors, for editors: the list with a form for a new one, and an edit page per author
//! (profile, linked account) with a form that merges the author into another.

use std::sync::Arc;

use crate::web::newsroom::form::Form;
use axum::extract::{Path, Query, State};
use axum::response::{Html, Response};
use serde::{Deserialize, Serialize};
use store::{Author, User};

use crate::domain::i18n_newsroom_people::PeopleStrings;
use crate::domain::permission::Action;
use crate::service::author_edit::{AuthorInput, create_author, merge_authors, update_author};
use crate::service::site::Site;
use crate::web::error::AppError;
use crate::web::newsroom::curation::{Choice, EditionQuery, answer, id_choices};
use crate::web::newsroom::session::CurrentUser;
use crate::web::newsroom::view::AdminChrome;
use crate::web::state::AppState;

#[derive(Serialize)]
struct AuthorRow {
    id: i64,
    name: String,
    title: String,
    edition: String,
    account: String,
    url: String,
}

#[derive(Serialize)]
struct AuthorsPage {
    chrome: AdminChrome,
    authors: Vec<AuthorRow>,
    editions: Vec<Choice>,
    values: AuthorInput,
    error: Option<String>,
}

#[derive(Serialize)]
struct AuthorEditPage {
    chrome: AdminChrome,
    id: i64,
    name: String,
    url: String,
    editions: Vec<Choice>,
    accounts: Vec<Choice>,
    others: Vec<Choice>,
    values: AuthorInput,
    error: Option<String>,
}

/// The merge form: the author to merge into, by id.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct MergeInput {
    into: String,
}

/// An author's page on the reader site, in their edition (the default one for all).
fn reader_url(site: &Site, author: &Author) -> String {
    let prefix = author
        .edition_id
        .and_then(|id| site.edition(id))
        .map_or("", |edition| edition.edition.path_prefix.as_str());
    format!("{prefix}/author/{}", author.slug)
}

/// The editions an author may write for, after "Every edition" in `words`.
fn edition_choices(site: &Site, selected: &str, words: &PeopleStrings) -> Vec<Choice> {
    let editions = site
        .editions
        .iter()
        .map(|e| (e.edition.id, e.edition.name.clone()));
    id_choices(words.every_edition, editions, selected)
}

fn linked_account(users: &[User], author_id: i64) -> Option<&User> {
    users.iter().find(|user| user.author_id == Some(author_id))
}

async fn authors_page(
    state: &AppState,
    user: &CurrentUser,
    query: &EditionQuery,
    values: AuthorInput,
    error: Option<String>,
) -> Result<Html<String>, AppError> {
    let site = state.site();
    let (authors, users) = tokio::try_join!(state.store.all_authors(), state.store.users())?;
    let rows = authors
        .iter()
        .map(|author| AuthorRow {
            id: author.id,
            name: author.name.clone(),
            title: author.title.clone(),
            edition: author
                .edition_id
                .and_then(|id| site.edition(id))
                .map_or_else(String::new, |e| e.edition.name.clone()),
            account: linked_account(&users, author.id)
                .map_or_else(String::new, |user| user.email.clone()),
            url: reader_url(&site, author),
        })
        .collect();
    let chrome =
        AdminChrome::new(state, user, "/admin/authors").with_notice(query.notice.as_deref());
    let words = chrome.t.people;
    let page = AuthorsPage {
        chrome,
        authors: rows,
        editions: edition_choices(&site, &values.edition_id, words),
        values,
        error,
    };
    Ok(Html(state.theme.render("admin/authors.html", &page)?))
}

async fn author_page(
    state: &AppState,
    user: &CurrentUser,
    id: i64,
    query: &EditionQuery,
    typed: Option<AuthorInput>,
    error: Option<String>,
) -> Result<Html<String>, AppError> {
    let site = state.site();
    let (authors, users) = tokio::try_join!(state.store.all_authors(), state.store.users())?;
    let author = authors
        .iter()
        .find(|a| a.id == id)
        .ok_or(AppError::NotFound)?;
    let account = linked_account(&users, id).map(|user| user.id);
    let values = typed.unwrap_or_else(|| AuthorInput::from_author(author, account));
    let people = users
        .iter()
        .map(|u| (u.id, format!("{} ({})", u.name, u.email)));
    let others = authors.iter().filter(|a| a.id != id);
    let chrome =
        AdminChrome::new(state, user, "/admin/authors").with_notice(query.notice.as_deref());
    let words = chrome.t.people;
    let page = AuthorEditPage {
        chrome,
        id,
        name: author.name.clone(),
        url: reader_url(&site, author),
        editions: edition_choices(&site, &values.edition_id, words),
        accounts: id_choices(words.no_account, people, &values.account_id),
        others: id_choices(
            words.pick_author,
            others.map(|a| (a.id, a.name.clone())),
            "",
        ),
        values,
        error,
    };
    Ok(Html(state.theme.render("admin/author_edit.html", &page)?))
}

/// `GET /admin/authors`.
pub async fn list_authors(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Query(query): Query<EditionQuery>,
) -> Result<Html<String>, AppError> {
    user.require(Action::ManagePeople)?;
    authors_page(&state, &user, &query, AuthorInput::default(), None).await
}

/// `POST /admin/authors`: creates an author.
pub async fn add_author(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Query(query): Query<EditionQuery>,
    Form(input): Form<AuthorInput>,
) -> Result<Response, AppError> {
    let created = create_author(state.store.as_ref(), user.actor, &input).await;
    answer(
        &state,
        &user,
        created.map(drop),
        "/admin/authors?notice=created",
        |message| authors_page(&state, &user, &query, input, Some(message)),
    )
    .await
}

/// `GET /admin/authors/{id}`.
pub async fn edit_author(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(query): Query<EditionQuery>,
) -> Result<Html<String>, AppError> {
    user.require(Action::ManagePeople)?;
    author_page(&state, &user, id, &query, None, None).await
}

/// `POST /admin/authors/{id}`: changes an author and their linked account.
pub async fn change_author(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(query): Query<EditionQuery>,
    Form(input): Form<AuthorInput>,
) -> Result<Response, AppError> {
    let updated = update_author(state.store.as_ref(), user.actor, id, &input).await;
    let done = format!("/admin/authors/{id}?notice=saved");
    answer(&state, &user, updated, &done, |message| {
        author_page(&state, &user, id, &query, Some(input), Some(message))
    })
    .await
}

/// `POST /admin/authors/{id}/merge`: merges the author into another, then shows that one.
pub async fn merge_author(
    State(state): State<Arc<AppState>>,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(query): Query<EditionQuery>,
    Form(input): Form<MergeInput>,
) -> Result<Response, AppError> {
    let merged = merge_authors(state.store.as_ref(), user.actor, id, &input.into).await;
    let done = match &merged {
        Ok(into) => format!("/admin/authors/{into}?notice=merged"),
        Err(_) => String::new(),
    };
    answer(&state, &user, merged.map(drop), &done, |message| {
        author_page(&state, &user, id, &query, None, Some(message))
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::theme::Theme;

    fn chrome() -> AdminChrome {
        AdminChrome {
            site_name: "Herald".into(),
            user_name: Some("Ed".into()),
            role: "editor",
            csrf: "token".into(),
            nav: Vec::new(),
            notice: None,
            new_story: Vec::new(),
            t: crate::domain::i18n_newsroom::newsroom_strings("en"),
        }
    }

    fn choices(none: &str) -> Vec<Choice> {
        id_choices(none, [(1, "One".to_string())], "1")
    }

    #[test]
    fn the_author_pages_render_what_was_typed() {
        let theme = Theme::load(None).expect("theme");
        let values = AuthorInput {
            name: "<Typed>".into(),
            links: "https://example.org/a".into(),
            ..AuthorInput::default()
        };
        let list = AuthorsPage {
            chrome: chrome(),
            authors: Vec::new(),
            editions: choices("Every edition"),
            values: values.clone(),
            error: Some("Give a name.".into()),
        };
        let edit = AuthorEditPage {
            chrome: chrome(),
            id: 1,
            name: "A".into(),
            url: "/author/a".into(),
            editions: choices("Every edition"),
            accounts: choices("No account"),
            others: choices("(pick an author)"),
            values,
            error: None,
        };

        let list = theme.render("admin/authors.html", &list).expect("list");
        let edit = theme.render("admin/author_edit.html", &edit).expect("edit");

        for html in [list, edit] {
            assert!(html.contains("value=\"&lt;Typed&gt;\""), "{html}");
            assert!(html.contains("https://example.org/a</textarea>"));
        }
    }
}
