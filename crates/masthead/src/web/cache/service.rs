//! [`CachedSite`]: the whole site behind the page cache. A reader page's `GET` or `HEAD` is
//! answered from memory when it can be; a `GET` that misses goes to the router and a
//! complete `200` is kept on the way out. `HEAD` never stores. `OPTIONS` on a reader page
//! gets `204` with the methods it takes and other methods `405` (the readers' own pages,
//! the newsletter's and contact forms' and search, pass uncached, `POST` included where
//! the page takes it); other spellings of a URL and everything that is not a reader page
//! go to the router untouched.

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use http_body::Body as _;
use tower_service::Service;

use crate::domain::reader_url::{ReaderUrl, is_reader_path};
use crate::web::cache::encoding::Coding;
use crate::web::cache::page::CachedPage;
use crate::web::cache::{CacheOutcome, CacheTags};
use crate::web::middleware::add_security_headers;
use crate::web::site::private_page;
use crate::web::state::AppState;

/// Bodies larger than this are served but not cached.
const MAX_BODY: usize = 2 * 1024 * 1024;
/// The methods of a reader page that takes no form.
const READER_METHODS: &str = "GET, HEAD";

/// The whole site behind the page cache.
#[derive(Clone)]
pub struct CachedSite {
    state: Arc<AppState>,
    router: Router,
}

impl CachedSite {
    /// Puts the cache in front of a router.
    pub fn new(state: Arc<AppState>, router: Router) -> CachedSite {
        CachedSite { state, router }
    }
}

type ResponseFuture = Pin<Box<dyn Future<Output = Result<Response, Infallible>> + Send>>;

/// Marks a response with how the cache took part in it.
fn marked(mut response: Response, outcome: CacheOutcome) -> Response {
    response.extensions_mut().insert(outcome);
    response
}

impl Service<Request> for CachedSite {
    type Response = Response;
    type Error = Infallible;
    type Future = ResponseFuture;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, mut request: Request) -> ResponseFuture {
        if !is_reader_path(request.uri().path()) {
            return self.pass(request, false);
        }
        let site = self.state.site();
        let method = request.method().clone();
        // The public forms' pages and search are each reader's own: never cached, GET and
        // (where the page takes it) POST.
        if let Some(takes_post) = private_page(&site, request.uri().path()) {
            return match (takes_post, &method) {
                (_, &Method::GET | &Method::HEAD) | (true, &Method::POST) => {
                    self.pass(request, true)
                }
                (true, _) => self.other_method(request, "GET, HEAD, POST"),
                (false, _) => self.other_method(request, READER_METHODS),
            };
        }
        if method != Method::GET && method != Method::HEAD {
            return self.other_method(request, READER_METHODS);
        }
        let ReaderUrl::Page(address) = site.reader_url(request.uri().path(), request.uri().query())
        else {
            return self.pass(request, true);
        };
        let key = address.url();
        let coding = Coding::negotiate(request.headers());
        let head = method == Method::HEAD;
        if let Some(page) = self.state.cache.get(&key) {
            self.state.cache.count(CacheOutcome::Hit);
            let state = self.state.clone();
            let response = answer(&state, &key, &page, coding, request.headers(), head, false);
            return Box::pin(std::future::ready(Ok(marked(response, CacheOutcome::Hit))));
        }
        self.state.cache.count(CacheOutcome::Miss);
        let state = self.state.clone();
        let conditions = request.headers().clone();
        let generation = state.cache.generation();
        // A HEAD that misses renders the page as GET would, so that its headers are the
        // ones a GET gets; it stores nothing.
        *request.method_mut() = Method::GET;
        let response = self.router.call(request);
        Box::pin(async move {
            let response = response.await?;
            let Some(CacheTags(tags)) = response.extensions().get::<CacheTags>().cloned() else {
                return Ok(marked(response, CacheOutcome::Miss));
            };
            // A large sitemap is sent as it is, not kept.
            let too_large = response.body().size_hint().lower() > MAX_BODY as u64;
            if response.status() != StatusCode::OK || too_large {
                return Ok(marked(response, CacheOutcome::Miss));
            }
            let (parts, body) = response.into_parts();
            let timing = parts.headers.get("server-timing").cloned();
            let page = match axum::body::to_bytes(body, MAX_BODY).await {
                Ok(body) => CachedPage::new(body, parts.headers, &tags, coding),
                Err(_) => return Ok(StatusCode::INTERNAL_SERVER_ERROR.into_response()),
            };
            let Ok(page) = page.map(Arc::new) else {
                return Ok(StatusCode::INTERNAL_SERVER_ERROR.into_response());
            };
            if !head {
                state
                    .cache
                    .insert(key.clone(), page.clone(), &tags, generation);
            }
            let mut response = answer(&state, &key, &page, coding, &conditions, head, head);
            if let Some(timing) = timing {
                response.headers_mut().insert("server-timing", timing);
            }
            Ok(marked(response, CacheOutcome::Miss))
        })
    }
}

/// Answers from a cached page in `coding`, counting any bytes the page grew by (unless it
/// was made for this one request and not kept).
fn answer(
    state: &AppState,
    key: &str,
    page: &Arc<CachedPage>,
    coding: Coding,
    request: &HeaderMap,
    head: bool,
    unkept: bool,
) -> Response {
    match page.body(coding) {
        Ok((body, grew)) => {
            if !unkept {
                state.cache.grow(key, page, grew);
            }
            page.respond(coding, body, request, head)
        }
        Err(error) => {
            tracing::error!(%error, "restoring a cached page's bytes");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

impl CachedSite {
    /// Sends a request to the router without the cache; `counted` for reader requests.
    fn pass(&mut self, request: Request, counted: bool) -> ResponseFuture {
        if counted {
            self.state.cache.count(CacheOutcome::Pass);
        }
        let response = self.router.call(request);
        Box::pin(async move { Ok(marked(response.await?, CacheOutcome::Pass)) })
    }

    /// A method a reader page does not take: `OPTIONS` is answered `204` with the methods
    /// it does take (`allow`), anything else is refused with `405` naming them.
    fn other_method(&mut self, request: Request, allow: &'static str) -> ResponseFuture {
        self.state.cache.count(CacheOutcome::Pass);
        let status = if request.method() == Method::OPTIONS {
            StatusCode::NO_CONTENT
        } else {
            StatusCode::METHOD_NOT_ALLOWED
        };
        let mut response =
            (status, [(header::ALLOW, HeaderValue::from_static(allow))]).into_response();
        add_security_headers(response.headers_mut());
        let response = marked(response, CacheOutcome::Pass);
        Box::pin(std::future::ready(Ok(response)))
    }
}
