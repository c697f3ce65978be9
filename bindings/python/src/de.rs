//! Python values read by serde: keyword arguments deserialise straight into the core's request
//! structs, so a field the core adds is a keyword at once and the core decides what is valid.
//!
//! The reading is strict as JSON is (a bool is no number, a float no integer), with what
//! Python adds: numpy arrays are read in place, without a Python object per element; numpy
//! scalars read as the numbers they hold; reseau's own values (`Model`, `Fatigue`, ...) read
//! as their serde form; any iterable is a sequence. Floats are passed as they are, infinities
//! included, for the core to judge. A refusal names the argument (`layers["lunch"]["latency"]`).

use std::fmt::Write as _;

use numpy::ndarray::ArrayViewD;
use numpy::{
    PyArrayDescrMethods, PyArrayDyn, PyArrayMethods, PyReadonlyArrayDyn, PyUntypedArrayMethods,
    dtype,
};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple,
};
use serde::de::value::SeqDeserializer;
use serde::de::{self, DeserializeOwned, Deserializer as _, IntoDeserializer, Visitor};

use crate::args::type_name;
use crate::errors::invalid;
use crate::objects;

/// How deep a value may nest: far more than any request, and a guard against a list that
/// contains itself.
const MAX_DEPTH: usize = 32;

