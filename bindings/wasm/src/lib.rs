//! WebAssembly bindings of [`reseau`], built by wasm-bindgen into the npm package `reseau`.
//!
//! Thin by design: conversions and error mapping only. Every capability lives in the core
//! crate, which Rust, Python and JavaScript share, so the same seed gives the same numbers in
//! all three.
//!
//! - Names are the core's in camelCase: `Network`, `addLayer`, `readEdgelist`, `aarhusCs`,
//!   `erdosRenyi`, … (the package's `index.js` groups `datasets` and `generators`).
//! - Options are plain JS objects deserialised into the core's own requests; camelCase keys
//!   are read as the structs' `snake_case` fields, `null` is a field's default, misspelt keys
//!   are errors, and nothing larger than WebAssembly's memory is copied (see `value`).
//! - Results go out through one serializer (see `ser`): plain objects with camelCase keys,
//!   typed arrays for what the simulations index by person or step; seeds are numbers or
//!   `BigInt`s.
//! - Every core error is thrown as a JS `Error` whose `name` is the core's kind and whose
//!   properties are its fields (see `errors`); nothing panics across the boundary.
//! - The TypeScript declarations are generated from the core's JSON Schemas
//!   (`types/generate.mjs` writes `types/generated.d.ts`), beside `types/static.d.ts`.
//!
//! # Adding an entry point
//!
//! A few lines in the module of its domain: the core's request from the options object
//! (`args::request`), the core's function, the result through `ser::to_js`; then the request
//! and result named in `types/generate.mjs` and a test. `README.md` ("Adding an entry point")
//! shows one whole.

mod args;
mod balance;
mod cascade;
mod errors;
mod fatigue;
mod functions;
mod inference;
mod network;
mod referral;
mod relays;
mod reputation;
mod ser;
mod shadow;
mod value;

use wasm_bindgen::prelude::*;

pub use balance::{balance, report};
pub use cascade::{exact_spread, simulate, trace, validate_model};
pub use fatigue::{validate_fatigue, willingness};
pub use functions::{
    aarhus_cs, barabasi_albert, barabasi_albert_compiled, erdos_renyi, kleinberg, professional,
    read_csv, read_edgelist, read_mpx, read_multiplex, read_signed, stochastic_block,
    watts_strogatz,
};
pub use inference::{fit_cascade, infer_shadow, parse_adoptions, shuffle_test};
pub use network::Network;
pub use referral::{referral_load_curve, route_referrals, trace_referrals};
pub use relays::select_relays;
pub use reputation::{e_reputation, reputation};
pub use shadow::shadow_gap;

/// The version of the library.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// The `name` of every error the library throws (`ParseError`, `UnknownLayerError`, …).
#[wasm_bindgen(js_name = errorKinds)]
pub fn error_kinds() -> Vec<String> {
    reseau::Error::KINDS.iter().map(|k| (*k).to_owned()).collect()
}

// The TypeScript declarations: generated from the core's schemas (types/generate.mjs), and
// what JavaScript spells its own way (types/static.d.ts).
#[wasm_bindgen(typescript_custom_section)]
const GENERATED_TYPES: &str = include_str!("../types/generated.d.ts");
#[wasm_bindgen(typescript_custom_section)]
const STATIC_TYPES: &str = include_str!("../types/static.d.ts");
