//! Good and bad buzz in time: campaigns that start later, media pick-up, e-reputation step by
//! step and the e-reputation score, against answers known by construction.

// Exact float comparisons are intended: these values are exact by construction.
#![allow(clippy::float_cmp, clippy::cast_possible_wrap)]

use proptest::prelude::*;
use reseau::cascade::{
    Amplifiers, MAX_START, Model, Seeds, SimulateRequest, TraceRequest, simulate, trace,
};
use reseau::reputation::{Audience, EReputationRequest, Score, e_reputation};
use reseau::{CompiledNetwork, Layer, Network, Person, PersonId, PersonKind};

/// A directed path 0 → 1 → … → n−1 on one digital layer.
fn path(n: u32) -> CompiledNetwork {
    let mut net = Network::new();
    net.add_layer(Layer::digital("chat").directed(true)).unwrap();
    net.add_people(n as usize).unwrap();
    for i in 1..n {
        net.add_tie(PersonId(i - 1), PersonId(i), "chat", 1.0).unwrap();
    }
    net.compile()
}

#[test]
fn a_response_delayed_by_d_reaches_person_i_at_step_i_plus_d() {
    let view = path(8);
    let sure = Model::independent_cascade(1.0);
    for d in [0, 1, 3, 7] {
        let t = trace(&view, &TraceRequest::new([0]).starts(d, 0).model(sure.clone())).unwrap();
        let expected: Vec<i64> = (0..8).map(|i| i + i64::from(d)).collect();
        assert_eq!(t.step, expected, "delay {d}");
        let s =
            simulate(&view, &SimulateRequest::new([0]).starts(d, 0).model(sure.clone()).runs(5))
                .unwrap();
        // Nobody holds a view before the response starts; then one more person a step.
        let d = d as usize;
        assert_eq!(s.opinion.good.len(), 8 + d);
        for (t, &share) in s.opinion.good.iter().enumerate() {
            let expected = if t < d { 0.0 } else { (t - d + 1) as f64 / 8.0 };
            assert_eq!(share, expected, "step {t}");
        }
    }
}

#[test]
fn bad_buzz_from_one_end_and_a_late_response_from_the_other_meet_where_the_delay_says() {
    // An undirected path of 11 people: bad buzz from 0 at step 0, good buzz from 10 at step
    // d. Bad reaches i at step i, good reaches i at step d + 10 − i; a tie goes to bad buzz.
    let mut net = Network::new();
    net.add_layer(Layer::digital("chat")).unwrap();
    net.add_people(11).unwrap();
    for i in 1..11 {
        net.add_tie(PersonId(i - 1), PersonId(i), "chat", 1.0).unwrap();
    }
    let view = net.compile();
    for d in 0..=12u32 {
        let request = TraceRequest::new([10])
            .bad_seeds([0])
            .starts(d, 0)
            .model(Model::independent_cascade(1.0));
        let t = trace(&view, &request).unwrap();
        for i in 0..=10i64 {
            let (bad_at, good_at) = (i, i64::from(d) + 10 - i);
            let bad = bad_at <= good_at;
            // The good seed keeps its place only if bad buzz has not reached it first.
            assert_eq!(t.valence[i as usize], i64::from(bad), "delay {d}, person {i}");
            assert_eq!(t.step[i as usize], bad_at.min(good_at), "delay {d}, person {i}");
        }
    }
    // A late bad campaign meets good buzz that reached its seed in the very step it starts:
    // bad buzz wins the step, and its seed turns bad.
    let t = trace(
        &view,
        &TraceRequest::new([0]).bad_seeds([3]).starts(0, 3).model(Model::independent_cascade(1.0)),
    )
    .unwrap();
    assert_eq!((t.step[3], t.valence[3], t.parent[3]), (3, 1, -1));
    assert_eq!(t.valence[4..].to_vec(), vec![1; 7]);
}

