// Referral chains from JavaScript: routeReferrals, traceReferrals and referralLoadCurve,
// checked against exact small cases, Kleinberg's lattice and the collapse of the load curve
// on the Aarhus network; every bad parameter an Error with the core's name.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { reseau, throwsKind } from './helpers.mjs';

const { Network, Fatigue, datasets, generators, routeReferrals, traceReferrals, referralLoadCurve } = reseau;

/** A path 0 - 1 - ... - (n - 1) in one physical layer. */
function path(n) {
  const net = new Network();
  net.addLayer('work', { kind: 'physical' });
  net.addPeople(n);
  for (let i = 0; i + 1 < n; i++) net.addTie(i, i + 1, 'work');
  return net;
}

/** The module still works: a certain request along a path arrives. */
function stillWorks() {
  const s = routeReferrals(path(3), { requests: [[0, 2]] });
  assert.equal(s.succeeded, 1);
}

const sum = (xs) => Array.from(xs).reduce((a, b) => a + b, 0);

test('routeReferrals: the summary, its keys and types', () => {
  const net = datasets.aarhusCs();
  const s = routeReferrals(net, { nRequests: 400, rate: 4, forward: 0.8, fatigue: Fatigue.hill({ half: 3, exponent: 2, halfLife: 10 }), seed: 3 });
  assert.deepEqual(Object.keys(s).sort(), [
    'alive', 'attrition', 'chainLengths', 'deadEnds', 'dropped', 'hops', 'ignored', 'lastStep', 'layerHops',
    'layerNames', 'layerShares', 'meanChainLength', 'meanIntermediaries', 'meanTime', 'overloaded', 'requests',
    'succeeded', 'successCi95', 'successRate', 'times', 'truncated', 'unwilling',
  ]);
  assert.equal(s.requests, 400);
  assert.equal(s.succeeded + s.unwilling + s.deadEnds + s.truncated + s.ignored, s.requests);
  assert.ok(s.succeeded > 0 && s.unwilling > 0);
  assert.equal(s.successRate, s.succeeded / s.requests);
  assert.ok(s.successCi95[0] < s.successRate && s.successRate < s.successCi95[1]);
  for (const key of ['chainLengths', 'alive', 'dropped']) assert.ok(s[key] instanceof Uint32Array, key);
  for (const key of ['attrition', 'layerHops']) assert.ok(s[key] instanceof Float64Array, key);
  assert.equal(sum(s.chainLengths), s.succeeded);
  assert.equal(s.chainLengths[0], 0);
  const meanLength = sum(s.chainLengths.map((c, l) => c * l)) / s.succeeded;
  assert.ok(Math.abs(s.meanChainLength - meanLength) < 1e-12);
  assert.ok(Math.abs(s.meanIntermediaries - (s.meanChainLength - 1)) < 1e-12);
  assert.equal(s.times.reduce((a, [, c]) => a + c, 0), s.succeeded);
  assert.ok(s.times.every(([t], i) => i === 0 || t > s.times[i - 1][0]), 'sorted by steps');
  assert.equal(s.meanTime, s.meanChainLength, 'every latency is 1');
  assert.equal(s.alive[0], s.requests, 'everyone starts at hop 0');
  assert.equal(s.alive.length, s.dropped.length);
  assert.equal(s.attrition.length, s.alive.length);
  for (let k = 0; k < s.alive.length; k++) {
    assert.equal(s.attrition[k], s.alive[k] ? s.dropped[k] / s.alive[k] : 0);
  }
  assert.equal(sum(s.dropped), s.requests - s.succeeded - s.ignored);
  assert.deepEqual(s.layerNames, net.layers.map((l) => l.name));
  assert.equal(sum(s.layerHops), s.hops);
  assert.deepEqual(Object.keys(s.layerShares), s.layerNames);
  s.layerNames.forEach((name, i) => assert.equal(s.layerShares[name], s.layerHops[i] / s.hops));
  assert.ok(s.lastStep >= s.times.at(-1)[0]);
  assert.ok(s.overloaded.length === 10);
  const labels = net.labels;
  for (const [i, o] of s.overloaded.entries()) {
    assert.deepEqual(Object.keys(o).sort(), ['label', 'peakLoad', 'person', 'requests']);
    assert.equal(o.label, labels[o.person]);
    assert.ok(o.peakLoad <= o.requests, 'the load decays');
    if (i > 0) assert.ok(o.requests <= s.overloaded[i - 1].requests);
  }

  // The defaults: 1000 random requests at step 0, greedy, forward 1, 50 hops, no fatigue, seed 0.
  const defaults = routeReferrals(net);
  assert.equal(defaults.requests, 1000);
  assert.equal(defaults.succeeded, 1000, 'no attrition, no fatigue: every request arrives');
  assert.equal(defaults.meanChainLength, defaults.meanTime);
  const explicit = routeReferrals(net, {
    nRequests: 1000, strategy: 'greedy', forward: 1, layerForward: {}, maxHops: 50, fatigue: null, physicalShare: null, seed: 0n,
  });
  assert.deepEqual(explicit, defaults);
  assert.deepEqual(routeReferrals(net, undefined), defaults);
  assert.deepEqual(routeReferrals(net, { n_requests: 1000, max_hops: 50 }), defaults, 'snake_case keys too');
  assert.ok(routeReferrals(net, { forward: 0.5 }).successRate < 0.9);
  // Random pairs are strangers (never tied already): with nobody forwarding, nothing arrives.
  assert.equal(routeReferrals(net, { forward: 0 }).succeeded, 0, 'only the source forwards');
});

