//! Hidden ties, in the spirit of NetInf and NetRate (Gomez-Rodriguez, Leskovec & Krause,
//! KDD 2010; Gomez-Rodriguez, Balduzzi & Schölkopf, ICML 2011): which pairs, tied in no
//! visible layer, would explain the adoptions best if they were tied?
//!
//! The visible layers and the external hazard are fitted first. A hidden tie u → v with its
//! own hazard q then adds, in every cascade where u adopted at t_u and v was at risk when u's
//! exposure arrived (s₀ = t_u + latency): −q for each step v was exposed without adopting,
//! and ln(1 − e^(−(z + q))) − ln(1 − e^(−z)) at v's adoption when u's exposure was there,
//! z being v's fitted hazard then. This is concave in q; its maximum over q ≥ 0 is the
//! tie's score (a gain in log-likelihood), holding the fitted model fixed. Only pairs where
//! v adopted right after u somewhere can score above 0, so candidates come from the
//! cascades (O(adoptions × parents per step)), never from all n² pairs, and each is scored
//! from the cascades the two people share.

use std::collections::BTreeMap;

use super::estimate::{Prepared, fit_prepared, probability};
use super::request::{Exposure, FitRequest, ShadowRequest};
use super::result::{ShadowInference, ShadowTie};
use super::tally::Builder;
use crate::control::Control;
use crate::error::Result;
use crate::math::{expm1, ln_one_minus_exp_neg};
use crate::model::{Layer, LayerKind, Network, PersonId, TieSpec};

/// The status of a person in a cascade: adopted at a step, or unknown.
const UNKNOWN: u32 = u32::MAX;

/// One cascade as one person saw it: (cascade, step or [`UNKNOWN`], fitted hazard at the
/// adoption step when at risk).
type Entry = (u32, u32, f64);

/// See [`infer_shadow`](super::infer_shadow).
pub(crate) fn run(
    net: &Network,
    request: &ShadowRequest,
    control: &Control<'_>,
) -> Result<ShadowInference> {
    request.validate()?;
    let prep = Prepared::new(net, &request.spec())?;
    let fit_request = FitRequest {
        adoptions: request.adoptions.clone(),
        exposure: request.exposure,
        external: request.external,
        external_by_step: request.external_by_step,
        external_by_group: request.external_by_group,
        by_group: request.by_group,
        layers: request.layers.clone(),
        latency: request.latency.clone(),
        horizon: request.horizon,
        step_zero: request.step_zero,
        fatigue: None,
        max_iterations: request.max_iterations,
        ..FitRequest::default()
    };
    let (fit, theta) = fit_prepared(&prep, &fit_request, &Control::none())?;
    control.check()?;
    let entries = entries(&prep, &theta, control)?;
    let pairs = candidates(&prep, request);
    control.check()?;
    let mut scored = score(&prep, request.shadow_latency, &entries, &pairs);
    // Best first; ties in the order of the pair, so the ranking is reproducible.
    scored.sort_by(|a, b| {
        b.score.total_cmp(&a.score).then((a.source, a.target).cmp(&(b.source, b.target)))
    });
    scored.truncate(request.candidates as usize);
    for t in &mut scored {
        t.source_label = net.display_name(PersonId(t.source));
        t.target_label = net.display_name(PersonId(t.target));
    }
    let network =
        with_shadow_layer(net, &scored, &request.layer, request.kind, request.shadow_latency)?;
    Ok(ShadowInference {
        network,
        layer: request.layer.clone(),
        kind: request.kind,
        ties: scored,
        candidates_scored: pairs.len() as u64,
        fit,
    })
}

