//! `/robots.txt`: the theme's `templates/robots.txt`, which by default names the sitemap
//! index and keeps crawlers out of the newsroom and the search results pages.

use axum::response::Response;
use serde::Serialize;

use crate::web::cache::cacheable_as;
use crate::web::error::AppError;
use crate::web::state::AppState;

/// What `robots.txt` is rendered from.
#[derive(Serialize)]
struct RobotsView<'a> {
    /// The public base URL, without a trailing slash.
    base_url: &'a str,
    /// The sitemap index's absolute URL.
    sitemap_url: String,
    /// The search page's path in each edition (`/search`, `/ar/search`).
    search_paths: Vec<String>,
}

/// Renders `robots.txt`. It shows nothing from the database but the editions' prefixes
/// (which the site tree holds), so it is cached untagged, until the next start.
pub fn show_robots(state: &AppState) -> Result<Response, AppError> {
    let site = state.site();
    let view = RobotsView {
        base_url: &state.base_url,
        sitemap_url: format!("{}/sitemap.xml", state.base_url),
        search_paths: site
            .editions
            .iter()
            .map(|edition| format!("{}/search", edition.edition.path_prefix))
            .collect(),
    };
    let mut text = state.theme.render("robots.txt", &view)?;
    // Templates lose their last line break; a text file ends with one.
    if !text.ends_with('\n') {
        text.push('\n');
    }
    Ok(cacheable_as("text/plain; charset=utf-8", text, Vec::new()))
}
