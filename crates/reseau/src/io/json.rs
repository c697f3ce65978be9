//! Lossless JSON, with a format name and version.
//!
//! The document is one object, in this field order:
//!
//! ```text
//! {"format": "reseau.network", "version": 1,
//!  "duplicates": "merge", "self_loops": "reject",       // the network's policies
//!  "duplicates_merged": 0, "self_loops_dropped": 0,     // and its counters
//!  "layers": [{"name", "kind", "directed", "probability"?, "latency"}, …],
//!  "people": [{"label"?, "group"?, "kind", "cost", "position"?, "attributes"?}, …],
//!  "ties":   [{"source", "target", "layer", "weight", "sign", "probability"?, "multiplicity"}, …]}
//! ```
//!
//! People and layers are listed in id order and ties are referred to by those ids, so a
//! network read back has the same ids, the same tie order and the same JSON, byte for byte.

use serde::de::{Deserializer, Error as _};
use serde::{Deserialize, Serialize, Serializer};

use crate::error::{Error, Result, check_probability};
use crate::model::{Duplicates, Layer, LayerKey, Network, Person, SelfLoops, Tie};

/// The newest format version this library writes and reads.
///
/// ```
/// let json = reseau::Network::new().to_json();
/// assert!(json.contains(&format!("\"version\":{}", reseau::io::FORMAT_VERSION)));
/// ```
pub const FORMAT_VERSION: u64 = 1;

/// The value of the `format` field.
const FORMAT_NAME: &str = "reseau.network";

/// What is written: borrowed from the network.
#[derive(Serialize)]
struct NetworkOut<'a> {
    format: &'static str,
    version: u64,
    duplicates: Duplicates,
    self_loops: SelfLoops,
    duplicates_merged: u64,
    self_loops_dropped: u64,
    layers: &'a [Layer],
    people: Vec<&'a Person>,
    ties: Vec<&'a Tie>,
}

/// What is read: every field required, no other field allowed.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NetworkIn {
    format: String,
    version: u64,
    duplicates: Duplicates,
    self_loops: SelfLoops,
    duplicates_merged: u64,
    self_loops_dropped: u64,
    layers: Vec<Layer>,
    people: Vec<Person>,
    ties: Vec<Tie>,
}

/// The two fields read before the rest, so that a newer file is refused with a clear error
/// whatever else it holds.
#[derive(Deserialize)]
struct Probe {
    format: Option<String>,
    version: Option<u64>,
}

impl<'a> From<&'a Network> for NetworkOut<'a> {
    fn from(net: &'a Network) -> Self {
        let (duplicates, self_loops) = net.policies();
        NetworkOut {
            format: FORMAT_NAME,
            version: FORMAT_VERSION,
            duplicates,
            self_loops,
            duplicates_merged: net.duplicates_merged(),
            self_loops_dropped: net.self_loops_dropped(),
            layers: net.layers(),
            people: net.people().map(|(_, p)| p).collect(),
            ties: net.ties().collect(),
        }
    }
}

/// Refuses another format or a newer version.
fn check_header(format: Option<&str>, version: Option<u64>) -> Result<()> {
    if let Some(format) = format.filter(|&f| f != FORMAT_NAME) {
        return Err(Error::Json {
            line: 1,
            column: 1,
            message: format!("format is {format:?}, expected {FORMAT_NAME:?}"),
        });
    }
    match version {
        Some(found) if found > FORMAT_VERSION => {
            Err(Error::UnsupportedVersion { found, supported: FORMAT_VERSION })
        }
        Some(0) => Err(Error::Json {
            line: 1,
            column: 1,
            message: "format version 0 does not exist; versions start at 1".into(),
        }),
        _ => Ok(()),
    }
}

impl NetworkIn {
    /// Builds the network, checking everything a network built by hand would check.
    fn into_network(self) -> Result<Network> {
        check_header(Some(&self.format), Some(self.version))?;
        let mut net = Network::new();
        net.set_duplicates(self.duplicates);
        net.set_self_loops(self.self_loops);
        for layer in self.layers {
            net.add_layer(layer)?;
        }
        for person in self.people {
            net.add_person(person)?;
        }
        for (i, tie) in self.ties.into_iter().enumerate() {
            let at = || format!("ties[{i}]: ");
            let layer = tie.layer.resolve(&net)?;
            net.person(tie.source)?;
            net.person(tie.target)?;
            crate::model::check_weight(|| format!("{}weight", at()), tie.weight)?;
            if let Some(p) = tie.probability {
                check_probability(|| format!("{}probability", at()), p)?;
            }
            if tie.multiplicity == 0 {
                return Err(Error::invalid(format!("{}multiplicity", at()), 0, "an integer >= 1"));
            }
            let layer_name = || net.layer(layer).name.clone();
            if tie.source == tie.target {
                return Err(Error::SelfLoop {
                    location: at(),
                    person: net.display_name(tie.source),
                    layer: layer_name(),
                });
            }
            if net.tie(tie.source, tie.target, layer)?.is_some() {
                return Err(Error::DuplicateTie {
                    location: at(),
                    a: net.display_name(tie.source),
                    b: net.display_name(tie.target),
                    layer: layer_name(),
                });
            }
            net.insert_tie_unchecked(tie);
        }
        net.set_counters(self.duplicates_merged, self.self_loops_dropped);
        Ok(net)
    }
}