/// Each person's cascades, sorted by cascade, with the fitted hazard `theta` gives them at
/// each adoption at risk.
fn entries(
    prep: &Prepared,
    theta: &[f64],
    control: &Control<'_>,
) -> Result<BTreeMap<u32, Vec<Entry>>> {
    let cascades = &prep.observed.cascades;
    let mut entries: BTreeMap<u32, Vec<Entry>> = BTreeMap::new();
    let mut builder = Builder::new(&prep.compiled, &prep.design);
    let mut records = Vec::new();
    for (ci, c) in cascades.iter().enumerate() {
        records.clear();
        builder.cascade(c, Some(&mut records));
        let hazard: BTreeMap<u32, f64> = records
            .iter()
            .map(|r| (r.person, r.x.iter().map(|&(i, v)| v * theta[i as usize]).sum()))
            .collect();
        for &(p, t) in &c.adopted {
            let z = hazard.get(&p).copied().unwrap_or(0.0);
            entries.entry(p).or_default().push((ci as u32, t, z));
        }
        for &p in &c.unknown {
            entries.entry(p).or_default().push((ci as u32, UNKNOWN, 0.0));
        }
        if ci % 1024 == 1023 {
            control.report(ci as u64 + 1, cascades.len() as u64)?;
        }
    }
    Ok(entries)
}

