"""Relay selection from Python: select_relays with every method on the Aarhus network, the
guarantee against the degree heuristic, budgets and costs, determinism, values printed by
the Rust core (pinned in the JavaScript tests too), and every bad parameter mapped to its
exception."""

from __future__ import annotations

import math
import pickle

import numpy as np
import pytest

import reseau

from helpers import stall_share

METHODS = ["imm", "opim_c", "celf", "degree", "degree_discount", "pagerank", "random"]
IC = reseau.IndependentCascade(probability=0.05)
FAST = dict(evaluation_runs=200, celf_runs=50)


def aarhus() -> reseau.Network:
    return reseau.datasets.aarhus_cs()


@pytest.mark.parametrize("method", METHODS)
def test_every_method_gives_k_distinct_relays(method):
    net = aarhus()
    s = reseau.select_relays(net, k=3, model=IC, method=method, seed=1, **FAST)
    assert isinstance(s, reseau.RelaySelection)
    assert s.method == method
    assert s.relays.dtype == np.uint32 and len(s.relays) == 3
    assert len(set(s.relays.tolist())) == 3
    assert s.relay_labels == [net.labels[i] for i in s.relays]
    assert s.gains.dtype == np.float64 and len(s.gains) == 3
    assert s.cost == 3.0 and s.costs.tolist() == [1.0, 1.0, 1.0]
    assert isinstance(s.spread, reseau.SpreadStats)
    assert s.spread.ci95[0] <= s.spread.mean <= s.spread.ci95[1]
    assert s.spread.mean >= 3.0
    assert len(s.spread.activation) == net.num_people
    if method in ("imm", "opim_c"):
        assert s.samples > 0 and s.approximation is not None and s.estimated_spread is not None
    if method == "imm":
        assert s.approximation >= 1 - 1 / math.e - 0.1 - 1e-12
    if method in ("degree", "degree_discount", "pagerank", "random"):
        assert s.estimated_spread is None and s.approximation is None and s.samples == 0
    # The result's forms: a dict, a frame, a repr, HTML, a pickle.
    d = s.to_dict()
    assert d["relays"] == s.relays.tolist() and d["method"] == method
    df = s.to_pandas()
    assert list(df.columns) == ["rank", "person", "label", "gain", "cost"]
    assert df["person"].tolist() == s.relays.tolist()
    assert repr(s).startswith(f"<reseau.RelaySelection: 3 relays by {method}, cost 3")
    assert "<table>" in s._repr_html_()
    back = pickle.loads(pickle.dumps(s))
    assert back.to_dict() == d and back.relay_labels == s.relay_labels
    assert back.spread.by_layer == s.spread.by_layer


def test_defaults_match_the_issue_call():
    s = reseau.select_relays(
        aarhus(), k=2, model=reseau.IndependentCascade(probability=0.01), method="imm", epsilon=0.1, seed=0
    )
    assert len(s.relays) == 2 and s.spread is not None
    assert reseau.select_relays(aarhus(), 2, evaluation_runs=0).spread is None


def test_imm_and_opim_reach_the_degree_heuristic():
    net = aarhus()
    model = reseau.IndependentCascade(probability=0.05)
    degree = reseau.select_relays(net, k=3, model=model, method="degree", evaluation_runs=3000, seed=2)
    error = degree.spread.ci95[1] - degree.spread.mean
    for method in ("imm", "opim_c"):
        s = reseau.select_relays(net, k=3, model=model, method=method, evaluation_runs=3000, seed=2)
        own = s.spread.mean - s.spread.ci95[0]
        assert s.spread.mean >= degree.spread.mean - error - own, method


