//! Password hashing on a bounded number of threads. An argon2id hash takes tens of
//! milliseconds and 19 MiB on purpose, so a flood of logins queues for a few permits
//! instead of starting a blocking thread each: CPU and memory stay bounded, and a login
//! that waits too long is told to come back.

use std::sync::Arc;
use std::time::Duration;

use argon2::password_hash::{PasswordHash, SaltString};
use argon2::{Argon2, PasswordHasher, PasswordVerifier};
use tokio::sync::Semaphore;

/// Why a password could not be hashed or checked.
#[derive(Debug, thiserror::Error)]
pub enum HashError {
    /// Every hashing thread stayed busy for the whole wait.
    #[error("every password-hashing thread stayed busy")]
    Busy,
    /// Hashing itself failed.
    #[error(transparent)]
    Failed(#[from] anyhow::Error),
}

/// The bounded pool that hashes and checks passwords.
#[derive(Clone, Debug)]
pub struct PasswordHashing {
    permits: Arc<Semaphore>,
    wait: Duration,
}

impl PasswordHashing {
    /// A pool of `threads` (at least one) that makes a caller wait at most `wait`.
    pub fn new(threads: usize, wait: Duration) -> PasswordHashing {
        PasswordHashing {
            permits: Arc::new(Semaphore::new(threads.max(1))),
            wait,
        }
    }

    /// Hashes a new password.
    pub async fn hash(&self, password: &str) -> Result<String, HashError> {
        let password = password.to_string();
        self.run(move || hash_blocking(&password))
            .await?
            .map_err(HashError::Failed)
    }

    /// Whether a password matches a stored hash (a malformed hash matches nothing).
    pub async fn verify(&self, password: &str, hash: &str) -> Result<bool, HashError> {
        let (password, hash) = (password.to_string(), hash.to_string());
        self.run(move || verify_blocking(&password, &hash)).await
    }

    /// Whole seconds a refused caller should wait before trying again.
    pub fn retry_after_secs(&self) -> u64 {
        self.wait.as_secs_f64().ceil().max(1.0) as u64
    }

    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, HashError> {
        let permit = tokio::time::timeout(self.wait, self.permits.clone().acquire_owned())
            .await
            .map_err(|_| HashError::Busy)?
            .map_err(|_| HashError::Busy)?;
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            work()
        })
        .await
        .map_err(|error| HashError::Failed(anyhow::anyhow!("hashing thread: {error}")))
    }
}

/// Hashes a password with argon2id and a fresh salt, on the calling thread.
pub fn hash_blocking(password: &str) -> anyhow::Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|error| anyhow::anyhow!("random salt: {error}"))?;
    let salt = SaltString::encode_b64(&bytes)
        .map_err(|error| anyhow::anyhow!("encoding a salt: {error}"))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|error| anyhow::anyhow!("hashing a password: {error}"))
}

/// Checks a password against a stored hash, on the calling thread.
pub fn verify_blocking(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}
