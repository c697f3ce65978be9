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
    )
    command = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(code)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