test('the workload: given pairs (ids or labels), or nRequests at a rate', () => {
  const net = datasets.aarhusCs();
  const [a, b, c] = net.labels;
  const byLabel = routeReferrals(net, { requests: [[a, b], [b, 'U4'], [c, a]], forward: 0.7, seed: 5 });
  const byId = routeReferrals(net, { requests: [[0, 1], [1, 43], new Uint32Array([2, 0])], forward: 0.7, seed: 5 });
  assert.equal(byLabel.requests, 3);
  assert.deepEqual(byLabel, byId);
  assert.deepEqual(routeReferrals(net, { requests: [] }).requests, 0);
  // All at step 0 without a rate; started at `rate` per step with one.
  const pairs = Array.from({ length: 20 }, (_, i) => [i, 60 - i]);
  assert.ok(traceReferrals(net, { requests: pairs }).every((t) => t.start === 0));
  const paced = traceReferrals(net, { requests: pairs, rate: 2 });
  assert.deepEqual(paced.map((t) => t.start), pairs.map((_, i) => Math.floor(i / 2)));

  // Random pairs, any two of nRequests (default 1000), rate and steps setting the third:
  // nRequests at step 0; at `rate` per step during the fewest steps that start nRequests (a
  // few more when rate does not divide it); nRequests spread over `steps`; `rate` during
  // `steps` (floor(rate * steps) requests).
  const starts = (options) => traceReferrals(net, options).map((t) => t.start);
  assert.deepEqual(starts({ nRequests: 7 }), [0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(starts({ nRequests: 6, rate: 2 }), [0, 0, 1, 1, 2, 2]);
  assert.deepEqual(starts({ nRequests: 7, rate: 3 }), [0, 0, 0, 1, 1, 1, 2, 2, 2]);
  assert.deepEqual(starts({ rate: 0.5, steps: 6 }), [1, 3, 5]);
  assert.deepEqual(starts({ nRequests: 2, rate: 0.5 }), [1, 3]);
  assert.deepEqual(starts({ nRequests: 5, steps: 2 }), [0, 0, 1, 1, 1]);
  assert.deepEqual(starts({ nRequests: 10, rate: 2.5, steps: 4 }), starts({ rate: 2.5, steps: 4 }));
  assert.equal(routeReferrals(net, { rate: 10 }).requests, 1000);
  assert.equal(routeReferrals(net, { rate: 0.1 + 0.2 }).requests, 1000, 'whatever the rounding');
  assert.equal(routeReferrals(net, { steps: 7 }).requests, 1000);
  assert.equal(routeReferrals(net, { nRequests: 1000, steps: 3 }).requests, 1000);
  assert.equal(routeReferrals(net, { rate: 2.5, steps: 4 }).requests, 10);
  for (const t of traceReferrals(net, { nRequests: 300, seed: 2 })) {
    assert.notEqual(t.source, t.target);
    assert.ok(t.source < net.numPeople && t.target < net.numPeople);
  }
});

test('a path: forward q with two intermediaries succeeds with probability q^2', () => {
  const net = path(4);
  const n = 20000;
  for (const [strategy, q] of [['oracle', 0.5], ['greedy', 0.7], ['random', 0.3]]) {
    const s = routeReferrals(net, { requests: Array(n).fill([0, 3]), strategy, forward: q, seed: 11 });
    const p = q * q;
    const se = Math.sqrt((p * (1 - p)) / n);
    assert.ok(Math.abs(s.successRate - p) < 4 * se, `${strategy}, q = ${q}: ${s.successRate} vs ${p} (se ${se})`);
    assert.deepEqual(Array.from(s.chainLengths), [0, 0, 0, s.succeeded]);
    assert.equal(s.unwilling, n - s.succeeded);
    // Each intermediary drops a share 1 - q of what reaches them.
    assert.deepEqual(Array.from(s.alive), [n, n, s.alive[2]]);
    assert.equal(s.dropped[0], 0);
    assert.ok(Math.abs(s.attrition[1] - (1 - q)) < 4 * Math.sqrt((q * (1 - q)) / n));
    assert.deepEqual(s.layerShares, { work: 1 });
    assert.equal(s.hops, n + s.alive[2] + s.succeeded);
  }
  // The same through the layer's forwarding probability.
  const byLayer = routeReferrals(net, { requests: Array(n).fill([0, 3]), layerForward: { work: 0.5 }, seed: 11 });
  assert.ok(Math.abs(byLayer.successRate - 0.25) < 4 * Math.sqrt((0.25 * 0.75) / n));
  // One hop needs nobody's good will; too few hops truncate.
  assert.equal(routeReferrals(net, { requests: Array(50).fill([0, 1]), forward: 0 }).succeeded, 50);
  const short = routeReferrals(net, { requests: [[0, 3]], maxHops: 2 });
  assert.deepEqual([short.succeeded, short.truncated], [0, 1]);
  const [t] = traceReferrals(net, { requests: [[0, 3]] });
  assert.deepEqual(Array.from(t.path), [0, 1, 2, 3]);
  assert.deepEqual(t.layers, ['work', 'work', 'work']);
  assert.deepEqual(t.labels, ['#0', '#1', '#2', '#3'], 'unlabelled people show as #id');
  assert.equal(t.outcome, 'delivered');
  assert.deepEqual(traceReferrals(net, { requests: [[0, 3]], maxHops: 2 })[0].outcome, 'truncated');
  assert.deepEqual(traceReferrals(net, { requests: [[0, 3]], forward: 0 })[0].outcome, 'unwilling');
  // A dead end: nobody left who has not held the request.
  const split = path(4);
  split.removeTie(1, 2, 'work');
  assert.deepEqual(routeReferrals(split, { requests: [[0, 3]] }).deadEnds, 1);
  assert.equal(traceReferrals(split, { requests: [[0, 3]] })[0].outcome, 'dead_end');
});

test('greedy lattice routing on Kleinberg grids: r = 2 reaches the target in fewer steps than r = 0 or 4', () => {
  // On a finite grid the advantage of r = 2 grows with the side (about even at 100 x 100).
  const hops = {};
  for (const r of [0, 2, 4]) {
    const grid = generators.kleinberg({ side: 300, r, longRange: 1, seed: 3 });
    const s = routeReferrals(grid, { rate: 1, steps: 300, maxHops: 100000, seed: 4 });
    assert.equal(s.succeeded, s.requests, `r = ${r}: greedy on the lattice always gets closer`);
    hops[r] = s.meanChainLength;
  }
  assert.ok(hops[2] < 0.9 * hops[0], `r = 2: ${hops[2]} steps, r = 0: ${hops[0]}`);
  assert.ok(hops[2] < 0.5 * hops[4], `r = 2: ${hops[2]} steps, r = 4: ${hops[4]}`);
});

test('traceReferrals: every journey, as routeReferrals routes them', () => {
  const net = datasets.aarhusCs();
  const options = { nRequests: 500, rate: 5, forward: 0.8, fatigue: Fatigue.queue({ size: 2, halfLife: 5 }), seed: 9 };
  const traces = traceReferrals(net, options);
  const s = routeReferrals(net, options);
  assert.equal(traces.length, s.requests);
  const labels = net.labels;
  const layerNames = net.layers.map((l) => l.name);
  const outcomes = { delivered: 0, unwilling: 0, dead_end: 0, truncated: 0, ignored: 0 };
  let hops = 0;
  for (const t of traces) {
    assert.deepEqual(Object.keys(t).sort(), ['end', 'hops', 'labels', 'layers', 'outcome', 'path', 'source', 'start', 'target']);
    assert.ok(t.path instanceof Uint32Array);
    assert.equal(t.path[0], t.source);
    assert.equal(t.layers.length, t.path.length - 1);
    assert.equal(t.hops, t.layers.length);
    assert.deepEqual(t.labels, Array.from(t.path, (p) => labels[p]));
    assert.ok(t.layers.every((l) => layerNames.includes(l)));
    assert.equal(new Set(t.path).size, t.path.length, 'nobody holds a request twice');
    assert.equal(t.path.at(-1) === t.target, t.outcome === 'delivered' || t.outcome === 'ignored');
    assert.equal(t.end - t.start, t.layers.length, 'every latency is 1');
    outcomes[t.outcome] += 1;
    hops += t.layers.length;
  }
  assert.deepEqual(outcomes, {
    delivered: s.succeeded, unwilling: s.unwilling, dead_end: s.deadEnds, truncated: s.truncated, ignored: s.ignored,
  });
  assert.equal(hops, s.hops);
  assert.deepEqual(traceReferrals(net, options), traces, 'deterministic');
});

test('the load curve on Aarhus: throughput rises, peaks and collapses under fatigue', () => {
  const net = datasets.aarhusCs();
  const rates = Array.from({ length: 11 }, (_, i) => 0.5 * 2 ** i); // 0.5 to 512
  const options = { steps: 300, fatigue: Fatigue.hill({ half: 2, exponent: 2, halfLife: 10 }), seed: 7 };
  const c = referralLoadCurve(net, rates, options);
  assert.deepEqual(Object.keys(c).sort(), [
    'collapseRate', 'meanChainLength', 'peakIndex', 'peakRate', 'peakThroughput', 'rates', 'requests', 'steps',
    'succeeded', 'successRate', 'throughput', 'warmup',
  ]);
  for (const key of ['rates', 'requests', 'succeeded', 'throughput', 'successRate', 'meanChainLength']) {
    assert.ok(c[key] instanceof Float64Array, key);
    assert.equal(c[key].length, rates.length, key);
  }
  assert.deepEqual(Array.from(c.rates), rates);
  assert.deepEqual([c.steps, c.warmup], [300, 150]);
  rates.forEach((r, i) => assert.equal(c.requests[i], Math.floor(r * 300) - Math.floor(r * 150), 'measured after the warm-up'));
  for (let i = 0; i < rates.length; i++) assert.equal(c.throughput[i], c.succeeded[i] / 150);
  assert.ok(c.throughput[1] > c.throughput[0], 'rises');
  assert.ok(c.peakRate > 1 && c.peakRate < 512, `peaks at ${c.peakRate}`);
  assert.equal(c.peakRate, rates[c.peakIndex]);
  assert.equal(c.peakThroughput, Math.max(...c.throughput));
  assert.notEqual(c.collapseRate, null, 'collapses');
  assert.ok(c.collapseRate > c.peakRate);
  assert.ok(c.throughput[rates.indexOf(c.collapseRate)] < c.peakThroughput / 2);
  for (let i = 0; i < rates.length; i++) {
    assert.ok(Math.abs(c.successRate[i] - c.succeeded[i] / c.requests[i]) < 1e-15);
    if (i > 0) assert.ok(c.successRate[i] < c.successRate[i - 1], 'more traffic, more tired people');
  }
  assert.deepEqual(referralLoadCurve(net, new Float64Array(rates), options), c, 'deterministic; a Float64Array of rates');
  assert.notDeepEqual(referralLoadCurve(net, rates, { ...options, seed: 8 }).throughput, c.throughput);

  // Without fatigue nothing breaks: throughput grows with the rate.
  const rested = referralLoadCurve(net, [1, 4, 16], { steps: 40, forward: 0.9 });
  assert.equal(rested.collapseRate, null);
  assert.equal(rested.peakRate, 16);
  assert.equal(referralLoadCurve(net, [1]).steps, 200, 'by default requests start during 200 steps');
  // Nobody ever forwards: no chain of more than one hop, and a NaN mean where none completed.
  const deaf = referralLoadCurve(net, [0.5, 1], { steps: 2, fatigue: Fatigue.capacity({ capacity: 0 }) });
  assert.deepEqual(Array.from(deaf.succeeded), [0, 0]);
  assert.ok(deaf.meanChainLength.every(Number.isNaN));
  assert.equal(deaf.collapseRate, null);
});

test('determinism: the same seed gives the same numbers; seeds as numbers or BigInts', () => {
  const net = datasets.aarhusCs();
  const options = { nRequests: 300, rate: 3, forward: 0.7, strategy: 'random', fatigue: Fatigue.exponential({ rate: 0.1, halfLife: 4 }) };
  const s = routeReferrals(net, { ...options, seed: 42 });
  assert.deepEqual(routeReferrals(net, { ...options, seed: 42n }), s);
  assert.notDeepEqual(routeReferrals(net, { ...options, seed: 43 }), s);
  assert.deepEqual(routeReferrals(net, { ...options, seed: 2n ** 53n }), routeReferrals(net, { ...options, seed: 2 ** 53 }));
  assert.ok(routeReferrals(net, { ...options, seed: 2n ** 64n - 1n }).requests === 300);
  for (const strategy of ['greedy', 'oracle', 'strongest_tie', 'hub', 'random']) {
    const o = { nRequests: 200, rate: 2, forward: 0.8, strategy, physicalShare: 0.7, seed: 1 };
    const a = routeReferrals(net, o);
    assert.deepEqual(routeReferrals(net, o), a, strategy);
    assert.ok(a.succeeded > 0, strategy);
  }
  // The layer preference: all physical, or all digital where both are available.
  const physical = routeReferrals(net, { physicalShare: 1, seed: 1 });
  const digital = routeReferrals(net, { physicalShare: 0, seed: 1 });
  assert.ok(physical.layerShares.facebook < digital.layerShares.facebook);
});

test('every bad parameter is an Error with the core name, and the module keeps working', () => {
  const net = datasets.aarhusCs();
  const cases = [
    [() => routeReferrals(net, { rate: -1 }), 'InvalidParameterError', { parameter: 'rate', value: '-1' }],
    [() => routeReferrals(net, { rate: 0 }), 'InvalidParameterError', { parameter: 'rate' }],
    [() => routeReferrals(net, { rate: NaN }), 'InvalidParameterError', { parameter: 'rate', value: 'NaN' }],
    [() => routeReferrals(net, { rate: -2, steps: 5 }), 'InvalidParameterError', { parameter: 'rate' }],
    [() => routeReferrals(net, { requests: [[0, 1]], rate: -1 }), 'InvalidParameterError', { parameter: 'rate' }],
    [() => routeReferrals(net, { rate: 1e-12 }), 'InvalidParameterError', { parameter: 'rate', expected: 'at least the number of requests / 4294967294 per step' }],
    [() => routeReferrals(net, { rate: 1e9, steps: 100 }), 'InvalidParameterError', { parameter: 'rate', expected: /at most/ }],
    [() => routeReferrals(net, { rate: 1, steps: 0 }), 'InvalidParameterError', { parameter: 'steps', value: '0' }],
    [() => routeReferrals(net, { steps: 0 }), 'InvalidParameterError', { parameter: 'steps', value: '0' }],
    [() => routeReferrals(net, { steps: -3 }), 'InvalidParameterError', { parameter: 'steps in options of routeReferrals' }],
    [() => routeReferrals(net, { nRequests: 0 }), 'InvalidParameterError', { parameter: 'number of requests', value: '0' }],
    [() => routeReferrals(net, { nRequests: -5 }), 'InvalidParameterError', { parameter: 'nRequests in options of routeReferrals' }],
    [() => routeReferrals(net, { nRequests: 11, rate: 1, steps: 10 }), 'InvalidParameterError', { parameter: 'number of requests', value: '11', expected: /^10 \(rate × steps/ }],
    [() => routeReferrals(net, { requests: [[0, 1]], nRequests: 10 }), 'InvalidParameterError', { parameter: 'n_requests', value: '10', expected: /none when requests are given/ }],
    [() => routeReferrals(net, { requests: [[0, 1]], steps: 10 }), 'InvalidParameterError', { parameter: 'steps' }],
    [() => routeReferrals(net, { fatigue: { curve: { kind: 'hill', half: 3, exponent: 2 }, halfLife: 0 } }), 'InvalidParameterError', { parameter: 'fatigue half_life', value: '0' }],
    [() => routeReferrals(net, { fatigue: { curve: { kind: 'capacity', capacity: -1 } } }), 'InvalidParameterError', { parameter: 'fatigue capacity', value: '-1' }],
    [() => routeReferrals(net, { fatigue: { curve: { kind: 'exponential', rate: -0.5 } } }), 'InvalidParameterError', { parameter: 'fatigue rate' }],
    [() => routeReferrals(net, { fatigue: { curve: { kind: 'hill', halv: 3 } } }), 'InvalidParameterError', { parameter: 'fatigue.curve in options of routeReferrals', value: /unknown field `halv`/ }],
    [() => routeReferrals(net, { requests: [[0, 'nobody']] }), 'UnknownPersonError', { person: '"nobody"' }],
    [() => routeReferrals(net, { requests: [[0, 99]] }), 'UnknownPersonError', { person: '#99' }],
    [() => traceReferrals(net, { requests: [[-1, 3]] }), 'UnknownPersonError', { person: '#-1' }],
    [() => routeReferrals(net, { requests: [[0, 2 ** 40]] }), 'UnknownPersonError'],
    [() => routeReferrals(net, { requests: [[3, 3]] }), 'InvalidParameterError', { parameter: 'request', value: '#3 -> #3' }],
    [() => routeReferrals(net, { requests: [['U102', 0]] }), 'InvalidParameterError', { parameter: 'request', value: '#0 -> #0' }],
    [() => routeReferrals(net, { requests: [[0]] }), 'InvalidParameterError', { parameter: '[0] in requests in options of routeReferrals' }],
    [() => routeReferrals(net, { requests: [[0, 1, 2]] }), 'InvalidParameterError', { parameter: /requests/ }],
    [() => routeReferrals(net, { requests: [0, 1] }), 'InvalidParameterError', { parameter: /requests/ }],
    [() => routeReferrals(net, { physicalShare: 1.5 }), 'InvalidParameterError', { parameter: 'physical_share', value: '1.5' }],
    [() => routeReferrals(net, { forward: 2 }), 'InvalidParameterError', { parameter: 'forward', value: '2' }],
    [() => routeReferrals(net, { forward: NaN }), 'InvalidParameterError', { parameter: 'forward' }],
    [() => routeReferrals(net, { layerForward: { lunch: -0.5 } }), 'InvalidParameterError', { parameter: 'forward probability of layer "lunch"' }],
    [() => routeReferrals(net, { layerForward: { myspace: 0.5 } }), 'UnknownLayerError', { layer: 'myspace' }],
    [() => routeReferrals(net, { maxHops: 0 }), 'InvalidParameterError', { parameter: 'max_hops', value: '0' }],
    [() => routeReferrals(net, { maxHops: -1 }), 'InvalidParameterError', { parameter: 'maxHops in options of routeReferrals' }],
    [() => routeReferrals(net, { strategy: 'teleport' }), 'InvalidParameterError', { parameter: 'strategy in options of routeReferrals', value: /unknown variant `teleport`/ }],
    [() => routeReferrals(net, { maxHop: 5 }), 'InvalidParameterError', { parameter: 'options of routeReferrals', value: 'unknown field `maxHop`', expected: /`maxHops`.*`nRequests`/ }],
    [() => traceReferrals(net, { runs: 5 }), 'InvalidParameterError', { value: 'unknown field `runs`' }],
    [() => routeReferrals(net, { seed: -1 }), 'InvalidParameterError', { parameter: 'seed in options of routeReferrals' }],
    [() => routeReferrals(net, { seed: 2n ** 64n }), 'InvalidParameterError', { parameter: /seed/ }],
    [() => routeReferrals(net, 5), 'InvalidParameterError', { parameter: 'options of routeReferrals' }],
    [() => referralLoadCurve(net, [2, 1]), 'InvalidParameterError', { parameter: 'rates', value: '2 then 1' }],
    [() => referralLoadCurve(net, []), 'InvalidParameterError', { parameter: 'rates' }],
    [() => referralLoadCurve(net, [1, -4]), 'InvalidParameterError', { parameter: 'rate', value: '-4' }],
    [() => referralLoadCurve(net, 4), 'InvalidParameterError', { parameter: 'rates of referralLoadCurve' }],
    [() => referralLoadCurve(net, [1], { steps: 0 }), 'InvalidParameterError', { parameter: 'steps' }],
    [() => referralLoadCurve(net, [1], { nRequests: 5 }), 'InvalidParameterError', { value: 'unknown field `nRequests`' }],
    [() => referralLoadCurve(net, [1], { forward: 2 }), 'InvalidParameterError', { parameter: 'forward' }],
    [() => referralLoadCurve(net, [1], { strategy: 'teleport' }), 'InvalidParameterError', { parameter: 'strategy in options of referralLoadCurve' }],
    [() => routeReferrals(path(1)), 'InvalidParameterError', { parameter: 'network', expected: /at least 2 people/ }],
  ];
  for (const [fn, name, props] of cases) {
    const err = throwsKind(fn, name, props);
    assert.ok(!(err instanceof WebAssembly.RuntimeError), `${name}: ${err.message}`);
    stillWorks();
  }
  // Not a Network: wasm-bindgen's own check, an Error as well.
  assert.throws(() => routeReferrals({}), (e) => e instanceof Error && !(e instanceof WebAssembly.RuntimeError));
  const freed = path(3);
  freed.free();
  assert.throws(() => traceReferrals(freed), (e) => e instanceof Error && !(e instanceof WebAssembly.RuntimeError));
  stillWorks();
});

test('a cold contact goes straight to the target, one step on no layer', () => {
  const sure = routeReferrals(path(4), { requests: Array(10).fill([0, 3]), strategy: 'cold', coldResponse: 1, seed: 1 });
  assert.equal(sure.succeeded, 10);
  assert.equal(sure.meanTime, 1);
  const [trace] = traceReferrals(path(4), { requests: [[0, 3]], strategy: 'cold', coldResponse: 1 });
  assert.deepEqual([...trace.path], [0, 3]);
  assert.deepEqual(trace.layers, ['cold contact']);
  throwsKind(() => routeReferrals(path(4), { requests: [[0, 3]], strategy: 'cold', coldResponse: 1.5 }), 'InvalidParameterError');
});
