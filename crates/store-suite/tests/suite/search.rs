//! The search index's storage contract: a full build indexes every story and removes
//! what is gone; the index follows the change log; a search matches a word by its stem or
//! its surface form, phrases in order, leaves out excluded words, and filters by edition,
//! state, section and kind; terms are only ever terms (quotes in them do no harm); and a
//! change log pruned past the index asks for a rebuild.

use jiff::Timestamp;
use store::*;

use crate::backend::{account, english_edition};
use crate::stories::{section, story};

/// A stand-in for the app's analyzer: lower case, and a stem without a final `s`.
fn analyze(source: &SearchSource) -> SearchDoc {
    let field = |text: &str| {
        let surfaces: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric() && c != '"' && c != '\'')
            .filter(|word| !word.is_empty())
            .map(str::to_lowercase)
            .collect();
        FieldTerms {
            stems: surfaces
                .iter()
                .map(|word| word.trim_end_matches('s').to_string())
                .collect(),
            surfaces,
        }
    };
    let body = source.body.paragraphs().join(" ");
    SearchDoc {
        story_id: source.story_id,
        fields: [
            field(&source.headline),
            field(source.standfirst.as_deref().unwrap_or_default()),
            field(&source.labels.join(" ")),
            field(&format!("{body} {}", source.captions.join(" "))),
        ],
        plain: body,
    }
}

pub(crate) fn word(text: &str) -> Part {
    Part::Word(Word {
        stem: text.trim_end_matches('s').into(),
        surface: text.into(),
    })
}

fn phrase(words: &[&str]) -> Part {
    Part::Phrase(
        words
            .iter()
            .map(|text| Word {
                stem: text.trim_end_matches('s').into(),
                surface: (*text).into(),
            })
            .collect(),
    )
}

pub(crate) fn query(include: Vec<Part>, exclude: Vec<Part>) -> Query {
    Query { include, exclude }
}

/// The ids a search finds, in order.
pub(crate) async fn found(
    store: &dyn Store,
    query: &Query,
    filter: SearchFilter,
    order: SearchOrder,
) -> Vec<i64> {
    let page = store
        .search(&SearchRequest {
            query,
            any: false,
            filter,
            order,
            limit: 10,
            offset: 0,
        })
        .await
        .expect("search");
    assert_eq!(page.total, page.hits.len() as u64);
    page.hits.into_iter().map(|hit| hit.story_id).collect()
}

pub(crate) fn readers(edition_id: i64) -> SearchFilter {
    SearchFilter {
        edition_id: Some(edition_id),
        published_by: Some(Timestamp::now()),
        ..SearchFilter::default()
    }
}

pub(crate) async fn rebuild(store: &dyn Store) {
    store.begin_rebuild().await.expect("begin");
    let mut after = 0;
    while let Some(last) = store
        .rebuild_batch(after, 2, &analyze)
        .await
        .expect("batch")
    {
        after = last;
    }
    store.finish_rebuild().await.expect("finish");
}

/// An English edition with two sections and three stories: an election story (headline),
/// a grain story that mentions elections in its body, and a draft about elections; and a
/// story about a vote in a subsection of politics.
pub(crate) async fn newsroom(store: &dyn Store) -> (i64, i64, i64, [i64; 3]) {
    let edition = english_edition(store).await;
    let politics = section(store, edition, None, "politics").await;
    let economy = section(store, edition, None, "economy").await;
    let mut election = story(edition, politics, "election", 30);
    election.fields.headline = "Elections loom in Ankara".into();
    let mut grain = story(edition, economy, "grain", 10);
    grain.fields.headline = "Grain deal signed".into();
    grain.fields.body = Body(vec![Block::Paragraph {
        inlines: vec![Inline::plain("The deal comes before the elections.")],
    }]);
    let parliament = section(store, edition, Some(politics), "parliament").await;
    let mut vote = story(edition, parliament, "vote", 20);
    vote.fields.headline = "Parliament votes on the budget".into();
    let mut draft = story(edition, politics, "draft", 5);
    draft.fields.headline = "Elections draft".into();
    draft.status = StoryStatus::Draft;
    draft.published_at = None;
    let ids = [
        store.create_story(&election).await.expect("story"),
        store.create_story(&grain).await.expect("story"),
        store.create_story(&draft).await.expect("story"),
    ];
    store.create_story(&vote).await.expect("story");
    (edition, politics, economy, ids)
}

