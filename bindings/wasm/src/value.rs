//! JavaScript option objects into the core's own serde structs.
//!
//! A JS value is first copied into [`Val`] (numbers stay numbers, NaN included, so that the
//! core's own checks report it; `BigInt`s become 64-bit integers; typed arrays are copied whole;
//! `undefined` properties are left out, as if absent; every copy proportional to the input
//! reserves its memory first and fails with an error, never an abort), then deserialised
//! with [`Val`]'s deserializer, which
//!
//! - turns camelCase keys into the `snake_case` field names of the core's structs
//!   (`meanDegree` → `mean_degree`), but only where serde asks for a struct (or for anything,
//!   as with tagged enums), never in a map, so user data keyed by name (a person's
//!   `attributes`) is kept as written;
//! - reads `null` as "the default" for a struct field (`{ seed: null }`), and as `None` where
//!   the field is optional (`{ budget: null }`: no budget);
//! - keeps `deny_unknown_fields`, so a misspelt option is an error (serde-wasm-bindgen reads
//!   only the fields it knows and would let it pass silently);
//! - accepts a number or a boolean as text only as a map's value (`{ age: 31 }` as an
//!   attribute), never as a name or a label;
//! - reports where in the object a value was wrong (`policy.selfLoops: unknown variant …`).

use std::fmt;

use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen::convert::TryFromJsValue;

/// The largest integer a JS number holds exactly (2^53).
const SAFE: f64 = 9_007_199_254_740_992.0;

/// Objects nested deeper than this are refused (a cycle would otherwise never end).
const MAX_DEPTH: usize = 64;

/// A JS value copied into Rust.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Val {
    /// `null` or `undefined`.
    Null,
    Bool(bool),
    /// A non-negative whole number (a JS number up to 2^53, or a `BigInt`).
    UInt(u64),
    /// A negative whole number.
    Int(i64),
    /// Any other number, NaN and infinities included.
    Float(f64),
    Str(String),
    /// An array or other sequence.
    Seq(Vec<Val>),
    /// A typed array's numbers (shared: cloning a value for [`Val::into_rust`] copies none).
    Nums(std::rc::Rc<Vec<f64>>),
    /// A plain object or `Map`, keys in their order.
    Obj(Vec<(String, Val)>),
}

impl Val {
    /// Copies a JS value; `Err` says what could not be copied and where.
    pub(crate) fn from_js(value: &JsValue) -> Result<Val, DeError> {
        Self::from_js_at(value, 0)
    }

    fn from_js_at(value: &JsValue, depth: usize) -> Result<Val, DeError> {
        if depth > MAX_DEPTH {
            return Err(DeError::msg(format!("nested more than {MAX_DEPTH} levels deep")));
        }
        if value.is_undefined() || value.is_null() {
            return Ok(Val::Null);
        }
        if let Some(b) = value.as_bool() {
            return Ok(Val::Bool(b));
        }
        if let Some(x) = value.as_f64() {
            return Ok(Val::number(x));
        }
        if value.is_bigint() {
            if let Some(u) = u64::try_from_js_value_ref(value) {
                return Ok(Val::UInt(u));
            }
            if let Some(i) = i64::try_from_js_value_ref(value) {
                return Ok(Val::Int(i));
            }
            return Err(DeError::msg("a BigInt outside the 64-bit range"));
        }
        if let Some(numbers) = numbers(value) {
            return numbers.map(|n| Val::Nums(std::rc::Rc::new(n)));
        }
        if let Some(s) = value.dyn_ref::<js_sys::JsString>() {
            reserve::<u8>(s.length() as usize * 3, "text")?; // as_string copies it as UTF-8
        }
        if let Some(s) = value.as_string() {
            return Ok(Val::Str(s));
        }
        if js_sys::Array::is_array(value) || js_sys::ArrayBuffer::is_view(value) {
            let items = js_sys::Array::from(value);
            let mut out = reserve(items.length() as usize, "array")?;
            for (i, item) in items.iter().enumerate() {
                out.push(Self::from_js_at(&item, depth + 1).map_err(|e| e.at(format!("[{i}]")))?);
            }
            return Ok(Val::Seq(out));
        }
        if value.is_function() || value.is_symbol() || !value.is_object() {
            return Err(DeError::msg(format!(
                "a {} cannot be an option value",
                value.js_typeof().as_string().unwrap_or_default()
            )));
        }
        let entries = match value.dyn_ref::<js_sys::Map>() {
            Some(map) => js_sys::Array::from(&map.entries()),
            None => js_sys::Object::entries(value.unchecked_ref()),
        };
        let mut out = reserve(entries.length() as usize, "object")?;
        for entry in entries.iter() {
            let pair: js_sys::Array = entry.unchecked_into();
            let (key, item) = (pair.get(0), pair.get(1));
            if item.is_undefined() {
                continue; // `{ seed: undefined }` means no seed given
            }
            let key = key.as_string().or_else(|| key.as_f64().map(|k| k.to_string()));
            let key = key.ok_or_else(|| DeError::msg("an object key that is not text"))?;
            let item = Self::from_js_at(&item, depth + 1).map_err(|e| e.at(key.clone()))?;
            out.push((key, item));
        }
        Ok(Val::Obj(out))
    }

