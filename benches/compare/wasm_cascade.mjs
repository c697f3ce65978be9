// The WebAssembly side of the harness's wasm-versus-native row: Monte Carlo Independent
// Cascade in the Node build of reseau (bindings/wasm/pkg-node, single-threaded), timed in
// the process. Prints one JSON line: wall and processor seconds of each repetition, and the
// mean spread (the same numbers as native for the same seed).
//
// Usage: node benches/compare/wasm_cascade.mjs <edge list> <p> <runs> <repetitions>
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const reseau = await import(join(here, '..', '..', 'bindings', 'wasm', 'pkg-node', 'index.mjs'));

const [path, p, runs, repetitions] = process.argv.slice(2);
const net = reseau.readEdgelist(readFileSync(path));
const n = net.numPeople;
const seeds = Array.from({ length: 10 }, (_, i) => Math.floor((i * n) / 10));
const model = reseau.IndependentCascade({ probability: Number(p) });
reseau.simulate(net, seeds, { model, runs: 64, seed: 99 }); // warm up
const wall = [];
const cpu = [];
let mean = 0;
for (let r = 0; r < Number(repetitions); r++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const summary = reseau.simulate(net, seeds, { model, runs: Number(runs), seed: r });
  wall.push((performance.now() - t0) / 1e3);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1e6);
  mean = summary.mean;
}
console.log(JSON.stringify({ wall, cpu, mean, people: n }));
