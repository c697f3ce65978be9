//! Relay selection side by side with SUBSIM (Guo, Wang, Wei & Chen, SIGMOD 2020) in one run:
//! k = 50, ε = 0.1, δ = 1/n, one thread each, on ego-Facebook, ca-HepTh, email-Enron and a
//! Barabási–Albert network of 10^6 people and 10^7 directed ties, under the weighted cascade
//! and IC p = 0.01 (and, with `--hist`, SUBSIM's HIST against reseau's HIST under IC p = 0.1
//! on every graph; `--hist-only` runs those rows alone).
//!
//! SUBSIM is GPL-3.0 and is never part of reseau: `benches/compare/run` copies its source
//! from `../shared/peers/subsim` into `target/subsim`, builds it there (`make`), and passes
//! that folder as `--subsim`; this program writes each graph in SUBSIM's text format, has
//! SUBSIM format it (`-func=format`), and runs it (`-func=im`). Both contenders run as child
//! processes under `/usr/bin/time`, alternating, `--repeat` times: the times are each
//! program's own measure of its selection (SUBSIM's `Time (sec)`; reseau's `select_relays`
//! call, the graph already built), the peak memory each process's maximum resident set
//! (reseau's from the start of the selection, its graph included: `VmHWM` reset then read). Both
//! choices of relays are then scored by the same Monte Carlo evaluation (reseau's, every
//! core, 10,000 runs, one seed), so that spreads compare on equal terms.
//!
//! Usage: `subsim-side --subsim DIR [--shared DIR] [--out FILE] [--repeat N] [--hist]
//! [--hist-only] [--graphs a,b,…] [--eval-runs N]`. The SNAP graphs skip, saying so, when `--shared`
//! (default `../shared` beside the repository) lacks them.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use reseau::CompiledNetwork;
use reseau::cascade::{Model, SimulateRequest, simulate};
use reseau::io::{EdgeListOptions, read_edgelist};
use reseau::relays::{Method, SelectRelaysRequest, select_relays};

const K: usize = 50;
const EPSILON: f64 = 0.1;
const SNAP: [(&str, &str); 3] = [
    ("ego-Facebook", "data/snap/ego-Facebook/facebook_combined.txt"),
    ("ca-HepTh", "data/snap/ca-HepTh/CA-HepTh.txt"),
    ("email-Enron", "data/snap/email-Enron/Email-Enron.txt"),
];
const BA: &str = "BA-1e6";
/// reseau's memory budget per selection, in bytes.
const MAX_MEMORY: u64 = 4 << 30;

/// The network named `graph` (a SNAP file under `shared`, or the generated BA network).
fn network(graph: &str, shared: &Path) -> Option<CompiledNetwork> {
    if graph == BA {
        let net = reseau::generators::barabasi_albert(1_000_000, 5, 1).expect("generates");
        return Some(net.compile());
    }
    let (_, file) = SNAP.iter().find(|(name, _)| *name == graph)?;
    let path = shared.join(file);
    if !path.exists() {
        eprintln!("skipping {graph}: {} not found", path.display());
        return None;
    }
    Some(read_edgelist(&path, &EdgeListOptions::default()).expect("parses").compile())
}

fn model(name: &str) -> Model {
    match name {
        "wc" => Model::weighted_cascade(),
        _ => Model::independent_cascade(name.trim_start_matches("ic:").parse().expect("a p")),
    }
}

/// Processor time of the whole process so far (every thread), in seconds, from Linux's
/// per-thread schedstat (nanoseconds), when available.
fn process_cpu() -> Option<f64> {
    let mut total = 0.0;
    for task in std::fs::read_dir("/proc/self/task").ok()? {
        let text = std::fs::read_to_string(task.ok()?.path().join("schedstat")).ok()?;
        total += text.split_whitespace().next()?.parse::<f64>().ok()? * 1e-9;
    }
    Some(total)
}

