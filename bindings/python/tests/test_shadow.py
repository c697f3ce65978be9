"""Shadow layers from Python: marking a layer, the analyst's view, lobbies, and the gap
between the truth and what the analyst observes (``reseau.shadow_gap``)."""

import pickle

import pytest

import reseau


def lobby_network(p=1.0):
    """A lobby tied in the shadow to p1 (certain) and p2 (chance ``p``); p2 - p3 - p4 in plain
    sight, every tie certain."""
    net = reseau.Network()
    net.add_layer("linkedin", kind="digital", probability=1.0)
    net.add_layer("lobbying", shadow=True, probability=1.0)
    lobby = net.add_person(label="lobby", kind="organization")
    p = [net.add_person(label=f"p{i}") for i in range(1, 5)]
    net.add_tie(lobby, p[0], "lobbying")
    net.add_tie(lobby, p[1], "lobbying", probability=1.0)
    net.add_tie(p[1], p[2], "linkedin")
    net.add_tie(p[2], p[3], "linkedin")
    return net


def test_a_shadow_layer_is_simulated_but_not_observed():
    net = lobby_network()
    assert net.shadow_layers == ["lobbying"]
    assert net.num_shadow_ties == 2
    assert net.layer("lobbying").shadow and not net.layer("linkedin").shadow
    seen = net.observed()
    assert (seen.num_people, seen.num_ties, seen.shadow_layers) == (5, 2, [])
    assert [l.name for l in seen.layers] == ["linkedin"]
    # The truth: everything certain, the lobby reaches all 5 (itself included).
    assert reseau.simulate(net, ["lobby"], runs=50).mean == 5.0
    assert reseau.simulate(seen, ["lobby"], runs=50).mean == 1.0


def test_the_gap_is_known_by_hand():
    gap = reseau.shadow_gap(lobby_network(), runs=300)
    assert gap.sources.tolist() == [0]
    assert (gap.full_spread, gap.observed_spread, gap.missed, gap.missed_share) == (5.0, 1.0, 4.0, 0.8)
    assert gap.full_ci == (5.0, 5.0)
    assert gap.shadow_layers == ["lobbying"] and gap.shadow_ties == 2
    assert "missed by the analyst" in repr(gap)
    again = pickle.loads(pickle.dumps(gap))
    assert again.full_spread == gap.full_spread


def test_a_shadow_of_size_zero_leaves_no_gap():
    net = reseau.datasets.aarhus_cs()
    gap = reseau.shadow_gap(net, "U4", shadow_layers=["leisure"], share=0.0, runs=500, seed=3)
    assert gap.shadow_ties == 0 and gap.missed == 0.0
    visible = net.without_layers(["leisure"])
    assert gap.observed_spread == reseau.simulate(visible, "U4", runs=500, seed=3).mean
    # The network itself is unchanged: naming a layer hides it for the call only.
    assert net.shadow_layers == []


def test_the_same_seed_gives_the_same_gap_as_the_core():
    net = reseau.datasets.aarhus_cs()
    net.set_layer_shadow("work")
    a = reseau.shadow_gap(net, ["U4"], share=0.5, runs=200, seed=5)
    b = reseau.shadow_gap(net, ["U4"], share=0.5, runs=200, seed=5)
    assert a.to_dict() == b.to_dict()
    assert net.with_shadow_share(0.5, seed=5).num_ties_in("work") == round(net.num_ties_in("work") / 2)
    net.set_layer_shadow("work", shadow=False)
    assert net.shadow_layers == []


def test_lobbies_from_the_generator():
    net = reseau.generators.professional(people=200, lobbies=3, lobby_ties=15, seed=2)
    assert net.num_people == 203 and net.num_shadow_ties == 45
    assert all(net.person(i)["kind"] == "organization" for i in (200, 201, 202))
    plain = reseau.generators.professional(people=200, seed=2)
    assert net.observed().num_ties == plain.num_ties
    gap = reseau.shadow_gap(net, runs=200)
    assert gap.sources.tolist() == [200, 201, 202] and gap.observed_spread == 3.0
    assert gap.full_ci[0] > 3.0


def test_bad_parameters_are_typed_errors():
    net = lobby_network()
    with pytest.raises(reseau.InvalidParameterError, match="share"):
        reseau.shadow_gap(net, share=1.5)
    with pytest.raises(reseau.UnknownLayerError):
        reseau.shadow_gap(net, shadow_layers=["dinner"])
    with pytest.raises(reseau.UnknownPersonError):
        reseau.shadow_gap(net, ["nobody"])
    with pytest.raises(reseau.InvalidParameterError, match="shadow"):
        reseau.shadow_gap(reseau.datasets.aarhus_cs(), [0])
    with pytest.raises(reseau.InvalidParameterError, match="sources"):
        reseau.shadow_gap(reseau.datasets.aarhus_cs(), shadow_layers=["leisure"])
    with pytest.raises(reseau.UnknownLayerError):
        net.set_layer_shadow("dinner")
    with pytest.raises(reseau.InvalidParameterError, match="share"):
        net.with_shadow_share(-0.1)
    with pytest.raises(reseau.InvalidParameterError, match="lobby_ties"):
        reseau.generators.professional(people=20, lobbies=1, lobby_ties=21)
    with pytest.raises(reseau.InvalidParameterError, match="sauces"):
        reseau.shadow_gap(net, sauces=[0])


def test_the_flag_survives_files(tmp_path):
    net = lobby_network()
    assert reseau.Network.from_json(net.to_json()).shadow_layers == ["lobbying"]
    path = tmp_path / "net.rsn"
    net.save(path)
    assert reseau.load(path).shadow_layers == ["lobbying"]


def test_the_report_decides_claim_5_on_a_network_with_lobbies():
    net = reseau.generators.professional(people=150, lobbies=2, lobby_ties=20, seed=1)
    r = reseau.report(net, quick=True)
    assert r.numbers["network"]["shadow_layers"] == 1
    assert r.numbers["network"]["shadow_ties"] == 40
    line = next(c for c in r.numbers["claims"] if c["claim"] == 5)
    assert line["verdict"] == "holds", line
