// Influence relays from JavaScript: simulate, trace, exactSpread and the models, checked
// against exact results, and every bad argument an Error with the core's name.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { reseau, throwsKind } from './helpers.mjs';

const {
  Network,
  datasets,
  simulate,
  trace,
  exactSpread,
  validateModel,
  IndependentCascade,
  WeightedCascade,
  LinearThreshold,
} = reseau;

/** A complete k-ary tree of the given depth, ties pointing away from the root (person 0). */
function karyTree(k, depth) {
  const net = new Network();
  net.addLayer('tree', { directed: true });
  const n = (k ** (depth + 1) - 1) / (k - 1);
  net.addPeople(n);
  for (let child = 1; child < n; child++) net.addTie(Math.floor((child - 1) / k), child, 'tree');
  return net;
}

/** A small two-layer network for exact enumeration: 7 people, 10 ties. */
function small() {
  const net = new Network();
  net.addLayer('lunch', { kind: 'physical' });
  net.addLayer('chat', { kind: 'digital', directed: true, probability: 0.4 });
  net.addPeople(7);
  for (const [a, b] of [[0, 1], [1, 2], [2, 3], [0, 4], [4, 5]]) net.addTie(a, b, 'lunch');
  for (const [a, b] of [[0, 2], [3, 6], [5, 6], [1, 5], [6, 0]]) net.addTie(a, b, 'chat');
  return net;
}

/** The module still works: a small simulation gives the expected numbers. */
function stillWorks() {
  const s = simulate(karyTree(2, 2), [0], { model: IndependentCascade({ probability: 1 }), runs: 3 });
  assert.equal(s.mean, 7);
}

test('the model constructors return plain, checked objects', () => {
  assert.deepEqual(IndependentCascade(), { kind: 'independent_cascade', probability: 0.1 });
  assert.deepEqual(IndependentCascade({ probability: 0.3 }), { kind: 'independent_cascade', probability: 0.3 });
  assert.deepEqual(WeightedCascade(), { kind: 'weighted_cascade' });
  assert.deepEqual(LinearThreshold(), { kind: 'linear_threshold' });
  const thresholds = new Float64Array([0.5, 0.25]);
  const lt = LinearThreshold({ thresholds, distrust: 'invert' });
  assert.equal(lt.thresholds, thresholds, 'kept as given');
  const full = IndependentCascade({
    probability: 0.2,
    layers: { lunch: { multiplier: 2, latency: 2 }, facebook: { probability: 0.05, enabled: false } },
    amplifiers: { influencerMultiplier: 3, mediaThreshold: 1, mediaProbability: 0.5 },
    goodMultiplier: 1,
    badMultiplier: 1.5,
    distrust: 'block',
  });
  assert.equal(full.layers.lunch.multiplier, 2);
  assert.equal(IndependentCascade(null).probability, 0.1);
  validateModel(full);
  validateModel(full, 'independent_cascade');
  throwsKind(() => validateModel(full, 'linear_threshold'), 'InvalidParameterError', { parameter: 'kind of model' });
  throwsKind(() => IndependentCascade({ kind: 'linear_threshold' }), 'InvalidParameterError', {
    parameter: 'kind of model',
  });
  throwsKind(() => IndependentCascade(0.2), 'InvalidParameterError', { parameter: 'model' });
  throwsKind(() => IndependentCascade({ probability: 1.5 }), 'InvalidParameterError', {
    parameter: 'model probability',
    value: '1.5',
  });
  throwsKind(() => IndependentCascade({ thresholds: [0.5] }), 'InvalidParameterError', { parameter: 'thresholds' });
  throwsKind(() => IndependentCascade({ amplifiers: { mediaThreshold: 0 } }), 'InvalidParameterError', {
    parameter: 'media threshold',
  });
  throwsKind(() => IndependentCascade({ layers: { lunch: { latency: 0 } } }), 'InvalidParameterError', {
    parameter: 'latency of layer "lunch"',
  });
  throwsKind(() => IndependentCascade({ distrust: 'ignore' }), 'InvalidParameterError', { parameter: /distrust/ });
  throwsKind(() => WeightedCascade({ badMultiplier: -1 }), 'InvalidParameterError', { parameter: 'bad multiplier' });
});

