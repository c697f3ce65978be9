// The demo page: the Aarhus CS network (or a pasted one), a cascade animated step by step, the
// best relays, the referral load curve and the balance sweep, all computed by the WebAssembly
// package in `pkg/` (scripts/demo copies it there). No other library: the layout is a small
// force-directed one below and the drawings are inline SVG.
import * as reseau from './pkg/index.js';

const SVG = 'http://www.w3.org/2000/svg';
const $ = (id) => document.getElementById(id);
const PHYSICAL_COLOURS = ['#e07b39', '#8d6e63', '#c49a00', '#6d9f3a', '#b5542c', '#a1887f'];
const DIGITAL_COLOURS = ['#1e88e5', '#7e57c2', '#00897b', '#3949ab'];
const RATES = [0.5, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512];
const RUNS = 1000;
const STEP_MS = 700;
const MAX_DRAWN_TIES = 20000;

const state = {
  net: null,
  name: '',
  layers: [], // { name, kind, colour, ties }
  positions: [], // [x, y] per person
  seeds: new Set(),
  trace: null,
  now: -1, // the step shown
  last: -1, // the trace's last step
  timer: null,
};

// ---------------------------------------------------------------------------------------------
// Small helpers.

function el(tag, attributes = {}, parent = null) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
  if (parent) parent.appendChild(node);
  return node;
}

function html(tag, text, parent) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (parent) parent.appendChild(node);
  return node;
}

function number(id, fallback) {
  const x = $(id).valueAsNumber;
  return Number.isFinite(x) ? x : fallback;
}

function fmt(x, digits = 3) {
  return x === null || x === undefined ? '–' : Number(x).toFixed(digits).replace(/\.?0+$/, '') || '0';
}

function showError(e) {
  const box = $('error');
  box.hidden = false;
  box.textContent = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

function clearError() {
  $('error').hidden = true;
  $('error').textContent = '';
}

/** Runs `work` after the browser has painted `message` (long computations block the page). */
function busy(message, work) {
  clearError();
  $('status').textContent = message;
  return new Promise((resolve) => {
    requestAnimationFrame(() =>
      setTimeout(() => {
        try {
          work();
          $('status').textContent = 'Ready.';
        } catch (e) {
          $('status').textContent = 'Ready.';
          showError(e);
        }
        resolve();
      }, 0),
    );
  });
}

function personName(id) {
  return state.net.labels[id] ?? `#${id}`;
}

// ---------------------------------------------------------------------------------------------
// The model, the fatigue and the seeds, as the controls set them.

function fatigue() {
  const kind = $('fatigue-kind').value;
  const options = {};
  if (kind === 'exponential') options.rate = number('fatigue-rate', 0.5);
  if (kind === 'hill') Object.assign(options, { half: number('fatigue-half', 2), exponent: number('fatigue-exponent', 2) });
  if (kind === 'capacity') options.capacity = number('fatigue-capacity', 5);
  if (kind === 'queue') options.size = number('fatigue-size', 3);
  const halfLife = number('fatigue-half-life', null);
  if (halfLife !== null) options.halfLife = halfLife;
  return reseau.Fatigue[kind](options);
}

/** Independent Cascade with the global probability, and a layer's own only where it is set. */
function model() {
  const options = { probability: number('probability', 0.1) };
  const layers = {};
  for (const layer of state.layers) {
    const settings = {};
    const p = $(`p-${layer.index}`).valueAsNumber;
    if (Number.isFinite(p)) settings.probability = p;
    if (!$(`on-${layer.index}`).checked) settings.enabled = false;
    if (Object.keys(settings).length > 0) layers[layer.name] = settings;
  }
  if (Object.keys(layers).length > 0) options.layers = layers;
  if ($('fatigue-cascade').checked) options.fatigue = fatigue();
  return reseau.IndependentCascade(options);
}

function seeds() {
  return [...state.seeds].sort((a, b) => a - b);
}

// ---------------------------------------------------------------------------------------------
// The layout: Fruchterman-Reingold on the ties of every layer, from a fixed start (the same
// drawing every time), then scaled into the drawing.

function layout(n, pairs) {
  const W = 640;
  const H = 560;
  const pos = Array.from({ length: n }, (_, i) => {
    const r = 10 * Math.sqrt(i + 0.5);
    const a = i * 2.399963229728653; // the golden angle: an even, deterministic spiral
    return [r * Math.cos(a), r * Math.sin(a)];
  });
  const k = Math.sqrt((W * H) / Math.max(n, 1)) * 0.75;
  // O(n²) a round: a few seconds at most; beyond 3,000 people the spiral stays as it is.
  const iterations = n > 3000 ? 0 : Math.max(30, Math.min(400, Math.floor(4e7 / Math.max(n * n, 1))));
  let t = W / 8;
  const disp = pos.map(() => [0, 0]);
  for (let it = 0; it < iterations; it++) {
    for (const d of disp) d[0] = d[1] = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let dx = pos[i][0] - pos[j][0];
        let dy = pos[i][1] - pos[j][1];
        let d2 = dx * dx + dy * dy;
        if (d2 < 1e-6) { dx = 0.01 * (i - j); dy = 0.01; d2 = dx * dx + dy * dy; }
        const f = (k * k) / d2; // repulsion k²/d, along the unit vector
        disp[i][0] += dx * f; disp[i][1] += dy * f;
        disp[j][0] -= dx * f; disp[j][1] -= dy * f;
      }
    }
    for (const [a, b, w] of pairs) {
      const dx = pos[a][0] - pos[b][0];
      const dy = pos[a][1] - pos[b][1];
      const d = Math.sqrt(dx * dx + dy * dy) || 0.01;
      const f = (d * Math.sqrt(w)) / k; // attraction d²/k, stronger for ties in several layers
      disp[a][0] -= dx * f; disp[a][1] -= dy * f;
      disp[b][0] += dx * f; disp[b][1] += dy * f;
    }
    for (let i = 0; i < n; i++) {
      disp[i][0] -= pos[i][0] * 0.02; // gravity: people without ties stay in view
      disp[i][1] -= pos[i][1] * 0.02;
      const d = Math.hypot(disp[i][0], disp[i][1]) || 1;
      const step = Math.min(d, t);
      pos[i][0] += (disp[i][0] / d) * step;
      pos[i][1] += (disp[i][1] / d) * step;
    }
    t = Math.max(t * 0.985, 0.5);
  }
  const xs = pos.map((p) => p[0]);
  const ys = pos.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const margin = 24;
  const s = Math.min((W - 2 * margin) / (x1 - x0 || 1), (H - 2 * margin) / (y1 - y0 || 1));
  return pos.map(([x, y]) => [
    margin + (x - x0) * s + (W - 2 * margin - (x1 - x0) * s) / 2,
    margin + (y - y0) * s + (H - 2 * margin - (y1 - y0) * s) / 2,
  ]);
}

