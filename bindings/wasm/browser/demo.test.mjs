// The demo page (docs/demo) in a real browser: Debian's Chromium driven by playwright-core
// (scripts/test-wasm installs both). The page is served from 127.0.0.1 exactly as scripts/demo
// serves it, with the web package copied into docs/demo/pkg; every request that would leave
// 127.0.0.1 is refused and counted, so the page is shown to work offline.
//
// The numbers the page shows must equal the native Rust core's for the same seed: they are
// read against tests/golden/golden.json, which crates/reseau/tests/golden.rs pins from native
// runs. The README's page snippet runs too. A screenshot goes to target/browser-test/.
//
// Environment: RESEAU_CHROMIUM (default /usr/bin/chromium).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const demo = path.join(root, 'docs/demo');
const shots = path.join(root, 'target/browser-test');
const golden = JSON.parse(readFileSync(path.join(root, 'tests/golden/golden.json'), 'utf8'));
const { serve } = await import(path.join(demo, 'serve.mjs'));

/** The README's page snippet: the ```html block after the `readme-snippet` marker. */
function readmeSnippet() {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const at = readme.indexOf('<!-- browser-test: readme-snippet -->');
  assert.ok(at >= 0, 'README.md has no `<!-- browser-test: readme-snippet -->` marker');
  const block = readme.slice(at).match(/```html\n([\s\S]*?)```/);
  assert.ok(block, 'no ```html block after the README marker');
  return block[1];
}

let server;
let browser;
let base;
const consoleErrors = [];
const outside = [];

