// The readers, from text (a page has no file system): formats, options, real data, bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { data, reseau, throwsKind } from './helpers.mjs';

const { readEdgelist, readCsv, readMultiplex, readMpx, readSigned } = reseau;

const SNAP = [
  '# Directed graph (each unordered pair of nodes is saved once): Example.txt ',
  '# Nodes: 5 Edges: 4',
  '# FromNodeId\tToNodeId',
  '0\t1',
  '1\t2',
  '2  1000000000000',
  '',
  '1\t0',
  '3\t3',
  '',
].join('\r\n');

test('a SNAP edge list with comments, tabs, spaces and CRLF', () => {
  const net = readEdgelist(SNAP);
  assert.deepEqual(net.labels, ['0', '1', '2', '1000000000000', '3']);
  assert.equal(net.numTies, 3);
  assert.equal(net.duplicatesMerged, 1, '1 0 repeats 0 1');
  assert.equal(net.selfLoopsDropped, 1, '3 3 is dropped and counted');
  assert.equal(net.indexOf('1000000000000'), 3);
  assert.deepEqual(net.layers, [
    { name: 'ties', kind: 'physical', directed: false, latency: 1 },
  ]);
});

test('edge list options, camelCase or snake_case, and bytes as input', () => {
  const net = readEdgelist('a b 2.5\nb a\n', { directed: true, layer: 'email', kind: 'digital' });
  assert.equal(net.numTies, 2);
  assert.deepEqual(net.layers[0], { name: 'email', kind: 'digital', directed: true, latency: 1 });
  assert.equal(net.ties()[0].weight, 2.5);

  const bytes = new TextEncoder().encode(SNAP);
  assert.equal(readEdgelist(bytes).numTies, 3);
  assert.equal(readEdgelist(bytes.buffer).numTies, 3);

  const strict = { policy: { duplicates: 'reject', selfLoops: 'reject' } };
  throwsKind(() => readEdgelist(SNAP, strict), 'DuplicateTieError', { a: '1', b: '0' });
  throwsKind(
    () => readEdgelist('1 1\n', { policy: { self_loops: 'reject' }, file: 'loops.txt' }),
    'SelfLoopError',
    { person: '1', location: /loops\.txt:1/ },
  );
  const summed = readEdgelist('a b 1\nb a 2\n', { policy: { duplicates: 'sum' } });
  assert.deepEqual([summed.ties()[0].weight, summed.ties()[0].multiplicity], [3, 2]);
});

test('a malformed line names the file, the line and its content', () => {
  const err = throwsKind(() => readEdgelist('1 2\n3\n', { file: 'broken.txt' }), 'ParseError', {
    file: 'broken.txt',
    line: 2,
    content: '3',
  });
  assert.match(err.message, /^broken\.txt:2: /);
  assert.deepEqual(err.fields.line, 2);
  throwsKind(() => readEdgelist('1 2 3 4\n'), 'ParseError', { file: '<string>', line: 1 });
  throwsKind(() => readEdgelist('1 2 heavy\n'), 'ParseError', { line: 1 });
  throwsKind(() => readEdgelist('1 2\n1 3 -1\n'), 'ParseError', { line: 2, content: '1 3 -1' });
  throwsKind(() => readEdgelist('1 2 NaN\n'), 'ParseError');
});

test('text that is not UTF-8', () => {
  const bytes = new Uint8Array([0x61, 0x20, 0x62, 0x0a, 0x63, 0x20, 0xff, 0x0a]);
  throwsKind(() => readEdgelist(bytes, { file: 'latin1.txt' }), 'EncodingError', {
    file: 'latin1.txt',
    line: 2,
    offset: 6,
  });
});

test('empty text gives an empty network', () => {
  for (const text of ['', '\n', '# only a comment\n']) {
    const net = readEdgelist(text);
    assert.deepEqual([net.numPeople, net.numTies], [0, 0]);
  }
  assert.equal(readCsv('').numTies, 0);
  assert.equal(readMpx('').numTies, 0);
  assert.equal(readSigned('').numTies, 0);
  assert.equal(readMultiplex('').numTies, 0);
});

test('options are checked: misspelt keys, wrong types, wrong text', () => {
  const err = throwsKind(() => readEdgelist('', { direted: true }), 'InvalidParameterError');
  assert.match(err.message, /unknown field `direted`/);
  throwsKind(
    () => readEdgelist('', { policy: { selfLoops: 'maybe' } }),
    'InvalidParameterError',
    { parameter: 'policy.selfLoops in options of readEdgelist', value: /maybe/ },
  );
  throwsKind(() => readEdgelist('', { directed: 'yes' }), 'InvalidParameterError');
  throwsKind(() => readEdgelist(42), 'InvalidParameterError', { parameter: 'text of readEdgelist' });
  throwsKind(() => readEdgelist('', 'directed'), 'InvalidParameterError');
  throwsKind(() => readCsv('', { delimiter: ';;' }), 'InvalidParameterError');
});

