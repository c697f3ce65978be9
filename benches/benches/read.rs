//! Reading real data: the SNAP Enron e-mail edge list (367,662 lines), and compiling it into
//! the frozen view the simulations run on.
//!
//! Run with `cargo bench -p reseau-benches --bench read`. Skips, saying so, when
//! `../shared/data` is absent. Also prints the compiled view's bytes per directed tie.

// criterion_group! generates an undocumented public function.
#![allow(missing_docs)]

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use reseau::io::{EdgeListOptions, parse_edgelist, read_edgelist};

const ENRON: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data/snap/email-Enron/Email-Enron.txt");

fn read(c: &mut Criterion) {
    let path = Path::new(ENRON);
    if !path.exists() {
        eprintln!("skipping the read benchmark: {} not found", path.display());
        return;
    }
    let options = EdgeListOptions::default();
    let bytes = std::fs::read(path).expect("the Enron file reads");
    let net = read_edgelist(path, &options).expect("the Enron file parses");
    let view = net.compile();
    eprintln!(
        "Enron: {} people, {} ties, {} directed ties; compiled adjacency {} bytes = {:.2} bytes per \
         directed tie (offsets included)",
        net.num_people(),
        net.num_ties(),
        view.num_directed_ties(),
        view.adjacency_bytes(),
        view.bytes_per_directed_tie()
    );

    let mut group = c.benchmark_group("enron");
    group.sample_size(20);
    group.bench_function("read_edgelist", |b| {
        b.iter(|| read_edgelist(black_box(path), &options).expect("parses"));
    });
    group.bench_function("parse_edgelist (in memory)", |b| {
        b.iter(|| parse_edgelist(black_box(&bytes), "enron", &options).expect("parses"));
    });
    group.bench_function("compile", |b| b.iter(|| black_box(&net).compile()));
    group.finish();
}

criterion_group!(benches, read);
criterion_main!(benches);
