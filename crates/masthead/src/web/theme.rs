//! The theme: templates and static assets embedded in the binary, each overridable by a
//! file of the same name in the `--theme` folder (`templates/…`, `assets/…`).

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use anyhow::Context;
use axum::body::Bytes;
use minijinja::{AutoEscape, Environment};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::web::cache::encoding;

macro_rules! embed {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../", $name)))),*]
    };
}

/// The default theme's templates, by path below the crate.
const TEMPLATES: &[(&str, &str)] = embed![
    "templates/layouts/base.html",
    "templates/partials/teaser.html",
    "templates/partials/image.html",
    "templates/partials/body.html",
    "templates/partials/newsletter.html",
    "templates/partials/pager.html",
    "templates/partials/head.html",
    "templates/partials/byline.html",
    "templates/pages/home.html",
    "templates/pages/section.html",
    "templates/pages/story.html",
    "templates/pages/listing.html",
    "templates/pages/static.html",
    "templates/pages/job.html",
    "templates/pages/error.html",
    "templates/pages/newsletter.html",
    "templates/pages/contact.html",
    "templates/pages/search.html",
    "templates/feeds/rss.xml",
    "templates/feeds/atom.xml",
    "templates/robots.txt",
    "templates/sitemaps/index.xml",
    "templates/sitemaps/urlset.xml",
    "templates/email/confirm/subject.txt",
    "templates/email/confirm/body.txt",
    "templates/email/confirm/body.html",
    "templates/email/digest/subject.txt",
    "templates/email/digest/body.txt",
    "templates/email/digest/body.html",
    "templates/email/contact/subject.txt",
    "templates/email/contact/body.txt",
    "templates/email/contact/body.html",
    "templates/admin/layout.html",
    "templates/admin/_rows.html",
    "templates/admin/_field.html",
    "templates/admin/_diff.html",
    "templates/admin/_story_form.html",
    "templates/admin/_writing_aids.html",
    "templates/admin/login.html",
    "templates/admin/password.html",
    "templates/admin/error.html",
    "templates/admin/unsaved.html",
    "templates/admin/dashboard.html",
    "templates/admin/stories.html",
    "templates/admin/bulk.html",
    "templates/admin/story_edit.html",
    "templates/admin/conflict.html",
    "templates/admin/revisions.html",
    "templates/admin/_translations.html",
    "templates/admin/translation.html",
    "templates/admin/users.html",
    "templates/admin/media.html",
    "templates/admin/media_edit.html",
    "templates/admin/audit.html",
    "templates/admin/_curation.html",
    "templates/admin/sections.html",
    "templates/admin/section_edit.html",
    "templates/admin/menus.html",
    "templates/admin/topics.html",
    "templates/admin/keywords.html",
    "templates/admin/fronts.html",
    "templates/admin/breaking.html",
    "templates/admin/newsletters.html",
    "templates/admin/newsletter_list.html",
    "templates/admin/contact.html",
    "templates/admin/contact_message.html",
    "templates/admin/desks.html",
    "templates/admin/news_desks.html",
    "templates/admin/news_desk.html",
    "templates/admin/news_desk_delete.html",
    "templates/admin/_job_form.html",
    "templates/admin/jobs.html",
    "templates/admin/job_edit.html",
    "templates/admin/_author_fields.html",
    "templates/admin/authors.html",
    "templates/admin/author_edit.html",
    "templates/admin/agencies.html",
];

/// The default theme's assets, by path below the crate.
const ASSETS: &[(&str, &str)] = embed![
    "assets/site.css",
    "assets/site.js",
    "assets/logo.svg",
    "assets/favicon.svg",
    "assets/admin.css",
    "assets/editor.js",
    "assets/media.js",
    "assets/typeahead.js",
    "assets/writing_aids.js",
    "assets/embed_dialog.js",
    "assets/media_picker.js",
];

/// A loaded theme: the template environment and the assets, each under its plain name
/// (`site.css`) and its content-hashed name (`site.3f2a9c1b.css`).
#[derive(Debug)]
pub struct Theme {
    env: Environment<'static>,
    assets: HashMap<String, Arc<Asset>>,
}

/// An asset ready to send, compressed once when the theme loads.
#[derive(Debug)]
pub struct Asset {
    /// The bytes.
    pub body: Bytes,
    /// The Brotli copy.
    pub brotli: Bytes,
    /// The gzip copy.
    pub gzip: Bytes,
    /// Its MIME type.
    pub content_type: &'static str,
    /// Its name with a hash of its content (`site.3f2a9c1b.css`): it never changes.
    pub hashed_name: String,
}

impl Asset {
    fn new(file: &str, body: Vec<u8>) -> anyhow::Result<Asset> {
        let digest = Sha256::digest(&body);
        let hash: String = digest[..4]
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect();
        let hashed_name = match file.rsplit_once('.') {
            Some((stem, extension)) => format!("{stem}.{hash}.{extension}"),
            None => format!("{file}.{hash}"),
        };
        let content_type = match file.rsplit('.').next() {
            Some("css") => "text/css; charset=utf-8",
            Some("js") => "text/javascript; charset=utf-8",
            Some("svg") => "image/svg+xml",
            _ => "application/octet-stream",
        };
        Ok(Asset {
            brotli: encoding::brotli(&body)
                .context("compressing an asset")?
                .into(),
            gzip: encoding::gzip(&body)
                .context("compressing an asset")?
                .into(),
            body: body.into(),
            content_type,
            hashed_name,
        })
    }
}

