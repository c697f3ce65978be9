"""Side by side: Monte Carlo cascades in reseau and in cynetdiff, NDlib and EoN, in one run.

Usage (in the harness's environment, which benches/compare/run builds):
    benches/compare/.venv/bin/python benches/compare/cascade.py [--scale 1] [--runs N] [--repeat 3]
        [--graphs ego-Facebook ca-HepTh email-Enron] [--models ic:0.01 ic:0.1 wc lt]
        [--peers cynetdiff ndlib eon]

Every library gets the same graph (reseau's ties, both directions, on reseau's ids), the same
ten seeds and the same model: Independent Cascade with p = 0.01 or 0.1 (`ic:<p>`), the
weighted cascade p(u, v) = 1/deg(v) (`wc`), Linear Threshold with weights 1/deg(v) and
thresholds uniform in [0, 1] drawn anew each run (`lt`). cynetdiff runs IC, the weighted
cascade (its per-tie probabilities) and LT; NDlib its `IndependentCascadesModel` (each tie's
threshold set to p) and its `ThresholdModel` (thresholds redrawn each run); EoN its
`basic_discrete_SIR`, whose one-step transmission with probability p is IC. NDlib and EoN are
slow, so they run fewer cascades and times are compared per cascade. The means must agree
within 3.29 standard errors before a time counts (a peer's error from the larger of its and
reseau's standard deviations, its own being unreliable over a handful of runs). reseau runs in worker processes on one
thread (RAYON_NUM_THREADS=1, for the ratios) and on every core (for the speed-up); the
libraries alternate, and the medians of processor time (wall time for the speed-up) are
reported.
"""

from __future__ import annotations

import argparse
import array
import os
import statistics
import sys
from typing import Any, Callable, Dict, List

import common

MODELS = {"ic:0.01": "IC p=0.01", "ic:0.1": "IC p=0.1", "wc": "weighted cascade",
          "lt": "linear threshold"}
# Which models each peer has; None: all.
PEER_MODELS = {"cynetdiff": ["ic:0.01", "ic:0.1", "wc", "lt"], "ndlib": ["ic:0.01", "ic:0.1", "lt"],
               "eon": ["ic:0.01", "ic:0.1"]}


def summary(counts: List[int], t: Dict[str, Any]) -> Dict[str, Any]:
    return {"wall": t["wall"], "cpu": t["cpu"], "runs": len(counts),
            "mean": statistics.fmean(counts),
            "std": statistics.stdev(counts) if len(counts) > 1 else 0.0}


def degrees(n: int, tails) -> Any:
    import numpy as np

    return np.bincount(tails, minlength=n)


def cynetdiff_runner(net, spec: str) -> Callable[[int, int], Dict[str, Any]]:
    """cynetdiff's model of `spec` on the network, built from CSR arrays (its own format)."""
    import numpy as np
    from cynetdiff.models import IndependentCascadeModel, LinearThresholdModel

    n, tails, heads = common.directed_arrays(net)
    deg = degrees(n, tails)
    starts = array.array("I", np.concatenate([[0], np.cumsum(deg)[:-1]]).astype(np.uint32).tobytes())
    edges = array.array("I", heads.astype(np.uint32).tobytes())
    if spec == "lt":  # influence 1/in-degree by default, thresholds uniform, redrawn on reset
        model = LinearThresholdModel(starts, edges, rng=1)
    elif spec == "wc":
        probs = array.array("f", (1.0 / deg[heads]).astype(np.float32).tobytes())
        model = IndependentCascadeModel(starts, edges, activation_probs=probs, rng=1)
    else:
        model = IndependentCascadeModel(starts, edges, activation_prob=float(spec[3:]), rng=1)
    model.set_seeds(common.seeds_of(n))

    def run(runs: int, seed: int) -> Dict[str, Any]:
        model.set_rng(seed + 1)

        def go() -> List[int]:
            counts = []
            for _ in range(runs):
                model.reset_model()
                model.advance_until_completion()
                counts.append(model.get_num_activated_nodes())
            return counts

        t = common.timed(go)
        return summary(t["out"], t)

    return run


