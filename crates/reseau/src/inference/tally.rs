//! Sufficient statistics: one pass over the ties of the adopters turns a cascade into the few
//! numbers the likelihood needs.
//!
//! Every person-step at risk has covariates x (see [`super::design`]) and an outcome. A step
//! without adoption adds −x·θ to the log-likelihood, so only the sum of their x matters
//! (`fail`); a step with an adoption adds ln(1 − e^(−x·θ)), and adoptions with the same x are
//! counted together (`patterns`). Without fatigue every entry is a whole number, so tallies
//! add exactly in any order, which makes the bootstrap independent of the thread count.

use std::collections::BTreeMap;

use super::design::Design;
use super::observations::Cascade;
use super::request::Exposure;
use crate::compiled::CompiledNetwork;

/// Adoptions that share their covariates: `x` as (parameter, value) pairs sorted by
/// parameter, and how many.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Pattern {
    pub(crate) x: Vec<(u32, f64)>,
    pub(crate) count: f64,
}

impl Pattern {
    /// x·θ.
    #[inline]
    pub(crate) fn dot(&self, theta: &[f64]) -> f64 {
        self.x.iter().map(|&(i, v)| v * theta[i as usize]).sum()
    }
}

/// The sufficient statistics of some cascades.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Tally {
    /// The sum of x over the person-steps at risk without adoption.
    pub(crate) fail: Vec<f64>,
    /// The adoptions, by covariates, sorted by covariates.
    pub(crate) patterns: Vec<Pattern>,
    /// Adoptions with no covariate at all (no exposure and no external hazard): impossible
    /// under the model.
    pub(crate) unexplained: u64,
    /// Person-steps at risk (adoptions included).
    pub(crate) person_steps: f64,
}

/// A pattern's key: x with its values as bits, for exact grouping.
type Key = Vec<(u32, u64)>;

impl Tally {
    /// The number of adoptions at risk (the success terms).
    pub(crate) fn adoptions(&self) -> f64 {
        self.patterns.iter().map(|p| p.count).sum()
    }

    /// The sum of x over every person-step at risk, adoptions included: 0 for a parameter
    /// the data says nothing about.
    pub(crate) fn exposure(&self) -> Vec<f64> {
        let mut total = self.fail.clone();
        for p in &self.patterns {
            for &(i, v) in &p.x {
                total[i as usize] += p.count * v;
            }
        }
        total
    }

    /// `parts`, each counted `weight` times (a bootstrap resample); parts of weight 0 are
    /// skipped.
    pub(crate) fn combine<'a>(
        dim: usize,
        parts: impl IntoIterator<Item = (&'a Tally, f64)>,
    ) -> Self {
        let mut fail = vec![0.0; dim];
        let mut patterns: BTreeMap<Key, f64> = BTreeMap::new();
        let (mut unexplained, mut person_steps) = (0, 0.0);
        for (t, w) in parts {
            if w == 0.0 {
                continue;
            }
            for (f, x) in fail.iter_mut().zip(&t.fail) {
                *f += w * x;
            }
            for p in &t.patterns {
                *patterns.entry(key(&p.x)).or_insert(0.0) += w * p.count;
            }
            unexplained += (w as u64) * t.unexplained;
            person_steps += w * t.person_steps;
        }
        Tally { fail, patterns: from_keys(patterns), unexplained, person_steps }
    }

    /// The same data with the parameters mapped by `map` (several onto one: per-group
    /// parameters pooled into one per layer); `dim` is the new number of parameters.
    pub(crate) fn pooled(&self, dim: usize, map: &[u32]) -> Self {
        let mut fail = vec![0.0; dim];
        for (i, &f) in self.fail.iter().enumerate() {
            fail[map[i] as usize] += f;
        }
        let mut patterns: BTreeMap<Key, f64> = BTreeMap::new();
        for p in &self.patterns {
            let mut x: BTreeMap<u32, f64> = BTreeMap::new();
            for &(i, v) in &p.x {
                *x.entry(map[i as usize]).or_insert(0.0) += v;
            }
            let x: Vec<(u32, f64)> = x.into_iter().collect();
            *patterns.entry(key(&x)).or_insert(0.0) += p.count;
        }
        Tally {
            fail,
            patterns: from_keys(patterns),
            unexplained: self.unexplained,
            person_steps: self.person_steps,
        }
    }
}

fn key(x: &[(u32, f64)]) -> Key {
    x.iter().map(|&(i, v)| (i, v.to_bits())).collect()
}

fn from_keys(patterns: BTreeMap<Key, f64>) -> Vec<Pattern> {
    patterns
        .into_iter()
        .map(|(k, count)| Pattern {
            x: k.into_iter().map(|(i, bits)| (i, f64::from_bits(bits))).collect(),
            count,
        })
        .collect()
}

