//! The balance sweep and the headline report: `balance` and `report`.
//!
//! `balance` takes one options object: the sweep's own keys (`mixes`, `rate`, `steps`,
//! `runs`, `seeds`, `model`, `effort`, `physicalCost`, `digitalCost`, `decline`), the routing
//! keys of `routeReferrals` (`strategy`, `forward`, `layerForward`, `maxHops`, `fatigue`,
//! `digitalFatigue`) and `seed`, as Python's `reseau.balance` takes keywords. `report` takes
//! `quick`, `seed` and any of the core's report options. Results are the core's serde form
//! with camelCase keys (layer names, which are data, are kept as they are).

use js_sys::{Array, Object, Reflect};
use reseau::balance::{BalanceRequest, balance as run_balance};
use reseau::referral::RouteOptions;
use reseau::report::{ReportOptions, ReportRequest};
use wasm_bindgen::prelude::*;

use crate::Network;
use crate::args::{self, to_js};
use crate::errors::{JsResult, OrThrow, internal, invalid_argument};
use crate::referral::field;
use crate::value::{Val, camel_case, snake_case};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** A digital layer in decline (the core's `Decline`). */
export interface Decline {
  /** The declining layer's name. */
  layer: string;
  /** The share of its remaining ties lost each period, in [0, 1] (default 0). */
  rate?: number;
  /** Periods after period 0 to report, >= 1. */
  periods: number;
  /** The period from which the layer has no ties at all. */
  vanishAt?: number | null;
}
/** What `balance` takes: the sweep, the routing options and the seed. */
export interface BalanceOptions extends RouteOptions {
  /** Shares of effort on physical ties, each in [0, 1] (default 0, 0.1, …, 1). */
  mixes?: readonly number[] | Float64Array;
  /** Random referral requests per step, > 0 (default 4). */
  rate?: number;
  /** Steps of requests; the second half is measured (default 300). */
  steps?: number;
  /** Cascades of the campaign per mix and period (default 1000). */
  runs?: number;
  /** The campaign's seeds, split by the mix (default 3). */
  seeds?: number;
  /** The campaign's model (default Independent Cascade p = 0.1). */
  model?: Model;
  /** Effort per person (default 2: the even mix is the model as given). */
  effort?: number;
  /** The effort a physical tie costs (default 1). */
  physicalCost?: number;
  /** The effort a digital tie costs (default 1). */
  digitalCost?: number;
  /** A digital layer in decline. */
  decline?: Decline | null;
  /** A separate digital inbox with its own fatigue. */
  digitalFatigue?: Fatigue | null;
  /** Default 0. */
  seed?: Seed;
}
/** One mix on one period's network. */
export interface BalanceRow {
  mix: number;
  period: number;
  decliningTies: number | null;
  successRate: number;
  successCi: [number, number];
  timeToTarget: number | null;
  timeCi: [number, number] | null;
  throughput: number;
  throughputCi: [number, number];
  referralOfflineShare: number;
  reach: number;
  reachCi: [number, number];
  cascadeOfflineShare: number;
}
export type Measure = "success_rate" | "time_to_target" | "throughput" | "reach";
/** The best mix for one measure on the network as given. */
export interface BestMix {
  measure: Measure;
  mix: number;
  value: number;
  ci: [number, number];
  interior: boolean;
  beatsEnds: boolean;
  flat: boolean;
}
/** The mix with the best mean over the periods of decline. */
export interface RobustMix {
  measure: Measure;
  mix: number;
  mean: number;
  worst: number;
  worstPeriod: number;
  initial: number;
}
/** What `balance` returns. */
export interface BalanceReport {
  mixes: number[];
  periods: number;
  decliningLayer: string | null;
  /** Period 0's mixes in order, then period 1's, and so on. */
  rows: BalanceRow[];
  best: BestMix[];
  robust: RobustMix[];
}
/** What `report` takes: `quick` for a preview, the seed (default 7), and report options. */
export interface ReportOptions {
  quick?: boolean;
  seed?: Seed;
  title?: string;
  runs?: number;
  relays?: number;
  budget?: number | null;
  mixes?: readonly number[];
  declineLayer?: string | null;
  declineRate?: number;
  declinePeriods?: number;
  [option: string]: unknown;
}
/** What `report` returns: the numbers, the text and the SVG charts by file name. */
export interface Report {
  numbers: Record<string, any>;
  text: string;
  charts: Record<string, string>;
}
"#;

/// The keys of `balance`'s options that are routing options (`physical_share` is not: each mix
/// sets it, and the sweep refuses it).
const ROUTING: [&str; 6] =
    ["strategy", "forward", "layer_forward", "max_hops", "fatigue", "digital_fatigue"];

/// Object keys under these keys are data (layer names), not field names.
const DATA_KEYS: [&str; 2] = ["layers", "layer_forward"];

/// `value` with every object key in camelCase, except the keys of the maps in [`DATA_KEYS`].
fn camelize(value: &JsValue, data: bool) -> JsResult<JsValue> {
    if let Some(array) = value.dyn_ref::<Array>() {
        let out = Array::new();
        for item in array.iter() {
            out.push(&camelize(&item, false)?);
        }
        return Ok(out.into());
    }
    if !value.is_object() || value.is_function() {
        return Ok(value.clone());
    }
    let object: &Object = value.unchecked_ref();
    let out = Object::new();
    for key in Object::keys(object).iter() {
        let name = key.as_string().unwrap_or_default();
        let item = Reflect::get(value, &key).map_err(|_| internal(&name))?;
        let renamed = if data { name.clone() } else { camel_case(&name) };
        let item = camelize(&item, DATA_KEYS.contains(&name.as_str()) && !Array::is_array(&item))?;
        Reflect::set(&out, &JsValue::from_str(&renamed), &item).map_err(|_| internal(&name))?;
    }
    Ok(out.into())
}

/// The options `base` with the keys of `given` over them.
fn overlay(base: &ReportOptions, given: Val, what: &str) -> JsResult<Val> {
    let base = Val::from_js(&to_js(base)?).map_err(|e| invalid_argument(what, &e))?;
    let (Val::Obj(mut entries), Val::Obj(given)) = (base, given) else {
        return Err(internal(what)); // both are objects: `args::options` and serde made them
    };
    for (key, value) in given {
        let field = snake_case(&key);
        entries.retain(|(k, _)| *k != field);
        entries.push((key, value));
    }
    Ok(Val::Obj(entries))
}

/// The balance sweep of physical against digital effort, under fatigue and platform decline:
/// for each mix, random referral requests and a campaign, on the network as given and period
/// after period of `decline`. Returns one row per mix and period, the best mix per measure
/// (interior or not, clear or flat) and the most robust mix under decline; the numbers are
/// those of Rust and Python for the same seed.
#[wasm_bindgen(unchecked_return_type = "BalanceReport")]
pub fn balance(
    net: &Network,
    #[wasm_bindgen(unchecked_optional_param_type = "BalanceOptions")] options: &JsValue,
) -> JsResult<JsValue> {
    let what = "options of balance";
    let mut val = args::options(options, what)?;
    let seed: u64 = field(&mut val, "seed", "seed", what)?.unwrap_or(0);
    // The routing keys go to the core's RouteOptions, the rest to its BalanceRequest.
    let mut routing = Vec::new();
    for key in ROUTING {
        if let Some(v) = val.take_field(key) {
            routing.push((key.to_owned(), v));
        }
    }
    // The routing options may also come nested, as `routing`.
    let nested: Option<RouteOptions> = field(&mut val, "routing", "routing", what)?;
    let sweep: BalanceRequest = val.into_rust().map_err(|e| {
        invalid_argument(
            what,
            &e.also_expected(
                &ROUTING.iter().chain(&["routing", "seed"]).copied().collect::<Vec<_>>(),
            ),
        )
    })?;
    let routing: RouteOptions = match nested {
        Some(nested) if !routing.is_empty() && nested != RouteOptions::default() => {
            return Err(reseau::Error::InvalidParameter {
                name: what.into(),
                value: "routing with routing keys beside it".into(),
                expected: "either `routing` or its keys at the top, not both".into(),
            })
            .or_throw();
        }
        Some(nested) if routing.is_empty() => nested,
        _ => Val::Obj(routing).into_rust().map_err(|e| invalid_argument(what, &e))?,
    };
    if let Some(share) = routing.physical_share {
        return Err(reseau::Error::InvalidParameter {
            name: "routing.physical_share".into(),
            value: share.to_string(),
            expected: "no value: each mix sets it".into(),
        })
        .or_throw();
    }
    let report = run_balance(net.core(), &sweep.with_routing(routing).seed(seed)).or_throw()?;
    camelize(&to_js(&report)?, false)
}

/// The headline report: the network offline and online, the best relays and their cost, a
/// campaign with its offline and online shares, the referral load curve with its collapse,
/// the balance sweep and the largest digital layer's decline. Returns `numbers` (the core's
/// report, camelCase keys), `text` (the page) and `charts` (SVG documents by file name), the
/// same as the `reseau report` command and Python's `reseau.report` for the same seed.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn report(
    net: &Network,
    #[wasm_bindgen(unchecked_optional_param_type = "ReportOptions")] options: &JsValue,
) -> JsResult<JsValue> {
    let what = "options of report";
    let mut val = args::options(options, what)?;
    let quick: bool = field(&mut val, "quick", "quick", what)?.unwrap_or(false);
    let seed: u64 = field(&mut val, "seed", "seed", what)?.unwrap_or(7);
    let base = if quick { ReportOptions::quick() } else { ReportOptions::default() };
    let options: ReportOptions = overlay(&base, val, what)?
        .into_rust()
        .map_err(|e| invalid_argument(what, &e.also_expected(&["quick", "seed"])))?;
    let request = ReportRequest::from_options(&options).seed(seed);
    let report = reseau::report::report(net.core(), &request).or_throw()?;
    let out = Object::new();
    let set = |key: &str, value: &JsValue| Reflect::set(&out, &JsValue::from_str(key), value);
    let charts = Object::new();
    for (name, svg) in report.charts() {
        let _ = Reflect::set(&charts, &JsValue::from_str(&name), &JsValue::from_str(&svg));
    }
    let numbers = camelize(&to_js(&report)?, false)?;
    let _ = set("numbers", &numbers);
    let _ = set("text", &JsValue::from_str(&report.text()));
    let _ = set("charts", &charts);
    Ok(out.into())
}
