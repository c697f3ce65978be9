//! Readers (from text: a page has no file system), the embedded dataset and the generators.

use reseau::generators::{
    BarabasiAlbertRequest, ErdosRenyiRequest, KleinbergRequest, ProfessionalOptions,
    StochasticBlockRequest, WattsStrogatzRequest,
};
use reseau::io::{
    self, CsvOptions, EdgeListOptions, MpxOptions, MultiplexOptions, STRING_SOURCE, SignedOptions,
};
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

use crate::Network;
use crate::args::{self, from_val, invalid, text_bytes};
use crate::errors::{JsResult, OrThrow};
use crate::value::Val;

/// A reader's input: the text's bytes, the name errors give it (`file`, default
/// `"<string>"`), the core's options, and the other texts named in `tables`.
type Input<T> = (Vec<u8>, String, T, Vec<Option<Vec<u8>>>);

fn reader<T: DeserializeOwned>(
    text: &JsValue,
    options: &JsValue,
    name: &str,
    tables: &[&str],
) -> JsResult<Input<T>> {
    let bytes = text_bytes(text, &format!("text of {name}"))?;
    let what = format!("options of {name}");
    let tables = tables
        .iter()
        .map(|key| {
            args::property(options, key)
                .map(|t| text_bytes(&t, &format!("{key} in {what}")))
                .transpose()
        })
        .collect::<JsResult<_>>()?;
    let mut val = args::options(options, &what)?;
    let file = match val.take("file") {
        Some(name) => from_val::<Option<String>>(name, &format!("file in {what}"))?,
        None => None,
    };
    for key in ["layers", "nodes"] {
        val.take(key);
    }
    let options = val
        .into_rust()
        .map_err(|e| crate::errors::invalid_argument(&what, &e.also_expected(&["file"])))?;
    Ok((bytes, file.unwrap_or_else(|| STRING_SOURCE.to_owned()), options, tables))
}

/// Reads a SNAP-style edge list (`#` comments, tabs or spaces, CRLF).
#[wasm_bindgen(js_name = readEdgelist)]
pub fn read_edgelist(
    #[wasm_bindgen(unchecked_param_type = "Text")] text: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "EdgeListOptions & FileOption")]
    options: &JsValue,
) -> JsResult<Network> {
    let (bytes, file, options, _): (_, _, EdgeListOptions, _) =
        reader(text, options, "readEdgelist", &[])?;
    Ok(io::parse_edgelist(&bytes, &file, &options).or_throw()?.into())
}

/// Reads a CSV table of ties with a header.
#[wasm_bindgen(js_name = readCsv)]
pub fn read_csv(
    #[wasm_bindgen(unchecked_param_type = "Text")] text: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CsvOptions & FileOption")] options: &JsValue,
) -> JsResult<Network> {
    let (bytes, file, options, _): (_, _, CsvOptions, _) = reader(text, options, "readCsv", &[])?;
    Ok(io::parse_csv(&bytes, &file, &options).or_throw()?.into())
}

/// Reads a multinet `.mpx` file (layers, actors with attributes, edges).
#[wasm_bindgen(js_name = readMpx)]
pub fn read_mpx(
    #[wasm_bindgen(unchecked_param_type = "Text")] text: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "MpxOptions & FileOption")] options: &JsValue,
) -> JsResult<Network> {
    let (bytes, file, options, _): (_, _, MpxOptions, _) = reader(text, options, "readMpx", &[])?;
    Ok(io::parse_mpx(&bytes, &file, &options).or_throw()?.into())
}

/// Reads a signed rating CSV (`source,target,rating,time`, as SNAP's Bitcoin OTC).
#[wasm_bindgen(js_name = readSigned)]
pub fn read_signed(
    #[wasm_bindgen(unchecked_param_type = "Text")] text: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "SignedOptions & FileOption")] options: &JsValue,
) -> JsResult<Network> {
    let (bytes, file, options, _): (_, _, SignedOptions, _) =
        reader(text, options, "readSigned", &[])?;
    Ok(io::parse_signed(&bytes, &file, &options).or_throw()?.into())
}

/// Reads the multiplex format `layer node node [weight]`, with the optional layers and nodes
/// tables given as the options' `layers` and `nodes` texts.
#[wasm_bindgen(js_name = readMultiplex)]
pub fn read_multiplex(
    #[wasm_bindgen(unchecked_param_type = "Text")] edges: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "MultiplexOptions & MultiplexTables")]
    options: &JsValue,
) -> JsResult<Network> {
    let (edges, _, options, tables): (_, _, MultiplexOptions, _) =
        reader(edges, options, "readMultiplex", &["layers", "nodes"])?;
    let (layers, nodes) = (tables[0].as_deref(), tables[1].as_deref());
    Ok(io::parse_multiplex(&edges, layers, nodes, &options).or_throw()?.into())
}

