//! What the binary format's bytes are: the header's constants, the codes of enums, and the
//! little-endian conversion of the plain arrays.

use crate::model::{LayerKind, PersonKind};

/// The first eight bytes of every file: a non-ASCII byte first (a file sent as text is
/// caught), the name, and a line feed (a file whose line ends were rewritten is caught).
pub(crate) const MAGIC: [u8; 8] = *b"\x89RESEAU\n";

/// `0x0102_0304` as the writer stored it: `[4, 3, 2, 1]` little-endian.
pub(crate) const BYTE_ORDER: u32 = 0x0102_0304;

/// The format version this library writes and the newest it reads.
pub(crate) const VERSION: u32 = 1;

/// Bytes before the payload: magic, byte order, version, payload length, checksum, reserved.
pub(crate) const HEADER_LEN: u64 = 32;

/// Every item of the payload starts at a multiple of this (so that a future reader may map
/// the arrays in place).
pub(crate) const ALIGN: u64 = 8;

/// Bit 0 of the flags: every person has a position.
pub(crate) const HAS_POSITIONS: u64 = 1;

/// A person kind's code.
pub(crate) fn kind_code(kind: PersonKind) -> u8 {
    match kind {
        PersonKind::Person => 0,
        PersonKind::Influencer => 1,
        PersonKind::Media => 2,
        PersonKind::Organization => 3,
    }
}

/// The person kind of a code, if it is one.
pub(crate) fn kind_of(code: u8) -> Option<PersonKind> {
    Some(match code {
        0 => PersonKind::Person,
        1 => PersonKind::Influencer,
        2 => PersonKind::Media,
        3 => PersonKind::Organization,
        _ => return None,
    })
}

/// Bit 1 of a layer's kind code: the layer is a shadow layer. Version 1 files written before
/// shadow layers existed have codes 0 and 1 only, and so read as visible layers.
const SHADOW_BIT: u64 = 2;

/// A layer's code: its kind in bit 0, whether it is a shadow layer in bit 1.
pub(crate) fn layer_code(kind: LayerKind, shadow: bool) -> u64 {
    let kind = match kind {
        LayerKind::Physical => 0,
        LayerKind::Digital => 1,
    };
    if shadow { kind | SHADOW_BIT } else { kind }
}

/// The layer kind and shadow flag of a code, if it is one.
pub(crate) fn layer_of(code: u64) -> Option<(LayerKind, bool)> {
    let kind = match code & !SHADOW_BIT {
        0 => LayerKind::Physical,
        1 => LayerKind::Digital,
        _ => return None,
    };
    Some((kind, code & SHADOW_BIT != 0))
}

/// A plain value stored little-endian: `swap` turns the stored form into the native one and
/// back (nothing on a little-endian machine).
pub(crate) trait Le: bytemuck::Pod {
    /// The value with its bytes reversed on a big-endian machine.
    #[must_use]
    fn swap(self) -> Self;
}

macro_rules! le_int {
    ($($t:ty),*) => { $( impl Le for $t { #[inline] fn swap(self) -> Self { <$t>::from_le(self) } } )* };
}
le_int!(u8, i8, u16, u32, u64);

impl Le for f32 {
    #[inline]
    fn swap(self) -> Self {
        f32::from_bits(u32::from_le(self.to_bits()))
    }
}

impl Le for f64 {
    #[inline]
    fn swap(self) -> Self {
        f64::from_bits(u64::from_le(self.to_bits()))
    }
}

impl Le for [f64; 2] {
    #[inline]
    fn swap(self) -> Self {
        [self[0].swap(), self[1].swap()]
    }
}
