//! The search page's view: the form as the reader left it, what was searched for, the
//! count, each result with its image, labels and marked snippet, and the ways on (pages,
//! a respelt query, the search without its filters).

use std::collections::HashMap;

use serde::Serialize;
use store::{Author, COUNT_LIMIT, Image, StoryKind, Teaser};

use crate::domain::i18n_search::{SearchStrings, result_count};
use crate::domain::paging::page_count;
use crate::domain::search_form::{SearchForm, SearchSort};
use crate::domain::time::{DisplayTime, display_time};
use crate::service::search::{Found, FoundStory};
use crate::service::site::{EditionSite, Site};
use crate::web::error::AppError;
use crate::web::site::metadata::{HeadMeta, Publication};
use crate::web::site::search::{last_page, search_path, section_value};
use crate::web::state::AppState;
use crate::web::view::{Chrome, ImageView, LinkView, Pager, kind_label};

/// What the page is made from.
pub struct SearchPage<'a> {
    /// The form as read (unknown values already left out).
    pub form: &'a SearchForm,
    /// The author the form names, if any.
    pub author: Option<&'a Author>,
    /// What the search found.
    pub found: &'a Found,
}

/// The search page (`pages/search.html`).
#[derive(Debug, Serialize)]
pub struct SearchView {
    chrome: Chrome,
    /// The search's normal form, absolute: one address for every spelling of it.
    canonical: String,
    /// OpenGraph and Twitter tags, and `noindex`.
    head: HeadMeta,
    form: FormView,
    /// Lines above the results: values left out, an index still being built.
    notes: Vec<&'static str>,
    /// What to type, when nothing searchable was typed.
    hints: Vec<&'static str>,
    /// The query as understood, when something was searched for.
    searched: Option<String>,
    /// "23 results".
    count: String,
    /// The number of this page's first result.
    first_number: u64,
    results: Vec<ResultView>,
    /// With no results: the same search respelt.
    suggestion: Option<LinkView>,
    /// With no results and filters on: the same search without them.
    remove_filters: Option<String>,
    /// On a page past the last: the first page.
    first_page: Option<String>,
    pager: Pager,
}

/// The form, filled in as the reader left it.
#[derive(Debug, Serialize)]
struct FormView {
    action: String,
    q: String,
    sections: Vec<Choice>,
    kinds: Vec<Choice>,
    from: String,
    to: String,
    sorts: Vec<Choice>,
    /// The author filter, which has no list: a box to untick.
    author: Option<Choice>,
}

/// One option of a list.
#[derive(Debug, Serialize)]
struct Choice {
    value: String,
    label: String,
    selected: bool,
}

/// One story found.
#[derive(Debug, Serialize)]
struct ResultView {
    url: String,
    headline: String,
    image: Option<ImageView>,
    kind: &'static str,
    kind_label: &'static str,
    section: Option<LinkView>,
    time: Option<DisplayTime>,
    snippet: Vec<PieceView>,
}

/// A stretch of a snippet: plain text, marked when it is a word searched for.
#[derive(Debug, Serialize)]
struct PieceView {
    text: String,
    marked: bool,
}

/// The view of a search, loading the results' images.
pub async fn search_page(
    state: &AppState,
    site: &Site,
    edition: &EditionSite,
    page: SearchPage<'_>,
) -> Result<SearchView, AppError> {
    let SearchPage {
        form,
        author,
        found,
    } = page;
    let t = edition.strings.search;
    let path = search_path(edition);
    let images = images_of(state, found).await?;
    let pages = last_page(state.page_size).min(page_count(found.total, state.page_size));
    let nothing = found.searched && found.stories.is_empty();
    let pager = pager(t, form, &path, pages, !nothing);
    let canonical = super::absolute_url(&state.base_url, pager.self_link());
    let mut head =
        Publication::new(site, edition, &state.base_url).head("website", t.title, "", &canonical);
    head.noindex = true;
    let mut chrome = Chrome::new(site, edition, &state.base_url);
    chrome.search_query = form.q.clone();
    Ok(SearchView {
        chrome,
        canonical,
        head,
        form: form_view(edition, form, author, &path),
        notes: notes(t, form, found),
        hints: hints(t, form, found),
        searched: found.searched.then(|| found.normalized.clone()),
        count: result_count(&edition.edition.language, found.total, COUNT_LIMIT),
        first_number: u64::from(form.page - 1) * u64::from(state.page_size) + 1,
        results: found
            .stories
            .iter()
            .map(|story| result_view(site, edition, story, &images))
            .collect(),
        suggestion: found
            .suggestion
            .as_ref()
            .filter(|_| nothing)
            .map(|respelt| LinkView {
                name: respelt.clone(),
                url: form.with_q(respelt).url(&path, 1),
            }),
        remove_filters: (nothing && found.total == 0 && form.has_filters())
            .then(|| form.without_filters().url(&path, 1)),
        first_page: (nothing && found.total > 0).then(|| form.url(&path, 1)),
        pager,
    })
}

