//! The CSRF token of a multipart form (the media upload), read from its first field so
//! that the token never travels in a URL (where logs, history and `Referer` keep it).
//! Only the start of the body is read; the whole body then goes on to the handler.

use axum::body::{Body, Bytes};
use axum::extract::Request;
use futures_util::StreamExt;

/// How much of the body may come before the token's field ends.
const MAX_PREFIX: usize = 16 * 1024;

/// Whether a request's body is a multipart form.
pub fn is_multipart(request: &Request) -> bool {
    boundary(request).is_some()
}

/// Reads the first field of a multipart body: its value when the field is named `csrf`.
/// Returns the request with its body whole again, and the token if the form led with it.
pub async fn first_field_token(request: Request) -> (Request, Option<String>) {
    let Some(boundary) = boundary(&request) else {
        return (request, None);
    };
    let (parts, body) = request.into_parts();
    let mut stream = body.into_data_stream();
    let mut prefix = Vec::new();
    let mut token = None;
    loop {
        if let Some(found) = parse_first_field(&prefix, &boundary) {
            token = found;
            break;
        }
        if prefix.len() > MAX_PREFIX {
            break;
        }
        match stream.next().await {
            Some(Ok(chunk)) => prefix.extend_from_slice(&chunk),
            // A broken or short body: hand on what was read, for the handler to refuse.
            Some(Err(_)) | None => break,
        }
    }
    let head = futures_util::stream::once(async move { Ok(Bytes::from(prefix)) });
    let body = Body::from_stream(head.chain(stream));
    (Request::from_parts(parts, body), token)
}

fn boundary(request: &Request) -> Option<String> {
    let value = request
        .headers()
        .get(axum::http::header::CONTENT_TYPE)?
        .to_str()
        .ok()?;
    let (kind, parameters) = value.split_once(';')?;
    if !kind.trim().eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    parameters.split(';').find_map(|parameter| {
        let (name, value) = parameter.trim().split_once('=')?;
        name.eq_ignore_ascii_case("boundary")
            .then(|| value.trim_matches('"').to_string())
            .filter(|boundary| !boundary.is_empty())
    })
}

/// `None` while more bytes are needed; `Some(token)` once the first field is complete
/// (`Some(None)` when it is not a `csrf` field).
fn parse_first_field(prefix: &[u8], boundary: &str) -> Option<Option<String>> {
    let opening = format!("--{boundary}\r\n");
    if prefix.len() < opening.len() {
        return None;
    }
    let Some(rest) = prefix.strip_prefix(opening.as_bytes()) else {
        return Some(None);
    };
    let headers_end = find(rest, b"\r\n\r\n")?;
    let headers = String::from_utf8_lossy(&rest[..headers_end]).to_ascii_lowercase();
    let value = &rest[headers_end + 4..];
    let closing = format!("\r\n--{boundary}");
    let value_end = find(value, closing.as_bytes())?;
    let named_csrf = headers.lines().any(|line| {
        line.starts_with("content-disposition:")
            && line
                .split(';')
                .any(|parameter| parameter.trim() == "name=\"csrf\"")
    });
    Some(named_csrf.then(|| String::from_utf8_lossy(&value[..value_end]).into_owned()))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FORM: &[u8] = b"--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\
        abc123\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; \
        filename=\"a.png\"\r\n\r\n\x89PNG\r\n--XyZ--\r\n";

    #[test]
    fn the_token_is_the_first_field_once_it_is_complete() {
        assert_eq!(parse_first_field(&FORM[..20], "XyZ"), None);
        assert_eq!(parse_first_field(&FORM[..62], "XyZ"), None);
        assert_eq!(
            parse_first_field(FORM, "XyZ"),
            Some(Some("abc123".to_string()))
        );
    }

    #[test]
    fn a_form_that_does_not_lead_with_the_token_has_none() {
        let file_first = b"--XyZ\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n\
            x\r\n--XyZ\r\n";

        assert_eq!(parse_first_field(file_first, "XyZ"), Some(None));
        assert_eq!(
            parse_first_field(b"garbage that is long", "XyZ"),
            Some(None)
        );
    }
}
