//! The HTTP server: accepts connections and serves the app's service on each with hyper's
//! HTTP/1, with the timeouts a public edge needs (request head, request body, idle
//! keep-alive), the client's address in every request, and a graceful shutdown.

mod body;
mod exchange;
mod phase;

use std::convert::Infallible;
use std::time::Duration;

use anyhow::Context;
use axum::BoxError;
use axum::body::{Body, Bytes};
use axum::http::{Request, Response};
use hyper::server::conn::http1;
use hyper_util::rt::TokioIo;
use hyper_util::server::graceful::GracefulShutdown;
use std::sync::Arc;
use tokio::net::TcpListener;
use tower_service::Service;

use crate::config::Config;
use crate::web::client::TrustedProxies;

use exchange::Exchange;
use phase::{Phase, TimedIo};

/// How the server treats connections.
#[derive(Clone, Debug)]
pub struct ServerSettings {
    /// From a connection's first byte (or its opening) to a complete request head.
    pub header_timeout: Duration,
    /// For a request body, plus an allowance per KB of its declared length.
    pub body_timeout: Duration,
    /// How long a kept-alive connection may wait for its next request.
    pub idle_timeout: Duration,
    /// Peers whose forwarding headers name the client.
    pub trusted_proxies: TrustedProxies,
    /// Whether to send `Strict-Transport-Security` (the site is served over https).
    pub strict_transport_security: bool,
}

impl ServerSettings {
    /// The settings a configuration asks for.
    pub fn from_config(config: &Config) -> anyhow::Result<ServerSettings> {
        Ok(ServerSettings {
            header_timeout: Duration::from_secs(config.header_timeout_secs),
            body_timeout: Duration::from_secs(config.body_timeout_secs),
            idle_timeout: Duration::from_secs(config.idle_timeout_secs),
            trusted_proxies: TrustedProxies::parse(&config.trusted_proxies)
                .context("trusted_proxies")?,
            strict_transport_security: config.public_url().starts_with("https://"),
        })
    }
}

/// Serves `service` on every connection `listener` accepts until `shutdown` completes,
/// then stops accepting and waits for the connections' requests in flight to finish.
pub async fn serve<S, B>(
    listener: TcpListener,
    service: S,
    settings: ServerSettings,
    shutdown: impl Future<Output = ()>,
) where
    S: Service<Request<Body>, Response = Response<B>, Error = Infallible> + Clone + Send + 'static,
    S::Future: Send,
    B: http_body::Body<Data = Bytes> + Send + 'static,
    B::Error: Into<BoxError>,
{
    let settings = Arc::new(settings);
    let graceful = GracefulShutdown::new();
    let mut http = http1::Builder::new();
    // Our own timers replace hyper's header timeout, which would also cut idle connections.
    http.header_read_timeout(None);
    // A request head larger than 64 KB gets 431 (hyper's default allows about 400 KB).
    http.max_buf_size(64 * 1024);
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            () = &mut shutdown => break,
        };
        let (socket, peer) = match accepted {
            Ok(accepted) => accepted,
            Err(error) => {
                wait_after(&error).await;
                continue;
            }
        };
        // Responses are written whole; Nagle's algorithm would only delay them.
        if let Err(error) = socket.set_nodelay(true) {
            tracing::debug!(%error, "setting TCP_NODELAY");
        }
        let phase = Phase::new(settings.header_timeout, settings.idle_timeout);
        let exchange = Exchange {
            service: service.clone(),
            peer: peer.ip(),
            phase: phase.clone(),
            settings: settings.clone(),
        };
        let io = TokioIo::new(TimedIo::new(socket, phase));
        let connection = graceful.watch(http.serve_connection(io, exchange));
        tokio::spawn(async move {
            if let Err(error) = connection.await {
                tracing::debug!(%error, %peer, "connection ended");
            }
        });
    }
    drop(listener);
    graceful.shutdown().await;
}

/// After a failed accept: a client that gave up is nothing; running out of file
/// descriptors is worth a line and a pause rather than a busy loop.
async fn wait_after(error: &std::io::Error) {
    use std::io::ErrorKind::{ConnectionAborted, ConnectionRefused, ConnectionReset};
    if matches!(
        error.kind(),
        ConnectionAborted | ConnectionRefused | ConnectionReset
    ) {
        return;
    }
    tracing::error!(%error, "accepting a connection");
    tokio::time::sleep(Duration::from_secs(1)).await;
}
