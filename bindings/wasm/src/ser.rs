//! Rust values out to JavaScript: one serde serializer for every result and every record.
//!
//! - Struct fields are written in camelCase (`success_rate` → `successRate`); map keys are kept
//!   as written (layer names and attributes are data).
//! - `None` and `()` are `null`, unit variants their names, 64-bit integers numbers.
//! - With [`Arrays::Typed`] (what the simulations return), a field or value of type `Vec` of
//!   numbers becomes a typed array, chosen by the element type: `Float64Array` for `f64`
//!   (`None` as NaN) and for counts (`u64`), `Uint32Array` for ids (`u32`) and for the counts in
//!   [`UINT32_COUNTS`], `Int32Array` for `i64` (steps and indices, -1 for none). An empty
//!   array has the type of a full one. Tuples stay arrays (`ci95: [lo, hi]`).
//! - With [`Arrays::Plain`] (records, the report's numbers), everything is plain JSON.

use js_sys::{Array, Float64Array, Int32Array, Object, Reflect, Uint32Array};
use serde::Serialize;
use serde::ser::{self, Impossible};
use wasm_bindgen::JsValue;

use crate::errors::{JsResult, internal};
use crate::value::{DeError as Error, camel_case};

/// Whether sequences of numbers become typed arrays.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Arrays {
    Plain,
    Typed,
}

/// Counts (`u64`) that JavaScript has always seen as `Uint32Array`s (of requests, which the
/// core keeps below 2^32); other counts are `Float64Array`s.
const UINT32_COUNTS: [&str; 3] = ["chain_lengths", "alive", "dropped"];

/// `value` as a JS value (see the module docs).
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T, arrays: Arrays) -> JsResult<JsValue> {
    let ser = Ser { arrays, kind: kind_of::<T>("", arrays) };
    value.serialize(ser).map(Out::into_js).map_err(|e| internal(&e.to_string()))
}

/// Sets `object[key]` (on an object this crate made: it cannot fail).
pub(crate) fn set(object: &JsValue, key: &str, value: &JsValue) {
    let _ = Reflect::set(object, &JsValue::from_str(key), value);
}

/// `object[key]`, `undefined` if absent.
pub(crate) fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// `{ name: value }` for each layer name, in the network's order.
pub(crate) fn by_layer<T: Serialize>(
    names: &[String],
    values: &[T],
    arrays: Arrays,
) -> JsResult<JsValue> {
    let object = Object::new();
    for (name, value) in names.iter().zip(values) {
        set(&object, name, &to_js(value, arrays)?);
    }
    Ok(object.into())
}

/// The typed array a `Vec` of numbers becomes.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Kind {
    Float64,
    Uint32,
    Int32,
}

/// The typed array for a value of type `T` in field `field` (none in [`Arrays::Plain`]).
fn kind_of<T: ?Sized>(field: &str, arrays: Arrays) -> Option<Kind> {
    kind(std::any::type_name::<T>(), field, arrays)
}

/// The typed array for a value of the type named `name` (see [`kind_of`]).
#[inline(never)]
fn kind(name: &str, field: &str, arrays: Arrays) -> Option<Kind> {
    if arrays == Arrays::Plain {
        return None;
    }
    let element = name.strip_prefix("alloc::vec::Vec<")?.strip_suffix('>')?;
    match element {
        "u32" => Some(Kind::Uint32),
        "u64" if UINT32_COUNTS.contains(&field) => Some(Kind::Uint32),
        "f64" | "core::option::Option<f64>" | "u64" => Some(Kind::Float64),
        "i64" => Some(Kind::Int32),
        _ => None,
    }
}

/// What the serializer makes: numbers stay Rust numbers until they are known to be one JS
/// number or an element of a typed array.
enum Out {
    Num(f64),
    Js(JsValue),
}

impl Out {
    fn into_js(self) -> JsValue {
        match self {
            Out::Num(x) => JsValue::from_f64(x),
            Out::Js(v) => v,
        }
    }
}

