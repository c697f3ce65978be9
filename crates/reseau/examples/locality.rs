//! Does renumbering people pay? (issue 16, `docs/performance/locality.md`.) Independent
//! Cascade at p = 0.1, one thread, ten seeds spread over the ids,
//! on each graph as it is and renumbered breadth-first, by reverse Cuthill–McKee and by
//! decreasing degree; nanoseconds of processor time per tie examined (a tie is examined when
//! the person at its tail is convinced: per run, the sum over people of P(convinced) ×
//! out-degree). IC with one probability samples the very same cascades on a renumbered copy
//! from the mapped seeds, which is checked (mean spread equal bit for bit).
//!
//! Run with `cargo run --release -p reseau --example locality -- GRAPH...`, GRAPH being
//! `er:<people>` (Erdős–Rényi, mean degree 20, seed 1), `ba:<people>` (Barabási–Albert,
//! m = 10, seed 1) or an edge-list path. Prints a Markdown table.

use std::time::Instant;

use reseau::cascade::{CascadeSummary, Model, SimulateRequest, simulate};
use reseau::io::{EdgeListOptions, read_edgelist};
use reseau::locality::{Order, order, positions, renumber};
use reseau::{CompiledNetwork, generators};

/// The processor time this process has used, in seconds (Linux, `/proc/self/stat`, 10 ms
/// ticks); elsewhere the wall clock.
fn cpu_seconds() -> f64 {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    let start = *START.get_or_init(Instant::now);
    let ticks = std::fs::read_to_string("/proc/self/stat").ok().and_then(|stat| {
        let rest = &stat[stat.rfind(')')? + 2..];
        let fields: Vec<&str> = rest.split_whitespace().collect();
        Some(fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?)
    });
    ticks.map_or_else(|| start.elapsed().as_secs_f64(), |t| t / 100.0)
}

/// Processor seconds for `runs` runs of `model` from `seeds` on one thread (the calls repeated
/// until they have used half a second, the best of three such measures), and the summary.
fn time_runs(
    view: &CompiledNetwork,
    model: &Model,
    seeds: &[u32],
    runs: u64,
) -> (f64, CascadeSummary) {
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("a pool");
    let request = SimulateRequest::new(seeds.to_vec()).model(model.clone()).runs(runs).seed(1);
    let summary = one.install(|| simulate(view, &request)).expect("runs"); // and warm up
    let mut best = f64::INFINITY;
    for _ in 0..3 {
        let (start, mut calls) = (cpu_seconds(), 0u32);
        while cpu_seconds() - start < 0.5 {
            std::hint::black_box(one.install(|| simulate(view, &request)).expect("runs"));
            calls += 1;
        }
        best = best.min((cpu_seconds() - start) / f64::from(calls));
    }
    (best, summary)
}

/// Ties examined per run, from the activation probabilities.
fn examined(view: &CompiledNetwork, s: &CascadeSummary) -> f64 {
    (0..view.num_people())
        .map(|v| {
            let d: usize = view.layers().iter().map(|l| l.out_degree(v as u32)).sum();
            s.total.activation[v] * d as f64
        })
        .sum()
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

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let graphs: Vec<String> = std::env::args().skip(1).collect();
    println!(
        "| graph | directed ties | model | order | renumbering (s) | runs | mean spread | same \
         cascades | ns per tie examined | against as is |"
    );
    println!("|---|---:|---|---|---:|---:|---:|---|---:|---:|");
    for graph in &graphs {
        let net = load(graph)?;
        let n = net.num_people();
        let ties = net.num_directed_ties();
        let seeds: Vec<u32> = (0..10).map(|i| (i * n / 10) as u32).collect();
        // A block of 64 runs; fewer on the largest graphs, whose runs take long enough.
        let runs = (50_000_000 / ties as u64).clamp(4, 64);
        let model = Model::independent_cascade(0.1);
        {
            let label = "IC p = 0.1";
            let mut base: Option<(f64, f64)> = None;
            for kind in
                [Order::Identity, Order::BreadthFirst, Order::ReverseCuthillMcKee, Order::Degree]
            {
                let t = cpu_seconds();
                let o = order(&net, kind);
                let new_of = positions(&o, n)?;
                let copy = if kind == Order::Identity { net.clone() } else { renumber(&net, &o)? };
                let renumbering = cpu_seconds() - t;
                let mapped: Vec<u32> = seeds.iter().map(|&s| new_of[s as usize]).collect();
                let (seconds, s) = time_runs(&copy, &model, &mapped, runs);
                let per_tie = seconds * 1e9 / (examined(&copy, &s) * runs as f64);
                let (same, ratio) = match base {
                    None => {
                        base = Some((s.total.mean, per_tie));
                        ("—".to_owned(), "1.00×".to_owned())
                    }
                    Some((mean, first)) => {
                        let same =
                            if mean.to_bits() == s.total.mean.to_bits() { "yes" } else { "**no**" };
                        (same.to_owned(), format!("{:.2}×", per_tie / first))
                    }
                };
                println!(
                    "| {graph} | {ties} | {label} | {kind:?} | {renumbering:.2} | {runs} | {:.1} \
                     | {same} | {per_tie:.2} | {ratio} |",
                    s.total.mean
                );
            }
        }
        drop(net);
    }
    Ok(())
}
