"""The overhead of calling reseau from Python, against the same calls in Rust.

Usage (after scripts/test-python has built .venv):
    .venv/bin/python benches/compare/python_overhead.py [--repeat 9]

Builds and runs the native side (benches/compare/python_overhead.rs: the same calls on the
same seeded network, timed in Rust), then times each call from Python, checks that both
computed the same result, and reports the median times and the overhead of Python in
percent. Each call takes well over 100 ms (the small one is 2,000 calls of 5 requests);
both sides use every core. The native process
(which keeps running, its networks built once) and the Python calls alternate call by call,
and the overhead is the median of the paired ratios, so that a busy machine slows both alike.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys
import time

import reseau

ROOT = pathlib.Path(__file__).resolve().parents[2]


def start_native() -> subprocess.Popen:
    target = os.environ.get("CARGO_TARGET_DIR", str(ROOT / "target"))
    subprocess.run(
        ["cargo", "build", "--release", "-q", "-p", "reseau-benches", "--bin", "python-overhead-native"],
        cwd=ROOT,
        check=True,
    )
    binary = pathlib.Path(target) / "release" / "python-overhead-native"
    return subprocess.Popen([str(binary)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def native_call(process: subprocess.Popen, name: str) -> "tuple[float, float]":
    process.stdin.write(name + "\n")
    process.stdin.flush()
    seconds, check = process.stdout.readline().split()
    return float(seconds), float(check)


def python_calls() -> dict:
    cascades = reseau.generators.erdos_renyi(n=50_000, mean_degree=8.0, seed=3)
    small = reseau.generators.erdos_renyi(n=20_000, mean_degree=8.0, seed=2)
    net = reseau.generators.erdos_renyi(n=200_000, mean_degree=8.0, seed=1)
    model = reseau.IndependentCascade(probability=0.15)
    tired = reseau.Fatigue.hill(half=2, exponent=2, half_life=10)
    return {
        "simulate": (
            lambda: reseau.simulate(cascades, list(range(10)), model, runs=128, seed=7),
            lambda s: s.mean,
        ),
        "select_relays": (
            lambda: reseau.select_relays(
                small, k=10, model=reseau.IndependentCascade(0.05), epsilon=0.3, evaluation_runs=1_000, seed=1
            ),
            lambda s: s.spread.mean,
        ),
        "route_referrals": (
            lambda: reseau.route_referrals(net, rate=200, steps=200, fatigue=tired, seed=1),
            lambda s: s.success_rate,
        ),
        # 2,000 calls of 5 requests each: the fixed cost of a call.
        "small_route_referrals": (
            lambda: sum(reseau.route_referrals(cascades, n_requests=5, seed=i).success_rate for i in range(2_000)),
            lambda total: total,
        ),
        "referral_load_curve": (
            lambda: reseau.referral_load_curve(net, [50.0, 200.0], steps=150, fatigue=tired, seed=1),
            lambda c: float(c.throughput.sum()),
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9, help="timed pairs per call (default 9)")
    args = parser.parse_args()
    process = start_native()
    calls = python_calls()
    print(f"{'call':<22}{'Rust (ms)':>12}{'Python (ms)':>14}{'overhead':>11}   (medians of {args.repeat} pairs)")
    worst = 0.0
    for name, (call, check) in calls.items():
        _, native_check = native_call(process, name)  # warm-up, and the same result
        mine = check(call())
        if mine != native_check:
            sys.exit(f"{name}: Rust and Python disagree: {native_check} != {mine}")
        rust, py, ratios = [], [], []
        for i in range(args.repeat):
            # Alternate which side goes first, so that neither always follows the other.
            order = ("rust", "python") if i % 2 == 0 else ("python", "rust")
            took = {}
            for side in order:
                if side == "rust":
                    took[side] = native_call(process, name)[0]
                else:
                    begin = time.perf_counter()
                    call()
                    took[side] = time.perf_counter() - begin
            rust.append(took["rust"])
            py.append(took["python"])
            ratios.append(took["python"] / took["rust"])
        overhead = (statistics.median(ratios) - 1) * 100
        worst = max(worst, overhead)
        print(
            f"{name:<22}{statistics.median(rust) * 1e3:>12.1f}{statistics.median(py) * 1e3:>14.1f}"
            f"{overhead:>10.1f}%"
        )
    process.stdin.close()
    process.wait()
    print(f"worst overhead: {worst:.1f}% (the median of the paired Python/Rust ratios; goal: under 5%)")


if __name__ == "__main__":
    main()