#[test]
fn starting_at_step_zero_changes_nothing_bit_for_bit() {
    let net = reseau::datasets::aarhus_cs().compile();
    let model = Model { bad_multiplier: 1.5, ..Model::independent_cascade(0.15) };
    let base = SimulateRequest::new(["U102"]).bad_seeds(["U139"]).model(model).runs(700).seed(5);
    let explicit: SimulateRequest = serde_json::from_value(serde_json::json!({
        "seeds": "U102", "bad_seeds": "U139", "good_start": 0, "bad_start": 0,
        "model": {"probability": 0.15, "bad_multiplier": 1.5}, "runs": 700, "seed": 5,
    }))
    .unwrap();
    assert_eq!(explicit, base);
    let summary = simulate(&net, &base).unwrap();
    assert_eq!(simulate(&net, &base.clone().starts(0, 0)).unwrap(), summary);
    // One campaign on the plain engine too.
    let one = SimulateRequest::new([0]).runs(300).seed(2);
    assert_eq!(simulate(&net, &one.clone().starts(0, 0)).unwrap(), simulate(&net, &one).unwrap());
    // The opinion curves end where the per-valence means do.
    let n = 61.0;
    assert!((summary.opinion.good.last().unwrap() - summary.good.mean / n).abs() < 1e-12);
    assert!((summary.opinion.bad.last().unwrap() - summary.bad.mean / n).abs() < 1e-12);
}

#[test]
fn a_single_campaign_delayed_by_d_is_the_same_cascade_d_steps_later() {
    // Uniform IC: the general engine draws as the plain one does, so that shifting the start
    // shifts the very same cascade.
    let net = reseau::datasets::aarhus_cs().compile();
    for seed in 0..20 {
        let request = TraceRequest::new([0, 7]).model(Model::independent_cascade(0.2)).seed(seed);
        let now = trace(&net, &request).unwrap();
        let later = trace(&net, &request.clone().starts(4, 0)).unwrap();
        assert_eq!(now.order, later.order);
        let shifted: Vec<i64> = now.step.iter().map(|&s| if s < 0 { s } else { s + 4 }).collect();
        assert_eq!(later.step, shifted);
        assert_eq!((now.parent, now.layer), (later.parent, later.layer));
    }
}

/// `m` sources in a chain a0 → a1 → … → a(m−1), each followed by a media person, who
/// broadcasts to an audience of 5.
fn media_star(m: u32, threshold: u32) -> (CompiledNetwork, Model) {
    let mut net = Network::new();
    net.add_layer(Layer::digital("follows").directed(true)).unwrap();
    net.add_people(m as usize).unwrap();
    let media = net.add_person(Person::new().kind(PersonKind::Media)).unwrap();
    for i in 0..m {
        net.add_tie(PersonId(i), media, "follows", 1.0).unwrap();
        if i + 1 < m {
            net.add_tie(PersonId(i), PersonId(i + 1), "follows", 1.0).unwrap();
        }
    }
    for _ in 0..5 {
        let a = net.add_person(Person::new()).unwrap();
        net.add_tie(media, a, "follows", 1.0).unwrap();
    }
    let model = Model {
        amplifiers: Amplifiers { media_threshold: threshold, ..Amplifiers::default() },
        ..Model::independent_cascade(1.0)
    };
    (net.compile(), model)
}

#[test]
fn media_pick_bad_buzz_up_at_the_step_its_mth_source_carries_it() {
    for threshold in 1..=4u32 {
        for d in [0u32, 2] {
            let (view, model) = media_star(4, threshold);
            let t = trace(
                &view,
                &TraceRequest::new(Vec::<u32>::new()).bad_seeds([0]).starts(0, d).model(model),
            )
            .unwrap();
            // Source i carries it at step d + i and reaches the media person one step later.
            let media = 4;
            assert_eq!(t.step[media], i64::from(d + threshold), "threshold {threshold}, delay {d}");
            assert_eq!(t.valence[media], 1);
            assert!(t.step[5..].iter().all(|&s| s == i64::from(d + threshold + 1)));
        }
        // Fewer sources than the threshold: no pick-up.
        let (view, model) = media_star(threshold - 1 + u32::from(threshold == 1), threshold + 1);
        let t = trace(&view, &TraceRequest::new(Vec::<u32>::new()).bad_seeds([0]).model(model))
            .unwrap();
        assert!(t.step[t.step.len() - 5..].iter().all(|&s| s == -1));
    }
}