@pytest.mark.parametrize("method", METHODS)
def test_a_budget_is_kept_and_the_too_expensive_are_never_chosen(method):
    net = aarhus()
    top = int(reseau.select_relays(net, k=1, model=IC, seed=0, evaluation_runs=0).relays[0])
    costs = np.ones(net.num_people)
    costs[top] = 100.0
    costs[:10] = 1.5
    for budget in (1.0, 2.5, 4.0):
        s = reseau.select_relays(net, budget=budget, costs=costs, model=IC, method=method, seed=3, **FAST)
        assert 1 <= len(s.relays) and s.cost <= budget
        assert top not in s.relays.tolist()
        assert s.costs.tolist() == [costs[i] for i in s.relays]
        assert math.isclose(s.cost, float(costs[s.relays].sum()))
    # A list of costs too, and the people's own costs by default.
    s = reseau.select_relays(net, budget=2.0, costs=costs.tolist(), model=IC, method=method, seed=3, **FAST)
    assert s.cost <= 2.0 and top not in s.relays.tolist()
    assert reseau.select_relays(net, budget=2.0, model=IC, method=method, seed=3, **FAST).cost <= 2.0


def test_hist_chooses_k_relays_and_takes_over_when_memory_is_short():
    net = aarhus()
    s = reseau.select_relays(net, k=3, model=IC, method="hist", seed=1, **FAST)
    assert s.method == "hist" and s.switch_reason is None and len(set(s.relays.tolist())) == 3
    assert s.samples > 0 and s.estimated_spread is not None and 0 < s.approximation <= 1
    assert s.to_dict() == reseau.select_relays(net, k=3, model=IC, method="hist", seed=1, **FAST).to_dict()
    with pytest.raises(reseau.InvalidParameterError, match="budget"):
        reseau.select_relays(net, budget=2.0, model=IC, method="hist")
    # IC p = 0.1 reaches much of this network: OPIM-C's whole RR sets need about 27 MB flat,
    # 7 MB compressed; HIST's, cut short at its sentinels, far less.
    big = reseau.generators.barabasi_albert(n=8000, m=6, seed=3)
    far = reseau.IndependentCascade(probability=0.1)
    opts = dict(k=10, model=far, method="opim_c", evaluation_runs=0, seed=5)
    free = reseau.select_relays(big, **opts)
    assert free.switch_reason is None
    packed = reseau.select_relays(big, max_memory=14 << 20, **opts)
    assert packed.method == "opim_c" and "stored compressed" in packed.switch_reason
    assert "max_memory" in packed.switch_reason
    assert {**packed.to_dict(), "switch_reason": None} == free.to_dict()
    s = reseau.select_relays(big, max_memory=4 << 20, **opts)
    assert s.method == "hist" and "HIST ran instead" in s.switch_reason and "compressed" in s.switch_reason
    assert s.approximation >= 1 - 1 / math.e - 0.1
    with pytest.raises(reseau.OutOfMemoryError, match="compressed.*HIST"):
        reseau.select_relays(big, k=10, model=far, method="opim_c", max_memory=64 << 10, seed=5)


@pytest.mark.parametrize("method", METHODS)
def test_the_same_seed_gives_the_same_selection(method):
    net = aarhus()
    a = reseau.select_relays(net, k=4, model=IC, method=method, seed=11, **FAST)
    b = reseau.select_relays(net, k=4, model=IC, method=method, seed=11, **FAST)
    assert a.to_dict() == b.to_dict()
    assert a.spread.activation.tolist() == b.spread.activation.tolist()


def test_values_printed_by_the_rust_core():
    """The same call in Rust (printed once by a scratch program), here and in
    bindings/wasm/tests/relays.test.mjs: identical relays and numbers."""
    net = aarhus()
    common = dict(k=3, model=reseau.IndependentCascade(probability=0.05), epsilon=0.5, evaluation_runs=200, seed=7)
    imm = reseau.select_relays(net, method="imm", **common)
    assert imm.relays.tolist() == [50, 33, 36]
    assert imm.estimated_spread == 21.921875
    assert imm.spread.mean == 19.955
    assert imm.samples == 1792
    assert imm.gains.tolist() == [13.10546875, 6.0166015625, 2.7998046875]
    opim = reseau.select_relays(net, method="opim_c", **common)
    assert opim.relays.tolist() == [43, 4, 16]
    assert opim.estimated_spread == 18.5859375
    assert opim.spread.mean == 18.555
    assert opim.approximation == 0.2861364144120468
    assert opim.samples == 512


