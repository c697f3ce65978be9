//! `reseau.simulate`, `reseau.trace`, `reseau.exact_spread`, the models and their results: the
//! core's `cascade` module, converted.
//!
//! Model arguments are turned into JSON and deserialised into the core's serde structs, so
//! the core checks every value; each call resolves its seeds with the GIL, runs the core with
//! the GIL released and converts the result (numpy arrays, no per-element objects).

use std::collections::BTreeMap;

use numpy::{PyArray1, PyReadonlyArray1};
use pyo3::exceptions::{PyOverflowError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyMapping, PyString, PyTuple, PyType};
use reseau::cascade::{
    self, Amplifiers, CascadeSummary, CascadeTrace, Distrust, ExactSpreadRequest, LayerSettings,
    MAX_RUNS, Model, ModelKind, PartialSummary, Seeds, SimulateRequest, SpreadStats, TraceRequest,
};
use reseau::{CompiledNetwork, Error, Network};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::sync::Arc;

use crate::control::watched;
use crate::convert::{from_json, to_json, to_py};
use crate::errors::{err, invalid};
use crate::fatigue::{PyFatigue, fatigue_arg, fatigue_repr};
use crate::network::{PyNetwork, py_str};
use crate::results::{html, plot, python_side, reduce};

// ----- conversions -----

pub(crate) use crate::results::Reduced;

/// The arguments given (and not `None`) as a JSON object, each named by its keyword in errors.
pub(crate) fn given(args: &[(&str, Option<&Bound<'_, PyAny>>)]) -> PyResult<Map<String, Value>> {
    let mut map = Map::new();
    for &(name, value) in args {
        if let Some(value) = value.filter(|v| !v.is_none()) {
            map.insert(name.to_owned(), to_json(value, name)?);
        }
    }
    Ok(map)
}

/// One core value from a Python value, through JSON: the core's serde definition decides
/// what is accepted, and a refusal is an `InvalidParameterError` naming `what`.
pub(crate) fn core_value<T: DeserializeOwned>(
    value: &Bound<'_, PyAny>,
    what: &str,
    expected: &str,
) -> PyResult<T> {
    from_json(what, to_json(value, what)?, expected)
}

/// A core value as plain Python objects (dicts, lists, floats), through its serde form. The
/// floats are copied exactly (no text in between), so pickling through this loses nothing.
pub(crate) fn to_python<'py, T: Serialize>(
    py: Python<'py>,
    value: &T,
    what: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let json =
        serde_json::to_value(value).map_err(|e| invalid(what, e, "a value that serialises"))?;
    to_py(py, &json)
}

/// The name serde gives an enum variant (`"independent_cascade"`, `"block"`).
pub(crate) fn variant_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(Value::String(name)) => name,
        _ => String::from("?"),
    }
}

/// Whether two floats differ, for showing only what is not a default.
pub(crate) fn differs(a: f64, b: f64) -> bool {
    a.to_bits() != b.to_bits()
}

pub(crate) fn option_repr<T: std::fmt::Debug>(value: Option<T>) -> String {
    value.map_or_else(|| "None".to_owned(), |v| format!("{v:?}"))
}

pub(crate) fn type_name(value: &Bound<'_, PyAny>) -> String {
    value.get_type().name().map_or_else(|_| "?".to_owned(), |n| n.to_string())
}

pub(crate) fn float_array<'py>(py: Python<'py>, values: &[f64]) -> Bound<'py, PyArray1<f64>> {
    PyArray1::from_slice(py, values)
}

/// Values by layer name, in the network's layer order.
pub(crate) fn by_name<'py>(
    py: Python<'py>,
    names: &[String],
    values: &[f64],
) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    for (name, value) in names.iter().zip(values) {
        dict.set_item(name, value)?;
    }
    Ok(dict)
}

// ----- per-layer settings and relays -----

/// Checks settings before they are given a layer.
fn check_settings(settings: &LayerSettings) -> PyResult<()> {
    settings.validate().map_err(err)
}

/// How a model treats one layer: ``multiplier`` scales the probability (Independent Cascade,
/// weighted cascade) or the weight (Linear Threshold) of the layer's ties, capped at 1
/// ("offline ties convince more" is a multiplier above 1 on physical layers);
/// ``probability`` replaces the layer's default probability (ties with their own keep it);
/// ``latency`` replaces the layer's latency in steps; ``enabled=False`` switches the layer off
/// (a platform that is down).
///
/// A model's ``layers`` maps layer names to ``LayerSettings`` or to plain dicts of the same
/// keys.
///
/// >>> import reseau
/// >>> offline = reseau.LayerSettings(multiplier=2.0, latency=2)
/// >>> offline
/// LayerSettings(multiplier=2.0, latency=2)
/// >>> offline.probability is None, offline.enabled
/// (True, True)
/// >>> reseau.LayerSettings(probability=1.5)
/// Traceback (most recent call last):
///     ...
/// reseau.InvalidParameterError: invalid probability: 1.5 (expected a probability in [0, 1])
#[pyclass(module = "reseau", name = "LayerSettings", frozen, eq)]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PyLayerSettings {
    inner: LayerSettings,
}

#[pymethods]
impl PyLayerSettings {
    #[new]
    #[pyo3(signature = (multiplier = None, probability = None, latency = None, enabled = None))]
    #[pyo3(text_signature = "(multiplier=1.0, probability=None, latency=None, enabled=True)")]
    fn new(
        multiplier: Option<&Bound<'_, PyAny>>,
        probability: Option<&Bound<'_, PyAny>>,
        latency: Option<&Bound<'_, PyAny>>,
        enabled: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let map = given(&[
            ("multiplier", multiplier),
            ("probability", probability),
            ("latency", latency),
            ("enabled", enabled),
        ])?;
        let inner: LayerSettings = from_json(
            "LayerSettings",
            Value::Object(map),
            "a number multiplier, probability and latency, and a bool enabled",
        )?;
        check_settings(&inner)?;
        Ok(PyLayerSettings { inner })
    }

    /// Multiplies the probability (or Linear Threshold weight) of the layer's ties.
    #[getter]
    fn multiplier(&self) -> f64 {
        self.inner.multiplier
    }

    /// Replaces the layer's default probability; ``None`` keeps it.
    #[getter]
    fn probability(&self) -> Option<f64> {
        self.inner.probability
    }

    /// Replaces the layer's latency in steps; ``None`` keeps it.
    #[getter]
    fn latency(&self) -> Option<u32> {
        self.inner.latency
    }

    /// ``False`` switches the layer off for the simulation.
    #[getter]
    fn enabled(&self) -> bool {
        self.inner.enabled
    }

    /// The settings as a dict of their fields.
    ///
    /// >>> import reseau
    /// >>> reseau.LayerSettings(multiplier=2.0).to_dict()
    /// {'enabled': True, 'latency': None, 'multiplier': 2.0, 'probability': None}
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.inner, "layer settings")
    }

    fn __repr__(&self) -> String {
        format!("LayerSettings({})", settings_args(&self.inner).join(", "))
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyType>, Bound<'py, PyTuple>)> {
        let s = &slf.get().inner;
        let args = (s.multiplier, s.probability, s.latency, s.enabled);
        Ok((slf.get_type(), args.into_pyobject(slf.py())?))
    }
}

/// The keyword arguments that differ from the defaults, for `__repr__`.
fn settings_args(s: &LayerSettings) -> Vec<String> {
    let d = LayerSettings::default();
    let mut args = Vec::new();
    if differs(s.multiplier, d.multiplier) {
        args.push(format!("multiplier={:?}", s.multiplier));
    }
    if s.probability != d.probability {
        args.push(format!("probability={}", option_repr(s.probability)));
    }
    if s.latency != d.latency {
        args.push(format!("latency={}", option_repr(s.latency)));
    }
    if s.enabled != d.enabled {
        args.push(format!("enabled={}", if s.enabled { "True" } else { "False" }));
    }
    args
}

