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
use lettre::transport::smtp::AsyncSmtpTransportBuilder;
use lettre::{Address, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use store::OutgoingEmail;
use tokio::sync::Mutex;
use tokio::time::Instant;

use crate::config::EmailConfig;
use crate::domain::text::clean_line as one_line;

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
    Ok(builder.timeout(Some(Duration::from_secs(30))))
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
    pub async fn send(&self, email: &OutgoingEmail) -> anyhow::Result<()> {
        let message = self.message(email)?;
        self.wait_turn().await;
        self.transport
            .send(message)
            .await
            .map_err(|error| anyhow::anyhow!("SMTP: {error}"))?;
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

    /// The MIME message: plain text and HTML alternatives, and the stored extra headers.
    fn message(&self, email: &OutgoingEmail) -> anyhow::Result<Message> {
        let name = one_line(&email.sender_name);
        let from = if name.is_empty() {
            self.from.clone()
        } else {
            Mailbox::new(Some(name), self.from.email.clone())
        };
        let to: Mailbox = email
            .recipient
            .parse()
            .with_context(|| format!("outbox {}: bad recipient", email.id))?;
        let mut builder = Message::builder()
            .from(from)
            .to(to)
            .subject(one_line(&email.subject))
            .message_id(Some(format!(
                "<outbox-{}@{}>",
                email.id,
                self.from.email.domain()
            )));
        if let Some(reply_to) = reply_to(email) {
            builder = builder.reply_to(reply_to);
        }
        for (name, value) in &email.headers {
            let Some(known) = EXTRA_HEADERS
                .iter()
                .find(|known| known.eq_ignore_ascii_case(name))
            else {
                bail!("outbox {}: header {name:?} is not allowed", email.id);
            };
            builder = builder.raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str(known),
                one_line(value),
            ));
        }
        builder
            .multipart(MultiPart::alternative_plain_html(
                email.text_body.clone(),
                email.html_body.clone(),
            ))
            .with_context(|| format!("outbox {}: building the message", email.id))
    }
}

/// The `Reply-To` mailbox of an email that carries a reader's message: built from the
/// reader's name and address by `lettre`'s typed header (which quotes and encodes the
/// name), never as raw text. An address `lettre` does not take leaves it out.
fn reply_to(email: &OutgoingEmail) -> Option<Mailbox> {
    let (name, address) = email.reply_to.as_ref()?;
    let Ok(address) = address.parse::<Address>() else {
        tracing::warn!(email = email.id, "reply-to address not usable: left out");
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
