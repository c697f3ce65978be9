//! Learning from observed adoptions: `fitCascade`, `shuffleTest`, `inferShadow` and
//! `parseAdoptions`.
//!
//! The options are the core's [`FitRequest`], [`ShuffleRequest`] and [`ShadowRequest`], the
//! adoptions their second argument (rows `{ person, time, cascade }`, one object person →
//! time, or a list of such objects, one per cascade; a time of `null` is an unknown status).
//! The results are the core's serde form, plain JSON with camelCase keys (layer keys, which
//! are data, as they are); a fit's `model` is ready for `simulate`.

use reseau::inference::{self, Adoptions, AdoptionsCsv, FitRequest, ShadowRequest, ShuffleRequest};
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

use crate::Network;
use crate::args::request;
use crate::errors::{JsResult, OrThrow, invalid_argument};
use crate::ser::{Arrays, set, to_js};
use crate::value::Val;

/// The request of `name` from its options, and the adoptions given as its second argument
/// (data, whose keys, labels, are kept as written).
fn request_with<T: DeserializeOwned>(
    name: &str,
    adoptions: &JsValue,
    options: &JsValue,
) -> JsResult<(T, Adoptions)> {
    let what = format!("adoptions of {name}");
    let val = Val::from_js(adoptions).map_err(|e| invalid_argument(&what, &e))?;
    let adoptions = val.into_verbatim().map_err(|e| invalid_argument(&what, &e))?;
    Ok((request(options, name, &["adoptions"])?, adoptions))
}

/// Fits the probability that each layer's ties convince, and an external hazard per step
/// (adoption explained by no visible tie), to observed adoptions by maximum likelihood:
/// each layer's estimate with its 95% profile-likelihood interval and the p-value that it
/// carries no influence, the external hazard, the share of adoptions it explains (the
/// shadow share), the log-likelihood, AIC and a `model` with the fitted probabilities. The
/// numbers are those of Rust and Python for the same data and options.
#[wasm_bindgen(js_name = fitCascade, unchecked_return_type = "CascadeFit")]
pub fn fit_cascade(
    net: &Network,
    #[wasm_bindgen(unchecked_param_type = "Adoptions")] adoptions: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "FitOptions")] options: &JsValue,
) -> JsResult<JsValue> {
    let (request, adoptions) = request_with("fitCascade", adoptions, options)?;
    let request = FitRequest { adoptions, ..request };
    to_js(&inference::fit(net.core(), &request).or_throw()?, Arrays::Plain)
}

/// The shuffle test (influence or homophily?): refits with adoption times permuted among
/// each cascade's adopters, `permutations` times (default 200), and gives per layer the
/// p-value that its estimated influence is no larger than under shuffled times.
/// Permutation `i` draws from the stream `(seed, i)`.
#[wasm_bindgen(js_name = shuffleTest, unchecked_return_type = "ShuffleTest")]
pub fn shuffle_test(
    net: &Network,
    #[wasm_bindgen(unchecked_param_type = "Adoptions")] adoptions: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ShuffleOptions")] options: &JsValue,
) -> JsResult<JsValue> {
    let (request, adoptions) = request_with("shuffleTest", adoptions, options)?;
    let request = ShuffleRequest { adoptions, ..request };
    to_js(&inference::shuffle_test(net.core(), &request).or_throw()?, Arrays::Plain)
}

/// Hidden-tie inference: fits the visible layers, scores every pair tied in no visible layer
/// by how much a tie between them would raise the likelihood, and returns the best
/// `candidates` (default 100) as `ties`, with `network`, a new `Network` holding them as a
/// layer (default `"shadow"`), and the `fit` they build on.
#[wasm_bindgen(js_name = inferShadow, unchecked_return_type = "ShadowInference")]
pub fn infer_shadow(
    net: &Network,
    #[wasm_bindgen(unchecked_param_type = "Adoptions")] adoptions: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ShadowOptions")] options: &JsValue,
) -> JsResult<JsValue> {
    let (request, adoptions) = request_with("inferShadow", adoptions, options)?;
    let request = ShadowRequest { adoptions, ..request };
    let mut found = inference::infer_shadow(net.core(), &request).or_throw()?;
    // The network as a `Network`, not its JSON document.
    let with_shadow = std::mem::replace(&mut found.network, reseau::Network::new());
    let js = to_js(&found, Arrays::Plain)?;
    set(&js, "network", &Network::from(with_shadow).into());
    Ok(js)
}

/// Reads adoptions from a CSV text with a header: one row per observation, a person (label
/// or `#id`), a time (whole steps ≥ 0; empty, `NA`, `null` or `None` for an unknown status)
/// and, when the header has it, a cascade. The options name the columns (`person`, `time`,
/// `cascade`), the `delimiter` and the `file` errors name. The rows go straight to
/// `fitCascade`, `shuffleTest` and `inferShadow`.
#[wasm_bindgen(js_name = parseAdoptions, unchecked_return_type = "Adoption[]")]
pub fn parse_adoptions(
    #[wasm_bindgen(unchecked_param_type = "Text")] text: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "AdoptionsCsv & FileOption")] options: &JsValue,
) -> JsResult<JsValue> {
    let (bytes, file, options, _): (_, _, AdoptionsCsv, _) =
        crate::functions::reader(text, options, "parseAdoptions", &[])?;
    to_js(&inference::parse_adoptions(&bytes, &file, &options).or_throw()?, Arrays::Plain)
}
