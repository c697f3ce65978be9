"""Monte Carlo and relay selection on a Dask cluster: the same numbers as on one machine.

:func:`select_relays` runs :func:`reseau.select_relays`'s OPIM-C with its RR sets sampled on
the workers, in shards that stay there across rounds (Dask actors); :func:`simulate` splits the
runs of :func:`reseau.simulate` into shards (:func:`reseau.shard_ranges`), runs them on the
cluster's workers and merges them (:func:`reseau.merge`); :func:`evaluate_relays` does the same
for the Monte Carlo evaluation of :func:`reseau.select_relays`. Both return exactly what one
machine computes: runs draw from streams derived from ``(seed, run)`` and are tallied with
integer sums.

The network goes to each worker once, in its binary form (:meth:`reseau.Network.to_bytes`),
and stays there, known by a hash of those bytes: a later call on the same network (unchanged)
sends nothing. Each worker keeps the last ``KEPT_NETWORKS`` networks it was sent.

Point them at any ``distributed.Client``; a laptop's is ``Client(LocalCluster())``. Needs
``pip install "reseau[dask]"``. Every function takes ``timeout``: the seconds any one wait
on the workers may last before ``TimeoutError`` (default: no bound).

>>> import reseau, reseau.dask                                       # doctest: +SKIP
>>> from distributed import Client, LocalCluster                     # doctest: +SKIP
>>> client = Client(LocalCluster(n_workers=2, threads_per_worker=1))  # doctest: +SKIP
>>> s = reseau.dask.simulate(client, reseau.datasets.aarhus_cs(), ["U4"], runs=10**6)  # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from typing import Any, Callable, Dict, List, Optional, Sequence

from ._core import Network, _RelayDriver, _RelayShard, relay_evaluation_seed
from ._core import simulate as _simulate
from ._results import CascadeSummary, RelaySelection, SpreadStats
from ._values import Model
from ._shard import merge, shard_ranges

#: The networks each worker keeps between calls (the most recently used).
KEPT_NETWORKS = 2

# On each worker: the networks it was sent, by key, least recently used first.
_networks: "OrderedDict[str, Network]" = OrderedDict()
_networks_lock = threading.Lock()


def _has_network(key: str) -> bool:
    with _networks_lock:
        return key in _networks


def _keep_network(key: str, data: bytes) -> None:
    # A network read from bytes is its compiled view: the editable form is made only if asked.
    net = Network.from_bytes(data)
    with _networks_lock:
        _networks[key] = net
        _networks.move_to_end(key)
        while len(_networks) > KEPT_NETWORKS:
            _networks.popitem(last=False)


def _kept_network(key: str) -> Network:
    with _networks_lock:
        net = _networks.get(key)
        if net is None:
            raise KeyError(f"network {key} is not on this worker (restarted, or more than "
                           f"{KEPT_NETWORKS} networks sent since): call again")
        _networks.move_to_end(key)
        return net


def _send_network(client: Any, net: Network) -> "tuple[str, List[str]]":
    """The key of ``net`` on the workers, sent to those that lack it; and the workers."""
    data = net.to_bytes()
    key = "reseau-network-" + hashlib.blake2b(data, digest_size=16).hexdigest()
    have = client.run(_has_network, key)
    missing = sorted(w for w, kept in have.items() if not kept)
    if missing:
        client.run(_keep_network, key, data, workers=missing)
    return key, sorted(have)


def _shard(key: str, seeds: Any, model: Optional[Model], seed: int, bad_seeds: Any,
           run_range: "tuple[int, int]") -> Any:
    return _simulate(_kept_network(key), seeds, model, seed=seed, bad_seeds=bad_seeds,
                     run_range=run_range)


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
    timeout: Optional[float] = None,
) -> CascadeSummary:
    """:func:`reseau.simulate` on the workers of the Dask ``client``, in ``shards`` pieces
    (default: twice the workers' threads); the summary is exactly the one-machine summary.
    """
    from distributed import wait

    if shards is None:
        shards = 2 * max(1, sum(client.nthreads().values()))
    key, workers = _send_network(client, net)
    futures = [
        client.submit(_shard, key, seeds, model, seed, bad_seeds, r, pure=False,
                      workers=workers)
        for r in shard_ranges(runs, shards)
    ]
    wait(futures, timeout=timeout)
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
    timeout: Optional[float] = None,
) -> SpreadStats:
    """The Monte Carlo evaluation :func:`reseau.select_relays` makes of ``relays`` (with the
    same ``model``, ``evaluation_runs=runs`` and ``seed``), on the workers of ``client``:
    equal to the selection's ``spread``. With ``select_relays(..., evaluation_runs=0)`` on one
    machine and this on a cluster, the long part runs where the cores are.
    """
    summary = simulate(
        client, net, list(relays), model, runs=runs, seed=relay_evaluation_seed(seed),
        shards=shards, timeout=timeout,
    )
    return summary.total


class _Shard:
    """One shard of :func:`select_relays`, living on a worker as a Dask actor: its RR sets
    stay there across rounds, and each call answers with integers (numpy arrays)."""

    def __init__(self, key: str, shards: Any, index: int, k: Any, kwargs: Dict[str, Any]):
        self._shard = _RelayShard(_kept_network(key), shards, index, k, **kwargs)

    def sample(self, theta: int) -> "tuple[int, int]":
        return self._shard.sample(theta)  # type: ignore[no-any-return]

    def counts(self) -> Any:
        return self._shard.counts()

    def add(self, person: int) -> Any:
        return self._shard.add(person)

    def covered(self, relays: "list[int]") -> int:
        return self._shard.covered(relays)  # type: ignore[no-any-return]

    # Two answers in one round trip where the driver's next need is certain: the counts
    # always follow the sample, and the round's check follows the k-th person.

    def sample_counts(self, theta: int) -> "tuple[tuple[int, int], Any]":
        return self._shard.sample(theta), self._shard.counts()

    def add_covered(self, person: int, relays: "list[int]") -> "tuple[Any, int]":
        return self._shard.add(person), self._shard.covered(relays)


def _each(actors: "list[Any]", timeout: Optional[float]) -> Callable[..., "list[Any]"]:
    """``each(method, *args)``: every actor's answer to one call, made at once: one round
    trip."""

    def each(method: str, *args: Any) -> "list[Any]":
        calls = [getattr(a, method)(*args) for a in actors]
        return [c.result(timeout=timeout) for c in calls]

    return each


def _drive(driver: Any, each: Callable[..., "list[Any]"], k: int) -> None:
    """Answers the driver's needs from the shards (``each``, from :func:`_each`) until the
    selection is made. Where the need after next is certain, one call answers both
    (``_Shard.sample_counts``, ``_Shard.add_covered``); the driver still takes each answer
    in turn, so the selection is the one the plain sequence of needs makes.
    """
    chosen: "list[int]" = []
    while True:
        need = driver.need()
        if need[0] == "sample":
            answers = each("sample_counts", need[1])
            driver.sampled([sizes for sizes, _ in answers])
            driver.counted([counts for _, counts in answers])
            chosen = []
        elif need[0] == "add":
            chosen.append(need[1])
            if len(chosen) < k:
                driver.added(each("add", need[1]))
                continue
            answers = each("add_covered", need[1], chosen)
            driver.added([drops for drops, _ in answers])
            if driver.need() == ("covered", chosen):
                driver.covered([covered for _, covered in answers])
        elif need[0] == "counts":  # not reached: sample_counts answers it
            driver.counted(each("counts"))
            chosen = []
        elif need[0] == "covered":
            driver.covered(each("covered", list(need[1])))
        else:
            return


def select_relays(
    client: Any,
    net: Network,
    k: Optional[int] = None,
    *,
    shards: Any = None,
    evaluation_shards: Optional[int] = None,
    timeout: Optional[float] = None,
    **kwargs: Any,
) -> RelaySelection:
    """:func:`reseau.select_relays` with OPIM-C (``method="opim_c"``, here the default and
    the one method supported, choosing ``k`` relays) on the workers of the Dask ``client``:
    exactly the one-machine selection for the same keyword arguments, whatever the shards.

    The RR sets are drawn in ``shards`` shards (a number, default one per worker thread, or
    each shard's weight: ``[2, 1]`` deals two blocks of sets to the first shard for one to the
    second), each a Dask actor placed on the workers in turn, where its sets and its
    live-edge graph stay across OPIM-C's rounds. Actors rather than futures: a shard's state
    changes at every step, and an actor's method call goes from the client straight to its
    worker, without a task through the scheduler, so one greedy step costs one round trip.
    Per greedy step the client sends one person's id and receives, from each shard, the
    counts that fell (numpy arrays); the driver on the client sums them and chooses as one
    machine does. The shards' counts come back with their sample and the round's check with
    the k-th person: k + 1 round trips per OPIM-C round. The Monte Carlo evaluation then runs on the cluster too (:func:`simulate`
    of the evaluation the driver names, in ``evaluation_shards`` pieces).

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
    key, workers = _send_network(client, net)
    futures = [
        client.submit(_Shard, key, shards, i, k, kwargs, actor=True,
                      workers=[workers[i % len(workers)]], pure=False)
        for i in range(count)
    ]
    actors = [f.result(timeout=timeout) for f in futures]
    _drive(driver, _each(actors, timeout), k or 0)
    del actors, futures
    spread = None
    evaluation = driver.evaluation()
    if evaluation is not None:
        relays, model, runs, seed = evaluation
        spread = simulate(client, net, relays, model, runs=runs, seed=seed,
                          shards=evaluation_shards, timeout=timeout).total
    return driver.selection(spread)  # type: ignore[no-any-return]
