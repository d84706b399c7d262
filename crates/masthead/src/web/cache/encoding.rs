//! Content codings: which one a request accepts (`Accept-Encoding`), and compressing a
//! page into it (Brotli, gzip) and back, once per coding a cached page is asked for in.

use std::io::{Read, Write};

use axum::http::{HeaderMap, HeaderValue, header};

/// Brotli's quality for pages: 5 compresses a story page about as well as gzip's best in
/// a millisecond or two, once per page; higher levels cost far more for little.
const BROTLI_QUALITY: u32 = 5;
/// Brotli's window (log2 of bytes); pages are far smaller.
const BROTLI_WINDOW: u32 = 22;
/// gzip's level: the usual balance.
const GZIP_LEVEL: u32 = 6;

/// A content coding a page is sent in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coding {
    /// `br`.
    Brotli,
    /// `gzip`.
    Gzip,
    /// No coding: the page's own bytes.
    Identity,
}

impl Coding {
    /// The coding's token in `Content-Encoding`, if it has one.
    pub fn token(self) -> Option<&'static str> {
        match self {
            Coding::Brotli => Some("br"),
            Coding::Gzip => Some("gzip"),
            Coding::Identity => None,
        }
    }

    /// The coding a request accepts, best first: Brotli, then gzip, else the bytes as they
    /// are (identity is always acceptable in practice, whatever the header says).
    pub fn negotiate(headers: &HeaderMap) -> Coding {
        let mut brotli = false;
        let mut gzip = false;
        for value in headers.get_all(header::ACCEPT_ENCODING) {
            let Ok(text) = value.to_str() else { continue };
            for item in text.split(',') {
                let mut parts = item.split(';');
                let name = parts.next().unwrap_or_default().trim();
                let refused = parts.any(|param| {
                    let param = param.trim();
                    param
                        .strip_prefix("q=")
                        .is_some_and(|q| q.trim().parse::<f32>().map_or(true, |q| q <= 0.0))
                });
                if refused {
                    continue;
                }
                if name.eq_ignore_ascii_case("br") || name == "*" {
                    brotli = true;
                }
                if name.eq_ignore_ascii_case("gzip") || name.eq_ignore_ascii_case("x-gzip") {
                    gzip = true;
                }
            }
        }
        if brotli {
            Coding::Brotli
        } else if gzip {
            Coding::Gzip
        } else {
            Coding::Identity
        }
    }

    /// `Content-Encoding`'s value for this coding, if any.
    pub fn header_value(self) -> Option<HeaderValue> {
        self.token().map(HeaderValue::from_static)
    }
}

/// Compresses a page with Brotli.
pub fn brotli(body: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len() / 4);
    {
        let mut writer =
            brotli::CompressorWriter::new(&mut out, 4096, BROTLI_QUALITY, BROTLI_WINDOW);
        writer.write_all(body)?;
        writer.flush()?;
    }
    Ok(out)
}

/// Compresses a page with gzip.
pub fn gzip(body: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(body.len() / 3),
        flate2::Compression::new(GZIP_LEVEL),
    );
    encoder.write_all(body)?;
    encoder.finish()
}

/// Restores a gzip-compressed page's own bytes (to make another copy of it).
pub fn gunzip(compressed: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(compressed.len() * 4);
    flate2::read::GzDecoder::new(compressed).read_to_end(&mut out)?;
    Ok(out)
}

/// Restores a Brotli-compressed page's own bytes (to make another copy of it).
pub fn unbrotli(compressed: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(compressed.len() * 5);
    brotli::Decompressor::new(compressed, 4096).read_to_end(&mut out)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepting(value: &str) -> Coding {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(value).expect("header"),
        );
        Coding::negotiate(&headers)
    }

    #[test]
    fn the_best_accepted_coding_is_chosen() {
        let cases = [
            ("gzip, deflate, br, zstd", Coding::Brotli, "a browser"),
            ("gzip", Coding::Gzip, "gzip only"),
            ("br;q=0, gzip", Coding::Gzip, "Brotli refused"),
            ("GZIP;q=0.5", Coding::Gzip, "capitals and a weight"),
            ("identity", Coding::Identity, "no coding"),
            ("deflate", Coding::Identity, "a coding we do not store"),
            ("*", Coding::Brotli, "anything"),
            ("gzip;q=x", Coding::Identity, "a weight that is no number"),
        ];

        for (value, expected, reason) in cases {
            assert_eq!(accepting(value), expected, "{reason}");
        }
        assert_eq!(Coding::negotiate(&HeaderMap::new()), Coding::Identity);
    }

    #[test]
    fn compressed_copies_restore_the_same_bytes() {
        let page = "<p>the same page</p>".repeat(200);

        let br = brotli(page.as_bytes()).expect("brotli");
        let gz = gzip(page.as_bytes()).expect("gzip");

        assert_eq!(unbrotli(&br).expect("unbrotli"), page.as_bytes());
        assert_eq!(gunzip(&gz).expect("gunzip"), page.as_bytes());
        assert!(br.len() < page.len() / 10 && gz.len() < page.len() / 10);
    }
}
