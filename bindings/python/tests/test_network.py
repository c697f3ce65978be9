"""Building and editing a network by hand, and what bad input gives."""

from __future__ import annotations

import copy
import math

import numpy as np
import pytest

import reseau


@pytest.fixture
def net() -> reseau.Network:
    net = reseau.Network()
    assert net.add_layer("lunch", kind="physical") == 0
    assert net.add_layer("linkedin", kind="digital", directed=True, probability=0.1, latency=2) == 1
    for label in ("ana", "bo", "cy"):
        net.add_person(label=label, group="G1")
    return net


def test_layers(net):
    lunch, linkedin = net.layers
    assert isinstance(lunch, reseau.Layer)
    assert (lunch.name, lunch.kind, lunch.directed, lunch.probability, lunch.latency) == (
        "lunch",
        "physical",
        False,
        None,
        1,
    )
    assert (linkedin.kind, linkedin.directed, linkedin.probability, linkedin.latency) == (
        "digital",
        True,
        0.1,
        2,
    )
    assert net.layer("linkedin") == linkedin == net.layer(1)
    assert repr(linkedin) == (
        "Layer(name='linkedin', kind='digital', directed=True, probability=0.1, latency=2)"
    )
    with pytest.raises(AttributeError):
        lunch.name = "dinner"  # read-only
    net.configure_layer("lunch", probability=0.5, latency=3)
    assert (net.layer("lunch").probability, net.layer("lunch").latency) == (0.5, 3)
    assert lunch.probability is None  # a Layer is a copy


def test_layer_errors(net):
    with pytest.raises(reseau.DuplicateLayerError) as info:
        net.add_layer("lunch")
    assert info.value.name == "lunch"
    with pytest.raises(reseau.InvalidParameterError) as info:
        net.add_layer("x", kind="banana")
    assert "banana" in info.value.value and info.value.name == "layer kind"
    for p in (1.5, -0.1, math.nan, math.inf):
        with pytest.raises(reseau.InvalidParameterError) as info:
            net.add_layer("x", probability=p)
        assert "probability" in info.value.name
    with pytest.raises(reseau.InvalidParameterError):
        net.add_layer("x", latency=0)
    with pytest.raises(reseau.InvalidParameterError):
        net.add_layer("")
    with pytest.raises(reseau.InvalidParameterError):
        net.configure_layer("lunch", probability=2.0)
    with pytest.raises(reseau.UnknownLayerError) as info:
        net.layer("dinner")
    assert info.value.name == "dinner"
    for index in (2, -1, 2**40):
        with pytest.raises(reseau.UnknownLayerError):
            net.layer(index)
    assert net.num_layers == 2  # nothing half-added


def test_people(net):
    assert net.num_people == 3
    assert net.labels == ["ana", "bo", "cy"]
    dora = net.add_person(
        label="dora", kind="influencer", cost=5.0, attributes={"role": "blogger"}, position=(1.0, 2.0)
    )
    assert dora == 3
    assert net.person(dora) == {
        "id": 3,
        "label": "dora",
        "group": None,
        "kind": "influencer",
        "cost": 5.0,
        "position": [1.0, 2.0],
        "attributes": {"role": "blogger"},
    }
    assert net.add_person() == 4
    assert net.labels[4] == "#4"  # unlabelled: shown as #id, which no label can be
    assert net.person(4)["label"] is None
    assert net.add_people(2) == 5 and net.num_people == 7
    assert net.index_of("dora") == 3
    net.set_group(4, "G2")
    net.set_kind(4, "media")
    net.set_cost(4, 2.5)
    p = net.person(4)
    assert (p["group"], p["kind"], p["cost"]) == ("G2", "media", 2.5)
    net.set_group(4, None)
    assert net.person(4)["group"] is None
    assert net.groups() == {"G1": [0, 1, 2]}
    assert [p["id"] for p in net.people()] == list(range(7))


