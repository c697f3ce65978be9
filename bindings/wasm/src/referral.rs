//! Referral chains: `routeReferrals`, `traceReferrals` and `referralLoadCurve`.
//!
//! The options are the core's [`ReferralRequest`] (the requests, given pairs or random ones,
//! the routing options and the seed) and [`LoadCurveRequest`] (its rates the second argument).

use reseau::referral::{self, LoadCurveRequest, ReferralRequest, ReferralSummary};
use wasm_bindgen::prelude::*;

use crate::Network;
use crate::args::{from_js, request};
use crate::errors::{JsResult, OrThrow};
use crate::ser::{Arrays, by_layer, set, to_js};

/// A [`ReferralSummary`] as JS sees it: the layer shares keyed by layer name.
fn summary(s: &ReferralSummary) -> JsResult<JsValue> {
    let js = to_js(s, Arrays::Typed)?;
    set(&js, "layerShares", &by_layer(&s.layer_names, &s.layer_shares, Arrays::Typed)?);
    Ok(js)
}

/// Routes referral requests through `net` and summarises what happened: the success rate and
/// its 95% interval, chain lengths and times, attrition at each hop, the hops carried by
/// each layer, and the most solicited people.
///
/// The options are the routing options (`strategy`, `physicalShare`, `forward`,
/// `layerForward`, `maxHops`, `fatigue`, `digitalFatigue`), the requests and the `seed`
/// (default 0). The requests are `requests`, `[source, target]` pairs of ids or labels
/// (started at `rate` per step, else all at step 0), or random pairs, any two of `nRequests`
/// (default 1000), `rate` and `steps` setting the third: `nRequests` alone all at step 0;
/// with `rate`, during the fewest steps that start at least `nRequests`; with `steps`,
/// exactly `nRequests` spread over them. Every request shares one load per person. The numbers
/// are those of Rust and Python for the same seed.
#[wasm_bindgen(js_name = routeReferrals, unchecked_return_type = "ReferralSummary")]
pub fn route_referrals(
    net: &Network,
    #[wasm_bindgen(unchecked_optional_param_type = "ReferralRequest")] options: &JsValue,
) -> JsResult<JsValue> {
    let request: ReferralRequest = request(options, "routeReferrals", &[])?;
    let s = referral::route_referrals(&net.core().compiled(), &request).or_throw()?;
    summary(&s)
}

/// Routes requests exactly as `routeReferrals` does with the same options and seed, and
/// returns every request's journey, in request order (that of `requests`, or of arrival):
/// its source and target, the steps it started and ended, the path of everyone who held it
/// (ids and labels), the layer of each hop (by name), the hops, and how it ended.
#[wasm_bindgen(js_name = traceReferrals, unchecked_return_type = "ReferralTrace[]")]
pub fn trace_referrals(
    net: &Network,
    #[wasm_bindgen(unchecked_optional_param_type = "ReferralRequest")] options: &JsValue,
) -> JsResult<JsValue> {
    let request: ReferralRequest = request(options, "traceReferrals", &[])?;
    let traces = referral::trace_referrals(&net.core().compiled(), &request).or_throw()?;
    to_js(&traces, Arrays::Typed)
}

/// The referral load curve: for each request rate in `rates` (increasing, each > 0), random
/// requests started at that rate during `steps` steps (default 200), measured after a
/// warm-up of the first half: the throughput (successful referrals per step), the success
/// rate, the mean chain length (NaN where no chain completed); the rate at which throughput
/// peaks and the first rate past it whose throughput falls below half the peak's, where the
/// wave breaks (`null` if none). The options are `steps`, the routing options and the `seed`.
#[wasm_bindgen(js_name = referralLoadCurve, unchecked_return_type = "LoadCurve")]
pub fn referral_load_curve(
    net: &Network,
    #[wasm_bindgen(unchecked_param_type = "readonly number[] | Float64Array")] rates: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LoadCurveOptions")] options: &JsValue,
) -> JsResult<JsValue> {
    let rates = from_js(rates, "rates of referralLoadCurve")?;
    let request = LoadCurveRequest { rates, ..request(options, "referralLoadCurve", &["rates"])? };
    let curve = referral::referral_load_curve(&net.core().compiled(), &request).or_throw()?;
    to_js(&curve, Arrays::Typed)
}
