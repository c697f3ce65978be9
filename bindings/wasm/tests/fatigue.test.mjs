// Recommendation fatigue from JavaScript: the Fatigue constructors, willingness against the
// documented formulas, fatigue in a cascade model, and every bad parameter an Error with the
// core's name.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { reseau, throwsKind } from './helpers.mjs';

const { Fatigue, willingness, validateFatigue, datasets, simulate, IndependentCascade, LinearThreshold } = reseau;

/** The module still works: a curve is evaluated as documented. */
function stillWorks() {
  assert.equal(willingness(Fatigue.hill({ half: 3, exponent: 2 }), 3), 0.5);
}

/** Each curve, and its formula (docs/fatigue: the willingness at load L). */
const curves = [
  [Fatigue.none(), () => 1],
  [Fatigue.exponential({ rate: 0.3 }), (L) => Math.exp(-0.3 * L)],
  [Fatigue.hill({ half: 3, exponent: 2 }), (L) => 1 / (1 + (L / 3) ** 2)],
  [Fatigue.hill({ half: 0.5, exponent: 0.7, halfLife: 4 }), (L) => 1 / (1 + (L / 0.5) ** 0.7)],
  [Fatigue.capacity({ capacity: 5 }), (L) => (L < 5 ? 1 : 0)],
  [Fatigue.capacity({ capacity: 2.5, halfLife: 10 }), (L) => (L < 2.5 ? 1 : 0)],
  [Fatigue.queue({ size: 2 }), (L) => Math.min(1, 2 / (L + 1))],
  [Fatigue.decreasing(), (L) => 1 / (0.1 * L * L + 1)],
];

test('the constructors return plain, checked objects', () => {
  assert.deepEqual(Fatigue.none(), { curve: { kind: 'none' } });
  assert.deepEqual(Fatigue.exponential({ rate: 0.5 }), { curve: { kind: 'exponential', rate: 0.5 } });
  assert.deepEqual(Fatigue.hill({ half: 3, exponent: 2, halfLife: 10 }), {
    curve: { kind: 'hill', half: 3, exponent: 2 },
    halfLife: 10,
  });
  assert.deepEqual(Fatigue.capacity({ capacity: 4 }), { curve: { kind: 'capacity', capacity: 4 } });
  assert.deepEqual(Fatigue.queue({ size: 3, halfLife: 2 }), { curve: { kind: 'queue', size: 3 }, halfLife: 2 });
  assert.deepEqual(Fatigue.decreasing({ halfLife: 5 }), { curve: { kind: 'decreasing' }, halfLife: 5 });
  assert.deepEqual(Fatigue.decreasing(null), { curve: { kind: 'decreasing' } });
  // No half-life, null and Infinity: a plain count that never decays.
  assert.deepEqual(Fatigue.capacity({ capacity: 1, halfLife: null }), { curve: { kind: 'capacity', capacity: 1 }, halfLife: null });
  assert.equal(Fatigue.capacity({ capacity: 1, halfLife: Infinity }).halfLife, Infinity);
  assert.ok(Object.isFrozen(Fatigue));
  for (const [f] of curves) validateFatigue(f);
  validateFatigue(Fatigue.hill({ half: 1, exponent: 1 }), 'hill');
  validateFatigue({ curve: { kind: 'hill', half: 1, exponent: 1 }, half_life: 3 }, 'hill');
  validateFatigue({}); // both fields optional: no fatigue
});

