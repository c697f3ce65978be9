//! WebAssembly bindings of [`reseau`], built by wasm-bindgen into the npm package `reseau`.
//!
//! Thin by design: conversions and error mapping only. Every capability lives in the core
//! crate, which Rust, Python and JavaScript share, so the same seed gives the same numbers in
//! all three.
//!
//! - Names are the core's in camelCase: `Network`, `addLayer`, `readEdgelist`, `aarhusCs`,
//!   `erdosRenyi`, … (the package's `index.js` groups `datasets` and `generators`).
//! - Options are plain JS objects deserialised into the core's own serde structs; camelCase
//!   keys are accepted for the structs' `snake_case` fields and misspelt keys are errors (see
//!   `value`).
//! - Results are numbers, typed arrays (`Uint32Array` of person ids or degrees) and plain
//!   objects; seeds are numbers or `BigInt`s.
//! - Every core error is thrown as a JS `Error` whose `name` is the core's kind and whose
//!   properties are its fields (see `errors`); nothing panics across the boundary: arguments
//!   are checked before they reach the core.

mod args;
mod errors;
mod functions;
mod network;
mod value;

use wasm_bindgen::prelude::*;

pub use functions::{
    aarhus_cs, barabasi_albert, erdos_renyi, kleinberg, professional, read_csv, read_edgelist,
    read_mpx, read_multiplex, read_signed, stochastic_block, watts_strogatz,
};
pub use network::Network;

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

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** Text to read: a string, or a file's bytes (Uint8Array or ArrayBuffer). */
export type Text = string | Uint8Array | ArrayBuffer;
/** A seed: a whole number from 0 to 2^53, or a BigInt from 0 to 2^64 - 1. */
export type Seed = number | bigint;
/** Physical (offline) or digital (online). */
export type LayerKind = "physical" | "digital";
/** A person's role when a message spreads. */
export type PersonKind = "person" | "influencer" | "media" | "organization";
/** What a repeated tie does. */
export type Duplicates = "merge" | "sum" | "reject";
/** What a tie from a person to themself does. */
export type SelfLoops = "drop" | "reject";
/** Trust (1) or distrust (-1). */
export type Sign = 1 | -1 | "positive" | "negative";

/** How a reader treats repeated ties and self-loops (default: merge, drop; both counted). */
export interface TiePolicy { duplicates?: Duplicates; selfLoops?: SelfLoops }
/** The name errors give the text (default "<string>"). */
export interface FileOption { file?: string }

export interface LayerOptions {
  kind?: LayerKind;
  directed?: boolean;
  /** Default transmission probability of the layer's ties, in [0, 1]. */
  probability?: number;
  /** Time steps to cross a tie, at least 1 (default 1). */
  latency?: number;
}
export interface PersonOptions {
  /** Unique within a network. */
  label?: string;
  group?: string;
  kind?: PersonKind;
  /** Cost to enlist as a relay, >= 0 (default 1). */
  cost?: number;
  position?: [number, number];
  /** Any other attribute, as text (numbers are turned into text). */
  attributes?: Record<string, string | number | boolean>;
}
export interface TieOptions {
  /** Tie strength, >= 0 (default 1). */
  weight?: number;
  sign?: Sign;
  /** The tie's own transmission probability, in [0, 1]. */
  probability?: number;
}

export interface LayerInfo {
  name: string; kind: LayerKind; directed: boolean; probability?: number; latency: number;
}
export interface PersonInfo {
  id: number; label: string | null; group: string | null; kind: PersonKind; cost: number;
  position: [number, number] | null; attributes: Record<string, string>;
}
export interface TieInfo {
  source: number; target: number; layer: string; weight: number;
  sign: 1 | -1; probability: number | null; multiplicity: number;
}

export interface EdgeListOptions {
  directed?: boolean;
  /** The layer's name (default "ties"). */
  layer?: string;
  kind?: LayerKind;
  policy?: TiePolicy;
}
export interface CsvOptions {
  /** Column of the first end (default "source"). */
  source?: string;
  /** Column of the other end (default "target"). */
  target?: string;
  weight?: string;
  sign?: string;
  /** Column naming each tie's layer: one layer per value. */
  layerColumn?: string;
  layer?: string;
  kind?: LayerKind;
  /** With a layer column, the digital layers' names (the others are physical). */
  digital?: string[];
  directed?: boolean;
  /** One ASCII character (default ","). */
  delimiter?: string;
  policy?: TiePolicy;
}
export interface MultiplexOptions {
  directed?: boolean;
  /** The digital layers' names (default: guessed from the names). */
  digital?: string[];
  policy?: TiePolicy;
}
/** The optional tables of the multiplex format. */
export interface MultiplexTables { layers?: Text; nodes?: Text }
export interface MpxOptions { digital?: string[]; policy?: TiePolicy }
export interface SignedOptions {
  /** Default true: from rater to rated. */
  directed?: boolean;
  /** Default "trust". */
  layer?: string;
  /** Default "digital". */
  kind?: LayerKind;
  /** Whether the first line is a header (default false). */
  header?: boolean;
  policy?: TiePolicy;
}
export interface ProfessionalOptions {
  people?: number;
  groupSize?: number;
  groupPrefix?: string;
  physicalLayer?: string;
  physicalMeanDegree?: number;
  withinGroup?: number;
  digitalLayers?: string[];
  digitalMeanDegree?: number;
  exponent?: number;
  overlap?: number;
  influencers?: number;
  influencerCost?: number;
}

/** graphology's serialisation format (what `graph.export()` gives and `Graph.from` takes). */
export interface SerializedGraph {
  attributes?: Record<string, unknown>;
  options?: { type?: "mixed" | "directed" | "undirected"; multi?: boolean; allowSelfLoops?: boolean };
  nodes?: { key: string | number; attributes?: Record<string, unknown> }[];
  edges?: {
    key?: string | number; source: string | number; target: string | number;
    undirected?: boolean; attributes?: Record<string, unknown>;
  }[];
}

/** What every function throws: an Error named after the core's error kind. */
export interface ReseauError extends Error {
  name: "ParseError" | "EncodingError" | "FileError" | "UnknownLayerError"
    | "UnknownPersonError" | "DuplicateLayerError" | "DuplicateLabelError"
    | "DuplicateTieError" | "SelfLoopError" | "InvalidParameterError"
    | "UnsupportedVersionError" | "JsonError";
  /** The error's structured fields, as the core names them. */
  fields: Record<string, string | number>;
  file?: string; line?: number; content?: string; reason?: string; offset?: number;
  detail?: string; layer?: string; person?: string; label?: string; location?: string;
  a?: string; b?: string; parameter?: string; value?: string; expected?: string;
  found?: number; supported?: number; column?: number;
}
"#;
