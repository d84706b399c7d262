//! `spawn_app()` and the client helpers every test uses.
//!
//! Tests run on SQLite unless `MASTHEAD_TEST_BACKEND=postgres`: then each test's newsroom
//! lives in its own scratch PostgreSQL database (on `MASTHEAD_TEST_POSTGRES`, default the
//! local server), dropped when the test ends. `.ci/run` runs the suite both ways. Scratch
//! databases are copies of templates made once per test run (see `test_support`): a
//! migrated one, and one holding the small demo.

use std::path::{Path, PathBuf};

use anyhow::Context;
use masthead::app::{App, open_media, open_store};
use masthead::config::Config;
use masthead::service::demo_accounts::DemoAccountMaker;
use masthead::service::search::SearchService;
use scraper::{Html, Selector};
use test_support::{ScratchDatabase, test_server};
use tokio::sync::OnceCell;

/// A small demo newsroom on SQLite made once per test process; each test gets its own
/// copy.
static TEMPLATE: OnceCell<PathBuf> = OnceCell::const_new();

async fn template() -> &'static Path {
    TEMPLATE
        .get_or_init(|| async {
            // Under target/, so that `cargo clean` removes it with everything else.
            let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
                .join(format!("demo-template-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            let config = Config::for_tests(&dir);
            let store = open_store(&config).await.expect("open template store");
            let media = open_media(&config).await.expect("open template media");
            demo::create_sized(
                &*store,
                media.as_ref(),
                &DemoAccountMaker,
                demo::DemoSize::SMALL,
            )
            .await
            .expect("create the small demo");
            build_search_index(&*store)
                .await
                .expect("index the small demo");
            store.close().await;
            dir
        })
        .await
}

/// Builds a test newsroom's search index as `masthead reindex` does, so that the app
/// starts with it complete instead of building it in the background (the demo template's,
/// so that no test copy builds its own).
pub async fn build_search_index(store: &dyn store::Store) -> anyhow::Result<()> {
    SearchService::new()
        .rebuild(store, &mut |_, _| {})
        .await
        .context("building the search index")?;
    Ok(())
}

/// The media of this run's demo template on `server` (one folder per server: tests may
/// run their own servers). Under target/, so that `cargo clean` removes it.
fn demo_media(server: &str) -> PathBuf {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    server.hash(&mut hasher);
    Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "demo-media-{}-{:016x}",
        test_support::run_id(),
        hasher.finish()
    ))
}

/// Copies a folder's files and subfolders, except SQLite's `-wal` and `-shm` files: the
/// template is never written after it is made, but tests on PostgreSQL open it to copy
/// from, and those files come and go meanwhile.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with("-wal") || name.ends_with("-shm") {
            continue;
        }
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// Whether this run's tests use PostgreSQL.
pub fn on_postgres() -> bool {
    std::env::var("MASTHEAD_TEST_BACKEND").is_ok_and(|backend| backend == "postgres")
}

/// A test newsroom's data: its folder (media, and the SQLite file) and, on PostgreSQL,
/// its scratch database. Both go when this is dropped.
pub struct TestData {
    dir: tempfile::TempDir,
    database: Option<ScratchDatabase>,
}

impl TestData {
    /// An empty newsroom on this run's backend.
    pub async fn empty() -> TestData {
        if on_postgres() {
            let server = test_server();
            TestData::on_server(&server)
                .await
                .unwrap_or_else(|error| panic!("PostgreSQL at {server}: {error}"))
        } else {
            TestData {
                dir: tempfile::tempdir().expect("temp dir"),
                database: None,
            }
        }
    }

    /// An empty newsroom in a scratch database on a PostgreSQL server.
    pub async fn on_server(server: &str) -> Result<TestData, String> {
        let database = ScratchDatabase::migrated(server)
            .await
            .map_err(|error| error.to_string())?;
        Ok(TestData {
            dir: tempfile::tempdir().expect("temp dir"),
            database: Some(database),
        })
    }