/// How influencers and media relay a message: an ``influencer`` multiplies the probability
/// (or Linear Threshold weight) of what it passes on its digital layers by
/// ``influencer_multiplier`` (capped at 1); a ``media`` person picks a story up once at least
/// ``media_threshold`` of the people it follows carry it, then passes it to its audience with
/// ``media_probability`` (``None``: the ties' own probabilities).
///
/// >>> import reseau
/// >>> relays = reseau.Relays(influencer_multiplier=3.0, media_threshold=2)
/// >>> relays
/// Relays(influencer_multiplier=3.0)
/// >>> reseau.IndependentCascade(0.1, relays={"media_threshold": 3}).relays.media_threshold
/// 3
#[pyclass(module = "reseau", name = "Relays", frozen, eq)]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PyRelays {
    inner: Amplifiers,
}

#[pymethods]
impl PyRelays {
    #[new]
    #[pyo3(signature = (influencer_multiplier = None, media_threshold = None, media_probability = None))]
    #[pyo3(
        text_signature = "(influencer_multiplier=1.0, media_threshold=2, media_probability=None)"
    )]
    fn new(
        influencer_multiplier: Option<&Bound<'_, PyAny>>,
        media_threshold: Option<&Bound<'_, PyAny>>,
        media_probability: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let map = given(&[
            ("influencer_multiplier", influencer_multiplier),
            ("media_threshold", media_threshold),
            ("media_probability", media_probability),
        ])?;
        let inner: Amplifiers = from_json(
            "Relays",
            Value::Object(map),
            "a number influencer_multiplier and media_probability, an integer media_threshold",
        )?;
        inner.validate().map_err(err)?;
        Ok(PyRelays { inner })
    }

    /// What an influencer multiplies the probability of its digital ties by.
    #[getter]
    fn influencer_multiplier(&self) -> f64 {
        self.inner.influencer_multiplier
    }

    /// How many of the people a media person follows must carry a story before it picks it up.
    #[getter]
    fn media_threshold(&self) -> u32 {
        self.inner.media_threshold
    }

    /// The probability of a media person's ties, or ``None`` for the ties' own.
    #[getter]
    fn media_probability(&self) -> Option<f64> {
        self.inner.media_probability
    }

    /// The relays as a dict of their fields.
    ///
    /// >>> import reseau
    /// >>> reseau.Relays().to_dict()
    /// {'influencer_multiplier': 1.0, 'media_probability': None, 'media_threshold': 2}
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.inner, "relays")
    }

    fn __repr__(&self) -> String {
        format!("Relays({})", relays_args(&self.inner).join(", "))
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyType>, Bound<'py, PyTuple>)> {
        let r = &slf.get().inner;
        let args = (r.influencer_multiplier, r.media_threshold, r.media_probability);
        Ok((slf.get_type(), args.into_pyobject(slf.py())?))
    }
}

fn relays_args(r: &Amplifiers) -> Vec<String> {
    let d = Amplifiers::default();
    let mut args = Vec::new();
    if differs(r.influencer_multiplier, d.influencer_multiplier) {
        args.push(format!("influencer_multiplier={:?}", r.influencer_multiplier));
    }
    if r.media_threshold != d.media_threshold {
        args.push(format!("media_threshold={}", r.media_threshold));
    }
    if r.media_probability != d.media_probability {
        args.push(format!("media_probability={}", option_repr(r.media_probability)));
    }
    args
}

// ----- models -----

/// The arguments every model class takes.
struct Common<'a, 'py> {
    layers: Option<&'a Bound<'py, PyAny>>,
    relays: Option<&'a Bound<'py, PyAny>>,
    good_multiplier: Option<&'a Bound<'py, PyAny>>,
    bad_multiplier: Option<&'a Bound<'py, PyAny>>,
    distrust: Option<&'a Bound<'py, PyAny>>,
    fatigue: Option<&'a Bound<'py, PyAny>>,
}

pub(crate) fn present<'a, 'py>(
    value: Option<&'a Bound<'py, PyAny>>,
) -> Option<&'a Bound<'py, PyAny>> {
    value.filter(|v| !v.is_none())
}

fn layers_arg(layers: &Bound<'_, PyAny>) -> PyResult<BTreeMap<String, LayerSettings>> {
    let mapping = layers.cast::<PyMapping>().map_err(|_| {
        PyTypeError::new_err(format!(
            "layers: expected a dict of layer name to settings, not {}",
            type_name(layers)
        ))
    })?;
    let mut out = BTreeMap::new();
    for item in mapping.items()?.iter() {
        let (key, value): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
        let name: String = key.extract().map_err(|_| {
            PyTypeError::new_err(format!(
                "layers: keys are layer names (str), not {}",
                type_name(&key)
            ))
        })?;
        let settings = if let Ok(s) = value.cast::<PyLayerSettings>() {
            s.get().inner.clone()
        } else {
            core_value(
                &value,
                &format!("layers[{name:?}]"),
                "a LayerSettings, or a dict of multiplier, probability, latency and enabled",
            )?
        };
        out.insert(name, settings);
    }
    Ok(out)
}

fn relays_arg(relays: &Bound<'_, PyAny>) -> PyResult<Amplifiers> {
    if let Ok(r) = relays.cast::<PyRelays>() {
        return Ok(r.get().inner.clone());
    }
    core_value(
        relays,
        "relays",
        "a Relays, or a dict of influencer_multiplier, media_threshold and media_probability",
    )
}

fn thresholds_arg(thresholds: &Bound<'_, PyAny>) -> PyResult<Vec<f64>> {
    // A float64 array is read directly, without a Python float per person.
    if let Ok(array) = thresholds.extract::<PyReadonlyArray1<'_, f64>>() {
        return Ok(array.as_array().iter().copied().collect());
    }
    core_value(thresholds, "thresholds", "a sequence of numbers in [0, 1], one per person")
}

/// A model of `kind` from the constructor's arguments, checked by the core.
fn build(
    kind: ModelKind,
    probability: Option<&Bound<'_, PyAny>>,
    thresholds: Option<&Bound<'_, PyAny>>,
    common: &Common<'_, '_>,
) -> PyResult<PyModel> {
    let mut model = Model { kind, ..Model::default() };
    if let Some(p) = present(probability) {
        model.probability = core_value(p, "probability", "a probability in [0, 1]")?;
    }
    if let Some(t) = present(thresholds) {
        model.thresholds = Some(thresholds_arg(t)?);
    }
    if let Some(layers) = present(common.layers) {
        model.layers = layers_arg(layers)?;
    }
    if let Some(relays) = present(common.relays) {
        model.amplifiers = relays_arg(relays)?;
    }
    if let Some(m) = present(common.good_multiplier) {
        model.good_multiplier = core_value(m, "good_multiplier", "a finite number >= 0")?;
    }
    if let Some(m) = present(common.bad_multiplier) {
        model.bad_multiplier = core_value(m, "bad_multiplier", "a finite number >= 0")?;
    }
    if let Some(d) = present(common.distrust) {
        model.distrust = core_value::<Distrust>(d, "distrust", "\"block\" or \"invert\"")?;
    }
    if let Some(f) = present(common.fatigue) {
        model.fatigue = Some(fatigue_arg(f)?);
    }
    model.validate().map_err(err)?;
    Ok(PyModel { inner: model })
}

fn class_name(kind: ModelKind) -> &'static str {
    match kind {
        ModelKind::IndependentCascade => "IndependentCascade",
        ModelKind::WeightedCascade => "WeightedCascade",
        ModelKind::LinearThreshold => "LinearThreshold",
    }
}

