//! The route group of a request: a small fixed set of names for metrics and logs, so that
//! the number of label values stays bounded whatever paths clients invent.
//!
//! Reader pages are told apart the way the resolver dispatches them (edition prefix,
//! decoded segments, the section tree), from the path alone: cache hits never reach the
//! resolver, and they are counted in the same group as the render that made them.

use crate::domain::reader_url::decode_segments;
use crate::domain::site_file::is_file_name;
use crate::service::site::Site;
use crate::web::site::feed::is_feed_path;

/// What kind of page or endpoint a request asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RouteGroup {
    /// An edition's home page.
    Home,
    /// A section front.
    Section,
    /// A story in a section.
    Story,
    /// A topic page.
    Topic,
    /// A keyword page.
    Keyword,
    /// An author's page.
    Author,
    /// A static page (a story without a section).
    Page,
    /// An RSS feed.
    Feed,
    /// `robots.txt` or a sitemap.
    Sitemap,
    /// The search page.
    Search,
    /// A theme asset.
    Asset,
    /// A media file.
    Media,
    /// A short link.
    Shortlink,
    /// The newsroom under `/admin`, except logging in and out.
    Newsroom,
    /// The newsroom's login and logout.
    Login,
    /// `/healthz`, `/readyz` and `/metrics`.
    Ops,
    /// Anything else (which is a 404, or a newsletter form).
    Other,
}

impl RouteGroup {
    /// The group of a request path on this site.
    pub fn of(site: &Site, path: &str) -> RouteGroup {
        match path {
            "/healthz" | "/readyz" | "/metrics" => RouteGroup::Ops,
            "/admin/login" | "/admin/logout" => RouteGroup::Login,
            "/admin" => RouteGroup::Newsroom,
            _ if path.starts_with("/admin/") => RouteGroup::Newsroom,
            _ if path.starts_with("/assets/") => RouteGroup::Asset,
            _ if path.starts_with("/media/") => RouteGroup::Media,
            _ if path.starts_with("/s/") => RouteGroup::Shortlink,
            _ => reader_page(site, path),
        }
    }

    /// The group's name in metrics and logs.
    pub fn as_str(self) -> &'static str {
        match self {
            RouteGroup::Home => "home",
            RouteGroup::Section => "section",
            RouteGroup::Story => "story",
            RouteGroup::Topic => "topic",
            RouteGroup::Keyword => "keyword",
            RouteGroup::Author => "author",
            RouteGroup::Page => "page",
            RouteGroup::Feed => "feed",
            RouteGroup::Sitemap => "sitemap",
            RouteGroup::Search => "search",
            RouteGroup::Asset => "asset",
            RouteGroup::Media => "media",
            RouteGroup::Shortlink => "shortlink",
            RouteGroup::Newsroom => "newsroom",
            RouteGroup::Login => "login",
            RouteGroup::Ops => "ops",
            RouteGroup::Other => "other",
        }
    }
}

/// The reader page a path would show, by its shape (see `resolve::show_path`).
fn reader_page(site: &Site, path: &str) -> RouteGroup {
    let Some((edition, rest)) = site.edition_for_path(path) else {
        return RouteGroup::Other;
    };
    let Some(segments) = decode_segments(rest) else {
        return RouteGroup::Other;
    };
    let slugs: Vec<&str> = segments.iter().map(String::as_str).collect();
    match slugs.as_slice() {
        [] => RouteGroup::Home,
        ["topic", _] => RouteGroup::Topic,
        ["keyword", _] => RouteGroup::Keyword,
        ["author", _] => RouteGroup::Author,
        _ if is_feed_path(&slugs) => RouteGroup::Feed,
        ["search"] => RouteGroup::Search,
        [name] if is_file_name(name) => RouteGroup::Sitemap,
        _ if edition.section_at(&slugs).is_some() => RouteGroup::Section,
        [_] => RouteGroup::Page,
        _ => RouteGroup::Story,
    }
}
