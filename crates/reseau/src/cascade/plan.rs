//! What the plain engine ([`plain`](super::plain)) needs to run cascades of one valence on a
//! prepared model: the data only, apart from the engine, so that the prepared model can keep
//! its plans without importing the engine (which reads the prepared model).

use std::sync::OnceLock;

use crate::cascade::model::Valence;

/// How one enabled layer is sampled.
#[derive(Debug, Clone)]
pub(super) enum How {
    /// Geometric skips with the prepared layer's gap table.
    Skips,
    /// Each tie's coin against its threshold; `base` numbers the layer's ties after those of
    /// the layers before it, so that every tie of the network has its own counter.
    Coins { thresholds: Vec<u64>, base: u64 },
    /// Linear Threshold: the prepared layer's weights.
    Weights,
}

/// One enabled layer of a plan: its index and how it is sampled.
#[derive(Debug, Clone)]
pub(super) struct PlanLayer {
    pub(super) index: u32,
    pub(super) how: How,
}

/// What the plain engine needs to run cascades of one valence on a prepared model.
#[derive(Debug, Clone)]
pub(crate) struct Plan {
    pub(super) valence: Valence,
    pub(super) latency: u32,
    pub(super) layers: Vec<PlanLayer>,
    /// Whether a run draws a key (any layer with coins, or Linear Threshold).
    pub(super) keyed: bool,
    /// Counters from here on are people's (Linear Threshold's thresholds).
    pub(super) people_base: u64,
}

/// The plans of a prepared model, for good and for bad buzz, made on first use.
pub(crate) type Plans = [OnceLock<Option<Plan>>; 2];
