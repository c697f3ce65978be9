"""The type stubs describe the compiled module (mypy.stubtest) and type-check."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("mypy")

ALLOWLIST = Path(__file__).with_name("stubtest-allowlist.txt")


def test_stubtest():
    command = [sys.executable, "-m", "mypy.stubtest", "reseau._core", "--allowlist", str(ALLOWLIST)]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_usage_type_checks(tmp_path):
    code = tmp_path / "use.py"
    code.write_text(
        "import reseau\n"
        "net: reseau.Network = reseau.datasets.aarhus_cs()\n"
        "n: int = net.num_people\n"
        "tie: 'int | None' = net.add_tie(0, 1, 'lunch', weight=2.0)\n"
        "labels: list[str] = net.labels\n"
        "er = reseau.generators.erdos_renyi(n=10, mean_degree=2.0, seed=1)\n"
        "d = er.degrees()\n"
        "try:\n"
        "    reseau.read_edgelist('x.txt', directed=True)\n"
        "except reseau.ParseError as err:\n"
        "    line: int = err.line\n"
        "model = reseau.IndependentCascade(probability=0.1, layers={'lunch': {'multiplier': 2.0}})\n"
        "lt = reseau.LinearThreshold(thresholds=[0.5] * 61, layers={'work': reseau.LayerSettings(latency=2)})\n"
        "summary: reseau.CascadeSummary = reseau.simulate(net, ['U4', 3], model=model, runs=100, seed=7)\n"
        "mean: float = summary.mean\n"
        "low, high = summary.ci95\n"
        "shares: dict[str, float] = summary.layer_shares\n"
        "good: float = summary.good.activation.sum()\n"
        "t: reseau.CascadeTrace = reseau.trace(net, [0], lt, seed=1, bad_seeds=[1])\n"
        "spread: int = t.spread\n"
        "exact: float = reseau.exact_spread(net, [0], reseau.WeightedCascade())\n"
        "again: reseau.Model = reseau.Model.from_dict(model.to_dict())\n"
        "tired = reseau.Fatigue.hill(half=3, exponent=2, half_life=10)\n"
        "w: float = tired.willingness(3.0)\n"
        "ws = tired.willingness([0.0, 3.0]).sum()\n"
        "slow = reseau.IndependentCascade(0.2, fatigue=tired)\n"
        "ref: reseau.ReferralSummary = reseau.route_referrals(net, [('U4', 3)], strategy='oracle', fatigue=tired)\n"
        "rate: float = reseau.route_referrals(net, n_requests=100, rate=2.0, seed=1).success_rate\n"
        "lo, hi = ref.success_ci95\n"
        "busy: list[dict[str, object]] = ref.overloaded\n"
        "records = reseau.trace_referrals(net, n_requests=10, layer_forward={'facebook': 0.2})\n"
        "curve: reseau.LoadCurve = reseau.referral_load_curve(net, [1.0, 2.0], steps=20, fatigue=tired.to_dict())\n"
        "collapse: 'float | None' = curve.collapse_rate\n"
    )
    command = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(code)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