    /// The small demo newsroom in a scratch database on a PostgreSQL server: a copy of
    /// this run's demo template there, which the first test to need it draws (drawing the
    /// demo for every test would take a minute each), and of the template's media.
    pub async fn demo_on_server(server: &str) -> Result<TestData, String> {
        let media = demo_media(server);
        let drawn_into = media.clone();
        let database = ScratchDatabase::from_template(server, "demo", |url| async move {
            // Left by a test process that died while drawing.
            let _ = std::fs::remove_dir_all(&drawn_into);
            let config = Config {
                database_url: Some(url),
                ..Config::for_tests(&drawn_into)
            };
            let store = open_store(&config).await?;
            let media = open_media(&config).await?;
            demo::create_sized(
                &*store,
                media.as_ref(),
                &DemoAccountMaker,
                demo::DemoSize::SMALL,
            )
            .await?;
            build_search_index(&*store).await?;
            store.close().await;
            Ok(())
        })
        .await
        .map_err(|error| error.to_string())?;
        let data = TestData {
            dir: tempfile::tempdir().expect("temp dir"),
            database: Some(database),
        };
        copy_dir(&media.join("media"), &data.path().join("media"));
        Ok(data)
    }

    /// An empty scratch database on the test server, for tests that need PostgreSQL
    /// whatever the run's backend. None, said loudly, when the server cannot be reached,
    /// unless `MASTHEAD_REQUIRE_POSTGRES` is set (as `.ci/run` does).
    pub async fn empty_on_postgres() -> Option<TestData> {
        let server = test_server();
        match TestData::on_server(&server).await {
            Ok(data) => Some(data),
            Err(error) if std::env::var_os("MASTHEAD_REQUIRE_POSTGRES").is_none() => {
                eprintln!("SKIPPED: PostgreSQL is not reachable at {server} ({error})");
                None
            }
            Err(error) => panic!("PostgreSQL is required but not reachable at {server}: {error}"),
        }
    }

    /// The small demo newsroom in a scratch database on the test server; see
    /// [`TestData::empty_on_postgres`].
    pub async fn demo_on_postgres() -> Option<TestData> {
        let server = test_server();
        match TestData::demo_on_server(&server).await {
            Ok(data) => Some(data),
            Err(error) if std::env::var_os("MASTHEAD_REQUIRE_POSTGRES").is_none() => {
                eprintln!("SKIPPED: PostgreSQL is not reachable at {server} ({error})");
                None
            }
            Err(error) => panic!("PostgreSQL is required but not reachable at {server}: {error}"),
        }
    }

    /// The data folder.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The PostgreSQL database URL, on PostgreSQL.
    pub fn database_url(&self) -> Option<&str> {
        self.database.as_ref().map(ScratchDatabase::url)
    }

    /// Runs one SQL statement on the database (psql or Python's sqlite3), before the app
    /// starts or behind its back.
    pub fn execute(&self, statement: &str) {
        let status = match self.config().database_url {
            Some(url) => std::process::Command::new("psql")
                .args([&url, "-c", statement])
                .status()
                .expect("psql runs"),
            None => std::process::Command::new("python3")
                .args([
                    "-c",
                    "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute(sys.argv[2]); c.commit()",
                ])
                .arg(self.path().join("masthead.db"))
                .arg(statement)
                .status()
                .expect("python3 runs"),
        };
        assert!(status.success(), "{statement}");
    }

    /// The test configuration for this newsroom.
    pub fn config(&self) -> Config {
        Config {
            database_url: self.database_url().map(str::to_string),
            ..Config::for_tests(self.path())
        }
    }
}

