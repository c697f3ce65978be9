// Relay selection and reputation from JavaScript: selectRelays with every method on the
// Aarhus network, the guarantee against the degree heuristic, budgets and costs,
// determinism, values printed by the Rust core (pinned in the Python tests too), reputation
// with and without a method, and every bad parameter an Error with the core's name that
// leaves the module working.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { reseau, throwsKind } from './helpers.mjs';

const { datasets, selectRelays, reputation, IndependentCascade, Fatigue } = reseau;

const METHODS = ['imm', 'opim_c', 'celf', 'degree', 'degree_discount', 'pagerank', 'random'];
const IC = IndependentCascade({ probability: 0.05 });
const FAST = { evaluationRuns: 200, celfRuns: 50 };
const sum = (xs) => Array.from(xs).reduce((a, b) => a + b, 0);

/** The module still works after an error. */
function stillWorks() {
  const s = selectRelays(datasets.aarhusCs(), { k: 1, method: 'degree', evaluationRuns: 10 });
  assert.equal(s.relays.length, 1);
}

test('selectRelays: every method, the result and its types', () => {
  const net = datasets.aarhusCs();
  for (const method of METHODS) {
    const s = selectRelays(net, { k: 3, model: IC, method, seed: 1, ...FAST });
    // `layerNames`, what `spread.byLayer` follows, once the core's selection names its layers.
    assert.deepEqual(Object.keys(s).filter((k) => k !== 'layerNames').sort(), [
      'approximation', 'cost', 'costs', 'estimatedSpread', 'gains', 'labels', 'method', 'relays', 'samples', 'spread',
      'switchReason',
    ]);
    assert.equal(s.switchReason, null);
    if ('layerNames' in s) assert.deepEqual(s.layerNames, net.layers.map((l) => l.name));
    assert.equal(s.method, method);
    assert.ok(s.relays instanceof Uint32Array && s.relays.length === 3, method);
    assert.equal(new Set(s.relays).size, 3);
    assert.deepEqual(s.labels, Array.from(s.relays, (i) => net.labels[i]));
    assert.ok(s.gains instanceof Float64Array && s.gains.length === 3);
    assert.deepEqual(Array.from(s.costs), [1, 1, 1]);
    assert.equal(s.cost, 3);
    assert.ok(s.spread.activation instanceof Float64Array);
    assert.equal(s.spread.activation.length, net.numPeople);
    assert.ok(s.spread.ci95[0] <= s.spread.mean && s.spread.mean <= s.spread.ci95[1]);
    assert.deepEqual(Object.keys(s.spread.byLayer), net.layers.map((l) => l.name));
    if (method === 'imm' || method === 'opim_c') {
      assert.ok(s.samples > 0 && s.approximation > 0 && s.estimatedSpread > 0, method);
    } else if (method !== 'celf') {
      assert.equal(s.estimatedSpread, null);
      assert.equal(s.approximation, null);
      assert.equal(s.samples, 0);
    }
  }
  assert.equal(selectRelays(net, { k: 2, evaluationRuns: 0, model: null }).spread, null);
});

test('selectRelays: HIST chooses k relays, and takes over when memory is short', () => {
  const net = datasets.aarhusCs();
  const s = selectRelays(net, { k: 3, model: IC, method: 'hist', seed: 1, ...FAST });
  assert.equal(s.method, 'hist');
  assert.equal(new Set(s.relays).size, 3);
  assert.ok(s.samples > 0 && s.approximation > 0 && s.estimatedSpread > 0);
  throwsKind(() => selectRelays(net, { budget: 2, model: IC, method: 'hist' }), 'InvalidParameterError', {
    message: /budget/,
  });
  // IC p = 0.1 reaches much of this network: OPIM-C's whole RR sets need about 27 MB flat,
  // 7 MB compressed; HIST's, cut short at its sentinels, far less.
  const big = reseau.generators.barabasiAlbert({ n: 8000, m: 6, seed: 3 });
  const far = IndependentCascade({ probability: 0.1 });
  const opts = { k: 10, model: far, method: 'opim_c', evaluationRuns: 0, seed: 5 };
  const free = selectRelays(big, opts);
  assert.equal(free.switchReason, null);
  const packed = selectRelays(big, { ...opts, maxMemory: 14 * 2 ** 20 });
  assert.equal(packed.method, 'opim_c');
  assert.match(packed.switchReason, /stored compressed/);
  assert.match(packed.switchReason, /max_memory/);
  assert.deepEqual({ ...packed, switchReason: null }, free);
  const switched = selectRelays(big, { ...opts, maxMemory: 4 * 2 ** 20 });
  assert.equal(switched.method, 'hist');
  assert.match(switched.switchReason, /HIST ran instead/);
  assert.match(switched.switchReason, /compressed/);
  assert.ok(switched.approximation >= 1 - 1 / Math.E - 0.1);
  throwsKind(() => selectRelays(big, { ...opts, maxMemory: 64 * 2 ** 10 }), 'OutOfMemoryError', {
    message: /compressed.*HIST/,
  });
  stillWorks();
});