// ---------------------------------------------------------------------------------------------
// A network on the page.

function useNetwork(net, name) {
  stopAnimation();
  if (state.net && state.net !== net) state.net.free();
  state.net = net;
  state.name = name;
  state.seeds.clear();
  state.trace = null;
  let physical = 0;
  let digital = 0;
  state.layers = net.layers.map((layer, index) => ({
    ...layer,
    index,
    colour: layer.kind === 'digital' ? DIGITAL_COLOURS[digital++ % DIGITAL_COLOURS.length] : PHYSICAL_COLOURS[physical++ % PHYSICAL_COLOURS.length],
    ties: net.numTiesIn(layer.name),
  }));
  const ties = net.ties();
  const weights = new Map();
  for (const t of ties) {
    const key = t.source < t.target ? `${t.source} ${t.target}` : `${t.target} ${t.source}`;
    weights.set(key, (weights.get(key) ?? 0) + 1);
  }
  const pairs = [...weights].map(([key, w]) => [...key.split(' ').map(Number), w]);
  state.positions = layout(net.numPeople, pairs);
  $('network-name').textContent = `${name}: ${net.numPeople} people, ${net.numTies} ties, ${net.numLayers} layer${net.numLayers === 1 ? '' : 's'}`;
  drawLayersTable();
  const decline = $('decline-layer');
  decline.replaceChildren(new Option('no layer', ''));
  for (const layer of state.layers.filter((l) => l.kind === 'digital')) decline.add(new Option(layer.name, layer.name));
  drawGraph(ties);
  drawLegend();
  showSeeds();
  resetResult();
}

