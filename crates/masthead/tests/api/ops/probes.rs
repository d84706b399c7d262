//! `/healthz` answers while the process runs; `/readyz` follows the database.

use std::time::{Duration, Instant};

use crate::helpers::{spawn_app, spawn_app_on};
use crate::outage::Cluster;

#[tokio::test]
async fn a_working_node_is_live_and_ready_and_no_cache_keeps_the_answers() {
    let app = spawn_app().await;

    let health = app.get("/healthz").await;
    let ready = app.get("/readyz").await;

    assert_eq!(health.status, 200);
    assert_eq!(ready.status, 200, "{}", ready.text);
    for page in [&health, &ready] {
        assert_eq!(page.headers["cache-control"], "no-store");
    }
}

/// Polls `/readyz` until it answers `status`, for at most `limit`.
async fn readiness_becomes(app: &crate::helpers::TestApp, status: u16, limit: Duration) -> String {
    let started = Instant::now();
    loop {
        let page = app.get("/readyz").await;
        if page.status == status {
            return page.text;
        }
        assert!(
            started.elapsed() < limit,
            "/readyz stayed {} ({})",
            page.status,
            page.text
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test]
async fn with_the_database_stopped_the_node_is_live_but_not_ready_until_it_returns() {
    let Some(cluster) = Cluster::start() else {
        return;
    };
    let data = cluster.demo().await;
    let app = spawn_app_on(data).await;
    readiness_becomes(&app, 200, Duration::from_secs(5)).await;

    cluster.down();
    let started = Instant::now();
    let health = app.get("/healthz").await;
    let not_ready = app.get("/readyz").await;
    let answered_in = started.elapsed();

    assert_eq!(health.status, 200, "liveness needs no database");
    assert_eq!(not_ready.status, 503, "{}", not_ready.text);
    assert!(not_ready.text.contains("database"), "{}", not_ready.text);
    assert!(
        answered_in < Duration::from_secs(5),
        "the probe waits a second at most, not the pool's timeout"
    );

    cluster.up();

    readiness_becomes(&app, 200, Duration::from_secs(20)).await;
}