async fn a_full_build_indexes_every_story_and_searches_match_stems_phrases_and_filters(
    store: &dyn Store,
) {
    let (edition, politics, _, [election, grain, draft]) = newsroom(store).await;
    assert!(!store.index_state().await.expect("state").complete);

    rebuild(store).await;

    assert!(store.index_state().await.expect("state").complete);
    let counts = store.index_counts().await.expect("counts");
    assert_eq!((counts.documents, counts.stories), (4, 4));
    let relevance = SearchOrder::Relevance;
    // A headline match ranks above a body match; the draft is not the readers'.
    let elections = query(vec![word("elections")], Vec::new());
    assert_eq!(
        found(store, &elections, readers(edition), relevance).await,
        [election, grain]
    );
    // The stem matches another form of the word.
    let singular = query(vec![word("election")], Vec::new());
    assert_eq!(
        found(store, &singular, readers(edition), relevance)
            .await
            .len(),
        2
    );
    // The newsroom sees every state.
    assert_eq!(
        found(
            store,
            &elections,
            SearchFilter::default(),
            SearchOrder::Newest
        )
        .await,
        [draft, grain, election]
    );
    let in_politics = SearchFilter {
        section_id: Some(politics),
        ..readers(edition)
    };
    assert_eq!(
        found(store, &elections, in_politics.clone(), relevance).await,
        [election]
    );
    let budget = query(vec![word("budget")], Vec::new());
    assert_eq!(
        found(store, &budget, in_politics, relevance).await.len(),
        1,
        "a section takes in its subsections' stories"
    );
    let opinion = SearchFilter {
        kind: Some(StoryKind::Opinion),
        ..readers(edition)
    };
    assert!(
        found(store, &elections, opinion, relevance)
            .await
            .is_empty()
    );
    let without_grain = query(vec![word("elections")], vec![word("grain")]);
    assert_eq!(
        found(store, &without_grain, readers(edition), relevance).await,
        [election]
    );
    let in_order = query(vec![phrase(&["grain", "deal"])], Vec::new());
    let reversed = query(vec![phrase(&["deal", "grain"])], Vec::new());
    assert_eq!(
        found(store, &in_order, readers(edition), relevance).await,
        [grain]
    );
    assert!(
        found(store, &reversed, readers(edition), relevance)
            .await
            .is_empty()
    );
    let dateline = query(vec![word("ankara")], Vec::new());
    assert_eq!(
        found(store, &dateline, readers(edition), relevance)
            .await
            .len(),
        3,
        "the dateline is a label (of every published story here)"
    );
    let other_edition = readers(edition + 1);
    assert!(
        found(store, &elections, other_edition, relevance)
            .await
            .is_empty()
    );
    let _ = draft;
}

async fn terms_are_only_terms_whatever_they_hold(store: &dyn Store) {
    let (edition, ..) = newsroom(store).await;
    rebuild(store).await;

    for hostile in [
        "\"",
        "'",
        "a\"b",
        "x' OR '1'='1",
        "NEAR",
        "*",
        "-",
        "\\",
        "col:term",
        "!",
        "&",
        "<->",
    ] {
        let part = Part::Word(Word {
            stem: hostile.into(),
            surface: hostile.into(),
        });
        let hostile_query = query(vec![part.clone()], vec![part]);

        let page = store
            .search(&SearchRequest {
                query: &hostile_query,
                any: false,
                filter: readers(edition),
                order: SearchOrder::Relevance,
                limit: 10,
                offset: 0,
            })
            .await;

        assert!(page.is_ok(), "{hostile:?}: {page:?}");
    }
}

