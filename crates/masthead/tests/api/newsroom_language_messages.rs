//! The services' refusals in the account's language: an Arabic account reads why a form
//! was refused in Arabic, an English account the same English as before, and the login
//! page's refusals follow the browser's language.

use store::{Role, StoryFilter, StoryQuery};

use crate::desk::Desk;
use crate::helpers::{Page, TestApp, copy_of_demo, spawn_app, spawn_app_on};

/// An account of `role` working in Arabic, and another of the same role in English.
async fn arabic_and_english(app: &TestApp, role: Role) -> (Desk<'_>, Desk<'_>) {
    let arabic = app.desk(role).await;
    let set = arabic.post("/admin/language", &[("language", "ar")]).await;
    assert_eq!(set.status, 303, "{}", set.text);
    (arabic, app.desk(role).await)
}

/// The page's alerts and field errors, as its reader sees them.
fn refusals(page: &Page) -> String {
    let mut shown = page.texts("[role=alert]");
    shown.extend(page.texts(".field-error"));
    shown.join(" | ")
}

fn assert_says(page: &Page, words: &str) {
    let shown = refusals(page);
    assert!(shown.contains(words), "{words:?} not in {shown:?}");
}

fn assert_in_arabic(page: &Page, words: &str) {
    assert_says(page, words);
    assert_eq!(page.attrs("html", "lang"), ["ar"]);
    let shown = refusals(page);
    assert!(!shown.contains("Pick"), "English left in {shown:?}");
}

#[tokio::test]
async fn an_empty_headline_is_refused_in_each_accounts_language() {
    let app = spawn_app().await;
    let section = app.a_section_id().await.to_string();
    let (arabic, english) = arabic_and_english(&app, Role::Reporter).await;
    let form = [
        ("kind", "news"),
        ("headline", " "),
        ("section_id", &section),
    ];

    let in_arabic = arabic.post("/admin/stories?edition=1", &form).await;
    let in_english = english.post("/admin/stories?edition=1", &form).await;

    assert_eq!(in_arabic.status, 422);
    assert_eq!(in_arabic.texts("#headline-error"), ["اكتب عنوانًا."]);
    assert_eq!(in_english.status, 422);
    assert_eq!(in_english.texts("#headline-error"), ["Write a headline."]);
}

#[tokio::test]
async fn a_schedule_the_clocks_skip_is_refused_in_arabic_with_the_time_and_zone_as_typed() {
    let data = copy_of_demo().await;
    data.execute("UPDATE editions SET timezone = 'Europe/London'");
    let app = spawn_app_on(data).await;
    let section = app.a_section_id().await;
    let (arabic, english) = arabic_and_english(&app, Role::Editor).await;
    let story = english.create_story("Clocks change", section).await;
    let skipped = [("scheduled_at", "2027-03-28T01:30")];

    let in_arabic = arabic.save(story, &skipped, "schedule").await;
    let in_english = english.save(story, &skipped, "schedule").await;

    assert_eq!(in_arabic.status, 422, "{}", in_arabic.text);
    assert_eq!(
        in_arabic.texts("#scheduled_at-error"),
        [
            "الوقت 28 مارس 2027، 01:30 غير موجود في Europe/London: تنتقل الساعة حينها من GMT إلى \
          GMT+1. اختر وقتًا خارج فترة التغيير."
        ]
    );
    assert_eq!(
        in_english.texts("#scheduled_at-error"),
        [
            "28 Mar 2027, 01:30 does not exist in Europe/London: the clocks go from GMT to GMT+1 \
          then. Choose a time outside the change."
        ]
    );
}

#[tokio::test]
async fn a_taken_topic_slug_is_refused_in_each_accounts_language_naming_the_slug() {
    let app = spawn_app().await;
    let (arabic, english) = arabic_and_english(&app, Role::Editor).await;
    let first = [("name", "Climate"), ("slug", "climate-desk")];
    assert_eq!(
        english.post("/admin/topics?edition=1", &first).await.status,
        303
    );
    let again = [("name", "Climate again"), ("slug", "climate-desk")];

    let in_arabic = arabic.post("/admin/topics?edition=1", &again).await;
    let in_english = english.post("/admin/topics?edition=1", &again).await;

    assert_eq!(in_arabic.status, 422);
    assert_in_arabic(&in_arabic, "لموضوع آخر المعرّف «climate-desk» بالفعل.");
    assert_eq!(in_english.status, 422);
    assert_says(
        &in_english,
        "Another topic already has the slug “climate-desk”.",
    );
}

#[tokio::test]
async fn a_taken_section_slug_is_refused_in_arabic() {
    let app = spawn_app().await;
    let (arabic, english) = arabic_and_english(&app, Role::Editor).await;
    let world = [("name", "World again"), ("slug", "world")];

    let in_arabic = arabic.post("/admin/sections?edition=1", &world).await;
    let in_english = english.post("/admin/sections?edition=1", &world).await;

    assert_eq!(in_arabic.status, 422, "{}", in_arabic.text);
    assert_in_arabic(&in_arabic, "المعرّف «world» مستخدم");
    assert_says(
        &in_english,
        "“world” is taken: /world already exists there.",
    );
}

#[tokio::test]
async fn an_account_with_a_bad_email_is_refused_in_each_admins_language() {
    let app = spawn_app().await;
    let (arabic, english) = arabic_and_english(&app, Role::Admin).await;
    let form = [
        ("email", "not an address"),
        ("name", "Nour"),
        ("role", "reporter"),
    ];

    let in_arabic = arabic.post("/admin/users", &form).await;
    let in_english = english.post("/admin/users", &form).await;

    assert_eq!(in_arabic.status, 422);
    assert_in_arabic(&in_arabic, "«not an address» ليس عنوان بريد إلكتروني.");
    assert_eq!(in_english.status, 422);
    assert_says(&in_english, "\"not an address\" is not an email address");
}

