//! `/metrics` in the Prometheus text format: requests by route group, method and status,
//! their latency, logins refused, and on each scrape the page cache, the database pool,
//! the job queue and the change follower. Only for those `metrics_allow` or
//! `metrics_token` admit; anyone else gets 404.

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::encoding::prometheus_text::{CONTENT_TYPE, encode};
use prometheus_client::metrics::counter::{ConstCounter, Counter};
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::ConstGauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;

use crate::web::client::ClientAddr;
use crate::web::error::AppError;
use crate::web::ops::access::MetricsAccess;
use crate::web::ops::route::RouteGroup;
use crate::web::state::AppState;

/// Latency buckets in seconds: a cache hit takes well under a millisecond, a render a few.
const BUCKETS: [f64; 12] = [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0,
];
/// How long a scrape waits for the database's figures before leaving them out.
const DATABASE_TIMEOUT: Duration = Duration::from_secs(1);

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    route: &'static str,
    method: &'static str,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: &'static str,
}

type Latencies = Family<RouteLabels, Histogram, fn() -> Histogram>;

/// The app's counters, and who may read them.
#[derive(Debug)]
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latencies: Latencies,
    logins_failed: Counter,
    logins_locked: Counter,
    access: MetricsAccess,
}

impl Metrics {
    /// Empty counters behind an access rule.
    pub fn new(access: MetricsAccess) -> Metrics {
        let mut registry = Registry::with_prefix("masthead");
        let requests = Family::<RequestLabels, Counter>::default();
        let latencies: Latencies = Family::new_with_constructor(|| Histogram::new(BUCKETS));
        let logins_failed = Counter::default();
        let logins_locked = Counter::default();
        registry.register(
            "http_requests",
            "HTTP requests answered, by route group, method and status",
            requests.clone(),
        );
        registry.register(
            "http_request_duration_seconds",
            "Time to answer a request (until its headers), by route group",
            latencies.clone(),
        );
        registry.register(
            "logins_failed",
            "Logins refused for a wrong email or password",
            logins_failed.clone(),
        );
        registry.register(
            "logins_locked",
            "Logins refused because too many failed before",
            logins_locked.clone(),
        );
        Metrics {
            registry,
            requests,
            latencies,
            logins_failed,
            logins_locked,
            access,
        }
    }

    /// Counts one answered request.
    pub fn record(&self, route: RouteGroup, method: &Method, status: StatusCode, took: Duration) {
        let route = route.as_str();
        self.requests
            .get_or_create(&RequestLabels {
                route,
                method: method_label(method),
                status: status.as_u16(),
            })
            .inc();
        self.latencies
            .get_or_create(&RouteLabels { route })
            .observe(took.as_secs_f64());
    }

    /// Counts a login refused for a wrong email or password.
    pub fn login_failed(&self) {
        self.logins_failed.inc();
    }

    /// Counts a login refused by the failed-login limit.
    pub fn login_locked(&self) {
        self.logins_locked.inc();
    }

    /// Whether a client may read the metrics.
    fn allows(&self, client: IpAddr, headers: &HeaderMap) -> bool {
        self.access.allows(client, headers)
    }
}

/// A method's label: the standard ones by name, anything invented as `other`.
fn method_label(method: &Method) -> &'static str {
    match method.as_str() {
        "GET" => "GET",
        "HEAD" => "HEAD",
        "POST" => "POST",
        "PUT" => "PUT",
        "DELETE" => "DELETE",
        "OPTIONS" => "OPTIONS",
        "PATCH" => "PATCH",
        "TRACE" => "TRACE",
        "CONNECT" => "CONNECT",
        _ => "other",
    }
}

/// `GET /metrics`: the text exposition, for allowed clients only.
pub async fn show_metrics(
    State(state): State<Arc<AppState>>,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    if !state.metrics.allows(client, &headers) {
        return Err(AppError::NotFound);
    }
    let now = scrape_registry(&state).await;
    let mut text = String::new();
    encode(&mut text, &state.metrics.registry)
        .and_then(|()| encode(&mut text, &now))
        .map_err(|error| anyhow::anyhow!("encoding the metrics: {error}"))?;
    let mut response = text.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(CONTENT_TYPE));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// The figures read at scrape time: page cache, pool, job queue, change follower. Those
/// that need the database are left out when it does not answer in time.
async fn scrape_registry(state: &AppState) -> Registry {
    let mut registry = Registry::with_prefix("masthead");
    let cache = state.cache.stats();
    let gauge = |value: u64| ConstGauge::new(i64::try_from(value).unwrap_or(i64::MAX));
    registry.register(
        "page_cache_hits",
        "Requests answered from the page cache",
        ConstCounter::new(cache.hits),
    );
    registry.register(
        "page_cache_misses",
        "Cacheable requests that had to be rendered",
        ConstCounter::new(cache.misses),
    );
    registry.register(
        "page_cache_entries",
        "Pages in the page cache",
        gauge(cache.entries),
    );
    registry.register(
        "page_cache_bytes",
        "Bytes of pages in the page cache",
        gauge(cache.bytes),
    );
    registry.register(
        "search_cache_entries",
        "Search result pages kept until the index changes",
        gauge(state.search_pages.count() as u64),
    );
    let pool = state.store.pool_use();
    registry.register(
        "db_pool_open",
        "Database connections open",
        gauge(pool.open.into()),
    );
    registry.register(
        "db_pool_idle",
        "Database connections idle",
        gauge(pool.idle.into()),
    );
    registry.register(
        "db_pool_max",
        "Most database connections the pool opens",
        gauge(pool.max.into()),
    );
    if let Ok(Ok(jobs)) = tokio::time::timeout(DATABASE_TIMEOUT, state.store.job_counts()).await {
        registry.register("jobs_waiting", "Jobs not done yet", gauge(jobs.waiting));
        registry.register(
            "jobs_failed",
            "Jobs not done whose last attempt failed",
            gauge(jobs.failed),
        );
    }
    if let Some(age) = state.follower.read_age() {
        registry.register(
            "change_follower_lag_seconds",
            "Seconds since the change follower last read the change log",
            ConstGauge::new(age.as_secs_f64()),
        );
    }
    if let Ok(Ok(newest)) =
        tokio::time::timeout(DATABASE_TIMEOUT, state.store.last_change_id()).await
    {
        let behind = newest.saturating_sub(state.follower.read_id()).max(0);
        registry.register(
            "change_follower_behind",
            "Change-log entries written that the follower has not read yet",
            ConstGauge::new(behind),
        );
    }
    registry
}
