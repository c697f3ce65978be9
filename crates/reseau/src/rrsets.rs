//! Reverse-reachable (RR) sets: the sampling that IMM, OPIM-C and the influence score share.
//!
//! An RR set is drawn by picking a person v uniformly and collecting everyone who would have
//! convinced v in one random live-edge world (Borgs et al. 2014): under Independent Cascade and
//! the weighted cascade each tie is live with its probability, and the set is a breadth-first
//! search backwards from v over live ties; under Linear Threshold each person keeps at most one
//! incoming tie, tie (u, v) with its normalised weight, and the set is a backward random walk.
//! A seed set S convinces v exactly when it meets v's RR set, so n times the fraction of RR sets
//! that S meets is an unbiased estimate of S's expected spread.
//!
//! The probabilities come from [`Prepared`], the same resolution of the model that the cascade
//! engine runs on, so that selection and simulation agree on every tie. Sets are drawn in
//! fixed blocks of 256, block `b` from the stream `(seed, b)`, and the blocks are concatenated
//! in order, so a collection is the same for any number of threads.

// The docs write maths as the papers do (S_j, d_v, θ_max).
#![allow(clippy::doc_markdown)]

use std::borrow::Cow;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

use crate::cascade::Model;
use crate::cascade::ModelKind;
use crate::cascade::engine::attempt_probability;
use crate::cascade::prepared::Prepared;
use crate::compiled::CompiledNetwork;
use crate::control::Control;
use crate::error::{Error, Result};
use crate::memory::Budget;
use crate::model::PersonKind;
use crate::rng::{GapTable, Stream};
use crate::subset::Buckets;

/// How a layer's incoming ties are sampled.
#[derive(Debug, Clone)]
enum Live {
    /// Every tie live with one probability p: skip over in-neighbours geometrically.
    /// `powers[j]` is (1 − p)^j, as far as the longest incoming list (at most 2^16). When r
    /// ties are left and (1 − p)^r ≥ ½, one uniform u below (1 − p)^r says that none is live
    /// (the common case), and otherwise the gap to the first live one is the number of powers
    /// (1 − p)^j, 1 ≤ j ≤ r, above u. When more are expected, the engine's gap table draws
    /// the gaps.
    Uniform { p: f64, gaps: GapTable, powers: Vec<f64> },
    /// Independent Cascade: each slot's live probability. Linear Threshold: each slot's
    /// cumulative weight within its person's incoming list.
    PerTie(Vec<f32>),
    /// Independent Cascade where all of a person's incoming ties share one probability (the
    /// weighted cascade on a plain layer): that probability, per person. No per-tie array.
    PerPerson(Vec<f32>),
}

/// One layer's incoming ties: `sources[offsets[v]..offsets[v + 1]]` can convince `v`.
#[derive(Debug, Clone)]
struct Incoming<'a> {
    offsets: Cow<'a, [u32]>,
    sources: Cow<'a, [u32]>,
    live: Live,
    /// Independent Cascade, per person: the probability all their incoming ties share (the
    /// weighted cascade's 1/in-degree), when there are at least [`SHARED_MIN`] of them and
    /// none live has a chance of at least 10^−3; NaN otherwise; empty when unused. Such a
    /// person's live ties are drawn as a binomial count, then that many distinct ties, in
    /// about two draws however many ties there are.
    shared: Vec<Shared>,
    /// Independent Cascade per tie: the long incoming lists whose ties do not share one
    /// probability, grouped by probability bucket for subset sampling ([`crate::subset`]).
    buckets: Buckets,
}

/// A person's shared probability `p` (NaN when their ties do not share one) and the chance
/// (1 − p)^d that none of their d ties is live, worked out once rather than per visit.
#[derive(Debug, Clone, Copy)]
struct Shared {
    p: f32,
    none: f64,
}

impl Shared {
    const NO: Shared = Shared { p: f32::NAN, none: f64::NAN };

    /// `p` shared by `d` ties, if they are worth the binomial draw.
    fn new(p: f32, d: usize) -> Self {
        if d < SHARED_MIN || p.is_nan() || p >= 1.0 {
            return Self::NO;
        }
        let none = powi(1.0 - f64::from(p), d);
        if none >= 1e-3 { Shared { p, none } } else { Self::NO }
    }
}

/// The fewest incoming ties worth the binomial draw.
const SHARED_MIN: usize = 4;

impl Incoming<'_> {
    #[inline]
    fn range(&self, v: u32) -> std::ops::Range<usize> {
        self.offsets[v as usize] as usize..self.offsets[v as usize + 1] as usize
    }

    /// Independent Cascade per tie: the chance of `slot`.
    #[inline]
    fn tie_chance(&self, slot: usize) -> f32 {
        match &self.live {
            Live::PerTie(probabilities) => probabilities[slot],
            _ => 0.0,
        }
    }
}

/// The network seen backwards with every tie's live probability: what RR sets are drawn from.
#[derive(Debug, Clone)]
pub(crate) struct LiveGraph<'a> {
    n: usize,
    /// A backward walk (Linear Threshold) rather than a backward search.
    walk: bool,
    /// Incoming ties per enabled layer (one merged list under Linear Threshold).
    layers: Vec<Incoming<'a>>,
    /// Whether RR sets sample the model exactly (a live-edge model; see [`LiveGraph::new`]).
    pub(crate) exact: bool,
    /// 2^64 mod n: draws below it are rejected so that roots are uniform.
    reject: u64,
}

impl<'a> LiveGraph<'a> {
    /// The live-edge view of `model` on `net`, fatigue left aside (fatigue is not a live-edge
    /// model; the independent evaluation applies it).
    ///
    /// RR sets sample the model exactly, and `exact` is true, unless one of these holds: media
    /// people with a pickup threshold above 1 (their in-ties are then taken as always live, as
    /// a threshold of 1 would have them) or under Linear Threshold (media are then treated as
    /// ordinary people); fixed LT thresholds (RR sets assume uniform random thresholds); LT
    /// weights whose total into a person exceeds 1 (a valence multiplier above 1); inverted
    /// distrust with different good and bad multipliers.
    pub(crate) fn new(net: &'a CompiledNetwork, model: &Model) -> Result<Self> {
        let mut plain = model.clone();
        plain.fatigue = None;
        match Self::weighted_plain(net, &plain)? {
            Some(graph) => Ok(graph),
            None => Self::general(net, &plain),
        }
    }

