//! The editor's cleaning rules (`assets/editor.js`) against the server's (`crates/richtext`):
//! the rich-text test fixtures, every input of the canonical cleaning tests, and hostile
//! input, pasted into the editor in headless Chromium, must come out of the form's
//! textarea as the server writes them.

use store::Role;

use crate::helpers::spawn_app;
use crate::newsroom_browser::log_in;
use crate::webdriver::Browser;

/// What is pasted, and why.
const INPUTS: &[(&str, &str)] = &[
    (
        include_str!("../../../richtext/tests/fixtures/word.html"),
        "Word fixture",
    ),
    (
        include_str!("../../../richtext/tests/fixtures/google_docs.html"),
        "Google Docs fixture",
    ),
    (
        "<h1>Title</h1><p>One <b>bold</b> and <i>italic</i> <a href=\"https://example.org/a\">link</a>.</p>\
         <blockquote><p>Said</p><cite>Who</cite></blockquote><ul><li>a</li><li>b</li></ul>",
        "every block",
    ),
    (
        "<p>a<script>alert(1)</script> <a href=\"javascript:alert(1)\">x</a> \
         <a href=\" java\nscript:alert(1)\">y</a><img src=x onerror=alert(1)></p>\
         <iframe src=\"https://evil.example\"></iframe><p style=\"display:none\">hidden</p>",
        "hostile",
    ),
    (
        "<p>first</p><div data-embed=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\"></div>\
         <div data-embed=\"https://evil.example/x\"></div><p>last</p>",
        "embeds",
    ),
    (
        "<div data-link-card=\"https://example.org/a?b=1&amp;c=2\" data-title=\" The  report \"></div>\
         <div data-link-card=\"javascript:alert(1)\"></div><div data-link-card=\"https://example.org\">x</div>",
        "link cards",
    ),
];

/// Pastes `html` into an empty editor and returns what the textarea then holds.
async fn paste(browser: &Browser, html: &str) -> String {
    let html = serde_json::to_string(html).expect("json");
    let script = format!(
        "const area = document.querySelector('[contenteditable=true]'); \
         area.innerHTML = '<p><br></p>'; area.focus(); \
         getSelection().setBaseAndExtent(area.firstChild, 0, area.firstChild, 0); \
         const data = new DataTransfer(); data.setData('text/html', {html}); \
         area.dispatchEvent(new ClipboardEvent('paste', {{ clipboardData: data, bubbles: true, cancelable: true }})); \
         return document.querySelector('textarea[name=body]').value;"
    );
    browser
        .script(&script)
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

fn lines(html: &str) -> Vec<String> {
    html.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(String::from)
        .collect()
}

#[tokio::test]
async fn the_editor_cleans_pasted_html_exactly_as_the_server_does() {
    let app = spawn_app().await;
    app.account(Role::Reporter, "rita@test.example").await;
    let browser = Browser::start().await;
    browser.resize(1280, 900).await;
    log_in(&browser, &app, "rita@test.example").await;
    browser
        .open(&format!("{}/admin/stories/new", app.address))
        .await;
    let mut differences = Vec::new();

    let canonical = crate::canonical_inputs::all();
    let inputs = INPUTS.iter().map(|(html, what)| (*html, *what)).chain(
        canonical
            .iter()
            .map(|(html, what)| (html.as_str(), what.as_str())),
    );
    for (html, what) in inputs {
        let editor = lines(&paste(&browser, html).await);
        let server = lines(&richtext::body_to_html(&richtext::parse_body(html)));
        if editor != server {
            differences.push(format!("{what}:\n  editor {editor:?}\n  server {server:?}"));
        }
    }

    assert!(
        differences.is_empty(),
        "the editor and the server differ:\n{}",
        differences.join("\n")
    );
}
