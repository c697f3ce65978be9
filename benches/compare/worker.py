"""A reseau process for the side-by-side scripts: reads one JSON request a line on stdin and
answers one JSON line on stdout. Its thread count is RAYON_NUM_THREADS, set by common.Worker
before the process starts. Networks are loaded once and kept.

Requests ("op" and its fields):
  simulate  graph, model ("ic:<p>", "wc", "lt"), runs, seed, [seeds: ids; default ten spread
            over the ids]                                    -> wall, cpu, mean, std, runs
  select    graph, model, method, epsilon, k                 -> wall, cpu, relays, samples
  pagerank  graph                                            -> wall, cpu, scores
  read      path                                             -> wall, cpu, people, ties
"""

from __future__ import annotations

import json
import sys

import common
import reseau

NETWORKS: dict = {}


def network(key: str):
    if key not in NETWORKS:
        NETWORKS[key] = common.load_network(key)
    return NETWORKS[key]


def model_of(spec: str):
    if spec == "wc":
        return reseau.WeightedCascade()
    if spec == "lt":
        return reseau.LinearThreshold()
    return reseau.IndependentCascade(probability=float(spec.split(":")[1]))


def handle(req: dict) -> dict:
    op = req["op"]
    if op == "simulate":
        net = network(req["graph"])
        seeds = req.get("seeds") or common.seeds_of(net.num_people)
        model = model_of(req["model"])
        t = common.timed(lambda: reseau.simulate(net, seeds, model, runs=req["runs"],
                                                 seed=req["seed"]))
        s = t.pop("out")
        return {**t, "mean": s.mean, "std": s.std, "runs": req["runs"]}
    if op == "select":
        net, model = network(req["graph"]), model_of(req["model"])
        t = common.timed(lambda: reseau.select_relays(
            net, k=req["k"], model=model, method=req["method"], epsilon=req["epsilon"],
            evaluation_runs=0, seed=req.get("seed", 0)))
        chosen = t.pop("out")
        return {**t, "relays": [int(v) for v in chosen.relays], "samples": chosen.samples}
    if op == "pagerank":
        net = network(req["graph"])
        t = common.timed(lambda: reseau.reputation(net, "pagerank", tolerance=1e-14,
                                                   max_iterations=10_000))
        scores = t.pop("out")
        return {**t, "scores": [float(x) for x in scores]}
    if op == "read":
        t = common.timed(lambda: reseau.read_edgelist(req["path"], directed=False))
        net = t.pop("out")
        return {**t, "people": net.num_people, "ties": net.num_ties}
    raise ValueError(f"unknown request {op!r}")


def main() -> int:
    for line in sys.stdin:
        try:
            answer = handle(json.loads(line))
        except Exception as e:  # reported to the caller, which raises it
            answer = {"error": f"{type(e).__name__}: {e}"}
        print(json.dumps(answer), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
