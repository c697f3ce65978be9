//! Reputation scores: `reputation`.
//!
//! The options object is the core's own [`ReputationRequest`] with camelCase keys
//! (`damping`, `tolerance`, `maxIterations`, `weighted`, `multiplex`, `model`, `samples`,
//! `seed`) plus `method` and `layer`. Without a method every score comes back at once, each a
//! `Float64Array` indexed by person (and per layer, objects of layer name to array); with
//! one, that score alone, as the core's `score` computes it.

// The docs name PageRank in prose, as the core's do.
#![allow(clippy::doc_markdown)]

use js_sys::{Float64Array, Object, Reflect};
use reseau::reputation::{Reputation, ReputationRequest, Score};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::Network;
use crate::args::{self, from_val, to_js};
use crate::errors::{JsResult, OrThrow, invalid_argument};
use crate::value::Val;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** A reputation score. */
export type Score = "degree" | "pagerank" | "multiplex_pagerank" | "core" | "influence";
/** How the multiplex PageRank lets one layer's centrality shape the walk on the next. */
export type MultiplexPageRank = "multiplicative" | "additive" | "combined" | "neutral";
/** The options of `reputation` (the core's `ReputationOptions`, a method and a layer). */
export interface ReputationOptions {
  /** One score (a Float64Array), or every score (a `Reputation`) when absent. */
  method?: Score | null;
  /** The score on this layer alone (with a method; not for "multiplex_pagerank"). */
  layer?: string | null;
  /** PageRank's damping, in [0, 1) (default 0.85). */
  damping?: number;
  /** PageRank's stopping tolerance, > 0 (default 1e-15: n × tolerance on the L1 change, networkx's rule). */
  tolerance?: number;
  /** Default 1000. */
  maxIterations?: number;
  /** Tie weights weigh on PageRank (default true). */
  weighted?: boolean;
  /** Default "multiplicative". */
  multiplex?: MultiplexPageRank;
  /** The model of the influence score (default: IndependentCascade(), probability 0.1). */
  model?: Model | null;
  /** Reverse-reachable sets drawn for the influence score (default 100000). */
  samples?: number;
  /** Default 0. */
  seed?: Seed;
}
/** What `reputation` returns without a method: every score, indexed by person. */
export interface Reputation {
  /** The layer names, in the network's order. */
  layerNames: string[];
  degree: Float64Array;
  /** Each layer's degree, by layer name. */
  layerDegree: Record<string, Float64Array>;
  /** PageRank on the aggregate of all layers (sums to 1). */
  pagerank: Float64Array;
  /** Each layer's PageRank, by layer name. */
  layerPagerank: Record<string, Float64Array>;
  multiplexPagerank: Float64Array;
  /** The k-core number. */
  core: Float64Array;
  /** Each person's expected spread as a single seed. */
  influence: Float64Array;
  /** The power iterations of the aggregate PageRank. */
  iterations: number;
}
"#;

/// Arrays by layer name, as an object whose keys are in the network's layer order.
struct ByLayer(Object);

impl Serialize for ByLayer {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        serde_wasm_bindgen::preserve::serialize(&self.0, ser)
    }
}

fn by_layer(names: &[String], values: &[Vec<f64>]) -> ByLayer {
    let object = Object::new();
    for (name, v) in names.iter().zip(values) {
        // Setting a property on a fresh object cannot fail.
        let _ = Reflect::set(&object, &JsValue::from_str(name), &Float64Array::from(&v[..]));
    }
    ByLayer(object)
}

/// [`Reputation`] as JS sees it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReputationView<'a> {
    layer_names: &'a [String],
    #[serde(with = "serde_wasm_bindgen::preserve")]
    degree: Float64Array,
    layer_degree: ByLayer,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    pagerank: Float64Array,
    layer_pagerank: ByLayer,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    multiplex_pagerank: Float64Array,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    core: Float64Array,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    influence: Float64Array,
    iterations: u32,
}

impl<'a> ReputationView<'a> {
    fn new(r: &'a Reputation) -> Self {
        ReputationView {
            layer_names: &r.layer_names,
            degree: Float64Array::from(&r.degree[..]),
            layer_degree: by_layer(&r.layer_names, &r.layer_degree),
            pagerank: Float64Array::from(&r.pagerank[..]),
            layer_pagerank: by_layer(&r.layer_names, &r.layer_pagerank),
            multiplex_pagerank: Float64Array::from(&r.multiplex_pagerank[..]),
            core: Float64Array::from(&r.core[..]),
            influence: Float64Array::from(&r.influence[..]),
            iterations: r.iterations,
        }
    }
}

/// Reputation scores computed from the network, each a `Float64Array` indexed by person id:
/// `"degree"` (ties), `"pagerank"` (as networkx computes it), `"multiplex_pagerank"` (Halu et
/// al. 2013: rewards people central in several layers), `"core"` (k-core number) and
/// `"influence"`
/// (each person's expected spread as a single seed under `model`, from `samples`
/// reverse-reachable sets). With `method`, that score alone (on `layer` alone if given);
/// without, every score at once, with each layer's degree and PageRank. The numbers are
/// those of Rust and Python for the same options.
#[wasm_bindgen(unchecked_return_type = "Reputation | Float64Array")]
pub fn reputation(
    net: &Network,
    #[wasm_bindgen(unchecked_optional_param_type = "ReputationOptions")] options: &JsValue,
) -> JsResult<JsValue> {
    let what = "options of reputation";
    let mut val = args::options(options, what)?;
    let method: Option<Score> = match val.take("method") {
        None | Some(Val::Null) => None,
        Some(v) => Some(from_val(v, &format!("method in {what}"))?),
    };
    let layer: Option<String> = match val.take("layer") {
        None | Some(Val::Null) => None,
        Some(v) => Some(from_val(v, &format!("layer in {what}"))?),
    };
    if let Some(model) = val.take("model").filter(|m| *m != Val::Null) {
        if let Val::Obj(entries) = &mut val {
            entries.push(("model".into(), model));
        }
    }
    let options: ReputationRequest = val
        .into_rust()
        .map_err(|e| invalid_argument(what, &e.also_expected(&["method", "layer"])))?;
    let view = net.core().compiled();
    if let Some(score) = method {
        let request = ReputationRequest { method: Some(score), layer, ..options };
        let values = reseau::reputation::score(&view, &request).or_throw()?;
        return Ok(Float64Array::from(&values[..]).into());
    }
    if let Some(layer) = layer {
        return Err(reseau::Error::InvalidParameter {
            name: "layer".into(),
            value: layer,
            expected: "a method with it (without one, every layer's scores come back)".into(),
        })
        .or_throw();
    }
    let r = reseau::reputation::reputation(&view, &options).or_throw()?;
    to_js(&ReputationView::new(&r))
}
