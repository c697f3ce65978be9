//! The core's values as Python objects, through their serde form: structs and maps become
//! dicts, text `str`, numbers `int` or `float`, `None` `None`; a sequence of numbers becomes
//! one numpy array of the Rust type (`Vec<f64>` float64, `Vec<u32>` uint32, ...) with no
//! Python object per element; other sequences, and fixed-size arrays such as `[f64; 2]`,
//! become lists. Floats are copied exactly, so a value converted back loses nothing.

use numpy::IntoPyArray;
use pyo3::IntoPyObjectExt;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use serde::ser::{self, Impossible, Serialize};

/// `value` as a Python object.
pub(crate) fn to_python<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    value.serialize(Ser(py, true)).map_err(|e| e.0)?.object(py)
}

/// `value` as plain Python objects: lists where [`to_python`] makes numpy arrays (records a
/// user compares and tabulates, such as referral traces).
pub(crate) fn to_plain<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    value.serialize(Ser(py, false)).map_err(|e| e.0)?.object(py)
}

/// A conversion that failed: a Python error.
#[derive(Debug)]
pub(crate) struct Error(PyErr);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: std::fmt::Display>(message: T) -> Self {
        Error(PyValueError::new_err(message.to_string()))
    }
}

impl From<PyErr> for Error {
    fn from(e: PyErr) -> Self {
        Error(e)
    }
}

type Result<T> = std::result::Result<T, Error>;

/// A converted value: a number kept unboxed until its container is known (an element of a
/// numeric array, or a Python object), or a Python object.
enum Out<'py> {
    F64(f64),
    U32(u32),
    U64(u64),
    I64(i64),
    Object(Bound<'py, PyAny>),
}

impl<'py> Out<'py> {
    fn object(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(match self {
            Out::F64(x) => x.into_pyobject(py)?.into_any(),
            Out::U32(x) => x.into_pyobject(py)?.into_any(),
            Out::U64(x) => x.into_pyobject(py)?.into_any(),
            Out::I64(x) => x.into_pyobject(py)?.into_any(),
            Out::Object(o) => o,
        })
    }
}

/// The serializer, and whether sequences of numbers become numpy arrays.
#[derive(Clone, Copy)]
struct Ser<'py>(Python<'py>, bool);

impl<'py> Ser<'py> {
    fn object(self, o: impl IntoPyObject<'py>) -> Result<Out<'py>> {
        Ok(Out::Object(o.into_bound_py_any(self.0)?))
    }
}

impl<'py> ser::Serializer for Ser<'py> {
    type Ok = Out<'py>;
    type Error = Error;
    type SerializeSeq = Seq<'py>;
    type SerializeTuple = List<'py>;
    type SerializeTupleStruct = List<'py>;
    type SerializeTupleVariant = Impossible<Out<'py>, Error>;
    type SerializeMap = Dict<'py>;
    type SerializeStruct = Dict<'py>;
    type SerializeStructVariant = Impossible<Out<'py>, Error>;

    fn serialize_bool(self, v: bool) -> Result<Out<'py>> {
        self.object(v)
    }
    fn serialize_i8(self, v: i8) -> Result<Out<'py>> {
        Ok(Out::I64(v.into()))
    }
    fn serialize_i16(self, v: i16) -> Result<Out<'py>> {
        Ok(Out::I64(v.into()))
    }
    fn serialize_i32(self, v: i32) -> Result<Out<'py>> {
        Ok(Out::I64(v.into()))
    }
    fn serialize_i64(self, v: i64) -> Result<Out<'py>> {
        Ok(Out::I64(v))
    }
    fn serialize_u8(self, v: u8) -> Result<Out<'py>> {
        Ok(Out::U32(v.into()))
    }
    fn serialize_u16(self, v: u16) -> Result<Out<'py>> {
        Ok(Out::U32(v.into()))
    }
    fn serialize_u32(self, v: u32) -> Result<Out<'py>> {
        Ok(Out::U32(v))
    }
    fn serialize_u64(self, v: u64) -> Result<Out<'py>> {
        Ok(Out::U64(v))
    }
    fn serialize_f32(self, v: f32) -> Result<Out<'py>> {
        Ok(Out::F64(v.into()))
    }
    fn serialize_f64(self, v: f64) -> Result<Out<'py>> {
        Ok(Out::F64(v))
    }
    fn serialize_char(self, v: char) -> Result<Out<'py>> {
        self.object(v.to_string())
    }
    fn serialize_str(self, v: &str) -> Result<Out<'py>> {
        self.object(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Out<'py>> {
        self.object(v)
    }
    fn serialize_none(self) -> Result<Out<'py>> {
        Ok(Out::Object(self.0.None().into_bound(self.0)))
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Out<'py>> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Out<'py>> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<Out<'py>> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<Out<'py>> {
        self.object(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<Out<'py>> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Out<'py>> {
        let dict = PyDict::new(self.0);
        dict.set_item(variant, value.serialize(self)?.object(self.0)?)?;
        Ok(Out::Object(dict.into_any()))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq<'py>> {
        Ok(Seq { ser: self, items: Items::Empty, capacity: len.unwrap_or(0) })
    }
    fn serialize_tuple(self, _: usize) -> Result<List<'py>> {
        Ok(List { ser: self, list: PyList::empty(self.0) })
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<List<'py>> {
        self.serialize_tuple(len)
    }
    fn serialize_tuple_variant(
        self,
        name: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Err(ser::Error::custom(format!("{name}: tuple variants are not converted")))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Dict<'py>> {
        Ok(Dict { ser: self, entries: PyDict::new(self.0), key: None })
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Dict<'py>> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        name: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant> {
        Err(ser::Error::custom(format!("{name}: struct variants are not converted")))
    }
}

