"""Side by side: Monte Carlo Independent Cascade in reseau and in cynetdiff, in one run.

Usage (after scripts/test-python has built .venv; cynetdiff comes from pip):
    .venv/bin/pip install cynetdiff
    .venv/bin/python benches/compare/cascade.py [--runs 10000] [--repeat 3]

For each graph and probability, both libraries run the same seeds the same number of times;
the means must agree within their errors before a time counts. Timings alternate between the
libraries, repeat, and report medians; reseau runs on one thread (RAYON_NUM_THREADS=1) for the
ratio, then on every core for the speed-up.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import platform
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "snap"
GRAPHS = {
    "ego-Facebook": DATA / "ego-Facebook" / "facebook_combined.txt",
    "email-Enron": DATA / "email-Enron" / "Email-Enron.txt",
}


def seeds_of(n: int) -> list[int]:
    """Ten seed people spread over the id range (reseau's ids)."""
    return [i * n // 10 for i in range(10)]


def time_reseau(graph: str, p: float, runs: int, repeat: int) -> dict:
    import reseau

    net = reseau.read_edgelist(str(GRAPHS[graph]), directed=False)
    seeds = seeds_of(net.num_people)
    model = reseau.IndependentCascade(probability=p)
    reseau.simulate(net, seeds, model, runs=10, seed=0)  # compile once, warm up
    times, summary = [], None
    for r in range(repeat):
        start = time.perf_counter()
        summary = reseau.simulate(net, seeds, model, runs=runs, seed=r)
        times.append(time.perf_counter() - start)
    return {"times": times, "mean": summary.mean, "std": summary.std}


def time_cynetdiff(graph: str, p: float, runs: int, repeat: int) -> dict:
    import networkx as nx
    import reseau
    from cynetdiff.utils import networkx_to_ic_model

    labels = reseau.read_edgelist(str(GRAPHS[graph]), directed=False).labels
    g = nx.read_edgelist(str(GRAPHS[graph]), comments="#", create_using=nx.Graph)
    g.remove_edges_from(nx.selfloop_edges(g))
    model, mapping = networkx_to_ic_model(g, activation_prob=p, rng=1)
    model.set_seeds([mapping[labels[s]] for s in seeds_of(len(labels))])
    times, counts = [], []
    for _ in range(repeat):
        counts = []
        start = time.perf_counter()
        for _ in range(runs):
            model.reset_model()
            model.advance_until_completion()
            counts.append(model.get_num_activated_nodes())
        times.append(time.perf_counter() - start)
    return {"times": times, "mean": statistics.fmean(counts), "std": statistics.stdev(counts)}


def child(args) -> int:
    """Times reseau alone with the thread count set before it is imported."""
    print(json.dumps(time_reseau(args.graph, args.p, args.runs, args.repeat)))
    return 0


def reseau_in(threads: int, graph: str, p: float, runs: int, repeat: int) -> dict:
    env = dict(os.environ, RAYON_NUM_THREADS=str(threads))
    out = subprocess.run(
        [sys.executable, __file__, "--child", "--graph", graph, "--p", str(p), "--runs", str(runs),
         "--repeat", str(repeat)],
        env=env, check=True, capture_output=True, text=True,
    )
    return json.loads(out.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--graphs", nargs="*", default=list(GRAPHS))
    parser.add_argument("--ps", nargs="*", type=float, default=[0.01, 0.1])
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--graph", help=argparse.SUPPRESS)
    parser.add_argument("--p", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args)

    import cynetdiff

    cores = os.cpu_count() or 1
    print(f"Monte Carlo Independent Cascade, 10 seeds, {args.runs} runs, median of {args.repeat}")
    print(f"machine: {platform.machine()}, {cores} cores, Python {platform.python_version()}, "
          f"cynetdiff {getattr(cynetdiff, '__version__', '?')}\n")
    print("| graph | p | reseau mean ± se | cynetdiff mean ± se | agree | reseau 1 thread (s) "
          "| cynetdiff (s) | cynetdiff / reseau | reseau all cores (s) | speed-up |")
    print("|---|---:|---:|---:|---|---:|---:|---:|---:|---:|")
    failed = False
    for graph in args.graphs:
        if not GRAPHS[graph].exists():
            print(f"skipped {graph}: {GRAPHS[graph]} is absent", file=sys.stderr)
            continue
        for p in args.ps:
            one, cyn = [], []
            for _ in range(args.repeat):  # alternate the libraries
                one.append(reseau_in(1, graph, p, args.runs, 1))
                cyn.append(time_cynetdiff(graph, p, args.runs, 1))
            full = reseau_in(cores, graph, p, args.runs, args.repeat)
            r, c = one[-1], cyn[-1]
            se_r, se_c = r["std"] / args.runs ** 0.5, c["std"] / args.runs ** 0.5
            agree = abs(r["mean"] - c["mean"]) <= 3.29 * (se_r ** 2 + se_c ** 2) ** 0.5
            failed |= not agree
            t1 = statistics.median(x["times"][0] for x in one)
            tc = statistics.median(x["times"][0] for x in cyn)
            tall = statistics.median(full["times"])
            print(f"| {graph} | {p} | {r['mean']:.2f} ± {se_r:.2f} | {c['mean']:.2f} ± {se_c:.2f} | "
                  f"{'yes' if agree else 'NO'} | {t1:.3f} | {tc:.3f} | {tc / t1:.1f}x | {tall:.3f} | "
                  f"{t1 / tall:.2f}x |")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
