//! The one error type of the library.
//!
//! Every variant carries what a person needs to fix the input: the file and line, the offending
//! text or value, the unknown name. The bindings map each variant to an exception (Python) or an
//! `Error` (JavaScript) whose name is [`Error::kind`], so the three languages agree.

/// A specialised `Result` whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in `reseau`.
///
/// ```
/// use reseau::{Error, Network};
/// let net = Network::new();
/// let err = net.layer_id("lunch").unwrap_err();
/// assert!(matches!(err, Error::UnknownLayer { ref name } if name == "lunch"));
/// assert_eq!(err.kind(), "UnknownLayerError");
/// assert_eq!(err.to_string(), "unknown layer \"lunch\"");
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A line of an input file could not be understood.
    #[error("{file}:{line}: {reason}: {content:?}")]
    Parse {
        /// The file (or `<string>` for text given directly).
        file: String,
        /// The 1-based line number.
        line: u64,
        /// The offending line, cut to 200 characters.
        content: String,
        /// What was expected.
        reason: String,
    },
    /// An input file is not valid UTF-8.
    #[error("{file}:{line}: not valid UTF-8 (byte {offset} of the file)")]
    NotUtf8 {
        /// The file.
        file: String,
        /// The 1-based line holding the first invalid byte.
        line: u64,
        /// The byte offset of the first invalid byte.
        offset: u64,
    },
    /// A file could not be opened or read.
    #[error("{file}: {message}")]
    Io {
        /// The file.
        file: String,
        /// The operating system's message.
        message: String,
    },
    /// A layer name that the network does not have.
    #[error("unknown layer {name:?}")]
    UnknownLayer {
        /// The name asked for.
        name: String,
    },
    /// A person (by id or label) that the network does not have.
    #[error("unknown person {person}")]
    UnknownPerson {
        /// The id or label asked for, as text.
        person: String,
    },
    /// A layer with this name exists already.
    #[error("a layer named {name:?} exists already")]
    DuplicateLayer {
        /// The repeated name.
        name: String,
    },
    /// A person with this label exists already (labels are unique).
    #[error("a person labelled {label:?} exists already")]
    DuplicateLabel {
        /// The repeated label.
        label: String,
    },
    /// A tie that exists already, under [`Duplicates::Reject`](crate::Duplicates::Reject).
    #[error("{location}duplicate tie {a} - {b} in layer {layer:?}")]
    DuplicateTie {
        /// Where it was found (`file:line: `), empty when added directly.
        location: String,
        /// One end, as text.
        a: String,
        /// The other end, as text.
        b: String,
        /// The layer's name.
        layer: String,
    },
    /// A tie from a person to themself, under [`SelfLoops::Reject`](crate::SelfLoops::Reject).
    #[error("{location}self-loop on {person} in layer {layer:?}")]
    SelfLoop {
        /// Where it was found (`file:line: `), empty when added directly.
        location: String,
        /// The person, as text.
        person: String,
        /// The layer's name.
        layer: String,
    },
    /// A parameter outside its domain: a probability outside [0, 1], a NaN or negative weight,
    /// a zero rate, and so on.
    #[error("invalid {name}: {value} (expected {expected})")]
    InvalidParameter {
        /// The parameter's name, such as `probability of layer "lunch"` or `weight`.
        name: String,
        /// The value given, as text.
        value: String,
        /// What would have been accepted.
        expected: String,
    },
    /// A binary network file (see [`io::load`](crate::io::load)) that this library did not
    /// write, or that was cut short or damaged: what was wrong, where.
    #[error("{file}: byte {offset}: {field}: {reason}")]
    Format {
        /// The file (or `<bytes>` for bytes given directly).
        file: String,
        /// The byte offset of what was wrong, from the file's start.
        offset: u64,
        /// The field, such as `magic`, `checksum` or `layers[1].targets[17]`.
        field: String,
        /// What was wrong with it.
        reason: String,
    },
    /// Saved data written by a newer version of the library.
    #[error(
        "format version {found} is newer than this library reads (up to {supported}); upgrade reseau"
    )]
    UnsupportedVersion {
        /// The version found in the data.
        found: u64,
        /// The newest version this library reads.
        supported: u64,
    },
    /// JSON that is not a valid saved network.
    #[error("invalid JSON at line {line}, column {column}: {message}")]
    Json {
        /// 1-based line.
        line: u64,
        /// 1-based column.
        column: u64,
        /// What serde reported.
        message: String,
    },
    /// A long call stopped by its [`Control`](crate::control::Control) (a progress callback
    /// that returned `false`, or Ctrl-C in Python).
    #[error("cancelled")]
    Cancelled,
    /// A call that would need more memory than its budget: refused before it allocates (see
    /// [`memory`](crate::memory)), so that the process and the network stay usable.
    #[error(
        "not enough memory: {what} would need about {}, and {} {} available (max_memory sets \
         another budget)",
        bytes(*.needed),
        bytes(*.available),
        if *.available == 1 { "is" } else { "are" }
    )]
    OutOfMemory {
        /// What was asked, such as `route_referrals: 4000000000 requests in flight`.
        what: String,
        /// The bytes it would need.
        needed: u64,
        /// The bytes available to it: the call's `max_memory`, else what the machine has
        /// ([`memory::available`](crate::memory::available)).
        available: u64,
    },
}