/// The process's peak resident memory (`VmHWM`), in bytes.
fn peak_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    Some(line.split_whitespace().nth(1)?.parse::<u64>().ok()? * 1024)
}

/// The child: one OPIM-C (or HIST) selection on one thread, printed as `key=value` lines.
fn child(graph: &str, model_name: &str, shared: &Path, seed: u64, hist: bool) {
    let net = network(graph, shared).expect("the graph exists");
    let request = SelectRelaysRequest {
        k: Some(K),
        model: model(model_name),
        method: if hist { Method::Hist } else { Method::OpimC },
        epsilon: EPSILON,
        evaluation_runs: 0,
        seed,
        // A shared machine: a selection that would need more is refused up front (and the
        // row says so) rather than crowding out everything else.
        max_memory: Some(MAX_MEMORY),
        ..SelectRelaysRequest::default()
    };
    // The peak from here on: the selection's, the graph included.
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let (cpu0, t0) = (process_cpu(), Instant::now());
    let s = select_relays(&net, &request);
    let (wall, cpu1) = (t0.elapsed().as_secs_f64(), process_cpu());
    match s {
        Ok(s) => {
            println!("time={wall}");
            if let (Some(a), Some(b)) = (cpu0, cpu1) {
                println!("cpu={}", b - a);
            }
            println!("rrsets={}", s.samples);
            println!("peak={}", peak_bytes().unwrap_or(0));
            let relays: Vec<String> = s.relays.iter().map(u32::to_string).collect();
            println!("relays={}", relays.join(","));
        }
        Err(e) => println!("error={e}"),
    }
}

/// One timed run of a child process under `/usr/bin/time`: its standard output and its peak
/// resident memory in bytes; a failed run (SUBSIM's HIST dies on some graphs) is an error
/// saying how it ended.
fn run_timed(cmd: &mut Command, dir: &Path) -> Result<(String, u64), String> {
    let mem_file = dir.join("peak.txt");
    let program = cmd.get_program().to_owned();
    let args: Vec<_> = cmd.get_args().map(ToOwned::to_owned).collect();
    let mut timed = Command::new("/usr/bin/time");
    timed.arg("-f").arg("%M").arg("-o").arg(&mem_file).arg(&program).args(args);
    for (k, v) in cmd.get_envs() {
        if let Some(v) = v {
            timed.env(k, v);
        }
    }
    if let Some(d) = cmd.get_current_dir() {
        timed.current_dir(d);
    }
    let out = timed.output().expect("runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        let how = err.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("").trim();
        eprintln!("{program:?} failed ({}): {how}", out.status);
        return Err(if how.contains("signal") || how.contains("Command terminated") {
            how.to_owned()
        } else {
            format!("{}", out.status)
        });
    }
    let kb: u64 = std::fs::read_to_string(&mem_file)
        .ok()
        .and_then(|t| t.lines().last().and_then(|l| l.trim().parse().ok()))
        .unwrap_or(0);
    Ok((text, kb * 1024))
}

fn field<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    text.lines().find_map(|l| l.trim().trim_start_matches('|').strip_prefix(key)).map(str::trim)
}

/// Writes `net` as SUBSIM's input (`n m`, then one directed tie `u<TAB>v` a line; an
/// undirected tie both ways) and formats it for `model_name`.
fn prepare_subsim(subsim: &Path, name: &str, net: &CompiledNetwork, model_name: &str) {
    let dir = subsim.join("graphInfo");
    std::fs::create_dir_all(&dir).expect("creates graphInfo");
    let mut text = String::new();
    let mut m = 0usize;
    for layer in net.layers() {
        for u in 0..net.num_people() as u32 {
            for &v in &layer.targets()[layer.range(u)] {
                writeln!(text, "{u}\t{v}").expect("writes");
                m += 1;
            }
        }
    }
    let body = format!("{} {m}\n{text}", net.num_people());
    std::fs::write(dir.join(name), body).expect("writes the graph");
    let mut cmd = Command::new(subsim.join("subsim"));
    cmd.current_dir(subsim).arg("-func=format").arg(format!("-gname={name}"));
    if model_name == "wc" {
        cmd.arg("-pdist=wc");
    } else {
        let p = model_name.trim_start_matches("ic:");
        cmd.arg("-pdist=uniform").arg(format!("-pedge={p}"));
    }
    let out = cmd.output().expect("formats");
    assert!(out.status.success(), "SUBSIM format failed");
}

