//! Prints the tables of `docs/relays.md`: spread curves of every relay-selection method on the
//! arXiv hep-th co-authorship network (SNAP ca-HepTh, close to the `NetHEPT` graph of the
//! influence-maximisation literature), under IC p = 0.01, IC p = 0.1, the weighted cascade and
//! Linear Threshold, in the settings of Kempe, Kleinberg & Tardos (2003).
//!
//! Run with `cargo run --release --example relays` (a few minutes on two cores). Needs
//! `../shared/data/snap/ca-HepTh/CA-HepTh.txt`.
//!
//! `benches/compare/relays.py` also runs it as a command-line tool, to compare with peer
//! libraries before the Python binding has `select_relays` (every answer is one JSON line):
//!
//! ```text
//! relays select GRAPH MODEL METHOD EPSILON K SEED   # the relays (as labels), time, RR sets
//! relays evaluate GRAPH MODEL LABELS RUNS SEED      # Monte Carlo spread of comma-separated labels
//! relays pagerank GRAPH                             # PageRank of every person, by label, and time
//! ```
//!
//! GRAPH is an undirected SNAP edge list; MODEL is `ic:P` or `wc`.

use std::fmt::Write as _;
use std::time::Instant;

use reseau::cascade::{Model, SimulateRequest, simulate};
use reseau::io::{EdgeListOptions, read_edgelist};
use reseau::relays::{Method, RelaySelection, SelectRelaysRequest, select_relays};
use reseau::reputation::{ReputationRequest, Score, score};
use reseau::{CompiledNetwork, Network};

const HEPTH: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/snap/ca-HepTh/CA-HepTh.txt");
const KS: [usize; 6] = [1, 5, 10, 20, 30, 50];
const RUNS: u64 = 10_000;
const SEED: u64 = 2003;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if !args.is_empty() {
        command(&args);
        return;
    }
    let started = Instant::now();
    let net = read_edgelist(HEPTH, &EdgeListOptions::default()).expect("reads ca-HepTh");
    let view = net.compile();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "ca-HepTh: {} people, {} ties; Monte Carlo evaluation with {RUNS} runs, seed {SEED}.\n",
        view.num_people(),
        net.num_ties()
    );
    let models = [
        ("IC p = 0.01", Model::independent_cascade(0.01), true),
        ("IC p = 0.1", Model::independent_cascade(0.1), false),
        ("weighted cascade", Model::weighted_cascade(), true),
        ("linear threshold", Model::linear_threshold(), false),
    ];
    for (name, model, with_celf) in models {
        curves(&mut out, &view, name, &model, with_celf);
    }
    let _ = writeln!(out, "Total time: {:.0} s.", started.elapsed().as_secs_f64());
    print!("{out}");
}

/// The mean spread of `relays` over [`RUNS`] cascades.
fn spread(view: &CompiledNetwork, relays: &[u32], model: &Model) -> f64 {
    simulate(
        view,
        &SimulateRequest::new(relays.to_vec()).model(model.clone()).runs(RUNS).seed(SEED),
    )
    .expect("runs")
    .total
    .mean
}

fn select(
    view: &CompiledNetwork,
    k: usize,
    model: &Model,
    method: Method,
) -> (RelaySelection, f64) {
    let options = SelectRelaysRequest {
        k: Some(k),
        model: model.clone(),
        method,
        evaluation_runs: 0,
        celf_runs: 1_000,
        ..SelectRelaysRequest::default()
    };
    let t = Instant::now();
    let chosen = select_relays(view, &SelectRelaysRequest { seed: SEED, ..options.clone() })
        .expect("selects");
    (chosen, t.elapsed().as_secs_f64())
}

