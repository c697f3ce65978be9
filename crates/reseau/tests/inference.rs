//! Learning from adoptions (`reseau::inference`): exact log-likelihoods on three people,
//! recovery of known probabilities from cascades that reseau's own engine simulates (with an
//! external hazard), interval calibration, the 1/√cascades shrinkage, the shuffle test,
//! hidden ties, fatigue, determinism across thread counts, and bad input. The 200-replicate
//! calibration study is the `#[ignore]`d test at the end (docs/inference.md quotes it; run
//! it with `cargo test --release -p reseau --test inference -- --ignored`).

// Exact values are the point in several checks; ids and counts are small.
#![allow(clippy::float_cmp, clippy::cast_possible_wrap, clippy::doc_markdown)]

use std::collections::BTreeSet;

use reseau::cascade::{LayerSettings, Model, SimulateRequest, TraceRequest, trace};
use reseau::fatigue::Fatigue;
use reseau::inference::{
    Adoption, Adoptions, AdoptionsCsv, Exposure, FitRequest, ShadowRequest, ShuffleRequest,
    StepZero, fit, infer_shadow, parse_adoptions, shuffle_test,
};
use reseau::rng::Stream;
use reseau::{Error, Layer, Network, PersonId};

mod shared_data;

// ----- networks and simulated data -----

/// A multiplex of `n` people: layer `a` (physical, latency 1), `b` (digital, latency 2) and
/// `c` (physical, latency 1), each an Erdős–Rényi graph of mean degree `degree`.
fn multiplex(n: usize, degree: f64, seed: u64) -> Network {
    let mut net = Network::new();
    net.add_layer(Layer::physical("a")).unwrap();
    net.add_layer(Layer::digital("b").latency(2)).unwrap();
    net.add_layer(Layer::physical("c")).unwrap();
    net.add_people(n).unwrap();
    for (k, name) in ["a", "b", "c"].into_iter().enumerate() {
        let er = reseau::generators::erdos_renyi(n, degree, seed * 10 + k as u64).unwrap();
        for t in er.ties() {
            net.add_tie(t.source, t.target, name, 1.0).unwrap();
        }
    }
    net
}

/// Cascades simulated by the cascade engine with per-layer probabilities `truth` and an
/// external hazard `h` per step, observed through step `horizon`.
///
/// The engine has no external hazard, so it is built from its own parts: a chain of clock
/// people S₀ → S₁ → … (a layer of probability 1 and latency 1; S₀ is a seed), each tied to
/// every real person in an `external` layer of probability `h` and latency 1, so that
/// everyone gets one chance `h` at each step from 1 on; at step 0 each person seeds the
/// cascade with probability `h`. The engine then runs the independent cascade exactly as
/// `simulate` does, latencies included.
fn engine_cascades(
    net: &Network,
    truth: &[(&str, f64)],
    h: f64,
    horizon: u32,
    cascades: u32,
    seed: u64,
) -> Vec<Adoption> {
    let n = net.num_people();
    let mut sim = net.clone();
    sim.add_layer(Layer::physical("clock").directed(true)).unwrap();
    sim.add_layer(Layer::physical("external").directed(true)).unwrap();
    let first = sim.add_people(horizon as usize).unwrap().0;
    for s in 0..horizon {
        let clock = PersonId(first + s);
        if s + 1 < horizon {
            sim.add_tie(clock, PersonId(first + s + 1), "clock", 1.0).unwrap();
        }
        for v in 0..n as u32 {
            sim.add_tie(clock, PersonId(v), "external", 1.0).unwrap();
        }
    }
    let mut model = Model::independent_cascade(0.0);
    for &(layer, p) in truth {
        model = model.layer(layer, LayerSettings { probability: Some(p), ..Default::default() });
    }
    model = model
        .layer("clock", LayerSettings { probability: Some(1.0), ..Default::default() })
        .layer("external", LayerSettings { probability: Some(h), ..Default::default() });
    let view = sim.compiled();
    let mut out = Vec::new();
    for c in 0..cascades {
        let mut rng = Stream::new(seed, u64::from(c));
        let mut seeds = vec![first];
        seeds.extend((0..n as u32).filter(|_| rng.bernoulli(h)));
        let request =
            TraceRequest::new(seeds).model(model.clone()).seed(seed * 1_000_003 + u64::from(c));
        let run = trace(&view, &request).unwrap();
        for v in 0..n {
            let step = run.step[v];
            if (0..=i64::from(horizon)).contains(&step) {
                out.push(Adoption::new(v as u32, step as u32).in_cascade(c));
            }
        }
    }
    out
}

