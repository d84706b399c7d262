//! Job listings: editors post, edit, close and reopen them in the newsroom; readers see
//! open ones on the edition's jobs page and each at its own URL with how to apply and
//! `JobPosting` metadata; a closed listing leaves the list and its page says so. Forms are tested with
//! empty, huge, malformed, hostile and concurrent input.

use futures_util::future::join_all;
use jiff::Timestamp;
use store::Role;
use store::slug::slugify;

use crate::curation::poll;
use crate::desk::Desk;
use crate::helpers::{Page, TestApp, spawn_app};
use crate::validity::assert_valid;

const FORMS: [&str; 3] = [
    "/admin/jobs?edition=1",
    "/admin/jobs/1?edition=1",
    "/admin/jobs/1/status?edition=1",
];

fn listing<'a>(title: &'a str, closes_on: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("title", title),
        ("location", "Istanbul"),
        ("employment_type", "part_time"),
        ("closes_on", closes_on),
        (
            "description",
            "Draw maps and charts.\n\nWork with reporters.",
        ),
        (
            "apply_url",
            "https://careers.example.org/apply?role=maps&ref=site",
        ),
        ("apply_email", "jobs@example.org"),
    ]
}

/// A form with one field's value replaced (or added).
fn with<'a>(
    mut form: Vec<(&'a str, &'a str)>,
    name: &'a str,
    value: &'a str,
) -> Vec<(&'a str, &'a str)> {
    form.retain(|(field, _)| *field != name);
    form.push((name, value));
    form
}

/// Posts a listing in the default edition; returns its id.
async fn post_listing(app: &TestApp, editor: &Desk<'_>, title: &str) -> i64 {
    let answer = editor
        .post("/admin/jobs?edition=1", &listing(title, "2099-01-31"))
        .await;
    assert_eq!(answer.status, 303, "{}", answer.text);
    assert_eq!(answer.location(), "/admin/jobs?edition=1&notice=created");
    let store = app.store().await;
    let jobs = store.job_listings(1).await.expect("job listings");
    store.close().await;
    jobs.iter()
        .find(|job| job.title == title)
        .expect("posted")
        .id
}

/// The JSON-LD objects of a page.
fn json_ld(page: &Page) -> Vec<serde_json::Value> {
    page.texts("script[type='application/ld+json']")
        .iter()
        .map(|text| serde_json::from_str(text).expect("JSON-LD parses"))
        .collect()
}

/// The titles the jobs page lists.
fn listed(page: &Page) -> Vec<String> {
    page.texts(".job h3")
}

/// The public path of a demo listing that is past its closing date.
pub async fn closed_listing_path(app: &TestApp) -> String {
    let store = app.store().await;
    let jobs = store.job_listings(1).await.expect("job listings");
    store.close().await;
    let now = Timestamp::now();
    let job = jobs
        .iter()
        .find(|job| job.closed_since(now).is_some())
        .expect("the demo has a closed listing");
    format!("/jobs/{}-{}", job.id, slugify(&job.title, 80))
}

