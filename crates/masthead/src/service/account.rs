//! Accounts and logins: one-time passwords, sessions stored in the database, and the
//! login limits (counted in the store before any password is checked).

use anyhow::Context;
use jiff::{SignedDuration, Timestamp};
use sha2::{Digest, Sha256};
use store::*;

use crate::service::hashing::{HashError, PasswordHashing, hash_blocking};

/// How long a login lasts.
pub const SESSION_LIFETIME: SignedDuration = SignedDuration::from_hours(12);
/// The login limits (documented in README, "Logins").
const LIMITS: LoginLimits = LoginLimits::STANDARD;
/// Passwords shorter than this are refused.
pub const MIN_PASSWORD: usize = 10;
/// Longer than this is not a password, and would only make hashing slow.
const MAX_PASSWORD: usize = 1024;

/// Why a login was refused; the message never says whether the email exists.
#[derive(Debug, thiserror::Error)]
pub enum LoginError {
    /// Wrong email or password.
    #[error("The email or password is not right.")]
    Invalid,
    /// Too many failures for this account or from this address: refused unchecked.
    #[error("Too many failed attempts. Try again in {} minutes.", minutes(*retry_after))]
    Locked {
        /// How long until an attempt may be checked again.
        retry_after: SignedDuration,
    },
    /// Every password-hashing thread stayed busy.
    #[error("Too many people are logging in at once. Try again in a moment.")]
    Busy,
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Hashing failed.
    #[error(transparent)]
    Failed(anyhow::Error),
}

impl From<HashError> for LoginError {
    fn from(error: HashError) -> LoginError {
        match error {
            HashError::Busy => LoginError::Busy,
            HashError::Failed(error) => LoginError::Failed(error),
        }
    }
}

/// A wait in whole minutes, rounded up, as the lockout message gives it.
fn minutes(wait: SignedDuration) -> i64 {
    (wait.as_secs() + 59) / 60
}

/// A fresh random token, hex-encoded.
pub fn random_token() -> anyhow::Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|error| anyhow::anyhow!("random bytes: {error}"))?;
    Ok(hex(&bytes))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// What the database keeps of a session token.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// A readable one-time password: four groups of five letters and digits.
pub fn one_time_password() -> anyhow::Result<String> {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut bytes = [0u8; 20];
    getrandom::fill(&mut bytes).map_err(|error| anyhow::anyhow!("random bytes: {error}"))?;
    let chars: Vec<char> = bytes
        .iter()
        .map(|byte| char::from(ALPHABET[usize::from(*byte) % ALPHABET.len()]))
        .collect();
    Ok(chars
        .chunks(5)
        .map(|group| group.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-"))
}

/// Checks a new password; the error is shown next to the field.
pub fn check_new_password(password: &str) -> Result<(), String> {
    let length = password.chars().count();
    if length < MIN_PASSWORD {
        return Err(format!("Use at least {MIN_PASSWORD} characters."));
    }
    if password.len() > MAX_PASSWORD {
        return Err(format!("Use at most {MAX_PASSWORD} bytes."));
    }
    Ok(())
}

/// Hashes a password with argon2id off the async threads, outside the login pool: for
/// accounts made by an administrator or the command line.
pub async fn hash_password(password: &str) -> anyhow::Result<String> {
    let password = password.to_string();
    tokio::task::spawn_blocking(move || hash_blocking(&password))
        .await
        .context("joining the hashing task")?
}

/// A hash no password matches, verified for unknown emails so that a wrong email takes
/// as long as a wrong password.
const DECOY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$\
     2KbQ5P2V8ne9sCJq7t1oC0Sx0gO7t3x3dZxv6vH0kUU";

/// Checks an email and password: first counts the attempt against the limits (a locked
/// attempt is refused without hashing), then checks the password on the bounded pool.
pub async fn check_login(
    store: &dyn Store,
    hashing: &PasswordHashing,
    email: &str,
    password: &str,
    address: &str,
) -> Result<User, LoginError> {
    let email = email.trim().to_lowercase();
    let attempt = LoginAttempt {
        account: &email,
        address,
        at: Timestamp::now(),
    };
    if let LoginClaim::Locked { retry_after } = store.claim_login_attempt(&attempt, &LIMITS).await?
    {
        return Err(LoginError::Locked { retry_after });
    }
    let found = store.user_credentials(&email).await?;
    let hash = found.as_ref().map_or(DECOY_HASH, |(_, hash)| hash.as_str());
    let matches = password.len() <= MAX_PASSWORD && hashing.verify(password, hash).await?;
    match found {
        Some((user, _)) if matches && !user.disabled => {
            store.login_succeeded(&attempt, &LIMITS).await?;
            Ok(user)
        }
        _ => Err(LoginError::Invalid),
    }
}

/// Starts a session for an account; returns the cookie token.
pub async fn start_session(store: &dyn Store, user_id: i64) -> anyhow::Result<String> {
    let token = random_token()?;
    store
        .create_session(&NewSession {
            token_hash: token_hash(&token),
            user_id,
            csrf_token: random_token()?,
            expires_at: Timestamp::now() + SESSION_LIFETIME,
        })
        .await
        .context("storing a session")?;
    Ok(token)
}

/// A new account's password: the one given, or a printed one-time password.
pub struct CreatedUser {
    /// The account id.
    pub id: i64,
    /// The one-time password to hand over, when none was given.
    pub one_time_password: Option<String>,
}

/// Creates an account after checking its fields.
pub async fn create_user(
    store: &dyn Store,
    email: &str,
    name: &str,
    role: Role,
    password: Option<&str>,
    author_id: Option<i64>,
) -> anyhow::Result<CreatedUser> {
    let email = email.trim().to_lowercase();
    let valid_email = email.len() <= 254
        && email.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty() && domain.contains('.') && !email.contains(char::is_whitespace)
        });
    anyhow::ensure!(valid_email, "{email:?} is not an email address");
    let name = name.trim();
    anyhow::ensure!(
        !name.is_empty() && name.chars().count() <= 200,
        "a name must have 1 to 200 characters"
    );
    let one_time = match password {
        Some(password) => {
            check_new_password(password).map_err(anyhow::Error::msg)?;
            None
        }
        None => Some(one_time_password()?),
    };
    let secret = password.or(one_time.as_deref()).unwrap_or_default();
    let id = store
        .create_user(&NewUser {
            email: email.clone(),
            name: name.to_string(),
            role,
            password_hash: hash_password(secret).await?,
            must_change_password: one_time.is_some(),
            author_id,
        })
        .await
        .map_err(|error| match error {
            StoreError::Conflict(_) => anyhow::anyhow!("{email} already has an account"),
            other => anyhow::Error::new(other).context("creating the account"),
        })?;
    Ok(CreatedUser {
        id,
        one_time_password: one_time,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::hashing::verify_blocking;

    #[tokio::test]
    async fn a_hash_verifies_its_password_and_no_other() {
        let hash = hash_password("correct horse battery")
            .await
            .expect("test value");

        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_blocking("correct horse battery", &hash));
        assert!(!verify_blocking("wrong horse battery", &hash));
        assert!(!verify_blocking("anything", DECOY_HASH));
    }

    #[test]
    fn one_time_passwords_are_long_and_differ() {
        let first = one_time_password().expect("test value");

        assert_eq!(first.len(), 23);
        assert_ne!(first, one_time_password().expect("test value"));
        assert!(check_new_password(&first).is_ok());
    }
}
