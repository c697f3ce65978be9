//! Ties: a relation between two people in one layer.

use serde::{Deserialize, Serialize};

use super::{LayerId, PersonId};

/// Trust or distrust, for signed networks (ratings, alliances). Unsigned data is positive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sign {
    /// Trust (the default).
    #[default]
    Positive,
    /// Distrust.
    Negative,
}

impl Sign {
    /// `+1` or `-1`.
    pub fn as_i8(self) -> i8 {
        match self {
            Sign::Positive => 1,
            Sign::Negative => -1,
        }
    }
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

/// The attributes of a new tie, for [`Network::add_tie_with`](crate::Network::add_tie_with).
///
/// ```
/// use reseau::{Sign, TieSpec};
/// let spec = TieSpec::weight(3.0).sign(Sign::Negative).probability(0.2);
/// assert_eq!(spec.weight, 3.0);
/// assert_eq!(TieSpec::default().weight, 1.0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TieSpec {
    /// Tie strength.
    pub weight: f64,
    /// Trust or distrust.
    pub sign: Sign,
    /// Own transmission probability.
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
}

/// What to do when a tie is added between two people already tied in that layer.
///
/// The count of merged duplicates is kept by the network
/// ([`Network::duplicates_merged`](crate::Network::duplicates_merged)): never silent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
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
#[serde(rename_all = "lowercase")]
pub enum SelfLoops {
    /// Skip it and count it ([`Network::self_loops_dropped`](crate::Network::self_loops_dropped)).
    Drop,
    /// Fail with [`Error::SelfLoop`](crate::Error::SelfLoop) (the default for ties added one by one).
    #[default]
    Reject,
}
