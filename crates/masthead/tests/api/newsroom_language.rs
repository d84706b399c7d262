//! The newsroom's interface language, chosen per account: Arabic runs right to left with
//! Arabic words, other accounts keep theirs, the choice outlives the session, bad values
//! and other people's accounts are refused, and the login page follows the browser.

use store::Role;

use crate::desk::Desk;
use crate::helpers::{Page, TestApp, spawn_app};
use crate::validity::assert_valid;

const MAIN_PAGES: [&str; 4] = [
    "/admin",
    "/admin/stories",
    "/admin/media",
    "/admin/password",
];

fn language_of(page: &Page) -> (String, String) {
    (
        page.attrs("html", "lang").remove(0),
        page.attrs("html", "dir").remove(0),
    )
}

fn navigation(page: &Page) -> Vec<String> {
    page.texts(".nr-nav a")
}

async fn switch_to_arabic(desk: &Desk<'_>) {
    let set = desk.post("/admin/language", &[("language", "ar")]).await;
    assert_eq!(set.status, 303, "{}", set.text);
    assert_eq!(set.location(), "/admin/password?notice=language");
}

#[tokio::test]
async fn an_account_that_switches_to_arabic_works_right_to_left_while_another_stays_in_english() {
    let app = spawn_app().await;
    let arabic = app.desk(Role::Editor).await;
    let english = app.desk(Role::Editor).await;

    switch_to_arabic(&arabic).await;

    let notice = arabic.get("/admin/password?notice=language").await;
    assert_eq!(notice.texts("p.notice"), ["تم تغيير لغة الواجهة."]);
    for path in MAIN_PAGES {
        let page = arabic.get(path).await;
        assert_eq!(page.status, 200, "{path}");
        assert_eq!(language_of(&page), ("ar".into(), "rtl".into()), "{path}");
        let nav = navigation(&page);
        assert!(nav.contains(&"القصص".to_string()), "{path}: {nav:?}");
        assert!(!nav.contains(&"Stories".to_string()), "{path}: {nav:?}");
        assert!(
            page.texts(".nr-role").contains(&"محرر".to_string()),
            "{path}"
        );

        let page = english.get(path).await;
        assert_eq!(language_of(&page), ("en".into(), "ltr".into()), "{path}");
        assert!(navigation(&page).contains(&"Stories".to_string()), "{path}");
    }
    let stories = arabic.get("/admin/stories").await;
    assert!(stories.text.contains("مسوداتي"));
    assert!(stories.texts("label[for=q]").contains(&"بحث".to_string()));
    let missing = arabic.get("/admin/stories/999999").await;
    assert_eq!(missing.status, 404);
    assert_eq!(language_of(&missing).0, "ar");
    assert_eq!(missing.texts("h1"), ["غير موجود"]);
}

#[tokio::test]
async fn the_choice_of_language_survives_logging_out_and_in_again() {
    let app = spawn_app().await;
    let email = "lina@test.example";
    let id = app.account(Role::Reporter, email).await;
    let desk = app.desk_for(email, id).await;
    switch_to_arabic(&desk).await;

    let out = desk.post("/admin/logout", &[]).await;
    assert_eq!(out.location(), "/admin/login");
    let again = app.desk_for(email, id).await;

    let dashboard = again.get("/admin").await;
    assert_eq!(language_of(&dashboard), ("ar".into(), "rtl".into()));
    assert!(navigation(&dashboard).contains(&"لوحة التحكم".to_string()));
    let back = again.post("/admin/language", &[("language", "en")]).await;
    assert_eq!(back.status, 303);
    assert_eq!(language_of(&again.get("/admin").await).0, "en");
}

