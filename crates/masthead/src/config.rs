//! Configuration: code defaults, then an optional `masthead.toml`, then `MASTHEAD__*`
//! environment variables, then command-line flags.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use jiff::{SignedDuration, Timestamp};
use serde::Deserialize;
use store::Retention;

mod email;
mod media;
pub use email::EmailConfig;
pub use media::{MediaConfig, MediaStoreKind, Secret};

/// Everything the app needs to start, validated once at startup.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Address to listen on. Default `127.0.0.1:8080`.
    pub addr: SocketAddr,
    /// Folder holding the database file and the media store. Default `./masthead-data`.
    pub data_dir: PathBuf,
    /// A PostgreSQL database (`postgres://user:password@host:port/name`) to use instead of
    /// the SQLite file in the data folder, so that several app nodes share it. Default none.
    pub database_url: Option<String>,
    /// Public base URL used in short links, feeds and metadata. Default `http://{addr}`.
    pub base_url: Option<String>,
    /// Folder whose templates and assets override the embedded theme file by file. Default none.
    pub theme_dir: Option<PathBuf>,
    /// Log level: error, warn, info, debug or trace. Default `info`.
    pub log_level: String,
    /// Stories per page on section, topic, keyword and author pages. Default 20.
    pub page_size: u32,
    /// Stories per sitemap file: a month with more is split into numbered parts. At most
    /// 50,000 (the sitemaps protocol's limit). Default 2000.
    pub sitemap_urls: u32,
    /// Number of rendered pages kept in memory. Default 5000.
    pub page_cache_entries: usize,
    /// Number of search result pages kept in memory until the index changes. Default 200.
    pub search_cache_entries: usize,
    /// Largest media upload accepted, in megabytes. Default 20.
    pub max_upload_mb: usize,
    /// Seconds a node holds a background job (a scheduled publish) it has claimed; when
    /// a node dies mid-job, another takes the job over after this. Default 60.
    pub job_lease_secs: u64,
    /// Seconds before a failed background job (an email the mail server refused, an issue
    /// whose send stopped) is tried again. Default 30.
    pub job_retry_secs: u64,
    /// Days the change log keeps its entries (other nodes follow it within seconds; a node
    /// that was down longer starts with an empty page cache anyway). 0 keeps them for
    /// ever. Default 7.
    pub change_log_days: u32,
    /// Days finished background jobs are kept. 0 keeps them for ever. Default 30.
    pub finished_jobs_days: u32,
    /// Days the newsroom's audit log keeps its lines. Default 0: for ever, because a
    /// newsroom may have to show who changed what years later.
    pub audit_log_days: u32,
    /// The `[media]` table: the media store. Default the `media` folder in the data folder.
    pub media: MediaConfig,
    /// The `[email]` table: the SMTP server, sender and rate. Default none: no email.
    pub email: EmailConfig,
    /// Memory the page cache may hold, in megabytes (compressed pages); past it, the least
    /// recently used pages go one at a time. Default 256.
    pub page_cache_mb: usize,
    /// Seconds a client has to send a complete request head, from its first byte (or from
    /// connecting); then the connection is closed. Default 10.
    pub header_timeout_secs: u64,
    /// Seconds a client has to send a request body, plus 1/64 s per KB it declares (64 KB/s
    /// for large uploads); a body that stalls gets 408. Default 30.
    pub body_timeout_secs: u64,
    /// Seconds a kept-alive connection may wait for its next request. Default 75.
    pub idle_timeout_secs: u64,
    /// Addresses or CIDR ranges of the reverse proxies in front of the app: only requests
    /// from these take the client's address from `X-Forwarded-For` (else `Forwarded`).
    /// Default none: the connection's peer is the client.
    pub trusted_proxies: Vec<String>,
    /// Addresses or CIDR ranges (`10.0.0.0/8`) allowed to read `/metrics`; in a variable,
    /// separated by commas. Default none.
    pub metrics_allow: Vec<String>,
    /// A bearer token that allows reading `/metrics` from anywhere. Default none: with
    /// neither this nor `metrics_allow`, `/metrics` answers 404.
    pub metrics_token: Option<Secret>,
    /// Log lines as `text` or `json` (one object a line). Default `text`.
    pub log_format: LogFormat,
    /// Threads that may hash or check passwords at once (argon2id, 19 MiB each). Default
    /// the number of cores.
    pub login_hash_threads: usize,
    /// Milliseconds a login waits for a hashing thread before it gets `503` with
    /// `Retry-After`. Default 2000.
    pub login_hash_wait_ms: u64,
    /// Image uploads processed at once; more wait a few seconds for a turn, then get 503
    /// with `Retry-After`. Bounds the memory that decoding uploads takes. Default 2.
    pub max_parallel_uploads: usize,
}

