// The call overhead of the WebAssembly binding: small calls whose work in the core is tiny,
// so that their time is mostly the binding's (options read into the core's request, the
// result written out). With two builds of the package (say, before and after a change of
// the binding), both are timed in the same process, round after round in turn, and the
// ratio of their medians is printed: timings on a shared machine are only comparable so.
//
// Usage: node benches/compare/wasm_overhead.mjs [pkg-node dir]... (default: this tree's)
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const dirs = process.argv.length > 2
  ? process.argv.slice(2).map((d) => resolve(d))
  : [join(here, '..', '..', 'bindings', 'wasm', 'pkg-node')];
const packages = await Promise.all(dirs.map((d) => import(join(d, 'index.mjs'))));

/** The calls timed: each a name and a function of the package making one call. */
function calls(r) {
  const aarhus = r.datasets.aarhusCs();
  const model = r.IndependentCascade({ probability: 0.1 });
  const hill = r.Fatigue.hill({ half: 3, exponent: 2 });
  return [
    ['net.degree(0)', () => aarhus.degree(0)],
    ['willingness(hill, 2)', () => r.willingness(hill, 2)],
    ['simulate(aarhus, [0], { runs: 1 })', () => r.simulate(aarhus, [0], { model, runs: 1, seed: 1 })],
    ['trace(aarhus, [0])', () => r.trace(aarhus, [0], { model, seed: 1 })],
    ['routeReferrals(aarhus, 1 request)', () => r.routeReferrals(aarhus, { requests: [[0, 5]], seed: 1 })],
    ['selectRelays(aarhus, degree, k 1)', () => r.selectRelays(aarhus, { k: 1, method: 'degree', evaluationRuns: 0 })],
    ['reputation(aarhus, degree)', () => r.reputation(aarhus, { method: 'degree' })],
    ['erdosRenyi(n 10)', () => r.generators.erdosRenyi({ n: 10, meanDegree: 2, seed: 1 })],
  ];
}

const suites = packages.map(calls);
const ROUNDS = 15;
const PER_ROUND = 200;
const times = suites.map((suite) => suite.map(() => []));
for (let round = 0; round < ROUNDS; round++) {
  suites.forEach((suite, p) => {
    suite.forEach(([, call], c) => {
      try {
        call();
      } catch {
        times[p][c] = null; // not in this build
        return;
      }
      if (times[p][c] === null) return;
      const t0 = performance.now();
      for (let i = 0; i < PER_ROUND; i++) call();
      times[p][c].push(((performance.now() - t0) * 1e3) / PER_ROUND);
    });
  });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = suites[0].map(([name], c) => {
  const us = times.map((t) => (t[c] ? median(t[c]) : null));
  const row = { call: name };
  us.forEach((u, p) => { row[`µs ${p}`] = u === null ? 'n/a' : Number(u.toFixed(2)); });
  if (us.length === 2 && us[0] !== null && us[1] !== null) row['ratio 1/0'] = Number((us[1] / us[0]).toFixed(2));
  return row;
});
dirs.forEach((d, p) => console.log(`package ${p}: ${d}`));
console.table(rows);
