//! RR-set sampling and relay selection under Independent Cascade with skewed per-tie
//! probabilities, for `docs/performance/subset_sampling.md`: one process per measure, run by
//! `benches/compare/subset_sampling.py` with the binaries of two builds (main's sampler, one
//! draw per tie; this branch's, bucketed subset sampling) alternating.
//!
//! Every graph is made directed (an undirected tie becomes two, each with its own
//! probability) and each directed tie drawn a probability from a fixed seed:
//! `trivalency` picks 0.1, 0.01 or 0.001 uniformly; `exponential` draws Exp(1) weights and
//! divides each by the total into its target (the in-probabilities of a person sum to 1, as
//! the subset-sampling literature's exponential setting has them); `scaled` is trivalency
//! times 8 / in-degree of the target (at most 1).
//!
//! Usage: `subset-sampling --graph NAME --work rr|opim|imm [--probabilities trivalency|scaled|exponential]
//! [--shared DIR] [--samples N]` (OPIM-C: k = 50, ε = 0.1; IMM: k = 50, ε = 0.5; RR
//! sampling alone: the influence score's N RR sets, default 10^6). Graphs: `ego-Facebook`, `email-Enron` (SNAP files under
//! `--shared`, default `../shared` beside the repository), `BA-2e5` (Barabási–Albert, 2·10^5
//! people, m = 5), `in-D` (2·10^4 people, each with D incoming ties from uniform random
//! sources). Prints `key=value` lines: `cpu` (processor seconds of the work alone, one
//! thread), `cpu_fixed` (RR sampling alone: the same work for 256 sets, the live graph's
//! construction for the most part), `samples` (RR sets drawn), `ties` (directed ties), `relays`.

use std::path::{Path, PathBuf};

use reseau::cascade::Model;
use reseau::io::{EdgeListOptions, read_edgelist};
use reseau::relays::{Method, SelectRelaysRequest, select_relays};
use reseau::reputation::{ReputationRequest, Score, score};
use reseau::rng::Stream;
use reseau::{CompiledNetwork, Layer, Network, PersonId, TieSpec};

/// Processor time of the whole process so far (every thread), in seconds.
fn process_cpu() -> f64 {
    let mut total = 0.0;
    for task in std::fs::read_dir("/proc/self/task").expect("Linux /proc") {
        let text = std::fs::read_to_string(task.expect("a task").path().join("schedstat"))
            .expect("schedstat");
        total += text.split_whitespace().next().and_then(|x| x.parse::<f64>().ok()).unwrap_or(0.0)
            * 1e-9;
    }
    total
}

/// The directed ties of `graph`, as (source, target) pairs, and the number of people.
fn ties(graph: &str, shared: &Path) -> (usize, Vec<(u32, u32)>) {
    let both = |net: &Network| {
        let mut out = Vec::with_capacity(2 * net.num_ties());
        for t in net.ties() {
            let (a, b) = (t.source.0, t.target.0);
            out.extend([(a, b), (b, a)]);
        }
        (net.num_people(), out)
    };
    match graph {
        "ego-Facebook" | "email-Enron" => {
            let file = if graph == "ego-Facebook" {
                "data/snap/ego-Facebook/facebook_combined.txt"
            } else {
                "data/snap/email-Enron/Email-Enron.txt"
            };
            let path = shared.join(file);
            assert!(path.exists(), "{} not found", path.display());
            both(&read_edgelist(&path, &EdgeListOptions::default()).expect("parses"))
        }
        "BA-2e5" => both(&reseau::generators::barabasi_albert(200_000, 5, 1).expect("generates")),
        _ => {
            let d: u64 = graph.strip_prefix("in-").and_then(|d| d.parse().ok()).expect("a graph");
            let n = 20_000u64;
            let mut rng = Stream::new(2, 0);
            let mut out = Vec::new();
            for v in 0..n as u32 {
                let mut sources: Vec<u32> = Vec::new();
                while sources.len() < d as usize {
                    let u = rng.below(n) as u32;
                    if u != v && !sources.contains(&u) {
                        sources.push(u);
                    }
                }
                out.extend(sources.into_iter().map(|u| (u, v)));
            }
            (n as usize, out)
        }
    }
}

