// Issue 15 from JavaScript: no request leaves the module unusable. What cannot fit in
// WebAssembly's memory is refused with an OutOfMemoryError before anything is copied or
// computed (the network being changed keeps working), as is a request above its `maxMemory`; people are ids
// (numbers or BigInts) or labels, never numbers as names; a network read back from JSON is
// checked as one being built.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { reseau, throwsKind } from './helpers.mjs';

const { Fatigue, LinearThreshold, Network, datasets, readEdgelist, selectRelays, simulate, willingness } = reseau;

const bound = { timeout: 60_000 };

/** A typed array of 2^29 numbers (4 GiB: more than 32-bit WebAssembly can address), or none. */
function huge(t) {
  try {
    return new Float64Array(2 ** 29); // zeros the system gives lazily: no page is touched
  } catch (e) {
    t.skip(`this JavaScript engine cannot make a 4 GiB typed array (${e.message})`);
    return undefined;
  }
}

/** A small network, and a check that it still works. */
function pair() {
  const net = new Network();
  net.addLayer('lunch');
  net.addPeople(2);
  return net;
}

function stillWorks(net) {
  const before = net.numPeople;
  assert.equal(net.addPerson({ label: `p${before}` }), before);
  net.addTie(0, before, 'lunch');
  const star = 1 + net.degree(0); // person 0 and everyone tied to them
  assert.equal(simulate(net, [0], { runs: 3, model: reseau.IndependentCascade({ probability: 1 }) }).mean, star);
}

test('an array larger than WebAssembly can hold is an OutOfMemoryError, and nothing is left broken', bound, (t) => {
  const big = huge(t);
  if (!big) return;
  const net = pair();
  const cases = [
    () => net.addPerson({ position: big }), // a network being changed
    () => LinearThreshold({ thresholds: big }),
    () => willingness(Fatigue.none(), big),
    () => selectRelays(datasets.aarhusCs(), { k: 1, costs: big }),
    () => simulate(datasets.aarhusCs(), big),
    () => readEdgelist(new Uint8Array(big.buffer)),
  ];
  for (const fn of cases) {
    const err = throwsKind(fn, 'OutOfMemoryError', { what: /536870912 items|4294967296 items/ });
    assert.ok(err.needed >= 2 ** 31, `needed ${err.needed}`);
    assert.ok(err.available > 0 && err.available <= 2 ** 32, `available ${err.available}`);
    assert.deepEqual(Object.keys(err.fields).sort(), ['available', 'needed', 'what']);
    stillWorks(net);
  }
  assert.equal(net.numPeople, 2 + cases.length, 'only the additions that were asked for');
});

test('people are ids (numbers or BigInts) or labels: addTie(0n, 1n) ties persons 0 and 1', bound, () => {
  const net = pair();
  net.addPerson({ label: 'ana' });
  assert.equal(net.addTie(0n, 1n, 'lunch'), 0);
  assert.equal(net.addTie(1n, 'ana', 'lunch'), 1);
  assert.deepEqual(Array.from(net.neighbors(1n)), [0, 2]);
  assert.equal(net.degree(0n), 1);
  assert.equal(net.person(2n).label, 'ana');
  assert.equal(net.layer(0n).name, 'lunch');
  assert.equal(net.tie(0n, 1, 0n).weight, 1);
  assert.ok(net.removeTie('ana', 1n, 'lunch'));
  assert.equal(simulate(net, [0n], { runs: 2, model: reseau.IndependentCascade({ probability: 1 }) }).mean, 2);
  const s = reseau.routeReferrals(datasets.aarhusCs(), { requests: [[0n, 'U4'], [3n, 5n]], seed: 1 });
  assert.equal(s.requests, 2);
  throwsKind(() => net.addTie(0n, 9n, 'lunch'), 'UnknownPersonError', { person: '#9' });
  throwsKind(() => net.addTie(-1n, 0n, 'lunch'), 'UnknownPersonError');
  throwsKind(() => net.degree(2n ** 64n), 'UnknownPersonError');
});