/// Why a value could not be read or written: a Python error (a wrong type, raised as
/// `TypeError`) or serde's message (an `InvalidParameterError` when read).
#[derive(Debug)]
pub(crate) enum Error {
    Python(PyErr),
    Serde(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Python(e) => write!(f, "{e}"),
            Error::Serde(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: std::fmt::Display>(message: T) -> Self {
        Error::Serde(message.to_string())
    }
}

impl serde::ser::Error for Error {
    fn custom<T: std::fmt::Display>(message: T) -> Self {
        Error::Serde(message.to_string())
    }
}

impl From<PyErr> for Error {
    fn from(e: PyErr) -> Self {
        Error::Python(e)
    }
}

/// A Python error as it is; serde's message (a value that cannot be converted) a
/// `ValueError`.
impl From<Error> for PyErr {
    fn from(e: Error) -> Self {
        match e {
            Error::Python(e) => e,
            Error::Serde(message) => pyo3::exceptions::PyValueError::new_err(message),
        }
    }
}

fn type_error(what: String) -> Error {
    Error::Python(PyTypeError::new_err(what))
}

/// A core value from a Python value. A wrong Python type is a `TypeError`; anything serde
/// refuses is an `InvalidParameterError` named by the path to the value (`what` when the
/// value as a whole is refused), whose `value` is serde's message and whose `expected` points
/// to `help(reseau.<doc>)`.
pub(crate) fn from_py<T: DeserializeOwned>(
    value: &Bound<'_, PyAny>,
    what: &str,
    doc: &str,
) -> PyResult<T> {
    read(value, what, doc, false)
}

/// A core request from a call's keyword arguments (a dict), as [`from_py`] reads it, but a
/// required argument left out is a `TypeError` as Python raises for one
/// (`erdos_renyi() missing required keyword argument 'n'`).
pub(crate) fn from_kwargs<T: DeserializeOwned>(
    kwargs: &Bound<'_, PyAny>,
    function: &str,
) -> PyResult<T> {
    read(kwargs, &format!("keyword arguments of {function}"), function, true)
}

fn read<T: DeserializeOwned>(
    value: &Bound<'_, PyAny>,
    what: &str,
    doc: &str,
    kwargs: bool,
) -> PyResult<T> {
    serde_path_to_error::deserialize(De { obj: value, depth: 0 }).map_err(|e| {
        let mut segments: Vec<_> = e.path().iter().cloned().collect();
        match e.into_inner() {
            Error::Python(err) => err,
            Error::Serde(message)
                if kwargs && segments.is_empty() && message.starts_with("missing field") =>
            {
                let field = message.trim_start_matches("missing field ").trim_matches('`');
                PyTypeError::new_err(format!("{doc}() missing required keyword argument '{field}'"))
            }
            Error::Serde(message) => {
                // An unknown key is the fault of the dict that holds it.
                if message.starts_with("unknown field") {
                    segments.pop();
                }
                let name = python_path(&segments).unwrap_or_else(|| what.to_owned());
                invalid(&name, message, &format!("a value as help(reseau.{doc}) describes"))
            }
        }
    })
}

/// A path into the arguments as Python writes it: `layers["lunch"]`, `requests[3]`.
fn python_path(segments: &[serde_path_to_error::Segment]) -> Option<String> {
    use serde_path_to_error::Segment;
    let (first, rest) = segments.split_first()?;
    let mut path = match first {
        Segment::Map { key } => key.clone(),
        other => other.to_string(),
    };
    for segment in rest {
        let _ = match segment {
            Segment::Seq { index } => write!(path, "[{index}]"),
            Segment::Map { key } => write!(path, "[{key:?}]"),
            other => write!(path, ".{other}"),
        };
    }
    Some(path)
}

/// A Python object as a serde deserializer.
struct De<'a, 'py> {
    obj: &'a Bound<'py, PyAny>,
    depth: usize,
}

impl<'py> De<'_, 'py> {
    fn visit_int<'de, V: Visitor<'de>>(&self, v: V) -> Result<V::Value, Error> {
        let o = self.obj;
        if let Ok(x) = o.extract::<u64>() {
            v.visit_u64(x)
        } else if let Ok(x) = o.extract::<i64>() {
            v.visit_i64(x)
        } else if let Ok(x) = o.extract::<u128>() {
            v.visit_u128(x)
        } else if let Ok(x) = o.extract::<i128>() {
            v.visit_i128(x)
        } else {
            Err(Error::Serde(format!("integer {} does not fit in 128 bits", o.str()?)))
        }
    }

    fn visit_items<'de, V: Visitor<'de>>(
        &self,
        items: Vec<Bound<'py, PyAny>>,
        v: V,
    ) -> Result<V::Value, Error> {
        let depth = self.depth + 1;
        v.visit_seq(Items { items: items.into_iter(), depth })
    }
}

impl<'de> de::Deserializer<'de> for De<'_, '_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        let o = self.obj;
        if self.depth > MAX_DEPTH {
            return Err(Error::Serde(format!("a value nested more than {MAX_DEPTH} levels deep")));
        }
        if o.is_none() {
            return v.visit_unit();
        }
        if let Ok(b) = o.cast::<PyBool>() {
            return v.visit_bool(b.is_true());
        }
        if o.is_instance_of::<PyInt>() {
            return self.visit_int(v);
        }
        if let Ok(f) = o.cast::<PyFloat>() {
            return v.visit_f64(f.value());
        }
        if let Ok(s) = o.cast::<PyString>() {
            return v.visit_str(&s.to_cow()?);
        }
        if o.is_instance_of::<PyBytes>() || o.is_instance_of::<PyByteArray>() {
            return Err(type_error(
                "bytes are not accepted here: give text (str) or numbers (decode the bytes first)"
                    .to_owned(),
            ));
        }
        if let Ok(d) = o.cast::<PyDict>() {
            return v.visit_map(Entries::new(d.iter().collect(), self.depth + 1)?);
        }
        if let Some(data) = objects::data_of(o)? {
            return De { obj: &data, depth: self.depth }.deserialize_any(v);
        }
        if let Some(array) = numpy_array(o)? {
            return array.visit(v);
        }
        if let Ok(list) = o.cast::<PyList>() {
            return self.visit_items(list.iter().collect(), v);
        }
        if let Ok(tuple) = o.cast::<PyTuple>() {
            return self.visit_items(tuple.iter().collect(), v);
        }
        // numpy scalars, and other numbers.
        if o.hasattr("__index__")? {
            return self.visit_int(v);
        }
        if o.hasattr("__float__")? {
            return v.visit_f64(o.extract()?);
        }
        if let Ok(m) = o.cast::<PyMapping>() {
            let items = m.items()?.iter().map(|i| i.extract()).collect::<PyResult<Vec<_>>>()?;
            return v.visit_map(Entries::new(items, self.depth + 1)?);
        }
        if let Ok(iter) = o.try_iter() {
            return self.visit_items(iter.collect::<PyResult<_>>()?, v);
        }
        Err(type_error(format!("cannot use a {} here", type_name(o))))
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        if self.obj.is_none() { v.visit_none() } else { v.visit_some(self) }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        match self.obj.cast::<PyString>() {
            Ok(s) => v.visit_enum(s.to_cow()?.into_owned().into_deserializer()),
            Err(_) => self.deserialize_any(v),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        v: V,
    ) -> Result<V::Value, Error> {
        v.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

/// The items of a sequence.
struct Items<'py, I: Iterator<Item = Bound<'py, PyAny>>> {
    items: I,
    depth: usize,
}

impl<'de, 'py, I: Iterator<Item = Bound<'py, PyAny>>> de::SeqAccess<'de> for Items<'py, I> {
    type Error = Error;

    fn next_element_seed<T: de::DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        self.items
            .next()
            .map(|item| seed.deserialize(De { obj: &item, depth: self.depth }))
            .transpose()
    }
}

/// The entries of a dict, whose keys are text (checked first: a wrong key is a wrong type,
/// whatever the value should have been).
struct Entries<'py> {
    items: std::vec::IntoIter<(String, Bound<'py, PyAny>)>,
    value: Option<Bound<'py, PyAny>>,
    depth: usize,
}

