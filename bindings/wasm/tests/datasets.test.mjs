// The embedded Aarhus CS multiplex.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { reseau } from './helpers.mjs';

const { datasets, Network } = reseau;

test('datasets.aarhusCs: 61 people, 620 ties, 5 layers', () => {
  const net = datasets.aarhusCs();
  assert.ok(net instanceof Network);
  assert.deepEqual([net.numPeople, net.numTies, net.numLayers], [61, 620, 5]);
  const expected = { lunch: 193, facebook: 124, coauthor: 21, leisure: 88, work: 194 };
  assert.deepEqual(
    Object.fromEntries(net.layers.map((l) => [l.name, net.numTiesIn(l.name)])),
    expected,
  );
  for (const layer of net.layers) {
    assert.equal(layer.kind, layer.name === 'facebook' ? 'digital' : 'physical', layer.name);
    assert.equal(layer.directed, false);
  }
  assert.deepEqual(Array.from(net.layersOfKind('digital')), [net.layers.findIndex((l) => l.name === 'facebook')]);
  assert.equal(net.degrees('lunch').reduce((a, b) => a + b, 0), 2 * 193);
});

test('Aarhus people carry their research group and role', () => {
  const net = datasets.aarhusCs();
  assert.equal(net.labels[0], 'U102');
  assert.equal(net.indexOf('U102'), 0);
  const groups = net.groups();
  assert.ok('G1' in groups);
  const members = Object.values(groups).reduce((n, ids) => n + ids.length, 0);
  assert.ok(members > 40 && members <= 61, `${members} people in groups`);
  const roles = new Set();
  for (let id = 0; id < net.numPeople; id++) {
    const person = net.person(id);
    assert.equal(typeof person.attributes.role, 'string', person.label);
    roles.add(person.attributes.role);
  }
  for (const role of ['PhD', 'Professor', 'Admin']) assert.ok(roles.has(role), role);
});

test('Aarhus: a platform disappears, layers overlap, the flat view', () => {
  const net = datasets.aarhusCs();
  const offline = net.withoutLayers(['facebook']);
  assert.deepEqual([offline.numLayers, offline.numTies, offline.numPeople], [4, 620 - 124, 61]);
  assert.ok(net.overlap('lunch', 'work') > 0);
  const flat = net.flatten('any');
  assert.equal(flat.numLayers, 1);
  assert.ok(flat.numTies < net.numTies);
  // Each call gives a fresh network.
  const again = datasets.aarhusCs();
  assert.notEqual(again, net);
  assert.equal(JSON.stringify(again), JSON.stringify(net));
});
