//! Influence relays: `simulate`, `trace`, `exactSpread` and `validateModel`.
//!
//! The options are the core's requests ([`SimulateRequest`], [`TraceRequest`],
//! [`ExactSpreadRequest`]), the seeds their second argument; the model is a plain object (what
//! `IndependentCascade`, `WeightedCascade` and `LinearThreshold` in the package's `index.js`
//! return).

use reseau::PersonRef;
use reseau::cascade::{
    self, CascadeSummary, CascadeTrace, ExactSpreadRequest, Model, ModelKind, SimulateRequest,
    SpreadStats, TraceRequest,
};
use wasm_bindgen::prelude::*;

use crate::Network;
use crate::args::{from_js, invalid, request};
use crate::errors::{JsResult, OrThrow};
use crate::ser::{Arrays, by_layer, get, set, to_js};

/// The seeds, the second argument of `name`: an array of ids or labels.
fn seeds(seeds: &JsValue, name: &str) -> JsResult<Vec<PersonRef>> {
    from_js(seeds, &format!("seeds of {name}"))
}

/// Spread statistics as JS sees them: values by layer keyed by layer name.
pub(crate) fn spread(stats: &SpreadStats, names: &[String]) -> JsResult<JsValue> {
    let js = to_js(stats, Arrays::Typed)?;
    set(&js, "byLayer", &by_layer(names, &stats.by_layer, Arrays::Typed)?);
    Ok(js)
}

/// A [`CascadeSummary`] as JS sees it: the total's statistics at the top (`summary.mean`),
/// the layer shares, and each valence.
pub(crate) fn summary(s: &CascadeSummary) -> JsResult<JsValue> {
    let names = &s.layer_names;
    let js = to_js(s, Arrays::Typed)?;
    let out = spread(&s.total, names)?;
    for key in ["runs", "byStep", "layerNames", "opinion"] {
        set(&out, key, &get(&js, key));
    }
    set(&out, "layerShares", &by_layer(names, &s.layer_shares(), Arrays::Typed)?);
    set(&out, "good", &spread(&s.good, names)?);
    set(&out, "bad", &spread(&s.bad, names)?);
    Ok(out)
}

/// Simulates `runs` cascades from `seeds` (person ids or labels) and summarises them: the mean
/// spread, its standard deviation and 95% confidence interval, each person's activation
/// probability, the mean number reached by step, the spread carried by each layer and its
/// share, and the same per valence (`good`, `bad`). Run `i` uses the stream `(seed, i)`: the
/// numbers are those of Rust and Python for the same seed.
#[wasm_bindgen(unchecked_return_type = "CascadeSummary")]
pub fn simulate(
    net: &Network,
    #[wasm_bindgen(unchecked_param_type = "People")] seeds: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "SimulateOptions")] options: &JsValue,
) -> JsResult<JsValue> {
    let seeds = self::seeds(seeds, "simulate")?;
    let request = SimulateRequest { seeds, ..request(options, "simulate", &["seeds"])? };
    summary(&cascade::simulate(&net.core().compiled(), &request).or_throw()?)
}

/// One run, recorded in full: for each person the step they were convinced, who convinced
/// them, through which layer (its index in `net.layers`) and with which valence (0 good,
/// 1 bad), −1 where not reached; everyone reached in order; the spread. It is run 0 of
/// `simulate` with the same seed.
#[wasm_bindgen(unchecked_return_type = "CascadeTrace")]
pub fn trace(
    net: &Network,
    #[wasm_bindgen(unchecked_param_type = "People")] seeds: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "TraceOptions")] options: &JsValue,
) -> JsResult<JsValue> {
    let seeds = self::seeds(seeds, "trace")?;
    let request = TraceRequest { seeds, ..request(options, "trace", &["seeds"])? };
    let t: CascadeTrace = cascade::trace(&net.core().compiled(), &request).or_throw()?;
    let js = to_js(&t, Arrays::Typed)?;
    set(&js, "spread", &JsValue::from_f64(t.spread() as f64));
    Ok(js)
}

/// The exact expected spread from `seeds`, by enumerating every live-edge graph: small
/// networks only (at most 2^20 outcomes), one campaign, no media, distrust blocking.
#[wasm_bindgen(js_name = exactSpread)]
pub fn exact_spread(
    net: &Network,
    #[wasm_bindgen(unchecked_param_type = "People")] seeds: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ExactSpreadOptions")] options: &JsValue,
) -> JsResult<f64> {
    let seeds = self::seeds(seeds, "exactSpread")?;
    let request =
        ExactSpreadRequest { seeds, ..request(options, "exactSpread", &["seeds", "badSeeds"])? };
    cascade::exact_spread(&net.core().compiled(), &request).or_throw()
}

/// Checks a model object (what `IndependentCascade`, `WeightedCascade` and `LinearThreshold`
/// return) as `simulate` would, throwing the same error; with `kind`, the model must be of
/// that kind. Layer names and the number of thresholds are checked against a network later,
/// by `simulate`, `trace` and `exactSpread`.
#[wasm_bindgen(js_name = validateModel)]
pub fn validate_model(
    #[wasm_bindgen(unchecked_param_type = "Model")] model: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ModelKind")] kind: &JsValue,
) -> JsResult<()> {
    let parsed: Model = from_js(model, "model")?;
    let kind: Option<ModelKind> = from_js(kind, "kind")?;
    if let Some(kind) = kind.filter(|k| *k != parsed.kind) {
        let name = |k: ModelKind| to_js(&k, Arrays::Plain).ok().and_then(|v| v.as_string());
        let (found, wanted) =
            (name(parsed.kind).unwrap_or_default(), name(kind).unwrap_or_default());
        return invalid(
            "kind of model",
            &format!("{found:?}"),
            &format!("{wanted:?}, the constructor's kind"),
        );
    }
    parsed.validate().or_throw()
}
