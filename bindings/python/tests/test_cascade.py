"""Cascades from Python: the models, simulate, trace and exact_spread, checked against exact
results (the k-ary tree formula, live-edge enumeration), and every bad parameter mapped to
its exception."""

from __future__ import annotations

import itertools
import math
import multiprocessing
import pickle
import threading
import time

import numpy as np
import pytest

import reseau

from helpers import stall_share


# ----- networks -----


def aarhus() -> reseau.Network:
    return reseau.datasets.aarhus_cs()


def kary_tree(k: int, depth: int) -> reseau.Network:
    """A complete k-ary tree of the given depth, ties pointing away from the root (person 0)."""
    net = reseau.Network()
    net.add_layer("tree", directed=True)
    n = (k ** (depth + 1) - 1) // (k - 1)
    net.add_people(n)
    for child in range(1, n):
        net.add_tie((child - 1) // k, child, "tree")
    return net


def small_multiplex() -> reseau.Network:
    """Six people, two layers with their own probabilities, 16 directed ties: small enough
    for exact enumeration."""
    net = reseau.Network()
    net.add_layer("lunch", probability=0.4)
    net.add_layer("chat", kind="digital", directed=True, probability=0.25)
    net.add_people(6)
    for a, b in [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5)]:
        net.add_tie(a, b, "lunch")
    for a, b in [(0, 3), (1, 4), (2, 5), (5, 0), (4, 1), (0, 2)]:
        net.add_tie(a, b, "chat")
    return net


def race() -> reseau.Network:
    """0 → 1 by a slow physical tie (latency 3), and 0 → 2 → 1 by a fast digital path."""
    net = reseau.Network()
    net.add_layer("office", kind="physical", directed=True, probability=1.0, latency=3)
    net.add_layer("chat", kind="digital", directed=True, probability=1.0, latency=1)
    net.add_people(3)
    net.add_tie(0, 1, "office")
    net.add_tie(0, 2, "chat")
    net.add_tie(2, 1, "chat")
    return net


# ----- the issue's shape -----


def test_issue_shape_verbatim():
    net, seeds = aarhus(), [0, 1]
    summary = reseau.simulate(
        net, seeds, model=reseau.IndependentCascade(probability=0.1), runs=1000, seed=7
    )
    assert isinstance(summary, reseau.CascadeSummary)
    assert summary.runs == 1000
    assert summary.std > 0
    low, high = summary.ci95
    assert low < summary.mean < high
    half = 1.96 * summary.std / math.sqrt(1000)
    assert high - low == pytest.approx(2 * half)
    for array in (summary.activation, summary.by_step, summary.good.activation):
        assert isinstance(array, np.ndarray) and array.dtype == np.float64
    assert summary.activation.shape == (61,)
    assert summary.activation[0] == summary.activation[1] == 1.0
    assert summary.by_step[0] == 2.0 and summary.by_step[-1] == summary.mean
    assert np.all(np.diff(summary.by_step) >= 0)
    names = [layer.name for layer in net.layers]
    assert list(summary.by_layer) == names == summary.layer_names
    assert list(summary.layer_shares) == names
    assert sum(summary.layer_shares.values()) == pytest.approx(1.0)
    # Seeds are not carried by any layer.
    assert sum(summary.by_layer.values()) == pytest.approx(summary.mean - 2)
    # One campaign: everything is good buzz.
    assert summary.good.mean == summary.mean and summary.bad.mean == 0
    assert summary.total.to_dict() == summary.good.to_dict()


def test_same_seed_same_summary_and_default_model():
    net = aarhus()
    a = reseau.simulate(net, [0], runs=300, seed=5)
    b = reseau.simulate(net, [0], model=reseau.IndependentCascade(), runs=300, seed=5)
    c = reseau.simulate(net, [0], model=reseau.IndependentCascade(), runs=300, seed=6)
    assert a.to_dict() == b.to_dict()
    assert a.to_dict() != c.to_dict()