/// The model as a Python object of the class of its kind.
fn model_object(py: Python<'_>, model: Model) -> PyResult<Bound<'_, PyModel>> {
    let kind = model.kind;
    let base = PyClassInitializer::from(PyModel { inner: model });
    Ok(match kind {
        ModelKind::IndependentCascade => {
            Bound::new(py, base.add_subclass(PyIndependentCascade))?.into_super()
        }
        ModelKind::WeightedCascade => {
            Bound::new(py, base.add_subclass(PyWeightedCascade))?.into_super()
        }
        ModelKind::LinearThreshold => {
            Bound::new(py, base.add_subclass(PyLinearThreshold))?.into_super()
        }
    })
}

/// The kind a model class stands for (`None` for the base class `Model`).
fn kind_of_class(cls: &Bound<'_, PyType>) -> Option<ModelKind> {
    let py = cls.py();
    [
        (py.get_type::<PyIndependentCascade>(), ModelKind::IndependentCascade),
        (py.get_type::<PyWeightedCascade>(), ModelKind::WeightedCascade),
        (py.get_type::<PyLinearThreshold>(), ModelKind::LinearThreshold),
    ]
    .into_iter()
    .find(|(class, _)| cls.is_subclass(class).unwrap_or(false))
    .map(|(_, kind)| kind)
}

/// A diffusion model: the base class of :class:`IndependentCascade`,
/// :class:`WeightedCascade` and :class:`LinearThreshold`, which hold their settings:
/// ``layers`` (per-layer :class:`LayerSettings`), ``relays`` (:class:`Relays`), the
/// multipliers of good and bad buzz (``good_multiplier``, ``bad_multiplier``: a negativity
/// bias is a bad multiplier above 1) and ``distrust``, what a distrust tie (sign -1) does to
/// a message: ``"block"`` it, or ``"invert"`` it (good buzz from a distrusted source is taken
/// as bad, and bad as good); ``fatigue``, recommendation fatigue (a :class:`Fatigue`, or a
/// dict as ``Fatigue.to_dict()`` writes it): the more often a person is exposed, the less
/// they are convinced and the less they pass the message on.
///
/// Models are immutable, compare equal when their settings are, pickle, and convert to and
/// from dicts.
///
/// >>> import reseau
/// >>> model = reseau.IndependentCascade(0.1, layers={"lunch": {"multiplier": 2.0}})
/// >>> isinstance(model, reseau.Model), model.kind
/// (True, 'independent_cascade')
/// >>> reseau.Model.from_dict(model.to_dict()) == model
/// True
/// >>> reseau.IndependentCascade(0.2, fatigue=reseau.Fatigue.hill(2, 2))
/// IndependentCascade(probability=0.2, fatigue=Fatigue.hill(half=2.0, exponent=2.0))
#[pyclass(module = "reseau", name = "Model", frozen, subclass, eq)]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PyModel {
    pub(crate) inner: Model,
}

#[pymethods]
impl PyModel {
    /// The rule: ``"independent_cascade"``, ``"weighted_cascade"`` or ``"linear_threshold"``.
    #[getter]
    fn kind(&self) -> String {
        variant_name(&self.inner.kind)
    }

    /// The settings of each layer named, as :class:`LayerSettings`; other layers use the
    /// defaults.
    #[getter]
    fn layers(&self) -> BTreeMap<String, PyLayerSettings> {
        self.inner
            .layers
            .iter()
            .map(|(name, s)| (name.clone(), PyLayerSettings { inner: s.clone() }))
            .collect()
    }

    /// How influencers and media relay the message, as :class:`Relays`.
    #[getter]
    fn relays(&self) -> PyRelays {
        PyRelays { inner: self.inner.amplifiers.clone() }
    }

    /// What good buzz's probabilities (or weights) are multiplied by.
    #[getter]
    fn good_multiplier(&self) -> f64 {
        self.inner.good_multiplier
    }

    /// What bad buzz's probabilities (or weights) are multiplied by: above 1, a negativity
    /// bias.
    #[getter]
    fn bad_multiplier(&self) -> f64 {
        self.inner.bad_multiplier
    }

    /// What a distrust tie does to a message: ``"block"`` or ``"invert"``.
    #[getter]
    fn distrust(&self) -> String {
        variant_name(&self.inner.distrust)
    }

    /// Recommendation fatigue, as :class:`Fatigue` (``None``: none): every attempt on a
    /// person not yet convinced adds 1 to their load, and succeeds with its probability times
    /// their willingness at their load before it; a person so convinced passes the message on
    /// at all with that same willingness. Seeds and media are not subject to fatigue.
    #[getter]
    fn fatigue(&self) -> Option<PyFatigue> {
        self.inner.fatigue.map(|inner| PyFatigue { inner })
    }

    /// The model as a dict (the core's serde form, which JSON and the JavaScript package
    /// share): ``kind``, the settings, and ``probability`` (Independent Cascade) or
    /// ``thresholds`` (Linear Threshold).
    ///
    /// >>> import reseau
    /// >>> d = reseau.WeightedCascade(distrust="invert").to_dict()
    /// >>> d["kind"], d["distrust"], d["bad_multiplier"], "probability" in d
    /// ('weighted_cascade', 'invert', 1.0, False)
    /// >>> d["relays"]
    /// {'influencer_multiplier': 1.0, 'media_probability': None, 'media_threshold': 2}
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let mut value = serde_json::to_value(&self.inner)
            .map_err(|e| invalid("model", e, "a model that serialises"))?;
        if let Value::Object(map) = &mut value {
            if self.inner.kind != ModelKind::IndependentCascade {
                map.remove("probability");
            }
            if self.inner.kind != ModelKind::LinearThreshold {
                map.remove("thresholds");
            }
            // The Python surface keeps its key until the binding's rewrite renames it.
            if let Some(amplifiers) = map.remove("amplifiers") {
                map.insert("relays".to_owned(), amplifiers);
            }
        }
        to_py(py, &value)
    }

    /// The model a dict describes, as :meth:`to_dict` writes it (keys left out take their
    /// defaults). ``Model.from_dict`` builds the class named by ``kind``; a model class takes
    /// only dicts of its own kind.
    ///
    /// >>> import reseau
    /// >>> reseau.Model.from_dict({"kind": "linear_threshold", "bad_multiplier": 2.0})
    /// LinearThreshold(bad_multiplier=2.0)
    /// >>> reseau.IndependentCascade.from_dict({"probability": 0.2})
    /// IndependentCascade(probability=0.2)
    #[classmethod]
    fn from_dict<'py>(
        cls: &Bound<'py, PyType>,
        data: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyModel>> {
        let mut value = to_json(data, "model")?;
        let Value::Object(map) = &mut value else {
            return Err(PyTypeError::new_err(format!(
                "from_dict: expected a dict, not {}",
                type_name(data)
            )));
        };
        if let Some(kind) = kind_of_class(cls) {
            let name = variant_name(&kind);
            match map.get("kind") {
                None => {
                    map.insert("kind".to_owned(), Value::String(name));
                }
                Some(Value::String(given)) if *given == name => {}
                Some(other) => {
                    return Err(invalid(
                        "kind",
                        other,
                        &format!("{name:?} for {}", class_name(kind)),
                    ));
                }
            }
        }
        let model: Model = from_json("model", value, "a dict as Model.to_dict() writes it")?;
        model.validate().map_err(err)?;
        model_object(cls.py(), model)
    }

    fn __repr__(&self) -> String {
        let m = &self.inner;
        let d = Model::default();
        let mut args = Vec::new();
        if m.kind == ModelKind::IndependentCascade {
            args.push(format!("probability={:?}", m.probability));
        }
        if let Some(t) = &m.thresholds {
            if t.len() <= 6 {
                args.push(format!("thresholds={t:?}"));
            } else {
                args.push(format!("thresholds=<{} values>", t.len()));
            }
        }
        if !m.layers.is_empty() {
            let layers: Vec<String> = m
                .layers
                .iter()
                .map(|(name, s)| {
                    format!("{}: LayerSettings({})", py_str(name), settings_args(s).join(", "))
                })
                .collect();
            args.push(format!("layers={{{}}}", layers.join(", ")));
        }
        if m.amplifiers != d.amplifiers {
            args.push(format!("relays=Relays({})", relays_args(&m.amplifiers).join(", ")));
        }
        if differs(m.good_multiplier, d.good_multiplier) {
            args.push(format!("good_multiplier={:?}", m.good_multiplier));
        }
        if differs(m.bad_multiplier, d.bad_multiplier) {
            args.push(format!("bad_multiplier={:?}", m.bad_multiplier));
        }
        if m.distrust != d.distrust {
            args.push(format!("distrust='{}'", variant_name(&m.distrust)));
        }
        if let Some(f) = &m.fatigue {
            args.push(format!("fatigue={}", fatigue_repr(f)));
        }
        format!("{}({})", class_name(m.kind), args.join(", "))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> Reduced<'py, (Bound<'py, PyAny>,)> {
        let rebuild = slf.get_type().getattr("from_dict")?;
        Ok((rebuild, (slf.get().to_dict(slf.py())?,)))
    }
}

