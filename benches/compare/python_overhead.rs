//! The native side of `python_overhead.py`: the same calls as the Python side, on the same
//! seeded networks, timed in Rust. It reads call names from stdin, one a line, runs each
//! once and answers one line: the seconds it took and a checksum of the result (the Python
//! side checks that both computed the same thing). So the two sides alternate call by call,
//! and a busy machine slows both alike.
//!
//! Usage: `cargo run --release -p reseau-benches --bin python-overhead-native`, then
//! `simulate`, `select_relays`, `route_referrals`, `small_route_referrals` or
//! `referral_load_curve` on stdin.

use std::io::{BufRead, Write};
use std::time::Instant;

use reseau::cascade::{Model, Seeds, SimulateRequest, simulate};
use reseau::fatigue::Fatigue;
use reseau::referral::{
    LoadCurveRequest, ReferralRequest, RouteOptions, Workload, referral_load_curve, route_referrals,
};
use reseau::relays::{SelectRelaysRequest, select_relays};

/// How many calls `small_route_referrals` makes.
const SMALL_CALLS: u64 = 2_000;

fn timed<T>(f: impl FnOnce() -> T, check: impl Fn(&T) -> f64) -> (f64, f64) {
    let start = Instant::now();
    let out = f();
    (start.elapsed().as_secs_f64(), check(&out))
}

fn main() -> reseau::Result<()> {
    // Three seeded networks: 50,000 people for cascades (above the epidemic threshold),
    // 20,000 for relays, 200,000 for referrals.
    let cascades = reseau::generators::erdos_renyi(50_000, 8.0, 3)?.compile();
    let small = reseau::generators::erdos_renyi(20_000, 8.0, 2)?.compile();
    let net = reseau::generators::erdos_renyi(200_000, 8.0, 1)?.compile();
    let model = Model::independent_cascade(0.15);
    let seeds = Seeds::from((0..10).collect::<Vec<u32>>());
    let tired = RouteOptions::default().fatigue(Fatigue::hill(2.0, 2.0).half_life(10.0));
    let relays = SelectRelaysRequest {
        k: Some(10),
        model: Model::independent_cascade(0.05),
        epsilon: 0.3,
        evaluation_runs: 1_000,
        ..SelectRelaysRequest::default()
    };
    let rates = [50.0, 200.0];
    let stdout = std::io::stdout();
    for line in std::io::stdin().lock().lines() {
        let line =
            line.map_err(|e| reseau::Error::Io { file: "<stdin>".into(), message: e.to_string() })?;
        let (seconds, check) = match line.trim() {
            "simulate" => timed(
                || {
                    simulate(
                        &cascades,
                        &SimulateRequest::campaigns(&seeds).model(model.clone()).runs(128).seed(7),
                    )
                },
                |s| s.as_ref().map_or(f64::NAN, |s| s.total.mean),
            ),
            "select_relays" => timed(
                || select_relays(&small, &SelectRelaysRequest { seed: 1, ..relays.clone() }),
                |s| s.as_ref().ok().and_then(|s| s.spread.as_ref()).map_or(f64::NAN, |x| x.mean),
            ),
            "route_referrals" => timed(
                || {
                    route_referrals(
                        &net,
                        &ReferralRequest::new(Workload::random(200.0, 200))
                            .options(tired.clone())
                            .seed(1),
                    )
                },
                |s| s.as_ref().map_or(f64::NAN, |s| s.success_rate),
            ),
            // A small call, many times: what a fixed cost per call (reading the machine's
            // memory, converting arguments) weighs against 5 requests' work.
            "small_route_referrals" => timed(
                || {
                    (0..SMALL_CALLS)
                        .map(|seed| {
                            let request =
                                ReferralRequest { n_requests: Some(5), seed, ..Default::default() };
                            route_referrals(&cascades, &request)
                                .map_or(f64::NAN, |s| s.success_rate)
                        })
                        .sum::<f64>()
                },
                |sum| *sum,
            ),
            "referral_load_curve" => timed(
                || {
                    referral_load_curve(
                        &net,
                        &LoadCurveRequest::new(rates).steps(150).options(tired.clone()).seed(1),
                    )
                },
                |c| c.as_ref().map_or(f64::NAN, |c| c.throughput.iter().sum()),
            ),
            other => {
                eprintln!("unknown call {other:?}");
                continue;
            }
        };
        let mut out = stdout.lock();
        let _ = writeln!(out, "{seconds:.6} {check:?}");
        let _ = out.flush();
    }
    Ok(())
}