    /// [`LiveGraph::new`] for any model, tie by tie through [`Prepared`] (`model` without
    /// fatigue).
    fn general(net: &'a CompiledNetwork, plain: &Model) -> Result<Self> {
        let model = plain;
        let prep = Prepared::new(net, plain)?;
        let n = net.num_people();
        let walk = prep.kind == ModelKind::LinearThreshold;
        let mut exact = !(prep.has_media && (walk || prep.media_threshold > 1))
            && !(walk && prep.thresholds.is_some())
            && !(model.distrust == crate::cascade::Distrust::Invert
                && model.good_multiplier.to_bits() != model.bad_multiplier.to_bits());
        let mut layers = Vec::new();
        if walk {
            let merged = lt_incoming(&prep);
            if let Live::PerTie(cumulative) = &merged.live {
                exact &= (0..n as u32).all(|v| {
                    let r = merged.range(v);
                    r.is_empty() || cumulative[r.end - 1] <= 1.0 + 1e-6
                });
            }
            layers.push(merged);
        } else {
            for (l, pl) in prep.layers.iter().enumerate() {
                if !pl.enabled {
                    continue;
                }
                let layer = &net.layers()[l];
                if let (Some(p), Some(gaps)) = (pl.uniform, &pl.gaps) {
                    let p = crate::rng::resolved((p * prep.valence_multiplier[0]).min(1.0));
                    if p <= 0.0 {
                        continue;
                    }
                    let (offsets, sources): (Cow<'a, [u32]>, Cow<'a, [u32]>) = if layer.directed {
                        let (offsets, sources, _) =
                            reverse(n, layer, Values::Drop, |_, _| Some(0.0));
                        (offsets.into(), sources.into())
                    } else {
                        // An undirected layer is its own transpose.
                        (Cow::Borrowed(layer.offsets()), Cow::Borrowed(layer.targets()))
                    };
                    let longest = offsets.windows(2).map(|w| w[1] - w[0]).max().unwrap_or(0);
                    let powers = powers(p, longest as usize);
                    let live = Live::Uniform { p, gaps: gaps[0].clone(), powers };
                    layers.push(Incoming {
                        offsets,
                        sources,
                        live,
                        shared: Vec::new(),
                        buckets: Buckets::default(),
                    });
                    continue;
                }
                let values = prep.values(l);
                let (offsets, sources, probabilities) =
                    reverse(n, layer, Values::Keep, |_, slot| {
                        let p = live_probability(&prep, l, values, slot);
                        (p > 0.0).then_some(p as f32)
                    });
                let shared = shared_probabilities(&offsets, &probabilities);
                let buckets = Buckets::new(&offsets, &probabilities, |v| {
                    shared.get(v).is_none_or(|s| s.p.is_nan())
                });
                layers.push(Incoming {
                    offsets: offsets.into(),
                    sources: sources.into(),
                    live: Live::PerTie(probabilities),
                    shared,
                    buckets,
                });
            }
        }
        let reject = (n as u64).max(1).wrapping_neg() % (n as u64).max(1);
        Ok(LiveGraph { n, walk, layers, exact, reject })
    }

    /// The weighted cascade when every enabled layer is plain (no tie probabilities, no
    /// parallel or distrust ties) and nobody is media or an amplified influencer: each tie into
    /// `v` then carries the same chance, 1/in-degree(v) times the layer's multiplier, then the
    /// good-buzz multiplier, each capped at 1, exactly as [`Prepared`] and the engine work it
    /// out. One chance per person is all the sampler needs, and an undirected layer is its own
    /// transpose (its in-degrees are its out-degrees), so such a layer costs no pass over its
    /// ties at all: on large networks the per-tie passes, random writes for the most part,
    /// cost more than the sampling. `None` when the model is anything else.
    fn weighted_plain(net: &'a CompiledNetwork, model: &Model) -> Result<Option<Self>> {
        if model.kind != ModelKind::WeightedCascade {
            return Ok(None);
        }
        crate::cascade::prepared::check(net, model)?;
        let defaults = crate::cascade::LayerSettings::default();
        let has_influencer = net.kinds().contains(&PersonKind::Influencer);
        let amplified = |layer: &crate::CompiledLayer| {
            layer.kind == crate::model::LayerKind::Digital
                && has_influencer
                && model.amplifiers.influencer_multiplier.to_bits() != 1f64.to_bits()
        };
        let settings: Vec<_> =
            net.layers().iter().map(|l| model.layers.get(&l.name).unwrap_or(&defaults)).collect();
        let fits = net
            .layers()
            .iter()
            .zip(&settings)
            .all(|(l, s)| !s.enabled || (l.is_plain() && !amplified(l)));
        if !fits || net.kinds().contains(&PersonKind::Media) {
            return Ok(None);
        }
        let n = net.num_people();
        let mut layers = Vec::new();
        for (layer, s) in net.layers().iter().zip(&settings) {
            if !s.enabled {
                continue;
            }
            let (offsets, sources): (Cow<'a, [u32]>, Cow<'a, [u32]>) = if layer.directed {
                let (offsets, sources, _) = reverse(n, layer, Values::Drop, |_, _| Some(0.0));
                (offsets.into(), sources.into())
            } else {
                (Cow::Borrowed(layer.offsets()), Cow::Borrowed(layer.targets()))
            };
            let chance: Vec<f32> = offsets
                .windows(2)
                .map(|w| {
                    // Prepared's slot value, then the engine's attempt probability.
                    let degree = f64::from((w[1] - w[0]).max(1));
                    let value = crate::rng::resolved((1.0 / degree * s.multiplier).min(1.0)) as f32;
                    if value <= 0.0 {
                        return 0.0;
                    }
                    attempt_probability(f64::from(value), model.good_multiplier, 1) as f32
                })
                .collect();
            let shared = shared_by_person(&offsets, &chance);
            layers.push(Incoming {
                offsets,
                sources,
                live: Live::PerPerson(chance),
                shared,
                buckets: Buckets::default(),
            });
        }
        let exact = !(model.distrust == crate::cascade::Distrust::Invert
            && model.good_multiplier.to_bits() != model.bad_multiplier.to_bits());
        let reject = (n as u64).max(1).wrapping_neg() % (n as u64).max(1);
        Ok(Some(LiveGraph { n, walk: false, layers, exact, reject }))
    }

    /// The number of layers with bucketed people (tests).
    #[cfg(test)]
    pub(crate) fn layers_bucketed(&self) -> usize {
        self.layers.iter().filter(|l| (0..self.n as u32).any(|v| l.buckets.has(v))).count()
    }