/// Independent Cascade: each newly convinced person gets one chance per tie to convince the
/// other end, with the tie's probability: the tie's own if set, else the layer's settings' or
/// the layer's default, else the model's ``probability``; times the layer's multiplier, the
/// influencer multiplier where it applies and the valence multiplier, capped at 1. Parallel
/// ties between the same two people in one layer count as 1 - (1 - p)^m.
///
/// >>> import reseau
/// >>> model = reseau.IndependentCascade(probability=0.1, layers={"lunch": reseau.LayerSettings(multiplier=2.0)})
/// >>> model
/// IndependentCascade(probability=0.1, layers={'lunch': LayerSettings(multiplier=2.0)})
/// >>> reseau.IndependentCascade(probability=float("nan"))
/// Traceback (most recent call last):
///     ...
/// reseau.InvalidParameterError: invalid probability: NaN (expected a finite number)
#[pyclass(module = "reseau", name = "IndependentCascade", extends = PyModel, frozen)]
pub(crate) struct PyIndependentCascade;

#[pymethods]
impl PyIndependentCascade {
    #[new]
    #[pyo3(signature = (probability = None, *, layers = None, relays = None, good_multiplier = None, bad_multiplier = None, distrust = None, fatigue = None))]
    #[pyo3(
        text_signature = "(probability=0.1, *, layers=None, relays=None, good_multiplier=1.0, bad_multiplier=1.0, distrust='block', fatigue=None)"
    )]
    fn new(
        probability: Option<&Bound<'_, PyAny>>,
        layers: Option<&Bound<'_, PyAny>>,
        relays: Option<&Bound<'_, PyAny>>,
        good_multiplier: Option<&Bound<'_, PyAny>>,
        bad_multiplier: Option<&Bound<'_, PyAny>>,
        distrust: Option<&Bound<'_, PyAny>>,
        fatigue: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyClassInitializer<Self>> {
        let common = Common { layers, relays, good_multiplier, bad_multiplier, distrust, fatigue };
        let model = build(ModelKind::IndependentCascade, probability, None, &common)?;
        Ok(PyClassInitializer::from(model).add_subclass(PyIndependentCascade))
    }

    /// The model's default probability, for ties whose layer has none.
    #[getter]
    fn probability(slf: &Bound<'_, Self>) -> f64 {
        slf.as_super().get().inner.probability
    }
}

/// The weighted cascade: Independent Cascade with p(u, v) = 1 / in-degree of v in the tie's
/// layer (parallel ties count in the degree), times the multipliers.
///
/// >>> import reseau
/// >>> reseau.WeightedCascade(bad_multiplier=1.5)
/// WeightedCascade(bad_multiplier=1.5)
#[pyclass(module = "reseau", name = "WeightedCascade", extends = PyModel, frozen)]
pub(crate) struct PyWeightedCascade;

#[pymethods]
impl PyWeightedCascade {
    #[new]
    #[pyo3(signature = (*, layers = None, relays = None, good_multiplier = None, bad_multiplier = None, distrust = None, fatigue = None))]
    #[pyo3(
        text_signature = "(*, layers=None, relays=None, good_multiplier=1.0, bad_multiplier=1.0, distrust='block', fatigue=None)"
    )]
    fn new(
        layers: Option<&Bound<'_, PyAny>>,
        relays: Option<&Bound<'_, PyAny>>,
        good_multiplier: Option<&Bound<'_, PyAny>>,
        bad_multiplier: Option<&Bound<'_, PyAny>>,
        distrust: Option<&Bound<'_, PyAny>>,
        fatigue: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyClassInitializer<Self>> {
        let common = Common { layers, relays, good_multiplier, bad_multiplier, distrust, fatigue };
        let model = build(ModelKind::WeightedCascade, None, None, &common)?;
        Ok(PyClassInitializer::from(model).add_subclass(PyWeightedCascade))
    }
}

/// Linear Threshold: a person is convinced once the weight of their convinced contacts
/// reaches their threshold. Each person's incoming weights (tie weight times the layer's
/// multiplier, over every enabled layer) are normalised to sum to 1. ``thresholds`` gives each
/// person's threshold (a sequence or numpy array, one per person, in [0, 1]); ``None`` draws
/// them uniformly in [0, 1) for each run.
///
/// >>> import reseau
/// >>> reseau.LinearThreshold(thresholds=[0.5, 0.5, 0.2])
/// LinearThreshold(thresholds=[0.5, 0.5, 0.2])
/// >>> reseau.LinearThreshold().thresholds is None
/// True
#[pyclass(module = "reseau", name = "LinearThreshold", extends = PyModel, frozen)]
pub(crate) struct PyLinearThreshold;

#[pymethods]
impl PyLinearThreshold {
    #[new]
    #[pyo3(signature = (*, thresholds = None, layers = None, relays = None, good_multiplier = None, bad_multiplier = None, distrust = None, fatigue = None))]
    #[pyo3(
        text_signature = "(*, thresholds=None, layers=None, relays=None, good_multiplier=1.0, bad_multiplier=1.0, distrust='block', fatigue=None)"
    )]
    fn new(
        thresholds: Option<&Bound<'_, PyAny>>,
        layers: Option<&Bound<'_, PyAny>>,
        relays: Option<&Bound<'_, PyAny>>,
        good_multiplier: Option<&Bound<'_, PyAny>>,
        bad_multiplier: Option<&Bound<'_, PyAny>>,
        distrust: Option<&Bound<'_, PyAny>>,
        fatigue: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyClassInitializer<Self>> {
        let common = Common { layers, relays, good_multiplier, bad_multiplier, distrust, fatigue };
        let model = build(ModelKind::LinearThreshold, None, thresholds, &common)?;
        Ok(PyClassInitializer::from(model).add_subclass(PyLinearThreshold))
    }

    /// Each person's threshold (a float64 array), or ``None`` when they are drawn for each
    /// run.
    #[getter]
    fn thresholds<'py>(slf: &Bound<'py, Self>) -> Option<Bound<'py, PyArray1<f64>>> {
        let model = &slf.as_super().get().inner;
        model.thresholds.as_deref().map(|t| float_array(slf.py(), t))
    }
}

// ----- seeds -----

/// One person, by id (an int or numpy integer) or by label (a str).
pub(crate) fn person_arg(net: &Network, item: &Bound<'_, PyAny>, what: &str) -> PyResult<u32> {
    if let Ok(label) = item.cast::<PyString>() {
        let label = label.to_cow()?;
        return net
            .index_of(&label)
            .map(|p| p.0)
            .ok_or_else(|| err(Error::UnknownPerson { person: format!("{label:?}") }));
    }
    let not_a_person = || {
        PyTypeError::new_err(format!(
            "{what}: a person is an id (int) or a label (str), not {}",
            type_name(item)
        ))
    };
    if item.is_instance_of::<PyBool>() || item.is_instance_of::<PyFloat>() {
        return Err(not_a_person());
    }
    // Any integer (numpy's too, through `__index__`).
    match item.extract::<i64>() {
        Ok(id) => Ok(crate::convert::person(net, id)?.0),
        // An integer too large for any network.
        Err(e) if e.is_instance_of::<PyOverflowError>(item.py()) => {
            Err(err(Error::UnknownPerson { person: format!("#{}", item.str()?) }))
        }
        Err(_) => Err(not_a_person()),
    }
}

