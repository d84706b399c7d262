//! Reading the upload form: the file and the text typed beside it, from a multipart body
//! whose size the route limits.

use axum::extract::Multipart;
use axum::extract::multipart::MultipartError;
use axum::http::StatusCode;

use crate::domain::refusal::Refusal;
use crate::service::media::ImageText;

/// Room above the largest file for the other fields and the multipart framing. A body over
/// `max_upload_bytes + UPLOAD_SLACK` is cut off while reading; one below it is read whole and
/// the file's own size is then checked against the limit, with its size in the message.
pub const UPLOAD_SLACK: usize = 1024 * 1024;

/// The largest text field accepted (caption, credit, alt text).
const MAX_TEXT: usize = 4000;

/// What the upload form sent.
#[derive(Debug, Default)]
pub struct UploadForm {
    /// The file's bytes (empty when no file was chosen).
    pub file: Vec<u8>,
    /// Caption, credit and alt text.
    pub text: ImageText,
}

/// Why the form could not be read: a message for the person uploading, with what was read
/// of the text fields before the failure, to show again.
#[derive(Debug)]
pub struct UnreadForm {
    /// The refusal shown beside the file field.
    pub message: Refusal,
    /// The text fields read so far.
    pub text: ImageText,
}

/// Reads the whole form; a body over the route's limit is refused with a message naming
/// the limit, not a bare 413.
pub async fn read_upload_form(
    mut multipart: Multipart,
    max_bytes: usize,
) -> Result<UploadForm, UnreadForm> {
    let mut form = UploadForm::default();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => return Ok(form),
            Err(error) => return Err(unread(error, max_bytes, form.text)),
        };
        let name = field.name().unwrap_or_default().to_string();
        let bytes = match field.bytes().await {
            Ok(bytes) => bytes,
            Err(error) => return Err(unread(error, max_bytes, form.text)),
        };
        let text = || {
            String::from_utf8_lossy(&bytes)
                .chars()
                .take(MAX_TEXT)
                .collect()
        };
        match name.as_str() {
            "file" => form.file = bytes.to_vec(),
            "caption" => form.text.caption = text(),
            "credit" => form.text.credit = text(),
            "alt" => form.text.alt = text(),
            _ => {}
        }
    }
}

fn unread(error: MultipartError, max_bytes: usize, text: ImageText) -> UnreadForm {
    let message = if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
        Refusal::FileOverLimit {
            limit: megabytes(max_bytes),
        }
    } else {
        tracing::info!(error = %error.body_text(), "unreadable upload form");
        Refusal::UploadInterrupted
    };
    UnreadForm { message, text }
}

/// A byte limit as people read it: "20 MB", "1.5 MB".
pub fn megabytes(bytes: usize) -> String {
    let megabytes = bytes as f64 / (1024.0 * 1024.0);
    let text = format!("{megabytes:.1}");
    text.strip_suffix(".0").unwrap_or(&text).to_string() + " MB"
}

#[cfg(test)]
mod tests {
    use super::megabytes;

    #[test]
    fn limits_read_in_megabytes() {
        assert_eq!(megabytes(20 * 1024 * 1024), "20 MB");
        assert_eq!(megabytes(1024 * 1024 * 3 / 2), "1.5 MB");
    }
}