function drawLayersTable() {
  const body = $('layers').tBodies[0];
  body.replaceChildren();
  for (const layer of state.layers) {
    const row = html('tr', undefined, body);
    const swatch = html('span', undefined, html('td', undefined, row));
    swatch.className = `swatch ${layer.kind}`;
    swatch.style.backgroundColor = layer.colour;
    html('td', `${layer.name} (${layer.kind === 'digital' ? 'online' : 'offline'})`, row);
    html('td', String(layer.ties), row);
    const p = html('input', undefined, html('td', undefined, row));
    Object.assign(p, { type: 'number', id: `p-${layer.index}`, min: 0, max: 1, step: 0.01, placeholder: 'every tie' });
    p.setAttribute('aria-label', `probability on ${layer.name}`);
    const on = html('input', undefined, html('td', undefined, row));
    Object.assign(on, { type: 'checkbox', id: `on-${layer.index}`, checked: true });
    on.setAttribute('aria-label', `${layer.name} on`);
    on.addEventListener('change', () => {
      for (const tie of document.querySelectorAll(`.tie[data-layer="${layer.index}"]`)) tie.classList.toggle('hidden', !on.checked);
    });
  }
}

function drawLegend() {
  const legend = $('legend');
  legend.replaceChildren();
  for (const layer of state.layers) {
    const item = html('span', undefined, legend);
    const swatch = html('span', undefined, item);
    swatch.className = `swatch ${layer.kind}`;
    swatch.style.backgroundColor = layer.colour;
    item.append(` ${layer.name} (${layer.kind === 'digital' ? 'online, dashed' : 'offline'})`);
  }
  const seed = html('span', '◯ thick ring: a seed; ', legend);
  seed.append('pink: reached, with the tie that reached them in its layer colour');
}

function drawGraph(ties) {
  const svg = $('graph');
  svg.replaceChildren();
  const pos = state.positions;
  const tiesGroup = el('g', { id: 'ties' }, svg);
  el('g', { id: 'paths' }, svg);
  const peopleGroup = el('g', { id: 'people' }, svg);
  const count = state.layers.length;
  if (ties.length > MAX_DRAWN_TIES) {
    el('text', { x: 8, y: 16, class: 'plot-label' }, svg).textContent = `${ties.length.toLocaleString('en')} ties: too many to draw; people only`;
  }
  for (const t of ties.length > MAX_DRAWN_TIES ? [] : ties) {
    const layer = state.layers.find((l) => l.name === t.layer);
    const [x1, y1] = pos[t.source];
    const [x2, y2] = pos[t.target];
    // Ties of several layers between the same two people fan out a little.
    const bend = (layer.index - (count - 1) / 2) * 5;
    const len = Math.hypot(x2 - x1, y2 - y1) || 1;
    const cx = (x1 + x2) / 2 + (-(y2 - y1) / len) * bend;
    const cy = (y1 + y2) / 2 + ((x2 - x1) / len) * bend;
    el('path', {
      d: `M${x1.toFixed(1)},${y1.toFixed(1)} Q${cx.toFixed(1)},${cy.toFixed(1)} ${x2.toFixed(1)},${y2.toFixed(1)}`,
      class: `tie ${layer.kind}`,
      stroke: layer.colour,
      'data-layer': layer.index,
    }, tiesGroup);
  }
  const small = state.net.numPeople > 150;
  for (let id = 0; id < state.net.numPeople; id++) {
    const [x, y] = pos[id];
    const g = el('g', { class: 'person', 'data-id': id, transform: `translate(${x.toFixed(1)},${y.toFixed(1)})` }, peopleGroup);
    el('circle', { r: small ? 3 : 7 }, g);
    el('title', {}, g).textContent = personName(id);
    if (!small) el('text', { x: 8, y: 3 }, g).textContent = personName(id);
    g.addEventListener('click', () => toggleSeed(id));
  }
}

function toggleSeed(id) {
  if (state.seeds.has(id)) state.seeds.delete(id);
  else state.seeds.add(id);
  showSeeds();
}

function showSeeds() {
  for (const g of document.querySelectorAll('.person')) g.classList.toggle('seed', state.seeds.has(Number(g.dataset.id)));
  $('seeds').textContent = state.seeds.size ? seeds().map(personName).join(', ') : 'none (click people)';
  $('run').disabled = state.seeds.size === 0;
}

// ---------------------------------------------------------------------------------------------
// The cascade.

