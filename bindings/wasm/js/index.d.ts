// Types of the npm package `reseau` (the generated declarations plus the two namespaces and
// the models' and fatigue curves' constructors).
export * from './reseau_wasm.js';
export { default } from './reseau_wasm.js'; // web only

import type {
  aarhusCs,
  barabasiAlbert,
  barabasiAlbertCompiled,
  erdosRenyi,
  kleinberg,
  professional,
  stochasticBlock,
  wattsStrogatz,
  IndependentCascadeOptions,
  LinearThresholdOptions,
  Model,
  ModelOptions,
  Fatigue as FatigueSpec,
  Network,
  Reputation,
  ReputationRequest,
  Score,
} from './reseau_wasm.js';

/** Networks shipped inside the library. */
export declare const datasets: Readonly<{ aarhusCs: typeof aarhusCs }>;

/** Seeded random network generators: the same seed gives the same network everywhere. */
export declare const generators: Readonly<{
  erdosRenyi: typeof erdosRenyi;
  barabasiAlbert: typeof barabasiAlbert;
  barabasiAlbertCompiled: typeof barabasiAlbertCompiled;
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

/** Recommendation fatigue: a curve and the half-life of the load (what `Fatigue.*` return). */
export type Fatigue = FatigueSpec;
/** The load's half-life in steps (default, null or Infinity: no decay, a plain count). */
export interface FatigueOptions { halfLife?: number | null }
/**
 * Fatigue curves, as plain objects checked at once (an `InvalidParameterError` for a misspelt
 * key, a rate below 0, a half-life of 0, …). Willingness at load L:
 */
export declare const Fatigue: Readonly<{
  /** 1. */
  none(options?: FatigueOptions): Fatigue & { curve: { kind: 'none' } };
  /** e^(-rate L). */
  exponential(options: { rate: number } & FatigueOptions): Fatigue & { curve: { kind: 'exponential'; rate: number } };
  /** 1 / (1 + (L / half)^exponent). */
  hill(
    options: { half: number; exponent: number } & FatigueOptions,
  ): Fatigue & { curve: { kind: 'hill'; half: number; exponent: number } };
  /** 1 while L < capacity, then 0. */
  capacity(options: { capacity: number } & FatigueOptions): Fatigue & { curve: { kind: 'capacity'; capacity: number } };
  /** min(1, size / (L + 1)). */
  queue(options: { size: number } & FatigueOptions): Fatigue & { curve: { kind: 'queue'; size: number } };
  /** 1 / (0.1 L^2 + 1). */
  decreasing(options?: FatigueOptions): Fatigue & { curve: { kind: 'decreasing' } };
}>;

/** The willingness to act at load `load`, in [0, 1] (a load below 0 or NaN throws InvalidParameterError). */
export declare function willingness(fatigue: Fatigue, load: number): number;
/** The willingness at each load. */
export declare function willingness(fatigue: Fatigue, load: Float64Array | readonly number[]): Float64Array;

/**
 * Reputation scores, each a Float64Array indexed by person: with `method`, that score alone
 * (on `layer` alone if given); without, every score at once, with each layer's degree and
 * PageRank.
 */
export declare function reputation(
  net: Network,
  options: ReputationRequest & { method: Score },
): Float64Array;
export declare function reputation(
  net: Network,
  options?: ReputationRequest & { method?: null; layer?: null },
): Reputation;
