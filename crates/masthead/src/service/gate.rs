//! `Gate`: a few slots for costly work (image uploads, revision diffs). Work past the
//! slots waits a short while for one, then is refused, so a burst cannot take all the
//! memory or all the threads.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// A bounded number of slots, and how long work waits for one.
#[derive(Debug)]
pub struct Gate {
    slots: Arc<Semaphore>,
    wait: Duration,
}

/// A slot held; it frees itself when dropped.
#[derive(Debug)]
pub struct Slot(#[expect(dead_code, reason = "held for its Drop")] OwnedSemaphorePermit);

impl Gate {
    /// A gate of `slots` slots (at least one) where work waits at most `wait`.
    pub fn new(slots: usize, wait: Duration) -> Gate {
        Gate {
            slots: Arc::new(Semaphore::new(slots.max(1))),
            wait,
        }
    }

    /// A slot, or `None` when none came free within the wait.
    pub async fn enter(&self) -> Option<Slot> {
        tokio::time::timeout(self.wait, self.slots.clone().acquire_owned())
            .await
            .ok()?
            .ok()
            .map(Slot)
    }

    /// How long work waits for a slot: a refused client may try again after about this.
    pub fn wait(&self) -> Duration {
        self.wait
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn work_past_the_slots_is_refused_until_one_is_freed() {
        let gate = Gate::new(1, Duration::from_millis(10));

        let first = gate.enter().await;
        let refused = gate.enter().await;
        drop(first);
        let after = gate.enter().await;

        assert!(refused.is_none());
        assert!(after.is_some());
    }
}
