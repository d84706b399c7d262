//! The media library's storage contract: uploads, search, where images are used (stories,
//! authors' portraits, agencies' logos), and the change-log entry an edit of an image that
//! published stories or author pages show appends.

use jiff::Timestamp;
use store::*;

use crate::backend::{account, audit};

fn new_image(caption: &str, folder: &str) -> NewImage {
    NewImage {
        width: 640,
        height: 360,
        caption: caption.into(),
        credit: "Agency 50%".into(),
        alt: String::new(),
        focal_x: 0.5,
        focal_y: 0.5,
        renditions: ["jpeg", "webp"]
            .iter()
            .map(|format| Rendition {
                width: 320,
                height: 180,
                format: (*format).into(),
                key: format!("{folder}/320.{format}"),
            })
            .collect(),
        crops: Vec::new(),
    }
}

/// A library image made from [`new_image`]; its id.
async fn stored_image(store: &dyn Store, caption: &str, folder: &str) -> i64 {
    store
        .create_image(&new_image(caption, folder))
        .await
        .expect("image")
}

/// An edition, a section and a story of `status` using `image` in the way `uses` says.
async fn story_using(
    store: &dyn Store,
    image: i64,
    status: StoryStatus,
    slug: &str,
    role: ImageRole,
) -> i64 {
    let editions = store.editions().await.expect("editions");
    let edition_id = match editions.first() {
        Some(edition) => edition.id,
        None => store
            .create_edition(&NewEdition {
                code: "en".into(),
                name: "English".into(),
                language: "en".into(),
                direction: Direction::Ltr,
                timezone: "UTC".into(),
                path_prefix: String::new(),
            })
            .await
            .expect("edition"),
    };
    let mut fields = StoryFields {
        headline: format!("Story {slug}"),
        slug: slug.into(),
        ..StoryFields::default()
    };
    match role {
        ImageRole::Hero => fields.hero_image_id = Some(image),
        ImageRole::Gallery => {
            fields.gallery = vec![GalleryItem {
                image_id: image,
                caption: String::new(),
            }]
        }
        ImageRole::Body => {
            fields.body = Body(vec![Block::Image {
                image_id: image,
                caption: None,
            }])
        }
    }
    let now = Timestamp::now();
    store
        .create_story(&NewStory {
            edition_id,
            status,
            owner_id: None,
            published_at: (status == StoryStatus::Published).then_some(now),
            updated_at: now,
            fields,
        })
        .await
        .expect("story")
}

/// An author whose portrait is `image`.
async fn author_portrayed(store: &dyn Store, name: &str, image: i64) -> i64 {
    let author = NewAuthor {
        slug: name.to_lowercase(),
        name: name.into(),
        title: String::new(),
        bio: String::new(),
        columnist: false,
        image_id: Some(image),
        edition_id: None,
        links: String::new(),
    };
    store
        .add_author(&author, &audit("author.create"))
        .await
        .expect("author")
}

async fn portraits_and_logos_are_found_authors_first_by_name(store: &dyn Store) {
    let image = stored_image(store, "Faces", "a").await;
    let other = stored_image(store, "Other", "b").await;
    let zeynep = author_portrayed(store, "Zeynep", image).await;
    let ali = author_portrayed(store, "Ali", image).await;
    author_portrayed(store, "Elsewhere", other).await;
    let agency = NewAgency {
        name: "Wire".into(),
        short_name: "W".into(),
        logo_id: Some(image),
        url: String::new(),
    };
    let wire = store
        .add_agency(&agency, &audit("agency.create"))
        .await
        .expect("agency");

    let found = store.image_profiles(image).await.expect("profiles");
    let none = store.image_profiles(9999).await.expect("profiles");

    let found: Vec<(ProfileKind, i64, &str)> = found
        .iter()
        .map(|profile| (profile.kind, profile.id, profile.name.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (ProfileKind::Author, ali, "Ali"),
            (ProfileKind::Author, zeynep, "Zeynep"),
            (ProfileKind::Agency, wire, "Wire"),
        ]
    );
    assert!(none.is_empty());
}

