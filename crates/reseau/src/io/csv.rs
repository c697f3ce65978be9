//! CSV with a header: one tie per row, columns chosen by name.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::lines;
use super::{TiePolicy, layer_kind};
use crate::{Error, Layer, LayerId, LayerKind, Network, Result, Sign, TieSpec};

/// Options for [`read_csv`] and [`parse_csv`]: which columns hold what, and the layers.
///
/// ```
/// use reseau::io::CsvOptions;
/// let options = CsvOptions::default();
/// assert_eq!((options.source.as_str(), options.target.as_str()), ("source", "target"));
/// assert_eq!((options.layer.as_str(), options.delimiter), ("ties", ','));
/// let from_json: CsvOptions =
///     serde_json::from_str(r#"{"source": "from", "layer_column": "channel", "delimiter": ";"}"#)
///         .unwrap();
/// assert_eq!(from_json.layer_column.as_deref(), Some("channel"));
/// assert!(serde_json::from_str::<CsvOptions>(r#"{"sauce": "x"}"#).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct CsvOptions {
    /// The column of the tie's first end (default `"source"`).
    pub source: String,
    /// The column of the tie's other end (default `"target"`).
    pub target: String,
    /// The column of the tie's weight, a finite number >= 0 (default `None`: weight 1).
    pub weight: Option<String>,
    /// The column of the tie's sign (default `None`: positive): `+`/`-`, `positive`/`negative`,
    /// or a non-zero number whose sign is taken.
    pub sign: Option<String>,
    /// The column naming each tie's layer (default `None`). With one, the network is a
    /// multiplex with one layer per distinct value, in order of first appearance.
    pub layer_column: Option<String>,
    /// The name of the one layer when there is no layer column (default `"ties"`).
    pub layer: String,
    /// The kind of the one layer when there is no layer column (default physical).
    pub kind: LayerKind,
    /// With a layer column, the names of the digital layers, the others being physical
    /// (case-insensitive). `None` (the default): guessed from each name by
    /// [`guess_layer_kind`](super::guess_layer_kind).
    pub digital: Option<Vec<String>>,
    /// Whether ties are directed (default `false`).
    pub directed: bool,
    /// The field delimiter, an ASCII character (default `,`; `;` and `\t` are common).
    pub delimiter: char,
    /// Repeated ties and self-loops.
    pub policy: TiePolicy,
}

impl Default for CsvOptions {
    fn default() -> Self {
        CsvOptions {
            source: "source".into(),
            target: "target".into(),
            weight: None,
            sign: None,
            layer_column: None,
            layer: "ties".into(),
            kind: LayerKind::Physical,
            digital: None,
            directed: false,
            delimiter: ',',
            policy: TiePolicy::default(),
        }
    }
}

/// Reads a CSV file with a header (see [`parse_csv`]); errors name the path.
///
/// ```
/// use reseau::io::{CsvOptions, read_csv};
/// let path = std::env::temp_dir().join("reseau-doctest.csv");
/// std::fs::write(&path, "source,target\nana,bo\nbo,cy\n")?;
/// let net = read_csv(&path, &CsvOptions::default())?;
/// assert_eq!((net.num_people(), net.num_ties()), (3, 2));
/// # std::fs::remove_file(&path).ok();
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_csv(path: impl AsRef<Path>, options: &CsvOptions) -> Result<Network> {
    let path = path.as_ref();
    parse_csv(&lines::read_file(path)?, &lines::display(path), options)
}