function resetResult() {
  $('step-now').textContent = '–';
  $('reached').textContent = '–';
  $('steps').tBodies[0].replaceChildren();
  $('by-layer').textContent = '';
  $('summary').textContent = '';
  $('paths')?.replaceChildren();
  for (const g of document.querySelectorAll('.person')) g.classList.remove('reached', 'just');
  for (const id of ['play', 'step', 'end']) $(id).disabled = true;
}

function runCascade() {
  $('cascade-result').dataset.done = 'running';
  return busy('Running the cascade…', () => {
    stopAnimation();
    resetResult();
    const m = model();
    const people = seeds();
    const seed = number('seed', 0);
    const t = reseau.trace(state.net, people, { model: m, seed });
    state.trace = t;
    state.last = t.step.reduce((a, b) => Math.max(a, b), 0);
    // The table of steps, and who carried the message.
    const body = $('steps').tBodies[0];
    let total = 0;
    for (let s = 0; s <= state.last; s++) {
      const fresh = t.step.filter((x) => x === s).length;
      total += fresh;
      const row = html('tr', undefined, body);
      row.dataset.step = s;
      html('td', String(s), row);
      html('td', String(fresh), row);
      html('td', String(total), row);
    }
    const carried = new Map();
    for (let i = 0; i < t.layer.length; i++) {
      if (t.layer[i] >= 0) carried.set(t.layer[i], (carried.get(t.layer[i]) ?? 0) + 1);
    }
    $('by-layer').textContent = `This run, people reached through ${state.layers
      .map((l) => `${l.name} ${carried.get(l.index) ?? 0}`)
      .join(', ')}.`;
    // The expected spread: Monte Carlo over many runs with the same seed.
    const s = reseau.simulate(state.net, people, { model: m, runs: RUNS, seed });
    const summary = $('summary');
    summary.dataset.mean = String(s.mean);
    summary.dataset.std = String(s.std);
    summary.textContent = `Over ${RUNS.toLocaleString('en')} runs (seed ${seed}): ${fmt(s.mean)} people reached on average (95% CI ${fmt(s.ci95[0])}–${fmt(s.ci95[1])}, std ${fmt(s.std)}); share carried by ${s.layerNames
      .map((l) => `${l} ${(100 * s.layerShares[l]).toFixed(1)}%`)
      .join(', ')}.`;
    for (const id of ['play', 'step', 'end']) $(id).disabled = false;
    showStep(0);
    play();
  });
}

function showStep(now) {
  const t = state.trace;
  if (!t) return;
  state.now = Math.min(now, state.last);
  const paths = $('paths');
  paths.replaceChildren();
  let reached = 0;
  for (const g of document.querySelectorAll('.person')) {
    const id = Number(g.dataset.id);
    const s = t.step[id];
    const on = s >= 0 && s <= state.now;
    reached += on ? 1 : 0;
    g.classList.toggle('reached', on);
    g.classList.toggle('just', s === state.now && s > 0);
    if (on && t.parent[id] >= 0) {
      const [x1, y1] = state.positions[t.parent[id]];
      const [x2, y2] = state.positions[id];
      el('line', { x1, y1, x2, y2, class: 'path', stroke: state.layers[t.layer[id]]?.colour ?? '#000' }, paths);
    }
  }
  $('step-now').textContent = `${state.now} of ${state.last}`;
  $('reached').textContent = `${reached} of ${state.net.numPeople}`;
  $('reached').dataset.count = reached;
  for (const row of $('steps').tBodies[0].rows) row.classList.toggle('current', Number(row.dataset.step) === state.now);
  const done = state.now >= state.last;
  $('cascade-result').dataset.done = String(done);
  if (done) stopAnimation();
}

function play() {
  stopAnimation();
  $('play').textContent = 'Pause';
  state.timer = setInterval(() => showStep(state.now + 1), STEP_MS);
}

function stopAnimation() {
  if (state.timer !== null) clearInterval(state.timer);
  state.timer = null;
  $('play').textContent = 'Play';
}

// ---------------------------------------------------------------------------------------------
// Relays.

