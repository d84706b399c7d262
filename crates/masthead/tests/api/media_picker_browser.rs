//! The media picker in headless Chromium, in an English and an Arabic story at desktop
//! and phone width: open it from the toolbar, upload by a drop and by a paste (the `File`
//! is made in the page: WebDriver cannot drag files from the system), fill the caption,
//! credit and alt text, set the focal point, insert as lead image, in the text and in the
//! gallery (the inline one shows its thumbnail and alt text in the editor, also when the
//! saved story is opened again), publish, and find the photos on the reader's page. axe-core runs with the
//! dialog open. Screenshots: `target/screenshots/picker-*.png`.

use std::time::{Duration, Instant};

use store::Role;

use crate::browser::{axe_check, axe_source, screenshot};
use crate::helpers::{TestApp, spawn_app};
use crate::newsroom_browser::{log_in, press};
use crate::webdriver::Browser;

/// Waits until `check` (a script returning a boolean) holds.
async fn until(browser: &Browser, what: &str, check: &str) {
    let started = Instant::now();
    while browser.script(check).await != serde_json::Value::Bool(true) {
        let status = browser
            .script(
                "const s = document.querySelector('.picker-status'); return s ? s.textContent : ''",
            )
            .await;
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "no {what} (status: {status})"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Makes a PNG in the page (a coloured canvas) and keeps it in a `DataTransfer` as
/// `window.pickerFile`.
async fn make_file(browser: &Browser, colour: &str) {
    browser
        .script_async(&format!(
            "const done = arguments[arguments.length - 1]; \
             const canvas = document.createElement('canvas'); canvas.width = 640; canvas.height = 400; \
             const pen = canvas.getContext('2d'); pen.fillStyle = '{colour}'; pen.fillRect(0, 0, 640, 400); \
             pen.fillStyle = '#fff'; pen.fillRect(80, 220, 160, 120); \
             canvas.toBlob((blob) => {{ const data = new DataTransfer(); \
               data.items.add(new File([blob], 'photo.png', {{ type: 'image/png' }})); \
               window.pickerFile = data; done(true); }}, 'image/png');"
        ))
        .await;
}

/// Each opening of the dialog starts on the results, so the details show the new upload.
const DETAILS_SHOWN: &str = "return !document.querySelector('.picker-details').hidden";

/// Fills the chosen image's text in the dialog and sets its focal point by clicking the
/// picture at a quarter across and three quarters down.
async fn describe(browser: &Browser, caption: &str, credit: &str, alt: &str) {
    for (name, text) in [("caption", caption), ("credit", credit), ("alt", alt)] {
        let field = browser
            .find(&format!(".picker-details [name={name}]"))
            .await;
        browser.type_text(&field, text).await;
    }
    browser
        .script(
            "const picture = document.querySelector('.picker-picture'); \
             const box = picture.getBoundingClientRect(); \
             picture.dispatchEvent(new MouseEvent('click', { bubbles: true, \
               clientX: box.left + box.width / 4, clientY: box.top + box.height * 3 / 4 })); return true;",
        )
        .await;
}

async fn insert(browser: &Browser, how: &str) {
    browser
        .click(
            &browser
                .find(&format!(".picker-insert [data-as={how}]"))
                .await,
        )
        .await;
    until(
        browser,
        "the dialog to close",
        "return !document.querySelector('.picker-dialog').open",
    )
    .await;
}

/// The story's words in one language.
struct Take {
    edition: i64,
    tag: &'static str,
    headline: &'static str,
    lead: [&'static str; 3],
    inline: [&'static str; 3],
}

async fn pick_images(browser: &Browser, app: &TestApp, axe: &str, take: &Take, width: u32) {
    let name = format!("picker-{}-{width}", take.tag);
    browser.resize(width, 900).await;
    browser
        .open(&format!(
            "{}/admin/stories/new?edition={}",
            app.address, take.edition
        ))
        .await;
    browser
        .type_text(
            &browser.find("#headline").await,
            &format!("{} {width}", take.headline),
        )
        .await;
    browser
        .script("const s = document.getElementById('section_id'); s.value = s.options[1].value; return true;")
        .await;
    let area = browser.find("[contenteditable=true]").await;
    browser.click(&area).await;
    browser.type_text(&area, take.headline).await;

    // The toolbar's Image button opens the dialog; axe checks it open.
    browser
        .click(&browser.find(".editor-button-image").await)
        .await;
    until(
        browser,
        "the dialog",
        "return document.querySelector('.picker-dialog').open",
    )
    .await;
    until(
        browser,
        "search results",
        "return document.querySelectorAll('.picker-card').length > 0",
    )
    .await;
    let found = axe_check(browser, axe, &name).await;
    assert_eq!(
        found["violations"],
        serde_json::json!([]),
        "{name}, dialog open"
    );
    browser
        .screenshot(&screenshot(&format!("{name}-open.png")))
        .await;

    // Dropped on the dialog: uploaded, described, given a focal point, the lead image.
    make_file(browser, "#2a6f97").await;
    browser
        .script(
            "document.querySelector('.picker-drop').dispatchEvent(new DragEvent('drop', \
               { bubbles: true, cancelable: true, dataTransfer: window.pickerFile })); return true;",
        )
        .await;
    until(browser, "the dropped upload", DETAILS_SHOWN).await;
    // Unique per run: the search below must find only this image.
    let numbered = |words: [&str; 3]| words.map(|text| format!("{text} {width}"));
    let (lead_text, inline_text) = (numbered(take.lead), numbered(take.inline));
    let [caption, credit, alt] = &lead_text;
    describe(browser, caption, credit, alt).await;
    let focal = browser
        .script(
            "return [...document.querySelectorAll('.picker-focal-keys input')].map((i) => i.value)",
        )
        .await;
    assert_eq!(focal, serde_json::json!(["0.25", "0.75"]), "{name}");
    let found = axe_check(browser, axe, &name).await;
    assert_eq!(
        found["violations"],
        serde_json::json!([]),
        "{name}, details"
    );
    browser
        .screenshot(&screenshot(&format!("{name}-details.png")))
        .await;
    insert(browser, "lead").await;
    let lead = browser
        .script("return document.getElementById('hero_image_id').value")
        .await;
    let lead = lead.as_str().expect("lead id").to_string();
    assert!(lead.parse::<i64>().is_ok(), "{name}: lead {lead}");
    until(browser, "the lead thumbnail", &format!(
        "const img = document.querySelector('.picker-lead img'); return !!img && img.alt === {alt:?}"
    )).await;

    // Pasted into the text: the dialog opens with it; inserted where the caret was.
    make_file(browser, "#b3122e").await;
    browser
        .script(
            "document.querySelector('.editor-area').dispatchEvent(new ClipboardEvent('paste', \
               { bubbles: true, cancelable: true, clipboardData: window.pickerFile })); return true;",
        )
        .await;
    until(browser, "the pasted upload", DETAILS_SHOWN).await;
    let [caption, credit, alt] = &inline_text;
    describe(browser, caption, credit, alt).await;
    insert(browser, "inline").await;
    let inline_thumbnail = format!(
        "const img = document.querySelector('.editor-area figure[data-image-id] .editor-thumb img'); \
         return !!img && img.alt === {alt:?} && img.complete && img.naturalWidth > 0 \
           && img.closest('figure').textContent.includes({alt:?})"
    );
    until(browser, "the inline thumbnail", &inline_thumbnail).await;
    // The thumbnail is only shown: the body posts the figure as before.
    let body = browser
        .script("return document.querySelector('textarea[name=body]').value")
        .await;
    let body = body.as_str().expect("body");
    assert!(
        body.contains("<figure data-image-id=") && !body.contains("<img"),
        "{name}: {body}"
    );

    // The gallery button: search for the lead image by its credit and add it.
    browser
        .click(&browser.find("#gallery ~ .picker-open").await)
        .await;
    until(
        browser,
        "the dialog again",
        "return document.querySelector('.picker-dialog').open",
    )
    .await;
    let search = browser.find(".picker-search input").await;
    browser.type_text(&search, &lead_text[1]).await;
    browser
        .click(&browser.find(".picker-search button").await)
        .await;
    until(browser, "the one result", &format!(
        "const c = document.querySelectorAll('.picker-card'); return c.length === 1 && c[0].dataset.imageId === '{lead}'"
    )).await;
    browser
        .screenshot(&screenshot(&format!("{name}-search.png")))
        .await;
    browser.click(&browser.find(".picker-card").await).await;
    insert(browser, "gallery").await;
    let gallery = browser
        .script("return document.getElementById('gallery').value")
        .await;
    assert_eq!(
        gallery,
        serde_json::json!(format!("{lead} | {}", lead_text[0])),
        "{name}"
    );
    until(
        browser,
        "the gallery thumbnail",
        "return document.querySelectorAll('.picker-thumbs img').length === 1",
    )
    .await;
    browser
        .screenshot(&screenshot(&format!("{name}-form.png")))
        .await;

    // Saved, the editor opens again with the thumbnails beside the fields.
    browser
        .click(&browser.find("button[name=action][value=save]").await)
        .await;
    until(
        browser,
        "the new story",
        "return location.search.includes('notice=created')",
    )
    .await;
    let thumbnails =
        "return document.querySelectorAll('.picker-thumbs img, .picker-lead img').length === 2";
    until(browser, "the thumbnails when the editor opens", thumbnails).await;
    until(
        browser,
        "the inline thumbnail when the editor opens",
        &inline_thumbnail,
    )
    .await;
    browser
        .screenshot(&screenshot(&format!("{name}-saved.png")))
        .await;

    // Published (past the checklist, should it ask), the reader's page shows both photos
    // with their captions and alt text.
    press(browser, "publish").await;
    until(
        browser,
        "publishing",
        "return location.search.includes('notice=published')",
    )
    .await;
    let public = browser.script("return document.querySelector('.nr-meta a[href^=\"/\"]:not([href*=admin])').getAttribute('href')").await;
    let page = app.get(public.as_str().expect("public path")).await;
    for text in [
        &lead_text[0],
        &lead_text[2],
        &inline_text[0],
        &inline_text[2],
    ] {
        let shown = html_escaped(text);
        assert!(
            page.text.contains(&shown),
            "{name}: the reader's page shows {text}"
        );
    }
}

fn html_escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[tokio::test]
async fn an_editor_uploads_describes_and_inserts_images_with_the_picker_in_english_and_arabic() {
    let app = spawn_app().await;
    app.account(Role::Editor, "pia@test.example").await;
    let axe = axe_source();
    let browser = Browser::start().await;
    log_in(&browser, &app, "pia@test.example").await;
    let takes = [
        Take {
            edition: 1,
            tag: "en",
            headline: "Harbour cranes return",
            lead: [
                "Cranes over the harbour",
                "Quayside Photo",
                "Two cranes above container ships",
            ],
            inline: [
                "Workers at the gate",
                "Herald Staff",
                "A line of dockers at dawn",
            ],
        },
        Take {
            edition: 2,
            tag: "ar",
            headline: "عودة الرافعات إلى الميناء",
            lead: [
                "رافعات فوق الميناء",
                "تصوير الرصيف",
                "رافعتان فوق سفن الحاويات",
            ],
            inline: [
                "عمال عند البوابة",
                "فريق الصحيفة",
                "صف من عمال الميناء عند الفجر",
            ],
        },
    ];
    for take in &takes {
        for width in [1280, 390] {
            pick_images(&browser, &app, &axe, take, width).await;
        }
    }
}
