//! A real SMTP server for tests: `tools/smtp_sink.py` (aiosmtpd, `pip install aiosmtpd`,
//! which `.ci/run` installs) on a free loopback port, writing each message it receives as
//! parsed JSON into a temporary folder. Stopped when dropped.

use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use masthead::config::{Config, Secret};

/// One message as the server received and Python's email package parsed it.
#[derive(Debug, serde::Deserialize)]
pub struct Received {
    pub mail_from: String,
    pub rcpt_tos: Vec<String>,
    pub headers: Vec<(String, String)>,
    pub text: Option<String>,
    pub html: Option<String>,
}

impl Received {
    /// Every value of a header (by name, in any case).
    pub fn header(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
            .collect()
    }
}

/// A running SMTP server.
pub struct SmtpSink {
    child: Child,
    port: u16,
    folder: tempfile::TempDir,
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl SmtpSink {
    /// Starts the server; fails loudly when aiosmtpd is missing.
    pub async fn start() -> SmtpSink {
        SmtpSink::start_on(SmtpSink::free_port()).await
    }

    /// A loopback port nothing listens on (yet): for an app whose mail server is down.
    pub fn free_port() -> u16 {
        std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .expect("a free port")
            .port()
    }

    /// The `smtp_url` of a server on `port`.
    pub fn url(port: u16) -> String {
        format!("smtp://127.0.0.1:{port}?tls=none")
    }

    /// Starts the server on a given port (the mail server coming back).
    pub async fn start_on(port: u16) -> SmtpSink {
        let folder = tempfile::tempdir().expect("temporary folder");
        let child = SmtpSink::spawn(port, folder.path()).await;
        SmtpSink {
            child,
            port,
            folder,
        }
    }

    async fn spawn(port: u16, folder: &std::path::Path) -> Child {
        let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tools/smtp_sink.py");
        let child = Command::new("python3")
            .arg(&script)
            .arg(port.to_string())
            .arg(folder)
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start the SMTP server (python3 tools/smtp_sink.py)");
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "the SMTP server did not listen within 20 s: is aiosmtpd installed \
                 (pip install aiosmtpd)?"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        child
    }

    /// Stops the server: connections are refused until [`SmtpSink::restart`].
    pub fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Starts the server again on the same port, keeping what it received.
    pub async fn restart(&mut self) {
        self.child = SmtpSink::spawn(self.port, self.folder.path()).await;
    }

    /// Points an app's `[email]` table at this server.
    pub fn configure(&self, config: &mut Config) {
        config.email.smtp_url = Some(Secret::new(SmtpSink::url(self.port)));
        config.email.from = Some("news@daily.example".to_string());
    }

    /// Every message received so far, oldest first.
    pub fn received(&self) -> Vec<Received> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(self.folder.path())
            .expect("read the SMTP folder")
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
            .collect();
        files.sort();
        files
            .iter()
            .map(|path| {
                let text = std::fs::read_to_string(path).expect("read a message");
                serde_json::from_str(&text).expect("a parsed message")
            })
            .collect()
    }

    /// Waits until at least `count` messages arrived (at most 20 s), and returns them all.
    pub async fn wait_for(&self, count: usize) -> Vec<Received> {
        let started = Instant::now();
        loop {
            let received = self.received();
            if received.len() >= count {
                return received;
            }
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "{} of {count} messages arrived within 20 s",
                received.len()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}
