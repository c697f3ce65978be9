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
//! Usage: `subsim-side --subsim DIR [--shared DIR] [--out FILE.md] [--repeat N] [--hist]
//! [--hist-only] [--graphs a,b,…] [--eval-runs N]`; writes the table to FILE.md and every
//! measure to FILE.json (read by `harness.py`). A SUBSIM run that dies says how ("crashed
//! (signal 11)"). The SNAP graphs skip, saying so, when `--shared`
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
const USAGE: &str = "usage: subsim-side --subsim DIR [--shared DIR] [--out FILE.md] [--repeat N] \
    [--hist] [--hist-only] [--graphs ego-Facebook,ca-HepTh,email-Enron,BA-1e6] [--eval-runs N]\n\
    writes FILE.md (the table) and FILE.json (every measure)";
/// reseau's memory budget per selection, in bytes.
const MAX_MEMORY: u64 = 4 << 30;

/// The network named `graph` (a SNAP file under `shared`, or the generated BA network).
fn network(graph: &str, shared: &Path) -> Option<CompiledNetwork> {
    if graph == BA {
        // Straight to the compiled view (no editable network): 10^6 people, m = 5.
        return Some(
            reseau::generators::barabasi_albert_compiled(1_000_000, 5, 1).expect("generates"),
        );
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
        // With `-o`, GNU time writes "Command terminated by signal 11" to its file.
        let said = std::fs::read_to_string(&mem_file).unwrap_or_default();
        let err = String::from_utf8_lossy(&out.stderr);
        let how = said
            .lines()
            .chain(err.lines())
            .find(|l| l.contains("Command "))
            .unwrap_or("")
            .trim()
            .to_owned();
        eprintln!("{program:?} failed ({}): {how}", out.status);
        return Err(ended(&how, out.status));
    }
    let kb: u64 = std::fs::read_to_string(&mem_file)
        .ok()
        .and_then(|t| t.lines().last().and_then(|l| l.trim().parse().ok()))
        .unwrap_or(0);
    Ok((text, kb * 1024))
}

/// How a failed child ended, from `/usr/bin/time`'s last line ("Command terminated by signal
/// 11", "Command exited with non-zero status 1"): "crashed (signal 11)", "exited with status 1".
fn ended(how: &str, status: std::process::ExitStatus) -> String {
    let last = |l: &str| l.split_whitespace().last().and_then(|w| w.parse::<i32>().ok());
    if how.contains("terminated by signal") {
        if let Some(sig) = last(how) {
            return format!("crashed (signal {sig})");
        }
    }
    if how.contains("non-zero status") {
        if let Some(code) = last(how) {
            return format!("exited with status {code}");
        }
    }
    // GNU time exits with 128 + the signal that killed its child.
    match status.code() {
        Some(code) if code > 128 => format!("crashed (signal {})", code - 128),
        _ => format!("failed ({status})"),
    }
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
    /// The options as given, for the table's heading (the paths left out).
    argv: Vec<String>,
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
        argv: Vec::new(),
    };
    // The options for the heading, without the paths (they differ between machines).
    let given: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < given.len() {
        if matches!(given[i].as_str(), "--subsim" | "--shared" | "--out") {
            i += 2;
        } else {
            a.argv.push(given[i].clone());
            i += 1;
        }
    }
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
            "--help" | "-h" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            other => panic!("unknown option {other}\n{USAGE}"),
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

/// One configuration's measures, both contenders.
struct Row {
    graph: String,
    model: String,
    hist: bool,
    ours: Side,
    theirs: Side,
    /// Monte Carlo spread (mean, standard error) of each side's choices.
    ours_spread: Option<(f64, f64)>,
    theirs_spread: Option<(f64, f64)>,
}

impl Row {
    /// SUBSIM's time over reseau's (both wall clock: SUBSIM measures only that), if both ran.
    fn ratio(&self) -> Option<f64> {
        (self.ours.error.is_none() && !self.theirs.relays.is_empty())
            .then(|| median(&self.theirs.times) / median(&self.ours.times))
    }

    /// reseau's spread against SUBSIM's, in percent.
    fn delta(&self) -> Option<f64> {
        let ((a, _), (b, _)) = (self.ours_spread?, self.theirs_spread?);
        Some((a - b) / b * 100.0)
    }

    /// The target: at least twice SUBSIM's speed at a spread no lower than theirs − 1%.
    fn met(&self) -> bool {
        self.ratio().is_some_and(|r| r >= 2.0) && self.delta().is_some_and(|d| d >= -1.0)
    }

    fn model_label(&self) -> String {
        if self.model == "wc" { "WC".to_owned() } else { self.model.replace("ic:", "IC p = ") }
    }