def test_people_errors(net):
    with pytest.raises(reseau.DuplicateLabelError) as info:
        net.add_person(label="ana")
    assert info.value.label == "ana"
    with pytest.raises(reseau.InvalidParameterError):
        net.add_person(kind="banana")
    for cost in (-1.0, math.nan, math.inf):
        with pytest.raises(reseau.InvalidParameterError) as info:
            net.add_person(cost=cost)
        assert info.value.name == "cost"
    assert net.num_people == 3
    with pytest.raises(reseau.UnknownPersonError) as info:
        net.index_of("zoe")
    assert info.value.person == '"zoe"'  # a label, quoted
    for bad in (3, -1, 2**40):
        with pytest.raises(reseau.UnknownPersonError):
            net.person(bad)
        with pytest.raises(reseau.UnknownPersonError):
            net.set_group(bad, "G")
        with pytest.raises(reseau.UnknownPersonError):
            net.degree(bad)
        with pytest.raises(reseau.UnknownPersonError):
            net.neighbors(bad)
    with pytest.raises(reseau.InvalidParameterError):
        net.set_kind(0, "robot")
    with pytest.raises(reseau.InvalidParameterError):
        net.set_cost(0, -2.0)
    with pytest.raises(TypeError):
        net.add_person(label=3)


def test_ties(net):
    assert net.add_tie(0, 1, "lunch", weight=2.0) == 0
    assert net.add_tie(1, 2, "linkedin", sign=-1, probability=0.3) == 1
    assert net.add_tie(2, 1, "linkedin", sign="positive") == 2  # directed: another tie
    assert net.add_tie(1, 0, "lunch", weight=5.0) == 0  # the same undirected tie, merged
    assert net.duplicates_merged == 1
    assert (net.num_ties, net.num_directed_ties) == (3, 4)
    assert (net.num_ties_in("lunch"), net.num_ties_in(1)) == (1, 2)
    ties = net.ties()
    assert set(ties) == {"source", "target", "layer", "weight", "sign", "probability", "multiplicity"}
    np.testing.assert_array_equal(ties["source"], [0, 1, 2])
    np.testing.assert_array_equal(ties["target"], [1, 2, 1])
    np.testing.assert_array_equal(ties["layer"], [0, 1, 1])
    np.testing.assert_array_equal(ties["weight"], [2.0, 1.0, 1.0])
    np.testing.assert_array_equal(ties["sign"], [1, -1, 1])
    assert ties["probability"][1] == 0.3 and np.isnan(ties["probability"][0])
    assert [ties[k].dtype for k in ("source", "layer", "weight", "sign")] == [
        np.uint32,
        np.uint32,
        np.float64,
        np.int8,
    ]
    assert net.tie(2, 1, "linkedin")["sign"] == 1
    assert net.tie(0, 2, "lunch") is None
    assert net.degree(1) == 3 and net.degree(1, "linkedin") == 2
    assert net.neighbors(1) == [0, 2] and net.neighbors(1, "lunch") == [0]
    assert net.overlap("lunch", "linkedin") == 0
    assert net.remove_tie(1, 0, "lunch") is True
    assert net.remove_tie(1, 0, "lunch") is False
    assert net.num_ties == 2


def test_tie_errors(net):
    with pytest.raises(reseau.UnknownLayerError) as info:
        net.add_tie(0, 1, "dinner")
    assert info.value.name == "dinner"
    with pytest.raises(reseau.UnknownPersonError) as info:
        net.add_tie(0, 99, "lunch")
    assert info.value.person == "#99"
    with pytest.raises(reseau.UnknownPersonError):
        net.add_tie(-1, 0, "lunch")
    for w in (-1.0, math.nan, math.inf):
        with pytest.raises(reseau.InvalidParameterError) as info:
            net.add_tie(0, 1, "lunch", weight=w)
        assert info.value.name == "weight"
    for p in (-0.5, 1.5, math.nan):
        with pytest.raises(reseau.InvalidParameterError) as info:
            net.add_tie(0, 1, "lunch", probability=p)
        assert "probability" in info.value.name
    for sign in (0, 2, "maybe"):
        with pytest.raises(reseau.InvalidParameterError) as info:
            net.add_tie(0, 1, "lunch", sign=sign)
        assert info.value.name == "sign"
    with pytest.raises(reseau.SelfLoopError) as info:
        net.add_tie(0, 0, "lunch")  # rejected by default when added by hand
    assert (info.value.person, info.value.layer) == ("ana", "lunch")
    assert net.num_ties == 0 and net.self_loops_dropped == 0