test('simulate: the summary, its keys and types', () => {
  const net = datasets.aarhusCs();
  const s = simulate(net, [0, 1], { model: IndependentCascade({ probability: 0.1 }), runs: 500, seed: 7 });
  assert.deepEqual(Object.keys(s).sort(), [
    'activation', 'bad', 'byLayer', 'byStep', 'ci95', 'good', 'layerNames', 'layerShares', 'mean', 'opinion',
    'runs', 'seeds', 'std',
  ]);
  assert.equal(s.runs, 500);
  assert.ok(s.activation instanceof Float64Array);
  assert.equal(s.activation.length, net.numPeople);
  assert.equal(s.activation[0], 1);
  assert.ok(s.byStep instanceof Float64Array);
  assert.equal(s.byStep[0], 2);
  assert.equal(s.byStep.at(-1), s.mean);
  assert.deepEqual(s.layerNames, net.layers.map((l) => l.name));
  assert.deepEqual(Object.keys(s.byLayer), s.layerNames, 'keys in the network order');
  assert.deepEqual(Object.keys(s.layerShares), s.layerNames);
  const carried = s.layerNames.reduce((sum, name) => sum + s.byLayer[name], 0);
  assert.ok(Math.abs(carried + s.seeds - s.mean) < 1e-9);
  const shares = Object.values(s.layerShares).reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(shares - 1) < 1e-12);
  assert.equal(s.ci95.length, 2);
  assert.ok(s.ci95[0] < s.mean && s.mean < s.ci95[1]);
  assert.ok(Math.abs(s.ci95[1] - s.mean - (1.96 * s.std) / Math.sqrt(500)) < 1e-9);
  for (const v of [s.good, s.bad]) {
    assert.deepEqual(Object.keys(v).sort(), ['activation', 'byLayer', 'ci95', 'mean', 'seeds', 'std']);
    assert.ok(v.activation instanceof Float64Array);
  }
  assert.equal(s.good.mean, s.mean, 'one campaign: all good buzz');
  assert.equal(s.bad.mean, 0);

  // Defaults: IndependentCascade(), 1000 runs, seed 0; seeds as numbers or BigInts.
  const defaults = simulate(net, [0, 1]);
  assert.equal(defaults.runs, 1000);
  const explicit = simulate(net, new Uint32Array([0, 1]), { model: IndependentCascade(), runs: 1000n, seed: 0n });
  assert.deepEqual(explicit, defaults);
  const big = simulate(net, [0], { runs: 50, seed: 2n ** 64n - 1n });
  assert.ok(big.mean >= 1);
  assert.deepEqual(simulate(net, [0], { runs: 50, seed: 2n ** 53n }), simulate(net, [0], { runs: 50, seed: 2 ** 53 }));
  assert.notEqual(simulate(net, [0], { runs: 50, seed: 1 }).mean, simulate(net, [0], { runs: 50, seed: 2 }).mean);

  // Every model runs.
  assert.ok(simulate(net, [0, 1], { model: WeightedCascade(), runs: 200 }).mean > 2);
  assert.ok(simulate(net, [0, 1], { model: LinearThreshold(), runs: 200 }).mean >= 2);
  const fixed = LinearThreshold({ thresholds: new Float64Array(net.numPeople).fill(1e-9) });
  assert.equal(simulate(net, [0], { model: fixed, runs: 5 }).mean, net.numPeople, 'thresholds ~0: everyone');
});

test('the complete k-ary tree: mean spread = sum of (k p)^d, within 4 standard errors', () => {
  for (const [k, depth, p] of [[3, 5, 0.3], [2, 6, 0.45]]) {
    const runs = 20000;
    const s = simulate(karyTree(k, depth), [0], { model: IndependentCascade({ probability: p }), runs, seed: 3 });
    let exact = 0;
    for (let d = 0; d <= depth; d++) exact += (k * p) ** d;
    const se = s.std / Math.sqrt(runs);
    assert.ok(Math.abs(s.mean - exact) < 4 * se, `k=${k} p=${p}: ${s.mean} vs ${exact} (se ${se})`);
    assert.ok(Math.abs(exactSpread(karyTree(k, 2), [0], { model: IndependentCascade({ probability: p }) })
      - (1 + k * p + (k * p) ** 2)) < 1e-12);
  }
});

