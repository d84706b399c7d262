//! The generated archive (`masthead demo --stories N`) on a small scale: spread over
//! fifteen years, both editions and every section; paged through from a story without a
//! story lost or shown twice; opened in the newsroom; copied to PostgreSQL in more than one
//! batch.

use jiff::{SignedDuration, Timestamp};
use masthead::app::{Database, open_media, open_store};
use masthead::archive::ImportSink;
use masthead::copy::digests;
use masthead::service::demo_accounts::DemoAccountMaker;
use store::{Role, StoryFilter, StoryQuery};

use crate::copy::there_and_back;
use crate::helpers::{Page, TestApp, TestData, build_search_index, spawn_app_on};

/// Stories in the test archive: more than a batch of `masthead copy` (500).
const ARCHIVE: usize = 1_200;

/// The small demo and an archive of [`ARCHIVE`] stories, on this run's backend.
async fn archive() -> TestData {
    let data = TestData::empty().await;
    let config = data.config();
    let store = open_store(&config).await.expect("store");
    let media = open_media(&config).await.expect("media");
    let mut sink = ImportSink::new(&store);
    let mut seen = Vec::new();
    let mut progress = |done, total| seen.push((done, total));
    let archive = demo::Archive {
        stories: ARCHIVE,
        sink: &mut sink,
        progress: &mut progress,
    };
    let size = demo::DemoSize::SMALL;
    demo::create_with_archive(
        &*store,
        media.as_ref(),
        &DemoAccountMaker,
        size,
        Some(archive),
    )
    .await
    .expect("the demo and its archive");
    assert_eq!(seen.last(), Some(&(ARCHIVE as u64, ARCHIVE as u64)));
    // Built here, not by the app in the background, whose batches would hold SQLite's
    // writer while the test writes.
    build_search_index(&*store)
        .await
        .expect("index the archive");
    store.close().await;
    data
}

/// Every story of an edition, newest first.
async fn all_stories(app: &TestApp, edition_id: i64) -> Vec<store::Teaser> {
    let state = app.state.as_ref().expect("in-process app");
    let query = StoryQuery::latest(edition_id, StoryFilter::All, 100_000);
    state.store.teasers(&query).await.expect("list")
}

#[tokio::test]
async fn an_archive_covers_fifteen_years_both_editions_and_every_section() {
    let app = spawn_app_on(archive().await).await;
    let site = app.state.as_ref().expect("in-process app").site();

    let mut stories = 0;
    for edition in &site.editions {
        let listed = all_stories(&app, edition.edition.id).await;
        stories += listed.len();
        let oldest = listed.last().and_then(|teaser| teaser.published_at);
        let fourteen_years_ago = Timestamp::now() - SignedDuration::from_hours(14 * 365 * 24);
        assert!(
            oldest.is_some_and(|at| at < fourteen_years_ago),
            "{}: oldest story {oldest:?}",
            edition.edition.code
        );
        assert!(listed.len() > ARCHIVE / 4, "{}", edition.edition.code);
        for teaser in listed.iter().step_by(97) {
            let path = site.story_path(teaser);
            assert_eq!(app.get(&path).await.status, 200, "{path}");
        }
    }
    assert!(stories > ARCHIVE, "{stories} stories");
    for edition in &site.editions {
        for section in &edition.sections {
            let path = edition.section_path(section.id);
            let page = app.get(&path).await;
            assert!(
                !page.texts(".teaser-headline").is_empty(),
                "{path} lists no story"
            );
        }
    }
}

#[tokio::test]
async fn an_archive_story_opens_in_the_newsroom_with_its_history() {
    let app = spawn_app_on(archive().await).await;
    let site = app.state.as_ref().expect("in-process app").site();
    let oldest = all_stories(&app, site.editions[0].edition.id)
        .await
        .pop()
        .expect("a story");
    let editor = app.desk(Role::Editor).await;

    let page = editor.get(&format!("/admin/stories/{}", oldest.id)).await;
    let history = editor
        .get(&format!("/admin/stories/{}/revisions", oldest.id))
        .await;

    assert_eq!(page.status, 200);
    assert_eq!(
        page.attrs("input[name=headline]", "value"),
        [oldest.headline]
    );
    assert_eq!(history.status, 200, "a story with no revision yet");
}

#[tokio::test]
async fn following_older_links_lists_every_story_of_a_section_once_newest_first() {
    let app = spawn_app_on(archive().await).await;
    let site = app.state.as_ref().expect("in-process app").site();
    let edition = &site.editions[0];
    let politics = edition.section_at(&["politics"]).expect("politics");
    let state = app.state.as_ref().expect("in-process app");
    let query = StoryQuery::latest(
        edition.edition.id,
        StoryFilter::Section(politics.id),
        100_000,
    );
    let expected: Vec<String> = state
        .store
        .teasers(&query)
        .await
        .expect("list")
        .iter()
        .map(|teaser| site.story_path(teaser))
        .collect();

    let mut seen: Vec<String> = Vec::new();
    let mut next = Some("/politics".to_string());
    let mut pages = 0;
    while let Some(path) = next {
        let page: Page = app.get(&path).await;
        assert_eq!(page.status, 200, "{path}");
        seen.extend(page.attrs(".teaser-headline a", "href"));
        next = page.attrs(".pager a[rel=next]", "href").into_iter().next();
        pages += 1;
        assert!(pages < 1_000, "the older links go round in circles");
    }

    assert!(pages > 5, "{pages} pages");
    // Pinned stories open the first page and are left out of the rest of the list.
    let pinned = seen.len() - expected.len();
    assert_eq!(
        &seen[pinned..],
        &expected[..],
        "every story once, newest first"
    );
}

#[tokio::test]
async fn an_archive_larger_than_a_batch_goes_to_postgresql_and_back_unchanged() {
    if crate::helpers::on_postgres() {
        return; // The archive is drawn on SQLite; the SQLite run covers this.
    }
    let Some(postgres) = TestData::empty_on_postgres().await else {
        return;
    };
    let url = postgres.database_url().expect("url").to_string();
    let original = archive().await;
    let back = tempfile::tempdir().expect("temp dir");
    let back_dir = back.path().join("newsroom");
    let original_dir = original.path().to_string_lossy().into_owned();

    there_and_back(original.path(), &url, &back_dir);

    let mut expected = None;
    for location in [original_dir.as_str(), &url, &back_dir.to_string_lossy()] {
        let database = Database::open(location).await.expect("open");
        let found = digests(&database).await.expect("digests");
        database.close().await;
        let stories = found.iter().find(|(table, _)| *table == "stories");
        assert!(stories.is_some_and(|(_, digest)| digest.rows > ARCHIVE as u64));
        match &expected {
            None => expected = Some(found),
            Some(expected) => assert_eq!(&found, expected, "{location}"),
        }
    }
}
