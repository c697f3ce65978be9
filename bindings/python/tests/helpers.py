"""Where the shared real data sets are, and skipping tests when they are absent."""

from __future__ import annotations

import os
from pathlib import Path

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