    /// A JS number as the most precise [`Val`].
    pub(crate) fn number(x: f64) -> Val {
        if x.fract() == 0.0 && x.abs() <= SAFE {
            if x >= 0.0 { Val::UInt(x as u64) } else { Val::Int(x as i64) }
        } else {
            Val::Float(x)
        }
    }

    /// Removes and returns the property `key` of an object (`None` if absent or not an object).
    pub(crate) fn take(&mut self, key: &str) -> Option<Val> {
        match self {
            Val::Obj(entries) => {
                let i = entries.iter().position(|(k, _)| k == key)?;
                Some(entries.remove(i).1)
            }
            _ => None,
        }
    }

    /// Sets the property `key` of an object (`false` if this is no object).
    pub(crate) fn set(&mut self, key: &str, value: Val) -> bool {
        let Val::Obj(entries) = self else { return false };
        entries.retain(|(k, _)| k != key);
        entries.push((key.to_owned(), value));
        true
    }

    /// Deserialises into `T` (see the module docs). A struct field set to `null` whose type
    /// is not optional is left out and deserialised again, so that it takes its default.
    pub(crate) fn into_rust<T: de::DeserializeOwned>(mut self) -> Result<T, DeError> {
        loop {
            let val = if self.has_null() {
                self.clone()
            } else {
                std::mem::replace(&mut self, Val::Null)
            };
            match T::deserialize(De { val, camel: true, at: At::Top }) {
                Err(e) if e.null_field && self.remove(&e.path) => {}
                other => return other,
            }
        }
    }

    /// Deserialises into `T` with every key kept as written, refusing NaN and infinities
    /// (for data in a foreign format, such as graphology's, whose keys are already right).
    pub(crate) fn into_verbatim<T: de::DeserializeOwned>(self) -> Result<T, DeError> {
        T::deserialize(De { val: self, camel: false, at: At::Top })
    }

    /// Whether a `null` stands anywhere inside.
    fn has_null(&self) -> bool {
        match self {
            Val::Null => true,
            Val::Seq(items) => items.iter().any(Val::has_null),
            Val::Obj(entries) => entries.iter().any(|(_, v)| v.has_null()),
            _ => false,
        }
    }

    /// Removes the property at `path` (keys, and `[i]` for an array's items).
    fn remove(&mut self, path: &[String]) -> bool {
        let Some((last, steps)) = path.split_last() else { return false };
        let mut at = self;
        for step in steps {
            let next = match at {
                Val::Obj(entries) => entries.iter_mut().find(|(k, _)| k == step).map(|(_, v)| v),
                Val::Seq(items) => step
                    .strip_prefix('[')
                    .and_then(|i| i.strip_suffix(']')?.parse::<usize>().ok())
                    .and_then(|i| items.get_mut(i)),
                _ => None,
            };
            let Some(next) = next else { return false };
            at = next;
        }
        at.take(last).is_some()
    }

