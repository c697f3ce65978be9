// The balance sweep and the headline report from JavaScript: the same numbers as the Rust
// core (the golden file), camelCase keys, and an Error with the core's name for bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { reseau, root, throwsKind } from './helpers.mjs';

const { datasets, balance, report, Fatigue } = reseau;

const golden = JSON.parse(readFileSync(path.join(root, 'tests/golden/golden.json'), 'utf8'));
const tired = Fatigue.hill({ half: 2, exponent: 2, halfLife: 10 });

/** The golden value with camelCase keys, layer names (data) left as they are. */
function camelize(value, data = false) {
  if (Array.isArray(value)) return value.map((v) => camelize(v));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      data ? k : k.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase()),
      camelize(v, (k === 'layers' || k === 'layer_forward') && !Array.isArray(v)),
    ]),
  );
}

test('balance: the same sweep as Rust and Python, bit for bit', () => {
  const sweep = balance(datasets.aarhusCs(), {
    mixes: [0, 0.5, 1],
    steps: 100,
    runs: 200,
    fatigue: tired,
    digitalFatigue: tired,
    decline: { layer: 'facebook', rate: 0.5, periods: 2 },
    seed: 7,
  });
  assert.deepStrictEqual(sweep, camelize(golden.balance.sweep.report));
  assert.equal(sweep.rows.length, 9);
  assert.equal(sweep.rows[0].decliningTies, 124);
  assert.ok(sweep.best.some((b) => b.measure === 'reach' && typeof b.beatsEnds === 'boolean'));
});

test('report: the same numbers as Rust and Python, with its text and charts', () => {
  const r = report(datasets.aarhusCs(), { quick: true, seed: 1 });
  assert.deepStrictEqual(r.numbers, camelize(golden.balance.report.numbers));
  assert.match(r.text, /61 people, 620 ties in 5 layers/);
  assert.deepStrictEqual(Object.keys(r.charts).sort(), [
    'balance_reach.svg',
    'balance_referrals.svg',
    'cascade.svg',
    'decline.svg',
    'load_curve.svg',
  ]);
  assert.ok(Object.values(r.charts).every((svg) => svg.startsWith('<svg')));
  // The page: one self-contained document, a method that JSON leaves out.
  const page = r.html();
  assert.equal(typeof page, 'string');
  assert.equal(r.html(), page);
  assert.ok(page.startsWith('<!doctype html>'));
  const title = page.match(/<title>([^<]+)<\/title>/)[1];
  assert.ok(page.includes(`<h1>${title}</h1>`), 'the title heads the page');
  const sections = [...page.matchAll(/<section id="([a-z]+)">\n<h2>([^\n]+)<\/h2>/g)].map((m) => m[1]);
  assert.deepStrictEqual(sections, ['network', 'relays', 'campaign', 'referrals', 'balance', 'decline', 'claims']);
  for (const id of sections) assert.ok(page.includes(`<a href="#${id}">`), `${id} in the contents`);
  assert.equal(page.match(/<svg/g).length, Object.keys(r.charts).length, 'every chart inline');
  assert.ok(page.includes('<data value="61" data-path="network.people">61</data>'));
  assert.ok(!/<script|<link|src=/.test(page), 'nothing to fetch');
  assert.equal(JSON.parse(JSON.stringify(r)).html, undefined);
  assert.ok(!Object.keys(r).includes('html'));
  // Options over the quick defaults; BigInt seeds.
  const two = report(datasets.aarhusCs(), { quick: true, seed: 3n, relays: 2, budget: null, declineLayer: null });
  assert.equal(two.numbers.relays.relays.length, 2);
  assert.equal(two.numbers.budgeted, null);
  assert.equal(two.numbers.options.runs, 500);
});

test('balance and report: bad input is an Error named by the core', () => {
  const net = datasets.aarhusCs();
  const small = { steps: 10, runs: 10 };
  throwsKind(() => balance(net, { ...small, mixes: [0.5, 1.2] }), 'InvalidParameterError', { value: '1.2' });
  throwsKind(() => balance(net, { ...small, mixes: [] }), 'InvalidParameterError');
  throwsKind(() => balance(net, { ...small, mixes: [NaN] }), 'InvalidParameterError');
  throwsKind(() => balance(net, { ...small, decline: { layer: 'myspace', periods: 2 } }), 'UnknownLayerError');
  throwsKind(() => balance(net, { ...small, decline: { layer: 'facebook', periods: 2, speed: 1 } }), 'InvalidParameterError');
  throwsKind(() => balance(net, { ...small, physicalShare: 0.3 }), 'InvalidParameterError');
  throwsKind(() => balance(net, { ...small, mixez: [0.5] }), 'InvalidParameterError');
  throwsKind(() => balance(net, { ...small, rate: 0 }), 'InvalidParameterError');
  throwsKind(() => report(net, { quick: true, runz: 5 }), 'InvalidParameterError');
  throwsKind(() => report(net, { quick: true, declineLayer: 'myspace' }), 'UnknownLayerError');
  // The module still works afterwards.
  assert.equal(balance(net, { ...small, mixes: [0.5] }).rows.length, 1);
});

test('balance: diminishing returns and a successor platform', () => {
  const net = new reseau.Network();
  net.addLayer('meet', { kind: 'physical' });
  net.addLayer('mail', { kind: 'digital' });
  net.addLayer('newmail', { kind: 'digital' });
  net.addPeople(31);
  for (let v = 1; v <= 30; v++) net.addTie(0, v, v <= 10 ? 'meet' : 'mail');
  const common = { model: reseau.IndependentCascade({ probability: 0.3 }), numSeeds: 1, steps: 4, rate: 1, seed: 5 };
  const mixes = Array.from({ length: 11 }, (_, i) => i / 10);
  const sweep = balance(net, { ...common, mixes, runs: 20000, effort: 10, effortResponse: 'diminishing' });
  // reach(m) = 1 + 10(1 - 0.7^(10m)) + 20(1 - 0.7^(10(1 - m))): best at m* = 0.4028.
  const reach = sweep.best.find((b) => b.measure === 'reach');
  assert.equal(reach.mix, 0.4);
  assert.equal(reach.interior, true);
  const moved = balance(net, {
    ...common, mixes: [0, 1], runs: 2000,
    decline: { layer: 'mail', periods: 1, vanishAt: 1, successor: 'newmail', migration: 1 },
  });
  assert.equal(moved.rows[2].migratedTies, 20);
  assert.ok(moved.rows[2].reach > 10);
  assert.equal(moved.maximin.length, moved.robust.length);
});
