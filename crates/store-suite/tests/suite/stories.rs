//! The storage contract: what the services rely on, whatever the backend.

use jiff::Timestamp;
use store::*;

async fn edition(store: &dyn Store) -> i64 {
    store
        .create_edition(&NewEdition {
            code: "en".into(),
            name: "English".into(),
            language: "en".into(),
            direction: Direction::Ltr,
            timezone: "Europe/Istanbul".into(),
            path_prefix: String::new(),
        })
        .await
        .expect("edition")
}

pub async fn section(
    store: &dyn Store,
    edition_id: i64,
    parent_id: Option<i64>,
    slug: &str,
) -> i64 {
    store
        .create_section(&NewSection {
            edition_id,
            parent_id,
            slug: slug.into(),
            name: slug.into(),
            description: String::new(),
            position: 0,
        })
        .await
        .expect("section")
}

pub fn story(edition_id: i64, section_id: i64, slug: &str, minutes_ago: i64) -> NewStory {
    let published = Timestamp::now() - jiff::SignedDuration::from_mins(minutes_ago);
    NewStory {
        edition_id,
        status: StoryStatus::Published,
        published_at: Some(published),
        updated_at: published,
        owner_id: None,
        fields: StoryFields {
            kind: StoryKind::News,
            headline: format!("Headline {slug}"),
            standfirst: None,
            slug: slug.into(),
            section_id: Some(section_id),
            secondary_section_ids: Vec::new(),
            body: Body(vec![Block::Paragraph {
                inlines: vec![Inline::plain("Text.")],
            }]),
            credits: Vec::new(),
            dateline: Some("ANKARA".into()),
            hero_image_id: None,
            topic_ids: Vec::new(),
            keyword_ids: Vec::new(),
            recommended_ids: Vec::new(),
            gallery: Vec::new(),
            video_url: None,
            seo_title: None,
            seo_description: None,
        },
    }
}

async fn a_story_round_trips_with_its_relations(store: &dyn Store) {
    let edition_id = edition(store).await;
    let world = section(store, edition_id, None, "world").await;
    let author = store
        .create_author(&NewAuthor {
            slug: "a".into(),
            name: "A".into(),
            title: String::new(),
            bio: String::new(),
            columnist: false,
            image_id: None,
            edition_id: None,
            links: String::new(),
        })
        .await
        .expect("author");
    let agency = store.create_agency("Reuters").await.expect("agency");
    let keyword = store
        .ensure_keyword(edition_id, "nato", "nato")
        .await
        .expect("keyword");
    let europe = section(store, edition_id, None, "europe").await;
    let asia = section(store, edition_id, None, "asia").await;
    let mut new = story(edition_id, world, "talks", 5);
    // Not in id order: the order given is the order kept.
    new.fields.secondary_section_ids = vec![asia, europe];
    new.fields.credits = vec![
        CreditRef::Agency(agency, CreditRole::By),
        CreditRef::Author(author, CreditRole::PhotosBy),
    ];
    new.fields.keyword_ids = vec![keyword];

    let id = store.create_story(&new).await.expect("create");
    let found = store
        .published_story(edition_id, Some(world), "talks")
        .await
        .expect("read")
        .expect("found");

    assert_eq!(found.id, id);
    assert_eq!(found.credits, new.fields.credits);
    assert_eq!(found.secondary_section_ids, [asia, europe]);
    assert_eq!(found.keyword_ids, vec![keyword]);
    assert_eq!(found.body, new.fields.body);
    assert_eq!(found.short_code, short_code(id));
    assert_eq!(
        found.published_at.map(|t| t.as_second()),
        new.published_at.map(|t| t.as_second())
    );
}

async fn a_duplicate_slug_is_a_conflict_named_after_its_constraint(store: &dyn Store) {
    let edition_id = edition(store).await;
    let world = section(store, edition_id, None, "world").await;
    store
        .create_story(&story(edition_id, world, "same", 1))
        .await
        .expect("first");

    let second = store
        .create_story(&story(edition_id, world, "same", 2))
        .await;
    let section_twice = store
        .create_section(&NewSection {
            edition_id,
            parent_id: None,
            slug: "world".into(),
            name: "World".into(),
            description: String::new(),
            position: 1,
        })
        .await;

    assert!(matches!(
        second,
        Err(StoreError::Conflict(Constraint::StorySlug))
    ));
    assert!(matches!(
        section_twice,
        Err(StoreError::Conflict(Constraint::SectionSlug))
    ));
}

