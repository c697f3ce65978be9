"""The table of docs/errors.md, from Python: one test per row, named as in
crates/reseau/tests/errors.rs. Each asserts the exception class (never a PanicException,
which is a BaseException and would escape pytest.raises) and the fields a person needs to fix
the input. Rows that other test files cover already are listed in docs/errors.md."""

from __future__ import annotations

import json
import math
import random

import numpy as np
import pytest

import reseau

NAN, INF = float("nan"), float("inf")


def aarhus() -> reseau.Network:
    return reseau.datasets.aarhus_cs()


def pair() -> reseau.Network:
    net = reseau.Network()
    net.add_layer("lunch")
    net.add_person(label="ana")
    net.add_person(label="bo")
    return net


def shown(x: float) -> str:
    """A float as the core writes it in messages (Rust's Display)."""
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return repr(x).removesuffix(".0")


def test_malformed_line():
    with pytest.raises(reseau.ParseError) as info:
        reseau.parse_edgelist("1 2\n2 3 heavy\n", "net.txt")
    err = info.value
    assert (err.file, err.line, err.content) == ("net.txt", 2, "2 3 heavy")
    assert err.reason == 'weight "heavy" is not a number'
    with pytest.raises(reseau.ParseError) as info:
        reseau.parse_mpx("#LAYERS\nlunch,SIDEWAYS\n", "m.mpx")
    assert (info.value.file, info.value.line) == ("m.mpx", 2)