before(async () => {
  const pkg = path.join(root, 'bindings/wasm/pkg');
  assert.ok(existsSync(path.join(pkg, 'reseau_wasm_bg.wasm')), 'run scripts/build-wasm first');
  rmSync(path.join(demo, 'pkg'), { recursive: true, force: true });
  cpSync(pkg, path.join(demo, 'pkg'), { recursive: true });
  server = await serve({
    root: demo,
    routes: { '/readme-snippet.html': ['text/html; charset=utf-8', readmeSnippet()] },
  });
  base = `http://127.0.0.1:${server.address().port}`;
  // The flags of ../shared/TOOLCHAIN.md: no sandbox (root in a container), and none of the
  // background connections that would flood a closed network; playwright starts Chromium
  // headless with a fresh profile of its own (--user-data-dir in a temporary folder).
  browser = await chromium.launch({
    executablePath: process.env.RESEAU_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

/** A page that records console errors, uncaught exceptions and requests leaving 127.0.0.1. */
async function open(url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1800 } });
  page.on('console', (message) => {
    // Warnings too: wasm-bindgen's loader warns when the .wasm is not served as application/wasm.
    if (['error', 'warning'].includes(message.type())) consoleErrors.push(`${url}: ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`${url}: uncaught ${error}`));
  await page.route('**/*', (route) => {
    const target = new URL(route.request().url());
    if (target.hostname === '127.0.0.1' || target.protocol === 'data:') return route.continue();
    outside.push(target.href);
    return route.abort();
  });
  await page.goto(`${base}${url}`);
  return page;
}

const text = (page, selector) => page.locator(selector).textContent();

test('the demo page: a cascade, the expected spread and the load curve equal the native core', { timeout: 180_000 }, async () => {
  const page = await open('/');
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  assert.equal(await text(page, '#status'), 'Ready.');
  const wasm = await page.request.get(`${base}/pkg/reseau_wasm_bg.wasm`);
  assert.equal(wasm.headers()['content-type'], 'application/wasm');
  const g = golden.aarhus;
  assert.equal(await page.locator('.person').count(), g.num_people);
  assert.equal(await page.locator('.tie').count(), g.num_ties);
  assert.equal(await page.locator('.tie.digital').count(), g.ties_per_layer.facebook);
  assert.match(await text(page, '#network-name'), /61 people, 620 ties, 5 layers/);

  // One cascade, seed fixed: golden.cascade.trace (person 3, probability 0.3 on every tie).
  const t = golden.cascade.trace;
  await page.fill('#probability', String(t.probability));
  await page.fill('#seed', String(t.seed));
  for (const id of t.seeds) await page.click(`.person[data-id="${id}"] circle`);
  await page.click('#run');
  await page.waitForSelector('#summary[data-mean]');
  await page.waitForSelector('#cascade-result[data-done="false"]');
  await page.click('#step'); // the animation goes step by step
  await page.click('#end');
  await page.waitForSelector('#cascade-result[data-done="true"]');

  const last = Math.max(...t.step);
  const rows = await page.$$eval('#steps tbody tr', (trs) => trs.map((tr) => Array.from(tr.cells, (c) => Number(c.textContent))));
  let total = 0;
  const expected = [];
  for (let s = 0; s <= last; s++) {
    const fresh = t.step.filter((x) => x === s).length;
    total += fresh;
    expected.push([s, fresh, total]);
  }
  assert.deepEqual(rows, expected, 'people reached per step');
  const reached = t.step.filter((x) => x >= 0).length;
  assert.equal(await text(page, '#reached'), `${reached} of ${g.num_people}`);
  const shownReached = await page.$$eval('.person.reached', (gs) => gs.map((x) => Number(x.dataset.id)));
  assert.deepEqual(shownReached, t.step.flatMap((s, i) => (s >= 0 ? [i] : [])), 'who is drawn as reached');
  assert.equal(await page.locator('#paths line').count(), t.parent.filter((p) => p >= 0).length);
  const layers = Object.keys(g.ties_per_layer); // the network's layers, in their order? checked below
  const layerNames = await page.$$eval('#layers tbody tr td:nth-child(2)', (tds) => tds.map((td) => td.textContent.split(' ')[0]));
  assert.deepEqual([...layerNames].sort(), layers.sort());
  const carried = layerNames.map((name, i) => `${name} ${t.layer.filter((l) => l === i).length}`);
  assert.equal(await text(page, '#by-layer'), `This run, people reached through ${carried.join(', ')}.`);

  // The expected spread over 1,000 runs: golden.cascade.independent_cascade, to the last bit.
  const ic = golden.cascade.independent_cascade;
  await page.click('#clear-seeds');
  for (const id of ic.seeds) await page.click(`.person[data-id="${id}"] circle`);
  await page.fill('#probability', '0.1');
  await page.fill('#seed', String(ic.seed));
  await page.evaluate(() => document.getElementById('summary').removeAttribute('data-mean'));
  await page.click('#run');
  await page.waitForSelector('#summary[data-mean]');
  await page.waitForSelector('#cascade-result:not([data-done="running"])');
  assert.equal(await page.getAttribute('#summary', 'data-mean'), String(ic.mean));
  assert.equal(await page.getAttribute('#summary', 'data-std'), String(ic.std));
  assert.match(await text(page, '#summary'), new RegExp(`^Over 1,000 runs \\(seed ${ic.seed}\\): ${ic.mean} people reached`));
  await page.click('#end');

  // The referral load curve with the page's default fatigue (Hill, half 2, exponent 2,
  // half-life 10), 300 steps, seed 7: golden.referral.load_curve.
  const c = golden.referral.load_curve;
  assert.equal(await page.inputValue('#curve-steps'), String(c.args.steps));
  assert.equal(await page.inputValue('#curve-seed'), String(c.args.seed));
  await page.click('#curve');
  await page.waitForSelector('#curve-result[data-peak-rate]', { timeout: 120_000 });
  assert.equal(await page.getAttribute('#curve-result', 'data-peak-rate'), String(c.curve.peak_rate));
  assert.equal(await page.getAttribute('#curve-result', 'data-collapse-rate'), String(c.curve.collapse_rate));
  assert.equal(await page.locator('#load-curve .marker-collapse').count(), 1);

  // The best relays become the seeds.
  await page.fill('#k', '3');
  await page.click('#relays');
  await page.waitForFunction(() => document.getElementById('relay-result').textContent.startsWith('imm: '));
  assert.equal((await text(page, '#seeds')).split(', ').length, 3);

  // The balance sweep, set as golden.balance.sweep: mixes 0, 0.5 and 1, a separate online
  // inbox with the same fatigue, facebook losing half its ties per period for 2 periods.
  if (typeof golden.balance?.sweep === 'object' && (await page.isEnabled('#balance'))) {
    const b = golden.balance.sweep;
    assert.deepEqual(b.args.fatigue, c.args.fatigue, "the page's fatigue is the load curve's");
    assert.deepEqual(b.args.digital_fatigue, b.args.fatigue);
    assert.deepEqual(b.args.mixes, [0, 0.5, 1]);
    await page.fill('#mix-step', '0.5');
    await page.fill('#balance-runs', String(b.args.runs));
    await page.fill('#balance-steps', String(b.args.steps));
    await page.fill('#curve-seed', String(b.args.seed));
    await page.check('#digital-inbox');
    await page.selectOption('#decline-layer', b.args.decline.layer);
    await page.fill('#decline-rate', String(b.args.decline.rate));
    await page.fill('#decline-periods', String(b.args.decline.periods));
    await page.click('#balance');
    await page.waitForSelector('#balance-result[data-rows]', { timeout: 120_000 });
    assert.equal(await page.isHidden('#error'), true, await text(page, '#error'));
    const expected = b.report.rows.map((r) => [r.mix, r.period, r.reach, r.success_rate, r.throughput]);
    assert.equal(await page.getAttribute('#balance-result', 'data-rows'), JSON.stringify(expected));
    const best = b.report.best.find((x) => x.measure === 'reach');
    assert.match(await text(page, '#balance-result'), new RegExp(`^Best mix for campaign reach: ${best.mix} offline `));
    assert.match(await text(page, '#balance-result'), /While facebook declines, the most robust mix/);
  } else {
    assert.match(await text(page, '#balance-result'), /no balance function yet/);
  }

  // The relays' cascade, for the screenshot.
  await page.fill('#probability', '0.2');
  await page.click('#run');
  await page.waitForSelector('#cascade-result:not([data-done="running"])');
  await page.click('#end');
  await page.waitForSelector('#cascade-result[data-done="true"]');
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, 'demo.png'), fullPage: true });

  // A pasted edge list replaces the network; a bad one is reported on the page.
  await page.fill('#edges', '# a triangle and a tail\nana bo\nbo cy 2\ncy ana\ncy dee\n');
  await page.click('#load');
  await page.waitForFunction(() => document.querySelectorAll('.person').length === 4);
  assert.match(await text(page, '#network-name'), /4 people, 4 ties, 1 layer$/);
  await page.fill('#edges', 'ana\n');
  await page.click('#load');
  await page.waitForSelector('#error:not([hidden])');
  assert.match(await text(page, '#error'), /^ParseError: the pasted edge list:1: /);
  assert.equal(await page.locator('.person').count(), 4, 'a bad edge list keeps the network');
  await page.close();

  assert.deepEqual(outside, [], 'requests that left 127.0.0.1');
  assert.deepEqual(consoleErrors, [], 'console errors and warnings');
});

test("the README's page snippet runs and prints the native numbers", { timeout: 60_000 }, async () => {
  const page = await open('/readme-snippet.html');
  await page.waitForFunction(() => document.body && document.body.textContent.includes('mean spread'), null, { timeout: 30_000 });
  const ic = golden.cascade.independent_cascade;
  assert.match(await text(page, 'body'), new RegExp(`^61 people: mean spread ${ic.mean}, 95% CI `));
  await page.close();
  assert.deepEqual(outside, [], 'requests that left 127.0.0.1');
  assert.deepEqual(consoleErrors, [], 'console errors and warnings');
});
