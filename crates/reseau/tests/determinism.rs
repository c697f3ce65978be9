//! The same seed gives the same numbers for 1, 2 and 4 threads: every parallel entry point
//! run inside rayon pools of each size on one network, the results compared whole (every
//! field, every float bit). Single-threaded builds (no `parallel` feature) have nothing to
//! compare and skip.
#![cfg(feature = "parallel")]

use reseau::cascade::{Model, Seeds, simulate, trace};
use reseau::fatigue::Fatigue;
use reseau::referral::{RouteOptions, Strategy, Workload, referral_load_curve, route_referrals};
use reseau::relays::{Method, SelectOptions, select_relays};
use reseau::reputation::{ReputationOptions, reputation};
use reseau::{CompiledNetwork, datasets};

/// Everything computed from one seed, serialised: any difference in any field shows.
fn everything(view: &CompiledNetwork, seed: u64) -> Vec<String> {
    let model = Model::independent_cascade(0.1).fatigue(Fatigue::hill(3.0, 2.0).half_life(5.0));
    let seeds = Seeds::new(vec![0, 5], vec![20]);
    let mut out = Vec::new();
    let mut push = |name: &str, value: serde_json::Result<String>| {
        out.push(format!("{name}: {}", value.unwrap()));
    };
    push("simulate", serde_json::to_string(&simulate(view, &seeds, &model, 3_000, seed).unwrap()));
    push("trace", serde_json::to_string(&trace(view, &seeds, &model, seed).unwrap()));
    for method in [Method::Imm, Method::OpimC, Method::Celf, Method::Random] {
        let options = SelectOptions {
            k: Some(3),
            method,
            model: Model::independent_cascade(0.05),
            celf_runs: 100,
            evaluation_runs: 500,
            ..SelectOptions::default()
        };
        let selection = select_relays(view, &options, seed).unwrap();
        push(&format!("{method:?}"), serde_json::to_string(&selection));
    }
    let route =
        RouteOptions::new(Strategy::Greedy).forward(0.8).fatigue(Fatigue::queue(3).half_life(4.0));
    let work = Workload::random(3.0, 60);
    push("route", serde_json::to_string(&route_referrals(view, &work, &route, seed).unwrap()));
    let curve = referral_load_curve(view, &[1.0, 4.0, 16.0], 40, &route, seed).unwrap();
    push("curve", serde_json::to_string(&curve));
    let options = ReputationOptions { samples: 2_000, seed, ..ReputationOptions::default() };
    push("reputation", serde_json::to_string(&reputation(view, &options).unwrap()));
    out
}

#[test]
fn one_two_and_four_threads_give_the_same_numbers() {
    let view = datasets::aarhus_cs().compiled();
    let reference = everything(&view, 7);
    for threads in [1, 2, 4] {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        let again = pool.install(|| everything(&view, 7));
        for (a, b) in reference.iter().zip(&again) {
            assert_eq!(a, b, "{threads} threads");
        }
        assert_eq!(again.len(), reference.len());
    }
    // The comparison can fail: another seed changes every random result.
    let other = everything(&view, 8);
    let differ = reference.iter().zip(&other).filter(|(a, b)| a != b).count();
    assert!(differ >= reference.len() - 1, "only {differ} of {} differ", reference.len());
}
