//! Referral chains: `routeReferrals`, `traceReferrals` and `referralLoadCurve`.
//!
//! One options object carries the routing options (the core's own [`RouteOptions`], camelCase
//! keys: `strategy`, `physicalShare`, `forward`, `layerForward`, `maxHops`, `fatigue`), the
//! workload and the seed. The workload is either `requests`, an array of `[source, target]`
//! pairs of person ids or labels (the core's [`Workload::Pairs`], started at `rate` per step,
//! all at step 0 without one), or random pairs ([`Workload::Random`]):
//!
//! | given | random workload |
//! |---|---|
//! | nothing, or `nRequests` (default 1000) | all at step 0: rate = `nRequests`, 1 step |
//! | `nRequests` (or its default) and `rate` | the fewest steps that start at least `nRequests`: ⌈`nRequests` / `rate`⌉, and fewer than `rate` more requests when `rate` does not divide `nRequests` |
//! | `nRequests` (or its default) and `steps` | rate = `nRequests` / `steps`: exactly `nRequests` |
//! | `rate` and `steps` | ⌊rate·steps⌋ requests (`nRequests`, if given too, must agree) |
//!
//! the same mapping as the Python binding's `n_requests`, `rate` and `steps`. Results are plain objects
//! with camelCase keys and typed arrays: `Uint32Array` for counts of requests (fewer than
//! 2^32) and person ids, `Float64Array` for hops, shares and rates.

