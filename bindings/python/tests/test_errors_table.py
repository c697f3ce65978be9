"""The table of docs/errors.md, from Python: one test per row, named as in
crates/reseau/tests/errors.rs. Each asserts the exception class (never a PanicException,
which is a BaseException and would escape pytest.raises) and the fields a person needs to fix
the input. Rows that other test files cover already are listed in docs/errors.md."""

from __future__ import annotations

import json
import math
import random
import time

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


def test_damaged_binary_files(tmp_path):
    data = aarhus().to_bytes()
    with pytest.raises(reseau.FormatError) as info:
        reseau.Network.from_bytes(data[:100])
    err = info.value
    assert (err.file, err.offset, err.field) == ("<bytes>", 16, "payload length")
    assert err.reason == "the header announces 22528 bytes of payload, the file holds 68"
    changed = bytearray(data)
    changed[-1] ^= 1
    with pytest.raises(reseau.FormatError):
        reseau.Network.from_bytes(bytes(changed))
    path = tmp_path / "edges.rsn"
    path.write_text("1 2\n2 3\n3 4\n4 5\n5 6\n6 7\n7 8\n8 9\n")
    with pytest.raises(reseau.FormatError) as info:
        reseau.load(path)
    assert (info.value.file, info.value.offset, info.value.field) == (str(path), 0, "magic")


def test_binary_files_from_a_newer_version_or_byte_order():
    data = bytearray(aarhus().to_bytes())
    data[12] = 2
    with pytest.raises(reseau.UnsupportedVersionError) as info:
        reseau.Network.from_bytes(bytes(data))
    assert (info.value.found, info.value.supported) == (2, 1)
    data = bytearray(aarhus().to_bytes())
    data[8:12] = data[8:12][::-1]
    with pytest.raises(reseau.FormatError) as info:
        reseau.Network.from_bytes(bytes(data))
    assert (info.value.offset, info.value.field) == (8, "byte order")


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


def test_requests_beyond_memory():
    net = aarhus()
    started = time.monotonic()
    with pytest.raises(reseau.OutOfMemoryError) as info:
        reseau.route_referrals(net, n_requests=4_000_000_000)
    err = info.value
    assert isinstance(err, MemoryError) and isinstance(err, reseau.ReseauError)
    assert err.fields == ["what", "needed", "available"] and err.needed > err.available
    assert "4000000000" in err.what
    with pytest.raises(reseau.OutOfMemoryError):
        reseau.referral_load_curve(net, [1e9], steps=4)
    # max_memory reaches every long call through its request, as any other keyword.
    tiny = {"max_memory": 1}
    calls = {
        "simulate": lambda: reseau.simulate(net, [0], runs=10, **tiny),
        "route_referrals": lambda: reseau.route_referrals(net, n_requests=100, **tiny),
        "referral_load_curve": lambda: reseau.referral_load_curve(net, [1.0, 2.0], steps=20, **tiny),
        "select_relays": lambda: reseau.select_relays(net, k=2, evaluation_runs=10, **tiny),
        "reputation": lambda: reseau.reputation(net, "influence", samples=1000, **tiny),
        "balance": lambda: reseau.balance(net, mixes=[0.5], runs=10, steps=20, **tiny),
    }
    for name, call in calls.items():
        with pytest.raises(reseau.OutOfMemoryError) as info:
            call()
        assert info.value.available <= 1 < info.value.needed, name  # (a curve shares its budget)
    assert time.monotonic() - started < 10
    # The library and the network work afterwards.
    assert reseau.simulate(net, [0], runs=10).runs == 10
    assert reseau.route_referrals(net, n_requests=100, seed=1).requests == 100


def test_tiny_probabilities():
    # Below 2^-53 a probability is zero: the cascade ends at once, as at p = 0.
    net = aarhus()
    started = time.monotonic()
    for p in [1e-300, 1e-17, 5e-324]:
        assert reseau.simulate(net, [0], reseau.IndependentCascade(p), runs=50).mean == 1.0
        settings = {"lunch": reseau.LayerSettings(probability=0.5, multiplier=p)}
        assert reseau.simulate(net, [0], reseau.IndependentCascade(0.5, layers=settings), runs=50).mean >= 1.0
    assert time.monotonic() - started < 10


def test_shards_of_different_simulations():
    net = aarhus()
    a = reseau.simulate(net, [0], seed=1, run_range=(0, 64))
    b = reseau.simulate(net, [0], reseau.IndependentCascade(0.3), seed=1, run_range=(64, 128))
    with pytest.raises(reseau.InvalidParameterError, match="different simulations"):
        reseau.merge([a, b])
    c = reseau.simulate(net, [1], seed=1, run_range=(64, 128))
    with pytest.raises(reseau.InvalidParameterError, match="different simulations"):
        a.merge(c)
    state = a.to_dict()
    state.pop("fingerprint")
    old = reseau.CascadePartial._from_state(state, a._state())
    with pytest.raises(reseau.InvalidParameterError, match="without a fingerprint"):
        old.merge(a)
    started = time.monotonic()
    with pytest.raises(reseau.InvalidParameterError) as info:
        reseau.shard_ranges(10**18, 10**9)
    assert (info.value.name, info.value.value) == ("shards", "1000000000")
    assert time.monotonic() - started < 1


