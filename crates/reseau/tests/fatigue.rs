//! Recommendation fatigue: the curves' invariants, the load's decay, typed errors, and the
//! cascade engine under fatigue against exact results, including the saturation that
//! Leskovec, Adamic & Huberman measured.

// Exact float comparisons are intended: these values are exact by construction.
#![allow(clippy::float_cmp)]

use proptest::prelude::*;
use reseau::cascade::{
    ExactSpreadRequest, Model, ModelKind, Seeds, SimulateRequest, exact_spread, simulate,
};
use reseau::fatigue::{Curve, Fatigue, Load};
use reseau::{Layer, Network, PersonId, TieSpec};

fn curves() -> impl Strategy<Value = Curve> {
    prop_oneof![
        Just(Curve::None {}),
        (0.0..10.0f64).prop_map(|rate| Curve::Exponential { rate }),
        (1e-3..50.0f64, 1e-2..8.0f64).prop_map(|(half, exponent)| Curve::Hill { half, exponent }),
        (0.0..50.0f64).prop_map(|capacity| Curve::Capacity { capacity }),
        (1u32..100).prop_map(|size| Curve::Queue { size }),
        Just(Curve::Decreasing {}),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn willingness_is_in_0_1_and_never_increases(curve in curves(), a in 0.0..1e4f64, b in 0.0..1e4f64) {
        prop_assert!(curve.validate().is_ok());
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        let (wl, wh) = (curve.willingness(lo), curve.willingness(hi));
        prop_assert!((0.0..=1.0).contains(&wl) && (0.0..=1.0).contains(&wh), "{wl} {wh}");
        prop_assert!(wh <= wl, "{curve:?}: w({lo}) = {wl} < w({hi}) = {wh}");
        if !matches!(curve, Curve::Capacity { capacity } if capacity == 0.0) {
            prop_assert_eq!(curve.willingness(0.0), 1.0);
        }
    }

    #[test]
    fn decay_halves_the_load_after_one_half_life(h in 0.5..5_000.0f64, amount in 0.1..1e6f64, start in 0u64..1_000_000) {
        let mut load = Load::new(1, Some(h));
        load.add(0, start, amount);
        // Whole steps only: test at whole multiples of the half-life.
        let k = h.round().max(1.0);
        let mut exact = Load::new(1, Some(k));
        exact.add(0, start, amount);
        let half = exact.load(0, start + k as u64);
        prop_assert!((half - amount / 2.0).abs() <= 1e-12 * amount, "{half} vs {}", amount / 2.0);
        let quarter = exact.load(0, start + 2 * k as u64);
        prop_assert!((quarter - amount / 4.0).abs() <= 1e-12 * amount);
        // Any gap: 2^(−Δt/h), monotone.
        let later = load.load(0, start + 7);
        prop_assert!((later - amount * 0.5f64.powf(7.0 / h)).abs() <= 1e-12 * amount);
        prop_assert!(load.load(0, start + 8) <= later);
    }
}

#[test]
fn lazy_decay_composes() {
    // Updating at step 3 then reading at 6 equals decaying 6 steps at once, up to rounding.
    let mut a = Load::new(1, Some(3.0));
    a.add(0, 0, 8.0);
    a.add(0, 3, 0.0);
    assert!((a.load(0, 6) - 2.0).abs() < 1e-12);
    let mut count = Load::new(1, None);
    for step in 0..10 {
        count.add(0, step * 1000, 1.0);
    }
    assert_eq!(count.load(0, u64::MAX), 10.0);
}

#[test]
fn every_bad_parameter_has_a_typed_error() {
    let bad = [
        Fatigue::exponential(-0.1),
        Fatigue::exponential(f64::NAN),
        Fatigue::exponential(f64::INFINITY),
        Fatigue::hill(0.0, 2.0),
        Fatigue::hill(-1.0, 2.0),
        Fatigue::hill(f64::NAN, 2.0),
        Fatigue::hill(3.0, 0.0),
        Fatigue::hill(3.0, -2.0),
        Fatigue::hill(3.0, f64::NAN),
        Fatigue::capacity(-1.0),
        Fatigue::capacity(f64::NAN),
        Fatigue::queue(0),
        Fatigue::hill(3.0, 2.0).half_life(0.0),
        Fatigue::hill(3.0, 2.0).half_life(-5.0),
        Fatigue::hill(3.0, 2.0).half_life(f64::NAN),
    ];
    for f in bad {
        let err = f.validate().unwrap_err();
        assert_eq!(err.kind(), "InvalidParameterError", "{f:?}");
    }
    let good = [
        Fatigue::none(),
        Fatigue::exponential(0.0),
        Fatigue::capacity(0.0),
        Fatigue::capacity(f64::INFINITY),
        Fatigue::queue(1),
        Fatigue::decreasing().half_life(f64::INFINITY),
        Fatigue::hill(0.5, 0.5).half_life(0.25),
    ];
    for f in good {
        assert!(f.validate().is_ok(), "{f:?}");
    }
    // The cascade model checks its fatigue.
    let model = Model::independent_cascade(0.1).fatigue(Fatigue::queue(0));
    let net = star(2, 0.1);
    let err = simulate(
        &net.compile(),
        &SimulateRequest::new(vec![0]).model(model.clone()).runs(10).seed(0),
    )
    .unwrap_err();
    assert_eq!(err.kind(), "InvalidParameterError");
}

#[test]
fn serde_forms() {
    let f: Fatigue =
        serde_json::from_str(r#"{"curve": {"kind": "queue", "size": 3}, "half_life": 2.5}"#)
            .unwrap();
    assert_eq!(f, Fatigue::queue(3).half_life(2.5));
    for f in [
        Fatigue::none(),
        Fatigue::exponential(0.3),
        Fatigue::hill(3.0, 2.0).half_life(7.0),
        Fatigue::capacity(4.0),
        Fatigue::queue(2),
        Fatigue::decreasing(),
    ] {
        let text = serde_json::to_string(&f).unwrap();
        assert_eq!(serde_json::from_str::<Fatigue>(&text).unwrap(), f, "{text}");
    }
    assert_eq!(
        serde_json::to_string(&Fatigue::decreasing()).unwrap(),
        r#"{"curve":{"kind":"decreasing"}}"#
    );
    assert!(serde_json::from_str::<Fatigue>(r#"{"curve": {"kind": "hill", "half": 1}}"#).is_err());
    assert!(serde_json::from_str::<Fatigue>(r#"{"curve": {"kind": "tired"}}"#).is_err());
    assert!(serde_json::from_str::<Fatigue>(r#"{"halflife": 3}"#).is_err());
    // A model without fatigue serialises as before; with it, round-trips.
    let plain = serde_json::to_value(Model::default()).unwrap();
    assert!(plain.get("fatigue").is_none());
    let tired = Model::default().fatigue(Fatigue::hill(2.0, 2.0));
    let back: Model = serde_json::from_value(serde_json::to_value(&tired).unwrap()).unwrap();
    assert_eq!(back, tired);
}

/// `k` senders 1..=k each with a directed tie of probability `p` to the receiver 0.
fn star(k: u32, p: f64) -> Network {
    let mut net = Network::new();
    net.add_layer(Layer::digital("recommends").directed(true)).unwrap();
    net.add_people(k as usize + 1).unwrap();
    for s in 1..=k {
        net.add_tie_spec(
            PersonId(s),
            PersonId(0),
            "recommends",
            TieSpec::weight(1.0).probability(p),
        )
        .unwrap();
    }
    net
}

/// The chance that `k` recommendations, tried in turn, convince: one minus the product of (1 − p·w(j)) over j < k.
fn convinced(k: u32, p: f64, fatigue: &Fatigue) -> f64 {
    1.0 - (0..k).map(|j| 1.0 - p * fatigue.willingness(f64::from(j))).product::<f64>()
}

/// The receiver's chance of being convinced by `k` simultaneous recommendations, by Monte
/// Carlo, with its standard error.
fn monte_carlo(k: u32, p: f64, fatigue: Option<Fatigue>, runs: u64) -> (f64, f64) {
    let net = star(k, p);
    let model = Model { fatigue, ..Model::independent_cascade(p) };
    let seeds = Seeds::from((1..=k).collect::<Vec<u32>>());
    let s = simulate(
        &net.compile(),
        &SimulateRequest::campaigns(&seeds).model(model.clone()).runs(runs).seed(u64::from(k)),
    )
    .unwrap();
    let x = s.total.activation[0];
    (x, (x * (1.0 - x) / runs as f64).sqrt())
}

#[test]
fn recommendations_saturate_under_hill_fatigue_as_leskovec_adamic_huberman_measured() {
    // LAH (2007): the probability of buying "quickly saturates to a constant and relatively
    // low probability" as incoming recommendations grow. Without fatigue it climbs to 1.
    let p = 0.1;
    let hill = Fatigue::hill(2.0, 2.0);
    let runs = 20_000;
    let ks = [1, 2, 3, 5, 10, 20, 40];
    let mut tired = Vec::new();
    for k in ks {
        let (mc, se) = monte_carlo(k, p, Some(hill), runs);
        let exact = convinced(k, p, &hill);
        assert!((mc - exact).abs() <= 4.0 * se + 1e-9, "k = {k}: {mc} ± {se} vs {exact}");
        let (fresh, se) = monte_carlo(k, p, None, runs);
        let exact_fresh = 1.0 - (1.0 - p).powf(f64::from(k));
        assert!((fresh - exact_fresh).abs() <= 4.0 * se + 1e-9, "k = {k} without fatigue");
        tired.push(exact);
    }
    // Rises at first…
    assert!(tired[2] > tired[0] + 0.1);
    // …then saturates at a low level: 10 → 40 recommendations add about 2 points, where
    // without fatigue the same step goes from 65% to 98.5%.
    let fresh_gain = 0.9f64.powi(10) - 0.9f64.powi(40);
    assert!(fresh_gain > 0.3);
    assert!(tired[6] - tired[4] < 0.1 * fresh_gain, "{tired:?}");
    assert!(tired[6] < 0.35);
    assert!(convinced(1000, p, &hill) < 0.32);
}

#[test]
fn fatigue_draws_on_arrival_and_still_matches_exact_enumeration() {
    // exponential(0): willingness 1 everywhere, but the per-arrival path (no skipping): the
    // spread must match live-edge enumeration, as the default path does.
    let mut net = Network::new();
    net.add_layer(Layer::physical("a")).unwrap();
    net.add_layer(Layer::digital("b").directed(true).latency(2)).unwrap();
    net.add_people(6).unwrap();
    let ties =
        [(0, 1, "a"), (1, 2, "a"), (2, 3, "b"), (0, 3, "b"), (3, 4, "a"), (4, 5, "b"), (1, 5, "a")];
    for (a, b, l) in ties {
        net.add_tie(PersonId(a), PersonId(b), l, 1.0).unwrap();
    }
    let view = net.compile();
    for kind in [ModelKind::IndependentCascade, ModelKind::WeightedCascade] {
        let base = Model { kind, ..Model::independent_cascade(0.4) };
        let exact =
            exact_spread(&view, &ExactSpreadRequest::new(vec![0]).model(base.clone())).unwrap();
        let model = base.fatigue(Fatigue::exponential(0.0));
        let runs = 40_000;
        let s =
            simulate(&view, &SimulateRequest::new(vec![0]).model(model.clone()).runs(runs).seed(3))
                .unwrap();
        let se = s.total.std / (runs as f64).sqrt();
        assert!((s.total.mean - exact).abs() <= 4.0 * se, "{kind:?}: {} vs {exact}", s.total.mean);
    }
    // The `none` curve changes nothing at all, bit for bit.
    let plain = simulate(
        &view,
        &SimulateRequest::new(vec![0]).model(Model::independent_cascade(0.4)).runs(500).seed(1),
    );
    let none = Model::independent_cascade(0.4).fatigue(Fatigue::none());
    assert_eq!(
        simulate(&view, &SimulateRequest::new(vec![0]).model(none.clone()).runs(500).seed(1)),
        plain
    );
}

#[test]
fn a_tired_person_is_harder_to_convince_and_relays_less() {
    // s1 = 1 exposes b = 3 first (a near-certain failure that loads b to 1), then s2 = 2
    // convinces b with probability w(1); b then relays to c = 4 with probability w(1) again.
    // hill(1, 1): w(1) = 1/2, so P(b) = 1/2 and P(c) = 1/4 (c's own load is 0).
    let mut net = Network::new();
    net.add_layer(Layer::physical("t").directed(true)).unwrap();
    net.add_people(5).unwrap();
    let (s1, s2, b, c) = (PersonId(1), PersonId(2), PersonId(3), PersonId(4));
    net.add_tie_spec(s1, b, "t", TieSpec::weight(1.0).probability(1e-12)).unwrap();
    net.add_tie(s2, b, "t", 1.0).unwrap();
    net.add_tie(b, c, "t", 1.0).unwrap();
    let model = Model::independent_cascade(1.0).fatigue(Fatigue::hill(1.0, 1.0));
    let runs = 40_000;
    let s = simulate(
        &net.compile(),
        &SimulateRequest::new(vec![1, 2]).model(model.clone()).runs(runs).seed(5),
    )
    .unwrap();
    let se = |x: f64| (x * (1.0 - x) / runs as f64).sqrt();
    let (pb, pc) = (s.total.activation[3], s.total.activation[4]);
    assert!((pb - 0.5).abs() <= 4.0 * se(0.5), "{pb}");
    assert!((pc - 0.25).abs() <= 4.0 * se(0.25), "{pc}");
    // Seeds are never tired: without the first exposure b is convinced and relays surely.
    let s = simulate(
        &net.compile(),
        &SimulateRequest::new(vec![2]).model(model.clone()).runs(1000).seed(5),
    )
    .unwrap();
    assert_eq!((s.total.activation[3], s.total.activation[4]), (1.0, 1.0));
}

#[test]
fn load_is_shared_by_both_campaigns_and_decays() {
    // Good buzz exposes b (failing), then bad buzz tries: under capacity(1) b has no
    // attention left, whichever campaign asks.
    let mut net = Network::new();
    net.add_layer(Layer::physical("t").directed(true)).unwrap();
    net.add_people(3).unwrap();
    net.add_tie_spec(PersonId(0), PersonId(2), "t", TieSpec::weight(1.0).probability(1e-12))
        .unwrap();
    net.add_tie(PersonId(1), PersonId(2), "t", 1.0).unwrap();
    let view = net.compile();
    let seeds = Seeds::new(vec![0], vec![1]);
    let model = Model::independent_cascade(1.0).fatigue(Fatigue::capacity(1.0));
    let s =
        simulate(&view, &SimulateRequest::campaigns(&seeds).model(model.clone()).runs(200).seed(1))
            .unwrap();
    assert_eq!(s.total.activation[2], 0.0);
    // Without fatigue, bad buzz gets through.
    let s = simulate(
        &view,
        &SimulateRequest::campaigns(&seeds)
            .model(Model::independent_cascade(1.0))
            .runs(200)
            .seed(1),
    )
    .unwrap();
    assert_eq!(s.bad.activation[2], 1.0);

    // Decay: the first exposure comes 10 steps before the second (a slow layer), and a
    // half-life of 1 step has all but erased it: hill(1, 1) gives w = 1/(1 + 2^-10).
    let mut net = Network::new();
    net.add_layer(Layer::physical("slow").directed(true).latency(1)).unwrap();
    net.add_layer(Layer::physical("slower").directed(true).latency(11)).unwrap();
    net.add_people(3).unwrap();
    net.add_tie_spec(PersonId(0), PersonId(2), "slow", TieSpec::weight(1.0).probability(1e-12))
        .unwrap();
    net.add_tie(PersonId(1), PersonId(2), "slower", 1.0).unwrap();
    let view = net.compile();
    let decaying = Model::independent_cascade(1.0).fatigue(Fatigue::hill(1.0, 1.0).half_life(1.0));
    let runs = 20_000;
    let s = simulate(
        &view,
        &SimulateRequest::new(vec![0, 1]).model(decaying.clone()).runs(runs).seed(2),
    )
    .unwrap();
    let expected = 1.0 / (1.0 + 2f64.powi(-10));
    let se = (expected * (1.0 - expected) / runs as f64).sqrt();
    assert!((s.total.activation[2] - expected).abs() <= 4.0 * se + 1e-3);
    let lasting = Model::independent_cascade(1.0).fatigue(Fatigue::hill(1.0, 1.0));
    let s = simulate(
        &view,
        &SimulateRequest::new(vec![0, 1]).model(lasting.clone()).runs(runs).seed(2),
    )
    .unwrap();
    assert!((s.total.activation[2] - 0.5).abs() <= 4.0 * (0.25 / runs as f64).sqrt());
}

#[test]
fn heavy_exposure_shrinks_cascades_and_results_are_deterministic() {
    let net = reseau::datasets::aarhus_cs();
    let view = net.compile();
    let seeds = Seeds::from(vec![0, 10, 20, 30]);
    let fresh = simulate(
        &view,
        &SimulateRequest::campaigns(&seeds)
            .model(Model::independent_cascade(0.3))
            .runs(2000)
            .seed(4),
    )
    .unwrap();
    let model = Model::independent_cascade(0.3).fatigue(Fatigue::hill(1.0, 2.0));
    let tired = simulate(
        &view,
        &SimulateRequest::campaigns(&seeds).model(model.clone()).runs(2000).seed(4),
    )
    .unwrap();
    assert!(
        tired.total.mean < 0.8 * fresh.total.mean,
        "{} vs {}",
        tired.total.mean,
        fresh.total.mean
    );
    assert_eq!(
        simulate(
            &view,
            &SimulateRequest::campaigns(&seeds).model(model.clone()).runs(2000).seed(4)
        )
        .unwrap(),
        tired
    );
    assert_ne!(
        simulate(
            &view,
            &SimulateRequest::campaigns(&seeds).model(model.clone()).runs(2000).seed(5)
        )
        .unwrap(),
        tired
    );
    #[cfg(feature = "parallel")]
    for threads in [1, 3] {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        assert_eq!(
            pool.install(|| simulate(
                &view,
                &SimulateRequest::campaigns(&seeds).model(model.clone()).runs(2000).seed(4)
            )
            .unwrap()),
            tired
        );
    }
    // Linear Threshold accepts fatigue too, and it can only slow the spread.
    let lt = simulate(
        &view,
        &SimulateRequest::campaigns(&seeds).model(Model::linear_threshold()).runs(2000).seed(4),
    )
    .unwrap();
    let lt_tired = simulate(
        &view,
        &SimulateRequest::campaigns(&seeds)
            .model(Model::linear_threshold().fatigue(Fatigue::capacity(1.0)))
            .runs(2000)
            .seed(4),
    )
    .unwrap();
    assert!(lt_tired.total.mean < lt.total.mean);
}

#[test]
fn curves_without_parameters_refuse_unknown_keys() {
    // serde-rs/serde#2123: internally tagged unit variants would ignore them.
    assert!(serde_json::from_str::<Curve>(r#"{"kind": "none", "rate": 1}"#).is_err());
    assert!(serde_json::from_str::<Curve>(r#"{"kind": "decreasing", "size": 2}"#).is_err());
    assert_eq!(serde_json::from_str::<Curve>(r#"{"kind": "none"}"#).unwrap(), Curve::None {});
    assert_eq!(serde_json::to_string(&Curve::Decreasing {}).unwrap(), r#"{"kind":"decreasing"}"#);
}
