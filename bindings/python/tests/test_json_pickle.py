"""Saving: JSON round trips, pickling through it, and data from a newer version."""

from __future__ import annotations

import json
import multiprocessing
import pickle

import pytest

import reseau


def rich_network() -> reseau.Network:
    net = reseau.Network(duplicates="sum", self_loops="drop")
    net.add_layer("lunch")
    net.add_layer("twitter", kind="digital", directed=True, probability=0.05, latency=2)
    net.add_person(label="ana", group="G1", attributes={"role": "PhD"}, position=(0.5, 1.5))
    net.add_person(label="bo", kind="influencer", cost=3.0)
    net.add_person()
    net.add_tie(0, 1, "lunch", weight=2.0)
    net.add_tie(1, 0, "lunch", weight=1.0)
    net.add_tie(1, 2, "twitter", sign=-1, probability=0.9)
    net.add_tie(2, 2, "twitter")
    return net


def test_json_round_trip():
    net = rich_network()
    text = net.to_json()
    assert json.loads(text)["version"] == reseau.FORMAT_VERSION
    again = reseau.Network.from_json(text)
    assert again.to_json() == text
    assert again.labels == net.labels
    assert again.person(0) == net.person(0)
    assert (again.duplicates_merged, again.self_loops_dropped) == (1, 1)
    assert again.layers == net.layers


def test_pickle_round_trip():
    for net in (rich_network(), reseau.datasets.aarhus_cs(), reseau.Network()):
        for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
            again = pickle.loads(pickle.dumps(net, protocol=protocol))
            assert isinstance(again, reseau.Network)
            assert again.to_json() == net.to_json()
    layer = rich_network().layer("twitter")
    assert pickle.loads(pickle.dumps(layer)) == layer


def _count_ties(net: reseau.Network) -> int:
    return net.num_ties


def test_crosses_to_another_process():
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(1) as pool:
        assert pool.map(_count_ties, [reseau.datasets.aarhus_cs()]) == [620]


def test_newer_version():
    data = json.loads(rich_network().to_json())
    data["version"] = reseau.FORMAT_VERSION + 1
    with pytest.raises(reseau.UnsupportedVersionError) as info:
        reseau.Network.from_json(json.dumps(data))
    assert (info.value.found, info.value.supported) == (reseau.FORMAT_VERSION + 1, reseau.FORMAT_VERSION)
    state = reseau.Network()
    with pytest.raises(reseau.UnsupportedVersionError):
        state.__setstate__(json.dumps(data))


def test_invalid_json():
    with pytest.raises(reseau.JsonError) as info:
        reseau.Network.from_json('{"version": 1,')
    assert info.value.line == 1
    for text in ("[]", '{"version": 1, "people": "many"}', "null"):
        with pytest.raises(reseau.ReseauError):
            reseau.Network.from_json(text)
    data = json.loads(rich_network().to_json())
    data["ties"][0]["source"] = 99  # a tie to nobody
    with pytest.raises(reseau.ReseauError):
        reseau.Network.from_json(json.dumps(data))
