//! Core errors as JavaScript `Error` objects.
//!
//! Every error thrown to JavaScript is a real `Error` whose `name` is the core's
//! [`Error::kind`](reseau::Error::kind) (`ParseError`, `UnknownLayerError`, …), whose `message`
//! is the core's own text, and which carries the error's structured fields as properties
//! (`err.file`, `err.line`, `err.layer`, …) and, all together and unrenamed, as `err.fields`.
//! Two field names would hide a standard property of `Error`, so they are renamed: `name`
//! becomes `layer` (unknown or duplicate layer) or `parameter` (invalid parameter), and
//! `message` becomes `detail`.

use js_sys::{Object, Reflect};
use reseau::{Error, FieldValue};
use wasm_bindgen::{JsCast, JsValue};

use crate::value::DeError;

/// What the exported functions return.
pub(crate) type JsResult<T> = Result<T, JsValue>;

/// The JS property a field of `error` is attached as.
fn property(error: &Error, field: &str) -> String {
    match field {
        "name" if matches!(error, Error::UnknownLayer { .. } | Error::DuplicateLayer { .. }) => {
            "layer".into()
        }
        "name" => "parameter".into(),
        "message" => "detail".into(),
        "stack" | "cause" => format!("{field}Field"),
        other => other.into(),
    }
}

/// The JS `Error` for a core error.
pub(crate) fn to_js(error: &Error) -> JsValue {
    let js = js_sys::Error::new(&error.to_string());
    js.set_name(error.kind());
    let fields = Object::new();
    for (name, value) in error.fields() {
        let value = match value {
            FieldValue::Int(n) => JsValue::from_f64(n as f64),
            FieldValue::Text(s) => JsValue::from_str(&s),
        };
        // Setting a property on a fresh object or Error cannot fail.
        let _ = Reflect::set(&fields, &JsValue::from_str(name), &value);
        let _ = Reflect::set(&js, &JsValue::from_str(&property(error, name)), &value);
    }
    let _ = Reflect::set(&js, &JsValue::from_str("fields"), &fields);
    js.unchecked_into()
}

/// Converts a core result, throwing its error as a JS `Error`.
pub(crate) trait OrThrow<T> {
    /// The value, or the error as a JS `Error`.
    fn or_throw(self) -> JsResult<T>;
}

impl<T> OrThrow<T> for reseau::Result<T> {
    fn or_throw(self) -> JsResult<T> {
        self.map_err(|e| to_js(&e))
    }
}

/// An invalid argument or option: the core's `InvalidParameter`, named after where it was
/// given (`option policy.selfLoops of readEdgelist`); one too large for WebAssembly's memory
/// is the core's `OutOfMemory`.
pub(crate) fn invalid_argument(what: &str, error: &DeError) -> JsValue {
    let name = error.parameter(what);
    if let Some(needed) = error.needed() {
        // Refused before the copy: nothing was allocated, the module stays usable.
        let what = format!("{} in {name}", error.message());
        return to_js(&Error::OutOfMemory { what, needed, available: reseau::memory::available() });
    }
    // serde says `invalid type: string "x", expected f64`: the value, then what was expected.
    let message = error.message();
    let (value, expected) = match message.split_once(", expected ") {
        Some((value, expected)) => (value.to_owned(), expected.to_owned()),
        None if message.starts_with("missing field") => (message, "every required field".into()),
        None => (message, "a value of the documented type".to_owned()),
    };
    to_js(&Error::InvalidParameter { name, value, expected })
}

/// An error outside the core's own, with a message only (a value that cannot be converted
/// back to JS: it does not happen with the types this crate returns).
pub(crate) fn internal(message: &str) -> JsValue {
    let js = js_sys::Error::new(message);
    js.set_name("ReseauError");
    js.unchecked_into()
}