/// People by id or label: an iterable of them, or a single one.
fn people_arg(net: &Network, people: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Vec<u32>> {
    let Some(people) = present(people) else { return Ok(Vec::new()) };
    if people.is_instance_of::<PyString>() {
        return Ok(vec![person_arg(net, people, what)?]);
    }
    match people.try_iter() {
        Ok(items) => items.map(|item| person_arg(net, &item?, what)).collect(),
        Err(_) => Ok(vec![person_arg(net, people, what)?]),
    }
}

pub(crate) fn model_arg<'py>(
    model: Option<&Bound<'py, PyAny>>,
) -> PyResult<Option<Bound<'py, PyModel>>> {
    present(model)
        .map(|m| {
            m.cast::<PyModel>().cloned().map_err(|_| {
                PyTypeError::new_err(format!(
                    "model: expected reseau.IndependentCascade, reseau.WeightedCascade or \
                     reseau.LinearThreshold, not {}",
                    type_name(m)
                ))
            })
        })
        .transpose()
}

/// What every cascade call needs from the network, taken with the GIL: the compiled view
/// (compiled with the GIL released, and cached by the network), the seeds and the labels.
struct Call {
    view: Arc<CompiledNetwork>,
    seeds: Seeds,
    labels: Vec<String>,
}

fn prepare(
    py: Python<'_>,
    net: &PyRef<'_, PyNetwork>,
    seeds: &Bound<'_, PyAny>,
    bad_seeds: Option<&Bound<'_, PyAny>>,
) -> PyResult<Call> {
    let inner = &net.inner;
    let good = people_arg(inner, Some(seeds), "seeds")?;
    let bad = people_arg(inner, bad_seeds, "bad_seeds")?;
    let (view, labels) = py.detach(|| (inner.compiled(), inner.labels()));
    Ok(Call { view, seeds: Seeds::new(good, bad), labels })
}

fn layer_names(view: &CompiledNetwork) -> Vec<String> {
    view.layers().iter().map(|l| l.name.clone()).collect()
}

// ----- entry points -----

/// Simulates ``runs`` independent cascades from ``seeds`` under ``model`` and summarises them:
/// the mean spread (seeds included) with its standard deviation and 95% confidence interval,
/// each person's activation probability, the mean number reached by each step, and the
/// spread carried by each layer; the same per valence with two campaigns.
///
/// ``seeds`` (and ``bad_seeds``, the second campaign's) are person ids or labels, or one of
/// them; ``model`` is an :class:`IndependentCascade` (the default, with probability 0.1), a
/// :class:`WeightedCascade` or a :class:`LinearThreshold`. Run ``i`` draws from a stream
/// derived from ``(seed, i)``, so the result is the same for any number of threads and the
/// same in Rust, Python and JavaScript. The runs use every core, with the GIL released.
///
/// >>> import reseau
/// >>> net = reseau.datasets.aarhus_cs()
/// >>> summary = reseau.simulate(net, [0, 1], model=reseau.IndependentCascade(probability=0.1), runs=1000, seed=7)
/// >>> summary
/// <reseau.CascadeSummary: 1000 runs, mean spread 28.915 of 61 people (95% CI 27.607 to 30.223)>
/// >>> summary.activation[:2].tolist(), float(summary.by_step[0])
/// ([1.0, 1.0], 2.0)
/// >>> reseau.simulate(net, ["U4", "nobody"])
/// Traceback (most recent call last):
///     ...
/// reseau.UnknownPersonError: unknown person "nobody"
///
/// ``run_range=(start, stop)`` does only the runs ``start`` to ``stop - 1`` (``runs`` is then
/// not used) and returns a :class:`CascadePartial`: a shard, to run in another process or on
/// another machine and merge. Shards whose ranges cover ``0..n`` merge into exactly the
/// summary of ``runs=n``, to the last bit:
///
/// >>> parts = [reseau.simulate(net, [0, 1], seed=7, run_range=r) for r in [(0, 640), (640, 1000)]]
/// >>> parts[0]
/// <reseau.CascadePartial: runs 0..640 of seed 7>
/// >>> reseau.merge(parts).to_dict() == summary.to_dict()
/// True
///
/// ``progress`` is a callable ``(done, total)`` told the runs done about ten times a second
/// (returning ``False`` stops the call with :class:`CancelledError`), or ``True`` for a tqdm
/// bar. Ctrl-C interrupts the call with ``KeyboardInterrupt`` within a fraction of a second.
#[pyfunction]
#[pyo3(signature = (net, seeds, model = None, *, runs = 1000, seed = 0, bad_seeds = None, run_range = None, progress = None))]
#[allow(clippy::too_many_arguments)] // the Python signature
pub(crate) fn simulate(
    py: Python<'_>,
    net: PyRef<'_, PyNetwork>,
    seeds: &Bound<'_, PyAny>,
    model: Option<&Bound<'_, PyAny>>,
    runs: i64,
    seed: u64,
    bad_seeds: Option<&Bound<'_, PyAny>>,
    run_range: Option<(i64, i64)>,
    progress: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyAny>> {
    let model = model_arg(model)?;
    let default = Model::default();
    let model = model.as_ref().map_or(&default, |m| &m.get().inner);
    let range = run_range
        .map(|(start, stop)| match (u64::try_from(start), u64::try_from(stop)) {
            (Ok(a), Ok(b)) => Ok(a..b),
            _ => Err(invalid(
                "run_range",
                format!("({start}, {stop})"),
                "a (start, stop) pair of run numbers >= 0",
            )),
        })
        .transpose()?;
    let runs = u64::try_from(runs)
        .map_err(|_| invalid("runs", runs, &format!("an integer in 1..={MAX_RUNS}")))?;
    let call = prepare(py, &net, seeds, bad_seeds)?;
    // The network may change while the runs go on: they use the compiled view.
    drop(net);
    let view = &call.view;
    let request =
        SimulateRequest::campaigns(&call.seeds).model(model.clone()).runs(runs).seed(seed);
    if let Some(range) = range {
        let partial = watched(py, progress, "simulate", |control| {
            cascade::simulate_runs(view, &request, range, control)
        })?;
        let partial = PyCascadePartial { inner: partial, labels: call.labels };
        return Ok(Py::new(py, partial)?.into_any());
    }
    let summary = watched(py, progress, "simulate", |control| {
        cascade::simulate_with(view, &request, control)
    })?;
    Ok(Py::new(py, PyCascadeSummary::new(py, summary, call.labels)?)?.into_any())
}

/// One cascade, traced: for each person, the step they were convinced, who convinced them,
/// through which layer and with which valence (numpy int64 arrays indexed by person id, -1
/// where they were not reached, and for a seed's parent and layer). It is run 0 of
/// :func:`simulate` with the same ``seed``.
///
/// >>> import reseau
/// >>> net = reseau.datasets.aarhus_cs()
/// >>> t = reseau.trace(net, [3], model=reseau.IndependentCascade(probability=0.3), seed=11)
/// >>> int(t.step[3]), int(t.parent[3]), int(t.layer[3])
/// (0, -1, -1)
/// >>> t.spread == reseau.simulate(net, [3], reseau.IndependentCascade(0.3), runs=1, seed=11).mean
/// True
#[pyfunction]
#[pyo3(signature = (net, seeds, model = None, *, seed = 0, bad_seeds = None))]
pub(crate) fn trace(
    py: Python<'_>,
    net: PyRef<'_, PyNetwork>,
    seeds: &Bound<'_, PyAny>,
    model: Option<&Bound<'_, PyAny>>,
    seed: u64,
    bad_seeds: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyCascadeTrace> {
    let model = model_arg(model)?;
    let default = Model::default();
    let model = model.as_ref().map_or(&default, |m| &m.get().inner);
    let call = prepare(py, &net, seeds, bad_seeds)?;
    drop(net);
    let view = &call.view;
    let request = TraceRequest::campaigns(&call.seeds).model(model.clone()).seed(seed);
    let trace = py.detach(|| cascade::trace(view, &request)).map_err(err)?;
    Ok(PyCascadeTrace { inner: trace, layer_names: layer_names(view), labels: call.labels })
}

/// The exact expected spread from ``seeds`` under ``model``, by enumerating every live-edge
/// graph (Kempe, Kleinberg & Tardos 2003): the oracle Monte Carlo estimates are checked
/// against. For small networks only (at most 2**20 outcomes), one campaign, no media people
/// and no inverted distrust.
///
/// >>> import reseau
/// >>> net = reseau.Network(); net.add_layer("t", directed=True); net.add_people(3)
/// 0
/// 0
/// >>> _ = net.add_tie(0, 1, "t"); _ = net.add_tie(0, 2, "t")
/// >>> reseau.exact_spread(net, [0], reseau.IndependentCascade(0.5))
/// 2.0
#[pyfunction]
#[pyo3(signature = (net, seeds, model = None, *, bad_seeds = None))]
pub(crate) fn exact_spread(
    py: Python<'_>,
    net: PyRef<'_, PyNetwork>,
    seeds: &Bound<'_, PyAny>,
    model: Option<&Bound<'_, PyAny>>,
    bad_seeds: Option<&Bound<'_, PyAny>>,
) -> PyResult<f64> {
    let model = model_arg(model)?;
    let default = Model::default();
    let model = model.as_ref().map_or(&default, |m| &m.get().inner);
    let call = prepare(py, &net, seeds, bad_seeds)?;
    drop(net);
    let view = &call.view;
    let request = ExactSpreadRequest::campaigns(&call.seeds).model(model.clone());
    py.detach(|| cascade::exact_spread(view, &request)).map_err(err)
}

// ----- results -----

/// The spread of one valence (or of both together) over the runs of :func:`simulate`:
/// ``mean`` and ``std`` of the number of people convinced, seeds included, the 95%
/// confidence interval ``ci95`` of the mean, each person's ``activation`` probability, the
/// mean number convinced through each layer (``by_layer``) and the mean number of ``seeds``.
///
/// >>> import reseau
/// >>> net = reseau.datasets.aarhus_cs()
/// >>> s = reseau.simulate(net, [0], bad_seeds=[1], runs=200, seed=1)
/// >>> s.good.mean + s.bad.mean == s.mean, s.good.seeds, float(s.bad.activation[1])
/// (True, 1.0, 1.0)
#[pyclass(module = "reseau", name = "SpreadStats", frozen)]
pub(crate) struct PySpreadStats {
    pub(crate) stats: SpreadStats,
    pub(crate) layer_names: Vec<String>,
}

#[pymethods]
impl PySpreadStats {
    /// The mean number of people convinced, seeds included.
    #[getter]
    fn mean(&self) -> f64 {
        self.stats.mean
    }

    /// The sample standard deviation of that number over the runs.
    #[getter]
    fn std(&self) -> f64 {
        self.stats.std
    }

    /// The 95% confidence interval of the mean, ``(low, high)`` (mean ± 1.96 std / √runs).
    #[getter]
    fn ci95(&self) -> (f64, f64) {
        (self.stats.ci95[0], self.stats.ci95[1])
    }

    /// Each person's probability of being convinced (a float64 array indexed by id).
    #[getter]
    fn activation<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        float_array(py, &self.stats.activation)
    }

    /// The mean number convinced through each layer (seeds not counted), by layer name in
    /// the network's layer order.
    #[getter]
    fn by_layer<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        by_name(py, &self.layer_names, &self.stats.by_layer)
    }

    /// The mean number of seeds (seeds not convinced by the other campaign first).
    #[getter]
    fn seeds(&self) -> f64 {
        self.stats.seeds
    }

    /// The statistics as a dict (the core's serde form: ``by_layer`` is a list in the
    /// network's layer order).
    ///
    /// >>> import reseau
    /// >>> s = reseau.simulate(reseau.datasets.aarhus_cs(), [0], runs=10, seed=1)
    /// >>> sorted(s.good.to_dict())
    /// ['activation', 'by_layer', 'ci95', 'mean', 'seeds', 'std']
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.stats, "spread statistics")
    }

    fn __repr__(&self) -> String {
        let s = &self.stats;
        format!(
            "<reseau.SpreadStats: mean {} (95% CI {} to {}), std {}>",
            short(s.mean),
            short(s.ci95[0]),
            short(s.ci95[1]),
            short(s.std)
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> Reduced<'py, (Bound<'py, PyAny>, Vec<String>)> {
        let this = slf.get();
        reduce(slf, (this.to_dict(slf.py())?, this.layer_names.clone()))
    }

    #[classmethod]
    #[pyo3(name = "_from_state")]
    fn from_state(
        _cls: &Bound<'_, PyType>,
        stats: &Bound<'_, PyAny>,
        layer_names: Vec<String>,
    ) -> PyResult<Self> {
        let stats =
            core_value(stats, "spread statistics", "a dict as SpreadStats.to_dict() writes it")?;
        Ok(PySpreadStats { stats, layer_names })
    }
}

