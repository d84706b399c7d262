//! The `[media]` table: where media files live, a local folder (the default) or an
//! S3-compatible bucket, and the credentials for it.

use anyhow::{Context, bail};
use serde::Deserialize;

/// Where media files live, and how to reach an object store.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MediaConfig {
    /// `local` (the `media` folder in the data folder) or `s3`. Default `local`.
    pub store: MediaStoreKind,
    /// The bucket, for the `s3` store. Default none; required with `s3`.
    pub bucket: Option<String>,
    /// The S3 API's URL, for MinIO, Ceph, R2 and others. Default
    /// `https://s3.{region}.amazonaws.com`.
    pub endpoint: Option<String>,
    /// The bucket's region (MinIO and R2 accept anything; R2 uses `auto`). Default `us-east-1`.
    pub region: Option<String>,
    /// Address the bucket as `{endpoint}/{bucket}` rather than `{bucket}.{endpoint host}`;
    /// most self-hosted servers need this. Default false.
    pub path_style: bool,
    /// Put every key under this prefix (`news/` keeps `news/12/640.jpg`), to share a
    /// bucket. Default none.
    pub prefix: String,
    /// Access key id. Default the `AWS_ACCESS_KEY_ID` environment variable.
    pub access_key_id: Option<String>,
    /// Secret access key. Default the `AWS_SECRET_ACCESS_KEY` environment variable.
    pub secret_access_key: Option<Secret>,
    /// Session token of temporary credentials. Default the `AWS_SESSION_TOKEN`
    /// environment variable.
    pub session_token: Option<Secret>,
}

/// The kinds of media store.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MediaStoreKind {
    /// A folder on this machine.
    #[default]
    Local,
    /// An S3-compatible object store, shared by several app nodes.
    S3,
}

/// A value never printed: `Debug` shows `***`.
#[derive(Clone, Deserialize, PartialEq, Eq)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    /// The secret itself, for the one place that needs it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("***")
    }
}

impl MediaConfig {
    /// The region, `us-east-1` unless set.
    pub fn region(&self) -> &str {
        self.region.as_deref().unwrap_or("us-east-1")
    }

    /// Sets one `MASTHEAD__MEDIA__KEY` variable, `key` in lower case without the prefix.
    pub(super) fn set(&mut self, key: &str, value: String) -> anyhow::Result<()> {
        match key {
            "store" => {
                self.store = match value.as_str() {
                    "local" => MediaStoreKind::Local,
                    "s3" => MediaStoreKind::S3,
                    _ => bail!("must be local or s3"),
                }
            }
            "bucket" => self.bucket = Some(value),
            "endpoint" => self.endpoint = Some(value),
            "region" => self.region = Some(value),
            "path_style" => self.path_style = value.parse().context("must be true or false")?,
            "prefix" => self.prefix = value,
            "access_key_id" => self.access_key_id = Some(value),
            "secret_access_key" => self.secret_access_key = Some(Secret(value)),
            "session_token" => self.session_token = Some(Secret(value)),
            _ => bail!("unknown setting"),
        }
        Ok(())
    }

    /// Fills credentials not set in the file or `MASTHEAD__MEDIA__*` from the standard
    /// `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN` variables.
    pub(super) fn apply_aws_env(&mut self, vars: impl Iterator<Item = (String, String)>) {
        for (key, value) in vars {
            match key.as_str() {
                "AWS_ACCESS_KEY_ID" if self.access_key_id.is_none() => {
                    self.access_key_id = Some(value);
                }
                "AWS_SECRET_ACCESS_KEY" if self.secret_access_key.is_none() => {
                    self.secret_access_key = Some(Secret(value));
                }
                "AWS_SESSION_TOKEN" if self.session_token.is_none() => {
                    self.session_token = Some(Secret(value));
                }
                _ => {}
            }
        }
    }

    /// Rejects settings the store cannot work with, naming the key.
    pub(super) fn validate(&self) -> anyhow::Result<()> {
        if self.store == MediaStoreKind::Local {
            return Ok(());
        }
        let Some(bucket) = &self.bucket else {
            bail!("media.bucket is required when media.store is \"s3\"");
        };
        if bucket.len() < 3
            || !bucket
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
        {
            bail!("media.bucket {bucket:?} is not a bucket name (3 or more of a-z, 0-9, '-', '.')");
        }
        if let Some(endpoint) = &self.endpoint
            && !(endpoint.starts_with("http://") || endpoint.starts_with("https://"))
        {
            bail!("media.endpoint must start with http:// or https://");
        }
        let prefix = self.prefix.trim_end_matches('/');
        if !prefix.is_empty() && !crate::media::is_valid_key(prefix) {
            bail!("media.prefix may hold only letters, digits, '-', '_' and '/'-separated parts");
        }
        if self.access_key_id.is_none() || self.secret_access_key.is_none() {
            bail!(
                "media.store \"s3\" needs credentials: set media.access_key_id and \
                 media.secret_access_key, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
            );
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s3() -> MediaConfig {
        MediaConfig {
            store: MediaStoreKind::S3,
            bucket: Some("news-media".to_string()),
            access_key_id: Some("AKID".to_string()),
            secret_access_key: Some(Secret::new("secret")),
            ..MediaConfig::default()
        }
    }

    #[test]
    fn bad_s3_settings_are_named() {
        let cases = [
            (
                MediaConfig {
                    bucket: None,
                    ..s3()
                },
                "media.bucket",
                "no bucket",
            ),
            (
                MediaConfig {
                    bucket: Some("News_Media".into()),
                    ..s3()
                },
                "media.bucket",
                "not a bucket name",
            ),
            (
                MediaConfig {
                    endpoint: Some("minio:9000".into()),
                    ..s3()
                },
                "media.endpoint",
                "no scheme",
            ),
            (
                MediaConfig {
                    prefix: "../up".into(),
                    ..s3()
                },
                "media.prefix",
                "traversal in the prefix",
            ),
            (
                MediaConfig {
                    secret_access_key: None,
                    ..s3()
                },
                "AWS_SECRET_ACCESS_KEY",
                "no secret",
            ),
        ];

        for (config, named, reason) in cases {
            let error = config.validate().expect_err(reason).to_string();
            assert!(error.contains(named), "{reason}: {error}");
        }
        s3().validate().expect("a complete S3 configuration");
        MediaConfig::default()
            .validate()
            .expect("the local default");
    }

    #[test]
    fn credentials_come_from_the_aws_variables_unless_configured() {
        let mut config = MediaConfig {
            access_key_id: Some("CONFIGURED".into()),
            ..s3()
        };
        config.secret_access_key = None;
        let vars = [
            ("AWS_ACCESS_KEY_ID".to_string(), "FROM-ENV".to_string()),
            (
                "AWS_SECRET_ACCESS_KEY".to_string(),
                "env-secret".to_string(),
            ),
        ];

        config.apply_aws_env(vars.into_iter());

        assert_eq!(config.access_key_id.as_deref(), Some("CONFIGURED"));
        assert_eq!(config.secret_access_key, Some(Secret::new("env-secret")));
        assert_eq!(
            format!("{config:?}").matches("env-secret").count(),
            0,
            "never printed"
        );
    }
}
