"""Monte Carlo on a real Dask cluster (a scheduler and two worker processes on loopback)
gives exactly the one-machine numbers."""

from __future__ import annotations

import pytest

import reseau

distributed = pytest.importorskip(
    "distributed", reason="dask.distributed is not installed (pip install 'reseau[dask]')"
)
import reseau.dask  # noqa: E402


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        worker_dashboard_address=None,
    )
    with cluster, distributed.Client(cluster) as client:
        yield client


def test_simulate_on_the_cluster_equals_one_machine(client):
    net = reseau.datasets.aarhus_cs()
    model = reseau.IndependentCascade(0.1, layers={"lunch": {"multiplier": 2.0}})
    here = reseau.simulate(net, ["U4", "U33"], model, runs=5000, seed=7)
    there = reseau.dask.simulate(client, net, ["U4", "U33"], model, runs=5000, seed=7, shards=5)
    assert there.to_dict() == here.to_dict()
    # The shards really ran on the workers.
    workers = client.run(lambda: __import__("os").getpid())
    assert len(set(workers.values())) == 2


def test_relay_evaluation_on_the_cluster_equals_select_relays(client):
    net = reseau.datasets.aarhus_cs()
    model = reseau.IndependentCascade(0.05)
    chosen = reseau.select_relays(net, k=4, model=model, evaluation_runs=3000, seed=3)
    spread = reseau.dask.evaluate_relays(client, net, chosen.relays, model, runs=3000, seed=3)
    assert chosen.spread is not None
    assert spread.to_dict() == chosen.spread.to_dict()


@pytest.mark.parametrize("shards", [2, [2, 1, 3]])
def test_relay_selection_on_the_cluster_equals_select_relays(client, shards):
    net = reseau.generators.barabasi_albert(n=2000, m=3, seed=4)
    model = reseau.IndependentCascade(0.05)
    kwargs = dict(k=5, model=model, method="opim_c", epsilon=0.2, evaluation_runs=2000, seed=11)
    here = reseau.select_relays(net, **kwargs)
    there = reseau.dask.select_relays(client, net, shards=shards, **kwargs)
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