def ndlib_runner(net, spec: str) -> Callable[[int, int], Dict[str, Any]]:
    """NDlib's IndependentCascadesModel (every tie's threshold = p) or ThresholdModel."""
    import numpy as np
    import ndlib.models.ModelConfig as mc
    import ndlib.models.epidemics as ep

    g = common.networkx_graph(net)
    n, seeds = net.num_people, common.seeds_of(net.num_people)
    config = mc.Configuration()
    config.add_model_initial_configuration("Infected", seeds)
    if spec == "lt":
        model = ep.ThresholdModel(g, seed=1)
        for v in range(n):
            config.add_node_configuration("threshold", v, 0.5)
    else:
        model = ep.IndependentCascadesModel(g, seed=1)
        for e in g.edges():
            config.add_edge_configuration("threshold", e, float(spec[3:]))
    model.set_initial_status(config)

    def one(rng) -> int:
        if spec == "lt":  # a fresh uniform threshold per person and run, as LT draws them
            model.params["nodes"]["threshold"] = dict(enumerate(1.0 - rng.random(n)))
        model.reset(seeds)
        while True:
            it = model.iteration(node_status=False)
            if spec == "lt":
                if it["iteration"] > 0 and it["status_delta"][1] == 0:
                    return it["node_count"][1]
            elif it["node_count"][1] == 0:
                return n - it["node_count"][0]

    def run(runs: int, seed: int) -> Dict[str, Any]:
        np.random.seed(seed + 1)  # NDlib draws from numpy's global generator
        rng = np.random.default_rng(seed + 1)
        t = common.timed(lambda: [one(rng) for _ in range(runs)])
        return summary(t["out"], t)

    return run


def eon_runner(net, spec: str) -> Callable[[int, int], Dict[str, Any]]:
    """EoN's discrete SIR: one step of transmission with probability p, then recovery."""
    import numpy as np
    import EoN

    g = common.networkx_graph(net)
    seeds, p = common.seeds_of(net.num_people), float(spec[3:])

    def run(runs: int, seed: int) -> Dict[str, Any]:
        rng = np.random.default_rng(seed + 1)
        t = common.timed(lambda: [int(EoN.basic_discrete_SIR(g, p, initial_infecteds=seeds,
                                                             rng=rng)[3][-1])
                                  for _ in range(runs)])
        return summary(t["out"], t)

    return run


RUNNERS = {"cynetdiff": cynetdiff_runner, "ndlib": ndlib_runner, "eon": eon_runner}
NAMES = {"cynetdiff": "cynetdiff", "ndlib": "NDlib", "eon": "EoN"}


