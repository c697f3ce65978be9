//! The Python exception hierarchy: `reseau.ReseauError` (a `ValueError`) and one subclass per
//! kind of core error, named by [`reseau::Error::KINDS`], so a new kind in the core needs no
//! change here.

use std::ffi::CString;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;
use reseau::{Error, FieldValue};

/// The classes, created once when the module is first imported.
struct Classes {
    root: Py<PyType>,
    kinds: Vec<(&'static str, Py<PyType>)>,
}

static CLASSES: PyOnceLock<Classes> = PyOnceLock::new();

const ROOT_DOC: &str = "The root of every error raised by reseau; a ``ValueError``.

Each kind of problem has its own subclass (``ParseError``, ``UnknownLayerError``, ...)
whose message is the library's and whose structured details are attributes: ``kind``,
and for example ``file``, ``line`` and ``content`` for a ``ParseError``, ``name`` for an
``UnknownLayerError``, ``name``, ``value`` and ``expected`` for an
``InvalidParameterError``.

>>> import reseau
>>> net = reseau.Network()
>>> try:
...     net.num_ties_in(\"lunch\")
... except reseau.UnknownLayerError as err:
...     print(err, \"|\", err.name, \"|\", isinstance(err, ValueError))
unknown layer \"lunch\" | lunch | True
";

fn kind_doc(kind: &str) -> String {
    format!(
        "A ``{kind}`` from reseau (a :class:`ReseauError`, hence a ``ValueError``).\n\n\
         The message is the library's; the structured details are attributes, listed in\n\
         ``fields``.\n\n\
         >>> import reseau\n\
         >>> issubclass(reseau.{kind}, reseau.ReseauError)\n\
         True\n"
    )
}

fn cstring(text: String) -> PyResult<CString> {
    CString::new(text).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// The Python built-in exception a kind is also an instance of, so that code written for
/// Python's own errors catches it: running out of memory is a `MemoryError`.
fn builtin_base<'py>(py: Python<'py>, kind: &str) -> Option<Bound<'py, PyType>> {
    (kind == "OutOfMemoryError").then(|| py.get_type::<pyo3::exceptions::PyMemoryError>())
}

/// `reseau.<kind>` deriving from both the root and `builtin` (`PyErr::new_type` takes one
/// base): made by calling `type` as a `class` statement would.
fn with_builtin(
    py: Python<'_>,
    kind: &str,
    root: &Bound<'_, PyType>,
    builtin: &Bound<'_, PyType>,
) -> PyResult<Py<PyType>> {
    let namespace = pyo3::types::PyDict::new(py);
    namespace.set_item("__module__", "reseau")?;
    let doc = format!("{}\nIt is also a ``{}``.\n", kind_doc(kind), builtin.name()?);
    namespace.set_item("__doc__", doc)?;
    let bases = pyo3::types::PyTuple::new(py, [root.as_any(), builtin.as_any()])?;
    let class = py.get_type::<PyType>().call1((kind, bases, namespace))?;
    Ok(class.cast_into::<PyType>()?.unbind())
}

/// Creates the classes and adds them to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    let classes = CLASSES.get_or_try_init(py, || -> PyResult<Classes> {
        let root = PyErr::new_type(
            py,
            c"reseau.ReseauError",
            Some(&cstring(ROOT_DOC.to_owned())?),
            Some(&py.get_type::<PyValueError>()),
            None,
        )?;
        let mut kinds = Vec::with_capacity(Error::KINDS.len());
        for &kind in Error::KINDS {
            let class = match builtin_base(py, kind) {
                Some(builtin) => with_builtin(py, kind, root.bind(py), &builtin)?,
                None => PyErr::new_type(
                    py,
                    &cstring(format!("reseau.{kind}"))?,
                    Some(&cstring(kind_doc(kind))?),
                    Some(root.bind(py)),
                    None,
                )?,
            };
            kinds.push((kind, class));
        }
        Ok(Classes { root, kinds })
    })?;
    m.add("ReseauError", classes.root.clone_ref(py))?;
    for (kind, class) in &classes.kinds {
        m.add(*kind, class.clone_ref(py))?;
    }
    m.add("ERROR_KINDS", Error::KINDS.to_vec())?;
    Ok(())
}

/// The Python exception for a core error: the class named by [`Error::kind`], the message of
/// its `Display`, and its [`Error::fields`] as attributes. Used as `.map_err(err)`.
#[allow(clippy::needless_pass_by_value)] // by value, to fit `map_err`
pub(crate) fn err(error: Error) -> PyErr {
    Python::attach(|py| build(py, &error).unwrap_or_else(|e| e))
}

fn build(py: Python<'_>, error: &Error) -> PyResult<PyErr> {
    let classes = CLASSES
        .get(py)
        .ok_or_else(|| PyValueError::new_err(format!("{error} (reseau is not initialised)")))?;
    let kind = error.kind();
    let class = classes
        .kinds
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or(&classes.root, |(_, class)| class)
        .bind(py);
    let instance = class.call1((error.to_string(),))?;
    instance.setattr("kind", kind)?;
    let fields = error.fields();
    let mut names = Vec::with_capacity(fields.len());
    for (name, value) in fields {
        match value {
            FieldValue::Int(n) => instance.setattr(name, n)?,
            FieldValue::Text(s) => instance.setattr(name, s)?,
        }
        names.push(name);
    }
    instance.setattr("fields", names)?;
    Ok(PyErr::from_value(instance))
}

/// An [`Error::InvalidParameter`] for a value the binding cannot even hand to the core.
pub(crate) fn invalid(name: &str, value: impl std::fmt::Display, expected: &str) -> PyErr {
    err(Error::InvalidParameter {
        name: name.to_owned(),
        value: value.to_string(),
        expected: expected.to_owned(),
    })
}
