"""Side by side: reading a SNAP edge list with reseau and with networkx, in one run.

Usage (after scripts/test-python has built .venv):
    .venv/bin/python benches/compare/read_edgelist.py [path] [--repeat 7]

The two readers alternate, each repetition timing both, and the table reports medians and the
ratio networkx / reseau. Both must agree on the counts before a time counts.
"""

from __future__ import annotations

import argparse
import pathlib
import platform
import statistics
import sys
import time

import networkx as nx

import reseau

ROOT = pathlib.Path(__file__).resolve().parents[2]
DEFAULT = ROOT.parent / "shared" / "data" / "snap" / "email-Enron" / "Email-Enron.txt"


def timed(fn):
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT))
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    path = pathlib.Path(args.path)
    if not path.exists():
        print(f"skipped: {path} is absent", file=sys.stderr)
        return 0

    runs = {"reseau": [], "networkx": []}
    for _ in range(args.repeat):
        t, net = timed(lambda: reseau.read_edgelist(str(path), directed=False))
        runs["reseau"].append(t)
        t, graph = timed(lambda: nx.read_edgelist(str(path), comments="#", create_using=nx.Graph))
        runs["networkx"].append(t)
        if (net.num_people, net.num_ties) != (graph.number_of_nodes(), graph.number_of_edges()):
            print(
                f"disagreement: reseau {net.num_people} people / {net.num_ties} ties, "
                f"networkx {graph.number_of_nodes()} / {graph.number_of_edges()}",
                file=sys.stderr,
            )
            return 1

    med = {k: statistics.median(v) for k, v in runs.items()}
    print(f"Reading {path.name} ({net.num_people:,} people, {net.num_ties:,} ties), "
          f"{args.repeat} alternating repetitions, median seconds")
    print(f"machine: {platform.machine()}, Python {platform.python_version()}, "
          f"networkx {nx.__version__}\n")
    print("| reader | median (s) | min (s) | networkx / this |")
    print("|---|---:|---:|---:|")
    for name in ("reseau", "networkx"):
        print(f"| {name} | {med[name]:.4f} | {min(runs[name]):.4f} | "
              f"{med['networkx'] / med[name]:.1f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
