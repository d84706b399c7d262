//! The newsroom's outage page, form by form: with the database stopped, every form the
//! newsroom shows comes back with what was typed but never a password, is kept out of
//! caches, and posts back to the form's own `/admin/...` URL, where it saves once the
//! database is back. Uses the private PostgreSQL cluster of `outage`.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use futures_util::future::join_all;
use scraper::{ElementRef, Selector};
use store::Role;

use crate::desk::{Desk, PASSWORD};
use crate::helpers::{Page, spawn_app_on};
use crate::outage::Cluster;

/// A form as a browser would send it, with the passwords typed into it.
#[derive(Debug)]
struct SentForm {
    action: String,
    fields: Vec<(String, String)>,
    passwords: Vec<(String, String)>,
}

impl SentForm {
    fn pairs(&self) -> Vec<(&str, &str)> {
        self.fields
            .iter()
            .chain(&self.passwords)
            .map(|(name, value)| (name.as_str(), value.as_str()))
            .collect()
    }
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("selector")
}

/// What a browser sends for one control, typing into empty text fields and a secret into
/// every password field.
fn control_values(control: ElementRef<'_>, number: usize) -> Vec<(String, String)> {
    let element = control.value();
    let value = element.attr("value").unwrap_or_default().to_string();
    match (element.name(), element.attr("type").unwrap_or("text")) {
        ("textarea", _) => vec![(String::new(), control.text().collect())],
        ("select", _) => {
            let options: Vec<_> = control.select(&selector("option")).collect();
            let chosen: Vec<_> = options
                .iter()
                .filter(|option| option.value().attr("selected").is_some())
                .collect();
            let first = options.first();
            let chosen = if chosen.is_empty() {
                first.into_iter().collect()
            } else {
                chosen
            };
            chosen
                .into_iter()
                .map(|option| {
                    let text: String = option.text().collect();
                    let value = option.value().attr("value").map_or(text, str::to_string);
                    (String::new(), value)
                })
                .collect()
        }
        (_, "password") => vec![(String::new(), format!("Secret-{number}-never-shown"))],
        (_, "checkbox" | "radio") if element.attr("checked").is_none() => Vec::new(),
        (_, "email") if value.is_empty() => {
            vec![(String::new(), format!("typed-{number}@test.example"))]
        }
        (_, "text" | "url" | "search") if value.is_empty() => {
            vec![(String::new(), format!("Typed words {number}"))]
        }
        _ => vec![(String::new(), value)],
    }
}

/// Every urlencoded POST form of a page (uploads are multipart and are not kept).
fn post_forms(page: &Page) -> Vec<SentForm> {
    let html = page.html();
    let mut forms = Vec::new();
    for form in html.select(&selector("form")) {
        let element = form.value();
        let is_post = element
            .attr("method")
            .is_some_and(|method| method.eq_ignore_ascii_case("post"));
        if !is_post || element.attr("enctype").is_some() {
            continue;
        }
        let mut sent = SentForm {
            action: element.attr("action").unwrap_or_default().to_string(),
            fields: Vec::new(),
            passwords: Vec::new(),
        };
        let controls = selector("input[name], textarea[name], select[name]");
        for (number, control) in form.select(&controls).enumerate() {
            let name = control.value().attr("name").unwrap_or_default();
            let is_password = control.value().attr("type") == Some("password");
            for (_, value) in control_values(control, number) {
                let target = if is_password {
                    &mut sent.passwords
                } else {
                    &mut sent.fields
                };
                target.push((name.to_string(), value));
            }
        }
        // The first named submit button, as a click on it sends.
        if let Some(button) = form.select(&selector("button[name]")).next() {
            let name = button.value().attr("name").unwrap_or_default();
            let value = button.value().attr("value").unwrap_or_default();
            sent.fields.push((name.to_string(), value.to_string()));
        }
        forms.push(sent);
    }
    forms
}