async fn uses_are_found_as_hero_in_galleries_and_in_body_blocks(store: &dyn Store) {
    let image = stored_image(store, "Used", "a").await;
    let other = stored_image(store, "Other", "b").await;
    let hero = story_using(store, image, StoryStatus::Draft, "hero", ImageRole::Hero).await;
    let gallery = story_using(
        store,
        image,
        StoryStatus::Published,
        "gallery",
        ImageRole::Gallery,
    )
    .await;
    let body = story_using(store, image, StoryStatus::Draft, "body", ImageRole::Body).await;
    story_using(
        store,
        other,
        StoryStatus::Published,
        "elsewhere",
        ImageRole::Body,
    )
    .await;

    let uses = store.image_uses(image).await.expect("uses");

    let found: Vec<(i64, ImageRole)> = uses
        .iter()
        .map(|found| (found.story_id, found.role))
        .collect();
    assert_eq!(
        found,
        [
            (hero, ImageRole::Hero),
            (gallery, ImageRole::Gallery),
            (body, ImageRole::Body)
        ]
    );
    assert_eq!(uses[1].status, StoryStatus::Published);
}

async fn editing_an_image_logs_a_change_only_for_published_stories_and_authors_using_it(
    store: &dyn Store,
) {
    let draft_only = stored_image(store, "Draft", "a").await;
    let published = stored_image(store, "Live", "b").await;
    story_using(
        store,
        draft_only,
        StoryStatus::Draft,
        "draft",
        ImageRole::Hero,
    )
    .await;
    let live = story_using(
        store,
        published,
        StoryStatus::Published,
        "live",
        ImageRole::Body,
    )
    .await;
    let portrait = stored_image(store, "Portrait", "c").await;
    let author = author_portrayed(store, "Portrayed", portrait).await;
    let before = store.last_change_id().await.expect("last change");
    let changes = |id| ImageChanges {
        id,
        caption: "New".into(),
        credit: String::new(),
        alt: "Alt".into(),
        focal_x: 0.2,
        focal_y: 0.8,
    };

    let logged_draft = store
        .update_image(&changes(draft_only), &audit("image.update"))
        .await
        .expect("update");
    let logged_live = store
        .update_image(&changes(published), &audit("image.update"))
        .await
        .expect("update");
    let missing = store
        .update_image(&changes(9999), &audit("image.update"))
        .await;
    let logged_portrait = store
        .update_image(&changes(portrait), &audit("image.update"))
        .await
        .expect("update");

    assert!(!logged_draft);
    assert!(logged_live);
    assert!(logged_portrait, "the author's page shows the portrait");
    assert!(matches!(missing, Err(StoreError::NotFound)));
    let log = store.changes_since(before, 10).await.expect("changes");
    assert_eq!(log.len(), 2);
    assert!(
        log[0].tags.contains(&CacheTag::Story(live)),
        "{:?}",
        log[0].tags
    );
    assert_eq!(log[1].tags, [CacheTag::Author(author)]);
    let image = store
        .library_image(published)
        .await
        .expect("read")
        .expect("image");
    assert_eq!(
        (
            image.image.caption.as_str(),
            image.image.focal_x,
            image.image.focal_y
        ),
        ("New", 0.2, 0.8)
    );
}

async fn the_library_lists_newest_first_and_searches_literally(store: &dyn Store) {
    let user = account(store, "r@example.com".into(), "R".into(), Role::Reporter).await;
    let first = stored_image(store, "Harbour at dawn", "a").await;
    let upload = NewUpload {
        image: new_image("Harbour at dusk", "b"),
        original_key: "b/original.jpg".into(),
        uploaded_by: user,
    };
    let second = store
        .create_upload(&upload, &audit("image.upload"))
        .await
        .expect("upload");
    let query = |search: &str| MediaQuery {
        search: Some(search.into()),
        limit: 10,
        offset: 0,
    };

    let harbour = store.library(&query("harbour")).await.expect("library");
    let percent = store.count_library(&query("50%")).await.expect("count");
    let underscore = store.count_library(&query("_")).await.expect("count");

    let ids: Vec<i64> = harbour.iter().map(|item| item.image.id).collect();
    assert_eq!(ids, [second, first]);
    assert_eq!(harbour[0].original_key.as_deref(), Some("b/original.jpg"));
    assert_eq!(harbour[0].uploaded_by, Some(user));
    assert_eq!(harbour[0].image.renditions.len(), 2);
    assert_eq!(percent, 2, "the credit has a literal 50%");
    assert_eq!(underscore, 0, "_ is not a wildcard");
}