def test_every_model_runs():
    net = aarhus()
    for model in (
        reseau.IndependentCascade(0.2),
        reseau.WeightedCascade(),
        reseau.LinearThreshold(),
        reseau.LinearThreshold(thresholds=np.full(61, 0.3)),
    ):
        s = reseau.simulate(net, ["U4"], model, runs=200, seed=1)
        assert 1 <= s.mean <= 61
        t = reseau.trace(net, ["U4"], model, seed=1)
        assert 1 <= t.spread <= 61


# ----- against exact results -----


@pytest.mark.parametrize("k, p, depth", [(2, 0.4, 6), (3, 0.3, 5), (4, 0.3, 4)])
def test_kary_tree_formula(k, p, depth):
    net = kary_tree(k, depth)
    runs = 20_000
    s = reseau.simulate(net, [0], reseau.IndependentCascade(p), runs=runs, seed=11)
    exact = sum((k * p) ** d for d in range(depth + 1))
    error = s.std / math.sqrt(runs)
    assert abs(s.mean - exact) < 4 * error, (s.mean, exact, error)
    # Level d is reached (cumulatively) by step d.
    expected_by_step = np.cumsum([(k * p) ** d for d in range(depth + 1)])
    assert len(s.by_step) <= depth + 1
    assert abs(s.by_step[-1] - expected_by_step[-1]) < 4 * error


@pytest.mark.parametrize(
    "model",
    [
        reseau.IndependentCascade(0.3),
        reseau.IndependentCascade(0.3, layers={"lunch": {"multiplier": 1.5}}),
        reseau.WeightedCascade(),
        reseau.LinearThreshold(),
    ],
    ids=["ic", "ic-multiplier", "wc", "lt"],
)
def test_simulate_agrees_with_exact_spread(model):
    net = small_multiplex()
    exact = reseau.exact_spread(net, [0], model)
    s = reseau.simulate(net, [0], model, runs=40_000, seed=3)
    low, high = s.ci95
    assert low <= exact <= high, (exact, s.mean, s.ci95)


def test_exact_spread_known_value():
    net = reseau.Network()
    net.add_layer("t", directed=True)
    net.add_people(3)
    net.add_tie(0, 1, "t")
    net.add_tie(0, 2, "t")
    assert reseau.exact_spread(net, [0], reseau.IndependentCascade(0.5)) == 2.0
    assert reseau.exact_spread(net, 0, reseau.IndependentCascade(1.0)) == 3.0
    assert reseau.exact_spread(net, [1, 2]) == 2.0


# ----- trace -----


@pytest.mark.parametrize(
    "model", [reseau.IndependentCascade(0.3), reseau.WeightedCascade(), reseau.LinearThreshold()]
)
@pytest.mark.parametrize("seed", [0, 1, 11])
def test_trace_is_run_zero_of_simulate(model, seed):
    net = aarhus()
    t = reseau.trace(net, [3, "U4"], model, seed=seed)
    s = reseau.simulate(net, [3, "U4"], model, runs=1, seed=seed)
    assert t.spread == s.mean
    assert np.array_equal(s.activation, (t.step >= 0).astype(np.float64))
    assert s.by_step[-1] == t.spread and len(s.by_step) == t.step.max() + 1


def test_trace_arrays():
    net = aarhus()
    t = reseau.trace(net, ["U4"], reseau.IndependentCascade(0.3), seed=2)
    for name in ("step", "parent", "layer", "valence"):
        array = getattr(t, name)
        assert array.dtype == np.int64 and array.shape == (61,), name
    assert t.order.dtype == np.uint32 and len(t.order) == t.spread
    reached = t.step >= 0
    assert reached.sum() == t.spread
    assert set(t.order.tolist()) == set(np.flatnonzero(reached).tolist())
    for array in (t.parent, t.layer, t.valence):
        assert np.all(array[~reached] == -1)
    seed = net.index_of("U4")
    assert (t.step[seed], t.parent[seed], t.layer[seed], t.valence[seed]) == (0, -1, -1, 0)
    # Everyone else was convinced by someone convinced earlier, through a tie of that layer.
    for v in t.order[1:].tolist():
        parent, layer = int(t.parent[v]), int(t.layer[v])
        assert t.step[parent] < t.step[v]
        assert v in net.neighbors(parent, t.layer_names[layer])
    # `order` is the order of conviction.
    assert np.all(np.diff(t.step[t.order]) >= 0)
    assert t.labels == net.labels and t.layer_names == [layer.name for layer in net.layers]


