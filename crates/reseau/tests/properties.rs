//! Invariants of the cascade engine, checked on random small networks (proptest).
//!
//! Elsewhere already: fatigue's willingness in [0, 1] and non-increasing in load
//! (`tests/fatigue.rs`), the JSON round trip (`tests/io_json.rs`), the compiled view and
//! `without_layers` (`tests/model.rs`). Here: a cascade never shrinks and holds its seeds; the
//! spread grows with p and with the seed set (exactly, by enumeration, and statistically, by
//! Monte Carlo); removing a layer never increases the reach; graphology round trips.

use proptest::prelude::*;

use reseau::cascade::{
    ExactSpreadRequest, Model, SimulateRequest, TraceRequest, exact_spread, simulate, trace,
};
use reseau::{CompiledNetwork, Layer, Network, PersonId, TieSpec};

/// A random network of 2 to 7 people and two layers, `lunch` (physical, undirected,
/// latency one step) and `mail` (digital, directed, latency two steps), with at most 14
/// directed ties in all so that `exact_spread` enumerates at most 2^14 outcomes. Some ties carry their own
/// probability.
fn small_network() -> impl Strategy<Value = Network> {
    let tie = (0u32..7, 0u32..7, any::<bool>(), prop::option::of(0.0..=1.0f64));
    (2u32..8, prop::collection::vec(tie, 0..10)).prop_map(|(n, ties)| {
        let mut net = Network::new();
        net.add_layer(Layer::physical("lunch")).unwrap();
        net.add_layer(Layer::digital("mail").directed(true).latency(2)).unwrap();
        net.add_people(n as usize).unwrap();
        let mut directed = 0;
        for (a, b, in_mail, p) in ties {
            let (a, b) = (a % n, b % n);
            let cost = if in_mail { 1 } else { 2 };
            if a == b || directed + cost > 14 {
                continue;
            }
            let layer = if in_mail { "mail" } else { "lunch" };
            let spec = p.map_or(TieSpec::weight(1.0), |p| TieSpec::weight(1.0).probability(p));
            if net.tie(PersonId(a), PersonId(b), layer).unwrap().is_none() {
                net.add_tie_spec(PersonId(a), PersonId(b), layer, spec).unwrap();
                directed += cost;
            }
        }
        net
    })
}

/// The exact expected spread under Independent Cascade with default probability `p`.
fn exact(view: &CompiledNetwork, seeds: &[u32], p: f64) -> f64 {
    exact_spread(
        view,
        &ExactSpreadRequest::new(seeds.to_vec()).model(Model::independent_cascade(p)),
    )
    .unwrap()
}

