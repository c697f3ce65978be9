// A small typed program against the package's declarations, checked by `tsc --noEmit` in
// scripts/test-wasm: what a TypeScript user writes must type-check, and mistakes must not.
import init, {
  Fatigue,
  balance,
  report,
  IndependentCascade,
  LinearThreshold,
  Network,
  WeightedCascade,
  datasets,
  exactSpread,
  generators,
  readEdgelist,
  readMultiplex,
  referralLoadCurve,
  reputation,
  routeReferrals,
  selectRelays,
  simulate,
  trace,
  traceReferrals,
  validateFatigue,
  validateModel,
  willingness,
  fitCascade,
  shuffleTest,
  inferShadow,
  parseAdoptions,
  type Adoption,
  type CascadeFit,
  type ShuffleTest,
  type ShadowInference,
  type LayerInfo,
  type LoadCurve,
  type Model,
  type Outcome,
  type ReferralTrace,
  type RelayMethod,
  type RelaySelection,
  type Reputation,
  type ReferralSummary,
  type RouteSummary,
  type Strategy,
  type ReseauError,
  type SerializedGraph,
  type SpreadStats,
  type CascadeSummary,
  type CascadeTrace,
  type Summary,
  type Trace,
} from 'reseau';

export async function main(wasm: ArrayBuffer): Promise<number> {
  await init({ module_or_path: wasm });

  const aarhus: Network = datasets.aarhusCs();
  const layers: LayerInfo[] = aarhus.layers;
  const lunch: Uint32Array = aarhus.degrees('lunch');
  const offline = aarhus.withoutLayers(['facebook']);

  const net = new Network();
  net.addLayer('lunch', { kind: 'physical', probability: 0.2, latency: 1 });
  const ana = net.addPerson({ label: 'ana', group: 'G1', kind: 'influencer', attributes: { age: 31 } });
  const bo = net.addPerson();
  const tie: number | undefined = net.addTie(ana, bo, 'lunch', { weight: 2, sign: -1 });
  const sign: 1 | -1 = net.ties('lunch')[0].sign;
  const group: string | null = net.people()[ana].group;
  net.configureLayer('lunch', { probability: 0.1 });

  const er = generators.erdosRenyi({ n: 1000, meanDegree: 4, seed: 1n });
  const pro = generators.professional({ people: 100, digitalLayers: ['linkedin'], seed: 2 });
  const grid = generators.kleinberg({ side: 10, seed: 3 }); // r and longRange: the core's defaults
  const mux = readMultiplex('1 a b\n', { layers: 'layerID layerLabel\n1 lunch\n', directed: false });

  let line = 0;
  try {
    readEdgelist('1\n', { file: 'broken.txt', policy: { selfLoops: 'reject' } });
  } catch (e) {
    const err = e as ReseauError;
    if (err.name === 'ParseError') line = err.line ?? 0;
  }

  const graph: SerializedGraph = net.toGraphology();
  const back = Network.fromGraphology(graph, { duplicates: 'reject' });
  const copy = Network.fromJSON(JSON.stringify(net));
  const old = Network.fromJson(net.toJson()); // the old names, deprecated

  // @ts-expect-error a misspelt option is a type error
  net.addLayer('x', { direted: true });
  // @ts-expect-error layers are physical or digital
  net.addLayer('y', { kind: 'telepathic' });
  // @ts-expect-error a generator needs its seed
  generators.erdosRenyi({ n: 10, meanDegree: 2 });

  // Influence relays: offline ties convince more, online ties are faster.
  const model: Model = IndependentCascade({
    probability: 0.1,
    layers: { lunch: { multiplier: 2, latency: 2 }, facebook: { enabled: false } },
    amplifiers: { influencerMultiplier: 3, mediaThreshold: 2, mediaProbability: null },
    badMultiplier: 1.5,
    distrust: 'invert',
    fatigue: { curve: { kind: 'hill', half: 3, exponent: 2 }, halfLife: 10 },
  });
  const summary: CascadeSummary = simulate(aarhus, [0, 'U139'], { model, runs: 1000, seed: 7n, badSeeds: [5] });
  const activation: Float64Array = summary.activation;
  const byStep: Float64Array = summary.byStep;
  const lunchShare: number = summary.layerShares['lunch'] + summary.byLayer[summary.layerNames[0]];
  const bad: SpreadStats = summary.bad;
  const [lo, hi]: [number, number] = summary.ci95;
  const t: CascadeTrace = trace(aarhus, new Uint32Array([3]), { model: WeightedCascade(), seed: 11 });
  const steps: Int32Array = t.step;
  const order: Uint32Array = t.order;
  const lt = LinearThreshold({ thresholds: new Float64Array(aarhus.numPeople).fill(0.5) });
  const exact: number = exactSpread(net, [ana], { model: lt });
  validateModel(lt, 'linear_threshold');
  simulate(aarhus, ['U102']);

  // @ts-expect-error a misspelt model option is a type error
  IndependentCascade({ probablity: 0.2 });
  // @ts-expect-error distrust blocks or inverts
  IndependentCascade({ distrust: 'ignore' });
  // @ts-expect-error thresholds belong to Linear Threshold
  IndependentCascade({ thresholds: [0.5] });
  const chosen: RelaySelection = selectRelays(aarhus, {
    k: 3, model: IndependentCascade({ probability: 0.05 }), method: 'opim_c', epsilon: 0.2,
    evaluationRuns: 500, evaluationModel: IndependentCascade({ probability: 0.05, fatigue: Fatigue.hill({ half: 2, exponent: 2 }) }), seed: 1n,
  });
  const relays: Uint32Array = chosen.relays;
  const reach: number = chosen.spread?.mean ?? 0;
  const ratio: number | null = chosen.approximation;
  const how: RelayMethod = chosen.method;
  const budgeted = selectRelays(aarhus, { budget: 2.5, costs: new Float64Array(61).fill(1), method: 'celf', celfRuns: 100 });
  const rep: Reputation = reputation(aarhus, { samples: 1000 });
  const lunchRank: Float64Array = rep.layerPagerank['lunch'];
  const pr: Float64Array = reputation(aarhus, { method: 'pagerank', layer: 'work', damping: 0.9 });
  const mp: Float64Array = reputation(aarhus, { method: 'multiplex_pagerank', multiplex: 'combined' });

  // @ts-expect-error no such method
  selectRelays(aarhus, { k: 3, method: 'greedy' });
  // @ts-expect-error a misspelt option is a type error
  selectRelays(aarhus, { k: 3, evaluationRun: 10 });
  // @ts-expect-error no such score
  reputation(aarhus, { method: 'klout' });
  // @ts-expect-error a Hill curve needs its exponent
  WeightedCascade({ fatigue: { curve: { kind: 'hill', half: 3 } } });
  // @ts-expect-error runs is not a simulate option of trace
  trace(aarhus, [0], { runs: 10 });
  // @ts-expect-error seeds are ids or labels
  simulate(aarhus, [true]);

  // Recommendation fatigue and referral chains.
  const hill: Fatigue = Fatigue.hill({ half: 3, exponent: 2, halfLife: 10 });
  const curves: Fatigue[] = [
    Fatigue.none(),
    Fatigue.exponential({ rate: 0.2 }),
    Fatigue.capacity({ capacity: 5, halfLife: null }),
    Fatigue.queue({ size: 2 }),
    Fatigue.decreasing({ halfLife: 4 }),
    { curve: { kind: 'hill', half: 1, exponent: 1 } },
  ];
  validateFatigue(hill, 'hill');
  const half: number = willingness(hill, 3);
  const ws: Float64Array = willingness(hill, new Float64Array([0, 1, 2]));
  const ws2: Float64Array = willingness(curves[1], [0, 1, 2]);
  const tired: Model = IndependentCascade({ probability: 0.2, fatigue: hill });
  const strategy: Strategy = 'strongest_tie';
  const routed: ReferralSummary = routeReferrals(aarhus, {
    requests: [[0, 'U4'], ['U102', 5]],
    rate: 1,
    strategy,
    physicalShare: 0.7,
    forward: 0.8,
    layerForward: { facebook: 0.4 },
    maxHops: 20,
    fatigue: hill,
    seed: 3n,
  });
  const random: ReferralSummary = routeReferrals(aarhus, { nRequests: 500, rate: 5, seed: 1 });
  const paced: ReferralSummary = routeReferrals(aarhus, { rate: 2.5, steps: 40, digitalFatigue: hill });
  // The old names, deprecated for one release.
  const oldNames: [Summary, Trace, RouteSummary] = [summary, t, paced];
  const oldModel: Model = IndependentCascade({ relays: { influencerMultiplier: 2 } });
  const lengths: Uint32Array = routed.chainLengths;
  const attrition: Float64Array = random.attrition;
  const [slo, shi]: [number, number] = random.successCi95;
  const mean: number | null = random.meanChainLength;
  const facebook: number = random.layerShares['facebook'];
  const busiest: string = random.overloaded[0].label;
  const journeys: ReferralTrace[] = traceReferrals(aarhus, { nRequests: 10, forward: 0.9 });
  const first: Uint32Array = journeys[0].path;
  const outcome: Outcome = journeys[0].outcome;
  const load: LoadCurve = referralLoadCurve(aarhus, [0.5, 1, 2, 4], { steps: 100, fatigue: hill, seed: 7 });
  const throughput: Float64Array = load.throughput;
  const collapse: number | null = load.collapseRate;

  // @ts-expect-error a Hill curve needs its exponent
  Fatigue.hill({ half: 3 });
  // @ts-expect-error a misspelt half-life is a type error
  Fatigue.capacity({ capacity: 3, halfLif: 2 });
  // @ts-expect-error no such strategy
  routeReferrals(aarhus, { strategy: 'teleport' });
  // @ts-expect-error a misspelt option is a type error
  routeReferrals(aarhus, { maxHop: 5 });
  // @ts-expect-error requests are pairs
  routeReferrals(aarhus, { requests: [[0, 1, 2]] });
  // @ts-expect-error the rates of a load curve are numbers
  referralLoadCurve(aarhus, ['fast']);
  // @ts-expect-error nRequests is not an option of a load curve
  referralLoadCurve(aarhus, [1], { nRequests: 10 });

  // The balance sweep and the headline report.
  const sweep = balance(aarhus, {
    mixes: [0, 0.5, 1],
    numSeeds: 2,
    digitalFatigue: Fatigue.hill({ half: 2, exponent: 2, halfLife: 10 }),
    decline: { layer: 'facebook', rate: 0.3, periods: 2, vanishAt: 2 },
    seed: 1n,
  });
  const bestMix: number = sweep.best[0].mix;
  const ties: number | null = sweep.rows[0].decliningTies;
  const page = report(aarhus, { quick: true, seed: 3 });
  const svg: string = page.charts['load_curve.svg'];
  // @ts-expect-error a decline names its layer
  balance(aarhus, { decline: { rate: 0.3, periods: 2 } });
  const html: string = page.html();

  // Inference from observed adoptions.
  const seen: Adoption[] = parseAdoptions('person,time\nU4,0\nU1,1\n', { file: 'a.csv', delimiter: ',' });
  const fit: CascadeFit = fitCascade(aarhus, seen, { exposure: 'persistent', bootstrap: 10, seed: 2n });
  const lunchP: number | null = fit.probabilities['lunch'];
  const refit: CascadeFit = fitCascade(aarhus, [{ U4: 0, U1: 1 }, { U4: 0, U79: null }], { horizon: 5 });
  simulate(aarhus, ['U4'], { model: fit.model });
  const shuffled: ShuffleTest = shuffleTest(aarhus, { U4: 0, U1: 1 }, { permutations: 20 });
  const shadow: ShadowInference = inferShadow(aarhus, seen, { candidates: 3, kind: 'physical' });
  const shadowNet: Network = shadow.network;
  // @ts-expect-error exposure is cascade or persistent
  fitCascade(aarhus, seen, { exposure: 'viral' });
  // @ts-expect-error a misspelt option is a type error
  shuffleTest(aarhus, seen, { permutation: 20 });

  return bestMix + (ties ?? 0) + svg.length + page.text.length + relays.length + reach + (ratio ?? 0) + how.length + budgeted.cost + rep.iterations
    + lunchRank.length + pr.length + mp.length
    + curves.length + half + ws.length + ws2.length + (tired.fatigue ? 1 : 0) + lengths.length
    + attrition.length + shi - slo + (mean ?? 0) + facebook + busiest.length + first.length
    + outcome.length + paced.requests + throughput.length + (collapse ?? 0)
    + activation.length + byStep.length + lunchShare + bad.mean + hi - lo + steps.length
    + order.length + exact + t.spread + summary.runs
    + layers.length + lunch.length + offline.numTies + (tie ?? 0) + er.numTies + pro.numPeople
    + html.length + (lunchP ?? 0) + refit.aic + shuffled.permutations + shadowNet.numTies
    + mux.numTies + line + back.numTies + copy.numPeople + old.numPeople + grid.numPeople + oldNames.length + (oldModel.relays ? 1 : 0) + sign + (group ?? '').length;
}
