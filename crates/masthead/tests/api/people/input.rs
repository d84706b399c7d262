//! Bad input on the author and agency forms: each refusal names the problem, keeps what was
//! typed, and changes nothing; hostile text is kept literally and escaped.

use store::Role;

use crate::helpers::spawn_app;

/// A form's fields, in order.
type Form<'a> = Vec<(&'a str, &'a str)>;

/// How many audit lines there are: every change the newsroom makes writes one.
async fn audit_lines(app: &crate::helpers::TestApp) -> usize {
    let store = app.store().await;
    let count = store.audit_log(10_000, 0).await.expect("audit log").len();
    store.close().await;
    count
}

#[tokio::test]
async fn bad_author_forms_are_refused_with_what_was_typed() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let huge = "x".repeat(1024 * 1024);
    let many_links = (0..9)
        .map(|n| format!("https://example.org/{n}\n"))
        .collect::<String>();
    let cases: [(&str, &str, &str, &str); 11] = [
        ("name", "", "Give a name", "an empty name"),
        ("name", "   \t ", "Give a name", "a blank name"),
        (
            "name",
            huge.as_str(),
            "at most 100 characters",
            "a huge name",
        ),
        (
            "bio",
            huge.as_str(),
            "at most 1000 characters",
            "a huge bio",
        ),
        (
            "links",
            "javascript:alert(1)",
            "web address",
            "a script link",
        ),
        (
            "links",
            "/world",
            "web address",
            "a site path is not a profile",
        ),
        (
            "links",
            "mailto:a@example.org",
            "web address",
            "another scheme",
        ),
        (
            "links",
            many_links.as_str(),
            "at most 8 links",
            "too many links",
        ),
        ("image_id", "1 OR 1=1", "by its number", "a malformed photo"),
        ("image_id", "999999", "no image 999999", "an unknown photo"),
        (
            "edition_id",
            "424242",
            "Pick an edition",
            "an unknown edition",
        ),
    ];
    let before = audit_lines(&app).await;

    for (field, value, message, reason) in cases {
        let mut form = vec![("name", "Kept Name"), ("title", "Kept role line")];
        form.retain(|(name, _)| *name != field);
        form.push((field, value));
        let page = editor.post("/admin/authors", &form).await;

        assert_eq!(page.status, 422, "{reason}");
        let alert = page.texts("[role=alert]").join(" ");
        assert!(alert.contains(message), "{reason}: {alert}");
        assert_eq!(
            page.attrs("#title", "value"),
            ["Kept role line"],
            "{reason}"
        );
    }
    assert_eq!(audit_lines(&app).await, before, "nothing changed");
}

#[tokio::test]
async fn hostile_names_are_kept_literally_and_escaped() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let store = app.store().await;
    let hostile = "<script>alert(1)</script>'; DROP TABLE authors; --";

    let created = editor
        .post("/admin/authors", &[("name", hostile), ("slug", "hostile")])
        .await;
    let agency = editor
        .post(
            "/admin/agencies",
            &[("name", hostile), ("short_name", "\"><b>x")],
        )
        .await;

    assert_eq!(created.status, 303, "{}", created.text);
    assert_eq!(agency.status, 303, "{}", agency.text);
    let author = store
        .author_by_slug("hostile")
        .await
        .expect("read")
        .expect("stored");
    assert_eq!(author.name, hostile);
    for path in ["/admin/authors", "/admin/agencies", "/author/hostile"] {
        let page = editor.get(path).await;
        assert!(!page.text.contains("<script>alert"), "{path} escapes");
    }
    assert_eq!(app.get("/author/hostile").await.texts("h1"), [hostile]);
    assert!(
        store
            .all_agencies()
            .await
            .expect("agencies")
            .iter()
            .any(|a| a.name == hostile)
    );
}

#[tokio::test]
async fn bad_agency_forms_are_refused_and_names_stay_unique() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let store = app.store().await;
    let existing = store.all_agencies().await.expect("agencies").remove(0);
    let huge = "y".repeat(1024 * 1024);
    let cases: Vec<(Form, &str, &str)> = vec![
        (vec![("name", "")], "Give a name", "an empty name"),
        (
            vec![("name", huge.as_str())],
            "at most 100 characters",
            "a huge name",
        ),
        (
            vec![("name", "Wire"), ("url", "javascript:alert(1)")],
            "web address",
            "a script link",
        ),
        (
            vec![("name", "Wire"), ("logo_id", "logo")],
            "by its number",
            "a malformed logo",
        ),
        (
            vec![("name", "Wire"), ("logo_id", "999999")],
            "no image",
            "an unknown logo",
        ),
        (
            vec![("name", existing.name.as_str())],
            "Another agency",
            "a taken name",
        ),
    ];

    for (form, message, reason) in cases {
        let page = editor.post("/admin/agencies", &form).await;

        assert_eq!(page.status, 422, "{reason}");
        assert!(
            page.texts("[role=alert]").join(" ").contains(message),
            "{reason}"
        );
    }
    let rename = format!("/admin/agencies/{}", existing.id);
    let refused = editor
        .post(&rename, &[("name", "Renamed"), ("url", "ftp://x")])
        .await;
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .attrs("input[name=name]", "value")
            .contains(&"Renamed".to_string())
    );
    let saved = editor
        .post(
            &rename,
            &[
                ("name", "Renamed"),
                ("short_name", "RN"),
                ("url", "https://wire.example"),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.text);
    let agency = store
        .agencies(&[existing.id])
        .await
        .expect("read")
        .remove(0);
    assert_eq!(
        (agency.name.as_str(), agency.url.as_str()),
        ("Renamed", "https://wire.example")
    );
    let missing = editor
        .post("/admin/agencies/999999", &[("name", "Ghost")])
        .await;
    assert_eq!(missing.status, 404);
}

/// The same new author sent twice at once: one is created, the other told the slug is taken.
#[tokio::test]
async fn the_same_author_added_twice_at_once_is_created_once() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let store = app.store().await;
    let form = [("name", "Twin Writer")];

    let (first, second) = tokio::join!(
        editor.post("/admin/authors", &form),
        editor.post("/admin/authors", &form)
    );

    let mut statuses = [first.status, second.status];
    statuses.sort_unstable();
    assert_eq!(statuses, [303, 422]);
    let named = store.all_authors().await.expect("authors");
    assert_eq!(named.iter().filter(|a| a.name == "Twin Writer").count(), 1);
}