test('CSV with a header, quotes, a layer column and signs', () => {
  const text = 'from;to;channel;strength;trust\n"Doe, Jane";bo;lunch;2;+\nbo;cy;Facebook;1;-\n';
  const net = readCsv(text, {
    source: 'from',
    target: 'to',
    layerColumn: 'channel',
    weight: 'strength',
    sign: 'trust',
    delimiter: ';',
  });
  assert.deepEqual(net.labels, ['Doe, Jane', 'bo', 'cy']);
  assert.deepEqual(
    net.layers.map((l) => [l.name, l.kind]),
    [['lunch', 'physical'], ['Facebook', 'digital']],
  );
  assert.deepEqual(net.ties().map((t) => [t.weight, t.sign]), [[2, 1], [1, -1]]);
  throwsKind(() => readCsv('source,target\na,b,c\n', { file: 'bad.csv' }), 'ParseError', {
    file: 'bad.csv',
    line: 2,
  });
});

test('the multiplex format with its layers and nodes tables', (t) => {
  const edges = data(t, 'aarhus-cs/CS-Aarhus_multiplex.edges');
  if (!edges) return;
  const layers = data(t, 'aarhus-cs/CS-Aarhus_layers.txt').toString('utf8');
  const nodes = data(t, 'aarhus-cs/CS-Aarhus_nodes.txt').toString('utf8');
  const net = readMultiplex(edges.toString('utf8'), { layers, nodes });
  assert.deepEqual([net.numPeople, net.numTies, net.numLayers], [61, 620, 5]);
  assert.deepEqual(
    net.layers.map((l) => [l.name, net.numTiesIn(l.name)]),
    [['lunch', 193], ['facebook', 124], ['coauthor', 21], ['leisure', 88], ['work', 194]],
  );
  assert.equal(net.layers[1].kind, 'digital');
  // The same from bytes, and a digital list that overrides the guess.
  const bytes = readMultiplex(edges, { layers: new Uint8Array(Buffer.from(layers)), digital: [] });
  assert.ok(bytes.layers.every((l) => l.kind === 'physical'));

  const small = readMultiplex('1 a b\n2 b c 2\n', { directed: true });
  assert.deepEqual(small.layers.map((l) => [l.name, l.directed]), [['1', true], ['2', true]]);
  throwsKind(() => readMultiplex('1 1 9\n', { nodes: 'nodeID nodeLabel\n1 a\n' }), 'ParseError', {
    file: 'edges',
    line: 1,
  });
  throwsKind(() => readMultiplex('', { layers: 42 }), 'InvalidParameterError');
});

test('multinet .mpx with actor attributes', (t) => {
  const mpx = [
    '#TYPE', 'multiplex', '',
    '#LAYERS', 'facebook,UNDIRECTED', 'advice,DIRECTED', '',
    '#ACTOR ATTRIBUTES', 'group,STRING', 'role,STRING', '',
    '#ACTORS', 'ana,G1,PhD', 'bo,NA,Admin', '',
    '#EDGES', 'ana,bo,facebook', 'bo,ana,facebook', 'bo,ana,advice', '',
  ].join('\n');
  const net = readMpx(mpx, { file: 'example.mpx' });
  assert.deepEqual([net.numPeople, net.numTies, net.duplicatesMerged], [2, 2, 1]);
  assert.deepEqual(net.person(net.indexOf('ana')), {
    id: 0, label: 'ana', group: 'G1', kind: 'person', cost: 1, position: null, attributes: { role: 'PhD' },
  });
  assert.deepEqual(net.layers.map((l) => [l.kind, l.directed]), [['digital', false], ['physical', true]]);
  throwsKind(() => readMpx('#NONSENSE\n', { file: 'x.mpx' }), 'ParseError', { file: 'x.mpx', line: 1 });

  const aucs = data(t, 'multinet-mpx/aucs.mpx');
  if (!aucs) return;
  const real = readMpx(aucs, { file: 'aucs.mpx' });
  assert.deepEqual([real.numPeople, real.numLayers], [61, 5]);
});

test('signed ratings: the sign of the rating, its size as the weight', (t) => {
  const net = readSigned('1,2,10,0\n2,3,-4,0\n');
  assert.deepEqual(net.ties().map((t) => [t.sign, t.weight]), [[1, 10], [-1, 4]]);
  assert.deepEqual(net.layers[0], { name: 'trust', kind: 'digital', directed: true, latency: 1 });
  throwsKind(() => readSigned('1,2,0,0\n', { file: 'r.csv' }), 'ParseError', { file: 'r.csv', line: 1 });
  const otc = data(t, 'snap/bitcoin-otc/soc-sign-bitcoinotc.csv');
  if (!otc) return;
  const real = readSigned(otc, { file: 'soc-sign-bitcoinotc.csv' });
  assert.equal(real.numPeople, 5881);
  assert.equal(real.numTies, 35592);
});

test('SNAP Email-Enron: 36,692 people and 183,831 ties', (t) => {
  const bytes = data(t, 'snap/email-Enron/Email-Enron.txt');
  if (!bytes) return;
  const net = readEdgelist(bytes, { file: 'Email-Enron.txt' });
  assert.equal(net.numPeople, 36692);
  assert.equal(net.numTies, 183831);
  assert.equal(net.duplicatesMerged, 183831, 'each undirected tie is listed both ways');
  assert.equal(net.labels[0], '0');
  assert.equal(net.degrees().reduce((a, b) => a + b, 0), 2 * 183831);
  // The same from a string.
  assert.equal(readEdgelist(bytes.toString('utf8')).numTies, 183831);
});