/// The Aarhus CS multiplex shipped inside the library: 61 people, 620 ties, 5 layers.
#[wasm_bindgen(js_name = aarhusCs)]
pub fn aarhus_cs() -> Network {
    reseau::datasets::aarhus_cs().into()
}

/// G(n, p) with p = meanDegree / (n − 1).
#[wasm_bindgen(js_name = erdosRenyi)]
pub fn erdos_renyi(
    #[wasm_bindgen(unchecked_param_type = "ErdosRenyiRequest")] arguments: &JsValue,
) -> JsResult<Network> {
    let request: ErdosRenyiRequest = generator(arguments, "erdosRenyi")?;
    Ok(request.generate().or_throw()?.into())
}

/// Preferential attachment: each newcomer ties to `m` people chosen by degree.
#[wasm_bindgen(js_name = barabasiAlbert)]
pub fn barabasi_albert(
    #[wasm_bindgen(unchecked_param_type = "BarabasiAlbertRequest")] arguments: &JsValue,
) -> JsResult<Network> {
    let request: BarabasiAlbertRequest = generator(arguments, "barabasiAlbert")?;
    Ok(request.generate().or_throw()?.into())
}

/// A ring lattice of `n` people each tied to `k` neighbours, ties rewired with probability
/// `beta`.
#[wasm_bindgen(js_name = wattsStrogatz)]
pub fn watts_strogatz(
    #[wasm_bindgen(unchecked_param_type = "WattsStrogatzRequest")] arguments: &JsValue,
) -> JsResult<Network> {
    let request: WattsStrogatzRequest = generator(arguments, "wattsStrogatz")?;
    Ok(request.generate().or_throw()?.into())
}

/// Kleinberg's grid: `side × side` people, each with `longRange` links (default 1) at
/// distance d chosen ∝ d^(−r) (default r = 2); positions are the lattice coordinates.
#[wasm_bindgen]
pub fn kleinberg(
    #[wasm_bindgen(unchecked_param_type = "KleinbergRequest")] arguments: &JsValue,
) -> JsResult<Network> {
    let request: KleinbergRequest = generator(arguments, "kleinberg")?;
    Ok(request.generate().or_throw()?.into())
}

/// Groups of the given sizes, tied with probability `probabilities[g][h]` between groups
/// `g` and `h`.
#[wasm_bindgen(js_name = stochasticBlock)]
pub fn stochastic_block(
    #[wasm_bindgen(unchecked_param_type = "StochasticBlockRequest")] arguments: &JsValue,
) -> JsResult<Network> {
    let request: StochasticBlockRequest = generator(arguments, "stochasticBlock")?;
    Ok(request.generate().or_throw()?.into())
}

/// A multiplex professional network: groups met in person, digital platforms with
/// heavy-tailed degrees and a tunable overlap. Takes the options and the `seed` in one object.
#[wasm_bindgen]
pub fn professional(
    #[wasm_bindgen(unchecked_param_type = "ProfessionalOptions & { seed: Seed }")]
    arguments: &JsValue,
) -> JsResult<Network> {
    let what = "arguments of professional";
    let mut val = seeded(arguments, what)?;
    let seed = from_val(val.take("seed").unwrap_or(Val::Null), &format!("seed in {what}"))?;
    let options: ProfessionalOptions = from_val(val, what)?;
    Ok(reseau::generators::professional(&options, seed).or_throw()?.into())
}

/// A generator's arguments, one object.
fn generator<T: DeserializeOwned>(arguments: &JsValue, name: &str) -> JsResult<T> {
    let what = format!("arguments of {name}");
    from_val(seeded(arguments, &what)?, &what)
}

/// A generator's arguments, which in JavaScript must name their seed (randomness is explicit;
/// the core's requests would take 0).
fn seeded(arguments: &JsValue, what: &str) -> JsResult<Val> {
    let val = args::options(arguments, what)?;
    match &val {
        Val::Obj(entries) => match entries.iter().find(|(k, _)| k == "seed") {
            Some((_, Val::Null)) => invalid(&format!("seed in {what}"), "null", "a seed"),
            Some(_) => Ok(val),
            None => invalid(what, "missing field `seed`", "every required field"),
        },
        _ => Ok(val),
    }
}
