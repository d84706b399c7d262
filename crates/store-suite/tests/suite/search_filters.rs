//! A search's filters are the stories' as they are now, before the index follows the
//! change log (on SQLite read from the stories, through the `stories_search_filters`
//! index; on PostgreSQL from the index's copy, changed with the story): an unpublished
//! story leaves readers' searches, the edition's and its section's, at once, and a story
//! given a new kind, section or state (which the log does not record between drafts and
//! review) is searched by it at once.

use store::*;

use crate::backend::account;
use crate::search::{found, move_story, newsroom, query, readers, rebuild, word};

async fn an_unpublished_story_leaves_readers_searches_before_the_index_follows_the_log(
    store: &dyn Store,
) {
    let (edition, politics, _, [election, grain, _]) = newsroom(store).await;
    let user = account(store, "ed@example.org".into(), "Ed".into(), Role::Editor).await;
    rebuild(store).await;
    let elections = query(vec![word("elections")], Vec::new());
    let in_politics = SearchFilter {
        section_id: Some(politics),
        ..readers(edition)
    };
    assert_eq!(
        found(
            store,
            &elections,
            in_politics.clone(),
            SearchOrder::Relevance
        )
        .await,
        vec![election]
    );

    move_story(
        store,
        election,
        user,
        StoryStatus::Published,
        StoryStatus::Unpublished,
    )
    .await;

    for order in [SearchOrder::Relevance, SearchOrder::Newest] {
        assert_eq!(
            found(store, &elections, readers(edition), order).await,
            vec![grain],
            "{order:?}"
        );
    }
    assert!(
        found(store, &elections, in_politics, SearchOrder::Relevance)
            .await
            .is_empty()
    );
}

async fn a_story_is_searched_by_its_new_kind_section_and_state_at_once(store: &dyn Store) {
    let (edition, politics, economy, [election, grain, draft]) = newsroom(store).await;
    let user = account(store, "ed@example.org".into(), "Ed".into(), Role::Editor).await;
    rebuild(store).await;
    let current = store
        .newsroom_story(StoryId(election))
        .await
        .expect("read")
        .expect("story");

    store
        .save_story(&StorySave {
            story_id: StoryId(election),
            base_revision: current.revision,
            user_id: UserId(user),
            fields: StoryFields {
                kind: StoryKind::Opinion,
                section_id: Some(economy),
                ..current.fields
            },
            redirect_from: None,
            then: None,
        })
        .await
        .expect("save");
    move_story(
        store,
        draft,
        user,
        StoryStatus::Draft,
        StoryStatus::InReview,
    )
    .await;

    let elections = query(vec![word("elections")], Vec::new());
    let newest = |filter| found(store, &elections, filter, SearchOrder::Newest);
    let opinion = SearchFilter {
        kind: Some(StoryKind::Opinion),
        ..readers(edition)
    };
    assert_eq!(newest(opinion).await, vec![election]);
    let in_section = |section_id| SearchFilter {
        section_id: Some(section_id),
        ..readers(edition)
    };
    assert!(newest(in_section(politics)).await.is_empty());
    assert_eq!(newest(in_section(economy)).await, vec![grain, election]);
    let in_review = SearchFilter {
        edition_id: Some(edition),
        statuses: vec![StoryStatus::InReview],
        ..SearchFilter::default()
    };
    assert_eq!(newest(in_review).await, vec![draft]);
}

crate::on_both_backends!(
    an_unpublished_story_leaves_readers_searches_before_the_index_follows_the_log,
    a_story_is_searched_by_its_new_kind_section_and_state_at_once,
);