def test_truncated_file():
    with pytest.raises(reseau.ParseError) as info:
        reseau.parse_edgelist("1 2\n2 3\n4", "net.txt")
    assert (info.value.line, info.value.content) == (3, "4")
    text = aarhus().to_json()
    with pytest.raises(reseau.JsonError) as info:
        reseau.Network.from_json(text[: len(text) // 2])
    assert info.value.line == 1 and "EOF" in info.value.message


def test_wrong_column_count():
    with pytest.raises(reseau.ParseError) as info:
        reseau.parse_multiplex("1 1 2\n1 1\n")
    assert (info.value.file, info.value.line) == ("edges", 2)
    assert "found 2" in info.value.reason
    with pytest.raises(reseau.ParseError) as info:
        reseau.parse_signed("1,2\n", "s.csv")
    assert (info.value.file, info.value.line) == ("s.csv", 1)


def test_non_utf8_bytes():
    with pytest.raises(reseau.EncodingError) as info:
        reseau.parse_edgelist(b"1 2\n2 3\n3 \xc3\x28\n", "net.txt")
    assert (info.value.file, info.value.line, info.value.offset) == ("net.txt", 3, 10)


def test_huge_ids():
    net = reseau.parse_edgelist("1000000000000 7\n")
    assert net.labels == ["1000000000000", "7"]
    with pytest.raises(reseau.UnknownPersonError) as info:
        reseau.simulate(aarhus(), [2**32 - 1], runs=10)
    assert info.value.person == "#4294967295"
    # Beyond 64 bits Python's own OverflowError, a ValueError too; never a panic.
    with pytest.raises((reseau.UnknownPersonError, OverflowError)):
        reseau.simulate(aarhus(), [2**70], runs=10)
    with pytest.raises(reseau.InvalidParameterError) as info:
        reseau.Network().add_people(2**40)
    assert "2^32" in info.value.expected


def test_negative_ids():
    assert reseau.parse_edgelist("-1 2\n").labels == ["-1", "2"]
    with pytest.raises(reseau.ParseError) as info:
        reseau.parse_multiplex("1 1 -1\n", nodes="nodeID nodeLabel\n1 ana\n")
    assert info.value.reason == 'node "-1" is not in the nodes table'
    with pytest.raises((reseau.UnknownPersonError, OverflowError)):
        reseau.simulate(aarhus(), [-1], runs=10)
    with pytest.raises((reseau.UnknownPersonError, OverflowError)):
        pair().add_tie(0, -1, "lunch")


@pytest.mark.parametrize("p", [NAN, INF, -0.1, 1.5])
def test_bad_probabilities(p):
    with pytest.raises(reseau.InvalidParameterError) as info:
        pair().add_layer("mail", probability=p)
    assert info.value.name == 'probability of layer "mail"'
    assert (info.value.value, info.value.expected) == (shown(p), "a probability in [0, 1]")
    with pytest.raises(reseau.InvalidParameterError) as info:
        pair().add_tie(0, 1, "lunch", probability=p)
    assert info.value.value == shown(p)
    with pytest.raises(reseau.InvalidParameterError):
        reseau.simulate(aarhus(), [0], reseau.IndependentCascade(probability=p), runs=10)


@pytest.mark.parametrize("w", [NAN, INF, -INF, -0.5])
def test_bad_weights(w):
    with pytest.raises(reseau.InvalidParameterError) as info:
        pair().add_tie(0, 1, "lunch", weight=w)
    assert (info.value.name, info.value.value) == ("weight", shown(w))
    with pytest.raises(reseau.ParseError) as info:
        reseau.parse_edgelist(f"1 2 1\n2 3 {shown(w)}\n", "net.txt")
    assert info.value.line == 2


def test_bad_weights_summed_beyond_the_largest():
    with pytest.raises(reseau.InvalidParameterError) as info:
        reseau.parse_edgelist("a b 3e38\nb a 3e38\n", "net.txt", duplicates="sum")
    assert (info.value.name, info.value.value) == ("net.txt:2: summed weight", "6e38")


@pytest.mark.parametrize("c", [NAN, INF, -1.0])
def test_bad_costs(c):
    with pytest.raises(reseau.InvalidParameterError) as info:
        reseau.Network().add_person(cost=c)
    assert info.value.value == shown(c)
    costs = np.ones(61)
    costs[1] = c
    with pytest.raises(reseau.InvalidParameterError) as info:
        reseau.select_relays(aarhus(), budget=2.0, costs=costs, evaluation_runs=0)
    assert info.value.name == "cost of person 1"


def test_unknown_people():
    with pytest.raises(reseau.UnknownPersonError) as info:
        pair().add_tie(0, 7, "lunch")
    assert info.value.person
    with pytest.raises(reseau.UnknownPersonError) as info:
        reseau.simulate(aarhus(), ["U4", "nobody"], runs=10)
    assert info.value.person == '"nobody"'  # a label, quoted (an id is #61)
    with pytest.raises(reseau.UnknownPersonError) as info:
        reseau.route_referrals(aarhus(), [(0, 99)])
    assert info.value.person == "#99"


def test_unknown_layers():
    with pytest.raises(reseau.UnknownLayerError) as info:
        pair().add_tie(0, 1, "dinner")
    assert info.value.name == "dinner"
    with pytest.raises(reseau.UnknownLayerError) as info:
        aarhus().without_layers(["lunch", "myspace"])
    assert info.value.name == "myspace"
    with pytest.raises(reseau.UnknownLayerError) as info:
        reseau.simulate(aarhus(), [0], reseau.IndependentCascade(layers={"golf": {}}), runs=10)
    assert info.value.name == "golf"


def test_empty_seed_sets():
    for call in (
        lambda: reseau.simulate(aarhus(), [], runs=10),
        lambda: reseau.trace(aarhus(), []),
        lambda: reseau.exact_spread(pair(), []),
    ):
        with pytest.raises(reseau.InvalidParameterError) as info:
            call()
        assert (info.value.name, info.value.value) == ("seeds", "[]")


def test_k_larger_than_the_network():
    with pytest.raises(reseau.InvalidParameterError) as info:
        reseau.select_relays(aarhus(), k=62, evaluation_runs=0)
    assert (info.value.name, info.value.value) == ("k", "62")
    assert "61" in info.value.expected


@pytest.mark.parametrize("eps", [0.0, 1.0, -0.5, 2.0, NAN])
def test_epsilon_outside_0_1(eps):
    with pytest.raises(reseau.InvalidParameterError) as info:
        reseau.select_relays(aarhus(), k=2, epsilon=eps, evaluation_runs=0)
    assert (info.value.name, info.value.value) == ("epsilon", shown(eps))
    assert info.value.expected == "a number in (0, 1)"


@pytest.mark.parametrize("rate", [0.0, -1.0, NAN, INF])
def test_zero_or_negative_rates(rate):
    with pytest.raises(reseau.InvalidParameterError) as info:
        reseau.route_referrals(aarhus(), rate=rate, steps=10)
    assert info.value.value == shown(rate)
    with pytest.raises(reseau.InvalidParameterError) as info:
        reseau.referral_load_curve(aarhus(), [rate], steps=10)
    assert info.value.value == shown(rate)


def test_fatigue_rate_zero_is_no_fatigue_but_negative_is_refused():
    assert reseau.Fatigue.exponential(0.0).willingness(100.0) == 1.0
    with pytest.raises(reseau.InvalidParameterError) as info:
        reseau.Fatigue.exponential(-1.0)
    assert (info.value.name, info.value.value) == ("fatigue rate", "-1")


@pytest.mark.parametrize("h", [0.0, -2.0, NAN])
def test_zero_or_negative_half_lives(h):
    with pytest.raises(reseau.InvalidParameterError) as info:
        reseau.Fatigue.hill(3.0, 2.0, half_life=h)
    assert (info.value.name, info.value.value) == ("fatigue half_life", shown(h))
    with pytest.raises(reseau.InvalidParameterError):
        reseau.route_referrals(
            aarhus(), [(0, 1)], fatigue={"curve": {"kind": "queue", "size": 2}, "half_life": h}
        )


@pytest.mark.parametrize("share", [-0.1, 1.5, NAN])
def test_mixes_outside_0_1(share):
    with pytest.raises(reseau.InvalidParameterError) as info:
        reseau.route_referrals(aarhus(), [(0, 1)], physical_share=share)
    assert (info.value.name, info.value.value) == ("physical_share", shown(share))


def test_json_from_a_newer_format_version():
    data = json.loads(aarhus().to_json())
    data["version"] = reseau.FORMAT_VERSION + 1
    with pytest.raises(reseau.UnsupportedVersionError) as info:
        reseau.Network.from_json(json.dumps(data))
    assert (info.value.found, info.value.supported) == (reseau.FORMAT_VERSION + 1, reseau.FORMAT_VERSION)
    with pytest.raises(reseau.UnsupportedVersionError):
        reseau.Network.from_json('{"version": 7, "people": "many", "hologram": true}')


def test_json_with_missing_fields():
    data = json.loads(aarhus().to_json())
    del data["self_loops_dropped"]
    with pytest.raises(reseau.JsonError) as info:
        reseau.Network.from_json(json.dumps(data))
    assert "missing field `self_loops_dropped`" in info.value.message
    data = json.loads(aarhus().to_json())
    del data["ties"][3]["source"]
    with pytest.raises(reseau.JsonError) as info:
        reseau.Network.from_json(json.dumps(data))
    assert "missing field `source`" in info.value.message


def test_json_with_extra_fields():
    data = json.loads(aarhus().to_json())
    data["colour"] = "red"
    with pytest.raises(reseau.JsonError) as info:
        reseau.Network.from_json(json.dumps(data))
    assert "unknown field `colour`" in info.value.message
    data = json.loads(aarhus().to_json())
    data["ties"][0]["strength"] = 2
    with pytest.raises(reseau.JsonError) as info:
        reseau.Network.from_json(json.dumps(data))
    assert "unknown field `strength`" in info.value.message


def test_limits():
    """Requests that would exhaust memory or run for days are refused up front, saying what
    was asked and the limit (crates/reseau/tests/limits.rs has every case)."""
    with pytest.raises(reseau.InvalidParameterError) as info:
        reseau.generators.erdos_renyi(n=10**12, mean_degree=1.0)
    assert (info.value.name, info.value.value) == ("n", "1000000000000")
    assert "268435456" in info.value.expected
    with pytest.raises(reseau.InvalidParameterError) as info:
        reseau.generators.erdos_renyi(n=10**6, mean_degree=999_999.0)  # 5 x 10^11 ties
    assert info.value.name == "mean_degree" and "268435456 ties" in info.value.expected
    with pytest.raises(reseau.InvalidParameterError) as info:
        reseau.simulate(aarhus(), [0], runs=10**15)
    assert (info.value.name, info.value.value) == ("runs", "1000000000000000")
    assert "4294967296" in info.value.expected


def test_random_input_never_panics():
    """The bindings' share of the fuzzing (crates/reseau/tests/fuzz.rs): random bytes made of
    the formats' characters, through every reader and JSON loading, give a ReseauError or a
    network that re-serialises; a PanicException (a BaseException) would fail the test."""
    rng = random.Random(10)
    alphabet = b"0123456789 ,\n\r\t\x0c#-.eainf\"\xff\xc3"
    readers = [
        reseau.parse_edgelist,
        reseau.parse_csv,
        reseau.parse_multiplex,
        reseau.parse_mpx,
        reseau.parse_signed,
    ]
    valid = 0
    for _ in range(300):
        data = bytes(rng.choice(alphabet) for _ in range(rng.randrange(60)))
        for read in readers:
            try:
                net = read(data)
            except reseau.ReseauError:
                continue
            valid += 1
            assert reseau.Network.from_json(net.to_json()).to_json() == net.to_json()
        with pytest.raises(reseau.ReseauError):
            reseau.Network.from_json(data.decode("utf-8", "replace") + "{")
    assert valid > 0  # the inputs reach whole networks, not only errors
    # What the long fuzz run found: a line of form feeds once panicked the multiplex reader.
    assert reseau.parse_multiplex("\x0c\n", layers=" ").num_ties == 0
