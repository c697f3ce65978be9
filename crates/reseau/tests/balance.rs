//! The balance sweep on constructed networks whose answer is known, and its typed errors.

// Exact values are the point: the same seed gives the same bits.
#![allow(clippy::float_cmp)]

use reseau::balance::{BalanceRequest, Decline, EffortResponse, Measure, balance};
use reseau::cascade::{LayerSettings, Model};
use reseau::fatigue::Fatigue;
use reseau::referral::{RouteOptions, Strategy};
use reseau::{Layer, Network, PersonId};

/// Two layers, one physical and one digital, with the very same ties (a small-world graph),
/// the physical one `slow` steps per hop.
fn twin_layers(slow: u32) -> Network {
    let base = reseau::generators::watts_strogatz(300, 6, 0.2, 11).unwrap();
    let mut net = Network::new();
    net.add_layer(Layer::physical("meet").latency(slow)).unwrap();
    net.add_layer(Layer::digital("mail")).unwrap();
    net.add_people(base.num_people()).unwrap();
    for tie in base.ties() {
        for layer in ["meet", "mail"] {
            net.add_tie(tie.source, tie.target, layer, 1.0).unwrap();
        }
    }
    net
}

#[test]
fn identical_layers_without_fatigue_have_no_interior_optimum() {
    let net = twin_layers(1);
    let options = BalanceRequest {
        mixes: vec![0.0, 0.5, 1.0],
        steps: 400,
        rate: 2.0,
        runs: 2000,
        ..BalanceRequest::default()
    };
    let report = balance(&net, &BalanceRequest { seed: 3, ..options.clone() }).unwrap();
    for measure in Measure::ALL {
        let best = report.best(measure).unwrap();
        assert!(!best.interior || best.flat, "{measure:?}: {best:?}\n{:#?}", report.rows);
    }
    // Both ends see the same network through one kind of tie each: the same numbers up to
    // noise.
    let (a, b) = (report.row(0, 0), report.row(2, 0));
    assert!((a.success_rate - b.success_rate).abs() < 0.05, "{a:?} {b:?}");
    assert!((a.reach - b.reach).abs() < 0.05 * a.reach, "{a:?} {b:?}");
    assert_eq!(a.referral_offline_share, 0.0);
    assert_eq!(b.referral_offline_share, 1.0);
}

#[test]
fn a_flooded_inbox_and_slow_meetings_make_the_best_mix_interior() {
    let net = twin_layers(3);
    let options = BalanceRequest {
        mixes: (0..=10).map(|i| f64::from(i) / 10.0).collect(),
        rate: 30.0,
        steps: 2000,
        runs: 200,
        ..BalanceRequest::default()
    }
    .with_routing(
        RouteOptions::new(Strategy::Greedy)
            .fatigue(Fatigue::hill(2.0, 2.0).half_life(10.0))
            .digital_fatigue(Fatigue::hill(0.5, 2.0).half_life(10.0)),
    );
    let report = balance(&net, &BalanceRequest { seed: 5, ..options.clone() }).unwrap();
    let best = report.best(Measure::Throughput).unwrap();
    let rows: Vec<(f64, f64)> = report.rows.iter().map(|r| (r.mix, r.throughput)).collect();
    assert!(best.interior && best.beats_ends, "{best:?}\n{rows:?}");
}

#[test]
fn decline_is_reported_period_by_period() {
    let net = reseau::datasets::aarhus_cs();
    let options = BalanceRequest {
        mixes: vec![0.0, 1.0],
        steps: 60,
        runs: 300,
        decline: Some(Decline::new("facebook", 0.5, 3)),
        ..BalanceRequest::default()
    };
    let report = balance(&net, &BalanceRequest { seed: 1, ..options.clone() }).unwrap();
    assert_eq!(report.rows.len(), 2 * 4);
    assert_eq!(report.declining_layer.as_deref(), Some("facebook"));
    let left: Vec<usize> = (0..=3).map(|t| report.row(0, t).declining_ties.unwrap()).collect();
    assert_eq!(left[0], 124);
    assert!(left.windows(2).all(|w| w[1] <= w[0]) && left[3] < 40, "{left:?}");
    // All-physical effort does not use facebook: the campaign is the same at every period.
    assert_eq!(report.row(1, 0).reach, report.row(1, 3).reach);
    // All-digital effort loses reach as facebook empties.
    assert!(report.row(0, 3).reach < report.row(0, 0).reach);
    assert_eq!(report.robust.len(), 4);
    assert_eq!(report.robust(Measure::Reach).unwrap().mix, 1.0);
}