impl<'py> Entries<'py> {
    fn new(
        items: Vec<(Bound<'py, PyAny>, Bound<'py, PyAny>)>,
        depth: usize,
    ) -> Result<Self, Error> {
        let mut entries = Vec::with_capacity(items.len());
        for (key, value) in items {
            let Ok(key) = key.cast::<PyString>() else {
                return Err(type_error(format!("keys are names (str), not {}", type_name(&key))));
            };
            entries.push((key.to_cow()?.into_owned(), value));
        }
        Ok(Entries { items: entries.into_iter(), value: None, depth })
    }
}

impl<'de> de::MapAccess<'de> for Entries<'_> {
    type Error = Error;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.items.next() else { return Ok(None) };
        self.value = Some(value);
        seed.deserialize(key.into_deserializer()).map(Some)
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let value =
            self.value.take().ok_or_else(|| Error::Serde("a value without its key".into()))?;
        seed.deserialize(De { obj: &value, depth: self.depth })
    }
}

/// A numeric numpy array, read in place.
enum Array<'py> {
    F64(PyReadonlyArrayDyn<'py, f64>),
    I64(PyReadonlyArrayDyn<'py, i64>),
    U64(PyReadonlyArrayDyn<'py, u64>),
    /// Text, objects, bools: read item by item.
    Items(Bound<'py, PyAny>),
}

/// `o` as an array of f64, i64 or u64 (converted by numpy if it holds another width), or
/// its items; `None` if `o` is no numpy array.
fn numpy_array<'py>(o: &Bound<'py, PyAny>) -> PyResult<Option<Array<'py>>> {
    let Ok(array) = o.cast::<numpy::PyUntypedArray>() else { return Ok(None) };
    let py = o.py();
    let kind = array.dtype().kind();
    let as_type = |t: Bound<'py, numpy::PyArrayDescr>| -> PyResult<Bound<'py, PyAny>> {
        if array.dtype().is_equiv_to(&t) { Ok(o.clone()) } else { o.call_method1("astype", (t,)) }
    };
    Ok(Some(match kind {
        b'f' => Array::F64(as_type(dtype::<f64>(py))?.cast_into::<PyArrayDyn<f64>>()?.readonly()),
        b'i' => Array::I64(as_type(dtype::<i64>(py))?.cast_into::<PyArrayDyn<i64>>()?.readonly()),
        b'u' => Array::U64(as_type(dtype::<u64>(py))?.cast_into::<PyArrayDyn<u64>>()?.readonly()),
        _ => Array::Items(o.call_method0("tolist")?),
    }))
}

impl Array<'_> {
    fn visit<'de, V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        match self {
            Array::F64(a) => ArrayDe(a.as_array()).visit(v),
            Array::I64(a) => ArrayDe(a.as_array()).visit(v),
            Array::U64(a) => ArrayDe(a.as_array()).visit(v),
            Array::Items(list) => De { obj: &list, depth: 0 }.deserialize_any(v),
        }
    }
}

/// A number of an array: what serde's own number deserializers are, and an `Option`'s `Some`.
#[derive(Clone, Copy)]
struct Num<T>(T);

/// The numbers an array holds.
trait Scalar: Copy {
    fn visit<'de, V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error>;
}

macro_rules! scalars {
    ($($t:ty: $visit:ident),*) => { $( impl Scalar for $t {
        fn visit<'de, V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> { v.$visit(self) }
    } )* };
}
scalars!(f64: visit_f64, i64: visit_i64, u64: visit_u64);

impl<'de, T: Scalar> de::Deserializer<'de> for Num<T> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.0.visit(v)
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        v.visit_some(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier
        ignored_any
    }
}

impl<T: Scalar> IntoDeserializer<'_, Error> for Num<T> {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

/// An n-dimensional view: a sequence of its rows, down to its numbers.
struct ArrayDe<'a, T>(ArrayViewD<'a, T>);

impl<'de, T: Scalar> ArrayDe<'_, T> {
    fn visit<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        match self.0.ndim() {
            0 => match self.0.iter().next() {
                Some(&x) => x.visit(v),
                None => Err(Error::Serde("an empty array".into())),
            },
            1 => v.visit_seq(SeqDeserializer::new(self.0.iter().map(|&x| Num(x)))),
            _ => v.visit_seq(SeqDeserializer::new(self.0.outer_iter().map(ArrayDe))),
        }
    }
}

impl<'de, T: Scalar> de::Deserializer<'de> for ArrayDe<'_, T> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.visit(v)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier
        ignored_any
    }
}

impl<T: Scalar> IntoDeserializer<'_, Error> for ArrayDe<'_, T> {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}
