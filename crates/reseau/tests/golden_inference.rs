//! Golden values of inference shared by Rust, Python and WebAssembly: `tests/golden/adoptions.csv`
//! (40 cascades run by the engine on the Aarhus network, one row per adopter) and
//! `tests/golden/inference.json` (what `fit`, `shuffle_test` and `infer_shadow` make of them,
//! for fixed options and seeds). This test checks the core against both files; the bindings
//! read the same CSV with their own reader and must give the same numbers.
//!
//! After a deliberate change of the numbers, rewrite both files with
//! `RESEAU_BLESS=1 cargo test -p reseau --test golden_inference` and say why in the commit.

// Exact float comparisons are intended: the file pins exact values.
#![allow(clippy::float_cmp)]

use std::fmt::Write as _;
use std::path::PathBuf;

use reseau::cascade::{Model, TraceRequest, trace};
use reseau::datasets;
use reseau::inference::{
    AdoptionsCsv, Exposure, FitRequest, ShadowRequest, ShuffleRequest, fit, infer_shadow,
    parse_adoptions, shuffle_test,
};
use serde_json::{Value, json};

fn folder() -> PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/golden")
}

/// 40 cascades of Independent Cascade (p = 0.12) from one seed each, as a CSV with the
/// header `cascade,person,time`, people by label.
fn adoptions_csv() -> String {
    let net = datasets::aarhus_cs();
    let labels = net.labels();
    let view = net.compiled();
    let mut csv = String::from("cascade,person,time\n");
    for c in 0..40u32 {
        let request = TraceRequest {
            model: Model::independent_cascade(0.12),
            seed: u64::from(c),
            ..TraceRequest::new([(c * 7) % 61])
        };
        let run = trace(&view, &request).unwrap();
        for &person in &run.order {
            let step = run.step[person as usize];
            writeln!(csv, "{c},{},{step}", labels[person as usize]).unwrap();
        }
    }
    csv
}

/// The requests (without their adoptions) and what the core makes of them.
fn results(csv: &str) -> Value {
    let net = datasets::aarhus_cs();
    let rows = parse_adoptions(csv.as_bytes(), "adoptions.csv", &AdoptionsCsv::default()).unwrap();
    let cascade = FitRequest { bootstrap: 20, seed: 5, ..FitRequest::new(rows.clone()) };
    let persistent = FitRequest {
        exposure: Exposure::Persistent,
        horizon: Some(12),
        ..FitRequest::new(rows.clone())
    };
    let shuffle = ShuffleRequest { permutations: 20, seed: 3, ..ShuffleRequest::new(rows.clone()) };
    let shadow = ShadowRequest { candidates: 5, ..ShadowRequest::new(rows) };
    let found = infer_shadow(&net, &shadow).unwrap();
    json!({
        "fit": {"args": {"bootstrap": 20, "seed": 5}, "result": fit(&net, &cascade).unwrap()},
        "fit_persistent": {"args": {"exposure": "persistent", "horizon": 12},
                           "result": fit(&net, &persistent).unwrap()},
        "shuffle": {"args": {"permutations": 20, "seed": 3},
                    "result": shuffle_test(&net, &shuffle).unwrap()},
        "shadow": {"args": {"candidates": 5},
                   "result": {"ties": found.ties, "layer": found.layer,
                              "candidates_scored": found.candidates_scored,
                              "num_ties": found.network.num_ties(), "fit": found.fit}},
    })
}

#[test]
fn the_core_matches_the_inference_golden_files() {
    let (csv_path, json_path) = (folder().join("adoptions.csv"), folder().join("inference.json"));
    let csv = adoptions_csv();
    if std::env::var_os("RESEAU_BLESS").is_some() {
        std::fs::write(&csv_path, &csv).unwrap();
        let current = json!({
            "about": "Inference golden values: adoptions.csv read by each language's reader, then \
                      fitted with these options, must give these exact numbers in Rust, Python and \
                      WebAssembly. Regenerate with RESEAU_BLESS=1 cargo test -p reseau --test \
                      golden_inference.",
            "inference": results(&csv),
        });
        std::fs::write(&json_path, serde_json::to_string_pretty(&current).unwrap() + "\n").unwrap();
        return;
    }
    let read = |p: &PathBuf| {
        std::fs::read_to_string(p)
            .unwrap_or_else(|e| panic!("{}: {e} (bless with RESEAU_BLESS=1)", p.display()))
    };
    assert_eq!(read(&csv_path), csv, "the engine's cascades differ from adoptions.csv");
    let golden: Value = serde_json::from_str(&read(&json_path)).unwrap();
    let current = results(&csv);
    for (key, value) in current.as_object().unwrap() {
        assert_eq!(
            &golden["inference"][key], value,
            "inference.{key} differs from the golden file"
        );
    }
}
