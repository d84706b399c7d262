//! The newsroom desks' pages in headless Chromium: the list, one desk and the delete
//! confirmation, in English and in Arabic (right to left), at desktop and phone width,
//! with no WCAG 2.1 AA violation and no sideways scrolling. Screenshots go to
//! `target/screenshots/newsdesks-*.png`.

use store::Role;

use crate::browser::{axe_source, screenshot, violations_at};
use crate::helpers::spawn_app;
use crate::newsdesks::{a_desk, edition_and_sections};
use crate::newsroom_browser::log_in;
use crate::webdriver::Browser;

#[tokio::test]
async fn the_desk_pages_work_in_english_and_arabic_on_desktop_and_phone_without_accessibility_faults()
 {
    let app = spawn_app().await;
    let axe = axe_source();
    let (edition, first, second) = edition_and_sections(&app).await;
    let reporter = app.account(Role::Reporter, "rafi@test.example").await;
    let desk = a_desk(&app, edition, "Sports desk", &[first, second], &[reporter]).await;
    let mut violations = Vec::new();

    for (language, email, dir) in [
        ("en", "ada@test.example", "ltr"),
        ("ar", "huda@test.example", "rtl"),
    ] {
        app.account_in(Role::Admin, email, language).await;
        let browser = Browser::start().await;
        browser.resize(1280, 1000).await;
        log_in(&browser, &app, email).await;
        for (width, height) in [(1280, 1000), (390, 844)] {
            browser.resize(width, height).await;
            for (name, path) in [
                ("list", "/admin/newsdesks".to_string()),
                ("desk", format!("/admin/newsdesks/{desk}")),
                ("delete", format!("/admin/newsdesks/{desk}/delete")),
            ] {
                violations.extend(violations_at(&browser, &axe, &app.address, &path, width).await);
                let shown = browser
                    .script("return [document.documentElement.dir, document.body.innerText.includes('Sports desk')];")
                    .await;
                assert_eq!(shown, serde_json::json!([dir, true]), "{language} {path}");
                // The elements that stick out, to name in the failure.
                let sticking_out = browser
                    .script(
                        "const w = document.documentElement.clientWidth; \
                         return [...document.body.querySelectorAll('*')].filter((el) => { \
                           const box = el.getBoundingClientRect(); return box.right > w + 1 || box.left < -1; }) \
                         .filter((el) => !el.closest('.nr-table, .visually-hidden, .skip-link')) \
                         .map((el) => `${el.localName}.${el.className}`).slice(0, 8);",
                    )
                    .await;
                assert_eq!(
                    sticking_out,
                    serde_json::json!([]),
                    "{language} {path} at {width}px scrolls sideways"
                );
                if name == "list" {
                    // A desk's link is on screen, not scrolled away in the table.
                    let link = browser
                        .script(&format!(
                            "const box = document.querySelector('a[href=\"/admin/newsdesks/{desk}\"]').getBoundingClientRect(); \
                             return box.left >= 0 && box.right <= document.documentElement.clientWidth;"
                        ))
                        .await;
                    assert_eq!(link, serde_json::json!(true), "{language} at {width}px");
                }
                browser
                    .screenshot(&screenshot(&format!(
                        "newsdesks-{language}-{name}-{width}.png"
                    )))
                    .await;
            }
        }
    }
    assert!(violations.is_empty(), "{violations:#?}");
}
