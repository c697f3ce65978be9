//! The cascade engine against exact results: live-edge enumeration on small graphs, the k-ary
//! tree formula, bond percolation on large random graphs, and the rules for relays, valence,
//! distrust and latency.

// Exact float comparisons are intended: these values are exact by construction.
#![allow(clippy::float_cmp, clippy::cast_possible_wrap)]

use reseau::cascade::{
    Amplifiers, Distrust, ExactSpreadRequest, LayerSettings, Model, Seeds, SimulateRequest,
    TraceRequest, exact_spread, simulate, trace,
};
use reseau::rng::Stream;
use reseau::{
    CompiledNetwork, Duplicates, Layer, Network, Person, PersonId, PersonKind, Sign, TieSpec,
};

/// Asserts that a Monte Carlo mean agrees with an exact value within `z` standard errors (plus
/// a hair for rounding).
fn assert_close(mc: &reseau::cascade::SpreadStats, runs: u64, exact: f64, z: f64) {
    let se = mc.std / (runs as f64).sqrt();
    assert!(
        (mc.mean - exact).abs() <= z * se + 1e-9,
        "Monte Carlo {} ± {se} vs exact {exact}",
        mc.mean
    );
}

/// People reachable from `seeds` along the directed `live` edges.
fn reach(n: usize, live: &[(u32, u32)], seeds: &[u32]) -> usize {
    let mut seen = vec![false; n];
    let mut stack: Vec<u32> = seeds.to_vec();
    for &s in seeds {
        seen[s as usize] = true;
    }
    while let Some(u) = stack.pop() {
        for &(a, b) in live {
            if a == u && !seen[b as usize] {
                seen[b as usize] = true;
                stack.push(b);
            }
        }
    }
    seen.iter().filter(|&&s| s).count()
}

/// Every directed slot of the compiled view with the probability the oracle gives it.
fn slots(view: &CompiledNetwork, prob: impl Fn(usize, u32, usize) -> f64) -> Vec<(u32, u32, f64)> {
    let mut out = Vec::new();
    for (l, layer) in view.layers().iter().enumerate() {
        for u in 0..view.num_people() as u32 {
            for slot in layer.range(u) {
                out.push((u, layer.targets()[slot], prob(l, u, slot)));
            }
        }
    }
    out
}

/// Exact expected IC spread: the sum over all 2^m live-edge graphs.
fn exact_ic(n: usize, edges: &[(u32, u32, f64)], seeds: &[u32]) -> f64 {
    let m = edges.len();
    assert!(m <= 16, "enumeration is for small graphs");
    let mut total = 0.0;
    for mask in 0u32..(1 << m) {
        let mut pr = 1.0;
        let mut live = Vec::new();
        for (i, &(a, b, p)) in edges.iter().enumerate() {
            if mask >> i & 1 == 1 {
                pr *= p;
                live.push((a, b));
            } else {
                pr *= 1.0 - p;
            }
        }
        if pr > 0.0 {
            total += pr * reach(n, &live, seeds) as f64;
        }
    }
    total
}

/// A small random multiplex: one undirected physical layer, one directed digital layer, each
/// tie with its own probability.
fn small_random(seed: u64, n: u32, ties: usize) -> Network {
    let mut rng = Stream::new(seed, 99);
    let mut net = Network::new();
    net.add_layer(Layer::physical("office")).unwrap();
    net.add_layer(Layer::digital("mail").directed(true)).unwrap();
    net.add_people(n as usize).unwrap();
    while net.num_directed_ties() < ties {
        let (a, b) = (rng.below(u64::from(n)) as u32, rng.below(u64::from(n)) as u32);
        if a == b {
            continue;
        }
        let layer = if rng.bernoulli(0.5) { "office" } else { "mail" };
        let p = 0.1 + 0.8 * rng.uniform();
        net.add_tie_spec(PersonId(a), PersonId(b), layer, TieSpec::weight(1.0).probability(p))
            .unwrap();
    }
    net
}

