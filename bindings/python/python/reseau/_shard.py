"""Shard-and-merge: a simulation split into ranges of runs, run anywhere, merged exactly.

Run ``i`` of :func:`reseau.simulate` draws from a random stream derived from
``(seed, i)`` wherever it runs, and the core tallies the runs with integer sums, so shards
whose ranges cover ``0..runs`` merge into the very summary of one ``simulate(..., runs)``
call, to the last bit, whatever machines and thread counts ran them.

>>> import reseau
>>> net = reseau.datasets.aarhus_cs()
>>> ranges = reseau.shard_ranges(1000, 3)
>>> ranges
[(0, 384), (384, 704), (704, 1000)]
>>> parts = [reseau.simulate(net, ["U4"], seed=7, run_range=r) for r in ranges]
>>> reseau.merge(parts).to_dict() == reseau.simulate(net, ["U4"], runs=1000, seed=7).to_dict()
True
"""

from __future__ import annotations

from functools import reduce
from typing import Iterable, List, Tuple

from . import _core
from ._results import CascadePartial, CascadeSummary

def shard_ranges(runs: int, shards: int) -> List[Tuple[int, int]]:
    """``runs`` run numbers split into at most ``shards`` consecutive ``(start, stop)``
    ranges of nearly equal size, aligned to the core's blocks of 64 runs (the core's
    ``cascade::shard_ranges``: at most 2^20 shards).

    >>> from reseau import shard_ranges
    >>> shard_ranges(200, 2), shard_ranges(10, 4)
    ([(0, 128), (128, 200)], [(0, 10)])
    >>> shard_ranges(10**18, 10**9)
    Traceback (most recent call last):
        ...
    reseau.InvalidParameterError: invalid shards: 1000000000 (expected 1 to 1048576 shards)
    """
    return _core._shard_ranges(runs, shards)  # type: ignore[no-any-return]


def merge(parts: Iterable[CascadePartial]) -> CascadeSummary:
    """The summary of every run of the shards ``parts`` (``simulate(..., run_range=...)``
    results of one simulation), merged in any order: exactly ``simulate(..., runs=n)``'s
    when their ranges cover ``0..n``. Overlapping shards, or shards of another seed or
    network, raise :class:`reseau.InvalidParameterError`.

    >>> import reseau
    >>> net = reseau.datasets.aarhus_cs()
    >>> b = reseau.simulate(net, [0], seed=1, run_range=(64, 100))
    >>> a = reseau.simulate(net, [0], seed=1, run_range=(0, 64))
    >>> reseau.merge([b, a]).runs
    100
    >>> reseau.merge([])
    Traceback (most recent call last):
        ...
    ValueError: merge: no shards
    """
    parts = list(parts)
    if not parts:
        raise ValueError("merge: no shards")
    merged: CascadePartial = reduce(lambda a, b: a.merge(b), parts)
    return merged.summary()
