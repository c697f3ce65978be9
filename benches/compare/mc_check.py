"""reseau against cynetdiff on any graph, seed set and model, one thread each, alternating.

Usage (in an environment with cynetdiff and numpy, e.g. benches/compare/.venv):
    python benches/compare/mc_check.py [--graphs G ...] [--models M ...] [--seeds S ...]
        [--runs N] [--repeat R]
GRAPH is an edge list path, a SNAP name from common.GRAPHS or ../shared/data/snap
(ego-Facebook, wiki-Vote, ...), `er:<people>:<degree>` or `ba:<people>:<m>`; MODEL `ic:<p>`,
`wc` or `lt`; SEEDS `spread:<k>`, `random:<k>`, `top:<k>` or `ids:a,b` (see mc_native.rs).

The native side is the `mc-native` program (built here with cargo); it writes the directed
graph and the seeds it used, which cynetdiff then loads, so both run the very same work. Each
repetition runs both once, the order alternating; the ratio is cynetdiff's median processor
time over reseau's, counted only when the means agree within 3.29 standard errors.
"""

from __future__ import annotations

import argparse
import array
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

import common

SNAP = common.DATA


def resolve(graph: str) -> str:
    if graph.startswith(("er:", "ba:")) or os.path.exists(graph):
        return graph
    if graph in common.GRAPHS:
        return str(common.GRAPHS[graph])
    folder = SNAP / graph
    files = sorted(p for p in folder.glob("*.txt")) if folder.is_dir() else []
    if not files:
        raise SystemExit(f"no graph {graph!r}")
    return str(files[0])


def load_csr(path: str):
    import numpy as np

    raw = pathlib.Path(path).read_bytes()
    n, m = np.frombuffer(raw[:16], dtype="<u8")
    n, m = int(n), int(m)
    at = 16
    offsets = np.frombuffer(raw[at:at + 4 * (n + 1)], dtype="<u4"); at += 4 * (n + 1)
    targets = np.frombuffer(raw[at:at + 4 * m], dtype="<u4"); at += 4 * m
    k = int(np.frombuffer(raw[at:at + 4], dtype="<u4")[0]); at += 4
    seeds = np.frombuffer(raw[at:at + 4 * k], dtype="<u4")
    return n, offsets, targets, [int(s) for s in seeds]


def cynetdiff_model(n, offsets, targets, seeds, spec):
    import numpy as np
    from cynetdiff.models import IndependentCascadeModel, LinearThresholdModel

    starts = array.array("I", offsets[:-1].astype(np.uint32).tobytes())
    edges = array.array("I", targets.astype(np.uint32).tobytes())
    if spec == "lt":
        model = LinearThresholdModel(starts, edges, rng=1)
    elif spec == "wc":
        indeg = np.bincount(targets, minlength=n)
        probs = array.array("f", (1.0 / indeg[targets]).astype(np.float32).tobytes())
        model = IndependentCascadeModel(starts, edges, activation_probs=probs, rng=1)
    else:
        model = IndependentCascadeModel(starts, edges, activation_prob=float(spec[3:]), rng=1)
    model.set_seeds(seeds)
    return model


def run_peer(model, runs: int, seed: int):
    model.set_rng(seed + 1)
    t = time.process_time()
    counts = []
    for _ in range(runs):
        model.reset_model()
        model.advance_until_completion()
        counts.append(model.get_num_activated_nodes())
    return time.process_time() - t, statistics.fmean(counts), statistics.stdev(counts)


def native(binary, graph, spec, runs, seeds, repeat=1, csr=None):
    cmd = [str(binary), graph, spec, str(runs), seeds, str(repeat)] + ([csr] if csr else [])
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graphs", nargs="*", default=["ego-Facebook", "ca-HepTh", "email-Enron"])
    parser.add_argument("--models", nargs="*", default=["ic:0.01", "ic:0.1", "wc", "lt"])
    parser.add_argument("--seeds", nargs="*", default=["spread:10"])
    parser.add_argument("--runs", type=int, default=0, help="default 10,000 (1,000 at ic:0.1)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--binary", default=None, help="mc-native (default: built with cargo)")
    parser.add_argument("--json", default=None,
                        help="also write every row to this file (results/mc_check.json feeds "
                             "the issue-16 targets table, targets16.py)")
    args = parser.parse_args()
    rows = []
    binary = args.binary
    if binary is None:
        subprocess.run(["cargo", "build", "--release", "-q", "-p", "reseau-benches", "--bin",
                        "mc-native"], cwd=common.ROOT, check=True)
        target = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", common.ROOT / "target"))
        binary = target / "release" / "mc-native"
    print(common.machine())
    print("| graph | model | seeds | runs | reseau mean | cynetdiff mean | agree | reseau ms/run "
          "| cynetdiff ms/run | cynetdiff / reseau |")
    print("|---|---|---|---:|---:|---:|---|---:|---:|---:|")
    worst = float("inf")
    for g in args.graphs:
        path = resolve(g)
        for spec in args.models:
            for seeds in args.seeds:
                runs = args.runs or (1000 if spec == "ic:0.1" else 10_000)
                with tempfile.TemporaryDirectory() as tmp:
                    csr = os.path.join(tmp, "g.bin")
                    native(binary, path, spec, 64, seeds, 1, csr)
                    model = cynetdiff_model(*load_csr(csr), spec)
                ours, theirs = [], []
                for r in range(args.repeat):
                    pair = [lambda: ours.append(native(binary, path, spec, runs, seeds)),
                            lambda: theirs.append(run_peer(model, runs, r))]
                    for f in (pair if r % 2 == 0 else pair[::-1]):
                        f()
                mine = statistics.median(x["cpu"][0] for x in ours)
                peer = statistics.median(x[0] for x in theirs)
                mean, std = ours[0]["mean"], ours[0]["std"]
                pm, ps = theirs[0][1], theirs[0][2]
                se = (max(std, ps) ** 2 * 2 / runs) ** 0.5
                ok = abs(mean - pm) <= common.Z * se + 1e-9
                ratio = peer / mine
                if ok:
                    worst = min(worst, ratio)
                rows.append({"graph": g, "model": spec, "seeds": seeds, "runs": runs,
                             "mean": mean, "peer_mean": pm, "agree": ok,
                             "reseau_ms": mine / runs * 1e3, "cynetdiff_ms": peer / runs * 1e3,
                             "ratio": ratio})
                print(f"| {g} | {spec} | {seeds} | {runs:,} | {mean:.2f} | {pm:.2f} | "
                      f"{'yes' if ok else '**no**'} | {mine / runs * 1e3:.4f} | "
                      f"{peer / runs * 1e3:.4f} | {common.ratio(ratio)} |", flush=True)
    print(f"lowest ratio (agreeing rows): {common.ratio(worst)}; load average "
          f"{os.getloadavg()[0]:.1f} at the end")
    if args.json:
        import datetime
        import shlex
        pathlib.Path(args.json).write_text(json.dumps({
            "command": "python benches/compare/mc_check.py " + " ".join(
                shlex.quote(a) for a in sys.argv[1:]),
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "machine": common.machine(), "load_end": os.getloadavg()[0], "rows": rows},
            indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
