// The npm package itself (the --target web build in bindings/wasm/pkg), loaded in Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import init, {
  initSync,
  datasets,
  generators,
  Network,
  readEdgelist,
  simulate,
  IndependentCascade,
  Fatigue,
  willingness,
  routeReferrals,
  referralLoadCurve,
} from '../pkg/index.js';

const pkg = JSON.parse(readFileSync(new URL('../pkg/package.json', import.meta.url), 'utf8'));

test('package.json makes an ES module package named reseau with types', () => {
  assert.equal(pkg.name, 'reseau');
  assert.equal(pkg.type, 'module');
  assert.equal(pkg.types, './index.d.ts');
  assert.equal(pkg.exports['.'].default, './index.js');
  for (const file of pkg.files) {
    readFileSync(new URL(`../pkg/${file}`, import.meta.url)); // every listed file exists
  }
  assert.equal(typeof init, 'function');
});

test('npm packs exactly the listed files, the .wasm included', () => {
  const dir = fileURLToPath(new URL('../pkg/', import.meta.url));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const [packed] = JSON.parse(execFileSync(npm, ['pack', '--dry-run', '--json'], { cwd: dir, encoding: 'utf8' }));
  assert.equal(packed.name, 'reseau');
  const files = packed.files.map((f) => f.path).sort();
  assert.deepEqual(files, [...pkg.files, 'package.json'].sort());
});

test('initialised from the .wasm bytes, it runs the same code as the Node build', () => {
  initSync({ module: readFileSync(new URL('../pkg/reseau_wasm_bg.wasm', import.meta.url)) });
  const aarhus = datasets.aarhusCs();
  assert.deepEqual([aarhus.numPeople, aarhus.numTies, aarhus.numLayers], [61, 620, 5]);
  assert.equal(new Network().numPeople, 0);
  assert.equal(readEdgelist('1 2\n').numTies, 1);
  const er = generators.erdosRenyi({ n: 100, meanDegree: 3, seed: 1n });
  assert.ok(er.numTies > 0);
  const s = simulate(aarhus, [0, 1], { model: IndependentCascade({ probability: 0.1 }), runs: 1000, seed: 7 });
  assert.equal(s.mean, 28.915); // the golden value, as in the Node build
});

test('the web package has the fatigue curves and the referral functions', () => {
  initSync({ module: readFileSync(new URL('../pkg/reseau_wasm_bg.wasm', import.meta.url)) });
  const hill = Fatigue.hill({ half: 3, exponent: 2, halfLife: 10 });
  assert.equal(willingness(hill, 3), 0.5);
  const aarhus = datasets.aarhusCs();
  const s = routeReferrals(aarhus, { nRequests: 100, rate: 2, forward: 0.8, fatigue: hill, seed: 1 });
  assert.equal(s.requests, 100);
  assert.ok(s.chainLengths instanceof Uint32Array);
  assert.equal(referralLoadCurve(aarhus, [1, 2], { steps: 20, fatigue: hill }).rates.length, 2);
});

test('under Node, the package loads its .wasm on import: no init needed', () => {
  assert.equal(pkg.exports['.'].node, './node.js');
  // A process of its own, so that no other test's initSync has run before.
  const entry = new URL('../pkg/node.js', import.meta.url).href;
  const program = `
    import init, { datasets, simulate, IndependentCascade } from ${JSON.stringify(entry)};
    const s = simulate(datasets.aarhusCs(), [0, 1], { model: IndependentCascade({ probability: 0.1 }), runs: 1000, seed: 7 });
    await init(); // does nothing more
    console.log(s.mean);`;
  const out = execFileSync(process.execPath, ['--input-type=module', '--eval', program], { encoding: 'utf8' });
  assert.equal(out.trim(), '28.915'); // the golden value
});