#[derive(Clone, Copy)]
struct Ser {
    arrays: Arrays,
    /// The typed array the value becomes, if it is a sequence.
    kind: Option<Kind>,
}

impl Ser {
    fn plain(self) -> Ser {
        Ser { kind: None, ..self }
    }
}

type Res = Result<Out, Error>;

/// A sequence: numbers for a typed array, or JS values.
struct Seq {
    ser: Ser,
    numbers: Vec<f64>,
    values: Array,
}

/// An object: struct fields (camelCase) or map entries (as written).
struct Obj {
    ser: Ser,
    object: Object,
    key: Option<JsValue>,
    /// `{ variant: object }` for a struct variant.
    variant: Option<&'static str>,
}

impl Obj {
    fn new(ser: Ser, variant: Option<&'static str>) -> Obj {
        Obj { ser: ser.plain(), object: Object::new(), key: None, variant }
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        let ser = Ser { kind: kind_of::<T>(key, self.ser.arrays), ..self.ser };
        self.put(key, value.serialize(ser)?);
        Ok(())
    }

    #[inline(never)]
    fn entry(&mut self, value: Out) -> Result<(), Error> {
        let key = self.key.take().ok_or_else(|| Error::msg("a value before its key"))?;
        let _ = Reflect::set(&self.object, &key, &value.into_js());
        Ok(())
    }

    #[inline(never)]
    fn put(&self, field: &str, value: Out) {
        set(&self.object, &camel_case(field), &value.into_js());
    }

    fn done(self) -> Out {
        Out::Js(wrap(self.variant, self.object.into()))
    }
}

/// `{ variant: value }`, or `value` alone.
fn wrap(variant: Option<&'static str>, value: JsValue) -> JsValue {
    match variant {
        Some(name) => {
            let outer = Object::new();
            set(&outer, name, &value);
            outer.into()
        }
        None => value,
    }
}

macro_rules! numbers {
    ($($method:ident: $ty:ty),*) => {
        $( fn $method(self, v: $ty) -> Res { self.serialize_f64(f64::from(v)) } )*
    };
}

impl ser::Serializer for Ser {
    type Ok = Out;
    type Error = Error;
    type SerializeSeq = Seq;
    type SerializeTuple = Seq;
    type SerializeTupleStruct = Seq;
    type SerializeTupleVariant = Impossible<Out, Error>;
    type SerializeMap = Obj;
    type SerializeStruct = Obj;
    type SerializeStructVariant = Obj;

    numbers!(serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_u8: u8,
        serialize_u16: u16, serialize_u32: u32, serialize_f32: f32);

    // Past 2^53, 64-bit integers round, as JS numbers do.
    fn serialize_i64(self, v: i64) -> Res {
        self.serialize_f64(v as f64)
    }
    fn serialize_u64(self, v: u64) -> Res {
        self.serialize_f64(v as f64)
    }
    fn serialize_f64(self, v: f64) -> Res {
        Ok(Out::Num(v))
    }

