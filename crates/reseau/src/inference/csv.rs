//! Reading adoptions from CSV: one row per observation, with a header.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::observations::{Adoption, CascadeRef, MAX_STEP, PersonRef};
use crate::error::{Error, Result};
use crate::io::lines;

/// Options for [`read_adoptions`] and [`parse_adoptions`]: the columns and delimiter.
///
/// ```
/// use reseau::inference::AdoptionsCsv;
/// let options = AdoptionsCsv::default();
/// assert_eq!((options.person.as_str(), options.time.as_str(), options.cascade.as_str()),
///            ("person", "time", "cascade"));
/// let custom: AdoptionsCsv = serde_json::from_str(r#"{"time": "month", "delimiter": ";"}"#).unwrap();
/// assert_eq!(custom.time, "month");
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AdoptionsCsv {
    /// The column of the person: a label, or `#id` (default `"person"`).
    pub person: String,
    /// The column of the adoption time, a whole number of steps ≥ 0; an empty cell, `NA`,
    /// `null` or `None` (any case) is an unknown status (default `"time"`).
    pub time: String,
    /// The column of the cascade, used when the header has it (default `"cascade"`): a
    /// whole number or a name; without it every row is in one cascade.
    pub cascade: String,
    /// The field delimiter, an ASCII character (default `,`).
    pub delimiter: char,
}

impl Default for AdoptionsCsv {
    fn default() -> Self {
        AdoptionsCsv {
            person: "person".into(),
            time: "time".into(),
            cascade: "cascade".into(),
            delimiter: ',',
        }
    }
}

/// Reads adoptions from a CSV file (see [`parse_adoptions`]); errors name the path.
///
/// ```
/// use reseau::inference::{AdoptionsCsv, read_adoptions};
/// let path = std::env::temp_dir().join("reseau-doctest-adoptions.csv");
/// std::fs::write(&path, "person,time\nU4,0\nU1,\n")?;
/// let rows = read_adoptions(&path, &AdoptionsCsv::default())?;
/// assert_eq!((rows[0].time, rows[1].time), (Some(0.0), None));
/// # std::fs::remove_file(&path).ok();
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_adoptions(path: impl AsRef<Path>, options: &AdoptionsCsv) -> Result<Vec<Adoption>> {
    let path = path.as_ref();
    parse_adoptions(&lines::read_file(path)?, &lines::display(path), options)
}

/// Parses adoptions from CSV bytes with a header; `source` names the input in errors.
///
/// Each row gives a person (label or `#id`), a time (whole steps ≥ 0, or an empty cell,
/// `NA`, `null` or `None` for an unknown status) and, when the header has the cascade
/// column, a cascade. Fields may be quoted and are trimmed; other columns are ignored. A
/// time that is not a whole number ≥ 0, or a missing person, is an [`Error::Parse`] naming
/// the line.
///
/// ```
/// use reseau::inference::{AdoptionsCsv, CascadeRef, parse_adoptions};
/// let rows = parse_adoptions(b"cascade,person,time\nt1,ana,0\nt1,bo,NA\n2,ana,3\n", "a.csv",
///                            &AdoptionsCsv::default())?;
/// assert_eq!(rows.len(), 3);
/// assert_eq!(rows[1].time, None);
/// assert_eq!(rows[2].cascade, Some(CascadeRef::Number(2)));
/// let err = parse_adoptions(b"person,time\nana,1.5\n", "a.csv", &AdoptionsCsv::default()).unwrap_err();
/// assert_eq!(err.to_string(), "a.csv:2: time \"1.5\" is not a whole number of steps from 0 to 1000000: \"ana,1.5\"");
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn parse_adoptions(
    bytes: &[u8],
    source: &str,
    options: &AdoptionsCsv,
) -> Result<Vec<Adoption>> {
    let text = lines::text(bytes, source)?;
    let delimiter = u8::try_from(options.delimiter).ok().filter(u8::is_ascii).ok_or_else(|| {
        Error::invalid("CSV delimiter", format!("{:?}", options.delimiter), "an ASCII character")
    })?;
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .trim(::csv::Trim::All)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let line_text = |n: u64| lines::lines(text).find(|l| l.number == n).map_or("", |l| l.text);
    let fail = |err: &::csv::Error| {
        let line = match err.kind() {
            ::csv::ErrorKind::UnequalLengths { pos, .. } => {
                pos.as_ref().map_or(0, ::csv::Position::line)
            }
            _ => err.position().map_or(0, ::csv::Position::line),
        };
        lines::parse_error(source, line, line_text(line), format!("invalid CSV: {err}"))
    };
    let header = reader.headers().map_err(|e| fail(&e))?.clone();
    let column = |name: &str| header.iter().position(|h| h == name);
    let required = |name: &str| {
        column(name).ok_or_else(|| {
            let names: Vec<&str> = header.iter().collect();
            lines::parse_error(
                source,
                1,
                line_text(1),
                format!("no column named {name:?} (columns: {})", names.join(", ")),
            )
        })
    };
    let (person, time) = (required(&options.person)?, required(&options.time)?);
    let cascade = column(&options.cascade);
    let mut rows = Vec::new();
    let mut record = ::csv::StringRecord::new();
    while reader.read_record(&mut record).map_err(|e| fail(&e))? {
        let line = record.position().map_or(0, ::csv::Position::line);
        let bad = |reason: String| lines::parse_error(source, line, line_text(line), reason);
        let who = &record[person];
        if who.is_empty() {
            return Err(bad("empty person".into()));
        }
        let cell = &record[time];
        let time = if is_missing(cell) {
            None
        } else {
            match cell.parse::<f64>() {
                Ok(t) if t >= 0.0 && t.fract() == 0.0 && t <= f64::from(MAX_STEP) => Some(t),
                _ => {
                    return Err(bad(format!(
                        "time {cell:?} is not a whole number of steps from 0 to {MAX_STEP}"
                    )));
                }
            }
        };
        let cascade = cascade.map(|c| &record[c]).filter(|c| !c.is_empty()).map(|c| {
            c.parse::<i64>().map_or_else(|_| CascadeRef::Name(c.to_owned()), CascadeRef::Number)
        });
        rows.push(Adoption { person: PersonRef::Label(who.to_owned()), time, cascade });
    }
    Ok(rows)
}

/// Whether a time cell says "unknown".
fn is_missing(cell: &str) -> bool {
    cell.is_empty() || ["na", "null", "none"].iter().any(|m| cell.eq_ignore_ascii_case(m))
}
