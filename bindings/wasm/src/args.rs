//! Arguments in: option objects as the core's requests, people, layers and texts.

use js_sys::{ArrayBuffer, Reflect, Uint8Array};
use reseau::{LayerId, LayerKey, PersonId, PersonRef};
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::errors::{JsResult, OrThrow, invalid_argument};
use crate::value::{Val, zeros};

// The JS types of arguments taken as they come (no check on the way in: [`person`] and
// [`layer`] read them), declared to TypeScript by these names.
#[wasm_bindgen]
extern "C" {
    /// A person: an id (a number or a `BigInt`) or a label.
    #[wasm_bindgen(typescript_type = "PersonRef")]
    pub type PersonArg;
    /// A layer: a name, or an id (a number or a `BigInt`).
    #[wasm_bindgen(typescript_type = "string | number")]
    pub type LayerArg;
}

/// A JS value as `T` (see [`crate::value`]); `what` names the argument in errors.
pub(crate) fn from_js<T: DeserializeOwned>(value: &JsValue, what: &str) -> JsResult<T> {
    from_val(Val::from_js(value).map_err(|e| invalid_argument(what, &e))?, what)
}

/// A copied JS value as `T`.
pub(crate) fn from_val<T: DeserializeOwned>(val: Val, what: &str) -> JsResult<T> {
    val.into_rust().map_err(|e| invalid_argument(what, &e))
}

/// An options object (`undefined` and `null` mean none: `{}`), copied for [`from_val`]; the
/// binding's own keys can then be taken out with [`Val::take`].
pub(crate) fn options(value: &JsValue, what: &str) -> JsResult<Val> {
    match Val::from_js(value).map_err(|e| invalid_argument(what, &e))? {
        Val::Null => Ok(Val::Obj(Vec::new())),
        obj @ Val::Obj(_) => Ok(obj),
        _ => invalid(what, &describe(value), "an object"),
    }
}

/// The request `T` of the function `name` from its options object. `refused` are fields of
/// `T` that are not options in JavaScript (the `seeds` and `rates` a function takes as
/// arguments): there they are unknown keys, as a misspelt one is.
pub(crate) fn request<T: DeserializeOwned>(
    options: &JsValue,
    name: &str,
    refused: &[&str],
) -> JsResult<T> {
    let what = format!("options of {name}");
    let mut val = self::options(options, &what)?;
    if let Some(key) = refused.iter().find(|k| val.take(k).is_some()) {
        return invalid(
            &what,
            &format!("unknown field `{key}`"),
            &format!("no `{key}` in {name}'s options"),
        );
    }
    from_val(val, &what)
}

/// A constructor's check (`validateModel(model, kind)`): the kind `found` in the value must
/// be the constructor's, `wanted`, when given.
pub(crate) fn same_kind(what: &str, found: &str, wanted: Option<&str>) -> JsResult<()> {
    match wanted {
        Some(wanted) if wanted != found => {
            invalid(what, &format!("{found:?}"), &format!("{wanted:?}, the constructor's kind"))
        }
        _ => Ok(()),
    }
}

/// An `InvalidParameterError`.
pub(crate) fn invalid<T>(name: &str, value: &str, expected: &str) -> JsResult<T> {
    Err(reseau::Error::InvalidParameter {
        name: name.into(),
        value: value.into(),
        expected: expected.into(),
    })
    .or_throw()
}

/// A short description of a JS value for error messages: `"text"`, `1.5`, `2n`, `an object`.
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

/// The bytes of a text given as a string, `Uint8Array` or `ArrayBuffer` (a file's contents),
/// copied only if WebAssembly's memory has room for them.
pub(crate) fn text_bytes(value: &JsValue, what: &str) -> JsResult<Vec<u8>> {
    let bytes = match value.dyn_ref::<ArrayBuffer>() {
        Some(buffer) => Uint8Array::new(buffer),
        None => match value.dyn_ref::<Uint8Array>() {
            Some(bytes) => bytes.clone(),
            None if value.is_string() => {
                return match Val::from_js(value).map_err(|e| invalid_argument(what, &e))? {
                    Val::Str(text) => Ok(text.into_bytes()),
                    _ => Ok(Vec::new()),
                };
            }
            None => return invalid(what, &describe(value), "a string, Uint8Array or ArrayBuffer"),
        },
    };
    let mut out = zeros(&bytes, "text").map_err(|e| invalid_argument(what, &e))?;
    bytes.copy_to(&mut out);
    Ok(out)
}

/// The property `key` of an object, if set (not `undefined` or `null`).
pub(crate) fn property(object: &JsValue, key: &str) -> Option<JsValue> {
    if !object.is_object() {
        return None;
    }
    Reflect::get(object, &JsValue::from_str(key)).ok().filter(|v| !v.is_undefined() && !v.is_null())
}

/// A person given by id (a number or a `BigInt`) or label, as the core resolves them.
pub(crate) fn person(net: &reseau::Network, value: &JsValue) -> JsResult<PersonId> {
    // An id given as a number first, without copying the value: the path of every tie added.
    if let Some(Val::UInt(id)) = value.as_f64().map(Val::number) {
        return net.resolve(&PersonRef::Id(id)).or_throw();
    }
    let person = Val::from_js(value).ok().and_then(|v| v.into_rust::<PersonRef>().ok());
    let unknown = || reseau::Error::UnknownPerson { person: describe(value) };
    person.map_or_else(|| Err(unknown()), |p| net.resolve(&p)).or_throw()
}

/// A layer given by name, or by id (a number or a `BigInt`).
pub(crate) fn layer(net: &reseau::Network, value: &JsValue) -> JsResult<LayerId> {
    match Val::from_js(value) {
        Ok(Val::Str(name)) => net.layer_id(&name).or_throw(),
        Ok(Val::UInt(id)) if id < u64::from(u32::MAX) => LayerId(id as u32).resolve(net).or_throw(),
        _ => Err(reseau::Error::UnknownLayer { name: describe(value) }).or_throw(),
    }
}

/// An optional layer: `undefined` or `null` for all layers.
pub(crate) fn optional_layer(net: &reseau::Network, value: &JsValue) -> JsResult<Option<LayerId>> {
    if value.is_undefined() || value.is_null() { Ok(None) } else { layer(net, value).map(Some) }
}