/// How log lines are written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable lines.
    #[default]
    Text,
    /// One JSON object a line, for log collectors.
    Json,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            data_dir: PathBuf::from("masthead-data"),
            database_url: None,
            base_url: None,
            theme_dir: None,
            log_level: "info".to_string(),
            page_size: 20,
            sitemap_urls: 2000,
            page_cache_entries: 5000,
            search_cache_entries: 200,
            max_upload_mb: 20,
            job_lease_secs: 60,
            job_retry_secs: 30,
            change_log_days: 7,
            finished_jobs_days: 30,
            audit_log_days: 0,
            media: MediaConfig::default(),
            email: EmailConfig::default(),
            page_cache_mb: 256,
            header_timeout_secs: 10,
            body_timeout_secs: 30,
            idle_timeout_secs: 75,
            trusted_proxies: Vec::new(),
            metrics_allow: Vec::new(),
            metrics_token: None,
            log_format: LogFormat::Text,
            login_hash_threads: std::thread::available_parallelism().map_or(1, usize::from),
            login_hash_wait_ms: 2000,
            max_parallel_uploads: 2,
        }
    }
}

impl Config {
    /// Loads defaults, then `masthead.toml` (from `file`, or the data folder if present),
    /// then `MASTHEAD__KEY` environment variables (and `MASTHEAD_DATABASE_URL`, the name
    /// deployment tools expect), then the `--data` flag.
    pub fn load(file: Option<&Path>, data_dir: Option<&Path>) -> anyhow::Result<Config> {
        let default_file = data_dir
            .map_or_else(|| Config::default().data_dir, Path::to_path_buf)
            .join("masthead.toml");
        let path = file.map_or(default_file, Path::to_path_buf);
        let mut config = match std::fs::read_to_string(&path) {
            Ok(text) => toml::from_str::<Config>(&text)
                .with_context(|| format!("reading configuration {}", path.display()))?,
            // Only the default file is optional; a file named with --config must exist.
            Err(error) if error.kind() == std::io::ErrorKind::NotFound && file.is_none() => {
                Config::default()
            }
            Err(error) => {
                return Err(error).with_context(|| format!("opening {}", path.display()));
            }
        };
        config.apply_env(std::env::vars())?;
        if let Ok(url) = std::env::var("MASTHEAD_DATABASE_URL") {
            config.database_url = Some(url);
        }
        config.media.apply_aws_env(std::env::vars());
        if let Some(dir) = data_dir {
            config.data_dir = dir.to_path_buf();
        }
        config.validate()?;
        Ok(config)
    }