use js_sys::{Float64Array, Uint32Array};
use reseau::referral::{
    self, LoadCurve, LoadCurveRequest, Outcome, ReferralRequest, ReferralSummary, ReferralTrace,
    RouteOptions, Workload,
};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::Network;
use crate::args::{self, from_val, to_js};
use crate::cascade::{ByLayer, PersonRef, resolve};
use crate::errors::{JsResult, OrThrow, invalid_argument};
use crate::value::Val;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** How a holder chooses the contact to pass a request to. */
export type Strategy = "greedy" | "oracle" | "strongest_tie" | "hub" | "random";
/** How requests are forwarded (the core's `RouteOptions`). */
export interface RouteOptions {
  /** Default "greedy": towards the target by lattice distance, group, or landmarks. */
  strategy?: Strategy;
  /** The probability of choosing among physical ties when both kinds are available, in [0, 1] (default: no preference). */
  physicalShare?: number | null;
  /** The base probability that a holder forwards, in [0, 1] (default 1). */
  forward?: number;
  /** The base probability of forwarding by the layer a request arrived on, in [0, 1]. */
  layerForward?: Record<string, number>;
  /** The most ties a request may cross, >= 1 (default 50). */
  maxHops?: number;
  /** Shared by every request (default: no fatigue). */
  fatigue?: Fatigue | null;
}
/** A person named by id or by label. */
export type PersonRef = number | string;
/** The requests: given pairs, or random pairs (see `routeReferrals`). */
export interface WorkloadOptions {
  /** [source, target] pairs, ids or labels, routed in this order. */
  requests?: readonly (readonly [PersonRef, PersonRef])[] | null;
  /** Random requests in all (default 1000; exact, except with a `rate` that does not divide it); not with `requests`. */
  nRequests?: number;
  /** Requests started per step, > 0 (default: all at step 0). */
  rate?: number;
  /** Steps during which random requests start: with `rate`, or to spread `nRequests` over. */
  steps?: number;
}
export interface RouteReferralsOptions extends RouteOptions, WorkloadOptions {
  /** Default 0. */
  seed?: Seed;
}
/** One of the people who received the most requests. */
export interface Overloaded {
  person: number;
  /** `net.labels[person]`. */
  label: string;
  /** Requests that reached them, as an intermediary or as the target. */
  requests: number;
  /** The highest load they carried. */
  peakLoad: number;
}
/** What `routeReferrals` returns. Hop k is the person holding a request after k ties. */
export interface RouteSummary {
  requests: number;
  succeeded: number;
  successRate: number;
  /** The Wilson score 95% interval of the success rate. */
  successCi95: [number, number];
  /** Dropped by a holder unwilling to forward (base probability times fatigue). */
  unwilling: number;
  /** Dropped by a holder with no contact who had not held the request. */
  deadEnds: number;
  /** Dropped at `maxHops`. */
  truncated: number;
  /** Reached a target too tired to take them in. */
  ignored: number;
  /** Ties crossed by all requests together. */
  hops: number;
  /** The step at which the last request ended. */
  lastStep: number;
  /** `chainLengths[L]`: completed chains of L hops. */
  chainLengths: Uint32Array;
  /** Mean hops of the completed chains (null when none completed). */
  meanChainLength: number | null;
  /** Mean intermediaries of the completed chains, `meanChainLength - 1`. */
  meanIntermediaries: number | null;
  /** [steps, chains]: completed chains by the steps they took, sorted by steps. */
  times: [number, number][];
  /** Mean steps of the completed chains (null when none completed). */
  meanTime: number | null;
  /** `alive[k]`: requests that reached hop k held by someone other than their target. */
  alive: Uint32Array;
  /** `dropped[k]`: of those, the requests that ended there. */
  dropped: Uint32Array;
  /** `dropped[k] / alive[k]`: the attrition at each hop. */
  attrition: Float64Array;
  /** The layer names, in the network's order (that of `layerHops`). */
  layerNames: string[];
  /** Ties crossed on each layer. */
  layerHops: Float64Array;
  /** The share of all hops on each layer, by name. */
  layerShares: Record<string, number>;
  /** The people who received the most requests, most first, at most ten. */
  overloaded: Overloaded[];
}
/** How a request ended. */
export type Outcome = "delivered" | "unwilling" | "dead_end" | "truncated" | "ignored";
/** One request's journey, as `traceReferrals` returns it. */
export interface ReferralTrace {
  source: number;
  target: number;
  /** The step it started and the step it ended. */
  start: number;
  end: number;
  /** Everyone who held it, the source first. */
  path: Uint32Array;
  /** Their labels (`net.labels`). */
  labels: string[];
  /** The layer of each hop, by name: `layers[i]` joins `path[i]` to `path[i + 1]`. */
  layers: string[];
  /** Ties crossed: `path.length - 1`. */
  hops: number;
  outcome: Outcome;
}
export interface LoadCurveOptions extends RouteOptions {
  /** Steps during which requests start at each rate, >= 1 (default 200); the first half is a warm-up. */
  steps?: number;
  /** Default 0. */
  seed?: Seed;
}
/** What `referralLoadCurve` returns: one value per rate. */
export interface LoadCurve {
  rates: Float64Array;
  steps: number;
  /** The first steps, not measured (`steps / 2`, rounded down): loads build up. */
  warmup: number;
  /** Requests started after the warm-up, and those of them that reached their target. */
  requests: Float64Array;
  succeeded: Float64Array;
  /** Successful referrals per step after the warm-up. */
  throughput: Float64Array;
  successRate: Float64Array;
  /** Mean hops of the completed chains (NaN where none completed). */
  meanChainLength: Float64Array;
  peakIndex: number;
  peakRate: number;
  peakThroughput: number;
  /** The first rate past the peak whose throughput is below half the peak's (null: none). */
  collapseRate: number | null;
}
"#;

/// The keys the binding takes out of an options object before the rest becomes the core's
/// [`RouteOptions`].
const WORKLOAD_FIELDS: [&str; 5] = ["requests", "n_requests", "rate", "steps", "seed"];

/// `val`'s property `field` (either case) as `T`, if set.
pub(crate) fn field<T: serde::de::DeserializeOwned>(
    val: &mut Val,
    field: &str,
    shown: &str,
    what: &str,
) -> JsResult<Option<T>> {
    match val.take_field(field) {
        None | Some(Val::Null) => Ok(None),
        Some(v) => from_val(v, &format!("{shown} in {what}")).map(Some),
    }
}

/// What is left of an options object once the binding's keys are out: the routing options.
fn route_options(val: Val, what: &str, taken: &[&str]) -> JsResult<RouteOptions> {
    val.into_rust().map_err(|e| invalid_argument(what, &e.also_expected(taken)))
}

/// Two options that cannot go together.
fn conflict<T>(name: &str, with: &str) -> JsResult<T> {
    invalid(name, &format!("{name} with {with}"), &format!("either {name} or {with}, not both"))
}