#[test]
fn independent_cascade_matches_live_edge_enumeration() {
    for case in 0..4 {
        let net = small_random(case, 6, 11);
        let view = net.compile();
        let edges = slots(&view, |l, _, slot| f64::from(view.layers()[l].probabilities()[slot]));
        let seeds = vec![0];
        let exact = exact_ic(6, &edges, &seeds);
        let library = exact_spread(
            &view,
            &ExactSpreadRequest::new(seeds.clone()).model(Model::independent_cascade(0.5)),
        )
        .unwrap();
        assert!((library - exact).abs() < 1e-9, "exact_spread {library} vs the test's {exact}");
        let runs = 20_000;
        let s = simulate(
            &view,
            &SimulateRequest::new(seeds)
                .model(Model::independent_cascade(0.5))
                .runs(runs)
                .seed(case),
        )
        .unwrap();
        assert_close(&s.total, runs, exact, 4.0);
    }
}

#[test]
fn layer_multipliers_and_parallel_ties_follow_the_documented_rule() {
    // a -office- b (p 0.2, multiplier 2 → 0.4); b -> c on mail: three parallel ties of 0.5
    // merged as 1 − 0.5³ = 0.875.
    let mut net = Network::new();
    net.add_layer(Layer::physical("office").probability(0.2)).unwrap();
    net.add_layer(Layer::digital("mail").directed(true)).unwrap();
    net.add_people(3).unwrap();
    net.set_duplicates(Duplicates::Sum);
    net.add_tie(PersonId(0), PersonId(1), "office", 1.0).unwrap();
    for _ in 0..3 {
        net.add_tie(PersonId(1), PersonId(2), "mail", 1.0).unwrap();
    }
    let model = Model::independent_cascade(0.5)
        .layer("office", LayerSettings { multiplier: 2.0, ..Default::default() });
    let exact = 1.0 + 0.4 + 0.4 * 0.875;
    let runs = 40_000;
    let s = simulate(
        &net.compile(),
        &SimulateRequest::new(vec![0]).model(model.clone()).runs(runs).seed(3),
    )
    .unwrap();
    assert_close(&s.total, runs, exact, 4.0);
    assert_close(&s.total, runs, exact, 4.0);
    assert!((s.total.activation[2] - 0.35).abs() < 0.01, "{}", s.total.activation[2]);
}

#[test]
fn weighted_cascade_uses_one_over_in_degree() {
    for case in 0..3 {
        let net = small_random(10 + case, 6, 10);
        let view = net.compile();
        let mut in_degree = vec![vec![0u32; 6]; 2];
        for (l, layer) in view.layers().iter().enumerate() {
            for &v in layer.targets() {
                in_degree[l][v as usize] += 1;
            }
        }
        let edges = slots(&view, |l, _, slot| {
            1.0 / f64::from(in_degree[l][view.layers()[l].targets()[slot] as usize])
        });
        let exact = exact_ic(6, &edges, &[1]);
        let library =
            exact_spread(&view, &ExactSpreadRequest::new(vec![1]).model(Model::weighted_cascade()))
                .unwrap();
        assert!((library - exact).abs() < 1e-9, "exact_spread {library} vs the test's {exact}");
        let runs = 20_000;
        let s = simulate(
            &view,
            &SimulateRequest::new(vec![1]).model(Model::weighted_cascade()).runs(runs).seed(case),
        )
        .unwrap();
        assert_close(&s.total, runs, exact, 4.0);
    }
}