/// Cascades under persistent exposure (not something the engine runs): at each step, a
/// person not yet adopted adopts with probability 1 − (1 − h)·Π(1 − p_l) over every tie
/// from someone who adopted at least a latency before.
fn persistent_cascades(
    net: &Network,
    truth: &[(&str, f64)],
    h: f64,
    horizon: u32,
    cascades: u32,
    seed: u64,
) -> Vec<Adoption> {
    let view = net.compiled();
    let n = net.num_people();
    let p: Vec<f64> = view
        .layers()
        .iter()
        .map(|l| truth.iter().find(|t| t.0 == l.name).map_or(0.0, |t| t.1))
        .collect();
    let mut out = Vec::new();
    for c in 0..cascades {
        let mut rng = Stream::new(seed, u64::from(c));
        let mut time = vec![u32::MAX; n];
        for s in 0..=horizon {
            let mut escape = vec![1.0 - h; n];
            for (l, layer) in view.layers().iter().enumerate() {
                for u in 0..n as u32 {
                    if time[u as usize] != u32::MAX && time[u as usize] + layer.latency <= s {
                        for &v in layer.successors(u) {
                            escape[v as usize] *= 1.0 - p[l];
                        }
                    }
                }
            }
            for v in 0..n {
                if time[v] == u32::MAX && rng.bernoulli(1.0 - escape[v]) {
                    time[v] = s;
                }
            }
        }
        for (v, &t) in time.iter().enumerate() {
            if t != u32::MAX {
                out.push(Adoption::new(v as u32, t).in_cascade(c));
            }
        }
    }
    out
}

fn estimate(fit: &reseau::inference::CascadeFit, key: &str) -> (f64, [f64; 2], f64) {
    let l = fit.layers.iter().find(|l| l.key == key).unwrap();
    (l.probability.unwrap(), l.ci95.unwrap(), l.p_value.unwrap())
}

const TRUTH: [(&str, f64); 3] = [("a", 0.2), ("b", 0.08), ("c", 0.0)];
const H: f64 = 0.01;

// ----- exact small cases -----

fn three_people(ties: &[(u32, u32)]) -> Network {
    let mut net = Network::new();
    net.add_layer(Layer::physical("lunch")).unwrap();
    for label in ["a", "b", "c"] {
        net.add_person(reseau::Person::new().label(label)).unwrap();
    }
    for &(x, y) in ties {
        net.add_tie(PersonId(x), PersonId(y), "lunch", 1.0).unwrap();
    }
    net
}

#[test]
fn cascade_log_likelihood_equals_the_hand_computed_value() {
    // a adopts at 0 (only the external hazard can explain it); at step 1 lunch exposes b
    // (who adopts) and c (who does not); the window ends at step 1. With q = −ln(1 − p) and
    // η = −ln(1 − h): ℓ = ln(1 − e^−η) − 3η − q + ln(1 − e^−(η+q)), maximal at e^η = 3/2 and
    // e^(η+q) = 2: h = 1/3, p = 1/4, ℓ = ln(1/3) + ln(1/2) − 3 ln(3/2) − ln(4/3).
    let net = three_people(&[(0, 1), (0, 2)]);
    let seen = vec![Adoption::new("a", 0), Adoption::new("b", 1)];
    let fitted = fit(&net, &FitRequest { horizon: Some(1), ..FitRequest::new(seen) }).unwrap();
    let want = (1.0f64 / 3.0).ln() + 0.5f64.ln() - 3.0 * 1.5f64.ln() - (4.0f64 / 3.0).ln();
    assert!((fitted.log_likelihood - want).abs() < 1e-10, "{} {want}", fitted.log_likelihood);
    assert!((fitted.probabilities["lunch"].unwrap() - 0.25).abs() < 1e-8);
    assert!((fitted.external.unwrap() - 1.0 / 3.0).abs() < 1e-8);
    assert!((fitted.aic - (4.0 - 2.0 * want)).abs() < 1e-9);
    assert!(fitted.converged);
}

