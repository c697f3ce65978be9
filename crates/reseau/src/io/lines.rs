//! The line reader shared by the text formats: UTF-8 checked once, lines numbered from 1,
//! `\r` stripped, and the errors every reader reports the same way.
//!
//! Error policy, the same in every reader: a line that cannot be understood (wrong number of
//! columns, a weight that is not a number, a NaN, infinite or negative weight, an unknown
//! reference) is an [`Error::Parse`] naming the file, the line number, the line's text and
//! the reason. Policy errors raised by the network itself ([`Error::DuplicateTie`],
//! [`Error::SelfLoop`]) carry the same `file:line: ` prefix in their `location`.

use std::collections::HashMap;
use std::path::Path;

use crate::error::{Error, Result};
use crate::model::{FastHash, LayerId, Network, Person, PersonId, TieSpec};

/// The longest line text an error keeps, in characters.
const MAX_CONTENT: usize = 200;

/// The bytes as text, or [`Error::NotUtf8`] with the line and byte offset of the first
/// invalid byte. A leading UTF-8 byte-order mark is skipped.
pub(crate) fn text<'a>(bytes: &'a [u8], file: &str) -> Result<&'a str> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(body).map_err(|e| {
        let offset = e.valid_up_to() + (bytes.len() - body.len());
        let line = 1 + bytecount(&bytes[..offset], b'\n');
        Error::NotUtf8 { file: file.to_owned(), line, offset: offset as u64 }
    })
}

// Only on the error path: not worth a dependency.
#[allow(clippy::naive_bytecount)]
fn bytecount(bytes: &[u8], needle: u8) -> u64 {
    bytes.iter().filter(|&&b| b == needle).count() as u64
}

/// Reads a whole file, mapping failures to [`Error::Io`] named by the path.
pub(crate) fn read_file(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| Error::Io { file: display(path), message: e.to_string() })
}

/// A path as errors show it.
pub(crate) fn display(path: &Path) -> String {
    path.display().to_string()
}

/// One line of a file: its 1-based number and its text without the line end.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    pub(crate) number: u64,
    pub(crate) text: &'a str,
}

impl Line<'_> {
    /// Whether the line holds nothing but ASCII whitespace (spaces, tabs, form feeds, …): the
    /// same whitespace `split_ascii_whitespace` splits fields on, so that a line that is not
    /// blank has at least one field (a line of form feeds once reached `fields[0]` of none).
    pub(crate) fn is_blank(&self) -> bool {
        self.text.bytes().all(|b| b.is_ascii_whitespace())
    }

    /// Whether the line is a `#` or `%` comment (SNAP, Matrix Market, KONECT).
    pub(crate) fn is_comment(&self) -> bool {
        matches!(self.text.trim_start().as_bytes().first(), Some(b'#' | b'%'))
    }

    /// An [`Error::Parse`] for this line.
    pub(crate) fn error(&self, file: &str, reason: impl Into<String>) -> Error {
        parse_error(file, self.number, self.text, reason)
    }
}

/// An [`Error::Parse`] with the content cut to 200 characters.
pub(crate) fn parse_error(
    file: &str,
    line: u64,
    content: &str,
    reason: impl Into<String>,
) -> Error {
    let content = match content.char_indices().nth(MAX_CONTENT) {
        Some((end, _)) => format!("{}…", &content[..end]),
        None => content.to_owned(),
    };
    Error::Parse { file: file.to_owned(), line, content, reason: reason.into() }
}

/// The lines of a text, numbered from 1, without `\n` or `\r\n`. A final line without a line
/// end is a line; the empty piece after a final line end is not.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    let body = text.strip_suffix('\n').unwrap_or(text);
    let pieces = if text.is_empty() { None } else { Some(body.split('\n')) };
    pieces
        .into_iter()
        .flatten()
        .zip(1u64..)
        .map(|(raw, number)| Line { number, text: raw.strip_suffix('\r').unwrap_or(raw) })
}