# ----- seeds -----


def test_labels_and_ids_as_seeds():
    net = aarhus()
    ids = [net.index_of("U4"), net.index_of("U33")]
    expected = reseau.simulate(net, ids, runs=200, seed=4).to_dict()
    for seeds in (
        ["U4", "U33"],
        [ids[0], "U33"],
        np.array(ids, dtype=np.int64),
        np.array(ids, dtype=np.uint32),
        [np.int32(ids[0]), np.uint64(ids[1])],
        (label for label in ["U4", "U33"]),
    ):
        assert reseau.simulate(net, seeds, runs=200, seed=4).to_dict() == expected
    one = reseau.simulate(net, [ids[0]], runs=50, seed=1).to_dict()
    assert reseau.simulate(net, "U4", runs=50, seed=1).to_dict() == one
    assert reseau.simulate(net, ids[0], runs=50, seed=1).to_dict() == one
    # Repeated seeds count once.
    assert reseau.simulate(net, ["U4", ids[0]], runs=50, seed=1).to_dict() == one


# ----- two campaigns, distrust, latency -----


def test_two_campaigns():
    net = reseau.Network()
    net.add_layer("line", probability=1.0)
    net.add_people(7)
    for a in range(6):
        net.add_tie(a, a + 1, "line")
    s = reseau.simulate(net, [0], bad_seeds=[6], runs=10, seed=1)
    assert s.mean == 7
    assert s.good.mean + s.bad.mean == s.mean
    assert s.good.seeds == 1 and s.bad.seeds == 1
    assert s.good.activation[:3].tolist() == [1, 1, 1]
    assert s.bad.activation[4:].tolist() == [1, 1, 1]
    # Both reach person 3 at step 3: bad buzz wins the tie (negativity bias).
    t = reseau.trace(net, [0], bad_seeds=[6], seed=1)
    assert t.valence.tolist() == [0, 0, 0, 1, 1, 1, 1]
    assert t.step.tolist() == [0, 1, 2, 3, 2, 1, 0]
    assert "good 3, bad 4" in repr(s)


def test_valence_multipliers():
    net = aarhus()
    silent = reseau.IndependentCascade(0.2, good_multiplier=0.0)
    s = reseau.simulate(net, [0], silent, bad_seeds=[1], runs=300, seed=2)
    assert s.good.mean == 1.0  # good buzz never leaves its seed
    assert s.good.mean + s.bad.mean == pytest.approx(s.mean)
    assert s.bad.mean > 1.0
    biased = reseau.IndependentCascade(0.05, bad_multiplier=3.0)
    fair = reseau.IndependentCascade(0.05)
    assert (
        reseau.simulate(net, [0], biased, bad_seeds=[1], runs=2000, seed=2).bad.mean
        > reseau.simulate(net, [0], fair, bad_seeds=[1], runs=2000, seed=2).bad.mean
    )


def test_distrust_blocks_or_inverts():
    net = reseau.Network()
    net.add_layer("trust", directed=True, probability=1.0)
    net.add_people(3)
    net.add_tie(0, 1, "trust")
    net.add_tie(1, 2, "trust", sign=-1)
    blocked = reseau.trace(net, [0], reseau.IndependentCascade(distrust="block"))
    assert blocked.step.tolist() == [0, 1, -1] and blocked.spread == 2
    inverted = reseau.trace(net, [0], reseau.IndependentCascade(distrust="invert"))
    assert inverted.step.tolist() == [0, 1, 2]
    assert inverted.valence.tolist() == [0, 0, 1]  # good buzz from a distrusted source is bad
    s = reseau.simulate(net, [0], reseau.IndependentCascade(distrust="invert"), runs=5)
    assert (s.good.mean, s.bad.mean) == (2.0, 1.0)
    with pytest.raises(reseau.InvalidParameterError):
        reseau.exact_spread(net, [0], reseau.IndependentCascade(distrust="invert"))