#[tokio::test]
async fn a_posted_listing_has_its_own_page_with_job_posting_metadata() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    assert!(!listed(&app.get("/jobs").await).contains(&"Graphics editor".to_string()));

    let id = post_listing(&app, &editor, "Graphics editor").await;

    let jobs = poll(&app, "/jobs", |page| {
        listed(page).contains(&"Graphics editor".to_string())
    })
    .await;
    let path = format!("/jobs/{id}-graphics-editor");
    assert!(jobs.attrs(".job h3 a", "href").contains(&path));
    let page = app.get(&path).await;
    assert_eq!(page.status, 200);
    assert_eq!(page.texts("h1"), ["Graphics editor"]);
    assert_eq!(page.texts(".story-body p").len(), 2);
    assert!(page.texts(".job-closed").is_empty());
    assert_eq!(
        page.attrs("link[rel=canonical]", "href"),
        [format!("http://masthead.test{path}")]
    );
    let posting = json_ld(&page).remove(0);
    assert_eq!(posting["@type"], "JobPosting");
    assert_eq!(posting["title"], "Graphics editor");
    assert_eq!(posting["employmentType"], "PART_TIME");
    assert_eq!(posting["validThrough"], "2099-01-31T21:00:00Z");
    assert_eq!(posting["hiringOrganization"]["@type"], "Organization");
    assert_eq!(
        posting["jobLocation"]["address"]["addressLocality"],
        "Istanbul"
    );
    assert!(posting["datePosted"].as_str().is_some());
    assert_eq!(
        posting["description"],
        "<p>Draw maps and charts.</p><p>Work with reporters.</p>"
    );
    // How to apply: online from the page (schema.org's directApply), or by email.
    assert_eq!(
        page.attrs(".job-apply a.apply-link", "href"),
        ["https://careers.example.org/apply?role=maps&ref=site"]
    );
    assert_eq!(page.texts(".apply-link"), ["Apply"]);
    assert_eq!(page.attrs(".apply-link", "rel"), ["external noopener"]);
    assert_eq!(
        page.attrs(".apply-email a", "href"),
        ["mailto:jobs@example.org"]
    );
    assert_eq!(posting["url"], format!("http://masthead.test{path}"));
    assert_eq!(posting["directApply"], true);
    assert_eq!(posting["applicationContact"]["@type"], "ContactPoint");
    assert_eq!(posting["applicationContact"]["email"], "jobs@example.org");
    // Other spellings move to the canonical path; unknown ids are not found.
    let moved = app.get(&format!("/jobs/{id}-old-title")).await;
    assert_eq!((moved.status, moved.location()), (301, path.clone()));
    let bare = app.get(&format!("/jobs/{id}")).await;
    assert_eq!((bare.status, bare.location()), (301, path));
    for missing in ["/jobs/999999-nothing", "/jobs/abc", "/jobs/0", "/jobs/-1"] {
        assert_eq!(app.get(missing).await.status, 404, "{missing}");
    }
    let other_edition = app.get(&format!("/ar/jobs/{id}-graphics-editor")).await;
    assert_eq!(other_edition.status, 404);
}

#[tokio::test]
async fn edits_closing_and_reopening_reach_readers_at_once_and_are_audited() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let id = post_listing(&app, &editor, "Sub-editor").await;
    let old_path = format!("/jobs/{id}-sub-editor");
    // Both pages are in the cache before each change.
    assert_eq!(app.get(&old_path).await.status, 200);
    assert!(listed(&app.get("/jobs").await).contains(&"Sub-editor".into()));

    let edit = format!("/admin/jobs/{id}?edition=1");
    let form = editor.get(&edit).await;
    assert_eq!(form.attrs("#job-title", "value"), ["Sub-editor"]);
    assert_eq!(form.attrs("#job-closes", "value"), ["2099-01-31"]);
    assert_eq!(
        form.attrs("#job-apply-email", "value"),
        ["jobs@example.org"]
    );
    let mut changed = listing("Chief sub-editor", "");
    changed[2] = ("employment_type", "full_time");
    assert_eq!(editor.post(&edit, &changed).await.status, 303);

    let jobs = poll(&app, "/jobs", |page| {
        listed(page).contains(&"Chief sub-editor".into())
    })
    .await;
    assert!(!listed(&jobs).contains(&"Sub-editor".into()));
    let new_path = format!("/jobs/{id}-chief-sub-editor");
    let moved = app.get(&old_path).await;
    assert_eq!((moved.status, moved.location()), (301, new_path.clone()));
    let page = app.get(&new_path).await;
    let posting = json_ld(&page).remove(0);
    assert_eq!(posting["employmentType"], "FULL_TIME");
    assert!(posting["validThrough"].is_null(), "no closing date");

    let status = format!("/admin/jobs/{id}/status?edition=1");
    assert_eq!(editor.post(&status, &[("open", "false")]).await.status, 303);
    let jobs = poll(&app, "/jobs", |page| {
        !listed(page).contains(&"Chief sub-editor".into())
    })
    .await;
    assert!(!listed(&jobs).contains(&"Chief sub-editor".into()));
    let closed = poll(&app, &new_path, |page| {
        !page.texts(".job-closed").is_empty()
    })
    .await;
    assert_eq!(closed.status, 200, "a closed listing keeps its page");
    assert_eq!(
        closed.texts(".job-closed"),
        ["This position is closed: we are no longer taking applications."]
    );
    assert!(
        json_ld(&closed).is_empty(),
        "no JobPosting for a closed one"
    );

    assert_eq!(editor.post(&status, &[("open", "true")]).await.status, 303);
    poll(&app, "/jobs", |page| {
        listed(page).contains(&"Chief sub-editor".into())
    })
    .await;
    let reopened = app.get(&new_path).await;
    assert!(reopened.texts(".job-closed").is_empty());
    assert_eq!(json_ld(&reopened).len(), 1);

    let store = app.store().await;
    let audit = store.audit_log(100, 0).await.expect("audit log");
    let actions: Vec<&str> = audit
        .iter()
        .filter(|line| line.entity == "job" && line.entity_id == Some(id))
        .map(|line| line.action.as_str())
        .collect();
    assert_eq!(
        actions,
        ["job.reopen", "job.close", "job.update", "job.create"]
    );
}

