"""The same seed gives the same numbers from Python whatever the number of threads: each
parallel call run in a fresh interpreter with RAYON_NUM_THREADS = 1, 2 and 4 (the thread pool
is fixed when the module first uses it, so each count needs its own process). The Rust twin
is crates/reseau/tests/determinism.rs."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = r"""
import reseau
net = reseau.datasets.aarhus_cs()
s = reseau.simulate(net, [0, 5], reseau.IndependentCascade(probability=0.1), runs=3000, seed=7)
print(repr((s.mean, s.std, s.by_step.tolist(), list(s.by_layer.values()))))
for method in ("imm", "opim_c", "celf"):
    r = reseau.select_relays(net, 3, method=method, celf_runs=100, evaluation_runs=500, seed=7)
    print(repr((r.relays.tolist(), r.gains.tolist(), r.estimated_spread, r.spread.mean)))
q = reseau.route_referrals(net, rate=3.0, steps=60, forward=0.8, seed=7)
print(repr(sorted(q.to_dict().items())))
c = reseau.referral_load_curve(net, [1.0, 4.0, 16.0], steps=40, seed=7)
print(repr(c.throughput.tolist()))
rep = reseau.reputation(net, samples=2000, seed=7)
print(repr(rep.influence.tolist()))
import os, sys
if os.path.isdir("/proc/self/task"):
    print(len(os.listdir("/proc/self/task")), file=sys.stderr)  # the threads running
"""


def run_with(threads: int) -> "tuple[str, int | None]":
    """The numbers printed, and the threads the process ran (None where /proc is absent)."""
    env = dict(os.environ, RAYON_NUM_THREADS=str(threads))
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout, int(done.stderr) if done.stderr.strip() else None


def test_one_two_and_four_threads_give_the_same_numbers():
    one, threads_one = run_with(1)
    assert one.count("\n") == 7
    two, _ = run_with(2)
    four, threads_four = run_with(4)
    assert two == one
    assert four == one
    if threads_one is not None and threads_four is not None:
        assert threads_four >= threads_one + 3  # the pools really differed