#[test]
fn linear_threshold_matches_its_live_edge_equivalent() {
    // Under LT with uniform thresholds each person keeps at most one incoming tie, tie (u, v)
    // with probability b(u, v) (Kempe, Kleinberg & Tardos 2003): enumerate those choices.
    for case in 0..3 {
        let mut net = small_random(20 + case, 5, 9);
        // weights 1..3 so that normalisation matters
        let mut rng = Stream::new(case, 5);
        let ties: Vec<_> = net.ties().cloned().collect();
        let mut weighted = Network::new();
        for l in net.layers() {
            weighted.add_layer(l.clone()).unwrap();
        }
        weighted.add_people(5).unwrap();
        for t in &ties {
            weighted.add_tie(t.source, t.target, t.layer, 1.0 + (rng.below(3) as f64)).unwrap();
        }
        net = weighted;
        let view = net.compile();
        let mut incoming: Vec<Vec<(u32, f64)>> = vec![Vec::new(); 5];
        for layer in view.layers() {
            for u in 0..5u32 {
                for slot in layer.range(u) {
                    incoming[layer.targets()[slot] as usize]
                        .push((u, f64::from(layer.weights()[slot])));
                }
            }
        }
        let choices: Vec<Vec<(Option<u32>, f64)>> = incoming
            .iter()
            .map(|inc| {
                let total: f64 = inc.iter().map(|x| x.1).sum();
                if inc.is_empty() {
                    vec![(None, 1.0)]
                } else {
                    inc.iter().map(|&(u, w)| (Some(u), w / total)).collect()
                }
            })
            .collect();
        let mut exact = 0.0;
        let mut pick = [0usize; 5];
        loop {
            let mut pr = 1.0;
            let mut live = Vec::new();
            for v in 0..5 {
                let (u, p) = choices[v][pick[v]];
                pr *= p;
                if let Some(u) = u {
                    live.push((u, v as u32));
                }
            }
            exact += pr * reach(5, &live, &[0]) as f64;
            let mut i = 0;
            while i < 5 {
                pick[i] += 1;
                if pick[i] < choices[i].len() {
                    break;
                }
                pick[i] = 0;
                i += 1;
            }
            if i == 5 {
                break;
            }
        }
        let library =
            exact_spread(&view, &ExactSpreadRequest::new(vec![0]).model(Model::linear_threshold()))
                .unwrap();
        assert!((library - exact).abs() < 1e-6, "exact_spread {library} vs the test's {exact}");
        let runs = 20_000;
        let s = simulate(
            &view,
            &SimulateRequest::new(vec![0]).model(Model::linear_threshold()).runs(runs).seed(case),
        )
        .unwrap();
        assert_close(&s.total, runs, exact, 4.0);
    }
}

#[test]
fn given_thresholds_are_deterministic() {
    // a and b both advise c with equal weight: c needs both when its threshold is 0.9.
    let mut net = Network::new();
    net.add_layer(Layer::physical("work").directed(true)).unwrap();
    net.add_people(3).unwrap();
    net.add_tie(PersonId(0), PersonId(2), "work", 1.0).unwrap();
    net.add_tie(PersonId(1), PersonId(2), "work", 1.0).unwrap();
    let view = net.compile();
    let model = Model { thresholds: Some(vec![1.0, 1.0, 0.9]), ..Model::linear_threshold() };
    assert_eq!(
        simulate(&view, &SimulateRequest::new(vec![0]).model(model.clone()).runs(10).seed(0))
            .unwrap()
            .total
            .mean,
        1.0
    );
    assert_eq!(
        simulate(&view, &SimulateRequest::new(vec![0, 1]).model(model.clone()).runs(10).seed(0))
            .unwrap()
            .total
            .mean,
        3.0
    );
    let model = Model { thresholds: Some(vec![1.0, 1.0, 0.5]), ..Model::linear_threshold() };
    assert_eq!(
        simulate(&view, &SimulateRequest::new(vec![0]).model(model.clone()).runs(10).seed(0))
            .unwrap()
            .total
            .mean,
        2.0
    );
}

/// A complete k-ary tree of depth `depth`, ties pointing away from the root.
fn tree(k: u32, depth: u32) -> Network {
    let mut net = Network::new();
    net.add_layer(Layer::physical("t").directed(true)).unwrap();
    let n: u32 = (0..=depth).map(|d| k.pow(d)).sum();
    net.add_people(n as usize).unwrap();
    for child in 1..n {
        net.add_tie(PersonId((child - 1) / k), PersonId(child), "t", 1.0).unwrap();
    }
    net
}

#[test]
fn kary_tree_spread_is_the_geometric_sum() {
    for (k, depth, p) in [(2u32, 8u32, 0.3), (3, 6, 0.5), (4, 5, 0.25)] {
        let exact: f64 = (0..=depth).map(|d| (f64::from(k) * p).powi(d as i32)).sum();
        let runs = 20_000;
        let s = simulate(
            &tree(k, depth).compile(),
            &SimulateRequest::new(vec![0]).model(Model::independent_cascade(p)).runs(runs).seed(1),
        )
        .unwrap();
        assert_close(&s.total, runs, exact, 4.0);
        // by step: after step d, Σ_{j ≤ d} (kp)^j
        for (d, &reached) in s.by_step.iter().enumerate() {
            let expected: f64 = (0..=d as i32).map(|j| (f64::from(k) * p).powi(j)).sum();
            assert!(
                (reached - expected).abs() < 0.05 * expected + 0.05,
                "step {d}: {reached} vs {expected}"
            );
        }
    }
}

