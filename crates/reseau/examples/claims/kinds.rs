//! Claim 2: physical acquaintance networks stay the most effective, per tie. Each kind of
//! layer alone carries a campaign and referrals; the answer is read per tie and with the two
//! kinds cut to the same number of ties (the larger kind subsampled by a seeded stream): the
//! core's [`compare_kinds`], which the report's claim-2 line runs too.

use reseau::balance::{CompareKindsRequest, compare_kinds};
pub(crate) use reseau::balance::{KindOutcome, only_kind};
use reseau::referral::{RouteOptions, Strategy};
use reseau::{Network, Result};

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