/// Moves a story from one state to another, as `user`.
pub(crate) async fn move_story(
    store: &dyn Store,
    story: i64,
    user: i64,
    from: StoryStatus,
    to: StoryStatus,
) {
    store
        .change_status(&StatusChange {
            story_id: StoryId(story),
            user_id: UserId(user),
            from,
            to,
            scheduled_at: None,
            at: Timestamp::now(),
        })
        .await
        .expect("status change");
}

async fn the_index_follows_the_change_log_and_a_pruned_log_asks_for_a_rebuild(store: &dyn Store) {
    let (edition, _, _, [election, ..]) = newsroom(store).await;
    let user = account(store, "ed@example.org".into(), "Ed".into(), Role::Editor).await;
    rebuild(store).await;
    let elections = query(vec![word("elections")], Vec::new());
    assert_eq!(
        found(store, &elections, readers(edition), SearchOrder::Relevance)
            .await
            .len(),
        2
    );

    move_story(
        store,
        election,
        user,
        StoryStatus::Published,
        StoryStatus::Unpublished,
    )
    .await;
    let followed = store
        .follow_changes(100, &analyze)
        .await
        .expect("follow")
        .expect("not locked");

    assert_eq!(followed, store.last_change_id().await.expect("last"));
    assert_eq!(
        store.index_state().await.expect("state").last_change,
        followed
    );
    assert_eq!(
        found(store, &elections, readers(edition), SearchOrder::Relevance)
            .await
            .len(),
        1,
        "the unpublished story is no longer the readers'"
    );
    assert!(
        !store.check_index_gap().await.expect("gap"),
        "nothing pruned"
    );

    // Entries the index has not followed are pruned away: it must be built again.
    move_story(
        store,
        election,
        user,
        StoryStatus::Unpublished,
        StoryStatus::Published,
    )
    .await;
    move_story(
        store,
        election,
        user,
        StoryStatus::Published,
        StoryStatus::Unpublished,
    )
    .await;
    store
        .prune(&Retention {
            changes_before: Some(Timestamp::now() + jiff::SignedDuration::from_secs(1)),
            jobs_before: None,
            audit_before: None,
            form_posts_before: None,
            issue_sends_before: None,
        })
        .await
        .expect("prune");

    assert!(store.check_index_gap().await.expect("gap"));
    assert!(!store.index_state().await.expect("state").complete);
}

/// Best match first: the stories about a word (headline, standfirst, labels) before those
/// that only say it, and pages that run through both without a gap or a repeat.
async fn best_match_first_pages_through_the_stories_about_a_word_then_those_that_say_it(
    store: &dyn Store,
) {
    let edition = english_edition(store).await;
    let harbour = section(store, edition, None, "harbour").await;
    let mut about = Vec::new();
    let mut saying = Vec::new();
    for n in 0..7 {
        let mut new = story(edition, harbour, &format!("ferry-{n}"), 10 + n);
        if n % 2 == 0 {
            new.fields.headline = format!("Ferries cancelled, day {n}");
        } else {
            new.fields.headline = format!("Storm closes the coast, day {n}");
            new.fields.body = Body(vec![Block::Paragraph {
                inlines: vec![Inline::plain("The ferries stayed in port.")],
            }]);
        }
        let id = store.create_story(&new).await.expect("story");
        if n % 2 == 0 { &mut about } else { &mut saying }.push(id);
    }
    rebuild(store).await;
    let ferries = query(vec![word("ferries")], Vec::new());

    let mut pages = Vec::new();
    for offset in (0..8).step_by(3) {
        let page = store
            .search(&SearchRequest {
                query: &ferries,
                any: false,
                filter: readers(edition),
                order: SearchOrder::Relevance,
                limit: 3,
                offset,
            })
            .await
            .expect("search");
        assert_eq!(page.total, 7);
        pages.extend(page.hits.into_iter().map(|hit| hit.story_id));
    }

    assert_eq!(pages.len(), 7, "{pages:?}");
    let (first, rest) = pages.split_at(about.len());
    let mut first = first.to_vec();
    let mut rest = rest.to_vec();
    first.sort_unstable();
    rest.sort_unstable();
    assert_eq!(first, about, "the stories about ferries come first");
    assert_eq!(rest, saying);
}

