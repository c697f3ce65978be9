//! reseau's Python classes over the core's values. A value (`Model`, `Fatigue`, `Layer`, ...)
//! or a result (`CascadeSummary`, ...) is a pure-Python object holding its core value's serde
//! form in `_data` (`reseau._data`); the binding makes them from core values here, reads them
//! back as requests (`crate::de`), and checks any that come from elsewhere (a constructor, a
//! dict, a pickle) by the core's own deserialisation and `validate()` ([`check`]).

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;
use reseau::Layer;
use reseau::balance::BalanceReport;
use reseau::cascade::{
    Amplifiers, CascadeSummary, CascadeTrace, LayerSettings, Model, OpinionByStep, PartialSummary,
    SpreadStats,
};
use reseau::fatigue::Fatigue;
use reseau::inference::{CascadeFit, ShadowInference, ShuffleTest};
use reseau::referral::{LoadCurve, ReferralSummary, ReferralTrace};
use reseau::relays::RelaySelection;
use reseau::report::Report;
use reseau::reputation::{EReputation, Reputation};
use reseau::shadow::ShadowGap;
use serde::Serialize;

use crate::de::from_py;
use crate::errors::err;
use crate::ser::to_python;

/// Calls `function(*args)` of the package's pure-Python `module` (tables, views, charts).
pub(crate) fn python_side<'py, A: pyo3::call::PyCallArgs<'py>>(
    py: Python<'py>,
    module: &str,
    function: &str,
    args: A,
) -> PyResult<Bound<'py, PyAny>> {
    py.import(module)?.call_method1(function, args)
}

/// The base class of reseau's values and results (`reseau._data.Data`), found once.
fn base(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    static BASE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    BASE.import(py, "reseau._data", "Data")
}

/// The serde form a reseau value or result holds, or `None` for any other object.
pub(crate) fn data_of<'py>(o: &Bound<'py, PyAny>) -> PyResult<Option<Bound<'py, PyAny>>> {
    if o.is_instance(base(o.py())?)? { o.getattr("_data").map(Some) } else { Ok(None) }
}

/// A core value as an object of `reseau.<module>.<class>`, made without a second check
/// (`_wrap`): the core made it.
fn wrap<'py, T: Serialize>(
    py: Python<'py>,
    module: &str,
    class: &str,
    value: &T,
    labels: Option<Labels>,
) -> PyResult<Bound<'py, PyAny>> {
    let data = to_python(py, value)?;
    py.import(module)?.getattr(class)?.call_method1("_wrap", (data, labels))
}

/// A core result as an object of `reseau._results.<class>`, with the people's labels.
pub(crate) fn result<'py, T: Serialize>(
    py: Python<'py>,
    class: &str,
    value: &T,
    labels: Option<Labels>,
) -> PyResult<Bound<'py, PyAny>> {
    wrap(py, "reseau._results", class, value, labels)
}

/// A core value as an object of `reseau._values.<class>`.
pub(crate) fn value<'py, T: Serialize>(
    py: Python<'py>,
    class: &str,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    wrap(py, "reseau._values", class, value, None)
}

/// The people's labels when a call ran, indexed by id: made into a Python list only when a
/// result's `labels` are read (a million `str` objects cost more than most calls).
#[pyclass(module = "reseau._core", name = "_Labels", frozen)]
pub(crate) struct Labels(pub(crate) Vec<String>);

#[pymethods]
impl Labels {
    /// The labels as a list.
    fn tolist(&self) -> Vec<String> {
        self.0.clone()
    }
}

/// Reads `data` as the core's `T`, checks it with `check`, and gives back its serde form.
fn round_trip<'py, T: serde::de::DeserializeOwned + Serialize>(
    data: &Bound<'py, PyAny>,
    kind: &str,
    check: impl FnOnce(&T) -> reseau::Result<()>,
) -> PyResult<Bound<'py, PyAny>> {
    let value: T = from_py(data, kind, kind)?;
    check(&value).map_err(err)?;
    to_python(data.py(), &value)
}

/// The serde form of the core's `kind` that `data` describes, checked by the core as a live
/// call's value would be (its `validate()`): how reseau's values are built and its results
/// read back. `people`: the number of people of the network a result was made on, when known,
/// to check the ids of a result that holds some (its `validate_people(n)`).
#[pyfunction]
#[pyo3(signature = (kind, data, people = None))]
pub(crate) fn _check<'py>(
    kind: &str,
    data: &Bound<'py, PyAny>,
    people: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    macro_rules! with_people {
        ($t:ty) => {
            round_trip(data, kind, |v: &$t| {
                v.validate()?;
                people.map_or(Ok(()), |n| v.validate_people(n))
            })
        };
    }
    match kind {
        "Layer" => round_trip(data, kind, Layer::validate),
        "LayerSettings" => round_trip(data, kind, LayerSettings::validate),
        "Amplifiers" => round_trip(data, kind, Amplifiers::validate),
        "Model" => round_trip(data, kind, Model::validate),
        "Fatigue" => round_trip(data, kind, Fatigue::validate),
        "SpreadStats" => round_trip(data, kind, |_: &SpreadStats| Ok(())),
        "OpinionByStep" => round_trip(data, kind, |_: &OpinionByStep| Ok(())),
        "CascadeSummary" => round_trip(data, kind, CascadeSummary::validate),
        "PartialSummary" => round_trip(data, kind, PartialSummary::validate),
        "CascadeTrace" => round_trip(data, kind, CascadeTrace::validate),
        "ReferralSummary" => with_people!(ReferralSummary),
        "ReferralTrace" => with_people!(ReferralTrace),
        "LoadCurve" => round_trip(data, kind, LoadCurve::validate),
        "RelaySelection" => with_people!(RelaySelection),
        "Reputation" => round_trip(data, kind, Reputation::validate),
        "EReputation" => round_trip(data, kind, |v: &EReputation| v.buzz.validate()),
        "BalanceReport" => round_trip(data, kind, BalanceReport::validate),
        "Report" => round_trip(data, kind, Report::validate),
        "CascadeFit" => round_trip(data, kind, CascadeFit::validate),
        "ShuffleTest" => round_trip(data, kind, |_: &ShuffleTest| Ok(())),
        "ShadowInference" => round_trip(data, kind, |v: &ShadowInference| v.fit.validate()),
        "ShadowGap" => round_trip(data, kind, ShadowGap::validate),
        _ => Err(PyValueError::new_err(format!("no such kind of value: {kind}"))),
    }
}
