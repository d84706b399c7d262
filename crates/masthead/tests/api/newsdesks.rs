//! Newsroom desks: administrators keep them at `/admin/newsdesks` (others get 403); a desk's
//! sections narrow the story list (`desk=`), the "on my desks" review view and the
//! dashboard's review block, and decide where a member's new story starts.

use store::{NewAuditEntry, Role};

use crate::helpers::{TestApp, spawn_app};

fn audit() -> NewAuditEntry {
    NewAuditEntry {
        user_id: None,
        action: "news_desk.test".into(),
        entity: "news_desk".into(),
        entity_id: None,
        detail: String::new(),
    }
}

/// The default edition's id and two of its subsections (where stories live).
pub async fn edition_and_sections(app: &TestApp) -> (i64, i64, i64) {
    let store = app.store().await;
    let edition = store.editions().await.expect("editions").remove(0).id;
    let sections = store.sections(edition).await.expect("sections");
    store.close().await;
    let mut leaves = sections.iter().filter(|s| s.parent_id.is_some());
    let first = leaves.next().expect("a subsection").id;
    let second = leaves.next().expect("another subsection").id;
    (edition, first, second)
}

/// Makes a desk over `sections` with `members`; returns its id.
pub async fn a_desk(
    app: &TestApp,
    edition: i64,
    name: &str,
    sections: &[i64],
    members: &[i64],
) -> i64 {
    let store = app.store().await;
    let id = store
        .create_news_desk(edition, name, &audit())
        .await
        .expect("desk");
    store
        .set_news_desk_sections(id, sections, &audit())
        .await
        .expect("sections");
    store
        .set_news_desk_members(id, members, &audit())
        .await
        .expect("members");
    store.close().await;
    id
}

#[tokio::test]
async fn an_administrator_creates_a_desk_fills_it_and_deletes_it_after_a_confirmation_step() {
    let app = spawn_app().await;
    let (edition, first, second) = edition_and_sections(&app).await;
    let admin = app.desk(Role::Admin).await;
    let reporter = app.desk(Role::Reporter).await;
    let edition_id = edition.to_string();

    let created = admin
        .post(
            "/admin/newsdesks",
            &[("name", "  Sport   desk "), ("edition", &edition_id)],
        )
        .await;
    let page_url = created.location();
    let desk_url = page_url.split('?').next().expect("path").to_string();
    let (first_id, second_id, member) = (
        first.to_string(),
        second.to_string(),
        reporter.user_id.to_string(),
    );
    let sections = admin
        .post(
            &format!("{desk_url}/sections"),
            &[("section", &first_id), ("section", &second_id)],
        )
        .await;
    let members = admin
        .post(&format!("{desk_url}/members"), &[("member", &member)])
        .await;
    let renamed = admin
        .post(&format!("{desk_url}/name"), &[("name", "Sports desk")])
        .await;
    let list = admin.get("/admin/newsdesks").await;
    let desk_page = admin.get(&desk_url).await;
    let confirm = admin.get(&format!("{desk_url}/delete")).await;
    let deleted = admin.post(&format!("{desk_url}/delete"), &[]).await;
    let after = admin.get("/admin/newsdesks").await;

    assert_eq!(created.status, 303, "{}", created.text);
    assert_eq!(
        (sections.status, members.status, renamed.status),
        (303, 303, 303)
    );
    assert!(list.text.contains("Sports desk"), "{}", list.text);
    assert!(list.text.contains("Test Person"), "{}", list.text);
    assert_eq!(
        desk_page
            .attrs("input[name=section][checked]", "value")
            .len(),
        2
    );
    assert_eq!(
        desk_page.attrs("input[name=member][checked]", "value"),
        vec![member]
    );
    assert_eq!(confirm.status, 200);
    assert!(confirm.text.contains("Delete the desk"), "{}", confirm.text);
    assert_eq!(deleted.status, 303);
    assert!(!after.text.contains("Sports desk"));
    assert!(
        after.text.contains("href=\"/admin/newsdesks\""),
        "the navigation links the desks"
    );
}

#[tokio::test]
async fn editors_and_reporters_are_refused_the_desk_pages() {
    let app = spawn_app().await;
    let (edition, first, _) = edition_and_sections(&app).await;
    let desk = a_desk(&app, edition, "Night desk", &[first], &[]).await;
    let edition_id = edition.to_string();

    for role in [Role::Editor, Role::Reporter, Role::Contributor] {
        let someone = app.desk(role).await;
        let list = someone.get("/admin/newsdesks").await;
        let page = someone.get(&format!("/admin/newsdesks/{desk}")).await;
        let create = someone
            .post(
                "/admin/newsdesks",
                &[("name", "Mine"), ("edition", &edition_id)],
            )
            .await;
        let delete = someone
            .post(&format!("/admin/newsdesks/{desk}/delete"), &[])
            .await;
        let dashboard = someone.get("/admin").await;

        assert_eq!(
            (list.status, page.status, create.status, delete.status),
            (403, 403, 403, 403),
            "{role:?}"
        );
        assert!(!dashboard.text.contains("href=\"/admin/newsdesks\""));
    }
}