    /// This graph with its own copy of what it borrowed from the network (an undirected
    /// layer's ties, its own transpose), so that it outlives the borrow: a shard of a
    /// distributed selection keeps it across rounds rather than preparing it each round.
    pub(crate) fn into_owned(self) -> LiveGraph<'static> {
        let layers = self
            .layers
            .into_iter()
            .map(|Incoming { offsets, sources, live, shared, buckets }| Incoming {
                offsets: Cow::Owned(offsets.into_owned()),
                sources: Cow::Owned(sources.into_owned()),
                live,
                shared,
                buckets,
            })
            .collect();
        let LiveGraph { n, walk, exact, reject, .. } = self;
        LiveGraph { n, walk, layers, exact, reject }
    }

    /// The number of people.
    pub(crate) fn num_people(&self) -> usize {
        self.n
    }

    /// Calls `f(u, p)` for every tie into `v` that can carry the message: `u` convinces `v`
    /// through it with probability `p` (Linear Threshold: `v` keeps that tie with probability
    /// `p`).
    pub(crate) fn for_each_incoming(&self, v: u32, mut f: impl FnMut(u32, f64)) {
        for layer in &self.layers {
            let r = layer.range(v);
            match &layer.live {
                Live::Uniform { p, .. } => {
                    for &u in &layer.sources[r] {
                        f(u, *p);
                    }
                }
                Live::PerTie(values) if self.walk => {
                    let mut before = 0.0;
                    for slot in r {
                        let c = f64::from(values[slot]);
                        f(layer.sources[slot], c - before);
                        before = c;
                    }
                }
                Live::PerTie(values) => {
                    for slot in r {
                        f(layer.sources[slot], f64::from(values[slot]));
                    }
                }
                Live::PerPerson(chance) => {
                    let p = f64::from(chance[v as usize]);
                    if p > 0.0 {
                        for &u in &layer.sources[r] {
                            f(u, p);
                        }
                    }
                }
            }
        }
    }

    /// A uniform person: [`Stream::below`] with its rejection threshold worked out once.
    #[inline]
    fn root(&self, rng: &mut Stream) -> u32 {
        let n = self.n as u64;
        loop {
            let m = u128::from(rng.next_u64()) * u128::from(n);
            if (m as u64) >= self.reject {
                return (m >> 64) as u32;
            }
        }
    }

    /// Linear Threshold's RR set from `root`: a backward random walk, each person keeping one
    /// incoming tie or none, until it closes a cycle or meets `stops` (then true, `out` cut
    /// back to `start`).
    fn walk_until(
        &self,
        rng: &mut Stream,
        mark: &mut [u32],
        out: &mut Vec<u32>,
        [root, epoch]: [u32; 2],
        start: usize,
        stops: impl Fn(u32) -> bool,
    ) -> bool {
        let Some(layer) = self.layers.first() else { return false };
        let Live::PerTie(cumulative) = &layer.live else { return false };
        let mut v = root;
        loop {
            let r = layer.range(v);
            if r.is_empty() {
                return false;
            }
            let x = rng.uniform();
            let i = cumulative[r.clone()].partition_point(|&c| f64::from(c) <= x);
            if i == r.len() {
                return false; // no incoming tie kept
            }
            let u = layer.sources[r.start + i];
            if !add_member(u, root, start, epoch, mark, out) {
                return false; // the walk closed a cycle
            }
            if stops(u) {
                out.truncate(start);
                return true;
            }
            v = u;
        }
    }

    /// Draws one RR set with `rng` and appends it to `out` (its first element is the root).
    #[cfg(test)]
    pub(crate) fn sample(&self, rng: &mut Stream, scratch: &mut Scratch, out: &mut Vec<u32>) {
        self.sample_until(rng, scratch, out, |_| false);
    }

    /// [`LiveGraph::sample`], stopped as soon as the set meets someone for whom `stops` is
    /// true (HIST's sentinel set): such a set is covered by them whatever else it holds, so
    /// nothing of it is kept, and the call returns true with `out` as it was. The random
    /// draws up to that point are those of the full set. Generic, so that whole sets
    /// (`|_| false`) pay nothing for the test.
    pub(crate) fn sample_until(
        &self,
        rng: &mut Stream,
        scratch: &mut Scratch,
        out: &mut Vec<u32>,
        stops: impl Fn(u32) -> bool,
    ) -> bool {
        let epoch = scratch.next_epoch();
        let mark = &mut scratch.mark;
        let root = self.root(rng);
        let start = out.len();
        if stops(root) {
            return true;
        }
        out.push(root);
        let joined = |u: u32, mark: &mut [u32], out: &mut Vec<u32>| {
            add_member(u, root, start, epoch, mark, out)
        };
        if self.walk {
            return self.walk_until(rng, mark, out, [root, epoch], start, &stops);
        }
        // Whether someone who joined is in `stop`: checked after each person's ties.
        let mut hit = false;
        let mut head = start;
        while head < out.len() {
            if hit {
                out.truncate(start);
                return true;
            }
            let v = out[head];
            head += 1;
            for layer in &self.layers {
                let r = layer.range(v);
                match &layer.live {
                    Live::Uniform { gaps, powers, .. } => {
                        let mut slot = r.start;
                        loop {
                            let left = r.end - slot;
                            // Few live ties expected: one draw usually settles them all.
                            let skip = if left < powers.len() && powers[left] >= 0.5 {
                                let u = rng.uniform();
                                if u < powers[left] {
                                    break;
                                }
                                powers[1..=left].partition_point(|&t| u < t)
                            } else {
                                let skip = gaps.sample(rng);
                                if skip >= left as u64 {
                                    break;
                                }
                                skip as usize
                            };
                            slot += skip;
                            let u = layer.sources[slot];
                            hit |= joined(u, mark, out) && stops(u);
                            slot += 1;
                        }
                    }
                    Live::PerTie(_) | Live::PerPerson(_)
                        if !layer.shared.is_empty() && !layer.shared[v as usize].p.is_nan() =>
                    {
                        let shared = layer.shared[v as usize];
                        live_positions(f64::from(shared.p), shared.none, r.len(), rng, |i| {
                            let u = layer.sources[r.start + i];
                            hit |= joined(u, mark, out) && stops(u);
                        });
                    }
                    Live::PerTie(probabilities) if layer.buckets.has(v) => {
                        // Long lists of unequal chances: geometric skips per bucket.
                        layer.buckets.sample(v, probabilities, rng, |slot, rng, accept| {
                            let u = layer.sources[slot];
                            // As below: a tie from someone already in the set needs no draw.
                            if u != root
                                && mark[u as usize] != epoch
                                && crate::subset::accepted(rng, accept)
                            {
                                hit |= joined(u, mark, out) && stops(u);
                            }
                        });
                    }
                    Live::PerTie(_) | Live::PerPerson(_) => {
                        let own = match &layer.live {
                            Live::PerPerson(chance) => Some(chance[v as usize]),
                            _ => None,
                        };
                        // Ties that cannot carry the message are absent (as `reverse` drops
                        // them on the per-tie path): no draws.
                        if own.is_some_and(|p| p <= 0.0) {
                            continue;
                        }
                        for slot in r {
                            let u = layer.sources[slot];
                            // A tie from someone already in the set changes nothing: no draw.
                            if u == root || mark[u as usize] == epoch {
                                continue;
                            }
                            let p = own.unwrap_or_else(|| layer.tie_chance(slot));
                            if p >= 1.0 || rng.uniform() < f64::from(p) {
                                hit |= joined(u, mark, out) && stops(u);
                            }
                        }
                    }
                }
            }
        }
        if hit {
            out.truncate(start);
        }
        hit
    }
}

/// Adds `u` to the set drawn from `root` into `out[start..]` unless it is there already;
/// whether it was added. The root is marked only once someone else joins: most sets under
/// low probabilities are the root alone, and are then drawn without touching the marks at all.
#[inline]
fn add_member(
    u: u32,
    root: u32,
    start: usize,
    epoch: u32,
    mark: &mut [u32],
    out: &mut Vec<u32>,
) -> bool {
    if out.len() == start + 1 {
        // Nobody but the root is marked yet: no need to read u's mark.
        if u == root {
            return false;
        }
        mark[root as usize] = epoch;
    } else if u == root || mark[u as usize] == epoch {
        return false;
    }
    mark[u as usize] = epoch;
    out.push(u);
    true
}

/// Per person, the probability shared by all their incoming ties (see [`Incoming::shared`]).
fn shared_probabilities(offsets: &[u32], probabilities: &[f32]) -> Vec<Shared> {
    let shared: Vec<Shared> = offsets
        .windows(2)
        .map(|w| {
            let ties = &probabilities[w[0] as usize..w[1] as usize];
            let p = ties.first().copied().unwrap_or(f32::NAN);
            if ties.iter().all(|x| x.to_bits() == p.to_bits()) {
                Shared::new(p, ties.len())
            } else {
                Shared::NO
            }
        })
        .collect();
    if shared.iter().any(|s| !s.p.is_nan()) { shared } else { Vec::new() }
}

/// [`shared_probabilities`] when each person's ties are known to share `chance[v]` (ties of
/// chance 0 count as absent, as [`reverse`] drops them).
fn shared_by_person(offsets: &[u32], chance: &[f32]) -> Vec<Shared> {
    let shared: Vec<Shared> = offsets
        .windows(2)
        .zip(chance)
        .map(|(w, &p)| if p > 0.0 { Shared::new(p, (w[1] - w[0]) as usize) } else { Shared::NO })
        .collect();
    if shared.iter().any(|s| !s.p.is_nan()) { shared } else { Vec::new() }
}

/// `x`^`n` by squaring, in a fixed order: the same bits on every platform.
fn powi(x: f64, mut n: usize) -> f64 {
    let (mut base, mut acc) = (x, 1.0);
    while n > 0 {
        if n & 1 == 1 {
            acc *= base;
        }
        n >>= 1;
        base *= base;
    }
    acc
}

