//! The newsroom's doors: login, sessions, CSRF, lockout and the role boundaries.

use store::{NewAuditEntry, Role};

use crate::desk::PASSWORD;
use crate::helpers::spawn_app;

#[tokio::test]
async fn anonymous_visitors_reach_only_the_login_page() {
    let app = spawn_app().await;

    for path in [
        "/admin",
        "/admin/stories",
        "/admin/stories/new",
        "/admin/stories/1",
        "/admin/users",
        "/admin/audit",
    ] {
        let page = app.get(path).await;
        assert_eq!(page.status, 303, "{path}");
        assert_eq!(page.location(), "/admin/login", "{path}");
    }
    let login = app.get("/admin/login").await;
    assert_eq!(login.status, 200);
    assert_eq!(login.attrs("input[name=password]", "type"), ["password"]);
    let post = app.post_form("/admin/stories", &[("headline", "x")]).await;
    assert_eq!(post.location(), "/admin/login");
}

#[tokio::test]
async fn the_right_password_opens_a_session_in_an_http_only_cookie() {
    let app = spawn_app().await;
    app.account(Role::Editor, "eda@test.example").await;

    let wrong = app.log_in("eda@test.example", "not the password").await;
    let right = app.log_in("EDA@test.example", PASSWORD).await;

    assert_eq!(wrong.status, 401);
    assert!(wrong.text.contains("The email or password is not right."));
    assert_eq!(right.status, 303);
    let cookie = right
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("masthead_session="))
        .expect("session cookie")
        .to_string();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
}

#[tokio::test]
async fn a_form_without_its_csrf_token_is_refused_and_changes_nothing() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let section = app.a_section_id().await.to_string();

    let forged = editor
        .post_without_token(
            "/admin/stories?edition=1",
            &[("headline", "Forged"), ("section_id", &section)],
        )
        .await;
    let wrong = editor
        .post_without_token(
            "/admin/stories?edition=1",
            &[("headline", "Forged"), ("csrf", "0000")],
        )
        .await;

    assert_eq!(forged.status, 403);
    assert_eq!(wrong.status, 403);
    assert!(forged.text.contains("This form has expired"));
    assert!(
        !editor
            .get("/admin/stories?q=Forged")
            .await
            .text
            .contains("Forged</a>")
    );
}

#[tokio::test]
async fn a_one_time_password_must_be_changed_before_anything_else() {
    let app = spawn_app().await;
    let store = app.store().await;
    let created = masthead::service::account::create_user(
        &*store,
        "new@test.example",
        "New",
        Role::Reporter,
        None,
        None,
        None,
    )
    .await
    .expect("create");
    let one_time = created.one_time_password.expect("a one-time password");

    let login = app.log_in("new@test.example", &one_time).await;

    assert_eq!(login.location(), "/admin/password");
    let cookie = login
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| {
            v.split(';')
                .next()
                .filter(|p| p.starts_with("masthead_session="))
                .map(str::to_string)
        })
        .expect("cookie");
    let dashboard = app
        .client
        .get(format!("{}/admin", app.address))
        .header("cookie", &cookie)
        .send()
        .await
        .expect("get");
    assert_eq!(dashboard.headers()["location"], "/admin/password");
}

#[tokio::test]
async fn logging_out_ends_the_session_and_disabling_ends_all_of_them() {
    let app = spawn_app().await;
    let reporter = app.desk(Role::Reporter).await;
    let other = app.desk(Role::Reporter).await;

    reporter.post("/admin/logout", &[]).await;
    let audit = NewAuditEntry {
        user_id: None,
        action: "user.disable".into(),
        entity: "user".into(),
        entity_id: None,
        detail: String::new(),
    };
    app.store()
        .await
        .set_user_disabled(other.user_id, true, &audit)
        .await
        .expect("disable");

    assert_eq!(reporter.get("/admin").await.location(), "/admin/login");
    assert_eq!(other.get("/admin").await.location(), "/admin/login");
}

#[tokio::test]
async fn an_editor_cannot_make_a_move_the_workflow_has_no_button_for() {
    let app = spawn_app().await;
    let section = app.a_section_id().await;
    let editor = app.desk(Role::Editor).await;
    let story = editor.create_story("Harbour plans", section).await;

    let unpublish_draft = editor.save(story, &[], "unpublish").await;
    let publish = editor.save(story, &[], "publish").await;
    let back_to_draft = editor.save(story, &[], "withdraw").await;

    assert_eq!(unpublish_draft.status, 403, "{}", unpublish_draft.text);
    assert_eq!(publish.status, 303, "{}", publish.text);
    assert_eq!(back_to_draft.status, 403, "{}", back_to_draft.text);
    let page = editor.get(&format!("/admin/stories/{story}")).await;
    assert!(page.text.contains(">Unpublish<"), "{}", page.text);
}

