"""What the side-by-side scripts share: the data, timing, alternation, medians, agreement, the
reseau worker processes, and markdown tables.

Times are taken twice: on the wall clock and in processor time (`time.process_time`, every
thread of the process). On a machine shared with other jobs, processor time counts only the
time the work ran, so single-threaded ratios use it; thread speed-ups need the wall clock.
"""

from __future__ import annotations

import json
import os
import pathlib
import platform
import statistics
import subprocess
import sys
import time
from typing import Any, Callable, Dict, List, Sequence

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
# The SNAP graphs: ../shared/data/snap beside the repository, or $RESEAU_SNAP_DATA.
DATA = pathlib.Path(os.environ.get("RESEAU_SNAP_DATA", ROOT.parent / "shared" / "data" / "snap"))
GRAPHS = {
    "ego-Facebook": DATA / "ego-Facebook" / "facebook_combined.txt",
    "ca-HepTh": DATA / "ca-HepTh" / "CA-HepTh.txt",
    "email-Enron": DATA / "email-Enron" / "Email-Enron.txt",
}
# The generated graphs of the growth series: Erdős–Rényi with mean degree 20, named by ties.
GROWTH_DEGREE = 20.0
Z = 3.29  # two means agree when they differ by less than Z standard errors (two-sided 0.1%)


def cores() -> int:
    return os.cpu_count() or 1


def machine() -> str:
    """The machine in one line: processor, cores, Python, load."""
    model = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        model = platform.processor() or "?"
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{platform.machine()}, {model}, {cores()} cores (nproc), Python "
            f"{platform.python_version()}, load average {load:.1f} at the start")


def timed(fn: Callable[[], Any]) -> Dict[str, Any]:
    """Runs `fn` once: its wall and processor seconds and what it returned."""
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    return {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu, "out": out}


def alternate(calls: Dict[str, Callable[[int], Dict[str, Any]]], repeat: int
              ) -> Dict[str, List[Dict[str, Any]]]:
    """Calls each contender `repeat` times, interleaved, the order rotating each repetition so
    that no one always follows another; each call gets the repetition number."""
    names = list(calls)
    results: Dict[str, List[Dict[str, Any]]] = {name: [] for name in names}
    for r in range(repeat):
        shift = r % len(names)
        for name in names[shift:] + names[:shift]:
            results[name].append(calls[name](r))
    return results


def median(results: Sequence[Dict[str, Any]], key: str = "cpu") -> float:
    return statistics.median(x[key] for x in results)


def agree(mean_a: float, se_a: float, mean_b: float, se_b: float) -> bool:
    """Whether two Monte Carlo means are within Z standard errors of each other."""
    return abs(mean_a - mean_b) <= Z * (se_a ** 2 + se_b ** 2) ** 0.5 + 1e-9


def seeds_of(n: int) -> List[int]:
    """Ten seed people spread over the id range (reseau's ids), as in the Rust benches."""
    return [i * n // 10 for i in range(10)]


def growth_key(ties: int) -> str:
    return f"er:{ties}"


def load_network(key: str):
    """A SNAP graph by name (undirected, reseau's reader), or `er:<ties>`, an Erdős–Rényi
    graph with that many undirected ties and mean degree 20, seed 1."""
    import reseau

    if key.startswith("er:"):
        ties = int(key[3:])
        return reseau.generators.erdos_renyi(n=int(2 * ties / GROWTH_DEGREE),
                                             mean_degree=GROWTH_DEGREE, seed=1)
    return reseau.read_edgelist(str(GRAPHS[key]), directed=False)


def directed_arrays(net):
    """The network's ties in both directions, sorted by tail: (n, tails, heads) as numpy
    arrays, the same graph every peer library is given."""
    import numpy as np

    t = net.ties()
    tails = np.concatenate([t["source"], t["target"]]).astype(np.uint32)
    heads = np.concatenate([t["target"], t["source"]]).astype(np.uint32)
    order = np.argsort(tails, kind="stable")
    return net.num_people, tails[order], heads[order]


def networkx_graph(net):
    """The same network as a networkx Graph on reseau's ids."""
    import networkx as nx

    t = net.ties()
    g = nx.Graph()
    g.add_nodes_from(range(net.num_people))
    g.add_edges_from(zip(t["source"].tolist(), t["target"].tolist()))
    return g


class Worker:
    """A reseau process with a fixed thread count (RAYON_NUM_THREADS, read when the thread
    pool starts), kept running so that networks load once; see worker.py for the requests."""

    def __init__(self, threads: int):
        self.threads = threads
        env = dict(os.environ, RAYON_NUM_THREADS=str(threads))
        self.process = subprocess.Popen([sys.executable, str(HERE / "worker.py")], env=env,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def __call__(self, op: str, **request: Any) -> Dict[str, Any]:
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(json.dumps({"op": op, **request}) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"the reseau worker ({self.threads} threads) stopped")
        answer = json.loads(line)
        if "error" in answer:
            raise RuntimeError(answer["error"])
        return answer

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        self.process.wait()


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]], right: Sequence[int] = ()) -> str:
    """A markdown table; columns whose index is in `right` are right-aligned."""
    lines = ["| " + " | ".join(headers) + " |",
             "|" + "|".join("---:" if i in right else "---" for i in range(len(headers))) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def seconds(x: float) -> str:
    return f"{x:.4f}" if x < 0.1 else f"{x:.3f}" if x < 10 else f"{x:.1f}"


def ratio(x: float) -> str:
    return f"{x:.2f}×" if x < 10 else f"{x:.1f}×" if x < 1000 else f"{x:,.0f}×"