#[derive(Default)]
struct Side {
    times: Vec<f64>,
    cpus: Vec<f64>,
    peak: u64,
    rrsets: u64,
    /// Each run's choice (SUBSIM's varies by itself; reseau runs seeds 1, 2, …).
    relays: Vec<Vec<u32>>,
    error: Option<String>,
}

fn median(xs: &[f64]) -> f64 {
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    if v.is_empty() { f64::NAN } else { v[v.len() / 2] }
}

fn parse_relays(list: &str) -> Vec<u32> {
    list.split(',').filter(|s| !s.is_empty()).map(|s| s.parse().expect("an id")).collect()
}

struct Args {
    subsim: PathBuf,
    shared: PathBuf,
    out: PathBuf,
    repeat: usize,
    hist: bool,
    hist_only: bool,
    graphs: Vec<String>,
    eval_runs: u64,
}

fn args() -> Args {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut a = Args {
        subsim: repo.join("target/subsim"),
        shared: repo.join("../shared"),
        out: repo.join("benches/compare/results/subsim.md"),
        repeat: 3,
        hist: false,
        hist_only: false,
        graphs: SNAP.iter().map(|(g, _)| (*g).to_owned()).chain([BA.to_owned()]).collect(),
        eval_runs: 10_000,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().expect("a value after the flag");
        match flag.as_str() {
            "--subsim" => a.subsim = value().into(),
            "--shared" => a.shared = value().into(),
            "--out" => a.out = value().into(),
            "--repeat" => a.repeat = value().parse().expect("a number"),
            "--eval-runs" => a.eval_runs = value().parse().expect("a number"),
            "--graphs" => a.graphs = value().split(',').map(str::to_owned).collect(),
            "--hist" => a.hist = true,
            "--hist-only" => a.hist_only = true,
            other => panic!("unknown option {other}"),
        }
    }
    a
}

/// One SUBSIM run on `name` (HIST when `hist`), recorded in `theirs`.
fn run_subsim(subsim: &Path, name: &str, hist: bool, seeds_file: &Path, theirs: &mut Side) {
    let mut sub = Command::new(subsim.join("subsim"));
    sub.current_dir(subsim).args([
        "-func=im".to_owned(),
        format!("-gname={name}"),
        format!("-seedsize={K}"),
        format!("-eps={EPSILON}"),
        format!("-hist={}", u8::from(hist)),
    ]);
    let _ = std::fs::remove_file(seeds_file); // never score a stale choice
    match run_timed(&mut sub, subsim) {
        Ok((text, peak)) => {
            theirs.times.push(number(&text, "Time (sec):"));
            theirs.rrsets = number(&text, "#RR sets:") as u64;
            theirs.peak = theirs.peak.max(peak);
            theirs.relays.push(
                std::fs::read_to_string(seeds_file)
                    .map(|t| t.lines().filter_map(|l| l.trim().parse().ok()).collect())
                    .unwrap_or_default(),
            );
        }
        Err(how) => theirs.error = Some(how),
    }
}

