//! The cold-contact baseline of the referral engine (claim 1 of the article: a personal
//! recommendation reaches a target faster and more surely than a cold contact): exact
//! outcomes on hand-made graphs, its answer rate within the binomial noise, the fatigue it
//! reads, and its bad values refused.

#![allow(clippy::float_cmp)] // exact by construction

use reseau::fatigue::Fatigue;
use reseau::referral::{
    COLD_CONTACT, Outcome, ReferralRequest, RouteOptions, Strategy, Workload, route_referrals,
    trace_referrals,
};
use reseau::{Layer, Network, PersonId};

/// 0 - 1 - 2 - 3 on one physical layer and 3 - 4 on a digital one.
fn path() -> Network {
    let mut net = Network::new();
    net.add_layer(Layer::physical("work")).unwrap();
    net.add_layer(Layer::digital("mail")).unwrap();
    net.add_people(5).unwrap();
    for (a, b, l) in [(0, 1, "work"), (1, 2, "work"), (2, 3, "work"), (3, 4, "mail")] {
        net.add_tie(PersonId(a), PersonId(b), l, 1.0).unwrap();
    }
    net
}

fn cold(p: f64) -> RouteOptions {
    RouteOptions::new(Strategy::Cold).cold_response(p)
}

#[test]
fn an_answered_cold_contact_is_one_step_on_no_layer() {
    let view = path().compile();
    let request = ReferralRequest::new(Workload::pairs(vec![[0, 3], [4, 0]])).options(cold(1.0));
    let traces = trace_referrals(&view, &request.clone().seed(3)).unwrap();
    for (t, [s, d]) in traces.iter().zip([[0, 3], [4, 0]]) {
        assert_eq!(t.outcome, Outcome::Delivered);
        assert_eq!((t.path.clone(), t.end - t.start), (vec![s, d], 1));
        assert_eq!(t.layers, vec![COLD_CONTACT.to_owned()]);
    }
    let s = route_referrals(&view, &request.seed(3)).unwrap();
    assert_eq!((s.succeeded, s.hops, s.mean_time), (2, 2, Some(1.0)));
    assert_eq!(s.layer_hops, vec![0, 0], "a cold contact crosses no tie of the network");
}

#[test]
fn a_cold_contact_is_answered_at_its_rate_and_never_beats_a_sure_chain() {
    let view = path().compile();
    let n = 40_000u64;
    let work = Workload::pairs(vec![[0, 3]; n as usize]);
    for p in [0.0, 0.05, 0.3] {
        let s =
            route_referrals(&view, &ReferralRequest::new(work.clone()).options(cold(p)).seed(9))
                .unwrap();
        let se = (p * (1.0 - p) / n as f64).sqrt();
        assert!((s.success_rate - p).abs() <= 4.0 * se + 1e-12, "{p}: {}", s.success_rate);
        assert_eq!(s.ignored, n - s.succeeded, "a stranger's message unanswered is ignored");
        // Without fatigue and with everyone forwarding, the chain 0 → 1 → 2 → 3 always
        // arrives: a cold contact can match it (p = 1) but never beat it.
        let chain = route_referrals(&view, &ReferralRequest::new(work.clone()).seed(9)).unwrap();
        assert_eq!(chain.success_rate, 1.0);
        assert!(s.success_rate <= chain.success_rate);
        assert_eq!(chain.mean_time, Some(3.0));
    }
}

#[test]
fn cold_messages_load_the_target_on_the_digital_channel() {
    let view = path().compile();
    // 200 strangers' messages to person 3, 20 a step: the target's load builds up.
    let pairs: Vec<[u32; 2]> = (0..200).map(|i| [[0, 1, 4][i % 3], 3]).collect();
    let work = Workload::Pairs { pairs, rate: Some(20.0) };
    let tiring = Fatigue::capacity(10.0);
    let run = |options: RouteOptions| {
        route_referrals(&view, &ReferralRequest::new(work.clone()).options(options).seed(2))
            .unwrap()
    };
    // One shared load: the target takes in ten messages, then ignores the rest.
    let shared = run(cold(1.0).fatigue(tiring));
    assert_eq!(shared.succeeded, 10);
    // Two channels: only the digital one fills up with cold messages.
    let physical_tired = run(cold(1.0).fatigue(tiring).digital_fatigue(Fatigue::none()));
    assert_eq!(physical_tired.succeeded, 200);
    let digital_tired = run(cold(1.0).digital_fatigue(tiring));
    assert_eq!(digital_tired.succeeded, 10);
}

#[test]
fn a_cold_response_outside_zero_one_is_refused_by_name() {
    let view = path().compile();
    for bad in [-0.1, 1.5, f64::NAN] {
        let request = ReferralRequest::new(Workload::pairs(vec![[0, 3]])).options(cold(bad));
        let err = route_referrals(&view, &request).unwrap_err();
        assert_eq!(err.kind(), "InvalidParameterError");
        assert!(err.to_string().contains("cold_response"), "{err}");
    }
    let parsed: ReferralRequest =
        serde_json::from_str(r#"{"strategy": "cold", "cold_response": 0.2}"#).unwrap();
    assert_eq!((parsed.strategy, parsed.cold_response), (Strategy::Cold, 0.2));
}
