//! A call's arguments on their way to the core's request struct: the keywords and the named
//! positional arguments in one dict, the binding's own arguments (`progress`, `run_range`)
//! taken out, and a thin check of the Python types of people, models and per-person numbers
//! (a `TypeError`, as Python raises for a wrong type); everything else is read, and checked,
//! by the core (`crate::de`).

use std::sync::Arc;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString};
use reseau::CompiledNetwork;
use reseau::control::Control;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::control::watched;
use crate::de::from_kwargs;
use crate::network::PyNetwork;
use crate::objects::{Labels, result};

/// The arguments of a call of `reseau.<function>`.
pub(crate) struct Args<'py> {
    function: &'static str,
    dict: Bound<'py, PyDict>,
}

/// The name of `o`'s type, for a `TypeError`.
pub(crate) fn type_name(o: &Bound<'_, PyAny>) -> String {
    o.get_type().name().map_or_else(|_| "?".to_owned(), |n| n.to_string())
}

impl<'py> Args<'py> {
    /// The keyword arguments; one given as `None` takes its default, as if not given.
    pub(crate) fn new(
        py: Python<'py>,
        function: &'static str,
        kwargs: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Self> {
        let args = Args::keeping_none(py, function, kwargs)?;
        for (key, value) in args.dict.copy()?.iter() {
            if value.is_none() {
                args.dict.del_item(key)?;
            }
        }
        Ok(args)
    }

    /// The keyword arguments, `None` given to the core as `null` (for requests whose
    /// optional fields default to something else than nothing).
    pub(crate) fn keeping_none(
        py: Python<'py>,
        function: &'static str,
        kwargs: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Self> {
        let dict = kwargs.map_or_else(|| Ok(PyDict::new(py)), PyDictMethods::copy)?;
        Ok(Args { function, dict })
    }

    /// Sets an argument.
    pub(crate) fn set(&self, name: &str, value: &Bound<'py, PyAny>) -> PyResult<()> {
        self.dict.set_item(name, value)
    }

    /// Adds the entries of a dict (`None`: none) to the arguments.
    pub(crate) fn spread(&self, more: &Bound<'py, PyAny>) -> PyResult<()> {
        if more.is_none() {
            return Ok(());
        }
        let more = more.cast::<PyDict>().map_err(|_| {
            PyTypeError::new_err(format!(
                "{}: expected a dict, not {}",
                self.function,
                type_name(more)
            ))
        })?;
        self.dict.update(more.as_mapping())
    }

    /// Adds a positional argument under its name (`None`: not given).
    pub(crate) fn with(self, name: &str, value: Option<&Bound<'py, PyAny>>) -> PyResult<Self> {
        if let Some(value) = value.filter(|v| !v.is_none()) {
            self.dict.set_item(name, value)?;
        }
        Ok(self)
    }

    /// Takes out an argument of the binding's own (not the core's).
    pub(crate) fn take(&self, name: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        let value = self.dict.get_item(name)?;
        if value.is_some() {
            self.dict.del_item(name)?;
        }
        Ok(value)
    }

    /// The core's request: every argument left, read into `T`.
    pub(crate) fn request<T: DeserializeOwned>(&self) -> PyResult<T> {
        from_kwargs(self.dict.as_any(), self.function)
    }

    /// Checks the Python types of the arguments that name people (`seeds`, `bad_seeds`: a
    /// person or an iterable of them; `requests`: an iterable of `(source, target)` pairs), a
    /// person being an int (numpy's too) or a str, and reads an iterator into a list once.
    pub(crate) fn people(self, names: &[&str], pairs: &[&str]) -> PyResult<Self> {
        for &name in names.iter().chain(pairs) {
            if let Some(value) = self.dict.get_item(name)? {
                let checked = people(&value, name, pairs.contains(&name))?;
                self.dict.set_item(name, checked)?;
            }
        }
        Ok(self)
    }

    /// Checks that `model` and `evaluation_model` are reseau models.
    pub(crate) fn models(self) -> PyResult<Self> {
        let py = self.dict.py();
        let model = py.import("reseau._values")?.getattr("Model")?;
        for name in ["model", "evaluation_model"] {
            if let Some(value) = self.dict.get_item(name)?.filter(|v| !v.is_none()) {
                if !value.is_instance(&model)? {
                    return Err(PyTypeError::new_err(format!(
                        "{name}: expected reseau.IndependentCascade, reseau.WeightedCascade or \
                         reseau.LinearThreshold, not {}",
                        type_name(&value)
                    )));
                }
            }
        }
        Ok(self)
    }

    /// Checks that `name` is a sequence of numbers, one per person (a list, or a 1-d numeric
    /// array).
    pub(crate) fn numbers(self, name: &str) -> PyResult<Self> {
        if let Some(value) = self.dict.get_item(name)?.filter(|v| !v.is_none()) {
            let ndim = value.getattr("ndim").and_then(|d| d.extract::<usize>()).ok();
            let text = value.is_instance_of::<PyString>() || value.is_instance_of::<PyBytes>();
            if text || ndim.is_some_and(|d| d != 1) || (ndim.is_none() && value.try_iter().is_err())
            {
                return Err(PyTypeError::new_err(format!(
                    "{name}: expected a sequence of numbers, one per person, not {}",
                    type_name(&value)
                )));
            }
        }
        Ok(self)
    }
}

/// Warns that `old` is deprecated in favour of `new` (for one release).
pub(crate) fn deprecated(py: Python<'_>, old: &str, new: &str) -> PyResult<()> {
    let message = format!("{old} is deprecated: use {new}; the old name goes in the next release");
    let warning = py.get_type::<pyo3::exceptions::PyDeprecationWarning>();
    PyErr::warn(py, &warning, &std::ffi::CString::new(message)?, 1)
}

/// Whether `o` can name a person: an int that is not a bool (numpy's integers too), or a str.
pub(crate) fn is_person(o: &Bound<'_, PyAny>) -> bool {
    if o.is_instance_of::<PyString>() || o.is_instance_of::<PyInt>() {
        return !o.is_instance_of::<PyBool>();
    }
    // numpy's integer scalars (an array has `__index__` too, which refuses to work).
    !o.is_instance_of::<PyFloat>()
        && o.cast::<numpy::PyUntypedArray>().is_err()
        && o.hasattr("__index__").unwrap_or(false)
}

/// `value` checked as people (or pairs of people), an iterator read into a list.
fn people<'py>(value: &Bound<'py, PyAny>, name: &str, pairs: bool) -> PyResult<Bound<'py, PyAny>> {
    let not = |what: String| PyTypeError::new_err(what);
    let what = if pairs {
        "(source, target) pairs (a list, or an integer array of shape (k, 2))"
    } else {
        "a person (an id, int, or a label, str) or an iterable of them"
    };
    let refused =
        |o: &Bound<'_, PyAny>| not(format!("{name}: expected {what}, not {}", type_name(o)));
    if is_person(value) {
        return if pairs { Err(refused(value)) } else { Ok(value.clone()) };
    }
    if value.is_instance_of::<PyBytes>() || value.is_instance_of::<PyByteArray>() {
        return Err(refused(value));
    }
    if let (Ok(shape), Ok(kind)) =
        (value.getattr("shape"), value.getattr("dtype").and_then(|d| d.getattr("kind")))
    {
        let shape: Vec<usize> = shape.extract()?;
        let kind: String = kind.extract()?;
        let fits = if pairs { shape.len() == 2 && shape[1] == 2 } else { shape.len() == 1 };
        if !fits || !matches!(kind.as_str(), "i" | "u" | "U" | "O") {
            return Err(not(format!(
                "{name}: expected {what}, not an array of {kind} of shape {shape:?}"
            )));
        }
        if kind == "i" || kind == "u" {
            return Ok(value.clone());
        }
    }
    let list = PyList::empty(value.py());
    for (i, item) in value.try_iter().map_err(|_| refused(value))?.enumerate() {
        let item = item?;
        let ok = if pairs {
            let ends: Option<Vec<Bound<'_, PyAny>>> = (!item.is_instance_of::<PyString>())
                .then(|| item.try_iter().ok()?.collect::<PyResult<_>>().ok())
                .flatten();
            match ends {
                Some(ends) if ends.len() == 2 && ends.iter().all(is_person) => {
                    list.append(PyList::new(value.py(), ends)?)?;
                    continue;
                }
                _ => false,
            }
        } else {
            is_person(&item)
        };
        if !ok {
            let shown = item.repr().map_or_else(|_| type_name(&item), |r| r.to_string());
            let one = if pairs {
                "a request is a (source, target) pair"
            } else {
                "a person is an id (int) or a label (str)"
            };
            return Err(not(format!("{name}[{i}]: {one}, not {shown}")));
        }
        list.append(item)?;
    }
    Ok(list.into_any())
}

