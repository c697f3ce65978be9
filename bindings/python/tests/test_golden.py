"""The golden values of the repository (tests/golden/golden.json, written by the Rust core's
tests/golden.rs): the same seeds give the very same numbers in Python as in Rust, bit for bit.
Floats are compared with ==: they are the same IEEE computations."""

from __future__ import annotations

import json

import numpy as np
import pytest

import reseau

from helpers import REPO

GOLDEN = json.loads((REPO / "tests" / "golden" / "golden.json").read_text(encoding="utf-8"))


def ties(net: reseau.Network) -> list:
    """Every tie as [source, target, layer], in the network's order."""
    t = net.ties()
    return np.column_stack([t["source"], t["target"], t["layer"]]).tolist()


@pytest.mark.parametrize("name", sorted(GOLDEN["generators"]))
def test_generator(name):
    entry = GOLDEN["generators"][name]
    net = getattr(reseau.generators, name)(**entry["args"])
    assert ties(net) == entry["ties"]


# Generators that build another's network straight from its compiled view: the same ties as
# that generator's golden ones, in the compiled view's order.
COMPILED = {"barabasi_albert_compiled": "barabasi_albert"}


def test_generators_are_all_covered():
    assert set(GOLDEN["generators"]) | set(COMPILED) == set(reseau.generators.__all__)


@pytest.mark.parametrize("name", sorted(COMPILED))
def test_compiled_generator(name):
    entry = GOLDEN["generators"][COMPILED[name]]
    net = getattr(reseau.generators, name)(**entry["args"])
    undirected = lambda t: (min(t[0], t[1]), max(t[0], t[1]), t[2])  # noqa: E731
    assert sorted(map(undirected, ties(net))) == sorted(map(undirected, entry["ties"]))


def test_aarhus():
    golden = GOLDEN["aarhus"]
    net = reseau.datasets.aarhus_cs()
    assert net.num_people == golden["num_people"]
    assert net.num_ties == golden["num_ties"]
    assert {layer.name: net.num_ties_in(layer.name) for layer in net.layers} == golden[
        "ties_per_layer"
    ]
    assert net.labels[:5] == golden["labels_head"]
    assert net.degrees().tolist() == golden["degrees"]


MODELS = {
    "independent_cascade": reseau.IndependentCascade(probability=0.1),
    "weighted_cascade": reseau.WeightedCascade(),
    "linear_threshold": reseau.LinearThreshold(),
}


def test_cascade_models_are_all_covered():
    assert set(GOLDEN["cascade"]) == set(MODELS) | {"trace"}


@pytest.mark.parametrize("name", sorted(MODELS))
def test_cascade_summary(name):
    golden = GOLDEN["cascade"][name]
    summary = reseau.simulate(
        reseau.datasets.aarhus_cs(),
        golden["seeds"],
        model=MODELS[name],
        runs=golden["runs"],
        seed=golden["seed"],
    )
    assert summary.runs == golden["runs"]
    assert summary.mean == golden["mean"]
    assert summary.std == golden["std"]
    assert list(summary.by_layer.values()) == golden["by_layer"]
    assert summary.by_step.tolist() == golden["by_step"]


def test_cascade_trace():
    golden = GOLDEN["cascade"]["trace"]
    t = reseau.trace(
        reseau.datasets.aarhus_cs(),
        golden["seeds"],
        model=reseau.IndependentCascade(probability=golden["probability"]),
        seed=golden["seed"],
    )
    assert t.step.tolist() == golden["step"]
    assert t.parent.tolist() == golden["parent"]
    assert t.layer.tolist() == golden["layer"]


@pytest.mark.parametrize("method", sorted(GOLDEN["relays"]))
def test_selected_relays(method):
    golden = GOLDEN["relays"][method]
    args = golden["args"]
    s = reseau.select_relays(
        reseau.datasets.aarhus_cs(),
        args["k"],
        method=method,
        model=reseau.IndependentCascade(probability=args["probability"]),
        evaluation_runs=args["evaluation_runs"],
        celf_runs=args["celf_runs"],
        seed=args["seed"],
    )
    assert s.relays.tolist() == golden["relays"]
    assert s.gains.tolist() == golden["gains"]
    assert s.estimated_spread == golden["estimated_spread"]
    assert s.spread is not None and s.spread.mean == golden["spread"]
