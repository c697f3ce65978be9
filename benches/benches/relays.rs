//! Relay selection: IMM and OPIM-C with k = 50 on ca-HepTh (IC p = 0.01, IC p = 0.1, weighted
//! cascade; ε = 0.1 and 0.5), timed by criterion; then one IMM and one OPIM-C run (ε = 0.1,
//! IC p = 0.01) on a generated network of a million people and ten million ties, timed once
//! each with their peak memory (the process's `VmHWM`, reset before each run).
//!
//! Run with `cargo bench -p reseau-benches --bench relays` (the million-people part takes
//! several minutes). The ca-HepTh part skips, saying so, when `../shared/data` is absent.

// criterion_group! generates an undocumented public function.
#![allow(missing_docs)]

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use reseau::cascade::Model;
use reseau::io::{EdgeListOptions, read_edgelist};
use reseau::relays::{Method, SelectRelaysRequest, select_relays};

const HEPTH: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data/snap/ca-HepTh/CA-HepTh.txt");

fn options(model: &Model, method: Method, epsilon: f64) -> SelectRelaysRequest {
    SelectRelaysRequest {
        k: Some(50),
        model: model.clone(),
        method,
        epsilon,
        evaluation_runs: 0,
        ..SelectRelaysRequest::default()
    }
}

fn hepth(c: &mut Criterion) {
    let path = Path::new(HEPTH);
    if !path.exists() {
        eprintln!("skipping ca-HepTh: {} not found", path.display());
        return;
    }
    let view = read_edgelist(path, &EdgeListOptions::default()).expect("parses").compile();
    let mut group = c.benchmark_group("ca-HepTh, k=50");
    group.sample_size(10);
    for (name, model) in [
        ("IC p=0.01", Model::independent_cascade(0.01)),
        ("IC p=0.1", Model::independent_cascade(0.1)),
        ("weighted cascade", Model::weighted_cascade()),
    ] {
        for epsilon in [0.1, 0.5] {
            for (label, method) in [("IMM", Method::Imm), ("OPIM-C", Method::OpimC)] {
                let o = options(&model, method, epsilon);
                group.bench_function(format!("{label}, {name}, eps={epsilon}"), |b| {
                    b.iter(|| {
                        select_relays(
                            black_box(&view),
                            &SelectRelaysRequest { seed: 1, ..o.clone() },
                        )
                        .expect("selects")
                    });
                });
            }
        }
    }
    group.finish();
}

/// A line of `/proc/self/status` in megabytes (Linux; `None` elsewhere).
fn status_mb(key: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(key))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Resets the peak resident size to the current one (Linux ≥ 4.0), so that `VmHWM` measures
/// what follows.
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn million(_: &mut Criterion) {
    let started = Instant::now();
    let net = reseau::generators::erdos_renyi(1_000_000, 20.0, 1).expect("generates");
    let view = net.compile();
    drop(net);
    eprintln!(
        "generated and compiled 10^6 people, {} directed ties in {:.1} s",
        view.num_directed_ties(),
        started.elapsed().as_secs_f64()
    );
    let model = Model::independent_cascade(0.01);
    for (label, method) in [("OPIM-C", Method::OpimC), ("IMM", Method::Imm)] {
        reset_peak();
        let before = status_mb("VmRSS:").unwrap_or(f64::NAN);
        let t = Instant::now();
        let chosen = select_relays(
            &view,
            &SelectRelaysRequest { seed: 1, ..options(&model, method, 0.1).clone() },
        )
        .expect("selects");
        let seconds = t.elapsed().as_secs_f64();
        let peak = status_mb("VmHWM:").unwrap_or(f64::NAN);
        eprintln!(
            "{label}, IC p=0.01, k=50, eps=0.1 on 10^6 people / 10^7 ties: {seconds:.1} s, \
             {} RR sets, estimated spread {:.1}, peak memory {peak:.0} MB ({:.0} MB above the \
             {before:.0} MB held before)",
            chosen.samples,
            chosen.estimated_spread.unwrap_or(f64::NAN),
            peak - before
        );
    }
}

criterion_group!(benches, hepth, million);
criterion_main!(benches);