function bestRelays() {
  return busy('Choosing relays…', () => {
    const k = Math.max(1, Math.min(state.net.numPeople, number('k', 3)));
    const method = $('method').value;
    const seed = number('seed', 0);
    const chosen = reseau.selectRelays(state.net, { k, model: model(), method, seed });
    state.seeds = new Set(chosen.relays);
    showSeeds();
    const spread = chosen.spread ? `, reaching ${fmt(chosen.spread.mean)} people on average (95% CI ${fmt(chosen.spread.ci95[0])}–${fmt(chosen.spread.ci95[1])})` : '';
    $('relay-result').textContent = `${method}: ${chosen.labels.map((l, i) => l ?? `#${chosen.relays[i]}`).join(', ')}${spread}.`;
  });
}

// ---------------------------------------------------------------------------------------------
// Fatigue: the willingness curve of the chosen setting.

function drawWillingness() {
  const svg = $('willingness');
  svg.replaceChildren();
  for (const label of document.querySelectorAll('#fatigue-parameters label[data-for]')) {
    label.hidden = label.dataset.for !== $('fatigue-kind').value;
  }
  let f;
  try {
    f = fatigue();
  } catch (e) {
    el('text', { x: 4, y: 40, class: 'plot-label' }, svg).textContent = e.message.slice(0, 40);
    return;
  }
  const loads = Float64Array.from({ length: 101 }, (_, i) => i / 5);
  const w = reseau.willingness(f, loads);
  const [x0, y0, width, height] = [28, 8, 204, 64];
  el('line', { x1: x0, y1: y0 + height, x2: x0 + width, y2: y0 + height, class: 'axis' }, svg);
  el('line', { x1: x0, y1: y0, x2: x0, y2: y0 + height, class: 'axis' }, svg);
  const points = Array.from(w, (v, i) => `${(x0 + (i / 100) * width).toFixed(1)},${(y0 + (1 - v) * height).toFixed(1)}`);
  el('polyline', { points: points.join(' '), class: 'series', stroke: '#c2185b' }, svg);
  el('text', { x: 2, y: y0 + 8, class: 'plot-label' }, svg).textContent = '1';
  el('text', { x: 2, y: y0 + height, class: 'plot-label' }, svg).textContent = '0';
  el('text', { x: x0 + width - 70, y: y0 + height + 14, class: 'plot-label' }, svg).textContent = 'load 0 → 20';
  el('text', { x: x0 + 6, y: y0 + height + 14, class: 'plot-label' }, svg).textContent = 'willingness';
}

// ---------------------------------------------------------------------------------------------
// Plots: lines on a linear or log2 x axis.

function plot(svg, { xs, series, logX, xLabel, yLabel, marks = [], legendMiddle = false }) {
  svg.replaceChildren();
  const [left, top, width, height] = [56, 16, 540, 230];
  const fx = logX ? Math.log2 : (x) => x;
  const [xmin, xmax] = [fx(Math.min(...xs)), fx(Math.max(...xs))];
  const X = (x) => left + ((fx(x) - xmin) / (xmax - xmin || 1)) * width;
  for (const s of series) {
    const finite = Array.from(s.values).filter(Number.isFinite);
    s.max = s.max ?? Math.max(1e-12, ...finite);
    s.Y = (y) => top + height - (y / s.max) * height;
  }
  for (let i = 0; i <= 4; i++) {
    const y = top + (i / 4) * height;
    el('line', { x1: left, y1: y, x2: left + width, y2: y, class: 'grid' }, svg);
    el('text', { x: 4, y: y + 4, class: 'plot-label' }, svg).textContent = fmt(series[0].max * (1 - i / 4), 2);
    if (series[1]) el('text', { x: left + width + 4, y: y + 4, class: 'plot-label' }, svg).textContent = fmt(series[1].max * (1 - i / 4), 2);
  }
  el('line', { x1: left, y1: top + height, x2: left + width, y2: top + height, class: 'axis' }, svg);
  el('line', { x1: left, y1: top, x2: left, y2: top + height, class: 'axis' }, svg);
  for (const x of xs) {
    el('text', { x: X(x) - 8, y: top + height + 14, class: 'plot-label' }, svg).textContent = fmt(x, 2);
  }
  el('text', { x: left + width / 2 - 60, y: top + height + 32, class: 'plot-label' }, svg).textContent = xLabel;
  el('text', { x: left + 4, y: top + 10, class: 'plot-label' }, svg).textContent = yLabel;
  for (const mark of marks) mark(X, series[0].Y);
  series.forEach((s, k) => {
    const points = xs.map((x, i) => [x, s.values[i]]).filter(([, y]) => Number.isFinite(y));
    el('polyline', { points: points.map(([x, y]) => `${X(x).toFixed(1)},${s.Y(y).toFixed(1)}`).join(' '), class: 'series', stroke: s.colour }, svg);
    for (const [x, y] of points) el('circle', { cx: X(x), cy: s.Y(y), r: 2.5, fill: s.colour }, svg);
    const y = (legendMiddle ? top + height * 0.45 : top + 12) + 14 * k;
    el('text', { x: left + width - 200, y, class: 'plot-label', fill: s.colour }, svg).textContent = `— ${s.name}`;
  });
}

