//! SNAP-style edge lists: one tie per line, `source target [weight]`.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::TiePolicy;
use super::lines::{self, Line};
use crate::{Layer, LayerKind, Network, Result, TieSpec};

/// Options for [`read_edgelist`] and [`parse_edgelist`].
///
/// ```
/// use reseau::{LayerKind, io::EdgeListOptions};
/// let options = EdgeListOptions { directed: true, layer: "votes".into(), ..Default::default() };
/// assert_eq!(options.kind, LayerKind::Physical);
/// let from_json: EdgeListOptions = serde_json::from_str(r#"{"directed": true}"#).unwrap();
/// assert_eq!(from_json.layer, "ties");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct EdgeListOptions {
    /// Whether ties are directed (default `false`).
    pub directed: bool,
    /// The name of the one layer (default `"ties"`).
    pub layer: String,
    /// The layer's kind (default physical).
    pub kind: LayerKind,
    /// Repeated ties and self-loops.
    pub policy: TiePolicy,
}

impl Default for EdgeListOptions {
    fn default() -> Self {
        EdgeListOptions {
            directed: false,
            layer: "ties".into(),
            kind: LayerKind::Physical,
            policy: TiePolicy::default(),
        }
    }
}

/// Reads a SNAP edge list file (see [`parse_edgelist`] for the format); errors name the path.
///
/// ```
/// use reseau::io::{EdgeListOptions, read_edgelist};
/// let path = std::env::temp_dir().join("reseau-doctest-edgelist.txt");
/// std::fs::write(&path, "# a comment\n1\t2\n2\t3\n")?;
/// let net = read_edgelist(&path, &EdgeListOptions::default())?;
/// assert_eq!((net.num_people(), net.num_ties()), (3, 2));
/// let missing = read_edgelist("no/such/file.txt", &EdgeListOptions::default()).unwrap_err();
/// assert_eq!(missing.kind(), "FileError");
/// # std::fs::remove_file(&path).ok();
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// The file is streamed line by line (one line in memory at a time, not the whole text), so
/// a file of 10^8 lines needs the memory of its network only. Errors are those of
/// [`parse_edgelist`], with one difference: bytes that are not UTF-8 are reported when the
/// reader reaches their line, after any error on an earlier line.
pub fn read_edgelist(path: impl AsRef<Path>, options: &EdgeListOptions) -> Result<Network> {
    let path = path.as_ref();
    let file = lines::display(path);
    let io = |e: std::io::Error| crate::Error::Io { file: file.clone(), message: e.to_string() };
    let handle = std::fs::File::open(path).map_err(io)?;
    let len = handle.metadata().map_err(io)?.len();
    let mut reader = Reader::new(options, len)?;
    let mut growth = lines::Growth::of_len(len, &file)?;
    let buffered = std::io::BufReader::with_capacity(1 << 16, handle);
    lines::stream(buffered, &file, |line, read| {
        growth.check_read(&reader.net, read)?;
        reader.line(&line, &file)
    })?;
    Ok(reader.net)
}

/// What reading an edge list builds, line by line.
struct Reader {
    net: Network,
    layer: crate::LayerId,
    people: lines::Interner,
}

impl Reader {
    /// An empty network with the one layer, for an input of `len` bytes.
    fn new(options: &EdgeListOptions, len: u64) -> Result<Self> {
        let mut net = Network::new();
        options.policy.apply(&mut net);
        let layer = net.add_layer(
            Layer::new(options.layer.clone(), options.kind).directed(options.directed),
        )?;
        let people = lines::Interner::new(usize::try_from(len).unwrap_or(usize::MAX));
        Ok(Reader { net, layer, people })
    }

    /// Reads one line of `file`.
    fn line(&mut self, line: &Line<'_>, file: &str) -> Result<()> {
        if line.is_blank() || line.is_comment() {
            return Ok(());
        }
        let (a, b, spec) = fields(line, file)?;
        let ends = (self.people.person(&mut self.net, a)?, self.people.person(&mut self.net, b)?);
        lines::add_tie(&mut self.net, ends, self.layer, spec, file, line.number)
    }
}