/// Parses CSV with a header from bytes; `source` names it in errors.
///
/// The first row names the columns; `options` says which hold the two ends (labels, remapped
/// densely in order of first appearance), and optionally the weight, the sign and the layer.
/// Fields may be quoted (`"Doe, Jane"`) and are trimmed; other columns are ignored. Every
/// row must have as many fields as the header. Errors name the file and the line. An empty
/// input gives an empty network. Repeated ties and self-loops follow `options.policy`.
///
/// ```
/// use reseau::{LayerKind, Sign, io::{CsvOptions, parse_csv}};
/// let text = b"from;to;channel;strength;trust\n\
///              \"Doe, Jane\";bo;lunch;2;+\n\
///              bo;cy;Facebook;1;-\n";
/// let options = CsvOptions {
///     source: "from".into(),
///     target: "to".into(),
///     layer_column: Some("channel".into()),
///     weight: Some("strength".into()),
///     sign: Some("trust".into()),
///     delimiter: ';',
///     ..Default::default()
/// };
/// let net = parse_csv(text, "ties.csv", &options)?;
/// assert_eq!(net.labels(), ["Doe, Jane", "bo", "cy"]);
/// assert_eq!(net.layer(net.layer_id("Facebook")?).kind, LayerKind::Digital);
/// assert_eq!(net.ties().map(|t| t.sign).collect::<Vec<_>>(), [Sign::Positive, Sign::Negative]);
///
/// let err = parse_csv(b"source,target\na,b,c\n", "bad.csv", &CsvOptions::default()).unwrap_err();
/// assert_eq!(err.to_string(), "bad.csv:2: expected 2 fields as in the header, found 3: \"a,b,c\"");
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn parse_csv(bytes: &[u8], source: &str, options: &CsvOptions) -> Result<Network> {
    let net = read(bytes, source, options)?;
    super::check_digital(&net, options.digital.as_deref())?;
    Ok(net)
}

/// [`parse_csv`] without the check of its `digital` list.
fn read(bytes: &[u8], source: &str, options: &CsvOptions) -> Result<Network> {
    let text = lines::text(bytes, source)?;
    let delimiter = u8::try_from(options.delimiter).ok().filter(u8::is_ascii).ok_or_else(|| {
        Error::invalid("CSV delimiter", format!("{:?}", options.delimiter), "an ASCII character")
    })?;
    let mut net = Network::new();
    options.policy.apply(&mut net);
    let single = match options.layer_column {
        None => Some(net.add_layer(
            Layer::new(options.layer.clone(), options.kind).directed(options.directed),
        )?),
        Some(_) => None,
    };
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .trim(::csv::Trim::All)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let fail = |err: ::csv::Error| csv_error(&err, text, source);
    let header = reader.headers().map_err(fail)?.clone();
    if header.is_empty() {
        return Ok(net);
    }
    let header_line = header.position().map_or(1, ::csv::Position::line);
    let column = |name: &str| {
        header.iter().position(|h| h == name).ok_or_else(|| {
            let names: Vec<&str> = header.iter().collect();
            lines::parse_error(
                source,
                header_line,
                line_text(text, header_line),
                format!("no column named {name:?} (columns: {})", names.join(", ")),
            )
        })
    };
    let columns = Columns {
        source: column(&options.source)?,
        target: column(&options.target)?,
        weight: options.weight.as_deref().map(column).transpose()?,
        sign: options.sign.as_deref().map(column).transpose()?,
        layer: options.layer_column.as_deref().map(column).transpose()?,
    };

    let digital = options.digital.as_deref();
    let mut layers: HashMap<String, LayerId> = HashMap::new();
    let mut people = lines::Interner::new(bytes.len());
    let mut record = ::csv::StringRecord::new();
    let mut growth = lines::Growth::new(text, source)?;
    while reader.read_record(&mut record).map_err(fail)? {
        let line = record.position().map_or(0, ::csv::Position::line);
        growth.check_read(&net, record.position().map_or(0, ::csv::Position::byte))?;
        let bad = |reason: String| lines::parse_error(source, line, line_text(text, line), reason);
        let field = |c: usize| &record[c];
        let (a, b) = (field(columns.source), field(columns.target));
        if a.is_empty() || b.is_empty() {
            return Err(bad("empty source or target".into()));
        }
        let mut spec = TieSpec::default();
        if let Some(c) = columns.weight {
            spec.weight = match field(c).parse::<f64>() {
                Ok(w) if (0.0..=crate::MAX_WEIGHT).contains(&w) => w,
                Ok(w) if w.is_finite() && w > crate::MAX_WEIGHT => {
                    let limit = crate::model::too_heavy();
                    return Err(bad(format!("weight {} is not {limit}", crate::error::float(w))));
                }
                Ok(w) => return Err(bad(format!("weight {w} is not a finite number >= 0"))),
                Err(_) => return Err(bad(format!("weight {:?} is not a number", field(c)))),
            };
        }
        if let Some(c) = columns.sign {
            spec.sign = parse_sign(field(c)).ok_or_else(|| {
                bad(format!(
                    "sign {:?} is not +, -, positive, negative or a non-zero number",
                    field(c)
                ))
            })?;
        }
        let layer = match (single, columns.layer) {
            (Some(id), _) => id,
            (None, Some(c)) => {
                let name = field(c);
                match layers.get(name) {
                    Some(&id) => id,
                    None if name.is_empty() => return Err(bad("empty layer name".into())),
                    None => {
                        let layer =
                            Layer::new(name, layer_kind(name, digital)).directed(options.directed);
                        let id = net.add_layer(layer)?;
                        layers.insert(name.to_owned(), id);
                        id
                    }
                }
            }
            (None, None) => unreachable!("a layer column or a single layer"),
        };
        let ends = (people.person(&mut net, a)?, people.person(&mut net, b)?);
        lines::add_tie(&mut net, ends, layer, spec, source, line)?;
    }
    Ok(net)
}