/// A second full build replaces every story's terms (on SQLite, then merges the index's
/// segments): the same stories are found, in the same order, and counted once.
async fn a_second_full_build_finds_the_same_stories_once(store: &dyn Store) {
    let (edition, _, _, [election, grain, _]) = newsroom(store).await;
    rebuild(store).await;
    let elections = query(vec![word("elections")], Vec::new());
    let deal = query(vec![phrase(&["grain", "deal"])], Vec::new());

    rebuild(store).await;
    rebuild(store).await;

    assert!(store.index_state().await.expect("state").complete);
    let counts = store.index_counts().await.expect("counts");
    assert_eq!((counts.documents, counts.stories), (4, 4));
    let relevance = SearchOrder::Relevance;
    assert_eq!(
        found(store, &elections, readers(edition), relevance).await,
        [election, grain]
    );
    assert_eq!(
        found(store, &deal, readers(edition), relevance).await,
        [grain]
    );
}

/// On PostgreSQL, whose index hands back matches in no order, a tier's pool is looked for
/// among the newest 10,000 ids first, then in a window widened by the share of them that
/// matched (each only while it holds fewer than half the ids). The pool is still the
/// latest matches: 1,300 stories a word's about, 20 ids apart after 30,000 unused ids (the
/// newest 10,000 ids hold 500 of them, the widened window 1,202), are counted as more than
/// a thousand, and the best of the latest 1,001 comes first, not a better one written
/// before them.
#[tokio::test]
async fn on_postgres_a_pool_spread_over_many_ids_is_still_the_latest_matches() {
    use sqlx::Connection as _;

    let Some(fresh) = crate::backend::postgres().await else {
        return;
    };
    let store = fresh.store();
    let mut raw = sqlx::PgConnection::connect(fresh.url())
        .await
        .expect("connect");
    let edition = english_edition(store).await;
    let coast = section(store, edition, None, "coast").await;
    sqlx::query("SELECT setval('stories_id_seq', last_value + 30000) FROM stories_id_seq")
        .execute(&mut raw)
        .await
        .expect("skip ids");
    let (mut best_in_pool, mut best_before_it) = (0, 0);
    for n in 0..1300 {
        let mut new = story(edition, coast, &format!("lighthouse-{n}"), 2000 - n);
        new.fields.headline = match n {
            100 => "Lighthouse lighthouse lighthouse lighthouse".into(),
            500 => "Lighthouse lighthouse lighthouse".into(),
            _ => format!("Lighthouse keeper, day {n}"),
        };
        let id = store.create_story(&new).await.expect("story");
        match n {
            100 => best_before_it = id,
            500 => best_in_pool = id,
            _ => {}
        }
        sqlx::query("SELECT setval('stories_id_seq', $1)")
            .bind(id + 19)
            .execute(&mut raw)
            .await
            .expect("skip ids");
    }
    rebuild(store).await;

    let page = store
        .search(&SearchRequest {
            query: &query(vec![word("lighthouse")], Vec::new()),
            any: false,
            filter: readers(edition),
            order: SearchOrder::Relevance,
            limit: 10,
            offset: 0,
        })
        .await
        .expect("search");

    assert_eq!(page.total, COUNT_LIMIT + 1, "more than a thousand");
    let first = page.hits.first().map(|hit| hit.story_id);
    assert_eq!(
        first,
        Some(best_in_pool),
        "{best_before_it} is older than the pool"
    );
}

crate::on_both_backends!(
    a_second_full_build_finds_the_same_stories_once,
    best_match_first_pages_through_the_stories_about_a_word_then_those_that_say_it,
    a_full_build_indexes_every_story_and_searches_match_stems_phrases_and_filters,
    terms_are_only_terms_whatever_they_hold,
    the_index_follows_the_change_log_and_a_pruned_log_asks_for_a_rebuild,
);
