//! Email out over SMTP (`lettre`): the transport the `[email]` table names, the sender,
//! and sending one stored email at the configured rate.
//!
//! Headers are built by `lettre`'s typed builder, which encodes every value; subjects and
//! names are also made one line here (`clean_line`), so nothing a reader
//! typed can start a header of its own. A contact message's `Reply-To` (the reader) is a
//! typed mailbox too.

use std::time::Duration;

use anyhow::{Context, bail};
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::{AsyncSmtpTransportBuilder, PoolConfig};
use lettre::{Address, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use tokio::sync::Mutex;
use tokio::time::Instant;

use crate::config::EmailConfig;
use crate::domain::text::clean_line as one_line;

/// SMTP connections a node keeps open at most, and so the messages it hands over at once.
/// Each message costs a connection about 40 ms however fast the server is: `lettre`
/// (0.11.23) writes the message's end as a write of its own without `TCP_NODELAY`, which
/// waits for the server's delayed acknowledgement; parallel connections make up for it.
pub const CONNECTIONS: u32 = 16;

/// Headers an outbox email may carry besides the ones every email has.
const EXTRA_HEADERS: &[&str] = &["List-Unsubscribe", "List-Unsubscribe-Post", "List-Id"];

/// The SMTP transport a `smtp_url` names (see [`EmailConfig::smtp_url`]), not yet built:
/// building starts its connection pool, which needs the async runtime.
pub fn transport(url: &str) -> anyhow::Result<AsyncSmtpTransportBuilder> {
    let (base, tls) = match url.split_once('?') {
        Some((base, query)) => {
            let mut tls = None;
            for pair in query.split('&') {
                match pair.split_once('=') {
                    Some(("tls", value)) => tls = Some(value),
                    _ => bail!("the only setting after '?' is tls=none, tls=required"),
                }
            }
            (base, tls)
        }
        None => (url, None),
    };
    let scheme = base.split_once("://").map(|(scheme, _)| scheme);
    // lettre's own spelling: `smtp://` plain, `?tls=opportunistic` or `required`.
    let lettre_url = match (scheme, tls) {
        (Some("smtps"), None) => base.to_string(),
        (Some("smtp"), None) => format!("{base}?tls=opportunistic"),
        (Some("smtp"), Some("required")) => format!("{base}?tls=required"),
        (Some("smtp"), Some("none")) => base.to_string(),
        (Some("smtp" | "smtps"), Some(other)) => bail!("tls={other} is not one of none, required"),
        _ => bail!("must start with smtp:// or smtps://"),
    };
    let builder = AsyncSmtpTransport::<Tokio1Executor>::from_url(&lettre_url)
        .map_err(|error| anyhow::anyhow!("{error}"))?;
    Ok(builder
        .timeout(Some(Duration::from_secs(30)))
        .pool_config(PoolConfig::new().max_size(CONNECTIONS)))
}

/// The sender mailbox from `[email] from`.
pub fn sender(from: &str) -> anyhow::Result<Mailbox> {
    from.parse::<Mailbox>()
        .with_context(|| format!("{from:?} is not an email address"))
}

/// Sends stored emails over SMTP, no faster than the configured rate.
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    gap: Duration,
    next: Mutex<Instant>,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("Mailer")
            .field("from", &self.from.to_string())
            .finish_non_exhaustive()
    }
}

impl Mailer {
    /// The mailer the `[email]` table describes, or `None` without `smtp_url`; inside the
    /// async runtime.
    pub fn from_config(config: &EmailConfig) -> anyhow::Result<Option<Mailer>> {
        let Some(url) = &config.smtp_url else {
            return Ok(None);
        };
        let from = config.from.as_deref().context("email.from is required")?;
        Ok(Some(Mailer {
            transport: transport(url.expose())?.build(),
            from: sender(from)?,
            gap: Duration::from_secs(1) / config.rate.max(1),
            next: Mutex::new(Instant::now()),
        }))
    }

    /// The sender's address, for `List-Id` and message ids.
    pub fn from_address(&self) -> String {
        self.from.email.to_string()
    }

    /// Sends one email, waiting for its turn under the rate.
    pub async fn send(&self, letter: &Letter<'_>) -> Result<(), SendError> {
        let message = self.message(letter).map_err(|error| SendError {
            permanent: true,
            message: format!("{error:#}"),
        })?;
        self.wait_turn().await;
        self.transport
            .send(message)
            .await
            .map_err(|error| SendError {
                permanent: error.is_permanent(),
                message: format!("SMTP: {error}"),
            })?;
        Ok(())
    }

