//! The database goes away under two nodes: readers keep getting the pages the nodes have
//! cached, a newsroom save fails with a clear message and its text kept, and both nodes
//! recover by themselves once the database is back. The test runs its own PostgreSQL
//! cluster (initdb in a temporary folder, on a free port), so stopping it disturbs no one.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use store::Role;

use crate::editor::{public_path, within};
use crate::helpers::{TestData, spawn_node};

/// A private PostgreSQL cluster, stopped and removed on drop.
pub(crate) struct Cluster {
    bin: PathBuf,
    dir: tempfile::TempDir,
    port: u16,
}

/// Runs a PostgreSQL program as the `postgres` user when we are root (initdb and the
/// server refuse to run as root).
fn as_postgres(program: &Path) -> Command {
    if is_root() {
        let mut command = Command::new("runuser");
        command.args(["-u", "postgres", "--"]).arg(program);
        command
    } else {
        Command::new(program)
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port()
}

impl Cluster {
    /// Creates and starts a cluster, or none (said loudly) if PostgreSQL's server
    /// programs are not installed and `MASTHEAD_REQUIRE_POSTGRES` is not set.
    pub(crate) fn start() -> Option<Cluster> {
        let bin = std::fs::read_dir("/usr/lib/postgresql")
            .ok()
            .and_then(|versions| {
                versions
                    .filter_map(Result::ok)
                    .map(|version| version.path().join("bin"))
                    .find(|bin| bin.join("initdb").exists())
            });
        let Some(bin) = bin else {
            assert!(
                std::env::var_os("MASTHEAD_REQUIRE_POSTGRES").is_none(),
                "PostgreSQL's initdb is required but not installed"
            );
            eprintln!("SKIPPED: no PostgreSQL server programs under /usr/lib/postgresql");
            return None;
        };
        let dir = tempfile::Builder::new()
            .prefix("masthead-pg-")
            .tempdir_in("/tmp")
            .expect("temp dir");
        if is_root() {
            let chown = Command::new("chown")
                .arg("postgres:postgres")
                .arg(dir.path())
                .status();
            assert!(
                chown.is_ok_and(|status| status.success()),
                "chown the cluster folder"
            );
        }
        let initdb = as_postgres(&bin.join("initdb"))
            .args(["--auth=trust", "--username=postgres", "--no-sync", "-D"])
            .arg(dir.path().join("data"))
            .output()
            .expect("run initdb");
        assert!(
            initdb.status.success(),
            "initdb: {}",
            String::from_utf8_lossy(&initdb.stderr)
        );
        let cluster = Cluster {
            bin,
            dir,
            port: free_port(),
        };
        cluster.up();
        Some(cluster)
    }

    /// A copy of the demo newsroom in a fresh database on this cluster.
    pub(crate) async fn demo(&self) -> TestData {
        TestData::demo_on_server(&self.url())
            .await
            .expect("the demo in a database on the private cluster")
    }

    pub(crate) fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    fn pg_ctl(&self, args: &[&str]) {
        let data = self.dir.path().join("data");
        let output = as_postgres(&self.bin.join("pg_ctl"))
            .arg("-D")
            .arg(&data)
            .args(args)
            .output()
            .expect("run pg_ctl");
        assert!(
            output.status.success(),
            "pg_ctl {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }

    /// Starts the server and waits until it accepts connections.
    pub(crate) fn up(&self) {
        let options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off",
            self.port,
            self.dir.path().display()
        );
        let log = self.dir.path().join("log");
        self.pg_ctl(&["-w", "-o", &options, "-l", &log.to_string_lossy(), "start"]);
    }

    /// Stops the server at once, as a crash would (clients see their connections cut).
    pub(crate) fn down(&self) {
        self.pg_ctl(&["-w", "-m", "immediate", "stop"]);
    }
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|output| output.stdout.starts_with(b"0"))
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let data = self.dir.path().join("data");
        let _ = as_postgres(&self.bin.join("pg_ctl"))
            .arg("-D")
            .arg(&data)
            .args(["-m", "immediate", "stop"])
            .output();
    }
}

#[tokio::test]
async fn with_the_database_down_readers_get_cached_pages_and_saves_keep_their_text() {
    let Some(cluster) = Cluster::start() else {
        return;
    };
    let data = cluster.demo().await;
    let data = Arc::new(data);
    let a = spawn_node(&data, &[]).await;
    let b = spawn_node(&data, &[]).await;
    let section = a.a_section_id().await;
    let editor = a.desk(Role::Editor).await;
    let story = editor.create_story("Storm closes the port", section).await;
    editor.save(story, &[], "publish").await;
    let path = public_path(&a, story).await;
    let reader_paths = ["/".to_string(), path.clone()];
    for node in [&a, &b] {
        for page in &reader_paths {
            within(node, page, Duration::from_secs(1), |status, _| {
                status == 200
            })
            .await;
        }
    }

    // The editor page is open, as it would be in the reporter's browser.
    let words = "Ships wait outside the harbour while the storm passes.";
    let mut open_form = editor.editor_fields(story).await;
    open_form.retain(|(name, _)| name != "body");
    open_form.push(("body".into(), words.into()));
    open_form.push(("action".into(), "save".into()));
    let open_form: Vec<(&str, &str)> = open_form
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()))
        .collect();

    cluster.down();

    for node in [&a, &b] {
        for page in &reader_paths {
            assert_eq!(node.get(page).await.status, 200, "{page} from cache");
        }
    }
    let failed = editor
        .post(&format!("/admin/stories/{story}"), &open_form)
        .await;
    assert_eq!(failed.status, 503);
    assert!(
        failed.text.contains("the database is not answering"),
        "{}",
        failed.text
    );
    assert!(failed.text.contains(words), "the text is on the page");
    let resend: Vec<(String, String)> = failed
        .html()
        .select(&scraper::Selector::parse("form input[type=hidden]").expect("selector"))
        .filter_map(|input| {
            Some((
                input.value().attr("name")?.to_string(),
                input.value().attr("value")?.to_string(),
            ))
        })
        .collect();
    assert!(
        resend
            .iter()
            .any(|(name, value)| name == "body" && value == words)
    );

    cluster.up();

    // The same form, sent again as the page's button does, goes through once the nodes
    // have found the database again; B then shows the new text.
    let form: Vec<(&str, &str)> = resend
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()))
        .collect();
    let started = Instant::now();
    loop {
        let sent = editor.post(&format!("/admin/stories/{story}"), &form).await;
        if sent.status == 303 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "A did not recover: {} {}",
            sent.status,
            sent.text
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    within(&b, &path, Duration::from_secs(5), |_, text| {
        text.contains(words)
    })
    .await;
}