#[test]
fn bad_ahead_counts_the_steps_bad_buzz_leads() {
    // Bad buzz alone on the path 0 → 7 for d steps, then good buzz on a separate path.
    let mut net = Network::new();
    net.add_layer(Layer::digital("chat").directed(true)).unwrap();
    net.add_people(16).unwrap();
    for i in 1..8 {
        net.add_tie(PersonId(i - 1), PersonId(i), "chat", 1.0).unwrap();
        net.add_tie(PersonId(i + 7), PersonId(i + 8), "chat", 1.0).unwrap();
    }
    let view = net.compile();
    let sure = Model::independent_cascade(1.0);
    for d in 0..5u32 {
        let s = simulate(
            &view,
            &SimulateRequest::new([8]).bad_seeds([0]).starts(d, 0).model(sure.clone()).runs(3),
        )
        .unwrap();
        // Bad holds t + 1 people at step t (up to 8), good t − d + 1 from step d: bad leads at
        // steps 0 to 6 + d when d > 0, never when d = 0.
        let expected = if d == 0 { 0.0 } else { f64::from(7 + d) };
        assert_eq!(s.opinion.bad_ahead_steps, expected, "delay {d}");
        assert_eq!(s.opinion.bad_ahead_ci95, [expected, expected]);
        assert_eq!(s.opinion.net.last(), Some(&0.0));
    }
}