test('selectRelays: IMM and OPIM-C reach the degree heuristic', () => {
  const net = datasets.aarhusCs();
  const degree = selectRelays(net, { k: 3, model: IC, method: 'degree', evaluationRuns: 3000, seed: 2 });
  const error = degree.spread.ci95[1] - degree.spread.mean;
  for (const method of ['imm', 'opim_c']) {
    const s = selectRelays(net, { k: 3, model: IC, method, evaluationRuns: 3000, seed: 2 });
    assert.ok(s.spread.mean >= degree.spread.mean - error - (s.spread.mean - s.spread.ci95[0]), method);
  }
});

test('selectRelays: a budget is kept and the too expensive are never chosen', () => {
  const net = datasets.aarhusCs();
  const top = selectRelays(net, { k: 1, model: IC, evaluationRuns: 0 }).relays[0];
  const costs = new Float64Array(net.numPeople).fill(1);
  costs.fill(1.5, 0, 10);
  costs[top] = 100;
  for (const method of METHODS) {
    for (const budget of [1, 2.5, 4]) {
      const s = selectRelays(net, { budget, costs, model: IC, method, seed: 3, ...FAST });
      assert.ok(s.relays.length >= 1 && s.cost <= budget, `${method} ${budget}`);
      assert.ok(!s.relays.includes(top), method);
      assert.deepEqual(Array.from(s.costs), Array.from(s.relays, (i) => costs[i]));
    }
    const listed = selectRelays(net, { budget: 2, costs: Array.from(costs), model: IC, method, seed: 3, ...FAST });
    assert.ok(listed.cost <= 2 && !listed.relays.includes(top));
  }
});

test('selectRelays: the same seed gives the same selection', () => {
  const net = datasets.aarhusCs();
  for (const method of METHODS) {
    const a = selectRelays(net, { k: 4, model: IC, method, seed: 11, ...FAST });
    const b = selectRelays(net, { k: 4, model: IC, method, seed: 11n, ...FAST });
    assert.deepEqual(a, b, method);
  }
});

test('selectRelays: the values the Rust core prints (pinned in Python too)', () => {
  const net = datasets.aarhusCs();
  const common = { k: 3, model: IC, epsilon: 0.5, evaluationRuns: 200, seed: 7 };
  const imm = selectRelays(net, { method: 'imm', ...common });
  assert.deepEqual(Array.from(imm.relays), [50, 33, 36]);
  assert.equal(imm.estimatedSpread, 21.921875);
  assert.equal(imm.spread.mean, 19.955);
  assert.equal(imm.samples, 1792);
  assert.deepEqual(Array.from(imm.gains), [13.10546875, 6.0166015625, 2.7998046875]);
  const opim = selectRelays(net, { method: 'opim_c', ...common });
  assert.deepEqual(Array.from(opim.relays), [43, 4, 16]);
  assert.equal(opim.estimatedSpread, 18.5859375);
  assert.equal(opim.spread.mean, 18.555);
  assert.equal(opim.approximation, 0.2861364144120468);
  assert.equal(opim.samples, 512);
});

test('selectRelays: the evaluation model can differ', () => {
  const net = datasets.aarhusCs();
  const tired = IndependentCascade({ probability: 0.05, fatigue: Fatigue.hill({ half: 1, exponent: 2 }) });
  const plain = selectRelays(net, { k: 3, model: IC, evaluationRuns: 2000, seed: 5 });
  const worn = selectRelays(net, { k: 3, model: IC, evaluationModel: tired, evaluationRuns: 2000, seed: 5 });
  assert.deepEqual(worn.relays, plain.relays);
  assert.ok(worn.spread.mean < plain.spread.mean);
});

test('selectRelays: every bad parameter is an Error with the core name', () => {
  const net = datasets.aarhusCs();
  const ones = (n) => new Array(n).fill(1);
  const cases = [
    [{ k: 0 }, 'InvalidParameterError', 'k'],
    [{ k: 62 }, 'InvalidParameterError', 'k'],
    [{ k: -1 }, 'InvalidParameterError', /k/],
    [{ k: 1.5 }, 'InvalidParameterError', /k/],
    [{ k: 2, budget: 3 }, 'InvalidParameterError', 'k and budget'],
    [{}, 'InvalidParameterError', 'k and budget'],
    [{ budget: 0 }, 'InvalidParameterError', 'budget'],
    [{ budget: 2, costs: [...ones(60), -1] }, 'InvalidParameterError', 'cost of person 60'],
    [{ budget: 2, costs: [...ones(60), NaN] }, 'InvalidParameterError', 'cost of person 60'],
    [{ budget: 2, costs: ones(60) }, 'InvalidParameterError', 'costs'],
    [{ budget: 0.5, costs: ones(61) }, 'InvalidParameterError', 'budget'],
    [{ k: 2, epsilon: 0 }, 'InvalidParameterError', 'epsilon'],
    [{ k: 2, epsilon: 1.5 }, 'InvalidParameterError', 'epsilon'],
    [{ k: 2, epsilon: NaN }, 'InvalidParameterError', 'epsilon'],
    [{ k: 2, celfRuns: 0 }, 'InvalidParameterError', 'celf_runs'],
    [{ k: 2, method: 'greedy' }, 'InvalidParameterError', /method/],
    [{ k: 2, evaluationRun: 10 }, 'InvalidParameterError', /options of selectRelays/],
    [{ k: 2, seed: -1 }, 'InvalidParameterError', /seed/],
    [{ k: 2, model: IndependentCascade({ layers: { golf: {} } }) }, 'UnknownLayerError', undefined],
  ];
  for (const [options, name, parameter] of cases) {
    const props = parameter === undefined ? {} : { parameter };
    throwsKind(() => selectRelays(net, options), name, props);
    stillWorks();
  }
  throwsKind(() => selectRelays(net, 3), 'InvalidParameterError');
});