impl Error {
    /// The name of this kind of error, shared by the Python exception class and the JS
    /// `Error.name`: `ParseError`, `UnknownLayerError`, …
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Parse { .. } => "ParseError",
            Error::NotUtf8 { .. } => "EncodingError",
            Error::Io { .. } => "FileError",
            Error::UnknownLayer { .. } => "UnknownLayerError",
            Error::UnknownPerson { .. } => "UnknownPersonError",
            Error::DuplicateLayer { .. } => "DuplicateLayerError",
            Error::DuplicateLabel { .. } => "DuplicateLabelError",
            Error::DuplicateTie { .. } => "DuplicateTieError",
            Error::SelfLoop { .. } => "SelfLoopError",
            Error::InvalidParameter { .. } => "InvalidParameterError",
            Error::Format { .. } => "FormatError",
            Error::UnsupportedVersion { .. } => "UnsupportedVersionError",
            Error::Json { .. } => "JsonError",
            Error::Cancelled => "CancelledError",
            Error::OutOfMemory { .. } => "OutOfMemoryError",
        }
    }

    /// Every kind name [`Error::kind`] can return, for bindings that declare one class each.
    pub const KINDS: &'static [&'static str] = &[
        "ParseError",
        "EncodingError",
        "FileError",
        "UnknownLayerError",
        "UnknownPersonError",
        "DuplicateLayerError",
        "DuplicateLabelError",
        "DuplicateTieError",
        "SelfLoopError",
        "InvalidParameterError",
        "FormatError",
        "UnsupportedVersionError",
        "JsonError",
        "CancelledError",
        "OutOfMemoryError",
    ];

    /// The structured fields of this error as `(name, value)` pairs, for bindings that attach
    /// them to the exception object (`err.line`, `err.value`, …).
    pub fn fields(&self) -> Vec<(&'static str, FieldValue)> {
        use FieldValue::{Int, Text};
        let t = |s: &String| Text(s.clone());
        match self {
            Error::Parse { file, line, content, reason } => vec![
                ("file", t(file)),
                ("line", Int(*line)),
                ("content", t(content)),
                ("reason", t(reason)),
            ],
            Error::NotUtf8 { file, line, offset } => {
                vec![("file", t(file)), ("line", Int(*line)), ("offset", Int(*offset))]
            }
            Error::Io { file, message } => vec![("file", t(file)), ("message", t(message))],
            Error::UnknownLayer { name } | Error::DuplicateLayer { name } => {
                vec![("name", t(name))]
            }
            Error::UnknownPerson { person } => vec![("person", t(person))],
            Error::DuplicateLabel { label } => vec![("label", t(label))],
            Error::DuplicateTie { location, a, b, layer } => {
                vec![("location", t(location)), ("a", t(a)), ("b", t(b)), ("layer", t(layer))]
            }
            Error::SelfLoop { location, person, layer } => {
                vec![("location", t(location)), ("person", t(person)), ("layer", t(layer))]
            }
            Error::InvalidParameter { name, value, expected } => {
                vec![("name", t(name)), ("value", t(value)), ("expected", t(expected))]
            }
            Error::Format { file, offset, field, reason } => vec![
                ("file", t(file)),
                ("offset", Int(*offset)),
                ("field", t(field)),
                ("reason", t(reason)),
            ],
            Error::UnsupportedVersion { found, supported } => {
                vec![("found", Int(*found)), ("supported", Int(*supported))]
            }
            Error::Json { line, column, message } => {
                vec![("line", Int(*line)), ("column", Int(*column)), ("message", t(message))]
            }
            Error::Cancelled => Vec::new(),
            Error::OutOfMemory { what, needed, available } => {
                vec![("what", t(what)), ("needed", Int(*needed)), ("available", Int(*available))]
            }
        }
    }

    /// An [`Error::InvalidParameter`] from its parts; a float value is written as
    /// [`float`] writes it.
    pub(crate) fn invalid(
        name: impl Into<String>,
        value: impl Shown,
        expected: impl Into<String>,
    ) -> Self {
        Error::InvalidParameter {
            name: name.into(),
            value: value.shown(),
            expected: expected.into(),
        }
    }
}

/// A value as an error message writes it: floats by [`float`], anything else by its
/// `Display`.
pub(crate) trait Shown {
    /// The text.
    fn shown(&self) -> String;
}

