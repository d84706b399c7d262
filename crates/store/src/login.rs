//! The login limits: how many failed logins each scope allows, and the rule that turns
//! the counts a store reads into a decision. A store counts and decides in one
//! transaction, before any password is checked.

use jiff::{SignedDuration, Timestamp};

/// How many failures one scope allows within its window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    /// Failures allowed within the window; the next attempt is refused.
    pub failures: u32,
    /// How far back failures count.
    pub window: SignedDuration,
}

/// Every limit a login attempt is checked against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoginLimits {
    /// One account from one address.
    pub pair: Limit,
    /// One address, whatever the accounts.
    pub address: Limit,
    /// One account from any address, except addresses it logged in from recently.
    pub account: Limit,
    /// How long a successful login keeps its address exempt from the account limit.
    pub known_address: SignedDuration,
}

impl LoginLimits {
    /// The limits Masthead runs with (README, "Logins"): 5 failures per account and
    /// address and 20 per address in 15 minutes; 50 per account in an hour, from
    /// addresses the account has not logged in from in the last 30 days.
    pub const STANDARD: LoginLimits = LoginLimits {
        pair: Limit {
            failures: 5,
            window: SignedDuration::from_mins(15),
        },
        address: Limit {
            failures: 20,
            window: SignedDuration::from_mins(15),
        },
        account: Limit {
            failures: 50,
            window: SignedDuration::from_hours(1),
        },
        known_address: SignedDuration::from_hours(30 * 24),
    };
}

/// One login attempt about to be checked.
#[derive(Clone, Copy, Debug)]
pub struct LoginAttempt<'a> {
    /// The (lower-case) email typed, whether or not it has an account.
    pub account: &'a str,
    /// The client's address.
    pub address: &'a str,
    /// When it came.
    pub at: Timestamp,
}

/// Failures a store counted in one scope's window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FailureCount {
    /// How many.
    pub failures: u32,
    /// The oldest of them: the first to leave the window.
    pub oldest: Option<Timestamp>,
}

/// What a store read about an attempt, inside the transaction that may record it.
#[derive(Clone, Copy, Debug, Default)]
pub struct LoginCounts {
    /// Failures of this account from this address.
    pub pair: FailureCount,
    /// Failures from this address.
    pub address: FailureCount,
    /// Failures of this account from anywhere.
    pub account: FailureCount,
    /// Whether the account logged in from this address within `known_address`.
    pub known_address: bool,
}

/// Whether an attempt may have its password checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoginClaim {
    /// Counted as a failure until it succeeds: check the password.
    Allowed,
    /// Refused without checking; worth trying again after this long.
    Locked {
        /// How long until a failure leaves the window that refused the attempt.
        retry_after: SignedDuration,
        /// When the address itself has used up its failures: until when every attempt
        /// from it is refused, whatever the account (only a right password already being
        /// checked can clear one of its failures before then).
        address_until: Option<Timestamp>,
    },
}

impl LoginLimits {
    /// Decides an attempt from the counts of its scopes.
    pub fn decide(&self, counts: &LoginCounts, now: Timestamp) -> LoginClaim {
        let mut scopes = vec![(self.pair, counts.pair), (self.address, counts.address)];
        if !counts.known_address {
            scopes.push((self.account, counts.account));
        }
        let retry_after = scopes
            .into_iter()
            .filter(|(limit, count)| count.failures >= limit.failures)
            .map(|(limit, count)| {
                let oldest = count.oldest.unwrap_or(now);
                (oldest + limit.window).duration_since(now)
            })
            .max();
        let address_until = (counts.address.failures >= self.address.failures)
            .then(|| counts.address.oldest.unwrap_or(now) + self.address.window);
        match retry_after {
            None => LoginClaim::Allowed,
            Some(wait) => LoginClaim::Locked {
                retry_after: wait.max(SignedDuration::from_secs(1)),
                address_until,
            },
        }
    }

    /// The oldest failure any scope still counts, for trimming older ones.
    pub fn horizon(&self, now: Timestamp) -> Timestamp {
        let longest = self
            .pair
            .window
            .max(self.address.window)
            .max(self.account.window);
        now - longest
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(failures: u32, minutes_ago: i64, now: Timestamp) -> FailureCount {
        FailureCount {
            failures,
            oldest: Some(now - SignedDuration::from_mins(minutes_ago)),
        }
    }

    #[test]
    fn an_attempt_under_every_limit_is_allowed() {
        let now = Timestamp::UNIX_EPOCH + SignedDuration::from_hours(1000);
        let counts = LoginCounts {
            pair: count(4, 1, now),
            address: count(19, 1, now),
            account: count(49, 1, now),
            known_address: false,
        };

        assert_eq!(
            LoginLimits::STANDARD.decide(&counts, now),
            LoginClaim::Allowed
        );
    }

    #[test]
    fn a_full_pair_waits_until_its_oldest_failure_leaves_the_window() {
        let now = Timestamp::UNIX_EPOCH + SignedDuration::from_hours(1000);
        let counts = LoginCounts {
            pair: count(5, 10, now),
            ..LoginCounts::default()
        };

        assert_eq!(
            LoginLimits::STANDARD.decide(&counts, now),
            LoginClaim::Locked {
                retry_after: SignedDuration::from_mins(5),
                address_until: None,
            }
        );
    }

    #[test]
    fn a_full_address_says_until_when_it_is_locked_for_every_account() {
        let now = Timestamp::UNIX_EPOCH + SignedDuration::from_hours(1000);
        let counts = LoginCounts {
            pair: count(5, 12, now),
            address: count(20, 10, now),
            ..LoginCounts::default()
        };

        assert_eq!(
            LoginLimits::STANDARD.decide(&counts, now),
            LoginClaim::Locked {
                retry_after: SignedDuration::from_mins(5),
                address_until: Some(now + SignedDuration::from_mins(5)),
            }
        );
    }

    #[test]
    fn the_account_limit_spares_addresses_the_account_logged_in_from() {
        let now = Timestamp::UNIX_EPOCH + SignedDuration::from_hours(1000);
        let mut counts = LoginCounts {
            account: count(50, 30, now),
            ..LoginCounts::default()
        };
        let stranger = LoginLimits::STANDARD.decide(&counts, now);
        counts.known_address = true;

        assert!(matches!(stranger, LoginClaim::Locked { .. }));
        assert_eq!(
            LoginLimits::STANDARD.decide(&counts, now),
            LoginClaim::Allowed
        );
    }
}