/// A non-empty set of seeds among `n` people, from any list of numbers.
fn seeds_of(picks: &[u32], n: usize) -> Vec<u32> {
    let mut seeds: Vec<u32> = picks.iter().map(|&s| s % n as u32).collect();
    seeds.sort_unstable();
    seeds.dedup();
    seeds
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    /// Step by step the number convinced never falls, everyone convinced after step 0 was
    /// convinced by someone convinced earlier, and every seed is convinced at step 0.
    #[test]
    fn a_cascade_never_shrinks_and_holds_its_seeds(
        net in small_network(),
        picks in prop::collection::vec(any::<u32>(), 1..4),
        p in 0.0..=1.0f64,
        seed: u64,
    ) {
        let view = net.compile();
        let seeds = seeds_of(&picks, net.num_people());
        let model = Model::independent_cascade(p);
        let t = trace(&view, &TraceRequest::new(seeds.clone()).model(model.clone()).seed(seed)).unwrap();
        for &s in &seeds {
            prop_assert_eq!(t.step[s as usize], 0, "seed {} not convinced at step 0", s);
            prop_assert!(t.order.contains(&s));
        }
        prop_assert_eq!(&t.order[..seeds.len()], &seeds[..]);
        for pair in t.order.windows(2) {
            prop_assert!(t.step[pair[0] as usize] <= t.step[pair[1] as usize], "order by step");
        }
        for &v in &t.order[seeds.len()..] {
            let parent = t.parent[v as usize];
            prop_assert!(parent >= 0);
            prop_assert!(t.step[parent as usize] >= 0 && t.step[parent as usize] < t.step[v as usize]);
        }

        let summary = simulate(&view, &SimulateRequest::new(seeds.clone()).model(model.clone()).runs(64).seed(seed)).unwrap();
        prop_assert!((summary.by_step[0] - seeds.len() as f64).abs() < 1e-12);
        for pair in summary.by_step.windows(2) {
            prop_assert!(pair[1] >= pair[0], "by_step shrinks: {:?}", summary.by_step);
        }
        let last = *summary.by_step.last().unwrap();
        prop_assert!((last - summary.total.mean).abs() < 1e-9);
        for &s in &seeds {
            prop_assert!((summary.total.activation[s as usize] - 1.0).abs() < 1e-12);
        }
    }

    /// The exact expected spread grows with p, with the seed set, and with the layers:
    /// removing a layer never increases the reach.
    #[test]
    fn exact_spread_is_monotone_in_p_seeds_and_layers(
        net in small_network(),
        picks in prop::collection::vec(any::<u32>(), 1..4),
        extra: u32,
        p in 0.0..=1.0f64,
        q in 0.0..=1.0f64,
    ) {
        let view = net.compile();
        let n = net.num_people();
        let seeds = seeds_of(&picks, n);
        let (lo, hi) = if p <= q { (p, q) } else { (q, p) };
        let at_lo = exact(&view, &seeds, lo);
        let at_hi = exact(&view, &seeds, hi);
        prop_assert!(at_lo <= at_hi + 1e-9, "p {} -> {}, q {} -> {}", lo, at_lo, hi, at_hi);
        prop_assert!(at_lo >= seeds.len() as f64 - 1e-9 && at_hi <= n as f64 + 1e-9);

        let mut more = seeds.clone();
        more.push(extra % n as u32);
        let more = seeds_of(&more, n);
        prop_assert!(exact(&view, &seeds, hi) <= exact(&view, &more, hi) + 1e-9);

        for layer in ["lunch", "mail"] {
            let fewer = net.without_layers(&[layer]).unwrap().compile();
            let without = exact(&fewer, &seeds, hi);
            prop_assert!(without <= at_hi + 1e-9, "without {}: {} > {}", layer, without, at_hi);
        }
    }

    /// What `to_graphology` writes, `from_graphology` reads back to the same network.
    #[test]
    fn graphology_round_trip(net in small_network()) {
        let graph = net.to_graphology();
        let back = Network::from_graphology(&graph).unwrap();
        prop_assert_eq!(back.to_graphology(), graph);
        prop_assert!(back.ties().eq(net.ties()));
        prop_assert_eq!(back.num_people(), net.num_people());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    /// Monte Carlo agrees: for a fixed seed stream the mean spread at a higher p or from more
    /// seeds is not lower, and each mean is near the exact value. The tolerance is
    /// Hoeffding's: a mean of `RUNS` spreads in [0, n] is more than
    /// n √(ln(2/δ) / 2 RUNS) from its expectation with probability at most δ = 10^-9, so the
    /// test cannot flake (an estimated standard error could be 0 when a rare outcome was
    /// never drawn).
    #[test]
    fn simulated_spread_is_monotone_in_p_and_seeds(
        net in small_network(),
        picks in prop::collection::vec(any::<u32>(), 1..3),
        extra: u32,
        p in 0.0..=1.0f64,
        q in 0.0..=1.0f64,
        seed: u64,
    ) {
        const RUNS: u64 = 4000;
        let view = net.compile();
        let n = net.num_people();
        let tolerance = n as f64 * ((2.0f64 / 1e-9).ln() / (2.0 * RUNS as f64)).sqrt();
        let seeds = seeds_of(&picks, n);
        let mut more = seeds.clone();
        more.push(extra % n as u32);
        let more = seeds_of(&more, n);
        let (lo, hi) = if p <= q { (p, q) } else { (q, p) };
        let mean = |seeds: &[u32], p| {
            let model = Model::independent_cascade(p);
            let s = simulate(&view, &SimulateRequest::new(seeds.to_vec()).model(model.clone()).runs(RUNS).seed(seed)).unwrap();
            let truth = exact(&view, seeds, p);
            assert!((s.total.mean - truth).abs() <= tolerance, "{} vs exact {truth}", s.total.mean);
            s.total.mean
        };
        let (m_lo, m_hi, m_more) = (mean(&seeds, lo), mean(&seeds, hi), mean(&more, hi));
        prop_assert!(m_lo <= m_hi + 2.0 * tolerance, "p {}: {} > p {}: {}", lo, m_lo, hi, m_hi);
        prop_assert!(m_hi <= m_more + 2.0 * tolerance, "{} seeds: {} > {}", seeds.len(), m_hi, m_more);
    }
}
