//! The newsroom pages that arrange the site and look after people and mail, in Arabic in
//! headless Chromium: right to left at desktop and phone width, nothing wider than the
//! screen, and no WCAG 2.1 AA violation. Screenshots go to
//! `target/screenshots/newsroom-ar-pages-*.png`.

use store::Role;

use crate::browser::{axe_source, screenshot, violations_at};
use crate::helpers::spawn_app;
use crate::newsroom_browser::log_in;
use crate::newsroom_language_pages::{a_contact_message, editions};
use crate::webdriver::Browser;

/// The innermost elements that stick out of the window, to name what is too wide.
const WIDEST: &str = "return [...document.querySelectorAll('body *')]\
    .filter(e => { const r = e.getBoundingClientRect(); \
        return r.width > 0 && (r.left < -1 || r.right > window.innerWidth + 1) \
            && ![...e.children].some(c => { const q = c.getBoundingClientRect(); \
                return q.left < -1 || q.right > window.innerWidth + 1; }); })\
    .slice(0, 5).map(e => e.outerHTML.slice(0, 160)).join(' | ');";

#[tokio::test]
async fn the_arabic_site_people_and_mail_pages_have_no_accessibility_faults_on_desktop_and_phone() {
    let app = spawn_app().await;
    let axe = axe_source();
    let email = "rania@test.example";
    app.account_in(Role::Admin, email, "ar").await;
    let (first, second) = editions(&app).await;
    let message = a_contact_message(&app, first).await;
    let writer = app.desk(Role::Editor).await;
    let story = writer
        .create_story("Harbour cranes", app.a_section_id().await)
        .await;
    let pages = [
        ("menus", format!("/admin/menus?edition={first}")),
        ("fronts", format!("/admin/fronts?edition={first}")),
        ("breaking", format!("/admin/breaking?edition={first}")),
        ("authors", "/admin/authors".to_string()),
        ("agencies", "/admin/agencies".to_string()),
        ("jobs", format!("/admin/jobs?edition={first}")),
        ("newsletters", format!("/admin/newsletters?edition={first}")),
        ("contact", format!("/admin/contact?edition={first}")),
        ("message", format!("/admin/contact/{message}")),
        (
            "translation",
            format!("/admin/stories/{story}/translation?edition={second}"),
        ),
    ];

    let browser = Browser::start().await;
    browser.resize(1280, 1000).await;
    log_in(&browser, &app, email).await;
    let mut violations = Vec::new();
    for (width, height) in [(1280, 1000), (390, 844)] {
        browser.resize(width, height).await;
        for (name, path) in &pages {
            violations.extend(violations_at(&browser, &axe, &app.address, path, width).await);
            let dir = browser.script("return document.documentElement.dir;").await;
            assert_eq!(dir, "rtl", "{path}");
            let overflow = browser
                .script("return document.documentElement.scrollWidth - window.innerWidth;")
                .await;
            if overflow.as_i64().unwrap_or(0) > 0 {
                let wide = browser.script(WIDEST).await;
                panic!("{path} at {width}px scrolls sideways: {wide}");
            }
            browser
                .screenshot(&screenshot(&format!(
                    "newsroom-ar-pages-{name}-{width}.png"
                )))
                .await;
        }
    }
    assert!(violations.is_empty(), "{violations:#?}");
}
