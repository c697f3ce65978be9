// A small typed program against the package's declarations, checked by `tsc --noEmit` in
// scripts/test-wasm: what a TypeScript user writes must type-check, and mistakes must not.
import init, {
  Network,
  datasets,
  generators,
  readEdgelist,
  readMultiplex,
  type LayerInfo,
  type ReseauError,
  type SerializedGraph,
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
  const copy = Network.fromJson(net.toJson());

  // @ts-expect-error a misspelt option is a type error
  net.addLayer('x', { direted: true });
  // @ts-expect-error layers are physical or digital
  net.addLayer('y', { kind: 'telepathic' });
  // @ts-expect-error a generator needs its seed
  generators.erdosRenyi({ n: 10, meanDegree: 2 });

  return layers.length + lunch.length + offline.numTies + (tie ?? 0) + er.numTies + pro.numPeople
    + mux.numTies + line + back.numTies + copy.numPeople + sign + (group ?? '').length;
}
