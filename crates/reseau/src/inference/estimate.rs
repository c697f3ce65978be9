//! The fit: tallies, maximum likelihood, profile intervals and tests, shares, bootstrap, and
//! the ready model.

use std::collections::BTreeMap;

use super::design::Design;
use super::fatigue_fit::{self, FatigueData};
use super::newton;
use super::observations::Observed;
pub(crate) use super::prepare::{Estimate, Prepared, check_explained, probability, solve};
use super::request::FitRequest;
use super::result::{CascadeFit, DataSummary, ExternalEstimate, FittedFatigue, LayerEstimate};
use super::tally::Tally;
use crate::cascade::{LayerSettings, Model};
use crate::control::Control;
use crate::error::{Error, Result};
use crate::fatigue::Fatigue;
use crate::rng::Stream;
use crate::stats::{CHI2_95, Z975, chi_bar_tail, quantile};

/// The profile log-likelihood with parameter `i` held at `value`.
fn profile(t: &Tally, e: &Estimate, i: usize, value: f64, max_iter: u32) -> f64 {
    let mut fixed = e.fixed.clone();
    fixed[i] = Some(value);
    newton::maximize(t, &e.solution.theta, &fixed, max_iter).loglik
}

/// Beyond this hazard a probability is 1 to double precision (1 − e^(−40) = 1 − 4·10^(−18)).
const HAZARD_CAP: f64 = 40.0;

/// The 95% profile-likelihood interval of parameter `i`, on the probability scale, and the
/// likelihood-ratio statistic of its being 0; `se` (its standard error, when known) sizes the
/// first step of the search.
fn interval(t: &Tally, e: &Estimate, i: usize, max_iter: u32, se: Option<f64>) -> ([f64; 2], f64) {
    let top = e.solution.loglik;
    let q_hat = e.solution.theta[i];
    // Negative inside the interval, positive outside; convex in the hazard (the profile of
    // a concave log-likelihood is concave), so each side has one crossing.
    let excess = |q: f64| 2.0 * (top - profile(t, e, i, q, max_iter)) - CHI2_95;
    let at_zero = if q_hat > 0.0 { (excess(0.0) + CHI2_95).max(0.0) } else { 0.0 };
    let low = if at_zero < CHI2_95 {
        0.0
    } else {
        crossing(&excess, (q_hat, -CHI2_95), (0.0, at_zero - CHI2_95))
    };
    let mut step = se.filter(|s| s.is_finite() && *s > 0.0).unwrap_or(0.1).max(1e-9);
    let mut inside = (q_hat, -CHI2_95);
    let high = loop {
        let q = (q_hat + step).min(HAZARD_CAP);
        let f = excess(q);
        if f >= 0.0 {
            break crossing(&excess, inside, (q, f));
        }
        if q >= HAZARD_CAP {
            break f64::INFINITY;
        }
        inside = (q, f);
        step *= 4.0;
    };
    ([probability(low), probability(high)], at_zero)
}

/// Where `f` crosses 0 between `inside` (f < 0) and `outside` (f ≥ 0, possibly +∞), by the
/// Illinois variant of regula falsi (bisecting while a value is infinite).
fn crossing(f: &impl Fn(f64) -> f64, inside: (f64, f64), outside: (f64, f64)) -> f64 {
    let (mut a, mut fa) = outside;
    let (mut b, mut fb) = inside;
    for _ in 0..100 {
        let c = if fa.is_finite() && fb.is_finite() && (fa - fb).abs() > 0.0 {
            b - fb * (b - a) / (fb - fa)
        } else {
            0.5 * (a + b)
        };
        let fc = f(c);
        if fc.abs() < 1e-9 || (a - b).abs() <= 1e-12 * a.abs().max(b.abs()).max(1e-12) {
            return c;
        }
        if (fc < 0.0) == (fb < 0.0) {
            fa *= 0.5;
        } else {
            a = b;
            fa = fb;
        }
        b = c;
        fb = fc;
    }
    b
}

