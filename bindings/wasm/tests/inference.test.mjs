// Inference from JavaScript (issue 19): fitCascade, shuffleTest, inferShadow and
// parseAdoptions give the numbers of Rust for the same adoptions and options, bit for bit
// (tests/golden/inference.json, written by crates/reseau/tests/golden_inference.rs and
// shared with Python), and bad input is a typed error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { reseau, root, throwsKind } from './helpers.mjs';

const { Network, datasets, fitCascade, inferShadow, parseAdoptions, shuffleTest, simulate } = reseau;

const bound = { timeout: 120_000 };
const golden = JSON.parse(readFileSync(path.join(root, 'tests/golden/inference.json'), 'utf8'));

const camel = (key) => key.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
/** The core's serde form with camelCase struct keys (layer names have no underscore). */
const camelize = (v) =>
  Array.isArray(v) ? v.map(camelize)
    : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [camel(k), camelize(x)]))
      : v;
const options = (name) => camelize(golden.options[name]);

const aarhus = datasets.aarhusCs();
const rows = golden.adoptions; // { person: id, time, cascade }
const label = (r) => aarhus.labels[r.person];
/** The same adoptions as a CSV text, people by label. */
const csv = ['cascade,person,time', ...rows.map((r) => `${r.cascade},${label(r)},${r.time}`)].join('\n');

test('parseAdoptions reads a CSV as the core does, and its rows fit as the golden ones', bound, () => {
  const parsed = parseAdoptions(csv, { file: 'adoptions.csv' });
  assert.equal(parsed.length, rows.length);
  assert.deepEqual(parsed[0], { person: label(rows[0]), time: rows[0].time, cascade: rows[0].cascade });
  assert.deepStrictEqual(fitCascade(aarhus, parsed, options('fit')), camelize(golden.fit));
  const text = parseAdoptions('who;when\nU4;0\nU1;NA\n', { person: 'who', time: 'when', delimiter: ';' });
  assert.deepEqual(text, [{ person: 'U4', time: 0 }, { person: 'U1', time: null }]); // one cascade: none named
  // Labels are data: kept as written, whatever their case, in every shape of adoptions.
  const net = new Network();
  net.addLayer('lunch');
  for (const label of ['Ana', 'boCy', 'dee_e']) net.addPerson({ label });
  net.addTie('Ana', 'boCy', 'lunch');
  net.addTie('boCy', 'dee_e', 'lunch');
  const seen = { Ana: 0, boCy: 1, dee_e: 2 };
  const rowsSeen = Object.entries(seen).map(([person, time]) => ({ person, time }));
  const a = fitCascade(net, seen, { intervals: false });
  assert.equal(a.data.adoptions, 3);
  assert.deepStrictEqual(fitCascade(net, [seen], { intervals: false }).probabilities, a.probabilities);
  assert.deepStrictEqual(fitCascade(net, rowsSeen, { intervals: false }).probabilities, a.probabilities);
  // Nested in the report's options too.
  const r = reseau.report(aarhus, { quick: true, seed: 1, fit: { adoptions: { U4: 0, U1: 1 }, intervals: false } });
  assert.equal(r.numbers.fit.data.adoptions, 2);
});

test('fitCascade gives the Rust numbers for the same adoptions and seed', bound, () => {
  assert.deepStrictEqual(fitCascade(aarhus, rows, options('fit')), camelize(golden.fit));
  // Persistent exposure, and BigInt seeds: a fit of its own, with the same layers.
  const persistent = fitCascade(aarhus, rows, { exposure: 'persistent', horizon: 12, intervals: false });
  assert.equal(persistent.exposure, 'persistent');
  assert.deepEqual(Object.keys(persistent.probabilities), Object.keys(golden.fit.probabilities));
  assert.deepStrictEqual(fitCascade(aarhus, rows, { ...options('fit'), seed: BigInt(golden.options.fit.seed) }), camelize(golden.fit));
});

test('a fit is usable as it stands: its model simulates, its layers are keyed by name', bound, () => {
  const fit = fitCascade(aarhus, rows, { intervals: false });
  assert.deepEqual(Object.keys(fit.probabilities).sort(), aarhus.layers.map((l) => l.name).sort());
  assert.ok(fit.shadowShare >= 0 && fit.shadowShare <= 1);
  assert.ok(Number.isFinite(fit.logLikelihood) && fit.aic > 0);
  const s = simulate(aarhus, ['U4'], { model: fit.model, runs: 100, seed: 1 });
  assert.ok(s.mean >= 1);
  // The same data as one mapping per cascade.
  const cascades = [];
  for (const r of rows) (cascades[r.cascade] ??= {})[label(r)] = r.time;
  const again = fitCascade(aarhus, cascades, { intervals: false });
  assert.deepStrictEqual(again.probabilities, fit.probabilities);
  assert.equal(again.logLikelihood, fit.logLikelihood);
});

