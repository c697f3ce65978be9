// Good and bad buzz in time from JavaScript: a campaign that starts later, e-reputation step
// by step and the e-reputation score, with the numbers the Rust core and Python give for the
// same request (crates/reseau/tests/buzz.rs and bindings/python/tests/test_buzz.py pin them).
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { reseau, throwsKind } from './helpers.mjs';

const { datasets, simulate, trace, eReputation, IndependentCascade, Network } = reseau;

const CRISIS = {
  badSeeds: ['U1'],
  goodStart: 2,
  model: IndependentCascade({ probability: 0.15, badMultiplier: 1.5 }),
  runs: 500,
  seed: 11,
};

test('a late response on a path reaches person i at step i + d', () => {
  const net = new Network();
  net.addLayer('chat', { directed: true });
  net.addPeople(6);
  for (let i = 1; i < 6; i++) net.addTie(i - 1, i, 'chat');
  for (const d of [0, 2, 5]) {
    const t = trace(net, [0], { model: IndependentCascade({ probability: 1 }), goodStart: d });
    assert.deepEqual(Array.from(t.step), [0, 1, 2, 3, 4, 5].map((i) => i + d));
  }
});

test('the crisis numbers are the core\'s', () => {
  const net = datasets.aarhusCs();
  const s = simulate(net, ['U4'], CRISIS);
  const o = s.opinion;
  assert.equal(o.badAheadSteps, 5.946);
  assert.equal(o.good[o.good.length - 1], 0.03849180327868852);
  assert.equal(o.bad[o.bad.length - 1], 0.8988852459016393);
  assert.equal(o.good[0], 0);
  assert.equal(o.good.length, s.byStep.length);
  const rep = eReputation(net, ['U102'], ['U4'], CRISIS);
  assert.ok(Math.abs(rep.score - -0.8876513118876322) < 1e-12, String(rep.score));
  assert.deepEqual(rep.buzz, s);
  const equal = eReputation(net, ['U102', 'U139'], ['U4'], { badSeeds: ['U1'], weight: null, runs: 100 });
  assert.equal(equal.centrality, 2);
  const everyone = eReputation(net, ['U102', 'U139'], ['U4'], { badSeeds: ['U1'], audience: 'everyone', runs: 100 });
  assert.equal(everyone.audience, 59);
});

test('bad starts and subjects are Errors with the core names', () => {
  const net = datasets.aarhusCs();
  throwsKind(() => simulate(net, [0], { goodStart: 10001, runs: 10 }), 'InvalidParameterError');
  throwsKind(() => simulate(net, [0], { badStart: -1, runs: 10 }), 'InvalidParameterError');
  throwsKind(() => eReputation(net, ['nobody'], [0], { runs: 10 }), 'UnknownPersonError');
  throwsKind(() => eReputation(net, [], [0], { runs: 10 }), 'InvalidParameterError');
  throwsKind(() => eReputation(net, [0], [1], { weight: 'fame', runs: 10 }), 'InvalidParameterError');
  throwsKind(() => eReputation(net, [0], [1], { seeds: [2], runs: 10 }), 'InvalidParameterError');
  assert.equal(simulate(net, [0], { runs: 10 }).runs, 10); // still works
});
