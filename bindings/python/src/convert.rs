//! Conversions between Python values and the core's types: keyword arguments into the core's
//! serde option structs, JSON values into Python objects, person ids and layer keys.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyMapping, PySequence, PyString};
use reseau::{Error, LayerId, LayerKey, Network, PersonId};
use serde::de::DeserializeOwned;
use serde_json::{Map, Number, Value};

use crate::errors::{err, invalid};

/// A Python value as JSON, for the core's serde structs. `what` names the value in errors.
///
/// JSON has no NaN or infinity, so a non-finite float is refused here with an
/// `InvalidParameterError` (every float option of the core must be finite anyway).
pub(crate) fn to_json(value: &Bound<'_, PyAny>, what: &str) -> PyResult<Value> {
    to_json_at(value, what, 0)
}

/// How deep options may nest: far more than any option struct, and a guard against a list
/// that contains itself.
const MAX_DEPTH: usize = 32;

fn to_json_at(value: &Bound<'_, PyAny>, what: &str, depth: usize) -> PyResult<Value> {
    if depth > MAX_DEPTH {
        return Err(invalid(what, "a value", &format!("at most {MAX_DEPTH} levels of nesting")));
    }
    if value.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = value.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if value.is_instance_of::<PyInt>() {
        return int(value, what);
    }
    if let Ok(f) = value.cast::<PyFloat>() {
        return float(f.value(), what);
    }
    if let Ok(s) = value.cast::<PyString>() {
        return Ok(Value::String(s.to_cow()?.into_owned()));
    }
    if let Ok(d) = value.cast::<PyMapping>() {
        let mut map = Map::new();
        for item in d.items()?.iter() {
            let (k, v): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
            let key: String = k.extract().map_err(|_| {
                PyTypeError::new_err(format!("{what}: keys must be str, not {}", type_name(&k)))
            })?;
            let inner = to_json_at(&v, &format!("{what}[{key:?}]"), depth + 1)?;
            map.insert(key, inner);
        }
        return Ok(Value::Object(map));
    }
    if let Ok(seq) = value.cast::<PySequence>() {
        let mut items = Vec::new();
        for (i, item) in seq.try_iter()?.enumerate() {
            items.push(to_json_at(&item?, &format!("{what}[{i}]"), depth + 1)?);
        }
        return Ok(Value::Array(items));
    }
    // numpy arrays and scalars.
    if value.hasattr("tolist")? {
        return to_json_at(&value.call_method0("tolist")?, what, depth + 1);
    }
    // Other numbers: integers first, so 3 stays 3.
    if value.hasattr("__index__")? {
        return int(value, what);
    }
    if value.hasattr("__float__")? {
        return float(value.extract::<f64>()?, what);
    }
    Err(PyTypeError::new_err(format!("{what}: cannot use a {} here", type_name(value))))
}

fn int(value: &Bound<'_, PyAny>, what: &str) -> PyResult<Value> {
    if let Ok(i) = value.extract::<i64>() {
        return Ok(Value::from(i));
    }
    if let Ok(u) = value.extract::<u64>() {
        return Ok(Value::from(u));
    }
    Err(invalid(what, value.str()?, "an integer that fits in 64 bits"))
}

fn float(x: f64, what: &str) -> PyResult<Value> {
    Number::from_f64(x).map(Value::Number).ok_or_else(|| invalid(what, x, "a finite number"))
}

fn type_name(value: &Bound<'_, PyAny>) -> String {
    value.get_type().name().map_or_else(|_| "?".to_owned(), |n| n.to_string())
}

/// A JSON value as a Python object.
pub(crate) fn to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_py(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, to_py(py, v)?)?;
            }
            dict.into_any()
        }
    })
}

/// Keyword arguments as a JSON object, each value named by its keyword in errors.
fn kwargs_to_json(kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<Map<String, Value>> {
    let mut map = Map::new();
    for (key, value) in kwargs.into_iter().flat_map(PyDictMethods::iter) {
        let key: String = key.extract()?;
        let value = to_json(&value, &key)?;
        map.insert(key, value);
    }
    Ok(map)
}

/// A core options struct from keyword arguments, through the struct's own serde definition:
/// a field the core adds is a keyword argument at once, and an unknown keyword argument gets
/// the core's message (as an `InvalidParameterError`).
pub(crate) fn options<T: DeserializeOwned>(
    function: &str,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<T> {
    let value = Value::Object(kwargs_to_json(kwargs)?);
    from_json(
        &format!("keyword arguments of {function}"),
        value,
        &format!("the keyword arguments in help(reseau.{function})"),
    )
}

/// The options of a reader, as [`options`], with `duplicates=` and `self_loops=` accepted as
/// shorthands for `policy={"duplicates": ..., "self_loops": ...}` (the readers' `TiePolicy`).
pub(crate) fn reader_options<T: DeserializeOwned>(
    function: &str,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<T> {
    let mut map = kwargs_to_json(kwargs)?;
    for key in ["duplicates", "self_loops"] {
        let Some(shorthand) = map.remove(key) else { continue };
        match map.entry("policy").or_insert_with(|| Value::Object(Map::new())) {
            Value::Object(policy) => {
                policy.insert(key.to_owned(), shorthand);
            }
            // `policy` given as something else: let the core's error say so.
            _ => {
                map.insert(key.to_owned(), shorthand);
            }
        }
    }
    let value = Value::Object(map);
    from_json(
        &format!("keyword arguments of {function}"),
        value,
        &format!("the keyword arguments in help(reseau.{function})"),
    )
}

/// A core value (an option struct, an enum given by name) from JSON. An error is an
/// `InvalidParameterError` whose `name` is `what`, `value` serde's message (which names the
/// unknown field or variant and the accepted ones) and `expected` `expected`.
pub(crate) fn from_json<T: DeserializeOwned>(
    what: &str,
    value: Value,
    expected: &str,
) -> PyResult<T> {
    serde_json::from_value(value).map_err(|e| invalid(what, e, expected))
}

/// A person id from a Python integer; anything that is not a person of `net` is
/// `UnknownPersonError`.
pub(crate) fn person(net: &Network, id: i64) -> PyResult<PersonId> {
    match u32::try_from(id) {
        Ok(id) if (id as usize) < net.num_people() => Ok(PersonId(id)),
        _ => Err(err(Error::UnknownPerson { person: format!("#{id}") })),
    }
}

/// A layer, by name or by index.
#[derive(Debug, Clone, FromPyObject)]
pub(crate) enum LayerArg {
    /// The layer's name.
    Name(String),
    /// The layer's index, in the order layers were added.
    Index(i64),
}

impl LayerArg {
    /// The layer's id in `net`, or `UnknownLayerError`.
    pub(crate) fn resolve(&self, net: &Network) -> PyResult<LayerId> {
        match self {
            LayerArg::Name(name) => net.layer_id(name).map_err(err),
            LayerArg::Index(i) => match u32::try_from(*i) {
                Ok(i) => LayerId(i).resolve(net).map_err(err),
                Err(_) => Err(err(Error::UnknownLayer { name: format!("#{i}") })),
            },
        }
    }
}

/// An optional layer argument resolved.
pub(crate) fn layer_opt(net: &Network, layer: Option<&LayerArg>) -> PyResult<Option<LayerId>> {
    layer.map(|l| l.resolve(net)).transpose()
}
