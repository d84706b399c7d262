//! WebP: walks the RIFF chunks, drops EXIF and XMP and clears their flags in VP8X.

use crate::bytes::le32;

/// VP8X flag: an EXIF chunk is present.
const EXIF_FLAG: u8 = 0x08;
/// VP8X flag: an XMP chunk is present.
const XMP_FLAG: u8 = 0x04;

/// The WebP without EXIF and XMP chunks nor anything past the RIFF size; `None` if a chunk runs
/// past the end.
pub(super) fn strip(bytes: &[u8], orientation: u8) -> Option<Vec<u8>> {
    let riff_end = usize::try_from(le32(bytes, 4)?).ok()?.checked_add(8)?;
    let body = bytes.get(..riff_end)?;
    let mut out = Vec::with_capacity(body.len());
    out.extend_from_slice(body.get(..12)?);
    let mut flags_at = None;
    let mut wrote_exif = false;
    let mut pos = 12;
    // Fewer than eight bytes cannot hold a chunk header: stray padding, dropped.
    while body.len().saturating_sub(pos) >= 8 {
        let fourcc = body.get(pos..pos + 4)?;
        let size = usize::try_from(le32(body, pos + 4)?).ok()?;
        // Chunks are padded to an even size; a missing final pad byte is tolerated.
        let end = pos.checked_add(8)?.checked_add(size + (size & 1))?;
        let chunk = body.get(pos..end.min(body.len()))?;
        match fourcc {
            b"EXIF" => {
                // Orientation in EXIF is only valid in the extended format, after VP8X.
                if orientation != 1 && flags_at.is_some() && !wrote_exif {
                    write_chunk(
                        &mut out,
                        b"EXIF",
                        &super::orientation_only_exif(orientation),
                    );
                    wrote_exif = true;
                }
            }
            b"XMP " => {}
            _ => {
                if fourcc == b"VP8X" {
                    flags_at = Some(out.len() + 8);
                }
                out.extend_from_slice(chunk);
            }
        }
        pos = end;
    }
    if let Some(at) = flags_at {
        let flags = out.get_mut(at)?;
        *flags &= !(EXIF_FLAG | XMP_FLAG);
        if wrote_exif {
            *flags |= EXIF_FLAG;
        }
    }
    let riff_size = u32::try_from(out.len() - 8).ok()?;
    out[4..8].copy_from_slice(&riff_size.to_le_bytes());
    Some(out)
}

/// Appends one RIFF chunk, padded to an even size.
fn write_chunk(out: &mut Vec<u8>, fourcc: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(fourcc);
    // Only small chunks built here are written, far below u32::MAX.
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    out.extend_from_slice(data);
    if data.len() % 2 == 1 {
        out.push(0);
    }
}
