"""The claims notebook (issue 17) runs from top to bottom, headless (nbclient), and states a
verdict for every claim on both of its networks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[3] / "docs" / "notebooks" / "claims.ipynb"

nbformat = pytest.importorskip("nbformat", reason="nbclient is not installed")
nbclient = pytest.importorskip("nbclient", reason="nbclient is not installed")
pytest.importorskip("ipykernel", reason="ipykernel is not installed")
pytest.importorskip("pandas", reason="pandas is not installed")

VERDICT = re.compile(r"^VERDICT claim (\d) on (.+?): (.*)$", re.MULTILINE)
ALLOWED = ("holds", "holds under assumption ", "does not hold", "cannot tell")


def test_claims_notebook_runs_and_gives_every_verdict(tmp_path):
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    # Each cell is bounded (a hung cell fails the test rather than blocking the suite); the
    # notebook as a whole runs in seconds.
    client = nbclient.NotebookClient(
        notebook, timeout=240, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()  # raises CellExecutionError when a cell fails
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    printed = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    verdicts = {(int(claim), network): text for claim, network, text in VERDICT.findall(printed)}
    assert set(verdicts) == {(claim, network) for claim in range(1, 8) for network in ("Aarhus CS", "generated")}
    for key, text in verdicts.items():
        assert text.startswith(ALLOWED), (key, text)
    # Every claim shows its table (pandas renders it as HTML).
    tables = [o for o in outputs if "text/html" in o.get("data", {}) and "<table" in o["data"]["text/html"]]
    assert len(tables) >= 8  # the networks, then at least one per claim
