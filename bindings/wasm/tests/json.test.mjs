// Lossless JSON, shared with Rust and Python.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { reseau, throwsKind } from './helpers.mjs';

const { Network, datasets } = reseau;

test('toJson / fromJson: the same network, byte for byte', () => {
  const net = datasets.aarhusCs();
  const text = net.toJson();
  assert.equal(typeof text, 'string');
  const back = Network.fromJson(text);
  assert.equal(back.toJson(), text);
  assert.deepEqual(back.labels, net.labels);
  // JSON.stringify uses toJSON(): the same document, so saving a network is one call.
  assert.deepEqual(JSON.parse(JSON.stringify(net)), JSON.parse(text));
  assert.deepEqual(net.toJSON(), JSON.parse(text));
  assert.equal(Network.fromJson(JSON.parse(text)).toJson(), text);
});

test('JSON of a newer version, or not a network, gives a clear error', () => {
  const doc = new Network().toJSON();
  const newer = { ...doc, version: doc.version + 1 };
  throwsKind(() => Network.fromJson(JSON.stringify(newer)), 'UnsupportedVersionError', {
    found: doc.version + 1,
    supported: doc.version,
  });
  throwsKind(() => Network.fromJson('{"format": "reseau.network",'), 'JsonError', { line: 1 });
  throwsKind(() => Network.fromJson('[1, 2]'), 'JsonError');
  throwsKind(() => Network.fromJson(''), 'JsonError');
});
