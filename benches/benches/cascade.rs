//! The cascade engine: Monte Carlo Independent Cascade, weighted cascade and Linear Threshold
//! on ego-Facebook, one thread and all threads; and one IC run on a generated network of a
//! million people and ten million ties (its compiled memory printed).
//!
//! Run with `cargo bench -p reseau-benches --bench cascade`. The Facebook part skips, saying
//! so, when `../shared/data` is absent.

// criterion_group! generates an undocumented public function.
#![allow(missing_docs)]

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use reseau::cascade::{Model, Seeds, SimulateRequest, simulate};
use reseau::io::{EdgeListOptions, read_edgelist};

const FACEBOOK: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/data/snap/ego-Facebook/facebook_combined.txt"
);

/// Ten seeds spread over the id range, the same in every comparison script.
fn seeds(n: usize) -> Seeds {
    Seeds::from((0..10).map(|i| (i * n / 10) as u32).collect::<Vec<_>>())
}

fn facebook(c: &mut Criterion) {
    let path = Path::new(FACEBOOK);
    if !path.exists() {
        eprintln!("skipping the Facebook cascades: {} not found", path.display());
        return;
    }
    let view = read_edgelist(path, &EdgeListOptions::default()).expect("parses").compile();
    let seeds = seeds(view.num_people());
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("a pool");
    let mut group = c.benchmark_group("ego-Facebook, 1000 runs");
    group.sample_size(10);
    for (name, model) in [
        ("IC p=0.01", Model::independent_cascade(0.01)),
        ("IC p=0.1", Model::independent_cascade(0.1)),
        ("weighted cascade", Model::weighted_cascade()),
        ("linear threshold", Model::linear_threshold()),
    ] {
        group.bench_function(format!("{name}, 1 thread"), |b| {
            b.iter(|| {
                one.install(|| {
                    simulate(
                        black_box(&view),
                        &SimulateRequest::campaigns(&seeds).model(model.clone()).runs(1000).seed(1),
                    )
                    .expect("runs")
                })
            });
        });
        group.bench_function(format!("{name}, all threads"), |b| {
            b.iter(|| {
                simulate(
                    black_box(&view),
                    &SimulateRequest::campaigns(&seeds).model(model.clone()).runs(1000).seed(1),
                )
                .expect("runs")
            });
        });
    }
    group.finish();
}

fn million(c: &mut Criterion) {
    let net = reseau::generators::erdos_renyi(1_000_000, 20.0, 1).expect("generates");
    let view = net.compile();
    eprintln!(
        "generated: {} people, {} ties, {} directed ties; compiled adjacency {:.1} MB = {:.2} bytes \
         per directed tie (offsets included)",
        view.num_people(),
        net.num_ties(),
        view.num_directed_ties(),
        view.adjacency_bytes() as f64 / 1e6,
        view.bytes_per_directed_tie()
    );
    drop(net);
    let seeds = Seeds::from((0..100).map(|i| i * 10_000).collect::<Vec<u32>>());
    let model = Model::independent_cascade(0.01);
    let mut group = c.benchmark_group("10^6 people, 10^7 ties");
    group.sample_size(10);
    group.bench_function("one IC run, p=0.01, 100 seeds", |b| {
        b.iter(|| {
            simulate(
                black_box(&view),
                &SimulateRequest::campaigns(&seeds).model(model.clone()).runs(1).seed(1),
            )
            .expect("runs")
        });
    });
    group.finish();
}

criterion_group!(benches, facebook, million);
criterion_main!(benches);
