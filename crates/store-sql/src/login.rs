//! The login limit: each attempt is counted and recorded in one write transaction, after
//! taking its turn among attempts on the same account and address, and
//! [`store::LoginLimits::decide`] rules on the counts.

use store::{FailureCount, LoginAttempt, LoginClaim, LoginCounts, LoginLimits, StoreResult};

use crate::db::{Db, Dialect};
use crate::rows::to_time;
use crate::{Tx, sql};

/// The lock space of attempts on one account ([`Dialect::lock`]).
const ACCOUNT_LOCK: i32 = 1;
/// The lock space of attempts from one address.
const ADDRESS_LOCK: i32 = 2;

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
fn failure_count((count, oldest): (i64, Option<i64>)) -> FailureCount {
    FailureCount {
        failures: u32::try_from(count).unwrap_or(u32::MAX),
        oldest: oldest.map(to_time),
    }
}

/// Counts an attempt against the limits and, if allowed, records it as a failure until
/// [`record_success`] clears it.
pub async fn claim_attempt<D: Dialect>(
    tx: &mut Tx<D>,
    attempt: &LoginAttempt<'_>,
    limits: &LoginLimits,
) -> StoreResult<LoginClaim> {
    // Attempts on one account, then on one address, take their turn: the counts below
    // cannot change before this transaction records its attempt. Always the account
    // first, so two attempts never wait on each other in a circle. (SQLite's write
    // transaction already holds every other attempt off.)
    D::lock(tx, ACCOUNT_LOCK, attempt.account).await?;
    D::lock(tx, ADDRESS_LOCK, attempt.address).await?;
    let counts = login_counts::<D>(tx, attempt, limits).await?;
    let claim = limits.decide(&counts, attempt.at);
    if claim == LoginClaim::Allowed {
        tx.execute(sql!(TRIM_FAILURES, limits.horizon(attempt.at)))
            .await?;
        tx.execute(sql!(
            RECORD_FAILURE,
            attempt.account,
            attempt.address,
            attempt.at
        ))
        .await?;
    }
    Ok(claim)
}

/// Forgets a successful attempt's failures and remembers its address as known.
pub async fn record_success<D: Dialect>(
    tx: &mut Tx<D>,
    attempt: &LoginAttempt<'_>,
    limits: &LoginLimits,
) -> StoreResult<()> {
    tx.execute(sql!(CLEAR_PAIR, attempt.account, attempt.address))
        .await?;
    tx.execute(sql!(FORGET_ADDRESSES, attempt.at - limits.known_address))
        .await?;
    tx.execute(sql!(
        REMEMBER_ADDRESS,
        attempt.account,
        attempt.address,
        attempt.at
    ))
    .await?;
    Ok(())
}

/// What the limits need to know about an attempt, read inside its transaction.
async fn login_counts<D: Dialect>(
    tx: &mut Tx<D>,
    attempt: &LoginAttempt<'_>,
    limits: &LoginLimits,
) -> StoreResult<LoginCounts> {
    let since = |window| attempt.at - window;
    let pair = tx
        .fetch_one(sql!(
            PAIR_FAILURES,
            attempt.account,
            attempt.address,
            since(limits.pair.window)
        ))
        .await?;
    let address = tx
        .fetch_one(sql!(
            ADDRESS_FAILURES,
            attempt.address,
            since(limits.address.window)
        ))
        .await?;
    let account = tx
        .fetch_one(sql!(
            ACCOUNT_FAILURES,
            attempt.account,
            since(limits.account.window)
        ))
        .await?;
    let known: i64 = tx
        .scalar(sql!(
            KNOWN_ADDRESS,
            attempt.account,
            attempt.address,
            since(limits.known_address)
        ))
        .await?;
    Ok(LoginCounts {
        pair: failure_count(pair),
        address: failure_count(address),
        account: failure_count(account),
        known_address: known > 0,
    })
}