def test_latency_race():
    net = race()
    chat = net.layers.index(net.layer("chat"))
    office = net.layers.index(net.layer("office"))
    fast = reseau.trace(net, [0])
    # The digital path (two ties of latency 1) beats the physical tie (latency 3).
    assert fast.step.tolist() == [0, 2, 1]
    assert (fast.parent[1], fast.layer[1]) == (2, chat)
    assert reseau.simulate(net, [0], runs=3).by_step.tolist() == [1.0, 2.0, 3.0]
    # Slow the chat down (latency 2 per tie: 4 steps in all): the office tie wins.
    slow = reseau.trace(net, [0], reseau.IndependentCascade(layers={"chat": {"latency": 2}}))
    assert slow.step.tolist() == [0, 3, 2]
    assert (slow.parent[1], slow.layer[1]) == (0, office)
    # Switch the chat off: only the office tie is left.
    off = reseau.IndependentCascade(layers={"chat": reseau.LayerSettings(enabled=False)})
    assert reseau.trace(net, [0], off).step.tolist() == [0, 3, -1]
    assert reseau.simulate(net, [0], off, runs=2).by_step.tolist() == [1.0, 1.0, 1.0, 2.0]


def test_layer_settings_probability_and_multiplier():
    net = race()
    never = reseau.IndependentCascade(layers={"office": {"probability": 0.0}, "chat": {"multiplier": 0.0}})
    # The ties' layers have their own default probability (1.0): a layer setting replaces it.
    s = reseau.simulate(net, [0], never, runs=20, seed=1)
    assert s.mean == 1.0 and s.by_step.tolist() == [1.0]


# ----- bad parameters -----