/// The positions of the live ties among `d` ties each live with probability `p` (`p` < 1):
/// a Binomial(d, p) count K by inversion from `none` = (1 − p)^d (ratios of successive
/// probabilities, no logarithm), then K distinct positions, by rejection when K is small
/// against d and by selection sampling otherwise; `live` is called with each.
fn live_positions(p: f64, none: f64, d: usize, rng: &mut Stream, mut live: impl FnMut(usize)) {
    let q = 1.0 - p;
    let mut pk = none;
    let u = rng.uniform();
    let (mut k, mut cumulative) = (0usize, pk);
    while u >= cumulative && k < d {
        pk *= (d - k) as f64 / (k + 1) as f64 * (p / q);
        k += 1;
        cumulative += pk;
    }
    if k == 0 {
        return;
    }
    if k <= 8 && k * 4 <= d {
        let mut chosen = [0usize; 8];
        let mut c = 0;
        while c < k {
            let i = rng.below(d as u64) as usize;
            if !chosen[..c].contains(&i) {
                chosen[c] = i;
                c += 1;
                live(i);
            }
        }
        return;
    }
    let mut left = k;
    for i in 0..d {
        if (rng.uniform() * (d - i) as f64) < left as f64 {
            live(i);
            left -= 1;
            if left == 0 {
                return;
            }
        }
    }
}

/// (1 − p)^j for j = 0 ..= `longest` (at most 2^16), by repeated multiplication: the same
/// bits on every platform.
fn powers(p: f64, longest: usize) -> Vec<f64> {
    let q = 1.0 - p;
    let mut out = Vec::with_capacity(longest.min(1 << 16) + 1);
    let mut t = 1.0;
    for _ in 0..=longest.min(1 << 16) {
        out.push(t);
        t *= q;
    }
    out
}

/// The chance that forward slot `slot` of layer `l` (whose prepared values are `values`) is
/// live: the engine's attempt probability for good buzz (bad buzz across an inverting distrust
/// tie), and 1 for a tie into a media person, which counts its sources whatever the ties'
/// probabilities.
fn live_probability(prep: &Prepared<'_>, l: usize, values: &[f32], slot: usize) -> f64 {
    let layer = &prep.net.layers()[l];
    let v = layer.targets()[slot];
    let negative = layer.signs()[slot] < 0;
    let blocked = negative && prep.distrust == crate::cascade::Distrust::Block;
    if prep.has_media && prep.net.kinds()[v as usize] == PersonKind::Media {
        return if blocked { 0.0 } else { 1.0 };
    }
    let value = f64::from(values[slot]);
    if value <= 0.0 {
        return 0.0;
    }
    let multiplier = prep.valence_multiplier[usize::from(negative && !blocked)];
    attempt_probability(value, multiplier, layer.multiplicity()[slot])
}

/// Linear Threshold: every enabled layer's incoming ties merged per person, with cumulative
/// weights (the engine's normalised weight times the good-buzz multiplier).
fn lt_incoming(prep: &Prepared<'_>) -> Incoming<'static> {
    let net = prep.net;
    let n = net.num_people();
    let multiplier = prep.valence_multiplier[0];
    let mut counts = vec![0u32; n + 1];
    let mut ties: Vec<(u32, u32, f64)> = Vec::new();
    for (l, pl) in prep.layers.iter().enumerate() {
        if !pl.enabled {
            continue;
        }
        let (layer, values) = (&net.layers()[l], prep.values(l));
        for u in 0..n as u32 {
            for slot in layer.range(u) {
                let w = f64::from(values[slot]) * multiplier;
                if w > 0.0 {
                    let v = layer.targets()[slot];
                    counts[v as usize + 1] += 1;
                    ties.push((v, u, w));
                }
            }
        }
    }
    for i in 0..n {
        counts[i + 1] += counts[i];
    }
    let mut fill = counts.clone();
    let mut sources = vec![0u32; ties.len()];
    let mut weights = vec![0f64; ties.len()];
    for (v, u, w) in ties {
        let at = fill[v as usize] as usize;
        fill[v as usize] += 1;
        sources[at] = u;
        weights[at] = w;
    }
    let mut cumulative = vec![0f32; weights.len()];
    for v in 0..n {
        let mut total = 0.0;
        for slot in counts[v] as usize..counts[v + 1] as usize {
            total += weights[slot];
            cumulative[slot] = total as f32;
        }
    }
    Incoming {
        offsets: counts.into(),
        sources: sources.into(),
        live: Live::PerTie(cumulative),
        shared: Vec::new(),
        buckets: Buckets::default(),
    }
}

/// Whether [`reverse`] keeps each slot's value or only its structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Values {
    Keep,
    Drop,
}

/// The transpose of `layer` keeping the slots for which `keep(u, slot)` gives a value, in the
/// order of their sources (a counting sort: deterministic); the values themselves only with
/// [`Values::Keep`].
fn reverse(
    n: usize,
    layer: &crate::CompiledLayer,
    values: Values,
    keep: impl Fn(u32, usize) -> Option<f32>,
) -> (Vec<u32>, Vec<u32>, Vec<f32>) {
    let mut offsets = vec![0u32; n + 1];
    for u in 0..n as u32 {
        for slot in layer.range(u) {
            if keep(u, slot).is_some() {
                offsets[layer.targets()[slot] as usize + 1] += 1;
            }
        }
    }
    for i in 0..n {
        offsets[i + 1] += offsets[i];
    }
    let m = offsets[n] as usize;
    let mut fill = offsets.clone();
    let mut sources = vec![0u32; m];
    let mut kept = if values == Values::Keep { vec![0f32; m] } else { Vec::new() };
    for u in 0..n as u32 {
        for slot in layer.range(u) {
            if let Some(x) = keep(u, slot) {
                let v = layer.targets()[slot] as usize;
                let at = fill[v] as usize;
                fill[v] += 1;
                sources[at] = u;
                if values == Values::Keep {
                    kept[at] = x;
                }
            }
        }
    }
    (offsets, sources, kept)
}

/// Per-thread marks, stamped with the sample's number so that nothing is cleared between
/// samples.
#[derive(Debug, Clone)]
pub(crate) struct Scratch {
    mark: Vec<u32>,
    epoch: u32,
}

impl Scratch {
    pub(crate) fn new(n: usize) -> Self {
        Scratch { mark: vec![0; n], epoch: 0 }
    }

    fn next_epoch(&mut self) -> u32 {
        self.epoch = self.epoch.wrapping_add(1);
        if self.epoch == 0 {
            self.mark.fill(0);
            self.epoch = 1;
        }
        self.epoch
    }
}

/// Sets per block: the unit of parallel work and of a random stream.
pub(crate) const BLOCK: u64 = 256;
/// Blocks each worker draws between two appends (bounds the memory held by unmerged blocks).
const ROUND_BLOCKS: u64 = 256;
/// [`ROUND_BLOCKS`] for a compressed collection: its sets wait flat, four bytes a member,
/// until appended, so they are appended sooner.
const PACKED_ROUND_BLOCKS: u64 = 16;

