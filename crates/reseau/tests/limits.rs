//! Requests that would exhaust memory or run for days are refused before any work, with an
//! error naming what was asked and the limit (`docs/errors.md`, "Limits"). Each call here
//! would take hours or hundreds of gigabytes if it started; the test takes milliseconds.

use std::time::{Duration, Instant};

use reseau::cascade::{
    ExactSpreadRequest, MAX_OUTCOMES, MAX_RUNS, Model, Seeds, SimulateRequest, exact_spread,
    simulate,
};
use reseau::generators::{
    self, MAX_PEOPLE, MAX_TIES, ProfessionalOptions, barabasi_albert, erdos_renyi, kleinberg,
    stochastic_block, watts_strogatz,
};
use reseau::referral::{
    LoadCurveRequest, ReferralRequest, Workload, referral_load_curve, route_referrals,
};
use reseau::relays::{SelectRelaysRequest, select_relays};
use reseau::reputation::{ReputationRequest, reputation};
use reseau::{Network, datasets};

/// Asserts that `call` fails at once with an `InvalidParameterError` whose message holds
/// every one of `parts` (what was asked, the limit).
#[track_caller]
fn refused<T: std::fmt::Debug>(call: impl FnOnce() -> reseau::Result<T>, parts: &[&str]) {
    let start = Instant::now();
    let err = call().expect_err("expected a refusal");
    assert!(start.elapsed() < Duration::from_secs(5), "refused only after {:?}", start.elapsed());
    assert_eq!(err.kind(), "InvalidParameterError", "{err}");
    let message = err.to_string();
    for part in parts {
        assert!(message.contains(part), "{part:?} not in {message:?}");
    }
}

#[test]
fn generators_refuse_10_to_the_12_people() {
    let max = MAX_PEOPLE.to_string();
    refused(|| erdos_renyi(1_000_000_000_000, 1.0, 1), &["1000000000000", &max]);
    refused(|| barabasi_albert(1_000_000_000_000, 2, 1), &["1000000000000", &max]);
    refused(|| watts_strogatz(1_000_000_000_000, 4, 0.1, 1), &["1000000000000", &max]);
    refused(|| kleinberg(1_000_000, 2.0, 1, 1), &["1000000000000", &max]);
    refused(
        || stochastic_block(&[500_000_000_000; 2], &[vec![0.0; 2], vec![0.0; 2]], 1),
        &["1000000000000", &max],
    );
    let options = ProfessionalOptions { people: 1_000_000_000_000, ..Default::default() };
    refused(|| generators::professional(&options, 1), &["1000000000000", &max]);
    // The limit also keeps every id within 32 bits.
    assert!(MAX_PEOPLE < u32::MAX as usize);
}

#[test]
fn generators_refuse_10_to_the_12_ties() {
    let max = MAX_TIES.to_string();
    // A million people, everyone tied to everyone: 5 × 10^11 ties.
    refused(|| erdos_renyi(1_000_000, 999_999.0, 1), &["mean_degree", "999999", &max, "5.000e11"]);
    refused(|| barabasi_albert(100_000_000, 10_000, 1), &["invalid m: 10000", &max]);
    refused(|| watts_strogatz(100_000_000, 20_000, 0.1, 1), &["invalid k: 20000", &max]);
    refused(|| kleinberg(16_000, 2.0, 10_000, 1), &["long_range", &max]);
    refused(
        || stochastic_block(&[1_000_000; 2], &[vec![0.5; 2], vec![0.5; 2]], 1),
        &["sizes and probabilities", "2000000 people", &max],
    );
    let options = ProfessionalOptions {
        people: 100_000_000,
        physical_mean_degree: 10.0,
        digital_mean_degree: 10.0,
        ..Default::default()
    };
    refused(|| generators::professional(&options, 1), &["people", &max]);
    // Below the limits generators work as before.
    assert_eq!(erdos_renyi(1_000, 999.0, 1).unwrap().num_ties(), 499_500);
}

