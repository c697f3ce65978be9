// Types of the npm package `reseau` (the generated declarations plus the two namespaces).
export * from './reseau_wasm.js';
export { default } from './reseau_wasm.js'; // web only

import type {
  aarhusCs,
  barabasiAlbert,
  erdosRenyi,
  kleinberg,
  professional,
  stochasticBlock,
  wattsStrogatz,
} from './reseau_wasm.js';

/** Networks shipped inside the library. */
export declare const datasets: Readonly<{ aarhusCs: typeof aarhusCs }>;

/** Seeded random network generators: the same seed gives the same network everywhere. */
export declare const generators: Readonly<{
  erdosRenyi: typeof erdosRenyi;
  barabasiAlbert: typeof barabasiAlbert;
  wattsStrogatz: typeof wattsStrogatz;
  kleinberg: typeof kleinberg;
  stochasticBlock: typeof stochasticBlock;
  professional: typeof professional;
}>;