#[tokio::test]
async fn a_language_other_than_english_or_arabic_is_a_400_and_changes_nothing() {
    let app = spawn_app().await;
    let desk = app.desk(Role::Contributor).await;
    let huge = "ar".repeat(100_000);

    for value in [
        "",
        "fr",
        "AR",
        " ar",
        "ar-EG",
        "<script>alert(1)</script>",
        "ar'; UPDATE users SET language = 'ar'; --",
        "../../etc/passwd",
        huge.as_str(),
    ] {
        let refused = desk.post("/admin/language", &[("language", value)]).await;
        assert_eq!(refused.status, 400, "{value:.40}");
        assert!(!refused.text.contains("<script>alert"), "{value:.40}");
    }
    let missing = desk.post("/admin/language", &[]).await;
    assert!((400..500).contains(&missing.status), "{}", missing.status);
    let without_token = desk
        .post_without_token("/admin/language", &[("language", "ar")])
        .await;
    assert_eq!(without_token.status, 403);
    let anonymous = app
        .post_form("/admin/language", &[("language", "ar")])
        .await;
    assert_eq!(anonymous.location(), "/admin/login");

    assert_eq!(language_of(&desk.get("/admin").await).0, "en");
}

#[tokio::test]
async fn no_one_changes_the_language_of_another_account() {
    let app = spawn_app().await;
    let admin = app.desk(Role::Admin).await;
    let other = app.desk(Role::Editor).await;
    let other_id = other.user_id.to_string();

    let own = admin
        .post(
            "/admin/language",
            &[("language", "ar"), ("id", &other_id), ("user", &other_id)],
        )
        .await;
    assert_eq!(own.status, 303);
    let by_admin = admin
        .post(&format!("/admin/users/{other_id}"), &[("language", "ar")])
        .await;
    assert!(by_admin.status < 500, "{}", by_admin.status);

    assert_eq!(language_of(&admin.get("/admin").await).0, "ar");
    assert_eq!(language_of(&other.get("/admin").await).0, "en");
}