/// What a long call runs on: the network's compiled view and, when the result names people,
/// their labels.
pub(crate) struct Taken {
    view: Arc<CompiledNetwork>,
    labels: Option<Labels>,
}

/// Takes what a long call on `net` runs on and ends the borrow. Called before the arguments
/// are read: reading them may run Python code (a generator, `__index__`) that edits the
/// network, and the call works on the view as it was, so the network may change meanwhile.
pub(crate) fn take(py: Python<'_>, net: PyRef<'_, PyNetwork>, labelled: bool) -> Taken {
    if labelled {
        let (view, labels) = net.view(py);
        Taken { view, labels: Some(labels) }
    } else {
        Taken { view: net.compiled(py), labels: None }
    }
}

/// Runs a long call of the core on a view [`take`]n before `args` were built: the request
/// read from `args`, the work with the GIL released (interruptible, reporting to
/// `progress`), the result as an object of `reseau._results.<class>` (with the people's
/// labels when they were taken).
pub(crate) fn run<'py, R, T>(
    py: Python<'py>,
    taken: Taken,
    args: &Args<'py>,
    class: &str,
    work: impl FnOnce(&CompiledNetwork, &R, &Control<'_>) -> reseau::Result<T> + Send,
) -> PyResult<Bound<'py, PyAny>>
where
    R: DeserializeOwned + Sync,
    T: Serialize + Send,
{
    let Taken { view, labels } = taken;
    let progress = args.take("progress")?;
    let request: R = args.request()?;
    let out = watched(py, progress.as_ref(), args.function, |c| work(&view, &request, c))?;
    result(py, class, &out, labels)
}
