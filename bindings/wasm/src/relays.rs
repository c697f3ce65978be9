//! Relay selection: `selectRelays`.
//!
//! The options are the core's [`SelectRelaysRequest`]; the core checks every value.

use reseau::relays::{self, RelaySelection, SelectRelaysRequest};
use wasm_bindgen::prelude::*;

use crate::Network;
use crate::args::request;
use crate::cascade::spread;
use crate::errors::{JsResult, OrThrow};
use crate::ser::{Arrays, set, to_js};

/// A [`RelaySelection`] as JS sees it: the spread's values by layer keyed by layer name.
fn selection(s: &RelaySelection) -> JsResult<JsValue> {
    let js = to_js(s, Arrays::Typed)?;
    if let Some(stats) = &s.spread {
        set(&js, "spread", &spread(stats, &s.layer_names)?);
    }
    Ok(js)
}

/// Chooses whom to enlist so that a message reaches the most people: `k` relays, or as many
/// as `budget` pays for at their `costs`, under `model` (default: `IndependentCascade()`).
///
/// `method` is `"imm"` or `"opim_c"` (within 1 - 1/e - `epsilon` of the optimum with probability
/// 1 - 1/n^`ell`; OPIM-C also certifies its own ratio), `"hist"` (OPIM-C's certificate on RR
/// sets cut short at a sentinel set: `k` relays where the model reaches much of the network; also
/// what IMM and OPIM-C hand over to when their RR sets would not fit `maxMemory`, as the
/// result's `method` and `switchReason` say), `"celf"` (lazy greedy on `celfRuns`
/// Monte Carlo runs per estimate), or the baselines `"degree"`, `"degree_discount"`,
/// `"pagerank"` and `"random"`. The relays are then evaluated by `evaluationRuns` cascades under
/// `evaluationModel` (default `model`). The numbers are those of Rust and Python for the same
/// seed.
#[wasm_bindgen(js_name = selectRelays, unchecked_return_type = "RelaySelection")]
pub fn select_relays(
    net: &Network,
    #[wasm_bindgen(unchecked_optional_param_type = "SelectRelaysRequest")] options: &JsValue,
) -> JsResult<JsValue> {
    let request: SelectRelaysRequest = request(options, "selectRelays", &[])?;
    selection(&relays::select_relays(&net.core().compiled(), &request).or_throw()?)
}
