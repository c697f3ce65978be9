//! How a request ended and the journey it made: what the engine records and what
//! [`trace_referrals`](super::trace_referrals) returns.

use serde::{Deserialize, Serialize};

use crate::compiled::CompiledNetwork;

/// How a request ended.
///
/// ```
/// use reseau::referral::Outcome;
/// assert_eq!(serde_json::to_string(&Outcome::DeadEnd)?, "\"dead_end\"");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// It reached its target.
    Delivered,
    /// A holder was not willing to forward it.
    Unwilling,
    /// Its holder had no contact who had not held it already.
    DeadEnd,
    /// It reached the hop limit short of the target.
    Truncated,
    /// It reached a target too tired to take it in (or, from a stranger, who did not answer).
    Ignored,
}

/// One request's journey, in the one shape Rust, Python and JavaScript share: the people by
/// id and by label, the layers by name.
///
/// ```
/// use reseau::referral::{Outcome, ReferralRequest, trace_referrals};
/// let net = reseau::datasets::aarhus_cs().compile();
/// let t = &trace_referrals(&net, &ReferralRequest::pairs([["U102".into(), 40.into()]]))?[0];
/// assert_eq!((t.path[0], t.labels[0].as_str(), t.outcome), (0, "U102", Outcome::Delivered));
/// assert_eq!(*t.path.last().unwrap(), 40);
/// assert_eq!((t.layers.len(), t.labels.len()), (t.hops, t.path.len()));
/// # Ok::<(), reseau::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReferralTrace {
    /// Who sent it (person id).
    pub source: u32,
    /// Whom it was for (person id).
    pub target: u32,
    /// The step it started.
    pub start: u64,
    /// The step it ended (reached the target, or was dropped).
    pub end: u64,
    /// Everyone who held it, in order, by id: the source first, then each person it reached.
    pub path: Vec<u32>,
    /// Their labels (an unlabelled person's `#id`), in the order of `path`.
    pub labels: Vec<String>,
    /// The layer of each hop, by name: `layers[i]` joins `path[i]` to `path[i + 1]`.
    pub layers: Vec<String>,
    /// The ties it crossed: `path.len() - 1`.
    pub hops: usize,
    /// How it ended.
    pub outcome: Outcome,
}

/// A journey as the engine records it: people and layers by index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Journey {
    pub(crate) target: u32,
    pub(crate) start: u64,
    pub(crate) end: u64,
    pub(crate) path: Vec<u32>,
    pub(crate) layers: Vec<u32>,
    pub(crate) outcome: Outcome,
}

impl Journey {
    /// The journey in its public shape, with the labels and layer names of `net`.
    pub(crate) fn trace(self, net: &CompiledNetwork, labels: &[String]) -> ReferralTrace {
        ReferralTrace {
            source: self.path[0],
            target: self.target,
            start: self.start,
            end: self.end,
            labels: self.path.iter().map(|&p| labels[p as usize].clone()).collect(),
            layers: self
                .layers
                .iter()
                .map(|&l| match l {
                    super::choose::COLD => super::options::COLD_CONTACT.to_owned(),
                    l => net.layers()[l as usize].name.clone(),
                })
                .collect(),
            hops: self.layers.len(),
            path: self.path,
            outcome: self.outcome,
        }
    }
}
