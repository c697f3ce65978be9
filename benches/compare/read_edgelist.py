"""Side by side: reading a SNAP edge list with reseau and with networkx, in one run.

Usage (in the harness's environment, which benches/compare/run builds):
    benches/compare/.venv/bin/python benches/compare/read_edgelist.py [path] [--repeat 7]

The two readers alternate, each repetition timing both, and the table reports medians (of
processor time, and of wall time) and the ratio networkx / reseau. Both must agree on the
counts of people and ties before a time counts.
"""

from __future__ import annotations

import argparse
import pathlib
import sys
from typing import Any, Dict

import networkx as nx

import common

DEFAULT = common.GRAPHS["email-Enron"]


def compare(path: pathlib.Path, repeat: int, one: common.Worker) -> Dict[str, Any]:
    """reseau (in its worker, one thread) and networkx reading `path`, alternating."""
    res = common.alternate({
        "reseau": lambda r: one("read", path=str(path)),
        "networkx": lambda r: common.timed(
            lambda: nx.read_edgelist(str(path), comments="#", create_using=nx.Graph)),
    }, repeat)
    ours, graph = res["reseau"][0], res["networkx"][0]["out"]
    graph.remove_edges_from(nx.selfloop_edges(graph))  # reseau drops self-loops
    agree = (ours["people"], ours["ties"]) == (graph.number_of_nodes(), graph.number_of_edges())
    return {"file": path.name, "people": ours["people"], "ties": ours["ties"], "agree": agree,
            "reseau": common.median(res["reseau"]), "networkx": common.median(res["networkx"]),
            "reseau_wall": common.median(res["reseau"], "wall"),
            "networkx_wall": common.median(res["networkx"], "wall"),
            "peer_counts": (graph.number_of_nodes(), graph.number_of_edges())}


def markdown(r: Dict[str, Any]) -> str:
    return common.table(
        ["file", "people", "ties", "same counts", "reseau (s, CPU)", "networkx (s, CPU)",
         "networkx / reseau (CPU)", "(wall)"],
        [[r["file"], f"{r['people']:,}", f"{r['ties']:,}", "yes" if r["agree"] else "**no**",
          common.seconds(r["reseau"]), common.seconds(r["networkx"]),
          common.ratio(r["networkx"] / r["reseau"]),
          common.ratio(r["networkx_wall"] / r["reseau_wall"])]], right=[1, 2, 4, 5, 6, 7])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT))
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    path = pathlib.Path(args.path)
    if not path.exists():
        print(f"skipped: {path} is absent", file=sys.stderr)
        return 0
    one = common.Worker(1)
    r = compare(path, args.repeat, one)
    one.close()
    print(f"{common.machine()}, networkx {nx.__version__}\n")
    print(markdown(r))
    if not r["agree"]:
        print(f"disagreement: reseau {r['people']} people / {r['ties']} ties, networkx "
              f"{r['peer_counts']}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
