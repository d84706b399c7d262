//! The media store: where image originals and renditions live. A local folder by default;
//! an S3-compatible bucket (with the `s3` cargo feature) when several nodes share media.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use async_trait::async_trait;

use crate::config::{MediaConfig, MediaStoreKind};

/// The interface every media store implements; it lives in `store` so that the demo can
/// fill any of them.
pub use store::files::MediaStore;

#[cfg(feature = "s3")]
mod s3;
#[cfg(feature = "s3")]
mod sigv4;

#[cfg(feature = "s3")]
pub use s3::{S3MediaStore, install_tls_provider};

/// Opens the configured store: the `media` folder under `data_dir`, or the S3 bucket after
/// checking that it exists and takes the credentials.
pub async fn open(config: &MediaConfig, data_dir: &Path) -> anyhow::Result<Arc<dyn MediaStore>> {
    match config.store {
        MediaStoreKind::Local => Ok(Arc::new(LocalMediaStore::new(data_dir.join("media")))),
        #[cfg(feature = "s3")]
        MediaStoreKind::S3 => {
            let store = S3MediaStore::new(config)?;
            store.check().await?;
            Ok(Arc::new(store))
        }
        #[cfg(not(feature = "s3"))]
        MediaStoreKind::S3 => anyhow::bail!(
            "media.store = \"s3\" needs masthead built with the s3 feature: \
             cargo build --release --features s3"
        ),
    }
}

/// Whether a key is one we make: segments of ASCII letters, digits, `-` and one `.`
/// extension. Rejects traversal (`..`), absolute paths and anything odd before any I/O.
pub fn is_valid_key(key: &str) -> bool {
    key.len() <= 200
        && key.split('/').all(|segment| {
            !segment.is_empty()
                && !segment.starts_with('.')
                && segment.matches('.').count() <= 1
                && segment
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.' || b == b'_')
        })
}

/// The format of a file the app may have written under this key: a valid key whose
/// extension is one the app writes. Anything else is refused before a store is asked.
pub fn served_format(key: &str) -> Option<imaging::Format> {
    let (_, extension) = key.rsplit_once('.')?;
    is_valid_key(key)
        .then(|| imaging::Format::from_extension(extension))
        .flatten()
}

/// Media files in a local folder.
#[derive(Debug, Clone)]
pub struct LocalMediaStore {
    root: PathBuf,
}

impl LocalMediaStore {
    /// A store rooted at `root` (created on first write).
    pub fn new(root: PathBuf) -> LocalMediaStore {
        LocalMediaStore { root }
    }
}

#[async_trait]
impl MediaStore for LocalMediaStore {
    async fn put(&self, key: &str, bytes: Vec<u8>) -> anyhow::Result<()> {
        anyhow::ensure!(is_valid_key(key), "invalid media key {key:?}");
        let path = self.root.join(key);
        if let Some(parent) = path.parent() {
            tokio::fs::create_dir_all(parent)
                .await
                .with_context(|| format!("creating {}", parent.display()))?;
        }
        // Write then rename, so a reader never sees half a file.
        let partial = path.with_extension("partial");
        tokio::fs::write(&partial, bytes)
            .await
            .with_context(|| format!("writing {}", partial.display()))?;
        tokio::fs::rename(&partial, &path)
            .await
            .with_context(|| format!("renaming to {}", path.display()))
    }

    async fn get(&self, key: &str) -> anyhow::Result<Option<Vec<u8>>> {
        if !is_valid_key(key) {
            return Ok(None);
        }
        match tokio::fs::read(self.root.join(key)).await {
            Ok(bytes) => Ok(Some(bytes)),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(error).with_context(|| format!("reading media {key}")),
        }
    }

    async fn delete(&self, key: &str) -> anyhow::Result<()> {
        anyhow::ensure!(is_valid_key(key), "invalid media key {key:?}");
        let path = self.root.join(key);
        match tokio::fs::remove_file(&path).await {
            Ok(()) => {}
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
            Err(error) => {
                return Err(error).with_context(|| format!("removing {}", path.display()));
            }
        }
        // The folder of an image goes with its last file; one still holding files stays.
        if let Some(parent) = path.parent().filter(|parent| *parent != self.root) {
            let _ = tokio::fs::remove_dir(parent).await;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_keys_we_make_are_valid() {
        let cases = [
            ("12/640.jpg", true, "a rendition"),
            ("../etc/passwd", false, "traversal"),
            ("/etc/passwd", false, "absolute"),
            ("12/.hidden", false, "hidden file"),
            ("12//640.jpg", false, "empty segment"),
            ("12/640.jpg.exe", false, "two extensions"),
            ("12/6%2e.jpg", false, "encoded characters"),
        ];

        for (key, valid, reason) in cases {
            assert_eq!(is_valid_key(key), valid, "{reason}");
        }
    }

    #[test]
    fn only_keys_of_files_we_write_are_served() {
        let cases = [
            ("12/640.jpg", true, "a JPEG rendition"),
            ("12/original.png", true, "a PNG original"),
            ("demo/abc/320.jpg", true, "a demo photo"),
            ("12/640.webp", true, "a WebP rendition"),
            ("12/640.jpeg", false, "a spelling we never write"),
            ("12/640.JPG", false, "upper case"),
            ("12/page.html", false, "markup"),
            ("12/image.svg", false, "SVG, which may hold script"),
            ("12/640", false, "no extension"),
            ("../12/640.jpg", false, "traversal"),
        ];

        for (key, served, reason) in cases {
            assert_eq!(served_format(key).is_some(), served, "{reason}: {key}");
        }
    }

    #[tokio::test]
    async fn files_round_trip_through_the_local_store() {
        let dir = tempfile::tempdir().expect("temp dir");
        let media = LocalMediaStore::new(dir.path().to_path_buf());

        media.put("1/320.jpg", b"jpeg".to_vec()).await.expect("put");

        assert_eq!(
            media.get("1/320.jpg").await.expect("get"),
            Some(b"jpeg".to_vec())
        );
        assert_eq!(media.get("1/999.jpg").await.expect("get"), None);
    }

    #[tokio::test]
    async fn deleting_the_last_file_removes_its_folder() {
        let dir = tempfile::tempdir().expect("temp dir");
        let media = LocalMediaStore::new(dir.path().to_path_buf());
        media.put("1/320.jpg", b"a".to_vec()).await.expect("put");
        media.put("1/640.jpg", b"b".to_vec()).await.expect("put");

        media.delete("1/320.jpg").await.expect("delete");
        media
            .delete("1/999.jpg")
            .await
            .expect("a missing file is fine");
        assert!(dir.path().join("1").exists());
        media.delete("1/640.jpg").await.expect("delete");

        assert!(!dir.path().join("1").exists());
    }
}
