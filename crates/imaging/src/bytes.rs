//! Small readers for fixed-width integers at an offset, and the CRC-32 that PNG chunks carry.
//! Every reader returns `None` past the end instead of panicking, so a short file is refused.

/// Big-endian u16 at `pos`.
pub(crate) fn be16(bytes: &[u8], pos: usize) -> Option<u16> {
    Some(u16::from_be_bytes(
        bytes.get(pos..pos.checked_add(2)?)?.try_into().ok()?,
    ))
}

/// Big-endian u32 at `pos`.
pub(crate) fn be32(bytes: &[u8], pos: usize) -> Option<u32> {
    Some(u32::from_be_bytes(
        bytes.get(pos..pos.checked_add(4)?)?.try_into().ok()?,
    ))
}

/// Little-endian u16 at `pos`.
pub(crate) fn le16(bytes: &[u8], pos: usize) -> Option<u16> {
    Some(u16::from_le_bytes(
        bytes.get(pos..pos.checked_add(2)?)?.try_into().ok()?,
    ))
}

/// Little-endian 24-bit integer at `pos`.
pub(crate) fn le24(bytes: &[u8], pos: usize) -> Option<u32> {
    let b = bytes.get(pos..pos.checked_add(3)?)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], 0]))
}

/// Little-endian u32 at `pos`.
pub(crate) fn le32(bytes: &[u8], pos: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        bytes.get(pos..pos.checked_add(4)?)?.try_into().ok()?,
    ))
}

/// CRC-32 (ISO-HDLC, as in PNG and zlib), bit by bit: only a few small chunks are written.
pub(crate) fn crc32(parts: &[&[u8]]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for byte in parts.iter().flat_map(|part| part.iter()) {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(&[b"1234", b"56789"]), 0xCBF4_3926);
    }

    #[test]
    fn reading_past_the_end_is_none() {
        assert_eq!(be32(&[1, 2, 3], 0), None);
        assert_eq!(le16(&[1, 2], 1), None);
        assert_eq!(le24(&[1, 2, 3], 0), Some(0x03_02_01));
    }
}