#[test]
fn persistent_log_likelihood_equals_the_hand_computed_value() {
    // a adopts at 0; lunch presses b from step 1 on, b adopts at 2; c, tied to nobody, never
    // adopts; the window ends at step 2. b resists the pressure once (step 1) and gives in
    // at step 2; c resists the external hazard three times:
    // ℓ = ln(1 − e^−η) − 5η − q + ln(1 − e^−(η+q)), maximal at e^η = 5/4, e^(η+q) = 2:
    // h = 1/5, p = 3/8, ℓ = ln(1/5) − 5 ln(5/4) − ln(8/5) − ln 2.
    let net = three_people(&[(0, 1)]);
    let seen = vec![Adoption::new("a", 0), Adoption::new("b", 2)];
    let request = FitRequest { horizon: Some(2), ..FitRequest::new(seen) };
    let persistent =
        fit(&net, &FitRequest { exposure: Exposure::Persistent, ..request.clone() }).unwrap();
    let want = 0.2f64.ln() - 5.0 * 1.25f64.ln() - 1.6f64.ln() - 2.0f64.ln();
    assert!((persistent.log_likelihood - want).abs() < 1e-10, "{}", persistent.log_likelihood);
    assert!((persistent.probabilities["lunch"].unwrap() - 0.375).abs() < 1e-8);
    assert!((persistent.external.unwrap() - 0.2).abs() < 1e-8);
    // Under the cascade model lunch had one chance, at step 1, and failed: p = 0, and b's
    // adoption at 2 is external: ℓ = 2 ln(1 − e^−η) − 5η, maximal at e^η = 7/5.
    let cascade = fit(&net, &request).unwrap();
    let want = 2.0 * (2.0f64 / 7.0).ln() - 5.0 * 1.4f64.ln();
    assert!((cascade.log_likelihood - want).abs() < 1e-10, "{}", cascade.log_likelihood);
    assert_eq!(cascade.probabilities["lunch"], Some(0.0));
    assert_eq!(cascade.layer_tests["lunch"], Some(1.0));
    assert_eq!(cascade.ci95["lunch"].unwrap()[0], 0.0);
}

#[test]
fn seeds_at_step_zero_leave_the_likelihood() {
    // a is a seed; lunch exposes b (who adopts) and c (who does not) at step 1; c resists
    // the external hazard alone at step 2. From step 1 on:
    // ℓ = ln(1 − e^−(η+q)) − (η + q) − η, maximal at η = 0 (the boundary) and e^q = 2.
    let net = three_people(&[(0, 1), (0, 2)]);
    let seen = vec![Adoption::new("a", 0), Adoption::new("b", 1)];
    let request =
        FitRequest { horizon: Some(2), step_zero: StepZero::Seeds, ..FitRequest::new(seen) };
    let fitted = fit(&net, &request).unwrap();
    assert_eq!(fitted.data.seeds, 1);
    assert!((fitted.probabilities["lunch"].unwrap() - 0.5).abs() < 1e-8);
    assert_eq!(fitted.external, Some(0.0));
    assert!((fitted.log_likelihood - 2.0 * 0.5f64.ln()).abs() < 1e-10);
}

// ----- recovery from the engine's own cascades -----

#[test]
fn recovers_known_probabilities_and_external_hazard() {
    let net = multiplex(400, 3.0, 1);
    let seen = engine_cascades(&net, &TRUTH, H, 8, 40, 11);
    let fitted = fit(&net, &FitRequest { horizon: Some(8), ..FitRequest::new(seen) }).unwrap();
    for (key, truth) in TRUTH {
        let (p, ci, _) = estimate(&fitted, key);
        assert!(ci[0] <= p && p <= ci[1], "{key}: {p} outside {ci:?}");
        assert!((p - truth).abs() < 0.05, "{key}: {p} against {truth}");
    }
    let h = fitted.external.unwrap();
    let [lo, hi] = fitted.external_ci95.unwrap();
    assert!(lo <= h && h <= hi && (h - H).abs() < 0.004, "h = {h} [{lo}, {hi}]");
    // Influence through a and b is plain; c carries none and its interval touches 0.
    assert!(estimate(&fitted, "a").2 < 1e-6 && estimate(&fitted, "b").2 < 1e-3);
    let (_, c_ci, c_p) = estimate(&fitted, "c");
    assert_eq!(c_ci[0], 0.0);
    assert!(c_p > 0.05, "c's test: p = {c_p}");
    // The shares add up, and the shadow share sits in its interval.
    let total: f64 = fitted.layers.iter().map(|l| l.share).sum::<f64>() + fitted.shadow_share;
    assert!((total - 1.0).abs() < 1e-9);
    let [s0, s1] = fitted.shadow_share_ci95;
    assert!(s0 < fitted.shadow_share && fitted.shadow_share < s1);
    // The ready model carries the estimates and runs.
    let settings = &fitted.model.layers["a"];
    assert_eq!(settings.probability, fitted.probabilities["a"]);
    let request = SimulateRequest::new([0]).model(fitted.model.clone()).runs(50).seed(1);
    let run = reseau::cascade::simulate(&net.compiled(), &request);
    assert!(run.unwrap().total.mean >= 1.0);
}

