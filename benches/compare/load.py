"""``reseau.load`` from Python: the network stays frozen until first edited (issue 16).

Usage (after scripts/test-python has built .venv):
    .venv/bin/python benches/compare/load.py [--people 1000000] [--m 5]

Saves a Barabási–Albert network (``people`` people, ``m`` ties per newcomer, seed 1: 10^7
directed ties by default) with ``Network.save`` to the system's temporary directory, then
times, best of three in this one process: ``reseau.load`` (the file read and checked, the
network frozen: what ``load`` costs now), the first call that needs the editable network
(``degree``, which makes people, ties and indexes from the view), and the two together,
which is what ``load`` cost before the network stayed frozen (it made them at once,
``Network::from_compiled``). A simulation right after a load runs on the loaded view, never
recompiled.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time

import reseau


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10**6)
    parser.add_argument("--m", type=int, default=5)
    args = parser.parse_args()
    path = os.path.join(tempfile.mkdtemp(), "ba.rsn")
    net = reseau.generators.barabasi_albert(n=args.people, m=args.m, seed=1)
    net.save(path)
    directed = net.num_directed_ties
    del net
    frozen, made = float("inf"), float("inf")
    for _ in range(3):
        start = time.perf_counter()
        loaded = reseau.load(path)
        middle = time.perf_counter()
        loaded.degree(0)
        end = time.perf_counter()
        frozen, made = min(frozen, middle - start), min(made, end - middle)
        del loaded
    loaded = reseau.load(path)
    start = time.perf_counter()
    reseau.simulate(loaded, [0], runs=64, seed=1)
    simulated = time.perf_counter() - start
    os.remove(path)
    print(f"Barabási–Albert, {args.people} people, m = {args.m}: {directed} directed ties")
    print()
    print("| step | time (s) | ns per directed tie |")
    print("|---|---:|---:|")
    for name, seconds in [
        ("`reseau.load` (now: read, checked, frozen)", frozen),
        ("first call needing the editable network (`degree`)", made),
        ("both: what `reseau.load` cost before", frozen + made),
        ("`reseau.simulate`, 64 runs, right after a load", simulated),
    ]:
        print(f"| {name} | {seconds:.3f} | {seconds * 1e9 / directed:.1f} |")
    print()
    print(f"load before / now: {(frozen + made) / frozen:.1f}x")


if __name__ == "__main__":
    main()
