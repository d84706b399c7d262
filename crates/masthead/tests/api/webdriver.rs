//! A minimal W3C WebDriver client over HTTP, enough to drive Debian's chromium through
//! chromedriver: open pages, find and click elements, read text, resize, screenshot.

use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::{Value, json};

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A chromedriver process and one browser session in it; both end on drop. Chromedriver
/// leads its own process group, which its chromium processes join, so dropping the browser
/// (also when a test fails) ends every process it started: none outlives its test.
pub struct Browser {
    driver: Child,
    base: String,
    http: reqwest::Client,
    _profile: tempfile::TempDir,
}

/// An element found on the page.
pub struct Element(String);

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .expect("a free port")
}

impl Browser {
    /// Starts chromedriver and a headless chromium session.
    pub async fn start() -> Browser {
        let chromedriver =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        assert!(
            Path::new(&chromedriver).exists(),
            "{chromedriver} not found: install Debian's chromium and chromium-driver (bash .ci/run does)"
        );
        let port = free_port();
        let driver = Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .expect("start chromedriver");
        let http = crate::helpers::http_client().build().expect("client");
        let root = format!("http://127.0.0.1:{port}");
        for _ in 0..100 {
            if http.get(format!("{root}/status")).send().await.is_ok() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let profile = tempfile::tempdir().expect("profile dir");
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--disable-background-networking", "--disable-component-update",
                         "--disable-sync", "--no-first-run", "--hide-scrollbars",
                         format!("--user-data-dir={}", profile.path().display())]
            }
        }}});
        let response: Value = http
            .post(format!("{root}/session"))
            .json(&capabilities)
            .send()
            .await
            .expect("create session")
            .json()
            .await
            .expect("session JSON");
        let session = response["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {response}"))
            .to_string();
        Browser {
            driver,
            base: format!("{root}/session/{session}"),
            http,
            _profile: profile,
        }
    }

    async fn call(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Value {
        let mut request = self.http.request(method, format!("{}{path}", self.base));
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response: Value = request
            .send()
            .await
            .expect("webdriver call")
            .json()
            .await
            .expect("JSON");
        if response["value"]["error"].is_string() {
            panic!("webdriver {path}: {}", response["value"]);
        }
        response["value"].clone()
    }

    /// Opens a URL and waits for the page to load.
    pub async fn open(&self, url: &str) {
        self.call(reqwest::Method::POST, "/url", Some(json!({"url": url})))
            .await;
    }

    /// The current URL.
    pub async fn url(&self) -> String {
        self.call(reqwest::Method::GET, "/url", None)
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// The first element matching a CSS selector.
    pub async fn find(&self, selector: &str) -> Element {
        let body = json!({"using": "css selector", "value": selector});
        let value = self
            .call(reqwest::Method::POST, "/element", Some(body))
            .await;
        Element(value[ELEMENT].as_str().expect("element id").to_string())
    }

    /// The visible text of an element.
    pub async fn text(&self, element: &Element) -> String {
        let value = self
            .call(
                reqwest::Method::GET,
                &format!("/element/{}/text", element.0),
                None,
            )
            .await;
        value.as_str().unwrap_or_default().to_string()
    }

    /// Whether an element is displayed.
    pub async fn displayed(&self, element: &Element) -> bool {
        let path = format!("/element/{}/displayed", element.0);
        self.call(reqwest::Method::GET, &path, None)
            .await
            .as_bool()
            .unwrap_or(false)
    }

    /// Clicks an element.
    pub async fn click(&self, element: &Element) {
        let path = format!("/element/{}/click", element.0);
        self.call(reqwest::Method::POST, &path, Some(json!({})))
            .await;
    }

    /// Types text into an element (for a file input: the path of the file to choose).
    pub async fn type_text(&self, element: &Element, text: &str) {
        let path = format!("/element/{}/value", element.0);
        self.call(reqwest::Method::POST, &path, Some(json!({"text": text})))
            .await;
    }

    /// Presses keys as a person would, on whatever has the focus (WebDriver actions): each
    /// of `keys` down and up in turn, with `modifier` (such as Shift, `\u{E008}`) held
    /// throughout if given.
    pub async fn press(&self, modifier: Option<&str>, keys: &str) {
        let key = |kind: &str, value: &str| json!({"type": kind, "value": value});
        let mut actions: Vec<Value> = modifier.map(|m| key("keyDown", m)).into_iter().collect();
        for typed in keys.chars() {
            let typed = typed.to_string();
            actions.extend([key("keyDown", &typed), key("keyUp", &typed)]);
        }
        actions.extend(modifier.map(|m| key("keyUp", m)));
        let body = json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]});
        self.call(reqwest::Method::POST, "/actions", Some(body))
            .await;
    }

    /// Runs a script and returns its result.
    pub async fn script(&self, script: &str) -> Value {
        let body = json!({"script": script, "args": []});
        self.call(reqwest::Method::POST, "/execute/sync", Some(body))
            .await
    }

    /// Runs an asynchronous script: it calls its last argument with the result.
    pub async fn script_async(&self, script: &str) -> Value {
        let body = json!({"script": script, "args": []});
        self.call(reqwest::Method::POST, "/execute/async", Some(body))
            .await
    }

    /// Resizes the window.
    pub async fn resize(&self, width: u32, height: u32) {
        let body = json!({"width": width, "height": height});
        self.call(reqwest::Method::POST, "/window/rect", Some(body))
            .await;
    }

    /// Saves a PNG screenshot of the viewport.
    pub async fn screenshot(&self, path: &Path) {
        let value = self.call(reqwest::Method::GET, "/screenshot", None).await;
        let png = base64_decode(value.as_str().expect("base64 screenshot"));
        std::fs::create_dir_all(path.parent().expect("parent")).expect("screenshot dir");
        std::fs::write(path, png).expect("write screenshot");
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // The group's id is chromedriver's pid (`process_group(0)`); a negative pid signals
        // the whole group: chromedriver, chromium and chromium's helpers.
        if let Ok(group) = libc::pid_t::try_from(self.driver.id()) {
            // SAFETY: kill(2) takes plain integers and touches no memory of ours.
            unsafe { libc::kill(-group, libc::SIGKILL) };
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// Decodes standard base64 (the screenshot encoding) without another dependency.
fn base64_decode(text: &str) -> Vec<u8> {
    let value = |byte: u8| match byte {
        b'A'..=b'Z' => byte - b'A',
        b'a'..=b'z' => byte - b'a' + 26,
        b'0'..=b'9' => byte - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let clean: Vec<u8> = text
        .bytes()
        .filter(|b| !b.is_ascii_whitespace() && *b != b'=')
        .collect();
    let mut out = Vec::with_capacity(clean.len() * 3 / 4);
    for chunk in clean.chunks(4) {
        let mut buffer = 0u32;
        for (index, byte) in chunk.iter().enumerate() {
            buffer |= u32::from(value(*byte)) << (18 - 6 * index);
        }
        let bytes = buffer.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    out
}
