"""Every generator: keyword arguments, reproducible for a seed, validated."""

from __future__ import annotations

import math

import numpy as np
import pytest

import reseau
from reseau import generators

CASES = {
    "erdos_renyi": dict(n=500, mean_degree=4.0),
    "barabasi_albert": dict(n=500, m=3),
    "watts_strogatz": dict(n=500, k=6, beta=0.2),
    "kleinberg": dict(side=20, r=2.0, long_range=2),
    "stochastic_block": dict(sizes=[100, 150, 250], probabilities=[[0.1, 0.01, 0.0], [0.01, 0.05, 0.01], [0.0, 0.01, 0.02]]),
    "professional": dict(people=300, digital_layers=["linkedin", "twitter"]),
}


def same_ties(a: reseau.Network, b: reseau.Network) -> bool:
    ta, tb = a.ties(), b.ties()
    return all(np.array_equal(ta[k], tb[k], equal_nan=ta[k].dtype.kind == "f") for k in ta)


@pytest.mark.parametrize("name", sorted(CASES))
def test_seed_reproducibility(name):
    make = getattr(generators, name)
    kwargs = CASES[name]
    a, b = make(**kwargs, seed=42), make(**kwargs, seed=42)
    assert a.num_ties > 0
    assert same_ties(a, b)
    assert a.to_json() == b.to_json()
    c = make(**kwargs, seed=43)
    assert not same_ties(a, c)
    assert same_ties(make(**kwargs), make(**kwargs, seed=0))  # the default seed is 0


def test_shapes():
    er = generators.erdos_renyi(n=2000, mean_degree=6.0, seed=1)
    assert er.num_people == 2000 and abs(er.num_ties / 2000 * 2 - 6.0) < 0.5
    ba = generators.barabasi_albert(n=1000, m=2, seed=1)
    assert ba.degrees().max() > 5 * 2
    ws = generators.watts_strogatz(n=100, k=4, beta=0.0, seed=1)
    assert ws.num_ties == 200 and set(ws.degrees().tolist()) == {4}
    kl = generators.kleinberg(side=10, r=2.0, seed=1)
    assert kl.num_people == 100 and kl.layers[0].directed
    assert kl.person(0)["position"] == [0.0, 0.0]
    sbm = generators.stochastic_block(sizes=[10, 20], probabilities=[[1.0, 0.0], [0.0, 0.0]], seed=1)
    assert sbm.num_ties == 45 and sorted(map(len, sbm.groups().values())) == [10, 20]
    pro = generators.professional(people=200, seed=1)
    kinds = {l.kind for l in pro.layers}
    assert kinds == {"physical", "digital"} and pro.num_people == 200
    assert len(pro.groups()) == 10


def test_bad_parameters():
    with pytest.raises(reseau.InvalidParameterError) as info:
        generators.erdos_renyi(n=10, mean_degree=-1.0)
    assert info.value.name == "mean_degree"
    with pytest.raises(reseau.InvalidParameterError):
        generators.erdos_renyi(n=10, mean_degree=math.nan)
    with pytest.raises(reseau.InvalidParameterError):
        generators.erdos_renyi(n=10, mean_degree=100.0)
    with pytest.raises(reseau.InvalidParameterError):
        generators.erdos_renyi(n=2**40, mean_degree=1.0)
    with pytest.raises(reseau.InvalidParameterError):
        generators.watts_strogatz(n=10, k=4, beta=1.5)
    with pytest.raises(reseau.InvalidParameterError):
        generators.kleinberg(side=10, r=math.inf)
    with pytest.raises(reseau.InvalidParameterError):
        generators.stochastic_block(sizes=[2, 2], probabilities=[[0.5]])
    with pytest.raises(reseau.InvalidParameterError):
        generators.stochastic_block(sizes=[2, 2], probabilities=[[0.5, 2.0], [2.0, 0.5]])
    with pytest.raises(reseau.InvalidParameterError) as info:
        generators.professional(peeple=10)
    assert "peeple" in str(info.value)
    with pytest.raises(reseau.InvalidParameterError):
        generators.professional(overlap=1.5)
    with pytest.raises(reseau.InvalidParameterError):
        generators.professional(exponent=math.nan)
    with pytest.raises(TypeError):
        generators.erdos_renyi(100, 4.0)  # keyword arguments only
    with pytest.raises(TypeError):
        generators.erdos_renyi(n=100)
    with pytest.raises(reseau.InvalidParameterError) as info:  # not an OverflowError
        generators.erdos_renyi(n=-1, mean_degree=1.0)
    assert info.value.name == "n"


def test_numpy_arguments():
    a = generators.stochastic_block(sizes=np.array([10, 20]), probabilities=np.eye(2) * 0.5, seed=3)
    b = generators.stochastic_block(sizes=[10, 20], probabilities=[[0.5, 0.0], [0.0, 0.5]], seed=3)
    assert same_ties(a, b)
    c = generators.erdos_renyi(n=np.int64(100), mean_degree=np.float64(3.0), seed=np.uint64(2))
    assert same_ties(c, generators.erdos_renyi(n=100, mean_degree=3.0, seed=2))
    d = generators.professional(people=np.int32(100), digital_layers=np.array(["x", "y"]), seed=1)
    assert [l.name for l in d.layers] == ["office", "x", "y"]


def test_barabasi_albert_compiled_is_the_same_network_frozen():
    # Built straight as the compiled view: frozen until its people or ties are asked for,
    # the very network barabasi_albert gives for the same arguments (same cascades, same ties).
    kwargs = dict(n=2000, m=3, seed=5)
    frozen, editable = generators.barabasi_albert_compiled(**kwargs), generators.barabasi_albert(**kwargs)
    assert frozen.is_frozen and not editable.is_frozen
    assert (frozen.num_people, frozen.num_ties) == (editable.num_people, editable.num_ties)
    a = reseau.simulate(frozen, [0, 7, 1999], runs=200, seed=3)
    b = reseau.simulate(editable, [0, 7, 1999], runs=200, seed=3)
    assert frozen.is_frozen  # counts and analyses need no editable form
    assert a.mean == b.mean and np.array_equal(a.activation, b.activation)
    assert np.array_equal(frozen.degrees(), editable.degrees())
    assert not frozen.is_frozen  # made when asked about its ties
    # The same ties, in the compiled view's order rather than the generator's.
    assert tie_set(frozen) == tie_set(editable)
    assert tie_set(frozen) != tie_set(generators.barabasi_albert_compiled(n=2000, m=3, seed=6))


def tie_set(net: reseau.Network) -> set:
    t = net.ties()
    return {(min(a, b), max(a, b)) for a, b in zip(t["source"].tolist(), t["target"].tolist())}


def test_barabasi_albert_compiled_checks_its_arguments():
    with pytest.raises(reseau.InvalidParameterError):
        generators.barabasi_albert_compiled(n=3, m=5)
    with pytest.raises(reseau.InvalidParameterError):
        generators.barabasi_albert_compiled(n=10, m=-2)
    with pytest.raises(reseau.InvalidParameterError) as info:
        generators.barabasi_albert_compiled(n=10, m=2, people=3)
    assert "people" in str(info.value)


def test_is_frozen_follows_loading_and_editing():
    net = reseau.datasets.aarhus_cs()
    assert not net.is_frozen
    loaded = reseau.Network.from_bytes(net.to_bytes())
    assert loaded.is_frozen and loaded.num_people == 61 and loaded.is_frozen
    loaded.add_people(1)
    assert not loaded.is_frozen and loaded.num_people == 62
