//! The balance sweep and the headline report: `balance` and `report`.
//!
//! The options are the core's [`BalanceRequest`] and [`ReportRequest`]; the results its
//! serde form, plain JSON with camelCase keys (layer names, which are data, as they are).

use reseau::balance::BalanceRequest;
use reseau::report::ReportRequest;
use wasm_bindgen::prelude::*;

use crate::Network;
use crate::args::{self, from_val, invalid};
use crate::errors::{JsResult, OrThrow};
use crate::ser::{Arrays, set, to_js};
use crate::value::Val;

/// The balance sweep of physical against digital effort, under fatigue and platform decline:
/// for each mix, random referral requests and a campaign, on the network as given and period
/// after period of `decline`. Returns one row per mix and period, the best mix per measure
/// (interior or not, clear or flat) and the most robust mix under decline; the numbers are
/// those of Rust and Python for the same seed.
#[wasm_bindgen(unchecked_return_type = "BalanceReport")]
pub fn balance(
    net: &Network,
    #[wasm_bindgen(unchecked_optional_param_type = "BalanceRequest")] options: &JsValue,
) -> JsResult<JsValue> {
    let what = "options of balance";
    let mut val = args::options(options, what)?;
    // `routing: { … }`, the routing options nested: an older spelling of the same keys.
    match val.take("routing") {
        Some(Val::Obj(routing)) => {
            for (key, value) in routing {
                if val.take(&key).is_some() {
                    return invalid(&key, "given twice", "in `routing` or at the top, not both");
                }
                val.set(&key, value);
            }
        }
        Some(other) => _ = val.set("routing", other), // refused as an unknown key
        None => {}
    }
    let request: BalanceRequest = from_val(val, what)?;
    to_js(&reseau::balance::balance(net.core(), &request).or_throw()?, Arrays::Plain)
}

/// The headline report: the network offline and online, the best relays and their cost, a
/// campaign with its offline and online shares, the referral load curve with its collapse,
/// the balance sweep and the largest digital layer's decline. Returns `numbers` (the core's
/// report, camelCase keys), `text` (the page), `charts` (SVG documents by file name) and
/// `html()` (one self-contained HTML page, charts inline), the same as the `reseau report`
/// command and Python's `reseau.report` for the same seed.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn report(
    net: &Network,
    #[wasm_bindgen(unchecked_optional_param_type = "ReportRequest")] options: &JsValue,
) -> JsResult<JsValue> {
    let request: ReportRequest = args::request(options, "report", &[])?;
    let report = reseau::report::report(net.core(), &request).or_throw()?;
    let (out, charts) = (js_sys::Object::new(), js_sys::Object::new());
    for (name, svg) in report.charts() {
        set(&charts, &name, &JsValue::from_str(&svg));
    }
    set(&out, "numbers", &to_js(&report, Arrays::Plain)?);
    set(&out, "text", &JsValue::from_str(&report.text()));
    set(&out, "charts", &charts);
    // `html()`: `String.prototype.toString` bound to the page, a method that needs no closure
    // kept in WebAssembly (nor `eval`, which a page's content security policy may forbid).
    let page = JsValue::from_str(&report.html());
    let strings = js_sys::Object::get_prototype_of(&page); // String.prototype
    let to_string = js_sys::Reflect::get(&strings, &"toString".into())?;
    let html = to_string.unchecked_into::<js_sys::Function>().bind0(&page);
    let method = js_sys::Object::new();
    set(&method, "value", &html);
    js_sys::Object::define_property(&out, &"html".into(), &method);
    Ok(out.into())
}
