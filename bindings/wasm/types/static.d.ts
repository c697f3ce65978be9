// The declarations JavaScript spells its own way, beside those generated from the core's
// schemas (generated.d.ts): text and seeds as JS gives them, the records of a network, the
// functions' option types (a request without what a function takes as an argument), the
// models' constructors' options, the report's parts, the errors, and the old names.

/** Text to read: a string, or a file's bytes (Uint8Array or ArrayBuffer). */
export type Text = string | Uint8Array | ArrayBuffer;
/** A seed: a whole number from 0 to 2^53, or a BigInt from 0 to 2^64 - 1. */
export type Seed = number | bigint;
/** A person named by id (a whole number or a BigInt) or by label. */
export type PersonRef = number | bigint | string;
/** People named by id or by label: an array, or a typed array of ids. */
export type People = readonly PersonRef[] | Uint32Array | Int32Array | Float64Array;

/** The name errors give the text (default "<string>"). */
export interface FileOption { file?: string | null }
/** The optional tables of the multiplex format. */
export interface MultiplexTables { layers?: Text; nodes?: Text }

/** `addLayer`'s options: a layer but its name. */
export type LayerOptions = Omit<Layer, "name">;
/** `addPerson`'s options. */
export type PersonOptions = Person;
/** `addTie`'s options. */
export type TieOptions = TieSpec;

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

/** What every model takes. */
export type ModelOptions = Omit<Model, "kind" | "probability" | "thresholds">;
/** Independent Cascade's options (default probability 0.1). */
export type IndependentCascadeOptions = ModelOptions & Pick<Model, "probability">;
/** Linear Threshold's options. */
export type LinearThresholdOptions = ModelOptions & Pick<Model, "thresholds">;
/** A fatigue curve. */
export type FatigueCurve = Curve;
/** The name of a fatigue curve. */
export type FatigueKind = Curve["kind"];

/** `simulate`'s options: the request but its seeds (the second argument). */
export type SimulateOptions = Omit<SimulateRequest, "seeds">;
/** `eReputation`'s options: `simulate`'s with the weight and the audience. */
export type EReputationOptions = SimulateOptions & Pick<EReputationRequest, "weight" | "audience">;
/** `trace`'s options. */
export type TraceOptions = Omit<TraceRequest, "seeds">;
/** `exactSpread`'s options (one campaign). */
export type ExactSpreadOptions = Omit<ExactSpreadRequest, "seeds" | "badSeeds">;
/** `referralLoadCurve`'s options: the request but its rates (the second argument). */
export type LoadCurveOptions = Omit<LoadCurveRequest, "rates">;
/** `fitCascade`'s options: the request but its adoptions (the second argument). */
export type FitOptions = Omit<FitRequest, "adoptions">;
/** `shuffleTest`'s options. */
export type ShuffleOptions = Omit<ShuffleRequest, "adoptions">;
/** `inferShadow`'s options. */
export type ShadowOptions = Omit<ShadowRequest, "adoptions">;

/**
 * What `report` returns: the numbers (the core's report), the text, the SVG charts by file
 * name, and the page as one self-contained HTML document.
 */
export interface Report {
  numbers: Record<string, any>;
  text: string;
  charts: Record<string, string>;
  html(): string;
}

/** What every function throws: an Error named after the core's error kind. */
export interface ReseauError extends Error {
  name: "ParseError" | "EncodingError" | "FileError" | "UnknownLayerError"
    | "UnknownPersonError" | "DuplicateLayerError" | "DuplicateLabelError"
    | "DuplicateTieError" | "SelfLoopError" | "InvalidParameterError" | "FormatError"
    | "UnsupportedVersionError" | "JsonError" | "CancelledError" | "OutOfMemoryError";
  /** The error's structured fields, as the core names them. */
  fields: Record<string, string | number>;
  file?: string; line?: number; content?: string; reason?: string; offset?: number;
  detail?: string; layer?: string; person?: string; label?: string; location?: string;
  a?: string; b?: string; parameter?: string; value?: string; expected?: string;
  found?: number; supported?: number; column?: number; field?: string;
  /** OutOfMemoryError: what was asked, the bytes it would need and the bytes available. */
  what?: string; needed?: number; available?: number;
}

/** @deprecated renamed `CascadeSummary`. */
export type Summary = CascadeSummary;
/** @deprecated renamed `CascadeTrace`. */
export type Trace = CascadeTrace;
/** @deprecated renamed `ReferralSummary`. */
export type RouteSummary = ReferralSummary;
/** @deprecated renamed `ReferralRequest`. */
export type RouteReferralsOptions = ReferralRequest;
/** @deprecated renamed `SelectRelaysRequest`. */
export type SelectRelaysOptions = SelectRelaysRequest;
/** @deprecated renamed `ReputationRequest`. */
export type ReputationOptions = ReputationRequest;
/** @deprecated renamed `BalanceRequest`. */
export type BalanceOptions = BalanceRequest;
/** @deprecated renamed `ReportRequest`. */
export type ReportOptions = ReportRequest;
/** @deprecated renamed `Amplifiers` (a model's `amplifiers`). */
export type RelaySettings = Amplifiers;
/** @deprecated renamed `Method`. */
export type RelayMethod = Method;