#[test]
fn persistent_exposure_is_recovered_from_its_own_process() {
    let net = multiplex(200, 3.0, 2);
    let truth = [("a", 0.08), ("b", 0.03), ("c", 0.0)];
    let seen = persistent_cascades(&net, &truth, 0.005, 10, 30, 5);
    let request =
        FitRequest { horizon: Some(10), exposure: Exposure::Persistent, ..FitRequest::new(seen) };
    let fitted = fit(&net, &request).unwrap();
    for (key, truth) in truth {
        let (p, ci, _) = estimate(&fitted, key);
        assert!(ci[0] <= truth && truth <= ci[1], "{key}: {truth} outside {ci:?} (estimate {p})");
    }
    // The wrong exposure model fits worse on these data.
    let cascade = fit(&net, &FitRequest { exposure: Exposure::Cascade, ..request }).unwrap();
    assert!(fitted.aic < cascade.aic, "{} against {}", fitted.aic, cascade.aic);
}

#[test]
fn per_group_probabilities_and_external_hazards() {
    let mut net = multiplex(400, 3.0, 12);
    for v in 0..400u32 {
        let group = if v % 2 == 0 { "north" } else { "south" };
        net.set_group(PersonId(v), Some(group.into())).unwrap();
    }
    let seen = engine_cascades(&net, &TRUTH, H, 8, 40, 17);
    let request = FitRequest {
        horizon: Some(8),
        by_group: true,
        external_by_group: true,
        ..FitRequest::new(seen)
    };
    let fitted = fit(&net, &request).unwrap();
    assert_eq!(fitted.layers.len(), 6);
    for (key, truth) in [("a/north", 0.2), ("a/south", 0.2), ("b/north", 0.08), ("b/south", 0.08)] {
        let (p, ci, _) = estimate(&fitted, key);
        assert!(ci[0] <= truth && truth <= ci[1], "{key}: {truth} outside {ci:?} ({p})");
    }
    assert_eq!(fitted.external_hazards.len(), 2);
    for e in &fitted.external_hazards {
        let [lo, hi] = e.ci95.unwrap();
        assert!(lo <= H && H <= hi, "{}: [{lo}, {hi}]", e.key);
    }
    assert_eq!(fitted.external, None);
    // The ready model pools the groups: one probability per layer.
    let pooled = fitted.model.layers["a"].probability.unwrap();
    assert!((pooled - 0.2).abs() < 0.05, "{pooled}");
}

/// How often each true value falls in its 95% interval over `replicates` data sets.
fn coverage(replicates: u32, cascades: u32) -> [u32; 4] {
    let net = multiplex(200, 3.0, 3);
    let mut hits = [0u32; 4];
    for r in 0..replicates {
        let seen = engine_cascades(&net, &TRUTH, H, 6, cascades, 1000 + u64::from(r));
        let fitted = fit(&net, &FitRequest { horizon: Some(6), ..FitRequest::new(seen) }).unwrap();
        for (k, (key, truth)) in TRUTH.into_iter().enumerate() {
            let ci = estimate(&fitted, key).1;
            hits[k] += u32::from(ci[0] <= truth && truth <= ci[1]);
        }
        let [lo, hi] = fitted.external_ci95.unwrap();
        hits[3] += u32::from(lo <= H && H <= hi);
    }
    hits
}

#[test]
fn intervals_are_calibrated_on_a_small_study() {
    // 40 replicates: a 95% interval covers the truth 38 times on average (sd 1.4); fewer
    // than 34 means the intervals are too narrow, and always 40 for a, b and h would hint at
    // intervals far too wide.
    let hits = coverage(40, 15);
    for (k, &h) in hits.iter().enumerate() {
        assert!(h >= 34, "parameter {k}: {h}/40 covered ({hits:?})");
    }
    assert!(hits[0] + hits[1] + hits[3] < 120, "{hits:?}");
}