/// G(n, m) with m = c·n/2 uniformly random pairs, in `layer`.
fn random_graph(net: &mut Network, n: u32, c: f64, layer: &str, stream: u64) {
    let mut rng = Stream::new(2024, stream);
    let target = (c * f64::from(n) / 2.0) as usize;
    let mut added = 0;
    while added < target {
        let (a, b) = (rng.below(u64::from(n)) as u32, rng.below(u64::from(n)) as u32);
        if a != b && net.tie(PersonId(a), PersonId(b), layer).unwrap().is_none() {
            net.add_tie(PersonId(a), PersonId(b), layer, 1.0).unwrap();
            added += 1;
        }
    }
}

/// Mean spread from one random seed: `seeds` different seed people, `runs` each.
fn mean_from_random_seeds(view: &CompiledNetwork, model: &Model, seeds: u32, runs: u64) -> f64 {
    let n = view.num_people() as u64;
    let mut rng = Stream::new(11, 0);
    let total: f64 = (0..seeds)
        .map(|i| {
            let s = rng.below(n) as u32;
            simulate(
                view,
                &SimulateRequest::new(vec![s]).model(model.clone()).runs(runs).seed(u64::from(i)),
            )
            .unwrap()
            .total
            .mean
        })
        .sum();
    total / f64::from(seeds)
}

#[test]
fn percolation_on_random_graphs_matches_newman() {
    let n = 20_000;
    let mut net = Network::new();
    net.add_layer(Layer::physical("ties")).unwrap();
    net.add_people(n as usize).unwrap();
    random_graph(&mut net, n, 4.0, "ties", 0);
    let view = net.compile();
    // Below the threshold: c·p = 0.6, mean cascade 1 / (1 − c·p) = 2.5.
    let below = mean_from_random_seeds(&view, &Model::independent_cascade(0.15), 400, 25);
    assert!((below - 2.5).abs() < 0.15, "below threshold: {below}");
    // Above: c·p = 2, S = 1 − exp(−2 S), mean ≈ S² n (the giant outbreak) plus small ones.
    let mut s = 0.5f64;
    for _ in 0..200 {
        s = 1.0 - (-2.0 * s).exp();
    }
    let above = mean_from_random_seeds(&view, &Model::independent_cascade(0.5), 40, 5);
    let expected = s * s * f64::from(n);
    assert!((above - expected).abs() < 0.06 * expected, "above threshold: {above} vs {expected}");
}

#[test]
fn two_layers_spread_together_where_each_alone_dies_out() {
    let n = 5_000;
    let mut net = Network::new();
    net.add_layer(Layer::physical("offline")).unwrap();
    net.add_layer(Layer::digital("online")).unwrap();
    net.add_people(n as usize).unwrap();
    random_graph(&mut net, n, 3.5, "offline", 1);
    random_graph(&mut net, n, 3.5, "online", 2);
    let view = net.compile();
    let off = |layer: &str| {
        Model::independent_cascade(0.2)
            .layer(layer, LayerSettings { enabled: false, ..Default::default() })
    };
    let offline_only = mean_from_random_seeds(&view, &off("online"), 100, 20);
    let online_only = mean_from_random_seeds(&view, &off("offline"), 100, 20);
    let together = mean_from_random_seeds(&view, &Model::independent_cascade(0.2), 40, 10);
    assert!(offline_only < 10.0 && online_only < 10.0, "{offline_only} {online_only}");
    assert!(together > 0.15 * f64::from(n), "{together}");
}

/// a - b - c in a line, one physical layer, and `extra` people.
fn line(extra: usize) -> Network {
    let mut net = Network::new();
    net.add_layer(Layer::physical("slow").latency(3)).unwrap();
    net.add_layer(Layer::digital("fast")).unwrap();
    net.add_people(3 + extra).unwrap();
    net
}

