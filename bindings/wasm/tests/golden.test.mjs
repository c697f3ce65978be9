// Golden values shared by Rust, Python and WebAssembly: tests/golden/golden.json at the
// repository root pins, for fixed seeds, what the Rust core produces (see
// crates/reseau/tests/golden.rs). The WebAssembly build must give the very same numbers, bit
// for bit: the same IEEE operations in the same order on every platform.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { reseau, root } from './helpers.mjs';

const { datasets, generators, simulate, trace, IndependentCascade, WeightedCascade, LinearThreshold } = reseau;

const golden = JSON.parse(readFileSync(path.join(root, 'tests/golden/golden.json'), 'utf8'));

const camel = (key) => key.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

/** Every tie as `[source, target, layer index]`, in the network's order (as golden.rs). */
function ties(net) {
  const index = new Map(net.layers.map((l, i) => [l.name, i]));
  return net.ties().map((t) => [t.source, t.target, index.get(t.layer)]);
}

/**
 * Asserts `actual` and `expected` (numbers, or arrays of numbers) are identical (===), and
 * otherwise says which values differ and by how much, absolutely and in units in the last
 * place: a difference is a cross-platform determinism bug in the core.
 */
function identical(actual, expected, what) {
  const a = typeof actual === 'number' ? [actual] : Array.from(actual);
  const e = typeof expected === 'number' ? [expected] : expected;
  const differences = [];
  if (a.length !== e.length) differences.push(`length ${a.length}, golden ${e.length}`);
  for (let i = 0; i < Math.min(a.length, e.length); i++) {
    if (!Object.is(a[i], e[i])) {
      const ulp = Math.abs(e[i]) * Number.EPSILON || Number.MIN_VALUE;
      differences.push(
        `[${i}] wasm ${a[i]} golden ${e[i]} (diff ${a[i] - e[i]}, ${((a[i] - e[i]) / ulp).toFixed(1)} ulp)`,
      );
    }
  }
  assert.deepEqual(differences, [], `${what} differs from the golden file:\n  ${differences.join('\n  ')}`);
}

test('golden: every generator gives the same ties, in order, for its arguments', () => {
  const names = Object.keys(golden.generators);
  assert.deepEqual(names.sort(), [
    'barabasi_albert', 'erdos_renyi', 'kleinberg', 'professional', 'stochastic_block', 'watts_strogatz',
  ]);
  for (const name of names) {
    const { args, ties: expected } = golden.generators[name];
    const camelArgs = Object.fromEntries(Object.entries(args).map(([k, v]) => [camel(k), v]));
    const net = generators[camel(name)](camelArgs);
    assert.deepEqual(ties(net), expected, `generators.${camel(name)}`);
  }
});

test('golden: the Aarhus CS network', () => {
  const g = golden.aarhus;
  const net = datasets.aarhusCs();
  assert.equal(net.numPeople, g.num_people);
  assert.equal(net.numTies, g.num_ties);
  const perLayer = Object.fromEntries(net.layers.map((l) => [l.name, net.numTiesIn(l.name)]));
  assert.deepEqual(perLayer, g.ties_per_layer);
  assert.deepEqual(net.labels.slice(0, g.labels_head.length), g.labels_head);
  assert.deepEqual(Array.from(net.degrees()), g.degrees);
});

test('golden: cascade summaries are bit-identical to the Rust core', () => {
  const models = {
    independent_cascade: IndependentCascade({ probability: 0.1 }),
    weighted_cascade: WeightedCascade(),
    linear_threshold: LinearThreshold(),
  };
  assert.deepEqual(
    Object.keys(golden.cascade).filter((k) => k !== 'trace').sort(),
    Object.keys(models).sort(),
  );
  const net = datasets.aarhusCs();
  for (const [name, model] of Object.entries(models)) {
    const g = golden.cascade[name];
    const s = simulate(net, g.seeds, { model, runs: g.runs, seed: g.seed });
    assert.equal(s.runs, g.runs);
    identical(s.mean, g.mean, `${name}.mean`);
    identical(s.std, g.std, `${name}.std`);
    identical(s.layerNames.map((l) => s.byLayer[l]), g.by_layer, `${name}.by_layer`);
    identical(s.byStep, g.by_step, `${name}.by_step`);
    // The same run with the seed as a BigInt.
    identical(simulate(net, g.seeds, { model, runs: g.runs, seed: BigInt(g.seed) }).std, g.std, `${name}.std (BigInt seed)`);
  }
});