    /// Applies `MASTHEAD__ADDR`-style variables (`MASTHEAD__MEDIA__BUCKET` for the `[media]`
    /// table); unknown `MASTHEAD__` keys are an error.
    fn apply_env(&mut self, vars: impl Iterator<Item = (String, String)>) -> anyhow::Result<()> {
        for (key, value) in vars {
            let Some(name) = key.strip_prefix("MASTHEAD__") else {
                continue;
            };
            let bad = || format!("environment variable {key}={value:?} is not valid");
            match name.to_ascii_lowercase().as_str() {
                "addr" => self.addr = value.parse().with_context(bad)?,
                "data_dir" => self.data_dir = PathBuf::from(value),
                "database_url" => self.database_url = Some(value),
                "base_url" => self.base_url = Some(value),
                "theme_dir" => self.theme_dir = Some(PathBuf::from(value)),
                "log_level" => self.log_level = value,
                "page_size" => self.page_size = value.parse().with_context(bad)?,
                "sitemap_urls" => self.sitemap_urls = value.parse().with_context(bad)?,
                "page_cache_entries" => {
                    self.page_cache_entries = value.parse().with_context(bad)?
                }
                "search_cache_entries" => {
                    self.search_cache_entries = value.parse().with_context(bad)?
                }
                "max_upload_mb" => self.max_upload_mb = value.parse().with_context(bad)?,
                "job_lease_secs" => self.job_lease_secs = value.parse().with_context(bad)?,
                "job_retry_secs" => self.job_retry_secs = value.parse().with_context(bad)?,
                "change_log_days" => self.change_log_days = value.parse().with_context(bad)?,
                "finished_jobs_days" => {
                    self.finished_jobs_days = value.parse().with_context(bad)?
                }
                "audit_log_days" => self.audit_log_days = value.parse().with_context(bad)?,
                "page_cache_mb" => self.page_cache_mb = value.parse().with_context(bad)?,
                "header_timeout_secs" => {
                    self.header_timeout_secs = value.parse().with_context(bad)?
                }
                "body_timeout_secs" => self.body_timeout_secs = value.parse().with_context(bad)?,
                "idle_timeout_secs" => self.idle_timeout_secs = value.parse().with_context(bad)?,
                "trusted_proxies" => {
                    self.trusted_proxies = value
                        .split(',')
                        .map(str::trim)
                        .filter(|entry| !entry.is_empty())
                        .map(str::to_string)
                        .collect()
                }
                "metrics_allow" => {
                    self.metrics_allow = value
                        .split(',')
                        .map(str::trim)
                        .filter(|item| !item.is_empty())
                        .map(str::to_string)
                        .collect()
                }
                "metrics_token" => self.metrics_token = Some(Secret::new(value.clone())),
                "log_format" => {
                    self.log_format = match value.as_str() {
                        "text" => LogFormat::Text,
                        "json" => LogFormat::Json,
                        _ => bail!("{}: use text or json", bad()),
                    }
                }
                "login_hash_threads" => {
                    self.login_hash_threads = value.parse().with_context(bad)?
                }
                "login_hash_wait_ms" => {
                    self.login_hash_wait_ms = value.parse().with_context(bad)?
                }
                "max_parallel_uploads" => {
                    self.max_parallel_uploads = value.parse().with_context(bad)?
                }
                media if media.starts_with("media__") => self
                    .media
                    .set(&media["media__".len()..], value.clone())
                    .with_context(bad)?,
                email if email.starts_with("email__") => self
                    .email
                    .set(&email["email__".len()..], value.clone())
                    .with_context(bad)?,
                _ => bail!("unknown setting {key}"),
            }
        }
        Ok(())
    }

    /// Rejects values the app cannot run with, naming the key.
    pub fn validate(&self) -> anyhow::Result<()> {
        self.media.validate()?;
        self.email.validate()?;
        if !["error", "warn", "info", "debug", "trace"].contains(&self.log_level.as_str()) {
            bail!("log_level must be one of error, warn, info, debug, trace");
        }
        if !(1..=100).contains(&self.page_size) {
            bail!("page_size must be between 1 and 100");
        }
        if !(1..=50_000).contains(&self.sitemap_urls) {
            bail!("sitemap_urls must be between 1 and 50000");
        }
        if !(1..=1024).contains(&self.max_upload_mb) {
            bail!("max_upload_mb must be between 1 and 1024");
        }
        if !(1..=3600).contains(&self.job_lease_secs) {
            bail!("job_lease_secs must be between 1 and 3600");
        }
        if !(1..=3600).contains(&self.job_retry_secs) {
            bail!("job_retry_secs must be between 1 and 3600");
        }
        for (key, secs) in [
            ("header_timeout_secs", self.header_timeout_secs),
            ("body_timeout_secs", self.body_timeout_secs),
            ("idle_timeout_secs", self.idle_timeout_secs),
        ] {
            if !(1..=3600).contains(&secs) {
                bail!("{key} must be between 1 and 3600");
            }
        }
        crate::web::client::TrustedProxies::parse(&self.trusted_proxies)
            .context("trusted_proxies")?;
        if !(1..=256).contains(&self.login_hash_threads) {
            bail!("login_hash_threads must be between 1 and 256");
        }
        if self.login_hash_wait_ms > 60_000 {
            bail!("login_hash_wait_ms must be at most 60000");
        }
        if !(1..=64).contains(&self.max_parallel_uploads) {
            bail!("max_parallel_uploads must be between 1 and 64");
        }
        if let Some(url) = &self.base_url
            && !(url.starts_with("http://") || url.starts_with("https://"))
        {
            bail!("base_url must start with http:// or https://");
        }
        if let Some(url) = &self.database_url
            && !is_postgres_url(url)
        {
            bail!("database_url must start with postgres:// or postgresql://");
        }
        crate::web::ops::access::parse_ranges(&self.metrics_allow)
            .context("metrics_allow must list addresses or CIDR ranges")?;
        if self
            .metrics_token
            .as_ref()
            .is_some_and(|token| token.expose().len() < 16)
        {
            bail!("metrics_token must be at least 16 characters");
        }
        Ok(())
    }

