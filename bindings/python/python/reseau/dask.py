"""Monte Carlo and relay selection on a Dask cluster: the same numbers as on one machine.

:func:`select_relays` runs :func:`reseau.select_relays`'s OPIM-C with its RR sets sampled on
the workers, in shards that stay there across rounds (Dask actors); :func:`simulate` splits the runs of :func:`reseau.simulate` into shards
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

from ._core import Network, _RelayDriver, _RelayShard, relay_evaluation_seed
from ._core import simulate as _simulate
from ._results import CascadeSummary, RelaySelection, SpreadStats
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


class _Shard:
    """One shard of :func:`select_relays`, living on a worker as a Dask actor: its RR sets
    stay there across rounds, and each call answers with integers (numpy arrays)."""

    def __init__(self, net: bytes, shards: Any, index: int, k: Any, kwargs: "dict[str, Any]"):
        self._shard = _RelayShard(net, shards, index, k, **kwargs)

    def sample(self, theta: int) -> "tuple[int, int]":
        return self._shard.sample(theta)  # type: ignore[no-any-return]

    def counts(self) -> Any:
        return self._shard.counts()

    def add(self, person: int) -> Any:
        return self._shard.add(person)

    def covered(self, relays: "list[int]") -> int:
        return self._shard.covered(relays)  # type: ignore[no-any-return]


def select_relays(
    client: Any,
    net: Network,
    k: Optional[int] = None,
    *,
    shards: Any = None,
    evaluation_shards: Optional[int] = None,
    **kwargs: Any,
) -> RelaySelection:
    """:func:`reseau.select_relays` with OPIM-C (``method="opim_c"``, here the default and
    the one method supported, choosing ``k`` relays) on the workers of the Dask ``client``:
    exactly the one-machine selection for the same keyword arguments, whatever the shards.

    The RR sets are drawn in ``shards`` shards (a number, default one per worker thread, or
    each shard's weight: ``[2, 1]`` deals two blocks of sets to the first shard for one to the
    second), each a Dask actor placed on the workers in turn, where its sets stay across
    OPIM-C's rounds. Actors rather than futures: a shard's state changes at every step, and
    an actor's method call goes from the client straight to its worker, without a task
    through the scheduler, so one greedy step costs one round trip. Per greedy step the client sends one person's id and receives, from each
    shard, the counts that fell (numpy arrays); the driver on the client sums them and
    chooses as one machine does. The Monte Carlo evaluation then runs on the cluster too
    (:func:`evaluate_relays`, in ``evaluation_shards`` pieces).

    Other methods, a ``budget`` or ``max_memory`` raise :class:`reseau.InvalidParameterError`
    naming what is supported. It gains where drawing the RR sets dominates (large sets) and
    loses where they are tiny and the round trips dominate (``docs/performance/dask.md``).
    """
    kwargs.setdefault("method", "opim_c")
    if shards is None:
        shards = max(1, sum(client.nthreads().values()))
    # The driver checks every argument before anything is sent to the cluster.
    driver = _RelayDriver(net, shards, k, **kwargs)
    count = driver.num_shards()
    workers = sorted(client.scheduler_info()["workers"])
    # The network's binary form (Network.to_bytes): a fraction of its pickle, read at once.
    remote_net = client.scatter(net.to_bytes(), broadcast=True)
    futures = [
        client.submit(_Shard, remote_net, shards, i, k, kwargs, actor=True,
                      workers=[workers[i % len(workers)]], pure=False)
        for i in range(count)
    ]
    actors = [f.result() for f in futures]

    def each(method: str, *args: Any) -> "list[Any]":
        calls = [getattr(a, method)(*args) for a in actors]
        return [c.result() for c in calls]

    while True:
        need = driver.need()
        if need[0] == "sample":
            driver.sampled(each("sample", need[1]))
        elif need[0] == "counts":
            driver.counted(each("counts"))
        elif need[0] == "add":
            driver.added(each("add", need[1]))
        elif need[0] == "covered":
            driver.covered(each("covered", list(need[1])))
        else:
            break
    del actors, futures
    runs, seed = driver.evaluation()
    spread = None
    if runs > 0:
        model = kwargs.get("evaluation_model")
        if model is None:
            model = kwargs.get("model")
        relays = driver.relays()
        spread = simulate(client, net, relays, model, runs=runs, seed=seed,
                          shards=evaluation_shards).total
    return driver.selection(spread)  # type: ignore[no-any-return]