#[tokio::test]
async fn a_reporter_cannot_publish_and_a_contributor_cannot_see_others_drafts() {
    let app = spawn_app().await;
    let section = app.a_section_id().await;
    let reporter = app.desk(Role::Reporter).await;
    let contributor = app.desk(Role::Contributor).await;
    let story = reporter.create_story("A reporter's scoop", section).await;

    let publish = reporter.save(story, &[], "publish").await;
    let peek = contributor.get(&format!("/admin/stories/{story}")).await;
    let list = contributor.get("/admin/stories").await;
    let submit = reporter.save(story, &[], "submit").await;

    assert_eq!(publish.status, 403);
    assert_eq!(peek.status, 403);
    assert!(
        !list.text.contains("A reporter&#x27;s scoop") && !list.text.contains("A reporter's scoop")
    );
    assert_eq!(submit.status, 303, "{}", submit.text);
    assert!(
        reporter
            .get(&format!("/admin/stories/{story}"))
            .await
            .text
            .contains("In review")
    );
}

#[tokio::test]
async fn only_admins_reach_accounts_and_only_editors_the_audit_log() {
    let app = spawn_app().await;
    let reporter = app.desk(Role::Reporter).await;
    let editor = app.desk(Role::Editor).await;
    let admin = app.desk(Role::Admin).await;

    assert_eq!(reporter.get("/admin/users").await.status, 403);
    assert_eq!(reporter.get("/admin/audit").await.status, 403);
    assert_eq!(editor.get("/admin/users").await.status, 403);
    assert_eq!(editor.get("/admin/audit").await.status, 200);
    assert_eq!(
        reporter
            .post(
                "/admin/users",
                &[("email", "x@y.z"), ("name", "X"), ("role", "admin")]
            )
            .await
            .status,
        403
    );
    let created = admin
        .post(
            "/admin/users",
            &[
                ("email", "newbie@test.example"),
                ("name", "Newbie"),
                ("role", "reporter"),
            ],
        )
        .await;
    assert_eq!(created.status, 200);
    assert_eq!(created.texts("code.otp").len(), 1);
    assert!(admin.get("/admin/audit").await.text.contains("user.create"));
}

#[tokio::test]
async fn a_password_change_checks_the_current_one_and_the_length_and_is_audited() {
    let app = spawn_app().await;
    let reporter = app.desk(Role::Reporter).await;
    let admin = app.desk(Role::Admin).await;

    let short = reporter
        .post(
            "/admin/password",
            &[("current", PASSWORD), ("new", "short")],
        )
        .await;
    let wrong = reporter
        .post(
            "/admin/password",
            &[("current", "nope"), ("new", "a much longer password")],
        )
        .await;
    let refused_only = admin.get("/admin/audit").await.text;
    let good = reporter
        .post(
            "/admin/password",
            &[("current", PASSWORD), ("new", "a much longer password")],
        )
        .await;

    assert_eq!(short.status, 422);
    assert!(short.text.contains("at least 10 characters"));
    assert_eq!(wrong.status, 422);
    assert!(!refused_only.contains("user.password"), "{refused_only}");
    assert_eq!(good.location(), "/admin/password?notice=password");
    let audit = admin.get("/admin/audit").await.text;
    assert_eq!(audit.matches("user.password").count(), 1, "{audit}");
}

#[tokio::test]
async fn the_demo_prints_one_working_account_per_role() {
    let data = crate::helpers::TestData::empty().await;
    let config = data.config();
    let store = masthead::app::open_store(&config).await.expect("store");
    let media = masthead::app::open_media(&config).await.expect("media");
    let demo = demo::create_sized(
        &*store,
        media.as_ref(),
        &masthead::service::demo_accounts::DemoAccountMaker,
        demo::DemoSize::SMALL,
    )
    .await
    .expect("demo");
    store.close().await;
    let printed = demo.accounts.to_string();
    let app = crate::helpers::spawn_app_on(data).await;

    for account in &demo.accounts.0 {
        assert!(printed.contains(&account.email) && printed.contains(&account.password));
        let login = app.log_in(&account.email, &account.password).await;
        assert_eq!(
            login.location(),
            "/admin",
            "{} logs in",
            account.role.as_str()
        );
    }
    let roles: Vec<Role> = demo.accounts.0.iter().map(|account| account.role).collect();
    assert_eq!(
        roles,
        [Role::Admin, Role::Editor, Role::Reporter, Role::Contributor]
    );
}

#[tokio::test]
async fn the_story_list_pages_through_a_search() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;

    let first = editor.get("/admin/stories?q=a%20b&status=published").await;
    let second = editor
        .get("/admin/stories?page=2&status=published&q=")
        .await;

    assert_eq!(first.status, 200);
    assert_eq!(second.status, 200);
    assert!(
        second.text.contains("page=1&amp;status=published"),
        "a link back to page 1"
    );
}

#[tokio::test]
async fn newsroom_refusals_and_error_pages_are_never_stored() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;

    let anonymous = app.post_form("/admin/stories", &[("headline", "x")]).await;
    let forged = editor
        .post_without_token("/admin/stories", &[("csrf", "forged"), ("headline", "x")])
        .await;
    let forbidden = editor.get("/admin/users").await;
    let missing = editor.get("/admin/stories/999999").await;

    for (page, status) in [
        (anonymous, 303),
        (forged, 403),
        (forbidden, 403),
        (missing, 404),
    ] {
        assert_eq!(page.status, status, "{}", page.text);
        let cache = page.headers.get("cache-control");
        assert_eq!(
            cache.and_then(|value| value.to_str().ok()),
            Some("no-store, private"),
            "the {status} page"
        );
    }
}
