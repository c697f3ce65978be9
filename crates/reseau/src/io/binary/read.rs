//! Reads the binary format (see [`super`] for the layout): every length checked against the
//! bytes left before allocating, every index and value as it is read, the checksum at the end.

use std::io::Read;

use super::layout::{
    ALIGN, BYTE_ORDER, HAS_POSITIONS, HEADER_LEN, Le, MAGIC, VERSION, kind_of, layer_of,
};
use crate::compiled::{CompiledLayer, CompiledNetwork, LabelIndex, NO_GROUP, all_plain};
use crate::error::{Error, Result};
use crate::model::Layer;

/// Reads a payload from `src`, tracking the offset for errors and the checksum.
struct Reader<'a, R: Read> {
    src: R,
    file: &'a str,
    pos: u64,
    end: u64,
    crc: crc32fast::Hasher,
}

/// An [`Error::Format`].
fn format_error(
    file: &str,
    offset: u64,
    field: impl Into<String>,
    reason: impl Into<String>,
) -> Error {
    Error::Format { file: file.to_owned(), offset, field: field.into(), reason: reason.into() }
}

impl<R: Read> Reader<'_, R> {
    fn err(&self, offset: u64, field: impl Into<String>, reason: impl Into<String>) -> Error {
        format_error(self.file, offset, field, reason)
    }

    /// Fills `buf` from the source; the caller has checked that it fits before the end.
    fn fill(&mut self, buf: &mut [u8], field: &str) -> Result<()> {
        if buf.len() as u64 > self.end - self.pos {
            let reason = format!("needs {} bytes, {} are left", buf.len(), self.end - self.pos);
            return Err(self.err(self.pos, field, reason));
        }
        self.src
            .read_exact(buf)
            .map_err(|e| self.err(self.pos, field, format!("cannot be read: {e}")))?;
        self.crc.update(buf);
        self.pos += buf.len() as u64;
        Ok(())
    }

    fn u64(&mut self, field: &str) -> Result<u64> {
        let mut b = [0u8; 8];
        self.fill(&mut b, field)?;
        Ok(u64::from_le_bytes(b))
    }

    /// A value that must be 0 or 1.
    fn flag(&mut self, field: &str) -> Result<bool> {
        let at = self.pos;
        match self.u64(field)? {
            0 => Ok(false),
            1 => Ok(true),
            v => Err(self.err(at, field, format!("{v} is not 0 or 1"))),
        }
    }

    /// An array of `T` (of `expected` items when given); `.1` is the offset of its first item.
    fn array<T: Le>(&mut self, field: &str, expected: Option<u64>) -> Result<(Vec<T>, u64)> {
        let at = self.pos;
        let count = self.u64(field)?;
        if let Some(e) = expected.filter(|&e| e != count) {
            return Err(self.err(at, field, format!("holds {count} items, expected {e}")));
        }
        let size = std::mem::size_of::<T>() as u64;
        let left = self.end - self.pos;
        let bytes = count.checked_mul(size).filter(|&b| b <= left).ok_or_else(|| {
            self.err(
                at,
                field,
                format!("{count} items of {size} bytes do not fit in the {left} bytes left"),
            )
        })?;
        let mut items: Vec<T> = Vec::new();
        crate::memory::reserve(&mut items, count as usize, || format!("{}: {field}", self.file))?;
        items.resize(count as usize, T::zeroed());
        let start = self.pos;
        self.fill(bytemuck::cast_slice_mut(&mut items), field)?;
        if cfg!(target_endian = "big") {
            for x in &mut items {
                *x = x.swap();
            }
        }
        debug_assert_eq!(self.pos - start, bytes);
        self.pad(field)?;
        Ok((items, start))
    }

    /// The zeros up to the next multiple of 8.
    fn pad(&mut self, field: &str) -> Result<()> {
        let gap = ((ALIGN - (self.pos - HEADER_LEN) % ALIGN) % ALIGN) as usize;
        let mut zeros = [0u8; ALIGN as usize];
        let at = self.pos;
        self.fill(&mut zeros[..gap], field)?;
        if zeros.iter().any(|&b| b != 0) {
            return Err(self.err(at, field, "padding is not zero"));
        }
        Ok(())
    }

    /// Strings written by the writer's `strings` (of `expected` strings when given).
    fn strings(&mut self, field: &str, expected: Option<u64>) -> Result<Vec<String>> {
        let (ends, at) = self.array::<u64>(field, expected.map(|e| e + 1))?;
        let (text, text_at) = self.array::<u8>(field, None)?;
        if ends.first() != Some(&0) || ends.last() != Some(&(text.len() as u64)) {
            return Err(self.err(at, field, "string offsets do not span the text"));
        }
        let mut out = Vec::new();
        crate::memory::reserve(&mut out, ends.len() - 1, || format!("{}: {field}", self.file))?;
        for (i, w) in ends.windows(2).enumerate() {
            let bad = || {
                self.err(at + 8 * (i as u64 + 1), format!("{field}[{i}]"), "offset out of order")
            };
            if w[1] < w[0] || w[1] > text.len() as u64 {
                return Err(bad());
            }
            let piece = &text[w[0] as usize..w[1] as usize];
            let s = std::str::from_utf8(piece).map_err(|_| {
                self.err(text_at + w[0], format!("{field}[{i}]"), "not valid UTF-8")
            })?;
            out.push(s.to_owned());
        }
        Ok(out)
    }
}