function loadCurve() {
  return busy('Computing the load curve (a few seconds)…', () => {
    const steps = number('curve-steps', 300);
    const seed = number('curve-seed', 7);
    const curve = reseau.referralLoadCurve(state.net, RATES, { steps, fatigue: fatigue(), seed });
    const rates = Array.from(curve.rates);
    plot($('load-curve'), {
      xs: rates,
      logX: true,
      xLabel: 'requests started per step (log scale)',
      yLabel: 'delivered per step',
      series: [
        { name: 'throughput (delivered per step)', values: curve.throughput, colour: '#1565c0' },
        { name: 'success rate (right axis)', values: curve.successRate, colour: '#9e9e9e', max: 1 },
      ],
      marks: [
        (X, Y) => {
          el('circle', { cx: X(curve.peakRate), cy: Y(curve.peakThroughput), r: 6, class: 'marker-peak' }, $('load-curve'));
          if (curve.collapseRate !== null) {
            const x = X(curve.collapseRate);
            el('line', { x1: x, y1: 16, x2: x, y2: 246, class: 'marker-collapse' }, $('load-curve'));
            el('text', { x: x + 4, y: 200, class: 'plot-label', fill: '#b00020' }, $('load-curve')).textContent = 'collapse';
          }
        },
      ],
    });
    const result = $('curve-result');
    result.dataset.peakRate = String(curve.peakRate);
    result.dataset.collapseRate = String(curve.collapseRate);
    result.textContent = `Peak: ${fmt(curve.peakThroughput)} requests delivered per step at ${fmt(curve.peakRate)} started per step. ${
      curve.collapseRate === null
        ? 'No collapse within these rates.'
        : `Collapse: from ${fmt(curve.collapseRate)} started per step, throughput falls below half its peak.`
    }`;
  });
}

// ---------------------------------------------------------------------------------------------
// The balance sweep, when the package has it.

/** The options of the balance sweep, as the controls set them. */
function balanceOptions() {
  const step = Math.min(1, Math.max(0.05, number('mix-step', 0.1)));
  const count = Math.round(1 / step);
  const mixes = Array.from({ length: count + 1 }, (_, i) => Math.min(1, Math.round((i * step) * 1e6) / 1e6));
  if (mixes[mixes.length - 1] !== 1) mixes.push(1);
  const options = {
    mixes,
    runs: number('balance-runs', 200),
    steps: number('balance-steps', 100),
    fatigue: fatigue(),
    seed: number('curve-seed', 7),
  };
  if ($('digital-inbox').checked) options.digitalFatigue = fatigue();
  const layer = $('decline-layer').value;
  if (layer) options.decline = { layer, rate: number('decline-rate', 0.5), periods: number('decline-periods', 2) };
  return options;
}

const MEASURES = { reach: 'campaign reach', success_rate: 'referral success', throughput: 'referral throughput', time_to_target: 'time to target' };

