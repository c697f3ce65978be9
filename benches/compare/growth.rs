//! The growth series to 10^8 ties (issue 16): nanoseconds per tie examined by an Independent
//! Cascade (p = 0.1, ten seeds spread over the ids, one thread) on Barabási–Albert networks
//! (power-law degrees, m = 5 ties per newcomer, seed 1) of 10^4 to 10^8 directed ties, each
//! generated straight as its compiled view (`generators::barabasi_albert_compiled`, never the
//! editable network, so that 10^8 ties fit in about 3 GB).
//!
//! A tie is *examined* when the person at its tail is convinced (that person's one chance to
//! pass the message along it); the ties examined per run are Σ over people of the probability
//! of being convinced times the out-degree, from the summary's activation probabilities. Times
//! are processor time of the process (Linux `schedstat`, every thread; the pool has one), the
//! median of `--repeat` batches after one warm-up batch of 64 runs; each batch has enough runs
//! (a multiple of 64) to examine about 10^8 ties. The peak resident memory is the process's
//! during generation and the cascades (`VmHWM`, reset before each size).
//!
//! Usage: `growth-ties [--ties 10000,100000,…] [--repeat N] [--out FILE.json]`; prints one JSON
//! object a size (and writes them all to FILE.json as a list); `harness.py --sections growth16`
//! runs it and makes the table.

use std::time::Instant;

use reseau::CompiledNetwork;
use reseau::cascade::{Model, SimulateRequest, simulate};

const P: f64 = 0.1;
const M: usize = 5;
/// Ties examined per timed batch (about).
const WORK: f64 = 1e8;

/// Processor seconds of the whole process so far (every thread), from Linux's per-thread
/// `schedstat` (nanoseconds); the wall clock since the first call elsewhere.
fn cpu_seconds() -> f64 {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    let start = *START.get_or_init(Instant::now);
    let total = || -> Option<f64> {
        let mut ns = 0.0;
        for task in std::fs::read_dir("/proc/self/task").ok()? {
            let text = std::fs::read_to_string(task.ok()?.path().join("schedstat")).ok()?;
            ns += text.split_whitespace().next()?.parse::<f64>().ok()?;
        }
        Some(ns * 1e-9)
    };
    total().unwrap_or_else(|| start.elapsed().as_secs_f64())
}

/// A field of `/proc/self/status` in bytes (Linux), 0 when absent.
fn status_bytes(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with(field))?.to_owned();
            line.split_whitespace().nth(1)?.parse::<u64>().ok()
        })
        .map_or(0, |kb| kb * 1024)
}

/// One timed batch: processor seconds and ties examined per run.
fn batch(view: &CompiledNetwork, seeds: &[u32], runs: u64, seed: u64) -> (f64, f64, f64) {
    let request = SimulateRequest::new(seeds.to_vec())
        .model(Model::independent_cascade(P))
        .runs(runs)
        .seed(seed);
    let t = cpu_seconds();
    let s = simulate(view, &request).expect("simulates");
    let cpu = cpu_seconds() - t;
    let examined: f64 = (0..view.num_people())
        .map(|v| {
            let degree: usize = view.layers().iter().map(|l| l.out_degree(v as u32)).sum();
            s.total.activation[v] * degree as f64
        })
        .sum();
    (cpu, examined, s.total.mean)
}

/// One size of the series, as a JSON object.
fn point(ties: usize, repeat: usize) -> String {
    let n = (ties / (2 * M)).max(M + 2);
    let _ = std::fs::write("/proc/self/clear_refs", "5"); // reset the peak (Linux ≥ 4.0)
    let t = cpu_seconds();
    let view = reseau::generators::barabasi_albert_compiled(n, M, 1).expect("generates");
    let generate = cpu_seconds() - t;
    let seeds: Vec<u32> = (0..10).map(|i| (i * n / 10) as u32).collect();
    let (_, warm, _) = batch(&view, &seeds, 64, 99);
    let runs = ((WORK / warm.max(1.0) / 64.0).ceil() as u64).max(1) * 64;
    let mut samples: Vec<(f64, f64, f64)> =
        (0..repeat).map(|r| batch(&view, &seeds, runs, r as u64 + 1)).collect();
    samples.sort_by(|a, b| (a.0 / a.1).total_cmp(&(b.0 / b.1)));
    let (cpu, examined, mean) = samples[samples.len() / 2];
    format!(
        "{{\"people\": {n}, \"directed_ties\": {}, \"bytes_per_tie\": {:.3}, \"runs\": {runs}, \
         \"generate_cpu\": {generate:.3}, \"cpu\": {cpu:.6}, \"mean_spread\": {mean:.3}, \
         \"ties_examined_per_run\": {examined:.1}, \"ns_per_tie\": {:.4}, \"peak_bytes\": {}}}",
        view.num_directed_ties(),
        view.bytes_per_directed_tie(),
        cpu * 1e9 / (examined * runs as f64),
        status_bytes("VmHWM:"),
    )
}

fn main() {
    let mut sizes = vec![10_000, 100_000, 1_000_000, 10_000_000];
    let (mut repeat, mut out) = (3, None);
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().expect("a value after the flag");
        match flag.as_str() {
            "--ties" => {
                sizes = value().split(',').map(|t| t.trim().parse().expect("a number")).collect();
            }
            "--repeat" => repeat = value().parse().expect("a number"),
            "--out" => out = Some(value()),
            other => panic!(
                "unknown option {other}; usage: growth-ties [--ties a,b,…] [--repeat N] [--out F]"
            ),
        }
    }
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("a pool");
    let mut points = Vec::new();
    for ties in sizes {
        let p = one.install(|| point(ties, repeat.max(1)));
        println!("{p}");
        points.push(p);
    }
    if let Some(path) = out {
        std::fs::write(path, format!("[\n{}\n]\n", points.join(",\n"))).expect("writes");
    }
}