/// The header's checks; returns the payload's length and checksum.
fn header(file: &str, h: &[u8; HEADER_LEN as usize], total: u64) -> Result<(u64, u32)> {
    let word = |i: usize| u32::from_le_bytes([h[i], h[i + 1], h[i + 2], h[i + 3]]);
    if h[..8] != MAGIC {
        return Err(format_error(
            file,
            0,
            "magic",
            "not a reseau network file (Network.save writes one)",
        ));
    }
    match word(8) {
        BYTE_ORDER => {}
        o if o == BYTE_ORDER.swap_bytes() => {
            return Err(format_error(
                file,
                8,
                "byte order",
                "big-endian: written by a build this library does not read",
            ));
        }
        o => {
            return Err(format_error(file, 8, "byte order", format!("{o:#010x} is no byte order")));
        }
    }
    let version = word(12);
    if version > VERSION {
        return Err(Error::UnsupportedVersion { found: version.into(), supported: VERSION.into() });
    }
    if version == 0 {
        return Err(format_error(file, 12, "version", "0 is no version"));
    }
    let len = u64::from_le_bytes(h[16..24].try_into().expect("eight bytes"));
    if total.checked_sub(HEADER_LEN) != Some(len) {
        let reason = format!(
            "the header announces {len} bytes of payload, the file holds {}",
            total - HEADER_LEN
        );
        return Err(format_error(file, 16, "payload length", reason));
    }
    if word(28) != 0 {
        return Err(format_error(file, 28, "reserved", "not zero"));
    }
    Ok((len, word(24)))
}

/// Reads a compiled network from `src`, which holds `total` bytes; `file` names it in errors.
pub(crate) fn network(mut src: impl Read, total: u64, file: &str) -> Result<CompiledNetwork> {
    let mut h = [0u8; HEADER_LEN as usize];
    if total < HEADER_LEN {
        return Err(format_error(
            file,
            total,
            "header",
            format!("the file holds {total} bytes, a header {HEADER_LEN}"),
        ));
    }
    src.read_exact(&mut h).map_err(|e| format_error(file, 0, "header", e.to_string()))?;
    let (len, crc) = header(file, &h, total)?;
    // The arrays in memory take about the payload's bytes, labels a String each besides.
    let needed = len.saturating_add(len / 2);
    crate::memory::check(None, needed, || format!("loading {file}"))?;
    let mut r = Reader { src, file, pos: HEADER_LEN, end: total, crc: crc32fast::Hasher::new() };
    let net = payload(&mut r)?;
    if r.pos != r.end {
        return Err(r.err(
            r.pos,
            "payload",
            format!("{} bytes after the last layer", r.end - r.pos),
        ));
    }
    let found = r.crc.clone().finalize();
    if found != crc {
        return Err(r.err(24, "checksum", format!("the payload's CRC-32 is {found:#010x}, the header says {crc:#010x}: the file was changed or damaged")));
    }
    Ok(net)
}

/// The first item of an array that fails `ok`, as an error at its byte offset.
fn first_bad<T: Copy>(
    file: &str,
    (items, start): (&[T], u64),
    field: &str,
    ok: impl Fn(T) -> bool,
    reason: impl Fn(T) -> String,
) -> Result<()> {
    match items.iter().position(|&x| !ok(x)) {
        None => Ok(()),
        Some(i) => {
            let at = start + (i * std::mem::size_of::<T>()) as u64;
            Err(format_error(file, at, format!("{field}[{i}]"), reason(items[i])))
        }
    }
}

