//! One request and its answer on a connection: the client's address and the body's
//! deadline go in; a 408 replaces the answer to a body that stalled, a 431 answers a head
//! over 64 KB, and
//! `Strict-Transport-Security` joins every answer of an https site.

use std::convert::Infallible;
use std::future::{Future, poll_fn};
use std::net::IpAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use axum::BoxError;
use axum::body::{Body, Bytes};
use axum::http::{HeaderValue, Request, Response, StatusCode, header};
use axum::response::IntoResponse;
use hyper::body::Incoming;
use tower_service::Service;

use super::ServerSettings;
use super::body::{TimedBody, Tracked, body_deadline};
use super::phase::Phase;

/// Two years, subdomains included: what browsers' preload lists ask for.
const HSTS: &str = "max-age=63072000; includeSubDomains";
/// The largest request head (target and header fields) the app is given; larger ones get
/// 431. hyper's `max_buf_size` alone can be passed when a head arrives in pieces
/// (hyperium/hyper#4081).
const MAX_HEAD: usize = 64 * 1024;

/// The app's service as one connection sees it (hyper's kind of service).
pub(super) struct Exchange<S> {
    pub(super) service: S,
    pub(super) peer: IpAddr,
    pub(super) phase: Arc<Phase>,
    pub(super) settings: Arc<ServerSettings>,
}

type Answer = Pin<Box<dyn Future<Output = Result<Response<Tracked>, Infallible>> + Send>>;

impl<S, B> hyper::service::Service<Request<Incoming>> for Exchange<S>
where
    S: Service<Request<Body>, Response = Response<B>, Error = Infallible> + Clone + Send + 'static,
    S::Future: Send,
    B: http_body::Body<Data = Bytes> + Send + 'static,
    B::Error: Into<BoxError>,
{
    type Response = Response<Tracked>;
    type Error = Infallible;
    type Future = Answer;

    fn call(&self, request: Request<Incoming>) -> Answer {
        self.phase.request_started();
        let oversized = head_size(&request) > MAX_HEAD;
        let settings = &self.settings;
        let client = settings
            .trusted_proxies
            .client_addr(self.peer, request.headers());
        let deadline = body_deadline(request.headers(), settings.body_timeout);
        let expired = Arc::new(AtomicBool::new(false));
        let timed = expired.clone();
        let mut request = request.map(|body| Body::new(TimedBody::new(body, deadline, timed)));
        request.extensions_mut().insert(client);
        let mut service = self.service.clone();
        let phase = self.phase.clone();
        let strict_transport = settings.strict_transport_security;
        Box::pin(async move {
            let mut response = if oversized {
                closing(
                    StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
                    "The request's headers are too large.",
                )
            } else {
                poll_fn(|cx| service.poll_ready(cx)).await?;
                let response = service.call(request).await?;
                if expired.load(Ordering::Relaxed) {
                    closing(
                        StatusCode::REQUEST_TIMEOUT,
                        "The request body did not arrive in time.",
                    )
                } else {
                    response.map(Body::new)
                }
            };
            if strict_transport {
                response.headers_mut().insert(
                    header::STRICT_TRANSPORT_SECURITY,
                    HeaderValue::from_static(HSTS),
                );
            }
            Ok(response.map(|body| Tracked::new(body, phase)))
        })
    }
}

/// The bytes of a request's target and header fields.
fn head_size(request: &Request<Incoming>) -> usize {
    let target = request
        .uri()
        .path_and_query()
        .map_or(0, |target| target.as_str().len());
    let fields: usize = request
        .headers()
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len() + 4)
        .sum();
    target + fields
}

/// A refusal the connection closes after (a stalled body, an oversized head).
fn closing(status: StatusCode, message: &'static str) -> Response<Body> {
    let mut response = (status, message).into_response();
    crate::web::middleware::add_security_headers(response.headers_mut());
    response
        .headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}
