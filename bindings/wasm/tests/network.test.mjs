// The Network class: building, queries, policies, and the errors of bad arguments.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { reseau, throwsKind } from './helpers.mjs';

const { Network } = reseau;

/** ana, bo, cy, dee; lunch (physical), twitter (digital, directed). */
function small() {
  const net = new Network();
  assert.equal(net.addLayer('lunch', { kind: 'physical', probability: 0.2, latency: 2 }), 0);
  assert.equal(net.addLayer('twitter', { kind: 'digital', directed: true }), 1);
  const ana = net.addPerson({ label: 'ana', group: 'G1', kind: 'influencer', cost: 5 });
  const bo = net.addPerson({ label: 'bo', group: 'G1' });
  const cy = net.addPerson({ label: 'cy', group: 'G2', attributes: { firstName: 'Cy', age: 31 } });
  const dee = net.addPerson();
  net.addTie(ana, bo, 'lunch', { weight: 2 });
  net.addTie(bo, cy, 'lunch');
  net.addTie(ana, bo, 'twitter', { sign: -1, probability: 0.5 });
  net.addTie(cy, ana, 1); // a layer by id
  return { net, ana, bo, cy, dee };
}

test('building a network and counting', () => {
  const { net, ana, bo, cy, dee } = small();
  assert.deepEqual([ana, bo, cy, dee], [0, 1, 2, 3]);
  assert.equal(net.numPeople, 4);
  assert.equal(net.numTies, 4);
  assert.equal(net.numLayers, 2);
  assert.equal(net.numDirectedTies, 2 * 2 + 2);
  assert.equal(net.numTiesIn('lunch'), 2);
  assert.equal(net.numTiesIn(1), 2);
  assert.deepEqual(net.labels, ['ana', 'bo', 'cy', '#3'], 'unlabelled: #id, which no label can be');
  assert.deepEqual(net.layers, [
    { name: 'lunch', kind: 'physical', directed: false, probability: 0.2, latency: 2 },
    { name: 'twitter', kind: 'digital', directed: true, latency: 1 },
  ]);
  assert.equal(net.indexOf('cy'), 2);
  assert.deepEqual(net.person(ana), {
    id: 0, label: 'ana', group: 'G1', kind: 'influencer', cost: 5, position: null, attributes: {},
  });
  // Attribute keys are data: kept as written (not snake_cased); numbers become text.
  assert.deepEqual(net.person(cy).attributes, { age: '31', firstName: 'Cy' });
  assert.deepEqual(net.person(dee), {
    id: 3, label: null, group: null, kind: 'person', cost: 1, position: null, attributes: {},
  });
  assert.deepEqual(net.people().map((p) => p.id), [0, 1, 2, 3]);
  assert.deepEqual(net.layer('twitter'), net.layers[1]);
  assert.deepEqual(net.layer(0), net.layers[0]);
  assert.deepEqual(Array.from(net.layersOfKind('digital')), [1]);
});

test('degrees, neighbours, overlap, groups and ties', () => {
  const { net, ana, bo, cy, dee } = small();
  assert.equal(net.degree(ana), 3);
  assert.equal(net.degree(ana, 'lunch'), 1);
  assert.equal(net.degree(ana, 1), 2);
  assert.equal(net.degree(dee), 0);
  const degrees = net.degrees();
  assert.ok(degrees instanceof Uint32Array);
  assert.deepEqual(Array.from(degrees), [3, 3, 2, 0]);
  assert.deepEqual(Array.from(net.degrees('twitter')), [2, 1, 1, 0]);
  const neighbours = net.neighbors(ana);
  assert.ok(neighbours instanceof Uint32Array);
  assert.deepEqual(Array.from(neighbours), [bo, cy]);
  assert.deepEqual(Array.from(net.neighbors(ana, 'lunch')), [bo]);
  assert.equal(net.overlap('lunch', 'twitter'), 1);
  assert.deepEqual(net.groups(), { G1: [0, 1], G2: [2] });
  const ties = net.ties('twitter');
  assert.deepEqual(ties[0], {
    source: 0, target: 1, layer: 'twitter', weight: 1, sign: -1, probability: 0.5, multiplicity: 1,
  });
  assert.equal(net.ties().length, 4);
  assert.deepEqual(net.tie(bo, ana, 'lunch'), {
    source: 0, target: 1, layer: 'lunch', weight: 2, sign: 1, probability: null, multiplicity: 1,
  });
  assert.equal(net.tie(bo, ana, 'twitter'), null, 'directed: only ana -> bo');
  assert.equal(net.tie(dee, ana, 'lunch'), null);
});

