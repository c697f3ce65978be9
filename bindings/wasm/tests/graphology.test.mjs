// graphology's serialisation format, so that a page can hand a network to graphology/sigma.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { reseau, throwsKind } from './helpers.mjs';

const { Network, datasets } = reseau;

const snapshot = (net) => ({
  labels: net.labels,
  layers: net.layers,
  ties: net.ties(),
  people: net.labels.map((_, id) => net.person(id)),
});

test('Aarhus as graphology data', () => {
  const net = datasets.aarhusCs();
  const graph = net.toGraphology();
  assert.deepEqual(graph.options, { type: 'undirected', multi: true, allowSelfLoops: true });
  assert.equal(graph.nodes.length, 61);
  assert.equal(graph.edges.length, 620);
  const node = graph.nodes[0];
  assert.equal(node.key, 'U102');
  assert.equal(node.attributes.label, 'U102');
  assert.equal(typeof node.attributes.role, 'string');
  assert.equal(node.attributes.kind, 'person');
  const edge = graph.edges.find((e) => e.attributes.layer === 'facebook');
  assert.equal(edge.undirected, true);
  assert.equal(edge.attributes.layerKind, 'digital');
  assert.equal(edge.attributes.weight, 1);
  assert.equal(edge.attributes.sign, 1);
  assert.equal(graph.attributes.layers.length, 5);
  // Plain data: it survives JSON.
  assert.deepEqual(JSON.parse(JSON.stringify(graph)), graph);

  const back = Network.fromGraphology(graph);
  assert.deepEqual(snapshot(back), snapshot(net));
  assert.deepEqual(back.toGraphology(), graph);
});

test('round trip of a mixed network: directed and undirected layers, signs, probabilities', () => {
  const net = new Network();
  net.addLayer('lunch', { probability: 0.3, latency: 2 });
  net.addLayer('twitter', { kind: 'digital', directed: true });
  net.addLayer('unused', { kind: 'digital' });
  const ana = net.addPerson({ label: 'ana', group: 'G1', kind: 'media', cost: 3, position: [1, 2] });
  const bo = net.addPerson({ label: 'bo', attributes: { team: 'x' } });
  net.addTie(ana, bo, 'lunch', { weight: 2.5 });
  net.addTie(bo, ana, 'twitter', { sign: 'negative', probability: 0.1 });
  const graph = net.toGraphology();
  assert.equal(graph.options.type, 'mixed');
  assert.deepEqual(graph.nodes[0].attributes, {
    label: 'ana', group: 'G1', kind: 'media', cost: 3, x: 1, y: 2,
  });
  assert.equal(graph.edges[1].undirected, undefined);
  assert.deepEqual(graph.edges[1].attributes, {
    layer: 'twitter', layerKind: 'digital', weight: 1, sign: -1, probability: 0.1,
  });
  const back = Network.fromGraphology(graph);
  assert.deepEqual(snapshot(back), snapshot(net));
});

test('graphs from elsewhere: a Graph with export(), numeric keys, no layers', () => {
  const data = {
    options: { type: 'directed' },
    nodes: [{ key: 1, attributes: { label: 'One', size: 4, color: '#f00' } }, { key: 2 }, { key: 'three' }],
    edges: [
      { source: 1, target: 2, attributes: { weight: 3 } },
      { source: '2', target: 'three', attributes: { layer: 'email' } },
    ],
  };
  const graphLike = { export: () => data }; // what graphology's Graph offers
  const net = Network.fromGraphology(graphLike);
  assert.deepEqual(net.labels, ['1', '2', 'three']);
  assert.deepEqual(net.layers.map((l) => [l.name, l.kind, l.directed]), [
    ['ties', 'physical', true],
    ['email', 'digital', true],
  ]);
  assert.deepEqual(net.person(0).attributes, { color: '#f00', label: 'One', size: '4' });
  assert.equal(net.ties()[0].weight, 3);
});

test('bad graphology data gives named errors', () => {
  const nodes = [{ key: 'a' }, { key: 'b' }];
  const edge = (attributes, extra = {}) => ({ nodes, edges: [{ source: 'a', target: 'b', attributes, ...extra }] });
  throwsKind(() => Network.fromGraphology({ nodes, edges: [{ source: 'a', target: 'z' }] }), 'UnknownPersonError', {
    person: '"z"',
  });
  throwsKind(() => Network.fromGraphology(edge({ weight: -2 })), 'InvalidParameterError', {
    parameter: 'edges[0]: weight',
  });
  throwsKind(() => Network.fromGraphology(edge({ weight: NaN })), 'InvalidParameterError');
  throwsKind(() => Network.fromGraphology(edge({ probability: 2 })), 'InvalidParameterError');
  throwsKind(() => Network.fromGraphology({ nodes: [{ key: 'a' }, { key: 'a' }] }), 'DuplicateLabelError');
  throwsKind(() => Network.fromGraphology({ nodes: 'a,b' }), 'InvalidParameterError', {
    parameter: /graphology data/,
  });
  throwsKind(() => Network.fromGraphology(42), 'InvalidParameterError');
  const twice = { nodes, edges: [{ source: 'a', target: 'b' }, { source: 'b', target: 'a', undirected: true }] };
  assert.equal(Network.fromGraphology(twice).numTies, 2, 'directed layer: a->b, then b->a and a->b');
  const dup = { nodes, edges: [{ source: 'a', target: 'b', undirected: true }, { source: 'b', target: 'a', undirected: true }] };
  assert.equal(Network.fromGraphology(dup).duplicatesMerged, 1);
  throwsKind(() => Network.fromGraphology(dup, { duplicates: 'reject' }), 'DuplicateTieError', {
    location: 'edges[1]: ',
  });
  const loop = { nodes, edges: [{ source: 'a', target: 'a' }] };
  assert.equal(Network.fromGraphology(loop).selfLoopsDropped, 1);
  throwsKind(() => Network.fromGraphology(loop, { selfLoops: 'reject' }), 'SelfLoopError');
});