#[test]
#[ignore = "the 200-replicate calibration study (about a minute in release): docs/inference.md"]
fn intervals_are_calibrated_over_200_replicates() {
    let hits = coverage(200, 15);
    println!("coverage over 200 replicates (a, b, c, external): {hits:?}");
    for (k, &h) in hits.iter().enumerate() {
        // c's truth is 0, the edge of its range: covered whenever the interval touches 0.
        let range = if k == 2 { 180..=200 } else { 180..=198 };
        assert!(range.contains(&h), "parameter {k}: {h}/200 covered");
    }
}

#[test]
fn error_shrinks_like_one_over_root_cascades() {
    // 1,280 cascades cut into disjoint data sets of 10, 40 and 160 cascades (128, 32 and 8
    // independent replicates): the root-mean-square error of p(a) and p(b) against the
    // number of cascades, on log-log axes, has slope −1/2.
    let net = multiplex(200, 3.0, 4);
    let seen = engine_cascades(&net, &TRUTH, H, 6, 1280, 500);
    let mut points = Vec::new();
    for size in [10u32, 40, 160] {
        let mut sq = 0.0;
        let replicates = 1280 / size;
        for r in 0..replicates {
            let part: Vec<Adoption> = seen
                .iter()
                .filter(|a| {
                    matches!(a.cascade, Some(reseau::inference::CascadeRef::Number(c)) if c / i64::from(size) == i64::from(r))
                })
                .cloned()
                .collect();
            let request =
                FitRequest { horizon: Some(6), intervals: false, ..FitRequest::new(part) };
            let fitted = fit(&net, &request).unwrap();
            for (key, truth) in &TRUTH[..2] {
                let p = fitted.probabilities[*key].unwrap();
                sq += (p - truth) * (p - truth);
            }
        }
        let rmse = (sq / f64::from(2 * replicates)).sqrt();
        println!("rmse of p(a) and p(b) with {size} cascades: {rmse:.4} ({replicates} data sets)");
        points.push((f64::from(size).ln(), rmse.ln()));
    }
    let mean = |f: fn(&(f64, f64)) -> f64| points.iter().map(f).sum::<f64>() / 3.0;
    let (mx, my) = (mean(|p| p.0), mean(|p| p.1));
    let slope = points.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum::<f64>()
        / points.iter().map(|p| (p.0 - mx) * (p.0 - mx)).sum::<f64>();
    println!("log-log slope {slope:.3} (1/√n: −0.5)");
    assert!((-0.7..-0.3).contains(&slope), "slope {slope}");
}

// ----- the shuffle test, the bootstrap and determinism -----

#[test]
fn shuffled_times_erase_influence_but_not_homophily() {
    let net = multiplex(300, 3.0, 6);
    let seen = engine_cascades(&net, &TRUTH, H, 8, 20, 21);
    let request =
        ShuffleRequest { horizon: Some(8), permutations: 40, ..ShuffleRequest::new(seen) };
    let test = shuffle_test(&net, &request).unwrap();
    // a carries real influence: no permutation reaches its estimate.
    assert!(test.p_values["a"].unwrap() <= 1.0 / 41.0 + 1e-12, "{:?}", test.p_values);
    let a = &test.layers[0];
    assert!(a.shuffled_mean.unwrap() < a.observed.unwrap());
    assert!(test.p_values["c"].unwrap() > 0.05);
    assert!(test.shuffled_shadow_share > test.shadow_share);

    // Homophily without influence: the same people adopt together but in random order
    // (every member of a clique adopts at a random step): the test finds nothing.
    let mut clustered = Vec::new();
    let mut rng = Stream::new(9, 0);
    for c in 0..20 {
        let start = rng.below(280) as u32;
        for v in start..start + 20 {
            if rng.bernoulli(0.5) {
                clustered.push(Adoption::new(v, rng.below(8) as u32).in_cascade(c));
            }
        }
    }
    let mut chain = Network::new();
    chain.add_layer(Layer::physical("near")).unwrap();
    chain.add_people(300).unwrap();
    for v in 0..299u32 {
        for w in v + 1..(v + 4).min(300) {
            chain.add_tie(PersonId(v), PersonId(w), "near", 1.0).unwrap();
        }
    }
    let request =
        ShuffleRequest { horizon: Some(8), permutations: 40, ..ShuffleRequest::new(clustered) };
    let test = shuffle_test(&chain, &request).unwrap();
    assert!(test.p_values["near"].unwrap() > 0.05, "{:?}", test.layers);
}

