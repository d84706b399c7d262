//! `/metrics`: nobody may read it unless a setting says who; then the exposition is
//! well-formed Prometheus text with the families operators watch.

use masthead::config::Secret;

use super::exposition::parse;
use crate::helpers::{TestApp, spawn_app, spawn_app_with};

const TOKEN: &str = "a-long-enough-metrics-token";

async fn metrics_with(app: &TestApp, authorization: Option<&str>) -> (u16, String) {
    let mut request = app.client.get(format!("{}/metrics", app.address));
    if let Some(value) = authorization {
        request = request.header("authorization", value);
    }
    let response = request.send().await.expect("request");
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}

#[tokio::test]
async fn without_a_setting_metrics_are_not_found_even_with_a_token() {
    let app = spawn_app().await;

    let (plain, _) = metrics_with(&app, None).await;
    let (tokened, _) = metrics_with(&app, Some(&format!("Bearer {TOKEN}"))).await;

    assert_eq!(plain, 404);
    assert_eq!(tokened, 404);
}

#[tokio::test]
async fn only_the_configured_token_reads_the_metrics() {
    let app = spawn_app_with(|config| config.metrics_token = Some(Secret::new(TOKEN))).await;
    let cases = [
        (None, 404, "no token"),
        (
            Some("Bearer wrong-token-of-some-length".to_string()),
            404,
            "a wrong token",
        ),
        (Some(format!("Basic {TOKEN}")), 404, "another scheme"),
        (Some(format!("Bearer {TOKEN}x")), 404, "a longer token"),
        (Some(format!("Bearer {TOKEN}")), 200, "the token"),
    ];

    for (authorization, status, reason) in cases {
        let (answered, _) = metrics_with(&app, authorization.as_deref()).await;

        assert_eq!(answered, status, "{reason}");
    }
}

#[tokio::test]
async fn an_address_outside_the_allowed_ranges_is_not_let_in() {
    let app = spawn_app_with(|config| config.metrics_allow = vec!["10.0.0.0/8".into()]).await;

    let (status, _) = metrics_with(&app, None).await;

    assert_eq!(status, 404);
}

#[tokio::test]
async fn an_allowed_address_reads_well_formed_metrics_of_requests_cache_pool_jobs_and_logins() {
    let app = spawn_app_with(|config| config.metrics_allow = vec!["127.0.0.0/8".into()]).await;
    let story = app.first_story_path("/").await;
    app.get("/").await;
    app.get(&story).await;
    app.get(&story).await;
    app.get("/wp-login.php").await;
    app.log_in("nobody@example.com", "not the password").await;

    let (status, text) = metrics_with(&app, None).await;
    let exposition = parse(&text);

    assert_eq!(status, 200, "{text}");
    let requests = "masthead_http_requests_total";
    assert_eq!(
        exposition.types.get(requests).map(String::as_str),
        Some("counter")
    );
    let story_hits = [("route", "story"), ("method", "GET"), ("status", "200")];
    assert_eq!(exposition.value(requests, &story_hits), Some(2.0));
    let home = [("route", "home"), ("method", "GET"), ("status", "200")];
    assert!(exposition.value(requests, &home) >= Some(2.0), "{text}");
    let junk = [("route", "other"), ("method", "GET"), ("status", "404")];
    assert_eq!(exposition.value(requests, &junk), Some(1.0));
    assert!(
        exposition
            .named(requests)
            .all(|sample| !sample.labels.iter().any(|(_, value)| value.contains('/'))),
        "no raw path in any label"
    );
    exposition.check_histogram("masthead_http_request_duration_seconds");
    assert!(exposition.value("masthead_page_cache_hits_total", &[]) >= Some(1.0));
    assert!(exposition.value("masthead_page_cache_misses_total", &[]) >= Some(2.0));
    assert!(exposition.value("masthead_page_cache_entries", &[]) >= Some(2.0));
    assert!(exposition.value("masthead_page_cache_bytes", &[]) > Some(1000.0));
    assert!(exposition.value("masthead_db_pool_max", &[]) >= Some(1.0));
    assert!(exposition.value("masthead_db_pool_open", &[]).is_some());
    assert!(exposition.value("masthead_db_pool_idle", &[]).is_some());
    assert!(exposition.value("masthead_jobs_waiting", &[]).is_some());
    assert!(exposition.value("masthead_jobs_failed", &[]).is_some());
    assert!(
        exposition
            .value("masthead_change_follower_lag_seconds", &[])
            .is_some()
    );
    assert_eq!(
        exposition.value("masthead_change_follower_behind", &[]),
        Some(0.0)
    );
    assert_eq!(
        exposition.value("masthead_logins_failed_total", &[]),
        Some(1.0)
    );
    assert_eq!(
        exposition.value("masthead_logins_locked_total", &[]),
        Some(0.0)
    );
}