/// The payload's items, each checked as it is read: lengths against the bytes left before
/// allocating, then every index in range and every value in its domain, with the checks the
/// network applies to what is added to it ([`Layer::validate`], costs, positions, labels).
fn payload<R: Read>(r: &mut Reader<'_, R>) -> Result<CompiledNetwork> {
    let file = r.file;
    let at = r.pos;
    let n = r.u64("people")?;
    if n >= u64::from(u32::MAX) {
        return Err(r.err(at, "people", format!("{n} (expected fewer than 2^32 - 1)")));
    }
    let num_layers = r.u64("layers")?;
    let at = r.pos;
    let flags = r.u64("flags")?;
    if flags & !HAS_POSITIONS != 0 || (flags != 0 && n == 0) {
        return Err(r.err(
            at,
            "flags",
            format!("{flags:#x} sets unknown bits, or positions for nobody"),
        ));
    }
    let (codes, start) = r.array::<u8>("kinds", Some(n))?;
    first_bad(
        file,
        (&codes, start),
        "kinds",
        |c| kind_of(c).is_some(),
        |c| format!("{c} is no person kind"),
    )?;
    let kinds = codes.iter().filter_map(|&c| kind_of(c)).collect();
    let (costs, start) = r.array::<f64>("costs", Some(n))?;
    first_bad(
        file,
        (&costs, start),
        "costs",
        |c| c.is_finite() && c >= 0.0,
        |c| format!("{} is not a finite number >= 0", crate::error::float(c)),
    )?;
    let (groups, group_names) = groups(r, n)?;
    let positions = if flags & HAS_POSITIONS == 0 {
        None
    } else {
        let (positions, start) = r.array::<[f64; 2]>("positions", Some(n))?;
        first_bad(
            file,
            (&positions, start),
            "positions",
            |p| p[0].is_finite() && p[1].is_finite(),
            |_| "not two finite coordinates".into(),
        )?;
        Some(positions)
    };
    let (labels, order) = labels(r, n)?;
    let mut layers: Vec<CompiledLayer> = Vec::new();
    for l in 0..num_layers {
        let at = r.pos;
        let layer = layer(r, l, n)?;
        if layers.iter().any(|other| other.name == layer.name) {
            return Err(format_error(
                file,
                at,
                format!("layers[{l}].name"),
                format!("{:?} repeats a layer's name", layer.name),
            ));
        }
        layers.push(layer);
    }
    Ok(CompiledNetwork {
        num_people: n as u32,
        layers,
        kinds,
        costs,
        groups,
        group_names,
        positions,
        labels,
        by_label: LabelIndex::made(order),
    })
}

/// Each person's group and the group names.
fn groups<R: Read>(r: &mut Reader<'_, R>, n: u64) -> Result<(Vec<u32>, Vec<String>)> {
    let file = r.file;
    let (groups, groups_at) = r.array::<u32>("groups", Some(n))?;
    let names_at = r.pos;
    let group_names = r.strings("group names", None)?;
    let g = group_names.len() as u32;
    first_bad(
        file,
        (&groups, groups_at),
        "groups",
        |x| x < g || x == NO_GROUP,
        |x| format!("{x} is beyond the {g} group names"),
    )?;
    // As compiling makes them: sorted, unique, each someone's (so that the network rebuilt
    // from the file compiles to the very same arrays).
    let mut used = vec![false; group_names.len()];
    groups.iter().filter(|&&x| x != NO_GROUP).for_each(|&x| used[x as usize] = true);
    if let Some(i) = group_names.windows(2).position(|w| w[0] >= w[1]) {
        return Err(format_error(
            file,
            names_at,
            format!("group names[{}]", i + 1),
            "not sorted, or repeated",
        ));
    }
    if let Some(i) = used.iter().position(|&u| !u) {
        return Err(format_error(
            file,
            names_at,
            format!("group names[{i}]"),
            "a group nobody is in",
        ));
    }
    Ok((groups, group_names))
}

/// Who is labelled, the labels, and the labelled ids sorted by label.
fn labels<R: Read>(r: &mut Reader<'_, R>, n: u64) -> Result<(Vec<Option<String>>, Vec<u32>)> {
    let file = r.file;
    let (labelled, start) = r.array::<u8>("labelled", Some(n))?;
    first_bad(file, (&labelled, start), "labelled", |b| b <= 1, |b| format!("{b} is not 0 or 1"))?;
    let num_labels = labelled.iter().filter(|&&b| b != 0).count() as u64;
    let labels_at = r.pos;
    let mut text = r.strings("labels", Some(num_labels))?.into_iter();
    let labels: Vec<Option<String>> =
        labelled.iter().map(|&b| if b == 1 { text.next() } else { None }).collect();
    for (i, label) in labels.iter().enumerate() {
        if let Some(k) =
            label.as_deref().and_then(crate::model::display_id).filter(|&k| k as usize != i)
        {
            return Err(format_error(
                file,
                labels_at,
                format!("labels[{i}]"),
                format!("{label:?} is how person {k} is shown"),
            ));
        }
    }
    // The labelled ids sorted by label: strictly rising labels, which makes them unique.
    let (order, start) = r.array::<u32>("label order", Some(num_labels))?;
    let label = |id: u32| labels.get(id as usize).and_then(Option::as_deref);
    first_bad(
        file,
        (&order, start),
        "label order",
        |id| label(id).is_some(),
        |id| format!("{id} is not a labelled person"),
    )?;
    if let Some(j) = order.windows(2).position(|w| label(w[0]) >= label(w[1])) {
        let at = start + 4 * (j as u64 + 1);
        return Err(format_error(
            file,
            at,
            format!("label order[{}]", j + 1),
            "labels out of order, or repeated",
        ));
    }
    Ok((labels, order))
}