/// A running app and a client for it.
pub struct TestApp {
    /// `http://127.0.0.1:PORT`.
    pub address: String,
    /// A client that does not follow redirects.
    pub client: reqwest::Client,
    data: std::sync::Arc<TestData>,
    counter: std::sync::atomic::AtomicU32,
    /// The app's state, for apps started in this process (not for nodes).
    pub state: Option<std::sync::Arc<masthead::web::state::AppState>>,
    /// The `masthead serve` process, for apps started as processes (nodes).
    process: std::sync::Mutex<Option<std::process::Child>>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A client that does not follow redirects.
fn client() -> reqwest::Client {
    http_client()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

/// Starts `masthead serve` as a process on a shared newsroom, as one node of several,
/// with extra `MASTHEAD__` settings.
pub async fn spawn_node(data: &std::sync::Arc<TestData>, settings: &[(&str, &str)]) -> TestApp {
    start_node(data, settings, std::process::Stdio::inherit())
        .await
        .0
}

/// What a node wrote to its log (stderr), line by line, read as it comes.
pub struct NodeLog(std::sync::Arc<std::sync::Mutex<Vec<String>>>);

impl NodeLog {
    /// The lines written so far.
    pub fn lines(&self) -> Vec<String> {
        self.0
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
            .clone()
    }
}

/// Starts a node like [`spawn_node`], capturing its log.
pub async fn spawn_logged_node(
    data: &std::sync::Arc<TestData>,
    settings: &[(&str, &str)],
) -> (TestApp, NodeLog) {
    use std::io::BufRead;
    let (node, stderr) = start_node(data, settings, std::process::Stdio::piped()).await;
    let lines = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let kept = lines.clone();
    let stderr = stderr.expect("piped stderr");
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
        {
            kept.lock()
                .unwrap_or_else(|poison| poison.into_inner())
                .push(line);
        }
    });
    (node, NodeLog(lines))
}

async fn start_node(
    data: &std::sync::Arc<TestData>,
    settings: &[(&str, &str)],
    stderr: std::process::Stdio,
) -> (TestApp, Option<std::process::ChildStderr>) {
    use std::io::BufRead;
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_masthead"));
    command
        .args(["serve", "--addr", "127.0.0.1:0", "--data"])
        .arg(data.path())
        .env("MASTHEAD__LOG_LEVEL", "warn")
        .stdout(std::process::Stdio::piped())
        .stderr(stderr);
    if let Some(url) = data.database_url() {
        command.args(["--database-url", url]);
    }
    for (key, value) in settings {
        command.env(format!("MASTHEAD__{}", key.to_uppercase()), value);
    }
    let mut process = command.spawn().expect("start masthead serve");
    let stdout = process.stdout.take().expect("stdout");
    let stderr = process.stderr.take();
    let line = tokio::task::spawn_blocking(move || {
        let mut line = String::new();
        std::io::BufReader::new(stdout)
            .read_line(&mut line)
            .map(|_| line)
    })
    .await
    .expect("join")
    .expect("read the serving line");
    let address = line
        .trim()
        .strip_prefix("Masthead is serving at ")
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
        .trim_end_matches('/')
        .to_string();
    let node = TestApp {
        address,
        client: client(),
        data: data.clone(),
        counter: std::sync::atomic::AtomicU32::new(0),
        state: None,
        process: std::sync::Mutex::new(Some(process)),
    };
    (node, stderr)
}

/// A response's status, headers and text.
pub struct Page {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub text: String,
}

impl Page {
    /// Reads a whole response.
    pub async fn read(response: reqwest::Response) -> Page {
        Page {
            status: response.status().as_u16(),
            headers: response.headers().clone(),
            text: response.text().await.expect("body"),
        }
    }

    /// The parsed document.
    pub fn html(&self) -> Html {
        Html::parse_document(&self.text)
    }