    fn unexpected(&self) -> de::Unexpected<'_> {
        match self {
            Val::Null => de::Unexpected::Unit,
            Val::Bool(b) => de::Unexpected::Bool(*b),
            Val::UInt(u) => de::Unexpected::Unsigned(*u),
            Val::Int(i) => de::Unexpected::Signed(*i),
            Val::Float(x) => de::Unexpected::Float(*x),
            Val::Str(s) => de::Unexpected::Str(s),
            Val::Seq(_) | Val::Nums(_) => de::Unexpected::Seq,
            Val::Obj(_) => de::Unexpected::Map,
        }
    }
}

/// The numbers of a typed array (not of a `BigInt` one, nor a `DataView`), copied at once.
fn numbers(value: &JsValue) -> Option<Result<Vec<f64>, DeError>> {
    use js_sys::{BigInt64Array, BigUint64Array, DataView, Float64Array};
    let other_view = value.is_instance_of::<DataView>()
        || value.is_instance_of::<BigInt64Array>()
        || value.is_instance_of::<BigUint64Array>();
    if !js_sys::ArrayBuffer::is_view(value) || other_view {
        return None;
    }
    // Room first: converting or copying more than WebAssembly holds would throw in JavaScript.
    Some(zeros(value, "typed array").map(|mut out| {
        let floats = match value.dyn_ref::<Float64Array>() {
            Some(floats) => floats.clone(),
            None => Float64Array::new(value),
        };
        floats.copy_to(&mut out);
        out
    }))
}

/// As many zeros as the typed array `value` has items (its `length`, read as a number: a
/// typed array may be longer than a `u32` counts), if WebAssembly's memory has room for them.
pub(crate) fn zeros<T: Clone + Default>(value: &JsValue, what: &str) -> Result<Vec<T>, DeError> {
    let len = js_sys::Reflect::get(value, &JsValue::from_str("length"))
        .ok()
        .and_then(|l| l.as_f64())
        .unwrap_or(0.0);
    let fits = len <= f64::from(u32::MAX);
    let out = if fits { reserve(len as usize, what) } else { Err(too_large::<T>(len, what)) };
    out.map(|mut out| {
        out.resize(len as usize, T::default());
        out
    })
}

/// An empty `Vec` with room for `len` items, or an error saying that WebAssembly's memory
/// cannot hold them (rather than the abort of a failed allocation, which would leave the
/// module unusable).
pub(crate) fn reserve<T>(len: usize, what: &str) -> Result<Vec<T>, DeError> {
    let mut out = Vec::new();
    out.try_reserve_exact(len).map_err(|_| too_large::<T>(len as f64, what))?;
    Ok(out)
}

/// The error for `len` items of `T` that WebAssembly's memory cannot hold: the core's
/// `OutOfMemoryError` once thrown (see [`DeError::needed`]).
fn too_large<T>(len: f64, what: &str) -> DeError {
    let needed = len * std::mem::size_of::<T>() as f64;
    DeError { needed: Some(needed as u64), ..DeError::msg(format!("{what} of {len} items")) }
}

/// Path steps as `policy.selfLoops` or `sizes[2]`.
fn join(steps: &[String]) -> String {
    let mut out = String::new();
    for step in steps {
        if !out.is_empty() && !step.starts_with('[') {
            out.push('.');
        }
        out.push_str(step);
    }
    out
}