/// A collection of RR sets. Sets of one person, most sets under low probabilities, are only
/// counted per person: they need neither storage nor an index. Larger sets are stored flat,
/// one after another in `nodes`.
///
/// Set ends are kept as their low 32 bits plus the short list of sets where the end passed
/// another multiple of 2^32, so that a set costs 4 bytes of bookkeeping however large the
/// collection.
///
/// A [compressed](RrSets::compressed) collection keeps each set's members sorted and
/// delta-coded as varints ([`crate::varint`]) in one byte array instead, the ends then
/// counting bytes: the same sets, in the same order, in a half to a third of the memory.
#[derive(Debug, Clone)]
pub(crate) struct RrSets {
    nodes: Vec<u32>,
    /// The compressed storage, when chosen (`nodes` then stays empty).
    packed: Option<Box<Packed>>,
    ends: Vec<u32>,
    /// `wraps[j]`: the first set whose end is at least (j + 1) · 2^32.
    wraps: Vec<u32>,
    /// Sets of one person, per person.
    singles: Vec<u32>,
    /// The people with a set of their own, in the order of their first: what a growing
    /// [`Index`] reads to learn who is met without a pass over everyone.
    single_people: Vec<u32>,
    /// All sets, singletons included.
    total: u64,
    /// Sets that met `stop` and were cut short (kept as this count only).
    hits: u64,
    /// HIST's sentinel set, when the sets stop on meeting it (see [`RrSets::truncated`]).
    stop: Option<Arc<[bool]>>,
    /// Sets per block (see [`RrSets::extend_to`]).
    block: u64,
    /// The workers' marks, kept from one draw to the next: a draw of a few blocks costs
    /// what it draws, not a pass over everyone.
    scratches: Vec<Scratch>,
}

/// How a collection stores its sets of two people or more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Storage {
    /// One `u32` per member (the fastest).
    #[default]
    Flat,
    /// Members sorted and delta-coded as varints (see [`RrSets::compressed`]).
    Compressed,
}

/// A compressed collection's storage (see [`RrSets::compressed`]).
#[derive(Debug, Clone, Default)]
struct Packed {
    /// Each set's members, sorted, delta-coded.
    bytes: Vec<u8>,
    /// Members of the stored sets, in all.
    members: u64,
    /// Per person, the last stored set holding them: the index's next gap starts there.
    last: Vec<u32>,
    /// The bytes of the compressed [`Index`] over the sets stored so far.
    index_bytes: u64,
    /// Room to sort a set before it is stored.
    sorted: Vec<u32>,
}

impl RrSets {
    /// An empty collection over `n` people.
    pub(crate) fn new(n: usize) -> Self {
        RrSets {
            nodes: Vec::new(),
            packed: None,
            ends: Vec::new(),
            wraps: Vec::new(),
            singles: vec![0; n],
            single_people: Vec::new(),
            total: 0,
            hits: 0,
            stop: None,
            block: BLOCK,
            scratches: Vec::new(),
        }
    }

    /// This (empty) collection drawn in blocks of `block` sets rather than [`BLOCK`]: smaller
    /// blocks for a collection that may stay small while its sets are large (HIST's first
    /// phase). Block `b` is still drawn from the stream `(seed, b)`.
    pub(crate) fn in_blocks_of(mut self, block: u64) -> Self {
        self.block = block.max(1);
        self
    }

    /// This (empty) collection stored compressed: each set's members sorted and delta-coded
    /// as varints, one or two bytes a member where flat storage takes four, and the [`Index`]
    /// over them likewise. The sets, their order and every count are those of flat storage
    /// (the algorithms never depend on the order within a set), at the cost of decoding.
    pub(crate) fn compressed(mut self) -> Self {
        let n = self.singles.len();
        self.packed = Some(Box::new(Packed { last: vec![0; n], ..Packed::default() }));
        self
    }

    /// This (empty) collection with `storage`.
    pub(crate) fn stored(self, storage: Storage) -> Self {
        match storage {
            Storage::Flat => self,
            Storage::Compressed => self.compressed(),
        }
    }

    /// Whether the collection is [compressed](RrSets::compressed).
    pub(crate) fn is_compressed(&self) -> bool {
        self.packed.is_some()
    }

    /// Members of the sets of two people or more, in all.
    pub(crate) fn members(&self) -> u64 {
        self.packed.as_ref().map_or(self.nodes.len() as u64, |p| p.members)
    }

    /// The bytes holding the sets of two people or more: members and ends.
    pub(crate) fn stored_bytes(&self) -> u64 {
        let members = self.packed.as_ref().map_or(self.nodes.len() * 4, |p| p.bytes.len());
        (members + self.ends.len() * 4) as u64
    }

    /// An empty collection over `n` people whose sets stop as soon as they meet `stop` (a
    /// membership mask over people): such a set is only counted (see [`RrSets::hits`]), and
    /// the others are whole RR sets that miss `stop`. The coverage of any superset of `stop`
    /// is then exactly as on whole sets, for a fraction of the memory when `stop` meets
    /// most sets.
    pub(crate) fn truncated(n: usize, stop: Vec<bool>) -> Self {
        RrSets { stop: Some(stop.into()), ..RrSets::new(n) }
    }

    /// The sets that met the collection's stop set (0 for a collection of whole sets).
    pub(crate) fn hits(&self) -> u64 {
        self.hits
    }

    /// The number of sets, singletons included.
    pub(crate) fn len(&self) -> u64 {
        self.total
    }

    /// The number of sets of two people or more (those [`RrSets::set`] and
    /// [`RrSets::for_each_set`] give).
    pub(crate) fn multi_len(&self) -> usize {
        self.ends.len()
    }

    /// The sets made of `v` alone.
    #[inline]
    pub(crate) fn singles(&self, v: u32) -> u32 {
        self.singles[v as usize]
    }

    /// The sets holding each person.
    pub(crate) fn occurrences(&self) -> Vec<u64> {
        let mut counts: Vec<u64> = self.singles.iter().map(|&c| u64::from(c)).collect();
        self.for_each_set(|_, set| {
            for &v in set {
                counts[v as usize] += 1;
            }
        });
        counts
    }

    #[inline]
    fn end(&self, i: usize) -> usize {
        let high = self.wraps.partition_point(|&w| w as usize <= i);
        join(high, self.ends[i])
    }

    /// The members of the `i`-th set of two people or more (flat storage only: see
    /// [`RrSets::for_each_member`]).
    #[inline]
    #[cfg_attr(not(test), allow(dead_code))] // flat callers and the tests
    pub(crate) fn set(&self, i: usize) -> &[u32] {
        debug_assert!(self.packed.is_none(), "a flat collection");
        let start = if i == 0 { 0 } else { self.end(i - 1) };
        &self.nodes[start..self.end(i)]
    }

    /// Calls `f` with each member of the `i`-th set of two people or more (in the order
    /// drawn when flat, sorted when compressed).
    #[inline]
    pub(crate) fn for_each_member(&self, i: usize, mut f: impl FnMut(u32)) {
        let start = if i == 0 { 0 } else { self.end(i - 1) };
        match &self.packed {
            Some(p) => crate::varint::for_each_increasing(&p.bytes[start..self.end(i)], f),
            None => self.nodes[start..self.end(i)].iter().for_each(|&v| f(v)),
        }
    }

    /// Appends one set; an empty one is a set that met the stop set.
    pub(crate) fn push_set(&mut self, members: &[u32]) {
        self.total += 1;
        if members.is_empty() {
            self.hits += 1;
            return;
        }
        if let [v] = members {
            let count = &mut self.singles[*v as usize];
            if *count == 0 {
                self.single_people.push(*v);
            }
            *count += 1;
            return;
        }
        let index = self.ends.len() as u32;
        let end = if let Some(p) = &mut self.packed {
            let Packed { bytes, members: count, last, index_bytes, sorted } = &mut **p;
            sorted.clear();
            sorted.extend_from_slice(members);
            sorted.sort_unstable();
            for &v in sorted.iter() {
                *index_bytes += crate::varint::len(index - last[v as usize]) as u64;
                last[v as usize] = index;
            }
            crate::varint::put_increasing(bytes, sorted);
            *count += members.len() as u64;
            bytes.len() as u64
        } else {
            self.nodes.extend_from_slice(members);
            self.nodes.len() as u64
        };
        while (self.wraps.len() as u64) < end >> 32 {
            self.wraps.push(index);
        }
        self.ends.push(end as u32);
    }