    /// Texts of all elements matching a CSS selector, whitespace-collapsed.
    pub fn texts(&self, selector: &str) -> Vec<String> {
        let selector = Selector::parse(selector).expect("valid selector");
        self.html()
            .select(&selector)
            .map(|element| {
                element
                    .text()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    /// Values of one attribute of all elements matching a selector.
    pub fn attrs(&self, selector: &str, attribute: &str) -> Vec<String> {
        let selector = Selector::parse(selector).expect("valid selector");
        self.html()
            .select(&selector)
            .filter_map(|element| element.value().attr(attribute).map(str::to_string))
            .collect()
    }

    /// The `Location` header of a redirect.
    pub fn location(&self) -> String {
        self.headers
            .get("location")
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_string()
    }
}

/// A reqwest client builder. With the `s3` feature reqwest has no TLS crypto provider of
/// its own: this installs the app's first, as the S3 store does.
pub fn http_client() -> reqwest::ClientBuilder {
    #[cfg(feature = "s3")]
    masthead::media::install_tls_provider();
    reqwest::Client::builder()
}

/// Starts the app on a random port with a fresh copy of the small demo.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// A fresh copy of the small demo newsroom, on this run's backend.
pub async fn copy_of_demo() -> TestData {
    if on_postgres() {
        let server = test_server();
        TestData::demo_on_server(&server)
            .await
            .unwrap_or_else(|error| panic!("PostgreSQL at {server}: {error}"))
    } else {
        sqlite_demo().await
    }
}

/// The small demo newsroom on SQLite, whatever the run's backend.
pub async fn sqlite_demo() -> TestData {
    let data = TestData {
        dir: tempfile::tempdir().expect("temp dir"),
        database: None,
    };
    copy_dir(template().await, data.path());
    data
}

/// Starts the app like [`spawn_app`], with a change to the test configuration.
pub async fn spawn_app_with(change: impl FnOnce(&mut Config)) -> TestApp {
    spawn_configured(copy_of_demo().await, change).await
}

/// Starts the app on a newsroom the test prepared.
pub async fn spawn_app_on(data: TestData) -> TestApp {
    spawn_configured(data, |_| {}).await
}

async fn spawn_configured(data: TestData, change: impl FnOnce(&mut Config)) -> TestApp {
    let mut config = data.config();
    change(&mut config);
    let app = App::build(config).await.expect("build app");
    let address = format!("http://{}", app.local_addr().expect("address"));
    let state = app.state();
    tokio::spawn(app.run_until_stopped());
    TestApp {
        address,
        client: client(),
        data: std::sync::Arc::new(data),
        counter: std::sync::atomic::AtomicU32::new(0),
        state: Some(state),
        process: std::sync::Mutex::new(None),
    }
}

impl TestApp {
    /// A number unique within this app, for unique emails and slugs.
    pub fn next_number(&self) -> u32 {
        self.counter
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    }

    /// The app's data folder (media, and the database on SQLite).
    pub fn data_dir(&self) -> &Path {
        self.data.path()
    }

    /// The app's configuration.
    pub fn config(&self) -> Config {
        self.data.config()
    }

    /// Runs one SQL statement on the app's database behind its back (psql or Python's
    /// sqlite3), to break it on purpose. The command runs off the test's runtime, which
    /// runs the app too: blocking it would stop the app's tasks where they stand, one of
    /// them perhaps holding SQLite's write lock in a transaction, and the statement would
    /// wait for that lock until Python gave up ("database is locked").
    pub async fn sabotage(&self, statement: &str) {
        let data = std::sync::Arc::clone(&self.data);
        let statement = statement.to_string();
        tokio::task::spawn_blocking(move || data.execute(&statement))
            .await
            .expect("the statement ran");
    }

    /// Kills the app's process at once (SIGKILL), as a crash would.
    pub fn kill(&self) {
        let mut process = self
            .process
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        if let Some(mut process) = process.take() {
            let _ = process.kill();
            let _ = process.wait();
        }
    }

    /// GETs a path (or absolute URL) and reads the whole response.
    pub async fn get(&self, path: &str) -> Page {
        let url = if path.starts_with("http") {
            path.to_string()
        } else {
            format!("{}{path}", self.address)
        };
        let response = self.client.get(url).send().await.expect("request");
        Page {
            status: response.status().as_u16(),
            headers: response.headers().clone(),
            text: response.text().await.expect("body"),
        }
    }

    /// POSTs a form.
    pub async fn post_form(&self, path: &str, form: &[(&str, &str)]) -> Page {
        let response = self
            .client
            .post(format!("{}{path}", self.address))
            .form(form)
            .send()
            .await
            .expect("request");
        Page {
            status: response.status().as_u16(),
            headers: response.headers().clone(),
            text: response.text().await.expect("body"),
        }
    }

    /// The path of the first story teaser on a page, for tests that need any story.
    pub async fn first_story_path(&self, list_path: &str) -> String {
        let page = self.get(list_path).await;
        page.attrs(".teaser-headline a", "href")
            .into_iter()
            .next()
            .expect("the list shows a story")
    }
}

/// What `python3 args` prints as JSON, given `input` on its standard input; a failure
/// says `what` and what Python said.
pub fn python_json(args: &[&str], input: &str, what: &str) -> serde_json::Value {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new("python3")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("input written");
    let output = child.wait_with_output().expect("python3 ends");
    assert!(
        output.status.success(),
        "{what}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("Python's JSON")
}
