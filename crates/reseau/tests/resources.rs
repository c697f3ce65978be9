//! Issue 15: never abort, never hang. Calls that would need more memory than their budget are
//! refused before they allocate ([`reseau::memory`]), floats at their extremes are refused at
//! the boundary or handled, and results that come back in (pickles, dicts, shards) are
//! checked as live ones.

use std::time::{Duration, Instant};

use reseau::referral::{LoadCurveRequest, ReferralRequest, referral_load_curve, route_referrals};
use reseau::{Error, datasets};

/// Asserts that `call` is refused with an `OutOfMemoryError` within a second (long before it
/// could allocate what it asks), and returns the error.
#[track_caller]
fn refused<T: std::fmt::Debug>(call: impl FnOnce() -> reseau::Result<T>) -> Error {
    let started = Instant::now();
    let err = call().expect_err("expected an OutOfMemoryError");
    assert_eq!(err.kind(), "OutOfMemoryError", "{err}");
    assert!(started.elapsed() < Duration::from_secs(1), "refused after {:?}", started.elapsed());
    err
}

#[test]
fn referrals_beyond_memory_are_refused_before_routing() {
    let net = datasets::aarhus_cs().compiled();
    let request = ReferralRequest { n_requests: Some(4_000_000_000), ..Default::default() };
    let err = refused(|| route_referrals(&net, &request));
    println!("{err}");
    let curve = LoadCurveRequest::new(vec![1e9]).steps(4);
    let err = refused(|| referral_load_curve(&net, &curve));
    println!("{err}");
}

#[test]
fn imm_stops_as_soon_as_its_rr_sets_would_not_fit() {
    use reseau::cascade::Model;
    use reseau::relays::{SelectRelaysRequest, select_relays};
    // p = 0.5 on a connected network: every RR set holds nearly everyone.
    let net = reseau::generators::erdos_renyi(20_000, 6.0, 1).unwrap().compiled();
    let request = SelectRelaysRequest {
        epsilon: 0.02,
        evaluation_runs: 0,
        max_memory: Some(64 << 20),
        ..SelectRelaysRequest::k(5).model(Model::independent_cascade(0.5))
    };
    let started = Instant::now();
    let err = select_relays(&net, &request).unwrap_err();
    println!("{err} after {:?}", started.elapsed());
    assert_eq!(err.kind(), "OutOfMemoryError");
}
