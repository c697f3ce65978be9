//! Golden values shared by Rust, Python and WebAssembly: `tests/golden/golden.json` at the
//! repository root pins, for fixed seeds, the exact ties of every generator, the Aarhus counts,
//! cascade summaries and a trace, referral outcomes, the relays each method selects, a balance
//! sweep and the quick headline report. This test checks the core against the file; the Python
//! and Node suites check their bindings against the same file, so the three languages agree bit
//! for bit.
//!
//! After a deliberate change of the numbers, rewrite the file with
//! `RESEAU_BLESS=1 cargo test -p reseau --test golden` and say why in the commit.

// Exact float comparisons are intended: the file pins exact values.
#![allow(clippy::float_cmp)]

use reseau::cascade::{Model, SimulateRequest, TraceRequest, simulate, trace};
use reseau::fatigue::Fatigue;
use reseau::generators::{self, ProfessionalOptions};
use reseau::referral::{
    LoadCurveRequest, ReferralRequest, RouteOptions, Strategy, Workload, referral_load_curve,
    route_referrals, trace_referrals,
};
use reseau::relays::{Method, SelectRelaysRequest, select_relays};
use reseau::report::ReportRequest;
use reseau::{LayerId, Network, datasets};
use serde_json::{Value, json};

fn path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/golden/golden.json")
}

/// Every tie as `[source, target, layer]`, in the network's order.
fn ties(net: &Network) -> Value {
    net.ties().map(|t| json!([t.source.0, t.target.0, t.layer.0])).collect()
}

fn generators() -> Value {
    let professional = ProfessionalOptions {
        people: 60,
        group_size: 10,
        physical_mean_degree: 4.0,
        digital_mean_degree: 4.0,
        ..ProfessionalOptions::default()
    };
    json!({
        "erdos_renyi": {"args": {"n": 60, "mean_degree": 3.0, "seed": 7},
            "ties": ties(&generators::erdos_renyi(60, 3.0, 7).unwrap())},
        "barabasi_albert": {"args": {"n": 60, "m": 2, "seed": 7},
            "ties": ties(&generators::barabasi_albert(60, 2, 7).unwrap())},
        "watts_strogatz": {"args": {"n": 60, "k": 4, "beta": 0.2, "seed": 7},
            "ties": ties(&generators::watts_strogatz(60, 4, 0.2, 7).unwrap())},
        "kleinberg": {"args": {"side": 6, "r": 2.0, "long_range": 1, "seed": 7},
            "ties": ties(&generators::kleinberg(6, 2.0, 1, 7).unwrap())},
        "stochastic_block": {"args": {"sizes": [20, 20], "probabilities": [[0.3, 0.05], [0.05, 0.3]], "seed": 7},
            "ties": ties(&generators::stochastic_block(&[20, 20], &[vec![0.3, 0.05], vec![0.05, 0.3]], 7).unwrap())},
        "professional": {"args": {"people": 60, "group_size": 10, "physical_mean_degree": 4.0, "digital_mean_degree": 4.0, "seed": 7},
            "ties": ties(&generators::professional(&professional, 7).unwrap())},
    })
}

fn aarhus() -> Value {
    let net = datasets::aarhus_cs();
    let per_layer: serde_json::Map<String, Value> = net
        .layers()
        .iter()
        .enumerate()
        .map(|(i, l)| (l.name.clone(), json!(net.num_ties_in(LayerId(i as u32)).unwrap())))
        .collect();
    json!({
        "num_people": net.num_people(),
        "num_ties": net.num_ties(),
        "ties_per_layer": per_layer,
        "labels_head": net.labels()[..5],
        "degrees": net.degrees(None),
    })
}

fn cascade() -> Value {
    let view = datasets::aarhus_cs().compile();
    let mut out = serde_json::Map::new();
    for (name, model) in [
        ("independent_cascade", Model::independent_cascade(0.1)),
        ("weighted_cascade", Model::weighted_cascade()),
        ("linear_threshold", Model::linear_threshold()),
    ] {
        let s = simulate(
            &view,
            &SimulateRequest::new(vec![0, 1]).model(model.clone()).runs(1000).seed(7),
        )
        .unwrap();
        out.insert(
            name.to_owned(),
            json!({"seeds": [0, 1], "runs": 1000, "seed": 7, "mean": s.total.mean, "std": s.total.std,
                   "by_layer": s.total.by_layer, "by_step": s.by_step}),
        );
    }
    let t =
        trace(&view, &TraceRequest::new(vec![3]).model(Model::independent_cascade(0.3)).seed(11))
            .unwrap();
    out.insert(
        "trace".to_owned(),
        json!({"seeds": [3], "probability": 0.3, "seed": 11, "step": t.step, "parent": t.parent, "layer": t.layer}),
    );
    Value::Object(out)
}