#[tokio::test]
async fn pinning_a_story_of_another_edition_is_refused_in_each_accounts_language() {
    let app = spawn_app().await;
    let (arabic, english) = arabic_and_english(&app, Role::Editor).await;
    let store = app.store().await;
    let other_edition = store.editions().await.expect("editions")[1].id;
    let teasers = store
        .teasers(&StoryQuery::latest(other_edition, StoryFilter::All, 1))
        .await
        .expect("teasers");
    store.close().await;
    let id = teasers[0].id.to_string();
    let form = [("story", id.as_str()), ("slot", "top"), ("position", "1")];

    let in_arabic = arabic
        .post("/admin/fronts/pin?edition=1&front=0", &form)
        .await;
    let in_english = english
        .post("/admin/fronts/pin?edition=1&front=0", &form)
        .await;

    assert_eq!(in_arabic.status, 422);
    assert_in_arabic(&in_arabic, &format!("القصة {id} تابعة لطبعة أخرى."));
    assert_says(
        &in_english,
        &format!("Story {id} belongs to another edition."),
    );
}

#[tokio::test]
async fn a_bulk_action_with_nothing_checked_is_refused_in_each_accounts_language() {
    let app = spawn_app().await;
    let (arabic, english) = arabic_and_english(&app, Role::Editor).await;
    let form = [("action", "publish")];

    let in_arabic = arabic.post("/admin/stories/bulk", &form).await;
    let in_english = english.post("/admin/stories/bulk", &form).await;

    assert_eq!(in_arabic.status, 400);
    assert_eq!(in_arabic.attrs("html", "lang"), ["ar"]);
    assert!(
        in_arabic.text.contains("حدد قصة واحدة على الأقل."),
        "{}",
        in_arabic.text
    );
    assert_eq!(in_english.status, 400);
    assert!(in_english.text.contains("Check at least one story."));
}

#[tokio::test]
async fn a_file_that_is_not_an_image_is_refused_in_each_accounts_language() {
    let app = spawn_app().await;
    let (arabic, english) = arabic_and_english(&app, Role::Reporter).await;
    let notes = || b"Meeting notes, not a photo.".to_vec();

    let in_arabic = arabic.upload("notes.jpg", notes(), &[]).await;
    let in_english = english.upload("notes.jpg", notes(), &[]).await;

    assert_eq!(in_arabic.status, 422);
    assert_in_arabic(
        &in_arabic,
        "هذا الملف ليس صورة بصيغة JPEG أو PNG أو WebP أو GIF.",
    );
    assert_eq!(in_english.status, 422);
    assert_says(
        &in_english,
        "This file is not a JPEG, PNG, WebP or GIF image.",
    );
}

/// Submits the login form as a browser asking for `language` would.
async fn log_in_asking_for(app: &TestApp, language: &str, password: &str) -> Page {
    let address = format!("{}/admin/login", app.address);
    let form = Page::read(
        app.client
            .get(&address)
            .header("accept-language", language)
            .send()
            .await
            .expect("request"),
    )
    .await;
    let token = form.attrs("input[name=csrf]", "value").remove(0);
    let cookie = form
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find_map(|value| value.strip_prefix("masthead_login="))
        .and_then(|value| value.split(';').next())
        .expect("login cookie")
        .to_string();
    let fields = [
        ("email", "rana@test.example"),
        ("password", password),
        ("csrf", token.as_str()),
    ];
    let response = app
        .client
        .post(&address)
        .header("accept-language", language)
        .header("cookie", format!("masthead_login={cookie}"))
        .form(&fields)
        .send()
        .await
        .expect("request");
    Page::read(response).await
}

#[tokio::test]
async fn the_login_pages_refusals_follow_the_browsers_language() {
    let app = spawn_app().await;
    app.account(Role::Reporter, "rana@test.example").await;

    let wrong_in_arabic = log_in_asking_for(&app, "ar", "guess").await;
    let wrong_in_english = log_in_asking_for(&app, "en", "guess").await;
    for _ in 0..3 {
        log_in_asking_for(&app, "ar", "guess").await;
    }
    let locked_in_arabic = log_in_asking_for(&app, "ar", "guess").await;
    let locked_in_english = log_in_asking_for(&app, "en-GB", "guess").await;

    assert_eq!(wrong_in_arabic.status, 401);
    assert_eq!(
        wrong_in_arabic.texts("#login-error"),
        ["البريد الإلكتروني أو كلمة المرور غير صحيحة."]
    );
    assert_eq!(
        wrong_in_english.texts("#login-error"),
        ["The email or password is not right."]
    );
    assert_eq!(locked_in_arabic.status, 429);
    assert_eq!(
        locked_in_arabic.texts("#login-error"),
        ["محاولات فاشلة كثيرة. حاول مجددًا بعد 15 دقيقة."]
    );
    assert_eq!(
        locked_in_english.texts("#login-error"),
        ["Too many failed attempts. Try again in 15 minutes."]
    );
}

#[tokio::test]
async fn the_error_page_speaks_the_accounts_language() {
    let app = spawn_app().await;
    let (arabic, english) = arabic_and_english(&app, Role::Editor).await;

    let in_arabic = arabic.get("/admin/stories/999999").await;
    let in_english = english.get("/admin/stories/999999").await;

    assert_eq!(in_arabic.status, 404);
    assert!(
        in_arabic
            .texts("p")
            .contains(&"لا يوجد شيء هنا.".to_string())
    );
    assert!(
        in_english
            .texts("p")
            .contains(&"There is nothing here.".to_string())
    );
}
