//! JPEG: walks every marker segment, drops the metadata ones, copies the rest byte for byte.

use crate::bytes::be16;

/// APP1 holds EXIF and XMP (also extended XMP).
const APP1: u8 = 0xE1;
/// APP2 holds ICC profiles (kept) and the MPF index of appended images (dropped with them).
const APP2: u8 = 0xE2;
/// APP13 holds Photoshop resources and IPTC, which can name places and people.
const APP13: u8 = 0xED;
/// COM: free-text comments.
const COM: u8 = 0xFE;
/// Start of scan: entropy-coded data follows the segment.
const SOS: u8 = 0xDA;
/// End of image.
const EOI: u8 = 0xD9;

/// The JPEG without APP1, APP13, COM and MPF segments nor anything after EOI; `None` if the
/// marker structure is broken or EOI is missing.
pub(super) fn strip(bytes: &[u8], orientation: u8) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(bytes.get(..2)?);
    let mut pos = 2;
    let mut orientation_pending = orientation != 1;
    loop {
        let marker = next_marker(bytes, &mut pos)?;
        if marker == EOI || marker == 0x01 || (0xD0..=0xD7).contains(&marker) {
            out.extend_from_slice(&[0xFF, marker]);
            if marker == EOI {
                return Some(out);
            }
            continue;
        }
        let length = usize::from(be16(bytes, pos)?);
        let end = pos.checked_add(length).filter(|_| length >= 2)?;
        let payload = bytes.get(pos + 2..end)?;
        if is_metadata(marker, payload) {
            if orientation_pending && marker == APP1 && payload.starts_with(b"Exif\0\0") {
                write_orientation_app1(&mut out, orientation);
                orientation_pending = false;
            }
        } else {
            out.extend_from_slice(&[0xFF, marker]);
            out.extend_from_slice(bytes.get(pos..end)?);
        }
        pos = end;
        if marker == SOS {
            pos = copy_entropy_coded(bytes, pos, &mut out)?;
        }
    }
}

/// Reads the marker at `pos`, skipping fill bytes, and leaves `pos` just after it.
fn next_marker(bytes: &[u8], pos: &mut usize) -> Option<u8> {
    if *bytes.get(*pos)? != 0xFF {
        return None;
    }
    while *bytes.get(*pos)? == 0xFF {
        *pos += 1;
    }
    let marker = *bytes.get(*pos)?;
    *pos += 1;
    Some(marker)
}

/// Whether a segment carries metadata that must not be published.
fn is_metadata(marker: u8, payload: &[u8]) -> bool {
    match marker {
        APP1 | APP13 | COM => true,
        APP2 => payload.starts_with(b"MPF\0"),
        _ => false,
    }
}

/// Copies scan data up to the next real marker (not a stuffed 0xFF00 nor a restart marker) and
/// returns that marker's position.
fn copy_entropy_coded(bytes: &[u8], start: usize, out: &mut Vec<u8>) -> Option<usize> {
    let mut pos = start;
    loop {
        let found = bytes.get(pos..)?.iter().position(|&b| b == 0xFF)?;
        pos += found;
        let next = *bytes.get(pos + 1)?;
        if next != 0x00 && !(0xD0..=0xD7).contains(&next) {
            out.extend_from_slice(bytes.get(start..pos)?);
            return Some(pos);
        }
        pos += 2;
    }
}

/// An APP1 segment whose EXIF holds only the orientation.
fn write_orientation_app1(out: &mut Vec<u8>, orientation: u8) {
    let tiff = super::orientation_only_exif(orientation);
    let length = 2 + 6 + tiff.len();
    out.extend_from_slice(&[0xFF, APP1]);
    // At most 34 bytes, so the cast cannot truncate.
    out.extend_from_slice(&(length as u16).to_be_bytes());
    out.extend_from_slice(b"Exif\0\0");
    out.extend_from_slice(&tiff);
}
