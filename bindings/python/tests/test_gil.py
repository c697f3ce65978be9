"""Long calls release the GIL: other Python threads keep running meanwhile."""

from __future__ import annotations

import reseau

from helpers import stall_share


def test_generating_releases_the_gil():
    # Holding the GIL for the whole call would stall the main thread throughout.
    share = stall_share(
        lambda: reseau.generators.erdos_renyi(n=200_000, mean_degree=10.0, seed=1)
    )
    assert share < 0.5, share


def test_reading_releases_the_gil(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("".join(f"{i} {i + 1}\n{i} {i + 7}\n" for i in range(300_000)))
    share = stall_share(lambda: reseau.read_edgelist(path))
    assert share < 0.5, share