#[tokio::test]
async fn a_listing_past_its_closing_date_leaves_the_list_but_keeps_its_page() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let demo_closed = closed_listing_path(&app).await;

    let jobs = app.get("/jobs").await;
    assert!(!listed(&jobs).contains(&"Photographer".into()));
    let page = app.get(&demo_closed).await;
    assert_eq!(page.status, 200);
    assert_eq!(page.texts(".job-closed").len(), 1);
    assert!(
        page.texts(".job-apply").is_empty(),
        "no way to apply any more"
    );
    assert!(json_ld(&page).is_empty());

    // A closing date moved into the past closes it too (a new one may not start closed).
    let id = post_listing(&app, &editor, "Archivist").await;
    let refused = editor
        .post("/admin/jobs?edition=1", &listing("Too late", "2001-01-01"))
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.texts(".nr-alert")[0].contains("closing date has passed"));
    let edit = format!("/admin/jobs/{id}?edition=1");
    let answer = editor
        .post(&edit, &listing("Archivist", "2001-01-01"))
        .await;
    assert_eq!(answer.status, 303);
    let jobs = poll(&app, "/jobs", |page| {
        !listed(page).contains(&"Archivist".into())
    })
    .await;
    assert!(!listed(&jobs).contains(&"Archivist".into()));
    let admin_list = editor.get("/admin/jobs?edition=1").await;
    assert!(admin_list.text.contains("Past its closing date"));
}

#[tokio::test]
async fn arabic_listings_read_right_to_left_in_the_editions_words() {
    let app = spawn_app().await;

    let jobs = app.get("/ar/jobs").await;
    let links = jobs.attrs(".job h3 a", "href");
    assert!(!links.is_empty());
    assert!(links.iter().all(|link| link.starts_with("/ar/jobs/")));
    let page = app.get(&links[0]).await;

    assert_eq!(page.status, 200, "{}", links[0]);
    assert_eq!(page.attrs("html", "dir"), ["rtl"]);
    assert_eq!(page.attrs("html", "lang"), ["ar"]);
    assert!(
        page.texts(".job-facts dt")
            .contains(&"تاريخ النشر".to_string())
    );
    assert!(page.texts("a").contains(&"كل الوظائف الشاغرة".to_string()));
    assert_eq!(json_ld(&page)[0]["@type"], "JobPosting");
    assert!(
        page.texts(".apply-email")[0].starts_with("قدّم طلبك بالبريد الإلكتروني"),
        "the demo's listings take applications by email"
    );
    assert_eq!(json_ld(&page)[0]["directApply"], false);
}

#[tokio::test]
async fn an_arabic_listing_links_to_its_application_form_in_the_editions_words() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let form = with(listing("محرر ليلي", "2099-01-31"), "apply_email", "");

    let answer = editor.post("/admin/jobs?edition=2", &form).await;

    assert_eq!(answer.status, 303, "{}", answer.text);
    let jobs = poll(&app, "/ar/jobs", |page| {
        listed(page).contains(&"محرر ليلي".to_string())
    })
    .await;
    let store = app.store().await;
    let jobs_of_edition = store.job_listings(2).await.expect("job listings");
    let id = jobs_of_edition
        .iter()
        .find(|job| job.title == "محرر ليلي")
        .expect("posted")
        .id;
    let path = jobs
        .attrs(".job h3 a", "href")
        .into_iter()
        .find(|href| href.starts_with(&format!("/ar/jobs/{id}-")))
        .expect("its link");
    let page = app.get(&path).await;
    assert_eq!(page.texts(".apply-link"), ["قدّم طلبك"]);
    assert!(page.texts(".apply-email").is_empty());
    assert_eq!(json_ld(&page)[0]["directApply"], true);
    assert!(json_ld(&page)[0]["applicationContact"].is_null());
}