impl Shown for f64 {
    fn shown(&self) -> String {
        float(*self)
    }
}

impl Shown for f32 {
    fn shown(&self) -> String {
        float(f64::from(*self))
    }
}

macro_rules! shown_by_display {
    ($($t:ty),*) => { $( impl Shown for $t { fn shown(&self) -> String { self.to_string() } } )* };
}
shown_by_display!(bool, u8, u16, u32, u64, usize, i32, i64, str, String, std::fmt::Arguments<'_>);

impl<T: Shown + ?Sized> Shown for &T {
    fn shown(&self) -> String {
        (**self).shown()
    }
}

/// A float as messages write it: the shortest text that reads back to the same number, with
/// an exponent when it is very large or very small (`1e300`, `5e-324`, `0.25`, `NaN`,
/// `inf`), never hundreds of digits.
///
/// ```ignore
/// assert_eq!(float(1e300), "1e300");
/// ```
pub(crate) fn float(x: f64) -> String {
    let a = x.abs();
    if a == 0.0 || !a.is_finite() || (1e-5..1e16).contains(&a) {
        x.to_string()
    } else {
        format!("{x:e}")
    }
}

/// A number of bytes as a person reads it: `512 bytes`, `3.2 MB`, `548 GB` (powers of 1000,
/// three significant digits).
pub(crate) fn bytes(n: u64) -> String {
    const UNITS: [&str; 6] = ["kB", "MB", "GB", "TB", "PB", "EB"];
    if n < 1000 {
        return format!("{n} bytes");
    }
    let mut value = n as f64;
    let mut unit = 0;
    value /= 1000.0;
    while value >= 999.5 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    let digits = if value >= 99.5 {
        0
    } else if value >= 9.95 {
        1
    } else {
        2
    };
    format!("{value:.digits$} {}", UNITS[unit])
}

/// A value carried by an error field (see [`Error::fields`]).
#[derive(Debug, Clone, PartialEq)]
pub enum FieldValue {
    /// A count, line number or offset.
    Int(u64),
    /// Text: a file name, a label, a value as written.
    Text(String),
}

/// Checks that `value` is a probability: finite and in [0, 1].
pub(crate) fn check_probability(name: impl FnOnce() -> String, value: f64) -> Result<f64> {
    if (0.0..=1.0).contains(&value) {
        Ok(value)
    } else {
        Err(Error::invalid(name(), value, "a probability in [0, 1]"))
    }
}

/// Checks that `value` is finite and not negative (weights, costs).
pub(crate) fn check_non_negative(name: impl FnOnce() -> String, value: f64) -> Result<f64> {
    if value.is_finite() && value >= 0.0 {
        Ok(value)
    } else {
        Err(Error::invalid(name(), value, "a finite number >= 0"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_in_messages_are_short() {
        assert_eq!(float(1e300), "1e300");
        assert_eq!(float(f64::MAX), "1.7976931348623157e308");
        assert_eq!(float(5e-324), "5e-324");
        assert_eq!(float(1e-7), "1e-7");
        assert_eq!(float(0.25), "0.25");
        assert_eq!(float(1.0 - f64::EPSILON), "0.9999999999999998");
        assert_eq!(float(123_456.0), "123456");
        assert_eq!(
            (float(-0.0), float(f64::NAN), float(f64::NEG_INFINITY)),
            ("-0".into(), "NaN".into(), "-inf".into())
        );
        assert_eq!(
            Error::invalid("x", 1e300, "small").to_string(),
            "invalid x: 1e300 (expected small)"
        );
        for x in [1e300, 5e-324, 1e-7, 0.1, 3.402_823_5e38, -2.5e-300] {
            // The shortest form that reads back as the same bits.
            assert_eq!(float(x).parse::<f64>().unwrap().to_bits(), x.to_bits(), "{x} reads back");
        }
    }

    #[test]
    fn bytes_read_as_people_read_them() {
        assert_eq!(bytes(512), "512 bytes");
        assert_eq!(bytes(1_500), "1.50 kB");
        assert_eq!(bytes(548_000_000_000), "548 GB");
        assert_eq!(bytes(20_300_000_000), "20.3 GB");
        assert_eq!(bytes(999_999), "1.00 MB");
        assert_eq!(bytes(u64::MAX), "18.4 EB");
        let err = Error::OutOfMemory { what: "4 requests".into(), needed: 2_000, available: 1_000 };
        assert_eq!(
            err.to_string(),
            "not enough memory: 4 requests would need about 2.00 kB, and 1.00 kB are available \
             (max_memory sets another budget)"
        );
        assert_eq!(err.kind(), "OutOfMemoryError");
        assert!(Error::KINDS.contains(&err.kind()));
        assert_eq!(err.fields()[1], ("needed", FieldValue::Int(2_000)));
    }
}