/// The positions of the columns in use.
struct Columns {
    source: usize,
    target: usize,
    weight: Option<usize>,
    sign: Option<usize>,
    layer: Option<usize>,
}

fn parse_sign(text: &str) -> Option<Sign> {
    match text.to_ascii_lowercase().as_str() {
        "+" | "positive" => Some(Sign::Positive),
        "-" | "negative" => Some(Sign::Negative),
        other => match other.parse::<f64>() {
            Ok(x) if x > 0.0 => Some(Sign::Positive),
            Ok(x) if x < 0.0 => Some(Sign::Negative),
            _ => None,
        },
    }
}

/// The text of line `n` (1-based), for error messages.
fn line_text(text: &str, n: u64) -> &str {
    lines::lines(text).find(|l| l.number == n).map_or("", |l| l.text)
}

/// A parse error from the csv crate, with the line and its text.
fn csv_error(err: &::csv::Error, text: &str, source: &str) -> Error {
    let (line, reason) = match err.kind() {
        ::csv::ErrorKind::UnequalLengths { pos, expected_len, len } => (
            pos.as_ref().map_or(0, ::csv::Position::line),
            format!("expected {expected_len} fields as in the header, found {len}"),
        ),
        other => {
            (err.position().map_or(0, ::csv::Position::line), format!("invalid CSV: {other:?}"))
        }
    };
    lines::parse_error(source, line, line_text(text, line), reason)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_column_is_named() {
        let err = parse_csv(b"from,to\na,b\n", "c.csv", &CsvOptions::default()).unwrap_err();
        let Error::Parse { line, reason, .. } = err else { panic!("{err}") };
        assert_eq!(line, 1);
        assert!(reason.contains("\"source\"") && reason.contains("from, to"), "{reason}");
    }

    #[test]
    fn bad_values_name_their_line() {
        let options =
            CsvOptions { weight: Some("w".into()), sign: Some("s".into()), ..Default::default() };
        for (text, line) in [
            ("source,target,w,s\na,b,1,+\na,c,x,+\n", 3),
            ("source,target,w,s\na,b,-1,+\n", 2),
            ("source,target,w,s\na,b,NaN,+\n", 2),
            ("source,target,w,s\na,b,1,0\n", 2),
            ("source,target,w,s\n,b,1,+\n", 2),
            ("source,target,w,s\n\"a,b,1,+\n", 2),
        ] {
            let err = parse_csv(text.as_bytes(), "c", &options).unwrap_err();
            assert!(matches!(err, Error::Parse { line: l, .. } if l == line), "{text}: {err}");
        }
    }

    #[test]
    fn empty_and_header_only() {
        let net = parse_csv(b"", "c", &CsvOptions::default()).unwrap();
        assert_eq!((net.num_layers(), net.num_people()), (1, 0));
        let net = parse_csv(b"source,target\n", "c", &CsvOptions::default()).unwrap();
        assert_eq!((net.num_layers(), net.num_people()), (1, 0));
    }

    #[test]
    fn delimiter_must_be_ascii() {
        let options = CsvOptions { delimiter: 'é', ..Default::default() };
        let err = parse_csv(b"", "c", &options).unwrap_err();
        assert_eq!(err.kind(), "InvalidParameterError");
    }
}