async fn section_lists_include_subsections_newest_first_and_page_from_a_story(store: &dyn Store) {
    let edition_id = edition(store).await;
    let world = section(store, edition_id, None, "world").await;
    let europe = section(store, edition_id, Some(world), "europe").await;
    let sports = section(store, edition_id, None, "sports").await;
    let mut ids = Vec::new();
    for (section_id, slug, minutes_ago) in [
        (world, "oldest", 40),
        (europe, "old", 30),
        (world, "new", 20),
        (europe, "newest", 10),
        (sports, "elsewhere", 1),
    ] {
        let story = story(edition_id, section_id, slug, minutes_ago);
        ids.push(store.create_story(&story).await.expect("story"));
    }
    let mut draft = story(edition_id, world, "draft", 0);
    draft.status = StoryStatus::Draft;
    store.create_story(&draft).await.expect("draft");
    let slugs = |teasers: Vec<Teaser>| -> Vec<String> {
        teasers.into_iter().map(|teaser| teaser.slug).collect()
    };
    let page = |cursor| {
        let mut query = StoryQuery::latest(edition_id, StoryFilter::Section(world), 2);
        query.cursor = cursor;
        query
    };

    let first = store.teasers(&page(None)).await.expect("first");
    let older = store
        .teasers(&page(Some(Cursor::Before(StoryId(ids[2])))))
        .await
        .expect("older");
    let newer = store
        .teasers(&page(Some(Cursor::After(StoryId(ids[1])))))
        .await
        .expect("newer");
    let mut numbered = page(None);
    numbered.offset = 3;

    assert_eq!(slugs(first), ["newest", "new"], "subsections are in it");
    assert_eq!(slugs(older), ["old", "oldest"], "older than `new`");
    assert_eq!(
        slugs(newer),
        ["newest", "new"],
        "newer than `old`, newest first"
    );
    assert_eq!(
        slugs(store.teasers(&numbered).await.expect("offset")),
        ["oldest"],
        "the draft and the other section are not listed"
    );
}

async fn drafts_are_invisible_by_path_code_and_id(store: &dyn Store) {
    let edition_id = edition(store).await;
    let world = section(store, edition_id, None, "world").await;
    let mut draft = story(edition_id, world, "secret", 0);
    draft.status = StoryStatus::Draft;
    let id = store.create_story(&draft).await.expect("draft");

    assert!(
        store
            .published_story(edition_id, Some(world), "secret")
            .await
            .expect("read")
            .is_none()
    );
    assert!(
        store
            .published_teaser_by_code(&short_code(id))
            .await
            .expect("read")
            .is_none()
    );
    assert!(store.teasers_by_ids(&[id]).await.expect("read").is_empty());
}

async fn keywords_are_created_once_and_redirects_point_at_stories(store: &dyn Store) {
    let edition_id = edition(store).await;
    let world = section(store, edition_id, None, "world").await;
    let id = store
        .create_story(&story(edition_id, world, "moved", 1))
        .await
        .expect("story");

    let first = store
        .ensure_keyword(edition_id, "nato", "NATO")
        .await
        .expect("first");
    let again = store
        .ensure_keyword(edition_id, "nato", "NATO")
        .await
        .expect("again");
    store
        .create_redirect(edition_id, "/old/path", id)
        .await
        .expect("redirect");

    assert_eq!(first, again);
    let target = store
        .redirect_target(edition_id, "/old/path")
        .await
        .expect("read")
        .expect("found");
    assert_eq!(target.id, id);
    assert!(
        store
            .redirect_target(edition_id, "/other")
            .await
            .expect("read")
            .is_none()
    );
}

