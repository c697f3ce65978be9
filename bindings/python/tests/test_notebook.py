"""The quick start notebook runs from top to bottom, headless (nbclient)."""

from __future__ import annotations

import pytest

from helpers import run_notebook

pytest.importorskip("matplotlib", reason="matplotlib is not installed")
pytest.importorskip("pandas", reason="pandas is not installed")


def test_quickstart_notebook_runs(tmp_path):
    outputs = run_notebook("quickstart.ipynb", tmp_path, timeout=300)
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) >= 5  # degrees, spread, relays, load curve and balance charts
    html = [o for o in outputs if "text/html" in o.get("data", {})]
    assert any("reseau.CascadeSummary" in o["data"]["text/html"] for o in html)