test('shuffleTest gives the Rust numbers for the same seed', bound, () => {
  const shuffled = shuffleTest(aarhus, rows, options('shuffle'));
  assert.deepStrictEqual(shuffled, camelize(golden.shuffle));
});

test('inferShadow gives the Rust ties and a Network with the shadow layer', bound, () => {
  const found = inferShadow(aarhus, rows, options('shadow'));
  const want = camelize(golden.shadow);
  assert.deepStrictEqual(found.ties, want.ties);
  assert.deepStrictEqual(found.fit, want.fit);
  assert.equal(found.layer, 'shadow');
  assert.equal(found.candidatesScored, want.candidatesScored);
  assert.ok(found.network instanceof Network);
  assert.equal(found.network.numTies, aarhus.numTies + found.ties.length);
  assert.equal(found.network.numTiesIn('shadow'), found.ties.length);
  assert.equal(aarhus.numLayers, 5, 'the network given is left as it was');
});

test('inference: bad input is a typed error, and the module works on', bound, () => {
  throwsKind(() => fitCascade(aarhus, [{ person: 'nobody', time: 0 }]), 'UnknownPersonError');
  throwsKind(() => fitCascade(aarhus, { U4: -1 }), 'InvalidParameterError');
  throwsKind(() => fitCascade(aarhus, { U4: 1.5 }), 'InvalidParameterError');
  throwsKind(() => fitCascade(aarhus, { U4: NaN }), 'InvalidParameterError');
  throwsKind(() => fitCascade(aarhus, rows, { exposur: 'persistent' }), 'InvalidParameterError');
  throwsKind(() => fitCascade(aarhus, rows, { exposure: 'sideways' }), 'InvalidParameterError');
  throwsKind(() => fitCascade(aarhus, rows, { adoptions: rows }), 'InvalidParameterError');
  throwsKind(() => fitCascade(aarhus, 'U4'), 'InvalidParameterError');
  throwsKind(() => fitCascade(new Network(), { 0: 0 }), 'InvalidParameterError');
  throwsKind(() => fitCascade(aarhus, rows, { layers: ['myspace'] }), 'UnknownLayerError');
  throwsKind(() => shuffleTest(aarhus, rows, { permutations: 0 }), 'InvalidParameterError');
  throwsKind(() => inferShadow(aarhus, rows, { candidates: 0 }), 'InvalidParameterError');
  throwsKind(() => inferShadow(aarhus, rows, { layer: 'facebook' }), 'DuplicateLayerError');
  const bad = throwsKind(() => parseAdoptions('person,time\nU4,1.5\n', { file: 'a.csv' }), 'ParseError');
  assert.deepEqual([bad.file, bad.line], ['a.csv', 2]);
  throwsKind(() => parseAdoptions('who,time\nU4,1\n'), 'ParseError');
  throwsKind(() => parseAdoptions('person,time\n', { delimiter: 'é' }), 'InvalidParameterError');
  // The rows of docs/errors.md's "Learning from adoptions", from JavaScript.
  for (const t of [Infinity, 2e6]) throwsKind(() => fitCascade(aarhus, [{ person: 'U4', time: t }]), 'InvalidParameterError');
  throwsKind(() => fitCascade(aarhus, [{ person: 7n ** 20n, time: 0 }]), 'UnknownPersonError');
  throwsKind(() => fitCascade(aarhus, { U4: 3 }, { horizon: 1 }), 'InvalidParameterError', { parameter: 'horizon' });
  throwsKind(() => fitCascade(aarhus, []), 'InvalidParameterError', { parameter: 'adoptions' });
  throwsKind(() => fitCascade(aarhus, { U4: null }), 'InvalidParameterError', { parameter: 'adoptions' });
  throwsKind(() => fitCascade(aarhus, [{ person: 'U4', time: 1 }, { person: 'U4', time: 2 }]), 'InvalidParameterError', { value: /twice/ });
  throwsKind(() => fitCascade(aarhus, { U4: 0 }, { external: false }), 'InvalidParameterError', { parameter: 'external' });
  throwsKind(() => fitCascade(aarhus, { U4: 0, U1: 1 }, { bootstrap: 10 }), 'InvalidParameterError', { parameter: 'bootstrap' });
  // A layer nobody was exposed through: not identifiable, null (never NaN), switched off.
  const lone = new Network();
  lone.addLayer('lunch');
  lone.addLayer('golf');
  lone.addPeople(4);
  lone.addTie(0, 1, 'lunch');
  lone.addTie(2, 3, 'golf');
  const fit = fitCascade(lone, [{ person: 0, time: 0 }, { person: 1, time: 1 }]);
  assert.equal(fit.probabilities.golf, null);
  assert.equal(fit.ci95.golf, null);
  assert.equal(fit.layerTests.golf, null);
  assert.equal(fit.layers.find((l) => l.layer === 'golf').identifiable, false);
  assert.equal(fitCascade(aarhus, { U4: 0, U1: 1 }).data.adoptions, 2);
});
