//! Logging in and out, and changing one's own password: the login limits (counted in the
//! store before any password is checked), hashing on the bounded pool, and sessions stored
//! in the database.

use anyhow::Context;
use jiff::{SignedDuration, Timestamp};
use store::*;

use crate::domain::refusal::Refusal;
use crate::service::account::{MAX_PASSWORD, check_new_password, random_token, token_hash};
use crate::service::actor::Actor;
use crate::service::address_lock::AddressLocks;
use crate::service::error::{ServiceError, ServiceResult};
use crate::service::hashing::{HashError, PasswordHashing};
use crate::service::story_form::FieldErrors;

/// How long a login lasts.
pub const SESSION_LIFETIME: SignedDuration = SignedDuration::from_hours(12);
/// The login limits (documented in README, "Logins").
const LIMITS: LoginLimits = LoginLimits::STANDARD;

/// A hash no password matches, verified for unknown emails so that a wrong email takes
/// as long as a wrong password.
pub(crate) const DECOY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$\
     2KbQ5P2V8ne9sCJq7t1oC0Sx0gO7t3x3dZxv6vH0kUU";

/// A hashing failure: busy threads are worth waiting for, anything else is ours.
fn hashing_failed(hashing: &PasswordHashing, error: HashError) -> ServiceError {
    match error {
        HashError::Busy => ServiceError::Busy {
            retry_after: hashing.retry_after_secs(),
        },
        HashError::Failed(error) => ServiceError::Internal(error),
    }
}

/// The checks every login attempt goes through: the bounded hashing pool, and this node's
/// memory of locked addresses.
#[derive(Clone, Copy, Debug)]
pub struct LoginChecks<'a> {
    /// Where passwords are checked.
    pub hashing: &'a PasswordHashing,
    /// Addresses the store has locked, refused without asking it again.
    pub locks: &'a AddressLocks,
}

/// Checks an email and password: first counts the attempt against the limits (a locked
/// attempt is refused without hashing, and an address this node knows to be locked without
/// asking the store), then checks the password on the bounded pool.
/// Refuses with [`ServiceError::BadLogin`] or [`ServiceError::Locked`].
pub async fn check_login(
    store: &dyn Store,
    checks: LoginChecks<'_>,
    email: &str,
    password: &str,
    address: &str,
) -> ServiceResult<User> {
    let now = Timestamp::now();
    if let Some(retry_after) = checks.locks.refusal(address, now) {
        return Err(ServiceError::Locked { retry_after });
    }
    let email = email.trim().to_lowercase();
    let attempt = LoginAttempt {
        account: &email,
        address,
        at: now,
    };
    let claim = store.claim_login_attempt(&attempt, &LIMITS).await?;
    if let LoginClaim::Locked {
        retry_after,
        address_until,
    } = claim
    {
        if let Some(until) = address_until {
            checks.locks.remember(address, until, now);
        }
        return Err(ServiceError::Locked { retry_after });
    }
    let found = store.user_credentials(&email).await?;
    let hash = found.as_ref().map_or(DECOY_HASH, |(_, hash)| hash.as_str());
    let hashing = checks.hashing;
    let matches = password.len() <= MAX_PASSWORD
        && hashing
            .verify(password, hash)
            .await
            .map_err(|error| hashing_failed(hashing, error))?;
    match found {
        Some((user, _)) if matches && !user.disabled => {
            store.login_succeeded(&attempt, &LIMITS).await?;
            checks.locks.forget(address);
            Ok(user)
        }
        _ => Err(ServiceError::BadLogin),
    }
}

/// Starts a session for an account logging in from `address`, with the login's audit line;
/// returns the cookie token.
async fn start_session(store: &dyn Store, user: &User, address: &str) -> ServiceResult<String> {
    let token = random_token()?;
    let audit = Actor::of(user).audit("user.login", "user", Some(user.id), address.into());
    store
        .create_session(
            &NewSession {
                token_hash: token_hash(&token),
                user_id: user.id,
                csrf_token: random_token()?,
                expires_at: Timestamp::now() + SESSION_LIFETIME,
            },
            &audit,
        )
        .await
        .context("storing a session")?;
    Ok(token)
}

/// A login that passed: the account and its session's cookie token.
#[derive(Debug)]
pub struct Login {
    /// The account.
    pub user: User,
    /// The session cookie's value.
    pub token: String,
}

/// Logs in from `address`: checks the email and password, starts a session and writes the
/// audit line.
pub async fn log_in(
    store: &dyn Store,
    checks: LoginChecks<'_>,
    email: &str,
    password: &str,
    address: &str,
) -> ServiceResult<Login> {
    let user = check_login(store, checks, email, password, address).await?;
    let token = start_session(store, &user, address).await?;
    Ok(Login { user, token })
}

/// Ends the session a cookie token names.
pub async fn log_out(store: &dyn Store, token: &str) -> ServiceResult<()> {
    store.delete_session(&token_hash(token)).await?;
    Ok(())
}

/// A password change as typed.
#[derive(Debug)]
pub struct PasswordChange<'a> {
    /// The password now.
    pub current: &'a str,
    /// The one wanted.
    pub new: &'a str,
    /// Where the request came from: the check counts like a login from there.
    pub address: &'a str,
    /// The session's cookie token, which stays valid; the account's other sessions end.
    pub session: Option<&'a str>,
}

/// Changes the acting account's own password (`email` is its login name) after checking
/// the current one; refuses with messages for the `current` and `new` fields.
pub async fn change_password(
    store: &dyn Store,
    checks: LoginChecks<'_>,
    actor: Actor,
    email: &str,
    change: &PasswordChange<'_>,
) -> ServiceResult<()> {
    let mut errors = FieldErrors::new();
    if let Err(refusal) = check_new_password(change.new) {
        errors.insert("new", refusal);
    } else if change.new == change.current {
        errors.insert("new", Refusal::PasswordUnchanged);
    }
    // Counted like a login from this address: each account has its own counters.
    match check_login(store, checks, email, change.current, change.address).await {
        Ok(_) => {}
        Err(error) => match error.login_refusal() {
            Some(refusal) => {
                errors.insert("current", refusal);
            }
            None => return Err(error),
        },
    }
    if !errors.is_empty() {
        return Err(ServiceError::InvalidFields(errors));
    }
    let hash = checks
        .hashing
        .hash(change.new)
        .await
        .map_err(|error| hashing_failed(checks.hashing, error))?;
    let session = change.session.map(token_hash);
    let audit = actor.audit("user.password", "user", Some(actor.id), String::new());
    store
        .set_password(actor.id, &hash, false, session.as_deref(), &audit)
        .await?;
    Ok(())
}
