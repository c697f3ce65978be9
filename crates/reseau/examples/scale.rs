//! A network of 10^8 directed ties on one machine (issue 16; the table "Graphs of 10^8 ties"
//! of `docs/performance.md`): a Barabási–Albert network (power-law degrees; `m` = 5 ties per
//! newcomer, seed 1) generated straight as its compiled view
//! (`generators::barabasi_albert_compiled`, never the editable network), made a `Network`
//! (frozen: what `reseau.load` gives Python), one batch of 64 Independent Cascade runs
//! (p = 0.1, ten seeds), and OPIM-C relay selection (k = 50, ε = 0.1, δ = 1/n, weighted
//! cascade). Each step prints its time and the process's peak resident memory during the
//! step (Linux: `VmHWM` of `/proc/self/status`, reset before each step by writing `5` to
//! `/proc/self/clear_refs`), and its resident memory after (`VmRSS`).
//!
//! Run with `cargo run --release -p reseau --example scale -- --ties 100000000`
//! (default 10^6 ties); the number of people is a tenth of the ties.

use std::time::Instant;

use reseau::cascade::{Model, SimulateRequest, simulate};
use reseau::relays::{Method, SelectRelaysRequest, select_relays};
use reseau::{Network, generators};

/// A field of `/proc/self/status` in MB (Linux), if there is one.
fn status_mb(field: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1000.0)
}

/// Runs one step: resets the peak, times `f`, prints a row of the table.
fn step<T>(name: &str, ties: f64, f: impl FnOnce() -> T) -> (T, f64) {
    // "5" resets the peak resident memory to the current one (Linux 4.0 and later).
    let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
    let start = Instant::now();
    let out = f();
    let seconds = start.elapsed().as_secs_f64();
    let mb = |v: Option<f64>| v.map_or_else(|| "?".to_owned(), |v| format!("{v:.0}"));
    let peak = if reset { mb(status_mb("VmHWM:")) } else { "?".to_owned() };
    println!(
        "| {name} | {seconds:.2} | {:.1} | {peak} | {} |",
        seconds * 1e9 / ties,
        mb(status_mb("VmRSS:"))
    );
    (out, seconds)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let ties: usize = match args.as_slice() {
        [] => 1_000_000,
        [flag, value] if flag == "--ties" => value.parse()?,
        _ => return Err("usage: scale [--ties N]".into()),
    };
    let (n, m, seed) = (ties / 10, 5, 1);
    println!(
        "Barabási–Albert, n = {n} people, m = {m}, seed {seed}; {} threads",
        rayon::current_num_threads()
    );
    println!();
    println!(
        "| step | time (s) | ns per directed tie | peak RSS in the step (MB) | RSS after (MB) |"
    );
    println!("|---|---:|---:|---:|---:|");
    let directed_ties = 2 * (m * (m + 1) / 2 + m * (n - m - 1));
    let directed = directed_ties as f64;
    let (view, _) = step("generate (compiled view, straight)", directed, || {
        generators::barabasi_albert_compiled(n, m, seed)
    });
    let view = view?;
    assert_eq!(view.num_directed_ties(), directed_ties);
    let bytes_per_tie = view.bytes_per_directed_tie();
    let (net, _) = step("as a `Network` (frozen; people, self-loops checked)", directed, || {
        Network::from_compiled(view)
    });
    let net = net?;
    let view = net.compiled();
    let seeds: Vec<u32> = (0..10).map(|i| (i * (n / 10)) as u32).collect();
    let ic = SimulateRequest::new(seeds).model(Model::independent_cascade(0.1)).runs(64).seed(1);
    let (cascade, ic_seconds) =
        step("IC p = 0.1, 64 runs, 10 seeds", directed, || simulate(&view, &ic));
    let cascade = cascade?;
    let opim = SelectRelaysRequest::k(50)
        .method(Method::OpimC)
        .model(Model::weighted_cascade())
        .evaluation_runs(0)
        .seed(1);
    let (chosen, _) = step("OPIM-C, k = 50, ε = 0.1, weighted cascade", directed, || {
        select_relays(&view, &opim)
    });
    let chosen = chosen?;
    assert!(net.is_frozen(), "no step needed the editable network");
    println!();
    println!(
        "{} directed ties, {bytes_per_tie:.2} bytes per directed tie (adjacency, offsets \
         included); IC mean spread {:.0} ({:.1} ms per run); OPIM-C: {} RR sets, estimated \
         spread {:.0}",
        view.num_directed_ties(),
        cascade.total.mean,
        ic_seconds * 1e3 / 64.0,
        chosen.samples,
        chosen.estimated_spread.unwrap_or(f64::NAN)
    );
    if let Some(peak) = status_mb("VmPeak:") {
        println!("virtual memory peak of the process: {peak:.0} MB");
    }
    Ok(())
}
