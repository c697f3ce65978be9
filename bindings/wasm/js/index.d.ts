// Types of the npm package `reseau` (the generated declarations plus the two namespaces and
// the models' constructors).
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
  IndependentCascadeOptions,
  LinearThresholdOptions,
  Model,
  ModelOptions,
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

/**
 * Independent Cascade (default probability 0.1): a plain model object, checked at once
 * (an `InvalidParameterError` for a misspelt key or a probability outside [0, 1]).
 */
export declare function IndependentCascade(
  options?: IndependentCascadeOptions,
): Model & { kind: 'independent_cascade'; probability: number };
/** The weighted cascade, p(u, v) = 1 / in-degree of v. */
export declare function WeightedCascade(options?: ModelOptions): Model & { kind: 'weighted_cascade' };
/** Linear Threshold, with given or uniformly drawn thresholds. */
export declare function LinearThreshold(
  options?: LinearThresholdOptions,
): Model & { kind: 'linear_threshold' };