test('simulate agrees with exactSpread within its confidence interval', () => {
  const net = small();
  for (const model of [
    IndependentCascade({ probability: 0.3 }),
    IndependentCascade({ probability: 0.3, layers: { lunch: { multiplier: 2 }, chat: { probability: 0.2 } } }),
    WeightedCascade(),
    LinearThreshold(),
  ]) {
    const exact = exactSpread(net, [0], { model });
    const s = simulate(net, [0], { model, runs: 40000, seed: 5 });
    assert.ok(s.ci95[0] <= exact && exact <= s.ci95[1], `${model.kind}: ${exact} outside [${s.ci95}]`);
  }
  assert.ok(Math.abs(exactSpread(net, [0, 1, 2, 3, 4, 5, 6]) - 7) < 1e-9, 'everyone a seed');
  assert.equal(exactSpread(net, [0], { model: IndependentCascade({ probability: 0, layers: { chat: { probability: 0 } } }) }), 1);
});

test('trace is run 0 of simulate', () => {
  const net = datasets.aarhusCs();
  const model = IndependentCascade({ probability: 0.2 });
  for (const seed of [0, 1, 11, 2n ** 63n]) {
    const t = trace(net, [3, 'U102'], { model, seed });
    // `layerNames`, what `layer` indexes, once the core's trace names its layers.
    assert.deepEqual(Object.keys(t).filter((k) => k !== 'layerNames').sort(), ['layer', 'order', 'parent', 'spread', 'step', 'valence']);
    if ('layerNames' in t) assert.deepEqual(t.layerNames, net.layers.map((l) => l.name));
    for (const key of ['step', 'parent', 'layer', 'valence']) {
      assert.ok(t[key] instanceof Int32Array, key);
      assert.equal(t[key].length, net.numPeople);
    }
    assert.ok(t.order instanceof Uint32Array);
    assert.equal(t.spread, t.order.length);
    const s = simulate(net, [3, 0], { model, runs: 1, seed });
    assert.equal(s.mean, t.spread);
    assert.deepEqual(Array.from(s.activation), Array.from(t.step, (x) => (x >= 0 ? 1 : 0)));
    const last = Math.max(...t.step);
    assert.equal(s.byStep.length, last + 1);
    for (let step = 0; step <= last; step++) {
      assert.equal(s.byStep[step], t.step.filter((x) => x >= 0 && x <= step).length);
    }
    for (const [i, name] of s.layerNames.entries()) {
      assert.equal(s.byLayer[name], t.layer.filter((l) => l === i).length);
    }
    // Seeds: step 0, no parent, no layer; everyone else reached from someone earlier.
    assert.deepEqual([t.step[3], t.parent[3], t.layer[3], t.valence[3]], [0, -1, -1, 0]);
    for (const v of t.order) {
      if (t.parent[v] >= 0) assert.ok(t.step[t.parent[v]] < t.step[v]);
    }
  }
  const unreached = trace(net, [0], { model: IndependentCascade({ probability: 0 }) });
  assert.equal(unreached.spread, 1);
  assert.deepEqual([unreached.step[5], unreached.parent[5], unreached.layer[5], unreached.valence[5]], [-1, -1, -1, -1]);
});

test('labels as seeds give the same as their ids', () => {
  const net = datasets.aarhusCs();
  const [a, b] = net.labels;
  const options = { model: IndependentCascade({ probability: 0.15 }), runs: 300, seed: 9 };
  assert.deepEqual(simulate(net, [a, b], options), simulate(net, [0, 1], options));
  assert.deepEqual(simulate(net, [a, 1], options), simulate(net, [net.indexOf(a), 1], options));
  assert.deepEqual(trace(net, [b], { seed: 9 }), trace(net, [1], { seed: 9 }));
  const pair = new Network();
  pair.addLayer('t');
  pair.addPerson({ label: 'ana' });
  pair.addPerson({ label: 'bo' });
  pair.addTie(0, 1, 't');
  assert.equal(exactSpread(pair, ['bo'], { model: IndependentCascade({ probability: 0.25 }) }), 1.25);
  // A label is text: "1" names a person labelled "1", not person #1.
  throwsKind(() => exactSpread(pair, ['1']), 'UnknownPersonError', { person: '"1"' });
  throwsKind(() => simulate(net, ['U0000']), 'UnknownPersonError', { person: '"U0000"' });
});

