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
//! - Results are numbers, typed arrays (`Uint32Array` of person ids or degrees,
//!   `Float64Array` of probabilities, `Int32Array` of steps) and plain objects with camelCase
//!   keys; seeds are numbers or `BigInt`s.
//! - Every core error is thrown as a JS `Error` whose `name` is the core's kind and whose
//!   properties are its fields (see `errors`); nothing panics across the boundary: arguments
//!   are checked before they reach the core.

mod args;
mod balance;
mod cascade;
mod errors;
mod fatigue;
mod functions;
mod network;
mod referral;
mod relays;
mod reputation;
mod value;

use wasm_bindgen::prelude::*;

pub use balance::{balance, report};
pub use cascade::{exact_spread, simulate, trace, validate_model};
pub use fatigue::{validate_fatigue, willingness};
pub use functions::{
    aarhus_cs, barabasi_albert, erdos_renyi, kleinberg, professional, read_csv, read_edgelist,
    read_mpx, read_multiplex, read_signed, stochastic_block, watts_strogatz,
};
pub use network::Network;
pub use referral::{referral_load_curve, route_referrals, trace_referrals};
pub use relays::select_relays;
pub use reputation::reputation;

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

/** People named by id or by label: an array, or a typed array of ids. */
export type People = readonly (number | string)[] | Uint32Array | Int32Array | Float64Array;

/** The diffusion rule of a model. */
export type ModelKind = "independent_cascade" | "weighted_cascade" | "linear_threshold";
/** What a distrust tie does: stop the message (default) or pass its opposite. */
export type Distrust = "block" | "invert";
/** A model's settings for one layer. */
export interface LayerSettings {
  /** Multiplies the layer's probabilities (or LT weights), >= 0 (default 1; capped at 1). */
  multiplier?: number;
  /** Replaces the layer's default probability (ties with their own keep it). */
  probability?: number | null;
  /** Replaces the layer's latency in steps (>= 1). */
  latency?: number | null;
  /** false switches the layer off (default true). */
  enabled?: boolean;
}
/** How influencers and media relay a message. */
export interface RelaySettings {
  /** Amplifies what an influencer passes on digital layers, >= 0 (default 1). */
  influencerMultiplier?: number;
  /** Sources a media person must see carrying a story before picking it up, >= 1 (default 2). */
  mediaThreshold?: number;
  /** The probability of a media person's ties (default: the ties' own). */
  mediaProbability?: number | null;
}
/** How willingness to act falls with a person's load of requests (see `Fatigue` in Rust). */
export type FatigueCurve =
  | { kind: "none" }
  /** e^(-rate L) */
  | { kind: "exponential"; rate: number }
  /** 1 / (1 + (L / half)^exponent) */
  | { kind: "hill"; half: number; exponent: number }
  /** 1 while L < capacity, then 0 */
  | { kind: "capacity"; capacity: number }
  /** min(1, size / (L + 1)) */
  | { kind: "queue"; size: number }
  /** 1 / (0.1 L^2 + 1) */
  | { kind: "decreasing" };
/** Recommendation fatigue: a curve, and the half-life of the load in steps (default none). */
export interface Fatigue { curve?: FatigueCurve; halfLife?: number | null }
/** What every model takes. */
export interface ModelOptions {
  /** Settings by layer name. */
  layers?: Record<string, LayerSettings>;
  relays?: RelaySettings;
  /** Multiplier of good buzz's probabilities, >= 0 (default 1). */
  goodMultiplier?: number;
  /** Multiplier of bad buzz's probabilities, >= 0 (default 1): a negativity bias above 1. */
  badMultiplier?: number;
  distrust?: Distrust;
  /** Tired people accept and relay less (default: no fatigue). */
  fatigue?: Fatigue | null;
}
export interface IndependentCascadeOptions extends ModelOptions {
  /** The probability of ties whose layer has none, in [0, 1] (default 0.1). */
  probability?: number;
}
export interface LinearThresholdOptions extends ModelOptions {
  /** Each person's threshold in [0, 1], indexed by id (default: drawn uniformly each run). */
  thresholds?: readonly number[] | Float64Array | null;
}
/** A diffusion model, as the constructors return it (a plain object). */
export interface Model extends IndependentCascadeOptions, LinearThresholdOptions {
  kind: ModelKind;
}

export interface SimulateOptions {
  /** Default: IndependentCascade() (probability 0.1). */
  model?: Model;
  /** Default 1000. */
  runs?: number | bigint;
  /** Default 0. */
  seed?: Seed;
  /** The seeds of a second campaign, bad buzz. */
  badSeeds?: People;
}
export interface TraceOptions { model?: Model; seed?: Seed; badSeeds?: People }

/** Spread statistics of one valence (or both together) over the runs. */
export interface SpreadStats {
  /** Mean number of people convinced, seeds included. */
  mean: number;
  /** Sample standard deviation of that number. */
  std: number;
  /** 95% confidence interval of the mean. */
  ci95: [number, number];
  /** Each person's probability of being convinced, indexed by id. */
  activation: Float64Array;
  /** Mean number convinced through each layer (seeds excluded), by layer name. */
  byLayer: Record<string, number>;
  /** Mean number of seeds. */
  seeds: number;
}
/** What `simulate` returns: both valences together, then each. */
export interface Summary extends SpreadStats {
  runs: number;
  /** Mean number convinced by the end of each step, from step 0 (the seeds). */
  byStep: Float64Array;
  /** The share of the convinced (seeds excluded) carried by each layer, by name. */
  layerShares: Record<string, number>;
  /** The layer names, in the network's order. */
  layerNames: string[];
  good: SpreadStats;
  bad: SpreadStats;
}
/** One run: arrays indexed by person, -1 where not reached (and for a seed's parent, layer). */
export interface Trace {
  step: Int32Array;
  parent: Int32Array;
  /** The index of the layer in `net.layers`. */
  layer: Int32Array;
  /** 0 for good buzz, 1 for bad. */
  valence: Int32Array;
  /** Everyone convinced, in the order they were. */
  order: Uint32Array;
  spread: number;
}

/** What every function throws: an Error named after the core's error kind. */
export interface ReseauError extends Error {
  name: "ParseError" | "EncodingError" | "FileError" | "UnknownLayerError"
    | "UnknownPersonError" | "DuplicateLayerError" | "DuplicateLabelError"
    | "DuplicateTieError" | "SelfLoopError" | "InvalidParameterError"
    | "UnsupportedVersionError" | "JsonError" | "CancelledError";
  /** The error's structured fields, as the core names them. */
  fields: Record<string, string | number>;
  file?: string; line?: number; content?: string; reason?: string; offset?: number;
  detail?: string; layer?: string; person?: string; label?: string; location?: string;
  a?: string; b?: string; parameter?: string; value?: string; expected?: string;
  found?: number; supported?: number; column?: number;
}
"#;
