//! The kernels the other benches do not cover: compiling a network, `PageRank`, reverse-reachable
//! sampling (the influence score, which draws RR sets and counts each person's share), and the
//! random numbers every cascade draws (a PCG-64 word, a Bernoulli trial, a geometric gap from
//! the table), the cost per draw that `docs/performance.md` uses for its bound on the engine.
//!
//! Run with `cargo bench -p reseau-benches --bench kernels`. The SNAP parts skip, saying so,
//! when `../shared/data` is absent.

// criterion_group! generates an undocumented public function.
#![allow(missing_docs)]

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use reseau::cascade::Model;
use reseau::io::{EdgeListOptions, read_edgelist};
use reseau::reputation::{ReputationRequest, Score, score};
use reseau::rng::{GapTable, Stream};

const ENRON: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data/snap/email-Enron/Email-Enron.txt");
const HEPTH: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data/snap/ca-HepTh/CA-HepTh.txt");

fn compile(c: &mut Criterion) {
    let net = reseau::generators::erdos_renyi(100_000, 20.0, 1).expect("generates");
    let mut group = c.benchmark_group("compile");
    group.sample_size(10);
    group.throughput(Throughput::Elements(net.num_ties() as u64));
    group.bench_function("Erdős–Rényi, 10^5 people, 10^6 ties", |b| {
        b.iter(|| black_box(&net).compile());
    });
    group.finish();
}

fn pagerank(c: &mut Criterion) {
    let path = Path::new(ENRON);
    if !path.exists() {
        eprintln!("skipping PageRank: {} not found", path.display());
        return;
    }
    let view = read_edgelist(path, &EdgeListOptions::default()).expect("parses").compile();
    let options = ReputationRequest { tolerance: 1e-14, ..ReputationRequest::default() };
    let mut group = c.benchmark_group("email-Enron");
    group.sample_size(10);
    group.bench_function("PageRank, damping 0.85, tolerance 1e-14", |b| {
        b.iter(|| {
            score(
                black_box(&view),
                &ReputationRequest {
                    method: Some(Score::Pagerank),
                    layer: None,
                    ..options.clone()
                },
            )
            .expect("ranks")
        });
    });
    group.finish();
}

fn rr_sampling(c: &mut Criterion) {
    let path = Path::new(HEPTH);
    if !path.exists() {
        eprintln!("skipping RR sampling: {} not found", path.display());
        return;
    }
    let view = read_edgelist(path, &EdgeListOptions::default()).expect("parses").compile();
    let samples = 100_000;
    let mut group = c.benchmark_group("ca-HepTh, RR sets");
    group.sample_size(10);
    group.throughput(Throughput::Elements(samples));
    for (name, model) in [
        ("IC p=0.01", Model::independent_cascade(0.01)),
        ("weighted cascade", Model::weighted_cascade()),
    ] {
        let options = ReputationRequest { model, samples, ..ReputationRequest::default() };
        group.bench_function(format!("influence score, {samples} RR sets, {name}"), |b| {
            b.iter(|| {
                score(
                    black_box(&view),
                    &ReputationRequest {
                        method: Some(Score::Influence),
                        layer: None,
                        ..options.clone()
                    },
                )
                .expect("samples")
            });
        });
    }
    group.finish();
}

fn random_numbers(c: &mut Criterion) {
    const DRAWS: u64 = 1 << 16;
    let mut group = c.benchmark_group("random numbers");
    group.throughput(Throughput::Elements(DRAWS));
    group.bench_function("PCG-64 next_u64", |b| {
        let mut rng = Stream::new(1, 0);
        b.iter(|| (0..DRAWS).fold(0u64, |acc, _| acc ^ rng.next_u64()));
    });
    group.bench_function("Bernoulli(0.1)", |b| {
        let mut rng = Stream::new(1, 0);
        b.iter(|| (0..DRAWS).filter(|_| rng.bernoulli(black_box(0.1))).count());
    });
    let gaps = GapTable::new(0.1);
    group.bench_function("geometric gap, p=0.1, table", |b| {
        let mut rng = Stream::new(1, 0);
        b.iter(|| (0..DRAWS).fold(0u64, |acc, _| acc.wrapping_add(gaps.sample(&mut rng))));
    });
    group.finish();
}

criterion_group!(benches, compile, pagerank, rr_sampling, random_numbers);
criterion_main!(benches);