#[tokio::test]
async fn only_editors_and_admins_manage_listings() {
    let app = spawn_app().await;
    let reporter = app.desk(Role::Reporter).await;
    let admin = app.desk(Role::Admin).await;

    for path in ["/admin/jobs", "/admin/jobs/1?edition=1"] {
        assert_eq!(reporter.get(path).await.status, 403, "reporter GET {path}");
        let page = app.get(path).await;
        assert_eq!((page.status, page.location()), (303, "/admin/login".into()));
    }
    for path in FORMS {
        let mut form = listing("Sneaky", "");
        form.push(("open", "false"));
        assert_eq!(reporter.post(path, &form).await.status, 403, "{path}");
        assert_eq!(app.post_form(path, &form).await.status, 303, "{path}");
        let forged = admin.post_without_token(path, &form).await;
        assert_eq!(forged.status, 403, "no CSRF token: {path}");
    }
    assert!(
        !reporter
            .get("/admin")
            .await
            .texts(".nr-nav a")
            .contains(&"Jobs".into())
    );
    assert!(
        admin
            .get("/admin")
            .await
            .texts(".nr-nav a")
            .contains(&"Jobs".into())
    );
    assert_eq!(admin.get("/admin/jobs").await.status, 200);
    let store = app.store().await;
    let titles: Vec<String> = store
        .job_listings(1)
        .await
        .expect("job listings")
        .into_iter()
        .map(|job| job.title)
        .collect();
    assert!(!titles.contains(&"Sneaky".into()));
}

#[tokio::test]
async fn bad_listings_are_refused_with_a_message_and_the_text_kept() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let store = app.store().await;
    let before = store.job_listings(1).await.expect("job listings").len();
    let huge = "x".repeat(300);
    let huger = "y".repeat(2 << 20);
    let huge_url = format!("https://example.org/{}", "z".repeat(2 << 20));
    let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (vec![], "Give a title."),
        (listing("", "2099-01-01"), "Give a title."),
        (listing(&huge, ""), "at most 200 characters"),
        (listing("Reporter", "31/12/2099"), "YYYY-MM-DD"),
        (listing("Reporter", "2099-02-30"), "YYYY-MM-DD"),
        (
            vec![
                ("title", "Reporter"),
                ("location", "Ankara"),
                ("employment_type", "serf"),
                ("description", "Report."),
            ],
            "kind of employment",
        ),
        (
            vec![
                ("title", "Reporter"),
                ("location", "Ankara"),
                ("employment_type", "full_time"),
                ("description", &huger),
            ],
            "at most 10000 characters",
        ),
        (
            with(
                with(listing("Reporter", ""), "apply_url", ""),
                "apply_email",
                " ",
            ),
            "Say how to apply",
        ),
        (
            with(listing("Reporter", ""), "apply_url", "javascript:alert(1)"),
            "web address (https://…)",
        ),
        (
            with(listing("Reporter", ""), "apply_url", "/jobs/apply"),
            "web address (https://…)",
        ),
        (
            with(listing("Reporter", ""), "apply_url", &huge_url),
            "at most 500 characters",
        ),
        (
            with(
                listing("Reporter", ""),
                "apply_email",
                "jobs@example.org\r\nBcc: everyone@example.org",
            ),
            "one address",
        ),
        (
            with(
                listing("Reporter", ""),
                "apply_email",
                "Jobs <jobs@example.org>",
            ),
            "one address",
        ),
    ];

    for (form, message) in &cases {
        let answer = editor.post("/admin/jobs?edition=1", form).await;
        assert_eq!(answer.status, 422, "{form:?}");
        let alert = answer.texts(".nr-alert").join(" ");
        assert!(alert.contains(message), "{message}: {alert}");
        if let Some((_, title)) = form.iter().find(|(name, _)| *name == "title") {
            assert_eq!(answer.attrs("#job-title", "value"), [*title], "kept");
        }
    }
    let kept = editor
        .post("/admin/jobs?edition=1", &listing("Reporter", "soon"))
        .await;
    assert_eq!(
        kept.texts("#job-description"),
        ["Draw maps and charts. Work with reporters."]
    );
    assert_eq!(kept.attrs("#job-closes", "value"), ["soon"]);
    // Malformed requests: an id that is not one, or another edition's listing.
    let arabic = store.job_listings(2).await.expect("job listings")[0].id;
    for path in [
        format!("/admin/jobs/{arabic}?edition=1"),
        "/admin/jobs/999999?edition=1".into(),
        "/admin/jobs/x?edition=1".into(),
    ] {
        let status = editor.get(&path).await.status;
        assert!(status == 404 || status == 400, "{path}: {status}");
        let answer = editor.post(&path, &listing("Moved", "")).await;
        assert!(matches!(answer.status, 400 | 404), "{path}");
    }
    let odd = format!("/admin/jobs/{arabic}/status?edition=2");
    assert_eq!(editor.post(&odd, &[("open", "maybe")]).await.status, 400);
    assert_eq!(
        store.job_listings(1).await.expect("job listings").len(),
        before,
        "nothing was stored"
    );
}