/// A number for a one-line summary: at most three decimals, no trailing zeros.
pub(crate) fn short(x: f64) -> String {
    let text = format!("{x:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" { "0".to_owned() } else { text.to_owned() }
}

/// The result of :func:`simulate`: the spread of the message over the runs.
///
/// ``mean``, ``std``, ``ci95``, ``activation`` and ``by_layer`` are both valences together
/// (as ``total``); ``good`` and ``bad`` are each campaign's :class:`SpreadStats`;
/// ``by_step`` is the mean number convinced by the end of each step, from step 0 (the seeds);
/// ``layer_shares`` the share of the convinced (seeds excluded) carried by each layer.
/// ``to_pandas()`` gives one row per person; in a notebook the summary shows as a table.
///
/// >>> import reseau
/// >>> net = reseau.datasets.aarhus_cs()
/// >>> s = reseau.simulate(net, ["U4"], reseau.IndependentCascade(0.1), runs=500, seed=3)
/// >>> s.runs, s.ci95[0] <= s.mean <= s.ci95[1], s.activation.dtype.name
/// (500, True, 'float64')
/// >>> list(s.layer_shares) == [l.name for l in net.layers], round(sum(s.layer_shares.values()), 9)
/// (True, 1.0)
#[pyclass(module = "reseau", name = "CascadeSummary", frozen)]
pub(crate) struct PyCascadeSummary {
    summary: CascadeSummary,
    total: Py<PySpreadStats>,
    good: Py<PySpreadStats>,
    bad: Py<PySpreadStats>,
    labels: Vec<String>,
}

impl PyCascadeSummary {
    fn new(py: Python<'_>, summary: CascadeSummary, labels: Vec<String>) -> PyResult<Self> {
        let stats = |s: &SpreadStats| {
            Py::new(
                py,
                PySpreadStats { stats: s.clone(), layer_names: summary.layer_names.clone() },
            )
        };
        Ok(PyCascadeSummary {
            total: stats(&summary.total)?,
            good: stats(&summary.good)?,
            bad: stats(&summary.bad)?,
            summary,
            labels,
        })
    }
}

#[pymethods]
impl PyCascadeSummary {
    /// The number of runs that were simulated.
    #[getter]
    fn runs(&self) -> u64 {
        self.summary.runs
    }

    /// The mean number of people convinced, seeds included, both valences together.
    #[getter]
    fn mean(&self) -> f64 {
        self.summary.total.mean
    }

    /// The sample standard deviation of the number convinced over the runs.
    #[getter]
    fn std(&self) -> f64 {
        self.summary.total.std
    }

    /// The 95% confidence interval of the mean spread, ``(low, high)``.
    #[getter]
    fn ci95(&self) -> (f64, f64) {
        (self.summary.total.ci95[0], self.summary.total.ci95[1])
    }

    /// Each person's probability of being convinced, either valence (a float64 array indexed
    /// by id).
    #[getter]
    fn activation<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        float_array(py, &self.summary.total.activation)
    }

    /// The mean number convinced by the end of each step (cumulative, a float64 array), from
    /// step 0 (the seeds) to the last step any run reached.
    #[getter]
    fn by_step<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        float_array(py, &self.summary.by_step)
    }

    /// The mean number convinced through each layer (seeds not counted), by layer name.
    #[getter]
    fn by_layer<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        by_name(py, &self.summary.layer_names, &self.summary.total.by_layer)
    }

    /// The share of the convinced (seeds excluded) carried by each layer, by layer name;
    /// the shares sum to 1 when anyone beyond the seeds was convinced.
    #[getter]
    fn layer_shares<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        by_name(py, &self.summary.layer_names, &self.summary.layer_shares())
    }

    /// Both valences together, as :class:`SpreadStats`.
    #[getter]
    fn total(&self, py: Python<'_>) -> Py<PySpreadStats> {
        self.total.clone_ref(py)
    }

    /// Good buzz only (everything, with one campaign and no inverted distrust).
    #[getter]
    fn good(&self, py: Python<'_>) -> Py<PySpreadStats> {
        self.good.clone_ref(py)
    }

    /// Bad buzz only, as :class:`SpreadStats`.
    #[getter]
    fn bad(&self, py: Python<'_>) -> Py<PySpreadStats> {
        self.bad.clone_ref(py)
    }

    /// The layer names, in the network's order.
    #[getter]
    fn layer_names(&self) -> Vec<String> {
        self.summary.layer_names.clone()
    }

    /// The people's labels when the simulation ran, indexed by id.
    #[getter]
    fn labels(&self) -> Vec<String> {
        self.labels.clone()
    }

    /// The summary as a dict (the core's serde form, shared with Rust and JavaScript:
    /// ``runs``, ``total``, ``good``, ``bad``, ``by_step``, ``layer_names``).
    ///
    /// >>> import reseau
    /// >>> d = reseau.simulate(reseau.datasets.aarhus_cs(), [0], runs=10, seed=1).to_dict()
    /// >>> d["runs"], d["layer_names"][0], d["total"]["mean"] == d["good"]["mean"]
    /// (10, 'lunch', True)
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.summary, "summary")
    }

    /// A table (pandas): ``"people"`` (the default), one row per person indexed by id:
    /// ``label``, ``activation`` (either valence), ``good`` and ``bad`` (each campaign's
    /// activation probability); ``"steps"``, one row per step: ``reached`` by its end and
    /// ``new`` during it; ``"layers"``, one row per layer: ``reached`` through it, ``good``,
    /// ``bad`` and ``share``.
    ///
    /// >>> import reseau
    /// >>> s = reseau.simulate(reseau.datasets.aarhus_cs(), ["U4"], runs=100, seed=1)
    /// >>> df = s.to_pandas()
    /// >>> df.loc[df["label"] == "U4", "activation"].item(), list(df.columns)
    /// (1.0, ['label', 'activation', 'good', 'bad'])
    /// >>> list(s.to_pandas("steps").columns), s.to_pandas("layers").index.name
    /// (['reached', 'new'], 'layer')
    #[pyo3(signature = (table = "people"))]
    fn to_pandas<'py>(slf: &Bound<'py, Self>, table: &str) -> PyResult<Bound<'py, PyAny>> {
        python_side(slf.py(), "reseau._pandas", "summary_frame", (slf, table))
    }

    /// The spread by step as a chart (matplotlib): the mean number convinced by the end of
    /// each step, the layers' shares, and the confidence interval of the final spread.
    /// Draws on ``ax`` (new axes when ``None``) and returns the axes.
    ///
    /// >>> import reseau
    /// >>> ax = reseau.simulate(reseau.datasets.aarhus_cs(), ["U4"], runs=100, seed=1).plot()
    /// >>> ax.get_ylabel()
    /// 'people convinced (mean)'
    #[pyo3(signature = (ax = None))]
    fn plot<'py>(
        slf: &Bound<'py, Self>,
        ax: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        plot(slf, "plot_spread", ax)
    }

    /// The notebook view: the spread and a table of the layers (HTML).
    ///
    /// >>> import reseau
    /// >>> s = reseau.simulate(reseau.datasets.aarhus_cs(), [0], runs=10, seed=1)
    /// >>> "<table>" in s._repr_html_()
    /// True
    fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        html(slf, "summary_html")
    }

    fn __repr__(&self) -> String {
        let s = &self.summary;
        let t = &s.total;
        let valences = if s.bad.mean > 0.0 {
            format!(", good {}, bad {}", short(s.good.mean), short(s.bad.mean))
        } else {
            String::new()
        };
        format!(
            "<reseau.CascadeSummary: {} run{}, mean spread {} of {} people (95% CI {} to {}){valences}>",
            s.runs,
            if s.runs == 1 { "" } else { "s" },
            short(t.mean),
            t.activation.len(),
            short(t.ci95[0]),
            short(t.ci95[1]),
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> Reduced<'py, (Bound<'py, PyAny>, Vec<String>)> {
        let this = slf.get();
        reduce(slf, (this.to_dict(slf.py())?, this.labels.clone()))
    }

    #[classmethod]
    #[pyo3(name = "_from_state")]
    fn from_state(
        cls: &Bound<'_, PyType>,
        summary: &Bound<'_, PyAny>,
        labels: Vec<String>,
    ) -> PyResult<Self> {
        let summary =
            core_value(summary, "summary", "a dict as CascadeSummary.to_dict() writes it")?;
        PyCascadeSummary::new(cls.py(), summary, labels)
    }
}

