//! The public forms' check that a person is filling them in, with no cookie and nothing to
//! see or hear: a signed challenge that records when the form was opened (a form sent
//! back sooner than [`MIN_FILL`] is refused), and, where the page's script runs, a small
//! proof of work (find a nonce whose SHA-256 with the challenge starts with
//! `difficulty` zero bits; about a quarter of a million hashes at [`WORK`], a fraction of
//! a second in a browser). A page rendered without the script asks for no work
//! (difficulty 0). What this stops and what it does not is in the README ("Newsletter").

use jiff::{SignedDuration, Timestamp};
use sha2::{Digest, Sha256};

use crate::domain::signed::Signer;

/// The least time between opening a form and sending it.
pub const MIN_FILL: SignedDuration = SignedDuration::from_secs(2);
/// The most: a challenge older than this is stale.
pub const MAX_AGE: SignedDuration = SignedDuration::from_hours(2);
/// Leading zero bits asked of the script.
pub const WORK: u32 = 18;

/// A challenge that passed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Passed {
    /// Its random part: a challenge is used once.
    pub id: String,
    /// The work it asked for (0: the page had no script).
    pub difficulty: u32,
}

/// Why a challenge did not pass.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failed {
    /// Missing, malformed, or not signed by us.
    Invalid,
    /// Sent back sooner than a person could have filled the form.
    TooFast,
    /// Older than [`MAX_AGE`].
    Stale,
    /// The nonce does not do the work asked.
    Unsolved,
}

/// A new challenge: `{issued}.{id}.{difficulty}.{signature}`, `id` random.
pub fn issue(signer: &Signer, now: Timestamp, id: &str, difficulty: u32) -> String {
    let issued = now.as_second().to_string();
    let difficulty = difficulty.to_string();
    let signature = signer.sign(&["challenge", &issued, id, &difficulty]);
    format!("{issued}.{id}.{difficulty}.{signature}")
}

/// Checks a challenge and its nonce at `now`.
pub fn check(signer: &Signer, token: &str, nonce: &str, now: Timestamp) -> Result<Passed, Failed> {
    if token.len() > 200 || nonce.len() > 20 {
        return Err(Failed::Invalid);
    }
    let parts: Vec<&str> = token.split('.').collect();
    let [issued, id, difficulty, signature] = parts.as_slice() else {
        return Err(Failed::Invalid);
    };
    if !signer.verify(&["challenge", issued, id, difficulty], signature) {
        return Err(Failed::Invalid);
    }
    let issued = issued
        .parse::<i64>()
        .ok()
        .and_then(|seconds| Timestamp::from_second(seconds).ok())
        .ok_or(Failed::Invalid)?;
    let difficulty: u32 = difficulty.parse().map_err(|_| Failed::Invalid)?;
    let age = now.duration_since(issued);
    if age < MIN_FILL {
        return Err(Failed::TooFast);
    }
    if age > MAX_AGE {
        return Err(Failed::Stale);
    }
    if difficulty > 0 && leading_zero_bits(token, nonce) < difficulty {
        return Err(Failed::Unsolved);
    }
    Ok(Passed {
        id: id.to_string(),
        difficulty,
    })
}

/// Leading zero bits of SHA-256(`token:nonce`).
fn leading_zero_bits(token: &str, nonce: &str) -> u32 {
    let digest = Sha256::digest(format!("{token}:{nonce}").as_bytes());
    let mut bits = 0;
    for byte in digest {
        bits += byte.leading_zeros();
        if byte != 0 {
            break;
        }
    }
    bits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn solve(token: &str, difficulty: u32) -> String {
        (0u64..)
            .map(|n| n.to_string())
            .find(|nonce| leading_zero_bits(token, nonce) >= difficulty)
            .expect("a nonce")
    }

    #[test]
    fn a_challenge_passes_once_its_time_and_work_are_done() {
        let signer = Signer::new(b"k");
        let opened = Timestamp::from_second(1_800_000_000).expect("time");
        let token = issue(&signer, opened, "abc", 8);
        let nonce = solve(&token, 8);
        let later = opened + SignedDuration::from_secs(5);
        assert_eq!(
            check(&signer, &token, &nonce, later),
            Ok(Passed {
                id: "abc".into(),
                difficulty: 8
            })
        );
        assert_eq!(check(&signer, &token, &nonce, opened), Err(Failed::TooFast));
        let too_late = opened + MAX_AGE + SignedDuration::from_secs(1);
        assert_eq!(check(&signer, &token, &nonce, too_late), Err(Failed::Stale));
        let wrong = (0u64..)
            .map(|n| n.to_string())
            .find(|nonce| leading_zero_bits(&token, nonce) < 8)
            .expect("a wrong nonce");
        assert_eq!(check(&signer, &token, &wrong, later), Err(Failed::Unsolved));
        let forged = token.replace(".8.", ".0.");
        assert_eq!(check(&signer, &forged, "", later), Err(Failed::Invalid));
        assert_eq!(check(&signer, "", "", later), Err(Failed::Invalid));
        assert_eq!(
            check(&Signer::new(b"other"), &token, &nonce, later),
            Err(Failed::Invalid)
        );
        let page = issue(&signer, opened, "def", 0);
        assert!(check(&signer, &page, "", later).is_ok());
    }
}
