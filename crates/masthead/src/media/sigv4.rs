//! AWS Signature Version 4 for S3 requests, signed in headers. Small enough to keep here,
//! where a signing crate would bring a second generation of the RustCrypto crates and a
//! second date library into the build.

use crate::domain::signed::hex;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

/// The hex SHA-256 of a request body, sent as `x-amz-content-sha256`.
pub fn payload_hash(body: &[u8]) -> String {
    hex(&Sha256::digest(body))
}

/// Who signs, and for which region.
pub struct Signer<'a> {
    pub access_key_id: &'a str,
    pub secret_access_key: &'a str,
    pub region: &'a str,
}

/// One request to sign: `path` already percent-encoded, `headers` lower-case names sorted
/// by name, including `host`, `x-amz-content-sha256` and `x-amz-date`.
pub struct Request<'a> {
    pub method: &'a str,
    pub path: &'a str,
    pub query: &'a str,
    pub headers: &'a [(&'a str, &'a str)],
    pub payload_hash: &'a str,
    /// `YYYYMMDDTHHMMSSZ`, the value of `x-amz-date`.
    pub amz_date: &'a str,
}

impl Signer<'_> {
    /// The `Authorization` header for a request.
    pub fn authorization(&self, request: &Request<'_>) -> String {
        let date = &request.amz_date[..8];
        let scope = format!("{date}/{}/s3/aws4_request", self.region);
        let signed_headers = request
            .headers
            .iter()
            .map(|(name, _)| *name)
            .collect::<Vec<_>>()
            .join(";");
        let canonical_headers: String = request
            .headers
            .iter()
            .map(|(name, value)| format!("{name}:{}\n", value.trim()))
            .collect();
        let canonical_request = format!(
            "{}\n{}\n{}\n{canonical_headers}\n{signed_headers}\n{}",
            request.method, request.path, request.query, request.payload_hash
        );
        let string_to_sign = format!(
            "AWS4-HMAC-SHA256\n{}\n{scope}\n{}",
            request.amz_date,
            hex(&Sha256::digest(canonical_request.as_bytes()))
        );
        let key = [date, self.region, "s3", "aws4_request"].iter().fold(
            format!("AWS4{}", self.secret_access_key).into_bytes(),
            |key, part| hmac(&key, part.as_bytes()),
        );
        let signature = hex(&hmac(&key, string_to_sign.as_bytes()));
        format!(
            "AWS4-HMAC-SHA256 Credential={}/{scope}, SignedHeaders={signed_headers}, \
             Signature={signature}",
            self.access_key_id
        )
    }
}

fn hmac(key: &[u8], data: &[u8]) -> Vec<u8> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(data);
    mac.finalize().into_bytes().to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The "GET Object" example of the S3 documentation on header signing
    /// (sig-v4-header-based-auth), with its published signature.
    #[test]
    fn the_documented_example_signs_to_the_documented_signature() {
        let signer = Signer {
            access_key_id: "AKIAIOSFODNN7EXAMPLE",
            secret_access_key: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            region: "us-east-1",
        };
        let empty = payload_hash(b"");
        let request = Request {
            method: "GET",
            path: "/test.txt",
            query: "",
            headers: &[
                ("host", "examplebucket.s3.amazonaws.com"),
                ("range", "bytes=0-9"),
                ("x-amz-content-sha256", &empty),
                ("x-amz-date", "20130524T000000Z"),
            ],
            payload_hash: &empty,
            amz_date: "20130524T000000Z",
        };

        let authorization = signer.authorization(&request);

        assert_eq!(
            authorization,
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, \
             SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, \
             Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"
        );
    }
}