/// The elements of a sequence so far: numbers of one type in a vector, else objects.
enum Items<'py> {
    Empty,
    F64(Vec<f64>),
    U32(Vec<u32>),
    U64(Vec<u64>),
    I64(Vec<i64>),
    Objects(Vec<Bound<'py, PyAny>>),
}

struct Seq<'py> {
    ser: Ser<'py>,
    items: Items<'py>,
    capacity: usize,
}

impl<'py> Seq<'py> {
    /// The elements as Python objects, from now on (a sequence of mixed elements).
    fn objects(&mut self) -> PyResult<&mut Vec<Bound<'py, PyAny>>> {
        let py = self.ser.0;
        let objects: Vec<Bound<'py, PyAny>> = match std::mem::replace(&mut self.items, Items::Empty)
        {
            Items::Empty => Vec::with_capacity(self.capacity),
            Items::F64(v) => {
                v.into_iter().map(|x| Out::F64(x).object(py)).collect::<PyResult<_>>()?
            }
            Items::U32(v) => {
                v.into_iter().map(|x| Out::U32(x).object(py)).collect::<PyResult<_>>()?
            }
            Items::U64(v) => {
                v.into_iter().map(|x| Out::U64(x).object(py)).collect::<PyResult<_>>()?
            }
            Items::I64(v) => {
                v.into_iter().map(|x| Out::I64(x).object(py)).collect::<PyResult<_>>()?
            }
            Items::Objects(v) => v,
        };
        self.items = Items::Objects(objects);
        match &mut self.items {
            Items::Objects(v) => Ok(v),
            _ => unreachable!("just set"),
        }
    }
}

impl<'py> ser::SerializeSeq for Seq<'py> {
    type Ok = Out<'py>;
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        let n = self.capacity;
        match (value.serialize(self.ser)?, &mut self.items) {
            (Out::F64(x), Items::F64(v)) => v.push(x),
            (Out::U32(x), Items::U32(v)) => v.push(x),
            (Out::U64(x), Items::U64(v)) => v.push(x),
            (Out::I64(x), Items::I64(v)) => v.push(x),
            (Out::F64(x), items @ Items::Empty) => *items = Items::F64(start(n, x)),
            (Out::U32(x), items @ Items::Empty) => *items = Items::U32(start(n, x)),
            (Out::U64(x), items @ Items::Empty) => *items = Items::U64(start(n, x)),
            (Out::I64(x), items @ Items::Empty) => *items = Items::I64(start(n, x)),
            (out, _) => {
                let object = out.object(self.ser.0)?;
                self.objects()?.push(object);
            }
        }
        Ok(())
    }

    fn end(self) -> Result<Out<'py>> {
        let py = self.ser.0;
        let array = |a: Bound<'py, PyAny>| Ok(Out::Object(a));
        if !self.ser.1 {
            let mut this = self;
            let items = std::mem::take(this.objects()?);
            return array(PyList::new(py, items)?.into_any());
        }
        match self.items {
            Items::Empty => array(PyList::empty(py).into_any()),
            Items::F64(v) => array(v.into_pyarray(py).into_any()),
            Items::U32(v) => array(v.into_pyarray(py).into_any()),
            Items::U64(v) => array(v.into_pyarray(py).into_any()),
            Items::I64(v) => array(v.into_pyarray(py).into_any()),
            Items::Objects(v) => array(PyList::new(py, v)?.into_any()),
        }
    }
}

fn start<T>(capacity: usize, first: T) -> Vec<T> {
    let mut v = Vec::with_capacity(capacity.max(1));
    v.push(first);
    v
}

struct List<'py> {
    ser: Ser<'py>,
    list: Bound<'py, PyList>,
}

impl<'py> ser::SerializeTuple for List<'py> {
    type Ok = Out<'py>;
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        Ok(self.list.append(value.serialize(self.ser)?.object(self.ser.0)?)?)
    }

    fn end(self) -> Result<Out<'py>> {
        Ok(Out::Object(self.list.into_any()))
    }
}

impl<'py> ser::SerializeTupleStruct for List<'py> {
    type Ok = Out<'py>;
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        ser::SerializeTuple::serialize_element(self, value)
    }

    fn end(self) -> Result<Out<'py>> {
        ser::SerializeTuple::end(self)
    }
}

struct Dict<'py> {
    ser: Ser<'py>,
    entries: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyAny>>,
}

impl<'py> ser::SerializeMap for Dict<'py> {
    type Ok = Out<'py>;
    type Error = Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<()> {
        self.key = Some(key.serialize(self.ser)?.object(self.ser.0)?);
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        let key = self
            .key
            .take()
            .ok_or_else(|| Error(PyValueError::new_err("a value without its key")))?;
        Ok(self.entries.set_item(key, value.serialize(self.ser)?.object(self.ser.0)?)?)
    }

    fn end(self) -> Result<Out<'py>> {
        Ok(Out::Object(self.entries.into_any()))
    }
}

impl<'py> ser::SerializeStruct for Dict<'py> {
    type Ok = Out<'py>;
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        Ok(self.entries.set_item(key, value.serialize(self.ser)?.object(self.ser.0)?)?)
    }

    fn end(self) -> Result<Out<'py>> {
        Ok(Out::Object(self.entries.into_any()))
    }
}