#[cfg(feature = "parallel")]
#[test]
fn bootstrap_and_shuffles_are_the_same_for_any_thread_count() {
    let net = multiplex(150, 3.0, 7);
    let seen = engine_cascades(&net, &TRUTH, H, 6, 12, 3);
    let fit_request =
        FitRequest { horizon: Some(6), bootstrap: 30, seed: 4, ..FitRequest::new(seen.clone()) };
    let shuffle =
        ShuffleRequest { horizon: Some(6), permutations: 16, seed: 4, ..ShuffleRequest::new(seen) };
    let run = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        pool.install(|| (fit(&net, &fit_request).unwrap(), shuffle_test(&net, &shuffle).unwrap()))
    };
    let one = run(1);
    let ci = one.0.layers[0].bootstrap_ci95.unwrap();
    assert!(ci[0] < one.0.probabilities["a"].unwrap() && ci[1] > ci[0]);
    assert!(one.0.shadow_share_bootstrap_ci95.is_some());
    for threads in [2, 3] {
        assert_eq!(run(threads), one, "{threads} threads");
    }
}

// ----- hidden ties -----

#[test]
fn removed_ties_are_found_far_above_chance() {
    let n = 120;
    let full = reseau::generators::watts_strogatz(n, 6, 0.2, 8).unwrap();
    let layer = full.layers()[0].name.clone();
    // Remove every tenth tie.
    let ties: Vec<(PersonId, PersonId)> = full.ties().map(|t| (t.source, t.target)).collect();
    let removed: BTreeSet<(u32, u32)> =
        ties.iter().step_by(10).map(|&(a, b)| (a.0.min(b.0), a.0.max(b.0))).collect();
    let mut visible = full.clone();
    for &(a, b) in &removed {
        assert!(visible.remove_tie(PersonId(a), PersonId(b), layer.as_str()).unwrap());
    }
    let truth = [(layer.as_str(), 0.25)];
    let seen = engine_cascades(&full, &truth, 0.01, 6, 1000, 13);
    let k = removed.len();
    let request =
        ShadowRequest { horizon: Some(6), candidates: k as u32, ..ShadowRequest::new(seen) };
    let found = infer_shadow(&visible, &request).unwrap();
    let hits = found
        .ties
        .iter()
        .filter(|t| removed.contains(&(t.source.min(t.target), t.source.max(t.target))))
        .count();
    let precision = hits as f64 / k as f64;
    // Chance: a removed tie among every ordered pair not visibly tied.
    let untied = n * (n - 1) - 2 * visible.num_ties();
    let chance = 2.0 * k as f64 / untied as f64;
    println!(
        "hidden ties: precision at {k} = {precision:.3} against chance {chance:.4} ({}x); {} pairs scored",
        precision / chance,
        found.candidates_scored
    );
    assert!(precision >= 0.5 && precision / chance > 20.0);
    assert_eq!(found.network.num_ties_in("shadow").unwrap(), found.ties.len());
    assert!(found.ties.windows(2).all(|w| w[0].score >= w[1].score));
}

// ----- fatigue -----

#[test]
fn a_fatigue_rate_is_recovered() {
    // The fit's fatigue model simulated directly: each step, v's hazard from the exposures
    // arriving then is scaled by e^(−rate·load), load = exposures received before.
    let net = multiplex(250, 4.0, 9);
    let (p, rate, h, horizon) = (0.35f64, 0.4f64, 0.01f64, 8u32);
    let view = net.compiled();
    let a = &view.layers()[0];
    let q = -(1.0 - p).ln();
    let mut seen = Vec::new();
    for c in 0..60u32 {
        let mut rng = Stream::new(77, u64::from(c));
        let mut time = vec![u32::MAX; 250];
        let mut load = vec![0u32; 250];
        for s in 0..=horizon {
            let mut arriving = vec![0u32; 250];
            for u in 0..250u32 {
                if s >= 1 && time[u as usize] == s - 1 {
                    for &v in a.successors(u) {
                        arriving[v as usize] += 1;
                    }
                }
            }
            for v in 0..250 {
                if time[v] != u32::MAX {
                    continue;
                }
                let w = (-rate * f64::from(load[v])).exp();
                let hazard = -(1.0 - h).ln() + w * q * f64::from(arriving[v]);
                if rng.bernoulli(1.0 - (-hazard).exp()) {
                    time[v] = s;
                }
                load[v] += arriving[v];
            }
        }
        for (v, &t) in time.iter().enumerate() {
            if t != u32::MAX {
                seen.push(Adoption::new(v as u32, t).in_cascade(c));
            }
        }
    }
    let request = FitRequest {
        horizon: Some(horizon),
        layers: Some(vec!["a".into()]),
        fatigue: Some(Fatigue::exponential(0.1)),
        ..FitRequest::new(seen)
    };
    let fitted = fit(&net, &request).unwrap();
    let tired = fitted.fatigue.as_ref().unwrap();
    let reseau::fatigue::Curve::Exponential { rate: got } = tired.fatigue.curve else { panic!() };
    assert!((got - rate).abs() < 0.2, "rate {got}");
    assert!(tired.p_value.unwrap() < 0.01, "{tired:?}");
    assert!((fitted.probabilities["a"].unwrap() - p).abs() < 0.1);
    assert_eq!(fitted.model.fatigue, Some(tired.fatigue));
}

