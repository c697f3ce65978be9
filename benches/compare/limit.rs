//! How close the cascade engine is to the machine's limit: Monte Carlo Independent Cascade at
//! p = 0.1 on one thread, in ties examined per second, against a simple bound made of the cost
//! of its random numbers and of reading its ties from memory. Prints one JSON object, which
//! `compare/harness.py` turns into the limit table of `docs/performance.md`.
//!
//! Usage: `engine-limit [edge list] [runs] [people of the Erdős–Rényi graph]`. A tie is
//! *examined* when the person at its tail is convinced: that person has one chance to pass the
//! message along it. Per run that is the sum over people of P(convinced) × out-degree, computed exactly from
//! the summary's activation probabilities. Times are processor time (`/proc/self/stat`), so
//! that other jobs on a shared machine slow the measure less.
#![allow(missing_docs)]

use std::hint::black_box;
use std::time::Instant;

use reseau::CompiledNetwork;
use reseau::cascade::{Model, Seeds, SimulateRequest, simulate};
use reseau::io::{EdgeListOptions, read_edgelist};
use reseau::rng::{GapTable, Stream};

const P: f64 = 0.1;
/// Draws per timed call of the random-number measures.
const DRAWS: u64 = 1_000_000;
/// Steps per timed call of the pointer chase.
const HOPS: u64 = 1_000_000;

/// The processor time this process has used, in seconds (all its threads): on a machine shared
/// with other jobs it counts only the time the work ran, not the time it waited. From
/// `/proc/self/stat` (Linux, in clock ticks of 10 ms); elsewhere the wall clock since the start.
fn cpu_seconds() -> f64 {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    let start = *START.get_or_init(Instant::now);
    let ticks = std::fs::read_to_string("/proc/self/stat").ok().and_then(|stat| {
        // The fields after the command name (which may hold spaces) in parentheses.
        let rest = &stat[stat.rfind(')')? + 2..];
        let fields: Vec<&str> = rest.split_whitespace().collect();
        Some(fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?)
    });
    ticks.map_or_else(|| start.elapsed().as_secs_f64(), |t| t / 100.0)
}

/// Processor seconds per unit of work: `f` does `count` units; it is repeated until it has used
/// at least half a second, and the best of three such measures is kept.
fn per_unit(count: u64, mut f: impl FnMut() -> u64) -> f64 {
    let mut best = f64::INFINITY;
    for _ in 0..3 {
        let (start, mut calls) = (cpu_seconds(), 0u64);
        while cpu_seconds() - start < 0.5 {
            black_box(f());
            calls += 1;
        }
        best = best.min((cpu_seconds() - start) / calls as f64);
    }
    best / count as f64
}

/// The IC workload on `view`: ties examined per run and nanoseconds per tie examined.
fn cascade(view: &CompiledNetwork, runs: u64) -> String {
    let n = view.num_people();
    let seeds = Seeds::from((0..10).map(|i| (i * n / 10) as u32).collect::<Vec<_>>());
    let model = Model::independent_cascade(P);
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("a pool");
    one.install(|| {
        simulate(view, &SimulateRequest::campaigns(&seeds).model(model.clone()).runs(64).seed(0))
            .expect("runs")
    }); // warm up
    let mut best = f64::INFINITY;
    let mut summary = None;
    for r in 0..3 {
        let t = cpu_seconds();
        let s = one.install(|| {
            simulate(
                view,
                &SimulateRequest::campaigns(&seeds).model(model.clone()).runs(runs).seed(r),
            )
            .expect("runs")
        });
        best = best.min(cpu_seconds() - t);
        summary = Some(s);
    }
    let summary = summary.expect("three runs");
    let examined: f64 = (0..n)
        .map(|v| {
            let degree: usize = view.layers().iter().map(|l| l.out_degree(v as u32)).sum();
            summary.total.activation[v] * degree as f64
        })
        .sum();
    let per_tie_ns = best * 1e9 / (examined * runs as f64);
    format!(
        "{{\"people\": {n}, \"directed_ties\": {}, \"bytes_per_tie\": {:.2}, \"runs\": {runs}, \
         \"seconds\": {best:.6}, \"mean_spread\": {:.3}, \"ties_examined_per_run\": {examined:.1}, \
         \"ns_per_tie\": {per_tie_ns:.4}, \"ties_per_second\": {:.4e}}}",
        view.num_directed_ties(),
        view.bytes_per_directed_tie(),
        summary.total.mean,
        1e9 / per_tie_ns
    )
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).map_or(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../shared/data/snap/ego-Facebook/facebook_combined.txt"
        ),
        String::as_str,
    );
    let runs: u64 = args.get(2).map_or(2_000, |s| s.parse().expect("runs: an integer"));
    let people: usize = args.get(3).map_or(100_000, |s| s.parse().expect("people: an integer"));

    // Random numbers: what one draw of each kind costs.
    let mut rng = Stream::new(1, 0);
    let word = per_unit(DRAWS, || (0..DRAWS).fold(0, |acc, _| acc ^ rng.next_u64()));
    let bernoulli =
        per_unit(DRAWS, || (0..DRAWS).filter(|_| rng.bernoulli(black_box(P))).count() as u64);
    let gaps = GapTable::new(P);
    let gap =
        per_unit(DRAWS, || (0..DRAWS).fold(0u64, |acc, _| acc.wrapping_add(gaps.sample(&mut rng))));

    // Memory: streaming bandwidth over 256 MB, and the latency of a random access (a pointer
    // chase through one random cycle of 2^24 entries, 64 MB, beyond any cache here).
    let words = vec![1u64; 32 << 20];
    let bandwidth = 1.0
        / per_unit(words.len() as u64 * 8, || {
            words.iter().fold(0u64, |acc, &w| acc.wrapping_add(w))
        });
    drop(words);
    let len = 1usize << 24;
    let mut next: Vec<u32> = (0..len as u32).collect();
    let mut shuffle = Stream::new(2, 0);
    for i in (1..len).rev() {
        let j = shuffle.below(i as u64) as usize; // Sattolo: one cycle through everyone
        next.swap(i, j);
    }
    let latency = per_unit(HOPS, || {
        let mut at = 0u32;
        for _ in 0..HOPS {
            at = next[at as usize];
        }
        u64::from(at)
    });
    drop(next);

    let facebook = read_edgelist(path, &EdgeListOptions::default()).expect("the edge list reads");
    let small = cascade(&facebook.compile(), runs);
    drop(facebook);
    let big = reseau::generators::erdos_renyi(people, 20.0, 1).expect("generates").compile();
    let large = cascade(&big, (2_000_000 / people as u64).max(20));
    println!(
        "{{\"p\": {P}, \"ns_per_word\": {:.4}, \"ns_per_bernoulli\": {:.4}, \"ns_per_gap\": {:.4}, \
         \"bandwidth_bytes_per_second\": {bandwidth:.4e}, \"ns_per_random_access\": {:.3}, \
         \"snap\": {small}, \"erdos_renyi\": {large}}}",
        word * 1e9,
        bernoulli * 1e9,
        gap * 1e9,
        latency * 1e9,
    );
}
