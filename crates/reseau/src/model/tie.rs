//! Ties: a relation between two people in one layer.

use serde::{Deserialize, Serialize};

use super::{LayerId, PersonId};

/// Trust or distrust, for signed networks (ratings, alliances). Unsigned data is positive.
///
/// Written `"positive"` or `"negative"`; read from those, `"+"`, `"-"`, `1` or `-1`, as
/// files, Python and JavaScript give it.
///
/// ```
/// use reseau::Sign;
/// assert_eq!("-".parse::<Sign>()?, Sign::Negative);
/// assert_eq!(Sign::try_from(1)?, Sign::Positive);
/// let signs: Vec<Sign> = serde_json::from_str(r#"["negative", "+", -1, 1]"#).unwrap();
/// assert_eq!(signs, [Sign::Negative, Sign::Positive, Sign::Negative, Sign::Positive]);
/// assert_eq!(serde_json::to_string(&Sign::Negative).unwrap(), "\"negative\"");
/// assert_eq!(Sign::try_from(2).unwrap_err().to_string(),
///            "invalid sign: 2 (expected 1, -1, \"positive\" or \"negative\")");
/// # Ok::<(), reseau::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Sign {
    /// Trust (the default).
    #[default]
    Positive,
    /// Distrust.
    Negative,
}

/// What a sign may be written as, for errors.
const SIGNS: &str = "1, -1, \"positive\" or \"negative\"";

impl Sign {
    /// `+1` or `-1`.
    pub fn as_i8(self) -> i8 {
        match self {
            Sign::Positive => 1,
            Sign::Negative => -1,
        }
    }
}

impl std::str::FromStr for Sign {
    type Err = crate::Error;
    fn from_str(s: &str) -> crate::Result<Self> {
        match s {
            "positive" | "+" | "1" | "+1" => Ok(Sign::Positive),
            "negative" | "-" | "-1" => Ok(Sign::Negative),
            _ => Err(crate::Error::invalid("sign", format!("{s:?}"), SIGNS)),
        }
    }
}

impl TryFrom<i64> for Sign {
    type Error = crate::Error;
    fn try_from(v: i64) -> crate::Result<Self> {
        match v {
            1 => Ok(Sign::Positive),
            -1 => Ok(Sign::Negative),
            _ => Err(crate::Error::invalid("sign", v, SIGNS)),
        }
    }
}

impl<'de> Deserialize<'de> for Sign {
    fn deserialize<D: serde::Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        struct SignVisitor;
        impl serde::de::Visitor<'_> for SignVisitor {
            type Value = Sign;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(SIGNS)
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Sign, E> {
                match i64::try_from(v) {
                    Ok(v) => self.visit_i64(v),
                    Err(_) => Err(E::invalid_value(serde::de::Unexpected::Unsigned(v), &self)),
                }
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Sign, E> {
                Sign::try_from(v)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Signed(v), &self))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Sign, E> {
                if v.to_bits() == 1f64.to_bits() {
                    Ok(Sign::Positive)
                } else if v.to_bits() == (-1f64).to_bits() {
                    Ok(Sign::Negative)
                } else {
                    Err(E::invalid_value(serde::de::Unexpected::Float(v), &self))
                }
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Sign, E> {
                v.parse().map_err(|_| E::invalid_value(serde::de::Unexpected::Str(v), &self))
            }
        }
        de.deserialize_any(SignVisitor)
    }
}

/// The largest tie weight: ties are stored with 32-bit weights in the compiled view, and a
/// larger one would become infinite there (`PageRank` would then come back NaN, Linear
/// Threshold's normalised weights wrong). A positive weight below about 1.4 × 10^−45 is
/// stored as 0.
///
/// ```
/// use reseau::{Layer, MAX_WEIGHT, Network};
/// assert_eq!(MAX_WEIGHT, f64::from(f32::MAX));
/// let mut net = Network::new();
/// net.add_layer(Layer::physical("work"))?;
/// net.add_people(2)?;
/// let (a, b) = (reseau::PersonId(0), reseau::PersonId(1));
/// let err = net.add_tie(a, b, "work", 1e39).unwrap_err();
/// assert_eq!(err.to_string(), "invalid weight: 1e39 (expected at most 3.4028234663852886e38 (weights are 32-bit floats))");
/// assert!(net.add_tie(a, b, "work", MAX_WEIGHT).is_ok());
/// # Ok::<(), reseau::Error>(())
/// ```
pub const MAX_WEIGHT: f64 = f32::MAX as f64;

/// Checks a tie weight: finite, at least 0 and at most [`MAX_WEIGHT`].
pub(crate) fn check_weight(name: impl FnOnce() -> String, weight: f64) -> crate::Result<f64> {
    if !(weight.is_finite() && weight >= 0.0) {
        return Err(crate::Error::invalid(name(), weight, "a finite number >= 0"));
    }
    if weight > MAX_WEIGHT {
        return Err(crate::Error::invalid(name(), weight, too_heavy()));
    }
    Ok(weight)
}

/// What a weight above [`MAX_WEIGHT`] is told.
pub(crate) fn too_heavy() -> String {
    format!("at most {} (weights are 32-bit floats)", crate::error::float(MAX_WEIGHT))
}

