//! Reputation scores: `reputation`.
//!
//! The options are the core's [`ReputationRequest`]: with a `method`, that score alone (the
//! core's `score`), a `Float64Array` indexed by person; without one, every score at once (the
//! core's `reputation`), each layer's keyed by layer name.

// The docs name PageRank in prose, as the core's do.
#![allow(clippy::doc_markdown)]

use reseau::cascade::SimulateRequest;
use reseau::reputation::{self, EReputationRequest, ReputationRequest};
use wasm_bindgen::prelude::*;

use crate::Network;
use crate::args::{from_js, from_val, invalid, options, request};
use crate::errors::{JsResult, OrThrow};
use crate::ser::{Arrays, by_layer, set, to_js};
use crate::value::Val;

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

/// A person's or an organisation's e-reputation once good and bad buzz have spread: the net
/// view (good minus bad) of its audience, each view weighted by a centrality score. `people`
/// is the subject, `seeds` start the good buzz; the options are `simulate`'s (`badSeeds`,
/// `goodStart`, `badStart`, `model`, `runs`, `seed`) with `weight` (a score name, default
/// `"pagerank"`; `null`: every view weighs the same) and `audience` (`"ties"` or
/// `"everyone"`). The result's `buzz` is the buzz's summary, as `simulate` returns it; the
/// numbers are those of Rust and Python for the same options.
#[wasm_bindgen(js_name = eReputation, unchecked_return_type = "EReputation")]
pub fn e_reputation(
    net: &Network,
    #[wasm_bindgen(unchecked_param_type = "People")] people: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "People")] seeds: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "EReputationOptions")] options: &JsValue,
) -> JsResult<JsValue> {
    let what = "options of eReputation";
    let mut buzz = self::options(options, what)?;
    if buzz.take("seeds").is_some() || buzz.take("people").is_some() {
        return invalid(what, "seeds or people among the options", "them as arguments");
    }
    let own: Vec<(String, Val)> = ["weight", "audience"]
        .into_iter()
        .filter_map(|key| buzz.take(key).map(|v| (key.to_owned(), v)))
        .collect();
    let buzz =
        SimulateRequest { seeds: from_js(seeds, "seeds of eReputation")?, ..from_val(buzz, what)? };
    let request = EReputationRequest {
        people: from_js(people, "people of eReputation")?,
        buzz,
        ..from_val(Val::Obj(own), what)?
    };
    let r = reputation::e_reputation(&net.core().compiled(), &request).or_throw()?;
    let js = to_js(&r, Arrays::Typed)?;
    set(&js, "buzz", &crate::cascade::summary(&r.buzz)?);
    Ok(js)
}
