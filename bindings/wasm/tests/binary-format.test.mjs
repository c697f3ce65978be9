// reseau's binary format from JavaScript: `network.toBytes()` / `Network.fromBytes(bytes)` give
// a network whose analyses are the very ones of the network saved, and a file written by the
// Rust core (the committed fixture) loads byte for byte as the web build writes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { reseau, root, throwsKind } from './helpers.mjs';

const { Network, datasets, generators, simulate, selectRelays, routeReferrals } = reseau;

const FIXTURE = path.join(root, 'crates/reseau/tests/data/aarhus_cs.rsn');

function analyses(net) {
  const n = net.numPeople;
  const s = simulate(net, [0, 1, 2], { runs: 300, seed: 11 });
  const r = selectRelays(net, { k: 3, seed: 5 });
  const requests = Array.from({ length: 20 }, (_, i) => [i % n, (i * 7 + 3) % n]);
  const q = routeReferrals(net, { requests, seed: 9 });
  return JSON.stringify([s.mean, s.std, Array.from(s.byStep), Array.from(r.relays), r.estimatedSpread,
    r.spread?.mean ?? null, q.succeeded, Array.from(q.chainLengths, Number)]);
}

for (const [name, make] of [
  ['aarhus_cs', () => datasets.aarhusCs()],
  ['barabasi_albert', () => generators.barabasiAlbert({ n: 2000, m: 3, seed: 4 })],
]) {
  test(`toBytes / fromBytes gives identical analyses: ${name}`, () => {
    const net = make();
    const bytes = net.toBytes();
    assert.ok(bytes instanceof Uint8Array);
    const back = Network.fromBytes(bytes);
    assert.equal(back.numPeople, net.numPeople);
    assert.equal(back.numTies, net.numTies);
    assert.deepEqual(back.labels, net.labels);
    assert.deepEqual(back.toBytes(), bytes);
    assert.equal(analyses(back), analyses(net));
  });
}

test('a file written by Rust loads identically', (t) => {
  if (!existsSync(FIXTURE)) {
    t.skip(`${FIXTURE} is missing (crates/reseau/tests/binary_format.rs writes it)`);
    return;
  }
  const fixture = new Uint8Array(readFileSync(FIXTURE));
  const net = datasets.aarhusCs();
  assert.deepEqual(net.toBytes(), fixture);
  const loaded = Network.fromBytes(fixture);
  assert.equal(analyses(loaded), analyses(net));
  loaded.addPerson({ label: 'newcomer' });
  assert.equal(loaded.numPeople, net.numPeople + 1);
});

test('bad bytes are typed errors and the module keeps working', () => {
  const err = throwsKind(() => Network.fromBytes(new Uint8Array(0)), 'FormatError');
  assert.equal(err.fields.file, '<bytes>');
  assert.equal(err.fields.field, 'header');
  for (let i = 0; i < 200; i++) {
    const bytes = datasets.aarhusCs().toBytes();
    const at = (i * 7919) % bytes.length;
    bytes[at] ^= 1 + (i % 255);
    try {
      Network.fromBytes(bytes.subarray(0, bytes.length - (i % 3) * 5));
    } catch (e) {
      assert.ok(reseau.errorKinds().includes(e.name), e.name);
    }
  }
  assert.equal(datasets.aarhusCs().numPeople, 61);
});