/// Each layer parameter's share of the adoptions, and the external share.
pub(crate) fn shares(t: &Tally, theta: &[f64], layer_params: usize) -> (Vec<f64>, f64) {
    let total = t.adoptions();
    let mut layer = vec![0.0; layer_params];
    let mut external = 0.0;
    for p in &t.patterns {
        let z = p.dot(theta);
        for &(i, v) in &p.x {
            let part = p.count * v * theta[i as usize] / z;
            if (i as usize) < layer_params {
                layer[i as usize] += part;
            } else {
                external += part;
            }
        }
    }
    if total > 0.0 {
        for s in &mut layer {
            *s /= total;
        }
        external /= total;
    }
    (layer, external)
}

/// The share of the adoptions carried by the parameters `set` and its 95% interval: each
/// adoption is attributed to its causes in proportion to their hazards, and the share is
/// the mean attribution. Its variance adds the sampling variance of that mean over the
/// adoptions and the delta-method variance from the parameters (`cov` over `free`); the
/// interval is clipped to [0, 1].
fn share_interval(
    t: &Tally,
    theta: &[f64],
    free: &[usize],
    cov: &[f64],
    set: impl Fn(usize) -> bool,
) -> (f64, [f64; 2]) {
    let total = t.adoptions();
    if total <= 0.0 {
        return (0.0, [0.0, 0.0]);
    }
    let attribution = |p: &super::tally::Pattern| {
        let z = p.dot(theta);
        let part: f64 =
            p.x.iter().filter(|x| set(x.0 as usize)).map(|&(i, v)| v * theta[i as usize]).sum();
        (z, part, part / z)
    };
    let share = t.patterns.iter().map(|p| p.count * attribution(p).2).sum::<f64>() / total;
    let mut spread = 0.0;
    let mut grad = vec![0.0; theta.len()];
    for p in &t.patterns {
        let (z, part, a) = attribution(p);
        spread += p.count * (a - share) * (a - share);
        for &(i, v) in &p.x {
            let own = if set(i as usize) { v / z } else { 0.0 };
            grad[i as usize] += p.count * (own - part * v / (z * z));
        }
    }
    let k = free.len();
    let mut var = 0.0;
    for a in 0..k {
        for b in 0..k {
            var += grad[free[a]] * cov[a * k + b] * grad[free[b]];
        }
    }
    var /= total * total;
    if total > 1.0 {
        var += spread / (total - 1.0) / total;
    }
    let half = Z975 * var.max(0.0).sqrt();
    (share, [(share - half).max(0.0), (share + half).min(1.0)])
}

/// A group's display name.
fn group_name(design: &Design, g: usize) -> String {
    design.group_names[g].clone().unwrap_or_else(|| "-".to_owned())
}

/// The key of layer parameter `i`.
pub(crate) fn layer_key(prep: &Prepared, i: usize) -> String {
    let (l, g) = prep.design.layer_params[i];
    let name = &prep.compiled.layers()[l].name;
    match g {
        Some(g) => format!("{name}/{}", group_name(&prep.design, g)),
        None => name.clone(),
    }
}

/// The keys of the layer parameters, in order.
pub(crate) fn layer_keys(prep: &Prepared) -> Vec<String> {
    (0..prep.design.num_layer_params).map(|i| layer_key(prep, i)).collect()
}

/// What one bootstrap replicate keeps: each parameter's probability (`None` where the
/// resample had no data on it) and the shadow share.
#[derive(Debug, Clone)]
struct Replicate {
    probabilities: Vec<Option<f64>>,
    shadow: f64,
}

/// The bootstrap over cascades: each cascade's tally, and the full data's estimate that every
/// replicate starts from.
struct Resample<'a> {
    parts: &'a [Tally],
    design: &'a Design,
    estimate: &'a Estimate,
    max_iter: u32,
}