#[test]
fn simulations_refuse_10_to_the_15_runs() {
    let view = datasets::aarhus_cs().compile();
    let seeds = Seeds::from(vec![0]);
    let ic = Model::independent_cascade(0.1);
    let max = MAX_RUNS.to_string();
    refused(
        || {
            simulate(
                &view,
                &SimulateRequest::campaigns(&seeds)
                    .model(ic.clone())
                    .runs(1_000_000_000_000_000)
                    .seed(1),
            )
        },
        &["runs", "1000000000000000", &max],
    );
    let relays = |options: SelectRelaysRequest| {
        select_relays(&view, &SelectRelaysRequest { seed: 1, ..options.clone() })
    };
    let big = 1_000_000_000_000_000;
    refused(
        || relays(SelectRelaysRequest { k: Some(2), evaluation_runs: big, ..Default::default() }),
        &["evaluation_runs", "1000000000000000", &max],
    );
    refused(
        || relays(SelectRelaysRequest { k: Some(2), celf_runs: big, ..Default::default() }),
        &["celf_runs", &max],
    );
    let samples = ReputationRequest { samples: big, ..Default::default() };
    refused(
        || reputation(&view, &samples),
        &["samples", "1000000000000000", "4294967040", "blocks"],
    );
    // 10^15 requests: 10^12 a step for 1,000 steps.
    let work = Workload::random(1e12, 1_000);
    refused(
        || route_referrals(&view, &ReferralRequest::new(work.clone()).seed(1)),
        &["rate", "4294967294"],
    );
    refused(
        || referral_load_curve(&view, &LoadCurveRequest::new(vec![1e12]).steps(1_000).seed(1)),
        &["rate", "4294967294"],
    );
}

#[test]
fn exact_spread_refuses_what_it_cannot_enumerate() {
    let view = datasets::aarhus_cs().compile();
    let ic = Model::independent_cascade(0.1);
    refused(
        || exact_spread(&view, &ExactSpreadRequest::new(vec![0]).model(ic.clone())),
        &[&MAX_OUTCOMES.to_string()],
    );
    // And the people limit of the network itself.
    refused(|| Network::new().add_people(1 << 40), &["1099511627776", "2^32"]);
}

#[test]
fn balance_refuses_endless_sweeps() {
    use reseau::balance::{BalanceRequest, Decline, MAX_MIXES, MAX_PERIODS, balance};
    let net = datasets::aarhus_cs();
    let many = BalanceRequest::default().mixes(vec![0.5; MAX_MIXES + 1]);
    refused(
        || balance(&net, &BalanceRequest { seed: 1, ..many.clone() }),
        &[&format!("{} mixes", MAX_MIXES + 1)],
    );
    let long = BalanceRequest::default().decline(Decline::new("facebook", 0.1, MAX_PERIODS + 1));
    refused(
        || balance(&net, &BalanceRequest { seed: 1, ..long.clone() }),
        &[&(MAX_PERIODS + 1).to_string(), &MAX_PERIODS.to_string()],
    );
    let runs = BalanceRequest { runs: 1_000_000_000_000_000, ..BalanceRequest::default() };
    refused(
        || balance(&net, &BalanceRequest { seed: 1, ..runs.clone() }),
        &["1000000000000000", &MAX_RUNS.to_string()],
    );
}

#[test]
fn relay_selection_refuses_astronomical_sample_sizes() {
    // ell = 1e300 asks for more RR sets than a u64 holds: refused, not wrapped to 0 sets
    // (which returned an empty-evidence choice in release builds and overflowed in debug).
    let view = datasets::aarhus_cs().compile();
    for method in [reseau::relays::Method::Imm, reseau::relays::Method::OpimC] {
        let options = SelectRelaysRequest {
            k: Some(2),
            method,
            ell: 1e300,
            evaluation_runs: 0,
            ..Default::default()
        };
        refused(
            || select_relays(&view, &SelectRelaysRequest { seed: 1, ..options.clone() }),
            &["number of RR sets", "4294967295"],
        );
    }
}

#[test]
fn campaigns_refuse_to_start_after_10_000_steps() {
    let view = datasets::aarhus_cs().compile();
    let late = SimulateRequest::new([0]).bad_seeds([1]).starts(20_000, 0).runs(10);
    refused(|| simulate(&view, &late), &["good_start", "20000", "10000"]);
    let late = reseau::cascade::TraceRequest::new([0]).bad_seeds([1]).starts(0, u32::MAX);
    refused(|| reseau::cascade::trace(&view, &late), &["bad_start", "4294967295", "10000"]);
}
