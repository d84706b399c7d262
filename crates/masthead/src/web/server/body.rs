//! The bodies the server hands on: a request body that must arrive by a deadline, and a
//! response body that tells the connection when its answer has gone out.

use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::BoxError;
use axum::body::{Body, Bytes};
use axum::http::HeaderMap;
use axum::http::header::CONTENT_LENGTH;
use http_body::{Frame, SizeHint};
use hyper::body::Incoming;
use tokio::time::{Instant, Sleep};

use super::phase::Phase;

/// Time allowed per KB of a declared body on top of `body_timeout`: an upload may come
/// as slowly as 64 KB/s.
const ALLOWANCE_PER_KB: Duration = Duration::from_micros(15_625);

/// When a request's body must have arrived: `timeout` from now, plus an allowance for
/// its declared length.
pub(super) fn body_deadline(headers: &HeaderMap, timeout: Duration) -> Instant {
    let declared = headers
        .get(CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok())
        .unwrap_or(0);
    let kilobytes = u32::try_from(declared / 1024).unwrap_or(u32::MAX);
    Instant::now() + timeout + ALLOWANCE_PER_KB.saturating_mul(kilobytes)
}

/// The request body read past its deadline.
#[derive(Debug, thiserror::Error)]
#[error("the request body did not arrive in time")]
pub(super) struct BodyTimedOut;

/// A request body that fails once its deadline passes, and says so in `expired`.
pub(super) struct TimedBody {
    body: Incoming,
    deadline: Instant,
    /// Made at the first wait, so that bodies read at once (or never) cost no timer.
    timer: Option<Pin<Box<Sleep>>>,
    expired: Arc<AtomicBool>,
}

impl TimedBody {
    /// Wraps a request body.
    pub(super) fn new(body: Incoming, deadline: Instant, expired: Arc<AtomicBool>) -> TimedBody {
        TimedBody {
            body,
            deadline,
            timer: None,
            expired,
        }
    }
}

impl http_body::Body for TimedBody {
    type Data = Bytes;
    type Error = BoxError;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, BoxError>>> {
        if self.expired.load(Ordering::Relaxed) {
            return Poll::Ready(Some(Err(BodyTimedOut.into())));
        }
        if let Poll::Ready(frame) = Pin::new(&mut self.body).poll_frame(cx) {
            return Poll::Ready(frame.map(|frame| frame.map_err(BoxError::from)));
        }
        let deadline = self.deadline;
        let timer = self
            .timer
            .get_or_insert_with(|| Box::pin(tokio::time::sleep_until(deadline)));
        match timer.as_mut().poll(cx) {
            Poll::Ready(()) => {
                self.expired.store(true, Ordering::Relaxed);
                Poll::Ready(Some(Err(BodyTimedOut.into())))
            }
            Poll::Pending => Poll::Pending,
        }
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.body.size_hint()
    }
}

/// A response body that marks the connection idle when it is done with (sent or dropped).
pub(super) struct Tracked {
    body: Body,
    phase: Arc<Phase>,
}

impl Tracked {
    /// Wraps a response body.
    pub(super) fn new(body: Body, phase: Arc<Phase>) -> Tracked {
        Tracked { body, phase }
    }
}

impl Drop for Tracked {
    fn drop(&mut self) {
        self.phase.answer_finished();
    }
}

impl http_body::Body for Tracked {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        Pin::new(&mut self.body).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.body.size_hint()
    }
}