#[test]
fn the_same_seed_gives_the_same_report() {
    let net = reseau::datasets::aarhus_cs();
    let options =
        BalanceRequest { mixes: vec![0.2, 0.8], steps: 40, runs: 100, ..Default::default() };
    let a = balance(&net, &BalanceRequest { seed: 9, ..options.clone() }).unwrap();
    assert_eq!(a, balance(&net, &BalanceRequest { seed: 9, ..options.clone() }).unwrap());
    assert_ne!(a, balance(&net, &BalanceRequest { seed: 10, ..options.clone() }).unwrap());
}

#[test]
fn bad_requests_get_typed_errors() {
    let net = reseau::datasets::aarhus_cs();
    let ok = BalanceRequest { mixes: vec![0.5], steps: 10, runs: 10, ..Default::default() };
    let err =
        |o: BalanceRequest| balance(&net, &BalanceRequest { seed: 1, ..o.clone() }).unwrap_err();
    let e = err(ok.clone().mixes(vec![-0.1]));
    assert_eq!(
        (e.kind(), e.to_string().as_str()),
        ("InvalidParameterError", "invalid mix: -0.1 (expected a share in [0, 1])")
    );
    assert_eq!(err(ok.clone().mixes(vec![f64::NAN])).kind(), "InvalidParameterError");
    assert!(err(ok.clone().mixes(vec![])).to_string().contains("0 mixes"));
    let e = err(ok.clone().decline(Decline::new("myspace", 0.1, 2)));
    assert_eq!((e.kind(), e.to_string().contains("myspace")), ("UnknownLayerError", true));
    // The mix sets physical_share: a sweep has no such option.
    let routed = serde_json::from_str::<BalanceRequest>(r#"{"physical_share": 0.3}"#);
    assert!(routed.unwrap_err().to_string().contains("physical_share"));
    let mut layered = ok.clone();
    layered.model = layered.model.layer("dinner", reseau::cascade::LayerSettings::default());
    assert_eq!(err(layered).kind(), "UnknownLayerError");
    assert_eq!(err(BalanceRequest { rate: 0.0, ..ok.clone() }).kind(), "InvalidParameterError");
    assert_eq!(
        err(BalanceRequest { physical_cost: 0.0, ..ok.clone() }).kind(),
        "InvalidParameterError"
    );
    assert_eq!(
        err(ok.clone().decline(Decline::new("facebook", 2.0, 2))).kind(),
        "InvalidParameterError"
    );
}

#[cfg(feature = "parallel")]
#[test]
fn the_report_is_the_same_for_any_number_of_threads() {
    let net = reseau::datasets::aarhus_cs();
    let options = BalanceRequest {
        mixes: vec![0.0, 0.3, 1.0],
        steps: 40,
        runs: 200,
        decline: Some(Decline::new("facebook", 0.4, 2)),
        ..BalanceRequest::default()
    };
    let reports: Vec<_> = [1, 2, 4]
        .iter()
        .map(|&threads| {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            pool.install(|| balance(&net, &BalanceRequest { seed: 3, ..options.clone() }).unwrap())
        })
        .collect();
    assert_eq!(reports[0], reports[1]);
    assert_eq!(reports[0], reports[2]);
}

/// Person 0 tied to 10 people on a physical layer and to 20 others on a digital one, every
/// tie at probability 0.3: whatever the mix, 0 is the campaign's one seed, and the reach is
/// `1 + 10·q_physical + 20·q_digital` exactly.
fn two_stars() -> Network {
    let mut net = Network::new();
    net.add_layer(Layer::physical("meet")).unwrap();
    net.add_layer(Layer::digital("mail")).unwrap();
    net.add_people(31).unwrap();
    for v in 1..=30 {
        let layer = if v <= 10 { "meet" } else { "mail" };
        net.add_tie(PersonId(0), PersonId(v), layer, 1.0).unwrap();
    }
    net
}

#[test]
fn diminishing_returns_put_the_best_mix_where_the_hand_computed_optimum_is() {
    let net = two_stars();
    let mixes: Vec<f64> = (0..=10).map(|i| f64::from(i) / 10.0).collect();
    let request = |response, effort| BalanceRequest {
        mixes: mixes.clone(),
        model: Model::independent_cascade(0.3),
        num_seeds: 1,
        runs: 20_000,
        steps: 4,
        rate: 1.0,
        effort,
        effort_response: response,
        seed: 5,
        ..BalanceRequest::default()
    };
    // Diminishing returns, effort 10: reach(m) = 1 + 10(1 − 0.7^(10m)) + 20(1 − 0.7^(10(1 − m))),
    // whose derivative vanishes where 0.7^(10(2m − 1)) = 20/10, i.e. m* = (1 + ln 2 / (10 ln 0.7)) / 2
    // = 0.4028: on the grid, 0.4 is best.
    let report = balance(&net, &request(EffortResponse::Diminishing, 10.0)).unwrap();
    let exact = |m: f64| {
        1.0 + 10.0 * (1.0 - 0.7f64.powf(10.0 * m)) + 20.0 * (1.0 - 0.7f64.powf(10.0 * (1.0 - m)))
    };
    for row in &report.rows {
        // sd of the reach ≤ √(30/4); 20,000 runs.
        assert!((row.reach - exact(row.mix)).abs() < 4.0 * (7.5f64 / 20_000.0).sqrt(), "{row:?}");
    }
    let m_star = f64::midpoint(1.0, 2f64.ln() / (10.0 * 0.7f64.ln()));
    assert!((m_star - 0.4028).abs() < 1e-4);
    let best = report.best(Measure::Reach).unwrap();
    assert_eq!(best.mix, 0.4);
    assert!(best.interior && !best.flat, "{best:?}");
    // Linear effort, effort 2: reach(m) = 1 + 10·0.6m + 20·0.6(1 − m), best at m = 0.
    let linear = balance(&net, &request(EffortResponse::Linear, 2.0)).unwrap();
    for row in &linear.rows {
        let exact = 1.0 + 6.0 * row.mix + 12.0 * (1.0 - row.mix);
        assert!((row.reach - exact).abs() < 4.0 * (7.5f64 / 20_000.0).sqrt(), "{row:?}");
    }
    let best = linear.best(Measure::Reach).unwrap();
    assert_eq!((best.mix, best.interior), (0.0, false));
}

#[test]
fn attempts_turn_a_probability_into_one_minus_its_complement_to_that_power() {
    use reseau::cascade::{SimulateRequest, simulate};
    let net = two_stars().compile();
    for attempts in [0.0, 0.5, 1.0, 2.5] {
        let model = Model::independent_cascade(0.3)
            .layer("meet", LayerSettings { attempts, ..LayerSettings::default() });
        let request =
            SimulateRequest { model, runs: 20_000, seed: 1, ..SimulateRequest::new([0u32]) };
        let s = simulate(&net, &request).unwrap();
        let exact = 1.0 + 10.0 * (1.0 - 0.7f64.powf(attempts)) + 20.0 * 0.3;
        assert!(
            (s.total.mean - exact).abs() < 4.0 * (7.5f64 / 20_000.0).sqrt(),
            "{attempts}: {}",
            s.total.mean
        );
    }
    let bad = Model::independent_cascade(0.3)
        .layer("meet", LayerSettings { attempts: -1.0, ..LayerSettings::default() });
    assert!(bad.validate().unwrap_err().to_string().contains("attempts"));
}

#[test]
fn a_successor_platform_takes_the_lost_ties_and_keeps_the_reach() {
    let net = two_stars();
    // "mail" vanishes at period 1; with a successor taking every lost tie, the digital star
    // is whole again on "meet" and the all-physical campaign reaches everyone it could.
    let mut net2 = net.clone();
    net2.add_layer(Layer::digital("newmail")).unwrap();
    let request = BalanceRequest {
        mixes: vec![0.0, 1.0],
        model: Model::independent_cascade(0.3),
        num_seeds: 1,
        runs: 4000,
        steps: 4,
        rate: 1.0,
        decline: Some(Decline::new("mail", 0.0, 1).vanish_at(1).successor("newmail", 1.0)),
        seed: 2,
        ..BalanceRequest::default()
    };
    let moved = balance(&net2, &request).unwrap();
    let gone = balance(
        &net2,
        &BalanceRequest {
            decline: Some(Decline::new("mail", 0.0, 1).vanish_at(1)),
            ..request.clone()
        },
    )
    .unwrap();
    assert_eq!(moved.row(0, 1).declining_ties, Some(0));
    assert_eq!(moved.row(0, 1).migrated_ties, Some(20));
    assert_eq!(gone.row(0, 1).migrated_ties, None);
    // All-digital effort: the successor carries the 20 ties (reach ≈ 1 + 20·0.6), the
    // vanished platform alone leaves the seed only.
    assert!(moved.row(0, 1).reach > 10.0, "{:?}", moved.row(0, 1));
    assert_eq!(gone.row(0, 1).reach, 1.0);
    let err = balance(&net, &request).unwrap_err();
    assert_eq!(err.kind(), "UnknownLayerError");
}

/// The people each source reaches beyond itself on `net` when every tie passes for sure:
/// its connected component, less itself (undirected layers).
fn component_sizes(net: &Network) -> Vec<f64> {
    let n = net.num_people();
    let mut next: Vec<Vec<usize>> = vec![Vec::new(); n];
    for t in net.ties() {
        next[t.source.0 as usize].push(t.target.0 as usize);
        next[t.target.0 as usize].push(t.source.0 as usize);
    }
    (0..n)
        .map(|s| {
            let mut seen = vec![false; n];
            let mut stack = vec![s];
            seen[s] = true;
            let mut count = 0;
            while let Some(u) = stack.pop() {
                count += 1;
                for &v in &next[u] {
                    if !seen[v] {
                        seen[v] = true;
                        stack.push(v);
                    }
                }
            }
            f64::from(count - 1)
        })
        .collect()
}

#[test]
fn tie_for_tie_spread_is_each_kinds_components_at_equal_tie_counts() {
    use reseau::LayerKind;
    use reseau::balance::{CompareKindsRequest, compare_kinds, only_kind};
    // A physical path through 12 people (11 sure ties) and a digital triangle of sure ties
    // (3): cut to 3 ties, the physical path breaks into pieces the seed chooses.
    let mut net = Network::new();
    net.add_layer(Layer::physical("meet")).unwrap();
    net.add_layer(Layer::digital("mail")).unwrap();
    net.add_people(12).unwrap();
    let sure = reseau::TieSpec::weight(1.0).probability(1.0);
    for i in 0..11 {
        net.add_tie_spec(PersonId(i), PersonId(i + 1), "meet", sure).unwrap();
    }
    for (a, b) in [(0, 5), (5, 9), (9, 0)] {
        net.add_tie_spec(PersonId(a), PersonId(b), "mail", sure).unwrap();
    }
    let request =
        CompareKindsRequest { sources: 40, runs: 64, steps: 20, seed: 5, ..Default::default() };
    let c = compare_kinds(&net, &request).unwrap();
    assert_eq!((c.physical.ties, c.digital.ties, c.equal_ties), (11, 3, 3));
    let mean = |sizes: &[f64]| c.sources.iter().map(|&s| sizes[s as usize]).sum::<f64>() / 40.0;
    // Sure ties: every run reaches the whole component, so the spread and its interval are
    // exact.
    assert_eq!(c.physical.spread, 11.0);
    assert_eq!(c.physical.spread_ci, [11.0, 11.0]);
    let digital = only_kind(&net, LayerKind::Digital, None, 5).unwrap();
    assert_eq!(c.digital.spread, mean(&component_sizes(&digital)));
    assert_eq!(c.digital_equal, c.digital);
    let cut = only_kind(&net, LayerKind::Physical, Some(3), 5).unwrap();
    assert_eq!(cut.num_ties(), 3);
    assert_eq!(c.physical_equal.ties, 3);
    assert!((c.physical_equal.spread - mean(&component_sizes(&cut))).abs() < 1e-12);
    // Every source of the triangle reaches 2 more; the cut path's pieces hold at most 4.
    assert!(c.physical_equal.spread <= 3.0);
    // Settings for layers of either kind (as a fitted model has) apply to their own kind; a
    // layer the network lacks is a typed error.
    let mut named = request.clone();
    named.model = named.model.layer("mail", LayerSettings { enabled: false, ..Default::default() });
    named.layer_forward.insert("meet".into(), 0.5);
    let with = compare_kinds(&net, &named).unwrap();
    assert_eq!((with.physical.spread, with.digital.spread), (11.0, 0.0));
    named.model = named.model.layer("nope", LayerSettings::default());
    assert_eq!(compare_kinds(&net, &named).unwrap_err().kind(), "UnknownLayerError");
    // One kind missing: a typed error, not a panic.
    let physical_only = only_kind(&net, LayerKind::Physical, None, 5).unwrap();
    let err = compare_kinds(&physical_only, &request).unwrap_err();
    assert_eq!(err.kind(), "InvalidParameterError");
    let err = compare_kinds(&net, &CompareKindsRequest { runs: 0, ..request }).unwrap_err();
    assert_eq!(err.kind(), "InvalidParameterError");
}
