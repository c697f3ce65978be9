// Lossless JSON, shared with Rust and Python.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { reseau, throwsKind } from './helpers.mjs';

const { Network, datasets } = reseau;

test('JSON.stringify / Network.fromJSON: the same network, byte for byte', () => {
  const net = datasets.aarhusCs();
  const text = JSON.stringify(net); // toJSON(): the network's JSON document as an object
  const back = Network.fromJSON(text);
  assert.equal(JSON.stringify(back), text);
  assert.deepEqual(back.labels, net.labels);
  assert.deepEqual(net.toJSON(), JSON.parse(text));
  assert.equal(JSON.stringify(Network.fromJSON(JSON.parse(text))), text);
  // The old names, for one release: toJson() is the same document as text, fromJson reads it.
  assert.deepEqual(JSON.parse(net.toJson()), JSON.parse(text));
  assert.equal(JSON.stringify(Network.fromJson(net.toJson())), text);
});

test('JSON of a newer version, or not a network, gives a clear error', () => {
  const doc = new Network().toJSON();
  const newer = { ...doc, version: doc.version + 1 };
  throwsKind(() => Network.fromJSON(JSON.stringify(newer)), 'UnsupportedVersionError', {
    found: doc.version + 1,
    supported: doc.version,
  });
  throwsKind(() => Network.fromJSON('{"format": "reseau.network",'), 'JsonError', { line: 1 });
  throwsKind(() => Network.fromJSON('[1, 2]'), 'JsonError');
  throwsKind(() => Network.fromJSON(''), 'JsonError');
});
