"""Where the shared real data sets are, and skipping tests when they are absent."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Callable

import pytest

REPO = Path(__file__).resolve().parents[3]
# The data sets live beside the repository (../shared/data); RESEAU_DATA overrides.
DATA = Path(os.environ.get("RESEAU_DATA", REPO.parent / "shared" / "data"))


def data_file(*parts: str) -> Path:
    """A file of the shared data sets, or skip the test when it is not there."""
    path = DATA.joinpath(*parts)
    if not path.is_file():
        pytest.skip(f"data file not found: {path}")
    return path


def stall_share(work: Callable[[], object]) -> float:
    """The longest time the main thread could not run while `work` ran in another thread, as a
    share of the time `work` took. A call that held the GIL throughout would stall the main
    thread for nearly all of it (a share near 1); one that releases it leaves gaps of a thread
    switch (milliseconds). A time share, unlike a count of loops, does not depend on how fast
    or how busy the machine is."""
    thread = threading.Thread(target=work)
    start = last = time.perf_counter()
    longest = 0.0
    thread.start()
    while thread.is_alive():
        now = time.perf_counter()
        longest = max(longest, now - last)
        last = now
    thread.join()
    took = time.perf_counter() - start
    return longest / took if took > 0 else 0.0


def run_notebook(name: str, tmp_path: Path, timeout: int) -> list:
    """Runs docs/notebooks/<name> headless (nbclient; each cell bounded by ``timeout``
    seconds, so a hung cell fails the test) and gives every code cell's outputs. Skips when
    nbclient or its kernel is not installed."""
    nbformat = pytest.importorskip("nbformat", reason="nbclient is not installed")
    nbclient = pytest.importorskip("nbclient", reason="nbclient is not installed")
    pytest.importorskip("ipykernel", reason="ipykernel is not installed")
    notebook = nbformat.read(REPO / "docs" / "notebooks" / name, as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()  # raises CellExecutionError when a cell fails
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    return outputs