    /// Grows the collection to at least `target` sets, in whole blocks (of [`BLOCK`] sets unless
    /// [`RrSets::in_blocks_of`] says otherwise): block `b`
    /// draws its sets one after another from the stream `(seed, b)`. Returns the new size.
    /// `control` hears the sets drawn out of `target` after each block, and stops the draw at
    /// the next block.
    pub(crate) fn extend_to(
        &mut self,
        graph: &LiveGraph<'_>,
        seed: u64,
        target: u64,
        control: &Control<'_>,
    ) -> Result<u64> {
        // Saturating: a huge ell (1e300) asks for u64::MAX sets, which must be refused, not
        // wrap to 0.
        let block = self.block;
        let target = target.div_ceil(block).saturating_mul(block);
        if target > u64::from(u32::MAX) {
            return Err(Error::invalid(
                "number of RR sets",
                target,
                format!("at most {} (raise epsilon or lower ell)", u32::MAX),
            ));
        }
        let mut next = self.len() / block;
        let last = target / block;
        let stop = self.stop.clone();
        let draw = |scratch: &mut Scratch, b: u64, nodes: &mut Vec<u32>, lens: &mut Vec<u32>| {
            let mut rng = Stream::new(seed, b);
            for _ in 0..block {
                let before = nodes.len();
                match stop.as_deref() {
                    None => graph.sample_until(&mut rng, scratch, nodes, |_| false),
                    Some(s) => graph.sample_until(&mut rng, scratch, nodes, |u| s[u as usize]),
                };
                lens.push((nodes.len() - before) as u32);
            }
        };
        // One scratch per worker for the whole call, each worker drawing a contiguous run of
        // blocks; the runs are appended in block order, so the split does not show.
        #[cfg(feature = "parallel")]
        let workers = rayon::current_num_threads().max(1) as u64;
        #[cfg(not(feature = "parallel"))]
        let workers = 1u64;
        let mut scratches = std::mem::take(&mut self.scratches);
        scratches.retain(|s| s.mark.len() == graph.n);
        scratches.resize_with(workers as usize, || Scratch::new(graph.n));
        control.check()?;
        while next < last {
            let drawn = AtomicU64::new(self.len());
            let round = if self.packed.is_some() { PACKED_ROUND_BLOCKS } else { ROUND_BLOCKS };
            let end = (next + round * workers).min(last);
            let per = (end - next).div_ceil(workers);
            let work = |(w, scratch): (usize, &mut Scratch)| {
                let (mut nodes, mut lens) = (Vec::new(), Vec::new());
                let first = next + w as u64 * per;
                for b in first..(first + per).min(end) {
                    if control.is_cancelled() {
                        break;
                    }
                    draw(scratch, b, &mut nodes, &mut lens);
                    let _ = control.report(drawn.fetch_add(block, Relaxed) + block, target);
                }
                (nodes, lens)
            };
            // One worker draws on the calling thread: handing each round to a pool thread
            // and waiting for it costs two wake-ups, milliseconds on a busy machine.
            #[cfg(feature = "parallel")]
            let parts: Vec<(Vec<u32>, Vec<u32>)> = if workers == 1 {
                scratches.iter_mut().enumerate().map(work).collect()
            } else {
                use rayon::prelude::*;
                scratches.par_iter_mut().enumerate().map(work).collect()
            };
            #[cfg(not(feature = "parallel"))]
            let parts: Vec<(Vec<u32>, Vec<u32>)> =
                scratches.iter_mut().enumerate().map(work).collect();
            for (nodes, lens) in parts {
                let mut at = 0;
                for len in lens {
                    self.push_set(&nodes[at..at + len as usize]);
                    at += len as usize;
                }
            }
            control.check()?;
            next = end;
        }
        self.scratches = scratches;
        Ok(self.len())
    }

    /// Each set of two people or more's start and end in the storage, in order, from the
    /// `first`-th on.
    fn bounds_from(&self, first: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        let mut start = if first == 0 { 0 } else { self.end(first - 1) };
        let mut wrap = self.wraps.partition_point(|&w| (w as usize) < first);
        self.ends[first..].iter().enumerate().map(move |(j, &low)| {
            let i = first + j;
            while wrap < self.wraps.len() && self.wraps[wrap] as usize <= i {
                wrap += 1;
            }
            let end = join(wrap, low);
            let bounds = (start, end);
            start = end;
            bounds
        })
    }

    /// Calls `f(i, members)` for every set of two people or more, in order, whatever the
    /// storage (a compressed set is decoded, sorted, into a buffer).
    pub(crate) fn for_each_set(&self, f: impl FnMut(usize, &[u32])) {
        self.for_each_set_from(0, f);
    }

    /// [`RrSets::for_each_set`] over the sets from the `first`-th on (what a growing
    /// [`Index`] has not seen yet).
    pub(crate) fn for_each_set_from(&self, first: usize, mut f: impl FnMut(usize, &[u32])) {
        let bounds = self.bounds_from(first).enumerate().map(|(j, b)| (first + j, b));
        match &self.packed {
            None => bounds.for_each(|(i, (start, end))| f(i, &self.nodes[start..end])),
            Some(p) => {
                let mut set = Vec::new();
                for (i, (start, end)) in bounds {
                    set.clear();
                    crate::varint::for_each_increasing(&p.bytes[start..end], |v| set.push(v));
                    f(i, &set);
                }
            }
        }
    }

    /// The number of sets that meet `chosen` (a membership mask over people; in a
    /// [truncated](RrSets::truncated) collection, a superset of the stop set, whose sets all
    /// count).
    pub(crate) fn count_covered(&self, chosen: &[bool]) -> u64 {
        let singles: u64 = (0..self.singles.len())
            .filter(|&v| chosen[v])
            .map(|v| u64::from(self.singles[v]))
            .sum();
        let mut met = 0u64;
        self.for_each_set(|_, set| met += u64::from(set.iter().any(|&v| chosen[v as usize])));
        self.hits + singles + met
    }

    /// [`RrSets::count_covered`] for the distinct people `relays`, with `mask` (all false,
    /// one per person; left all false) as room: no pass over everyone.
    pub(crate) fn count_covered_by(&self, relays: &[u32], mask: &mut [bool]) -> u64 {
        let mut singles = 0u64;
        for &v in relays {
            mask[v as usize] = true;
            singles += u64::from(self.singles[v as usize]);
        }
        let mut met = 0u64;
        self.for_each_set(|_, set| met += u64::from(set.iter().any(|&v| mask[v as usize])));
        for &v in relays {
            mask[v as usize] = false;
        }
        self.hits + singles + met
    }
}

/// Memory: a collection grows in steps, each checked against the call's budget.
impl RrSets {
    /// Sets drawn before the first look at their sizes, at most (and at least one block).
    const FIRST_STEP: u64 = 8 * BLOCK;

