//! A page in the cache: its headers, a copy in each coding (Brotli, gzip, none) made the
//! first time a client asks for that coding, and one ETag per coding. A page enters with
//! the one copy its first reader takes, so a miss compresses once, and only if asked to.

use std::hash::{Hash, Hasher};
use std::sync::OnceLock;

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use store::CacheTag;

use crate::web::cache::conditional;
use crate::web::cache::encoding::{self, Coding};

/// Browsers revalidate after a minute; a CDN may keep pages an hour, purged by key.
const CACHE_CONTROL: &str = "public, max-age=60, s-maxage=3600, stale-if-error=86400";
/// What a page's headers and bookkeeping cost beside its bodies, for the byte bound.
const OVERHEAD: usize = 1024;

/// A rendered page, compressed, with every header it is sent with.
#[derive(Debug)]
pub struct CachedPage {
    headers: HeaderMap,
    /// The hash of the page's own bytes; each coding's ETag is made from it.
    hash: String,
    brotli: OnceLock<Bytes>,
    gzip: OnceLock<Bytes>,
    identity: OnceLock<Bytes>,
}

impl CachedPage {
    /// Keeps a rendered page in `coding` and adds its validators and cache headers to the
    /// headers it was rendered with.
    pub fn new(
        body: Bytes,
        mut headers: HeaderMap,
        tags: &[CacheTag],
        coding: Coding,
    ) -> std::io::Result<Self> {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        body.hash(&mut hasher);
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static(CACHE_CONTROL),
        );
        let keys: Vec<String> = tags.iter().map(CacheTag::to_string).collect();
        if let Ok(keys) = HeaderValue::from_str(&keys.join(" ")) {
            headers.insert("surrogate-key", keys);
        }
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        headers.remove(header::CONTENT_LENGTH);
        // It timed the render that made this copy, not the cache hits that serve it.
        headers.remove("server-timing");
        let page = CachedPage {
            headers,
            hash: format!("{:016x}", hasher.finish()),
            brotli: OnceLock::new(),
            gzip: OnceLock::new(),
            identity: OnceLock::new(),
        };
        let copy = encode(body, coding)?;
        let _ = page.copy(coding).set(copy);
        Ok(page)
    }

    fn copy(&self, coding: Coding) -> &OnceLock<Bytes> {
        match coding {
            Coding::Brotli => &self.brotli,
            Coding::Gzip => &self.gzip,
            Coding::Identity => &self.identity,
        }
    }

    /// Bytes this page holds now, counted against the cache's byte bound.
    pub fn weight(&self) -> usize {
        let copies = [&self.brotli, &self.gzip, &self.identity];
        OVERHEAD
            + copies
                .iter()
                .filter_map(|copy| copy.get())
                .map(Bytes::len)
                .sum::<usize>()
    }

    /// The page's own bytes, from whichever copy there is.
    fn own_bytes(&self) -> std::io::Result<Bytes> {
        if let Some(bytes) = self.identity.get() {
            return Ok(bytes.clone());
        }
        if let Some(gzip) = self.gzip.get() {
            return encoding::gunzip(gzip).map(Bytes::from);
        }
        let brotli = self.brotli.get().map_or(&[][..], |bytes| &bytes[..]);
        encoding::unbrotli(brotli).map(Bytes::from)
    }

    /// The ETag of the copy in `coding`.
    pub fn etag(&self, coding: Coding) -> HeaderValue {
        let tag = match coding.token() {
            Some(token) => format!("\"{}-{token}\"", self.hash),
            None => format!("\"{}\"", self.hash),
        };
        HeaderValue::from_str(&tag).unwrap_or(HeaderValue::from_static("\"0\""))
    }

    /// The bytes of the copy in `coding`, and how many bytes the page grew by making it
    /// (from another copy, the first time a client wants this one).
    pub fn body(&self, coding: Coding) -> std::io::Result<(Bytes, usize)> {
        let copy = self.copy(coding);
        if let Some(bytes) = copy.get() {
            return Ok((bytes.clone(), 0));
        }
        let bytes = encode(self.own_bytes()?, coding)?;
        // Two clients may race to make it: only the one that stores it counts.
        let grew = if copy.set(bytes.clone()).is_ok() {
            bytes.len()
        } else {
            0
        };
        Ok((bytes, grew))
    }

    /// The response for a request in `coding`: `304` if the client holds this copy,
    /// headers only for `HEAD` (with the `Content-Length` a `GET` gets), else the body.
    pub fn respond(
        &self,
        coding: Coding,
        body: Bytes,
        request: &HeaderMap,
        head: bool,
    ) -> Response {
        let etag = self.etag(coding);
        let last_modified = self.headers.get(header::LAST_MODIFIED);
        let not_modified = conditional::not_modified(request, &etag, last_modified);
        let length = HeaderValue::from(body.len());
        let mut response = if not_modified {
            StatusCode::NOT_MODIFIED.into_response()
        } else if head {
            StatusCode::OK.into_response()
        } else {
            Response::new(Body::from(body))
        };
        let headers = response.headers_mut();
        *headers = self.headers.clone();
        headers.insert(header::ETAG, etag);
        if not_modified {
            headers.remove(header::CONTENT_TYPE);
            return response;
        }
        if let Some(value) = coding.header_value() {
            headers.insert(header::CONTENT_ENCODING, value);
        }
        headers.insert(header::CONTENT_LENGTH, length);
        response
    }
}

/// A page's own bytes in `coding`.
fn encode(body: Bytes, coding: Coding) -> std::io::Result<Bytes> {
    Ok(match coding {
        Coding::Brotli => encoding::brotli(&body)?.into(),
        Coding::Gzip => encoding::gzip(&body)?.into(),
        Coding::Identity => body,
    })
}
