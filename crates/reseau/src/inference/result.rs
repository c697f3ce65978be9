//! What the entry points return: plain serde structs.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::request::Exposure;
use crate::cascade::Model;
use crate::fatigue::Fatigue;
use crate::model::{LayerKind, Network};

/// One layer's (or layer × group's) estimate.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LayerEstimate {
    /// The key of this estimate in [`CascadeFit::probabilities`]: the layer's name, or
    /// `layer/group` when fitted per group (`layer/-` for people without a group).
    pub key: String,
    /// The layer.
    pub layer: String,
    /// The group of the people at risk, when fitted per group.
    pub group: Option<String>,
    /// The latency used, in steps.
    pub latency: u32,
    /// The probability that one exposure through a tie of this layer convinces (cascade
    /// model: the tie's one chance; persistent model: one step of pressure). `None` when
    /// the data cannot tell (nobody at risk was ever exposed through this layer).
    pub probability: Option<f64>,
    /// The 95% profile-likelihood interval of `probability`.
    pub ci95: Option<[f64; 2]>,
    /// The p-value of the likelihood-ratio test that this layer carries no influence
    /// (probability 0), from the 50:50 χ̄² mixture that the boundary calls for.
    pub p_value: Option<f64>,
    /// Whether anyone at risk was exposed through this layer; `false` makes every estimate
    /// above `None` (never NaN).
    pub identifiable: bool,
    /// Exposures of people at risk through this layer (cascade model: attempts; persistent:
    /// exposure-steps), counting parallel ties.
    pub exposures: f64,
    /// Adoptions exposed through this layer at their adoption step.
    pub exposed_adoptions: f64,
    /// The share of the adoptions at risk attributed to this layer: each adoption is split
    /// among its causes in proportion to their hazards.
    pub share: f64,
    /// The 95% interval of `share`: the sampling variance of the mean attribution over the
    /// adoptions plus the delta-method variance from the estimates, clipped to [0, 1].
    pub share_ci95: [f64; 2],
    /// The bootstrap's 95% percentile interval of `probability`, when bootstrapped.
    pub bootstrap_ci95: Option<[f64; 2]>,
}

/// One external hazard: the probability per step of adopting from outside every visible
/// layer.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExternalEstimate {
    /// `external`, `external/group`, `external@step` or `external/group@step`.
    pub key: String,
    /// The group, when the hazard is per group.
    pub group: Option<String>,
    /// The step, when the hazard is per step.
    pub step: Option<u32>,
    /// The probability per step; `None` when nobody was at risk in this class.
    pub probability: Option<f64>,
    /// Its 95% profile-likelihood interval.
    pub ci95: Option<[f64; 2]>,
    /// The p-value of the test that it is 0 (χ̄² mixture).
    pub p_value: Option<f64>,
    /// Whether anyone was at risk in this class.
    pub identifiable: bool,
    /// The bootstrap's 95% percentile interval, when bootstrapped.
    pub bootstrap_ci95: Option<[f64; 2]>,
}

/// A fatigue curve fitted with the probabilities.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FittedFatigue {
    /// The curve at its maximum-likelihood parameters (the half-life as given).
    pub fatigue: Fatigue,
    /// The log-likelihood without fatigue (same data, same layers).
    pub log_likelihood_without: f64,
    /// The p-value of the likelihood-ratio test of the curve against no fatigue (χ² with as
    /// many degrees of freedom as the curve has free parameters; conservative when the
    /// "no fatigue" curve sits at the edge of the curve's range); `None` for a curve
    /// without parameters.
    pub p_value: Option<f64>,
    /// How many curves were evaluated (each a full fit of the probabilities).
    pub evaluations: u32,
}

/// What the data held.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DataSummary {
    /// Cascades.
    pub cascades: u64,
    /// People in the network.
    pub people: u64,
    /// Adoptions with a known time (seeds included).
    pub adoptions: u64,
    /// Adoptions at step 0 taken as seeds (`step_zero: seeds`).
    pub seeds: u64,
    /// Observations with an unknown status.
    pub unknown: u64,
    /// The last step of the window.
    pub horizon: u32,
    /// Person-steps at risk (the likelihood's terms).
    pub person_steps: f64,
    /// Distinct covariate patterns among the adoptions: what each Newton iteration reads
    /// (the pass over the ties is made once, before the iterations).
    pub patterns: u64,
}

