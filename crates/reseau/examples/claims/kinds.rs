//! Claim 2: physical acquaintance networks stay the most effective, per tie. Each kind of
//! layer alone carries a campaign and referrals; the answer is read per tie and with the two
//! kinds cut to the same number of ties (the larger kind subsampled by a seeded stream): the
//! core's [`compare_kinds`], which the report's claim-2 line runs too.

use reseau::balance::{CompareKindsRequest, compare_kinds};
pub(crate) use reseau::balance::{KindOutcome, only_kind};
use reseau::referral::{RouteOptions, Strategy};
use reseau::rng::Stream;
use reseau::{Network, Result};

/// The stream of the subsampling draws (as the core's, for the shadow layer's cuts).
const SUBSAMPLE: u64 = 0x6b69_6e64;

/// What the comparison runs.
#[derive(Debug, Clone)]
pub(crate) struct KindSettings {
    /// Random referral requests per step and steps (the same on both kinds).
    pub(crate) workload: (f64, u32),
    /// An intermediary's base probability of forwarding.
    pub(crate) forward: f64,
    /// People seeding a campaign, one at a time (drawn once, the same on both kinds).
    pub(crate) sources: u32,
    /// Campaign runs per source.
    pub(crate) runs: u64,
    /// The seed.
    pub(crate) seed: u64,
}

/// Both kinds, as given and with equal tie counts: `[physical, digital]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct KindRow {
    /// Every tie of each kind.
    pub(crate) all: [KindOutcome; 2],
    /// The larger kind cut to the smaller one's tie count.
    pub(crate) equal: [KindOutcome; 2],
}

/// Who wins a comparison, by disjoint 95% intervals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Winner {
    /// Physical ties do clearly better.
    Physical,
    /// Digital ties do clearly better.
    Digital,
    /// The intervals overlap.
    Neither,
}

/// The winner of two intervals (physical first).
pub(crate) fn winner(physical: [f64; 2], digital: [f64; 2]) -> Winner {
    if physical[0] > digital[1] {
        Winner::Physical
    } else if digital[0] > physical[1] {
        Winner::Digital
    } else {
        Winner::Neither
    }
}

/// `keep` of the indices `0..n` (all when `None` or more than `n`), a uniform subset drawn
/// from `seed`, in increasing order.
pub(crate) fn pick(n: usize, keep: Option<usize>, seed: u64) -> Vec<usize> {
    let mut chosen: Vec<usize> = (0..n).collect();
    let keep = keep.unwrap_or(n).min(n);
    // A partial Fisher–Yates shuffle: the first `keep` places are a uniform subset.
    let mut rng = Stream::new(seed, SUBSAMPLE);
    for i in 0..keep {
        #[allow(clippy::cast_possible_truncation)]
        let j = i + rng.below((n - i) as u64) as usize;
        chosen.swap(i, j);
    }
    chosen.truncate(keep);
    chosen.sort_unstable();
    chosen
}

/// Runs the comparison on `net` (which has ties of both kinds), greedy routing.
pub(crate) fn compare(net: &Network, s: &KindSettings) -> Result<KindRow> {
    let request = CompareKindsRequest {
        sources: s.sources,
        runs: s.runs,
        rate: s.workload.0,
        steps: s.workload.1,
        seed: s.seed,
        ..CompareKindsRequest::default()
    }
    .with_routing(RouteOptions::new(Strategy::Greedy).forward(s.forward));
    let c = compare_kinds(net, &request)?;
    Ok(KindRow { all: [c.physical, c.digital], equal: [c.physical_equal, c.digital_equal] })
}