def compare(graph: str, spec: str, peers: List[str], runs: Dict[str, int], repeat: int,
            one: common.Worker, full: common.Worker) -> List[Dict[str, Any]]:
    """Times reseau (one thread, every thread) and each peer on one workload, alternating;
    returns one record per peer (and one for the thread speed-up, peer None)."""
    net = common.load_network(graph)
    calls: Dict[str, Callable[[int], Dict[str, Any]]] = {
        "reseau": lambda r: one("simulate", graph=graph, model=spec, runs=runs["reseau"], seed=r),
        "reseau-all": lambda r: full("simulate", graph=graph, model=spec, runs=runs["reseau"],
                                     seed=r),
    }
    for peer in peers:
        if spec in PEER_MODELS[peer]:
            runner = RUNNERS[peer](net, spec)
            calls[peer] = (lambda run, k: lambda r: run(k, r))(runner, runs[peer])
    for worker in (one, full):  # warm up: the workers load and compile the graph
        worker("simulate", graph=graph, model=spec, runs=64, seed=99)
    results = common.alternate(calls, repeat)
    ours = results["reseau"]
    per_run = common.median(ours) / runs["reseau"]
    se_ours = ours[0]["std"] / ours[0]["runs"] ** 0.5
    records = [{"graph": graph, "model": spec, "peer": None, "ties": net.num_ties,
                "load": os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan"),
                "runs": runs["reseau"], "one_wall": common.median(ours, "wall"),
                "all_wall": common.median(results["reseau-all"], "wall"),
                "mean": ours[0]["mean"], "se": se_ours}]
    for peer in peers:
        if peer not in results:
            continue
        theirs = results[peer]
        # Every repetition of the peer against reseau's first: all must agree. With a handful of
        # runs a sample's own deviation is unreliable: the larger of the two deviations counts.
        se = [max(x["std"], ours[0]["std"]) / x["runs"] ** 0.5 for x in theirs]
        ok = all(common.agree(ours[0]["mean"], se_ours, x["mean"], s) for x, s in zip(theirs, se))
        their_per_run = common.median(theirs) / runs[peer]
        records.append({
            "graph": graph, "model": spec, "peer": peer, "runs": runs["reseau"],
            "peer_runs": runs[peer], "mean": ours[0]["mean"], "se": se_ours,
            "peer_mean": theirs[0]["mean"], "peer_se": se[0], "agree": ok,
            "per_run": per_run, "peer_per_run": their_per_run,
            "ratio": their_per_run / per_run,
            "wall_ratio": (common.median(theirs, "wall") / runs[peer])
            / (common.median(ours, "wall") / runs["reseau"]),
        })
    return records


def growth(sizes: List[int], repeat: int, one: common.Worker, full: common.Worker,
           spec: str = "ic:0.1", work: float = 2e7) -> List[Dict[str, Any]]:
    """The growth series: IC on Erdős–Rényi graphs of `sizes` ties (mean degree 20, so that
    p = 0.1 reaches most people), reseau on one thread and on every core against cynetdiff,
    alternating; runs scaled so that each point examines about `work` ties."""
    records = []
    for ties in sizes:
        key = common.growth_key(ties)
        runs = max(3, int(work / (2 * ties)))
        net = common.load_network(key)
        memory = net.memory()
        cyn = cynetdiff_runner(net, spec)
        del net
        calls = {
            "reseau": lambda r: one("simulate", graph=key, model=spec, runs=runs, seed=r),
            "reseau-all": lambda r: full("simulate", graph=key, model=spec, runs=runs, seed=r),
            "cynetdiff": lambda r: cyn(runs, r),
        }
        for worker in (one, full):  # warm up: the workers generate and compile the graph
            worker("simulate", graph=key, model=spec, runs=3, seed=99)
        res = common.alternate(calls, repeat)
        ours, theirs = res["reseau"][0], res["cynetdiff"][0]
        se = max(ours["std"], theirs["std"]) / runs ** 0.5
        records.append({
            "ties": ties, "directed": memory["directed_ties"], "runs": runs,
            "bytes_per_tie": memory["bytes_per_directed_tie"], "mean": ours["mean"],
            "peer_mean": theirs["mean"], "agree": common.agree(ours["mean"], se, theirs["mean"], se),
            "one": common.median(res["reseau"]) / runs,
            "all": common.median(res["reseau-all"], "wall") / runs,
            "one_wall": common.median(res["reseau"], "wall") / runs,
            "peer": common.median(res["cynetdiff"]) / runs,
        })
        print(f"done: growth {ties:,} ties", file=sys.stderr, flush=True)
    return records


def growth_markdown(records: List[Dict[str, Any]]) -> str:
    rows = [[f"{r['ties']:,}", f"{r['runs']:,}", f"{r['bytes_per_tie']:.2f}", f"{r['mean']:,.0f}",
             f"{r['peer_mean']:,.0f}", "yes" if r["agree"] else "**no**",
             f"{r['one'] * 1e3:.2f}", f"{r['all'] * 1e3:.2f}", f"{r['peer'] * 1e3:.2f}",
             common.ratio(r["peer"] / r["one"]),
             f"{r['one'] * 1e9 / (r['mean'] * common.GROWTH_DEGREE):.1f}"]
            for r in records]
    return common.table(
        ["ties", "runs", "bytes / directed tie", "reseau mean", "cynetdiff mean", "agree",
         "reseau 1 thread (ms/run, CPU)", f"reseau {common.cores()} threads (ms/run, wall)",
         "cynetdiff (ms/run, CPU)", "cynetdiff / reseau",
         "reseau ns per tie examined (mean × 20)"],
        rows, right=list(range(0, 11)))