test('willingness follows the documented formula of each curve, in [0, 1], never increasing', () => {
  const loads = [0, 0.5, 1, 2, 2.5, 3, 4.99, 5, 7, 10, 30, 100, 1e6];
  for (const [f, formula] of curves) {
    const name = JSON.stringify(f);
    for (const L of loads) {
      const w = willingness(f, L);
      assert.equal(typeof w, 'number');
      const expected = formula(L);
      assert.ok(Math.abs(w - expected) <= 1e-14 * Math.max(1, expected), `${name} at ${L}: ${w} vs ${expected}`);
    }
    // Typed arrays and plain arrays in, a Float64Array out, the same numbers.
    const batch = willingness(f, new Float64Array(loads));
    assert.ok(batch instanceof Float64Array);
    assert.deepEqual(Array.from(batch), loads.map((L) => willingness(f, L)));
    assert.deepEqual(willingness(f, loads), batch);
    assert.deepEqual(willingness(f, []), new Float64Array(0));
    // Monotone on a fine grid, in [0, 1], 1 at no load; a load <= 0 or NaN counts as 0.
    const grid = Float64Array.from({ length: 401 }, (_, i) => i / 8);
    const w = willingness(f, grid);
    for (let i = 0; i < w.length; i++) {
      assert.ok(w[i] >= 0 && w[i] <= 1, `${name}: ${w[i]}`);
      if (i > 0) assert.ok(w[i] <= w[i - 1], `${name} rises at ${grid[i]}`);
    }
    assert.equal(w[0], 1);
    // A load below 0 or NaN is refused, alone or in an array (not a willingness of 1).
    for (const bad of [-3, NaN, -Infinity]) {
      throwsKind(() => willingness(f, bad), 'InvalidParameterError', { parameter: 'load' });
      throwsKind(() => willingness(f, [1, bad]), 'InvalidParameterError', { parameter: 'load' });
    }
  }
  // Exact values the docs quote.
  assert.equal(willingness(Fatigue.hill({ half: 3, exponent: 2 }), 3), 0.5);
  assert.equal(willingness(Fatigue.hill({ half: 2, exponent: 1 }), 6), 0.25);
  assert.equal(willingness(Fatigue.queue({ size: 2 }), 3), 0.5);
  assert.equal(willingness(Fatigue.decreasing(), 10), 1 / 11);
  assert.equal(willingness(Fatigue.capacity({ capacity: 0 }), 0), 0, 'capacity 0 accepts nothing');
  assert.equal(willingness(Fatigue.capacity({ capacity: Infinity }), 1e300), 1);
  assert.equal(willingness(Fatigue.exponential({ rate: 0 }), 1e9), 1);
  // The half-life is about the load's decay, not the curve.
  assert.equal(willingness(Fatigue.hill({ half: 3, exponent: 2, halfLife: 1 }), 3), 0.5);
});

test('fatigue in a model: tired people accept and relay less', () => {
  const net = datasets.aarhusCs();
  const options = { runs: 500, seed: 1 };
  const plain = simulate(net, [0], { model: IndependentCascade({ probability: 0.2 }), ...options });
  const none = IndependentCascade({ probability: 0.2, fatigue: Fatigue.none() });
  assert.deepEqual(simulate(net, [0], { model: none, ...options }), plain);
  const tired = IndependentCascade({ probability: 0.2, fatigue: Fatigue.hill({ half: 1, exponent: 2, halfLife: 3 }) });
  assert.deepEqual(tired.fatigue, { curve: { kind: 'hill', half: 1, exponent: 2 }, halfLife: 3 });
  const literal = IndependentCascade({ probability: 0.2, fatigue: { curve: { kind: 'hill', half: 1, exponent: 2 }, halfLife: 3 } });
  const s = simulate(net, [0], { model: tired, ...options });
  assert.deepEqual(simulate(net, [0], { model: literal, ...options }), s, 'the constructor is the literal');
  assert.ok(s.mean < plain.mean, `${s.mean} vs ${plain.mean}`);
  const stopped = simulate(net, [0], { model: IndependentCascade({ probability: 1, fatigue: Fatigue.capacity({ capacity: 0 }) }), runs: 5 });
  assert.equal(stopped.mean, 1, 'nobody accepts anything: the seed alone');
  assert.ok(simulate(net, [0], { model: LinearThreshold({ fatigue: Fatigue.decreasing({ halfLife: 2 }) }), runs: 50 }).mean >= 1);
  throwsKind(() => IndependentCascade({ fatigue: { curve: { kind: 'hill', half: 1, exponent: 2 }, halfLife: 0 } }), 'InvalidParameterError', {
    parameter: 'fatigue half_life',
  });
});