/// A tie as stored: its ends, layer and attributes.
///
/// ```
/// use reseau::{Layer, Network, Person};
/// let mut net = Network::new();
/// net.add_layer(Layer::physical("lunch")).unwrap();
/// let a = net.add_person(Person::new()).unwrap();
/// let b = net.add_person(Person::new()).unwrap();
/// net.add_tie(a, b, "lunch", 2.0).unwrap();
/// let tie = net.ties().next().unwrap();
/// assert_eq!((tie.source, tie.target, tie.weight), (a, b, 2.0));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tie {
    /// One end (the sender in a directed layer).
    pub source: PersonId,
    /// The other end (the receiver in a directed layer).
    pub target: PersonId,
    /// The layer.
    pub layer: LayerId,
    /// Tie strength (>= 0).
    #[serde(default = "one")]
    pub weight: f64,
    /// Trust or distrust.
    #[serde(default)]
    pub sign: Sign,
    /// This tie's own transmission probability (`None`: the layer's, then the model's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub probability: Option<f64>,
    /// How many parallel ties were merged into this one under [`Duplicates::Sum`](crate::Duplicates::Sum).
    #[serde(default = "one_u32")]
    pub multiplicity: u32,
}

fn one() -> f64 {
    1.0
}
fn one_u32() -> u32 {
    1
}

/// A tie as the bindings show one (Python's `Network.tie`, JavaScript's `network.ties()`):
/// the layer by name, the sign as `1` or `-1`, every field present. From
/// [`Network::tie_info`](crate::Network::tie_info).
///
/// ```
/// use reseau::{Layer, Network, Person, TieSpec};
/// let mut net = Network::new();
/// net.add_layer(Layer::physical("lunch")).unwrap();
/// net.add_people(2).unwrap();
/// let spec = TieSpec::weight(2.0).sign(reseau::Sign::Negative);
/// net.add_tie_spec(reseau::PersonId(0), reseau::PersonId(1), "lunch", spec).unwrap();
/// let info = net.tie_info(net.ties().next().unwrap());
/// assert_eq!(
///     serde_json::to_string(&info).unwrap(),
///     r#"{"source":0,"target":1,"layer":"lunch","weight":2.0,"sign":-1,"probability":null,"multiplicity":1}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TieInfo<'a> {
    /// [`Tie::source`]'s id.
    pub source: u32,
    /// [`Tie::target`]'s id.
    pub target: u32,
    /// The name of [`Tie::layer`].
    pub layer: &'a str,
    /// [`Tie::weight`].
    pub weight: f64,
    /// [`Tie::sign`] as `1` or `-1`.
    pub sign: i8,
    /// [`Tie::probability`].
    pub probability: Option<f64>,
    /// [`Tie::multiplicity`].
    pub multiplicity: u32,
}

/// The attributes of a new tie, for [`Network::add_tie_spec`](crate::Network::add_tie_spec):
/// a serde struct, as Python keywords and JS options give it (the sign as `1`/`-1` or a
/// name).
///
/// ```
/// use reseau::{Sign, TieSpec};
/// let spec = TieSpec::weight(3.0).sign(Sign::Negative).probability(0.2);
/// assert_eq!(spec.weight, 3.0);
/// assert_eq!(TieSpec::default().weight, 1.0);
/// let read: TieSpec = serde_json::from_str(r#"{"weight": 3, "sign": -1, "probability": 0.2}"#).unwrap();
/// assert_eq!(read, spec);
/// assert!(TieSpec::weight(-1.0).validate().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct TieSpec {
    /// Tie strength.
    pub weight: f64,
    /// Trust or distrust.
    pub sign: Sign,
    /// Own transmission probability.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub probability: Option<f64>,
}

impl Default for TieSpec {
    fn default() -> Self {
        TieSpec { weight: 1.0, sign: Sign::Positive, probability: None }
    }
}

impl TieSpec {
    /// A positive tie of the given weight.
    pub fn weight(weight: f64) -> Self {
        TieSpec { weight, ..Self::default() }
    }
    /// Sets the sign.
    #[must_use]
    pub fn sign(mut self, sign: Sign) -> Self {
        self.sign = sign;
        self
    }
    /// Sets the tie's own probability.
    #[must_use]
    pub fn probability(mut self, p: f64) -> Self {
        self.probability = Some(p);
        self
    }

    /// Checks the attributes: a finite weight >= 0, a probability in [0, 1] (as
    /// [`Network::add_tie_spec`](crate::Network::add_tie_spec) does).
    ///
    /// ```
    /// use reseau::TieSpec;
    /// assert!(TieSpec::default().validate().is_ok());
    /// assert_eq!(TieSpec::weight(1.0).probability(2.0).validate().unwrap_err().kind(), "InvalidParameterError");
    /// ```
    pub fn validate(&self) -> crate::Result<()> {
        check_weight(|| "weight".into(), self.weight)?;
        if let Some(p) = self.probability {
            crate::error::check_probability(|| "tie probability".into(), p)?;
        }
        Ok(())
    }
}

/// What to do when a tie is added between two people already tied in that layer.
///
/// The count of merged duplicates is kept by the network
/// ([`Network::duplicates_merged`](crate::Network::duplicates_merged)): never silent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Duplicates {
    /// Keep the first tie as it is and count the repeat (the default: SNAP files list each
    /// undirected tie in both directions).
    #[default]
    Merge,
    /// Add the weights and count the repeat in the tie's multiplicity (parallel ties, such as
    /// several papers written together; the cascade engine merges them as 1 − Π(1 − p)).
    Sum,
    /// Fail with [`Error::DuplicateTie`](crate::Error::DuplicateTie).
    Reject,
}

/// What to do with a tie from a person to themself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum SelfLoops {
    /// Skip it and count it ([`Network::self_loops_dropped`](crate::Network::self_loops_dropped)).
    Drop,
    /// Fail with [`Error::SelfLoop`](crate::Error::SelfLoop) (the default for ties added one by one).
    #[default]
    Reject,
}
