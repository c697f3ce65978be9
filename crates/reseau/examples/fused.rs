//! Would fusing runs pay? (issue 16, `docs/performance/locality.md`.) A prototype, not the
//! engine: 64 Independent Cascade runs per pass, bit-parallel, with each tie live in run r
//! when a counter-based draw of (tie, r) says so (the live-edge view of IC, as `InFuseR` and
//! PaC-IM use it), against the engine (`simulate`) doing the same 64 runs one by one. Both
//! on one thread, in processor time; the mean spreads must agree within 4 standard errors
//! (they are different draws of the same process).
//!
//! A tie's 64 live bits are one bit-sliced comparison of 64 uniform draws against its
//! threshold: word j of the draws is `keyed(pass key, 64 tie + j)`, and the comparison walks the
//! threshold's 53 bits from the top, stopping once every run is decided (after about
//! 6 + log2(1/p) words, not 64 draws).
//!
//! Run with `cargo run --release -p reseau --example fused -- GRAPH...`, GRAPH being
//! `er:<people>` (Erdős–Rényi, mean degree 20, seed 1), `ba:<people>` (Barabási–Albert,
//! m = 10, seed 1) or an edge-list path. Prints a Markdown table.

use std::time::Instant;

use reseau::cascade::{Model, ModelKind, SimulateRequest, simulate};
use reseau::io::{EdgeListOptions, read_edgelist};
use reseau::rng::{Stream, keyed, threshold_53};
use reseau::{CompiledNetwork, generators};

/// The processor time of this thread, in seconds (Linux `/proc/thread-self/schedstat`);
/// elsewhere the wall clock.
fn cpu_seconds() -> f64 {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    let start = *START.get_or_init(Instant::now);
    std::thread::yield_now(); // brings the running thread's count up to date
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or_else(|| start.elapsed().as_secs_f64(), |ns| ns / 1e9)
}

/// The 64 live bits of tie `tie` with the 53-bit threshold `threshold` in the pass `key`: bit
/// r set when run r's uniform 53-bit draw is below the threshold.
#[inline]
fn live(key: u64, tie: u64, threshold: u64) -> u64 {
    if threshold >= 1 << 53 {
        return !0;
    }
    let (mut below, mut equal) = (0u64, !0u64);
    for j in 0..53u64 {
        let word = keyed(key, tie * 64 + j);
        if threshold >> (52 - j) & 1 == 1 {
            below |= equal & !word;
            equal &= word;
        } else {
            equal &= !word;
        }
        if equal == 0 {
            break;
        }
    }
    below
}

/// The fused engine's space: each person's runs convinced and runs still to pass on.
struct Fused {
    active: Vec<u64>,
    pending: Vec<u64>,
    touched: Vec<u32>,
    queue: std::collections::VecDeque<u32>,
}

impl Fused {
    fn new(n: usize) -> Self {
        Fused {
            active: vec![0; n],
            pending: vec![0; n],
            touched: Vec::new(),
            queue: std::collections::VecDeque::new(),
        }
    }

    /// One pass of 64 runs from `seeds`; adds each run's spread to `spreads`. `thresholds`:
    /// one per tie, or a single one for every tie.
    fn pass(
        &mut self,
        net: &CompiledNetwork,
        thresholds: &[u64],
        seeds: &[u32],
        key: u64,
        spreads: &mut [u64; 64],
    ) {
        for &v in &self.touched {
            self.active[v as usize] = 0;
        }
        self.touched.clear();
        let layer = &net.layers()[0];
        let targets = layer.targets();
        for &s in seeds {
            if self.active[s as usize] == 0 {
                self.active[s as usize] = !0;
                self.pending[s as usize] = !0;
                self.touched.push(s);
                self.queue.push_back(s);
            }
        }
        while let Some(u) = self.queue.pop_front() {
            let m = std::mem::take(&mut self.pending[u as usize]);
            for slot in layer.range(u) {
                let v = targets[slot] as usize;
                let open = m & !self.active[v];
                if open == 0 {
                    continue;
                }
                let t = if thresholds.len() == 1 { thresholds[0] } else { thresholds[slot] };
                let new = open & live(key, slot as u64, t);
                if new == 0 {
                    continue;
                }
                if self.active[v] == 0 {
                    self.touched.push(v as u32);
                }
                self.active[v] |= new;
                if self.pending[v] == 0 {
                    self.queue.push_back(v as u32);
                }
                self.pending[v] |= new;
            }
        }
        for &v in &self.touched {
            let mut bits = self.active[v as usize];
            while bits != 0 {
                spreads[bits.trailing_zeros() as usize] += 1;
                bits &= bits - 1;
            }
        }
    }
}

