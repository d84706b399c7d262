//! PNG: walks the chunks, drops eXIf and the text chunks that carry EXIF or XMP.

use crate::bytes::{be32, crc32};

/// The PNG without eXIf and metadata text chunks nor anything after IEND; `None` if a chunk
/// runs past the end or IEND is missing.
pub(super) fn strip(bytes: &[u8], orientation: u8) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(bytes.get(..8)?);
    let mut pos = 8;
    loop {
        let length = usize::try_from(be32(bytes, pos)?).ok()?;
        let end = pos.checked_add(12)?.checked_add(length)?;
        let chunk = bytes.get(pos..end)?;
        let kind = &chunk[4..8];
        let data = &chunk[8..8 + length];
        if kind == b"eXIf" {
            if orientation != 1 {
                write_chunk(
                    &mut out,
                    b"eXIf",
                    &super::orientation_only_exif(orientation),
                );
            }
        } else if !is_metadata_text(kind, data) {
            out.extend_from_slice(chunk);
        }
        if kind == b"IEND" {
            return Some(out);
        }
        pos = end;
    }
}

/// tEXt, zTXt and iTXt chunks whose keyword marks XMP or a raw EXIF/IPTC profile (the
/// ImageMagick and ExifTool convention); other text, such as a caption or author, is kept.
fn is_metadata_text(kind: &[u8], data: &[u8]) -> bool {
    if !matches!(kind, b"tEXt" | b"zTXt" | b"iTXt") {
        return false;
    }
    let keyword = data.split(|&b| b == 0).next().unwrap_or_default();
    keyword == b"XML:com.adobe.xmp" || keyword.starts_with(b"Raw profile type")
}

/// Appends one chunk with its length and CRC.
fn write_chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    // Only small chunks built here are written, far below u32::MAX.
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    out.extend_from_slice(&crc32(&[kind, data]).to_be_bytes());
}