test('golden: the trace is identical to the Rust core', () => {
  const g = golden.cascade.trace;
  const t = trace(datasets.aarhusCs(), g.seeds, { model: IndependentCascade({ probability: g.probability }), seed: g.seed });
  assert.deepEqual(Array.from(t.step), g.step);
  assert.deepEqual(Array.from(t.parent), g.parent);
  assert.deepEqual(Array.from(t.layer), g.layer);
});

test('golden: referral chains are identical to the Rust core', () => {
  const { routeReferrals, traceReferrals, referralLoadCurve, Fatigue } = reseau;
  const net = datasets.aarhusCs();
  const hill = (f) => Fatigue.hill({ half: f.hill[0], exponent: f.hill[1], halfLife: f.half_life });

  const r = golden.referral.route;
  const s = routeReferrals(net, {
    nRequests: r.args.n_requests, rate: r.args.rate, forward: r.args.forward,
    layerForward: r.args.layer_forward, fatigue: hill(r.args.fatigue), seed: r.args.seed,
  });
  for (const [key, value] of Object.entries(r.summary)) {
    const got = s[camel(key)];
    if (key === 'layer_shares') {
      identical(s.layerNames.map((l) => got[l]), value, key);
    } else if (key === 'overloaded') {
      // Every field the golden file has (the label too, once the core writes it there).
      assert.deepEqual(got.map((o) => Object.fromEntries(Object.keys(value[0]).map((k) => [k, o[camel(k)]]))), value, key);
    } else if (key === 'times') {
      assert.deepEqual(got.map(([t, c]) => [Number(t), Number(c)]), value, key);
    } else if (key === 'layer_names') {
      assert.deepEqual(got, value, key);
    } else if (Array.isArray(value)) {
      identical(Array.from(got, Number), value, key);
    } else {
      identical(got, value, key);
    }
  }

  const t = golden.referral.trace;
  const traces = traceReferrals(net, { requests: t.args.requests, strategy: t.args.strategy, forward: t.args.forward, seed: t.args.seed });
  assert.deepEqual(traces.map((x) => Array.from(x.path)), t.paths);
  assert.deepEqual(traces.map((x) => x.outcome), t.outcomes);

  const c = golden.referral.load_curve;
  const curve = referralLoadCurve(net, c.args.rates, { steps: c.args.steps, fatigue: hill(c.args.fatigue), seed: c.args.seed });
  identical(Array.from(curve.succeeded, Number), c.curve.succeeded, 'load curve succeeded');
  identical(curve.throughput, c.curve.throughput, 'load curve throughput');
  identical(curve.peakRate, c.curve.peak_rate, 'peak rate');
  identical(curve.collapseRate, c.curve.collapse_rate, 'collapse rate');
});

test('the relays each method selects on Aarhus: the golden ones', () => {
  const net = datasets.aarhusCs();
  for (const [method, g] of Object.entries(golden.relays)) {
    const s = reseau.selectRelays(net, {
      k: g.args.k,
      method,
      model: IndependentCascade({ probability: g.args.probability }),
      evaluationRuns: g.args.evaluation_runs,
      celfRuns: g.args.celf_runs,
      seed: g.args.seed,
    });
    assert.deepEqual(Array.from(s.relays), g.relays, `${method} relays`);
    identical(s.gains, g.gains, `${method} gains`);
    if (g.estimated_spread === null) {
      assert.equal(s.estimatedSpread, null, `${method} estimated spread`);
    } else {
      identical(s.estimatedSpread, g.estimated_spread, `${method} estimated spread`);
    }
    identical(s.spread.mean, g.spread, `${method} spread`);
    assert.deepEqual(s.labels, g.relays.map((v) => net.labels[v]), `${method} labels`);
    assert.deepEqual(Array.from(s.costs), g.relays.map(() => 1), `${method} costs (everyone costs 1 in Aarhus)`);
  }
});