function balanceSweep() {
  return busy('Sweeping the offline/online mix…', () => {
    const report = reseau.balance(state.net, balanceOptions());
    const first = report.rows.filter((r) => r.period === 0);
    const last = report.rows.filter((r) => r.period === report.periods);
    const best = Object.fromEntries(report.best.map((b) => [b.measure, b]));
    const xs = first.map((r) => r.mix);
    const reachMax = Math.max(1e-12, ...report.rows.map((r) => r.reach));
    const series = [
      { name: 'campaign reach (people)', values: first.map((r) => r.reach), colour: '#c2185b', max: reachMax },
      { name: 'referral success rate (right)', values: first.map((r) => r.successRate), colour: '#1565c0', max: 1 },
    ];
    if (report.periods > 0) {
      series.push({ name: `reach after ${report.periods} periods of decline`, values: last.map((r) => r.reach), colour: '#f48fb1', max: reachMax });
      series.push({ name: `success after ${report.periods} periods`, values: last.map((r) => r.successRate), colour: '#90caf9', max: 1 });
    }
    const svg = $('balance-plot');
    plot(svg, {
      xs,
      logX: false,
      xLabel: 'share of effort on offline ties',
      yLabel: 'people reached',
      legendMiddle: true,
      series,
      marks: [
        (X, Y) => {
          if (best.reach) el('circle', { cx: X(best.reach.mix), cy: Y(best.reach.value), r: 6, class: 'marker-peak' }, svg);
        },
      ],
    });
    const result = $('balance-result');
    result.dataset.rows = JSON.stringify(report.rows.map((r) => [r.mix, r.period, r.reach, r.successRate, r.throughput]));
    const verdict = (b) => (b.flat ? 'the sweep is flat' : b.interior ? (b.beatsEnds ? 'between the ends, and better than both' : 'between the ends') : 'at an end');
    const lines = [];
    for (const measure of ['reach', 'success_rate']) {
      const b = best[measure];
      if (b) lines.push(`Best mix for ${MEASURES[measure]}: ${fmt(b.mix, 2)} offline (${fmt(b.value)}; ${verdict(b)}).`);
    }
    for (const measure of ['reach', 'success_rate']) {
      const r = report.robust.find((x) => x.measure === measure);
      if (r) lines.push(`While ${report.decliningLayer} declines, the most robust mix for ${MEASURES[measure]}: ${fmt(r.mix, 2)} (worst ${fmt(r.worst)} at period ${r.worstPeriod}).`);
    }
    result.textContent = lines.join(' ');
  });
}

// ---------------------------------------------------------------------------------------------
// A pasted network.

function loadPasted() {
  return busy('Reading the network…', () => {
    const text = $('edges').value;
    const directed = $('edge-directed').checked;
    const layer = $('edge-layer').value.trim() || 'ties';
    const kind = $('edge-kind').value;
    const net =
      $('format').value === 'multiplex'
        ? reseau.readMultiplex(text, { directed, digital: kind === 'digital' ? [layer] : [] })
        : reseau.readEdgelist(text, { directed, layer, kind, file: 'the pasted edge list' });
    if (net.numPeople === 0) throw new Error('the edge list has no ties');
    useNetwork(net, 'Your network');
  });
}

// ---------------------------------------------------------------------------------------------

async function main() {
  await reseau.default(); // fetches pkg/reseau_wasm_bg.wasm
  $('version').textContent = `version ${reseau.version()}`;
  useNetwork(reseau.datasets.aarhusCs(), 'Aarhus CS');
  drawWillingness();
  for (const id of ['fatigue-kind', 'fatigue-rate', 'fatigue-half', 'fatigue-exponent', 'fatigue-capacity', 'fatigue-size', 'fatigue-half-life']) {
    $(id).addEventListener('input', drawWillingness);
  }
  $('run').addEventListener('click', runCascade);
  $('play').addEventListener('click', () => {
    if (state.timer !== null) stopAnimation();
    else {
      if (state.now >= state.last) showStep(0);
      play();
    }
  });
  $('step').addEventListener('click', () => {
    stopAnimation();
    showStep(state.now >= state.last ? 0 : state.now + 1);
  });
  $('end').addEventListener('click', () => showStep(state.last));
  $('relays').addEventListener('click', bestRelays);
  $('clear-seeds').addEventListener('click', () => {
    state.seeds.clear();
    showSeeds();
  });
  $('curve').addEventListener('click', loadCurve);
  $('load').addEventListener('click', loadPasted);
  $('aarhus').addEventListener('click', () => useNetwork(reseau.datasets.aarhusCs(), 'Aarhus CS'));
  for (const id of ['curve', 'load', 'aarhus']) $(id).disabled = false;
  if (typeof reseau.balance === 'function') {
    $('balance').disabled = false;
    $('balance').addEventListener('click', balanceSweep);
  } else {
    $('balance').hidden = true;
    $('balance-chart').hidden = true;
    $('balance-controls').hidden = true;
    $('balance-result').textContent =
      'This build of the package has no balance function yet: the sweep appears here once it does.';
  }
  $('status').textContent = 'Ready.';
  document.body.dataset.ready = 'true';
}

main().catch((e) => {
  $('status').textContent = 'The WebAssembly module could not be loaded.';
  showError(e);
});
