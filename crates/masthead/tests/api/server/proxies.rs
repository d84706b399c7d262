//! The client's address: the peer's, unless the peer is a trusted proxy.

use store::Role;

use super::https::log_in_with;
use crate::desk::PASSWORD;
use crate::helpers::{TestApp, spawn_app, spawn_app_with};

/// The address the newsroom's audit log recorded for the latest login.
async fn logged_in_from(app: &TestApp) -> String {
    let store = app.store().await;
    let log = store.audit_log(20, 0).await.expect("audit log");
    store.close().await;
    log.into_iter()
        .find(|entry| entry.action == "user.login")
        .expect("a login in the audit log")
        .detail
}

#[tokio::test]
async fn forwarded_headers_from_an_untrusted_peer_are_ignored() {
    let app = spawn_app().await;
    app.account(Role::Editor, "ed@test.example").await;

    let login = log_in_with(
        &app,
        "ed@test.example",
        PASSWORD,
        &[
            ("x-forwarded-for", "203.0.113.9"),
            ("forwarded", "for=198.51.100.7"),
        ],
    )
    .await;

    assert_eq!(login.status, 303);
    assert_eq!(logged_in_from(&app).await, "127.0.0.1");
}

#[tokio::test]
async fn login_limits_count_the_real_peer_whatever_address_it_claims() {
    let app = spawn_app().await;

    let mut refused = None;
    for attempt in 0..60 {
        let spoofed = format!("203.0.113.{attempt}");
        let email = format!("nobody-{attempt}@test.example");
        let login = log_in_with(
            &app,
            &email,
            "wrong password",
            &[("x-forwarded-for", &spoofed)],
        )
        .await;
        if login.status == 429 {
            refused = Some(attempt);
            break;
        }
        assert_eq!(login.status, 401, "attempt {attempt}");
    }

    assert!(
        refused.is_some(),
        "60 failures from one peer with 60 claimed addresses were never limited"
    );
}

#[tokio::test]
async fn a_trusted_proxy_names_the_client_by_the_rightmost_untrusted_hop() {
    let app = spawn_app_with(|config| config.trusted_proxies = vec!["127.0.0.0/8".into()]).await;
    app.account(Role::Editor, "ed@test.example").await;

    let login = log_in_with(
        &app,
        "ed@test.example",
        PASSWORD,
        &[("x-forwarded-for", "198.51.100.20, 203.0.113.9, 127.0.0.5")],
    )
    .await;

    assert_eq!(login.status, 303);
    assert_eq!(logged_in_from(&app).await, "203.0.113.9");
}
