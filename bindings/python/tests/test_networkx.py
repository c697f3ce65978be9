"""networkx in and out."""

from __future__ import annotations

import json

import pytest

import reseau

nx = pytest.importorskip("networkx")


def same_network(a: reseau.Network, b: reseau.Network) -> bool:
    """The same people, layers, policies and ties (networkx keeps no order among edges)."""
    ja, jb = json.loads(a.to_json()), json.loads(b.to_json())
    for data in (ja, jb):
        for tie in data["ties"]:
            if not data["layers"][tie["layer"]]["directed"]:
                tie["source"], tie["target"] = sorted((tie["source"], tie["target"]))
        data["ties"].sort(key=lambda t: (t["layer"], t["source"], t["target"]))
    return ja == jb


def test_to_networkx_aarhus():
    net = reseau.datasets.aarhus_cs()
    G = net.to_networkx()
    assert isinstance(G, nx.MultiGraph) and not G.is_directed()
    assert (G.number_of_nodes(), G.number_of_edges()) == (61, 620)
    assert G.nodes[0]["label"] == net.labels[0]
    assert G.nodes[0]["role"] == net.person(0)["attributes"]["role"]
    keys = {k for _, _, k in G.edges(keys=True)}
    assert keys == {"lunch", "facebook", "coauthor", "leisure", "work"}
    u, v, k, data = next(iter(G.edges(keys=True, data=True)))
    assert data["layer"] == k and data["weight"] == 1.0 and data["sign"] == 1
    assert sum(1 for *_, k in G.edges(keys=True) if k == "facebook") == 124
    assert G.graph["reseau_layers"][1] == net.layer("facebook").to_dict()


def test_round_trip_aarhus():
    net = reseau.datasets.aarhus_cs()
    again = reseau.from_networkx(net.to_networkx())
    assert same_network(again, net)


def test_round_trip_mixed_directions_and_attributes():
    net = reseau.Network()
    net.add_layer("lunch")
    net.add_layer("twitter", kind="digital", directed=True, probability=0.1, latency=2)
    net.add_person(label="ana", group="G1", kind="influencer", cost=2.0, attributes={"role": "x"}, position=(1.0, 2.0))
    net.add_person(label="bo")
    net.add_person(label="cy")
    net.add_tie(0, 1, "lunch", weight=2.0, probability=0.5)
    net.add_tie(1, 2, "lunch")
    net.add_tie(2, 0, "twitter", sign=-1)
    net.add_tie(0, 2, "twitter")
    G = net.to_networkx()
    assert isinstance(G, nx.MultiDiGraph)
    # The undirected lunch ties show both ways, as networkx's to_directed would.
    assert G.has_edge(1, 0, key="lunch") and G.has_edge(0, 1, key="lunch")
    assert G.edges[0, 1, "lunch"]["probability"] == 0.5
    # The policies are from_networkx's arguments (files and graphs default to dropping
    # self-loops, a network built by hand rejects them).
    again = reseau.from_networkx(G, self_loops="reject")
    assert same_network(again, net)
    assert again.duplicates_merged == 0


def test_from_plain_graphs():
    G = nx.karate_club_graph()
    net = reseau.from_networkx(G)
    assert (net.num_people, net.num_ties, net.num_layers) == (34, 78, 1)
    assert net.labels[:3] == ["0", "1", "2"]
    assert net.person(0)["attributes"]["club"] == "Mr. Hi"
    assert net.ties()["weight"].tolist()[:1] == [G.edges[0, 1]["weight"]]
    unweighted = reseau.from_networkx(G, weight=None, layer="friends", kind="digital")
    assert set(unweighted.ties()["weight"].tolist()) == {1.0}
    assert (unweighted.layers[0].name, unweighted.layers[0].kind) == ("friends", "digital")

    D = nx.DiGraph([("a", "b"), ("b", "a"), ("c", "c")])
    net = reseau.from_networkx(D)
    assert net.layers[0].directed and net.num_ties == 2 and net.self_loops_dropped == 1
    with pytest.raises(reseau.SelfLoopError):
        reseau.from_networkx(D, self_loops="reject")


def test_multigraph_with_layer_attribute():
    M = nx.MultiGraph()
    M.add_edge("ana", "bo", type="lunch")
    M.add_edge("ana", "bo", type="facebook")
    M.add_edge("bo", "cy", type="facebook")
    M.add_edge("bo", "cy", type="facebook")  # a repeat: merged and counted
    M.add_edge("cy", "ana")  # no type: the default layer
    net = reseau.from_networkx(M, layer_attribute="type", layer="other")
    assert [l.name for l in net.layers] == ["lunch", "facebook", "other"]
    assert [net.num_ties_in(n) for n in ("lunch", "facebook", "other")] == [1, 2, 1]
    assert net.duplicates_merged == 1
    assert net.overlap("lunch", "facebook") == 1


def test_bad_graphs():
    G = nx.Graph()
    G.add_edge(1, "1")  # two nodes with the same label
    with pytest.raises(reseau.DuplicateLabelError):
        reseau.from_networkx(G)
    H = nx.Graph()
    H.add_edge("a", "b", weight=-2)
    with pytest.raises(reseau.InvalidParameterError):
        reseau.from_networkx(H)
