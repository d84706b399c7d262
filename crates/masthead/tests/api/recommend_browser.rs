//! The "Recommend" buttons beside the related stories in headless Chromium: pressing one
//! adds its story's card to the recommended stories and disables it; removing the card
//! (from the keyboard) enables it again, also for a story recommended when the editor
//! opened.

use std::time::{Duration, Instant};

use serde_json::{Value, json};
use store::Role;

use crate::helpers::spawn_app;
use crate::newsroom_browser::log_in;
use crate::typeahead_browser::{create_in, press_key_on};
use crate::webdriver::Browser;

async fn until(browser: &Browser, what: &str, script: &str) {
    let started = Instant::now();
    while browser.script(&format!("return Boolean({script});")).await != Value::Bool(true) {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{what}: `{script}` never held"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The Recommend button's state, and the cards' and field's.
async fn state(browser: &Browser, id: i64) -> Value {
    browser
        .script(&format!(
            "const b = document.querySelector('button[data-recommend=\"{id}\"]'); \
             return [b.disabled, b.textContent, document.querySelectorAll('.ta-cards li').length, \
               document.getElementById('recommended_ids').value];"
        ))
        .await
}

/// Waits for the one recommended card of `related`, its button saying so, then removes
/// the card by keyboard and checks the button may recommend it again.
async fn remove_the_card(browser: &Browser, related: i64) {
    until(
        browser,
        "the card",
        "document.querySelectorAll('.ta-cards li').length === 1",
    )
    .await;
    assert_eq!(
        state(browser, related).await,
        json!([true, "Recommended", 1, related.to_string()])
    );
    press_key_on(browser, ".ta-cards li button").await;
    until(
        browser,
        "no card",
        "document.querySelectorAll('.ta-cards li').length === 0",
    )
    .await;
    assert_eq!(
        state(browser, related).await,
        json!([false, "Recommend", 0, ""])
    );
}

#[tokio::test]
async fn removing_a_recommended_card_enables_its_recommend_button_again() {
    let app = spawn_app().await;
    app.account(Role::Editor, "rio@test.example").await;
    let desk = app.desk_for("rio@test.example", 0).await;
    let section = app.a_section_id().await;
    let related = create_in(&desk, 1, section, "Lighthouse keepers retire").await;
    let story = create_in(&desk, 1, section, "Lighthouse keepers honoured").await;
    let browser = Browser::start().await;
    browser.resize(1280, 900).await;
    log_in(&browser, &app, "rio@test.example").await;
    let editor = format!("{}/admin/stories/{story}", app.address);
    let button = format!("button[data-recommend=\"{related}\"]");
    let started = Instant::now();
    loop {
        browser.open(&editor).await;
        let listed = browser
            .script(&format!("return !!document.querySelector('{button}')"))
            .await;
        if listed == Value::Bool(true) {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(10), "not related");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    until(&browser, "the cards", "document.querySelector('.ta-cards')").await;
    assert_eq!(
        state(&browser, related).await,
        json!([false, "Recommend", 0, ""])
    );

    press_key_on(&browser, &button).await;
    remove_the_card(&browser, related).await;

    // Recommended and saved, then taken off when the editor opens again.
    press_key_on(&browser, &button).await;
    press_key_on(&browser, "button[name=action][value=save]").await;
    until(&browser, "saved", "location.search.includes('notice=')").await;
    remove_the_card(&browser, related).await;
}
