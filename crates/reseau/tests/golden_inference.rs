//! Golden values of inference shared by Rust and the bindings: `tests/golden/inference.json`
//! holds adoptions (cascades traced by the engine on the Aarhus network), the options of a
//! fit (with a bootstrap), a shuffle test and a hidden-tie inference, and their results. This
//! test checks the core against the file; the Python suite (`test_inference.py`) checks its
//! binding against the same file, so that a fit's numbers are the same to the last bit.
//!
//! After a deliberate change of the numbers, rewrite the file with
//! `RESEAU_BLESS=1 cargo test -p reseau --test golden_inference` and say why in the commit.

use reseau::cascade::{Model, TraceRequest, trace};
use reseau::datasets;
use reseau::inference::{
    FitRequest, ShadowRequest, ShuffleRequest, fit, infer_shadow, shuffle_test,
};
use serde_json::{Value, json};

fn path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/golden/inference.json")
}

/// 40 cascades of the independent cascade (p = 0.2) on Aarhus, one seed each, as rows
/// `{"person", "time", "cascade"}`.
fn adoptions() -> Value {
    let net = datasets::aarhus_cs().compiled();
    let mut rows = Vec::new();
    for cascade in 0..40u32 {
        let request = TraceRequest {
            model: Model::independent_cascade(0.2),
            seed: u64::from(cascade),
            ..TraceRequest::new([cascade % 61])
        };
        let traced = trace(&net, &request).unwrap();
        for &person in &traced.order {
            let step = traced.step[person as usize];
            rows.push(json!({"person": person, "time": step, "cascade": cascade}));
        }
    }
    Value::Array(rows)
}

/// A request of type `R`: the adoptions and `options`.
fn request<R: serde::de::DeserializeOwned>(adoptions: &Value, options: &Value) -> R {
    let mut all = options.clone();
    all["adoptions"] = adoptions.clone();
    serde_json::from_value(all).unwrap()
}

#[test]
fn inference_matches_its_golden_file() {
    let net = datasets::aarhus_cs();
    let adoptions = adoptions();
    let options = json!({
        "fit": {"bootstrap": 20, "seed": 3},
        "shuffle": {"permutations": 20, "seed": 5},
        "shadow": {"candidates": 5},
    });
    let fitted = fit(&net, &request::<FitRequest>(&adoptions, &options["fit"])).unwrap();
    let shuffled =
        shuffle_test(&net, &request::<ShuffleRequest>(&adoptions, &options["shuffle"])).unwrap();
    let shadow =
        infer_shadow(&net, &request::<ShadowRequest>(&adoptions, &options["shadow"])).unwrap();
    let current = json!({
        "about": "Inference on the Aarhus network: each request is `adoptions` with the options \
                  under `options`; the results are the core's serde forms (the shadow's without \
                  its network). Regenerate with RESEAU_BLESS=1 cargo test -p reseau --test \
                  golden_inference.",
        "adoptions": adoptions,
        "options": options,
        "fit": fitted,
        "shuffle": shuffled,
        "shadow": {
            "layer": shadow.layer,
            "ties": shadow.ties,
            "candidates_scored": shadow.candidates_scored,
            "fit": shadow.fit,
        },
    });
    let path = path();
    if std::env::var_os("RESEAU_BLESS").is_some() {
        std::fs::write(&path, serde_json::to_string_pretty(&current).unwrap() + "\n").unwrap();
        return;
    }
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (bless with RESEAU_BLESS=1)", path.display()));
    let golden: Value = serde_json::from_str(&text).unwrap();
    for key in ["adoptions", "options", "fit", "shuffle", "shadow"] {
        assert_eq!(golden[key], current[key], "{key} differs from the golden file");
    }
}