test('numbers are not names: a layer or a label given as a number is a typed error', bound, () => {
  const net = pair();
  throwsKind(() => net.addLayer(5), 'InvalidParameterError', { parameter: 'layer name' });
  throwsKind(() => net.addPerson({ label: 17 }), 'InvalidParameterError', { parameter: 'label in addPerson' });
  throwsKind(() => net.addPerson({ group: 3 }), 'InvalidParameterError', { parameter: 'group in addPerson' });
  throwsKind(() => net.indexOf(0), 'InvalidParameterError', { parameter: 'label' });
  throwsKind(() => readEdgelist('1 2\n', { layer: 7 }), 'InvalidParameterError', { parameter: 'layer in options of readEdgelist' });
  throwsKind(() => net.setGroup(0, 4), 'InvalidParameterError', { parameter: 'group' });
  // Attributes are data: a number there is its text.
  const id = net.addPerson({ label: '17', attributes: { age: 31, member: true } });
  assert.deepEqual(net.person(id).attributes, { age: '31', member: 'true' });
  assert.equal(net.indexOf('17'), id);
  // A layer is found by name or by id, as before.
  assert.equal(net.numTiesIn(0), 0);
  assert.deepEqual([net.numLayers, net.numPeople], [1, 3]);
});

test('a network read back from JSON is checked as one being built, and refused with a typed error', bound, () => {
  const doc = datasets.aarhusCs().toJSON();
  const edited = (change) => {
    const d = structuredClone(doc);
    change(d);
    return d;
  };
  const cases = [
    [(d) => { d.ties[0].target = 9999; }, 'UnknownPersonError'],
    [(d) => { d.ties[0].probability = 2; }, 'InvalidParameterError'],
    [(d) => { d.ties[0].weight = -1; }, 'InvalidParameterError'],
    [(d) => { d.people[1].label = d.people[0].label; }, 'DuplicateLabelError'],
    [(d) => { d.layers[0].latency = 0; }, 'InvalidParameterError'],
    [(d) => { d.layers[1].name = d.layers[0].name; }, 'DuplicateLayerError'],
    [(d) => { d.people = 'many'; }, 'JsonError'],
  ];
  for (const [change, kind] of cases) {
    throwsKind(() => Network.fromJSON(edited(change)), kind);
    throwsKind(() => Network.fromJSON(JSON.stringify(edited(change))), kind);
  }
  const cyclic = {};
  cyclic.self = cyclic;
  throwsKind(() => Network.fromJSON(cyclic), 'InvalidParameterError', { parameter: 'JSON of fromJSON' });
  throwsKind(() => Network.fromJSON(undefined), 'InvalidParameterError');
  assert.equal(Network.fromJSON(doc).numTies, 620, 'the untouched document still reads');
});

test('a request above its maxMemory is an OutOfMemoryError, and the module works on', bound, () => {
  const aarhus = datasets.aarhusCs();
  const model = reseau.IndependentCascade({ probability: 0.1 });
  const golden = simulate(aarhus, [0, 1], { model, runs: 1000, seed: 7 }).mean;
  const calls = [
    () => simulate(aarhus, [0, 1], { model, runs: 1000, seed: 7, maxMemory: 1000 }),
    () => reseau.routeReferrals(aarhus, { nRequests: 4_000_000_000, maxMemory: 10_000 }),
    () => reseau.routeReferrals(aarhus, { nRequests: 1000, maxMemory: 100n }),
    () => reseau.referralLoadCurve(aarhus, [1e9], { steps: 4, maxMemory: 2 ** 20 }),
    () => selectRelays(aarhus, { k: 2, epsilon: 0.05, maxMemory: 4096 }),
    () => reseau.reputation(aarhus, { maxMemory: 64 }),
  ];
  for (const call of calls) {
    const err = throwsKind(call, 'OutOfMemoryError');
    assert.match(err.message, /not enough memory/);
    assert.equal(typeof err.what, 'string');
    assert.ok(err.needed > err.available, `${err.needed} > ${err.available}`);
    // The same call within budget, and another, give the numbers they always give.
    assert.equal(simulate(aarhus, [0, 1], { model, runs: 1000, seed: 7 }).mean, golden);
  }
  // Without maxMemory, the budget is what WebAssembly can still grow to: 4 billion requests
  // in flight at once cannot fit in 4 GiB, and are refused before any is started.
  const all = throwsKind(() => reseau.routeReferrals(aarhus, { nRequests: 4_000_000_000 }), 'OutOfMemoryError');
  assert.ok(all.available <= 2 ** 32);
  assert.equal(reseau.routeReferrals(aarhus, { nRequests: 100, seed: 1 }).requests, 100);
  throwsKind(() => simulate(aarhus, [0], { maxMemory: -1 }), 'InvalidParameterError', { parameter: /max_?[mM]emory/ });
});
