"""Monte Carlo on a Dask cluster: the same numbers as on one machine.

:func:`simulate` splits the runs of :func:`reseau.simulate` into shards
(:func:`reseau.shard_ranges`), runs them on the cluster's workers and merges them
(:func:`reseau.merge`); :func:`evaluate_relays` does the same for the Monte Carlo evaluation
of :func:`reseau.select_relays`. Both return exactly what one machine computes: runs draw from
streams derived from ``(seed, run)`` and are tallied with integer sums. Networks, models and
shards cross to the workers by pickle (through the core's serde form).

Point them at any ``distributed.Client``; a laptop's is ``Client(LocalCluster())``. Needs
``pip install "reseau[dask]"``.

>>> import reseau, reseau.dask                                       # doctest: +SKIP
>>> from distributed import Client, LocalCluster                     # doctest: +SKIP
>>> client = Client(LocalCluster(n_workers=2, threads_per_worker=1))  # doctest: +SKIP
>>> s = reseau.dask.simulate(client, reseau.datasets.aarhus_cs(), ["U4"], runs=10**6)  # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any, Optional, Sequence

from ._core import Network, relay_evaluation_seed
from ._core import simulate as _simulate
from ._results import CascadeSummary, SpreadStats
from ._values import Model
from ._shard import merge, shard_ranges


def _shard(net: Network, seeds: Any, model: Optional[Model], seed: int, bad_seeds: Any,
           run_range: "tuple[int, int]") -> Any:
    return _simulate(net, seeds, model, seed=seed, bad_seeds=bad_seeds, run_range=run_range)


def simulate(
    client: Any,
    net: Network,
    seeds: Any,
    model: Optional[Model] = None,
    *,
    runs: int = 1000,
    seed: int = 0,
    bad_seeds: Any = None,
    shards: Optional[int] = None,
) -> CascadeSummary:
    """:func:`reseau.simulate` on the workers of the Dask ``client``, in ``shards`` pieces
    (default: twice the workers' threads); the summary is exactly the one-machine summary.
    """
    if shards is None:
        shards = 2 * max(1, sum(client.nthreads().values()))
    remote_net = client.scatter(net, broadcast=True)
    futures = [
        client.submit(_shard, remote_net, seeds, model, seed, bad_seeds, r, pure=False)
        for r in shard_ranges(runs, shards)
    ]
    return merge(client.gather(futures))


def evaluate_relays(
    client: Any,
    net: Network,
    relays: Sequence[Any],
    model: Optional[Model] = None,
    *,
    runs: int = 10_000,
    seed: int = 0,
    shards: Optional[int] = None,
) -> SpreadStats:
    """The Monte Carlo evaluation :func:`reseau.select_relays` makes of ``relays`` (with the
    same ``model``, ``evaluation_runs=runs`` and ``seed``), on the workers of ``client``:
    equal to the selection's ``spread``. With ``select_relays(..., evaluation_runs=0)`` on one
    machine and this on a cluster, the long part runs where the cores are.
    """
    summary = simulate(
        client, net, list(relays), model, runs=runs, seed=relay_evaluation_seed(seed),
        shards=shards,
    )
    return summary.total