/// Parses a SNAP edge list from bytes; `source` names it in errors.
///
/// Format: one tie per line, `source target` or `source target weight`, separated by tabs or
/// spaces; lines starting with `#` or `%` are comments; blank lines are skipped; `\n` or
/// `\r\n` line ends. Node identifiers are labels (text, `"007"` is not `"7"`): each new one
/// becomes a person with that label, ids given densely in order of first appearance. A
/// weight must be a finite number >= 0 (default 1). Repeated ties and self-loops follow
/// `options.policy` (merged and dropped by default, and counted). The network keeps the
/// policy it was read with.
///
/// ```
/// use reseau::io::{EdgeListOptions, parse_edgelist};
/// let text = b"# SNAP header\n10 20\r\n20 10\r\n20 1000000000000 2.5\n";
/// let net = parse_edgelist(text, "example", &EdgeListOptions::default())?;
/// assert_eq!(net.labels(), ["10", "20", "1000000000000"]);
/// assert_eq!((net.num_ties(), net.duplicates_merged()), (2, 1));
///
/// let err = parse_edgelist(b"1 2\n3\n", "broken.txt", &EdgeListOptions::default()).unwrap_err();
/// assert_eq!(err.to_string(), "broken.txt:2: expected 2 or 3 columns (source target [weight]), found 1: \"3\"");
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn parse_edgelist(bytes: &[u8], source: &str, options: &EdgeListOptions) -> Result<Network> {
    let text = lines::text(bytes, source)?;
    let mut reader = Reader::new(options, bytes.len() as u64)?;
    let mut growth = lines::Growth::new(text, source)?;
    for line in lines::lines(text) {
        growth.check(&reader.net, line.text)?;
        reader.line(&line, source)?;
    }
    Ok(reader.net)
}

/// Splits `source target [weight]`.
fn fields<'a>(line: &Line<'a>, file: &str) -> Result<(&'a str, &'a str, TieSpec)> {
    let mut it = line.text.split_ascii_whitespace();
    match (it.next(), it.next(), it.next(), it.next()) {
        (Some(a), Some(b), None, _) => Ok((a, b, TieSpec::default())),
        (Some(a), Some(b), Some(w), None) => {
            Ok((a, b, TieSpec::weight(lines::weight(w, line, file)?)))
        }
        _ => {
            let found = line.text.split_ascii_whitespace().count();
            Err(line.error(
                file,
                format!("expected 2 or 3 columns (source target [weight]), found {found}"),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Duplicates, Error, SelfLoops, io::SelfLoopsInFiles};

    fn parse(text: &str) -> Result<Network> {
        parse_edgelist(text.as_bytes(), "t", &EdgeListOptions::default())
    }

    #[test]
    fn comments_blanks_tabs_and_weights() {
        let net = parse("% konect\n# snap\n\n a\tb  3\n  \nb c\n").unwrap();
        assert_eq!(net.labels(), ["a", "b", "c"]);
        let weights: Vec<f64> = net.ties().map(|t| t.weight).collect();
        assert_eq!(weights, [3.0, 1.0]);
    }

    #[test]
    fn directed_keeps_both_directions() {
        let options = EdgeListOptions { directed: true, ..Default::default() };
        let net = parse_edgelist(b"1 2\n2 1\n", "t", &options).unwrap();
        assert_eq!((net.num_ties(), net.duplicates_merged()), (2, 0));
    }

    #[test]
    fn policies_apply() {
        let reject = EdgeListOptions {
            policy: TiePolicy {
                duplicates: Duplicates::Reject,
                self_loops: SelfLoopsInFiles(SelfLoops::Reject),
            },
            ..Default::default()
        };
        let err = parse_edgelist(b"1 2\n2 1\n", "t", &reject).unwrap_err();
        assert!(matches!(err, Error::DuplicateTie { ref location, .. } if location == "t:2: "));
        let err = parse_edgelist(b"1 1\n", "t", &reject).unwrap_err();
        assert!(matches!(err, Error::SelfLoop { ref location, .. } if location == "t:1: "));
    }

    #[test]
    fn streaming_a_file_reads_what_parsing_its_bytes_reads() {
        let path = std::env::temp_dir().join(format!("reseau-stream-{}.txt", std::process::id()));
        let name = lines::display(&path);
        let cases: [&[u8]; 6] = [
            b"\xEF\xBB\xBF# c\n1 2\r\n2 3 2.5\n\n3 1\n1 1\n4 5",
            b"",
            b"a b\nb a\nc",
            b"1 2\n2 3 heavy\n",
            b"1 2\n3 \xC3\x28\n",
            b"1 2 1e39\n",
        ];
        for bytes in cases {
            std::fs::write(&path, bytes).unwrap();
            let options = EdgeListOptions::default();
            let read = read_edgelist(&path, &options).map(|n| n.to_json());
            let parsed = parse_edgelist(bytes, &name, &options).map(|n| n.to_json());
            assert_eq!(read, parsed, "{:?}", String::from_utf8_lossy(bytes));
        }
        std::fs::remove_file(&path).ok();
    }

    #[test]
    fn empty_input_gives_an_empty_layer() {
        let net = parse("").unwrap();
        assert_eq!((net.num_layers(), net.num_people(), net.num_ties()), (1, 0, 0));
    }
}