#[test]
fn a_fast_digital_path_beats_a_slow_physical_tie() {
    let mut net = line(0);
    let (a, b, c) = (PersonId(0), PersonId(1), PersonId(2));
    net.add_tie(a, c, "slow", 1.0).unwrap();
    net.add_tie(a, b, "fast", 1.0).unwrap();
    net.add_tie(b, c, "fast", 1.0).unwrap();
    let t = trace(
        &net.compile(),
        &TraceRequest::new(vec![0]).model(Model::independent_cascade(1.0)).seed(0),
    )
    .unwrap();
    assert_eq!(t.step, vec![0, 1, 2]);
    assert_eq!(t.parent, vec![-1, 0, 1]);
    assert_eq!(t.layer, vec![-1, 1, 1]);
    // Slow down the digital layer: the physical tie wins.
    let model = Model::independent_cascade(1.0)
        .layer("fast", LayerSettings { latency: Some(2), ..Default::default() });
    let t =
        trace(&net.compile(), &TraceRequest::new(vec![0]).model(model.clone()).seed(0)).unwrap();
    assert_eq!((t.step[2], t.parent[2], t.layer[2]), (3, 0, 0));
}

#[test]
fn bad_buzz_wins_a_tie_in_the_same_step_and_seeds_keep_their_valence() {
    let mut net = line(0);
    net.add_tie(PersonId(0), PersonId(2), "fast", 1.0).unwrap();
    net.add_tie(PersonId(1), PersonId(2), "fast", 1.0).unwrap();
    let model = Model::independent_cascade(1.0);
    for (good, bad) in [(0, 1), (1, 0)] {
        let t = trace(
            &net.compile(),
            &TraceRequest::new(vec![good]).bad_seeds(vec![bad]).model(model.clone()).seed(0),
        )
        .unwrap();
        assert_eq!(t.valence, vec![i64::from(good != 0), i64::from(good == 0), 1]);
        assert_eq!(t.parent[2], i64::from(bad));
    }
    let s = simulate(
        &net.compile(),
        &SimulateRequest::new(vec![0]).bad_seeds(vec![1]).model(model.clone()).runs(10).seed(0),
    )
    .unwrap();
    assert_eq!((s.good.mean, s.bad.mean, s.total.mean), (1.0, 2.0, 3.0));
    // A negativity bias: bad buzz passes more often.
    let mut star = line(20);
    for v in 3..23 {
        star.add_tie(PersonId(0), PersonId(v), "fast", 1.0).unwrap();
        star.add_tie(PersonId(1), PersonId(v), "fast", 1.0).unwrap();
    }
    let biased = Model { bad_multiplier: 3.0, ..Model::independent_cascade(0.1) };
    let s = simulate(
        &star.compile(),
        &SimulateRequest::new(vec![0]).bad_seeds(vec![1]).model(biased.clone()).runs(4000).seed(0),
    )
    .unwrap();
    assert!(s.bad.mean > 2.0 * s.good.mean, "{} vs {}", s.bad.mean, s.good.mean);
}

#[test]
fn distrust_blocks_or_inverts() {
    let mut net = line(0);
    net.add_tie_spec(PersonId(0), PersonId(1), "fast", TieSpec::weight(1.0).sign(Sign::Negative))
        .unwrap();
    net.add_tie(PersonId(1), PersonId(2), "fast", 1.0).unwrap();
    let view = net.compile();
    let seeds = Seeds::from(vec![0]);
    let blocked = trace(
        &view,
        &TraceRequest::campaigns(&seeds).model(Model::independent_cascade(1.0)).seed(0),
    )
    .unwrap();
    assert_eq!(blocked.spread(), 1);
    let invert = Model { distrust: Distrust::Invert, ..Model::independent_cascade(1.0) };
    let t = trace(&view, &TraceRequest::campaigns(&seeds).model(invert.clone()).seed(0)).unwrap();
    assert_eq!(t.valence, vec![0, 1, 1], "the distrusted source's good buzz arrives as bad");
    let lt = Model {
        distrust: Distrust::Invert,
        thresholds: Some(vec![0.5; 3]),
        ..Model::linear_threshold()
    };
    assert_eq!(
        trace(&view, &TraceRequest::campaigns(&seeds).model(lt.clone()).seed(0)).unwrap().valence,
        vec![0, 1, 1]
    );
}