/// Loads every asset, preferring the override folder's copy, by plain and hashed name.
fn load_assets(dir: Option<&Path>) -> anyhow::Result<HashMap<String, Arc<Asset>>> {
    let mut assets = HashMap::new();
    for (path, embedded) in ASSETS {
        let file = path.trim_start_matches("assets/");
        let body = match dir.map(|dir| dir.join(path)) {
            Some(path) if path.exists() => {
                std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?
            }
            _ => embedded.as_bytes().to_vec(),
        };
        let asset = Arc::new(Asset::new(file, body)?);
        assets.insert(asset.hashed_name.clone(), asset.clone());
        assets.insert(file.to_string(), asset);
    }
    Ok(assets)
}

fn read_override(dir: Option<&Path>, name: &str) -> anyhow::Result<Option<String>> {
    let Some(dir) = dir else { return Ok(None) };
    let path = dir.join(name);
    match std::fs::read_to_string(&path) {
        Ok(text) => Ok(Some(text)),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(error).with_context(|| format!("reading {}", path.display())),
    }
}

/// Escapes the five characters that matter in HTML text and quoted attributes. The
/// default formatter also escapes `/`, which only bloats every URL in a page.
fn escape_html(
    out: &mut minijinja::Output,
    state: &mut minijinja::State,
    value: &minijinja::Value,
) -> Result<(), minijinja::Error> {
    // Plain-text templates (auto-escape off) are written as they are.
    let escaping = !matches!(state.auto_escape(), AutoEscape::None);
    let Some(text) = value.as_str().filter(|_| escaping && !value.is_safe()) else {
        return minijinja::escape_formatter(out, state, value);
    };
    let mut rest = text;
    while let Some(index) = rest.find(['&', '<', '>', '"', '\'']) {
        out.write_str(&rest[..index])?;
        out.write_str(match rest.as_bytes()[index] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        })?;
        rest = &rest[index + 1..];
    }
    out.write_str(rest)?;
    Ok(())
}

impl Theme {
    /// Loads every template, preferring the override folder's copy; fails on a template
    /// that does not parse, naming it.
    pub fn load(dir: Option<&Path>) -> anyhow::Result<Theme> {
        let mut env = Environment::new();
        // Plain-text email parts are not HTML: nothing in them is escaped.
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".txt") {
                AutoEscape::None
            } else {
                AutoEscape::Html
            }
        });
        env.set_formatter(escape_html);
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Chainable);
        for (path, embedded) in TEMPLATES {
            let name = path.trim_start_matches("templates/");
            let source = read_override(dir, path)?.unwrap_or_else(|| (*embedded).to_string());
            env.add_template_owned(name.to_string(), source)
                .with_context(|| format!("parsing template {name}"))?;
        }
        let assets = load_assets(dir)?;
        let urls: HashMap<String, String> = assets
            .iter()
            .map(|(name, asset)| (name.clone(), format!("/assets/{}", asset.hashed_name)))
            .collect();
        // `{{ asset("site.css") }}`: the URL of an asset's current content.
        env.add_function("asset", move |name: &str| {
            urls.get(name)
                .cloned()
                .unwrap_or_else(|| format!("/assets/{name}"))
        });
        Ok(Theme { env, assets })
    }

    /// Renders a template with a view.
    pub fn render(&self, name: &str, view: &impl Serialize) -> anyhow::Result<String> {
        let template = self
            .env
            .get_template(name)
            .with_context(|| format!("template {name}"))?;
        template
            .render(minijinja::value::Serde(view))
            .with_context(|| format!("rendering {name}"))
    }

    /// An asset by plain or hashed file name.
    pub fn asset(&self, file: &str) -> Option<Arc<Asset>> {
        self.assets.get(file).cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_template_parses() {
        let theme = Theme::load(None);

        assert!(theme.is_ok(), "{theme:?}");
    }

    #[test]
    fn a_theme_folder_overrides_one_template_and_keeps_the_rest() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("templates/pages")).expect("mkdir");
        std::fs::write(
            dir.path().join("templates/pages/newsletter.html"),
            "custom {{ x }}",
        )
        .expect("write");

        let theme = Theme::load(Some(dir.path())).expect("loads");

        let page = theme.render("pages/newsletter.html", &serde_json::json!({"x": "<b>"}));
        assert_eq!(page.expect("renders"), "custom &lt;b&gt;");
        // A plain-text email part is written as it is.
        let digest = serde_json::json!({"breaking": true, "t": {"breaking_news": "News"},
            "groups": [{"items": [{"headline": "Tom & Jerry <b>"}]}]});
        let subject = theme.render("email/digest/subject.txt", &digest);
        assert_eq!(subject.expect("renders").trim(), "News: Tom & Jerry <b>");
        let css = theme.asset("site.css").expect("plain name");
        assert!(theme.asset(&css.hashed_name).is_some(), "hashed name");
        assert!(css.hashed_name.starts_with("site.") && css.hashed_name.ends_with(".css"));
        assert!(theme.asset("../Cargo.toml").is_none());
    }
}