/// One configuration, both contenders alternating: its table row and whether the target is met.
fn compare(
    a: &Args,
    me: &Path,
    graph: &str,
    net: &CompiledNetwork,
    model_name: &str,
    hist: bool,
) -> (String, bool) {
    let name = format!("{graph}_{}", model_name.replace(':', ""));
    prepare_subsim(&a.subsim, &name, net, model_name);
    let (mut ours, mut theirs) = (Side::default(), Side::default());
    let tag = if model_name == "wc" {
        "wc".to_owned()
    } else {
        format!("uniform_{:.6}", model_name.trim_start_matches("ic:").parse::<f64>().expect("p"))
    };
    // SUBSIM writes its seeds beside its results.
    let seeds_file = a.subsim.join(format!("result/seed/seed_{name}_subsim_k{K}_{tag}"));
    for repeat in 0..a.repeat {
        run_subsim(&a.subsim, &name, hist, &seeds_file, &mut theirs);
        let mut child = Command::new(me);
        child
            .env("RAYON_NUM_THREADS", "1")
            .arg("--child")
            .arg(graph)
            .arg(model_name)
            .arg(&a.shared)
            .arg((repeat + 1).to_string())
            .arg(if hist { "hist" } else { "opim_c" });
        let (text, _) = run_timed(&mut child, &a.subsim).expect("reseau's child runs");
        if let Some(e) = field(&text, "error=") {
            ours.error = Some(e.to_owned());
            break;
        }
        ours.times.push(number(&text, "time="));
        ours.cpus.push(number(&text, "cpu="));
        ours.rrsets = number(&text, "rrsets=") as u64;
        ours.relays.push(parse_relays(field(&text, "relays=").unwrap_or("")));
        ours.peak = ours.peak.max(number(&text, "peak=") as u64);
    }
    // Each run's choice scored with an equal share of the evaluation runs: the mean is the
    // method's expected spread, not one lucky or unlucky draw's.
    let runs = (a.eval_runs / a.repeat.max(1) as u64).max(500);
    let score = |choices: &[Vec<u32>]| {
        let (mut mean, mut var) = (0.0, 0.0);
        for relays in choices {
            let req =
                SimulateRequest::new(relays.clone()).model(model(model_name)).runs(runs).seed(2);
            let s = simulate(net, &req).expect("simulates");
            mean += s.total.mean;
            var += s.total.std * s.total.std / runs as f64;
        }
        let c = choices.len().max(1) as f64;
        (mean / c, var.sqrt() / c)
    };
    let (theirs_spread, theirs_se) = score(&theirs.relays);
    let label = if hist { "HIST vs HIST" } else { "OPIM-C vs SUBSIM" };
    let model_label =
        if model_name == "wc" { "WC".to_owned() } else { model_name.replace("ic:", "IC p=") };
    let t_theirs = median(&theirs.times);
    let their_peak = theirs.peak as f64 / 1e6;
    if let Some(e) = &ours.error {
        let row = format!(
            "| {graph} | {model_label} | {label} | refused: {e} | {t_theirs:.4} | — | — | {} | — | {theirs_spread:.1} ± {theirs_se:.1} | — | — | {their_peak:.0} MB | missed |\n",
            theirs.rrsets
        );
        return (row, false);
    }
    let (ours_spread, ours_se) = score(&ours.relays);
    let (t_ours, cpu_ours) = (median(&ours.times), median(&ours.cpus));
    if theirs.relays.is_empty() {
        let e = theirs.error.as_deref().unwrap_or("no result");
        let row = format!(
            "| {graph} | {model_label} | {label} | {t_ours:.4} ({cpu_ours:.4} CPU) | failed: {e} | — | {} | — | {ours_spread:.1} ± {ours_se:.1} | — | — | {:.0} MB | — | — |\n",
            ours.rrsets,
            ours.peak as f64 / 1e6,
        );
        return (row, false);
    }
    let ratio = t_theirs / t_ours;
    let delta = (ours_spread - theirs_spread) / theirs_spread * 100.0;
    let ok = ratio >= 2.0 && delta >= -1.0;
    eprintln!(
        "{graph} {model_name}: reseau {t_ours:.4}s ({} RR sets), SUBSIM {t_theirs:.4}s ({} RR sets), spread {ours_spread:.1} vs {theirs_spread:.1}",
        ours.rrsets, theirs.rrsets
    );
    let row = format!(
        "| {graph} | {model_label} | {label} | {t_ours:.4} ({cpu_ours:.4} CPU) | {t_theirs:.4} | {ratio:.2}× | {} | {} | {ours_spread:.1} ± {ours_se:.1} | {theirs_spread:.1} ± {theirs_se:.1} | {delta:+.2}% | {:.0} MB | {their_peak:.0} MB | {} |\n",
        ours.rrsets,
        theirs.rrsets,
        ours.peak as f64 / 1e6,
        if ok { "met" } else { "missed" }
    );
    (row, ok)
}

