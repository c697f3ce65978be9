//! Relay selection: `selectRelays`.
//!
//! The options object is the core's own [`SelectRelaysRequest`] with camelCase keys (`k`, `budget`,
//! `costs`, `model`, `method`, `epsilon`, `ell`, `evaluationRuns`, `celfRuns`,
//! `evaluationModel`) plus the `seed`; the core checks every value. The result is a plain
//! object with camelCase keys: the relays as a `Uint32Array`, the gains as a `Float64Array`,
//! the evaluated spread as `simulate`'s spread statistics.

use js_sys::{Float64Array, Uint32Array};
use reseau::relays::{self, Method, RelaySelection, SelectRelaysRequest};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::Network;
use crate::args::{self, from_val, to_js};
use crate::cascade::SpreadView;
use crate::errors::{JsResult, OrThrow, invalid_argument};
use crate::value::Val;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** How relays are chosen. */
export type RelayMethod =
  | "imm" | "opim_c" | "celf" | "degree" | "degree_discount" | "pagerank" | "random";
/** The options of `selectRelays` (the core's `SelectOptions`, and the seed). */
export interface SelectRelaysOptions {
  /** How many relays: exactly one of `k` and `budget`. */
  k?: number | null;
  /** What the relays may cost in all, > 0: exactly one of `k` and `budget`. */
  budget?: number | null;
  /** Each person's cost, >= 0, indexed by id (default: the people's `cost`). */
  costs?: readonly number[] | Float64Array | null;
  /** The diffusion model (default: IndependentCascade(), probability 0.1). */
  model?: Model | null;
  /** Default "imm". */
  method?: RelayMethod;
  /** The approximation slack of IMM and OPIM-C, in (0, 1) (default 0.1). */
  epsilon?: number;
  /** IMM and OPIM-C succeed with probability 1 - 1/n^ell, ell > 0 (default 1). */
  ell?: number;
  /** Monte Carlo runs evaluating the relays (default 10000; 0: no evaluation). */
  evaluationRuns?: number;
  /** Monte Carlo runs per CELF estimate, >= 1 (default 1000). */
  celfRuns?: number;
  /** The model of the evaluation (default: `model`), for instance with fatigue. */
  evaluationModel?: Model | null;
  /** Default 0. */
  seed?: Seed;
}
/** What `selectRelays` returns. */
export interface RelaySelection {
  method: RelayMethod;
  /** The relays' ids, in the order chosen. */
  relays: Uint32Array;
  /** Their labels (`net.labels`). */
  labels: string[];
  /** Each relay's marginal gain when chosen (the baselines: their ranking score). */
  gains: Float64Array;
  /** Each relay's cost. */
  costs: Float64Array;
  /** The method's own estimate of the spread (IMM, OPIM-C, CELF), else null. */
  estimatedSpread: number | null;
  /** The relays' spread by independent Monte Carlo runs (null with `evaluationRuns: 0`). */
  spread: SpreadStats | null;
  /** The certified lower bound on the approximation ratio (IMM, OPIM-C), else null. */
  approximation: number | null;
  /** The relays' total cost. */
  cost: number;
  /** The reverse-reachable sets sampled. */
  samples: number;
}
"#;

/// [`RelaySelection`] as JS sees it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SelectionView<'a> {
    method: Method,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    relays: Uint32Array,
    labels: Vec<&'a str>,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    gains: Float64Array,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    costs: Float64Array,
    estimated_spread: Option<f64>,
    spread: Option<SpreadView<'a>>,
    approximation: Option<f64>,
    cost: f64,
    samples: u64,
}

impl<'a> SelectionView<'a> {
    fn new(
        s: &'a RelaySelection,
        labels: &'a [String],
        costs: &[f64],
        layers: &'a [String],
    ) -> Self {
        let relay_costs: Vec<f64> = s.relays.iter().map(|&v| costs[v as usize]).collect();
        SelectionView {
            method: s.method,
            relays: Uint32Array::from(&s.relays[..]),
            labels: s.relays.iter().map(|&v| labels[v as usize].as_str()).collect(),
            gains: Float64Array::from(&s.gains[..]),
            costs: Float64Array::from(&relay_costs[..]),
            estimated_spread: s.estimated_spread,
            spread: s.spread.as_ref().map(|stats| SpreadView::new(stats, layers)),
            approximation: s.approximation,
            cost: s.cost,
            samples: s.samples,
        }
    }
}

/// Chooses whom to enlist so that a message reaches the most people: `k` relays, or as many
/// as `budget` pays for at their `costs`, under `model` (default: `IndependentCascade()`).
///
/// `method` is `"imm"` or `"opim_c"` (within 1 - 1/e - `epsilon` of the optimum with probability
/// 1 - 1/n^`ell`; OPIM-C also certifies its own ratio), `"celf"` (lazy greedy on `celfRuns`
/// Monte Carlo runs per estimate), or the baselines `"degree"`, `"degree_discount"`,
/// `"pagerank"` and `"random"`. The relays are then evaluated by `evaluationRuns` cascades under
/// `evaluationModel` (default `model`). The numbers are those of Rust and Python for the same
/// seed.
#[wasm_bindgen(js_name = selectRelays, unchecked_return_type = "RelaySelection")]
pub fn select_relays(
    net: &Network,
    #[wasm_bindgen(unchecked_optional_param_type = "SelectRelaysOptions")] options: &JsValue,
) -> JsResult<JsValue> {
    let what = "options of selectRelays";
    let mut val = args::options(options, what)?;
    let seed: u64 = match val.take("seed") {
        None | Some(Val::Null) => 0,
        Some(v) => from_val(v, &format!("seed in {what}"))?,
    };
    // `model: null` means the default model, as an absent one does.
    if let Some(model) = val.take("model").filter(|m| *m != Val::Null) {
        if let Val::Obj(entries) = &mut val {
            entries.push(("model".into(), model));
        }
    }
    let options: SelectRelaysRequest =
        val.into_rust().map_err(|e| invalid_argument(what, &e.also_expected(&["seed"])))?;
    let net = net.core();
    let view = net.compiled();
    let request = SelectRelaysRequest { seed, ..options };
    let selection = relays::select_relays(&view, &request).or_throw()?;
    let labels = net.labels();
    let costs = request.costs.as_deref().unwrap_or(view.costs());
    let layers: Vec<String> = view.layers().iter().map(|l| l.name.clone()).collect();
    to_js(&SelectionView::new(&selection, &labels, costs, &layers))
}
