//! The public forms' guard against bots, which the newsletter sign-up and the contact
//! form share: the hidden field people leave empty, the signed challenge (fill time, age,
//! proof of work: `domain::challenge`), each challenge used once, and a limit of posts an
//! hour per network. A form runs [`screen`] first, then checks its own input, then
//! [`admit`]: bad input does not count against the network.

use jiff::{SignedDuration, Timestamp};
use store::Store;

use crate::domain::challenge::{self, MIN_FILL, Passed};
use crate::domain::signed::Signer;
use crate::service::error::ServiceResult;

/// What a public form sent besides its own fields.
#[derive(Clone, Debug, Default)]
pub struct GuardFields {
    /// The field people cannot see; bots fill it.
    pub honeypot: String,
    /// The signed challenge.
    pub challenge: String,
    /// The proof of work's answer.
    pub nonce: String,
}

/// What [`screen`] made of a post.
#[derive(Debug)]
pub enum Screened {
    /// The hidden field was filled: a bot, to be told "done" and ignored.
    Bot,
    /// The challenge did not pass (no script ran, too fast, stale, forged): the form
    /// again, filled in, with a fresh challenge.
    TryAgain,
    /// It may be a person: the challenge that passed.
    Passed(Passed),
}

/// Checks the hidden field and the challenge at `now`.
pub fn screen(signer: &Signer, fields: &GuardFields, now: Timestamp) -> Screened {
    if !fields.honeypot.is_empty() {
        return Screened::Bot;
    }
    match challenge::check(signer, &fields.challenge, &fields.nonce, now) {
        Ok(passed) => Screened::Passed(passed),
        Err(_) => Screened::TryAgain,
    }
}

/// A form's name in the counts and its hourly limits per network.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// The form's name in the counts ("newsletter", "contact").
    pub form: &'static str,
    /// Posts a network may make in an hour when its pages run the proof of work...
    pub with_work: u64,
    /// ...and without it (no script: the form is cheaper to post).
    pub without_work: u64,
}

/// What [`admit`] decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Admitted {
    /// Go ahead.
    Yes,
    /// The network posted this form too often this hour.
    Limited,
    /// The challenge was used before: the form again with a fresh one.
    TryAgain,
}

/// Counts a post that passed [`screen`] against its network's limit and its challenge's
/// single use.
pub async fn admit(
    store: &dyn Store,
    limits: Limits,
    passed: &Passed,
    ip: std::net::IpAddr,
    now: Timestamp,
) -> ServiceResult<Admitted> {
    let hour_ago = now - SignedDuration::from_hours(1);
    let limit = if passed.difficulty > 0 {
        limits.with_work
    } else {
        limits.without_work
    };
    let posted = store
        .count_form_post(limits.form, &network_of(ip), now, hour_ago)
        .await?;
    if posted > limit {
        return Ok(Admitted::Limited);
    }
    let since = now - challenge::MAX_AGE - MIN_FILL;
    if store
        .count_form_post("challenge", &passed.id, now, since)
        .await?
        > 1
    {
        return Ok(Admitted::TryAgain);
    }
    Ok(Admitted::Yes)
}

/// The network a client address counts under: an IPv4 /24 or an IPv6 /48.
pub fn network_of(ip: std::net::IpAddr) -> String {
    match ip.to_canonical() {
        std::net::IpAddr::V4(v4) => {
            let [a, b, c, _] = v4.octets();
            format!("{a}.{b}.{c}.0/24")
        }
        std::net::IpAddr::V6(v6) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}::/48", s[0], s[1], s[2])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn networks_group_neighbours() {
        assert_eq!(
            network_of("203.0.113.77".parse().expect("ip")),
            "203.0.113.0/24"
        );
        assert_eq!(
            network_of("::ffff:203.0.113.9".parse().expect("ip")),
            "203.0.113.0/24"
        );
        assert_eq!(
            network_of("2001:db8:abcd:12::1".parse().expect("ip")),
            "2001:db8:abcd::/48"
        );
    }

    #[test]
    fn the_hidden_field_is_checked_before_the_challenge() {
        let signer = Signer::new(b"k");
        let now = Timestamp::from_second(1_800_000_000).expect("time");
        let bot = GuardFields {
            honeypot: "http://spam.example".into(),
            ..GuardFields::default()
        };
        assert!(matches!(screen(&signer, &bot, now), Screened::Bot));
        let fresh = GuardFields {
            challenge: challenge::issue(&signer, now, "abc", 0),
            ..GuardFields::default()
        };
        assert!(matches!(screen(&signer, &fresh, now), Screened::TryAgain));
        let later = now + SignedDuration::from_secs(5);
        assert!(matches!(
            screen(&signer, &fresh, later),
            Screened::Passed(_)
        ));
    }
}