#[test]
fn media_pick_a_story_up_after_enough_sources_then_broadcast() {
    let mut net = Network::new();
    net.add_layer(Layer::digital("follows").directed(true)).unwrap();
    for _ in 0..3 {
        net.add_person(Person::new()).unwrap();
    }
    let media = net.add_person(Person::new().kind(PersonKind::Media)).unwrap();
    let audience: Vec<PersonId> = (0..10).map(|_| net.add_person(Person::new()).unwrap()).collect();
    for s in 0..3 {
        net.add_tie(PersonId(s), media, "follows", 1.0).unwrap();
    }
    for &a in &audience {
        net.add_tie(media, a, "follows", 1.0).unwrap();
    }
    let view = net.compile();
    // The ties carry nothing (p = 0): only the pickup rule can wake the media person.
    let model = Model {
        amplifiers: Amplifiers {
            media_threshold: 2,
            media_probability: Some(1.0),
            ..Amplifiers::default()
        },
        ..Model::independent_cascade(0.0)
    };
    let one = simulate(&view, &SimulateRequest::new(vec![0]).model(model.clone()).runs(10).seed(0))
        .unwrap();
    assert_eq!(one.total.mean, 1.0);
    let two = trace(&view, &TraceRequest::new(vec![0, 1]).model(model.clone()).seed(0)).unwrap();
    assert_eq!(two.spread(), 2 + 1 + 10);
    assert_eq!(two.step[media.index()], 1);
    assert!(audience.iter().all(|a| two.parent[a.index()] == i64::from(media.0)));
}

#[test]
fn influencers_amplify_on_digital_layers_only() {
    let mut net = Network::new();
    net.add_layer(Layer::digital("web")).unwrap();
    net.add_layer(Layer::physical("cafe")).unwrap();
    let star = net.add_person(Person::new().kind(PersonKind::Influencer)).unwrap();
    for i in 0..20 {
        let p = net.add_person(Person::new()).unwrap();
        net.add_tie(star, p, if i < 10 { "web" } else { "cafe" }, 1.0).unwrap();
    }
    let model = Model {
        amplifiers: Amplifiers { influencer_multiplier: 4.0, ..Amplifiers::default() },
        ..Model::independent_cascade(0.25)
    };
    let s = simulate(
        &net.compile(),
        &SimulateRequest::new(vec![0]).model(model.clone()).runs(4000).seed(0),
    )
    .unwrap();
    assert!((s.total.by_layer[0] - 10.0).abs() < 1e-12, "web: p = 0.25 × 4 = 1");
    assert!((s.total.by_layer[1] - 2.5).abs() < 0.1, "cafe: p = 0.25, {}", s.total.by_layer[1]);
}

#[test]
fn bad_parameters_get_typed_errors() {
    let view = tree(2, 3).compile();
    let seeds = Seeds::from(vec![0]);
    let kind = |r: reseau::Result<reseau::cascade::CascadeSummary>| r.unwrap_err().kind();
    assert_eq!(
        kind(simulate(
            &view,
            &SimulateRequest::campaigns(&seeds)
                .model(Model::independent_cascade(1.5))
                .runs(10)
                .seed(0)
        )),
        "InvalidParameterError"
    );
    assert_eq!(
        kind(simulate(
            &view,
            &SimulateRequest::campaigns(&seeds)
                .model(Model::independent_cascade(f64::NAN))
                .runs(10)
                .seed(0)
        )),
        "InvalidParameterError"
    );
    assert_eq!(
        kind(simulate(&view, &SimulateRequest::campaigns(&Seeds::default()).runs(10).seed(0))),
        "InvalidParameterError"
    );
    assert_eq!(
        kind(simulate(&view, &SimulateRequest::new(vec![99]).runs(10).seed(0))),
        "UnknownPersonError"
    );
    assert_eq!(
        kind(simulate(&view, &SimulateRequest::new(vec![1]).bad_seeds(vec![1]).runs(10).seed(0))),
        "InvalidParameterError"
    );
    assert_eq!(
        kind(simulate(&view, &SimulateRequest::campaigns(&seeds).runs(0).seed(0))),
        "InvalidParameterError"
    );
    let unknown = Model::default().layer("nope", LayerSettings::default());
    assert_eq!(
        kind(simulate(
            &view,
            &SimulateRequest::campaigns(&seeds).model(unknown.clone()).runs(10).seed(0)
        )),
        "UnknownLayerError"
    );
    let negative =
        Model::default().layer("t", LayerSettings { multiplier: -1.0, ..Default::default() });
    assert_eq!(
        kind(simulate(
            &view,
            &SimulateRequest::campaigns(&seeds).model(negative.clone()).runs(10).seed(0)
        )),
        "InvalidParameterError"
    );
    let short = Model { thresholds: Some(vec![0.5]), ..Model::linear_threshold() };
    assert_eq!(
        kind(simulate(
            &view,
            &SimulateRequest::campaigns(&seeds).model(short.clone()).runs(10).seed(0)
        )),
        "InvalidParameterError"
    );
    let misplaced = Model { thresholds: Some(vec![0.5; 15]), ..Model::independent_cascade(0.1) };
    assert_eq!(
        kind(simulate(
            &view,
            &SimulateRequest::campaigns(&seeds).model(misplaced.clone()).runs(10).seed(0)
        )),
        "InvalidParameterError"
    );
}