    fn markdown(&self) -> String {
        let opt = |v: Option<String>| v.unwrap_or_else(|| "—".to_owned());
        let spread = |s: Option<(f64, f64)>| opt(s.map(|(m, e)| format!("{m:.1} ± {e:.1}")));
        let mb =
            |b: u64| if b == 0 { "—".to_owned() } else { format!("{:.0} MB", b as f64 / 1e6) };
        let ours = match &self.ours.error {
            Some(e) => format!("refused: {e}"),
            None => format!("{:.4} ({:.4} CPU)", median(&self.ours.times), median(&self.ours.cpus)),
        };
        let theirs = if self.theirs.relays.is_empty() {
            self.theirs.error.clone().unwrap_or_else(|| "no result".to_owned())
        } else {
            format!("{:.4}", median(&self.theirs.times))
        };
        let count =
            |side: &Side| if side.rrsets == 0 { "—".to_owned() } else { side.rrsets.to_string() };
        format!(
            "| {} | {} | {} | {ours} | {theirs} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
            self.graph,
            self.model_label(),
            if self.hist { "HIST vs HIST" } else { "OPIM-C vs SUBSIM" },
            opt(self.ratio().map(|r| format!("{r:.2}×"))),
            count(&self.ours),
            count(&self.theirs),
            spread(self.ours_spread),
            spread(self.theirs_spread),
            opt(self.delta().map(|d| format!("{d:+.2}%"))),
            mb(self.ours.peak),
            mb(self.theirs.peak),
            if self.met() { "met" } else { "**missed**" },
        )
    }

    /// The row as one JSON object (read by `harness.py` for the issue-16 targets table).
    fn json(&self) -> String {
        let num = |v: Option<f64>| {
            v.filter(|x| x.is_finite()).map_or("null".to_owned(), |x| format!("{x}"))
        };
        let text = |v: &Option<String>| v.as_ref().map_or("null".to_owned(), |e| format!("{e:?}"));
        let times = |s: &Side| (!s.times.is_empty()).then(|| median(&s.times));
        format!(
            "{{\"graph\": {:?}, \"model\": {:?}, \"contest\": {:?}, \"reseau_wall\": {}, \
             \"reseau_cpu\": {}, \"subsim_wall\": {}, \"ratio\": {}, \"reseau_rrsets\": {}, \
             \"subsim_rrsets\": {}, \"reseau_spread\": {}, \"reseau_se\": {}, \
             \"subsim_spread\": {}, \"subsim_se\": {}, \"delta_percent\": {}, \
             \"reseau_peak_bytes\": {}, \"subsim_peak_bytes\": {}, \"reseau_error\": {}, \
             \"subsim_error\": {}, \"met\": {}}}",
            self.graph,
            self.model,
            if self.hist { "hist" } else { "opim_c" },
            num(times(&self.ours)),
            num((!self.ours.cpus.is_empty()).then(|| median(&self.ours.cpus))),
            num(times(&self.theirs)),
            num(self.ratio()),
            self.ours.rrsets,
            self.theirs.rrsets,
            num(self.ours_spread.map(|s| s.0)),
            num(self.ours_spread.map(|s| s.1)),
            num(self.theirs_spread.map(|s| s.0)),
            num(self.theirs_spread.map(|s| s.1)),
            num(self.delta()),
            self.ours.peak,
            self.theirs.peak,
            text(&self.ours.error),
            text(&if self.theirs.relays.is_empty() { self.theirs.error.clone() } else { None }),
            self.met()
        )
    }
}