/// The number after `key` in `text`, NaN when absent.
fn number(text: &str, key: &str) -> f64 {
    field(text, key).and_then(|t| t.parse().ok()).unwrap_or(f64::NAN)
}

fn main() {
    let argv: Vec<String> = std::env::args().collect();
    if argv.get(1).map(String::as_str) == Some("--child") {
        let hist = argv.get(6).map(String::as_str) == Some("hist");
        child(&argv[2], &argv[3], Path::new(&argv[4]), argv[5].parse().expect("a seed"), hist);
        return;
    }
    let mut a = args();
    if !a.subsim.join("subsim").exists() {
        eprintln!("skipping the SUBSIM comparison: no SUBSIM build at {}", a.subsim.display());
        return;
    }
    // SUBSIM runs in its own folder: every path absolute.
    a.subsim = a.subsim.canonicalize().expect("the SUBSIM folder");
    a.shared = a.shared.canonicalize().unwrap_or(a.shared);
    let me = std::env::current_exe().expect("its own path");
    let mut configs: Vec<(String, &str, bool)> = Vec::new();
    for g in &a.graphs {
        if !a.hist_only {
            configs.push((g.clone(), "wc", false));
            configs.push((g.clone(), "ic:0.01", false));
        }
        if a.hist || a.hist_only {
            configs.push((g.clone(), "ic:0.1", true));
        }
    }
    let mut rows = String::new();
    let (mut met, mut total) = (0, 0);
    let mut last_graph: Option<(String, CompiledNetwork)> = None;
    for (graph, model_name, hist) in configs {
        if last_graph.as_ref().is_none_or(|(g, _)| *g != graph) {
            last_graph = network(&graph, &a.shared).map(|n| (graph.clone(), n));
        }
        let Some((_, net)) = &last_graph else { continue };
        let (row, ok) = compare(&a, &me, &graph, net, model_name, hist);
        rows.push_str(&row);
        met += usize::from(ok);
        total += 1;
    }
    let table = format!(
        "## Relay selection against SUBSIM\n\n\
         k = {K}, ε = {EPSILON}, δ = 1/n, one thread each; median of {} alternating runs; times are \
         each program's own measure of its selection (graph loaded); RR sets are both collections' (R1 and R2, as \
         SUBSIM counts them); spread is the mean over the runs' choices of reseau's Monte Carlo ({} runs in all, seed 2; SUBSIM's choice varies from run to run by itself, reseau runs seeds 1, 2, …); peak memory is \
         each process's maximum resident set, graph included (reseau's during its selection). Target: reseau ≥ 2× SUBSIM's speed \
         at a spread at least theirs − 1%: met on {met} of {total}.\n\n\
         | graph | model | contest | reseau s | SUBSIM s | SUBSIM/reseau | reseau RR sets | SUBSIM RR sets | reseau spread | SUBSIM spread | Δ spread | reseau peak | SUBSIM peak | target |\n\
         |---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n{rows}",
        a.repeat, a.eval_runs
    );
    if let Some(dir) = a.out.parent() {
        std::fs::create_dir_all(dir).expect("creates the results folder");
    }
    std::fs::write(&a.out, &table).expect("writes the table");
    println!("{table}");
}