test('two campaigns: good and bad buzz, per valence', () => {
  const net = datasets.aarhusCs();
  const model = IndependentCascade({ probability: 0.2, badMultiplier: 1.5 });
  const s = simulate(net, [0, 1], { model, badSeeds: ['U33', 3], runs: 1000, seed: 4 });
  assert.equal(s.byStep[0], 4);
  assert.equal(s.good.seeds, 2);
  assert.equal(s.bad.seeds, 2);
  assert.ok(s.good.mean > 2 && s.bad.mean > 2);
  assert.ok(Math.abs(s.good.mean + s.bad.mean - s.mean) < 1e-9);
  for (let i = 0; i < net.numPeople; i++) {
    assert.ok(Math.abs(s.good.activation[i] + s.bad.activation[i] - s.activation[i]) < 1e-12);
  }
  assert.equal(s.bad.activation[2], 1);
  assert.equal(s.good.activation[2], 0);
  for (const name of s.layerNames) {
    assert.ok(Math.abs(s.good.byLayer[name] + s.bad.byLayer[name] - s.byLayer[name]) < 1e-9);
  }
  // A negativity bias: bad buzz spreads further from as many seeds.
  assert.ok(s.bad.mean > s.good.mean);
  const t = trace(net, [0, 1], { model, badSeeds: [2, 3], seed: 4 });
  assert.deepEqual([t.valence[0], t.valence[1], t.valence[2], t.valence[3]], [0, 0, 1, 1]);
  for (const v of t.order) {
    if (t.parent[v] >= 0) assert.equal(t.valence[v], t.valence[t.parent[v]], 'no distrust: valence inherited');
  }
});

test('distrust: a negative tie blocks the message, or inverts it', () => {
  // ana -> bo trusted, bo -> cy distrusted, all certain.
  const net = new Network();
  net.addLayer('chat', { kind: 'digital', directed: true });
  net.addPeople(3);
  net.addTie(0, 1, 'chat', { probability: 1 });
  net.addTie(1, 2, 'chat', { probability: 1, sign: -1 });
  const block = trace(net, [0], { model: IndependentCascade({ distrust: 'block' }) });
  assert.deepEqual(Array.from(block.step), [0, 1, -1]);
  const invert = trace(net, [0], { model: IndependentCascade({ distrust: 'invert' }) });
  assert.deepEqual(Array.from(invert.step), [0, 1, 2]);
  assert.deepEqual(Array.from(invert.valence), [0, 0, 1], 'good buzz from a distrusted source is taken as bad');
  const s = simulate(net, [0], { model: IndependentCascade({ distrust: 'invert' }), runs: 10 });
  assert.deepEqual([s.good.mean, s.bad.mean, s.mean], [2, 1, 3]);
  const fromBad = trace(net, [], { model: IndependentCascade({ distrust: 'invert' }), badSeeds: [0] });
  assert.deepEqual(Array.from(fromBad.valence), [1, 1, 0]);
  assert.equal(simulate(net, [0], { model: IndependentCascade(), runs: 10 }).mean, 2);
  throwsKind(() => exactSpread(net, [0], { model: IndependentCascade({ distrust: 'invert' }) }), 'InvalidParameterError', {
    parameter: 'distrust',
  });
});

