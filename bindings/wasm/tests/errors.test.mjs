// Every error is a real Error named after the core's kind, with its fields as properties.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { reseau, throwsKind } from './helpers.mjs';

const { Network, readEdgelist, errorKinds, version } = reseau;

test('error kinds and the version', () => {
  const kinds = errorKinds();
  assert.ok(kinds.includes('ParseError'));
  assert.ok(kinds.includes('UnknownLayerError'));
  assert.equal(kinds.length, new Set(kinds).size);
  assert.match(version(), /^\d+\.\d+\.\d+/);
});

test('errors are Errors, with a stack, a name, a message and fields', () => {
  const err = throwsKind(() => readEdgelist('a b\nc\n', { file: 'f.txt' }), 'ParseError');
  assert.ok(err instanceof Error);
  assert.equal(typeof err.stack, 'string');
  assert.ok(errorKinds().includes(err.name));
  assert.equal(err.message, 'f.txt:2: expected 2 or 3 columns (source target [weight]), found 1: "c"');
  assert.deepEqual(err.fields, {
    file: 'f.txt',
    line: 2,
    content: 'c',
    reason: 'expected 2 or 3 columns (source target [weight]), found 1',
  });
  assert.equal(String(err), `ParseError: ${err.message}`);
});

test('fields that would hide Error properties are renamed; fields keeps them all', () => {
  const net = new Network();
  const err = throwsKind(() => net.numTiesIn('myspace'), 'UnknownLayerError', { layer: 'myspace' });
  assert.equal(err.name, 'UnknownLayerError');
  assert.equal(err.message, 'unknown layer "myspace"');
  assert.deepEqual(err.fields, { name: 'myspace' });
  const bad = throwsKind(() => net.addLayer('x', { probability: 2 }), 'InvalidParameterError', {
    parameter: 'probability of layer "x"',
    value: '2',
    expected: 'a probability in [0, 1]',
  });
  assert.equal(bad.fields.name, 'probability of layer "x"');
  const json = throwsKind(() => Network.fromJSON('{'), 'JsonError');
  assert.equal(typeof json.detail, 'string');
  assert.equal(json.fields.message, json.detail);
});

test('after any number of errors the module still works', () => {
  for (let i = 0; i < 200; i++) {
    assert.throws(() => readEdgelist(`1 2\n${i}\n`));
    assert.throws(() => new Network().degree(i));
  }
  assert.equal(readEdgelist('1 2\n').numTies, 1);
});