// ----- reading and bad input -----

#[test]
fn adoptions_come_as_rows_mappings_or_csv() {
    let net = three_people(&[(0, 1), (0, 2)]);
    let rows = parse_adoptions(b"person,time\na,0\nb,1\nc,NA\n", "t.csv", &AdoptionsCsv::default());
    let map: Adoptions = serde_json::from_str(r#"{"a": 0, "b": 1, "c": null}"#).unwrap();
    let by_rows = fit(&net, &FitRequest { horizon: Some(1), ..FitRequest::new(rows.unwrap()) });
    let by_map = fit(&net, &FitRequest { horizon: Some(1), ..FitRequest::new(map) });
    assert_eq!(by_rows.unwrap(), by_map.unwrap());
    // c, unknown, is left out: fewer person-steps than with c a non-adopter.
    let known: Adoptions = serde_json::from_str(r#"{"a": 0, "b": 1}"#).unwrap();
    let with_c = fit(&net, &FitRequest { horizon: Some(1), ..FitRequest::new(known) }).unwrap();
    assert_eq!(with_c.data.person_steps, 5.0);
    let fitted = fit(
        &net,
        &FitRequest {
            horizon: Some(1),
            ..FitRequest::new(
                serde_json::from_str::<Adoptions>(r#"{"a": 0, "b": 1, "c": null}"#).unwrap(),
            )
        },
    )
    .unwrap();
    assert_eq!((fitted.data.person_steps, fitted.data.unknown), (3.0, 1));
}

fn invalid(err: &Error, name: &str) -> bool {
    matches!(err, Error::InvalidParameter { name: n, .. } if n.contains(name))
}

#[test]
fn bad_input_gives_typed_errors() {
    let net = three_people(&[(0, 1)]);
    let at = |rows: Vec<Adoption>| fit(&net, &FitRequest::new(rows)).unwrap_err();
    let time = |t: f64| Adoption { time: Some(t), ..Adoption::new("a", 0) };
    assert!(matches!(at(vec![Adoption::new("zed", 0)]), Error::UnknownPerson { .. }));
    assert!(matches!(at(vec![Adoption::new(7, 0)]), Error::UnknownPerson { .. }));
    for bad in [-1.0, f64::NAN, 1.5, f64::INFINITY, 2e6] {
        let err = at(vec![time(bad)]);
        assert!(invalid(&err, "time of person"), "{bad}: {err}");
    }
    let late = FitRequest { horizon: Some(1), ..FitRequest::new(vec![Adoption::new("a", 3)]) };
    assert!(invalid(&fit(&net, &late).unwrap_err(), "horizon"));
    assert!(invalid(&at(vec![]), "adoptions"));
    assert!(invalid(&at(vec![Adoption::unknown("a")]), "adoptions"));
    assert!(invalid(&at(vec![Adoption::new("a", 0), Adoption::new("a", 1)]), "adoptions"));
    let empty = Network::new();
    assert!(invalid(
        &fit(&empty, &FitRequest::new(vec![Adoption::new(0, 0)])).unwrap_err(),
        "network"
    ));
    let off = FitRequest { external: false, ..FitRequest::new(vec![Adoption::new("a", 0)]) };
    assert!(invalid(&fit(&net, &off).unwrap_err(), "external"));
    let layers = FitRequest {
        layers: Some(vec!["dinner".into()]),
        ..FitRequest::new(vec![Adoption::new("a", 0)])
    };
    assert!(matches!(fit(&net, &layers).unwrap_err(), Error::UnknownLayer { .. }));
    let one = FitRequest { bootstrap: 10, ..FitRequest::new(vec![Adoption::new("a", 0)]) };
    assert!(invalid(&fit(&net, &one).unwrap_err(), "bootstrap"));
    let bad_csv = parse_adoptions(b"person,time\na,-2\n", "t.csv", &AdoptionsCsv::default());
    assert!(matches!(bad_csv.unwrap_err(), Error::Parse { line: 2, .. }));
    let no_column = parse_adoptions(b"who,time\na,2\n", "t.csv", &AdoptionsCsv::default());
    assert!(matches!(no_column.unwrap_err(), Error::Parse { line: 1, .. }));
}

#[test]
fn a_layer_nobody_was_exposed_through_is_not_identifiable() {
    // c adopts alone; lunch joins a and b, neither of whom adopts: lunch exposed no one.
    let net = three_people(&[(0, 1)]);
    let fitted = fit(&net, &FitRequest::new(vec![Adoption::new("c", 2)])).unwrap();
    let lunch = &fitted.layers[0];
    assert!(!lunch.identifiable);
    assert_eq!((lunch.probability, lunch.ci95, lunch.p_value), (None, None, None));
    assert_eq!(fitted.probabilities["lunch"], None);
    assert_eq!(lunch.exposures, 0.0);
    assert!(!fitted.model.layers["lunch"].enabled);
    assert!(fitted.log_likelihood.is_finite() && fitted.aic.is_finite());
    // Every number reported is finite.
    assert!(lunch.share == 0.0 && lunch.share_ci95 == [0.0, 0.0]);
    assert!(fitted.shadow_share == 1.0 && fitted.external.unwrap().is_finite());
}

// ----- real data -----

#[test]
fn ckm_physicians_fit_with_unknowns_left_out() {
    let Some(dir) = shared_data::path("ckm-physicians") else { return };
    let nodes = std::fs::read_to_string(dir.join("CKM-Physicians-Innovation_nodes.txt")).unwrap();
    let edges =
        std::fs::read_to_string(dir.join("CKM-Physicians-Innovation_multiplex.edges")).unwrap();
    let mut net = Network::new();
    for name in ["advice", "discussion", "friendship"] {
        net.add_layer(Layer::physical(name).directed(true)).unwrap();
    }
    let mut seen = Vec::new();
    for line in nodes.lines().skip(1) {
        let f: Vec<&str> = line.split_whitespace().collect();
        net.add_person(reseau::Person::new().label(f[0])).unwrap();
        let month: u32 = f[2].parse().unwrap();
        seen.push(match month {
            1..=17 => Adoption::new(f[0], month - 1),
            18 => continue, // no prescription in the 17 months: a non-adopter
            _ => Adoption::unknown(f[0]),
        });
    }
    for line in edges.lines() {
        let f: Vec<&str> = line.split_whitespace().collect();
        let layer = ["advice", "discussion", "friendship"][f[0].parse::<usize>().unwrap() - 1];
        let (a, b) = (net.index_of(f[1]).unwrap(), net.index_of(f[2]).unwrap());
        // "a turns to b": b can influence a.
        net.add_tie(b, a, layer, 1.0).unwrap();
    }
    let fitted = fit(&net, &FitRequest { horizon: Some(16), ..FitRequest::new(seen) }).unwrap();
    assert_eq!((fitted.data.adoptions, fitted.data.unknown), (109, 121));
    assert!(fitted.converged);
    assert!(fitted.layers.iter().all(|l| l.identifiable));
    assert!(fitted.shadow_share > 0.5 && fitted.shadow_share < 1.0);
}

#[test]
fn the_report_counts_adoptions_and_cascades_in_words() {
    use reseau::report::{ReportRequest, report};
    let net = reseau::datasets::aarhus_cs();
    let tie = net.ties().next().expect("a tie");
    let rows = vec![
        Adoption::new(net.display_name(tie.source), 0),
        Adoption::new(net.display_name(tie.target), 1),
    ];
    let request = ReportRequest {
        quick: true,
        runs: Some(20),
        replicates: Some(2),
        steps: Some(10),
        mixes: Some(vec![0.0, 1.0]),
        balance_steps: Some(10),
        balance_runs: Some(10),
        refine: Some(0),
        fit: Some(FitRequest { intervals: false, ..FitRequest::new(rows) }),
        ..ReportRequest::default()
    };
    let text = report(&net, &request).unwrap().text();
    assert!(text.contains("2 adoptions in 1 cascade up to step"), "{text}");
    assert!(!text.contains("(s)"), "{text}");
}