/// `meanDegree` → `mean_degree`; `snake_case` and lowercase keys are left as they are.
pub(crate) fn snake_case(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 4);
    for (i, c) in key.char_indices() {
        if c.is_ascii_uppercase() {
            if i > 0 && !out.ends_with('_') {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether `key` can be a camelCase field name: a lowercase letter, then letters and digits.
fn field_like(key: &str) -> bool {
    key.starts_with(|c: char| c.is_ascii_lowercase())
        && key.chars().all(|c| c.is_ascii_alphanumeric())
}

/// `mean_degree` → `meanDegree`.
pub(crate) fn camel_case(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut upper = false;
    for c in key.chars() {
        if c == '_' && !out.is_empty() {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// A deserialisation error, with the path to the value at fault.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DeError {
    path: Vec<String>,
    message: String,
    /// A struct field set to `null` whose type is not optional: it takes its default.
    null_field: bool,
    /// The bytes a value would need that WebAssembly's memory cannot give.
    needed: Option<u64>,
}

impl DeError {
    pub(crate) fn msg(message: impl Into<String>) -> Self {
        DeError { path: Vec::new(), message: message.into(), null_field: false, needed: None }
    }

    /// The bytes asked for, when the value was refused for want of memory.
    pub(crate) fn needed(&self) -> Option<u64> {
        self.needed
    }

    /// The same error one level further out, at `step` (a key, or `[i]`).
    fn at(mut self, step: String) -> Self {
        self.path.insert(0, step);
        self
    }

    /// Where the error is, as `policy.selfLoops` or `sizes[2]` (empty at the top).
    pub(crate) fn path(&self) -> String {
        join(&self.path)
    }

    /// The parameter at fault in `what`: `policy.selfLoops in options of readEdgelist`;
    /// trailing indices first, `[0] in requests in options of routeReferrals`.
    pub(crate) fn parameter(&self, what: &str) -> String {
        let keys = self.path.iter().rposition(|s| !s.starts_with('[')).map_or(0, |i| i + 1);
        let (head, tail) = self.path.split_at(keys);
        let parts = [tail.concat(), join(head), what.to_owned()];
        parts.into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" in ")
    }

    /// For an unknown field at the top of an object, the fields the binding took out of the
    /// object before deserialising the rest added to serde's list of expected ones.
    pub(crate) fn also_expected(mut self, fields: &[&str]) -> Self {
        if !self.path.is_empty() || !self.message.starts_with("unknown field") {
            return self;
        }
        let Some((unknown, expected)) = self.message.split_once(", expected ") else {
            return self;
        };
        let mut names: Vec<&str> =
            expected.split('`').skip(1).step_by(2).chain(fields.iter().copied()).collect();
        names.dedup();
        let list: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
        self.message = format!("{unknown}, expected one of {}", list.join(", "));
        self
    }

    /// serde's message, with field names in the camelCase a JS user writes, and the fields
    /// expected instead of an unknown one in alphabetical order.
    pub(crate) fn message(&self) -> String {
        let about_fields = ["unknown field", "missing field", "duplicate field"]
            .iter()
            .any(|p| self.message.starts_with(p));
        if !about_fields {
            return self.message.clone();
        }
        let message = match self.message.split_once(", expected one of ") {
            Some((unknown, expected)) => {
                let mut names: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
                names.sort_unstable_by_key(|n| camel_case(n));
                let list: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
                format!("{unknown}, expected one of {}", list.join(", "))
            }
            None => self.message.clone(),
        };
        let mut out = String::new();
        for (i, piece) in message.split('`').enumerate() {
            if i > 0 {
                out.push('`');
            }
            out.push_str(&if i % 2 == 1 { camel_case(piece) } else { piece.to_owned() });
        }
        out
    }
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.path() {
            p if p.is_empty() => f.write_str(&self.message()),
            p => write!(f, "{p}: {}", self.message()),
        }
    }
}

impl std::error::Error for DeError {}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DeError::msg(msg.to_string())
    }
}

/// Also the error of the serializer to JS (`crate::ser`), which has no path.
impl serde::ser::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DeError::msg(msg.to_string())
    }
}

/// The deserializer of a [`Val`]: `camel` turns struct keys to `snake_case` (options); without
/// it keys are kept, numbers taken as text and non-finite numbers refused (foreign data).
struct De {
    val: Val,
    camel: bool,
    at: At,
}

/// Where a value stands, which decides what `null` and numbers as text mean.
#[derive(Clone, Copy, PartialEq)]
enum At {
    Top,
    /// A struct field's value: `null` is the default.
    Field,
    /// A map's value: numbers and booleans are accepted as text.
    MapValue,
    Item,
}

impl De {
    fn with(&self, val: Val, at: At) -> De {
        De { val, camel: self.camel, at }
    }

    /// The error for a value of the wrong type; `null` in a struct field means its default.
    fn wrong(self, expected: &dyn de::Expected) -> DeError {
        if self.val == Val::Null && self.at == At::Field && self.camel {
            return DeError { null_field: true, ..DeError::msg("null, expected a value or none") };
        }
        de::Error::invalid_type(self.val.unexpected(), expected)
    }