async fn similar_stories_rank_by_shared_topics_then_keywords(store: &dyn Store) {
    let edition_id = edition(store).await;
    let world = section(store, edition_id, None, "world").await;
    let topic = store
        .create_topic(&NewTopic {
            edition_id,
            slug: "t".into(),
            name: "T".into(),
            description: String::new(),
        })
        .await
        .expect("topic");
    let keyword = store
        .ensure_keyword(edition_id, "k", "k")
        .await
        .expect("keyword");
    let mut base = story(edition_id, world, "base", 1);
    base.fields.topic_ids = vec![topic];
    base.fields.keyword_ids = vec![keyword];
    let base_id = store.create_story(&base).await.expect("base");
    let mut by_keyword = story(edition_id, world, "by-keyword", 2);
    by_keyword.fields.keyword_ids = vec![keyword];
    store
        .create_story(&by_keyword)
        .await
        .expect("keyword story");
    let mut by_topic = story(edition_id, world, "by-topic", 50);
    by_topic.fields.topic_ids = vec![topic];
    store.create_story(&by_topic).await.expect("topic story");
    store
        .create_story(&story(edition_id, world, "unrelated", 3))
        .await
        .expect("unrelated");

    let base = store
        .published_story(edition_id, Some(world), "base")
        .await
        .expect("read")
        .expect("found");
    let similar = store.similar_teasers(&base, 5).await.expect("similar");

    assert_eq!(base.id, base_id);
    let slugs: Vec<&str> = similar.iter().map(|teaser| teaser.slug.as_str()).collect();
    assert_eq!(slugs, ["by-topic", "by-keyword"]);
}

fn new_author(slug: &str) -> NewAuthor {
    NewAuthor {
        slug: slug.into(),
        name: slug.into(),
        title: String::new(),
        bio: String::new(),
        columnist: false,
        image_id: None,
        edition_id: None,
        links: String::new(),
    }
}

async fn merging_authors_moves_bylines_lists_and_the_old_slug(store: &dyn Store) {
    let edition_id = edition(store).await;
    let world = section(store, edition_id, None, "world").await;
    let audit = NewAuditEntry {
        user_id: None,
        action: "author.merge".into(),
        entity: "author".into(),
        entity_id: None,
        detail: String::new(),
    };
    let from = store
        .add_author(&new_author("old"), &audit)
        .await
        .expect("from");
    let into = store
        .add_author(&new_author("new"), &audit)
        .await
        .expect("into");
    let mut both = story(edition_id, world, "both", 5);
    both.fields.credits = vec![
        CreditRef::Author(from, CreditRole::By),
        CreditRef::Author(into, CreditRole::By),
    ];
    let mut only = story(edition_id, world, "only", 4);
    only.fields.credits = vec![CreditRef::Author(from, CreditRole::By)];
    let both = store.create_story(&both).await.expect("both");
    let only = store.create_story(&only).await.expect("only");

    store
        .merge_authors(from, into, &audit)
        .await
        .expect("merge");

    let listed = |author| StoryQuery::latest(edition_id, StoryFilter::Author(author), 10);
    let into_list = store.teasers(&listed(into)).await.expect("into");
    let ids: Vec<i64> = into_list.iter().map(|teaser| teaser.id).collect();
    assert_eq!(ids, [only, both]);
    assert!(store.teasers(&listed(from)).await.expect("from").is_empty());
    let merged = store
        .published_story(edition_id, Some(world), "both")
        .await
        .expect("read")
        .expect("found");
    assert_eq!(merged.credits, [CreditRef::Author(into, CreditRole::By)]);
    let alias = store.author_alias("old").await.expect("alias");
    assert_eq!(alias.map(|author| author.id), Some(into));
    let taken = store.add_author(&new_author("old"), &audit).await;
    assert!(matches!(
        taken,
        Err(StoreError::Conflict(Constraint::AuthorSlug))
    ));
}

crate::on_both_backends!(
    merging_authors_moves_bylines_lists_and_the_old_slug,
    a_story_round_trips_with_its_relations,
    a_duplicate_slug_is_a_conflict_named_after_its_constraint,
    section_lists_include_subsections_newest_first_and_page_from_a_story,
    drafts_are_invisible_by_path_code_and_id,
    keywords_are_created_once_and_redirects_point_at_stories,
    similar_stories_rank_by_shared_topics_then_keywords,
);
