//! Arguments in, results out.

use js_sys::{ArrayBuffer, Reflect, Uint8Array};
use reseau::{LayerId, LayerKey, PersonId};
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};

use crate::errors::{JsResult, OrThrow, internal, invalid_argument};
use crate::value::Val;

/// A JS value as `T` (see [`crate::value`]); `what` names the argument in errors.
pub(crate) fn from_js<T: DeserializeOwned>(value: &JsValue, what: &str) -> JsResult<T> {
    let val = Val::from_js(value).map_err(|e| invalid_argument(what, &e))?;
    from_val(val, what)
}

/// A copied JS value as `T`.
pub(crate) fn from_val<T: DeserializeOwned>(val: Val, what: &str) -> JsResult<T> {
    val.into_rust().map_err(|e| invalid_argument(what, &e))
}

/// An options object (`undefined` and `null` mean none: `{}`), copied for
/// [`from_val`]; the binding's own keys can then be taken out with [`Val::take`].
pub(crate) fn options(value: &JsValue, what: &str) -> JsResult<Val> {
    match Val::from_js(value).map_err(|e| invalid_argument(what, &e))? {
        Val::Null => Ok(Val::Obj(Vec::new())),
        obj @ Val::Obj(_) => Ok(obj),
        _ => Err(reseau::Error::InvalidParameter {
            name: what.into(),
            value: describe(value),
            expected: "an object".into(),
        })
        .or_throw(),
    }
}

/// A short description of a JS value for error messages: `"text"`, `1.5`, `true`, `an object`.
pub(crate) fn describe(value: &JsValue) -> String {
    if let Some(s) = value.as_string() {
        format!("{s:?}")
    } else if let Some(x) = value.as_f64() {
        x.to_string()
    } else if let Some(b) = value.as_bool() {
        b.to_string()
    } else if value.is_undefined() || value.is_null() {
        "nothing".into()
    } else if value.is_bigint() {
        String::from(js_sys::BigInt::unchecked_from_js_ref(value).to_string(10).unwrap_or_default())
            + "n"
    } else if js_sys::Array::is_array(value) {
        "an array".into()
    } else {
        format!("a value of type {}", value.js_typeof().as_string().unwrap_or_default())
    }
}

/// A JS value as a plain JS value: objects, arrays, numbers (maps become plain objects).
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> JsResult<JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| internal(&e.to_string()))
}

/// The bytes of a text given as a string, `Uint8Array` or `ArrayBuffer` (a file's contents).
pub(crate) fn text_bytes(value: &JsValue, what: &str) -> JsResult<Vec<u8>> {
    if let Some(s) = value.as_string() {
        return Ok(s.into_bytes());
    }
    if let Some(bytes) = value.dyn_ref::<Uint8Array>() {
        return Ok(bytes.to_vec());
    }
    if let Some(buffer) = value.dyn_ref::<ArrayBuffer>() {
        return Ok(Uint8Array::new(buffer).to_vec());
    }
    Err(reseau::Error::InvalidParameter {
        name: what.into(),
        value: describe(value),
        expected: "a string, Uint8Array or ArrayBuffer".into(),
    })
    .or_throw()
}

/// The property `key` of an object, if set (not `undefined` or `null`).
pub(crate) fn property(object: &JsValue, key: &str) -> Option<JsValue> {
    if !object.is_object() {
        return None;
    }
    Reflect::get(object, &JsValue::from_str(key)).ok().filter(|v| !v.is_undefined() && !v.is_null())
}

/// A person id given as a number: a whole number naming someone in `net`.
pub(crate) fn person(net: &reseau::Network, value: &JsValue) -> JsResult<PersonId> {
    // As the core writes ids: `#7`.
    let unknown = || reseau::Error::UnknownPerson {
        person: value.as_f64().map_or_else(|| describe(value), |x| format!("#{x}")),
    };
    let id = value
        .as_f64()
        .filter(|x| x.fract() == 0.0 && *x >= 0.0 && *x < net.num_people() as f64)
        .ok_or_else(unknown)
        .or_throw()?;
    Ok(PersonId(id as u32))
}

/// A layer given by name, or by id (a number).
pub(crate) fn layer(net: &reseau::Network, value: &JsValue) -> JsResult<LayerId> {
    if let Some(name) = value.as_string() {
        return net.layer_id(&name).or_throw();
    }
    let unknown = || reseau::Error::UnknownLayer { name: describe(value) };
    let id = value.as_f64().filter(|x| x.fract() == 0.0 && *x >= 0.0 && *x < f64::from(u32::MAX));
    LayerId(id.ok_or_else(unknown).or_throw()? as u32).resolve(net).or_throw()
}

/// An optional layer: `undefined` or `null` for all layers.
pub(crate) fn optional_layer(net: &reseau::Network, value: &JsValue) -> JsResult<Option<LayerId>> {
    if value.is_undefined() || value.is_null() { Ok(None) } else { layer(net, value).map(Some) }
}
