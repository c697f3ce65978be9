//! Writes a compiled network in the binary format (see [`super`] for the layout).

use std::io::Write;

use super::layout::{
    ALIGN, BYTE_ORDER, HAS_POSITIONS, HEADER_LEN, Le, MAGIC, VERSION, kind_code, layer_code,
};
use crate::compiled::{CompiledLayer, CompiledNetwork};

/// The payload's writer: counts the bytes and checksums them as they go.
pub(crate) struct Writer<W: Write> {
    out: W,
    crc: crc32fast::Hasher,
    len: u64,
}

impl<W: Write> Writer<W> {
    pub(crate) fn new(out: W) -> Self {
        Writer { out, crc: crc32fast::Hasher::new(), len: 0 }
    }

    fn bytes(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.crc.update(bytes);
        self.len += bytes.len() as u64;
        self.out.write_all(bytes)
    }

    fn u64(&mut self, value: u64) -> std::io::Result<()> {
        self.bytes(&value.to_le_bytes())
    }

    fn pad(&mut self) -> std::io::Result<()> {
        let gap = (ALIGN - self.len % ALIGN) % ALIGN;
        self.bytes(&[0u8; ALIGN as usize][..gap as usize])
    }

    /// An array: its length, its items little-endian, zeros up to the next multiple of 8.
    fn array<T: Le>(&mut self, items: &[T]) -> std::io::Result<()> {
        self.u64(items.len() as u64)?;
        if cfg!(target_endian = "little") {
            self.bytes(bytemuck::cast_slice(items))?;
        } else {
            for &item in items {
                self.bytes(bytemuck::bytes_of(&item.swap()))?;
            }
        }
        self.pad()
    }

    /// Strings: their count, their end offsets into the text (from 0), the text.
    fn strings<'s>(
        &mut self,
        strings: impl Iterator<Item = &'s str> + Clone,
    ) -> std::io::Result<()> {
        let mut ends = vec![0u64];
        let mut end = 0u64;
        for s in strings.clone() {
            end += s.len() as u64;
            ends.push(end);
        }
        self.array(&ends)?;
        let text: Vec<u8> = strings.flat_map(str::bytes).collect();
        self.array(&text)
    }

    fn layer(&mut self, layer: &CompiledLayer) -> std::io::Result<()> {
        self.strings(std::iter::once(layer.name.as_str()))?;
        self.u64(layer_code(layer.kind, layer.shadow))?;
        self.u64(u64::from(layer.directed))?;
        self.u64(u64::from(layer.probability.is_some()))?;
        self.u64(layer.probability.unwrap_or(0.0).to_bits())?;
        self.u64(u64::from(layer.latency))?;
        self.array(&layer.offsets)?;
        self.array(&layer.targets)?;
        self.array(&layer.weights)?;
        self.array(&layer.probabilities)?;
        self.array(&layer.multiplicity)?;
        self.array(&layer.signs)
    }

    /// Writes the payload of `net`; returns the sink, the payload's length and checksum.
    pub(crate) fn network(mut self, net: &CompiledNetwork) -> std::io::Result<(W, u64, u32)> {
        self.u64(u64::from(net.num_people))?;
        self.u64(net.layers.len() as u64)?;
        self.u64(if net.positions.is_some() { HAS_POSITIONS } else { 0 })?;
        let kinds: Vec<u8> = net.kinds.iter().map(|&k| kind_code(k)).collect();
        self.array(&kinds)?;
        self.array(&net.costs)?;
        self.array(&net.groups)?;
        self.strings(net.group_names.iter().map(String::as_str))?;
        if let Some(positions) = &net.positions {
            self.array(positions)?;
        }
        let labelled: Vec<u8> = net.labels.iter().map(|l| u8::from(l.is_some())).collect();
        self.array(&labelled)?;
        self.strings(net.labels.iter().flatten().map(String::as_str))?;
        self.array(net.label_order())?;
        for layer in &net.layers {
            self.layer(layer)?;
        }
        Ok((self.out, self.len, self.crc.finalize()))
    }
}

/// The header for a payload of `len` bytes with this checksum.
pub(crate) fn header(len: u64, crc: u32) -> [u8; HEADER_LEN as usize] {
    let mut h = [0u8; HEADER_LEN as usize];
    h[..8].copy_from_slice(&MAGIC);
    h[8..12].copy_from_slice(&BYTE_ORDER.to_le_bytes());
    h[12..16].copy_from_slice(&VERSION.to_le_bytes());
    h[16..24].copy_from_slice(&len.to_le_bytes());
    h[24..28].copy_from_slice(&crc.to_le_bytes());
    h
}
