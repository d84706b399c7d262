//! The reader site: one module per kind of page.

pub mod assets;
pub mod contact;
pub mod feed;
pub mod home;
pub mod jobs;
pub mod language;
pub mod listing;
pub mod metadata;
pub mod newsletter;
pub mod public_form;
pub mod resolve;
pub mod robots;
pub mod search;
pub mod search_cache;
pub mod search_view;
pub mod section;
pub mod shortlink;
pub mod sitemap;
pub mod story;
pub mod story_metadata;
pub mod story_view;

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};

use crate::domain::paging::Position;
use crate::service::site::Site;

/// What must be escaped in a path for a `Location` header: controls, space, non-ASCII
/// (Arabic slugs) and the characters that would end or confuse a path.
const PATH_ESCAPES: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'<')
    .add(b'>')
    .add(b'`')
    .add(b'#')
    .add(b'?')
    .add(b'{')
    .add(b'}');

/// Whether a path is a page each reader gets their own of, which the page cache never
/// stores: the public forms' pages and the search page. `Some(true)` if the page takes
/// `POST`, `Some(false)` if only `GET` and `HEAD`.
pub fn private_page(site: &Site, path: &str) -> Option<bool> {
    public_form::form_page(site, path).or_else(|| search::page_at(site, path).map(|_| false))
}

/// A site path as it goes into a URL: non-ASCII (Arabic slugs) and characters that would
/// end or confuse a path percent-encoded, as browsers send them.
pub fn encoded_path(path: &str) -> String {
    utf8_percent_encode(path, PATH_ESCAPES).to_string()
}

/// What an address of the site (a path, with any query or template) cannot hold in an
/// absolute URL: controls, space and, always (`utf8_percent_encode`), non-ASCII.
const URL_ESCAPES: &AsciiSet = &CONTROLS.add(b' ');

/// The absolute URL of an address of the site, given as it is written in the site's own
/// links: `base_url` and the address with its non-ASCII characters (Arabic slugs)
/// percent-encoded as UTF-8, the rest left as it is (an IRI mapped to a URI, RFC 3987
/// section 3.1). Pages may link with IRIs, but a feed's links, structured data and a
/// newsletter's plain text must be URLs: a mail program links a raw Arabic address
/// only up to its first Arabic letter.
pub fn absolute_url(base_url: &str, address: &str) -> String {
    format!("{base_url}{}", utf8_percent_encode(address, URL_ESCAPES))
}

/// A 301 Moved Permanently to a site path: old URLs and short links keep working.
pub fn moved_permanently(path: &str) -> Response {
    match HeaderValue::from_str(&encoded_path(path)) {
        Ok(location) => (
            StatusCode::MOVED_PERMANENTLY,
            [(header::LOCATION, location)],
        )
            .into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// A 301 to the same position of a list that moved to a site path.
pub fn moved_to_page(path: &str, position: Position) -> Response {
    let mut response = moved_permanently(path);
    let moved = response
        .headers()
        .get(header::LOCATION)
        .and_then(|location| location.to_str().ok())
        .filter(|_| !position.is_first())
        .and_then(|location| HeaderValue::from_str(&position.url(location)).ok());
    if let Some(location) = moved {
        response.headers_mut().insert(header::LOCATION, location);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_urls_percent_encode_only_what_a_url_cannot_hold() {
        assert_eq!(
            absolute_url("https://x.example", "/ar/world/سوق-الذهب?page=2#top"),
            "https://x.example/ar/world/%D8%B3%D9%88%D9%82-%D8%A7%D9%84%D8%B0%D9%87%D8%A8?page=2#top"
        );
        // What is already a URL stays as it is: escapes, queries, templates.
        for address in [
            "/search?q=%D8%B3&sort=newest",
            "/search?q={search_term_string}",
        ] {
            assert_eq!(
                absolute_url("https://x.example", address),
                format!("https://x.example{address}")
            );
        }
        assert_eq!(
            absolute_url("https://x.example", "/a b\n"),
            "https://x.example/a%20b%0A"
        );
    }
}