def bad_calls():
    net = aarhus()
    IC = reseau.IndependentCascade
    yield "probability 1.5", reseau.InvalidParameterError, lambda: IC(probability=1.5)
    yield "probability -0.1", reseau.InvalidParameterError, lambda: IC(-0.1)
    yield "probability NaN", reseau.InvalidParameterError, lambda: IC(probability=float("nan"))
    yield "probability inf", reseau.InvalidParameterError, lambda: IC(probability=float("inf"))
    yield "probability text", reseau.InvalidParameterError, lambda: IC(probability="high")
    yield "unknown seed id", reseau.UnknownPersonError, lambda: reseau.simulate(net, [61])
    yield "negative seed id", reseau.UnknownPersonError, lambda: reseau.simulate(net, [-1])
    yield "huge seed id", reseau.UnknownPersonError, lambda: reseau.simulate(net, [10**30])
    yield "unknown label", reseau.UnknownPersonError, lambda: reseau.simulate(net, ["nobody"])
    yield "unknown bad seed", reseau.UnknownPersonError, lambda: reseau.trace(
        net, [0], bad_seeds=["nobody"]
    )
    yield "unknown layer", reseau.UnknownLayerError, lambda: reseau.simulate(
        net, [0], IC(layers={"dinner": {"multiplier": 2.0}})
    )
    yield "unknown layer (exact)", reseau.UnknownLayerError, lambda: reseau.exact_spread(
        net, [0], IC(layers={"dinner": reseau.LayerSettings()})
    )
    yield "unknown settings key", reseau.InvalidParameterError, lambda: IC(
        layers={"lunch": {"multiplyer": 2.0}}
    )
    yield "layer probability", reseau.InvalidParameterError, lambda: IC(
        layers={"lunch": {"probability": 2.0}}
    )
    yield "layer latency 0", reseau.InvalidParameterError, lambda: IC(layers={"lunch": {"latency": 0}})
    yield "layer latency -1", reseau.InvalidParameterError, lambda: reseau.LayerSettings(latency=-1)
    yield "layer multiplier", reseau.InvalidParameterError, lambda: reseau.LayerSettings(multiplier=-2)
    yield "unknown amplifiers key", reseau.InvalidParameterError, lambda: IC(amplifiers={"media": 1})
    yield "media threshold 0", reseau.InvalidParameterError, lambda: reseau.Amplifiers(media_threshold=0)
    yield "media probability", reseau.InvalidParameterError, lambda: IC(
        amplifiers={"media_probability": 1.2}
    )
    yield "distrust", reseau.InvalidParameterError, lambda: IC(distrust="maybe")
    yield "bad multiplier", reseau.InvalidParameterError, lambda: IC(bad_multiplier=-1.0)
    yield "empty seeds", reseau.InvalidParameterError, lambda: reseau.simulate(net, [])
    yield "empty array", reseau.InvalidParameterError, lambda: reseau.trace(net, np.array([], int))
    yield "empty (exact)", reseau.InvalidParameterError, lambda: reseau.exact_spread(net, [])
    yield "seeds in both campaigns", reseau.InvalidParameterError, lambda: reseau.simulate(
        net, [0, 5], bad_seeds=["U102"]
    )
    yield "runs 0", reseau.InvalidParameterError, lambda: reseau.simulate(net, [0], runs=0)
    yield "runs -5", reseau.InvalidParameterError, lambda: reseau.simulate(net, [0], runs=-5)
    yield "runs too many", reseau.InvalidParameterError, lambda: reseau.simulate(
        net, [0], runs=2**40
    )
    yield "thresholds length", reseau.InvalidParameterError, lambda: reseau.simulate(
        net, [0], reseau.LinearThreshold(thresholds=[0.5, 0.5, 0.5])
    )
    yield "thresholds range", reseau.InvalidParameterError, lambda: reseau.LinearThreshold(
        thresholds=np.array([0.5, 1.5])
    )
    yield "thresholds NaN", reseau.InvalidParameterError, lambda: reseau.LinearThreshold(
        thresholds=np.array([0.5, np.nan])
    )
    yield "exact: two campaigns", reseau.InvalidParameterError, lambda: reseau.exact_spread(
        net, [0], bad_seeds=[1]
    )
    yield "exact: too large", reseau.InvalidParameterError, lambda: reseau.exact_spread(net, [0])
    yield "from_dict: other kind", reseau.InvalidParameterError, lambda: IC.from_dict(
        {"kind": "linear_threshold"}
    )
    yield "from_dict: unknown key", reseau.InvalidParameterError, lambda: reseau.Model.from_dict(
        {"kind": "weighted_cascade", "speed": 2}
    )
    yield "from_dict: unknown kind", reseau.InvalidParameterError, lambda: reseau.Model.from_dict(
        {"kind": "sir"}
    )
    yield "layers not a dict", TypeError, lambda: IC(layers=[("lunch", {})])
    yield "layer name not str", TypeError, lambda: IC(layers={1: {}})
    yield "model not a model", TypeError, lambda: reseau.simulate(net, [0], {"probability": 0.1})
    yield "seed a float", TypeError, lambda: reseau.simulate(net, [0.0])
    yield "seed None in list", TypeError, lambda: reseau.simulate(net, [None])
    yield "seed a bool", TypeError, lambda: reseau.simulate(net, [True])
    yield "seeds a 2-d array", TypeError, lambda: reseau.simulate(net, np.array([[0, 1]]))
    yield "huge numpy seed", reseau.UnknownPersonError, lambda: reseau.simulate(
        net, np.array([2**64 - 1], dtype=np.uint64)
    )
    yield "network not a network", TypeError, lambda: reseau.simulate("aarhus", [0])


BAD = list(bad_calls())


@pytest.mark.parametrize("what, exception, call", BAD, ids=[b[0] for b in BAD])
def test_bad_parameters(what, exception, call):
    # A PanicException is a BaseException: pytest.raises(...) would not catch it.
    with pytest.raises(exception) as info:
        call()
    assert type(info.value).__name__ != "PanicException"
    if issubclass(exception, reseau.ReseauError):
        assert type(info.value) is exception
        assert isinstance(info.value, ValueError)
        assert str(info.value)


