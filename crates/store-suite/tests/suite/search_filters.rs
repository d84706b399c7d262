//! A search's filters are read from the stories as they are now (through the
//! `stories_search_filters` index), not from a copy in the search index: an unpublished
//! story leaves readers' searches, the edition's and its section's, at once, before the
//! index follows the change log.

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

crate::on_both_backends!(
    an_unpublished_story_leaves_readers_searches_before_the_index_follows_the_log,
);