/// The result of [`fit`](super::fit): per-layer probabilities with their intervals and
/// tests, the external hazard, the shadow share, and a model ready to simulate.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CascadeFit {
    /// The exposure model fitted.
    pub exposure: Exposure,
    /// Each layer's probability by key ([`LayerEstimate::key`]); `None`: not identifiable.
    pub probabilities: BTreeMap<String, Option<f64>>,
    /// Each layer's 95% profile-likelihood interval by key.
    pub ci95: BTreeMap<String, Option<[f64; 2]>>,
    /// Each layer's likelihood-ratio p-value (does it carry any influence?) by key.
    pub layer_tests: BTreeMap<String, Option<f64>>,
    /// The external hazard per step when there is one for all (see `external_hazards`
    /// when it varies by step or group; `None` without an external hazard).
    pub external: Option<f64>,
    /// Its 95% interval.
    pub external_ci95: Option<[f64; 2]>,
    /// The share of the adoptions at risk explained by the external hazard rather than by
    /// any visible layer: the iceberg's hidden part, as far as the data shows it: the
    /// adoptions no visible exposure explains, and the external hazard's part (in proportion
    /// to the hazards) of those a visible tie explains. An adoption over a hidden tie when a
    /// visible tie exposed the same person at the same step (often the same pair, tied on
    /// both) is the visible layer's work in the data and raises its probability: against a
    /// hidden layer, the shadow share is not the share that layer carried.
    pub shadow_share: f64,
    /// Its 95% interval (as [`LayerEstimate::share_ci95`]).
    pub shadow_share_ci95: [f64; 2],
    /// Its bootstrap percentile interval, when bootstrapped.
    pub shadow_share_bootstrap_ci95: Option<[f64; 2]>,
    /// The maximised log-likelihood.
    pub log_likelihood: f64,
    /// Akaike's information criterion, 2k − 2ℓ.
    pub aic: f64,
    /// k: the parameters estimated (identifiable probabilities, external hazards and
    /// fatigue parameters).
    pub num_parameters: u32,
    /// Newton iterations of the final fit.
    pub iterations: u32,
    /// Whether the final fit met its tolerance within `max_iterations`.
    pub converged: bool,
    /// Every layer estimate in detail, in the network's layer order.
    pub layers: Vec<LayerEstimate>,
    /// Every external hazard in detail.
    pub external_hazards: Vec<ExternalEstimate>,
    /// The fitted fatigue curve, when one was asked for.
    pub fatigue: Option<FittedFatigue>,
    /// Bootstrap replicates run.
    pub bootstrap: u32,
    /// What the data held.
    pub data: DataSummary,
    /// An independent-cascade model with the fitted per-layer probabilities and latencies
    /// (pooled over groups when fitted per group), for `simulate`, `select_relays` and
    /// `balance`. Layers not fitted or not identifiable are switched off. The external hazard
    /// has no counterpart in the cascade engine and is left out.
    pub model: Model,
}

/// One layer under shuffled times.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShuffleLayer {
    /// As in [`LayerEstimate::key`].
    pub key: String,
    /// The estimate with the real times.
    pub observed: Option<f64>,
    /// The mean estimate over the permutations.
    pub shuffled_mean: Option<f64>,
    /// The 2.5% and 97.5% quantiles of the estimates over the permutations.
    pub shuffled_ci95: Option<[f64; 2]>,
    /// The share of permutations (counting the real times as one) whose estimate is at
    /// least the real one: the p-value that the layer's influence is no larger than under
    /// shuffled times.
    pub p_value: Option<f64>,
}

/// The result of [`shuffle_test`](super::shuffle_test).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShuffleTest {
    /// Permutations run.
    pub permutations: u32,
    /// The p-value per layer key.
    pub p_values: BTreeMap<String, Option<f64>>,
    /// Every layer in detail, in the network's layer order.
    pub layers: Vec<ShuffleLayer>,
    /// The shadow share with the real times.
    pub shadow_share: f64,
    /// The mean shadow share under shuffled times.
    pub shuffled_shadow_share: f64,
}

/// One hidden tie added.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShadowTie {
    /// Who influences (person id).
    pub source: u32,
    /// Who is influenced.
    pub target: u32,
    /// The source's label, or `#id`.
    pub source_label: String,
    /// The target's label, or `#id`.
    pub target_label: String,
    /// The gain in log-likelihood from adding this one tie to the fitted model, with its
    /// own best probability.
    pub score: f64,
    /// That probability (the added tie's own).
    pub probability: f64,
    /// Adoptions of the target that the tie could explain (the source adopted at the right
    /// time before).
    pub support: u32,
}

/// The result of [`infer_shadow`](super::infer_shadow).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ShadowInference {
    /// The network with the added layer (in the schema: a network's JSON form, an object).
    #[cfg_attr(feature = "schema", schemars(with = "serde_json::Map<String, serde_json::Value>"))]
    pub network: Network,
    /// The added layer's name.
    pub layer: String,
    /// Its kind.
    pub kind: LayerKind,
    /// The ties added, best first.
    pub ties: Vec<ShadowTie>,
    /// Pairs scored (not tied in any visible layer, with the right time order somewhere).
    pub candidates_scored: u64,
    /// The fit of the visible layers that the scores build on.
    pub fit: CascadeFit,
}

/// Equal when every field is, the network by its lossless JSON form (a network has no `==`
/// of its own: two networks may hold the same ties in a different internal order).
impl PartialEq for ShadowInference {
    fn eq(&self, other: &Self) -> bool {
        self.layer == other.layer
            && self.kind == other.kind
            && self.ties == other.ties
            && self.candidates_scored == other.candidates_scored
            && self.fit == other.fit
            && self.network.to_json() == other.network.to_json()
    }
}