test('copies without layers and flattened', () => {
  const { net } = small();
  const offline = net.withoutLayers(['twitter']);
  assert.ok(offline instanceof Network);
  assert.deepEqual([offline.numPeople, offline.numLayers, offline.numTies], [4, 1, 2]);
  assert.equal(net.numTies, 4, 'the original is unchanged');
  const flat = net.flatten('any');
  assert.equal(flat.numLayers, 1);
  assert.deepEqual(flat.layers[0], { name: 'any', kind: 'physical', directed: true, latency: 1 });
  assert.equal(net.flatten('online', 'digital').layers[0].kind, 'digital');
  throwsKind(() => net.withoutLayers(['myspace']), 'UnknownLayerError', { layer: 'myspace' });
  throwsKind(() => net.withoutLayers('twitter'), 'InvalidParameterError');
});

test('editing: layers, people, ties, copies', () => {
  const { net, ana, bo, dee } = small();
  net.configureLayer('lunch', { probability: 0.4, latency: 3 });
  assert.deepEqual(net.layer('lunch'), {
    name: 'lunch', kind: 'physical', directed: false, probability: 0.4, latency: 3,
  });
  net.configureLayer('lunch');
  assert.deepEqual(net.layer('lunch'), { name: 'lunch', kind: 'physical', directed: false, latency: 1 });
  throwsKind(() => net.configureLayer('lunch', { probability: 2 }), 'InvalidParameterError');
  throwsKind(() => net.configureLayer('lunch', { latency: 0 }), 'InvalidParameterError');
  throwsKind(() => net.configureLayer('lunch', { kind: 'digital' }), 'InvalidParameterError');

  net.setGroup(dee, 'G3');
  net.setKind(dee, 'organization');
  net.setCost(dee, 2.5);
  assert.deepEqual([net.person(dee).group, net.person(dee).kind, net.person(dee).cost], ['G3', 'organization', 2.5]);
  net.setGroup(dee, null);
  assert.equal(net.person(dee).group, null);
  throwsKind(() => net.setKind(dee, 'robot'), 'InvalidParameterError');
  throwsKind(() => net.setCost(dee, -1), 'InvalidParameterError');
  throwsKind(() => net.setGroup(9, 'G1'), 'UnknownPersonError');

  const copy = net.copy();
  assert.equal(net.removeTie(bo, ana, 'lunch'), true);
  assert.equal(net.removeTie(bo, ana, 'lunch'), false);
  assert.deepEqual([net.numTies, copy.numTies], [3, 4]);
  throwsKind(() => net.removeTie(ana, bo, 'dinner'), 'UnknownLayerError');
});

test('duplicates and self-loops: counted, or rejected under the reject policies', () => {
  const net = new Network();
  net.addLayer('work');
  const [a, b] = [net.addPerson(), net.addPerson()];
  net.addTie(a, b, 'work');
  net.addTie(b, a, 'work'); // the same undirected tie: merged
  assert.equal(net.numTies, 1);
  assert.equal(net.duplicatesMerged, 1);
  throwsKind(() => net.addTie(a, a, 'work'), 'SelfLoopError', { person: '#0', layer: 'work' });
  net.setSelfLoops('drop');
  assert.equal(net.addTie(a, a, 'work'), undefined);
  assert.equal(net.selfLoopsDropped, 1);
  net.setDuplicates('reject');
  throwsKind(() => net.addTie(a, b, 'work'), 'DuplicateTieError', { a: '#0', b: '#1', layer: 'work' });
  net.setDuplicates('sum');
  net.addTie(a, b, 'work', { weight: 2 });
  assert.deepEqual([net.ties()[0].weight, net.ties()[0].multiplicity], [3, 2]);
  throwsKind(() => net.setDuplicates('keep'), 'InvalidParameterError', { value: /keep/ });
  assert.equal(net.addPeople(3), 2);
  assert.equal(net.numPeople, 5);
});

