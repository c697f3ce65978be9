"""reseau's binary format from Python: Network.save / reseau.load and the bytes variants give
a network whose analyses are the very ones of the network saved, and a file written by the
Rust core (the committed fixture) loads byte for byte as Python writes it."""

from __future__ import annotations

import pytest

import reseau

from helpers import REPO

FIXTURE = REPO / "crates" / "reseau" / "tests" / "data" / "aarhus_cs.rsn"


def analyses(net: reseau.Network) -> tuple:
    s = reseau.simulate(net, [0, 1, 2], runs=300, seed=11)
    r = reseau.select_relays(net, 3, seed=5)
    pairs = [(i % net.num_people, (i * 7 + 3) % net.num_people) for i in range(20)]
    q = reseau.route_referrals(net, pairs, seed=9)
    return (
        s.mean,
        s.std,
        s.by_step.tolist(),
        r.relays.tolist(),
        r.estimated_spread,
        r.spread.mean if r.spread is not None else None,
        q.succeeded,
        q.chain_lengths.tolist(),
    )


@pytest.mark.parametrize(
    "make",
    [reseau.datasets.aarhus_cs, lambda: reseau.generators.barabasi_albert(n=2000, m=3, seed=4)],
    ids=["aarhus_cs", "barabasi_albert"],
)
def test_round_trip_gives_identical_analyses(make, tmp_path):
    net = make()
    path = tmp_path / "net.rsn"
    net.save(path)
    for back in (reseau.load(path), reseau.load(str(path)), reseau.Network.from_bytes(net.to_bytes())):
        assert (back.num_people, back.num_ties, back.labels) == (net.num_people, net.num_ties, net.labels)
        assert back.to_bytes() == net.to_bytes()
        assert analyses(back) == analyses(net)
    assert path.read_bytes() == net.to_bytes()


def test_a_file_written_by_rust_loads_identically():
    if not FIXTURE.exists():
        pytest.skip(f"{FIXTURE} is missing (crates/reseau/tests/binary_format.rs writes it)")
    net = reseau.datasets.aarhus_cs()
    assert FIXTURE.read_bytes() == net.to_bytes()
    loaded = reseau.load(FIXTURE)
    assert analyses(loaded) == analyses(net)
    # The loaded network is a whole network: it can be edited and analysed again.
    loaded.add_person(label="newcomer")
    assert loaded.num_people == net.num_people + 1
    assert reseau.simulate(loaded, ["U4"], runs=10, seed=1).runs == 10


def test_what_the_format_keeps():
    net = reseau.Network()
    net.add_layer("follows", kind="digital", directed=True, probability=0.3, latency=2)
    a = net.add_person(label="ana", group="G1", kind="influencer", cost=2.5)
    b = net.add_person(group="G2")
    net.add_tie(a, b, "follows", weight=0.5, sign=-1, probability=0.25)
    back = reseau.Network.from_bytes(net.to_bytes())
    assert back.layers == net.layers
    assert back.person(0) == net.person(0) and back.person(1) == net.person(1)
    assert back.to_json() == net.to_json()


def test_bad_bytes_are_typed_errors(tmp_path):
    with pytest.raises(reseau.FormatError) as info:
        reseau.Network.from_bytes(b"")
    assert (info.value.file, info.value.field) == ("<bytes>", "header")
    with pytest.raises(reseau.FileError):
        reseau.load(tmp_path / "missing.rsn")
    with pytest.raises(TypeError):
        reseau.Network.from_bytes("not bytes")