    async fn wait_turn(&self) {
        let mut next = self.next.lock().await;
        let now = Instant::now();
        if *next > now {
            tokio::time::sleep_until(*next).await;
        }
        *next = Instant::now().max(*next) + self.gap;
    }

    /// The MIME message: plain text and HTML alternatives, and the extra headers.
    fn message(&self, letter: &Letter<'_>) -> anyhow::Result<Message> {
        let name = one_line(letter.sender_name);
        let from = if name.is_empty() {
            self.from.clone()
        } else {
            Mailbox::new(Some(name), self.from.email.clone())
        };
        let to: Mailbox = letter
            .recipient
            .parse()
            .with_context(|| format!("{}: bad recipient", letter.message_id))?;
        let mut builder = Message::builder()
            .from(from)
            .to(to)
            .subject(one_line(letter.subject))
            .message_id(Some(format!(
                "<{}@{}>",
                letter.message_id,
                self.from.email.domain()
            )));
        if let Some(reply_to) = reply_to(letter) {
            builder = builder.reply_to(reply_to);
        }
        for (name, value) in letter.headers {
            let Some(known) = EXTRA_HEADERS
                .iter()
                .find(|known| known.eq_ignore_ascii_case(name))
            else {
                bail!("{}: header {name:?} is not allowed", letter.message_id);
            };
            builder = builder.raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str(known),
                one_line(value),
            ));
        }
        builder
            .multipart(MultiPart::alternative_plain_html(
                letter.text_body.to_string(),
                letter.html_body.to_string(),
            ))
            .with_context(|| format!("{}: building the message", letter.message_id))
    }
}

/// One email to send: the outbox's, or one subscriber's copy of a newsletter issue.
#[derive(Clone, Copy, Debug)]
pub struct Letter<'a> {
    /// The left part of its `Message-ID` (the right is the sender's domain): the same
    /// whenever the same email is sent again, so a copy sent twice is known as one.
    pub message_id: &'a str,
    /// The address it goes to.
    pub recipient: &'a str,
    /// The sender's display name.
    pub sender_name: &'a str,
    /// Subject line.
    pub subject: &'a str,
    /// Plain-text part.
    pub text_body: &'a str,
    /// HTML part.
    pub html_body: &'a str,
    /// Extra headers (only [`EXTRA_HEADERS`]).
    pub headers: &'a [(String, String)],
    /// A reader's name and address to answer to (a contact message), if any.
    pub reply_to: Option<(&'a str, &'a str)>,
}

/// Why an email was not sent.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct SendError {
    /// The mail server refused it for good (a 5xx answer) or it cannot be built: trying
    /// again would not help.
    pub permanent: bool,
    /// What went wrong.
    pub message: String,
}

/// The `Reply-To` mailbox of an email that carries a reader's message: built from the
/// reader's name and address by `lettre`'s typed header (which quotes and encodes the
/// name), never as raw text. An address `lettre` does not take leaves it out.
fn reply_to(letter: &Letter<'_>) -> Option<Mailbox> {
    let (name, address) = letter.reply_to?;
    let Ok(address) = address.parse::<Address>() else {
        tracing::warn!(
            email = letter.message_id,
            "reply-to address not usable: left out"
        );
        return None;
    };
    let name = one_line(name);
    Some(Mailbox::new((!name.is_empty()).then_some(name), address))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smtp_urls_choose_their_security() {
        for url in [
            "smtp://mail.example.com:587",
            "smtp://user:secret@mail.example.com:587?tls=required",
            "smtps://user:secret@mail.example.com",
            "smtp://127.0.0.1:2525?tls=none",
        ] {
            assert!(transport(url).is_ok(), "{url}");
        }
        for url in [
            "http://mail.example.com",
            "smtp://mail.example.com?tls=maybe",
            "smtp://mail.example.com?port=25",
            "mail.example.com",
        ] {
            assert!(transport(url).is_err(), "{url}");
        }
    }

    #[test]
    fn header_values_are_one_line() {
        assert_eq!(
            one_line("Hello\r\nBcc: victim@example.com"),
            "Hello Bcc: victim@example.com"
        );
        assert_eq!(one_line("  a\tb  "), "a b");
    }
}
