//! Readers (from text: a page has no file system), the embedded dataset and the generators.

use reseau::generators::ProfessionalOptions;
use reseau::io::{CsvOptions, EdgeListOptions, MpxOptions, MultiplexOptions, SignedOptions};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

use crate::Network;
use crate::args::{self, from_val, text_bytes};
use crate::errors::{JsResult, OrThrow};
use crate::value::Val;

/// The name errors give a text read from a string, unless the options' `file` says otherwise.
const STRING_SOURCE: &str = "<string>";

/// A reader's input: the text's bytes, the name for errors (`file`), and the core's options.
fn reader<T: DeserializeOwned>(
    text: &JsValue,
    options: &JsValue,
    what: &str,
) -> JsResult<(Vec<u8>, String, T)> {
    let bytes = text_bytes(text, &format!("text of {what}"))?;
    let what = format!("options of {what}");
    let mut val = args::options(options, &what)?;
    let file = match val.take("file") {
        None | Some(Val::Null) => STRING_SOURCE.to_owned(),
        Some(name) => from_val(name, &format!("file in {what}"))?,
    };
    Ok((bytes, file, from_val(val, &what)?))
}

/// Reads a SNAP-style edge list (`#` comments, tabs or spaces, CRLF).
#[wasm_bindgen(js_name = readEdgelist)]
pub fn read_edgelist(
    #[wasm_bindgen(unchecked_param_type = "Text")] text: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "EdgeListOptions & FileOption")]
    options: &JsValue,
) -> JsResult<Network> {
    let (bytes, file, options): (_, _, EdgeListOptions) = reader(text, options, "readEdgelist")?;
    Ok(reseau::io::parse_edgelist(&bytes, &file, &options).or_throw()?.into())
}

/// Reads a CSV table of ties with a header.
#[wasm_bindgen(js_name = readCsv)]
pub fn read_csv(
    #[wasm_bindgen(unchecked_param_type = "Text")] text: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CsvOptions & FileOption")] options: &JsValue,
) -> JsResult<Network> {
    let (bytes, file, options): (_, _, CsvOptions) = reader(text, options, "readCsv")?;
    Ok(reseau::io::parse_csv(&bytes, &file, &options).or_throw()?.into())
}

/// Reads a multinet `.mpx` file (layers, actors with attributes, edges).
#[wasm_bindgen(js_name = readMpx)]
pub fn read_mpx(
    #[wasm_bindgen(unchecked_param_type = "Text")] text: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "MpxOptions & FileOption")] options: &JsValue,
) -> JsResult<Network> {
    let (bytes, file, options): (_, _, MpxOptions) = reader(text, options, "readMpx")?;
    Ok(reseau::io::parse_mpx(&bytes, &file, &options).or_throw()?.into())
}

/// Reads a signed rating CSV (`source,target,rating,time`, as SNAP's Bitcoin OTC).
#[wasm_bindgen(js_name = readSigned)]
pub fn read_signed(
    #[wasm_bindgen(unchecked_param_type = "Text")] text: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "SignedOptions & FileOption")] options: &JsValue,
) -> JsResult<Network> {
    let (bytes, file, options): (_, _, SignedOptions) = reader(text, options, "readSigned")?;
    Ok(reseau::io::parse_signed(&bytes, &file, &options).or_throw()?.into())
}

/// Reads the multiplex format `layer node node [weight]`, with the optional layers and nodes
/// tables given as the options' `layers` and `nodes` texts.
#[wasm_bindgen(js_name = readMultiplex)]
pub fn read_multiplex(
    #[wasm_bindgen(unchecked_param_type = "Text")] edges: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "MultiplexOptions & MultiplexTables")]
    options: &JsValue,
) -> JsResult<Network> {
    let what = "options of readMultiplex";
    let edges = text_bytes(edges, "edges text of readMultiplex")?;
    let table = |key: &str| {
        args::property(options, key)
            .map(|t| text_bytes(&t, &format!("{key} in {what}")))
            .transpose()
    };
    let (layers, nodes) = (table("layers")?, table("nodes")?);
    let mut val = args::options(options, what)?;
    val.take("layers");
    val.take("nodes");
    let options: MultiplexOptions = from_val(val, what)?;
    let net = reseau::io::parse_multiplex(&edges, layers.as_deref(), nodes.as_deref(), &options);
    Ok(net.or_throw()?.into())
}

/// The Aarhus CS multiplex shipped inside the library: 61 people, 620 ties, 5 layers.
#[wasm_bindgen(js_name = aarhusCs)]
pub fn aarhus_cs() -> Network {
    reseau::datasets::aarhus_cs().into()
}

