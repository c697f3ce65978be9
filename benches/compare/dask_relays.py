"""Relay selection on a Dask cluster of 2 worker processes against one machine (issue 16).

Usage (after scripts/test-python has built .venv):
    .venv/bin/python benches/compare/dask_relays.py [--people 1000000] [--m 5] [--k 10]
        [--model ic|wc] [--p 0.05] [--repeat 2]

Times OPIM-C (``method="opim_c"``, ε = 0.1, ``evaluation_runs=0``: the selection alone; IC
with ``--p``, or the weighted cascade) on a Barabási–Albert network, once with ``reseau.select_relays`` in a child process on one thread
(``RAYON_NUM_THREADS=1``), once with ``reseau.dask.select_relays`` on a ``LocalCluster`` of 2
worker processes with one thread each (2 shards, one per worker); the cluster is started
before the timing, the network's transfer to the workers is timed with the selection. The
two alternate ``--repeat`` times; the speed-up is the median of the paired ratios of wall
time (one machine / cluster), so that load on a shared machine slows both alike. It also
prints the processor time each side used (the single process's; the two workers' and the
client's) and, as the speed-up dedicated cores would give, the one machine's processor time
over the client's plus the busiest worker's; and it checks that both chose the same relays with the same gains. Last, where the
cluster's time goes: the same selection driven step by step, each kind of step timed (the
shards' sampling, their counts, one greedy step, the certificate's count).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

import reseau
import reseau.dask

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


def one_machine(args: argparse.Namespace) -> dict:
    env = dict(os.environ, RAYON_NUM_THREADS="1")
    spec = json.dumps({"people": args.people, "m": args.m, "k": args.k, "model": args.model,
                       "p": args.p})
    out = subprocess.run([sys.executable, "-c", CHILD, spec], env=env, check=True,
                         capture_output=True, text=True, timeout=3600)
    return json.loads(out.stdout)


def on_cluster(client, net, model, args: argparse.Namespace) -> dict:
    before = client.run(time.process_time)
    wall, cpu = time.perf_counter(), time.process_time()
    chosen = reseau.dask.select_relays(client, net, k=args.k, model=model, method="opim_c",
                                       evaluation_runs=0, seed=3, shards=2)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    after = client.run(time.process_time)
    workers = [after[w] - before[w] for w in sorted(after)]
    return {"wall": wall, "cpu": cpu + sum(workers), "client": cpu, "workers": workers,
            "relays": chosen.relays.tolist(), "gains": list(chosen.gains),
            "samples": chosen.samples}


def breakdown(client, net, model, args: argparse.Namespace) -> None:
    """The cluster's selection driven here step by step (what reseau.dask.select_relays
    does), each kind of step timed: wall time, and the client's processor time."""
    from reseau._core import _RelayDriver
    from reseau.dask import _Shard

    kwargs = {"model": model, "method": "opim_c", "evaluation_runs": 0, "seed": 3}
    driver = _RelayDriver(net, 2, args.k, **kwargs)
    workers = sorted(client.scheduler_info()["workers"])
    wall, cpu = time.perf_counter(), time.process_time()
    data = client.scatter(net.to_bytes(), broadcast=True)
    actors = [client.submit(_Shard, data, 2, i, args.k, kwargs, actor=True,
                            workers=[workers[i]], pure=False).result() for i in range(2)]
    spent: "dict[str, list[tuple[float, float]]]" = {
        "network to the workers": [(time.perf_counter() - wall, time.process_time() - cpu)]}
    while True:
        need = driver.need()
        if need[0] == "done":
            break
        wall, cpu = time.perf_counter(), time.process_time()
        calls = [getattr(a, need[0])(*need[1:]) for a in actors]
        answers = [c.result() for c in calls]
        getattr(driver, {"sample": "sampled", "counts": "counted", "add": "added",
                         "covered": "covered"}[need[0]])(answers)
        spent.setdefault(need[0], []).append((time.perf_counter() - wall,
                                               time.process_time() - cpu))
    parts = "; ".join(
        f"{k} {len(v)}x {sum(w for w, _ in v):.2f} s wall ({sum(c for _, c in v):.2f} s "
        "client cpu)" for k, v in spent.items())
    print(f"  where the cluster's time goes: {parts}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--m", type=int, default=5)
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--model", choices=["wc", "ic"], default="ic")
    parser.add_argument("--p", type=float, default=0.05)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    from distributed import Client, LocalCluster

    os.environ["RAYON_NUM_THREADS"] = "1"  # inherited by the workers
    net = reseau.generators.barabasi_albert(n=args.people, m=args.m, seed=1)
    model = reseau.WeightedCascade() if args.model == "wc" else reseau.IndependentCascade(args.p)
    name = "WC" if args.model == "wc" else f"IC p={args.p}"
    print(f"BA n={args.people} m={args.m}, {name}, k={args.k}, OPIM-C eps=0.1; "
          f"load average at start {os.getloadavg()[0]:.2f}")
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address=None)
    ratios, cpu_ratios = [], []
    with cluster, Client(cluster) as client:
        for i in range(args.repeat):
            single = one_machine(args)
            dist = on_cluster(client, net, model, args)
            assert dist["relays"] == single["relays"] and dist["gains"] == single["gains"], \
                "the cluster chose differently"
            ratio = single["wall"] / dist["wall"]
            ratios.append(ratio)
            # On dedicated cores the cluster's wall time would be about the client's processor
            # time plus the busiest worker's (they overlap only while the shards sample).
            critical = dist["client"] + max(dist["workers"])
            cpu_ratios.append(single["cpu"] / critical)
            print(f"run {i + 1}: one machine, 1 thread {single['wall']:.2f} s wall "
                  f"({single['cpu']:.2f} s cpu); Dask, 2 workers {dist['wall']:.2f} s wall "
                  f"({dist['cpu']:.2f} s cpu: client {dist['client']:.2f} s, workers "
                  + " and ".join(f"{w:.2f}" for w in dist["workers"])
                  + f" s); wall speed-up {ratio:.2f}x; processor-time speed-up "
                  f"{cpu_ratios[-1]:.2f}x (one machine's cpu / (client + busiest worker)); "
                  f"{single['samples']} RR sets")
        breakdown(client, net, model, args)
    print(f"median wall speed-up {statistics.median(ratios):.2f}x, processor-time speed-up "
          f"{statistics.median(cpu_ratios):.2f}x over {args.repeat} pairs; "
          f"load average at end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