/// A set of crops under `set`, as the app cuts them.
fn crops(set: &str) -> Vec<Crop> {
    [("16:9", 675), ("4:3", 900), ("1:1", 1200)]
        .into_iter()
        .map(|(ratio, height)| Crop {
            ratio: ratio.into(),
            width: 1200,
            height,
            key: format!("{set}/{}.jpg", ratio.replace(':', "x")),
        })
        .collect()
}

async fn crops_are_replaced_only_around_the_current_focal_point(store: &dyn Store) {
    let image = stored_image(store, "Cropped", "d").await;
    let other = stored_image(store, "Other", "e").await;
    let live = story_using(
        store,
        image,
        StoryStatus::Published,
        "crops",
        ImageRole::Hero,
    )
    .await;
    let needing_at_first = store.images_needing_crops(0, 10).await.expect("needing");
    let before = store.last_change_id().await.expect("last change");

    let day = Timestamp::from_second(1_800_000_000).expect("time");
    let first = store
        .replace_crops(image, (0.5, 0.5), &crops("one"), day)
        .await;
    let stale = store
        .replace_crops(image, (0.1, 0.1), &crops("stale"), day)
        .await;
    let second = store
        .replace_crops(image, (0.5, 0.5), &crops("two"), day)
        .await;
    let missing = store
        .replace_crops(9999, (0.5, 0.5), &crops("none"), day)
        .await;

    assert_eq!(needing_at_first, [image, other], "images without crops");
    assert!(first.expect("first"));
    assert!(!stale.expect("stale"), "made around another focal point");
    assert!(second.expect("second"));
    assert!(!missing.expect("missing"));
    let early = store
        .due_retired_files(Timestamp::from_second(1_799_999_999).expect("time"), 10)
        .await
        .expect("due early");
    assert_eq!(early, [""; 0], "the replaced crops stay their day");
    let due = store.due_retired_files(day, 10).await.expect("due");
    assert_eq!(due, ["one/16x9.jpg", "one/1x1.jpg", "one/4x3.jpg"]);
    store.forget_retired_files(&due).await.expect("forget");
    assert_eq!(
        store.due_retired_files(day, 10).await.expect("after"),
        [""; 0]
    );
    let stored = store
        .library_image(image)
        .await
        .expect("read")
        .expect("image");
    assert_eq!(stored.image.crops, crops("two"), "widest ratio first");
    assert_eq!(
        store.images_needing_crops(0, 10).await.expect("needing"),
        [other]
    );
    assert_eq!(
        store.images_needing_crops(other, 10).await.expect("after"),
        [0i64; 0]
    );
    let log = store.changes_since(before, 10).await.expect("changes");
    assert_eq!(
        log.len(),
        2,
        "each replacement logs the pages showing the image"
    );
    assert!(
        log[0].tags.contains(&CacheTag::Story(live)),
        "{:?}",
        log[0].tags
    );
    let changes = ImageChanges {
        id: image,
        caption: String::new(),
        credit: String::new(),
        alt: String::new(),
        focal_x: 0.25,
        focal_y: 0.75,
    };
    store
        .update_image(&changes, &audit("image.update"))
        .await
        .expect("update");
    assert_eq!(
        store.images_needing_crops(0, 10).await.expect("needing"),
        [image, other],
        "cut around the old focal point"
    );
}

crate::on_both_backends!(
    crops_are_replaced_only_around_the_current_focal_point,
    uses_are_found_as_hero_in_galleries_and_in_body_blocks,
    portraits_and_logos_are_found_authors_first_by_name,
    editing_an_image_logs_a_change_only_for_published_stories_and_authors_using_it,
    the_library_lists_newest_first_and_searches_literally,
);
