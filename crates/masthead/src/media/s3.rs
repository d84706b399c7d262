//! Media files in an S3-compatible bucket (AWS S3, MinIO, Ceph, R2, ...), so that several
//! app nodes share them. Requests are signed with [`super::sigv4`] and sent with reqwest
//! over rustls with the `ring` provider.

use std::time::Duration;

use anyhow::{Context, anyhow};
use async_trait::async_trait;
use reqwest::{Method, StatusCode, Url};

use super::sigv4::{self, Signer};
use super::{MediaStore, is_valid_key};
use crate::config::{MediaConfig, Secret};

/// Media files in a bucket, each key under an optional prefix.
pub struct S3MediaStore {
    client: reqwest::Client,
    /// `https://host[:port]` with the bucket in the host (virtual-hosted) or not (path-style).
    origin: Url,
    /// `/{bucket}` (path-style) or empty, then the prefix, ready to take a key.
    key_path: String,
    path_style: bool,
    bucket: String,
    region: String,
    access_key_id: String,
    secret_access_key: Secret,
    session_token: Option<Secret>,
}

impl S3MediaStore {
    /// A store for the `[media]` settings; no request is made until [`S3MediaStore::check`].
    pub fn new(config: &MediaConfig) -> anyhow::Result<S3MediaStore> {
        let bucket = config.bucket.clone().context("media.bucket is not set")?;
        let region = config.region().to_string();
        let endpoint = config
            .endpoint
            .clone()
            .unwrap_or_else(|| format!("https://s3.{region}.amazonaws.com"));
        let mut origin = Url::parse(&endpoint)
            .with_context(|| format!("media.endpoint {endpoint:?} is not a URL"))?;
        let host = origin
            .host_str()
            .with_context(|| format!("media.endpoint {endpoint:?} has no host"))?
            .to_string();
        let mut key_path = String::new();
        if config.path_style {
            key_path = format!("/{bucket}");
        } else {
            origin
                .set_host(Some(&format!("{bucket}.{host}")))
                .with_context(|| format!("addressing bucket {bucket} at {endpoint}"))?;
        }
        origin.set_path("");
        let prefix = config.prefix.trim_matches('/');
        if !prefix.is_empty() {
            key_path = format!("{key_path}/{prefix}");
        }
        install_tls_provider();
        let client = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(60))
            .build()
            .context("building the S3 HTTP client")?;
        Ok(S3MediaStore {
            client,
            origin,
            key_path,
            path_style: config.path_style,
            bucket,
            region,
            access_key_id: config.access_key_id.clone().context("no access key id")?,
            secret_access_key: config
                .secret_access_key
                .clone()
                .context("no secret access key")?,
            session_token: config.session_token.clone(),
        })
    }

    /// Checks that the bucket exists and the credentials are accepted, so that a wrong
    /// setting stops the app at startup rather than at the first upload.
    pub async fn check(&self) -> anyhow::Result<()> {
        let path = if self.path_style {
            format!("/{}", self.bucket)
        } else {
            "/".to_string()
        };
        let response = self.send(Method::HEAD, &path, Vec::new()).await?;
        match response.status() {
            status if status.is_success() => Ok(()),
            // HEAD answers carry no body: the status says it all.
            StatusCode::NOT_FOUND => Err(self.no_bucket()),
            StatusCode::FORBIDDEN => Err(anyhow!(
                "S3 refused access to bucket {}: check media.access_key_id and \
                 media.secret_access_key (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY) \
                 and that they may use the bucket",
                self.bucket
            )),
            StatusCode::MOVED_PERMANENTLY => Err(anyhow!(
                "bucket {} is not in region {}: set media.region to the bucket's region",
                self.bucket,
                self.region
            )),
            status => Err(anyhow!(
                "S3 answered {status} checking bucket {} at {}",
                self.bucket,
                self.origin
            )),
        }
    }

    fn no_bucket(&self) -> anyhow::Error {
        anyhow!(
            "S3 bucket {} does not exist at {}: create it or fix media.bucket",
            self.bucket,
            self.origin
        )
    }

    fn object_path(&self, key: &str) -> String {
        format!("{}/{key}", self.key_path)
    }

    /// Signs and sends one request; `path` holds only characters that need no encoding.
    async fn send(
        &self,
        method: Method,
        path: &str,
        body: Vec<u8>,
    ) -> anyhow::Result<reqwest::Response> {
        let mut url = self.origin.clone();
        url.set_path(path);
        let host = match url.port() {
            Some(port) => format!("{}:{port}", url.host_str().unwrap_or_default()),
            None => url.host_str().unwrap_or_default().to_string(),
        };
        let amz_date = jiff::Timestamp::now()
            .strftime("%Y%m%dT%H%M%SZ")
            .to_string();
        let payload_hash = sigv4::payload_hash(&body);
        let mut headers = vec![
            ("host", host.as_str()),
            ("x-amz-content-sha256", payload_hash.as_str()),
            ("x-amz-date", amz_date.as_str()),
        ];
        if let Some(token) = &self.session_token {
            headers.push(("x-amz-security-token", token.expose()));
        }
        let signer = Signer {
            access_key_id: &self.access_key_id,
            secret_access_key: self.secret_access_key.expose(),
            region: &self.region,
        };
        let authorization = signer.authorization(&sigv4::Request {
            method: method.as_str(),
            path: url.path(),
            query: "",
            headers: &headers,
            payload_hash: &payload_hash,
            amz_date: &amz_date,
        });
        let mut request = self
            .client
            .request(method.clone(), url)
            .header("authorization", authorization);
        for (name, value) in headers.iter().filter(|(name, _)| *name != "host") {
            request = request.header(*name, *value);
        }
        request.body(body).send().await.map_err(|error| {
            let error = anyhow::Error::new(error);
            if error
                .downcast_ref::<reqwest::Error>()
                .is_some_and(|e| e.is_connect() || e.is_timeout())
            {
                error.context(format!("cannot reach the S3 endpoint {}", self.origin))
            } else {
                error.context(format!("{method} {path} on S3 at {}", self.origin))
            }
        })
    }

    /// Turns an error answer into a message naming the cause.
    fn explain(&self, action: &str, key: &str, answer: &ErrorAnswer) -> anyhow::Error {
        let ErrorAnswer {
            status,
            code,
            message,
        } = answer;
        match code.as_str() {
            "NoSuchBucket" => self.no_bucket(),
            "InvalidAccessKeyId" | "SignatureDoesNotMatch" | "InvalidToken" | "ExpiredToken" => {
                anyhow!(
                    "S3 refused the credentials ({code}: {message}): check \
                     media.access_key_id and media.secret_access_key (or AWS_ACCESS_KEY_ID \
                     and AWS_SECRET_ACCESS_KEY)"
                )
            }
            "AccessDenied" => anyhow!(
                "S3 denied {action} of {key} in bucket {} ({message}): the credentials lack \
                 permission",
                self.bucket
            ),
            "PermanentRedirect" | "AuthorizationHeaderMalformed" => anyhow!(
                "bucket {} is not in region {} ({code}: {message}): set media.region",
                self.bucket,
                self.region
            ),
            _ => anyhow!(
                "S3 answered {status} to {action} of {key} in bucket {}: {code} {message}",
                self.bucket
            ),
        }
    }
}