/// The workload, routing options and seed of `routeReferrals` and `traceReferrals`.
fn route_arguments(
    net: &reseau::Network,
    options: &JsValue,
    what: &str,
) -> JsResult<(Workload, RouteOptions, u64)> {
    let what = format!("options of {what}");
    let mut val = args::options(options, &what)?;
    let requests: Option<Vec<[PersonRef; 2]>> = field(&mut val, "requests", "requests", &what)?;
    let n_requests: Option<u64> = field(&mut val, "n_requests", "nRequests", &what)?;
    let rate: Option<f64> = field(&mut val, "rate", "rate", &what)?;
    let steps: Option<u32> = field(&mut val, "steps", "steps", &what)?;
    let seed: u64 = field(&mut val, "seed", "seed", &what)?.unwrap_or(0);
    let options = route_options(val, &what, &WORKLOAD_FIELDS)?;

    let workload = if let Some(requests) = requests {
        if n_requests.is_some() {
            return conflict("nRequests", "requests");
        }
        if steps.is_some() {
            return conflict("steps", "requests");
        }
        let people: Vec<PersonRef> = requests.into_iter().flatten().collect();
        let ids = resolve(net, people)?;
        Workload::Pairs { pairs: ids.chunks_exact(2).map(|p| [p[0], p[1]]).collect(), rate }
    } else {
        random_workload(n_requests, rate, steps)?
    };
    Ok((workload, options, seed))
}

/// Random pairs from `nRequests`, `rate` and `steps`, any two of which set the third: the
/// core's `Workload::random_requests` (see the module docs).
fn random_workload(n: Option<u64>, rate: Option<f64>, steps: Option<u32>) -> JsResult<Workload> {
    Workload::random_requests(n, rate, steps).or_throw()
}

/// An `InvalidParameterError`.
fn invalid<T>(name: &str, value: &str, expected: &str) -> JsResult<T> {
    Err(reseau::Error::InvalidParameter {
        name: name.into(),
        value: value.into(),
        expected: expected.into(),
    })
    .or_throw()
}

/// Counts of requests, which the core keeps below 2^32.
fn counts(values: &[u64]) -> Uint32Array {
    let values: Vec<u32> = values.iter().map(|&x| u32::try_from(x).unwrap_or(u32::MAX)).collect();
    Uint32Array::from(&values[..])
}

fn floats(values: &[f64]) -> Float64Array {
    Float64Array::from(values)
}

/// [`reseau::referral::Overloaded`] as JS sees it, with the person's label.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct OverloadedView<'a> {
    person: u32,
    label: &'a str,
    requests: u64,
    peak_load: f64,
}

/// [`ReferralSummary`] as JS sees it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SummaryView<'a> {
    requests: u64,
    succeeded: u64,
    success_rate: f64,
    success_ci95: [f64; 2],
    unwilling: u64,
    dead_ends: u64,
    truncated: u64,
    ignored: u64,
    hops: u64,
    last_step: u64,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    chain_lengths: Uint32Array,
    mean_chain_length: Option<f64>,
    mean_intermediaries: Option<f64>,
    times: &'a [[u64; 2]],
    mean_time: Option<f64>,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    alive: Uint32Array,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    dropped: Uint32Array,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    attrition: Float64Array,
    layer_names: &'a [String],
    #[serde(with = "serde_wasm_bindgen::preserve")]
    layer_hops: Float64Array,
    layer_shares: ByLayer<'a>,
    overloaded: Vec<OverloadedView<'a>>,
}

impl<'a> SummaryView<'a> {
    fn new(s: &'a ReferralSummary, labels: &'a [String]) -> Self {
        let hops: Vec<f64> = s.layer_hops.iter().map(|&h| h as f64).collect();
        SummaryView {
            requests: s.requests,
            succeeded: s.succeeded,
            success_rate: s.success_rate,
            success_ci95: s.success_ci95,
            unwilling: s.unwilling,
            dead_ends: s.dead_ends,
            truncated: s.truncated,
            ignored: s.ignored,
            hops: s.hops,
            last_step: s.last_step,
            chain_lengths: counts(&s.chain_lengths),
            mean_chain_length: s.mean_chain_length,
            mean_intermediaries: s.mean_intermediaries(),
            times: &s.times,
            mean_time: s.mean_time,
            alive: counts(&s.alive),
            dropped: counts(&s.dropped),
            attrition: floats(&s.attrition),
            layer_names: &s.layer_names,
            layer_hops: floats(&hops),
            layer_shares: ByLayer { names: &s.layer_names, values: s.layer_shares.clone() },
            overloaded: s
                .overloaded
                .iter()
                .map(|o| OverloadedView {
                    person: o.person,
                    label: &labels[o.person as usize],
                    requests: o.requests,
                    peak_load: o.peak_load,
                })
                .collect(),
        }
    }
}

