"""Where the shared real data sets are, and skipping tests when they are absent."""

from __future__ import annotations

import os
import threading
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


def progress_during(work: Callable[[], object]) -> int:
    """How many times the main thread loops while `work` runs in another thread: a call that
    held the GIL throughout would leave it a handful of loops."""
    thread = threading.Thread(target=work)
    count = 0
    thread.start()
    while thread.is_alive():
        count += 1
    thread.join()
    return count