def test_the_evaluation_model_can_differ():
    net = aarhus()
    tired = reseau.IndependentCascade(probability=0.05, fatigue=reseau.Fatigue.hill(half=1, exponent=2))
    plain = reseau.select_relays(net, k=3, model=IC, evaluation_runs=2000, seed=5)
    worn = reseau.select_relays(net, k=3, model=IC, evaluation_model=tired, evaluation_runs=2000, seed=5)
    assert plain.relays.tolist() == worn.relays.tolist()
    assert worn.spread.mean < plain.spread.mean


def test_the_gil_is_released():
    net = reseau.generators.erdos_renyi(n=5000, mean_degree=8.0, seed=1)
    share = stall_share(
        lambda: reseau.select_relays(net, k=20, model=reseau.IndependentCascade(0.05), epsilon=0.2, evaluation_runs=2000)
    )
    assert share < 0.5, share


BAD = [
    (dict(k=0), reseau.InvalidParameterError, "k"),
    (dict(k=62), reseau.InvalidParameterError, "k"),
    (dict(k=-1), reseau.InvalidParameterError, "k"),
    (dict(k=2, budget=3.0), reseau.InvalidParameterError, "k and budget"),
    (dict(), reseau.InvalidParameterError, "k and budget"),
    (dict(budget=0.0), reseau.InvalidParameterError, "budget"),
    (dict(budget=2.0, costs=[1.0] * 60 + [-1.0]), reseau.InvalidParameterError, "cost of person 60"),
    (dict(budget=2.0, costs=[1.0] * 60 + [float("nan")]), reseau.InvalidParameterError, "cost of person 60"),
    (dict(k=2, costs=np.full(61, np.nan)), reseau.InvalidParameterError, "cost of person 0"),
    (dict(budget=2.0, costs=[1.0] * 60), reseau.InvalidParameterError, "costs"),
    (dict(budget=0.5, costs=np.ones(61)), reseau.InvalidParameterError, "budget"),
    (dict(k=2, epsilon=0.0), reseau.InvalidParameterError, "epsilon"),
    (dict(k=2, epsilon=1.5), reseau.InvalidParameterError, "epsilon"),
    (dict(k=2, epsilon=float("nan")), reseau.InvalidParameterError, "epsilon"),
    (dict(k=2, ell=0.0), reseau.InvalidParameterError, "ell"),
    (dict(k=2, celf_runs=0), reseau.InvalidParameterError, "celf_runs"),
    (dict(k=2, evaluation_runs=-1), reseau.InvalidParameterError, "evaluation_runs"),
    (dict(k=2, method="greedy"), reseau.InvalidParameterError, "method"),
    (dict(k=2, model=reseau.IndependentCascade(0.1, layers={"golf": {}})), reseau.UnknownLayerError, None),
]


@pytest.mark.parametrize("kwargs, error, name", BAD, ids=[str(b[0])[:60] for b in BAD])
def test_bad_parameters_raise_typed_errors(kwargs, error, name):
    with pytest.raises(error) as info:
        reseau.select_relays(aarhus(), **kwargs)
    assert isinstance(info.value, reseau.ReseauError)
    assert "Panic" not in type(info.value).__name__
    if name is not None:
        assert info.value.name == name, str(info.value)


def test_bad_types_are_type_errors():
    with pytest.raises(TypeError, match="model"):
        reseau.select_relays(aarhus(), k=2, model="ic")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="costs"):
        reseau.select_relays(aarhus(), budget=2.0, costs="cheap")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="costs"):
        reseau.select_relays(aarhus(), budget=2.0, costs=np.ones((61, 2)))
