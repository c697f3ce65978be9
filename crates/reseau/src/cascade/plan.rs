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

/// A layer's ties for per-tie coins, each person's in an order of the plan's choosing.
///
/// A person whose outgoing ties gain from bucketed subset sampling has them reordered: first
/// the ties drawn one coin each ("dense": few ties of a bucket, or probabilities above 1/8),
/// in slot order, then one run per "sparse" bucket j (ties with threshold in
/// (2^(52−j), 2^(53−j)]), crossed by geometric gaps of 2^−j. Everyone else keeps the layer's
/// order.
#[derive(Debug, Clone, Default)]
pub(super) struct Forward {
    /// Each position's integer threshold (a coin `x` succeeds when `x < threshold`).
    pub(super) thresholds: Vec<u64>,
    /// Each position's target.
    pub(super) targets: Vec<u32>,
    /// Person `u`'s sparse runs are `runs[first[u]..first[u + 1]]`.
    pub(super) first: Vec<u32>,
    pub(super) runs: Vec<SparseRun>,
}

/// The positions `start..end` of one person's ties of bucket `bucket`.
#[derive(Debug, Clone, Copy)]
pub(super) struct SparseRun {
    pub(super) start: u32,
    pub(super) end: u32,
    pub(super) bucket: u32,
}

impl Forward {
    /// Person `u`'s sparse runs (none for most people).
    #[inline]
    pub(super) fn runs_of(&self, u: u32) -> &[SparseRun] {
        &self.runs[self.first[u as usize] as usize..self.first[u as usize + 1] as usize]
    }
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
    /// By layer of `layers`, the coins of those whose ties are bucketed ([`Forward`], the
    /// layer's `How::Coins` then holds no thresholds); `None` when no layer has any, and the
    /// plain engine's loop for them is apart.
    pub(super) buckets: Option<Box<[Option<Forward>]>>,
    /// Counters from here on are people's (Linear Threshold's thresholds).
    pub(super) people_base: u64,
}

/// The plans of a prepared model, for good and for bad buzz, made on first use.
pub(crate) type Plans = [OnceLock<Option<Plan>>; 2];
