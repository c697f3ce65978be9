// The entry of the npm package `reseau`: the module wasm-bindgen generates, re-exported, with
// the embedded datasets and the generators grouped as in Rust (`reseau::datasets`) and Python
// (`reseau.datasets`). Option objects take camelCase keys; the wasm side converts them.
export * from './reseau_wasm.js';
export { default } from './reseau_wasm.js'; // web only: `await init()` loads the .wasm

import {
  aarhusCs,
  barabasiAlbert,
  erdosRenyi,
  kleinberg,
  professional,
  stochasticBlock,
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
