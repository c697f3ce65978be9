//! Fitting a fatigue curve with the probabilities.
//!
//! A person's load at step s is the number of exposures they received before s (decaying
//! with the curve's half-life, as [`Load`](crate::fatigue::Load) does), and their network
//! hazard at s is multiplied by the willingness at that load: x·θ becomes
//! η + w(load)·Σ k_l·q_l. For a fixed curve the log-likelihood is still concave in θ, so the
//! curve's parameters are fitted by an outer search (golden section for one parameter,
//! Nelder–Mead for Hill's two, every whole value for `queue` and `capacity`) over the
//! profile log-likelihood, each step a full Newton fit of θ. The loads depend only on the
//! data, so they are worked out once: every exposure-step is kept as (exposures by
//! parameter, load) with its count, and a curve only rescales them.

use std::collections::BTreeMap;

use super::observations::Observed;
use super::prepare::{Prepared, check_explained, solve};
use super::request::Exposure;
use super::result::FittedFatigue;
use super::tally::{Builder, Event, Pattern, Tally};
use crate::control::Control;
use crate::error::Result;
use crate::fatigue::{Curve, Fatigue};
use crate::math::{exp, ln};
use crate::stats::chi2_1_tail;

/// Exposures by parameter, values as bits (for exact grouping).
type Counts = Vec<(u32, u64)>;

/// One cascade's exposure-steps by (exposures, load), ready for any curve.
#[derive(Debug, Clone, Default)]
struct CascadeLoads {
    /// The external classes' failures (no fatigue there).
    external_fail: Vec<f64>,
    person_steps: f64,
    /// Person-steps at risk without adoption: (exposures, load bits) → count.
    failures: BTreeMap<(Counts, u64), f64>,
    /// Adoptions: (exposures, load bits, external parameter) → count.
    adoptions: BTreeMap<(Counts, u64, Option<u32>), f64>,
}

/// The data of a fit with fatigue: every cascade's exposure-steps by load.
#[derive(Debug, Clone)]
pub(crate) struct FatigueData {
    cascades: Vec<CascadeLoads>,
    /// All cascades together (what the curve search evaluates).
    total: CascadeLoads,
    /// The largest load seen.
    max_load: f64,
}

impl FatigueData {
    /// Works out the loads of every exposure-step of `observed`.
    pub(crate) fn new(prep: &Prepared, observed: &Observed) -> Self {
        let d = &prep.design;
        let half_life = prep.fatigue.and_then(|f| f.half_life).filter(|h| h.is_finite());
        let mut builder = Builder::new(&prep.compiled, d);
        let mut cascades = Vec::with_capacity(observed.cascades.len());
        let mut max_load: f64 = 0.0;
        for c in &observed.cascades {
            let (events, external_fail, person_steps) = builder.events(c);
            let mut loads = CascadeLoads { external_fail, person_steps, ..Default::default() };
            let mut walker = Walker { loads: &mut loads, half_life, max_load: 0.0 };
            let mut i = 0;
            for &(v, t) in &c.adopted {
                if t < d.start {
                    continue;
                }
                let external = d.external.map(|_| d.external_param(v, t));
                let from = events.partition_point(|e| e.person < v);
                let to = events.partition_point(|e| e.person <= v);
                walker.person(&events[from..to], t, Outcome::Adopted(external), d.exposure);
            }
            // Non-adopters: every person with events who did not adopt.
            while i < events.len() {
                let v = events[i].person;
                let mut j = i;
                while j < events.len() && events[j].person == v {
                    j += 1;
                }
                if builder.adoption_step(v).is_none() {
                    walker.person(&events[i..j], d.horizon, Outcome::Resisted, d.exposure);
                }
                i = j;
            }
            max_load = max_load.max(walker.max_load);
            cascades.push(loads);
        }
        let mut total = CascadeLoads { external_fail: vec![0.0; d.dim()], ..Default::default() };
        for c in &cascades {
            for (t, x) in total.external_fail.iter_mut().zip(&c.external_fail) {
                *t += x;
            }
            total.person_steps += c.person_steps;
            for (k, n) in &c.failures {
                *total.failures.entry(k.clone()).or_insert(0.0) += n;
            }
            for (k, n) in &c.adoptions {
                *total.adoptions.entry(k.clone()).or_insert(0.0) += n;
            }
        }
        FatigueData { cascades, total, max_load }
    }