impl Resample<'_> {
    /// Replicate `b`: the cascades drawn with replacement from the stream `(seed, b)`,
    /// refitted.
    fn replicate(&self, seed: u64, b: u64) -> Replicate {
        let mut rng = Stream::new(seed, b);
        let n = self.parts.len();
        let mut weights = vec![0.0; n];
        for _ in 0..n {
            weights[rng.below(n as u64) as usize] += 1.0;
        }
        let t = Tally::combine(self.design.dim(), self.parts.iter().zip(weights.iter().copied()));
        let r = solve(&t, self.max_iter, Some(&self.estimate.solution.theta));
        let (_, shadow) = shares(&t, &r.solution.theta, self.design.num_layer_params);
        Replicate {
            probabilities: r
                .solution
                .theta
                .iter()
                .zip(&r.fixed)
                .map(|(&q, f)| f.is_none().then(|| probability(q)))
                .collect(),
            shadow,
        }
    }

    /// `count` replicates, in parallel when the feature is on: replicate b draws from the
    /// stream `(seed, b)` and results are kept in replicate order, so the intervals are the
    /// same for any number of threads. `progress` is (done before, total) for `control`.
    fn run(
        &self,
        count: u32,
        seed: u64,
        control: &Control<'_>,
        progress: (u64, u64),
    ) -> Result<Vec<Replicate>> {
        let done = std::sync::atomic::AtomicU64::new(progress.0);
        let one = |b: u64| {
            control.check()?;
            let r = self.replicate(seed, b);
            let d = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            let _ = control.report(d, progress.1);
            Ok(r)
        };
        #[cfg(feature = "parallel")]
        let out = {
            use rayon::prelude::*;
            (0..u64::from(count)).into_par_iter().map(one).collect::<Result<Vec<_>>>()
        };
        #[cfg(not(feature = "parallel"))]
        let out = (0..u64::from(count)).map(one).collect::<Result<Vec<_>>>();
        let out = out?;
        control.check()?;
        Ok(out)
    }
}

/// The 2.5% and 97.5% quantiles of the values that exist.
fn percentile_interval(values: impl Iterator<Item = Option<f64>>) -> Option<[f64; 2]> {
    let mut v: Vec<f64> = values.flatten().collect();
    v.sort_by(f64::total_cmp);
    Some([quantile(&v, 0.025)?, quantile(&v, 0.975)?])
}

/// The fitted model: per layer, the probability pooled over groups.
fn ready_model(prep: &Prepared, t: &Tally, e: &Estimate, fatigue: Option<Fatigue>) -> Model {
    let d = &prep.design;
    // Pooled per layer when fitted per group: the same data with one parameter per layer.
    let pooled;
    let (theta, fixed): (&[f64], &[Option<f64>]) = if d.by_group {
        let mut map: Vec<u32> = Vec::with_capacity(t.fail.len());
        let mut layer_index: BTreeMap<usize, u32> = BTreeMap::new();
        for &(l, _) in &d.layer_params {
            let next = layer_index.len() as u32;
            map.push(*layer_index.entry(l).or_insert(next));
        }
        let layers = layer_index.len() as u32;
        map.extend((0..d.num_external as u32).map(|j| layers + j));
        let pooled_tally = t.pooled(layers as usize + d.num_external, &map);
        pooled = (solve(&pooled_tally, prep.max_iterations, None), layer_index);
        (&pooled.0.solution.theta, &pooled.0.fixed)
    } else {
        (&e.solution.theta, &e.fixed)
    };
    let mut model = Model::independent_cascade(0.0);
    model.fatigue = fatigue;
    let mut param = 0usize;
    for (l, layer) in prep.compiled.layers().iter().enumerate() {
        let settings = match d.latency[l] {
            Some(latency) => {
                let s = if fixed[param].is_none() {
                    LayerSettings {
                        probability: Some(probability(theta[param])),
                        latency: Some(latency),
                        ..LayerSettings::default()
                    }
                } else {
                    LayerSettings { enabled: false, ..LayerSettings::default() }
                };
                param += 1;
                s
            }
            None => LayerSettings { enabled: false, ..LayerSettings::default() },
        };
        model.layers.insert(layer.name.clone(), settings);
    }
    model
}

/// The layer parameters' probabilities (`None` without data) and the shadow share of the
/// maximum-likelihood fit to `observed` (the curve refitted when there is fatigue): what a
/// permutation of the shuffle test keeps.
pub(crate) fn point(
    prep: &Prepared,
    observed: &Observed,
    control: &Control<'_>,
) -> Result<(Vec<Option<f64>>, f64)> {
    let dim = prep.design.dim();
    let parts = match prep.fatigue {
        Some(start) => {
            let data = FatigueData::new(prep, observed);
            let fitted = fatigue_fit::fit(prep, &data, start, control)?;
            data.tallies(prep, &fitted.fatigue)
        }
        None => prep.tallies(observed),
    };
    let total = Tally::combine(dim, parts.iter().map(|t| (t, 1.0)));
    check_explained(&total)?;
    let e = solve(&total, prep.max_iterations, None);
    let (_, shadow) = shares(&total, &e.solution.theta, prep.design.num_layer_params);
    let probabilities = (0..prep.design.num_layer_params)
        .map(|i| e.fixed[i].is_none().then(|| probability(e.solution.theta[i])))
        .collect();
    Ok((probabilities, shadow))
}

