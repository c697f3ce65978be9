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

/// What a value or result read back is checked for beyond its serde form: the core's
/// `validate()`, and `validate_people(n)` for results holding person ids when the number of
/// people is known (a result's labels).
trait Check {
    fn check(&self, _people: Option<usize>) -> reseau::Result<()> {
        Ok(())
    }
}

macro_rules! checked_by_validate {
    ($($t:ty),*) => { $( impl Check for $t {
        fn check(&self, _people: Option<usize>) -> reseau::Result<()> { self.validate() }
    } )* };
}
macro_rules! checked_with_people {
    ($($t:ty),*) => { $( impl Check for $t {
        fn check(&self, people: Option<usize>) -> reseau::Result<()> {
            self.validate()?;
            people.map_or(Ok(()), |n| self.validate_people(n))
        }
    } )* };
}
checked_by_validate!(Layer, LayerSettings, Amplifiers, Model, Fatigue, PartialSummary);
checked_by_validate!(CascadeSummary, CascadeTrace, LoadCurve, Reputation, BalanceReport);
checked_by_validate!(CascadeFit, Report);
checked_with_people!(ReferralSummary, ReferralTrace, RelaySelection);
impl Check for SpreadStats {}
impl Check for OpinionByStep {}
impl Check for EReputation {
    fn check(&self, _people: Option<usize>) -> reseau::Result<()> {
        self.buzz.validate()
    }
}
impl Check for ShuffleTest {}
impl Check for ShadowInference {
    fn check(&self, _people: Option<usize>) -> reseau::Result<()> {
        self.fit.validate()
    }
}

/// Reads `data` as the core's `T`, checks it, and gives back its serde form.
fn round_trip<'py, T: serde::de::DeserializeOwned + Serialize + Check>(
    data: &Bound<'py, PyAny>,
    kind: &str,
    people: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    let value: T = from_py(data, kind, kind)?;
    value.check(people).map_err(err)?;
    to_python(data.py(), &value)
}

/// The serde form of the core's `kind` that `data` describes, checked by the core as a live
/// call's value would be: how reseau's values are built and its results read back. `people`:
/// the number of people of the network a result was made on, when known, to check its ids.
#[pyfunction]
#[pyo3(signature = (kind, data, people = None))]
pub(crate) fn _check<'py>(
    kind: &str,
    data: &Bound<'py, PyAny>,
    people: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    macro_rules! kinds {
        ($($t:ident),*) => {
            match kind {
                $( stringify!($t) => round_trip::<$t>(data, kind, people), )*
                _ => Err(PyValueError::new_err(format!("no such kind of value: {kind}"))),
            }
        };
    }
    kinds!(
        Layer,
        LayerSettings,
        Amplifiers,
        Model,
        Fatigue,
        SpreadStats,
        OpinionByStep,
        CascadeSummary,
        PartialSummary,
        CascadeTrace,
        ReferralSummary,
        ReferralTrace,
        LoadCurve,
        RelaySelection,
        Reputation,
        EReputation,
        BalanceReport,
        Report,
        CascadeFit,
        ShuffleTest,
        ShadowInference
    )
}