/// One layer's items, checked as [`payload`] checks the people's.
fn layer<R: Read>(r: &mut Reader<'_, R>, l: u64, n: u64) -> Result<CompiledLayer> {
    let file = r.file;
    let f = |name: &str| format!("layers[{l}].{name}");
    let layer_at = r.pos;
    let name = r.strings(&f("name"), Some(1))?.pop().unwrap_or_default();
    let at = r.pos;
    let kind = r.u64(&f("kind"))?;
    let (kind, shadow) =
        layer_of(kind).ok_or_else(|| r.err(at, f("kind"), format!("{kind} is no layer kind")))?;
    let directed = r.flag(&f("directed"))?;
    let has_probability = r.flag(&f("probability"))?;
    let probability = f64::from_bits(r.u64(&f("probability"))?);
    let at = r.pos;
    let latency = r.u64(&f("latency"))?;
    let latency = u32::try_from(latency)
        .map_err(|_| r.err(at, f("latency"), format!("{latency} does not fit 32 bits")))?;
    let mut def = Layer::new(name, kind).directed(directed).latency(latency);
    def.probability = has_probability.then_some(probability);
    // The layer's own checks (a name, a probability, a latency from 1 to MAX_LATENCY).
    def.validate().map_err(|e| format_error(file, layer_at, f("definition"), e.to_string()))?;
    let (offsets, start) = r.array::<u32>(&f("offsets"), Some(n + 1))?;
    let (targets, targets_at) = r.array::<u32>(&f("targets"), None)?;
    let m = targets.len();
    if offsets[0] != 0 || offsets[n as usize] as usize != m {
        return Err(format_error(
            file,
            start,
            f("offsets"),
            format!("run from {} to {}, expected 0 to {m}", offsets[0], offsets[n as usize]),
        ));
    }
    if let Some(i) = offsets.windows(2).position(|w| w[1] < w[0]) {
        return Err(format_error(
            file,
            start + 4 * (i as u64 + 1),
            format!("{}[{}]", f("offsets"), i + 1),
            "smaller than the one before",
        ));
    }
    first_bad(
        file,
        (&targets, targets_at),
        &f("targets"),
        |t| u64::from(t) < n,
        |t| format!("{t} is not one of the {n} people"),
    )?;
    let m = Some(m as u64);
    let (weights, start) = r.array::<f32>(&f("weights"), m)?;
    first_bad(
        file,
        (&weights, start),
        &f("weights"),
        |w| w.is_finite() && w >= 0.0,
        |w| format!("{w} is not a finite number >= 0"),
    )?;
    let (probabilities, start) = r.array::<f32>(&f("probabilities"), m)?;
    first_bad(
        file,
        (&probabilities, start),
        &f("probabilities"),
        |p| p.is_nan() || (0.0..=1.0).contains(&p),
        |p| format!("{p} is not a probability"),
    )?;
    let (multiplicity, start) = r.array::<u16>(&f("multiplicity"), m)?;
    first_bad(
        file,
        (&multiplicity, start),
        &f("multiplicity"),
        |x| x >= 1,
        |_| "0 (expected at least 1)".into(),
    )?;
    let (signs, start) = r.array::<i8>(&f("signs"), m)?;
    first_bad(
        file,
        (&signs, start),
        &f("signs"),
        |s| s == 1 || s == -1,
        |s| format!("{s} (expected 1 or -1)"),
    )?;
    let plain = all_plain(&probabilities, &multiplicity, &signs);
    Ok(CompiledLayer {
        name: def.name,
        kind,
        directed,
        probability: def.probability,
        latency,
        shadow,
        offsets,
        targets,
        weights,
        probabilities,
        multiplicity,
        signs,
        plain,
    })
}