def test_policies():
    net = reseau.Network(duplicates="reject", self_loops="drop")
    net.add_layer("work")
    net.add_people(2)
    assert net.add_tie(0, 0, "work") is None
    assert net.self_loops_dropped == 1
    net.add_tie(0, 1, "work")
    with pytest.raises(reseau.DuplicateTieError) as info:
        net.add_tie(1, 0, "work")
    assert (info.value.a, info.value.b, info.value.layer) == ("#1", "#0", "work")
    net.set_duplicates("sum")
    net.add_tie(1, 0, "work", weight=2.0)
    assert net.ties()["weight"].tolist() == [3.0]
    assert net.ties()["multiplicity"].tolist() == [2]
    net.set_self_loops("reject")
    with pytest.raises(reseau.SelfLoopError):
        net.add_tie(1, 1, "work")
    with pytest.raises(reseau.InvalidParameterError) as info:
        reseau.Network(duplicates="banana")
    assert info.value.name == "duplicates" and "banana" in str(info.value)
    with pytest.raises(reseau.InvalidParameterError):
        net.set_self_loops("keep")
    with pytest.raises(TypeError):
        reseau.Network("merge")  # keyword-only


def test_empty_network():
    net = reseau.Network()
    assert repr(net) == "<reseau.Network: 0 people, 0 ties, 0 layers>"
    assert (net.num_people, net.num_ties, net.num_layers) == (0, 0, 0)
    assert net.labels == [] and net.groups() == {} and net.layers == []
    assert net.degrees().shape == (0,)
    assert all(len(a) == 0 for a in net.ties().values())
    assert "reseau.Network" in net._repr_html_()
    assert reseau.Network.from_json(net.to_json()).num_people == 0


def test_repr_singular_and_html():
    net = reseau.Network()
    net.add_layer("chat", kind="digital")
    net.add_person(label="<script>")
    assert repr(net) == "<reseau.Network: 1 person, 0 ties, 1 layer (0 physical, 1 digital)>"
    net.add_layer("<b>", kind="physical")
    html = net._repr_html_()
    assert "<table" in html and "<td>&lt;b&gt;</td>" in html and "<td><b></td>" not in html


def test_copy_is_independent():
    net = reseau.datasets.aarhus_cs()
    for other in (net.copy(), copy.copy(net), copy.deepcopy(net)):
        other.add_person(label="new")
        assert other.num_people == 62 and net.num_people == 61


def test_numpy_integers_are_accepted():
    net = reseau.datasets.aarhus_cs()
    ties = net.ties()
    a, b, layer = ties["source"][0], ties["target"][0], ties["layer"][0]
    assert net.tie(a, b, layer) is not None
    assert net.degree(np.int64(0)) == net.degree(0)


def test_unlabelled_people_show_as_hash_id():
    # A person labelled "3" and unlabelled person 3 never look alike: the latter is "#3", in
    # the network's labels and in every result's, and "#3" names them back.
    net = reseau.Network()
    net.add_layer("lunch")
    net.add_person(label="3")
    net.add_people(3)
    assert net.labels == ["3", "#1", "#2", "#3"]
    for a, b in [(0, 1), (1, 2), (2, 3)]:
        net.add_tie(a, b, "lunch")
    assert net.degree("#3") == 1 and net.degree("3") == 1
    traces = reseau.trace_referrals(net, requests=[("#3", "3")] * 10, seed=1)
    for t in traces:
        assert t["labels"][0] == "#3"
        assert t["labels"] == [net.labels[p] for p in t["path"]]
    summary = reseau.route_referrals(net, requests=[("#3", "3")] * 10, seed=1)
    assert summary.labels == net.labels
    assert all(o["label"] == net.labels[o["person"]] for o in summary.overloaded)
    chosen = reseau.select_relays(net, k=2, seed=1)
    assert chosen.relay_labels == [net.labels[p] for p in chosen.relays]
    assert chosen.labels == net.labels
