//! The story editor of an Arabic account in headless Chromium: the toolbar, the autosave
//! status and the presence line the script writes are in Arabic, the keywords' "comma-
//! separated" hint goes once the field is chips, and axe finds no WCAG 2.1 AA violation
//! right to left at desktop and phone width. Screenshots go to
//! `target/screenshots/editor-ar-*.png`.

use std::time::{Duration, Instant};

use store::Role;

use crate::browser::{axe_source, screenshot, violations_at};
use crate::helpers::spawn_app;
use crate::newsroom_browser::log_in;
use crate::webdriver::Browser;

/// Waits until a script returns a string that `done` accepts; returns it.
async fn until(browser: &Browser, what: &str, script: &str, done: impl Fn(&str) -> bool) -> String {
    let started = Instant::now();
    loop {
        let value = browser.script(script).await;
        let text = value.as_str().unwrap_or_default().to_string();
        if done(&text) {
            return text;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "no {what}: {text:?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test]
async fn the_arabic_editor_s_toolbar_autosave_and_presence_speak_arabic_without_accessibility_faults()
 {
    let app = spawn_app().await;
    let axe = axe_source();
    let email = "samira@test.example";
    let id = app.account_in(Role::Editor, email, "ar").await;
    let desk = app.desk_for(email, id).await;
    let story = desk
        .create_story("Harbour reopens", app.a_section_id().await)
        .await;
    let path = format!("/admin/stories/{story}");
    let colleague = app.desk(Role::Editor).await;
    assert_eq!(colleague.get(&path).await.status, 200);

    let browser = Browser::start().await;
    browser.resize(1280, 1000).await;
    log_in(&browser, &app, email).await;
    browser.open(&format!("{}{path}", app.address)).await;
    until(
        &browser,
        "toolbar",
        "return document.querySelector('.editor-toolbar') ? 'yes' : '';",
        |t| t == "yes",
    )
    .await;
    let toolbar = browser
        .script(
            "const bar = document.querySelector('.editor-toolbar'); \
             return [bar.getAttribute('aria-label'), \
               ...[...bar.querySelectorAll('button')].map(b => b.textContent + '=' + b.getAttribute('aria-label'))];",
        )
        .await;
    let keywords_hint = browser
        .script(
            "return [...document.querySelectorAll('#story-form .hint')] \
               .filter(h => h.textContent === '(مفصولة بفواصل)').map(h => h.offsetParent === null);",
        )
        .await;
    let title = browser
        .script("return document.querySelector('.editor-button-bold').title;")
        .await;
    browser
        .type_text(&browser.find("#headline").await, " بعد العاصفة")
        .await;
    let status = until(
        &browser,
        "autosave status",
        "return document.getElementById('autosave-status').textContent;",
        |text| !text.is_empty(),
    )
    .await;
    let presence = browser
        .script("return document.getElementById('presence').textContent;")
        .await;
    browser
        .screenshot(&screenshot("editor-ar-autosaved-1280.png"))
        .await;

    assert_eq!(toolbar[0], "التنسيق");
    for button in [
        "غ=غامق",
        "م=مائل",
        "رابط=رابط",
        "ع٢=عنوان من المستوى الثاني",
        "« »=اقتباس",
        "صورة=رقم الصورة",
    ] {
        assert!(
            toolbar.as_array().expect("list").contains(&button.into()),
            "{button} in {toolbar}"
        );
    }
    assert_eq!(title, "غامق (Ctrl+B / ⌘B)");
    assert_eq!(
        keywords_hint,
        serde_json::json!([true]),
        "the hint is hidden beside the chips"
    );
    assert!(status.starts_with("حُفظ في "), "{status}");
    let presence = presence.as_str().unwrap_or_default();
    assert!(presence.starts_with("يحرّرها أيضًا: "), "{presence}");

    let mut violations = Vec::new();
    for (width, height) in [(1280, 1000), (390, 844)] {
        browser.resize(width, height).await;
        for (name, page) in [("new", "/admin/stories/new"), ("story", path.as_str())] {
            violations.extend(violations_at(&browser, &axe, &app.address, page, width).await);
            let dir = browser.script("return document.documentElement.dir;").await;
            assert_eq!(dir, "rtl", "{page}");
            let overflow = browser
                .script("return document.documentElement.scrollWidth - window.innerWidth;")
                .await;
            assert!(
                overflow.as_i64().unwrap_or(0) <= 0,
                "{page} at {width}px scrolls sideways"
            );
            browser
                .screenshot(&screenshot(&format!("editor-ar-{name}-{width}.png")))
                .await;
            // The fieldsets further down: topics and keywords, the media, the workflow.
            for (part, fieldset) in [
                (
                    "topics",
                    "document.getElementById('keywords').closest('fieldset')",
                ),
                ("workflow", "document.querySelector('.nr-workflow')"),
            ] {
                browser
                    .script(&format!("{fieldset}.scrollIntoView(); return true;"))
                    .await;
                browser
                    .screenshot(&screenshot(&format!("editor-ar-{name}-{part}-{width}.png")))
                    .await;
            }
        }
    }
    assert!(violations.is_empty(), "{violations:#?}");
}
