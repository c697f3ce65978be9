//! Monte Carlo cascades on one thread, timed in processor time: the native side of
//! `compare/mc_check.py`, which runs cynetdiff on the very same graph, seeds and model and
//! alternates the two (the check that the engine is at least 3× cynetdiff on graphs and seed
//! sets beyond the harness's).
//!
//! Usage: `mc-native GRAPH MODEL RUNS SEEDS REPEAT [CSR-OUT]`
//! - GRAPH: an edge list (read undirected, as the harness does), `er:<people>:<degree>` or
//!   `ba:<people>:<m>` (generated, seed 1);
//! - MODEL: `ic:<p>`, `wc` or `lt`;
//! - SEEDS: `spread:<k>` (k ids spread evenly, the harness's), `random:<k>` (k distinct ids
//!   drawn with seed 1), `top:<k>` (the k highest out-degrees), or `ids:<a,b,…>`;
//! - CSR-OUT: where to write the directed graph (little-endian u64 people, u64 slots, u32
//!   offsets, u32 targets, u32 seeds count, u32 seeds) for the peer script.
//!
//! Prints one JSON line: each repetition's processor seconds, the mean spread and its
//! standard deviation.
#![allow(missing_docs)]

use std::io::Write;

use reseau::CompiledNetwork;
use reseau::cascade::{Model, Seeds, SimulateRequest, simulate};
use reseau::io::{EdgeListOptions, read_edgelist};
use reseau::rng::Stream;

/// The calling thread's processor time (call it on the thread that works: the pool's) in seconds, from `/proc/thread-self/schedstat` (nanoseconds
/// on the processor); the wall clock elsewhere.
fn cpu_seconds() -> f64 {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    let start = *START.get_or_init(std::time::Instant::now);
    // The kernel brings the count up to date when the thread is scheduled: yield first.
    std::thread::yield_now();
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or_else(|| start.elapsed().as_secs_f64(), |ns| ns / 1e9)
}

fn graph(spec: &str) -> CompiledNetwork {
    let parts: Vec<&str> = spec.split(':').collect();
    match parts[0] {
        "er" => reseau::generators::erdos_renyi(
            parts[1].parse().expect("people"),
            parts[2].parse().expect("degree"),
            1,
        )
        .expect("generates")
        .compile(),
        "ba" => reseau::generators::barabasi_albert(
            parts[1].parse().expect("people"),
            parts[2].parse().expect("m"),
            1,
        )
        .expect("generates")
        .compile(),
        _ => {
            read_edgelist(spec, &EdgeListOptions::default()).expect("the edge list reads").compile()
        }
    }
}

fn seeds(view: &CompiledNetwork, spec: &str) -> Vec<u32> {
    let n = view.num_people();
    let (kind, arg) = spec.split_once(':').expect("kind:arg");
    match kind {
        "spread" => {
            let k: usize = arg.parse().expect("k");
            (0..k).map(|i| (i * n / k) as u32).collect()
        }
        "random" => {
            let k: usize = arg.parse().expect("k");
            let mut rng = Stream::new(1, 0);
            let mut out: Vec<u32> = Vec::new();
            while out.len() < k.min(n) {
                let v = rng.below(n as u64) as u32;
                if !out.contains(&v) {
                    out.push(v);
                }
            }
            out
        }
        "top" => {
            let k: usize = arg.parse().expect("k");
            let mut ids: Vec<u32> = (0..n as u32).collect();
            let degree = |v: u32| view.layers().iter().map(|l| l.out_degree(v)).sum::<usize>();
            ids.sort_by_key(|&v| (std::cmp::Reverse(degree(v)), v));
            ids.truncate(k);
            ids
        }
        "ids" => arg.split(',').map(|s| s.parse().expect("an id")).collect(),
        _ => panic!("unknown seed set {spec}"),
    }
}

fn model(spec: &str) -> Model {
    match spec {
        "wc" => Model::weighted_cascade(),
        "lt" => Model::linear_threshold(),
        _ => Model::independent_cascade(spec[3..].parse().expect("ic:<p>")),
    }
}

fn write_csr(view: &CompiledNetwork, seeds: &[u32], path: &str) {
    let n = view.num_people();
    let layer = &view.layers()[0];
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("creates"));
    out.write_all(&(n as u64).to_le_bytes()).unwrap();
    out.write_all(&(layer.num_slots() as u64).to_le_bytes()).unwrap();
    for &o in layer.offsets() {
        out.write_all(&o.to_le_bytes()).unwrap();
    }
    for &t in layer.targets() {
        out.write_all(&t.to_le_bytes()).unwrap();
    }
    out.write_all(&(seeds.len() as u32).to_le_bytes()).unwrap();
    for &s in seeds {
        out.write_all(&s.to_le_bytes()).unwrap();
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    assert!(args.len() >= 6, "usage: mc-native GRAPH MODEL RUNS SEEDS REPEAT [CSR-OUT]");
    let view = graph(&args[1]);
    let model = model(&args[2]);
    let runs: u64 = args[3].parse().expect("runs");
    let seeds = seeds(&view, &args[4]);
    let repeat: u32 = args[5].parse().expect("repeat");
    if let Some(path) = args.get(6) {
        write_csr(&view, &seeds, path);
    }
    let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("a pool");
    let request = SimulateRequest::campaigns(&Seeds::from(seeds)).model(model).runs(runs);
    let mut times = Vec::new();
    let mut summary = None;
    pool.install(|| {
        let _ = simulate(&view, &request.clone().runs(64).seed(99)).expect("runs"); // warm up
        for r in 0..repeat {
            let t = cpu_seconds();
            let s = simulate(&view, &request.clone().seed(u64::from(r))).expect("runs");
            times.push(cpu_seconds() - t);
            summary = Some(s);
        }
    });
    let s = summary.expect("a repetition");
    println!(
        "{{\"cpu\": {times:?}, \"mean\": {}, \"std\": {}, \"people\": {}, \"slots\": {}}}",
        s.total.mean,
        s.total.std,
        view.num_people(),
        view.num_directed_ties()
    );
}
