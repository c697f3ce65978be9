//! Influence relays: `simulate`, `trace`, `exactSpread` and `validateModel`.
//!
//! The model is a plain object (what `IndependentCascade`, `WeightedCascade` and
//! `LinearThreshold` in the package's `index.js` return) deserialised into the core's own
//! [`Model`] and checked by the core; seeds are person ids or labels. Results are plain
//! objects with camelCase keys (serde's `rename_all` on the binding's view structs below),
//! typed arrays for everything indexed by person or step, and objects keyed by layer name.

use js_sys::{Float64Array, Int32Array, Uint32Array};
use reseau::cascade::{
    self, CascadeSummary, CascadeTrace, ExactSpreadRequest, Model, ModelKind, Seeds,
    SimulateRequest, SpreadStats, TraceRequest,
};
use serde::de::{self, Deserializer, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::Network;
use crate::args::{self, from_js, from_val, to_js};
use crate::errors::{JsResult, OrThrow};
use crate::value::Val;

/// A person named by id (a whole number) or by label (text).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum PersonRef {
    Id(u64),
    Label(String),
    /// A number that cannot be an id (negative, fractional, NaN): an unknown person, written
    /// as the core writes ids (`#-1`).
    NotAnId(String),
}

impl<'de> Deserialize<'de> for PersonRef {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        struct PersonVisitor;
        impl Visitor<'_> for PersonVisitor {
            type Value = PersonRef;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a person id or label")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<PersonRef, E> {
                Ok(PersonRef::Id(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<PersonRef, E> {
                Ok(PersonRef::NotAnId(format!("#{v}")))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<PersonRef, E> {
                Ok(PersonRef::NotAnId(format!("#{v}")))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<PersonRef, E> {
                Ok(PersonRef::Label(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<PersonRef, E> {
                Ok(PersonRef::Label(v))
            }
        }
        de.deserialize_any(PersonVisitor)
    }
}

/// Person ids for the core; a label or an impossible id is an `UnknownPersonError` (ids past
/// the end are left to the core, which says the same).
pub(crate) fn resolve(net: &reseau::Network, people: Vec<PersonRef>) -> JsResult<Vec<u32>> {
    people
        .into_iter()
        .map(|p| match p {
            PersonRef::Id(id) => u32::try_from(id)
                .map_err(|_| reseau::Error::UnknownPerson { person: format!("#{id}") }),
            PersonRef::Label(label) => net
                .index_of(&label)
                .map(|id| id.0)
                .ok_or_else(|| reseau::Error::UnknownPerson { person: format!("{label:?}") }),
            PersonRef::NotAnId(person) => Err(reseau::Error::UnknownPerson { person }),
        })
        .collect::<reseau::Result<_>>()
        .or_throw()
}

/// The options of `simulate`.
#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
struct SimulateOptions {
    model: Model,
    runs: u64,
    seed: u64,
    bad_seeds: Vec<PersonRef>,
}

impl Default for SimulateOptions {
    fn default() -> Self {
        SimulateOptions { model: Model::default(), runs: 1000, seed: 0, bad_seeds: Vec::new() }
    }
}

/// The options of `trace`.
#[derive(Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct TraceOptions {
    model: Model,
    seed: u64,
    bad_seeds: Vec<PersonRef>,
}

/// The options of `exactSpread`.
#[derive(Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct ExactOptions {
    model: Model,
}

/// An options object as `T`; `model: null` means the default model, as an absent one does.
fn cascade_options<T: de::DeserializeOwned>(options: &JsValue, what: &str) -> JsResult<T> {
    let what = format!("options of {what}");
    let mut val = args::options(options, &what)?;
    if let Some(model) = val.take("model").filter(|m| *m != Val::Null) {
        if let Val::Obj(entries) = &mut val {
            entries.push(("model".into(), model));
        }
    }
    from_val(val, &what)
}

/// The seeds of one or two campaigns, resolved against `net`.
fn seeds(
    net: &reseau::Network,
    good: &JsValue,
    bad: Vec<PersonRef>,
    what: &str,
) -> JsResult<Seeds> {
    let good: Vec<PersonRef> = from_js(good, &format!("seeds of {what}"))?;
    Ok(Seeds::new(resolve(net, good)?, resolve(net, bad)?))
}

/// Values by layer name, as an object whose keys are in the network's layer order.
pub(crate) struct ByLayer<'a> {
    pub(crate) names: &'a [String],
    pub(crate) values: Vec<f64>,
}

impl Serialize for ByLayer<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let mut map = ser.serialize_map(Some(self.names.len()))?;
        for (name, value) in self.names.iter().zip(&self.values) {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

/// [`SpreadStats`] as JS sees it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct SpreadView<'a> {
    mean: f64,
    std: f64,
    ci95: [f64; 2],
    #[serde(with = "serde_wasm_bindgen::preserve")]
    activation: Float64Array,
    by_layer: ByLayer<'a>,
    seeds: f64,
}

impl<'a> SpreadView<'a> {
    pub(crate) fn new(stats: &SpreadStats, names: &'a [String]) -> Self {
        SpreadView {
            mean: stats.mean,
            std: stats.std,
            ci95: stats.ci95,
            activation: Float64Array::from(&stats.activation[..]),
            by_layer: ByLayer { names, values: stats.by_layer.clone() },
            seeds: stats.seeds,
        }
    }
}

/// [`Summary`] as JS sees it: the total's statistics at the top, then by step, the layer
/// shares, and each valence.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SummaryView<'a> {
    runs: u64,
    #[serde(flatten)]
    total: SpreadView<'a>,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    by_step: Float64Array,
    layer_shares: ByLayer<'a>,
    layer_names: &'a [String],
    good: SpreadView<'a>,
    bad: SpreadView<'a>,
}

impl<'a> SummaryView<'a> {
    fn new(s: &'a CascadeSummary) -> Self {
        let names = &s.layer_names[..];
        SummaryView {
            runs: s.runs,
            total: SpreadView::new(&s.total, names),
            by_step: Float64Array::from(&s.by_step[..]),
            layer_shares: ByLayer { names, values: s.layer_shares() },
            layer_names: names,
            good: SpreadView::new(&s.good, names),
            bad: SpreadView::new(&s.bad, names),
        }
    }
}

/// [`Trace`] as JS sees it.
#[derive(Serialize)]
struct TraceView {
    #[serde(with = "serde_wasm_bindgen::preserve")]
    step: Int32Array,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    parent: Int32Array,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    layer: Int32Array,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    valence: Int32Array,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    order: Uint32Array,
    spread: usize,
}

/// −1 stays −1; steps and ids beyond `i32` (past two billion people) cannot occur in a
/// network that fits in WebAssembly's memory, and would show as `i32::MAX`.
fn int32(values: &[i64]) -> Int32Array {
    let values: Vec<i32> = values.iter().map(|&x| i32::try_from(x).unwrap_or(i32::MAX)).collect();
    Int32Array::from(&values[..])
}

impl TraceView {
    fn new(t: &CascadeTrace) -> Self {
        TraceView {
            step: int32(&t.step),
            parent: int32(&t.parent),
            layer: int32(&t.layer),
            valence: int32(&t.valence),
            order: Uint32Array::from(&t.order[..]),
            spread: t.spread(),
        }
    }
}

/// Simulates `runs` cascades from `seeds` (person ids or labels) and summarises them: the mean
/// spread, its standard deviation and 95% confidence interval, each person's activation
/// probability, the mean number reached by step, the spread carried by each layer and its
/// share, and the same per valence (`good`, `bad`). Run `i` uses the stream `(seed, i)`: the
/// numbers are those of Rust and Python for the same seed.
#[wasm_bindgen(unchecked_return_type = "Summary")]
pub fn simulate(
    net: &Network,
    #[wasm_bindgen(unchecked_param_type = "People")] seeds: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "SimulateOptions")] options: &JsValue,
) -> JsResult<JsValue> {
    let net = net.core();
    let o: SimulateOptions = cascade_options(options, "simulate")?;
    let seeds = self::seeds(net, seeds, o.bad_seeds, "simulate")?;
    let request = SimulateRequest::campaigns(&seeds).model(o.model).runs(o.runs).seed(o.seed);
    let summary = cascade::simulate(&net.compiled(), &request).or_throw()?;
    to_js(&SummaryView::new(&summary))
}

/// One run, recorded in full: for each person the step they were convinced, who convinced
/// them, through which layer (its index in `net.layers`) and with which valence (0 good,
/// 1 bad), −1 where not reached; everyone reached in order; the spread. It is run 0 of
/// `simulate` with the same seed.
#[wasm_bindgen(unchecked_return_type = "Trace")]
pub fn trace(
    net: &Network,
    #[wasm_bindgen(unchecked_param_type = "People")] seeds: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "TraceOptions")] options: &JsValue,
) -> JsResult<JsValue> {
    let net = net.core();
    let o: TraceOptions = cascade_options(options, "trace")?;
    let seeds = self::seeds(net, seeds, o.bad_seeds, "trace")?;
    let request = TraceRequest::campaigns(&seeds).model(o.model).seed(o.seed);
    let t = cascade::trace(&net.compiled(), &request).or_throw()?;
    to_js(&TraceView::new(&t))
}

/// The exact expected spread from `seeds`, by enumerating every live-edge graph: small
/// networks only (at most 2^20 outcomes), one campaign, no media, distrust blocking.
#[wasm_bindgen(js_name = exactSpread)]
pub fn exact_spread(
    net: &Network,
    #[wasm_bindgen(unchecked_param_type = "People")] seeds: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "{ model?: Model }")] options: &JsValue,
) -> JsResult<f64> {
    let net = net.core();
    let o: ExactOptions = cascade_options(options, "exactSpread")?;
    let seeds = self::seeds(net, seeds, Vec::new(), "exactSpread")?;
    let request = ExactSpreadRequest::campaigns(&seeds).model(o.model);
    cascade::exact_spread(&net.compiled(), &request).or_throw()
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
        let name = |k: ModelKind| to_js(&k).ok().and_then(|v| v.as_string()).unwrap_or_default();
        return Err(reseau::Error::InvalidParameter {
            name: "kind of model".into(),
            value: format!("{:?}", name(parsed.kind)),
            expected: format!("{:?}, the constructor's kind", name(kind)),
        })
        .or_throw();
    }
    parsed.validate().or_throw()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_are_ids_or_labels_and_impossible_ids_are_kept_for_the_error() {
        let val = Val::Seq(vec![
            Val::UInt(3),
            Val::Str("ana".into()),
            Val::Int(-1),
            Val::Float(1.5),
            Val::UInt(1 << 40),
        ]);
        let people: Vec<PersonRef> = val.into_rust().unwrap();
        assert_eq!(
            people,
            [
                PersonRef::Id(3),
                PersonRef::Label("ana".into()),
                PersonRef::NotAnId("#-1".into()),
                PersonRef::NotAnId("#1.5".into()),
                PersonRef::Id(1 << 40),
            ]
        );
        assert!(Val::Seq(vec![Val::Bool(true)]).into_rust::<Vec<PersonRef>>().is_err());
    }

    #[test]
    fn options_default_and_reject_unknown_keys() {
        let o: SimulateOptions = Val::Obj(Vec::new()).into_rust().unwrap();
        assert_eq!((o.runs, o.seed, o.model), (1000, 0, Model::default()));
        let v = Val::Obj(vec![
            ("badSeeds".into(), Val::Seq(vec![Val::UInt(1)])),
            ("model".into(), Val::Obj(vec![("goodMultiplier".into(), Val::Float(0.5))])),
        ]);
        let o: TraceOptions = v.into_rust().unwrap();
        assert_eq!(o.bad_seeds, [PersonRef::Id(1)]);
        assert!((o.model.good_multiplier - 0.5).abs() < f64::EPSILON);
        let err = Val::Obj(vec![("runs".into(), Val::UInt(5))]).into_rust::<TraceOptions>().err();
        assert!(err.unwrap().message().contains("unknown field `runs`"));
    }
}