def test_edited_results():
    import pickle

    net = aarhus()
    summary = reseau.route_referrals(net, n_requests=50, seed=1)
    state = summary.to_dict()
    state["succeeded"] = 1_000_000
    with pytest.raises(reseau.InvalidParameterError) as info:
        reseau.ReferralSummary._from_state(state, summary._state())
    assert info.value.name == "ReferralSummary.succeeded"
    chosen = reseau.select_relays(net, k=2, evaluation_runs=0)
    state = chosen.to_dict()
    state["relays"][0] = 99
    with pytest.raises(reseau.InvalidParameterError) as info:
        reseau.RelaySelection._from_state(state, chosen._state())
    assert info.value.name == "RelaySelection.relays" and "99" in info.value.value
    # Live results come back as they were.
    assert pickle.loads(pickle.dumps(chosen)) == chosen


def test_labels_that_read_as_another_person():
    net = reseau.Network()
    net.add_people(3)
    with pytest.raises(reseau.InvalidParameterError) as info:
        net.add_person(label="#1")
    assert info.value.name == "label" and "#1" in info.value.value


def test_unknown_digital_layers():
    mpx = "#LAYERS\nfacebook,UNDIRECTED\n#EDGES\nana,bo,facebook\n"
    with pytest.raises(reseau.UnknownLayerError) as info:
        reseau.parse_mpx(mpx, "x.mpx", digital=["facebok"])
    assert info.value.name == "facebok"
    with pytest.raises(reseau.UnknownLayerError):
        reseau.parse_csv("source,target,layer\nana,bo,facebook\n", layer_column="layer", digital=["facebok"])


def test_empty_networks():
    with pytest.raises(reseau.InvalidParameterError) as info:
        reseau.select_relays(reseau.Network(), budget=1.0)
    assert info.value.name == "network" and "inf" not in str(info.value)
    with pytest.raises(reseau.InvalidParameterError) as info:
        reseau.report(reseau.Network(), quick=True)
    assert "invalid k" not in str(info.value)


def test_integers_out_of_range():
    # A Python int beyond the core's integer type is an error naming the parameter, never an
    # OverflowError that does not say which one.
    net = aarhus()
    ic = reseau.IndependentCascade(0.1)
    calls = [
        ("seed", lambda: reseau.simulate(net, [0], ic, runs=2, seed=2**70)),
        ("seed", lambda: reseau.simulate(net, [0], ic, runs=2, seed=2**200)),
        ("runs", lambda: reseau.simulate(net, [0], ic, runs=2**64)),
        ("runs", lambda: reseau.simulate(net, [0], ic, runs=-1)),
        ("k", lambda: reseau.select_relays(net, k=-1)),
        ("k", lambda: reseau.select_relays(net, k=2**70)),
        ("samples", lambda: reseau.reputation(net, "pagerank", samples=2**70)),
        ("steps", lambda: reseau.referral_load_curve(net, [1.0], steps=2**40)),
        ("n_requests", lambda: reseau.route_referrals(net, n_requests=2**70)),
        ("seed", lambda: reseau.balance(net, seed=2**64)),
        ("n", lambda: reseau.generators.erdos_renyi(n=-1, mean_degree=1.0)),
        ("n", lambda: reseau.generators.erdos_renyi(n=2**70, mean_degree=1.0)),
        ("seed", lambda: reseau.generators.erdos_renyi(n=10, mean_degree=1.0, seed=2**64)),
        ("m", lambda: reseau.generators.barabasi_albert(n=10, m=-2)),
        ("long_range", lambda: reseau.generators.kleinberg(side=3, long_range=2**70)),
        ("sizes[0]", lambda: reseau.generators.stochastic_block(sizes=[2**70], probabilities=[[0.1]])),
        ("seed", lambda: reseau.generators.professional(seed=-1)),
        ("n", lambda: reseau.Network().add_people(-1)),
        ("n", lambda: reseau.Network().add_people(2**70)),
        ("latency", lambda: reseau.Network().add_layer("lunch", latency=-1)),
        ("latency", lambda: reseau.Network().add_layer("lunch", latency=2**40)),
        ("latency", lambda: net.copy().configure_layer("lunch", latency=2**40)),
    ]
    for name, call in calls:
        with pytest.raises(reseau.InvalidParameterError) as info:
            call()
        assert info.value.name == name, (name, str(info.value))
    # A required keyword left out is Python's TypeError, as for any function.
    with pytest.raises(TypeError, match=r"erdos_renyi\(\) missing required keyword argument 'n'"):
        reseau.generators.erdos_renyi(mean_degree=1.0)


def test_bytes_as_people():
    # Bytes are not a list of ids (b"\x00\x01" is not [0, 1]): a TypeError naming the argument.
    net = aarhus()
    ic = reseau.IndependentCascade(0.1)
    for raw in (b"\x00\x01", bytearray(b"\x00")):
        for name, call in [
            ("seeds", lambda: reseau.simulate(net, raw, ic, runs=2)),
            ("bad_seeds", lambda: reseau.simulate(net, [0], ic, bad_seeds=raw, runs=2)),
            ("seeds", lambda: reseau.trace(net, raw, ic)),
            ("seeds", lambda: reseau.exact_spread(pair(), raw, ic)),
            ("requests", lambda: reseau.route_referrals(net, requests=raw)),
        ]:
            with pytest.raises(TypeError, match=f"^{name}: .*not {type(raw).__name__}"):
                call()
    with pytest.raises(TypeError, match=r"^requests\[0\]"):
        reseau.route_referrals(net, requests=[(b"U4", 1)])
    with pytest.raises(TypeError, match="not bytes"):
        net.degree(b"U4")
    # A str is one label, not a list of characters.
    assert reseau.simulate(net, "U4", ic, runs=20).mean == reseau.simulate(net, ["U4"], ic, runs=20).mean