#[test]
fn the_same_seed_gives_the_same_summary_for_any_thread_count() {
    let net = small_random(7, 40, 200);
    let view = net.compile();
    let model = Model::independent_cascade(0.3);
    let run = || {
        simulate(&view, &SimulateRequest::new(vec![0, 5]).model(model.clone()).runs(1000).seed(9))
            .unwrap()
    };
    let reference = run();
    #[cfg(feature = "parallel")]
    for threads in [1, 2, 4] {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        assert_eq!(pool.install(run), reference, "{threads} threads");
    }
    assert_ne!(
        simulate(&view, &SimulateRequest::new(vec![0, 5]).model(model.clone()).runs(1000).seed(10))
            .unwrap(),
        reference
    );
    // trace is run 0 of simulate
    let t = trace(&view, &TraceRequest::new(vec![0, 5]).model(model.clone()).seed(9)).unwrap();
    let one =
        simulate(&view, &SimulateRequest::new(vec![0, 5]).model(model.clone()).runs(1).seed(9))
            .unwrap();
    assert_eq!(t.spread() as f64, one.total.mean);
}

#[test]
fn a_cascade_never_touches_what_it_cannot_reach() {
    // Uniform probability takes the geometric-skipping path; it must agree with the per-tie
    // path (forced here by giving one tie its own, equal, probability).
    let mut a = Network::new();
    a.add_layer(Layer::physical("x")).unwrap();
    a.add_people(2000).unwrap();
    random_graph(&mut a, 2000, 6.0, "x", 3);
    let mut b = a.clone();
    let first = b.ties().next().unwrap().clone();
    b.remove_tie(first.source, first.target, "x").unwrap();
    b.add_tie_spec(first.source, first.target, "x", TieSpec::weight(1.0).probability(0.1)).unwrap();
    let model = Model::independent_cascade(0.1);
    let runs = 4000;
    let sa = simulate(
        &a.compile(),
        &SimulateRequest::new(vec![0]).model(model.clone()).runs(runs).seed(1),
    )
    .unwrap();
    let sb = simulate(
        &b.compile(),
        &SimulateRequest::new(vec![0]).model(model.clone()).runs(runs).seed(1),
    )
    .unwrap();
    let se = (sa.total.std.powi(2) / runs as f64 + sb.total.std.powi(2) / runs as f64).sqrt();
    assert!(
        (sa.total.mean - sb.total.mean).abs() < 4.0 * se,
        "{} vs {}",
        sa.total.mean,
        sb.total.mean
    );
}

#[test]
fn exact_spread_refuses_what_it_cannot_enumerate() {
    let big = tree(2, 6).compile(); // 126 ties
    let err = exact_spread(
        &big,
        &ExactSpreadRequest::new(vec![0]).model(Model::independent_cascade(0.5)),
    )
    .unwrap_err();
    assert_eq!(err.kind(), "InvalidParameterError");
    // ties that always pass need no enumeration
    let certain = exact_spread(
        &big,
        &ExactSpreadRequest::new(vec![0]).model(Model::independent_cascade(1.0)),
    )
    .unwrap();
    assert_eq!(certain, 127.0);
    let small = tree(2, 2).compile();
    let two = Seeds::new(vec![0], vec![1]);
    assert!(exact_spread(&small, &ExactSpreadRequest::campaigns(&two)).is_err());
}
