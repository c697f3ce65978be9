"""The Aarhus CS multiplex: embedded, and read from the original files."""

from __future__ import annotations

import numpy as np
import pytest

import reseau

COUNTS = {"lunch": 193, "facebook": 124, "coauthor": 21, "leisure": 88, "work": 194}


def check_aarhus(net: reseau.Network) -> None:
    assert (net.num_people, net.num_ties, net.num_layers) == (61, 620, 5)
    assert [layer.name for layer in net.layers] == list(COUNTS)
    for name, count in COUNTS.items():
        assert net.num_ties_in(name) == count
    kinds = {layer.name: layer.kind for layer in net.layers}
    assert kinds == {
        "lunch": "physical",
        "facebook": "digital",
        "coauthor": "physical",
        "leisure": "physical",
        "work": "physical",
    }
    assert repr(net) == "<reseau.Network: 61 people, 620 ties, 5 layers (4 physical, 1 digital)>"


def test_embedded_counts_groups_and_roles():
    net = reseau.datasets.aarhus_cs()
    check_aarhus(net)
    groups = net.groups()
    assert {"G1", "G2", "G3"} <= set(groups)
    members = [p for ids in groups.values() for p in ids]
    assert len(members) == len(set(members)) > 50
    people = net.people()
    roles = {p["attributes"]["role"] for p in people}
    assert {"PhD", "Postdoc", "Professor", "Admin"} <= roles
    assert all(p["kind"] == "person" for p in people)
    assert net.labels[0] == net.person(0)["label"]


def test_read_from_files_matches_embedded(aarhus_files):
    edges, layers, nodes = aarhus_files
    net = reseau.read_multiplex(edges, layers=layers, nodes=nodes)
    check_aarhus(net)
    embedded = reseau.datasets.aarhus_cs()
    assert net.labels == embedded.labels
    for key in ("source", "target", "layer"):
        np.testing.assert_array_equal(net.ties()[key], embedded.ties()[key])


def test_read_mpx_file():
    from helpers import data_file

    net = reseau.read_mpx(data_file("multinet-mpx", "aucs.mpx"))
    assert (net.num_people, net.num_layers) == (61, 5)
    assert net.num_ties == 620
    assert net.layer("facebook").kind == "digital"
    assert net.person(net.index_of("U4"))["group"] == "G2/G3"


def test_queries():
    net = reseau.datasets.aarhus_cs()
    degrees = net.degrees()
    assert degrees.dtype == np.uint32 and degrees.shape == (61,)
    assert int(degrees.sum()) == 2 * 620
    lunch = net.degrees("lunch")
    assert int(lunch.sum()) == 2 * 193
    np.testing.assert_array_equal(net.degrees(0), lunch)  # a layer by index
    top = int(np.argmax(degrees))
    assert net.degree(top) == degrees[top]
    assert net.degree(top, "lunch") == lunch[top]
    neighbors = net.neighbors(top)
    assert neighbors == sorted(set(neighbors)) and top not in neighbors
    assert set(net.neighbors(top, "lunch")) <= set(neighbors)
    assert 0 < net.overlap("lunch", "work") <= 193
    assert net.overlap("lunch", "work") == net.overlap("work", "lunch")
    flat = net.flatten()
    assert (flat.num_layers, flat.layers[0].name, flat.layers[0].kind) == (1, "all", "physical")
    assert flat.num_ties == len({tuple(sorted(p)) for p in zip(*(net.ties()[k].tolist() for k in ("source", "target")))})
    offline = net.without_layers(["facebook"])
    assert offline.num_layers == 4 and offline.labels == net.labels
    assert net.num_ties == 620  # the original is untouched
    with pytest.raises(reseau.UnknownLayerError):
        net.without_layers(["myspace"])
    memory = net.memory()
    assert memory["directed_ties"] == 1240
    assert memory["bytes_per_directed_tie"] <= 16 + 4 * 61 * 5 / 1240