    /// Where the database is, for messages: the SQLite file, or the PostgreSQL URL
    /// without its password.
    pub fn database_label(&self) -> String {
        match &self.database_url {
            Some(url) => without_password(url),
            None => self.data_dir.join("masthead.db").display().to_string(),
        }
    }

    /// The largest media upload in bytes.
    pub fn max_upload_bytes(&self) -> usize {
        self.max_upload_mb * 1024 * 1024
    }

    /// What the logs keep, counted back from `now`.
    pub fn retention(&self, now: Timestamp) -> Retention {
        let before =
            |days: u32| (days > 0).then(|| now - SignedDuration::from_hours(24 * i64::from(days)));
        Retention {
            changes_before: before(self.change_log_days),
            jobs_before: before(self.finished_jobs_days),
            audit_before: before(self.audit_log_days),
            form_posts_before: before(1),
            issue_sends_before: before(30),
        }
    }

    /// The page cache's byte bound.
    pub fn page_cache_bytes(&self) -> usize {
        self.page_cache_mb.saturating_mul(1024 * 1024)
    }

    /// The public base URL without a trailing slash.
    pub fn public_url(&self) -> String {
        self.base_url.as_ref().map_or_else(
            || format!("http://{}", self.addr),
            |url| url.trim_end_matches('/').to_string(),
        )
    }

    /// A configuration for tests: port 0 on loopback, data in `data_dir`, 5 stories a page.
    pub fn for_tests(data_dir: &Path) -> Config {
        Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            data_dir: data_dir.to_path_buf(),
            base_url: Some("http://masthead.test".to_string()),
            log_level: "warn".to_string(),
            // Small pages, so that the small test newsroom has several of them.
            page_size: 5,
            // A refused email is tried again soon, so tests of it need not wait long.
            job_retry_secs: 2,
            ..Config::default()
        }
    }
}

/// Whether a database URL names PostgreSQL.
pub fn is_postgres_url(url: &str) -> bool {
    url.starts_with("postgres://") || url.starts_with("postgresql://")
}

