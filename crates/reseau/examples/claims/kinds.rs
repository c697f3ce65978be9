//! Claim 2: physical acquaintance networks stay the most effective, per tie. Each kind of
//! layer alone carries a campaign and referrals; the answer is read per tie and with the two
//! kinds cut to the same number of ties (the larger kind subsampled by a seeded stream).

use reseau::cascade::{SimulateRequest, simulate};
use reseau::referral::{ReferralRequest, RouteOptions, Strategy, Workload, route_referrals};
use reseau::rng::Stream;
use reseau::{LayerKind, Network, PersonId, Result, TieSpec};

/// The stream of the subsampling draws.
const SUBSAMPLE: u64 = 0x6b69_6e64;
/// The stream of the campaign seeds' choice.
const SEEDS: u64 = 0x7365_6564;

/// What the comparison runs.
#[derive(Debug, Clone)]
pub(crate) struct KindSettings {
    /// Referral requests (the same on both kinds).
    pub(crate) workload: Workload,
    /// An intermediary's base probability of forwarding.
    pub(crate) forward: f64,
    /// People seeding a campaign, one at a time (drawn once, the same on both kinds).
    pub(crate) sources: u32,
    /// Campaign runs per source.
    pub(crate) runs: u64,
    /// The seed.
    pub(crate) seed: u64,
}

/// One kind's outcome.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct KindOutcome {
    /// Ties of the kind (after subsampling).
    pub(crate) ties: usize,
    /// People reached beyond the source, mean over the sources' campaigns.
    pub(crate) spread: f64,
    /// Its 95% interval (the sources' intervals averaged: each source runs apart).
    pub(crate) spread_ci: [f64; 2],
    /// Referral success rate.
    pub(crate) success: f64,
    /// Its Wilson 95% interval.
    pub(crate) success_ci: [f64; 2],
}

impl KindOutcome {
    /// Spread per 100 ties.
    pub(crate) fn spread_per_tie(&self) -> f64 {
        #[allow(clippy::cast_precision_loss)]
        let ties = self.ties.max(1) as f64;
        100.0 * self.spread / ties
    }

    /// Referral success (in percentage points) per 100 ties.
    pub(crate) fn success_per_tie(&self) -> f64 {
        #[allow(clippy::cast_precision_loss)]
        let ties = self.ties.max(1) as f64;
        100.0 * 100.0 * self.success / ties
    }
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

/// The network with the same people and only the ties of `kind`, `keep` of them at most
/// (a uniform subset drawn from `seed`, in tie order), layer settings kept.
pub(crate) fn only_kind(
    net: &Network,
    kind: LayerKind,
    keep: Option<usize>,
    seed: u64,
) -> Result<Network> {
    let names: Vec<&str> = net.layers().iter().map(|l| l.name.as_str()).collect();
    let mut out = net.without_layers(&names)?;
    for layer in net.layers().iter().filter(|l| l.kind == kind) {
        out.add_layer(layer.clone())?;
    }
    let ties: Vec<_> = net.ties().filter(|t| net.layer(t.layer).kind == kind).collect();
    for i in pick(ties.len(), keep, seed) {
        let t = ties[i];
        let spec = TieSpec { weight: t.weight, sign: t.sign, probability: t.probability };
        out.add_tie_spec(t.source, t.target, net.layer(t.layer).name.as_str(), spec)?;
    }
    Ok(out)
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

fn measure(net: &Network, sources: &[PersonId], s: &KindSettings) -> Result<KindOutcome> {
    let view = net.compiled();
    let (mut spread, mut low, mut high) = (0.0, 0.0, 0.0);
    for &p in sources {
        let c = simulate(&view, &SimulateRequest::new([p.0]).runs(s.runs).seed(s.seed))?;
        spread += c.total.mean - 1.0;
        low += c.total.ci95[0] - 1.0;
        high += c.total.ci95[1] - 1.0;
    }
    let k = f64::from(u32::try_from(sources.len()).unwrap_or(u32::MAX).max(1));
    let options = RouteOptions::new(Strategy::Greedy).forward(s.forward);
    let r = route_referrals(
        &view,
        &ReferralRequest::new(s.workload.clone()).options(options).seed(s.seed),
    )?;
    Ok(KindOutcome {
        ties: net.num_ties(),
        spread: spread / k,
        spread_ci: [low / k, high / k],
        success: r.success_rate,
        success_ci: r.success_ci95,
    })
}

/// Runs the comparison on `net` (which has ties of both kinds).
pub(crate) fn compare(net: &Network, s: &KindSettings) -> Result<KindRow> {
    let mut rng = Stream::new(s.seed, SEEDS);
    let people = net.num_people() as u64;
    #[allow(clippy::cast_possible_truncation)]
    let sources: Vec<PersonId> =
        (0..s.sources).map(|_| PersonId(rng.below(people) as u32)).collect();
    let kinds = [LayerKind::Physical, LayerKind::Digital];
    let alone = kinds.map(|k| only_kind(net, k, None, s.seed));
    let [p, d] = alone;
    let (p, d) = (p?, d?);
    let fewest = p.num_ties().min(d.num_ties());
    let all = [measure(&p, &sources, s)?, measure(&d, &sources, s)?];
    let equal = [
        measure(&only_kind(net, LayerKind::Physical, Some(fewest), s.seed)?, &sources, s)?,
        measure(&only_kind(net, LayerKind::Digital, Some(fewest), s.seed)?, &sources, s)?,
    ];
    Ok(KindRow { all, equal })
}