test('bad arguments give named errors, never a crash', () => {
  const { net, ana, bo } = small();
  throwsKind(() => net.addLayer('lunch'), 'DuplicateLayerError', { layer: 'lunch' });
  throwsKind(() => net.addPerson({ label: 'ana' }), 'DuplicateLabelError', { label: 'ana' });
  throwsKind(() => net.indexOf('zed'), 'UnknownPersonError', { person: '"zed"' });
  for (const id of [99, -1, 1.5, NaN, '0', undefined]) {
    throwsKind(() => net.degree(id), 'UnknownPersonError');
  }
  throwsKind(() => net.person(4), 'UnknownPersonError', { person: '#4' });
  throwsKind(() => net.addTie(ana, 7, 'lunch'), 'UnknownPersonError');
  throwsKind(() => net.addTie(ana, bo, 'dinner'), 'UnknownLayerError', { layer: 'dinner' });
  throwsKind(() => net.degree(ana, 'dinner'), 'UnknownLayerError');
  throwsKind(() => net.numTiesIn(5), 'UnknownLayerError');
  throwsKind(() => net.overlap('lunch', 'dinner'), 'UnknownLayerError');

  // Probabilities outside [0, 1] or NaN, negative or NaN weights, a zero latency, a negative cost.
  for (const probability of [1.5, -0.1, NaN, Infinity]) {
    throwsKind(() => net.addLayer('x', { probability }), 'InvalidParameterError', {
      parameter: 'probability of layer "x"',
    });
    throwsKind(() => net.addTie(ana, bo, 'lunch', { probability }), 'InvalidParameterError');
  }
  for (const weight of [-1, NaN, -Infinity]) {
    throwsKind(() => net.addTie(ana, bo, 'lunch', { weight }), 'InvalidParameterError', {
      parameter: 'weight',
    });
  }
  throwsKind(() => net.addLayer('x', { latency: 0 }), 'InvalidParameterError');
  throwsKind(() => net.addLayer('x', { latency: -1 }), 'InvalidParameterError', {
    parameter: 'latency in options of addLayer',
  });
  throwsKind(() => net.addPerson({ cost: -1 }), 'InvalidParameterError', { parameter: 'cost' });
  throwsKind(() => net.addTie(ana, bo, 'lunch', { sign: 2 }), 'InvalidParameterError');
  throwsKind(() => net.addLayer('x', { kind: 'telepathic' }), 'InvalidParameterError', {
    value: /telepathic/,
  });

  // A misspelt option is an error, named in camelCase as the user wrote it.
  const err = throwsKind(() => net.addLayer('x', { direted: true }), 'InvalidParameterError');
  assert.match(err.message, /unknown field `direted`/);
  throwsKind(() => net.addPerson({ lable: 'x' }), 'InvalidParameterError', { value: /lable/ });
  throwsKind(() => net.addLayer('x', 'digital'), 'InvalidParameterError', { expected: 'an object' });
  throwsKind(() => net.addLayer(undefined), 'InvalidParameterError');

  // Nothing above changed the network, and it still works.
  assert.deepEqual([net.numPeople, net.numLayers, net.numTies], [4, 2, 4]);
  assert.equal(net.degree(ana), 3);
});

test('a freed network cannot be used by mistake', () => {
  const net = new Network();
  net.free();
  assert.throws(() => net.numPeople, Error);
});
