"""The client's own costs in reseau.dask.select_relays, measured in one process (issue 16).

Usage (after scripts/test-python has built .venv):
    .venv/bin/python benches/compare/dask_client_costs.py [--people 1000000] [--m 5] [--k 10]
        [--p 0.05]

On the benchmark's network (Barabási–Albert, seed 1; IC p; OPIM-C, seed 3, 2 shards), the
processor time of what the client does besides waiting: the network's binary form and its
hash (what finds it on the workers), and the driver's greedy bookkeeping (``added``: applying
the shards' count drops and choosing), with the shards driven in this process rather than on a
cluster; and how many count drops a greedy step brings.
"""

from __future__ import annotations

import argparse
import hashlib
import time

import reseau
from reseau._core import _RelayDriver, _RelayShard


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--m", type=int, default=5)
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--p", type=float, default=0.05)
    args = parser.parse_args()
    net = reseau.generators.barabasi_albert(n=args.people, m=args.m, seed=1)
    net.to_bytes()  # compiled once, as the call finds it
    cpu = time.process_time()
    data = net.to_bytes()
    to_bytes = time.process_time() - cpu
    cpu = time.process_time()
    hashlib.blake2b(data, digest_size=16).hexdigest()
    digest = time.process_time() - cpu
    print(f"binary form {len(data) / 1e6:.1f} MB: to_bytes {to_bytes:.3f} s cpu, "
          f"blake2b {digest:.3f} s cpu")
    kwargs = dict(model=reseau.IndependentCascade(args.p), method="opim_c", evaluation_runs=0,
                  seed=3)
    driver = _RelayDriver(net, 2, args.k, **kwargs)
    shards = [_RelayShard(data, 2, i, args.k, **kwargs) for i in range(2)]
    drops, added = [], 0.0
    while True:
        need = driver.need()
        if need[0] == "sample":
            driver.sampled([s.sample(need[1]) for s in shards])
        elif need[0] == "counts":
            driver.counted([s.counts() for s in shards])
        elif need[0] == "add":
            answers = [s.add(need[1]) for s in shards]
            drops.append(sum(len(a[1]) for a in answers))
            cpu = time.process_time()
            driver.added(answers)
            added += time.process_time() - cpu
        elif need[0] == "covered":
            driver.covered([s.covered(list(need[1])) for s in shards])
        else:
            break
    print(f"greedy steps {len(drops)}: count drops {sum(drops)} in all, "
          f"{sum(drops) / len(drops):.0f} per step on average, at most {max(drops)}; "
          f"driver.added {added:.2f} s cpu in all")


if __name__ == "__main__":
    main()