    /// Each cascade's tally under `fatigue`.
    pub(crate) fn tallies(&self, prep: &Prepared, fatigue: &Fatigue) -> Vec<Tally> {
        self.cascades.iter().map(|c| tally(c, prep.design.dim(), fatigue)).collect()
    }
}

/// The tally of `c` when exposures are weighted by `fatigue`'s willingness.
fn tally(c: &CascadeLoads, dim: usize, fatigue: &Fatigue) -> Tally {
    let mut fail = c.external_fail.clone();
    fail.resize(dim, 0.0);
    for ((counts, load), n) in &c.failures {
        let w = fatigue.willingness(f64::from_bits(*load));
        for &(p, m) in counts {
            fail[p as usize] += n * w * f64::from_bits(m);
        }
    }
    let mut patterns: BTreeMap<Vec<(u32, u64)>, f64> = BTreeMap::new();
    let mut unexplained = 0;
    for ((counts, load, external), n) in &c.adoptions {
        let w = fatigue.willingness(f64::from_bits(*load));
        let mut x: Vec<(u32, u64)> = Vec::with_capacity(counts.len() + 1);
        if w > 0.0 {
            x.extend(counts.iter().map(|&(p, m)| (p, (w * f64::from_bits(m)).to_bits())));
        }
        if let Some(e) = external {
            x.push((*e, 1f64.to_bits()));
        }
        if x.is_empty() {
            unexplained += *n as u64;
        } else {
            *patterns.entry(x).or_insert(0.0) += n;
        }
    }
    let patterns = patterns
        .into_iter()
        .map(|(k, count)| Pattern {
            x: k.into_iter().map(|(i, b)| (i, f64::from_bits(b))).collect(),
            count,
        })
        .collect();
    Tally { fail, patterns, unexplained, person_steps: c.person_steps }
}

/// How a person's window ends.
#[derive(Debug, Clone, Copy)]
enum Outcome {
    /// Adopted at the last step, with this external parameter (when there is a hazard).
    Adopted(Option<u32>),
    /// At risk through the last step without adopting.
    Resisted,
}

/// Walks one person's exposures step by step, keeping their load.
struct Walker<'a> {
    loads: &'a mut CascadeLoads,
    half_life: Option<f64>,
    max_load: f64,
}

impl Walker<'_> {
    /// 2^(−dt/h), the decay of a load over `dt` steps (1 without a half-life).
    fn decay(&self, dt: u32) -> f64 {
        self.half_life.map_or(1.0, |h| crate::math::exp2(-f64::from(dt) / h))
    }

    fn failure(&mut self, counts: &BTreeMap<u32, f64>, load: f64, n: f64) {
        self.max_load = self.max_load.max(load);
        let key = (as_counts(counts), load.to_bits());
        *self.loads.failures.entry(key).or_insert(0.0) += n;
    }

    fn adoption(&mut self, counts: &BTreeMap<u32, f64>, load: f64, external: Option<u32>) {
        self.max_load = self.max_load.max(load);
        let load = if counts.is_empty() { 0.0 } else { load };
        let key = (as_counts(counts), load.to_bits(), external);
        *self.loads.adoptions.entry(key).or_insert(0.0) += 1.0;
    }

    /// One person: `events` (theirs, sorted by step), at risk until `end`, where `outcome`
    /// says how the window ends.
    fn person(&mut self, events: &[Event], end: u32, outcome: Outcome, exposure: Exposure) {
        let adopted = match outcome {
            Outcome::Adopted(external) => Some(external),
            Outcome::Resisted => None,
        };
        // The load: `value` as of step `at`, counting the exposures up to `at` included.
        let (mut value, mut at) = (0.0, 0u32);
        let mut counts: BTreeMap<u32, f64> = BTreeMap::new();
        let mut i = 0;
        let mut adopted_done = false;
        match exposure {
            Exposure::Cascade => {
                while i < events.len() {
                    let s = events[i].step;
                    counts.clear();
                    let mut added = 0.0;
                    while i < events.len() && events[i].step == s {
                        *counts.entry(events[i].param).or_insert(0.0) += events[i].multiplicity;
                        added += events[i].multiplicity;
                        i += 1;
                    }
                    let load = value * self.decay(s - at);
                    match adopted {
                        Some(external) if s == end => {
                            self.adoption(&counts, load, external);
                            adopted_done = true;
                        }
                        _ => self.failure(&counts, load, 1.0),
                    }
                    value = load + added;
                    at = s;
                }
            }
            Exposure::Persistent => {
                let mut s = events.first().map_or(end + 1, |e| e.step);
                while s <= end {
                    // Exposures arriving at s press from s on; the load at s counts only
                    // the earlier ones.
                    let load = value * self.decay(s - at);
                    if i < events.len() && events[i].step == s {
                        let mut added = 0.0;
                        while i < events.len() && events[i].step == s {
                            *counts.entry(events[i].param).or_insert(0.0) += events[i].multiplicity;
                            added += events[i].multiplicity;
                            i += 1;
                        }
                        value = load + added;
                        at = s;
                    }
                    if let (Some(external), true) = (adopted, s == end) {
                        self.adoption(&counts, load, external);
                        adopted_done = true;
                        break;
                    }
                    self.failure(&counts, load, 1.0);
                    if self.half_life.is_some() {
                        s += 1;
                        continue;
                    }
                    // Without decay, nothing changes until the next event (or the adoption
                    // step): those steps at once, at the load `value`.
                    let next = events.get(i).map_or(end + 1, |e| e.step);
                    let stop = if adopted.is_some() { next.min(end) } else { next.min(end + 1) };
                    if stop > s + 1 {
                        self.failure(&counts, value, f64::from(stop - s - 1));
                    }
                    s = stop;
                }
            }
        }
        if let (Some(external), false) = (adopted, adopted_done) {
            self.adoption(&BTreeMap::new(), 0.0, external);
        }
    }
}