/// The status, code and message of an S3 error answer.
struct ErrorAnswer {
    status: StatusCode,
    code: String,
    message: String,
}

impl ErrorAnswer {
    async fn read(response: reqwest::Response) -> ErrorAnswer {
        let status = response.status();
        let body = response.text().await.unwrap_or_default();
        ErrorAnswer {
            status,
            code: xml_text(&body, "Code").unwrap_or_default().to_string(),
            message: xml_text(&body, "Message").unwrap_or_default().to_string(),
        }
    }

    /// A 404 about the object, not the bucket: the key simply has no object.
    fn is_missing_object(&self) -> bool {
        self.status == StatusCode::NOT_FOUND && self.code != "NoSuchBucket"
    }
}

/// Makes ring the process's TLS crypto provider, which every reqwest client needs: reqwest
/// is built without one so that aws-lc (cmake, minutes of C) stays out of the build. Calling
/// it again does nothing.
pub fn install_tls_provider() {
    if rustls::crypto::CryptoProvider::get_default().is_none() {
        // Only fails if another thread installed one first, which is as good.
        let _ = rustls::crypto::ring::default_provider().install_default();
    }
}

/// The text of the first `<name>` element of an S3 error document.
fn xml_text<'a>(xml: &'a str, name: &str) -> Option<&'a str> {
    let start = xml.find(&format!("<{name}>"))? + name.len() + 2;
    let end = start + xml[start..].find(&format!("</{name}>"))?;
    Some(&xml[start..end])
}