#[tokio::test]
async fn an_admin_may_add_an_account_that_works_in_arabic_from_its_first_login() {
    let app = spawn_app().await;
    let admin = app.desk(Role::Admin).await;

    let form = admin.get("/admin/users").await;
    assert_eq!(form.attrs("#new-language option", "value"), ["en", "ar"]);
    let made = admin
        .post(
            "/admin/users",
            &[
                ("email", "samir@test.example"),
                ("name", "Samir"),
                ("role", "reporter"),
                ("language", "ar"),
            ],
        )
        .await;
    assert_eq!(made.status, 200, "{}", made.text);
    let bad = admin
        .post(
            "/admin/users",
            &[
                ("email", "nour@test.example"),
                ("name", "Nour"),
                ("role", "reporter"),
                ("language", "klingon"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);

    let store = app.store().await;
    let users = store.users().await.expect("users");
    store.close().await;
    let samir = users
        .iter()
        .find(|user| user.email == "samir@test.example")
        .expect("made");
    assert_eq!(samir.language, "ar");
    assert!(users.iter().all(|user| user.email != "nour@test.example"));
}

async fn login_page(app: &TestApp, accept: Option<&str>) -> Page {
    let mut request = app.client.get(format!("{}/admin/login", app.address));
    if let Some(accept) = accept {
        request = request.header("accept-language", accept);
    }
    Page::read(request.send().await.expect("request")).await
}

#[tokio::test]
async fn the_login_page_speaks_arabic_to_a_browser_that_asks_for_arabic_first() {
    let app = spawn_app().await;

    for accept in ["ar", "ar-SA,ar;q=0.9,en;q=0.8", "fr,ar;q=0.7,en;q=0.3"] {
        let page = login_page(&app, Some(accept)).await;
        assert_eq!(language_of(&page), ("ar".into(), "rtl".into()), "{accept}");
        assert_eq!(
            page.texts("h1"),
            ["تسجيل الدخول إلى غرفة الأخبار"],
            "{accept}"
        );
    }
    for accept in [
        Some("en-GB,en;q=0.9,ar;q=0.8"),
        Some("de"),
        Some(";;;q=x"),
        None,
    ] {
        let page = login_page(&app, accept).await;
        assert_eq!(
            language_of(&page),
            ("en".into(), "ltr".into()),
            "{accept:?}"
        );
        assert_eq!(page.texts("h1"), ["Log in to the newsroom"], "{accept:?}");
    }
}

#[tokio::test]
async fn the_users_page_shows_when_each_account_last_logged_in() {
    let app = spawn_app().await;
    let admin = app.desk(Role::Admin).await;
    app.account(Role::Reporter, "never@test.example").await;

    let page = admin.get("/admin/users").await;
    let rows = page.texts("tbody tr");
    let never = rows
        .iter()
        .find(|row| row.contains("never@test.example"))
        .expect("row");
    assert!(never.ends_with("never"), "{never}");
    let stamps = page.attrs("td.last-login time", "datetime");
    assert!(!stamps.is_empty());
    let last: jiff::Timestamp = stamps.last().expect("one").parse().expect("a time");
    let age = jiff::Timestamp::now().duration_since(last);
    assert!(age.as_secs() < 120, "{age:?}");
    assert!(
        page.texts("th").contains(&"Last login".to_string()),
        "{:?}",
        page.texts("th")
    );
}

#[tokio::test]
async fn the_newsroom_in_arabic_is_valid_html() {
    let app = spawn_app().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let admin = app.desk(Role::Admin).await;
    switch_to_arabic(&admin).await;
    let login = login_page(&app, Some("ar")).await;
    std::fs::write(dir.path().join("login.html"), &login.text).expect("write");
    let story = admin
        .create_story("Valid markup", app.a_section_id().await)
        .await;
    admin
        .save(story, &[("headline", "Valid markup, revised")], "save")
        .await;
    let image = admin
        .get("/admin/media")
        .await
        .attrs(".media-card a", "href")
        .remove(0);
    let mut paths: Vec<String> = [
        "/admin",
        "/admin/stories",
        "/admin/stories?status=live&from=2026-02-30",
        "/admin/media",
        "/admin/media?q=zzqqxx",
        "/admin/users",
        "/admin/audit",
        "/admin/password?notice=language",
        "/admin/stories/999999",
        "/admin/sections",
        "/admin/topics",
        "/admin/keywords",
        "/admin/keywords?q=a",
    ]
    .map(String::from)
    .to_vec();
    paths.push(image);
    paths.push(format!("/admin/sections/{}", app.a_section_id().await));
    paths.push(format!("/admin/stories/{story}/revisions?from=1&to=2"));
    let bulk = admin
        .post(
            "/admin/stories/bulk",
            &[("action", "publish"), ("story", &story.to_string())],
        )
        .await;
    assert!(bulk.text.contains("النشر الآن"));
    std::fs::write(dir.path().join("bulk.html"), &bulk.text).expect("write");
    for (index, path) in paths.iter().enumerate() {
        let page = admin.get(path).await;
        std::fs::write(dir.path().join(format!("ar{index}.html")), &page.text).expect("write");
    }
    assert_valid(dir.path(), &paths);
}

#[tokio::test]
async fn times_in_the_newsroom_are_written_in_the_accounts_language_with_the_zone_named() {
    let app = spawn_app().await;
    let arabic = app.desk(Role::Editor).await;
    let english = app.desk(Role::Editor).await;
    switch_to_arabic(&arabic).await;
    let section = app.a_section_id().await;
    english.create_story("A story saved today", section).await;

    let shown = arabic.get("/admin/stories").await.texts("td time");
    assert!(!shown.is_empty());
    for time in &shown {
        assert!(time.contains("GMT"), "{time}");
        assert!(time.contains(" ص ") || time.contains(" م "), "{time}");
        let latin = time.replace("GMT", "");
        assert!(!latin.chars().any(|c| c.is_ascii_alphabetic()), "{time}");
    }
    let shown = english.get("/admin/stories").await.texts("td time");
    assert!(
        shown
            .iter()
            .all(|time| time.contains(" am ") || time.contains(" pm ")),
        "{shown:?}"
    );
}
