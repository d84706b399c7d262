//! One log line per request (method, route group, path, status, duration, and whether the
//! page cache answered), and the request metrics, from a tower service wrapped around the
//! whole site, so that cache hits are logged and counted too.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Instant;

use axum::http::{Request, Response};
use tower_service::Service;

use crate::web::cache::CacheOutcome;
use crate::web::ops::route::RouteGroup;
use crate::web::state::AppState;

/// Logs and counts every request the inner service answers.
#[derive(Clone)]
pub struct RequestLog<S> {
    inner: S,
    state: Arc<AppState>,
}

impl<S> RequestLog<S> {
    /// Wraps a service.
    pub fn new(state: Arc<AppState>, inner: S) -> RequestLog<S> {
        RequestLog { inner, state }
    }
}

type LoggedFuture<R, E> = Pin<Box<dyn Future<Output = Result<R, E>> + Send>>;

impl<S, B, R> Service<Request<B>> for RequestLog<S>
where
    S: Service<Request<B>, Response = Response<R>>,
    S::Future: Send + 'static,
    R: Send + 'static,
{
    type Response = Response<R>;
    type Error = S::Error;
    type Future = LoggedFuture<Response<R>, S::Error>;

    fn poll_ready(&mut self, context: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(context)
    }

    fn call(&mut self, request: Request<B>) -> Self::Future {
        let started = Instant::now();
        let method = request.method().clone();
        let path = request.uri().path().to_string();
        let route = RouteGroup::of(&self.state.site(), &path);
        let answered = self.inner.call(request);
        let state = self.state.clone();
        Box::pin(async move {
            let response = answered.await?;
            let took = started.elapsed();
            let status = response.status();
            state.metrics.record(route, &method, status, took);
            let cache = response
                .extensions()
                .get::<CacheOutcome>()
                .map_or("none", |outcome| outcome.as_str());
            tracing::info!(
                target: "masthead::request",
                method = %method,
                route = route.as_str(),
                path = %path,
                status = status.as_u16(),
                duration_ms = took.as_secs_f64() * 1000.0,
                cache,
                "request"
            );
            Ok(response)
        })
    }
}
