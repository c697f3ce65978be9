"""Monte Carlo on a real Dask cluster (a scheduler and two worker processes on loopback)
gives exactly the one-machine numbers.

Every test, and the cluster's start, is bounded (``bounded``): a stuck worker or actor fails
the test with ``TimeoutError`` rather than hanging the suite (CI runs it in the background,
where SIGINT is ignored). The calls take ``timeout=`` too, for their waits on the workers.
"""

from __future__ import annotations

import contextlib
import signal

import pytest

import reseau

distributed = pytest.importorskip(
    "distributed", reason="dask.distributed is not installed (pip install 'reseau[dask]')"
)
import reseau.dask  # noqa: E402

#: The seconds a test (or the cluster's start) may take; the calls' own bound is below it.
BOUND = 240
#: The seconds any one wait on the workers may take.
WAIT = 120


@contextlib.contextmanager
def bounded(seconds: int, what: str):
    """Raises ``TimeoutError`` in the main thread after ``seconds`` (SIGALRM)."""

    def expired(signum, frame):
        raise TimeoutError(f"{what} took more than {seconds} s (a stuck worker or actor?)")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(autouse=True)
def each_test_bounded(request):
    with bounded(BOUND, request.node.name):
        yield


@pytest.fixture(scope="module")
def client():
    with bounded(BOUND, "starting the LocalCluster"):
        cluster = distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            worker_dashboard_address=None,
        )
        client = distributed.Client(cluster, timeout=WAIT)
    with cluster, client:
        yield client


def test_simulate_on_the_cluster_equals_one_machine(client):
    net = reseau.datasets.aarhus_cs()
    model = reseau.IndependentCascade(0.1, layers={"lunch": {"multiplier": 2.0}})
    here = reseau.simulate(net, ["U4", "U33"], model, runs=5000, seed=7)
    there = reseau.dask.simulate(client, net, ["U4", "U33"], model, runs=5000, seed=7, shards=5,
                                  timeout=WAIT)
    assert there.to_dict() == here.to_dict()
    # The shards really ran on the workers.
    workers = client.run(lambda: __import__("os").getpid())
    assert len(set(workers.values())) == 2


def test_relay_evaluation_on_the_cluster_equals_select_relays(client):
    net = reseau.datasets.aarhus_cs()
    model = reseau.IndependentCascade(0.05)
    chosen = reseau.select_relays(net, k=4, model=model, evaluation_runs=3000, seed=3)
    spread = reseau.dask.evaluate_relays(client, net, chosen.relays, model, runs=3000, seed=3,
                                         timeout=WAIT)
    assert chosen.spread is not None
    assert spread.to_dict() == chosen.spread.to_dict()


@pytest.mark.parametrize("shards", [2, [2, 1, 3]])
def test_relay_selection_on_the_cluster_equals_select_relays(client, shards):
    net = reseau.generators.barabasi_albert(n=2000, m=3, seed=4)
    model = reseau.IndependentCascade(0.05)
    kwargs = dict(k=5, model=model, method="opim_c", epsilon=0.2, evaluation_runs=2000, seed=11)
    here = reseau.select_relays(net, **kwargs)
    there = reseau.dask.select_relays(client, net, shards=shards, timeout=WAIT, **kwargs)
    assert there.to_dict() == here.to_dict()
    assert there.approximation is not None
    assert there.approximation >= 1 - 1 / 2.718281828459045 - 0.2 - 1e-12


def test_relay_selection_on_the_cluster_refuses_what_it_does_not_run(client):
    net = reseau.datasets.aarhus_cs()
    with pytest.raises(reseau.InvalidParameterError, match="opim_c"):
        reseau.dask.select_relays(client, net, k=3, method="imm")
    with pytest.raises(reseau.InvalidParameterError, match="k relays"):
        reseau.dask.select_relays(client, net, budget=3.0)
    with pytest.raises(reseau.InvalidParameterError, match="k"):
        reseau.dask.select_relays(client, net, k=10**6)
    with pytest.raises(reseau.InvalidParameterError, match="shards"):
        reseau.dask.select_relays(client, net, k=3, shards=0)
    with pytest.raises(reseau.InvalidParameterError, match="weight of shard 1"):
        reseau.dask.select_relays(client, net, k=3, shards=[1, 0])
    with pytest.raises(reseau.InvalidParameterError, match="epsilon"):
        reseau.dask.select_relays(client, net, k=3, epsilon=2.0)


def kept(client):
    """The keys of the networks each worker keeps."""
    return client.run(lambda: list(__import__("reseau.dask").dask._networks))


def test_the_network_is_sent_once_and_kept_on_the_workers(client):
    net = reseau.generators.barabasi_albert(n=500, m=2, seed=9)
    model = reseau.IndependentCascade(0.1)
    kwargs = dict(k=3, model=model, epsilon=0.3, evaluation_runs=500, seed=2, timeout=WAIT)
    first = reseau.dask.select_relays(client, net, **kwargs)
    keys = kept(client)
    assert len(keys) == 2 and all(k == next(iter(keys.values())) for k in keys.values())
    key = next(iter(keys.values()))[-1]
    # A second call on the same network sends nothing: the workers' networks are the very
    # objects the first call left there (their ids unchanged).
    ids = client.run(lambda: id(__import__("reseau.dask").dask._networks[key]))
    again = reseau.dask.select_relays(client, net, **kwargs)
    assert again.to_dict() == first.to_dict()
    assert client.run(lambda: id(__import__("reseau.dask").dask._networks[key])) == ids
    # An equal network built anew has the same key; a changed one a new key.
    same = reseau.generators.barabasi_albert(n=500, m=2, seed=9)
    reseau.dask.simulate(client, same, [0], model, runs=100, timeout=WAIT)
    assert kept(client) == keys
    changed = same.copy()
    changed.add_person(label="newcomer")
    reseau.dask.simulate(client, changed, [0], model, runs=100, timeout=WAIT)
    after = kept(client)
    assert all(len(v) == 2 and v[0] == key and v[1] != key for v in after.values())
    # Each worker keeps the last KEPT_NETWORKS networks.
    for n in (501, 502, 503):
        other = reseau.generators.barabasi_albert(n=n, m=2, seed=9)
        reseau.dask.simulate(client, other, [0], model, runs=50, timeout=WAIT)
    assert all(len(v) == reseau.dask.KEPT_NETWORKS and key not in v for v in kept(client).values())
    # ... and gets a network again when it was let go.
    assert reseau.dask.select_relays(client, net, **kwargs).to_dict() == first.to_dict()
