//! What a connection waits for, and how long it may: the request head (from the first
//! byte, `header_timeout`), nothing while a request is handled, then the next request
//! (`idle_timeout`). [`TimedIo`] fails a read that outlasts the wait, which closes the
//! connection: a client that sends one byte a second cannot hold a socket.

use std::io;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::time::{Instant, Sleep};

#[derive(Clone, Copy, Debug)]
enum Waiting {
    /// For a request head, since this instant.
    Head(Instant),
    /// For the app's answer: the client owes nothing (a body has its own deadline).
    Answer,
    /// For the next request on a kept-alive connection, since this instant.
    Idle(Instant),
}

#[derive(Debug)]
struct State {
    waiting: Waiting,
    /// The connection's task, parked in a read, to wake when the deadline changes.
    reader: Option<Waker>,
}

/// One connection's phase, shared by its socket and the requests it carries.
#[derive(Debug)]
pub(super) struct Phase {
    state: Mutex<State>,
    header_timeout: Duration,
    idle_timeout: Duration,
}

impl Phase {
    /// A new connection: its first request head is due within `header_timeout`.
    pub(super) fn new(header_timeout: Duration, idle_timeout: Duration) -> Arc<Phase> {
        Arc::new(Phase {
            state: Mutex::new(State {
                waiting: Waiting::Head(Instant::now()),
                reader: None,
            }),
            header_timeout,
            idle_timeout,
        })
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
    }

    /// A request head arrived: the app has it now.
    pub(super) fn request_started(&self) {
        self.state().waiting = Waiting::Answer;
    }

    /// The answer went out: the connection idles until the next request.
    pub(super) fn answer_finished(&self) {
        let reader = {
            let mut state = self.state();
            state.waiting = Waiting::Idle(Instant::now());
            state.reader.take()
        };
        // The parked read has no deadline yet: let it arm the idle one.
        if let Some(reader) = reader {
            reader.wake();
        }
    }

    /// Bytes arrived: on an idle connection they begin the next request head.
    fn received(&self) {
        let mut state = self.state();
        if let Waiting::Idle(_) = state.waiting {
            state.waiting = Waiting::Head(Instant::now());
        }
    }

    /// When a read parked now must give up, if ever; remembers who to wake.
    fn read_deadline(&self, reader: &Waker) -> Option<Instant> {
        let mut state = self.state();
        if !state
            .reader
            .as_ref()
            .is_some_and(|parked| parked.will_wake(reader))
        {
            state.reader = Some(reader.clone());
        }
        match state.waiting {
            Waiting::Head(since) => Some(since + self.header_timeout),
            Waiting::Answer => None,
            Waiting::Idle(since) => Some(since + self.idle_timeout),
        }
    }
}

/// A socket whose reads fail with `TimedOut` once the connection's phase has waited too long.
pub(super) struct TimedIo<T> {
    io: T,
    phase: Arc<Phase>,
    timer: Pin<Box<Sleep>>,
    armed_for: Instant,
}

impl<T> TimedIo<T> {
    /// Wraps a socket.
    pub(super) fn new(io: T, phase: Arc<Phase>) -> TimedIo<T> {
        let now = Instant::now();
        TimedIo {
            io,
            phase,
            timer: Box::pin(tokio::time::sleep_until(now)),
            armed_for: now,
        }
    }
}

impl<T: AsyncRead + Unpin> AsyncRead for TimedIo<T> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        if let Poll::Ready(read) = Pin::new(&mut self.io).poll_read(cx, buf) {
            if buf.filled().len() > before {
                self.phase.received();
            }
            return Poll::Ready(read);
        }
        let Some(deadline) = self.phase.read_deadline(cx.waker()) else {
            return Poll::Pending;
        };
        if self.armed_for != deadline {
            self.armed_for = deadline;
            self.timer.as_mut().reset(deadline);
        }
        match self.timer.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "the client sent nothing in time",
            ))),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for TimedIo<T> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.io).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.io).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.io).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.io).poll_shutdown(cx)
    }
}
