//! Newsroom test helpers: accounts with known passwords, logging in, and a `Desk` that
//! sends the session cookie and the CSRF token like a browser would.

use masthead::app::{Database, open_store};
use masthead::service::account::create_user;
use store::Role;

use crate::helpers::{Page, TestApp};

/// The password every test account has.
pub const PASSWORD: &str = "correct horse battery staple";

/// A logged-in newsroom user.
pub struct Desk<'a> {
    app: &'a TestApp,
    cookie: String,
    /// The session's CSRF token.
    pub csrf: String,
    /// The account id.
    pub user_id: i64,
}

fn cookie_value(page: &Page, name: &str) -> Option<String> {
    page.headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find_map(|value| {
            let pair = value.split(';').next()?;
            let (key, value) = pair.split_once('=')?;
            (key == name).then(|| value.to_string())
        })
}

impl TestApp {
    /// A second handle on the app's database, for arranging and checking.
    pub async fn store(&self) -> Database {
        open_store(&self.config())
            .await
            .expect("open the app's store")
    }

    /// Creates an account with [`PASSWORD`]; returns its id.
    pub async fn account(&self, role: Role, email: &str) -> i64 {
        let store = self.store().await;
        let created = create_user(
            &*store,
            email,
            "Test Person",
            role,
            Some(PASSWORD),
            None,
            None,
        )
        .await
        .expect("create account");
        store.close().await;
        created.id
    }

    /// Creates an account with [`PASSWORD`] working in the interface `language` ("en",
    /// "ar"); returns its id.
    pub async fn account_in(&self, role: Role, email: &str, language: &str) -> i64 {
        let id = self.account(role, email).await;
        let store = self.store().await;
        store
            .set_user_language(id, language)
            .await
            .expect("language");
        store.close().await;
        id
    }

    /// Submits the login form as a browser would; returns the response.
    pub async fn log_in(&self, email: &str, password: &str) -> Page {
        self.post_login(&[("email", email), ("password", password)])
            .await
    }

    /// Submits the login form with these fields and its token, as a browser would.
    pub async fn post_login(&self, fields: &[(&str, &str)]) -> Page {
        let form = self.get("/admin/login").await;
        let token = form.attrs("input[name=csrf]", "value").remove(0);
        let cookie = cookie_value(&form, "masthead_login").expect("login cookie");
        let response = self
            .client
            .post(format!("{}/admin/login", self.address))
            .header("cookie", format!("masthead_login={cookie}"))
            .form(&[fields, &[("csrf", token.as_str())]].concat())
            .send()
            .await
            .expect("request");
        Page::read(response).await
    }

    /// Creates an account of a role and logs it in.
    pub async fn desk(&self, role: Role) -> Desk<'_> {
        let email = format!("{}-{}@test.example", role.as_str(), self.next_number());
        let user_id = self.account(role, &email).await;
        self.desk_for(&email, user_id).await
    }

    /// Logs in an existing account with [`PASSWORD`].
    pub async fn desk_for(&self, email: &str, user_id: i64) -> Desk<'_> {
        let response = self.log_in(email, PASSWORD).await;
        assert_eq!(
            response.status, 303,
            "login of {email} failed: {}",
            response.text
        );
        let cookie = cookie_value(&response, "masthead_session").expect("session cookie");
        let mut desk = Desk {
            app: self,
            cookie: format!("masthead_session={cookie}"),
            csrf: String::new(),
            user_id,
        };
        let dashboard = desk.get("/admin").await;
        desk.csrf = dashboard.attrs("input[name=csrf]", "value").remove(0);
        desk
    }

    /// The id of a leaf section of the default edition.
    pub async fn a_section_id(&self) -> i64 {
        let store = self.store().await;
        let edition = store.editions().await.expect("editions").remove(0);
        let sections = store.sections(edition.id).await.expect("sections");
        store.close().await;
        sections
            .iter()
            .find(|section| section.parent_id.is_some())
            .expect("a subsection")
            .id
    }
}