/// One configuration, both contenders alternating (the order swapping each repetition).
fn compare(
    a: &Args,
    me: &Path,
    graph: &str,
    net: &CompiledNetwork,
    model_name: &str,
    hist: bool,
) -> Row {
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
    let run_ours = |repeat: usize, ours: &mut Side| {
        if ours.error.is_some() {
            return;
        }
        let mut child = Command::new(me);
        child
            .env("RAYON_NUM_THREADS", "1")
            .arg("--child")
            .arg(graph)
            .arg(model_name)
            .arg(&a.shared)
            .arg((repeat + 1).to_string())
            .arg(if hist { "hist" } else { "opim_c" });
        let text = match run_timed(&mut child, &a.subsim) {
            Ok((text, _)) => text,
            Err(how) => {
                ours.error = Some(how);
                return;
            }
        };
        if let Some(e) = field(&text, "error=") {
            ours.error = Some(e.to_owned());
            return;
        }
        ours.times.push(number(&text, "time="));
        ours.cpus.push(number(&text, "cpu="));
        ours.rrsets = number(&text, "rrsets=") as u64;
        ours.relays.push(parse_relays(field(&text, "relays=").unwrap_or("")));
        ours.peak = ours.peak.max(number(&text, "peak=") as u64);
    };
    for repeat in 0..a.repeat {
        if repeat % 2 == 0 {
            run_subsim(&a.subsim, &name, hist, &seeds_file, &mut theirs);
            run_ours(repeat, &mut ours);
        } else {
            run_ours(repeat, &mut ours);
            run_subsim(&a.subsim, &name, hist, &seeds_file, &mut theirs);
        }
    }
    // Each run's choice scored with an equal share of the evaluation runs: the mean is the
    // method's expected spread, not one lucky or unlucky draw's.
    let runs = (a.eval_runs / a.repeat.max(1) as u64).max(100);
    let score = |choices: &[Vec<u32>]| {
        if choices.is_empty() {
            return None;
        }
        let (mut mean, mut var) = (0.0, 0.0);
        for relays in choices {
            let req =
                SimulateRequest::new(relays.clone()).model(model(model_name)).runs(runs).seed(2);
            let s = simulate(net, &req).expect("simulates");
            mean += s.total.mean;
            var += s.total.std * s.total.std / runs as f64;
        }
        let c = choices.len() as f64;
        Some((mean / c, var.sqrt() / c))
    };
    let row = Row {
        graph: graph.to_owned(),
        model: model_name.to_owned(),
        hist,
        ours_spread: score(&ours.relays),
        theirs_spread: score(&theirs.relays),
        ours,
        theirs,
    };
    eprintln!("{}", row.markdown().trim());
    row
}

/// The number after `key` in `text`, NaN when absent.
fn number(text: &str, key: &str) -> f64 {
    field(text, key).and_then(|t| t.parse().ok()).unwrap_or(f64::NAN)
}

/// The one-minute load average (Linux), NaN elsewhere.
fn load_average() -> f64 {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|t| t.split_whitespace().next()?.parse().ok())
        .unwrap_or(f64::NAN)
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
    let load_start = load_average();
    let started = Instant::now();
    let mut rows = Vec::new();
    let mut last_graph: Option<(String, CompiledNetwork)> = None;
    for (graph, model_name, hist) in configs {
        if last_graph.as_ref().is_none_or(|(g, _)| *g != graph) {
            drop(last_graph.take()); // free the last graph before building the next
            last_graph = network(&graph, &a.shared).map(|n| (graph.clone(), n));
        }
        let Some((_, net)) = &last_graph else { continue };
        rows.push(compare(&a, &me, &graph, net, model_name, hist));
    }
    let load_end = load_average();
    let met = rows.iter().filter(|r| r.met()).count();
    let body: String = rows.iter().map(Row::markdown).collect();
    let table = format!(
        "## Relay selection against SUBSIM\n\n\
         `subsim-side {}`: k = {K}, ε = {EPSILON}, δ = 1/n, one thread each; median of {} alternating runs \
         ({:.1} minutes; load average {load_start:.1} at the start, {load_end:.1} at the end). Times are \
         each program's own wall-clock measure of its selection, the graph loaded (SUBSIM reports only \
         that; reseau's processor time beside it), and the ratio is of wall times; RR sets are both \
         collections' (R1 and R2, as SUBSIM counts them); spread is the mean over the runs' choices of \
         reseau's Monte Carlo ({} runs in all, seed 2; SUBSIM's choice varies from run to run by itself, \
         reseau runs seeds 1, 2, …); peak memory is each process's maximum resident set, graph included \
         (reseau's during its selection). Target: reseau ≥ 2× SUBSIM's speed at a spread at least \
         theirs − 1%: met on {met} of {}.\n\n\
         | graph | model | contest | reseau s | SUBSIM s | SUBSIM/reseau | reseau RR sets | SUBSIM RR sets | reseau spread | SUBSIM spread | Δ spread | reseau peak | SUBSIM peak | target |\n\
         |---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n{body}",
        a.argv.join(" "),
        a.repeat,
        started.elapsed().as_secs_f64() / 60.0,
        a.eval_runs,
        rows.len(),
    );
    if let Some(dir) = a.out.parent() {
        std::fs::create_dir_all(dir).expect("creates the results folder");
    }
    std::fs::write(&a.out, &table).expect("writes the table");
    let json = format!(
        "{{\"command\": {:?}, \"repeat\": {}, \"eval_runs\": {}, \"load_start\": {load_start}, \
         \"load_end\": {load_end}, \"rows\": [\n{}\n]}}\n",
        format!("subsim-side {}", a.argv.join(" ")),
        a.repeat,
        a.eval_runs,
        rows.iter().map(Row::json).collect::<Vec<_>>().join(",\n")
    );
    std::fs::write(a.out.with_extension("json"), json).expect("writes the JSON");
    println!("{table}");
}