/// A shard of a simulation: the runs ``start`` to ``stop - 1`` of :func:`simulate` tallied
/// (``simulate(..., run_range=(start, stop))``), to be merged with the other shards of the same
/// simulation (same network, seeds, model and ``seed``) and summarised. It pickles without
/// losing a bit, so shards can run in other processes or on a cluster (see ``reseau.dask``).
///
/// >>> import reseau
/// >>> net = reseau.datasets.aarhus_cs()
/// >>> a = reseau.simulate(net, ["U4"], seed=3, run_range=(0, 64))
/// >>> b = reseau.simulate(net, ["U4"], seed=3, run_range=(64, 100))
/// >>> ab = a.merge(b); ab.runs, ab.ranges
/// (100, [(0, 100)])
/// >>> ab.summary().to_dict() == reseau.simulate(net, ["U4"], runs=100, seed=3).to_dict()
/// True
/// >>> a.merge(a)
/// Traceback (most recent call last):
///     ...
/// reseau.InvalidParameterError: invalid shards: runs 0..64 counted twice (expected shards whose runs do not overlap)
#[pyclass(module = "reseau", name = "CascadePartial", frozen)]
pub(crate) struct PyCascadePartial {
    inner: PartialSummary,
    labels: Vec<String>,
}

#[pymethods]
impl PyCascadePartial {
    /// The number of runs tallied.
    #[getter]
    fn runs(&self) -> u64 {
        self.inner.runs()
    }

    /// The run numbers tallied, as sorted ``(start, stop)`` ranges (``stop`` excluded).
    #[getter]
    fn ranges(&self) -> Vec<(u64, u64)> {
        self.inner.ranges.iter().map(|r| (r[0], r[1])).collect()
    }

    /// The ``seed`` of the simulation.
    #[getter]
    fn seed(&self) -> u64 {
        self.inner.seed
    }

