//! Reputation scores: `reputation`.
//!
//! The options are the core's [`ReputationRequest`]: with a `method`, that score alone (the
//! core's `score`), a `Float64Array` indexed by person; without one, every score at once (the
//! core's `reputation`), each layer's keyed by layer name.

// The docs name PageRank in prose, as the core's do.
#![allow(clippy::doc_markdown)]

use reseau::reputation::{self, ReputationRequest};
use wasm_bindgen::prelude::*;

use crate::Network;
use crate::args::request;
use crate::errors::{JsResult, OrThrow};
use crate::ser::{Arrays, by_layer, set, to_js};

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
    #[wasm_bindgen(unchecked_optional_param_type = "ReputationRequest")] options: &JsValue,
) -> JsResult<JsValue> {
    let request: ReputationRequest = request(options, "reputation", &[])?;
    let view = net.core().compiled();
    if request.method.is_some() {
        return to_js(&reputation::score(&view, &request).or_throw()?, Arrays::Typed);
    }
    let r = reputation::reputation(&view, &request).or_throw()?;
    let js = to_js(&r, Arrays::Typed)?;
    set(&js, "layerDegree", &by_layer(&r.layer_names, &r.layer_degree, Arrays::Typed)?);
    set(&js, "layerPagerank", &by_layer(&r.layer_names, &r.layer_pagerank, Arrays::Typed)?);
    Ok(js)
}