test('every bad fatigue parameter is an Error with the core name, and the module keeps working', () => {
  const cases = [
    [() => Fatigue.exponential({ rate: -1 }), 'InvalidParameterError', { parameter: 'fatigue rate', value: '-1' }],
    [() => Fatigue.exponential({ rate: Infinity }), 'InvalidParameterError', { parameter: 'fatigue rate' }],
    [() => Fatigue.exponential({ rate: NaN }), 'InvalidParameterError', { parameter: 'fatigue rate', value: 'NaN' }],
    [() => Fatigue.hill({ half: 3, exponent: 2, halfLife: 0 }), 'InvalidParameterError', { parameter: 'fatigue half_life', value: '0' }],
    [() => Fatigue.hill({ half: 3, exponent: 2, halfLife: -2 }), 'InvalidParameterError', { parameter: 'fatigue half_life' }],
    [() => Fatigue.decreasing({ halfLife: NaN }), 'InvalidParameterError', { parameter: 'fatigue half_life' }],
    [() => Fatigue.hill({ half: 0, exponent: 2 }), 'InvalidParameterError', { parameter: 'fatigue half', value: '0' }],
    [() => Fatigue.hill({ half: 3, exponent: -1 }), 'InvalidParameterError', { parameter: 'fatigue exponent' }],
    [() => Fatigue.hill({ half: 3 }), 'InvalidParameterError', { parameter: 'curve in fatigue', value: /missing field `exponent`/ }],
    [() => Fatigue.exponential(), 'InvalidParameterError', { value: /missing field `rate`/ }],
    [() => Fatigue.capacity({ capacity: -1 }), 'InvalidParameterError', { parameter: 'fatigue capacity', value: '-1' }],
    [() => Fatigue.capacity({ capacity: NaN }), 'InvalidParameterError', { parameter: 'fatigue capacity' }],
    [() => Fatigue.queue({ size: 0 }), 'InvalidParameterError', { parameter: 'fatigue queue size', value: '0' }],
    [() => Fatigue.queue({ size: 1.5 }), 'InvalidParameterError', { parameter: 'curve in fatigue' }],
    [() => Fatigue.queue({ size: -2 }), 'InvalidParameterError', { parameter: 'curve in fatigue' }],
    [() => Fatigue.hill({ half: 3, exponent: 2, halfLif: 10 }), 'InvalidParameterError', { value: /unknown field `halfLif`/ }],
    [() => Fatigue.hill({ kind: 'capacity', capacity: 1 }), 'InvalidParameterError', { parameter: 'kind of fatigue curve', value: '"capacity"' }],
    [() => Fatigue.hill(3), 'InvalidParameterError', { parameter: 'fatigue' }],
    [() => Fatigue.hill({ half: '3', exponent: 2 }), 'InvalidParameterError', { parameter: 'curve in fatigue' }],
    [() => validateFatigue({ curve: { kind: 'weary' } }), 'InvalidParameterError', { parameter: 'curve.kind in fatigue' }],
    [() => validateFatigue({ curv: {} }), 'InvalidParameterError', { value: /unknown field `curv`/ }],
    [() => validateFatigue(Fatigue.none(), 'hill'), 'InvalidParameterError', { parameter: 'kind of fatigue curve' }],
    [() => willingness({ curve: { kind: 'hill', half: -1, exponent: 1 } }, 1), 'InvalidParameterError', { parameter: 'fatigue half' }],
    [() => willingness(undefined, 1), 'InvalidParameterError', { parameter: 'fatigue' }],
    [() => willingness(Fatigue.none(), 'x'), 'InvalidParameterError', { parameter: 'load' }],
    [() => willingness(Fatigue.none(), [1, 'x']), 'InvalidParameterError', { parameter: '[1] in load' }],
    [() => willingness(Fatigue.none()), 'InvalidParameterError', { parameter: 'load' }],
  ];
  for (const [fn, name, props] of cases) {
    const err = throwsKind(fn, name, props);
    assert.ok(!(err instanceof WebAssembly.RuntimeError), `${name}: ${err.message}`);
    stillWorks();
  }
});

// serde ignores `deny_unknown_fields` for the unit variants of an internally tagged enum
// (serde-rs/serde#2123); the core writes `none` and `decreasing` as empty struct variants so
// that `{"kind": "none", "rate": 1}` is refused.
test('a parameter given to a curve that takes none is an error', () => {
  throwsKind(() => Fatigue.none({ rate: 1 }), 'InvalidParameterError', { value: /unknown field `rate`/ });
  throwsKind(() => Fatigue.decreasing({ size: 2 }), 'InvalidParameterError', { value: /unknown field `size`/ });
});