def test_error_details():
    net = aarhus()
    with pytest.raises(reseau.UnknownLayerError) as info:
        reseau.simulate(net, [0], reseau.IndependentCascade(layers={"dinner": {}}))
    assert info.value.name == "dinner"
    with pytest.raises(reseau.UnknownPersonError) as info:
        reseau.simulate(net, [0, 99])
    assert info.value.person == "#99"
    with pytest.raises(reseau.InvalidParameterError) as info:
        reseau.IndependentCascade(layers={"lunch": {"probability": 2.0}})
    assert info.value.name == 'probability of layer "lunch"' and info.value.value == "2"
    with pytest.raises(reseau.InvalidParameterError) as info:
        reseau.IndependentCascade(layers={"lunch": {"multiplyer": 2.0}})
    assert info.value.name == 'layers["lunch"]' and "multiplyer" in info.value.value
    with pytest.raises(reseau.InvalidParameterError) as info:
        reseau.simulate(net, [0], reseau.LinearThreshold(thresholds=[0.5]))
    assert info.value.name == "thresholds" and "61" in info.value.expected


# ----- the model classes -----


def test_models_are_values():
    IC = reseau.IndependentCascade
    a = IC(0.2, layers={"lunch": reseau.LayerSettings(multiplier=2.0, latency=2)})
    b = IC(probability=0.2, layers={"lunch": {"multiplier": 2, "latency": 2}})
    assert a == b and a != IC(0.2) and IC() == IC(0.1)
    assert IC() != reseau.WeightedCascade()
    assert isinstance(a, reseau.Model) and not isinstance(a, reseau.LinearThreshold)
    assert a.kind == "independent_cascade" and a.probability == 0.2
    assert a.layers == {"lunch": reseau.LayerSettings(multiplier=2.0, latency=2)}
    assert a.amplifiers == reseau.Amplifiers() and a.distrust == "block"
    assert (a.good_multiplier, a.bad_multiplier) == (1.0, 1.0)
    with pytest.raises(AttributeError):
        a.probability = 0.5  # type: ignore[misc]
    with pytest.raises(TypeError):
        reseau.Model()  # the base class has no constructor
    with pytest.raises(TypeError):
        reseau.WeightedCascade(probability=0.1)  # type: ignore[call-arg]


def test_model_reprs():
    assert repr(reseau.IndependentCascade()) == "IndependentCascade(probability=0.1)"
    assert repr(reseau.WeightedCascade()) == "WeightedCascade()"
    assert repr(reseau.LinearThreshold()) == "LinearThreshold()"
    model = reseau.IndependentCascade(
        0.3,
        layers={"facebook": {"latency": 1}, "lunch": {"multiplier": 2.0, "enabled": False}},
        amplifiers=reseau.Amplifiers(media_threshold=3),
        bad_multiplier=1.5,
        distrust="invert",
    )
    assert repr(model) == (
        "IndependentCascade(probability=0.3, layers={'facebook': LayerSettings(latency=1), "
        "'lunch': LayerSettings(multiplier=2.0, enabled=False)}, "
        "amplifiers=Amplifiers(media_threshold=3), bad_multiplier=1.5, distrust='invert')"
    )
    assert repr(reseau.LinearThreshold(thresholds=np.full(61, 0.5))) == (
        "LinearThreshold(thresholds=<61 values>)"
    )
    assert repr(reseau.LayerSettings()) == "LayerSettings()"
    assert repr(reseau.Amplifiers(media_probability=0.5)) == "Amplifiers(media_probability=0.5)"


def test_thresholds_in_and_out():
    values = np.linspace(0, 1, 61)
    from_array = reseau.LinearThreshold(thresholds=values)
    from_list = reseau.LinearThreshold(thresholds=values.tolist())
    from_ints = reseau.LinearThreshold(thresholds=np.ones(61, dtype=np.int64))
    assert from_array == from_list
    out = from_array.thresholds
    assert isinstance(out, np.ndarray) and out.dtype == np.float64
    assert np.array_equal(out, values)
    assert np.array_equal(from_ints.thresholds, np.ones(61))
    # Thresholds of 0: everyone reachable from the seed is convinced, in every run.
    s = reseau.simulate(aarhus(), [0], reseau.LinearThreshold(thresholds=np.zeros(61)), runs=10)
    assert s.std == 0 and s.mean > 1


