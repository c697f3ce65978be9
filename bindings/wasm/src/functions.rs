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
pub(crate) type Input<T> = (Vec<u8>, String, T, Vec<Option<Vec<u8>>>);

pub(crate) fn reader<T: DeserializeOwned>(
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

/// A reader of one text, `js(text, options)`, with the core's options `$options` (declared
/// as `$ts`) and the core's `$parse`.
macro_rules! reader {
    ($(#[doc = $doc:literal])* $name:ident = $js:literal($options:ty: $ts:literal) => $parse:path) => {
        $(#[doc = $doc])*
        #[wasm_bindgen(js_name = $js)]
        pub fn $name(
            #[wasm_bindgen(unchecked_param_type = "Text")] text: &JsValue,
            #[wasm_bindgen(unchecked_optional_param_type = $ts)] options: &JsValue,
        ) -> JsResult<Network> {
            let (bytes, file, options, _): (_, _, $options, _) = reader(text, options, $js, &[])?;
            Ok($parse(&bytes, &file, &options).or_throw()?.into())
        }
    };
}

reader! {
    /// Reads a SNAP-style edge list (`#` comments, tabs or spaces, CRLF).
    read_edgelist = "readEdgelist"(EdgeListOptions: "EdgeListOptions & FileOption") => io::parse_edgelist
}
reader! {
    /// Reads a CSV table of ties with a header.
    read_csv = "readCsv"(CsvOptions: "CsvOptions & FileOption") => io::parse_csv
}
reader! {
    /// Reads a multinet `.mpx` file (layers, actors with attributes, edges).
    read_mpx = "readMpx"(MpxOptions: "MpxOptions & FileOption") => io::parse_mpx
}
reader! {
    /// Reads a signed rating CSV (`source,target,rating,time`, as SNAP's Bitcoin OTC).
    read_signed = "readSigned"(SignedOptions: "SignedOptions & FileOption") => io::parse_signed
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

/// A generator, `js(arguments)`: the core's request `$request`, which generates.
macro_rules! generator {
    ($(#[doc = $doc:literal])* $name:ident = $js:literal($request:ident)) => {
        generator! { $(#[doc = $doc])* $name = $js($request).generate }
    };
    ($(#[doc = $doc:literal])* $name:ident = $js:literal($request:ident).$method:ident) => {
        $(#[doc = $doc])*
        #[wasm_bindgen(js_name = $js)]
        pub fn $name(
            #[wasm_bindgen(unchecked_param_type = $request)] arguments: &JsValue,
        ) -> JsResult<Network> {
            let what = concat!("arguments of ", $js);
            let request: $request = from_val(seeded(arguments, what)?, what)?;
            Ok(request.$method().or_throw()?.into())
        }
    };
}

generator! {
    /// G(n, p) with p = meanDegree / (n − 1).
    erdos_renyi = "erdosRenyi"(ErdosRenyiRequest)
}
generator! {
    /// Preferential attachment: each newcomer ties to `m` people chosen by degree.
    barabasi_albert = "barabasiAlbert"(BarabasiAlbertRequest)
}
generator! {
    /// The same network as `barabasiAlbert` (same arguments, same seed), built straight as its
    /// compiled view, never as the editable network (for very large graphs): frozen
    /// (`isFrozen`) until edited or asked about its people or ties.
    barabasi_albert_compiled = "barabasiAlbertCompiled"(BarabasiAlbertRequest).generate_compiled
}
generator! {
    /// A ring lattice of `n` people each tied to `k` neighbours, ties rewired with
    /// probability `beta`.
    watts_strogatz = "wattsStrogatz"(WattsStrogatzRequest)
}
generator! {
    /// Kleinberg's grid: `side × side` people, each with `longRange` links (default 1) at
    /// distance d chosen ∝ d^(−r) (default r = 2); positions are the lattice coordinates.
    kleinberg = "kleinberg"(KleinbergRequest)
}
generator! {
    /// Groups of the given sizes, tied with probability `probabilities[g][h]` between groups
    /// `g` and `h`.
    stochastic_block = "stochasticBlock"(StochasticBlockRequest)
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