fn curves(out: &mut String, view: &CompiledNetwork, name: &str, model: &Model, with_celf: bool) {
    let mut columns: Vec<(&str, Vec<f64>)> = Vec::new();
    let mut notes = String::new();
    // IMM and OPIM-C afresh for each k, as their sample sizes depend on k.
    for (label, method) in [("IMM", Method::Imm), ("OPIM-C", Method::OpimC)] {
        let mut values = Vec::new();
        for &k in &KS {
            let (chosen, seconds) = select(view, k, model, method);
            values.push(spread(view, &chosen.relays, model));
            if k == 50 {
                let _ = write!(
                    notes,
                    "{label} at k = 50: {seconds:.2} s, {} RR sets, estimated {:.1}, \
                     approximation ≥ {:.3}. ",
                    chosen.samples,
                    chosen.estimated_spread.unwrap_or(f64::NAN),
                    chosen.approximation.unwrap_or(f64::NAN)
                );
            }
        }
        columns.push((label, values));
    }
    // The others choose in an order that does not depend on k: one run, then its prefixes.
    let mut prefixed = vec![
        ("degree", Method::Degree),
        ("degree discount", Method::DegreeDiscount),
        ("PageRank", Method::Pagerank),
        ("random", Method::Random),
    ];
    if with_celf {
        prefixed.insert(0, ("CELF", Method::Celf));
    }
    for (label, method) in prefixed {
        let (chosen, seconds) = select(view, 50, model, method);
        if method == Method::Celf {
            let _ = write!(notes, "CELF (1,000 runs per estimate) at k = 50: {seconds:.1} s. ");
        }
        let values = KS.iter().map(|&k| spread(view, &chosen.relays[..k], model)).collect();
        columns.push((label, values));
    }
    let _ = writeln!(out, "### {name}\n");
    let header: Vec<&str> = columns.iter().map(|c| c.0).collect();
    let _ = writeln!(out, "| k | {} |", header.join(" | "));
    let _ = writeln!(out, "|---:|{}", "---:|".repeat(columns.len()));
    for (i, k) in KS.iter().enumerate() {
        let cells: Vec<String> = columns.iter().map(|c| format!("{:.1}", c.1[i])).collect();
        let _ = writeln!(out, "| {k} | {} |", cells.join(" | "));
    }
    let imm = &columns[0].1;
    let best_heuristic = columns
        .iter()
        .filter(|c| matches!(c.0, "degree" | "degree discount" | "PageRank"))
        .map(|c| c.1[KS.len() - 1])
        .fold(0.0, f64::max);
    let degree = columns.iter().find(|c| c.0 == "degree").map_or(f64::NAN, |c| c.1[KS.len() - 1]);
    let _ = writeln!(
        out,
        "\nAt k = 50, IMM is {:+.1}% against high degree and {:+.1}% against the best heuristic; \
         one relay alone reaches {:.2}% of the network. {notes}\n",
        100.0 * (imm[KS.len() - 1] / degree - 1.0),
        100.0 * (imm[KS.len() - 1] / best_heuristic - 1.0),
        100.0 * imm[0] / view.num_people() as f64,
    );
}

/// The command-line tool (see the module's documentation).
fn command(args: &[String]) {
    let usage = "usage: relays [select GRAPH MODEL METHOD EPSILON K SEED | evaluate GRAPH MODEL \
                 LABELS RUNS SEED | pagerank GRAPH]";
    let arg = |i: usize| args.get(i).map_or_else(|| panic!("{usage}"), String::as_str);
    let net: Network = read_edgelist(arg(1), &EdgeListOptions::default()).expect("reads");
    let view = net.compile();
    let labels = net.labels();
    let model = || match arg(2) {
        "wc" => Model::weighted_cascade(),
        m => Model::independent_cascade(
            m.strip_prefix("ic:").and_then(|p| p.parse().ok()).unwrap_or_else(|| panic!("{usage}")),
        ),
    };
    let quoted = |ids: &mut dyn Iterator<Item = u32>| {
        ids.map(|v| format!("{:?}", labels[v as usize])).collect::<Vec<_>>().join(", ")
    };
    match arg(0) {
        "select" => {
            let method: Method = serde_json::from_str(&format!("{:?}", arg(3))).expect("a method");
            let options = SelectRelaysRequest {
                k: Some(arg(5).parse().expect("k")),
                model: model(),
                method,
                epsilon: arg(4).parse().expect("epsilon"),
                evaluation_runs: 0,
                ..SelectRelaysRequest::default()
            };
            let t = Instant::now();
            let chosen = select_relays(
                &view,
                &SelectRelaysRequest { seed: arg(6).parse().expect("seed"), ..options.clone() },
            )
            .expect("selects");
            let seconds = t.elapsed().as_secs_f64();
            println!(
                "{{\"relays\": [{}], \"seconds\": {seconds}, \"samples\": {}}}",
                quoted(&mut chosen.relays.iter().copied()),
                chosen.samples
            );
        }
        "evaluate" => {
            let ids: Vec<u32> = arg(3)
                .split(',')
                .map(|l| labels.iter().position(|x| x == l).expect("a known label") as u32)
                .collect();
            let runs = arg(4).parse().expect("runs");
            let s = simulate(
                &view,
                &SimulateRequest::new(ids)
                    .model(model().clone())
                    .runs(runs)
                    .seed(arg(5).parse().expect("seed")),
            )
            .expect("runs");
            println!("{{\"mean\": {}, \"std\": {}}}", s.total.mean, s.total.std);
        }
        "pagerank" => {
            let t = Instant::now();
            let p = score(
                &view,
                &ReputationRequest {
                    method: Some(Score::Pagerank),
                    layer: None,
                    ..Default::default()
                },
            )
            .expect("ranks");
            let seconds = t.elapsed().as_secs_f64();
            let pairs: Vec<String> =
                labels.iter().zip(&p).map(|(l, x)| format!("{l:?}: {x:e}")).collect();
            println!("{{\"seconds\": {seconds}, \"pagerank\": {{{}}}}}", pairs.join(", "));
        }
        _ => panic!("{usage}"),
    }
}