fn json_error(err: &serde_json::Error) -> Error {
    let (line, column) = (err.line(), err.column());
    let full = err.to_string();
    let message = full
        .strip_suffix(&format!(" at line {line} column {column}"))
        .map_or_else(|| full.clone(), str::to_owned);
    Error::Json { line: line as u64, column: column as u64, message }
}

impl Network {
    /// The network as compact JSON, losing nothing: layers, people with all their
    /// attributes, ties, policies and counters (see the [module docs](crate::io) for the
    /// shape). [`Network::from_json`] reads it back to the same network and the same JSON.
    ///
    /// # Panics
    ///
    /// Never: every part of a network has a JSON form (text keys, finite numbers).
    ///
    /// ```
    /// use reseau::Network;
    /// let net = reseau::datasets::aarhus_cs();
    /// let json = net.to_json();
    /// assert!(json.starts_with(r#"{"format":"reseau.network","version":1,"#));
    /// let back = Network::from_json(&json)?;
    /// assert_eq!(back.to_json(), json);
    /// assert_eq!(back.person(reseau::PersonId(0))?, net.person(reseau::PersonId(0))?);
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string(&NetworkOut::from(self)).expect("a network always serialises")
    }

    /// Reads a network written by [`Network::to_json`].
    ///
    /// A version newer than [`FORMAT_VERSION`] gives [`Error::UnsupportedVersion`] before
    /// anything else is looked at; a missing or unknown field, or a value of the wrong type,
    /// gives [`Error::Json`] with its line and column; then every layer, person and tie is
    /// checked as if added by hand (an unknown person gives [`Error::UnknownPerson`], a
    /// probability outside [0, 1] gives [`Error::InvalidParameter`], and so on).
    ///
    /// ```
    /// use reseau::{Error, Network};
    /// let newer = r#"{"format": "reseau.network", "version": 99}"#;
    /// assert!(matches!(Network::from_json(newer), Err(Error::UnsupportedVersion { found: 99, .. })));
    /// let err = Network::from_json(r#"{"format": "reseau.network", "version": 1}"#).unwrap_err();
    /// assert_eq!(err.kind(), "JsonError");
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn from_json(text: &str) -> Result<Network> {
        if let Ok(probe) = serde_json::from_str::<Probe>(text) {
            check_header(probe.format.as_deref(), probe.version)?;
        }
        // The document read, then the network built from it: about ten times the text (a
        // person of 30 bytes of JSON is 300 bytes in the two), checked before either.
        crate::memory::check(None, (text.len() as u64).saturating_mul(10), || {
            format!("a network from {} bytes of JSON", text.len())
        })?;
        serde_json::from_str::<NetworkIn>(text).map_err(|e| json_error(&e))?.into_network()
    }
}

/// Writes the same document as [`Network::to_json`], to any serde format.
impl Serialize for Network {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        NetworkOut::from(self).serialize(serializer)
    }
}

/// Reads the document [`Network::to_json`] writes, from any serde format, with the same
/// checks as [`Network::from_json`] (reported as the format's custom error).
impl<'de> Deserialize<'de> for Network {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        NetworkIn::deserialize(deserializer)?.into_network().map_err(D::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Layer, Person, PersonId, TieSpec};

    fn small() -> Network {
        let mut net = Network::new();
        net.add_layer(Layer::digital("mail").directed(true).probability(0.25)).unwrap();
        let a = net.add_person(Person::new().label("a").attribute("role", "PhD")).unwrap();
        let b = net.add_person(Person::new().position(0.5, -1.0)).unwrap();
        net.add_tie_spec(a, b, "mail", TieSpec::weight(0.1).probability(0.3)).unwrap();
        net
    }

    #[test]
    fn round_trip_through_serde_value() {
        let net = small();
        let value = serde_json::to_value(&net).unwrap();
        let back: Network = serde_json::from_value(value).unwrap();
        assert_eq!(back.to_json(), net.to_json());
    }

    #[test]
    fn ties_are_validated() {
        let json = small().to_json();
        let unknown = json.replace(r#""target":1"#, r#""target":7"#);
        assert!(matches!(Network::from_json(&unknown), Err(Error::UnknownPerson { .. })));
        let bad_p = json.replace(r#""probability":0.3"#, r#""probability":1.3"#);
        assert!(matches!(Network::from_json(&bad_p), Err(Error::InvalidParameter { .. })));
        let self_loop = json.replace(r#""target":1"#, r#""target":0"#);
        assert!(matches!(Network::from_json(&self_loop), Err(Error::SelfLoop { .. })));
        let other = json.replace("reseau.network", "something.else");
        assert!(matches!(Network::from_json(&other), Err(Error::Json { .. })));
        let err = Network::from_json("{").unwrap_err();
        assert!(matches!(err, Error::Json { line: 1, .. }), "{err}");
        assert!(Network::from_json(&json).unwrap().tie(PersonId(0), PersonId(1), "mail").is_ok());
    }
}