#[tokio::test]
async fn hostile_text_is_stored_as_typed_and_shown_as_text() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let xss = "<script>alert(1)</script></title>\"'";
    let sql = "Robert'); DROP TABLE job_listings;--";

    let form = [
        ("title", xss),
        ("location", sql),
        ("employment_type", "contract"),
        ("closes_on", ""),
        ("description", "</script><img src=x onerror=alert(1)>"),
        (
            "apply_url",
            "https://example.org/\"onmouseover=alert(1)//<b>",
        ),
        // Valid, but in a mailto: link `?` would start headers: it is escaped.
        ("apply_email", "a?cc=victim@example.org"),
    ];
    assert_eq!(
        editor.post("/admin/jobs?edition=1", &form).await.status,
        303
    );

    let jobs = poll(&app, "/jobs", |page| {
        listed(page).contains(&xss.to_string())
    })
    .await;
    assert!(listed(&jobs).contains(&xss.to_string()));
    let path = jobs
        .attrs(".job h3 a", "href")
        .into_iter()
        .find(|href| href.contains("script-alert-1-script-title"))
        .expect("its link");
    let page = app.get(&path).await;
    assert_eq!(page.texts("h1"), [xss]);
    assert_eq!(page.texts(".job-meta"), [format!("{sql} · Contract")]);
    assert!(!page.text.contains("<script>alert"));
    assert!(!page.text.contains("<img src=x"));
    assert!(!page.text.contains("\"onmouseover"));
    assert_eq!(
        page.attrs(".apply-link", "href"),
        ["https://example.org/\"onmouseover=alert(1)//<b>"]
    );
    assert_eq!(
        page.attrs(".apply-email a", "href"),
        ["mailto:a%3Fcc%3Dvictim@example.org"]
    );
    let posting = json_ld(&page).remove(0);
    assert_eq!(posting["title"], xss);
    assert_eq!(
        posting["description"],
        "<p>&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</p>"
    );
    assert!(
        !editor
            .get("/admin/jobs")
            .await
            .text
            .contains("<script>alert")
    );
}

#[tokio::test]
async fn concurrent_posts_and_edits_each_land_once() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let store = app.store().await;
    let before = store.job_listings(1).await.expect("job listings").len();

    let titles: Vec<String> = (0..12).map(|n| format!("Desk assistant {n}")).collect();
    let posts = titles.iter().map(|title| {
        let editor = &editor;
        async move {
            editor
                .post("/admin/jobs?edition=1", &listing(title, ""))
                .await
                .status
        }
    });
    let statuses = join_all(posts).await;
    assert!(statuses.iter().all(|status| *status == 303), "{statuses:?}");
    let jobs = store.job_listings(1).await.expect("job listings");
    assert_eq!(jobs.len(), before + titles.len());
    for title in &titles {
        assert_eq!(jobs.iter().filter(|job| &job.title == title).count(), 1);
    }

    let id = jobs[0].id;
    let edit = format!("/admin/jobs/{id}?edition=1");
    let edits = titles.iter().map(|title| {
        let (editor, edit) = (&editor, &edit);
        async move { editor.post(edit, &listing(title, "")).await.status }
    });
    let statuses = join_all(edits).await;
    assert!(statuses.iter().all(|status| *status == 303), "{statuses:?}");
    let now = store.job_listing(id).await.expect("read").expect("there");
    assert!(titles.contains(&now.title));
    let path = format!("/jobs/{id}-{}", slugify(&now.title, 80));
    let page = poll(&app, &path, |page| page.texts("h1") == [now.title.as_str()]).await;
    assert_eq!(page.texts("h1"), [now.title.as_str()]);
}

#[tokio::test]
async fn the_jobs_pages_of_the_newsroom_are_valid_html() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let dir = tempfile::tempdir().expect("temp dir");
    let refused = editor
        .post("/admin/jobs?edition=1", &listing("", "bad"))
        .await;
    let paths: Vec<String> = vec![
        "/admin/jobs".into(),
        "/admin/jobs?edition=2".into(),
        "/admin/jobs/1?edition=1".into(),
    ];

    std::fs::write(dir.path().join("refused.html"), &refused.text).expect("write");
    for (index, path) in paths.iter().enumerate() {
        let page = editor.get(path).await;
        assert_eq!(page.status, 200, "{path}");
        std::fs::write(dir.path().join(format!("page{index}.html")), &page.text).expect("write");
    }
    assert_valid(dir.path(), &paths);
}