MODELS = [
    reseau.IndependentCascade(),
    reseau.IndependentCascade(
        0.25,
        layers={"lunch": reseau.LayerSettings(multiplier=2.0, probability=0.3, latency=2, enabled=True)},
        amplifiers={"influencer_multiplier": 2.0, "media_threshold": 3, "media_probability": 0.4},
        good_multiplier=0.5,
        bad_multiplier=2.0,
        distrust="invert",
    ),
    reseau.WeightedCascade(layers={"facebook": {"enabled": False}}),
    reseau.LinearThreshold(),
    reseau.LinearThreshold(thresholds=np.linspace(0, 1, 61) / 3),
]


@pytest.mark.parametrize("model", MODELS, ids=repr)
def test_models_round_trip(model):
    for protocol in range(0, pickle.HIGHEST_PROTOCOL + 1):
        again = pickle.loads(pickle.dumps(model, protocol=protocol))
        assert type(again) is type(model) and again == model
    d = model.to_dict()
    assert d["kind"] == model.kind
    assert ("probability" in d) == isinstance(model, reseau.IndependentCascade)
    assert ("thresholds" in d) == isinstance(model, reseau.LinearThreshold)
    assert reseau.Model.from_dict(d) == model
    assert type(model).from_dict(d) == model
    assert type(reseau.Model.from_dict(d)) is type(model)


def test_settings_round_trip():
    for value in (
        reseau.LayerSettings(),
        reseau.LayerSettings(2.0, 0.5, 3, False),
        reseau.Amplifiers(),
        reseau.Amplifiers(1.5, 4, 0.2),
    ):
        for protocol in range(0, pickle.HIGHEST_PROTOCOL + 1):
            assert pickle.loads(pickle.dumps(value, protocol=protocol)) == value
        assert type(value)(**value.to_dict()) == value


# ----- results -----


def test_results_pickle_exactly():
    net = aarhus()
    s = reseau.simulate(net, [0], bad_seeds=[1], runs=300, seed=9)
    t = reseau.trace(net, [0], bad_seeds=[1], seed=9)
    for protocol in range(0, pickle.HIGHEST_PROTOCOL + 1):
        s2 = pickle.loads(pickle.dumps(s, protocol=protocol))
        assert s2.to_dict() == s.to_dict() and s2.labels == s.labels
        assert np.array_equal(s2.activation, s.activation) and s2.std == s.std
        assert repr(s2) == repr(s)
        stats = pickle.loads(pickle.dumps(s.bad, protocol=protocol))
        assert stats.to_dict() == s.bad.to_dict() and stats.by_layer == s.bad.by_layer
        t2 = pickle.loads(pickle.dumps(t, protocol=protocol))
        assert t2.to_dict() == t.to_dict() and t2.labels == t.labels
        assert t2.layer_names == t.layer_names


def _simulate_in_worker(seed: int) -> reseau.CascadeSummary:
    return reseau.simulate(reseau.datasets.aarhus_cs(), ["U4"], runs=200, seed=seed)


def test_results_cross_to_another_process():
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(1) as pool:
        (remote,) = pool.map(_simulate_in_worker, [5])
    assert remote.to_dict() == _simulate_in_worker(5).to_dict()


def test_result_reprs():
    net = aarhus()
    s = reseau.simulate(net, [0, 1], reseau.IndependentCascade(0.1), runs=1000, seed=7)
    assert repr(s) == (
        "<reseau.CascadeSummary: 1000 runs, mean spread 28.915 of 61 people "
        "(95% CI 27.607 to 30.223)>"
    )
    assert repr(s.good).startswith("<reseau.SpreadStats: mean 28.915 (95% CI 27.607 to 30.223)")
    page = s._repr_html_()
    assert "<table>" in page and "lunch" in page and "28.915" in page
    t = reseau.trace(net, [0], seed=1)
    assert repr(t) == (
        f"<reseau.CascadeTrace: {t.spread} of 61 people reached in {t.step.max()} steps>"
    )
    assert "<table>" in t._repr_html_()


