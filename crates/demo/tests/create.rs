//! The demo newsroom made through its public API alone, on a SQLite store, with media kept
//! in memory and accounts made by a stand-in for the app.

use std::collections::HashMap;
use std::sync::Mutex;

use async_trait::async_trait;
use demo::{AccountMaker, DemoSize, NewDemoAccount};
use store::files::MediaStore;
use store::{Accounts, NewUser, Role, SiteReads, Store, StoryFilter, StoryQuery};

/// Media files in memory.
#[derive(Default)]
struct MemoryFiles(Mutex<HashMap<String, Vec<u8>>>);

#[async_trait]
impl MediaStore for MemoryFiles {
    async fn put(&self, key: &str, bytes: Vec<u8>) -> anyhow::Result<()> {
        self.0.lock().expect("lock").insert(key.to_string(), bytes);
        Ok(())
    }

    async fn get(&self, key: &str) -> anyhow::Result<Option<Vec<u8>>> {
        Ok(self.0.lock().expect("lock").get(key).cloned())
    }

    async fn delete(&self, key: &str) -> anyhow::Result<()> {
        self.0.lock().expect("lock").remove(key);
        Ok(())
    }
}

/// Accounts with a fixed password per email and no real hash.
struct PlainAccounts;

#[async_trait]
impl AccountMaker for PlainAccounts {
    async fn make_account(
        &self,
        store: &dyn Store,
        account: NewDemoAccount<'_>,
    ) -> anyhow::Result<String> {
        store
            .create_user(
                &NewUser {
                    email: account.email.to_string(),
                    name: account.name.to_string(),
                    role: account.role,
                    password_hash: "not-a-hash".to_string(),
                    must_change_password: false,
                    author_id: account.author_id,
                    language: "en".to_string(),
                },
                None,
            )
            .await?;
        Ok(format!("password of {}", account.email))
    }
}

#[tokio::test]
async fn the_small_demo_fills_two_editions_with_stories_photos_and_accounts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = store_sqlite::open(&dir.path().join("demo.db"))
        .await
        .expect("open");
    let files = MemoryFiles::default();

    let demo = demo::create_sized(&store, &files, &PlainAccounts, DemoSize::SMALL)
        .await
        .expect("the demo");

    let editions = store.editions().await.expect("editions");
    let codes: Vec<&str> = editions.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(codes, ["en", "ar"]);
    assert!(
        demo.summary.ends_with("stories in 2 editions"),
        "{}",
        demo.summary
    );
    let roles: Vec<Role> = demo.accounts.0.iter().map(|a| a.role).collect();
    assert_eq!(
        roles,
        [Role::Admin, Role::Editor, Role::Reporter, Role::Contributor]
    );
    assert_eq!(store.users().await.expect("users").len(), 4);
    let printed = demo.accounts.to_string();
    assert!(printed.contains("reporter@meridian.test  "), "{printed}");
    assert!(printed.contains("password of reporter@meridian.test"));
    let files = files.0.lock().expect("lock");
    assert!(files.len() > 100, "{} files", files.len());
    for (key, bytes) in files.iter() {
        assert!(key.starts_with("demo/") && key.ends_with(".jpg"), "{key}");
        assert!(bytes.starts_with(&[0xFF, 0xD8]), "{key} is a JPEG");
    }
}

/// Every published story of every edition: slug, headline and standfirst.
async fn stories(store: &dyn Store) -> Vec<(String, String, Option<String>)> {
    let mut stories = Vec::new();
    for edition in store.editions().await.expect("editions") {
        let query = StoryQuery::latest(edition.id, StoryFilter::All, 10_000);
        for teaser in store.teasers(&query).await.expect("stories") {
            stories.push((teaser.slug, teaser.headline, teaser.standfirst));
        }
    }
    stories.sort();
    stories
}

#[tokio::test]
async fn sketched_photos_leave_the_rest_of_the_demo_as_it_was() {
    let dir = tempfile::tempdir().expect("temp dir");
    let drawn = store_sqlite::open(&dir.path().join("drawn.db"))
        .await
        .expect("open");
    let sketched = store_sqlite::open(&dir.path().join("sketched.db"))
        .await
        .expect("open");
    let (drawn_files, sketched_files) = (MemoryFiles::default(), MemoryFiles::default());

    demo::create_sized(&drawn, &drawn_files, &PlainAccounts, DemoSize::SMALL)
        .await
        .expect("the demo");
    let size = DemoSize::SMALL.with_sketched_photos();
    demo::create_sized(&sketched, &sketched_files, &PlainAccounts, size)
        .await
        .expect("the sketched demo");

    assert_eq!(stories(&drawn).await, stories(&sketched).await);
    let drawn_files = drawn_files.0.lock().expect("lock");
    let sketched_files = sketched_files.0.lock().expect("lock");
    let mut keys: Vec<&String> = drawn_files.keys().collect();
    let mut sketched_keys: Vec<&String> = sketched_files.keys().collect();
    keys.sort();
    sketched_keys.sort();
    assert_eq!(keys, sketched_keys);
    let size = |files: &HashMap<String, Vec<u8>>| files.values().map(Vec::len).sum::<usize>();
    assert!(size(&sketched_files) * 10 < size(&drawn_files));
}
