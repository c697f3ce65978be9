// The HTML report (report.html, written by `reseau report --out DIR`) in a real browser:
// Debian's Chromium driven by playwright-core, the tools of bindings/wasm/browser (installed
// there by scripts/test-wasm or scripts/test-report). Each folder named in RESEAU_REPORT_DIRS
// (colon-separated; scripts/test-report writes them) holds one report: report.html,
// report.json, report.txt and the charts. The page is opened from disk with every request
// refused and counted, on a desktop and on a phone's screen, and checked for console errors,
// its charts, its sections against the text, and every number it shows against report.json.
//
// Environment: RESEAU_CHROMIUM (default /usr/bin/chromium), RESEAU_REPORT_DIRS.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../../..');
// playwright-core lives in bindings/wasm's node_modules, beside the demo page's test.
const require = createRequire(path.join(root, 'bindings/wasm/browser/demo.test.mjs'));
const { chromium } = require('playwright-core');

const dirs = (process.env.RESEAU_REPORT_DIRS ?? '').split(':').filter(Boolean);
const shots = path.join(root, 'target/browser-test');

let browser;
before(async () => {
  assert.ok(dirs.length > 0, 'RESEAU_REPORT_DIRS names no report folder (run scripts/test-report)');
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
});

/** The value at a dotted path of the report's JSON (array indices as numbers). */
function at(json, dotted) {
  return dotted.split('.').reduce((v, key) => (v === undefined || v === null ? undefined : v[key]), json);
}

/** Whitespace collapsed, for comparing the page's text with report.txt (which wraps). */
const squash = (s) => s.replace(/\s+/g, ' ').trim();

/** A page that records console messages, uncaught errors and every request but the page's. */
async function open(url, viewport) {
  const page = await browser.newPage({ viewport });
  const problems = [];
  const requests = [];
  page.on('console', (m) => {
    if (['error', 'warning'].includes(m.type())) problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught ${e}`));
  await page.route('**/*', (route) => {
    const asked = route.request().url();
    if (asked === url) return route.continue();
    requests.push(asked);
    return route.abort();
  });
  await page.goto(url);
  return { page, problems, requests };
}

for (const dir of dirs) {
  const name = path.basename(dir);
  test(`report.html of ${name}: charts, sections and numbers as in report.json`, { timeout: 120_000 }, async () => {
    const json = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8'));
    const text = readFileSync(path.join(dir, 'report.txt'), 'utf8');
    const charts = readdirSync(dir).filter((f) => f.endsWith('.svg')).sort();
    const url = pathToFileURL(path.join(dir, 'report.html')).href;
    const { page, problems, requests } = await open(url, { width: 1280, height: 900 });

    assert.equal(await page.title(), json.title);
    assert.equal(await page.getAttribute('meta[name="viewport"]', 'content'), 'width=device-width, initial-scale=1');

    // Every chart written beside the page is drawn in it, inline, with a size.
    const figures = await page.$$eval('figure[data-chart]', (fs) => fs.map((f) => f.dataset.chart).sort());
    assert.deepEqual(figures, charts);
    for (const chart of charts) {
      const box = await page.locator(`figure[data-chart="${chart}"] svg`).boundingBox();
      assert.ok(box && box.width > 100 && box.height > 50, `${chart} is drawn (${JSON.stringify(box)})`);
      const svg = readFileSync(path.join(dir, chart), 'utf8');
      const paths = (svg.match(/<path /g) ?? []).length;
      assert.equal(await page.locator(`figure[data-chart="${chart}"] svg path`).count(), paths, `${chart}: the same drawing as the file`);
    }

    // The sections of the text, in order: every heading of the page is a line of report.txt.
    const flat = squash(text);
    const headings = await page.$$eval('section h2', (hs) => hs.map((h) => h.textContent));
    assert.ok(headings.length >= 4, `sections: ${headings}`);
    for (const h of headings.slice(1)) assert.ok(flat.includes(squash(h)), `the text has the section "${h}"`);
    let from = 0;
    for (const h of headings.slice(1)) {
      const i = flat.indexOf(squash(h), from);
      assert.ok(i >= from, `"${h}" comes in the text's order`);
      from = i;
    }
    // What the report leaves out, it says, in the same words as report.json.
    const omitted = await page.$$eval('p.omitted', (ps) => ps.map((p) => p.textContent));
    assert.deepEqual(omitted, json.omitted.map((o) => o.line));
    for (const o of json.omitted) assert.ok(flat.includes(squash(o.line)));
    assert.equal(await page.locator('section#balance').count(), json.balance ? 1 : 0);
    // Adoptions given: the fit's section, with a row per layer estimate.
    assert.equal(await page.locator('section#fit').count(), json.fit ? 1 : 0);
    if (json.fit) assert.equal(await page.locator('section#fit tbody tr').count(), json.fit.layers.length);

    // Every number shown is the one of report.json: exactly in its value, and rounded as
    // written in its text.
    const numbers = await page.$$eval('data[data-path]', (ds) => ds.map((d) => [d.dataset.path, d.getAttribute('value'), d.textContent]));
    assert.ok(numbers.length > 30, `numbers shown: ${numbers.length}`);
    for (const [where, value, shown] of numbers) {
      const expected = at(json, where);
      assert.equal(typeof expected, 'number', `${where} is a number of report.json`);
      assert.equal(Number(value), expected, `${where}`);
      const percent = shown.endsWith('%');
      const digits = (shown.split('.')[1] ?? '').replace(/\D/g, '').length;
      const read = Number(shown.replace(/[,%]/g, '')) / (percent ? 100 : 1);
      const tolerance = (0.5 * 10 ** -digits) / (percent ? 100 : 1) + 1e-12;
      assert.ok(Math.abs(read - expected) <= tolerance, `${where}: shown ${shown} for ${expected}`);
      assert.ok(flat.includes(shown), `${where}: ${shown} is in the text too`);
    }
    // The load curve's rows, one per rate, with the numbers of the curve.
    const rows = await page.locator('section#referrals tbody tr').count();
    assert.equal(rows, json.load_curve.rates.length);

    // On a phone's screen: nothing wider than the screen but the tables, which scroll.
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than a phone`);
    for (const chart of charts) {
      const box = await page.locator(`figure[data-chart="${chart}"] svg`).boundingBox();
      assert.ok(box.width <= 390, `${chart} fits a phone (${box.width}px)`);
    }
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, `report-${name}-phone.png`), fullPage: true });
    await page.close();

    assert.deepEqual(requests, [], 'requests made by the page');
    assert.deepEqual(problems, [], 'console errors and warnings');
  });
}