/// Calls `each` with every line of `reader` (numbered from 1, without `\n` or `\r\n`, a
/// leading byte-order mark skipped) and the bytes read so far, holding one line at a time:
/// the text of a file of 10^8 lines is never in memory at once. Lines are split as [`lines`]
/// splits a text; a line that is not UTF-8 is an [`Error::NotUtf8`] with its line and the
/// file's byte offset, raised when the reader reaches it; a failed read is an [`Error::Io`].
pub(crate) fn stream(
    mut reader: impl std::io::BufRead,
    file: &str,
    mut each: impl FnMut(Line<'_>, u64) -> Result<()>,
) -> Result<()> {
    let mut buf = Vec::new();
    let (mut read, mut number) = (0u64, 0u64);
    loop {
        buf.clear();
        let n = reader
            .read_until(b'\n', &mut buf)
            .map_err(|e| Error::Io { file: file.to_owned(), message: e.to_string() })?;
        if n == 0 {
            return Ok(());
        }
        number += 1;
        let mut body = &buf[..];
        if number == 1 {
            body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
        }
        let skipped = (buf.len() - body.len()) as u64;
        body = body.strip_suffix(b"\n").unwrap_or(body);
        body = body.strip_suffix(b"\r").unwrap_or(body);
        let text = std::str::from_utf8(body).map_err(|e| Error::NotUtf8 {
            file: file.to_owned(),
            line: number,
            offset: read + skipped + e.valid_up_to() as u64,
        })?;
        read += n as u64;
        each(Line { number, text }, read)?;
    }
}

/// Watches the network a reader builds from a large input: every [`Growth::EVERY`] lines,
/// the network's bytes so far, scaled to the whole input, must fit in the budget
/// ([`crate::memory`]), else [`Error::OutOfMemory`] at once, long before memory runs out.
/// Inputs under a megabyte are not watched.
pub(crate) struct Growth<'a> {
    /// Where the text being read starts in memory (0 when it is streamed), and its length.
    start: usize,
    len: usize,
    file: &'a str,
    budget: Option<crate::memory::Budget>,
    lines: u64,
}

impl<'a> Growth<'a> {
    /// Lines read between two looks.
    const EVERY: u64 = 1 << 16;

    /// A watch over the reading of `text` (from `file`).
    pub(crate) fn new(text: &'a str, file: &'a str) -> Result<Self> {
        let mut growth = Growth::of_len(text.len() as u64, file)?;
        growth.start = text.as_ptr() as usize;
        Ok(growth)
    }

    /// A watch over the reading of `len` bytes streamed from `file` (with
    /// [`Growth::check_read`]).
    pub(crate) fn of_len(len: u64, file: &'a str) -> Result<Self> {
        let budget = if len < 1 << 20 { None } else { Some(crate::memory::Budget::new(None)?) };
        Ok(Growth {
            start: 0,
            len: usize::try_from(len).unwrap_or(usize::MAX),
            file,
            budget,
            lines: 0,
        })
    }

    /// Called once per line: every [`Growth::EVERY`] lines, checks `net`'s projected size
    /// (`at` is the text being read, to tell how far into the input it is).
    #[inline]
    pub(crate) fn check(&mut self, net: &Network, at: &str) -> Result<()> {
        self.lines += 1;
        if self.budget.is_none() || self.lines % Self::EVERY != 0 {
            return Ok(());
        }
        let read = (at.as_ptr() as usize).saturating_sub(self.start) + at.len();
        self.project(net, read)
    }

    /// [`Growth::check`] for a reader that knows how many bytes it has read.
    #[inline]
    pub(crate) fn check_read(&mut self, net: &Network, read: u64) -> Result<()> {
        self.lines += 1;
        if self.budget.is_none() || self.lines % Self::EVERY != 0 {
            return Ok(());
        }
        self.project(net, read as usize)
    }

    /// The check itself: `read` bytes of the input gave `net`.
    fn project(&self, net: &Network, read: usize) -> Result<()> {
        let Some(budget) = self.budget else { return Ok(()) };
        let (people, ties) = (net.num_people() as u64, net.num_ties() as u64);
        // Labels: the text, the index's entry and the allocator's headers, about 64 bytes.
        let so_far = Network::estimated_bytes(people, ties).saturating_add(people * 64);
        let projected = so_far as f64 * self.len as f64 / read.max(1) as f64;
        let needed = if projected >= u64::MAX as f64 { u64::MAX } else { projected as u64 };
        budget.check(needed, || {
            format!(
                "{}: the network of {} bytes of input ({people} people and {ties} ties in the \
                 first {read})",
                self.file, self.len
            )
        })
    }
}

