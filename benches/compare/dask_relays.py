"""Relay selection on a Dask cluster of 2 worker processes against one machine (issue 16).

Usage (after scripts/test-python has built .venv):
    .venv/bin/python benches/compare/dask_relays.py [--people 1000000] [--m 5] [--k 10]
        [--model ic|wc] [--p 0.05] [--repeat 2] [--out benches/compare/results/dask_relays.json]

Times OPIM-C (``method="opim_c"``, ε = 0.1, ``evaluation_runs=0``: the selection alone; IC
with ``--p``, or the weighted cascade) on a Barabási–Albert network, once with
``reseau.select_relays`` in a child process on one thread (``RAYON_NUM_THREADS=1``), then twice
with ``reseau.dask.select_relays`` on a ``LocalCluster`` of 2 worker processes with one thread
each (2 shards, one per worker): a first call, the workers' kept networks cleared before it, so
that the network's transfer is timed with the selection, and a second call on the same
network, already on the workers. The three alternate ``--repeat`` times.

Each side's processor time is measured (the single process's; the client's and each worker's),
and the speed-ups are medians of paired ratios: of wall time (one machine / cluster; load on a
shared machine slows both alike, but not evenly) and of processor time, the one machine's over
the client's plus the busiest worker's (the cluster's wall time on dedicated cores, since the
client mostly waits while the workers sample). Both sides must choose the same relays with the
same gains. Last, where the cluster's time goes: the same selection driven step by step, each
kind of call timed, and the cost of one round trip to the actors with nothing to do.

The results, with the load average at the start and the end, go to ``--out`` (JSON; the
issue-16 targets table reads it) as well as to the standard output.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Dict, List

import reseau
import reseau.dask

HERE = Path(__file__).resolve().parent

CHILD = r"""
import json, os, sys, time, reseau
args = json.loads(sys.argv[1])
net = reseau.generators.barabasi_albert(n=args["people"], m=args["m"], seed=1)
model = reseau.WeightedCascade() if args["model"] == "wc" else reseau.IndependentCascade(args["p"])
wall, cpu = time.perf_counter(), time.process_time()
chosen = reseau.select_relays(net, k=args["k"], model=model, method="opim_c",
                              evaluation_runs=0, seed=3)
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
print(json.dumps({"wall": wall, "cpu": cpu, "relays": chosen.relays.tolist(),
                  "gains": list(chosen.gains), "samples": chosen.samples}))
