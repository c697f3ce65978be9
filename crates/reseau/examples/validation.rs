//! Prints the validation tables of `docs/validation.md`: Monte Carlo spreads against exact
//! and analytic results.
//!
//! Run with `cargo run --release --example validation`.

use std::fmt::Write as _;

use reseau::cascade::{
    ExactSpreadRequest, LayerSettings, Model, Seeds, SimulateRequest, exact_spread, simulate,
};
use reseau::rng::Stream;
use reseau::{CompiledNetwork, Layer, Network, PersonId, TieSpec, generators};

const RUNS: u64 = 10_000;

fn main() {
    let mut out = String::new();
    trees(&mut out);
    small_graphs(&mut out);
    percolation(&mut out);
    conjoined(&mut out);
    print!("{out}");
}

/// "yes" when `exact` lies within the Monte Carlo 99.9% interval (3.29 standard errors).
fn verdict(mean: f64, std: f64, runs: u64, exact: f64) -> &'static str {
    if (mean - exact).abs() <= 3.29 * std / (runs as f64).sqrt() + 1e-9 { "yes" } else { "NO" }
}

fn trees(w: &mut String) {
    let _ = writeln!(w, "## Complete k-ary trees: Σ_d (k·p)^d\n");
    let _ = writeln!(w, "| k | depth | p | exact | Monte Carlo ({RUNS} runs) | 95% CI | agree |");
    let _ = writeln!(w, "|---:|---:|---:|---:|---:|---|---|");
    for (k, depth, p) in [(2u32, 10u32, 0.3), (2, 10, 0.5), (3, 7, 0.3), (4, 6, 0.25), (5, 5, 0.15)]
    {
        let mut net = Network::new();
        net.add_layer(Layer::physical("tree").directed(true)).expect("a layer");
        let n: u32 = (0..=depth).map(|d| k.pow(d)).sum();
        net.add_people(n as usize).expect("people");
        for child in 1..n {
            net.add_tie(PersonId((child - 1) / k), PersonId(child), "tree", 1.0).expect("a tie");
        }
        let exact: f64 = (0..=depth).map(|d| (f64::from(k) * p).powf(f64::from(d))).sum();
        let s = simulate(
            &net.compile(),
            &SimulateRequest::new(vec![0]).model(Model::independent_cascade(p)).runs(RUNS).seed(1),
        )
        .expect("runs");
        let t = &s.total;
        let _ = writeln!(
            w,
            "| {k} | {depth} | {p} | {exact:.4} | {:.4} | {:.4} – {:.4} | {} |",
            t.mean,
            t.ci95[0],
            t.ci95[1],
            verdict(t.mean, t.std, RUNS, exact)
        );
    }
}

/// A small random multiplex with weights and own probabilities.
fn small(seed: u64) -> Network {
    let mut rng = Stream::new(seed, 99);
    let mut net = Network::new();
    net.add_layer(Layer::physical("office")).expect("a layer");
    net.add_layer(Layer::digital("mail").directed(true)).expect("a layer");
    net.add_people(7).expect("people");
    while net.num_directed_ties() < 14 {
        let (a, b) = (rng.below(7) as u32, rng.below(7) as u32);
        if a != b {
            let layer = if rng.bernoulli(0.5) { "office" } else { "mail" };
            let spec =
                TieSpec::weight(1.0 + rng.below(3) as f64).probability(0.1 + 0.8 * rng.uniform());
            net.add_tie_spec(PersonId(a), PersonId(b), layer, spec).expect("a tie");
        }
    }
    net
}

fn small_graphs(w: &mut String) {
    let _ = writeln!(w, "\n## Small random multiplex networks: every live-edge graph enumerated\n");
    let _ =
        writeln!(w, "7 people, 14 directed ties on two layers (one directed), ties with their own");
    let _ = writeln!(w, "probabilities and weights 1–3; seed person 0.\n");
    let _ = writeln!(w, "| network | model | exact | Monte Carlo ({RUNS} runs) | 95% CI | agree |");
    let _ = writeln!(w, "|---:|---|---:|---:|---|---|");
    for case in 0..4 {
        let view = small(case).compile();
        for (name, model) in [
            ("IC", Model::independent_cascade(0.5)),
            ("weighted cascade", Model::weighted_cascade()),
            ("LT", Model::linear_threshold()),
        ] {
            let seeds = Seeds::from(vec![0]);
            let exact =
                exact_spread(&view, &ExactSpreadRequest::campaigns(&seeds).model(model.clone()))
                    .expect("small enough");
            let t = simulate(
                &view,
                &SimulateRequest::campaigns(&seeds).model(model.clone()).runs(RUNS).seed(case),
            )
            .expect("runs")
            .total;
            let _ = writeln!(
                w,
                "| {case} | {name} | {exact:.4} | {:.4} | {:.4} – {:.4} | {} |",
                t.mean,
                t.ci95[0],
                t.ci95[1],
                verdict(t.mean, t.std, RUNS, exact)
            );
        }
    }
}