/// [`ReferralTrace`] as JS sees it: the path as ids and labels, the layers by name.
#[derive(Serialize)]
struct TraceView<'a> {
    source: u32,
    target: u32,
    start: u64,
    end: u64,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    path: Uint32Array,
    labels: Vec<&'a str>,
    layers: Vec<&'a str>,
    hops: usize,
    outcome: Outcome,
}

impl<'a> TraceView<'a> {
    fn new(t: &'a ReferralTrace) -> Self {
        TraceView {
            source: t.source,
            target: t.target,
            start: t.start,
            end: t.end,
            path: Uint32Array::from(&t.path[..]),
            labels: t.labels.iter().map(String::as_str).collect(),
            layers: t.layers.iter().map(String::as_str).collect(),
            hops: t.hops,
            outcome: t.outcome,
        }
    }
}

/// [`LoadCurve`] as JS sees it: one `Float64Array` per series, NaN for a mean over no chain.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CurveView {
    #[serde(with = "serde_wasm_bindgen::preserve")]
    rates: Float64Array,
    steps: u32,
    warmup: u32,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    requests: Float64Array,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    succeeded: Float64Array,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    throughput: Float64Array,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    success_rate: Float64Array,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    mean_chain_length: Float64Array,
    peak_index: usize,
    peak_rate: f64,
    peak_throughput: f64,
    collapse_rate: Option<f64>,
}

impl CurveView {
    fn new(c: &LoadCurve) -> Self {
        let as_f64 = |v: &[u64]| -> Vec<f64> { v.iter().map(|&x| x as f64).collect() };
        let means: Vec<f64> = c.mean_chain_length.iter().map(|m| m.unwrap_or(f64::NAN)).collect();
        CurveView {
            rates: floats(&c.rates),
            steps: c.steps,
            warmup: c.warmup,
            requests: floats(&as_f64(&c.requests)),
            succeeded: floats(&as_f64(&c.succeeded)),
            throughput: floats(&c.throughput),
            success_rate: floats(&c.success_rate),
            mean_chain_length: floats(&means),
            peak_index: c.peak_index,
            peak_rate: c.peak_rate,
            peak_throughput: c.peak_throughput,
            collapse_rate: c.collapse_rate,
        }
    }
}

/// Routes referral requests through `net` and summarises what happened: the success rate and
/// its 95% interval, chain lengths and times, attrition at each hop, the hops carried by
/// each layer, and the most solicited people.
///
/// The options are the routing options (`strategy`, `physicalShare`, `forward`,
/// `layerForward`, `maxHops`, `fatigue`), the workload and the `seed` (default 0). The
/// workload is `requests`, `[source, target]` pairs of ids or labels (started at `rate` per
/// step, else all at step 0), or random pairs, any two of `nRequests` (default 1000), `rate`
/// and `steps` setting the third: `nRequests` alone all at step 0; with `rate`, during the
/// fewest steps that start at least `nRequests`; with `steps`, exactly `nRequests` spread
/// over them. Every request shares one load per person. The numbers are those of Rust and
/// Python for the same seed.
#[wasm_bindgen(js_name = routeReferrals, unchecked_return_type = "RouteSummary")]
pub fn route_referrals(
    net: &Network,
    #[wasm_bindgen(unchecked_optional_param_type = "RouteReferralsOptions")] options: &JsValue,
) -> JsResult<JsValue> {
    let net = net.core();
    let (workload, options, seed) = route_arguments(net, options, "routeReferrals")?;
    let request = ReferralRequest::new(workload).options(options).seed(seed);
    let summary = referral::route_referrals(&net.compiled(), &request).or_throw()?;
    let labels = net.labels();
    to_js(&SummaryView::new(&summary, &labels))
}

