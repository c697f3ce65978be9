//! Increasing lists of `u32` stored compactly: each value as its difference from the one
//! before (the first from 0), written as an LEB128 varint, seven bits a byte, the high bit
//! set on every byte but a value's last. RR sets' members (once sorted) and the sets holding a
//! person are such lists, and their gaps are mostly small: one or two bytes a value rather
//! than four.

/// Appends `x` as an LEB128 varint.
#[inline]
pub(crate) fn put(out: &mut Vec<u8>, mut x: u32) {
    while x >= 0x80 {
        out.push((x as u8) | 0x80);
        x >>= 7;
    }
    out.push(x as u8);
}

/// Writes `x` as an LEB128 varint at `out[at..]`; the position after it.
#[inline]
pub(crate) fn put_at(out: &mut [u8], mut at: usize, mut x: u32) -> usize {
    while x >= 0x80 {
        out[at] = (x as u8) | 0x80;
        x >>= 7;
        at += 1;
    }
    out[at] = x as u8;
    at + 1
}

/// The bytes [`put`] writes for `x`.
#[inline]
pub(crate) fn len(x: u32) -> usize {
    // 1 byte up to 7 bits, one more per further 7 bits.
    (32 - (x | 1).leading_zeros() as usize).div_ceil(7)
}

/// Appends the increasing list `values` delta-coded (see the module's documentation).
pub(crate) fn put_increasing(out: &mut Vec<u8>, values: &[u32]) {
    let mut before = 0;
    for &v in values {
        debug_assert!(v >= before, "an increasing list");
        put(out, v - before);
        before = v;
    }
}

/// Calls `f` with each value of a delta-coded list, in order.
#[inline]
pub(crate) fn for_each_increasing(bytes: &[u8], mut f: impl FnMut(u32)) {
    let mut at = 0;
    let mut value = 0u32;
    while at < bytes.len() {
        let mut x = 0u32;
        let mut shift = 0;
        loop {
            let b = bytes[at];
            at += 1;
            x |= u32::from(b & 0x7f) << shift;
            if b < 0x80 {
                break;
            }
            shift += 7;
        }
        value = value.wrapping_add(x);
        f(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn varints_take_a_byte_per_seven_bits() {
        for (x, bytes) in [(0, 1), (127, 1), (128, 2), (16_383, 2), (16_384, 3), (u32::MAX, 5)] {
            let mut out = Vec::new();
            put(&mut out, x);
            assert_eq!((out.len(), len(x)), (bytes, bytes), "{x}");
        }
        let mut out = Vec::new();
        put(&mut out, 300);
        assert_eq!(out, [0b1010_1100, 0b0000_0010]); // 300 = 0b10_0101100
    }

    proptest! {
        #[test]
        fn increasing_lists_come_back_as_they_went_in(mut values in prop::collection::vec(any::<u32>(), 0..200)) {
            values.sort_unstable();
            let mut out = Vec::new();
            put_increasing(&mut out, &values);
            let expected: usize = values.iter().scan(0, |b, &v| { let d = v - *b; *b = v; Some(len(d)) }).sum();
            prop_assert_eq!(out.len(), expected);
            let mut at_once = vec![0u8; out.len()];
            let mut at = 0;
            let mut before = 0;
            for &v in &values {
                at = put_at(&mut at_once, at, v - before);
                before = v;
            }
            prop_assert_eq!(&at_once, &out);
            let mut back = Vec::new();
            for_each_increasing(&out, |v| back.push(v));
            prop_assert_eq!(back, values);
        }
    }
}