fn load(graph: &str) -> Result<CompiledNetwork, Box<dyn std::error::Error>> {
    Ok(if let Some(n) = graph.strip_prefix("er:") {
        generators::erdos_renyi(n.parse()?, 20.0, 1)?.compile()
    } else if let Some(n) = graph.strip_prefix("ba:") {
        generators::barabasi_albert_compiled(n.parse()?, 10, 1)?
    } else {
        read_edgelist(graph, &EdgeListOptions::default())?.compile()
    })
}

/// Mean and standard error of the mean.
fn mean_se(xs: &[u64]) -> (f64, f64) {
    let n = xs.len() as f64;
    let mean = xs.iter().sum::<u64>() as f64 / n;
    let var = xs.iter().map(|&x| (x as f64 - mean).powi(2)).sum::<f64>() / (n - 1.0);
    (mean, (var / n).sqrt())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let graphs: Vec<String> = std::env::args().skip(1).collect();
    println!(
        "| graph | directed ties | model | runs | engine mean | fused mean | agree | engine \
         (ms per 64 runs) | fused (ms per 64 runs) | engine / fused |"
    );
    println!("|---|---:|---|---:|---:|---:|---|---:|---:|---:|");
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build()?;
    for graph in &graphs {
        let net = load(graph)?;
        assert_eq!(net.layers().len(), 1, "one layer");
        let n = net.num_people();
        let layer = &net.layers()[0];
        let seeds: Vec<u32> = (0..10).map(|i| (i * n / 10) as u32).collect();
        for (label, model) in [
            ("IC p = 0.1", Model::independent_cascade(0.1)),
            ("IC p = 0.01", Model::independent_cascade(0.01)),
            ("WC", Model::weighted_cascade()),
        ] {
            let thresholds: Vec<u64> = if model.kind == ModelKind::WeightedCascade {
                let mut indegree = vec![0u32; n];
                for &v in layer.targets() {
                    indegree[v as usize] += 1;
                }
                layer
                    .targets()
                    .iter()
                    .map(|&v| threshold_53(1.0 / f64::from(indegree[v as usize])))
                    .collect()
            } else {
                vec![threshold_53(model.probability)]
            };
            // Passes until a third of a second (at least 4), then the engine on as many runs.
            let (fused, spreads, passes) = one.install(|| {
                let mut f = Fused::new(n);
                let mut all = Vec::new();
                let mut rng = Stream::new(1, 0);
                let mut passes = 0u64;
                let t = cpu_seconds();
                while passes < 4 || cpu_seconds() - t < 0.33 {
                    let mut spreads = [0u64; 64];
                    f.pass(&net, &thresholds, &seeds, rng.next_u64(), &mut spreads);
                    all.extend_from_slice(&spreads);
                    passes += 1;
                }
                (cpu_seconds() - t, all, passes)
            });
            let runs = passes * 64;
            let request =
                SimulateRequest::new(seeds.clone()).model(model.clone()).runs(runs).seed(1);
            let _ = one.install(|| simulate(&net, &request.clone().runs(64)))?; // warm up
            let (engine, summary) = one.install(|| {
                let t = cpu_seconds();
                let s = simulate(&net, &request);
                (cpu_seconds() - t, s)
            });
            let summary = summary?;
            let (mean, se) = mean_se(&spreads);
            let engine_se = summary.total.std / (runs as f64).sqrt();
            let agree = (mean - summary.total.mean).abs() <= 4.0 * se.hypot(engine_se) + 1e-9;
            let per = |s: f64| s * 1e3 / passes as f64;
            println!(
                "| {graph} | {} | {label} | {runs} | {:.1} | {mean:.1} | {} | {:.3} | {:.3} | {:.2}× |",
                net.num_directed_ties(),
                summary.total.mean,
                if agree { "yes" } else { "**no**" },
                per(engine),
                per(fused),
                engine / fused
            );
        }
    }
    Ok(())
}