/// Routes requests exactly as `routeReferrals` does with the same options and seed, and
/// returns every request's journey, in request order (that of `requests`, or of arrival):
/// its source and target, the steps it started and ended, the path of everyone who held it
/// (ids and labels), the layer of each hop (by name), the hops, and how it ended.
#[wasm_bindgen(js_name = traceReferrals, unchecked_return_type = "ReferralTrace[]")]
pub fn trace_referrals(
    net: &Network,
    #[wasm_bindgen(unchecked_optional_param_type = "RouteReferralsOptions")] options: &JsValue,
) -> JsResult<JsValue> {
    let net = net.core();
    let (workload, options, seed) = route_arguments(net, options, "traceReferrals")?;
    let request = ReferralRequest::new(workload).options(options).seed(seed);
    let traces = referral::trace_referrals(&net.compiled(), &request).or_throw()?;
    let views: Vec<TraceView<'_>> = traces.iter().map(TraceView::new).collect();
    to_js(&views)
}

/// The referral load curve: for each request rate in `rates` (increasing, each > 0), random
/// requests started at that rate during `steps` steps (default 200), measured after a
/// warm-up of the first half: the throughput (successful referrals per step), the success
/// rate, the mean chain length; the rate at which throughput peaks and the first rate past
/// it whose throughput falls below half the peak's, where the wave breaks (`null` if none).
/// The options are `steps`, the routing options and the `seed` (default 0).
#[wasm_bindgen(js_name = referralLoadCurve, unchecked_return_type = "LoadCurve")]
pub fn referral_load_curve(
    net: &Network,
    #[wasm_bindgen(unchecked_param_type = "readonly number[] | Float64Array")] rates: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LoadCurveOptions")] options: &JsValue,
) -> JsResult<JsValue> {
    let net = net.core();
    let what = "options of referralLoadCurve";
    let rates: Vec<f64> = match rates.dyn_ref::<Float64Array>() {
        Some(array) => array.to_vec(),
        None => args::from_js(rates, "rates of referralLoadCurve")?,
    };
    let mut val = args::options(options, what)?;
    let steps: u32 =
        field(&mut val, "steps", "steps", what)?.unwrap_or(referral::DEFAULT_CURVE_STEPS);
    let seed: u64 = field(&mut val, "seed", "seed", what)?.unwrap_or(0);
    let options = route_options(val, what, &["steps", "seed"])?;
    let request =
        LoadCurveRequest { rates, steps, seed, ..LoadCurveRequest::default() }.options(options);
    let curve = referral::referral_load_curve(&net.compiled(), &request).or_throw()?;
    to_js(&CurveView::new(&curve))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_workloads_from_n_requests_rate_and_steps() {
        let w = |n, r, s| random_workload(n, r, s).ok().unwrap();
        assert_eq!(w(None, None, None), Workload::random(1000.0, 1));
        assert_eq!(w(Some(40), None, None), Workload::random(40.0, 1));
        assert_eq!(w(Some(1000), Some(10.0), None), Workload::random(10.0, 100));
        assert_eq!(w(Some(1000), Some(3.0), None), Workload::random(3.0, 334));
        assert_eq!(w(None, Some(0.5), None), Workload::random(0.5, 2000));
        assert_eq!(w(None, Some(2.5), Some(4)), Workload::random(2.5, 4));
        assert_eq!(w(Some(10), Some(2.5), Some(4)), Workload::random(2.5, 4));
        assert_eq!(w(Some(100), None, Some(10)), Workload::random(10.0, 10));
        // A bad rate or no steps reach the core unchanged, which reports them.
        assert_eq!(w(None, Some(-1.0), None), Workload::random(-1.0, 1));
        assert_eq!(w(None, None, Some(0)), Workload::random(1.0, 0));
        for n in [1u64, 7, 1000, 12_345] {
            for rate in [0.3, 1.0, 2.5, 7.0, 0.1 + 0.2, 1000.0] {
                let len = w(Some(n), Some(rate), None).len();
                assert!(len >= n && (len as f64) < n as f64 + rate, "{n} at {rate}: {len}");
            }
            for steps in [1u32, 3, 7, 10, 999] {
                assert_eq!(w(Some(n), None, Some(steps)).len(), n, "{n} over {steps}");
            }
        }
    }
}