"""


def one_machine(args: argparse.Namespace) -> Dict[str, Any]:
    env = dict(os.environ, RAYON_NUM_THREADS="1")
    spec = json.dumps({"people": args.people, "m": args.m, "k": args.k, "model": args.model,
                       "p": args.p})
    out = subprocess.run([sys.executable, "-c", CHILD, spec], env=env, check=True,
                         capture_output=True, text=True, timeout=3600)
    return json.loads(out.stdout)


def _forget_networks() -> int:
    """On a worker: lets go of the networks reseau.dask keeps there."""
    kept = len(reseau.dask._networks)
    reseau.dask._networks.clear()
    return kept


def on_cluster(client, net, model, args: argparse.Namespace) -> Dict[str, Any]:
    before = client.run(time.process_time)
    wall, cpu = time.perf_counter(), time.process_time()
    chosen = reseau.dask.select_relays(client, net, k=args.k, model=model, method="opim_c",
                                       evaluation_runs=0, seed=3, shards=2, timeout=3600)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    after = client.run(time.process_time)
    workers = [round(after[w] - before[w], 3) for w in sorted(after)]
    return {"wall": round(wall, 3), "cpu_client": round(cpu, 3), "cpu_workers": workers,
            "relays": chosen.relays.tolist(), "gains": list(chosen.gains),
            "samples": chosen.samples}


class _Ping:
    """An actor with nothing to do: the cost of a round trip alone."""

    def ping(self, person: int) -> int:
        return person


def breakdown(client, net, model, args: argparse.Namespace) -> Dict[str, Any]:
    """The cluster's selection driven here step by step (what reseau.dask.select_relays
    does), each kind of call timed: wall time and the client's processor time."""
    from reseau._core import _RelayDriver
    from reseau.dask import _Shard, _drive, _each, _send_network

    client.run(_forget_networks)
    kwargs = {"model": model, "method": "opim_c", "evaluation_runs": 0, "seed": 3}
    driver = _RelayDriver(net, 2, args.k, **kwargs)
    wall, cpu = time.perf_counter(), time.process_time()
    key, workers = _send_network(client, net)
    spent: Dict[str, List[List[float]]] = {
        "network to the workers": [[time.perf_counter() - wall, time.process_time() - cpu]]}
    wall, cpu = time.perf_counter(), time.process_time()
    actors = [client.submit(_Shard, key, 2, i, args.k, kwargs, actor=True,
                            workers=[workers[i]], pure=False).result(timeout=600)
              for i in range(2)]
    spent["shards made (live-edge graph prepared)"] = [
        [time.perf_counter() - wall, time.process_time() - cpu]]
    plain = _each(actors, 3600)

    def each(method: str, *call: Any) -> List[Any]:
        wall, cpu = time.perf_counter(), time.process_time()
        answers = plain(method, *call)
        spent.setdefault(method, []).append([time.perf_counter() - wall,
                                             time.process_time() - cpu])
        return answers

    _drive(driver, each, args.k)
    pings = [client.submit(_Ping, actor=True, workers=[w], pure=False).result(timeout=600)
             for w in workers]
    ping = _each(pings, 600)
    for i in range(200):
        wall, cpu = time.perf_counter(), time.process_time()
        ping("ping", i)
        spent.setdefault("round trip alone (no-op call)", []).append(
            [time.perf_counter() - wall, time.process_time() - cpu])
    del actors, pings
    steps = {name: {"calls": len(v), "wall": round(sum(w for w, _ in v), 3),
                    "cpu_client": round(sum(c for _, c in v), 3)} for name, v in spent.items()}
    print("  where the cluster's time goes: " + "; ".join(
        f"{name} {s['calls']}x {s['wall']:.2f} s wall ({s['cpu_client']:.2f} s client cpu)"
        for name, s in steps.items()))
    return steps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--m", type=int, default=5)
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--model", choices=["wc", "ic"], default="ic")
    parser.add_argument("--p", type=float, default=0.05)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--out", type=Path, default=HERE / "results" / "dask_relays.json")
    args = parser.parse_args()
    from distributed import Client, LocalCluster

    os.environ["RAYON_NUM_THREADS"] = "1"  # inherited by the workers
    command = " ".join([".venv/bin/python", "benches/compare/dask_relays.py", *sys.argv[1:]])
    load_start = os.getloadavg()[0]
    net = reseau.generators.barabasi_albert(n=args.people, m=args.m, seed=1)
    model = reseau.WeightedCascade() if args.model == "wc" else reseau.IndependentCascade(args.p)
    name = "WC" if args.model == "wc" else f"IC p = {args.p}"
    print(f"BA n={args.people} m={args.m}, {name}, k={args.k}, OPIM-C eps=0.1; "
          f"load average at start {load_start:.2f}")
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address=None)
    runs: List[Dict[str, Any]] = []
    with cluster, Client(cluster) as client:
        for i in range(args.repeat):
            single = one_machine(args)
            client.run(_forget_networks)
            first = on_cluster(client, net, model, args)
            second = on_cluster(client, net, model, args)
            for dist in (first, second):
                assert dist["relays"] == single["relays"] and dist["gains"] == single["gains"], \
                    "the cluster chose differently"
            run = {"one_machine": {k: round(single[k], 3) for k in ("wall", "cpu")},
                   "rr_sets": single["samples"]}
            for label, dist in (("first_call", first), ("second_call", second)):
                critical = dist["cpu_client"] + max(dist["cpu_workers"])
                run[label] = {k: dist[k] for k in ("wall", "cpu_client", "cpu_workers")}
                run[label]["wall_speedup"] = round(single["wall"] / dist["wall"], 3)
                run[label]["cpu_speedup"] = round(single["cpu"] / critical, 3)
            runs.append(run)
            print(f"run {i + 1}: one machine, 1 thread {single['wall']:.2f} s wall "
                  f"({single['cpu']:.2f} s cpu); {single['samples']} RR sets")
            for label in ("first_call", "second_call"):
                r = run[label]
                print(f"  Dask, 2 workers, {label.replace('_', ' ')}: {r['wall']:.2f} s wall "
                      f"(cpu: client {r['cpu_client']:.2f} s, workers "
                      + " and ".join(f"{w:.2f}" for w in r["cpu_workers"])
                      + f" s); wall speed-up {r['wall_speedup']:.2f}x, processor-time speed-up "
                      f"{r['cpu_speedup']:.2f}x")
        steps = breakdown(client, net, model, args)
    load_end = os.getloadavg()[0]

    def median(label: str, key: str) -> float:
        return round(statistics.median(r[label][key] for r in runs), 2)

    result = {
        "speedup": median("first_call", "wall_speedup"),
        "cpu_speedup": median("first_call", "cpu_speedup"),
        "second_call_speedup": median("second_call", "wall_speedup"),
        "second_call_cpu_speedup": median("second_call", "cpu_speedup"),
        "note": (f"2 workers over one thread, median of {args.repeat} paired runs of wall time "
                 f"(first call, the network sent); processor time "
                 f"{median('first_call', 'cpu_speedup'):.2f}x; second call (network kept on the "
                 f"workers) {median('second_call', 'wall_speedup'):.2f}x wall, "
                 f"{median('second_call', 'cpu_speedup'):.2f}x processor time; BA "
                 f"{args.people} people, m = {args.m}, {name}, k = {args.k}; load average "
                 f"{load_start:.1f} at the start, {load_end:.1f} at the end"),
        "command": command,
        "date": datetime.date.today().isoformat(),
        "settings": {"people": args.people, "m": args.m, "model": args.model, "p": args.p,
                     "k": args.k, "epsilon": 0.1, "workers": 2, "shards": 2,
                     "repeat": args.repeat},
        "load_average": {"start": round(load_start, 2), "end": round(load_end, 2)},
        "runs": runs,
        "steps": steps,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1) + "\n")
    print(f"median wall speed-up {result['speedup']:.2f}x, processor-time speed-up "
          f"{result['cpu_speedup']:.2f}x (first call); second call {result['second_call_speedup']:.2f}x "
          f"wall, {result['second_call_cpu_speedup']:.2f}x processor time; over {args.repeat} "
          f"pairs; load average at end {load_end:.2f}; written to {args.out}")


if __name__ == "__main__":
    main()
