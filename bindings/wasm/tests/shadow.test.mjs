// Shadow layers from JavaScript: marking a layer, the analyst's view (`observed()`), lobbies
// from the generator, and `shadowGap`, what the analyst misses.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { reseau, throwsKind } from './helpers.mjs';

const { Network, IndependentCascade, generators, simulate, shadowGap, datasets } = reseau;

/** A lobby tied in the shadow to p1 and p2; p2 - p3 - p4 in plain sight; every tie certain. */
function lobbyNetwork() {
  const net = new Network();
  net.addLayer('linkedin', { kind: 'digital', probability: 1 });
  net.addLayer('lobbying', { kind: 'physical', shadow: true, probability: 1 });
  const lobby = net.addPerson({ label: 'lobby', kind: 'organization' });
  const p = [1, 2, 3, 4].map((i) => net.addPerson({ label: `p${i}` }));
  net.addTie(lobby, p[0], 'lobbying');
  net.addTie(lobby, p[1], 'lobbying');
  net.addTie(p[1], p[2], 'linkedin');
  net.addTie(p[2], p[3], 'linkedin');
  return net;
}

test('a shadow layer is simulated but not observed', () => {
  const net = lobbyNetwork();
  assert.deepEqual(net.shadowLayers, ['lobbying']);
  assert.equal(net.numShadowTies, 2);
  assert.equal(net.layer('lobbying').shadow, true);
  const seen = net.observed();
  assert.deepEqual([seen.numPeople, seen.numTies, seen.shadowLayers], [5, 2, []]);
  const certain = { model: IndependentCascade({ probability: 1 }), runs: 20 };
  assert.equal(simulate(net, ['lobby'], certain).mean, 5);
  assert.equal(simulate(seen, ['lobby'], certain).mean, 1);
});

test('the gap is known by hand', () => {
  const gap = shadowGap(lobbyNetwork(), { runs: 300 });
  assert.deepEqual(Array.from(gap.sources), [0]);
  assert.deepEqual([gap.fullSpread, gap.observedSpread, gap.missed, gap.missedShare], [5, 1, 4, 0.8]);
  assert.deepEqual(gap.fullSpreadCi95, [5, 5]);
  assert.deepEqual(gap.shadowLayers, ['lobbying']);
});

test('a shadow of size zero leaves no gap, and a named layer is hidden for the call only', () => {
  const net = datasets.aarhusCs();
  const gap = shadowGap(net, { sources: ['U4'], shadowLayers: ['leisure'], share: 0, runs: 500, seed: 3 });
  assert.equal(gap.shadowTies, 0);
  assert.equal(gap.missed, 0);
  const visible = net.withoutLayers(['leisure']);
  assert.equal(gap.observedSpread, simulate(visible, ['U4'], { runs: 500, seed: 3 }).mean);
  assert.deepEqual(net.shadowLayers, []);
  net.setLayerShadow('facebook');
  assert.equal(net.withShadowShare(0.5, 7).numTiesIn('facebook'), 62);
  net.setLayerShadow('facebook', false);
  assert.deepEqual(net.shadowLayers, []);
});

test('lobbies from the generator, and the same numbers as Rust and Python', () => {
  const net = generators.professional({ people: 200, lobbies: 3, lobbyTies: 15, seed: 2 });
  assert.equal(net.numPeople, 203);
  assert.equal(net.numShadowTies, 45);
  assert.equal(net.person(200).kind, 'organization');
  const gap = shadowGap(net, { runs: 200 });
  assert.deepEqual(Array.from(gap.sources), [200, 201, 202]);
  assert.equal(gap.observedSpread, 3);
  assert.ok(gap.fullSpreadCi95[0] > 3);
  assert.deepEqual(shadowGap(net, { runs: 200 }), gap);
});

test('the flag survives the binary format and JSON', () => {
  const net = lobbyNetwork();
  assert.deepEqual(Network.fromBytes(net.toBytes()).shadowLayers, ['lobbying']);
  assert.deepEqual(Network.fromJson(net.toJson()).shadowLayers, ['lobbying']);
});

test('bad parameters are typed errors', () => {
  const net = lobbyNetwork();
  throwsKind(() => shadowGap(net, { share: 1.5 }), 'InvalidParameterError', { parameter: 'share' });
  throwsKind(() => shadowGap(net, { shadowLayers: ['dinner'] }), 'UnknownLayerError');
  throwsKind(() => shadowGap(net, { sources: ['nobody'] }), 'UnknownPersonError');
  throwsKind(() => shadowGap(net, { sauces: [0] }), 'InvalidParameterError', { value: /sauces/ });
  throwsKind(() => shadowGap(datasets.aarhusCs(), { sources: [0] }), 'InvalidParameterError');
  throwsKind(() => net.setLayerShadow('dinner'), 'UnknownLayerError');
  throwsKind(() => net.withShadowShare(-0.1), 'InvalidParameterError', { parameter: 'share' });
  throwsKind(() => generators.professional({ people: 20, lobbies: 1, lobbyTies: 21, seed: 1 }), 'InvalidParameterError');
});