test('the latency race: a fast digital path beats a slow physical tie', () => {
  // ana - cy met in person (latency 3); ana -> bo -> cy online (latency 1 each).
  const net = new Network();
  net.addLayer('office', { kind: 'physical', latency: 3 });
  net.addLayer('chat', { kind: 'digital', directed: true, latency: 1 });
  net.addPeople(3);
  net.addTie(0, 2, 'office');
  net.addTie(0, 1, 'chat');
  net.addTie(1, 2, 'chat');
  const certain = IndependentCascade({ probability: 1 });
  const t = trace(net, [0], { model: certain });
  assert.deepEqual(Array.from(t.step), [0, 1, 2]);
  assert.deepEqual([t.parent[2], t.layer[2]], [1, 1], 'cy reached online, through bo');
  assert.deepEqual(Array.from(t.order), [0, 1, 2]);
  const s = simulate(net, [0], { model: certain, runs: 20 });
  assert.deepEqual(Array.from(s.byStep), [1, 2, 3]);
  assert.deepEqual(s.byLayer, { office: 0, chat: 2 });
  assert.deepEqual(s.layerShares, { office: 0, chat: 1 });
  // Slow the chat down in the model (latency 2 per hop, 4 in all): the office tie wins.
  const slowChat = IndependentCascade({ probability: 1, layers: { chat: { latency: 2 } } });
  const slow = trace(net, [0], { model: slowChat });
  assert.deepEqual(Array.from(slow.step), [0, 2, 3]);
  assert.deepEqual([slow.parent[2], slow.layer[2]], [0, 0], 'cy reached in person');
  // A layer switched off carries nothing.
  const down = simulate(net, [0], { model: IndependentCascade({ probability: 1, layers: { chat: { enabled: false } } }), runs: 5 });
  assert.deepEqual(down.byLayer, { office: 1, chat: 0 });
  assert.deepEqual(Array.from(down.byStep), [1, 1, 1, 2]);
});