#[async_trait]
impl MediaStore for S3MediaStore {
    async fn put(&self, key: &str, bytes: Vec<u8>) -> anyhow::Result<()> {
        anyhow::ensure!(is_valid_key(key), "invalid media key {key:?}");
        let response = self
            .send(Method::PUT, &self.object_path(key), bytes)
            .await?;
        if response.status().is_success() {
            return Ok(());
        }
        Err(self.explain("upload", key, &ErrorAnswer::read(response).await))
    }

    async fn get(&self, key: &str) -> anyhow::Result<Option<Vec<u8>>> {
        if !is_valid_key(key) {
            return Ok(None);
        }
        let response = self
            .send(Method::GET, &self.object_path(key), Vec::new())
            .await?;
        if !response.status().is_success() {
            let answer = ErrorAnswer::read(response).await;
            if answer.is_missing_object() {
                return Ok(None);
            }
            return Err(self.explain("download", key, &answer));
        }
        let bytes = response
            .bytes()
            .await
            .with_context(|| format!("reading media {key} from S3"))?;
        Ok(Some(bytes.to_vec()))
    }

    async fn delete(&self, key: &str) -> anyhow::Result<()> {
        anyhow::ensure!(is_valid_key(key), "invalid media key {key:?}");
        let response = self
            .send(Method::DELETE, &self.object_path(key), Vec::new())
            .await?;
        if response.status().is_success() {
            return Ok(());
        }
        // S3 answers 204 for a key with no object, but some compatible servers answer 404.
        let answer = ErrorAnswer::read(response).await;
        if answer.is_missing_object() {
            return Ok(());
        }
        Err(self.explain("delete", key, &answer))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_code_and_message_are_read_from_an_error_document() {
        let xml = "<?xml version=\"1.0\"?><Error><Code>NoSuchKey</Code>\
                   <Message>The specified key does not exist.</Message></Error>";

        assert_eq!(xml_text(xml, "Code"), Some("NoSuchKey"));
        assert_eq!(
            xml_text(xml, "Message"),
            Some("The specified key does not exist.")
        );
        assert_eq!(xml_text("<html>", "Code"), None);
    }

    #[test]
    fn buckets_are_addressed_by_host_or_by_path() {
        let config = MediaConfig {
            bucket: Some("news".into()),
            region: Some("eu-west-1".into()),
            prefix: "site/".into(),
            access_key_id: Some("AKID".into()),
            secret_access_key: Some(Secret::new("secret")),
            ..MediaConfig::default()
        };
        let minio = MediaConfig {
            endpoint: Some("http://127.0.0.1:9000".into()),
            path_style: true,
            prefix: String::new(),
            ..config.clone()
        };

        let aws = S3MediaStore::new(&config).expect("store");
        let local = S3MediaStore::new(&minio).expect("store");

        assert_eq!(
            aws.origin.as_str(),
            "https://news.s3.eu-west-1.amazonaws.com/"
        );
        assert_eq!(aws.object_path("12/640.jpg"), "/site/12/640.jpg");
        assert_eq!(local.origin.as_str(), "http://127.0.0.1:9000/");
        assert_eq!(local.object_path("12/640.jpg"), "/news/12/640.jpg");
    }
}
