//! Logging in under attack: the limits per account and address, counted before any
//! password is checked, parallel guesses, the bounded hashing pool, and the password form.

use std::net::{IpAddr, Ipv4Addr};

use store::Role;

use crate::desk::PASSWORD;
use crate::helpers::{Page, TestApp, http_client, spawn_app, spawn_app_with};

/// The login form's token and cookie, fetched once and sent with every attempt (the
/// token pairs the form with its sender; it is not used up).
struct LoginForm<'a> {
    app: &'a TestApp,
    token: String,
    cookie: String,
}

impl<'a> LoginForm<'a> {
    async fn fetch(app: &'a TestApp) -> LoginForm<'a> {
        let form = app.get("/admin/login").await;
        let token = form.attrs("input[name=csrf]", "value").remove(0);
        let cookie = form
            .headers
            .get_all("set-cookie")
            .iter()
            .filter_map(|value| value.to_str().ok())
            .find_map(|value| value.split(';').next()?.strip_prefix("masthead_login="))
            .expect("login cookie")
            .to_string();
        LoginForm { app, token, cookie }
    }

    /// Sends the form from a loopback address of the test's choosing.
    async fn send_from(&self, from: IpAddr, email: &str, password: &str) -> Page {
        let client = http_client()
            .local_address(from)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client");
        let response = client
            .post(format!("{}/admin/login", self.app.address))
            .header("cookie", format!("masthead_login={}", self.cookie))
            .form(&[
                ("email", email),
                ("password", password),
                ("csrf", &self.token),
            ])
            .send()
            .await
            .expect("request");
        Page::read(response).await
    }

    async fn send(&self, email: &str, password: &str) -> Page {
        self.send_from(loopback(1), email, password).await
    }
}

fn loopback(last: u8) -> IpAddr {
    IpAddr::V4(Ipv4Addr::new(127, 0, 0, last))
}

fn retry_after(page: &Page) -> u64 {
    page.headers
        .get("retry-after")
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse().ok())
        .unwrap_or_else(|| panic!("no Retry-After on {}", page.status))
}

#[tokio::test]
async fn five_failed_logins_lock_the_account_from_that_address_even_for_the_right_password() {
    let app = spawn_app().await;
    app.account(Role::Reporter, "rita@test.example").await;

    for _ in 0..5 {
        app.log_in("rita@test.example", "guess").await;
    }
    let locked = app.log_in("rita@test.example", PASSWORD).await;

    assert_eq!(locked.status, 429);
    assert!(
        locked.text.contains("Try again in 15 minutes"),
        "{}",
        locked.text
    );
    assert!((840..=900).contains(&retry_after(&locked)));
}

#[tokio::test]
async fn many_failed_logins_from_one_address_are_slowed_down() {
    let app = spawn_app().await;

    for attempt in 0..20 {
        app.log_in(&format!("nobody{attempt}@test.example"), "guess")
            .await;
    }
    let limited = app.log_in("another@test.example", "guess").await;

    assert_eq!(limited.status, 429);
    assert!(limited.text.contains("Try again in 15 minutes"));
}

#[tokio::test]
async fn an_address_over_its_limit_is_refused_without_asking_the_database_again() {
    let app = spawn_app().await;
    let form = LoginForm::fetch(&app).await;
    for attempt in 0..20 {
        form.send(&format!("nobody{attempt}@test.example"), "guess")
            .await;
    }
    let first = form.send("another@test.example", "guess").await;
    // Without its table of failures, the database can decide nothing any more.
    app.sabotage("DROP TABLE login_failures").await;

    let again = form.send("third@test.example", "guess").await;
    let elsewhere = form
        .send_from(loopback(2), "third@test.example", "guess")
        .await;

    assert_eq!(first.status, 429, "the database refused the address");
    assert_eq!(again.status, 429, "{}", again.text);
    assert!(
        again.text.contains("Try again in 15 minutes"),
        "{}",
        again.text
    );
    assert!((840..=900).contains(&retry_after(&again)));
    assert_eq!(
        elsewhere.status, 500,
        "other addresses still ask the database"
    );
}

#[tokio::test]
async fn a_locked_attempt_is_answered_after_a_second_so_that_guessing_slows_down() {
    let app = spawn_app().await;
    for _ in 0..5 {
        app.log_in("rita@test.example", "guess").await;
    }

    let started = std::time::Instant::now();
    let locked = app.log_in("rita@test.example", "guess").await;

    assert_eq!(locked.status, 429);
    assert!(started.elapsed() >= std::time::Duration::from_secs(1));
}

#[tokio::test]
async fn a_hundred_parallel_wrong_passwords_get_five_checks_and_the_rest_are_refused() {
    // Every check waits its turn for a hashing thread, however busy the machine (other
    // tests run at the same time): the count is the point here, not the wait.
    let app = spawn_app_with(|config| config.login_hash_wait_ms = 60_000).await;
    app.account(Role::Editor, "eda@test.example").await;
    let form = LoginForm::fetch(&app).await;

    let attempts = (0..100).map(|_| form.send("eda@test.example", "wrong guess"));
    let pages = futures_util::future::join_all(attempts).await;

    // A 401 says the password was checked and was wrong; a 429 that it was not checked.
    let checked = pages.iter().filter(|page| page.status == 401).count();
    let refused: Vec<&Page> = pages.iter().filter(|page| page.status == 429).collect();
    assert_eq!(checked, 5);
    assert_eq!(refused.len(), 95);
    assert!(refused.iter().all(|page| retry_after(page) > 0));
}

