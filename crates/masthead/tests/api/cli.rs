//! The command line as a user runs it: help, version, migrate, demo reuse, bad settings,
//! a theme folder that overrides one template, and a search reindex beside the server.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use crate::helpers::{copy_of_demo, spawn_app_with};

fn masthead() -> Command {
    Command::new(env!("CARGO_BIN_EXE_masthead"))
}

#[test]
fn every_command_has_help_and_the_binary_has_a_version() {
    let version = masthead().arg("--version").output().expect("run");
    let help = masthead().arg("--help").output().expect("run");
    let demo_help = masthead().args(["demo", "--help"]).output().expect("run");

    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("masthead {}", env!("CARGO_PKG_VERSION"))
    );
    let help = String::from_utf8_lossy(&help.stdout);
    for command in ["demo", "serve", "migrate", "reindex"] {
        assert!(help.contains(command), "{command} missing from --help");
    }
    let demo_help = String::from_utf8_lossy(&demo_help.stdout);
    for flag in ["--addr", "--data", "--theme", "--config"] {
        assert!(demo_help.contains(flag), "{flag} missing from demo --help");
    }
}

#[test]
fn migrate_creates_the_database_in_the_data_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("newsroom");

    let output = masthead()
        .args(["migrate", "--data"])
        .arg(&data)
        .output()
        .expect("run");

    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(data.join("masthead.db").exists());
    assert!(String::from_utf8_lossy(&output.stdout).contains("up to date"));
}

#[test]
fn a_bad_setting_stops_the_server_with_its_name() {
    let dir = tempfile::tempdir().expect("temp dir");

    let output = masthead()
        .args(["serve", "--data"])
        .arg(dir.path())
        .env("MASTHEAD__PAGE_SIZE", "0")
        .output()
        .expect("run");

    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("page_size"));
}

#[tokio::test]
async fn a_second_demo_run_reuses_the_newsroom() {
    let data = copy_of_demo().await;

    let mut command = masthead();
    if let Some(url) = data.database_url() {
        command.env("MASTHEAD_DATABASE_URL", url);
    }
    let mut child = command
        .args(["demo", "--addr", "127.0.0.1:0", "--data"])
        .arg(data.path())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run");
    let mut first_line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut first_line)
        .expect("read");
    child.kill().expect("stop");
    let _ = child.wait();

    assert!(
        first_line.starts_with("Masthead is serving at http://127.0.0.1:"),
        "{first_line}"
    );
}

#[tokio::test]
async fn a_theme_folder_overrides_one_template_file() {
    let theme = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(theme.path().join("templates/pages")).expect("mkdir");
    std::fs::write(
        theme.path().join("templates/pages/error.html"),
        "{% extends \"layouts/base.html\" %}{% block content %}<h1>Our own 404</h1>{% endblock %}",
    )
    .expect("write");
    let theme_dir = theme.path().to_path_buf();
    let app = spawn_app_with(move |config| config.theme_dir = Some(theme_dir)).await;

    let missing = app.get("/no-such-page").await;
    let home = app.get("/").await;

    assert_eq!(missing.texts("h1"), ["Our own 404"]);
    assert!(
        !missing.texts(".mega-top a").is_empty(),
        "the base layout is still the built-in one"
    );
    assert_eq!(home.status, 200);
}

fn run_ok(command: &mut Command) -> String {
    let output = command.output().expect("run");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn accounts_are_managed_from_the_command_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().to_str().expect("utf-8 path");

    let added = run_ok(masthead().args([
        "user",
        "add",
        "--data",
        data,
        "--email",
        "Ed@Example.org",
        "--name",
        "Ed Itor",
        "--role",
        "editor",
    ]));
    let mut with_password = masthead()
        .args([
            "user",
            "add",
            "--data",
            data,
            "--email",
            "rep@example.org",
            "--name",
            "Rep",
            "--role",
            "reporter",
            "--password-stdin",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run");
    use std::io::Write as _;
    with_password
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"a long enough password\n")
        .expect("write");
    let typed = with_password.wait_with_output().expect("wait");
    run_ok(masthead().args([
        "user",
        "set-role",
        "--data",
        data,
        "--email",
        "rep@example.org",
        "--role",
        "admin",
    ]));
    run_ok(masthead().args([
        "user",
        "disable",
        "--data",
        data,
        "--email",
        "ed@example.org",
    ]));
    let list = run_ok(masthead().args(["user", "list", "--data", data]));
    let duplicate = masthead()
        .args([
            "user",
            "add",
            "--data",
            data,
            "--email",
            "ed@example.org",
            "--name",
            "Again",
            "--role",
            "editor",
        ])
        .output()
        .expect("run");
    let bad_role = masthead()
        .args([
            "user",
            "add",
            "--data",
            data,
            "--email",
            "x@example.org",
            "--name",
            "X",
            "--role",
            "boss",
        ])
        .output()
        .expect("run");

    assert!(added.contains("One-time password: "), "{added}");
    assert!(typed.status.success());
    assert!(!String::from_utf8_lossy(&typed.stdout).contains("One-time"));
    assert!(
        list.contains("editor       disabled  ed@example.org"),
        "{list}"
    );
    assert!(
        list.contains("admin        active    rep@example.org"),
        "{list}"
    );
    assert!(String::from_utf8_lossy(&duplicate.stderr).contains("already has an account"));
    assert!(String::from_utf8_lossy(&bad_role.stderr).contains("is not a role"));
}

#[tokio::test]
async fn reindex_rebuilds_the_search_index_while_the_site_serves() {
    let app = spawn_app_with(|_| {}).await;

    let mut command = masthead();
    if let Some(url) = app.config().database_url {
        command.env("MASTHEAD_DATABASE_URL", url);
    }
    let output = command
        .args(["reindex", "--data"])
        .arg(app.data_dir())
        .output()
        .expect("run");

    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("stories indexed"),
        "a progress bar"
    );
    let counts = app.store().await.index_counts().await.expect("counts");
    assert!(counts.stories > 0);
    assert!(
        stdout.contains(&format!("Indexed {} stories", counts.stories)),
        "{stdout}"
    );
    assert_eq!(counts.documents, counts.stories);
    assert!(app.get("/").await.status == 200, "the site serves on");
}