#[test]
fn bad_starts_are_typed_errors() {
    let net = reseau::datasets::aarhus_cs().compile();
    let late = SimulateRequest::new([0]).starts(MAX_START + 1, 0).runs(10);
    let err = simulate(&net, &late).unwrap_err();
    assert_eq!(err.kind(), "InvalidParameterError");
    assert_eq!(err.to_string(), "invalid good_start: 10001 (expected an integer from 0 to 10000)");
    assert!(late.validate().is_err());
    let err = trace(&net, &TraceRequest::new([0]).bad_seeds([1]).starts(0, u32::MAX)).unwrap_err();
    assert_eq!(err.kind(), "InvalidParameterError");
    assert!(serde_json::from_str::<SimulateRequest>(r#"{"seeds": 0, "good_start": -1}"#).is_err());
    // The latest start is accepted, and a campaign with no seed may have any valid start.
    let s = simulate(&net, &SimulateRequest::new([0]).starts(MAX_START, 0).runs(2)).unwrap();
    assert!(s.by_step.len() > MAX_START as usize);
    let err = e_reputation(
        &net,
        &EReputationRequest::new(["nobody"], SimulateRequest::new([0]).runs(10)),
    )
    .unwrap_err();
    assert_eq!(err.kind(), "UnknownPersonError");
    let empty = EReputationRequest::new(Vec::<u32>::new(), SimulateRequest::new([0]));
    assert_eq!(e_reputation(&net, &empty).unwrap_err().kind(), "InvalidParameterError");
}

#[test]
fn an_organisation_seen_by_everyone_or_by_its_ties() {
    // A star: the organisation {0, 1} tied to 2..6; 7 is tied to 6 only.
    let mut net = Network::new();
    net.add_layer(Layer::physical("office")).unwrap();
    net.add_people(8).unwrap();
    for v in 2..7 {
        net.add_tie(PersonId(v % 2), PersonId(v), "office", 1.0).unwrap();
    }
    net.add_tie(PersonId(6), PersonId(7), "office", 1.0).unwrap();
    let view = net.compile();
    // No spread: good seeds 2, 3; bad seeds 4, 7.
    let buzz = SimulateRequest::new([2, 3])
        .bad_seeds([4, 7])
        .model(Model::independent_cascade(0.0))
        .runs(4);
    let request = EReputationRequest { weight: None, ..EReputationRequest::new([0, 1], buzz) };
    let ties = e_reputation(&view, &request).unwrap();
    // Audience 2..6: two good, one bad, two undecided.
    assert_eq!((ties.audience, ties.good, ties.bad, ties.score), (5, 0.4, 0.2, 0.4 - 0.2));
    assert_eq!(ties.centrality, 2.0);
    let all = e_reputation(
        &view,
        &EReputationRequest { audience: Audience::Everyone, ..request.clone() },
    )
    .unwrap();
    assert_eq!((all.audience, all.good, all.bad), (6, 2.0 / 6.0, 2.0 / 6.0));
    let degree =
        e_reputation(&view, &EReputationRequest { weight: Some(Score::Degree), ..request })
            .unwrap();
    // Degrees 1, 1, 1, 1, 2 for 2..6: good 2/6, bad 1/6.
    assert_eq!((degree.good, degree.bad), (2.0 / 6.0, 1.0 / 6.0));
}

fn small_network(n: u32, ties: &[(u32, u32)]) -> CompiledNetwork {
    let mut net = Network::new();
    net.add_layer(Layer::digital("chat")).unwrap();
    net.add_layer(Layer::physical("office").latency(2)).unwrap();
    net.add_people(n as usize).unwrap();
    for (k, &(a, b)) in ties.iter().enumerate() {
        if a != b {
            let layer = if k % 3 == 0 { "office" } else { "chat" };
            let _ = net.add_tie(PersonId(a % n), PersonId(b % n), layer, 1.0);
        }
    }
    net.compile()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Opinion shares: each in [0, 1], good + bad ≤ 1, non-decreasing step by step, ending at
    /// the per-valence means; intervals around the means; the score in [−1, 1].
    #[test]
    fn opinion_shares_hold_together(
        n in 4u32..20,
        ties in proptest::collection::vec((0u32..20, 0u32..20), 3..40),
        p in 0.0f64..1.0,
        starts in (0u32..6, 0u32..6),
        bias in 0.5f64..3.0,
        seed in 0u64..1000,
    ) {
        let view = small_network(n, &ties);
        let model = Model { bad_multiplier: bias, ..Model::independent_cascade(p) };
        let request = SimulateRequest::campaigns(&Seeds::new(vec![0], vec![1]).starting(starts.0, starts.1))
            .model(model).runs(40).seed(seed);
        let s = simulate(&view, &request).unwrap();
        let o = &s.opinion;
        prop_assert_eq!(o.good.len(), s.by_step.len());
        for t in 0..o.good.len() {
            prop_assert!(o.good[t] >= 0.0 && o.bad[t] >= 0.0 && o.good[t] + o.bad[t] <= 1.0 + 1e-12);
            prop_assert!((o.good[t] + o.bad[t]) * f64::from(n) - s.by_step[t] <= 1e-9 * f64::from(n));
            if t > 0 {
                prop_assert!(o.good[t] >= o.good[t - 1] && o.bad[t] >= o.bad[t - 1]);
            }
            prop_assert!(o.good_ci95[t][0] <= o.good[t] + 1e-12 && o.good[t] <= o.good_ci95[t][1] + 1e-12);
            prop_assert!(o.net_ci95[t][0] <= o.net[t] + 1e-12 && o.net[t] <= o.net_ci95[t][1] + 1e-12);
        }
        prop_assert!((o.good.last().unwrap() * f64::from(n) - s.good.mean).abs() < 1e-9);
        prop_assert!(o.bad_ahead_steps <= o.good.len() as f64);
        // Step 0: only the campaigns that start at once.
        prop_assert_eq!(o.good[0], if starts.0 == 0 { 1.0 / f64::from(n) } else { 0.0 });
        let rep = e_reputation(&view, &EReputationRequest::new([2], request.clone())).unwrap();
        prop_assert!((-1.0..=1.0).contains(&rep.score));
        prop_assert!(rep.good + rep.bad <= 1.0 + 1e-12);
    }

    /// Delaying the bad campaign on a network where each person is reached by one campaign
    /// only never lowers good buzz's final share: a later start only frees people from bad
    /// buzz's reach (exactly, with sure ties).
    #[test]
    fn a_later_bad_campaign_never_lowers_the_final_good_share(
        n in 4u32..16,
        ties in proptest::collection::vec((0u32..16, 0u32..16), 3..30),
        d in 0u32..5,
    ) {
        let view = small_network(n, &ties);
        let sure = Model::independent_cascade(1.0);
        let at = |bad_start: u32| {
            let request = SimulateRequest::new([0]).bad_seeds([1]).starts(0, bad_start).model(sure.clone()).runs(2);
            *simulate(&view, &request).unwrap().opinion.good.last().unwrap()
        };
        prop_assert!(at(d + 1) >= at(d));
    }
}

/// The numbers the Python and JavaScript tests pin for the same request (a crisis on Aarhus:
/// bad buzz from U1 at once, the response from U4 two steps later, a negativity bias 1.5).
#[test]
fn the_crisis_numbers_the_bindings_pin() {
    let net = reseau::datasets::aarhus_cs().compile();
    let model = Model { bad_multiplier: 1.5, ..Model::independent_cascade(0.15) };
    let buzz =
        SimulateRequest::new(["U4"]).bad_seeds(["U1"]).starts(2, 0).model(model).runs(500).seed(11);
    let s = simulate(&net, &buzz).unwrap();
    let rep = e_reputation(&net, &EReputationRequest::new(["U102"], buzz)).unwrap();
    assert_eq!(s.opinion.bad_ahead_steps, 5.946);
    assert_eq!(s.opinion.good.last(), Some(&0.038_491_803_278_688_52));
    assert_eq!(s.opinion.bad.last(), Some(&0.898_885_245_901_639_3));
    assert!((rep.score - -0.887_651_311_887_632_2).abs() < 1e-12, "{}", rep.score);
    assert_eq!(rep.buzz, s);
}