    fn serialize_bool(self, v: bool) -> Res {
        Ok(Out::Js(JsValue::from_bool(v)))
    }
    fn serialize_char(self, v: char) -> Res {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Res {
        Ok(Out::Js(JsValue::from_str(v)))
    }
    fn serialize_bytes(self, v: &[u8]) -> Res {
        Ok(Out::Js(js_sys::Uint8Array::from(v).into()))
    }
    fn serialize_none(self) -> Res {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Res {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Res {
        Ok(Out::Js(JsValue::NULL))
    }
    fn serialize_unit_struct(self, _: &'static str) -> Res {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Res {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> Res {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Res {
        Ok(Out::Js(wrap(Some(variant), value.serialize(self.plain())?.into_js())))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq, Error> {
        let mut numbers = Vec::new();
        if self.kind.is_some() {
            numbers.try_reserve_exact(len.unwrap_or(0)).map_err(|_| Error::msg("out of memory"))?;
        }
        Ok(Seq { ser: self, numbers, values: Array::new() })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq, Error> {
        self.plain().serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Seq, Error> {
        self.serialize_tuple(len)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Impossible<Out, Error>, Error> {
        Err(Error::msg(format!("tuple variant {variant}")))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Obj, Error> {
        Ok(Obj::new(self, None))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Obj, Error> {
        Ok(Obj::new(self, None))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Obj, Error> {
        Ok(Obj::new(self, Some(variant)))
    }
}

impl Seq {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let element = Ser { kind: kind_of::<T>("", self.ser.arrays), ..self.ser };
        self.add(value.serialize(element)?);
        Ok(())
    }

    #[inline(never)]
    fn add(&mut self, out: Out) {
        match (self.ser.kind, out) {
            (Some(_), Out::Num(x)) => self.numbers.push(x),
            (Some(_), Out::Js(v)) if v.is_null() => self.numbers.push(f64::NAN),
            (_, out) => {
                self.values.push(&out.into_js());
            }
        }
    }

    fn done(self) -> Out {
        let Some(kind) = self.ser.kind else { return Out::Js(self.values.into()) };
        let floats = Float64Array::from(&self.numbers[..]);
        Out::Js(match kind {
            Kind::Float64 => floats.into(),
            Kind::Uint32 => Uint32Array::new(&floats).into(),
            Kind::Int32 => Int32Array::new(&floats).into(),
        })
    }
}

/// The compound serializers that are one of [`Seq`] and [`Obj`] under another name.
macro_rules! compound {
    ($($trait:ident for $ty:ident: $method:ident($($key:ident: $key_ty:ty)?) => $call:ident;)*) => {
        $( impl ser::$trait for $ty {
            type Ok = Out;
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, $($key: $key_ty,)? value: &T) -> Result<(), Error> {
                self.$call($($key,)? value)
            }
            fn end(self) -> Res {
                Ok(self.done())
            }
        } )*
    };
}

compound! {
    SerializeSeq for Seq: serialize_element() => push;
    SerializeTuple for Seq: serialize_element() => push;
    SerializeTupleStruct for Seq: serialize_field() => push;
    SerializeStruct for Obj: serialize_field(key: &'static str) => field;
    SerializeStructVariant for Obj: serialize_field(key: &'static str) => field;
}

impl ser::SerializeMap for Obj {
    type Ok = Out;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        // Keys are text; numbers are written as text (`{ "3": … }`), as JSON does.
        self.key = Some(match key.serialize(self.ser.plain())? {
            Out::Num(x) => JsValue::from_str(&x.to_string()),
            Out::Js(text) if text.is_string() => text,
            Out::Js(_) => return Err(Error::msg("a map key that is not text")),
        });
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let value = value.serialize(Ser { kind: kind_of::<T>("", self.ser.arrays), ..self.ser })?;
        self.entry(value)
    }
    fn end(self) -> Res {
        Ok(self.done())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_arrays_follow_the_element_type() {
        let typed = Arrays::Typed;
        assert_eq!(kind_of::<Vec<f64>>("x", typed), Some(Kind::Float64));
        assert_eq!(kind_of::<Vec<Option<f64>>>("x", typed), Some(Kind::Float64));
        assert_eq!(kind_of::<Vec<u32>>("x", typed), Some(Kind::Uint32));
        assert_eq!(kind_of::<Vec<u64>>("layer_hops", typed), Some(Kind::Float64));
        assert_eq!(kind_of::<Vec<u64>>("alive", typed), Some(Kind::Uint32));
        assert_eq!(kind_of::<Vec<i64>>("x", typed), Some(Kind::Int32));
        assert_eq!(kind_of::<Vec<String>>("x", typed), None);
        assert_eq!(kind_of::<[f64; 2]>("x", typed), None);
        assert_eq!(kind_of::<Vec<f64>>("x", Arrays::Plain), None);
    }
}