/// Referral chains on Aarhus: a fatigued random workload, three traced requests, a load curve.
fn referral() -> Value {
    let view = datasets::aarhus_cs().compile();
    let mut route =
        RouteOptions::default().forward(0.8).fatigue(Fatigue::hill(3.0, 2.0).half_life(10.0));
    route.layer_forward.insert("facebook".to_owned(), 0.4);
    let summary = route_referrals(
        &view,
        &ReferralRequest::new(Workload::random(2.0, 100)).options(route.clone()).seed(42),
    )
    .unwrap();
    let hub = RouteOptions::new(Strategy::Hub).forward(0.9);
    let pairs = vec![[0, 40], [3, 9], [10, 50]];
    let traces = trace_referrals(
        &view,
        &ReferralRequest::new(Workload::pairs(pairs.clone())).options(hub.clone()).seed(5),
    )
    .unwrap();
    let rates: Vec<f64> = (0..11).map(|i| 0.5 * f64::from(1u32 << i)).collect();
    let tired = RouteOptions::default().fatigue(Fatigue::hill(2.0, 2.0).half_life(10.0));
    let curve = referral_load_curve(
        &view,
        &LoadCurveRequest::new(rates.clone()).steps(300).options(tired.clone()).seed(7),
    )
    .unwrap();
    json!({
        "route": {"args": {"n_requests": 200, "rate": 2.0, "forward": 0.8, "layer_forward": {"facebook": 0.4},
                           "fatigue": {"hill": [3.0, 2.0], "half_life": 10.0}, "seed": 42},
                  "summary": summary},
        "trace": {"args": {"requests": pairs, "strategy": "hub", "forward": 0.9, "seed": 5},
                  "paths": traces.iter().map(|t| &t.path).collect::<Vec<_>>(),
                  "outcomes": traces.iter().map(|t| t.outcome).collect::<Vec<_>>()},
        "load_curve": {"args": {"rates": rates, "steps": 300, "fatigue": {"hill": [2.0, 2.0], "half_life": 10.0}, "seed": 7},
                       "curve": curve},
    })
}

/// Relays chosen on Aarhus by each sampling method and one heuristic, with their gains, the
/// method's estimate and the independent evaluation's mean.
fn relays() -> Value {
    let view = datasets::aarhus_cs().compile();
    let mut out = serde_json::Map::new();
    for (name, method) in [
        ("imm", Method::Imm),
        ("opim_c", Method::OpimC),
        ("celf", Method::Celf),
        ("degree_discount", Method::DegreeDiscount),
    ] {
        let options = SelectRelaysRequest {
            k: Some(3),
            method,
            model: Model::independent_cascade(0.1),
            evaluation_runs: 1000,
            celf_runs: 200,
            ..SelectRelaysRequest::default()
        };
        let s = select_relays(&view, &SelectRelaysRequest { seed: 7, ..options.clone() }).unwrap();
        out.insert(
            name.to_owned(),
            json!({"args": {"k": 3, "probability": 0.1, "evaluation_runs": 1000, "celf_runs": 200, "seed": 7},
                   "relays": s.relays, "gains": s.gains, "estimated_spread": s.estimated_spread,
                   "spread": s.spread.map(|x| x.mean)}),
        );
    }
    Value::Object(out)
}

/// The balance sweep and the quick headline report on Aarhus, in full.
fn balance() -> Value {
    use reseau::balance::{BalanceRequest, Decline};
    let net = datasets::aarhus_cs();
    let tired = Fatigue::hill(2.0, 2.0).half_life(10.0);
    let options = BalanceRequest {
        mixes: vec![0.0, 0.5, 1.0],
        steps: 100,
        runs: 200,
        decline: Some(Decline::new("facebook", 0.5, 2)),
        ..BalanceRequest::default()
    }
    .with_routing(RouteOptions::default().fatigue(tired).digital_fatigue(tired));
    let sweep =
        reseau::balance::balance(&net, &BalanceRequest { seed: 7, ..options.clone() }).unwrap();
    let report = reseau::report::report(&net, &ReportRequest::quick().seed(1)).unwrap();
    json!({
        "sweep": {"args": {"mixes": [0.0, 0.5, 1.0], "steps": 100, "runs": 200,
                           "fatigue": {"hill": [2.0, 2.0], "half_life": 10.0}, "digital_fatigue": {"hill": [2.0, 2.0], "half_life": 10.0},
                           "decline": {"layer": "facebook", "rate": 0.5, "periods": 2}, "seed": 7},
                  "report": sweep},
        "report": {"args": {"quick": true, "seed": 1}, "numbers": report},
    })
}

#[test]
fn the_core_matches_the_golden_file() {
    let current = json!({
        "about": "Golden values: the same seeds must give these exact numbers in Rust, Python and \
                  WebAssembly. Regenerate with RESEAU_BLESS=1 cargo test -p reseau --test golden.",
        "generators": generators(),
        "aarhus": aarhus(),
        "cascade": cascade(),
        "referral": referral(),
        "relays": relays(),
        "balance": balance(),
    });
    let path = path();
    if std::env::var_os("RESEAU_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, serde_json::to_string_pretty(&current).unwrap() + "\n").unwrap();
        return;
    }
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (bless with RESEAU_BLESS=1)", path.display()));
    let golden: Value = serde_json::from_str(&text).unwrap();
    for section in ["generators", "aarhus", "cascade", "referral", "relays", "balance"] {
        for (key, value) in current[section].as_object().unwrap() {
            assert_eq!(
                &golden[section][key], value,
                "{section}.{key} differs from the golden file"
            );
        }
    }
}