/// Mean spread from `seeds` random seed people, `runs` each.
fn from_random_seeds(view: &CompiledNetwork, model: &Model, seeds: u32, runs: u64) -> (f64, f64) {
    // A different sample of seed people for every model, so that rows are independent.
    let mut rng =
        Stream::new(11, model.probability.to_bits() ^ u64::from(model.layers.len() as u32));
    let means: Vec<f64> = (0..seeds)
        .map(|i| {
            let s = rng.below(view.num_people() as u64) as u32;
            simulate(
                view,
                &SimulateRequest::new(vec![s]).model(model.clone()).runs(runs).seed(u64::from(i)),
            )
            .expect("runs")
            .total
            .mean
        })
        .collect();
    let mean = means.iter().sum::<f64>() / f64::from(seeds);
    let var = means.iter().map(|m| (m - mean).powi(2)).sum::<f64>() / f64::from(seeds - 1);
    (mean, (var / f64::from(seeds)).sqrt())
}

fn percolation(w: &mut String) {
    let n = 20_000;
    let net = generators::erdos_renyi(n, 4.0, 1).expect("generates");
    let view = net.compile();
    // The predictions use the graph's own degree moments: c = ⟨k⟩ and c₂ = ⟨k²⟩ − ⟨k⟩.
    let degrees = net.degrees(None);
    let c = degrees.iter().map(|&d| f64::from(d)).sum::<f64>() / n as f64;
    let c2 = degrees.iter().map(|&d| f64::from(d) * (f64::from(d) - 1.0)).sum::<f64>() / n as f64;
    let _ = writeln!(w, "\n## Bond percolation on Erdős–Rényi graphs (Newman 2002)\n");
    let _ = writeln!(
        w,
        "G(n, 4/n) with n = {n}; its degrees have ⟨k⟩ = {c:.4} and ⟨k²⟩ − ⟨k⟩ = {c2:.4}. One random seed"
    );
    let _ = writeln!(
        w,
        "person: 4,000 seed people × 5 runs below the threshold, 400 × 2 above. Below the"
    );
    let _ = writeln!(
        w,
        "threshold the mean cascade is 1 + ⟨k⟩p / (1 − p(⟨k²⟩ − ⟨k⟩)/⟨k⟩), which is 1 / (1 − c·p)"
    );
    let _ = writeln!(w, "for Poisson degrees; above it, about S²·n with S = 1 − exp(−c·p·S).\n");
    let _ = writeln!(w, "| p | c·p | predicted | measured | standard error | relative gap |");
    let _ = writeln!(w, "|---:|---:|---:|---:|---:|---:|");
    for p in [0.05, 0.1, 0.15, 0.2, 0.375, 0.5, 0.75] {
        let cp = c * p;
        let predicted = if cp < 1.0 {
            1.0 + c * p / (1.0 - p * c2 / c)
        } else {
            let mut s = 0.5f64;
            for _ in 0..500 {
                s = 1.0 - (-cp * s).exp();
            }
            s * s * n as f64
        };
        let (seeds, runs) = if cp < 1.0 { (4000, 5) } else { (400, 2) };
        let (mean, se) = from_random_seeds(&view, &Model::independent_cascade(p), seeds, runs);
        let _ = writeln!(
            w,
            "| {p} | {cp:.3} | {predicted:.2} | {mean:.2} | {se:.2} | {:+.1}% |",
            100.0 * (mean / predicted - 1.0)
        );
    }
}

fn conjoined(w: &mut String) {
    let n = 5_000;
    let mut net = Network::new();
    net.add_layer(Layer::physical("offline")).expect("a layer");
    net.add_layer(Layer::digital("online")).expect("a layer");
    net.add_people(n).expect("people");
    for (layer, seed) in [("offline", 1), ("online", 2)] {
        let er = generators::erdos_renyi(n, 3.5, seed).expect("generates");
        for t in er.ties() {
            net.add_tie(t.source, t.target, layer, 1.0).expect("a tie");
        }
    }
    let view = net.compile();
    let off = |layer: &str| {
        Model::independent_cascade(0.2)
            .layer(layer, LayerSettings { enabled: false, ..Default::default() })
    };
    let _ = writeln!(
        w,
        "\n## Two layers that cannot spread alone spread together (Yağan et al. 2013)\n"
    );
    let _ = writeln!(
        w,
        "{n} people; two independent G(n, 3.5/n) layers; IC with p = 0.2, so c·p = 0.7 in each"
    );
    let _ = writeln!(w, "layer alone and 1.4 on both; one random seed person.\n");
    let _ =
        writeln!(w, "| layers used | c·p | mean spread | standard error | share of the network |");
    let _ = writeln!(w, "|---|---:|---:|---:|---:|");
    for (name, model, cp, seeds, runs) in [
        ("offline only", off("online"), 0.7, 200, 20),
        ("online only", off("offline"), 0.7, 200, 20),
        ("both", Model::independent_cascade(0.2), 1.4, 60, 10),
    ] {
        let (mean, se) = from_random_seeds(&view, &model, seeds, runs);
        let _ = writeln!(
            w,
            "| {name} | {cp} | {mean:.1} | {se:.1} | {:.1}% |",
            100.0 * mean / n as f64
        );
    }
}