/// A refused form: where it goes, its fields, the status expected and why.
type Case<'a> = (&'a str, Vec<(&'a str, &'a str)>, u16, &'a str);

#[tokio::test]
async fn bad_and_hostile_desk_forms_get_a_clear_refusal() {
    let app = spawn_app().await;
    let (edition, first, _) = edition_and_sections(&app).await;
    let desk = a_desk(&app, edition, "Night desk", &[first], &[]).await;
    let admin = app.desk(Role::Admin).await;
    let edition_id = edition.to_string();
    let long = "x".repeat(81);
    let cases: Vec<Case> = vec![
        (
            "/admin/newsdesks",
            vec![("name", "  "), ("edition", &edition_id)],
            422,
            "no name",
        ),
        (
            "/admin/newsdesks",
            vec![("name", &long), ("edition", &edition_id)],
            422,
            "too long",
        ),
        (
            "/admin/newsdesks",
            vec![("name", "NIGHT DESK"), ("edition", &edition_id)],
            422,
            "taken",
        ),
        (
            "/admin/newsdesks",
            vec![("name", "A"), ("edition", "1 OR 1=1")],
            400,
            "SQL edition",
        ),
        (
            "/admin/newsdesks",
            vec![("name", "A"), ("edition", "999999")],
            400,
            "no edition",
        ),
        (
            "/admin/newsdesks/{desk}/sections",
            vec![("section", "../../etc/passwd")],
            422,
            "path id",
        ),
        (
            "/admin/newsdesks/{desk}/sections",
            vec![("section", "999999")],
            422,
            "no section",
        ),
        (
            "/admin/newsdesks/{desk}/members",
            vec![("member", "-4")],
            422,
            "bad member",
        ),
        (
            "/admin/newsdesks/999999/name",
            vec![("name", "Ghost")],
            404,
            "no desk",
        ),
        (
            "/admin/newsdesks/abc/name",
            vec![("name", "Ghost")],
            400,
            "bad desk id",
        ),
    ];

    for (path, form, status, reason) in cases {
        let path = path.replace("{desk}", &desk.to_string());
        let answer = admin.post(&path, &form).await;
        assert_eq!(answer.status, status, "{reason}: {}", answer.text);
    }
    let hostile = admin
        .post(
            "/admin/newsdesks",
            &[
                ("name", "<script>alert(1)</script>"),
                ("edition", &edition_id),
            ],
        )
        .await;
    let list = admin.get("/admin/newsdesks").await;
    assert_eq!(hostile.status, 303);
    assert!(!list.text.contains("<script>alert(1)"), "escaped");
    assert!(
        list.text.contains("&lt;script&gt;alert(1)"),
        "{}",
        list.text
    );
}

#[tokio::test]
async fn the_story_list_filters_by_desk_and_refuses_a_bad_desk() {
    let app = spawn_app().await;
    let (edition, first, second) = edition_and_sections(&app).await;
    let desk = a_desk(&app, edition, "Night desk", &[first], &[]).await;
    let editor = app.desk(Role::Editor).await;
    editor
        .create_story("Zebra crossing on the desk", first)
        .await;
    editor
        .create_story("Zebra crossing off the desk", second)
        .await;

    let on_desk = editor
        .get(&format!(
            "/admin/stories?desk={desk}&author={}",
            editor.user_id
        ))
        .await;
    let bad = editor.get("/admin/stories?desk=%3Cscript%3E").await;

    assert_eq!(on_desk.status, 200, "{}", on_desk.text);
    assert!(on_desk.text.contains("Zebra crossing on the desk"));
    assert!(!on_desk.text.contains("Zebra crossing off the desk"));
    assert_eq!(bad.status, 400);
    assert!(bad.text.contains("is not a desk"), "{}", bad.text);
}