test('every bad argument is an Error with the core name, and the module keeps working', () => {
  const net = datasets.aarhusCs();
  const ic = (options) => ({ kind: 'independent_cascade', ...options }); // unchecked until used
  const cases = [
    [() => simulate(net, [0], { model: ic({ probability: 1.5 }) }), 'InvalidParameterError', { parameter: 'model probability', value: '1.5' }],
    [() => simulate(net, [0], { model: ic({ probability: NaN }) }), 'InvalidParameterError', { parameter: 'model probability', value: 'NaN' }],
    [() => IndependentCascade({ probability: NaN }), 'InvalidParameterError', { value: 'NaN' }],
    [() => trace(net, [0], { model: ic({ layers: { lunch: { probability: -0.1 } } }) }), 'InvalidParameterError', { parameter: 'probability of layer "lunch"' }],
    [() => simulate(net, [99]), 'UnknownPersonError', { person: '#99' }],
    [() => simulate(net, [-1]), 'UnknownPersonError', { person: '#-1' }],
    [() => simulate(net, [1.5]), 'UnknownPersonError', { person: '#1.5' }],
    [() => simulate(net, [2 ** 40]), 'UnknownPersonError'],
    [() => trace(net, ['nobody']), 'UnknownPersonError', { person: '"nobody"' }],
    [() => exactSpread(small(), [7]), 'UnknownPersonError', { person: '#7' }],
    [() => simulate(net, [0], { badSeeds: ['nobody'] }), 'UnknownPersonError'],
    [() => simulate(net, [0], { model: IndependentCascade({ layers: { myspace: { multiplier: 2 } } }) }), 'UnknownLayerError', { layer: 'myspace' }],
    [() => exactSpread(small(), [0], { model: IndependentCascade({ layers: { lunch: {}, myspace: {} } }) }), 'UnknownLayerError', { layer: 'myspace' }],
    [() => simulate(net, []), 'InvalidParameterError', { parameter: 'seeds', expected: 'at least one seed' }],
    [() => trace(net, [], { badSeeds: [] }), 'InvalidParameterError', { parameter: 'seeds' }],
    [() => exactSpread(small(), new Uint32Array(0)), 'InvalidParameterError', { parameter: 'seeds' }],
    [() => simulate(net, [0, 1], { badSeeds: [1] }), 'InvalidParameterError', { parameter: 'seeds', value: '#1 in both campaigns' }],
    [() => simulate(net, ['U102'], { badSeeds: [0] }), 'InvalidParameterError', { value: '#0 in both campaigns' }],
    [() => simulate(net, [0], { runs: 0 }), 'InvalidParameterError', { parameter: 'runs', value: '0' }],
    [() => simulate(net, [0], { runs: 2 ** 33 }), 'InvalidParameterError', { parameter: 'runs' }],
    [() => simulate(net, [0], { runs: -5 }), 'InvalidParameterError', { parameter: 'runs in options of simulate' }],
    [() => simulate(net, [0], { runs: 1.5 }), 'InvalidParameterError', { parameter: 'runs in options of simulate' }],
    [() => simulate(net, [0], { seed: -1 }), 'InvalidParameterError', { parameter: 'seed in options of simulate' }],
    [() => trace(net, [0], { seed: 2n ** 64n }), 'InvalidParameterError', { parameter: /seed/ }],
    [() => simulate(net, [0], { model: LinearThreshold({ thresholds: [0.5, 0.5] }) }), 'InvalidParameterError', { parameter: 'thresholds', value: '2 values', expected: 'one per person (61)' }],
    [() => LinearThreshold({ thresholds: [0.5, 1.5] }), 'InvalidParameterError', { parameter: 'threshold of person 1' }],
    [() => simulate(net, [0], { runz: 10 }), 'InvalidParameterError', { value: /unknown field `runz`/ }],
    [() => trace(net, [0], { runs: 10 }), 'InvalidParameterError', { value: /unknown field `runs`/ }],
    [() => exactSpread(small(), [0], { seed: 1 }), 'InvalidParameterError', { value: /unknown field `seed`/ }],
    [() => IndependentCascade({ probablity: 0.2 }), 'InvalidParameterError', { value: /unknown field `probablity`/ }],
    [() => simulate(net, [0], { model: ic({ layerz: {} }) }), 'InvalidParameterError', { value: /unknown field `layerz`/ }],
    [() => IndependentCascade({ layers: { lunch: { multipler: 2 } } }), 'InvalidParameterError', { parameter: 'layers.lunch in model', value: /unknown field `multipler`/ }],
    [() => IndependentCascade({ amplifiers: { mediaThreshhold: 2 } }), 'InvalidParameterError', { value: /unknown field `mediaThreshhold`/ }],
    [() => simulate(net, [0], { model: { kind: 'sir' } }), 'InvalidParameterError', { parameter: 'model.kind in options of simulate' }],
    [() => simulate(net, 0), 'InvalidParameterError', { parameter: 'seeds of simulate' }],
    [() => simulate(net, [0], 7), 'InvalidParameterError', { parameter: 'options of simulate' }],
    [() => simulate(net, [[0]]), 'InvalidParameterError', { parameter: '[0] in seeds of simulate' }],
    [() => exactSpread(net, [0]), 'InvalidParameterError', { expected: /at most/ }],
    [() => exactSpread(small(), [0], { badSeeds: [1] }), 'InvalidParameterError', { value: /unknown field `badSeeds`/ }],
  ];
  for (const [fn, name, props] of cases) {
    const err = throwsKind(fn, name, props);
    assert.ok(!(err instanceof WebAssembly.RuntimeError), `${name}: ${err.message}`);
    stillWorks();
  }
  // Not a Network: wasm-bindgen's own check, an Error as well.
  assert.throws(() => simulate({}, [0]), (e) => e instanceof Error && !(e instanceof WebAssembly.RuntimeError));
  const freed = karyTree(2, 2);
  freed.free();
  assert.throws(() => simulate(freed, [0]), (e) => e instanceof Error && !(e instanceof WebAssembly.RuntimeError));
  stillWorks();
});