/// Parses a weight: a finite number >= 0, else a parse error naming the line.
pub(crate) fn weight(field: &str, line: &Line<'_>, file: &str) -> Result<f64> {
    match field.parse::<f64>() {
        Ok(w) if (0.0..=crate::MAX_WEIGHT).contains(&w) => Ok(w),
        Ok(w) if w > crate::MAX_WEIGHT && w.is_finite() => Err(line.error(
            file,
            format!("weight {} is not {}", crate::error::float(w), crate::model::too_heavy()),
        )),
        Ok(w) => Err(line.error(file, format!("weight {w} is not a finite number >= 0"))),
        Err(_) => Err(line.error(file, format!("weight {field:?} is not a number"))),
    }
}

/// Whether `field` reads as a number (integer or decimal).
pub(crate) fn is_number(field: &str) -> bool {
    field.parse::<f64>().is_ok_and(f64::is_finite)
}

/// The person labelled `label`, added (labelled) on first sight: dense ids in order of first
/// appearance.
pub(crate) fn person(net: &mut Network, label: &str) -> Result<PersonId> {
    match net.index_of(label) {
        Some(id) => Ok(id),
        None => net.add_person(Person::new().label(label)),
    }
}

/// Finds people by label faster than the network's own index for the common case of large
/// files: labels written as plain decimal integers (`0`, `17`, `1000000000000`, but not
/// `007` or `+7`, which stay text) are looked up by value, in a table indexed directly by
/// the number when it is smaller than the input (so its memory is bounded by the input's
/// size, and an id of 10^12 costs one hash entry), else in a hash map. Any other label goes
/// through [`person`]. Either way a label means the same person.
pub(crate) struct Interner {
    direct: Vec<u32>,
    direct_limit: u64,
    numbers: HashMap<u64, PersonId, FastHash>,
}

impl Interner {
    /// An interner for a file of `input_len` bytes.
    pub(crate) fn new(input_len: usize) -> Self {
        Interner { direct: Vec::new(), direct_limit: input_len as u64, numbers: HashMap::default() }
    }

    /// The person labelled `label`, added on first sight.
    pub(crate) fn person(&mut self, net: &mut Network, label: &str) -> Result<PersonId> {
        let Some(n) = plain_integer(label) else { return person(net, label) };
        if n < self.direct_limit {
            let slot = n as usize;
            if let Some(&id) = self.direct.get(slot).filter(|&&id| id != u32::MAX) {
                return Ok(PersonId(id));
            }
            let id = person(net, label)?;
            if slot >= self.direct.len() {
                // Grow geometrically, but never past the limit.
                let len = (slot + 1).max(2 * self.direct.len()).min(self.direct_limit as usize);
                self.direct.resize(len, u32::MAX);
            }
            self.direct[slot] = id.0;
            Ok(id)
        } else {
            if let Some(&id) = self.numbers.get(&n) {
                return Ok(id);
            }
            let id = person(net, label)?;
            self.numbers.insert(n, id);
            Ok(id)
        }
    }
}

/// The value of a label written as a plain decimal integer below 10^19, without sign or
/// leading zero; `None` for any other text.
fn plain_integer(label: &str) -> Option<u64> {
    let bytes = label.as_bytes();
    if bytes.is_empty() || bytes.len() > 19 || (bytes[0] == b'0' && bytes.len() > 1) {
        return None;
    }
    let mut n = 0u64;
    for &b in bytes {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n * 10 + u64::from(b - b'0');
    }
    Some(n)
}

/// Adds a tie found at `file:line`, following the network's policies. The location text is
/// built only when there is an error, so that reading a large file allocates nothing per line.
pub(crate) fn add_tie(
    net: &mut Network,
    (a, b): (PersonId, PersonId),
    layer: LayerId,
    spec: TieSpec,
    file: &str,
    line: u64,
) -> Result<()> {
    match net.add_tie_at(a, b, layer, spec, "") {
        Ok(_) => Ok(()),
        Err(err) => Err(locate(err, file, line)),
    }
}

