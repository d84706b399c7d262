//! Every typed newsroom form sent with a field twice: the newsroom answers `400` with a
//! page that names the field, and changes nothing.

use store::{MediaQuery, Role};

use crate::desk::PASSWORD;
use crate::helpers::spawn_app;

/// How many audit lines there are: every change the newsroom makes writes one.
async fn changes(app: &crate::helpers::TestApp) -> usize {
    let store = app.store().await;
    let count = store.audit_log(10_000, 0).await.expect("audit log").len();
    store.close().await;
    count
}

#[tokio::test]
async fn a_field_sent_twice_is_refused_by_name_and_changes_nothing() {
    let app = spawn_app().await;
    let admin = app.desk(Role::Admin).await;
    let other = app.desk(Role::Reporter).await;
    let store = app.store().await;
    let section = app.a_section_id().await;
    let menu_item = store.menu_items(1).await.expect("menus")[0].id;
    let topic = store.edition_topics(1).await.expect("topics")[0].id;
    let job = store.job_listings(1).await.expect("job listings")[0].id;
    let image = store
        .library(&MediaQuery {
            search: None,
            limit: 1,
            offset: 0,
        })
        .await
        .expect("library")[0]
        .image
        .id;
    store.close().await;
    let before = changes(&app).await;

    let forms: Vec<(String, Vec<(&str, &str)>)> = vec![
        (
            "/admin/menus?edition=1".into(),
            vec![("label", "One"), ("label", "Two"), ("url", "/world")],
        ),
        (
            format!("/admin/menus/{menu_item}/move?edition=1"),
            vec![("direction", "up"), ("direction", "down")],
        ),
        (
            "/admin/users".into(),
            vec![
                ("email", "twice@test.example"),
                ("name", "One"),
                ("name", "Two"),
                ("role", "reporter"),
            ],
        ),
        (
            format!("/admin/users/{}", other.user_id),
            vec![("role", "editor"), ("role", "admin")],
        ),
        (
            "/admin/topics?edition=1".into(),
            vec![("name", "One"), ("name", "Two"), ("slug", "twice")],
        ),
        (
            format!("/admin/topics/{topic}?edition=1"),
            vec![("name", "One"), ("slug", "one"), ("slug", "two")],
        ),
        (
            "/admin/sections?edition=1".into(),
            vec![("name", "One"), ("slug", "one"), ("slug", "two")],
        ),
        (
            format!("/admin/sections/{section}/move?edition=1"),
            vec![("direction", "up"), ("direction", "down")],
        ),
        (
            "/admin/authors".into(),
            vec![("name", "One"), ("name", "Two")],
        ),
        (
            "/admin/authors/1/merge".into(),
            vec![("into", "2"), ("into", "3")],
        ),
        (
            "/admin/agencies/1".into(),
            vec![
                ("name", "One"),
                ("url", "https://a.example"),
                ("url", "https://b.example"),
            ],
        ),
        (
            "/admin/keywords/merge?edition=1".into(),
            vec![("from", "a"), ("from", "b"), ("into", "c")],
        ),
        (
            "/admin/fronts/pin?edition=1".into(),
            vec![
                ("slot", "lead"),
                ("position", "0"),
                ("story", "1"),
                ("story", "2"),
            ],
        ),
        (
            "/admin/breaking?edition=1".into(),
            vec![("text", "One"), ("text", "Two"), ("expires", "60")],
        ),
        (
            "/admin/jobs?edition=1".into(),
            vec![("title", "One"), ("title", "Two"), ("location", "Here")],
        ),
        (
            format!("/admin/jobs/{job}?edition=1"),
            vec![("title", "One"), ("description", "a"), ("description", "b")],
        ),
        (
            format!("/admin/jobs/{job}/status?edition=1"),
            vec![("open", "true"), ("open", "false")],
        ),
        (
            format!("/admin/media/{image}"),
            vec![("caption", "One"), ("caption", "Two")],
        ),
        (
            "/admin/password".into(),
            vec![
                ("current", PASSWORD),
                ("new", "a much longer password"),
                ("new", "another long password"),
            ],
        ),
    ];
    for (path, form) in &forms {
        let field = form
            .iter()
            .find(|(name, _)| form.iter().filter(|(other, _)| other == name).count() > 1)
            .expect("a repeated field")
            .0;
        let answer = admin.post(path, form).await;
        assert_eq!(answer.status, 400, "{path}: {}", answer.text);
        let page = answer.text;
        assert!(
            page.contains("could not be read") && page.contains(field),
            "{path} names {field}: {page}"
        );
    }

    let twice = app
        .post_login(&[
            ("email", "nobody@test.example"),
            ("email", "other@test.example"),
            ("password", PASSWORD),
        ])
        .await;
    assert_eq!(twice.status, 400, "{}", twice.text);

    assert_eq!(changes(&app).await, before, "nothing changed");
}
