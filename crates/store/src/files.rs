//! Where media files live: the interface of the media store (a local folder or an S3
//! bucket, implemented by the app), kept here so that the demo can draw photos into
//! any store without depending on the app.

use async_trait::async_trait;

/// Somewhere to keep media files by key ("12/640.jpg").
#[async_trait]
pub trait MediaStore: Send + Sync + 'static {
    /// Stores bytes under a key, replacing any file there.
    async fn put(&self, key: &str, bytes: Vec<u8>) -> anyhow::Result<()>;
    /// The bytes under a key, or none.
    async fn get(&self, key: &str) -> anyhow::Result<Option<Vec<u8>>>;
    /// Removes the file under a key; a key with no file is not an error.
    async fn delete(&self, key: &str) -> anyhow::Result<()>;
}
