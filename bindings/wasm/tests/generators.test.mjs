// The seeded generators: reproducible, seeds as numbers or BigInts, arguments checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { reseau, throwsKind } from './helpers.mjs';

const { generators } = reseau;

const CASES = {
  erdosRenyi: { n: 300, meanDegree: 4 },
  barabasiAlbert: { n: 300, m: 2 },
  wattsStrogatz: { n: 300, k: 4, beta: 0.1 },
  kleinberg: { side: 12, r: 2, longRange: 1 },
  stochasticBlock: { sizes: [50, 40], probabilities: [[0.2, 0.01], [0.01, 0.3]] },
  professional: { people: 200, groupSize: 10, digitalLayers: ['linkedin', 'twitter'] },
};

const ties = (net) => JSON.stringify(net.ties());

test('every generator: the same seed gives the same ties, another seed others', () => {
  for (const [name, args] of Object.entries(CASES)) {
    const a = generators[name]({ ...args, seed: 1 });
    const b = generators[name]({ ...args, seed: 1 });
    const c = generators[name]({ ...args, seed: 2 });
    assert.ok(a.numTies > 0, name);
    assert.equal(ties(a), ties(b), name);
    assert.equal(JSON.stringify(a), JSON.stringify(b), name);
    assert.notEqual(ties(a), ties(c), name);
  }
});

test('seeds: numbers and BigInts agree, the whole 64-bit range works', () => {
  const args = CASES.erdosRenyi;
  const number = generators.erdosRenyi({ ...args, seed: 7 });
  const big = generators.erdosRenyi({ ...args, seed: 7n });
  assert.equal(ties(number), ties(big));
  const max = generators.erdosRenyi({ ...args, seed: 2n ** 64n - 1n });
  assert.ok(max.numTies > 0);
  assert.equal(ties(generators.erdosRenyi({ ...args, seed: 2 ** 53 })), ties(generators.erdosRenyi({ ...args, seed: 2n ** 53n })));
  for (const seed of [-1, 1.5, 2 ** 64, NaN, '1', -1n, 2n ** 64n, null]) {
    throwsKind(() => generators.erdosRenyi({ ...args, seed }), 'InvalidParameterError', {
      parameter: /seed/,
    });
  }
  throwsKind(() => generators.erdosRenyi({ ...args }), 'InvalidParameterError', { value: /`seed`/ });
  throwsKind(() => generators.professional({}), 'InvalidParameterError', { value: /`seed`/ });
});

test('generators: structure of what they make', () => {
  const er = generators.erdosRenyi({ n: 1000, meanDegree: 4, seed: 1 });
  assert.equal(er.numPeople, 1000);
  assert.deepEqual(er.layers, [{ name: 'ties', kind: 'physical', directed: false, latency: 1 }]);
  const mean = (2 * er.numTies) / er.numPeople;
  assert.ok(mean > 3.5 && mean < 4.5, `mean degree ${mean}`);

  const grid = generators.kleinberg({ side: 10, r: 2, longRange: 1, seed: 3 });
  assert.equal(grid.numPeople, 100);
  assert.equal(grid.layers[0].directed, true);
  assert.equal(grid.person(0).position.length, 2);

  const sbm = generators.stochasticBlock({
    sizes: new Uint32Array([20, 30]),
    probabilities: [[0.5, 0], [0, 0.5]],
    seed: 4,
  });
  assert.equal(sbm.numPeople, 50);
  assert.equal(Object.keys(sbm.groups()).length, 2);

  const pro = generators.professional({ people: 300, groupSize: 15, groupPrefix: 'team', digitalLayers: ['linkedin'], seed: 5n });
  assert.equal(pro.numPeople, 300);
  assert.deepEqual(pro.layers.map((l) => l.kind).sort(), ['digital', 'physical']);
  assert.ok(Object.keys(pro.groups()).every((g) => g.startsWith('team')));
});

test('generator arguments are checked', () => {
  throwsKind(() => generators.erdosRenyi({ n: 10, meanDegre: 2, seed: 1 }), 'InvalidParameterError', {
    value: /unknown field `meanDegre`/,
  });
  throwsKind(() => generators.erdosRenyi({ n: 10, meanDegree: NaN, seed: 1 }), 'InvalidParameterError');
  throwsKind(() => generators.erdosRenyi({ n: -5, meanDegree: 2, seed: 1 }), 'InvalidParameterError', {
    parameter: 'n in arguments of erdosRenyi',
  });
  throwsKind(() => generators.wattsStrogatz({ n: 10, k: 4, beta: 1.5, seed: 1 }), 'InvalidParameterError');
  throwsKind(() => generators.stochasticBlock({ sizes: [5], probabilities: [[2]], seed: 1 }), 'InvalidParameterError');
  throwsKind(() => generators.stochasticBlock({ sizes: [5, 5], probabilities: [[0.1]], seed: 1 }), 'InvalidParameterError');
  throwsKind(() => generators.professional({ overlap: 1.5, seed: 1 }), 'InvalidParameterError');
  throwsKind(() => generators.professional({ peeple: 5, seed: 1 }), 'InvalidParameterError', { value: /peeple/ });
  throwsKind(() => generators.kleinberg(), 'InvalidParameterError');
});

const tieSet = (net) =>
  net.ties().map((t) => [Math.min(t.source, t.target), Math.max(t.source, t.target)].join(' ')).sort();

test('barabasiAlbertCompiled: the same network as barabasiAlbert, frozen until its ties are asked for', () => {
  const args = { n: 2000, m: 3, seed: 5 };
  const frozen = generators.barabasiAlbertCompiled(args);
  const editable = generators.barabasiAlbert(args);
  assert.equal(frozen.isFrozen, true);
  assert.equal(editable.isFrozen, false);
  assert.deepEqual([frozen.numPeople, frozen.numTies], [editable.numPeople, editable.numTies]);
  const a = reseau.simulate(frozen, [0, 7, 1999], { runs: 200, seed: 3 });
  const b = reseau.simulate(editable, [0, 7, 1999], { runs: 200, seed: 3 });
  assert.equal(frozen.isFrozen, true); // counts and analyses need no editable form
  assert.equal(a.mean, b.mean);
  assert.deepEqual(Array.from(a.activation), Array.from(b.activation));
  // The same ties, in the compiled view's order rather than the generator's.
  assert.deepEqual(tieSet(frozen), tieSet(editable));
  assert.equal(frozen.isFrozen, false); // made when asked about its ties
  assert.notDeepEqual(tieSet(generators.barabasiAlbertCompiled({ ...args, seed: 6 })), tieSet(frozen));
  throwsKind(() => generators.barabasiAlbertCompiled({ n: 3, m: 5 }), 'InvalidParameterError');
  throwsKind(() => generators.barabasiAlbertCompiled({ n: 10, m: 2, people: 3 }), 'InvalidParameterError');
});

test('isFrozen: a network read from bytes is frozen until edited', () => {
  const net = reseau.datasets.aarhusCs();
  assert.equal(net.isFrozen, false);
  const loaded = reseau.Network.fromBytes(net.toBytes());
  assert.equal(loaded.isFrozen, true);
  assert.equal(loaded.numPeople, 61);
  assert.equal(loaded.isFrozen, true);
  loaded.addPeople(1);
  assert.equal(loaded.isFrozen, false);
  assert.equal(loaded.numPeople, 62);
});
