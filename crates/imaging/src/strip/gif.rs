//! GIF: walks the blocks, drops comments and XMP application extensions; GIF has no EXIF.

/// Extension introducer.
const EXTENSION: u8 = 0x21;
/// Image descriptor.
const IMAGE: u8 = 0x2C;
/// Trailer: end of the file.
const TRAILER: u8 = 0x3B;
/// Comment extension label.
const COMMENT: u8 = 0xFE;
/// Application extension label.
const APPLICATION: u8 = 0xFF;

/// The GIF without comment and XMP extensions nor anything after the trailer; `None` if a block
/// runs past the end. A file that ends cleanly between blocks gets the trailer it lacks.
pub(super) fn strip(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut pos = 13 + color_table_size(*bytes.get(10)?);
    let mut out = bytes.get(..pos)?.to_vec();
    while let Some(&introducer) = bytes.get(pos) {
        let start = pos;
        match introducer {
            EXTENSION => {
                let label = *bytes.get(pos + 1)?;
                pos = skip_sub_blocks(bytes, pos + 2)?;
                let is_xmp = label == APPLICATION
                    && bytes.get(start + 2..start + 14) == Some(b"\x0BXMP DataXMP");
                if label != COMMENT && !is_xmp {
                    out.extend_from_slice(bytes.get(start..pos)?);
                }
            }
            IMAGE => {
                let packed = *bytes.get(pos + 9)?;
                // Descriptor, local colour table, LZW code size, then the data sub-blocks.
                pos = skip_sub_blocks(bytes, pos + 10 + color_table_size(packed) + 1)?;
                out.extend_from_slice(bytes.get(start..pos)?);
            }
            TRAILER => break,
            _ => return None,
        }
    }
    out.push(TRAILER);
    Some(out)
}

/// Bytes taken by the colour table that a packed field announces (global or local).
pub(crate) fn color_table_size(packed: u8) -> usize {
    if packed & 0x80 == 0 {
        0
    } else {
        3 << ((packed & 0x07) + 1)
    }
}

/// The position just after a chain of data sub-blocks starting at `pos` and its zero-length
/// terminator.
pub(crate) fn skip_sub_blocks(bytes: &[u8], mut pos: usize) -> Option<usize> {
    loop {
        let length = usize::from(*bytes.get(pos)?);
        pos += 1 + length;
        if length == 0 {
            return Some(pos);
        }
    }
}
