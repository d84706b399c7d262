//! Signed values: an HMAC-SHA256 over the named parts with the site's key, written as 32
//! hex digits (128 bits). Links in emails and the sign-up challenge carry them, so that a
//! link cannot be made up or changed, and no state is kept for them.

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Length of a signature in hex digits.
const SIGNATURE_HEX: usize = 32;

/// Signs and checks with one key.
#[derive(Clone)]
pub struct Signer {
    key: Vec<u8>,
}

impl std::fmt::Debug for Signer {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("Signer(***)")
    }
}

impl Signer {
    /// A signer with this key.
    pub fn new(key: &[u8]) -> Signer {
        Signer { key: key.to_vec() }
    }

    fn mac(&self, parts: &[&str]) -> Hmac<Sha256> {
        // Keys of any length are accepted by HMAC.
        let mut mac =
            Hmac::<Sha256>::new_from_slice(&self.key).expect("HMAC takes a key of any length");
        for part in parts {
            // Length-prefixed, so that ("ab", "c") and ("a", "bc") differ.
            mac.update(&(part.len() as u64).to_be_bytes());
            mac.update(part.as_bytes());
        }
        mac
    }

    /// The signature of `parts`.
    pub fn sign(&self, parts: &[&str]) -> String {
        let bytes = self.mac(parts).finalize().into_bytes();
        hex(&bytes[..SIGNATURE_HEX / 2])
    }

    /// Whether `signature` is the signature of `parts` (compared in constant time).
    pub fn verify(&self, parts: &[&str], signature: &str) -> bool {
        if signature.len() != SIGNATURE_HEX {
            return false;
        }
        let Some(bytes) = unhex(signature) else {
            return false;
        };
        self.mac(parts).verify_truncated_left(&bytes).is_ok()
    }
}

/// Whether `signature` (64 hex digits) is the HMAC-SHA256 of `body` with `key`, as
/// webhooks sign what they post (compared in constant time).
pub fn verify_body(key: &[u8], body: &[u8], signature: &str) -> bool {
    let Some(bytes) = unhex(signature.trim()) else {
        return false;
    };
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(body);
    mac.verify_slice(&bytes).is_ok()
}

/// Lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|at| u8::from_str_radix(text.get(at..at + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_holds_only_for_its_parts_and_key() {
        let signer = Signer::new(b"key");
        let signature = signer.sign(&["confirm", "12"]);
        assert_eq!(signature.len(), 32);
        assert!(signer.verify(&["confirm", "12"], &signature));
        assert!(!signer.verify(&["confirm", "13"], &signature));
        assert!(!signer.verify(&["confirm1", "2"], &signature));
        assert!(!Signer::new(b"other").verify(&["confirm", "12"], &signature));
        assert!(!signer.verify(
            &["confirm", "12"],
            &signature.to_uppercase().replace('A', "g")
        ));
        assert!(!signer.verify(&["confirm", "12"], ""));
        assert!(!signer.verify(&["confirm", "12"], "é"));
    }

    #[test]
    fn a_body_signature_is_the_whole_hmac() {
        let mut mac = Hmac::<Sha256>::new_from_slice(b"secret").expect("key");
        mac.update(b"{}");
        let signature = hex(&mac.finalize().into_bytes());
        assert!(verify_body(b"secret", b"{}", &signature));
        assert!(!verify_body(b"secret", b"{ }", &signature));
        assert!(!verify_body(b"other", b"{}", &signature));
        assert!(!verify_body(b"secret", b"{}", &signature[..32]));
        assert!(!verify_body(b"secret", b"{}", "zz"));
    }
}