#[tokio::test]
async fn waiting_for_review_on_my_desks_keeps_to_the_desks_and_says_so_on_no_desk() {
    let app = spawn_app().await;
    let (edition, first, second) = edition_and_sections(&app).await;
    let on_desk = app.desk(Role::Editor).await;
    let no_desk = app.desk(Role::Editor).await;
    let reporter = app.desk(Role::Reporter).await;
    a_desk(&app, edition, "Night desk", &[first], &[on_desk.user_id]).await;
    let inside = reporter.create_story("Quokka inside the desk", first).await;
    let outside = reporter
        .create_story("Quokka outside the desk", second)
        .await;
    for story in [inside, outside] {
        let sent = reporter.save(story, &[], "submit").await;
        assert_eq!(sent.status, 303, "{}", sent.text);
    }
    let view = "/admin/stories?status=in_review&desk=mine";
    let review = |page: &crate::helpers::Page| {
        page.texts("section[aria-labelledby=review-title]")
            .join(" ")
    };

    let mine = on_desk.get(view).await;
    let everything = no_desk.get(view).await;
    let mine_dashboard = on_desk.get("/admin").await;
    let everything_dashboard = no_desk.get("/admin").await;

    assert!(
        mine.text.contains("Quokka inside the desk"),
        "{}",
        mine.text
    );
    assert!(!mine.text.contains("Quokka outside the desk"));
    assert!(mine.text.contains("On your desks: Night desk"));
    assert!(everything.text.contains("Quokka inside the desk"));
    assert!(everything.text.contains("Quokka outside the desk"));
    assert!(
        everything.text.contains("You are on no desk"),
        "{}",
        everything.text
    );
    assert!(mine.text.contains("Waiting for review on my desks"));
    assert!(review(&mine_dashboard).contains("Quokka inside the desk"));
    assert!(!review(&mine_dashboard).contains("Quokka outside the desk"));
    assert!(
        everything_dashboard
            .text
            .contains("Quokka outside the desk")
    );
    assert!(review(&everything_dashboard).contains("You are on no desk"));
}

#[tokio::test]
async fn a_new_story_starts_in_the_desks_first_section_else_the_editions_first() {
    let app = spawn_app().await;
    let (edition, _, second) = edition_and_sections(&app).await;
    let member = app.desk(Role::Reporter).await;
    let loner = app.desk(Role::Reporter).await;
    a_desk(&app, edition, "Night desk", &[second], &[member.user_id]).await;
    let store = app.store().await;
    let sections = store.sections(edition).await.expect("sections");
    store.close().await;
    let first_top = sections
        .iter()
        .find(|s| s.parent_id.is_none())
        .expect("top");

    let on_desk = member
        .get(&format!("/admin/stories/new?edition={edition}"))
        .await;
    let no_desk = loner
        .get(&format!("/admin/stories/new?edition={edition}"))
        .await;
    let page = loner
        .get(&format!("/admin/stories/new?edition={edition}&kind=page"))
        .await;

    let picked = |page: &crate::helpers::Page| page.attrs("#section_id option[selected]", "value");
    assert_eq!(picked(&on_desk), vec![second.to_string()]);
    assert!(
        on_desk.texts("#section-note")[0].contains("your desk's first section"),
        "{}",
        on_desk.text
    );
    assert_eq!(picked(&no_desk), vec![first_top.id.to_string()]);
    assert!(no_desk.texts("#section-note")[0].contains("the edition's first section"));
    assert!(picked(&page).is_empty(), "a static page keeps no section");
}

#[tokio::test]
async fn a_deleted_section_drops_out_of_its_desk() {
    let app = spawn_app().await;
    let (edition, first, _) = edition_and_sections(&app).await;
    let store = app.store().await;
    let fresh = store
        .create_section(&store::NewSection {
            edition_id: edition,
            parent_id: None,
            slug: "short-lived".into(),
            name: "Short-lived".into(),
            description: String::new(),
            position: 999,
        })
        .await
        .expect("section");
    store.close().await;
    let desk = a_desk(&app, edition, "Night desk", &[first, fresh], &[]).await;

    app.sabotage(&format!("DELETE FROM sections WHERE id = {fresh}"))
        .await;
    let store = app.store().await;
    let left = store.news_desk(desk).await.expect("read").expect("desk");
    store.close().await;

    assert_eq!(left.section_ids, vec![first]);
}

#[tokio::test]
async fn the_desk_pages_and_what_they_add_elsewhere_are_valid_html() {
    let app = spawn_app().await;
    let (edition, first, _) = edition_and_sections(&app).await;
    let admin = app.desk(Role::Admin).await;
    let desk = a_desk(&app, edition, "Night desk", &[first], &[admin.user_id]).await;
    let paths = vec![
        "/admin/newsdesks".to_string(),
        format!("/admin/newsdesks/{desk}"),
        format!("/admin/newsdesks/{desk}/delete"),
        "/admin/stories?status=in_review&desk=mine".to_string(),
        "/admin".to_string(),
        format!("/admin/stories/new?edition={edition}"),
    ];
    let dir = tempfile::tempdir().expect("temp dir");

    for (index, path) in paths.iter().enumerate() {
        let page = admin.get(path).await;
        assert_eq!(page.status, 200, "{path}: {}", page.text);
        std::fs::write(dir.path().join(format!("page{index}.html")), &page.text).expect("write");
    }

    crate::validity::assert_valid(dir.path(), &paths);
}
