//! The login limit's queries, the same text on both backends. A backend runs them in one
//! write transaction (after its own way of serializing attempts on one account and one
//! address) and lets [`store::LoginLimits::decide`] rule on the counts.

use store::FailureCount;

use crate::rows::to_time;

/// Failures of one account from one address since a time: `(count, oldest)`.
pub const PAIR_FAILURES: &str = "SELECT COUNT(*), MIN(at) FROM login_failures \
     WHERE email = $1 AND ip = $2 AND at >= $3";

/// Failures from one address since a time: `(count, oldest)`.
pub const ADDRESS_FAILURES: &str =
    "SELECT COUNT(*), MIN(at) FROM login_failures WHERE ip = $1 AND at >= $2";

/// Failures of one account since a time: `(count, oldest)`.
pub const ACCOUNT_FAILURES: &str =
    "SELECT COUNT(*), MIN(at) FROM login_failures WHERE email = $1 AND at >= $2";

/// Whether an account logged in from an address since a time: a count, 0 or 1.
pub const KNOWN_ADDRESS: &str =
    "SELECT COUNT(*) FROM login_addresses WHERE email = $1 AND ip = $2 AND last_at >= $3";

/// Drops failures that no limit counts any more.
pub const TRIM_FAILURES: &str = "DELETE FROM login_failures WHERE at < $1";

/// Records an attempt as a failure (until it succeeds).
pub const RECORD_FAILURE: &str = "INSERT INTO login_failures (email, ip, at) VALUES ($1, $2, $3)";

/// Forgets an account's failures from one address.
pub const CLEAR_PAIR: &str = "DELETE FROM login_failures WHERE email = $1 AND ip = $2";

/// Remembers that an account logged in from an address.
pub const REMEMBER_ADDRESS: &str = "INSERT INTO login_addresses (email, ip, last_at) \
     VALUES ($1, $2, $3) ON CONFLICT (email, ip) DO UPDATE SET last_at = excluded.last_at";

/// Forgets addresses not used to log in since a time.
pub const FORGET_ADDRESSES: &str = "DELETE FROM login_addresses WHERE last_at < $1";

/// A `(count, oldest)` row of the failure queries.
pub fn failure_count((count, oldest): (i64, Option<i64>)) -> FailureCount {
    FailureCount {
        failures: u32::try_from(count).unwrap_or(u32::MAX),
        oldest: oldest.map(to_time),
    }
}