/// One adoption at risk with its covariates, for hidden-tie scoring.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AdoptionRecord {
    pub(crate) person: u32,
    pub(crate) time: u32,
    pub(crate) x: Vec<(u32, f64)>,
}

/// One exposure of a person at risk: at `step`, through a tie of parameter `param` (with its
/// multiplicity).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Event {
    pub(crate) person: u32,
    pub(crate) step: u32,
    pub(crate) param: u32,
    pub(crate) multiplicity: f64,
}

/// A person's status in the cascade being tallied.
const UNKNOWN: u32 = u32::MAX;
const NON_ADOPTER: u32 = u32::MAX - 1;

/// Tallies cascades on one network, reusing its per-person arrays from cascade to cascade
/// (stamped, so that a cascade costs what its adopters touch, not the network's size).
#[derive(Debug)]
pub(crate) struct Builder<'a> {
    net: &'a CompiledNetwork,
    design: &'a Design,
    time: Vec<u32>,
    stamp: Vec<u32>,
    epoch: u32,
    /// Exposures at an adopter's adoption step: (adopter, parameter, multiplicity).
    at_adoption: Vec<(u32, u32, f64)>,
}

impl<'a> Builder<'a> {
    pub(crate) fn new(net: &'a CompiledNetwork, design: &'a Design) -> Self {
        let n = net.num_people();
        Builder {
            net,
            design,
            time: vec![0; n],
            stamp: vec![0; n],
            epoch: 0,
            at_adoption: Vec::new(),
        }
    }

    /// Marks the people of `c` and returns nothing; statuses are then read by [`Self::status`].
    fn mark(&mut self, c: &Cascade) {
        self.epoch = self.epoch.wrapping_add(1);
        if self.epoch == 0 {
            self.stamp.fill(0);
            self.epoch = 1;
        }
        for &(p, t) in &c.adopted {
            self.stamp[p as usize] = self.epoch;
            self.time[p as usize] = t;
        }
        for &p in &c.unknown {
            self.stamp[p as usize] = self.epoch;
            self.time[p as usize] = UNKNOWN;
        }
    }

    #[inline]
    fn status(&self, v: u32) -> u32 {
        if self.stamp[v as usize] == self.epoch { self.time[v as usize] } else { NON_ADOPTER }
    }

    /// Calls `f(source, target, parameter, multiplicity, arrival step)` for every trusted tie
    /// of a fitted layer from an adopter of `c` to someone whose status is known.
    fn exposures(&self, c: &Cascade, mut f: impl FnMut(u32, u32, u32, f64, u32)) {
        for &(u, tu) in &c.adopted {
            for (l, latency) in self.design.latency.iter().enumerate() {
                let Some(latency) = latency else { continue };
                let layer = &self.net.layers()[l];
                let arrival = tu + latency;
                for slot in layer.range(u) {
                    // A distrust tie carries nothing, as the cascade engine's default `Block`.
                    if layer.signs()[slot] < 0 {
                        continue;
                    }
                    let v = layer.targets()[slot];
                    if self.status(v) == UNKNOWN {
                        continue;
                    }
                    let m = f64::from(layer.multiplicity()[slot]);
                    f(u, v, self.design.param(l, v), m, arrival);
                }
            }
        }
    }

    /// The tally of one cascade; with `records`, each adoption at risk and its covariates are
    /// appended to it.
    pub(crate) fn cascade(
        &mut self,
        c: &Cascade,
        mut records: Option<&mut Vec<AdoptionRecord>>,
    ) -> Tally {
        self.mark(c);
        let d = self.design;
        let (horizon, start) = (d.horizon, d.start);
        let mut fail = vec![0.0; d.dim()];
        let mut at_adoption = std::mem::take(&mut self.at_adoption);
        at_adoption.clear();
        self.exposures(c, |_, v, p, m, arrival| {
            let status = self.status(v);
            let f = &mut fail[p as usize];
            match (status, d.exposure) {
                (NON_ADOPTER, _) if arrival > horizon => {}
                (NON_ADOPTER, Exposure::Cascade) => *f += m,
                (NON_ADOPTER, Exposure::Persistent) => *f += m * f64::from(horizon - arrival + 1),
                (t, _) if t < start => {} // a seed is never at risk
                (t, Exposure::Cascade) => {
                    if arrival < t {
                        *f += m;
                    } else if arrival == t {
                        at_adoption.push((v, p, m));
                    }
                }
                (t, Exposure::Persistent) => {
                    if arrival <= t {
                        *f += m * f64::from(t - arrival);
                        at_adoption.push((v, p, m));
                    }
                }
            }
        });
        let person_steps = self.external_failures(c, &mut fail);
        at_adoption.sort_unstable_by_key(|&(v, p, _)| (v, p));
        let mut patterns: BTreeMap<Key, f64> = BTreeMap::new();
        let mut unexplained = 0;
        for &(v, t) in &c.adopted {
            if t < start {
                continue;
            }
            let from = at_adoption.partition_point(|e| e.0 < v);
            let to = at_adoption.partition_point(|e| e.0 <= v);
            let mut x: Vec<(u32, f64)> = Vec::with_capacity(to - from + 1);
            for &(_, p, m) in &at_adoption[from..to] {
                match x.last_mut() {
                    Some(last) if last.0 == p => last.1 += m,
                    _ => x.push((p, m)),
                }
            }
            if d.external.is_some() {
                x.push((d.external_param(v, t), 1.0));
            }
            if x.is_empty() {
                unexplained += 1;
                continue;
            }
            if let Some(records) = records.as_deref_mut() {
                records.push(AdoptionRecord { person: v, time: t, x: x.clone() });
            }
            *patterns.entry(key(&x)).or_insert(0.0) += 1.0;
        }
        self.at_adoption = at_adoption;
        Tally { fail, patterns: from_keys(patterns), unexplained, person_steps }
    }

