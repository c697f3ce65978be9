// The results are what the declarations generated from the core's schemas say
// (types/generated.d.ts): every declared key present and of its declared type (typed arrays
// included), no key undeclared. The serializer (src/ser.rs) and the generator
// (types/generate.mjs) each apply the binding's rules; this checks that they agree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { reseau } from './helpers.mjs';

const { datasets, simulate, trace, routeReferrals, traceReferrals, referralLoadCurve, selectRelays, reputation, balance } = reseau;
const { Network, fitCascade, shuffleTest, inferShadow } = reseau;

/** Types of what functions take, found in results (a fit's model): optional keys may be absent. */
const INPUTS = new Set(['Model', 'Fatigue']);

/** Each generated interface: its own properties' types, and the interface it extends. */
function interfaces() {
  const text = readFileSync(new URL('../types/generated.d.ts', import.meta.url), 'utf8');
  const out = {};
  for (const m of text.matchAll(/^export interface (\w+)(?: extends (\w+))? \{\n([\s\S]*?)^\}/gm)) {
    const props = {};
    for (const p of m[3].matchAll(/^ {2}(\w+)\??: (.+);$/gm)) props[p[1]] = p[2];
    out[m[1]] = { base: m[2], props };
  }
  return out;
}

const declared = interfaces();

/** Each generated type alias's text (`Curve = { kind: "none" } | …`). */
const aliases = Object.fromEntries(
  [...readFileSync(new URL('../types/generated.d.ts', import.meta.url), 'utf8').matchAll(/^export type (\w+) = (.+);$/gm)]
    .map((m) => [m[1], m[2]]),
);

/** All properties of an interface, its base's included. */
function props(name) {
  const i = declared[name];
  return { ...(i.base ? props(i.base) : {}), ...i.props };
}

/** The members of a union type, split at its top level only (`Record<string, A | B>` is one). */
function members(type) {
  const out = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < type.length; i++) {
    if ('<[('.includes(type[i])) depth++;
    else if ('>])'.includes(type[i])) depth--;
    else if (depth === 0 && type.startsWith(' | ', i)) {
      out.push(type.slice(start, i));
      start = i + 3;
    }
  }
  return [...out, type.slice(start)];
}

/** Asserts that `value` has the TypeScript type `type` (as the generator writes them). */
function check(value, type, where) {
  const options = members(type);
  const ok = options.some((t) => {
    if (t === 'null') return value === null;
    if (t === 'number') return typeof value === 'number';
    if (t === 'string') return typeof value === 'string';
    if (t === 'boolean') return typeof value === 'boolean';
    if (/^(Float64|Uint32|Int32)Array$/.test(t)) return value instanceof globalThis[t];
    if (t === 'ArrayLike<number>') return Array.isArray(value) || ArrayBuffer.isView(value);
    if (t.startsWith('readonly ')) return check(value, t.slice('readonly '.length), where) ?? true;
    if (t.endsWith('[]')) {
      if (!Array.isArray(value)) return false;
      value.forEach((v, i) => check(v, t.slice(0, -2).replace(/^\((.*)\)$/, '$1'), `${where}[${i}]`));
      return true;
    }
    if (/^\[.*\]$/.test(t)) return Array.isArray(value) && value.length === t.split(',').length;
    if (t.startsWith('Record<string, ')) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
      for (const [k, v] of Object.entries(value)) check(v, t.slice('Record<string, '.length, -1), `${where}.${k}`);
      return true;
    }
    if (/^".*"$/.test(t)) return value === JSON.parse(t);
    if (t === 'Network') return value instanceof Network;
    if (declared[t]) {
      if (typeof value !== 'object' || value === null) return false;
      conforms(value, t, where);
      return true;
    }
    if (aliases[t]?.startsWith('{')) {
      // A union of tagged objects: the value's tag is one of them.
      const kinds = [...aliases[t].matchAll(/kind: "(\w+)"/g)].map((m) => m[1]);
      return typeof value === 'object' && value !== null && kinds.includes(value.kind);
    }
    if (/^[A-Z]\w*$/.test(t)) return typeof value === 'string'; // a generated union of names
    throw new Error(`${where}: no check for ${t}`);
  });
  assert.ok(ok, `${where}: ${Object.prototype.toString.call(value)} ${value} is not ${type}`);
}

/** Asserts that `value` is an object of the interface `name`, key for key. */
function conforms(value, name, where = name) {
  assert.equal(typeof value, 'object', where);
  const expected = props(name);
  if (INPUTS.has(name)) {
    for (const key of Object.keys(value)) assert.ok(key in expected, `${where}.${key} is not declared`);
    for (const [key, type] of Object.entries(expected)) {
      if (key in value) check(value[key], type.replace(/ \| undefined$/, ''), `${where}.${key}`);
    }
    return;
  }
  assert.deepEqual(Object.keys(value).sort(), Object.keys(expected).sort(), `${where}: its keys`);
  for (const [key, type] of Object.entries(expected)) check(value[key], type, `${where}.${key}`);
}

test('every result has the declared keys and types, typed arrays included', { timeout: 120_000 }, () => {
  const net = datasets.aarhusCs();
  conforms(simulate(net, ['U4'], { runs: 50, badSeeds: [3], seed: 1 }), 'CascadeSummary');
  conforms(trace(net, [0], { seed: 2 }), 'CascadeTrace');
  conforms(routeReferrals(net, { nRequests: 200, rate: 20, seed: 3 }), 'ReferralSummary');
  conforms(routeReferrals(net, { requests: [[0, 0]].slice(1), nRequests: undefined }), 'ReferralSummary');
  conforms(traceReferrals(net, { requests: [['U4', 'U102']], seed: 4 })[0], 'ReferralTrace');
  conforms(referralLoadCurve(net, [1, 8, 64], { steps: 40, seed: 5 }), 'LoadCurve');
  conforms(selectRelays(net, { k: 2, evaluationRuns: 50, seed: 6 }), 'RelaySelection');
  conforms(selectRelays(net, { k: 2, evaluationRuns: 0, method: 'degree' }), 'RelaySelection');
  conforms(reputation(net, { samples: 100 }), 'Reputation');
  conforms(reseau.eReputation(net, ['U102'], ['U4'], { badSeeds: [3], goodStart: 2, runs: 20 }), 'EReputation');
  conforms(balance(net, { mixes: [0, 1], steps: 20, runs: 10, seed: 7 }), 'BalanceReport');
  const seen = [{ U4: 0, U1: 1, U79: 2 }, { U4: 0, U102: 1, U1: null }, { U139: 0, U4: 1 }];
  conforms(fitCascade(net, seen, { bootstrap: 5 }), 'CascadeFit');
  conforms(fitCascade(net, seen, { fatigue: { curve: { kind: 'exponential', rate: 0.1 } } }), 'CascadeFit');
  conforms(shuffleTest(net, seen, { permutations: 5 }), 'ShuffleTest');
  conforms(inferShadow(net, seen, { candidates: 2 }), 'ShadowInference');
  conforms(reseau.shadowGap(net, { sources: ['U4'], shadowLayers: ['leisure'], runs: 20 }), 'ShadowGap');
});