fn as_counts(counts: &BTreeMap<u32, f64>) -> Counts {
    counts.iter().filter(|(_, m)| **m > 0.0).map(|(&p, &m)| (p, m.to_bits())).collect()
}

/// The number of parameters of a curve that a fit adjusts.
pub(crate) fn free_parameters(curve: &Curve) -> u32 {
    match curve {
        Curve::Hill { .. } => 2,
        Curve::Exponential { .. } | Curve::Capacity { .. } | Curve::Queue { .. } => 1,
        Curve::None {} | Curve::Decreasing {} => 0,
    }
}

/// Fits the parameters of `start`'s curve (its half-life kept) by maximising the profile
/// log-likelihood.
pub(crate) fn fit(
    prep: &Prepared,
    data: &FatigueData,
    start: Fatigue,
    control: &Control<'_>,
) -> Result<FittedFatigue> {
    let dim = prep.design.dim();
    let mut evaluations = 0u32;
    let mut profile = |curve: Curve| -> Result<f64> {
        control.check()?;
        evaluations += 1;
        let f = Fatigue { curve, half_life: start.half_life };
        let t = tally(&data.total, dim, &f);
        if t.unexplained > 0 {
            return Ok(f64::NEG_INFINITY);
        }
        Ok(solve(&t, prep.max_iterations, None).solution.loglik)
    };
    let none = tally(&data.total, dim, &Fatigue::none());
    check_explained(&none)?;
    let without = profile(Curve::None {})?;
    let bound = (data.max_load.ceil() as u32).saturating_add(1).min(10_000);
    let (curve, with) = match start.curve {
        Curve::Exponential { rate } => {
            let (u, l) = golden(
                |u| profile(Curve::Exponential { rate: exp(u) }),
                ln(rate.max(1e-6)),
                -14.0,
                7.0,
            )?;
            // Rate 0 is no fatigue: the search's lower end stands for it.
            if without >= l {
                (Curve::Exponential { rate: 0.0 }, without)
            } else {
                (Curve::Exponential { rate: exp(u) }, l)
            }
        }
        Curve::Hill { half, exponent } => {
            let (p, l) = nelder_mead(
                |p| profile(Curve::Hill { half: exp(p[0]), exponent: exp(p[1]) }),
                [ln(half.max(1e-3)), ln(exponent.max(1e-3))],
            )?;
            (Curve::Hill { half: exp(p[0]), exponent: exp(p[1]) }, l)
        }
        Curve::Queue { .. } => {
            let mut best = (Curve::Queue { size: 1 }, f64::NEG_INFINITY);
            for size in 1..=bound.max(1) {
                let l = profile(Curve::Queue { size })?;
                if l > best.1 {
                    best = (Curve::Queue { size }, l);
                }
            }
            best
        }
        Curve::Capacity { .. } => {
            let mut best = (Curve::Capacity { capacity: f64::INFINITY }, without);
            for c in (0..=bound).rev() {
                let capacity = f64::from(c);
                let l = profile(Curve::Capacity { capacity })?;
                if l > best.1 {
                    best = (Curve::Capacity { capacity }, l);
                }
            }
            best
        }
        curve @ (Curve::None {} | Curve::Decreasing {}) => (curve, profile(curve)?),
    };
    let df = free_parameters(&curve);
    let deviance = (2.0 * (with - without)).max(0.0);
    let p_value = match df {
        0 => None,
        1 => Some(chi2_1_tail(deviance)),
        _ => Some(exp(-deviance / 2.0)), // χ² with 2 degrees of freedom
    };
    Ok(FittedFatigue {
        fatigue: Fatigue { curve, half_life: start.half_life },
        log_likelihood_without: without,
        p_value,
        evaluations,
    })
}