#[tokio::test]
async fn strangers_who_lock_an_account_do_not_lock_its_owner_out_of_a_known_address() {
    // Every guess waits its turn for a hashing thread, however slow the machine.
    let app = spawn_app_with(|config| config.login_hash_wait_ms = 60_000).await;
    app.account(Role::Editor, "eda@test.example").await;
    let form = LoginForm::fetch(&app).await;
    let home = loopback(1);
    assert_eq!(
        form.send_from(home, "eda@test.example", PASSWORD)
            .await
            .status,
        303
    );

    // Ten addresses, five guesses each: the account's limit of 50 an hour.
    let guesses =
        (10..20).flat_map(|address| (0..5).map(move |_| (loopback(address), "wrong guess")));
    let guesses = guesses.map(|(from, guess)| form.send_from(from, "eda@test.example", guess));
    let pages = futures_util::future::join_all(guesses).await;
    let stranger = form
        .send_from(loopback(99), "eda@test.example", PASSWORD)
        .await;
    let owner = form.send_from(home, "eda@test.example", PASSWORD).await;

    assert!(pages.iter().all(|page| page.status == 401));
    assert_eq!(
        stranger.status, 429,
        "a new address meets the account limit"
    );
    assert_eq!(owner.status, 303, "{}", owner.text);
}

#[tokio::test]
async fn wrong_current_passwords_on_the_password_form_count_for_that_account_only() {
    let app = spawn_app().await;
    let careless = app.desk(Role::Reporter).await;
    let other = app.desk(Role::Reporter).await;

    let mut last = None;
    for _ in 0..20 {
        let wrong = [("current", "not mine"), ("new", "a much longer password")];
        last = Some(careless.post("/admin/password", &wrong).await);
    }
    let right = [("current", PASSWORD), ("new", "a much longer password")];
    let changed = other.post("/admin/password", &right).await;
    let still_locked = careless.post("/admin/password", &right).await;

    let last = last.expect("attempts");
    assert_eq!(last.status, 422);
    assert!(
        last.text.contains("Too many failed attempts"),
        "{}",
        last.text
    );
    assert_eq!(changed.location(), "/admin/password?notice=password");
    assert_eq!(still_locked.status, 422);
}

#[tokio::test]
async fn when_every_hashing_thread_is_busy_a_login_gets_503_with_retry_after() {
    let app = spawn_app_with(|config| {
        config.login_hash_threads = 1;
        config.login_hash_wait_ms = 0;
    })
    .await;
    let form = LoginForm::fetch(&app).await;

    let emails: Vec<String> = (0..16).map(|n| format!("who{n}@test.example")).collect();
    let pages =
        futures_util::future::join_all(emails.iter().map(|email| form.send(email, "wrong guess")))
            .await;

    let busy: Vec<&Page> = pages.iter().filter(|page| page.status == 503).collect();
    assert!(
        !busy.is_empty(),
        "one thread cannot check 16 passwords at once"
    );
    assert!(busy.iter().all(|page| retry_after(page) >= 1));
    assert!(
        pages
            .iter()
            .all(|page| page.status == 401 || page.status == 503)
    );
}

/// The scheduling policy of each password-hashing thread in this process (the apps under
/// test run in it), from `/proc`: field 41 of a thread's `stat`.
#[cfg(target_os = "linux")]
fn hashing_thread_policies() -> Vec<String> {
    let tasks = std::fs::read_dir("/proc/self/task").expect("/proc/self/task");
    tasks
        .filter_map(Result::ok)
        .filter(|task| {
            std::fs::read_to_string(task.path().join("comm"))
                .is_ok_and(|name| name.starts_with("password-hash"))
        })
        .filter_map(|task| std::fs::read_to_string(task.path().join("stat")).ok())
        .filter_map(|stat| {
            let after_name = &stat[stat.rfind(')')? + 2..];
            after_name.split_whitespace().nth(38).map(str::to_string)
        })
        .collect()
}

#[cfg(target_os = "linux")]
#[tokio::test]
async fn passwords_are_checked_on_threads_that_only_take_cpu_time_readers_leave() {
    let app = spawn_app().await;

    let checked = app.log_in("nobody@test.example", "guess").await;

    assert_eq!(checked.status, 401);
    // Other tests' apps start hashing threads meanwhile: each lowers its own priority
    // as the first thing it does, so a moment later every one has.
    let mut policies = hashing_thread_policies();
    for _ in 0..20 {
        if policies.iter().all(|policy| policy == "5") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        policies = hashing_thread_policies();
    }
    assert!(!policies.is_empty(), "no password-hashing threads");
    assert!(
        policies.iter().all(|policy| policy == "5"),
        "SCHED_IDLE is policy 5: {policies:?}"
    );
}