/// `ties` with their probabilities drawn as `kind` says, as a compiled directed network.
fn network(n: usize, ties: &[(u32, u32)], kind: &str) -> CompiledNetwork {
    let mut rng = Stream::new(7, 0);
    let probabilities: Vec<f64> = match kind {
        "trivalency" => ties.iter().map(|_| [0.1, 0.01, 0.001][rng.below(3) as usize]).collect(),
        "scaled" => {
            // Trivalency times 8 / in-degree: 0.3 live in-ties expected per person whatever
            // their in-degree, so that RR sets stay small and the draws are what is timed.
            let mut degree = vec![0u32; n];
            for &(_, v) in ties {
                degree[v as usize] += 1;
            }
            ties.iter()
                .map(|&(_, v)| {
                    let scale = (8.0 / f64::from(degree[v as usize])).min(1.0);
                    [0.1, 0.01, 0.001][rng.below(3) as usize] * scale
                })
                .collect()
        }
        "exponential" => {
            let weights: Vec<f64> = ties.iter().map(|_| -(1.0 - rng.uniform()).ln()).collect();
            let mut total = vec![0.0; n];
            for (&(_, v), w) in ties.iter().zip(&weights) {
                total[v as usize] += w;
            }
            ties.iter().zip(&weights).map(|(&(_, v), w)| w / total[v as usize]).collect()
        }
        _ => panic!("probabilities: trivalency, scaled or exponential"),
    };
    let mut net = Network::new();
    net.add_layer(Layer::digital("ties").directed(true)).expect("a layer");
    net.add_people(n).expect("people");
    for (&(a, b), &p) in ties.iter().zip(&probabilities) {
        let spec = TieSpec::weight(1.0).probability(p);
        net.add_tie_spec(PersonId(a), PersonId(b), "ties", spec).expect("a tie");
    }
    net.compile()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut graph, mut work, mut kind) = (String::new(), String::new(), "trivalency".to_owned());
    let mut shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared");
    let mut samples = 1_000_000u64;
    while let Some(flag) = args.next() {
        let value = args.next().expect("a value after each flag");
        match flag.as_str() {
            "--graph" => graph = value,
            "--work" => work = value,
            "--probabilities" => kind = value,
            "--shared" => shared = PathBuf::from(value),
            "--samples" => samples = value.parse().expect("a number"),
            _ => panic!("unknown flag {flag}"),
        }
    }
    let (n, list) = ties(&graph, &shared);
    let net = network(n, &list, &kind);
    let model = Model::independent_cascade(0.5); // every tie has its own probability
    let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("a pool");
    if work == "rr" {
        // The fixed cost (the live graph's construction, the counting): one block of sets.
        let request = ReputationRequest {
            model: model.clone(),
            samples: 256,
            ..ReputationRequest::score(Score::Influence)
        };
        let cpu0 = process_cpu();
        pool.install(|| score(&net, &request).expect("scores"));
        println!("cpu_fixed={}", process_cpu() - cpu0);
    }
    let cpu0 = process_cpu();
    let (drawn, relays) = pool.install(|| match work.as_str() {
        "rr" => {
            let request = ReputationRequest {
                model: model.clone(),
                samples,
                ..ReputationRequest::score(Score::Influence)
            };
            let scores = score(&net, &request).expect("scores");
            (samples, format!("{:.3}", scores.iter().copied().fold(0.0, f64::max)))
        }
        "opim" | "imm" => {
            let request = SelectRelaysRequest {
                k: Some(50),
                model: model.clone(),
                method: if work == "imm" { Method::Imm } else { Method::OpimC },
                // IMM's bound at ε = 0.1 needs 10^6 sets and more here: 0.5, as IMM's own
                // experiments use.
                epsilon: if work == "imm" { 0.5 } else { 0.1 },
                evaluation_runs: 0,
                seed: 1,
                ..SelectRelaysRequest::default()
            };
            let s = select_relays(&net, &request).expect("selects");
            let relays: Vec<String> = s.relays.iter().map(u32::to_string).collect();
            (s.samples, relays.join(","))
        }
        _ => panic!("--work rr, opim or imm"),
    });
    let cpu = process_cpu() - cpu0;
    println!("cpu={cpu}");
    println!("samples={drawn}");
    println!("ties={}", list.len());
    println!("relays={relays}");
}