/// A path's shape, with numbers and the query left out: one page of each shape is enough.
fn shape(path: &str) -> String {
    let path = path.split(['?', '#']).next().unwrap_or_default();
    path.split('/')
        .map(|segment| {
            if segment.bytes().all(|byte| byte.is_ascii_digit()) && !segment.is_empty() {
                "N"
            } else {
                segment
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// Visits one newsroom page of every shape reachable from the dashboard (and the extra
/// paths given) and returns the POST forms found, one of each action shape and fields.
async fn every_newsroom_form(desk: &Desk<'_>, extra: &[String]) -> Vec<SentForm> {
    let mut queue: Vec<String> = extra.to_vec();
    queue.push("/admin".into());
    let mut seen_pages = HashSet::new();
    let mut seen_forms = HashSet::new();
    let mut forms = Vec::new();
    while let Some(path) = queue.pop() {
        let page = desk.get(&path).await;
        assert_eq!(page.status, 200, "{path}: {}", page.text);
        for href in page.attrs("a[href^='/admin']", "href") {
            if seen_pages.insert(shape(&href)) {
                queue.push(href);
            }
        }
        for form in post_forms(&page) {
            let mut names: Vec<&str> = form
                .fields
                .iter()
                .chain(&form.passwords)
                .map(|(name, _)| name.as_str())
                .collect();
            names.sort_unstable();
            if seen_forms.insert(format!("{} {}", shape(&form.action), names.join(","))) {
                forms.push(form);
            }
        }
    }
    forms
}

/// Checks an outage page: 503, private, no typed password anywhere, each password asked
/// for again empty, and a form that posts to `action`. Returns the kept hidden fields.
fn check_outage_page(page: &Page, form: &SentForm) -> Vec<(String, String)> {
    let what = &form.action;
    assert_eq!(page.status, 503, "{what}: {}", page.text);
    assert!(
        page.text.contains("the database is not answering"),
        "{what}: {}",
        page.text
    );
    let cache = page
        .headers
        .get("cache-control")
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    assert!(
        cache.contains("no-store"),
        "{what}: Cache-Control {cache:?}"
    );
    for (name, secret) in &form.passwords {
        assert!(!page.text.contains(secret.as_str()), "{what}: {name} shown");
    }
    let html = page.html();
    let kept_form = html
        .select(&selector("form[method=post]"))
        .next()
        .unwrap_or_else(|| panic!("{what}: no form on the page"));
    assert_eq!(kept_form.value().attr("action"), Some(what.as_str()));
    for input in kept_form.select(&selector("input[type=password]")) {
        assert_eq!(
            input.value().attr("value"),
            None,
            "{what}: a filled password"
        );
    }
    let reasked: Vec<&str> = kept_form
        .select(&selector("input[type=password]"))
        .filter_map(|input| input.value().attr("name"))
        .collect();
    for (name, _) in &form.passwords {
        assert!(reasked.contains(&name.as_str()), "{what}: {name} not asked");
    }
    kept_form
        .select(&selector("input[type=hidden]"))
        .filter_map(|input| {
            let name = input.value().attr("name")?;
            Some((name.to_string(), input.value().attr("value")?.to_string()))
        })
        .collect()
}

/// Sends a kept form again (with passwords typed anew) until the app has found the
/// database again and answers something other than 503.
async fn send_again(desk: &Desk<'_>, action: &str, fields: &[(String, String)]) -> Page {
    let form: Vec<(&str, &str)> = fields
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()))
        .collect();
    let started = Instant::now();
    loop {
        let sent = desk.post_without_token(action, &form).await;
        if sent.status != 503 {
            return sent;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "no recovery: {}",
            sent.text
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

#[tokio::test]
async fn with_the_database_down_no_form_comes_back_with_a_password_and_each_saves_later() {
    let Some(cluster) = Cluster::start() else {
        return;
    };
    let data = cluster.demo().await;
    let app = spawn_app_on(data).await;
    let email = "chief@test.example";
    let admin_id = app.account(Role::Admin, email).await;
    let admin = app.desk_for(email, admin_id).await;
    let story = admin
        .create_story("Harbour reopens", app.a_section_id().await)
        .await;
    admin
        .save(story, &[("body", "A second revision.")], "save")
        .await;
    let listed = admin
        .get(&format!("/admin/stories/{story}/revisions"))
        .await;
    let numbers = listed.attrs("input[name=from]", "value");
    let revisions = format!(
        "/admin/stories/{story}/revisions?from={}&to={}",
        numbers[1], numbers[0]
    );
    let forms = every_newsroom_form(&admin, &[revisions]).await;
    let actions: Vec<&str> = forms.iter().map(|form| form.action.as_str()).collect();
    for expected in ["/admin/password", "/admin/users", "/admin/logout"] {
        assert!(
            actions.contains(&expected),
            "{expected} not among {actions:?}"
        );
    }
    assert!(forms.len() >= 15, "only {actions:?}");

    cluster.down();

    let sent: Vec<Vec<(&str, &str)>> = forms.iter().map(SentForm::pairs).collect();
    let pages = join_all(
        forms
            .iter()
            .zip(&sent)
            .map(|(form, pairs)| admin.post_without_token(&form.action, pairs)),
    )
    .await;
    let mut kept = Vec::new();
    for (form, page) in forms.iter().zip(&pages) {
        kept.push(check_outage_page(page, form));
    }
    let login = app
        .log_in("someone@test.example", "Secret-login-never-shown")
        .await;
    let login_form = SentForm {
        action: "/admin/login".into(),
        fields: Vec::new(),
        passwords: vec![("password".into(), "Secret-login-never-shown".into())],
    };
    check_outage_page(&login, &login_form);

    cluster.up();

    let kept_for = |action: &str| {
        let at = forms
            .iter()
            .position(|form| form.action == action)
            .expect("the form");
        kept[at].clone()
    };
    let new_password = "a fresh and long passphrase";
    let mut change = kept_for("/admin/password");
    change.push(("current".into(), PASSWORD.into()));
    change.push(("new".into(), new_password.into()));
    let changed = send_again(&admin, "/admin/password", &change).await;
    assert_eq!(changed.status, 303, "{}", changed.text);
    assert_eq!(app.log_in(email, new_password).await.status, 303);
    let users = kept_for("/admin/users");
    let typed = users
        .iter()
        .find(|(name, _)| name == "email")
        .map(|(_, value)| value.clone())
        .expect("the typed email is kept");
    let added = send_again(&admin, "/admin/users", &users).await;
    assert_eq!(added.status, 200, "{}", added.text);
    assert!(added.text.contains("Account created"), "{}", added.text);
    assert!(admin.get("/admin/users").await.text.contains(&typed));
}
