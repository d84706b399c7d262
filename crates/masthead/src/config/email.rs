//! The `[email]` table: the SMTP server email goes through, the sender, and the rate.

use anyhow::{Context, bail};
use serde::Deserialize;

use crate::config::Secret;

/// How email leaves: over SMTP, from one sender, at most so many a second.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EmailConfig {
    /// The SMTP server: `smtp://user:password@host:port` (STARTTLS when the server offers
    /// it; `?tls=required` insists on it), `smtps://…` (TLS from the start), or
    /// `smtp://host:port?tls=none` for a local relay (plain). Default none: no email, and
    /// the newsletter form says sign-ups are closed.
    pub smtp_url: Option<Secret>,
    /// The sender address, `news@example.com` or `The Daily <news@example.com>`. Required
    /// with `smtp_url`.
    pub from: Option<String>,
    /// Messages sent a second at most, per node. Default 20.
    pub rate: u32,
    /// The secret that signs bounce and complaint reports posted to `/hooks/email`
    /// (README, "Newsletter"); at least 16 characters. Default none: the hook answers 404.
    pub webhook_secret: Option<Secret>,
}

impl Default for EmailConfig {
    fn default() -> EmailConfig {
        EmailConfig {
            smtp_url: None,
            from: None,
            rate: 20,
            webhook_secret: None,
        }
    }
}

impl EmailConfig {
    /// Sets one `MASTHEAD__EMAIL__KEY` variable, `key` in lower case without the prefix.
    pub(super) fn set(&mut self, key: &str, value: String) -> anyhow::Result<()> {
        match key {
            "smtp_url" => self.smtp_url = Some(Secret::new(value)),
            "from" => self.from = Some(value),
            "rate" => self.rate = value.parse().context("must be a whole number")?,
            "webhook_secret" => self.webhook_secret = Some(Secret::new(value)),
            _ => bail!("unknown setting"),
        }
        Ok(())
    }

    /// Rejects settings email cannot go out with, naming the key.
    pub(super) fn validate(&self) -> anyhow::Result<()> {
        if !(1..=10_000).contains(&self.rate) {
            bail!("email.rate must be between 1 and 10000");
        }
        if self
            .webhook_secret
            .as_ref()
            .is_some_and(|secret| secret.expose().len() < 16)
        {
            bail!("email.webhook_secret must be at least 16 characters");
        }
        let Some(url) = &self.smtp_url else {
            return Ok(());
        };
        crate::mail::transport(url.expose()).context("email.smtp_url")?;
        let Some(from) = &self.from else {
            bail!("email.from is required with email.smtp_url");
        };
        crate::mail::sender(from).context("email.from")?;
        Ok(())
    }
}
