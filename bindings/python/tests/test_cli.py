"""The ``reseau`` console script that ``pip install`` puts beside Python: the command-line
tool's own code, the same report as the library's."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

import reseau

SCRIPT = Path(sys.executable).with_name("reseau")


@pytest.fixture(scope="module")
def command():
    if not SCRIPT.exists():
        pytest.skip(f"no console script at {SCRIPT} (the package is not installed with pip)")
    return str(SCRIPT)


def test_the_console_script_runs_the_report(command, tmp_path):
    (tmp_path / "ring.txt").write_text("".join(f"{i} {(i + 1) % 20}\n{i} {(i + 3) % 20}\n" for i in range(20)))
    done = subprocess.run(
        [command, "report", str(tmp_path / "ring.txt"), "--quick", "--json", "--quiet", "--seed", "2"],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert done.returncode == 0, done.stderr
    numbers = json.loads(done.stdout)
    net = reseau.read_edgelist(tmp_path / "ring.txt", layer="ring")
    direct = reseau.report(net, quick=True, seed=2, options={"title": numbers["title"]})
    assert numbers == direct.numbers


def test_bad_files_exit_with_status_2_and_the_error(command, tmp_path):
    done = subprocess.run([command, "report", str(tmp_path / "missing.txt")], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    assert "error [FileError]" in done.stderr and "missing.txt" in done.stderr
    assert subprocess.run([command, "--help"], capture_output=True, timeout=60, check=False).returncode == 0
