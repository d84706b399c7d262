//! A real S3 API for tests: moto's server (`pip install 'moto[server]'`) on a free port,
//! stopped when dropped. Without moto the S3 tests skip loudly, or fail when
//! `MASTHEAD_REQUIRE_S3=1` (as in CI).

use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use masthead::config::{MediaConfig, MediaStoreKind, Secret};

use crate::helpers::http_client;

/// A running moto server.
pub struct Moto {
    child: Child,
    /// `http://127.0.0.1:PORT`.
    pub endpoint: String,
    client: reqwest::Client,
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Creates an IAM user with an access key allowed all of S3, and a bucket, through boto3
/// (which moto depends on); prints the key and its secret.
const CHECKING_SETUP: &str = r#"
import json, sys
import boto3
endpoint, bucket = sys.argv[1], sys.argv[2]
anyone = dict(endpoint_url=endpoint, region_name="us-east-1",
              aws_access_key_id="setup", aws_secret_access_key="setup")
iam = boto3.client("iam", **anyone)
iam.create_user(UserName="masthead")
key = iam.create_access_key(UserName="masthead")["AccessKey"]
policy = {"Version": "2012-10-17",
          "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}
iam.put_user_policy(UserName="masthead", PolicyName="media", PolicyDocument=json.dumps(policy))
boto3.client("s3", **anyone).create_bucket(Bucket=bucket)
print(key["AccessKeyId"], key["SecretAccessKey"])
"#;

fn moto_installed() -> bool {
    Command::new("python3")
        .args(["-c", "import moto.server, flask"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

impl Moto {
    /// Starts moto that takes any credentials, or `None` after a loud note when moto is not
    /// installed and `MASTHEAD_REQUIRE_S3` is not `1`.
    pub async fn start() -> Option<Moto> {
        Moto::start_with(&[]).await
    }

    /// Starts moto with extra environment, such as `INITIAL_NO_AUTH_ACTION_COUNT`, which
    /// makes it check credentials and signatures after that many requests.
    pub async fn start_with(env: &[(&str, &str)]) -> Option<Moto> {
        if !moto_installed() {
            let message = "moto is not installed: the S3 media store tests need a local S3 \
                           API; install it with pip install 'moto[server]'";
            assert!(
                std::env::var("MASTHEAD_REQUIRE_S3").as_deref() != Ok("1"),
                "{message} (MASTHEAD_REQUIRE_S3=1)"
            );
            eprintln!("SKIPPED: {message}");
            return None;
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .expect("a free port")
            .port();
        // Built before the server starts: nothing may panic between spawning it and the
        // `Moto` whose drop stops it.
        let client = http_client().build().expect("client");
        let child = Command::new("python3")
            .args([
                "-m",
                "moto.server",
                "-H",
                "127.0.0.1",
                "-p",
                &port.to_string(),
            ])
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start moto");
        let moto = Moto {
            child,
            endpoint: format!("http://127.0.0.1:{port}"),
            client,
        };
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "moto did not listen on port {port} within 30 s"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Some(moto)
    }

    /// Starts moto that checks every key and signature, with one IAM user allowed all of S3
    /// and a bucket; returns it and the user's settings, or `None` like [`Moto::start`].
    pub async fn start_checking(bucket: &str) -> Option<(Moto, MediaConfig)> {
        // Moto checks credentials after this many requests: the setup's four.
        let moto = Moto::start_with(&[("INITIAL_NO_AUTH_ACTION_COUNT", "4")]).await?;
        let output = Command::new("python3")
            .args(["-c", CHECKING_SETUP, &moto.endpoint, bucket])
            .output()
            .expect("run the moto setup");
        assert!(
            output.status.success(),
            "moto setup: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let printed = String::from_utf8(output.stdout).expect("utf-8");
        let (key, secret) = printed.trim().split_once(' ').expect("key and secret");
        let mut config = moto.media_config(bucket, "");
        config.access_key_id = Some(key.to_string());
        config.secret_access_key = Some(Secret::new(secret));
        Some((moto, config))
    }

    /// Creates a bucket with an unsigned request (moto takes them until it checks).
    pub async fn create_bucket(&self, bucket: &str) {
        let response = self
            .client
            .put(format!("{}/{bucket}", self.endpoint))
            .send()
            .await
            .expect("create bucket");
        assert!(
            response.status().is_success(),
            "creating bucket {bucket}: {}",
            response.status()
        );
    }

    /// The keys in a bucket, listed through the S3 API (ListObjectsV2).
    pub async fn keys(&self, bucket: &str) -> Vec<String> {
        let xml = self
            .client
            .get(format!("{}/{bucket}?list-type=2", self.endpoint))
            .send()
            .await
            .expect("list bucket")
            .text()
            .await
            .expect("listing");
        xml.split("<Key>")
            .skip(1)
            .filter_map(|part| part.split("</Key>").next())
            .map(str::to_string)
            .collect()
    }

    /// The `[media]` settings for a bucket here, path-style, with any credentials.
    pub fn media_config(&self, bucket: &str, prefix: &str) -> MediaConfig {
        MediaConfig {
            store: MediaStoreKind::S3,
            bucket: Some(bucket.to_string()),
            endpoint: Some(self.endpoint.clone()),
            path_style: true,
            prefix: prefix.to_string(),
            access_key_id: Some("test-key".to_string()),
            secret_access_key: Some(Secret::new("test-secret")),
            ..MediaConfig::default()
        }
    }
}