/// The pairs (u, v) where v adopted right after u's exposure through a hidden tie would
/// have reached them, and that no visible tie joins from u to v; sorted.
fn candidates(prep: &Prepared, request: &ShadowRequest) -> Vec<(u32, u32)> {
    let (start, latency) = (prep.design.start, request.shadow_latency);
    let lags = match prep.design.exposure {
        Exposure::Cascade => 1,
        Exposure::Persistent => request.max_lag,
    };
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for c in &prep.observed.cascades {
        let at = |s: u32| {
            let from = c.adopted.partition_point(|a| a.1 < s);
            let to = c.adopted.partition_point(|a| a.1 <= s);
            &c.adopted[from..to]
        };
        for &(v, tv) in &c.adopted {
            if tv < start || tv < latency {
                continue;
            }
            for lag in 0..lags.min(tv - latency + 1) {
                pairs.extend(at(tv - latency - lag).iter().filter(|a| a.0 != v).map(|a| (a.0, v)));
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    let mut kept = Vec::with_capacity(pairs.len());
    let mut tied: Vec<u32> = Vec::new();
    let mut current = u32::MAX;
    for &(u, v) in &pairs {
        if u != current {
            current = u;
            tied.clear();
            for layer in prep.compiled.layers() {
                tied.extend_from_slice(layer.successors(u));
            }
            tied.sort_unstable();
        }
        if tied.binary_search(&v).is_err() {
            kept.push((u, v));
        }
    }
    kept
}

/// Each pair's score, best hazard and support, for the pairs that score above 0 (labels
/// left empty).
fn score(
    prep: &Prepared,
    latency: u32,
    entries: &BTreeMap<u32, Vec<Entry>>,
    pairs: &[(u32, u32)],
) -> Vec<ShadowTie> {
    let d = &prep.design;
    let (horizon, start) = (d.horizon, d.start);
    // The exposure-steps a hidden tie from someone who adopted at `tu` would make on a target
    // who never adopts: the baseline that the cascades the two share then correct.
    let exposure_steps = |tu: u32| -> f64 {
        let s0 = tu + latency;
        match d.exposure {
            _ if s0 > horizon => 0.0,
            Exposure::Cascade => 1.0,
            Exposure::Persistent => f64::from(horizon - s0 + 1),
        }
    };
    let baseline: BTreeMap<u32, f64> = entries
        .iter()
        .map(|(&u, es)| {
            (u, es.iter().filter(|e| e.1 != UNKNOWN).map(|e| exposure_steps(e.1)).sum())
        })
        .collect();
    let empty = Vec::new();
    let mut gains: Vec<f64> = Vec::new();
    let mut out = Vec::new();
    for &(u, v) in pairs {
        let (eu, ev) = (&entries[&u], entries.get(&v).unwrap_or(&empty));
        let mut failures = baseline[&u];
        gains.clear();
        // Both sorted by cascade: walk them together.
        let mut j = 0;
        for &(c, tu, _) in eu {
            if tu == UNKNOWN {
                continue;
            }
            while j < ev.len() && ev[j].0 < c {
                j += 1;
            }
            if j == ev.len() || ev[j].0 != c {
                continue;
            }
            let (_, tv, z) = ev[j];
            let s0 = tu + latency;
            failures -= exposure_steps(tu);
            if tv == UNKNOWN || tv < start || s0 > tv {
                continue;
            }
            match d.exposure {
                Exposure::Cascade if s0 < tv => failures += 1.0,
                Exposure::Cascade => gains.push(z),
                Exposure::Persistent => {
                    failures += f64::from(tv - s0);
                    gains.push(z);
                }
            }
        }
        let (q, score) = best_hazard(failures, &gains);
        if score > 0.0 {
            out.push(ShadowTie {
                source: u,
                target: v,
                source_label: String::new(),
                target_label: String::new(),
                score,
                probability: probability(q),
                support: gains.len() as u32,
            });
        }
    }
    out
}

/// The hazard q ≥ 0 maximising −`failures`·q + Σ_z [ln(1 − e^(−(z+q))) − ln(1 − e^(−z))]
/// and the maximum (0 at q = 0).
fn best_hazard(failures: f64, gains: &[f64]) -> (f64, f64) {
    let slope = |q: f64| -failures + gains.iter().map(|&z| 1.0 / expm1(z + q)).sum::<f64>();
    let value = |q: f64| {
        -failures * q
            + gains
                .iter()
                .map(|&z| ln_one_minus_exp_neg(z + q) - ln_one_minus_exp_neg(z))
                .sum::<f64>()
    };
    if gains.is_empty() || slope(0.0) <= 0.0 {
        return (0.0, 0.0);
    }
    // The slope falls from positive to −failures: bracket its zero, then bisect.
    let cap = 40.0; // p = 1 − e^(−40): certain
    let mut hi = 1.0;
    while hi < cap && slope(hi) > 0.0 {
        hi *= 2.0;
    }
    let hi = hi.min(cap);
    if slope(hi) > 0.0 {
        return (hi, value(hi));
    }
    let mut lo = 0.0;
    let mut hi = hi;
    for _ in 0..100 {
        let mid = 0.5 * (lo + hi);
        if slope(mid) > 0.0 {
            lo = mid;
        } else {
            hi = mid;
        }
        if hi - lo <= 1e-12 * hi {
            break;
        }
    }
    let q = 0.5 * (lo + hi);
    (q, value(q).max(0.0))
}

/// `net` with a directed layer `layer` of kind `kind` holding `ties`, each with its own
/// probability and weight 1: the hidden ties as a layer the rest of the library uses.
///
/// ```
/// use reseau::inference::{ShadowTie, with_shadow_layer};
/// use reseau::{LayerKind, Network, Person};
/// let mut net = Network::new();
/// net.add_layer(reseau::Layer::physical("lunch"))?;
/// net.add_people(3)?;
/// let tie = ShadowTie { source: 0, target: 2, source_label: "#0".into(), target_label: "#2".into(),
///                       score: 4.2, probability: 0.3, support: 5 };
/// let with = with_shadow_layer(&net, &[tie], "shadow", LayerKind::Digital, 1)?;
/// let layer = with.layer_id("shadow")?;
/// assert_eq!(with.num_ties_in(layer)?, 1);
/// assert_eq!(with.ties_in(layer)?.next().unwrap().probability, Some(0.3));
/// assert!(with_shadow_layer(&with, &[], "shadow", LayerKind::Digital, 1).is_err()); // exists already
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn with_shadow_layer(
    net: &Network,
    ties: &[ShadowTie],
    layer: &str,
    kind: LayerKind,
    latency: u32,
) -> Result<Network> {
    let mut out = net.clone();
    let id = out.add_layer(Layer::new(layer, kind).directed(true).latency(latency))?;
    for t in ties {
        let spec = TieSpec::weight(1.0).probability(t.probability);
        out.add_tie_spec(PersonId(t.source), PersonId(t.target), id, spec)?;
    }
    Ok(out)
}
