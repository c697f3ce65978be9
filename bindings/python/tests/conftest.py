"""Shared fixtures: the real data files (the test is skipped when one is absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Charts draw off screen, and every test's figures are closed after it.
os.environ.setdefault("MPLBACKEND", "Agg")


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import sys

    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")

from helpers import data_file


@pytest.fixture
def enron() -> Path:
    return data_file("snap", "email-Enron", "Email-Enron.txt")


@pytest.fixture
def aarhus_files() -> "tuple[Path, Path, Path]":
    return (
        data_file("aarhus-cs", "CS-Aarhus_multiplex.edges"),
        data_file("aarhus-cs", "CS-Aarhus_layers.txt"),
        data_file("aarhus-cs", "CS-Aarhus_nodes.txt"),
    )
