//! Recommendation fatigue: `validateFatigue` and `willingness`.
//!
//! A fatigue is a plain object, `{ curve: { kind, ...parameters }, halfLife }` (what the
//! `Fatigue.hill(…)`, `Fatigue.capacity(…)`, … constructors of the package's `index.js`
//! return), deserialised into the core's own [`Fatigue`] and checked by the core. It is the
//! `fatigue` option of the models and of the referral functions.

use reseau::fatigue::Fatigue;
use wasm_bindgen::prelude::*;

use crate::args::{from_js, same_kind};
use crate::errors::{JsResult, OrThrow};
use crate::ser::{Arrays, get, to_js};

/// A fatigue object as the core's [`Fatigue`], checked.
fn fatigue(value: &JsValue) -> JsResult<Fatigue> {
    let fatigue: Fatigue = from_js(value, "fatigue")?;
    fatigue.validate().or_throw()?;
    Ok(fatigue)
}

/// Checks a fatigue object (what the `Fatigue` constructors return) as the functions that
/// take one would, throwing the same error: a misspelt key, a rate below 0, a `half` or an
/// `exponent` that is not > 0, a capacity below 0, a queue size below 1, a half-life that is
/// not > 0. With `kind`, the curve must be of that kind.
#[wasm_bindgen(js_name = validateFatigue)]
pub fn validate_fatigue(
    #[wasm_bindgen(unchecked_param_type = "Fatigue")] fatigue: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "FatigueKind")] kind: &JsValue,
) -> JsResult<()> {
    let parsed = self::fatigue(fatigue)?;
    let kind = from_js::<Option<String>>(kind, "kind")?;
    // The curve's own tag, as serde writes it.
    let actual = get(&to_js(&parsed.curve, Arrays::Plain)?, "kind").as_string().unwrap_or_default();
    same_kind("kind of fatigue curve", &actual, kind.as_deref())
}

/// The willingness to act at a load, in [0, 1]: the fatigue's curve at `load` (a number, or a
/// `Float64Array` or array of numbers, giving a `Float64Array`); a load below 0 or NaN is an
/// `InvalidParameterError`. The half-life plays no part: it says how the load itself decays.
/// Exactly the numbers of Rust and Python (IEEE operations only).
#[wasm_bindgen(unchecked_return_type = "number | Float64Array")]
pub fn willingness(
    #[wasm_bindgen(unchecked_param_type = "Fatigue")] fatigue: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number | Float64Array | readonly number[]")]
    load: &JsValue,
) -> JsResult<JsValue> {
    let fatigue = self::fatigue(fatigue)?;
    if let Some(load) = load.as_f64() {
        return Ok(JsValue::from_f64(fatigue.try_willingness(load).or_throw()?));
    }
    let mut loads: Vec<f64> = from_js(load, "load")?;
    for load in &mut loads {
        *load = fatigue.try_willingness(*load).or_throw()?;
    }
    to_js(&loads, Arrays::Typed)
}