/// The lead images of the stories found, by id.
async fn images_of(state: &AppState, found: &Found) -> Result<HashMap<i64, Image>, AppError> {
    let ids: Vec<i64> = found
        .stories
        .iter()
        .filter_map(|story| story.teaser.hero_image_id)
        .collect();
    let images = state.store.images(&ids).await?;
    Ok(images.into_iter().map(|image| (image.id, image)).collect())
}

/// The lines above the results: each value left out once, then an index still being built.
fn notes(t: &'static SearchStrings, form: &SearchForm, found: &Found) -> Vec<&'static str> {
    let mut ignored = form.ignored.clone();
    ignored.sort_unstable();
    ignored.dedup();
    let mut notes: Vec<&'static str> = ignored.into_iter().map(|what| t.ignored(what)).collect();
    if found.searched && !found.complete {
        notes.push(t.incomplete);
    }
    notes
}

/// What to type, when nothing searchable was typed.
fn hints(t: &'static SearchStrings, form: &SearchForm, found: &Found) -> Vec<&'static str> {
    match (found.searched, form.q.is_empty()) {
        (true, _) => Vec::new(),
        (false, true) => vec![t.hint],
        (false, false) => vec![t.nothing_to_search, t.hint],
    }
}

/// The links to the pages beside this one, each keeping every field of the form.
fn pager(t: &SearchStrings, form: &SearchForm, path: &str, pages: u32, shown: bool) -> Pager {
    let page = form.page;
    let label = (page > 1).then(|| format!("{} {page}", t.page));
    let previous = (shown && page > 1).then(|| form.url(path, page - 1));
    let next = (shown && page < pages).then(|| form.url(path, page + 1));
    Pager::numbered(label, previous, next, form.url(path, page))
}

fn form_view(
    edition: &EditionSite,
    form: &SearchForm,
    author: Option<&Author>,
    path: &str,
) -> FormView {
    let t = edition.strings.search;
    let choice = |value: &str, label: &str, selected: bool| Choice {
        value: value.to_string(),
        label: label.to_string(),
        selected,
    };
    let mut sections = vec![choice("", t.any_section, form.section.is_none())];
    for top in edition.top_sections() {
        for section in std::iter::once(top).chain(edition.children(top.id)) {
            let value = section_value(edition, section);
            let label = match section.parent_id {
                Some(_) => format!("— {}", section.name),
                None => section.name.clone(),
            };
            let selected = form.section.as_deref() == Some(value.as_str());
            sections.push(choice(&value, &label, selected));
        }
    }
    let mut kinds = vec![choice("", t.any_kind, form.kind.is_none())];
    for kind in [
        StoryKind::News,
        StoryKind::Opinion,
        StoryKind::Gallery,
        StoryKind::Video,
    ] {
        let label = kind_label(kind, edition.strings).unwrap_or(t.news);
        kinds.push(choice(kind.as_str(), label, form.kind == Some(kind)));
    }
    let sorts = vec![
        choice("relevance", t.relevance, form.sort == SearchSort::Relevance),
        choice("newest", t.newest, form.sort == SearchSort::Newest),
    ];
    FormView {
        action: path.to_string(),
        q: form.q.clone(),
        sections,
        kinds,
        from: form.from.map(|date| date.to_string()).unwrap_or_default(),
        to: form.to.map(|date| date.to_string()).unwrap_or_default(),
        sorts,
        author: author.map(|author| choice(&author.slug, &author.name, true)),
    }
}

fn result_view(
    site: &Site,
    edition: &EditionSite,
    story: &FoundStory,
    images: &HashMap<i64, Image>,
) -> ResultView {
    let teaser: &Teaser = &story.teaser;
    ResultView {
        url: site.story_path(teaser),
        headline: teaser.headline.clone(),
        image: teaser
            .hero_image_id
            .and_then(|id| images.get(&id))
            .and_then(|image| ImageView::new(image, None)),
        kind: teaser.kind.as_str(),
        kind_label: kind_label(teaser.kind, edition.strings).unwrap_or(edition.strings.search.news),
        section: teaser
            .section_id
            .and_then(|id| edition.section(id))
            .map(|section| LinkView {
                name: section.name.clone(),
                url: edition.section_path(section.id),
            }),
        time: teaser
            .published_at
            .map(|time| display_time(time, &edition.zone, &edition.edition.language)),
        snippet: story
            .snippet
            .iter()
            .map(|piece| PieceView {
                text: piece.text.clone(),
                marked: piece.marked,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use crate::domain::i18n::{ARABIC, ENGLISH, Strings};
    use crate::web::theme::Theme;

    /// The page with `t`'s words and these fields over a plain view.
    fn render(t: &'static Strings, fields: Value) -> String {
        let mut view = json!({
            "chrome": {"t": t, "lang": "en", "dir": "ltr", "search_url": "/search"},
            "form": {"action": "/search", "q": "<b>x</b>", "sections": [], "kinds": [],
                "sorts": [], "from": "", "to": ""},
            "notes": [], "hints": [], "searched": "x", "count": "1 result",
            "first_number": 1, "results": [],
            "pager": {"label": null, "previous": null, "next": null},
            "head": {"og_type": "website", "title": "Search", "description": "",
                "url": "http://masthead.test/search?q=x", "image": null,
                "site_name": "Herald", "locale": "en_US", "noindex": true,
                "prev": null, "next": null, "json_ld": []},
        });
        for (name, value) in fields.as_object().expect("fields") {
            view[name] = value.clone();
        }
        Theme::load(None)
            .expect("theme")
            .render("pages/search.html", &view)
            .expect("renders")
    }

    #[test]
    fn snippets_are_escaped_text_with_their_words_marked() {
        let html = render(
            &ENGLISH,
            json!({
                "results": [{"url": "/a", "headline": "A & B", "kind": "news",
                    "kind_label": "News",
                    "snippet": [{"text": "<i>before</i> ", "marked": false},
                                {"text": "x<script>", "marked": true}]}],
                "pager": {"label": null, "previous": null, "next": "/search?q=x&page=2"},
            }),
        );

        assert!(html.contains("&lt;i&gt;before&lt;/i&gt; <mark>x&lt;script&gt;</mark>"));
        assert!(html.contains(r#"value="&lt;b&gt;x&lt;/b&gt;""#), "the box");
        assert!(html.contains(r#"<a rel="next" href="/search?q=x&amp;page=2">Next page</a>"#));
        assert!(html.contains(r#"<meta name="robots" content="noindex">"#));
        assert!(html.contains(r#"<meta property="og:title" content="Search">"#));
    }

    #[test]
    fn no_results_offer_the_respelt_search_in_the_editions_words() {
        let suggestion = json!({"name": "انتخابات", "url": "/ar/search?q=x"});

        let with = render(&ARABIC, json!({ "suggestion": suggestion }));
        let without = render(&ARABIC, json!({}));

        assert!(with.contains("لا توجد أخبار تطابق بحثك."));
        assert!(with.contains(r#"هل تقصد <a href="/ar/search?q=x" dir="auto">انتخابات</a>؟"#));
        assert!(!without.contains("هل تقصد"), "no suggestion without one");
    }

    #[test]
    fn nothing_typed_shows_the_form_and_the_hint_only() {
        let hint = ENGLISH.search.hint;

        let html = render(&ENGLISH, json!({"searched": null, "hints": [hint]}));

        assert!(html.contains(hint));
        assert!(!html.contains("search-summary"));
        assert!(!html.contains(ENGLISH.search.no_results));
    }
}