/// Puts `file:line: ` in front of an error raised by the network while reading.
fn locate(err: Error, file: &str, line: u64) -> Error {
    let location = format!("{file}:{line}: ");
    match err {
        Error::DuplicateTie { a, b, layer, .. } => Error::DuplicateTie { location, a, b, layer },
        Error::SelfLoop { person, layer, .. } => Error::SelfLoop { location, person, layer },
        Error::InvalidParameter { name, value, expected } => {
            Error::InvalidParameter { name: format!("{location}{name}"), value, expected }
        }
        other => other,
    }
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // exact values, parsed from exact text
mod tests {
    use super::*;

    fn collect(text: &str) -> Vec<(u64, &str)> {
        lines(text).map(|l| (l.number, l.text)).collect()
    }

    #[test]
    fn numbers_lines_and_strips_line_ends() {
        assert_eq!(collect("a\r\nb\n\nc"), vec![(1, "a"), (2, "b"), (3, ""), (4, "c")]);
        assert_eq!(collect("a\n"), vec![(1, "a")]);
        assert_eq!(collect(""), Vec::<(u64, &str)>::new());
        assert_eq!(collect("\n"), vec![(1, "")]);
    }

    #[test]
    fn invalid_utf8_names_line_and_offset() {
        let err = text(b"ok\nfine\nbad \xFF here", "f.txt").unwrap_err();
        assert_eq!(err, Error::NotUtf8 { file: "f.txt".into(), line: 3, offset: 12 });
        assert_eq!(text(b"\xEF\xBB\xBFa b", "f").unwrap(), "a b");
        let err = text(b"\xEF\xBB\xBFa\n\xFF", "f").unwrap_err();
        assert_eq!(err, Error::NotUtf8 { file: "f".into(), line: 2, offset: 5 });
    }

    #[test]
    fn streaming_splits_lines_as_the_text_reader_does() {
        for text in ["a\r\nb\n\nc", "a\n", "", "\n", "\u{feff}x y\r\n", "a\rb\n\r"] {
            let mut streamed = Vec::new();
            stream(text.as_bytes(), "f", |line, read| {
                streamed.push((line.number, line.text.to_owned(), read));
                Ok(())
            })
            .unwrap();
            let whole = super::text(text.as_bytes(), "f").unwrap();
            let expected: Vec<(u64, String)> =
                lines(whole).map(|l| (l.number, l.text.to_owned())).collect();
            let got: Vec<(u64, String)> =
                streamed.iter().map(|(n, t, _)| (*n, t.clone())).collect();
            assert_eq!(got, expected, "{text:?}");
            assert_eq!(streamed.last().map_or(0, |s| s.2), text.len() as u64);
        }
        let bytes: &[u8] = b"\xEF\xBB\xBFok\nfine\nbad \xFF here";
        let err = stream(bytes, "f.txt", |_, _| Ok(())).unwrap_err();
        assert_eq!(err, text(bytes, "f.txt").unwrap_err());
    }

    #[test]
    fn plain_integers_only() {
        assert_eq!(plain_integer("0"), Some(0));
        assert_eq!(plain_integer("1000000000000"), Some(1_000_000_000_000));
        assert_eq!(plain_integer("9999999999999999999"), Some(9_999_999_999_999_999_999));
        for text in ["", "007", "+7", "-7", "7a", "1.0", "10000000000000000000"] {
            assert_eq!(plain_integer(text), None, "{text}");
        }
    }

    #[test]
    fn interner_agrees_with_the_labels() {
        let mut net = Network::new();
        let mut interner = Interner::new(10);
        let labels = ["3", "007", "3", "1000000000000", "x", "7", "1000000000000", "007", "12"];
        let ids: Vec<u32> =
            labels.iter().map(|l| interner.person(&mut net, l).unwrap().0).collect();
        assert_eq!(ids, [0, 1, 0, 2, 3, 4, 2, 1, 5]);
        assert_eq!(net.labels(), ["3", "007", "1000000000000", "x", "7", "12"]);
        assert!(interner.direct.len() <= 10);
    }

    #[test]
    fn long_content_is_cut() {
        let long = "x".repeat(500);
        let Error::Parse { content, .. } = parse_error("f", 1, &long, "r") else { panic!() };
        assert_eq!(content.chars().count(), MAX_CONTENT + 1);
    }

    #[test]
    fn weights_must_be_finite_and_not_negative() {
        let line = Line { number: 4, text: "1 2 w" };
        assert_eq!(weight("2.5", &line, "f").unwrap(), 2.5);
        for bad in ["w", "NaN", "-1", "inf"] {
            let err = weight(bad, &line, "f").unwrap_err();
            assert!(matches!(err, Error::Parse { line: 4, .. }), "{bad}: {err}");
        }
    }
}