def markdown(records: List[Dict[str, Any]]) -> str:
    rows = []
    for r in records:
        if r["peer"] is None:
            continue
        rows.append([
            r["graph"], MODELS[r["model"]], NAMES[r["peer"]], f"{r['runs']:,} / {r['peer_runs']:,}",
            f"{r['mean']:.1f} ± {r['se']:.1f}", f"{r['peer_mean']:.1f} ± {r['peer_se']:.1f}",
            "yes" if r["agree"] else "**no**", f"{r['per_run'] * 1e3:.3f}",
            f"{r['peer_per_run'] * 1e3:.3f}",
            common.ratio(r["ratio"]) if r["agree"] else f"({common.ratio(r['ratio'])})",
            common.ratio(r["wall_ratio"]),
        ])
    return common.table(
        ["graph", "model", "peer", "runs (reseau / peer)", "reseau mean ± se", "peer mean ± se",
         "agree", "reseau 1 thread (ms/run)", "peer (ms/run)", "peer / reseau (CPU)",
         "peer / reseau (wall)"], rows, right=[3, 4, 5, 7, 8, 9, 10])


def threads_markdown(records: List[Dict[str, Any]]) -> str:
    rows = [[r["graph"], MODELS[r["model"]], f"{r['runs']:,}", common.seconds(r["one_wall"]),
             common.seconds(r["all_wall"]), common.ratio(r["one_wall"] / r["all_wall"]),
             f"{r.get('load', float('nan')):.1f}"]
            for r in records if r["peer"] is None]
    return common.table(["graph", "model", "runs", "1 thread (s, wall)",
                         f"{common.cores()} threads (s, wall)", "speed-up",
                         "load average (1 min) after"], rows, right=[2, 3, 4, 5, 6])


def default_runs(graph: str, spec: str, scale: float = 1.0) -> Dict[str, int]:
    """Runs per library: enough for a tight mean in reseau and cynetdiff, few in NDlib and EoN
    (seconds per cascade on the larger graphs)."""
    big = spec in ("ic:0.1", "wc", "lt")
    base = 1000 if spec == "ic:0.1" else 10_000
    slow = 2 if (graph == "email-Enron" and big) else 4 if big else 20
    return {"reseau": int(base * scale), "cynetdiff": int(base * scale),
            "ndlib": max(2, int(slow * scale)), "eon": max(2, int(2 * slow * scale))}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiplies every run count")
    parser.add_argument("--runs", type=int, help="runs of reseau and cynetdiff (default 10,000; "
                        "1,000 at IC p = 0.1)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--graphs", nargs="*", default=list(common.GRAPHS))
    parser.add_argument("--models", nargs="*", default=list(MODELS))
    parser.add_argument("--peers", nargs="*", default=list(RUNNERS))
    args = parser.parse_args()
    one, full = common.Worker(1), common.Worker(common.cores())
    records = []
    for graph in args.graphs:
        for spec in args.models:
            runs = default_runs(graph, spec, args.scale)
            if args.runs:
                runs.update(reseau=args.runs, cynetdiff=args.runs)
            records += compare(graph, spec, args.peers, runs, args.repeat, one, full)
            print(f"done: {graph} {spec}", file=sys.stderr, flush=True)
    one.close()
    full.close()
    print(common.machine() + "\n")
    print(markdown(records) + "\n")
    print(threads_markdown(records))
    return 0 if all(r.get("agree", True) for r in records) else 1


if __name__ == "__main__":
    sys.exit(main())
