//! Password hashing on a bounded number of threads. An argon2id hash takes tens of
//! milliseconds and 19 MiB on purpose, so a flood of logins waits for a few slots
//! instead of starting a blocking thread each: CPU and memory stay bounded, and a login
//! that waits too long is told to come back. The hashing threads are the pool's own and
//! run only on CPU time the threads that serve pages leave (`SCHED_IDLE` on Linux), so a
//! flood of wrong passwords slows logins down before it slows readers down.

use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use argon2::password_hash::{Output, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, PasswordHasher, Version};
use tokio::sync::oneshot;

use crate::service::gate::Gate;

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

/// The memory argon2id works in: each hashing thread keeps its own and uses it again for
/// every check. (Allocated afresh for each check, the 19 MiB were mapped and unmapped each
/// time: the page faults took a third of a thread's time, and held the process's memory
/// map, which the threads serving pages need too.)
type Memory = Vec<Block>;

/// Work for a hashing thread, given the thread's memory.
type Work = Box<dyn FnOnce(&mut Memory) + Send>;

/// The bounded pool that hashes and checks passwords.
#[derive(Clone, Debug)]
pub struct PasswordHashing {
    /// One slot per thread: a caller waits for a free thread, not in the queue.
    slots: Arc<Gate>,
    work: Sender<Work>,
}

impl PasswordHashing {
    /// A pool of `threads` (at least one) that makes a caller wait at most `wait`. The
    /// threads end when the last handle on the pool is dropped.
    pub fn new(threads: usize, wait: Duration) -> PasswordHashing {
        let threads = threads.max(1);
        let (work, queue) = channel::<Work>();
        let queue = Arc::new(Mutex::new(queue));
        for number in 0..threads {
            let queue = queue.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("password-hash-{number}"))
                .spawn(move || hash_thread(&queue));
            if let Err(error) = spawned {
                tracing::error!(%error, "starting a password-hashing thread");
            }
        }
        PasswordHashing {
            slots: Arc::new(Gate::new(threads, wait)),
            work,
        }
    }

    /// Hashes a new password.
    pub async fn hash(&self, password: &str) -> Result<String, HashError> {
        let password = password.to_string();
        self.run(move |_| hash_blocking(&password))
            .await?
            .map_err(HashError::Failed)
    }

    /// Whether a password matches a stored hash (a malformed hash matches nothing).
    pub async fn verify(&self, password: &str, hash: &str) -> Result<bool, HashError> {
        let (password, hash) = (password.to_string(), hash.to_string());
        self.run(move |memory| verify_in(memory, &password, &hash))
            .await
    }

    /// Whole seconds a refused caller should wait before trying again.
    pub fn retry_after_secs(&self) -> u64 {
        self.slots.wait().as_secs_f64().ceil().max(1.0) as u64
    }

    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Memory) -> T + Send + 'static,
    ) -> Result<T, HashError> {
        let slot = self.slots.enter().await.ok_or(HashError::Busy)?;
        let (done, result) = oneshot::channel();
        let job: Work = Box::new(move |memory| {
            let _slot = slot;
            let _ = done.send(work(memory));
        });
        let gone = || HashError::Failed(anyhow::anyhow!("the password-hashing threads stopped"));
        self.work.send(job).map_err(|_| gone())?;
        result.await.map_err(|_| gone())
    }
}

/// One hashing thread: lowers its own CPU priority, then runs work until the pool is gone.
fn hash_thread(queue: &Mutex<Receiver<Work>>) {
    lower_priority();
    let mut memory = Memory::new();
    loop {
        let next = queue
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
            .recv();
        match next {
            Ok(work) => work(&mut memory),
            Err(_) => return,
        }
    }
}

/// Puts the calling thread in `SCHED_IDLE`: it runs when no ordinary thread wants the
/// core, and a thread that wakes to serve a page takes the core from it at once. (At
/// nice 10, hashing during a login flood still took a third of the readers' requests.)
/// Where that is refused, nice 10 at least.
#[cfg(target_os = "linux")]
fn lower_priority() {
    let idle = libc::sched_param { sched_priority: 0 };
    // SAFETY: both calls only read their arguments (`idle` outlives the call); on Linux,
    // id 0 names the calling thread alone.
    let failed = unsafe {
        libc::sched_setscheduler(0, libc::SCHED_IDLE, &idle) != 0
            && libc::setpriority(libc::PRIO_PROCESS, 0, 10) != 0
    };
    if failed {
        tracing::debug!("could not lower the password-hashing thread's priority");
    }
}

/// Elsewhere hashing threads keep the default priority.
#[cfg(not(target_os = "linux"))]
fn lower_priority() {}

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
    verify_in(&mut Memory::new(), password, hash)
}

/// Whether a password matches a stored hash (a malformed hash matches nothing), computed
/// in `memory`, which grows to the hash's size once: what argon2's `verify_password`
/// does, without allocating the memory for each check.
fn verify_in(memory: &mut Memory, password: &str, hash: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(hash) else {
        return false;
    };
    let (Some(salt), Some(expected)) = (parsed.salt, parsed.hash) else {
        return false;
    };
    let (Ok(params), Ok(algorithm)) = (
        Params::try_from(&parsed),
        Algorithm::try_from(parsed.algorithm),
    ) else {
        return false;
    };
    let Ok(version) = parsed
        .version
        .map_or(Ok(Version::default()), Version::try_from)
    else {
        return false;
    };
    let mut salt_bytes = [0u8; 64];
    let Ok(salt) = salt.decode_b64(&mut salt_bytes) else {
        return false;
    };
    if memory.len() < params.block_count() {
        memory.resize(params.block_count(), Block::default());
    }
    let mut computed = [0u8; Output::MAX_LENGTH];
    let computed = &mut computed[..expected.len()];
    Argon2::new(algorithm, version, params)
        .hash_password_into_with_memory(password.as_bytes(), salt, computed, memory.as_mut_slice())
        .is_ok()
        // `Output` compares in constant time.
        && Output::new(computed).is_ok_and(|computed| computed == expected)
}

#[cfg(test)]
mod tests {
    use argon2::PasswordVerifier;

    use super::*;

    #[test]
    fn memory_used_again_checks_like_fresh_memory() {
        let hash = hash_blocking("correct horse battery").expect("test value");
        let other = hash_blocking("another password").expect("test value");
        let mut memory = Memory::new();

        let checks = [
            verify_in(&mut memory, "correct horse battery", &hash),
            verify_in(&mut memory, "wrong horse battery", &hash),
            verify_in(&mut memory, "another password", &other),
            verify_in(&mut memory, "correct horse battery", &hash),
            verify_in(
                &mut memory,
                "correct horse battery",
                "$argon2id$v=19$garbage",
            ),
        ];

        assert_eq!(checks, [true, false, true, true, false]);
        let parsed = PasswordHash::new(&hash).expect("test value");
        assert!(
            Argon2::default()
                .verify_password(b"correct horse battery", &parsed)
                .is_ok()
        );
    }
}