/// Golden-section search for the maximum of `f` on [lo, hi], starting from `guess`
/// (clamped); returns the argument and the value.
fn golden(
    mut f: impl FnMut(f64) -> Result<f64>,
    guess: f64,
    lo: f64,
    hi: f64,
) -> Result<(f64, f64)> {
    let r = 0.618_033_988_749_894_9;
    let (mut a, mut b) = (lo, hi);
    let mut best = (guess.clamp(lo, hi), f(guess.clamp(lo, hi))?);
    let mut c = b - r * (b - a);
    let mut d = a + r * (b - a);
    let (mut fc, mut fd) = (f(c)?, f(d)?);
    for _ in 0..80 {
        if (b - a).abs() < 1e-7 {
            break;
        }
        if fc >= fd {
            b = d;
            d = c;
            fd = fc;
            c = b - r * (b - a);
            fc = f(c)?;
        } else {
            a = c;
            c = d;
            fc = fd;
            d = a + r * (b - a);
            fd = f(d)?;
        }
    }
    for (x, v) in [(c, fc), (d, fd)] {
        if v > best.1 {
            best = (x, v);
        }
    }
    Ok(best)
}

/// Nelder–Mead maximisation of `f` over two unbounded parameters from `start`.
fn nelder_mead(
    mut f: impl FnMut([f64; 2]) -> Result<f64>,
    start: [f64; 2],
) -> Result<([f64; 2], f64)> {
    let mut simplex: Vec<([f64; 2], f64)> = Vec::with_capacity(3);
    for p in [start, [start[0] + 0.5, start[1]], [start[0], start[1] + 0.5]] {
        simplex.push((p, f(p)?));
    }
    for _ in 0..300 {
        // Best first (maximising); NaN-free since values are log-likelihoods or −∞.
        simplex.sort_by(|a, b| b.1.total_cmp(&a.1));
        if (simplex[0].1 - simplex[2].1).abs() < 1e-9 * simplex[0].1.abs().max(1.0) {
            break;
        }
        let centroid = [
            f64::midpoint(simplex[0].0[0], simplex[1].0[0]),
            f64::midpoint(simplex[0].0[1], simplex[1].0[1]),
        ];
        let along = |t: f64| {
            [
                centroid[0] + t * (simplex[2].0[0] - centroid[0]),
                centroid[1] + t * (simplex[2].0[1] - centroid[1]),
            ]
        };
        let reflected = along(-1.0);
        let fr = f(reflected)?;
        if fr > simplex[0].1 {
            let expanded = along(-2.0);
            let fe = f(expanded)?;
            simplex[2] = if fe > fr { (expanded, fe) } else { (reflected, fr) };
        } else if fr > simplex[1].1 {
            simplex[2] = (reflected, fr);
        } else {
            let contracted = along(0.5);
            let fc = f(contracted)?;
            if fc > simplex[2].1 {
                simplex[2] = (contracted, fc);
            } else {
                let best = simplex[0].0;
                for vertex in simplex.iter_mut().skip(1) {
                    let p =
                        [f64::midpoint(best[0], vertex.0[0]), f64::midpoint(best[1], vertex.0[1])];
                    *vertex = (p, f(p)?);
                }
            }
        }
    }
    simplex.sort_by(|a, b| b.1.total_cmp(&a.1));
    Ok(simplex[0])
}
