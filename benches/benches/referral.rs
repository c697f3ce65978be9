//! Referral routing: hops per second on email-Eu-core (1,005 people, 25,571 directed e-mail
//! ties, 42 departments as groups) with the greedy group strategy and Hill fatigue, one
//! thread; and the same without fatigue, and with the oracle.
//!
//! Run with `cargo bench -p reseau-benches --bench referral`. Criterion reports the hops per
//! second as "elem/s". Skips, saying so, when `../shared/data` is absent.

// criterion_group! generates an undocumented public function.
#![allow(missing_docs)]

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use reseau::fatigue::Fatigue;
use reseau::io::{EdgeListOptions, read_edgelist};
use reseau::referral::{ReferralRequest, RouteOptions, Strategy, Workload, route_referrals};
use reseau::{LayerKind, Network, Person};

const EMAIL: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data/snap/email-Eu-core/email-Eu-core.txt");
const DEPARTMENTS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/data/snap/email-Eu-core/email-Eu-core-department-labels.txt"
);

/// email-Eu-core with each person's department as their group (people who sent and received
/// no e-mail are added from the labels file).
fn email_eu_core() -> Option<Network> {
    if !Path::new(EMAIL).exists() {
        eprintln!("skipping the referral benchmark: {EMAIL} not found");
        return None;
    }
    let options = EdgeListOptions {
        directed: true,
        layer: "email".into(),
        kind: LayerKind::Digital,
        ..EdgeListOptions::default()
    };
    let mut net = read_edgelist(EMAIL, &options).expect("email-Eu-core parses");
    let labels = std::fs::read_to_string(DEPARTMENTS).expect("the department labels read");
    for line in labels.lines().filter(|l| !l.trim().is_empty()) {
        let mut parts = line.split_whitespace();
        let (node, dept) = (parts.next().expect("a node"), parts.next().expect("a department"));
        let id = match net.index_of(node) {
            Some(id) => id,
            None => net.add_person(Person::new().label(node)).expect("a new person"),
        };
        net.set_group(id, Some(format!("dept-{dept}"))).expect("a known person");
    }
    Some(net)
}

fn referral(c: &mut Criterion) {
    let Some(net) = email_eu_core() else { return };
    let view = net.compile();
    let workload = Workload::random(20.0, 500);
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("a pool");
    let mut group = c.benchmark_group("email-Eu-core, 10,000 requests");
    group.sample_size(20);
    let fatigue = Fatigue::hill(5.0, 2.0).half_life(20.0);
    for (name, options) in [
        ("greedy by group, Hill fatigue", RouteOptions::new(Strategy::Greedy).fatigue(fatigue)),
        ("greedy by group, no fatigue", RouteOptions::new(Strategy::Greedy)),
        ("oracle, Hill fatigue", RouteOptions::new(Strategy::Oracle).fatigue(fatigue)),
    ] {
        let summary = route_referrals(
            &view,
            &ReferralRequest::new(workload.clone()).options(options.clone()).seed(1),
        )
        .expect("routes");
        eprintln!(
            "{name}: {} hops, success {:.3}, mean chain {:.2}",
            summary.hops,
            summary.success_rate,
            summary.mean_chain_length.unwrap_or(f64::NAN)
        );
        group.throughput(Throughput::Elements(summary.hops));
        group.bench_function(format!("{name}, 1 thread"), |b| {
            b.iter(|| {
                one.install(|| {
                    route_referrals(
                        black_box(&view),
                        &ReferralRequest::new(workload.clone()).options(options.clone()).seed(1),
                    )
                    .expect("routes")
                })
            });
        });
    }
    group.finish();
}

criterion_group!(benches, referral);
criterion_main!(benches);
