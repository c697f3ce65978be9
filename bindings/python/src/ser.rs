//! The core's values as Python objects, through their serde form: structs and maps become
//! dicts, text `str`, numbers `int` or `float`, `None` `None`; a sequence of numbers becomes
//! one numpy array of the Rust type (`Vec<f64>` float64, `Vec<u32>` uint32, ...) with no
//! Python object per element; other sequences, and fixed-size arrays such as `[f64; 2]`,
//! become lists. Floats are copied exactly, so a value converted back loses nothing.

use numpy::IntoPyArray;
use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use serde::ser::{self, Impossible, Serialize};

use crate::de::Error;

/// `value` as a Python object.
pub(crate) fn to_python<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    value.serialize(Ser(py, true)).map_err(PyErr::from)?.object(py)
}

/// `value` as plain Python objects: lists where [`to_python`] makes numpy arrays (records a
/// user compares and tabulates, such as referral traces).
pub(crate) fn to_plain<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    value.serialize(Ser(py, false)).map_err(PyErr::from)?.object(py)
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

/// Serializer methods of numbers, kept unboxed as the variant of [`Out`] their type widens to.
macro_rules! numbers {
    ($($method:ident: $ty:ty => $out:ident),*) => {
        $( fn $method(self, v: $ty) -> Result<Out<'py>> { Ok(Out::$out(v.into())) } )*
    };
}

impl<'py> ser::Serializer for Ser<'py> {
    type Ok = Out<'py>;
    type Error = Error;
    type SerializeSeq = Seq<'py>;
    type SerializeTuple = Seq<'py>;
    type SerializeTupleStruct = Seq<'py>;
    type SerializeTupleVariant = Impossible<Out<'py>, Error>;
    type SerializeMap = Dict<'py>;
    type SerializeStruct = Dict<'py>;
    type SerializeStructVariant = Impossible<Out<'py>, Error>;

    fn serialize_bool(self, v: bool) -> Result<Out<'py>> {
        self.object(v)
    }
    numbers!(serialize_i8: i8 => I64, serialize_i16: i16 => I64, serialize_i32: i32 => I64,
        serialize_i64: i64 => I64, serialize_u8: u8 => U32, serialize_u16: u16 => U32,
        serialize_u32: u32 => U32, serialize_u64: u64 => U64, serialize_f32: f32 => F64,
        serialize_f64: f64 => F64);

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
        let array = self.1;
        Ok(Seq { ser: self, items: Items::Empty, capacity: len.unwrap_or(0), array })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq<'py>> {
        Ok(Seq { array: false, ..self.serialize_seq(Some(len))? })
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Seq<'py>> {
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

/// A sequence; a numpy array at the end if `array` and its elements are numbers of one type
/// (a tuple is always a list).
struct Seq<'py> {
    ser: Ser<'py>,
    items: Items<'py>,
    capacity: usize,
    array: bool,
}

/// Numbers as Python objects, each made by `out`.
fn boxed<'py, T>(
    py: Python<'py>,
    v: Vec<T>,
    out: fn(T) -> Out<'py>,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    v.into_iter().map(|x| out(x).object(py)).collect()
}

impl<'py> Seq<'py> {
    /// The elements as Python objects, from now on (a sequence of mixed elements).
    fn objects(&mut self) -> PyResult<&mut Vec<Bound<'py, PyAny>>> {
        let py = self.ser.0;
        let objects = match std::mem::replace(&mut self.items, Items::Empty) {
            Items::Empty => Vec::with_capacity(self.capacity),
            Items::F64(v) => boxed(py, v, Out::F64)?,
            Items::U32(v) => boxed(py, v, Out::U32)?,
            Items::U64(v) => boxed(py, v, Out::U64)?,
            Items::I64(v) => boxed(py, v, Out::I64)?,
            Items::Objects(v) => v,
        };
        self.items = Items::Objects(objects);
        match &mut self.items {
            Items::Objects(v) => Ok(v),
            _ => unreachable!("just set"),
        }
    }

    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
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

    fn done(mut self) -> Result<Out<'py>> {
        let py = self.ser.0;
        if !self.array {
            let items = std::mem::take(self.objects()?);
            return Ok(Out::Object(PyList::new(py, items)?.into_any()));
        }
        let array = match self.items {
            Items::Empty => PyList::empty(py).into_any(),
            Items::F64(v) => v.into_pyarray(py).into_any(),
            Items::U32(v) => v.into_pyarray(py).into_any(),
            Items::U64(v) => v.into_pyarray(py).into_any(),
            Items::I64(v) => v.into_pyarray(py).into_any(),
            Items::Objects(v) => PyList::new(py, v)?.into_any(),
        };
        Ok(Out::Object(array))
    }
}

fn start<T>(capacity: usize, first: T) -> Vec<T> {
    let mut v = Vec::with_capacity(capacity.max(1));
    v.push(first);
    v
}

/// The compound serializers that are [`Seq`] under another name.
macro_rules! sequences {
    ($($trait:ident: $method:ident),*) => {
        $( impl<'py> ser::$trait for Seq<'py> {
            type Ok = Out<'py>;
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
                self.push(value)
            }
            fn end(self) -> Result<Out<'py>> {
                self.done()
            }
        } )*
    };
}

sequences!(SerializeSeq: serialize_element, SerializeTuple: serialize_element);
sequences!(SerializeTupleStruct: serialize_field);

struct Dict<'py> {
    ser: Ser<'py>,
    entries: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyAny>>,
}

impl<'py> Dict<'py> {
    fn put<T: Serialize + ?Sized>(&mut self, key: Bound<'py, PyAny>, value: &T) -> Result<()> {
        Ok(self.entries.set_item(key, value.serialize(self.ser)?.object(self.ser.0)?)?)
    }
}

impl<'py> ser::SerializeMap for Dict<'py> {
    type Ok = Out<'py>;
    type Error = Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<()> {
        self.key = Some(key.serialize(self.ser)?.object(self.ser.0)?);
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        let key = self.key.take().ok_or_else(|| Error::Serde("a value without its key".into()))?;
        self.put(key, value)
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
        self.put(PyString::new(self.ser.0, key).into_any(), value)
    }

    fn end(self) -> Result<Out<'py>> {
        Ok(Out::Object(self.entries.into_any()))
    }
}