test('media relays and influencers change the spread; the network may change between calls', () => {
  const net = new Network();
  net.addLayer('x', { kind: 'digital', directed: true });
  net.addPeople(5);
  // 0 and 1 feed the media outlet 2, which reaches 3 and 4.
  net.addTie(0, 2, 'x', { probability: 0 });
  net.addTie(1, 2, 'x', { probability: 0 });
  net.addTie(2, 3, 'x');
  net.addTie(2, 4, 'x');
  const model = IndependentCascade({ probability: 1, amplifiers: { mediaThreshold: 2, mediaProbability: 1 } });
  assert.equal(simulate(net, [0, 1], { model, runs: 5 }).mean, 2, 'nobody is media yet');
  net.setKind(2, 'media');
  assert.equal(simulate(net, [0, 1], { model, runs: 5 }).mean, 5, 'two sources: the outlet picks it up');
  assert.equal(simulate(net, [0], { model, runs: 5 }).mean, 1, 'one source is not enough');
  throwsKind(() => exactSpread(net, [0], { model }), 'InvalidParameterError', { value: 'media' });

  const star = new Network();
  star.addLayer('feed', { kind: 'digital', directed: true });
  star.addPeople(11);
  for (let i = 1; i <= 10; i++) star.addTie(0, i, 'feed');
  const plain = simulate(star, [0], { model: IndependentCascade({ probability: 0.1 }), runs: 2000, seed: 1 });
  star.setKind(0, 'influencer');
  const amplified = simulate(star, [0], {
    model: IndependentCascade({ probability: 0.1, amplifiers: { influencerMultiplier: 5 } }),
    runs: 2000,
    seed: 1,
  });
  assert.ok(Math.abs(plain.mean - 2) < 0.2, `${plain.mean}`);
  assert.ok(Math.abs(amplified.mean - 6) < 0.2, `${amplified.mean}`);
  assert.equal(exactSpread(star, [0], { model: IndependentCascade({ probability: 0.1, amplifiers: { influencerMultiplier: 5 } }) }), 6);
  // `relays`, the amplifiers' old key, still reads the same for one release.
  const old = IndependentCascade({ probability: 0.1, relays: { influencerMultiplier: 5 } });
  assert.equal(exactSpread(star, [0], { model: old }), 6);
});

test('recommendation fatigue in a model: tired people accept and relay less', () => {
  const net = datasets.aarhusCs();
  const options = { runs: 500, seed: 1 };
  const plain = simulate(net, [0], { model: IndependentCascade({ probability: 0.2 }), ...options });
  const none = IndependentCascade({ probability: 0.2, fatigue: { curve: { kind: 'none' } } });
  assert.deepEqual(simulate(net, [0], { model: none, ...options }), plain);
  const hill = IndependentCascade({ probability: 0.2, fatigue: { curve: { kind: 'hill', half: 1, exponent: 2 }, halfLife: 3 } });
  assert.ok(simulate(net, [0], { model: hill, ...options }).mean < plain.mean);
  throwsKind(() => IndependentCascade({ fatigue: { curve: { kind: 'hill', half: 0, exponent: 2 } } }), 'InvalidParameterError', {
    parameter: 'fatigue half',
  });
  throwsKind(() => IndependentCascade({ fatigue: { curve: { kind: 'hill', halv: 1 } } }), 'InvalidParameterError', {
    parameter: 'fatigue.curve in model',
    value: /unknown field `halv`/,
  });
  throwsKind(() => LinearThreshold({ fatigue: { curv: {} } }), 'InvalidParameterError', { value: /unknown field `curv`/ });
});

// A latency of 4294967295 steps once passed every check, then the engine allocated a ring of
// that many time buckets and WebAssembly aborted (RuntimeError: unreachable). The core now
// bounds latencies (MAX_LATENCY, 10,000 steps) wherever they are set.
test('a huge latency is an InvalidParameterError, not an abort', () => {
  const net = new Network();
  const expected = { parameter: 'latency of layer "slow"', expected: 'an integer from 1 to 10000' };
  throwsKind(() => net.addLayer('slow', { latency: 2 ** 32 - 1 }), 'InvalidParameterError', expected);
  net.addLayer('slow');
  throwsKind(() => net.configureLayer('slow', { latency: 10001 }), 'InvalidParameterError', expected);
  throwsKind(() => IndependentCascade({ layers: { slow: { latency: 2 ** 32 - 1 } } }), 'InvalidParameterError', expected);
  net.configureLayer('slow', { latency: 10000 });
  net.addPeople(2);
  net.addTie(0, 1, 'slow');
  const t = trace(net, [0], { model: IndependentCascade({ probability: 1 }) });
  assert.deepEqual(Array.from(t.step), [0, 10000]);
});
