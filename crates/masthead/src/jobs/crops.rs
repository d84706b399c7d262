//! The crop maker: every node cuts the crops of images that need them (see
//! `service::crops`): at start (images recorded before crops existed), when this node moved
//! an image's focal point ([`CropSignal`]), and every half minute for changes made on other
//! nodes. Two nodes may cut the same image at once; the store keeps the set made around the
//! image's current focal point, and the other node's files are removed again. Each round
//! also removes the files of replaced crops once their day is up.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::{Duration, Instant};

use imaging::Limits;
use store::Store;
use tokio::sync::Notify;

use crate::jobs::changes::ChangeSignal;
use crate::media::MediaStore;
use crate::service::crops::{make_needed_crops, remove_retired_files};

/// How often the store is asked for images that need crops, without a signal.
const EVERY: Duration = Duration::from_secs(30);

/// How long an image whose crops could not be made waits before it is tried again.
const RETRY_FAILED: Duration = Duration::from_secs(3600);

/// Wakes the crop maker: an image's focal point moved on this node.
#[derive(Debug, Default)]
pub struct CropSignal(Notify);

impl CropSignal {
    /// Tells the crop maker to look now.
    pub fn notify(&self) {
        self.0.notify_one();
    }
}

/// Cuts crops off the threads that serve readers, one image at a time.
pub struct CropMaker {
    /// Where the images are recorded.
    pub store: Arc<dyn Store>,
    /// Where their files are.
    pub media: Arc<dyn MediaStore>,
    /// The upload limits, which every stored picture met.
    pub limits: Limits,
    /// Wakes this maker.
    pub signal: Arc<CropSignal>,
    /// Wakes the change follower once crops were recorded, so this node's pages showing
    /// them are dropped at once.
    pub changed: Arc<ChangeSignal>,
}

impl CropMaker {
    /// Runs until the app stops.
    pub async fn run(self) {
        // An image whose crops could not be made (an unreadable picture, a media store
        // that failed) waits an hour before it is tried again.
        let mut failed = HashSet::new();
        let mut forgiven = Instant::now();
        loop {
            if forgiven.elapsed() >= RETRY_FAILED {
                failed.clear();
                forgiven = Instant::now();
            }
            let made = make_needed_crops(
                self.store.as_ref(),
                self.media.as_ref(),
                self.limits,
                &mut failed,
            );
            match made.await {
                Ok(0) => {}
                Ok(made) => {
                    tracing::info!(images = made, "made crops");
                    self.changed.notify();
                }
                Err(error) => tracing::warn!(%error, "looking for images that need crops"),
            }
            match remove_retired_files(self.store.as_ref(), self.media.as_ref()).await {
                Ok(0) => {}
                Ok(removed) => tracing::info!(files = removed, "removed replaced crops"),
                Err(error) => tracing::warn!(%error, "removing replaced crops"),
            }
            tokio::select! {
                () = self.signal.0.notified() => {}
                () = tokio::time::sleep(EVERY) => {}
            }
        }
    }
}
