//! What the result classes share: their tables, notebook views and charts are written once,
//! in the package's pure-Python modules (`reseau._pandas`, `reseau._display`,
//! `reseau._plot`), and they pickle through their serde form and a `_from_state` class
//! method.

use pyo3::PyClass;
use pyo3::call::PyCallArgs;
use pyo3::prelude::*;

/// What `__reduce__` returns: a callable that rebuilds the object, and its arguments.
pub(crate) type Reduced<'py, Args> = PyResult<(Bound<'py, PyAny>, Args)>;

/// `__reduce__` through the class's `_from_state(*state)`.
pub(crate) fn reduce<'py, T: PyClass, A>(slf: &Bound<'py, T>, state: A) -> Reduced<'py, A> {
    Ok((slf.as_any().get_type().getattr("_from_state")?, state))
}

/// Calls `function(*args)` of the package's pure-Python `module`.
pub(crate) fn python_side<'py, A: PyCallArgs<'py>>(
    py: Python<'py>,
    module: &str,
    function: &str,
    args: A,
) -> PyResult<Bound<'py, PyAny>> {
    py.import(module)?.call_method1(function, args)
}

/// `reseau._display.<function>(obj)`: a notebook view.
pub(crate) fn html<'py, T: PyClass>(
    slf: &Bound<'py, T>,
    function: &str,
) -> PyResult<Bound<'py, PyAny>> {
    python_side(slf.py(), "reseau._display", function, (slf,))
}

/// `reseau._plot.<function>(obj, ax)`: a chart (matplotlib).
pub(crate) fn plot<'py, T: PyClass>(
    slf: &Bound<'py, T>,
    function: &str,
    ax: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    python_side(slf.py(), "reseau._plot", function, (slf, ax))
}