impl Desk<'_> {
    /// The same logged-in person talking to another node of the newsroom.
    pub fn on<'b>(&self, node: &'b TestApp) -> Desk<'b> {
        Desk {
            app: node,
            cookie: self.cookie.clone(),
            csrf: self.csrf.clone(),
            user_id: self.user_id,
        }
    }

    /// The `Cookie` header value that carries the session, for raw requests.
    pub fn cookie(&self) -> &str {
        &self.cookie
    }

    /// GETs a newsroom path with the session.
    pub async fn get(&self, path: &str) -> Page {
        let response = self
            .app
            .client
            .get(format!("{}{path}", self.app.address))
            .header("cookie", &self.cookie)
            .send()
            .await
            .expect("request");
        Page::read(response).await
    }

    /// POSTs a form with the session and its CSRF token.
    pub async fn post(&self, path: &str, form: &[(&str, &str)]) -> Page {
        let mut fields: Vec<(&str, &str)> = form.to_vec();
        fields.push(("csrf", &self.csrf));
        self.post_without_token(path, &fields).await
    }

    /// POSTs a form with the session but only the fields given.
    pub async fn post_without_token(&self, path: &str, form: &[(&str, &str)]) -> Page {
        self.try_post(path, form).await.expect("request")
    }

    /// POSTs a form as given; an error when the app cannot be reached or stops answering.
    pub async fn try_post(&self, path: &str, form: &[(&str, &str)]) -> reqwest::Result<Page> {
        let response = self
            .app
            .client
            .post(format!("{}{path}", self.app.address))
            .header("cookie", &self.cookie)
            .form(form)
            .send()
            .await?;
        Ok(Page {
            status: response.status().as_u16(),
            headers: response.headers().clone(),
            text: response.text().await?,
        })
    }

    /// Sends the media upload form: the CSRF token first (as the form has it), then text
    /// fields and a file under `file_name`.
    pub async fn upload(&self, file_name: &str, bytes: Vec<u8>, fields: &[(&str, &str)]) -> Page {
        let mut form = reqwest::multipart::Form::new().text("csrf", self.csrf.clone());
        for (name, value) in fields {
            form = form.text((*name).to_string(), (*value).to_string());
        }
        let part = reqwest::multipart::Part::bytes(bytes).file_name(file_name.to_string());
        let response = self
            .app
            .client
            .post(format!("{}/admin/media", self.app.address))
            .header("cookie", &self.cookie)
            .multipart(form.part("file", part))
            .send()
            .await
            .expect("request");
        Page::read(response).await
    }

    /// Creates a draft through the editor form; returns its id.
    pub async fn create_story(&self, headline: &str, section_id: i64) -> i64 {
        let section = section_id.to_string();
        let edition = self.app.store().await.editions().await.expect("editions")[0].id;
        let page = self
            .post(
                &format!("/admin/stories?edition={edition}"),
                &[
                    ("kind", "news"),
                    ("headline", headline),
                    ("section_id", &section),
                    ("body", "First paragraph.\n\nSecond paragraph."),
                ],
            )
            .await;
        assert_eq!(page.status, 303, "create failed: {}", page.text);
        page.location()
            .trim_start_matches("/admin/stories/")
            .split('?')
            .next()
            .and_then(|id| id.parse().ok())
            .expect("story id in the redirect")
    }

    /// The editor form's current fields, as a browser would send them back.
    pub async fn editor_fields(&self, story_id: i64) -> Vec<(String, String)> {
        let page = self.get(&format!("/admin/stories/{story_id}")).await;
        assert_eq!(page.status, 200, "editor: {}", page.text);
        let html = page.html();
        let mut fields = Vec::new();
        let inputs = scraper::Selector::parse(
            "#story-form input[name], #story-form textarea[name], #story-form select[name]",
        )
        .expect("selector");
        for element in html.select(&inputs) {
            let name = element.value().attr("name").unwrap_or_default().to_string();
            if name == "csrf" {
                continue;
            }
            match element.value().name() {
                "textarea" => fields.push((name, element.text().collect())),
                "select" => {
                    let selected = scraper::Selector::parse("option[selected]").expect("selector");
                    for option in element.select(&selected) {
                        let value = option.value().attr("value").unwrap_or_default();
                        fields.push((name.clone(), value.to_string()));
                    }
                }
                _ => fields.push((
                    name,
                    element
                        .value()
                        .attr("value")
                        .unwrap_or_default()
                        .to_string(),
                )),
            }
        }
        fields
    }

    /// Sends the editor form back with some fields changed and a workflow action.
    pub async fn save(&self, story_id: i64, changes: &[(&str, &str)], action: &str) -> Page {
        let mut fields = self.editor_fields(story_id).await;
        for (name, value) in changes {
            fields.retain(|(key, _)| key != name);
            fields.push(((*name).to_string(), (*value).to_string()));
        }
        fields.push(("action".into(), action.into()));
        let form: Vec<(&str, &str)> = fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        self.post(&format!("/admin/stories/{story_id}"), &form)
            .await
    }
}
