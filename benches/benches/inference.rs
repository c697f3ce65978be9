//! Fitting per-layer probabilities to 10^5 adoptions on a generated network of 10^6 people
//! and 10^7 ties, on one core: the estimates alone, the estimates with one Newton iteration
//! (the difference over the iterations used is the time per iteration), and the estimates
//! with their profile-likelihood intervals and tests.
//!
//! Run with `cargo bench -p reseau-benches --bench inference`. The adoptions are 100
//! independent cascades of the cascade engine (p = 0.045, 100 random seeds each, about a
//! thousand adoptions each), so the fit sees the engine's own process.

// criterion_group! generates an undocumented public function.
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use reseau::cascade::{Model, TraceRequest, trace};
use reseau::inference::{Adoption, FitRequest, fit};
use reseau::rng::Stream;

fn million(c: &mut Criterion) {
    let net = reseau::generators::erdos_renyi(1_000_000, 20.0, 1).expect("generates");
    let view = net.compiled();
    let n = view.num_people() as u64;
    let model = Model::independent_cascade(0.045);
    let mut adoptions = Vec::new();
    for cascade in 0..100u32 {
        let mut rng = Stream::new(7, u64::from(cascade));
        let seeds: Vec<u32> = (0..100).map(|_| rng.below(n) as u32).collect();
        let request = TraceRequest::new(seeds).model(model.clone()).seed(u64::from(cascade));
        let run = trace(&view, &request).expect("runs");
        for &v in &run.order {
            let step = run.step[v as usize] as u32;
            adoptions.push(Adoption::new(v, step).in_cascade(cascade));
        }
    }
    let horizon = adoptions.iter().filter_map(|a| a.time).fold(0.0, f64::max) as u32;
    eprintln!(
        "{} people, {} ties; {} adoptions in 100 cascades, horizon {horizon} steps",
        view.num_people(),
        net.num_ties(),
        adoptions.len()
    );
    let request =
        FitRequest { horizon: Some(horizon), intervals: false, ..FitRequest::new(adoptions) };
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("a pool");
    let fitted = one.install(|| fit(&net, &request).expect("fits"));
    eprintln!(
        "estimate {:?} (truth 0.045), external {:?}, {} Newton iterations, converged {}, {} \
         covariate patterns",
        fitted.probabilities,
        fitted.external,
        fitted.iterations,
        fitted.converged,
        fitted.data.patterns
    );
    let first = FitRequest { max_iterations: 1, ..request.clone() };
    let with_intervals = FitRequest { intervals: true, ..request.clone() };
    let mut group = c.benchmark_group("fit: 10^5 adoptions, 10^6 people, 10^7 ties, 1 thread");
    group.sample_size(10);
    group.bench_function("estimates", |b| {
        b.iter(|| one.install(|| fit(black_box(&net), &request).expect("fits")));
    });
    group.bench_function("estimates, 1 Newton iteration", |b| {
        b.iter(|| one.install(|| fit(black_box(&net), &first).expect("fits")));
    });
    group.bench_function("estimates, intervals and tests", |b| {
        b.iter(|| one.install(|| fit(black_box(&net), &with_intervals).expect("fits")));
    });
    group.finish();
}

criterion_group!(benches, million);
criterion_main!(benches);
