//! The newsroom desks' storage contract: a desk belongs to one edition and its name is
//! unique there (case aside); its sections must be the edition's and come back in menu
//! order; members are accounts; each write is audited; deleting a desk takes its lists.

use store::*;

use crate::backend::{account, audit, english_edition};

async fn section(store: &dyn Store, edition_id: i64, slug: &str, position: i64) -> i64 {
    store
        .create_section(&NewSection {
            edition_id,
            parent_id: None,
            slug: slug.into(),
            name: slug.into(),
            description: String::new(),
            position,
        })
        .await
        .expect("section")
}

async fn other_edition(store: &dyn Store) -> i64 {
    store
        .create_edition(&NewEdition {
            code: "ar".into(),
            name: "عربي".into(),
            language: "ar".into(),
            direction: Direction::Rtl,
            timezone: "Asia/Riyadh".into(),
            path_prefix: "/ar".into(),
        })
        .await
        .expect("edition")
}

async fn a_desk_keeps_its_sections_in_menu_order_and_its_members(store: &dyn Store) {
    let en = english_edition(store).await;
    let sport = section(store, en, "sport", 2).await;
    let politics = section(store, en, "politics", 1).await;
    let reporter = account(store, "r@example.org".into(), "R".into(), Role::Reporter).await;
    let editor = account(store, "e@example.org".into(), "E".into(), Role::Editor).await;

    let desk = store
        .create_news_desk(en, "Home desk", &audit("news_desk.create"))
        .await
        .expect("create");
    store
        .set_news_desk_sections(
            desk,
            &[sport, politics, sport],
            &audit("news_desk.sections"),
        )
        .await
        .expect("sections");
    store
        .set_news_desk_members(desk, &[editor, reporter], &audit("news_desk.members"))
        .await
        .expect("members");
    store
        .rename_news_desk(desk, "Politics & sport", &audit("news_desk.rename"))
        .await
        .expect("rename");

    let read = store.news_desk(desk).await.expect("read").expect("desk");
    assert_eq!(read.name, "Politics & sport");
    assert_eq!(read.section_ids, vec![politics, sport]);
    let mut members = vec![editor, reporter];
    members.sort_unstable();
    assert_eq!(read.member_ids, members);
    assert_eq!(store.news_desks().await.expect("all"), vec![read.clone()]);
    assert_eq!(
        store.account_news_desks(reporter).await.expect("mine"),
        vec![read]
    );
    let actions: Vec<String> = store
        .audit_log(10, 0)
        .await
        .expect("audit")
        .into_iter()
        .map(|entry| entry.action)
        .filter(|action| action.starts_with("news_desk."))
        .collect();
    assert_eq!(actions.len(), 4, "{actions:?}");
}

async fn a_desk_refuses_another_editions_sections_unknown_accounts_and_a_taken_name(
    store: &dyn Store,
) {
    let en = english_edition(store).await;
    let ar = other_edition(store).await;
    let arabic_section = section(store, ar, "politics", 1).await;
    let desk = store
        .create_news_desk(en, "Sport desk", &audit("news_desk.create"))
        .await
        .expect("create");
    store
        .create_news_desk(ar, "Sport desk", &audit("news_desk.create"))
        .await
        .expect("the same name in another edition");

    let taken = store
        .create_news_desk(en, "SPORT DESK", &audit("news_desk.create"))
        .await;
    let foreign = store
        .set_news_desk_sections(desk, &[arabic_section], &audit("news_desk.sections"))
        .await;
    let nobody = store
        .set_news_desk_members(desk, &[9_999], &audit("news_desk.members"))
        .await;
    let missing = store
        .rename_news_desk(9_999, "Ghost desk", &audit("news_desk.rename"))
        .await;

    assert_eq!(
        taken.expect_err("taken").constraint().map(Constraint::name),
        Some(NEWS_DESK_NAME_KEY)
    );
    assert!(matches!(foreign, Err(StoreError::NotFound)), "{foreign:?}");
    assert!(matches!(nobody, Err(StoreError::NotFound)), "{nobody:?}");
    assert!(matches!(missing, Err(StoreError::NotFound)), "{missing:?}");
    let kept = store.news_desk(desk).await.expect("read").expect("desk");
    assert!(kept.section_ids.is_empty() && kept.member_ids.is_empty());
}

async fn deleting_a_desk_takes_its_lists_and_leaves_its_accounts_in_no_desk(store: &dyn Store) {
    let en = english_edition(store).await;
    let news = section(store, en, "news", 1).await;
    let reporter = account(store, "r@example.org".into(), "R".into(), Role::Reporter).await;
    let desk = store
        .create_news_desk(en, "News desk", &audit("news_desk.create"))
        .await
        .expect("create");
    store
        .set_news_desk_sections(desk, &[news], &audit("news_desk.sections"))
        .await
        .expect("sections");
    store
        .set_news_desk_members(desk, &[reporter], &audit("news_desk.members"))
        .await
        .expect("members");

    store
        .delete_news_desk(desk, &audit("news_desk.delete"))
        .await
        .expect("delete");
    let again = store
        .delete_news_desk(desk, &audit("news_desk.delete"))
        .await;

    assert!(matches!(again, Err(StoreError::NotFound)));
    assert!(store.news_desk(desk).await.expect("read").is_none());
    assert!(
        store
            .account_news_desks(reporter)
            .await
            .expect("mine")
            .is_empty()
    );
}

crate::on_both_backends!(
    a_desk_keeps_its_sections_in_menu_order_and_its_members,
    a_desk_refuses_another_editions_sections_unknown_accounts_and_a_taken_name,
    deleting_a_desk_takes_its_lists_and_leaves_its_accounts_in_no_desk,
);
