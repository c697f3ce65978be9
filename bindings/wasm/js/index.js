// The entry of the npm package `reseau`: the module wasm-bindgen generates, re-exported, with
// the embedded datasets and the generators grouped as in Rust (`reseau::datasets`) and Python
// (`reseau.datasets`), and the diffusion models' constructors. Option objects take camelCase
// keys; the wasm side converts them.
export * from './reseau_wasm.js';
export { default } from './reseau_wasm.js'; // web only: `await init()` loads the .wasm

import {
  aarhusCs,
  barabasiAlbert,
  erdosRenyi,
  kleinberg,
  professional,
  stochasticBlock,
  validateModel,
  wattsStrogatz,
} from './reseau_wasm.js';

/** Networks shipped inside the library. */
export const datasets = Object.freeze({ aarhusCs });

/** Seeded random network generators: the same seed gives the same network everywhere. */
export const generators = Object.freeze({
  erdosRenyi,
  barabasiAlbert,
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
