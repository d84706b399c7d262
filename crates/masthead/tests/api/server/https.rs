//! On an https site every response carries `Strict-Transport-Security`, and the
//! newsroom's cookies are named with the `__Host-` prefix; on http neither.

use store::Role;

use crate::desk::PASSWORD;
use crate::helpers::{Page, TestApp, spawn_app, spawn_app_with};

/// The `Set-Cookie` line of a response that sets `name`.
fn set_cookie<'a>(page: &'a Page, name: &str) -> Option<&'a str> {
    page.headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find(|value| value.starts_with(&format!("{name}=")))
}

/// A cookie's value from its `Set-Cookie` line.
fn value_of(line: &str) -> &str {
    line.split(';')
        .next()
        .and_then(|pair| pair.split_once('='))
        .map_or("", |(_, value)| value)
}

/// Submits the login form with extra request headers; returns the answer.
pub async fn log_in_with(
    app: &TestApp,
    email: &str,
    password: &str,
    headers: &[(&str, &str)],
) -> Page {
    let form = app.get("/admin/login").await;
    let token = form.attrs("input[name=csrf]", "value").remove(0);
    // Named with the `__Host-` prefix on https sites.
    let (name, cookie) = ["__Host-masthead_login", "masthead_login"]
        .into_iter()
        .find_map(|name| Some((name, set_cookie(&form, name)?)))
        .expect("login cookie");
    let mut request = app
        .client
        .post(format!("{}/admin/login", app.address))
        .header("cookie", format!("{name}={}", value_of(cookie)))
        .form(&[("email", email), ("password", password), ("csrf", &token)]);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    Page::read(request.send().await.expect("request")).await
}

/// GETs a path with one cookie.
async fn get_with_cookie(app: &TestApp, path: &str, cookie: &str) -> Page {
    let response = app
        .client
        .get(format!("{}{path}", app.address))
        .header("cookie", cookie)
        .send()
        .await
        .expect("request");
    Page::read(response).await
}

#[tokio::test]
async fn an_https_site_sends_hsts_and_host_prefixed_secure_cookies() {
    let app = spawn_app_with(|config| config.base_url = Some("https://masthead.test".into())).await;
    app.account(Role::Editor, "ed@test.example").await;

    let pages = [
        app.get("/").await,
        app.get("/").await,
        app.get("/nowhere").await,
    ];
    let form = app.get("/admin/login").await;
    let login = log_in_with(&app, "ed@test.example", PASSWORD, &[]).await;
    let session = set_cookie(&login, "__Host-masthead_session").expect("session cookie");
    let token = value_of(session);
    let with_prefix =
        get_with_cookie(&app, "/admin", &format!("__Host-masthead_session={token}")).await;
    let without = get_with_cookie(&app, "/admin", &format!("masthead_session={token}")).await;

    for page in pages.iter().chain([&form, &login]) {
        assert_eq!(
            page.headers
                .get("strict-transport-security")
                .map(|value| value.to_str().ok()),
            Some(Some("max-age=63072000; includeSubDomains"))
        );
    }
    for line in [
        set_cookie(&form, "__Host-masthead_login").expect("login cookie"),
        session,
    ] {
        assert!(
            line.contains("; Path=/;") && line.ends_with("; Secure"),
            "{line}"
        );
        assert!(!line.to_ascii_lowercase().contains("domain="), "{line}");
    }
    assert_eq!(login.status, 303);
    assert_eq!(
        with_prefix.status, 200,
        "the prefixed session cookie logs in"
    );
    assert_eq!(
        without.status, 303,
        "an unprefixed cookie is not the session on https"
    );
}

#[tokio::test]
async fn an_http_site_sends_no_hsts_and_plain_cookies() {
    let app = spawn_app().await;

    let home = app.get("/").await;
    let form = app.get("/admin/login").await;

    assert!(home.headers.get("strict-transport-security").is_none());
    assert!(form.headers.get("strict-transport-security").is_none());
    let cookie = set_cookie(&form, "masthead_login").expect("plain login cookie");
    assert!(!cookie.contains("Secure"), "{cookie}");
}