def test_summary_to_pandas():
    pd = pytest.importorskip("pandas")
    net = aarhus()
    s = reseau.simulate(net, ["U4"], bad_seeds=["U33"], runs=200, seed=1)
    df = s.to_pandas()
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns) == ["label", "activation", "good", "bad"]
    assert df.index.name == "id" and len(df) == 61
    assert df["label"].tolist() == net.labels
    assert np.array_equal(df["activation"].to_numpy(), s.activation)
    assert np.allclose(df["good"] + df["bad"], df["activation"])
    assert df.loc[net.index_of("U33"), "bad"] == 1.0


def test_trace_to_pandas():
    pd = pytest.importorskip("pandas")
    net = race()
    t = reseau.trace(net, [0], reseau.IndependentCascade(layers={"chat": {"enabled": False}}))
    df = t.to_pandas()
    assert list(df.columns) == ["label", "step", "parent", "layer", "valence"]
    assert df["step"].tolist()[:2] == [0, 3] and df["step"].isna().tolist() == [False, False, True]
    assert pd.isna(df.loc[0, "parent"]) and df.loc[1, "parent"] == "#0"
    assert pd.isna(df.loc[0, "layer"]) and df.loc[1, "layer"] == "office"
    assert df["valence"].tolist()[:2] == ["good", "good"] and pd.isna(df.loc[2, "valence"])


# ----- threads -----


def test_simulate_releases_the_gil():
    net = reseau.generators.erdos_renyi(n=20_000, mean_degree=10.0, seed=1)
    model = reseau.IndependentCascade(0.2)
    reseau.simulate(net, [0], model, runs=1)  # compile the view first
    share = stall_share(lambda: reseau.simulate(net, range(10), model, runs=300, seed=1))
    assert share < 0.5, share


def test_network_can_change_while_a_simulation_runs():
    net = reseau.generators.erdos_renyi(n=20_000, mean_degree=10.0, seed=1)
    model = reseau.IndependentCascade(0.2)
    expected = reseau.simulate(net, range(10), model, runs=600, seed=3).to_dict()
    result: list = []
    thread = threading.Thread(
        target=lambda: result.append(reseau.simulate(net, range(10), model, runs=600, seed=3))
    )
    thread.start()
    time.sleep(0.1)
    assert thread.is_alive()  # the runs are going on
    # A mutable borrow: it would fail ("Already borrowed") if simulate held the network.
    net.add_people(1)
    thread.join()
    # The runs used the compiled view of the network as it was.
    assert result[0].to_dict() == expected
    assert net.num_people == 20_001


def test_threads_agree():
    net = aarhus()
    results: list = [None] * 4

    def run(i: int) -> None:
        results[i] = reseau.simulate(net, [0], runs=500, seed=8).to_dict()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(r == results[0] for r in results)


@pytest.mark.parametrize(
    "call",
    [
        lambda net, seeds: reseau.simulate(net, seeds, runs=10, seed=1),
        lambda net, seeds: reseau.trace(net, seeds, seed=1),
        lambda net, seeds: reseau.exact_spread(net, seeds, reseau.IndependentCascade(0.5)),
        lambda net, seeds: reseau.e_reputation(net, [2], seeds, runs=10, seed=1),
        lambda net, seeds: reseau.trace_referrals(net, ((s, 2) for s in seeds)),
        lambda net, seeds: reseau.select_relays(
            net, budget=1.0, costs=(1.0 for _ in itertools.chain(seeds, [0, 0])), seed=1
        ),
    ],
    ids=["simulate", "trace", "exact_spread", "e_reputation", "trace_referrals", "select_relays"],
)
def test_arguments_may_change_the_network_while_they_are_read(call):
    # Reading the arguments runs Python code (this generator): the call must not hold the
    # network then, or the edit fails with "Already borrowed".
    net = reseau.Network()
    net.add_layer("t", directed=True)
    net.add_people(3)
    net.add_tie(0, 1, "t")
    net.add_tie(1, 2, "t")

    def seeds():
        net.add_people(1)
        yield 0

    call(net, seeds())
    assert net.num_people == 4
