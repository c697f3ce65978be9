"""Long calls release the GIL: other Python threads keep running meanwhile."""

from __future__ import annotations

import reseau

from helpers import progress_during


def test_generating_releases_the_gil():
    # Holding the GIL for the whole call would leave the main thread a handful of loops.
    count = progress_during(
        lambda: reseau.generators.erdos_renyi(n=200_000, mean_degree=10.0, seed=1)
    )
    assert count > 10_000


def test_reading_releases_the_gil(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("".join(f"{i} {i + 1}\n{i} {i + 7}\n" for i in range(300_000)))
    count = progress_during(lambda: reseau.read_edgelist(path))
    assert count > 10_000
