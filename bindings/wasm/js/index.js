// The entry of the npm package `reseau`: the module wasm-bindgen generates, re-exported, with
// the embedded datasets and the generators grouped as in Rust (`reseau::datasets`) and Python
// (`reseau.datasets`), the diffusion models' constructors and the fatigue curves'. Option
// objects take camelCase keys; the wasm side converts them.
export * from './reseau_wasm.js';
export { default } from './reseau_wasm.js'; // web only: `await init()` loads the .wasm

import {
  aarhusCs,
  barabasiAlbert,
  barabasiAlbertCompiled,
  erdosRenyi,
  kleinberg,
  professional,
  stochasticBlock,
  validateFatigue,
  validateModel,
  wattsStrogatz,
} from './reseau_wasm.js';

/** Networks shipped inside the library. */
export const datasets = Object.freeze({ aarhusCs });

/** Seeded random network generators: the same seed gives the same network everywhere. */
export const generators = Object.freeze({
  erdosRenyi,
  barabasiAlbert,
  barabasiAlbertCompiled,
  wattsStrogatz,
  kleinberg,
  stochasticBlock,
  professional,
});

// A model is a plain object, `{ kind, ...options }`, which `simulate`, `trace` and
// `exactSpread` deserialise into the core's `Model`. The constructors check it at once
// (the core's `Model::validate`: misspelt keys, probabilities outside [0, 1], …) so that a
// mistake is reported where it is made.
function model(kind, defaults, options) {
  if (options === undefined || options === null) options = {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    validateModel(options, kind); // throws: the options must be an object
  }
  const m = { kind, ...defaults, ...options };
  validateModel(m, kind);
  return m;
}

/**
 * Independent Cascade: each newly convinced person gets one chance per tie to convince the
 * other end, with the tie's probability (its own, else its layer's, else `probability`).
 */
export function IndependentCascade(options = {}) {
  return model('independent_cascade', { probability: 0.1 }, options);
}

/** The weighted cascade: Independent Cascade with p(u, v) = 1 / in-degree of v in the layer. */
export function WeightedCascade(options = {}) {
  return model('weighted_cascade', {}, options);
}

/**
 * Linear Threshold: a person is convinced once the normalised weight of their convinced
 * contacts reaches their threshold (`thresholds`, one per person, or drawn each run).
 */
export function LinearThreshold(options = {}) {
  return model('linear_threshold', {}, options);
}

// A fatigue is a plain object, `{ curve: { kind, ...parameters }, halfLife }`, which the
// models and the referral functions deserialise into the core's `Fatigue`. The constructors
// check it at once (the core's `Fatigue::validate`: a misspelt key, a rate below 0, a
// half-life of 0, …). `halfLife` is the load's half-life in steps; without it (or with null
// or Infinity) the load is a plain count that never decays.
function fatigue(kind, options) {
  if (options === undefined || options === null) options = {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    validateFatigue(options, kind); // throws: the options must be an object
  }
  const { halfLife, ...parameters } = options;
  const f = { curve: { kind, ...parameters } };
  if (halfLife !== undefined) f.halfLife = halfLife;
  validateFatigue(f, kind);
  return f;
}

/**
 * Fatigue curves: how a person's willingness to act (forward a request, accept a
 * recommendation) falls with their load L, the requests and exposures they have received.
 * Pass one as the `fatigue` option of a model or of `routeReferrals`; `willingness(f, L)`
 * evaluates it.
 */
export const Fatigue = Object.freeze({
  /** No fatigue: willingness 1 whatever the load. */
  none: (options = {}) => fatigue('none', options),
  /** e^(-rate L), rate >= 0. */
  exponential: (options) => fatigue('exponential', options),
  /** 1 / (1 + (L / half)^exponent): 1/2 at L = half, then saturating; half, exponent > 0. */
  hill: (options) => fatigue('hill', options),
  /** 1 while L < capacity, then 0: the person handles `capacity` items and stops; >= 0. */
  capacity: (options) => fatigue('capacity', options),
  /** min(1, size / (L + 1)): limited attention, `size` >= 1 slots (Gomez-Rodriguez et al.). */
  queue: (options) => fatigue('queue', options),
  /** 1 / (0.1 L^2 + 1): the decreasing cascade of Kempe, Kleinberg & Tardos. */
  decreasing: (options = {}) => fatigue('decreasing', options),
});
