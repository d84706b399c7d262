//! Translations' storage contract: links are symmetrical, one per other edition, replaced
//! and removed on both sides at once, audited and logged with both stories' pages.

use jiff::Timestamp;
use store::*;

use crate::backend::{audit, english_edition};

/// Adds an Arabic edition under `/ar`; returns its id.
async fn arabic_edition(store: &dyn Store) -> i64 {
    store
        .create_edition(&NewEdition {
            code: "ar".into(),
            name: "Arabic".into(),
            language: "ar".into(),
            direction: Direction::Rtl,
            timezone: "UTC".into(),
            path_prefix: "/ar".into(),
        })
        .await
        .expect("edition")
}

/// A story in an edition, published or a draft; returns its id.
async fn story(store: &dyn Store, edition_id: i64, slug: &str, published: bool) -> i64 {
    let (status, published_at) = if published {
        (StoryStatus::Published, Some(Timestamp::now()))
    } else {
        (StoryStatus::Draft, None)
    };
    store
        .create_story(&NewStory {
            edition_id,
            status,
            owner_id: None,
            published_at,
            updated_at: Timestamp::now(),
            fields: StoryFields {
                headline: slug.into(),
                slug: slug.into(),
                ..StoryFields::default()
            },
        })
        .await
        .expect("story")
}

async fn counterparts(store: &dyn Store, id: i64) -> Vec<i64> {
    let found = store.translations(id).await.expect("translations");
    found.iter().map(|link| link.story_id).collect()
}

async fn linking_is_symmetrical_and_relinking_replaces_the_old_link_on_both_sides(
    store: &dyn Store,
) {
    let (en, ar) = (english_edition(store).await, arabic_edition(store).await);
    let english = story(store, en, "english", true).await;
    let first = story(store, ar, "first", true).await;
    let second = story(store, ar, "second", false).await;

    store
        .link_translation(english, first, &audit("story.link_translation"))
        .await
        .expect("link");
    let linked = (
        counterparts(store, english).await,
        counterparts(store, first).await,
    );
    let before = store.last_change_id().await.expect("last");
    store
        .link_translation(second, english, &audit("story.link_translation"))
        .await
        .expect("relink");

    assert_eq!(
        linked,
        (vec![first], vec![english]),
        "both sides know the link"
    );
    assert_eq!(
        store.translations(english).await.expect("read"),
        [Translation {
            edition_id: ar,
            story_id: second
        }]
    );
    assert_eq!(counterparts(store, second).await, [english]);
    assert!(
        counterparts(store, first).await.is_empty(),
        "the replaced story lost its side of the old link"
    );
    let changes = store.changes_since(before, 10).await.expect("changes");
    for id in [english, first, second] {
        assert!(changes[0].tags.contains(&CacheTag::Story(id)), "{id}");
    }
    let log = store.audit_log(10, 0).await.expect("audit");
    let links = log
        .iter()
        .filter(|entry| entry.action == "story.link_translation")
        .count();
    assert_eq!(links, 2, "each link is audited");
}

async fn unlinking_removes_both_sides_and_an_absent_link_is_not_found(store: &dyn Store) {
    let (en, ar) = (english_edition(store).await, arabic_edition(store).await);
    let english = story(store, en, "english", true).await;
    let arabic = story(store, ar, "arabic", true).await;
    store
        .link_translation(english, arabic, &audit("link"))
        .await
        .expect("link");

    store
        .unlink_translation(arabic, en, &audit("unlink"))
        .await
        .expect("unlink");
    let again = store.unlink_translation(arabic, en, &audit("unlink")).await;

    assert!(counterparts(store, english).await.is_empty());
    assert!(counterparts(store, arabic).await.is_empty());
    assert!(matches!(again, Err(StoreError::NotFound)), "{again:?}");
}

async fn a_story_links_only_to_an_existing_story_of_another_edition(store: &dyn Store) {
    let (en, ar) = (english_edition(store).await, arabic_edition(store).await);
    let english = story(store, en, "english", true).await;
    let other = story(store, en, "other", true).await;
    story(store, ar, "arabic", true).await;

    let same_edition = store.link_translation(english, other, &audit("x")).await;
    let itself = store.link_translation(english, english, &audit("x")).await;
    let missing = store.link_translation(english, 999_999, &audit("x")).await;

    for (result, reason) in [(same_edition, "same edition"), (itself, "itself")] {
        assert!(
            matches!(&result, Err(StoreError::Conflict(c)) if c.name() == "story_translation_edition"),
            "{reason}: {result:?}"
        );
    }
    assert!(matches!(missing, Err(StoreError::NotFound)), "{missing:?}");
    assert!(counterparts(store, english).await.is_empty());
}

async fn a_translation_draft_is_created_linked_and_untranslated_stories_are_listed(
    store: &dyn Store,
) {
    let (en, ar) = (english_edition(store).await, arabic_edition(store).await);
    let older = story(store, en, "older", true).await;
    let newer = story(store, en, "newer", true).await;
    story(store, en, "draft", false).await;
    let query = UntranslatedQuery {
        edition_id: en,
        into_edition_id: ar,
        limit: 10,
        offset: 0,
    };
    let listed = store.untranslated(&query).await.expect("list");

    let draft = NewStory {
        edition_id: ar,
        status: StoryStatus::Draft,
        owner_id: None,
        published_at: None,
        updated_at: Timestamp::now(),
        fields: StoryFields {
            headline: "مسودة".into(),
            slug: "translation".into(),
            ..StoryFields::default()
        },
    };
    let id = store
        .create_translation(newer, &draft, &audit("story.translate"))
        .await
        .expect("translate");

    let ids = |list: Vec<StorySummary>| list.into_iter().map(|s| s.id).collect::<Vec<_>>();
    assert_eq!(ids(listed), [newer, older], "published only, newest first");
    assert_eq!(counterparts(store, newer).await, [id]);
    assert_eq!(counterparts(store, id).await, [newer]);
    let left = store.untranslated(&query).await.expect("list");
    assert_eq!(ids(left), [older], "a draft translation counts as started");
}

crate::on_both_backends!(
    linking_is_symmetrical_and_relinking_replaces_the_old_link_on_both_sides,
    unlinking_removes_both_sides_and_an_absent_link_is_not_found,
    a_story_links_only_to_an_existing_story_of_another_edition,
    a_translation_draft_is_created_linked_and_untranslated_stories_are_listed,
);
