//! `AddressLocks`: this node's memory of addresses that have used up their failed logins.
//! The store decides every attempt it sees (README, "Logins"); once it has refused an
//! address as a whole, later attempts from that address are refused from memory, without
//! a database write or a password check, so a flood from locked addresses costs little.
//! A node believes a lock for at most [`REMEMBERED`] before asking the store again, so a
//! lock lifted in the database (by a right password that was already being checked, on
//! any node, or by an operator) is seen within that time.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use jiff::{SignedDuration, Timestamp};

/// How long a node believes a lock before the store decides again.
const REMEMBERED: SignedDuration = SignedDuration::from_secs(60);

/// The most addresses remembered; past it, their attempts go to the store as before.
const MOST: usize = 10_000;

/// A lock as remembered: when it ends, and when to ask the store again.
#[derive(Clone, Copy, Debug)]
struct Remembered {
    until: Timestamp,
    recheck: Timestamp,
}

/// Addresses the store has locked, shared by every request of a node.
#[derive(Clone, Debug, Default)]
pub struct AddressLocks {
    locks: Arc<Mutex<HashMap<String, Remembered>>>,
}

impl AddressLocks {
    /// How long an attempt from `address` must wait, if this node remembers it locked.
    pub fn refusal(&self, address: &str, now: Timestamp) -> Option<SignedDuration> {
        let locks = self.locked();
        let lock = locks.get(address).filter(|lock| lock.recheck > now)?;
        Some(
            lock.until
                .duration_since(now)
                .max(SignedDuration::from_secs(1)),
        )
    }

    /// Remembers that the store locked `address` until `until`.
    pub fn remember(&self, address: &str, until: Timestamp, now: Timestamp) {
        let mut locks = self.locked();
        if locks.len() >= MOST {
            locks.retain(|_, lock| lock.recheck > now);
        }
        if locks.len() < MOST {
            let recheck = until.min(now + REMEMBERED);
            locks.insert(address.to_string(), Remembered { until, recheck });
        }
    }

    /// Forgets `address`: a login from it passed, so the store may have cleared failures.
    pub fn forget(&self, address: &str) {
        self.locked().remove(address);
    }

    fn locked(&self) -> MutexGuard<'_, HashMap<String, Remembered>> {
        self.locks
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: i64) -> Timestamp {
        Timestamp::UNIX_EPOCH
            + SignedDuration::from_hours(1000)
            + SignedDuration::from_secs(seconds)
    }

    #[test]
    fn a_remembered_lock_refuses_until_the_store_is_asked_again() {
        let locks = AddressLocks::default();

        locks.remember("192.0.2.7", at(600), at(0));

        assert_eq!(
            locks.refusal("192.0.2.7", at(10)),
            Some(SignedDuration::from_secs(590))
        );
        assert_eq!(locks.refusal("192.0.2.8", at(10)), None, "another address");
        assert_eq!(
            locks.refusal("192.0.2.7", at(60)),
            None,
            "time to ask again"
        );
    }

    #[test]
    fn a_lock_that_ends_soon_is_believed_until_it_ends() {
        let locks = AddressLocks::default();

        locks.remember("192.0.2.7", at(5), at(0));

        assert_eq!(
            locks.refusal("192.0.2.7", at(4)),
            Some(SignedDuration::from_secs(1))
        );
        assert_eq!(locks.refusal("192.0.2.7", at(5)), None);
    }

    #[test]
    fn a_forgotten_address_goes_to_the_store_again() {
        let locks = AddressLocks::default();
        locks.remember("192.0.2.7", at(600), at(0));

        locks.forget("192.0.2.7");

        assert_eq!(locks.refusal("192.0.2.7", at(1)), None);
    }

    #[test]
    fn a_full_memory_makes_room_by_dropping_stale_locks_only() {
        let locks = AddressLocks::default();
        for number in 0..MOST {
            locks.remember(&format!("stale {number}"), at(30), at(0));
        }

        locks.remember("fresh", at(900), at(40));

        assert!(locks.refusal("fresh", at(41)).is_some());
    }
}
