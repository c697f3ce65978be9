"""Side by side: IMM and OPIM-C in reseau and in pynetim (C++), and PageRank in reseau,
networkx and rustworkx, in one run.

Usage (after scripts/test-python has built .venv; the peers come from pip):
    .venv/bin/pip install pynetim networkx scipy rustworkx
    .venv/bin/python benches/compare/relays.py [--k 50] [--epsilons 0.1 0.5] [--repeat 3]

Relay selection: for each graph (ca-HepTh, email-Enron), model (IC p = 0.01, IC p = 0.1,
weighted cascade p(u, v) = 1/deg(v)) and ε, both libraries choose k relays, timed
alternately; then the same Monte Carlo evaluation (reseau's, 10,000 runs, one seed) scores
both choices, so that the spreads are compared on equal terms. pynetim runs on one thread;
reseau runs on one thread (RAYON_NUM_THREADS=1) and on every core.

reseau is called through its Python binding when it has `select_relays` (the documented API:
`reseau.select_relays(net, k=50, model=reseau.IndependentCascade(probability=0.01),
method="imm", epsilon=0.1, seed=0)`, returning `.relays` and `.spread`); until then through
the core's example tool (`cargo run --release --example relays -- select ...`), which times
the selection inside the process, as the binding would.

Note on pynetim's OPIM-C: its stopping test compares Hoeffding bounds of the chosen set's
spread on its two collections, not a lower bound on the chosen set against an upper bound on
the optimum as OPIM-C does, so it stops after far fewer RR sets and certifies nothing about
the optimum; its IMM reuses the first phase's RR sets (Chen 2018 shows this breaks the
analysis) and tests `ept > 1/2^x` without IMM's (1 + ε') factor. The RR-set counts are
printed beside the times.
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
    "ca-HepTh": DATA / "ca-HepTh" / "CA-HepTh.txt",
    "email-Enron": DATA / "email-Enron" / "Email-Enron.txt",
}
MODELS = {"IC p=0.01": "ic:0.01", "IC p=0.1": "ic:0.1", "weighted cascade": "wc"}
EVAL_RUNS = 10_000
EXAMPLE = ROOT / "target" / "release" / "examples" / "relays"


def read_graph(path: pathlib.Path) -> tuple[list[str], list[tuple[int, int]]]:
    """Labels in order of first appearance (reseau's ids) and undirected ties, merged, without
    self-loops: what `reseau.read_edgelist` builds from a SNAP file."""
    ids: dict[str, int] = {}
    ties: set[tuple[int, int]] = set()
    with open(path) as f:
        for line in f:
            if line.startswith(("#", "%")) or not line.strip():
                continue
            a, b = line.split()[:2]
            ia = ids.setdefault(a, len(ids))
            ib = ids.setdefault(b, len(ids))
            if ia != ib:
                ties.add((min(ia, ib), max(ia, ib)))
    labels = [""] * len(ids)
    for label, i in ids.items():
        labels[i] = label
    return labels, sorted(ties)


def binding():
    """The reseau Python module when it has select_relays, else None."""
    try:
        import reseau
    except ImportError:
        return None
    return reseau if hasattr(reseau, "select_relays") else None


def python_model(reseau, model: str):
    if model == "wc":
        return reseau.WeightedCascade()
    return reseau.IndependentCascade(probability=float(model.split(":")[1]))


def reseau_select(graph: str, model: str, method: str, epsilon: float, k: int, threads: int
                  ) -> dict:
    """Selects in a child process with `threads` threads; returns relays (labels), seconds."""
    env = dict(os.environ, RAYON_NUM_THREADS=str(threads))
    if binding() is not None:
        cmd = [sys.executable, __file__, "--child", graph, model, method, str(epsilon), str(k)]
    else:
        cmd = [str(EXAMPLE), "select", str(GRAPHS[graph]), model, method, str(epsilon), str(k), "0"]
    out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def child(args: list[str]) -> int:
    graph, model, method, epsilon, k = args
    reseau = binding()
    net = reseau.read_edgelist(str(GRAPHS[graph]), directed=False)
    m = python_model(reseau, model)
    reseau.select_relays(net, k=1, model=m, method=method, epsilon=0.5, seed=0)  # warm up
    start = time.perf_counter()
    chosen = reseau.select_relays(net, k=int(k), model=m, method=method, epsilon=float(epsilon),
                                  seed=0)
    seconds = time.perf_counter() - start
    labels = net.labels
    print(json.dumps({"relays": [labels[int(v)] for v in chosen.relays], "seconds": seconds,
                      "samples": getattr(chosen, "samples", None)}))
    return 0


def evaluate(graph: str, model: str, relays: list[str]) -> float:
    """The mean spread of `relays` (labels) over EVAL_RUNS cascades, seed 1."""
    reseau = binding()
    if reseau is not None:
        net = reseau.read_edgelist(str(GRAPHS[graph]), directed=False)
        index = {label: i for i, label in enumerate(net.labels)}
        summary = reseau.simulate(net, [index[r] for r in relays], python_model(reseau, model),
                                  runs=EVAL_RUNS, seed=1)
        return summary.mean
    out = subprocess.run(
        [str(EXAMPLE), "evaluate", str(GRAPHS[graph]), model, ",".join(relays), str(EVAL_RUNS),
         "1"], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)["mean"]


def pynetim_select(labels, ties, model: str, method: str, epsilon: float, k: int) -> dict:
    from pynetim import IMGraph
    from pynetim.algorithms import IMMAlgorithm, OPIMCAlgorithm

    n = len(labels)
    edges = ties + [(b, a) for a, b in ties]  # both directions: pynetim's own graphs are directed
    if model == "wc":
        degree = [0] * n
        for a, b in ties:
            degree[a] += 1
            degree[b] += 1
        weights = [1.0 / degree[b] for _, b in edges]
    else:
        weights = float(model.split(":")[1])
    g = IMGraph(edges, weights=weights, directed=True, renumber=False)
    start = time.perf_counter()
    if method == "imm":
        seeds = IMMAlgorithm(g, "IC", epsilon=epsilon, l=1, random_seed=0).run(k)
    else:
        seeds = OPIMCAlgorithm(g, "IC", random_seed=0).run(k, epsilon)
    seconds = time.perf_counter() - start
    return {"relays": [labels[v] for v in seeds], "seconds": seconds}


def relay_table(args) -> bool:
    cores = os.cpu_count() or 1
    print(f"## Relay selection, k = {args.k}, median of {args.repeat}; spreads: reseau's Monte "
          f"Carlo, {EVAL_RUNS} runs\n")
    print("| graph | model | ε | method | pynetim (s) | reseau 1 thread (s) | ratio | "
          f"reseau {cores} threads (s) | RR sets (reseau) | spread pynetim | spread reseau | "
          "difference |")
    print("|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    ok = True
    for graph, path in GRAPHS.items():
        if not path.exists():
            print(f"skipped {graph}: {path} is absent", file=sys.stderr)
            continue
        labels, ties = read_graph(path)
        for name, model in MODELS.items():
            for epsilon in args.epsilons:
                for method in ("imm", "opim_c"):
                    theirs, one = [], []
                    for _ in range(args.repeat):  # alternate the libraries
                        theirs.append(pynetim_select(labels, ties, model, method, epsilon, args.k))
                        one.append(reseau_select(graph, model, method, epsilon, args.k, 1))
                    full = reseau_select(graph, model, method, epsilon, args.k, cores)
                    tp = statistics.median(x["seconds"] for x in theirs)
                    t1 = statistics.median(x["seconds"] for x in one)
                    sp = evaluate(graph, model, theirs[0]["relays"])
                    sr = evaluate(graph, model, one[0]["relays"])
                    ok &= sr >= 0.99 * sp
                    print(f"| {graph} | {name} | {epsilon} | {method} | {tp:.3f} | {t1:.3f} | "
                          f"{tp / t1:.1f}x | {full['seconds']:.3f} | {one[0].get('samples')} | "
                          f"{sp:.1f} | {sr:.1f} | {100 * (sr / sp - 1):+.1f}% |", flush=True)
    return ok


def pagerank_table() -> None:
    import networkx as nx

    try:
        import rustworkx as rx
    except ImportError:
        rx = None
    print("\n## PageRank (damping 0.85), largest absolute difference from reseau's\n")
    print("| graph | reseau (s) | networkx (s) | max diff networkx | rustworkx (s) | "
          "max diff rustworkx |")
    print("|---|---:|---:|---:|---:|---:|")
    for graph, path in GRAPHS.items():
        if not path.exists():
            continue
        labels, ties = read_graph(path)
        reseau = binding()
        if reseau is not None and hasattr(reseau, "reputation"):
            net = reseau.read_edgelist(str(path), directed=False)
            start = time.perf_counter()
            ours_list = reseau.reputation(net, "pagerank")
            ours_s = time.perf_counter() - start
            ours = dict(zip(net.labels, map(float, ours_list)))
        else:
            out = subprocess.run([str(EXAMPLE), "pagerank", str(path)], check=True,
                                 capture_output=True, text=True)
            answer = json.loads(out.stdout)
            ours, ours_s = answer["pagerank"], answer["seconds"]
        g = nx.Graph()
        g.add_nodes_from(labels)
        g.add_edges_from((labels[a], labels[b]) for a, b in ties)
        start = time.perf_counter()
        theirs = nx.pagerank(g, alpha=0.85, tol=1e-14, max_iter=10_000)
        nx_s = time.perf_counter() - start
        nx_diff = max(abs(theirs[label] - ours[label]) for label in labels)
        rx_s, rx_diff = float("nan"), float("nan")
        if rx is not None:
            d = rx.PyDiGraph()
            d.add_nodes_from(labels)
            d.add_edges_from([(a, b, 1.0) for a, b in ties] + [(b, a, 1.0) for a, b in ties])
            start = time.perf_counter()
            pr = rx.pagerank(d, alpha=0.85, tol=1e-14, max_iter=10_000)
            rx_s = time.perf_counter() - start
            rx_diff = max(abs(pr[i] - ours[label]) for i, label in enumerate(labels))
        print(f"| {graph} | {ours_s:.3f} | {nx_s:.3f} | {nx_diff:.1e} | {rx_s:.3f} | "
              f"{rx_diff:.1e} |")


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        return child(sys.argv[2:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--k", type=int, default=50)
    parser.add_argument("--epsilons", nargs="*", type=float, default=[0.1, 0.5])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--graphs", nargs="*", default=list(GRAPHS))
    parser.add_argument("--no-pagerank", action="store_true")
    args = parser.parse_args()
    for g in list(GRAPHS):
        if g not in args.graphs:
            del GRAPHS[g]
    if binding() is None:
        print("reseau.select_relays not in the Python binding yet: using the core's example tool",
              file=sys.stderr)
        subprocess.run(["cargo", "build", "--release", "--example", "relays", "-p", "reseau"],
                       cwd=ROOT, check=True)
    import pynetim

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, pynetim {getattr(pynetim, '__version__', '?')}\n")
    ok = relay_table(args)
    if not args.no_pagerank:
        pagerank_table()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