    /// [`RrSets::extend_to`] in steps, each at most as large as what is there, so that the
    /// collection's memory is known before most of it is drawn: before each step, the bytes
    /// of the sets drawn so far, scaled to `target` sets (and doubled when an [`Index`] will
    /// be built over them, or for the step's sets waiting to be appended), must fit in
    /// `budget`, else [`Error::OutOfMemory`] at once. Compressed, the bytes are those of the
    /// sets plus the larger of their compressed index (counted exactly as they are stored)
    /// and a round of one worker's sets waiting, flat, to be compressed. The first step draws as many sets as
    /// fit even if each held everyone. The sets drawn are those of one call to `extend_to`.
    pub(crate) fn extend_within(
        &mut self,
        graph: &LiveGraph<'_>,
        seed: u64,
        target: u64,
        control: &Control<'_>,
        budget: Budget,
    ) -> Result<u64> {
        let n = graph.n as u64;
        let block = self.block;
        if target.div_ceil(block).saturating_mul(block) > u64::from(u32::MAX) {
            return self.extend_to(graph, seed, target, control); // refused there, at once
        }
        let target = target.div_ceil(block) * block;
        let per_set_worst = 8 * n.max(1);
        let first = (budget.bytes() / per_set_worst / block * block)
            .clamp(block, Self::FIRST_STEP.max(block));
        while self.len() < target {
            let have = self.len();
            if have > 0 {
                let per_set = self.stored_bytes() as f64 / have as f64;
                let projected = match &self.packed {
                    None => 2.0 * per_set * target as f64 + (n * 12) as f64,
                    Some(p) => {
                        let index = p.index_bytes as f64 / have as f64 * target as f64;
                        // One worker's round of sets waiting flat to be compressed.
                        let round = (PACKED_ROUND_BLOCKS * block).min(target - have) as f64;
                        let waiting = round * 4.0 * p.members as f64 / have as f64;
                        per_set * target as f64 + index.max(waiting) + (n * 20) as f64
                    }
                };
                let needed = if projected >= u64::MAX as f64 { u64::MAX } else { projected as u64 };
                budget.check(needed, || {
                    let people = self.members() + have - self.ends.len() as u64 - self.hits;
                    let mean = (people as f64 / have as f64 * 10.0).round() / 10.0;
                    let how = if self.is_compressed() { "compressed " } else { "" };
                    format!(
                        "{target} {how}RR sets (about {} people each)",
                        crate::error::float(mean)
                    )
                })?;
                let what = || format!("{target} RR sets");
                let more = (per_set * (target - have) as f64) as usize;
                match &mut self.packed {
                    None => {
                        let more = (more / 4)
                            .min(usize::MAX / 2)
                            .saturating_sub(self.nodes.capacity() - self.nodes.len());
                        crate::memory::reserve(&mut self.nodes, more, what)?;
                    }
                    Some(p) => {
                        let more = more
                            .min(usize::MAX / 2)
                            .saturating_sub(p.bytes.capacity() - p.bytes.len());
                        crate::memory::reserve(&mut p.bytes, more, what)?;
                    }
                }
            }
            let next = if have == 0 { first } else { have.saturating_mul(2) }.min(target);
            self.extend_to(graph, seed, next, control)?;
        }
        Ok(self.len())
    }
}

/// For each person, the sets of two people or more that hold them: what greedy maximum
/// coverage walks. Over a [compressed](RrSets::compressed) collection, each person's list of
/// sets (increasing) is delta-coded too.
///
/// An index grows with its collection ([`Index::extend`]): the sets added since its last look
/// make a new segment, a CSR over the people they hold (sorted, found by binary search), so
/// that a round of OPIM-C costs what its new sets hold, not a pass over everyone. The greedy
/// looks up only the people it chooses, k per pass, across a few segments (one per round).
#[derive(Debug, Clone)]
pub(crate) struct Index {
    segments: Vec<Segment>,
    /// Per person, the indexed sets holding them.
    degree: Vec<u32>,
    /// Everyone in an indexed set or a set of their own, in the order first met.
    people: Vec<u32>,
    /// The sets of two people or more indexed, and the collection's people with a set of
    /// their own seen so far.
    indexed: usize,
    singles_seen: usize,
    /// Room for a segment's build: per person, 0 or their place in the segment plus one
    /// (all 0 between builds; empty once the index stops growing).
    slot: Vec<u32>,
}

/// The sets `first..` that an [`Index`] took in at once, per person.
#[derive(Debug, Clone)]
struct Segment {
    first: u32,
    /// The people these sets hold, increasing.
    people: Vec<u32>,
    /// Per person of `people`, where their sets start in `sets` (flat) or `bytes` (compressed).
    offsets: Vec<usize>,
    sets: Vec<u32>,
    /// Compressed: each person's sets less `first`, delta-coded.
    bytes: Option<Vec<u8>>,
}

impl Segment {
    /// Calls `f` with each set of this segment holding `v`, in increasing order.
    #[inline]
    fn for_each_set_of(&self, v: u32, mut f: impl FnMut(u32)) {
        let Ok(j) = self.people.binary_search(&v) else { return };
        let range = self.offsets[j]..self.offsets[j + 1];
        match &self.bytes {
            Some(bytes) => {
                crate::varint::for_each_increasing(&bytes[range], |d| f(self.first + d));
            }
            None => self.sets[range].iter().for_each(|&s| f(s)),
        }
    }

    fn bytes(&self) -> usize {
        let lists = self.bytes.as_ref().map_or(self.sets.len() * 4, Vec::len);
        lists + self.people.len() * 4 + self.offsets.len() * 8
    }
}

impl Index {
    /// The index of `rr` as it is (it will not grow).
    pub(crate) fn new(rr: &RrSets, n: usize) -> Self {
        let mut index = Self::growing(n);
        index.extend(rr);
        index.slot = Vec::new();
        index
    }

    /// An empty index over `n` people, to [extend](Index::extend) as its collection grows.
    pub(crate) fn growing(n: usize) -> Self {
        Index {
            segments: Vec::new(),
            degree: vec![0; n],
            people: Vec::new(),
            indexed: 0,
            singles_seen: 0,
            slot: vec![0; n],
        }
    }

    /// Takes in the sets `rr` gained since the last call (the same collection each time, only
    /// ever grown): in time proportional to their members (and the sort of the people they
    /// hold), whatever the number of people.
    pub(crate) fn extend(&mut self, rr: &RrSets) {
        for &v in &rr.single_people[self.singles_seen..] {
            if self.degree[v as usize] == 0 {
                self.people.push(v);
            }
        }
        self.singles_seen = rr.single_people.len();
        let first = self.indexed;
        if first == rr.multi_len() {
            return;
        }
        self.indexed = rr.multi_len();
        if self.slot.is_empty() {
            self.slot = vec![0; self.degree.len()];
        }
        let slot = &mut self.slot;
        let mut people = Vec::new();
        rr.for_each_set_from(first, |_, set| {
            for &w in set {
                if slot[w as usize] == 0 {
                    slot[w as usize] = 1;
                    people.push(w);
                }
            }
        });
        // Increasing, for the lookups' binary search. Where the segment holds a fair share of
        // everyone (small networks), a scan of the marks lists them in order for less than a
        // sort costs (about 3 instructions a person against 6·log2 t a member).
        if people.len().saturating_mul(16) >= slot.len() {
            people.clear();
            people.extend((0..slot.len() as u32).filter(|&w| slot[w as usize] != 0));
        } else {
            people.sort_unstable();
        }
        for (j, &w) in people.iter().enumerate() {
            slot[w as usize] = j as u32 + 1;
        }
        // A first pass sizes each person's list, a second writes it.
        let t = people.len();
        let compressed = rr.is_compressed();
        let mut offsets = vec![0usize; t + 1];
        let mut last = if compressed { vec![first as u32; t] } else { Vec::new() };
        let (degree, met) = (&mut self.degree, &mut self.people);
        rr.for_each_set_from(first, |i, set| {
            for &w in set {
                let j = slot[w as usize] as usize - 1;
                if compressed {
                    offsets[j + 1] += crate::varint::len(i as u32 - last[j]);
                    last[j] = i as u32;
                } else {
                    offsets[j + 1] += 1;
                }
                let d = &mut degree[w as usize];
                if *d == 0 && rr.singles(w) == 0 {
                    met.push(w);
                }
                *d += 1;
            }
        });
        for j in 0..t {
            offsets[j + 1] += offsets[j];
        }
        let mut fill = offsets.clone();
        let (mut sets, mut bytes) = (Vec::new(), None);
        if compressed {
            last.fill(first as u32);
            let mut out = vec![0u8; offsets[t]];
            rr.for_each_set_from(first, |i, set| {
                for &w in set {
                    let j = slot[w as usize] as usize - 1;
                    fill[j] = crate::varint::put_at(&mut out, fill[j], i as u32 - last[j]);
                    last[j] = i as u32;
                }
            });
            bytes = Some(out);
        } else {
            sets = vec![0u32; offsets[t]];
            rr.for_each_set_from(first, |i, set| {
                for &w in set {
                    let j = slot[w as usize] as usize - 1;
                    sets[fill[j]] = i as u32;
                    fill[j] += 1;
                }
            });
        }
        for &w in &people {
            slot[w as usize] = 0;
        }
        self.segments.push(Segment { first: first as u32, people, offsets, sets, bytes });
    }