    /// A scalar, for visitors that take one: a sequence or an object is refused here, so only
    /// the visitors that can take those are compiled with them (this keeps the .wasm small).
    fn scalar<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.val {
            Val::Null if self.at == At::Field && self.camel => Err(self.wrong(&visitor)),
            Val::Null => visitor.visit_unit(),
            Val::Bool(b) => visitor.visit_bool(b),
            Val::UInt(u) => visitor.visit_u64(u),
            Val::Int(i) => visitor.visit_i64(i),
            Val::Float(x) if !self.camel && !x.is_finite() => {
                Err(de::Error::invalid_value(de::Unexpected::Float(x), &"a finite number"))
            }
            Val::Float(x) => visitor.visit_f64(x),
            Val::Str(s) => visitor.visit_string(s),
            _ => Err(self.wrong(&visitor)),
        }
    }
}

/// Deserializer methods that are another's (`deserialize_bool` is `scalar`), the arguments
/// before the visitor unused.
macro_rules! forward {
    ($($method:ident($($arg:ty),*) => $target:ident,)*) => {
        $( fn $method<V: Visitor<'de>>(self, $(_: $arg,)* visitor: V) -> Result<V::Value, DeError> {
            self.$target(visitor)
        } )*
    };
}

impl<'de> de::Deserializer<'de> for De {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.val {
            Val::Seq(_) | Val::Nums(_) => visit_seq(self.val, self.camel, visitor),
            // A struct or a map, unknown until serde looks (an untagged or tagged enum): only
            // keys that can be camelCase field names are turned, so that data keys such as
            // labels (`U4`, `Ana`) stay as written.
            Val::Obj(entries) => {
                let mut entries = Entries::new(entries, self.camel, self.camel);
                entries.any = true;
                visitor.visit_map(entries)
            }
            _ => self.scalar(visitor),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.val {
            Val::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        match self.val {
            Val::Obj(entries) => visitor.visit_map(Entries::new(entries, self.camel, self.camel)),
            _ => Err(self.wrong(&visitor)),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.val {
            Val::Obj(entries) => visitor.visit_map(Entries::new(entries, false, self.camel)),
            _ => Err(self.wrong(&visitor)),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.val {
            Val::Seq(_) | Val::Nums(_) => visit_seq(self.val, self.camel, visitor),
            _ => Err(self.wrong(&visitor)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        if self.camel && self.at != At::MapValue {
            return self.scalar(visitor); // a name or a label is text, not a number
        }
        match self.val {
            Val::Bool(b) => visitor.visit_string(b.to_string()),
            Val::UInt(u) => visitor.visit_string(u.to_string()),
            Val::Int(i) => visitor.visit_string(i.to_string()),
            Val::Float(x) => visitor.visit_string(x.to_string()),
            _ => self.scalar(visitor),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        match self.val {
            Val::Str(variant) => visitor.visit_enum(variant.into_deserializer()),
            Val::Obj(mut entries) if entries.len() == 1 => {
                let (variant, value) = entries.remove(0);
                visitor.visit_enum(Variant {
                    variant,
                    value: De { val: value, camel: self.camel, at: At::Item },
                })
            }
            _ => Err(self.wrong(&"a variant name")),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }

    forward! {
        deserialize_bool() => scalar,
        deserialize_i8() => scalar,
        deserialize_i16() => scalar,
        deserialize_i32() => scalar,
        deserialize_i64() => scalar,
        deserialize_u8() => scalar,
        deserialize_u16() => scalar,
        deserialize_u32() => scalar,
        deserialize_u64() => scalar,
        deserialize_f32() => scalar,
        deserialize_f64() => scalar,
        deserialize_char() => scalar,
        deserialize_unit() => scalar,
        deserialize_identifier() => scalar,
        deserialize_unit_struct(&'static str) => scalar,
        deserialize_str() => deserialize_string,
        deserialize_bytes() => deserialize_seq,
        deserialize_byte_buf() => deserialize_seq,
        deserialize_tuple(usize) => deserialize_seq,
        deserialize_tuple_struct(&'static str, usize) => deserialize_seq,
    }
}

/// Visits a [`Val::Seq`] or [`Val::Nums`].
fn visit_seq<'de, V: Visitor<'de>>(seq: Val, camel: bool, visitor: V) -> Result<V::Value, DeError> {
    let mut items = Items::new(seq, camel)?;
    let value = visitor.visit_seq(&mut items)?;
    items.finish().map(|()| value)
}

/// The items of a sequence: values, or a typed array's numbers.
struct Items {
    vals: std::vec::IntoIter<Val>,
    nums: Option<std::rc::Rc<Vec<f64>>>,
    /// The index of the next item.
    next: usize,
    len: usize,
    camel: bool,
}

impl Items {
    /// The items of a [`Val::Seq`] or [`Val::Nums`]. The visitor's `Vec` grows without a way
    /// to fail: check first that about as much room as a `Vec<f64>` of this length needs is
    /// there (rather than abort when it is not).
    #[inline(never)]
    fn new(seq: Val, camel: bool) -> Result<Items, DeError> {
        let (vals, nums) = match seq {
            Val::Nums(numbers) => (Vec::new(), Some(numbers)),
            Val::Seq(items) => (items, None),
            _ => (Vec::new(), None),
        };
        let len = nums.as_ref().map_or(vals.len(), |n| n.len());
        reserve::<f64>(len, "array")?;
        Ok(Items { vals: vals.into_iter(), nums, next: 0, len, camel })
    }

    /// The next item, and where it stands.
    #[inline(never)]
    fn next(&mut self) -> Option<(De, usize)> {
        let val = match &self.nums {
            Some(numbers) => Val::number(*numbers.get(self.next)?),
            None => self.vals.next()?,
        };
        self.next += 1;
        Some((De { val, camel: self.camel, at: At::Item }, self.next - 1))
    }

    /// An error if the visitor left items.
    #[inline(never)]
    fn finish(&self) -> Result<(), DeError> {
        if self.next == self.len {
            Ok(())
        } else {
            Err(de::Error::invalid_length(self.len, &"fewer elements"))
        }
    }
}

impl<'de> de::SeqAccess<'de> for Items {
    type Error = DeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        let Some((item, i)) = self.next() else { return Ok(None) };
        seed.deserialize(item).map(Some).map_err(|e| e.at(format!("[{i}]")))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.len - self.next)
    }
}

/// An object's entries; keys turned to `snake_case` when `fields` (a struct's, not a map's).
struct Entries {
    rest: std::vec::IntoIter<(String, Val)>,
    fields: bool,
    camel: bool,
    /// A struct or a map (see `deserialize_any`): only field-like keys are turned.
    any: bool,
    pending: Option<(String, Val)>,
}

impl Entries {
    fn new(entries: Vec<(String, Val)>, fields: bool, camel: bool) -> Self {
        Entries { rest: entries.into_iter(), fields, camel, any: false, pending: None }
    }

    /// The next key, as the field name it stands for; its value waits in `pending`.
    #[inline(never)]
    fn next_key(&mut self) -> Option<String> {
        let (key, value) = self.rest.next()?;
        let turn = self.fields && (!self.any || field_like(&key));
        let name = if turn { snake_case(&key) } else { key.clone() };
        self.pending = Some((key, value));
        Some(name)
    }

    /// The key and value that [`Entries::next_key`] left pending.
    #[inline(never)]
    fn next_value(&mut self) -> Result<(String, De), DeError> {
        let (key, val) = self.pending.take().ok_or_else(|| DeError::msg("value before key"))?;
        let at = if self.fields { At::Field } else { At::MapValue };
        Ok((key, De { val, camel: self.camel, at }))
    }
}

impl<'de> de::MapAccess<'de> for Entries {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        // Instantiated once per struct (its field names are the seed): keep this part small.
        let Some(name) = self.next_key() else { return Ok(None) };
        seed.deserialize(de::value::StringDeserializer::<DeError>::new(name)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        let (key, value) = self.next_value()?;
        seed.deserialize(value).map_err(|e| e.at(key))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.rest.len())
    }
}

/// `{ Variant: payload }`.
struct Variant {
    variant: String,
    value: De,
}

impl<'de> de::EnumAccess<'de> for Variant {
    type Error = DeError;
    type Variant = De;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, De), DeError> {
        let variant =
            seed.deserialize(self.value.with(Val::Str(self.variant.clone()), At::Item))?;
        Ok((variant, self.value))
    }
}

impl<'de> de::VariantAccess<'de> for De {
    type Error = DeError;

    fn unit_variant(self) -> Result<(), DeError> {
        match self.val {
            Val::Null => Ok(()),
            _ => Err(self.wrong(&"no payload")),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, DeError> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, DeError> {
        de::Deserializer::deserialize_seq(self, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        de::Deserializer::deserialize_struct(self, "", fields, visitor)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use reseau::io::{EdgeListOptions, MultiplexOptions};
    use reseau::{Duplicates, Layer, LayerKind, Person, SelfLoops};

    use super::*;

    fn obj(entries: &[(&str, Val)]) -> Val {
        Val::Obj(entries.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect())
    }
    fn s(text: &str) -> Val {
        Val::Str(text.to_owned())
    }

    #[test]
    fn case_conversion() {
        assert_eq!(snake_case("meanDegree"), "mean_degree");
        assert_eq!(snake_case("allowSelfLoops"), "allow_self_loops");
        assert_eq!(snake_case("self_loops"), "self_loops");
        assert_eq!(snake_case("n"), "n");
        assert!(field_like("badMultiplier") && field_like("kind"));
        assert!(!field_like("U4") && !field_like("Ana") && !field_like("tweet-17"));
        assert_eq!(camel_case("self_loops"), "selfLoops");
        assert_eq!(camel_case("directed"), "directed");
    }

    #[test]
    fn camel_case_options_reach_the_core_structs() {
        let v = obj(&[
            ("directed", Val::Bool(true)),
            ("layer", s("email")),
            ("kind", s("digital")),
            ("policy", obj(&[("duplicates", s("reject")), ("selfLoops", s("reject"))])),
        ]);
        let options: EdgeListOptions = v.into_rust().unwrap();
        assert!(options.directed);
        assert_eq!(options.kind, LayerKind::Digital);
        assert_eq!(options.policy.duplicates, Duplicates::Reject);
        assert_eq!(options.policy.self_loops.0, SelfLoops::Reject);
        let defaults: EdgeListOptions = obj(&[]).into_rust().unwrap();
        assert_eq!(defaults, EdgeListOptions::default());
        let from_null: MultiplexOptions = Val::Null.into_rust().unwrap_or_default();
        assert_eq!(from_null, MultiplexOptions::default());
    }

    #[test]
    fn unknown_and_misplaced_options_say_where() {
        let err = obj(&[("direted", Val::Bool(true))]).into_rust::<EdgeListOptions>().unwrap_err();
        assert!(err.message().starts_with("unknown field `direted`, expected"), "{err}");
        let v = obj(&[("policy", obj(&[("selfLoops", s("maybe"))]))]);
        let err = v.into_rust::<EdgeListOptions>().unwrap_err();
        assert_eq!(err.path(), "policy.selfLoops");
        let err = obj(&[("policy", obj(&[("self_loop", s("drop"))]))])
            .into_rust::<EdgeListOptions>()
            .unwrap_err();
        assert!(err.to_string().contains("expected `duplicates` or `selfLoops`"), "{err}");
    }

    #[test]
    fn map_keys_are_kept_and_numbers_become_text() {
        let v = obj(&[
            ("label", s("17")),
            ("attributes", obj(&[("firstName", s("Ana")), ("age", Val::UInt(31))])),
            ("position", Val::Seq(vec![Val::Float(0.5), Val::Int(-2)])),
        ]);
        let person: Person = v.into_rust().unwrap();
        assert_eq!(person.label.as_deref(), Some("17"));
        let expected: BTreeMap<String, String> =
            [("age".into(), "31".into()), ("firstName".into(), "Ana".into())].into();
        assert_eq!(person.attributes, expected);
        assert_eq!(person.position, Some([0.5, -2.0]));
    }

    #[test]
    fn nan_reaches_the_core_checks() {
        let layer: Layer =
            obj(&[("name", s("x")), ("probability", Val::number(f64::NAN))]).into_rust().unwrap();
        assert!(layer.probability.unwrap().is_nan());
        assert!(layer.validate().is_err());
    }

    #[test]
    fn seeds_must_be_whole_and_not_negative() {
        assert_eq!(Val::number(1.0), Val::UInt(1));
        assert_eq!(Val::number(-1.0), Val::Int(-1));
        assert_eq!(Val::number(1e300), Val::Float(1e300));
        assert!(Val::number(1.5).into_rust::<u64>().is_err());
        assert!(Val::Int(-1).into_rust::<u64>().is_err());
        assert_eq!(Val::UInt(u64::MAX).into_rust::<u64>().unwrap(), u64::MAX);
    }

    #[test]
    fn binding_fields_are_listed_when_a_key_is_unknown() {
        let err = obj(&[("direted", Val::Bool(true))])
            .into_rust::<EdgeListOptions>()
            .unwrap_err()
            .also_expected(&["seed", "n_requests"]);
        let message = err.message();
        assert!(
            message.starts_with("unknown field `direted`, expected one of `directed`, `kind`"),
            "{message}"
        );
        assert!(message.ends_with("`layer`, `nRequests`, `policy`, `seed`"), "{message}");
        let nested = obj(&[("policy", obj(&[("self_loop", s("drop"))]))])
            .into_rust::<EdgeListOptions>()
            .unwrap_err();
        assert_eq!(nested.clone().also_expected(&["seed"]), nested);
    }

    #[test]
    fn null_is_the_default_of_a_field_and_none_of_an_optional_one() {
        let v = obj(&[("directed", Val::Null), ("policy", obj(&[("selfLoops", Val::Null)]))]);
        assert_eq!(v.into_rust::<EdgeListOptions>().unwrap(), EdgeListOptions::default());
        let person: Person = obj(&[("label", Val::Null), ("kind", Val::Null)]).into_rust().unwrap();
        assert_eq!(person, Person::default());
        // Not in a map or a list, nor where a value is required.
        let err = Val::Seq(vec![Val::Null]).into_rust::<Vec<u32>>().unwrap_err();
        assert_eq!(err.path(), "[0]");
        let layers = obj(&[("name", s("x")), ("attributes", obj(&[("age", Val::Null)]))]);
        assert!(layers.into_rust::<Person>().is_err());
    }

    #[test]
    fn numbers_are_text_only_as_a_maps_values() {
        let label = obj(&[("label", Val::UInt(17))]).into_rust::<Person>().unwrap_err();
        assert_eq!(label.path(), "label");
        assert!(Val::UInt(5).into_rust::<String>().is_err());
        assert!(Val::Seq(vec![Val::UInt(5)]).into_rust::<Vec<String>>().is_err());
    }

    #[test]
    fn typed_arrays_are_sequences_of_numbers() {
        let nums = Val::Nums(std::rc::Rc::new(vec![3.0, -1.0, 0.5]));
        let people: Vec<reseau::PersonRef> = nums.clone().into_rust().unwrap();
        assert_eq!(people[0], reseau::PersonRef::Id(3));
        assert!(nums.into_rust::<Vec<u32>>().is_err());
        let p = DeError { path: vec!["requests".into(), "[0]".into()], ..DeError::msg("x") };
        assert_eq!(p.parameter("options of f"), "[0] in requests in options of f");
        let p = DeError { path: vec!["policy".into(), "selfLoops".into()], ..DeError::msg("x") };
        assert_eq!(p.parameter("options of f"), "policy.selfLoops in options of f");
    }

    #[test]
    fn sequences_report_the_index() {
        let err = Val::Seq(vec![Val::UInt(1), s("x")]).into_rust::<Vec<u32>>().unwrap_err();
        assert_eq!(err.path(), "[1]");
        let mut v = obj(&[("seed", Val::UInt(3)), ("n", Val::UInt(10))]);
        assert_eq!(v.take("seed"), Some(Val::UInt(3)));
        assert_eq!(v, obj(&[("n", Val::UInt(10))]));
    }
}