/// What a fit found, before it is written up.
struct Found<'a> {
    prep: &'a Prepared,
    total: Tally,
    e: Estimate,
    /// The parameters with data, and the covariance of their estimates.
    free: Vec<usize>,
    cov: Vec<f64>,
    /// Each parameter's profile interval and likelihood-ratio statistic, when asked for.
    intervals: Vec<Option<([f64; 2], f64)>>,
    replicates: Vec<Replicate>,
}

impl Found<'_> {
    /// Parameter `i`'s probability, interval, test and whether the data speaks of it.
    fn estimate_of(&self, i: usize) -> (Option<f64>, Option<[f64; 2]>, Option<f64>, bool) {
        let known = self.e.fixed[i].is_none();
        let (ci, p_value) = match self.intervals[i] {
            Some((ci, d0)) => (Some(ci), Some(chi_bar_tail(d0))),
            None => (None, None),
        };
        (known.then(|| probability(self.e.solution.theta[i])), ci, p_value, known)
    }

    /// Parameter `i`'s bootstrap interval, when bootstrapped.
    fn boot(&self, i: usize) -> Option<[f64; 2]> {
        (!self.replicates.is_empty())
            .then(|| percentile_interval(self.replicates.iter().map(|r| r.probabilities[i])))
            .flatten()
    }

    fn share(&self, set: impl Fn(usize) -> bool) -> (f64, [f64; 2]) {
        share_interval(&self.total, &self.e.solution.theta, &self.free, &self.cov, set)
    }

    fn layers(&self) -> Vec<LayerEstimate> {
        let d = &self.prep.design;
        let exposure = self.total.exposure();
        let mut exposed = vec![0.0; d.dim()];
        for p in &self.total.patterns {
            for &(i, _) in &p.x {
                exposed[i as usize] += p.count;
            }
        }
        (0..d.num_layer_params)
            .map(|i| {
                let (l, g) = d.layer_params[i];
                let (probability, ci95, p_value, identifiable) = self.estimate_of(i);
                let (share, share_ci95) = self.share(|j| j == i);
                LayerEstimate {
                    key: layer_key(self.prep, i),
                    layer: self.prep.compiled.layers()[l].name.clone(),
                    group: g.map(|g| group_name(d, g)),
                    latency: d.latency[l].unwrap_or(0),
                    probability,
                    ci95,
                    p_value,
                    identifiable,
                    exposures: exposure[i],
                    exposed_adoptions: exposed[i],
                    share,
                    share_ci95,
                    bootstrap_ci95: self.boot(i),
                }
            })
            .collect()
    }

    fn externals(&self) -> Vec<ExternalEstimate> {
        let d = &self.prep.design;
        let classes = d.external_classes().into_iter().enumerate();
        classes
            .map(|(j, (g, s))| {
                let i = d.num_layer_params + j;
                let (probability, ci95, p_value, identifiable) = self.estimate_of(i);
                let mut key = "external".to_owned();
                if let Some(g) = g {
                    key = format!("{key}/{}", group_name(d, g));
                }
                if let Some(s) = s {
                    key = format!("{key}@{s}");
                }
                ExternalEstimate {
                    key,
                    group: g.map(|g| group_name(d, g)),
                    step: s,
                    probability,
                    ci95,
                    p_value,
                    identifiable,
                    bootstrap_ci95: self.boot(i),
                }
            })
            .collect()
    }

    fn data(&self) -> DataSummary {
        let (prep, d) = (self.prep, &self.prep.design);
        let cascades = &prep.observed.cascades;
        DataSummary {
            cascades: cascades.len() as u64,
            people: prep.compiled.num_people() as u64,
            adoptions: prep.observed.num_adoptions() as u64,
            seeds: cascades
                .iter()
                .map(|c| c.adopted.iter().filter(|a| a.1 < d.start).count() as u64)
                .sum(),
            unknown: cascades.iter().map(|c| c.unknown.len() as u64).sum(),
            horizon: d.horizon,
            person_steps: self.total.person_steps,
            patterns: self.total.patterns.len() as u64,
        }
    }

    /// The result, with the fitted curve `fatigue` (when one was fitted).
    fn write_up(self, request: &FitRequest, fatigue: Option<FittedFatigue>) -> CascadeFit {
        let d = &self.prep.design;
        let layers = self.layers();
        let external_hazards = self.externals();
        let (shadow_share, shadow_share_ci95) = if d.external.is_some() {
            self.share(|j| j >= d.num_layer_params)
        } else {
            (0.0, [0.0, 0.0])
        };
        let shadow_share_bootstrap_ci95 = (!self.replicates.is_empty())
            .then(|| percentile_interval(self.replicates.iter().map(|r| Some(r.shadow))))
            .flatten();
        let fatigue_params =
            fatigue.as_ref().map_or(0, |f| fatigue_fit::free_parameters(&f.fatigue.curve));
        let k = self.free.len() as u32 + fatigue_params;
        let loglik = self.e.solution.loglik;
        let single = (d.num_external == 1).then(|| &external_hazards[0]);
        CascadeFit {
            exposure: d.exposure,
            probabilities: layers.iter().map(|l| (l.key.clone(), l.probability)).collect(),
            ci95: layers.iter().map(|l| (l.key.clone(), l.ci95)).collect(),
            layer_tests: layers.iter().map(|l| (l.key.clone(), l.p_value)).collect(),
            external: single.and_then(|e| e.probability),
            external_ci95: single.and_then(|e| e.ci95),
            shadow_share,
            shadow_share_ci95,
            shadow_share_bootstrap_ci95,
            log_likelihood: loglik,
            aic: 2.0 * f64::from(k) - 2.0 * loglik,
            num_parameters: k,
            iterations: self.e.solution.iterations,
            converged: self.e.solution.converged,
            data: self.data(),
            model: ready_model(
                self.prep,
                &self.total,
                &self.e,
                fatigue.as_ref().map(|f| f.fatigue),
            ),
            layers,
            external_hazards,
            fatigue,
            bootstrap: request.bootstrap,
        }
    }
}