/// A database URL with any password replaced by `***`, safe to print and log.
pub fn without_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    match authority.rsplit_once('@') {
        Some((credentials, host)) if credentials.contains(':') => {
            let user = credentials.split(':').next().unwrap_or_default();
            format!("{scheme}://{user}:***@{host}{path}")
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retention_counts_days_back_and_zero_keeps_for_ever() {
        let now = Timestamp::from_second(100 * 86_400).expect("time");
        let config = Config {
            audit_log_days: 0,
            change_log_days: 7,
            finished_jobs_days: 1,
            ..Config::default()
        };

        let retention = config.retention(now);

        let days_ago =
            |days: i64| Some(Timestamp::from_second((100 - days) * 86_400).expect("time"));
        assert_eq!(retention.changes_before, days_ago(7));
        assert_eq!(retention.jobs_before, days_ago(1));
        assert_eq!(retention.audit_before, None);
    }

    #[test]
    fn a_configuration_file_sets_values_and_names_unknown_keys() {
        let dir = tempfile::tempdir().expect("temp dir");
        let good = dir.path().join("good.toml");
        let bad = dir.path().join("bad.toml");
        std::fs::write(&good, "page_size = 7\ndata_dir = \"/srv/news\"\n").expect("write");
        std::fs::write(&bad, "colour = \"red\"\n").expect("write");

        let config = Config::load(Some(&good), None).expect("loads");
        let flagged = Config::load(Some(&good), Some(dir.path())).expect("loads");
        let unknown = Config::load(Some(&bad), None).expect_err("unknown key");
        let missing = Config::load(Some(&dir.path().join("none.toml")), None);

        assert_eq!(config.page_size, 7);
        assert_eq!(config.data_dir, PathBuf::from("/srv/news"));
        assert_eq!(flagged.data_dir, dir.path(), "--data wins over the file");
        assert!(format!("{unknown:#}").contains("colour"));
        assert!(missing.is_err(), "a named file must exist");
    }

    #[test]
    fn environment_overrides_defaults() {
        let mut config = Config::default();
        let vars = [("MASTHEAD__PAGE_SIZE".to_string(), "12".to_string())];

        config.apply_env(vars.into_iter()).expect("valid");

        assert_eq!(config.page_size, 12);
    }

    #[test]
    fn unknown_or_bad_settings_are_named_in_the_error() {
        let mut config = Config::default();
        let unknown = [("MASTHEAD__COLOUR".to_string(), "red".to_string())];
        let bad = [("MASTHEAD__ADDR".to_string(), "nowhere".to_string())];

        let unknown = config.apply_env(unknown.into_iter()).expect_err("unknown");
        let bad = config.apply_env(bad.into_iter()).expect_err("bad");

        assert!(unknown.to_string().contains("MASTHEAD__COLOUR"));
        assert!(bad.to_string().contains("MASTHEAD__ADDR"));
    }

    #[test]
    fn trusted_proxies_come_as_a_comma_separated_list_and_garbage_is_named() {
        let mut config = Config::default();
        let vars = [(
            "MASTHEAD__TRUSTED_PROXIES".to_string(),
            "10.0.0.0/8, 192.0.2.7".to_string(),
        )];

        config.apply_env(vars.into_iter()).expect("valid");
        let valid = config.validate();
        config.trusted_proxies.push("proxy.internal".into());
        let invalid = config.validate().expect_err("a host name");

        assert_eq!(config.trusted_proxies[..2], ["10.0.0.0/8", "192.0.2.7"]);
        assert!(valid.is_ok());
        assert!(format!("{invalid:#}").contains("trusted_proxies"));
    }

    #[test]
    fn metrics_and_log_settings_come_from_variables_and_bad_ones_are_named() {
        let mut config = Config::default();
        let vars = [
            (
                "MASTHEAD__METRICS_ALLOW".to_string(),
                "127.0.0.1, 10.0.0.0/8".to_string(),
            ),
            ("MASTHEAD__LOG_FORMAT".to_string(), "json".to_string()),
        ];
        let bad_format = [("MASTHEAD__LOG_FORMAT".to_string(), "xml".to_string())];
        let bad_range = Config {
            metrics_allow: vec!["10.0.0.0/40".to_string()],
            ..Config::default()
        };
        let short_token = Config {
            metrics_token: Some(Secret::new("short")),
            ..Config::default()
        };

        config.apply_env(vars.into_iter()).expect("valid");
        let format = config.apply_env(bad_format.into_iter()).expect_err("bad");

        assert_eq!(config.metrics_allow, ["127.0.0.1", "10.0.0.0/8"]);
        assert_eq!(config.log_format, LogFormat::Json);
        assert!(config.validate().is_ok());
        assert!(format!("{format:#}").contains("MASTHEAD__LOG_FORMAT"));
        assert!(format!("{:#}", bad_range.validate().expect_err("bad")).contains("metrics_allow"));
        assert!(short_token.validate().is_err());
    }

    #[test]
    fn database_urls_must_be_postgres_and_print_without_their_password() {
        let config = Config {
            database_url: Some("mysql://db/news".to_string()),
            ..Config::default()
        };

        assert!(config.validate().is_err());
        assert_eq!(
            without_password("postgres://news:s3cret@db.internal:5432/news"),
            "postgres://news:***@db.internal:5432/news"
        );
        assert_eq!(
            without_password("postgres://news@db/news"),
            "postgres://news@db/news"
        );
    }

    #[test]
    fn the_media_table_and_its_variables_choose_an_s3_store() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("masthead.toml");
        std::fs::write(
            &file,
            "[media]\nstore = \"s3\"\nbucket = \"news\"\naccess_key_id = \"AKID\"\n\
             secret_access_key = \"s3cret\"\n",
        )
        .expect("write");
        let vars = [
            (
                "MASTHEAD__MEDIA__PATH_STYLE".to_string(),
                "true".to_string(),
            ),
            ("MASTHEAD__MEDIA__PREFIX".to_string(), "site/".to_string()),
        ];
        let bad = [("MASTHEAD__MEDIA__STORE".to_string(), "ftp".to_string())];

        let mut config = Config::load(Some(&file), None).expect("loads");
        config.apply_env(vars.into_iter()).expect("valid");
        let error = config.apply_env(bad.into_iter()).expect_err("bad store");

        assert_eq!(config.media.store, MediaStoreKind::S3);
        assert_eq!(config.media.bucket.as_deref(), Some("news"));
        assert!(config.media.path_style);
        assert_eq!(config.media.prefix, "site/");
        assert!(format!("{error:#}").contains("MASTHEAD__MEDIA__STORE"));
        assert!(
            !format!("{config:?}").contains("s3cret"),
            "secrets are not printed"
        );
    }
}