    /// What fatigue needs of cascade `c`: every exposure of someone at risk that matters
    /// (arriving by their adoption step, or by the horizon for non-adopters), sorted by
    /// person, step and parameter; the external classes' failures; and the person-steps.
    pub(crate) fn events(&mut self, c: &Cascade) -> (Vec<Event>, Vec<f64>, f64) {
        self.mark(c);
        let d = self.design;
        let mut events = Vec::new();
        self.exposures(c, |_, v, p, m, arrival| {
            let end = match self.status(v) {
                NON_ADOPTER => d.horizon,
                t if t < d.start => return,
                t => t,
            };
            if arrival <= end {
                events.push(Event { person: v, step: arrival, param: p, multiplicity: m });
            }
        });
        events.sort_unstable_by_key(|e| (e.person, e.step, e.param));
        let mut fail = vec![0.0; d.dim()];
        let person_steps = self.external_failures(c, &mut fail);
        (events, fail, person_steps)
    }

    /// The adoption step of `v` in the cascade last marked, `None` for a non-adopter.
    pub(crate) fn adoption_step(&self, v: u32) -> Option<u32> {
        match self.status(v) {
            NON_ADOPTER | UNKNOWN => None,
            t => Some(t),
        }
    }

    /// Adds the external classes' failures of `c` to `fail` (each person-step at risk
    /// without adoption, in its class) and returns the person-steps at risk.
    fn external_failures(&self, c: &Cascade, fail: &mut [f64]) -> f64 {
        let d = self.design;
        let (horizon, start) = (d.horizon, d.start);
        let steps = if horizon >= start { horizon - start + 1 } else { 0 };
        let groups = d.num_groups();
        // People neither adopters nor unknown, per group: at risk at every step of the window.
        let mut absent = d.group_sizes.clone();
        for &(p, _) in &c.adopted {
            absent[d.group_of[p as usize] as usize] -= 1;
        }
        for &p in &c.unknown {
            absent[d.group_of[p as usize] as usize] -= 1;
        }
        let at_risk_adopters = c.adopted.iter().filter(|a| a.1 >= start);
        let mut person_steps = absent.iter().sum::<u64>() as f64 * f64::from(steps);
        person_steps += at_risk_adopters.clone().map(|a| f64::from(a.1 - start + 1)).sum::<f64>();
        if d.external.is_none() {
            return person_steps;
        }
        if d.external_by_step() {
            // Per group, how many are at risk without adopting at each step: the absent ones
            // throughout, each adopter before their step (a difference array).
            let mut diff = vec![0i64; groups * (horizon as usize + 2)];
            let row = horizon as usize + 2;
            for (g, &a) in absent.iter().enumerate() {
                // At most the network's size: far below 2^63.
                let a = i64::try_from(a).unwrap_or(i64::MAX);
                diff[g * row + start as usize] += a;
                diff[g * row + horizon as usize + 1] -= a;
            }
            for &(p, t) in at_risk_adopters {
                let g = d.group_of[p as usize] as usize;
                diff[g * row + start as usize] += 1;
                diff[g * row + t as usize] -= 1;
            }
            for g in 0..groups {
                let mut running = 0i64;
                for s in 0..=horizon {
                    running += diff[g * row + s as usize];
                    if running > 0 {
                        fail[d.external_of_group(g as u32, s) as usize] += running as f64;
                    }
                }
            }
        } else {
            for (g, &a) in absent.iter().enumerate() {
                fail[d.external_of_group(g as u32, 0) as usize] += a as f64 * f64::from(steps);
            }
            for &(p, t) in at_risk_adopters {
                fail[d.external_param(p, 0) as usize] += f64::from(t - start);
            }
        }
        person_steps
    }
}