test('reputation: every score at once', () => {
  const net = datasets.aarhusCs();
  const rep = reputation(net, { samples: 5000 });
  const names = net.layers.map((l) => l.name);
  assert.deepEqual(rep.layerNames, names);
  for (const key of ['degree', 'pagerank', 'multiplexPagerank', 'core', 'influence']) {
    assert.ok(rep[key] instanceof Float64Array, key);
    assert.equal(rep[key].length, net.numPeople, key);
  }
  assert.ok(Math.abs(sum(rep.pagerank) - 1) < 1e-9);
  assert.deepEqual(Object.keys(rep.layerDegree), names);
  assert.deepEqual(Object.keys(rep.layerPagerank), names);
  for (const name of names) {
    assert.ok(rep.layerPagerank[name] instanceof Float64Array);
    assert.ok(Math.abs(sum(rep.layerPagerank[name]) - 1) < 1e-9, name);
  }
  const degree = new Float64Array(net.numPeople);
  for (const name of names) rep.layerDegree[name].forEach((d, i) => { degree[i] += d; });
  assert.deepEqual(degree, rep.degree);
  assert.ok(rep.iterations > 0);
});

test('reputation: one score, on all layers or one, the same as in the whole', () => {
  const net = datasets.aarhusCs();
  const rep = reputation(net, { samples: 5000, seed: 3 });
  const keys = { degree: 'degree', pagerank: 'pagerank', multiplex_pagerank: 'multiplexPagerank', core: 'core', influence: 'influence' };
  for (const [method, key] of Object.entries(keys)) {
    const one = reputation(net, { method, samples: 5000, seed: 3 });
    assert.ok(one instanceof Float64Array);
    assert.deepEqual(one, rep[key], method);
  }
  for (const layer of rep.layerNames) {
    assert.deepEqual(reputation(net, { method: 'degree', layer }), rep.layerDegree[layer]);
    assert.deepEqual(reputation(net, { method: 'pagerank', layer }), rep.layerPagerank[layer]);
  }
  const a = reputation(net, { method: 'influence', model: IndependentCascade({ probability: 0.2 }), samples: 2000, seed: 9 });
  const b = reputation(net, { method: 'influence', model: IndependentCascade({ probability: 0.2 }), samples: 2000, seed: 9n });
  assert.deepEqual(a, b);
  for (const multiplex of ['multiplicative', 'additive', 'combined', 'neutral']) {
    assert.ok(Math.abs(sum(reputation(net, { method: 'multiplex_pagerank', multiplex })) - 1) < 1e-9);
  }
});

test('reputation: every bad parameter is an Error with the core name', () => {
  const net = datasets.aarhusCs();
  const cases = [
    [{ method: 'klout' }, 'InvalidParameterError', /method/],
    [{ method: 'degree', layer: 'golf' }, 'UnknownLayerError', undefined],
    [{ method: 'multiplex_pagerank', layer: 'lunch' }, 'InvalidParameterError', 'layer'],
    [{ layer: 'lunch' }, 'InvalidParameterError', 'layer'],
    [{ damping: 1 }, 'InvalidParameterError', 'damping'],
    [{ method: 'pagerank', damping: NaN }, 'InvalidParameterError', 'damping'],
    [{ tolerance: 0 }, 'InvalidParameterError', 'tolerance'],
    [{ maxIterations: 0 }, 'InvalidParameterError', 'max_iterations'],
    [{ multiplex: 'sideways' }, 'InvalidParameterError', /multiplex/],
    [{ samplez: 10 }, 'InvalidParameterError', /options of reputation/],
  ];
  for (const [options, name, parameter] of cases) {
    const props = parameter === undefined ? {} : { parameter };
    const error = throwsKind(() => reputation(net, options), name, props);
    if (name === 'UnknownLayerError') assert.equal(error.layer, 'golf');
    stillWorks();
  }
});
