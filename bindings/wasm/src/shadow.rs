//! Shadow layers: `shadowGap`, what the analyst misses.
//!
//! The options are the core's [`ShadowGapRequest`]; the result its serde form, plain JSON
//! with camelCase keys.

use reseau::shadow::ShadowGapRequest;
use wasm_bindgen::prelude::*;

use crate::Network;
use crate::args::request;
use crate::errors::{JsResult, OrThrow};
use crate::ser::{Arrays, to_js};

/// What the analyst misses: the spread of `sources` (ids or labels; default the network's
/// organisations, its lobbies) on the full network, shadow layers included, against on the
/// analyst's view (`net.observed()`), each with its 95% interval; `shadowLayers` hides more
/// layers, `share` keeps that share of each shadow layer's ties in the truth. The numbers are
/// those of Rust and Python for the same seed.
#[wasm_bindgen(js_name = shadowGap, unchecked_return_type = "ShadowGap")]
pub fn shadow_gap(
    net: &Network,
    #[wasm_bindgen(unchecked_optional_param_type = "ShadowGapRequest")] options: &JsValue,
) -> JsResult<JsValue> {
    let request: ShadowGapRequest = request(options, "shadowGap", &[])?;
    to_js(&reseau::shadow::shadow_gap(net.core(), &request).or_throw()?, Arrays::Plain)
}