    /// Both shards' runs together (a new :class:`CascadePartial`); refuses shards of another
    /// seed or network and shards whose runs overlap.
    ///
    /// >>> import reseau
    /// >>> net = reseau.datasets.aarhus_cs()
    /// >>> a = reseau.simulate(net, [0], run_range=(0, 10)); c = reseau.simulate(net, [0], run_range=(20, 30))
    /// >>> a.merge(c).ranges
    /// [(0, 10), (20, 30)]
    fn merge(&self, other: PyRef<'_, Self>) -> PyResult<Self> {
        let inner = self.inner.merge(&other.inner).map_err(err)?;
        Ok(PyCascadePartial { inner, labels: self.labels.clone() })
    }

    /// The :class:`CascadeSummary` of the runs tallied: :func:`simulate`'s summary when the
    /// ranges are ``0..n``.
    ///
    /// >>> import reseau
    /// >>> reseau.simulate(reseau.datasets.aarhus_cs(), [0], run_range=(0, 10)).summary().runs
    /// 10
    fn summary(&self, py: Python<'_>) -> PyResult<PyCascadeSummary> {
        PyCascadeSummary::new(py, self.inner.summary(), self.labels.clone())
    }

    /// The shard as a dict (the core's serde form: integer tallies, sums of squares as text).
    ///
    /// >>> import reseau
    /// >>> d = reseau.simulate(reseau.datasets.aarhus_cs(), [0], run_range=(5, 9)).to_dict()
    /// >>> d["ranges"], d["seed"]
    /// ([[5, 9]], 0)
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.inner, "shard")
    }

    /// The notebook view: the runs tallied and their mean spread (HTML).
    ///
    /// >>> import reseau
    /// >>> "runs" in reseau.simulate(reseau.datasets.aarhus_cs(), [0], run_range=(0, 10))._repr_html_()
    /// True
    fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        html(slf, "partial_html")
    }

    fn __repr__(&self) -> String {
        let ranges: Vec<String> =
            self.inner.ranges.iter().map(|r| format!("{}..{}", r[0], r[1])).collect();
        format!("<reseau.CascadePartial: runs {} of seed {}>", ranges.join(", "), self.inner.seed)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> Reduced<'py, (Bound<'py, PyAny>, Vec<String>)> {
        let this = slf.get();
        reduce(slf, (this.to_dict(slf.py())?, this.labels.clone()))
    }

    #[classmethod]
    #[pyo3(name = "_from_state")]
    fn from_state(
        _cls: &Bound<'_, PyType>,
        state: &Bound<'_, PyAny>,
        labels: Vec<String>,
    ) -> PyResult<Self> {
        let inner: PartialSummary =
            core_value(state, "shard", "a dict as CascadePartial.to_dict() writes it")?;
        inner.validate().map_err(err)?;
        Ok(PyCascadePartial { inner, labels })
    }
}

/// The result of :func:`trace`: one run in full. ``step``, ``parent``, ``layer`` and
/// ``valence`` (0 good, 1 bad) are int64 arrays indexed by person id, -1 where the person was
/// not reached (and for a seed's parent and layer); ``order`` lists everyone convinced, in
/// the order they were; ``spread`` is how many. ``to_pandas()`` names the people and layers.
///
/// >>> import reseau
/// >>> net = reseau.datasets.aarhus_cs()
/// >>> t = reseau.trace(net, ["U4"], reseau.IndependentCascade(0.3), seed=2)
/// >>> first = t.order[0]; net.labels[first], int(t.step[first])
/// ('U4', 0)
/// >>> all(t.step[t.parent[v]] < t.step[v] for v in t.order[1:])
/// True
#[pyclass(module = "reseau", name = "CascadeTrace", frozen)]
pub(crate) struct PyCascadeTrace {
    inner: CascadeTrace,
    layer_names: Vec<String>,
    labels: Vec<String>,
}

#[pymethods]
impl PyCascadeTrace {
    /// The step each person was convinced (seeds: 0; -1: not reached).
    #[getter]
    fn step<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<i64>> {
        PyArray1::from_slice(py, &self.inner.step)
    }

    /// Who convinced each person (-1: a seed, or not reached).
    #[getter]
    fn parent<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<i64>> {
        PyArray1::from_slice(py, &self.inner.parent)
    }

    /// Through which layer each person was convinced (an index into ``layer_names``; -1: a
    /// seed, or not reached).
    #[getter]
    fn layer<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<i64>> {
        PyArray1::from_slice(py, &self.inner.layer)
    }

    /// Which buzz convinced each person: 0 good, 1 bad, -1 not reached.
    #[getter]
    fn valence<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<i64>> {
        PyArray1::from_slice(py, &self.inner.valence)
    }

    /// Everyone convinced, in the order they were (a uint32 array of ids).
    #[getter]
    fn order<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<u32>> {
        PyArray1::from_slice(py, &self.inner.order)
    }

    /// The number of people convinced.
    #[getter]
    fn spread(&self) -> usize {
        self.inner.spread()
    }

    /// The layer names, in the network's order (what ``layer`` indexes).
    #[getter]
    fn layer_names(&self) -> Vec<String> {
        self.layer_names.clone()
    }

    /// The people's labels when the trace ran, indexed by id.
    #[getter]
    fn labels(&self) -> Vec<String> {
        self.labels.clone()
    }

    /// The trace as a dict (the core's serde form: ``step``, ``parent``, ``layer``,
    /// ``valence``, ``order``, as lists).
    ///
    /// >>> import reseau
    /// >>> t = reseau.trace(reseau.datasets.aarhus_cs(), [0], seed=1)
    /// >>> sorted(t.to_dict()), t.to_dict()["step"][0]
    /// (['layer', 'order', 'parent', 'step', 'valence'], 0)
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.inner, "trace")
    }

    /// One row per person (indexed by id): ``label``, ``step`` (``<NA>`` where not reached),
    /// ``parent`` (the label of who convinced them), ``layer`` (the layer's name) and
    /// ``valence`` (``"good"`` or ``"bad"``). Needs pandas.
    ///
    /// >>> import reseau
    /// >>> t = reseau.trace(reseau.datasets.aarhus_cs(), ["U4"], reseau.IndependentCascade(0.3), seed=2)
    /// >>> import pandas as pd
    /// >>> df = t.to_pandas()
    /// >>> row = df.loc[df["label"] == "U4"].iloc[0]
    /// >>> int(row["step"]), bool(pd.isna(row["parent"])), row["valence"]
    /// (0, True, 'good')
    fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        python_side(slf.py(), "reseau._pandas", "trace_frame", (slf,))
    }

    /// The notebook view: the spread and how many each layer reached (HTML).
    ///
    /// >>> import reseau
    /// >>> t = reseau.trace(reseau.datasets.aarhus_cs(), [0], seed=1)
    /// >>> "<table>" in t._repr_html_()
    /// True
    fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        html(slf, "trace_html")
    }

    fn __repr__(&self) -> String {
        let t = &self.inner;
        let steps = t.step.iter().copied().max().unwrap_or(0).max(0);
        format!(
            "<reseau.CascadeTrace: {} of {} people reached in {} step{}>",
            t.spread(),
            t.step.len(),
            steps,
            if steps == 1 { "" } else { "s" }
        )
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> Reduced<'py, (Bound<'py, PyAny>, Vec<String>, Vec<String>)> {
        let this = slf.get();
        reduce(slf, (this.to_dict(slf.py())?, this.layer_names.clone(), this.labels.clone()))
    }

    #[classmethod]
    #[pyo3(name = "_from_state")]
    fn from_state(
        _cls: &Bound<'_, PyType>,
        trace: &Bound<'_, PyAny>,
        layer_names: Vec<String>,
        labels: Vec<String>,
    ) -> PyResult<Self> {
        let inner = core_value(trace, "trace", "a dict as CascadeTrace.to_dict() writes it")?;
        Ok(PyCascadeTrace { inner, layer_names, labels })
    }
}