    /// Everyone in an indexed set or a set of their own (in the order first met): the only
    /// people whose counts are not 0.
    pub(crate) fn people(&self) -> &[u32] {
        &self.people
    }

    /// The sets holding `v`, increasing.
    #[cfg(test)]
    pub(crate) fn sets_of(&self, v: u32) -> Vec<u32> {
        let mut sets = Vec::new();
        self.for_each_set_of(v, |s| sets.push(s));
        sets
    }

    /// Calls `f` with each set holding `v`, in increasing order, whatever the storage.
    #[inline]
    pub(crate) fn for_each_set_of(&self, v: u32, mut f: impl FnMut(u32)) {
        for segment in &self.segments {
            segment.for_each_set_of(v, &mut f);
        }
    }

    /// The number of sets holding `v`.
    #[inline]
    pub(crate) fn degree(&self, v: u32) -> usize {
        self.degree[v as usize] as usize
    }

    /// The bytes the index holds.
    #[cfg_attr(not(test), allow(dead_code))] // the tests
    pub(crate) fn bytes(&self) -> u64 {
        let segments: usize = self.segments.iter().map(Segment::bytes).sum();
        (segments + (self.degree.len() + self.people.len() + self.slot.len()) * 4) as u64
    }
}

/// An offset from its high part (the number of 2^32 wraps before it) and its low 32 bits.
/// Computed in 64 bits: on 32-bit targets (wasm32) there is never a wrap, memory being
/// smaller than 4 GiB, and the shift must not overflow `usize`.
#[inline]
fn join(high: usize, low: u32) -> usize {
    (((high as u64) << 32) | u64::from(low)) as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cascade::LayerSettings;
    use crate::io::{EdgeListOptions, parse_edgelist};

    use std::fmt::Write as _;

    /// Every person's incoming ties with their chances, sorted.
    fn incoming(graph: &LiveGraph<'_>) -> Vec<Vec<(u32, u64)>> {
        (0..graph.num_people() as u32)
            .map(|v| {
                let mut ties = Vec::new();
                graph.for_each_incoming(v, |u, p| ties.push((u, p.to_bits())));
                ties.sort_unstable();
                ties
            })
            .collect()
    }

    /// A random network of `n` people and `m` ties, directed or not, on one layer
    /// "ties" (some with self-ties, repeated pairs dropped by the reader).
    fn random_network(n: u64, m: usize, directed: bool, seed: u64) -> CompiledNetwork {
        let mut rng = Stream::new(seed, 0);
        let mut text = String::new();
        for _ in 0..m {
            // Skewed sources and targets: some people with many incoming ties.
            let a = rng.below(n) * rng.below(n) / n;
            let b = rng.below(n);
            writeln!(text, "{a} {b}").expect("writes");
        }
        let options = EdgeListOptions { directed, ..EdgeListOptions::default() };
        parse_edgelist(text.as_bytes(), "random", &options).expect("parses").compile()
    }

    #[test]
    fn weighted_cascade_fast_path_gives_every_tie_the_general_chance() {
        for directed in [false, true] {
            for (seed, multiplier, good) in [(1, 1.0, 1.0), (2, 3.0, 0.7), (3, 0.25, 2.5)] {
                let net = random_network(300, 1500, directed, seed);
                let mut model = Model::weighted_cascade();
                model.good_multiplier = good;
                let settings = LayerSettings { multiplier, ..LayerSettings::default() };
                model.layers.insert("ties".to_owned(), settings);
                let fast = LiveGraph::new(&net, &model).unwrap();
                assert!(matches!(fast.layers[0].live, Live::PerPerson(_)));
                let general = LiveGraph::general(&net, &model).unwrap();
                assert!(matches!(general.layers[0].live, Live::PerTie(_)));
                assert_eq!(incoming(&fast), incoming(&general), "directed {directed}, seed {seed}");
                assert_eq!(fast.exact, general.exact);
                if directed {
                    // Same in-lists in the same order: the very same RR sets.
                    let (mut a, mut b) = (Vec::new(), Vec::new());
                    let (mut sa, mut sb) = (Scratch::new(300), Scratch::new(300));
                    let (mut ra, mut rb) = (Stream::new(seed, 1), Stream::new(seed, 1));
                    for _ in 0..2000 {
                        fast.sample(&mut ra, &mut sa, &mut a);
                        general.sample(&mut rb, &mut sb, &mut b);
                    }
                    assert_eq!(a, b);
                }
            }
        }
    }

    #[test]
    fn weighted_cascade_fast_path_steps_aside_when_ties_differ() {
        let net = random_network(50, 200, false, 4);
        // A disabled layer: nothing to sample, the fast path still applies.
        let mut model = Model::weighted_cascade();
        let off = LayerSettings { enabled: false, ..LayerSettings::default() };
        model.layers.insert("ties".to_owned(), off);
        assert!(LiveGraph::new(&net, &model).unwrap().layers.is_empty());
        // Independent Cascade: never the weighted cascade's path.
        let ic = LiveGraph::new(&net, &Model::independent_cascade(0.05)).unwrap();
        assert!(!matches!(ic.layers[0].live, Live::PerPerson(_)));
        // An unknown layer is refused as on the general path.
        let mut model = Model::weighted_cascade();
        model.layers.insert("nope".to_owned(), LayerSettings::default());
        assert!(matches!(LiveGraph::new(&net, &model), Err(Error::UnknownLayer { .. })));
    }

    #[test]
    fn ends_survive_passing_a_multiple_of_two_to_the_32() {
        let mut rr = RrSets::new(4);
        rr.push_set(&[1, 2]);
        rr.push_set(&[3]);
        rr.push_set(&[0, 3]);
        assert_eq!((rr.len(), rr.multi_len(), rr.singles(3)), (3, 2, 1));
        assert_eq!(rr.set(0), &[1, 2]);
        assert_eq!(rr.set(1), &[0, 3]);
        assert_eq!(rr.occurrences(), vec![1, 1, 1, 2]);
        assert_eq!(rr.count_covered(&[false, false, false, true]), 2);
        // Pretend the flat array had passed 2^32 at set 1: ends are reconstructed from wraps.
        let fake = RrSets { ends: vec![5, 2, 9], wraps: vec![1, 2], ..RrSets::new(0) };
        assert_eq!((fake.end(0), fake.end(1), fake.end(2)), (5, (1 << 32) + 2, (2 << 32) + 9));
    }
}