/// Everything of [`fit`](super::fit) once the data is prepared; also returns the fitted
/// hazards θ.
pub(crate) fn fit_prepared(
    prep: &Prepared,
    request: &FitRequest,
    control: &Control<'_>,
) -> Result<(CascadeFit, Vec<f64>)> {
    let d = &prep.design;
    let dim = d.dim();
    let (parts, fatigue) = match prep.fatigue {
        Some(start) => {
            let data = FatigueData::new(prep, &prep.observed);
            let fitted = fatigue_fit::fit(prep, &data, start, control)?;
            (data.tallies(prep, &fitted.fatigue), Some(fitted))
        }
        None => (prep.tallies(&prep.observed), None),
    };
    if request.bootstrap > 0 && parts.len() < 2 {
        return Err(Error::invalid(
            "bootstrap",
            request.bootstrap,
            "0: a bootstrap over cascades needs two cascades or more",
        ));
    }
    let total = Tally::combine(dim, parts.iter().map(|t| (t, 1.0)));
    check_explained(&total)?;
    control.check()?;
    let e = solve(&total, prep.max_iterations, None);
    let free: Vec<usize> = (0..dim).filter(|&i| e.fixed[i].is_none()).collect();
    let cov = newton::covariance(&total, &e.solution.theta, &free);
    let steps =
        u64::from(request.bootstrap) + if request.intervals { free.len() as u64 } else { 0 };

    // Profile intervals and tests, one parameter at a time.
    let mut intervals: Vec<Option<([f64; 2], f64)>> = vec![None; dim];
    let mut done = 0u64;
    if request.intervals {
        for (j, &i) in free.iter().enumerate() {
            control.check()?;
            let se = cov[j * free.len() + j].sqrt();
            intervals[i] = Some(interval(&total, &e, i, prep.max_iterations, Some(se)));
            done += 1;
            control.report(done, steps)?;
        }
    }
    let replicates = if request.bootstrap > 0 {
        let resample =
            Resample { parts: &parts, design: d, estimate: &e, max_iter: prep.max_iterations };
        resample.run(request.bootstrap, request.seed, control, (done, steps))?
    } else {
        Vec::new()
    };
    let theta = e.solution.theta.clone();
    let found = Found { prep, total, e, free, cov, intervals, replicates };
    Ok((found.write_up(request, fatigue), theta))
}