/// A generator's arguments (`T`) and seed, from one object.
fn generator<T: DeserializeOwned>(arguments: &JsValue, what: &str) -> JsResult<T> {
    let what = format!("arguments of {what}");
    from_val(args::options(arguments, &what)?, &what)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ErdosRenyi {
    n: usize,
    mean_degree: f64,
    seed: u64,
}

/// G(n, p) with p = meanDegree / (n − 1).
#[wasm_bindgen(js_name = erdosRenyi)]
pub fn erdos_renyi(
    #[wasm_bindgen(unchecked_param_type = "{ n: number; meanDegree: number; seed: Seed }")]
    arguments: &JsValue,
) -> JsResult<Network> {
    let ErdosRenyi { n, mean_degree, seed } = generator(arguments, "erdosRenyi")?;
    Ok(reseau::generators::erdos_renyi(n, mean_degree, seed).or_throw()?.into())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BarabasiAlbert {
    n: usize,
    m: usize,
    seed: u64,
}

/// Preferential attachment: each newcomer ties to `m` people chosen by degree.
#[wasm_bindgen(js_name = barabasiAlbert)]
pub fn barabasi_albert(
    #[wasm_bindgen(unchecked_param_type = "{ n: number; m: number; seed: Seed }")]
    arguments: &JsValue,
) -> JsResult<Network> {
    let BarabasiAlbert { n, m, seed } = generator(arguments, "barabasiAlbert")?;
    Ok(reseau::generators::barabasi_albert(n, m, seed).or_throw()?.into())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WattsStrogatz {
    n: usize,
    k: usize,
    beta: f64,
    seed: u64,
}

/// A ring lattice of `n` people each tied to `k` neighbours, ties rewired with probability
/// `beta`.
#[wasm_bindgen(js_name = wattsStrogatz)]
pub fn watts_strogatz(
    #[wasm_bindgen(unchecked_param_type = "{ n: number; k: number; beta: number; seed: Seed }")]
    arguments: &JsValue,
) -> JsResult<Network> {
    let WattsStrogatz { n, k, beta, seed } = generator(arguments, "wattsStrogatz")?;
    Ok(reseau::generators::watts_strogatz(n, k, beta, seed).or_throw()?.into())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Kleinberg {
    side: usize,
    r: f64,
    long_range: usize,
    seed: u64,
}

/// Kleinberg's grid: `side × side` people, each with `longRange` links at distance d chosen
/// ∝ d^(−r); positions are the lattice coordinates.
#[wasm_bindgen]
pub fn kleinberg(
    #[wasm_bindgen(
        unchecked_param_type = "{ side: number; r: number; longRange: number; seed: Seed }"
    )]
    arguments: &JsValue,
) -> JsResult<Network> {
    let Kleinberg { side, r, long_range, seed } = generator(arguments, "kleinberg")?;
    Ok(reseau::generators::kleinberg(side, r, long_range, seed).or_throw()?.into())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StochasticBlock {
    sizes: Vec<usize>,
    probabilities: Vec<Vec<f64>>,
    seed: u64,
}

/// Groups of the given sizes, tied with probability `probabilities[g][h]` between groups
/// `g` and `h`.
#[wasm_bindgen(js_name = stochasticBlock)]
pub fn stochastic_block(
    #[wasm_bindgen(
        unchecked_param_type = "{ sizes: number[]; probabilities: number[][]; seed: Seed }"
    )]
    arguments: &JsValue,
) -> JsResult<Network> {
    let StochasticBlock { sizes, probabilities, seed } = generator(arguments, "stochasticBlock")?;
    Ok(reseau::generators::stochastic_block(&sizes, &probabilities, seed).or_throw()?.into())
}

/// A multiplex professional network: groups met in person, digital platforms with
/// heavy-tailed degrees and a tunable overlap. Takes the options and the `seed` in one object.
#[wasm_bindgen]
pub fn professional(
    #[wasm_bindgen(unchecked_param_type = "ProfessionalOptions & { seed: Seed }")]
    arguments: &JsValue,
) -> JsResult<Network> {
    let what = "arguments of professional";
    let mut val = args::options(arguments, what)?;
    let seed: u64 = match val.take("seed") {
        Some(seed) => from_val(seed, &format!("seed in {what}"))?,
        None => from_val(Val::Obj(Vec::new()), what).map(|SeedOnly { seed }| seed)?,
    };
    let options: ProfessionalOptions = from_val(val, what)?;
    Ok(reseau::generators::professional(&options, seed).or_throw()?.into())
}

/// Only there to report a missing seed in serde's words.
#[derive(Deserialize)]
struct SeedOnly {
    seed: u64,
}
