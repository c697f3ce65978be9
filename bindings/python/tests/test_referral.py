"""Referral chains from Python: route_referrals, trace_referrals and referral_load_curve,
checked against exact small cases (a path), Kleinberg's lattice, the collapse of the load
curve on the Aarhus network, values printed by the Rust core, and every bad parameter mapped
to its exception."""

from __future__ import annotations

import json
import math
import pickle
import threading
import time

import numpy as np
import pytest

import reseau

from helpers import REPO, stall_share

F = reseau.Fatigue
TIRED = F.hill(half=2, exponent=2, half_life=10)
RATES = [0.5 * 2**i for i in range(11)]  # 0.5 to 512


def aarhus() -> reseau.Network:
    return reseau.datasets.aarhus_cs()


def path(n: int) -> reseau.Network:
    """0 - 1 - ... - (n - 1), one physical layer."""
    net = reseau.Network()
    net.add_layer("work")
    net.add_people(n)
    for i in range(n - 1):
        net.add_tie(i, i + 1, "work")
    return net


def star(leaves: int) -> reseau.Network:
    """A hub (0) and its leaves, the hub known offline and online."""
    net = reseau.Network()
    net.add_layer("office")
    net.add_layer("chat", kind="digital", latency=3)
    net.add_people(leaves + 1)
    for leaf in range(1, leaves + 1):
        net.add_tie(0, leaf, "office")
        net.add_tie(0, leaf, "chat")
    return net


# ----- the issue's shape -----


def test_issue_shape_verbatim():
    net = aarhus()
    s = reseau.route_referrals(
        net, requests=None, n_requests=1000, rate=None, strategy="greedy", fatigue=None, seed=0
    )
    assert isinstance(s, reseau.ReferralSummary)
    assert s.requests == 1000
    tired = reseau.Fatigue.hill(half=3, exponent=2, half_life=None)
    assert tired.half_life is None
    s = reseau.route_referrals(net, n_requests=1000, rate=5, fatigue=tired, seed=0)
    assert s.success_ci95[0] <= s.success_rate <= s.success_ci95[1]


# ----- exact small cases -----


@pytest.mark.parametrize("strategy", ["oracle", "greedy", "hub", "strongest_tie", "random"])
@pytest.mark.parametrize("q", [0.3, 0.5, 0.8])
def test_path_success_is_q_squared(strategy, q):
    # 0 -> 3 on a path: two intermediaries, each forwarding with probability q. Every strategy
    # has only one way forward (a holder cannot send it back).
    n = 4000
    s = reseau.route_referrals(path(4), [(0, 3)] * n, strategy=strategy, forward=q, seed=11)
    se = math.sqrt(q * q * (1 - q * q) / n)
    assert abs(s.success_rate - q * q) < 4 * se
    assert s.chain_lengths.tolist() == [0, 0, 0, s.succeeded]
    assert s.unwilling == n - s.succeeded and s.dead_ends == 0
    assert s.alive.tolist()[:3] == [n, n, s.alive[2]]
    # Attrition at hops 1 and 2 is 1 - q (within noise), none at the source.
    assert s.attrition[0] == 0.0
    assert abs(s.attrition[1] - (1 - q)) < 4 * math.sqrt(q * (1 - q) / n)


def test_path_hop_limit_and_dead_end():
    net = path(6)
    s = reseau.route_referrals(net, [(0, 5)] * 10, max_hops=3)
    assert s.truncated == 10 and s.succeeded == 0
    assert reseau.route_referrals(net, [(0, 5)], max_hops=5).succeeded == 1
    # A person with no way on but back: a dead end.
    net = reseau.Network()
    net.add_layer("t")
    net.add_people(4)
    net.add_tie(0, 1, "t")
    net.add_tie(2, 3, "t")
    s = reseau.route_referrals(net, [(0, 3)])
    assert s.dead_ends == 1 and s.succeeded == 0


def test_star_layers_latency_and_physical_share():
    net = star(5)
    # Leaf 1 to leaf 2 through the hub: two hops.
    physical = reseau.route_referrals(net, [(1, 2)] * 200, physical_share=1.0, seed=1)
    assert physical.succeeded == 200 and physical.chain_lengths.tolist() == [0, 0, 200]
    assert physical.layer_shares == {"office": 1.0, "chat": 0.0}
    assert physical.times.tolist() == [[2, 200]] and physical.mean_time == 2.0
    digital = reseau.route_referrals(net, [(1, 2)] * 200, physical_share=0.0, seed=1)
    assert digital.layer_shares == {"office": 0.0, "chat": 1.0}
    assert digital.times.tolist() == [[6, 200]]
    assert digital.mean_chain_length == 2.0 and digital.mean_intermediaries == 1.0
    half = reseau.route_referrals(net, [(1, 2)] * 2000, physical_share=0.5, seed=1)
    assert abs(half.layer_shares["office"] - 0.5) < 0.05
    # Forwarding per layer: requests that arrive on chat are dropped.
    s = reseau.route_referrals(
        net, [(1, 2)] * 100, physical_share=0.0, layer_forward={"chat": 0.0}, seed=1
    )
    assert s.succeeded == 0 and s.unwilling == 100


def test_fatigue_is_shared_by_every_request():
    # Capacity 3: the hub of a star forwards the first three requests, and no more.
    net = star(5)
    s = reseau.route_referrals(net, [(1, 2)] * 10, fatigue=F.capacity(3))
    assert s.succeeded == 3 and s.unwilling == 7
    busiest = s.overloaded[0]
    assert busiest == {"person": 0, "label": "#0", "requests": 10, "peak_load": 10.0}  # its display name
    # With a half-life the hub recovers between requests spread out in time.
    spread = reseau.route_referrals(
        net, [(1, 2)] * 10, rate=0.05, fatigue=F.capacity(1.5, half_life=1)
    )
    assert spread.succeeded == 10


# ----- Kleinberg's lattice -----


def test_greedy_routing_on_kleinberg_lattices():
    # Kleinberg (2000): r = 2 is the navigable exponent. On a finite grid the best exponent
    # sits a little below 2 and r = 2's advantage over r = 0 grows with the size (on 100 x 100
    # they are about even), hence 500 x 500, as in the core's test.
    def mean_steps(r: float) -> float:
        lattice = reseau.generators.kleinberg(side=500, r=r, seed=3)
        s = reseau.route_referrals(lattice, n_requests=300, max_hops=100_000, seed=5)
        assert s.succeeded == s.requests  # greedy on a lattice always gets closer
        assert s.mean_time == s.mean_chain_length  # every tie takes one step
        return s.mean_chain_length

    at_0, at_2, at_4 = mean_steps(0.0), mean_steps(2.0), mean_steps(4.0)
    assert at_2 < 0.8 * at_0
    assert at_2 < 0.3 * at_4


def test_oracle_bounds_greedy():
    net = reseau.generators.kleinberg(side=30, r=2.0, seed=1)
    greedy = reseau.route_referrals(net, n_requests=300, seed=2)
    oracle = reseau.route_referrals(net, n_requests=300, strategy="oracle", seed=2)
    assert oracle.succeeded == greedy.succeeded == 300
    assert oracle.mean_chain_length <= greedy.mean_chain_length


# ----- workloads -----


def starts(**kwargs) -> list:
    return [t["start"] for t in reseau.trace_referrals(path(5), **kwargs)]


def test_random_workload_mapping():
    net = aarhus()
    assert reseau.route_referrals(net).requests == 1000
    assert set(starts(n_requests=50)) == {0}  # all at once
    got = starts(n_requests=10, rate=2)
    assert len(got) == 10 and max(got) == 4
    got = starts(n_requests=10, rate=3)  # 4 steps of 3: two more than asked
    assert len(got) == 12 and max(got) == 3
    got = starts(n_requests=10, rate=0.5)
    assert len(got) == 10 and max(got) == 19
    got = starts(n_requests=100, steps=7)  # rate 100/7: exactly 100
    assert len(got) == 100 and max(got) == 6
    got = starts(n_requests=1000, steps=3)
    assert len(got) == 1000
    got = starts(rate=2.5, steps=4)  # 2, 3, 2, 3
    assert [got.count(t) for t in range(4)] == [2, 3, 2, 3]
    assert len(starts(rate=2.5, steps=4, n_requests=10)) == 10
    assert len(starts(steps=4)) == 1000


def test_explicit_requests_in_every_form():
    net = aarhus()
    labels = net.labels
    pairs = [(0, 5), (3, 9), (10, 50)]
    expected = reseau.route_referrals(net, pairs, seed=3).to_dict()
    forms = [
        [list(p) for p in pairs],
        [(labels[a], labels[b]) for a, b in pairs],
        [(labels[a], b) for a, b in pairs],
        np.array(pairs),
        np.array(pairs, dtype=np.int32),
        np.array(pairs, dtype=np.uint16),
        np.array([[labels[a], labels[b]] for a, b in pairs]),
        (p for p in pairs),
        [(np.int64(a), np.uint8(b)) for a, b in pairs],
    ]
    for form in forms:
        assert reseau.route_referrals(net, form, seed=3).to_dict() == expected
    assert reseau.route_referrals(net, []).requests == 0
    assert reseau.route_referrals(net, np.zeros((0, 2), dtype=int)).requests == 0
    # A rate spreads explicit requests out.
    traces = reseau.trace_referrals(net, pairs * 2, rate=2)
    assert [t["start"] for t in traces] == [0, 0, 1, 1, 2, 2]


# ----- results -----


def test_summary_fields():
    net = aarhus()
    s = reseau.route_referrals(net, n_requests=400, rate=4, forward=0.8, fatigue=TIRED, seed=8)
    assert s.succeeded + s.unwilling + s.dead_ends + s.truncated + s.ignored == s.requests == 400
    assert s.ignored > 0  # tired targets
    for array, dtype in (
        (s.chain_lengths, np.uint64),
        (s.alive, np.uint64),
        (s.dropped, np.uint64),
        (s.layer_hops, np.uint64),
        (s.times, np.uint64),
        (s.attrition, np.float64),
    ):
        assert isinstance(array, np.ndarray) and array.dtype == dtype
    assert s.times.shape[1] == 2 and int(s.times[:, 1].sum()) == s.succeeded
    assert int(s.chain_lengths.sum()) == s.succeeded
    assert int(s.layer_hops.sum()) == s.hops
    assert list(s.layer_shares) == s.layer_names == [layer.name for layer in net.layers]
    assert np.allclose(s.attrition, s.dropped / s.alive)
    assert s.mean_intermediaries == s.mean_chain_length - 1
    assert s.labels == net.labels
    assert 0 < len(s.overloaded) <= 10
    counts = [o["requests"] for o in s.overloaded]
    assert counts == sorted(counts, reverse=True)
    for o in s.overloaded:
        assert o["label"] == net.labels[o["person"]] and o["peak_load"] <= o["requests"]
    assert s.last_step >= 99


def test_empty_summary():
    s = reseau.route_referrals(aarhus(), [])
    assert (s.requests, s.succeeded, s.success_rate, s.success_ci95) == (0, 0, 0.0, (0.0, 1.0))
    assert s.mean_chain_length is None and s.mean_time is None and s.overloaded == []
    assert s.times.shape == (0, 2)
    assert "0 requests" in repr(s) and "<table>" in s._repr_html_()


def test_trace_records():
    net = aarhus()
    records = reseau.trace_referrals(net, n_requests=300, forward=0.7, fatigue=TIRED, seed=4)
    summary = reseau.route_referrals(net, n_requests=300, forward=0.7, fatigue=TIRED, seed=4)
    assert len(records) == 300
    outcomes = [r["outcome"] for r in records]
    assert outcomes.count("delivered") == summary.succeeded
    assert outcomes.count("unwilling") == summary.unwilling
    assert outcomes.count("ignored") == summary.ignored
    assert set(outcomes) <= {"delivered", "unwilling", "dead_end", "truncated", "ignored"}
    names = set(summary.layer_names)
    for r in records:
        # The core's one shape of a trace: ids, and the labels beside them.
        assert set(r) == {"source", "target", "start", "end", "path", "labels", "layers", "hops", "outcome"}
        assert r["path"][0] == r["source"] != r["target"]
        assert r["labels"] == [net.labels[p] for p in r["path"]]
        assert len(r["layers"]) == r["hops"] == len(r["path"]) - 1
        assert set(r["layers"]) <= names and r["end"] >= r["start"]
        if r["outcome"] == "delivered":
            assert r["path"][-1] == r["target"]
            assert all(net.tie(a, b, layer) for a, b, layer in zip(r["path"], r["path"][1:], r["layers"]))
    lengths = [r["hops"] for r in records if r["outcome"] == "delivered"]
    assert np.bincount(lengths, minlength=len(summary.chain_lengths)).tolist() == (
        summary.chain_lengths.tolist()
    )


def test_trace_to_pandas():
    pd = pytest.importorskip("pandas")
    records = reseau.trace_referrals(aarhus(), n_requests=20, seed=1)
    df = pd.DataFrame(records)
    assert len(df) == 20 and df["hops"].dtype.kind == "i"


def test_determinism():
    net = aarhus()
    kwargs = dict(n_requests=500, rate=3, forward=0.8, fatigue=TIRED)
    a = reseau.route_referrals(net, seed=1, **kwargs).to_dict()
    assert reseau.route_referrals(net, seed=1, **kwargs).to_dict() == a
    assert reseau.route_referrals(net, seed=2, **kwargs).to_dict() != a
    t = reseau.trace_referrals(net, seed=1, **kwargs)
    assert reseau.trace_referrals(net, seed=1, **kwargs) == t
    assert reseau.trace_referrals(net, seed=2, **kwargs) != t
    c = reseau.referral_load_curve(net, [1, 4, 16], steps=50, fatigue=TIRED, seed=1).to_dict()
    assert reseau.referral_load_curve(net, [1, 4, 16], steps=50, fatigue=TIRED, seed=1).to_dict() == c
    assert reseau.referral_load_curve(net, [1, 4, 16], steps=50, fatigue=TIRED, seed=2).to_dict() != c
    # Strategies differ.
    assert reseau.route_referrals(net, seed=1, strategy="hub", **kwargs).to_dict() != a


def test_summary_round_trips():
    net = aarhus()
    s = reseau.route_referrals(net, n_requests=300, rate=3, fatigue=TIRED, seed=6)
    for protocol in range(0, pickle.HIGHEST_PROTOCOL + 1):
        again = pickle.loads(pickle.dumps(s, protocol=protocol))
        assert again.to_dict() == s.to_dict() and again.labels == s.labels
        assert repr(again) == repr(s) and again.overloaded == s.overloaded
        assert np.array_equal(again.attrition, s.attrition)
    d = s.to_dict()
    assert d["requests"] == 300 and d["layer_names"] == s.layer_names
    assert d["chain_lengths"] == s.chain_lengths.tolist()


def test_summary_repr_html_and_pandas():
    s = reseau.route_referrals(aarhus(), [(0, 5)] * 4, strategy="oracle")
    assert repr(s) == (
        "<reseau.ReferralSummary: 4 requests, 4 delivered (100.0%, 95% CI 51.0% to 100.0%), "
        f"mean chain {s.mean_chain_length:g} hops>"
    )
    one = reseau.route_referrals(aarhus(), [(0, 5)], forward=0.0, strategy="oracle")
    assert repr(one).startswith("<reseau.ReferralSummary: 1 request, ")
    page = reseau.route_referrals(aarhus(), n_requests=100, seed=1)._repr_html_()
    assert "<table>" in page and "most solicited" in page and "facebook" in page
    pd = pytest.importorskip("pandas")
    s = reseau.route_referrals(aarhus(), n_requests=500, forward=0.6, seed=2)
    df = s.to_pandas()
    assert isinstance(df, pd.DataFrame) and df.index.name == "hop"
    assert list(df.columns) == ["alive", "dropped", "attrition", "delivered"]
    assert df["alive"].tolist()[: len(s.alive)] == s.alive.tolist()
    assert int(df["delivered"].sum()) == s.succeeded
    assert int(df["dropped"].sum()) == s.requests - s.succeeded - s.ignored


# ----- the load curve -----


def test_load_curve_rises_peaks_and_collapses_on_aarhus():
    curve = reseau.referral_load_curve(aarhus(), RATES, steps=300, fatigue=TIRED, seed=7)
    assert isinstance(curve, reseau.LoadCurve)
    t = curve.throughput
    assert t[1] > t[0] and t[2] > t[1]  # rises,
    assert 0 < curve.peak_index < len(RATES) - 1  # peaks,
    assert curve.collapse_rate is not None and curve.collapse_rate > curve.peak_rate  # collapses
    assert t[-1] < 0.5 * curve.peak_throughput
    assert curve.peak_rate == RATES[curve.peak_index] and curve.peak_throughput == t.max()
    # The success rate only falls as the network tires.
    assert (np.diff(curve.success_rate) <= 0).all()
    # Under load, only short chains get through.
    assert curve.mean_chain_length[-1] < curve.mean_chain_length[0]


def test_load_curve_without_fatigue_does_not_collapse():
    curve = reseau.referral_load_curve(aarhus(), RATES[:6], steps=100, seed=1)
    assert curve.collapse_rate is None and curve.peak_index == 5
    assert (np.diff(curve.throughput) > 0).all()


def test_load_curve_fields_and_round_trips():
    curve = reseau.referral_load_curve(
        aarhus(), np.array([1.0, 2.0, 4.0]), steps=40, forward=0.0, seed=3
    )
    assert (curve.steps, curve.warmup) == (40, 20)
    assert curve.requests.tolist() == [20, 40, 80] and curve.succeeded.dtype == np.uint64
    # Nothing gets through (a direct tie to the target aside).
    assert np.isnan(curve.mean_chain_length).any() or (curve.mean_chain_length == 1).all()
    assert curve.rates.dtype == np.float64
    for protocol in range(0, pickle.HIGHEST_PROTOCOL + 1):
        again = pickle.loads(pickle.dumps(curve, protocol=protocol))
        assert again.to_dict() == curve.to_dict() and repr(again) == repr(curve)
    d = curve.to_dict()
    assert d["rates"] == [1.0, 2.0, 4.0] and len(d["mean_chain_length"]) == 3
    assert repr(curve).startswith("<reseau.LoadCurve: 3 rates from 1 to 4; peak ")
    assert "<table>" in curve._repr_html_()
    pd = pytest.importorskip("pandas")
    df = curve.to_pandas()
    assert df.index.name == "rate" and df.index.tolist() == [1.0, 2.0, 4.0]
    assert df["requests"].tolist() == [20, 40, 80]


def test_load_curve_without_completed_chains_has_nan():
    # Nobody has a contact: every request is a dead end at its source.
    net = reseau.Network()
    net.add_layer("t")
    net.add_people(5)
    curve = reseau.referral_load_curve(net, [1.0, 2.0], steps=10, seed=2)
    assert np.isnan(curve.mean_chain_length).all()
    assert curve.to_dict()["mean_chain_length"] == [None, None]
    assert curve.collapse_rate is None and curve.peak_rate == 1.0
    assert (curve.throughput == 0).all()


# ----- the same numbers as the Rust core -----


def test_the_golden_values_of_the_rust_core():
    # tests/golden/golden.json is written by the Rust core (crates/reseau/tests/golden.rs) and
    # asserted by the wasm package too: the three languages give the very same numbers.
    golden = json.loads((REPO / "tests" / "golden" / "golden.json").read_text(encoding="utf-8"))
    golden = golden["referral"]
    net = aarhus()
    a = golden["route"]["args"]
    fatigue = F.hill(*a["fatigue"]["hill"], half_life=a["fatigue"]["half_life"])
    s = reseau.route_referrals(
        net,
        n_requests=a["n_requests"],
        rate=a["rate"],
        forward=a["forward"],
        layer_forward=a["layer_forward"],
        fatigue=fatigue,
        seed=a["seed"],
    )
    assert s.to_dict() == golden["route"]["summary"]

    a = golden["trace"]["args"]
    traces = reseau.trace_referrals(
        net, [tuple(r) for r in a["requests"]], strategy=a["strategy"], forward=a["forward"], seed=a["seed"]
    )
    assert [t["path"] for t in traces] == golden["trace"]["paths"]
    assert [t["outcome"] for t in traces] == golden["trace"]["outcomes"]
    assert traces[0]["source"] == a["requests"][0][0]

    a = golden["load_curve"]["args"]
    expected = golden["load_curve"]["curve"]
    fatigue = F.hill(*a["fatigue"]["hill"], half_life=a["fatigue"]["half_life"])
    curve = reseau.referral_load_curve(net, a["rates"], steps=a["steps"], fatigue=fatigue, seed=a["seed"])
    assert curve.succeeded.tolist() == expected["succeeded"]
    assert curve.throughput.tolist() == expected["throughput"]
    assert (curve.peak_rate, curve.collapse_rate) == (expected["peak_rate"], expected["collapse_rate"])
    assert curve.peak_throughput == expected["peak_throughput"]


# ----- bad parameters -----


def bad_calls():
    net = aarhus()
    R = reseau.route_referrals
    yield "negative rate", reseau.InvalidParameterError, lambda: R(net, rate=-1)
    yield "rate 0", reseau.InvalidParameterError, lambda: R(net, rate=0)
    yield "NaN rate", reseau.InvalidParameterError, lambda: R(net, rate=float("nan"))
    yield "negative rate (pairs)", reseau.InvalidParameterError, lambda: R(net, [(0, 1)], rate=-2)
    yield "rate text", reseau.InvalidParameterError, lambda: R(net, rate="fast")
    yield "half_life 0", reseau.InvalidParameterError, lambda: R(
        net, fatigue=F.hill(3, 2, half_life=0)
    )
    yield "half_life 0 (dict)", reseau.InvalidParameterError, lambda: R(
        net, fatigue={"curve": {"kind": "hill", "half": 3, "exponent": 2}, "half_life": 0}
    )
    yield "capacity -1", reseau.InvalidParameterError, lambda: R(net, fatigue=F.capacity(-1))
    yield "capacity -1 (dict)", reseau.InvalidParameterError, lambda: R(
        net, fatigue={"curve": {"kind": "capacity", "capacity": -1}}
    )
    yield "fatigue text", reseau.InvalidParameterError, lambda: R(net, fatigue="tired")
    yield "unknown target", reseau.UnknownPersonError, lambda: R(net, [(0, 61)])
    yield "unknown target label", reseau.UnknownPersonError, lambda: R(net, [("U4", "nobody")])
    yield "negative source", reseau.UnknownPersonError, lambda: R(net, [(-1, 3)])
    yield "huge target", reseau.UnknownPersonError, lambda: R(net, [(0, 2**40)])
    yield "huge array target", reseau.UnknownPersonError, lambda: R(
        net, np.array([[0, 2**63 + 5]], dtype=np.uint64)
    )
    yield "negative array source", reseau.UnknownPersonError, lambda: R(net, np.array([[-3, 1]]))
    yield "source == target", reseau.InvalidParameterError, lambda: R(net, [(4, 4)])
    yield "source == target (labels)", reseau.InvalidParameterError, lambda: R(net, [("U4", "U4")])
    yield "physical_share 1.5", reseau.InvalidParameterError, lambda: R(net, physical_share=1.5)
    yield "physical_share -0.1", reseau.InvalidParameterError, lambda: R(net, physical_share=-0.1)
    yield "forward 2", reseau.InvalidParameterError, lambda: R(net, forward=2)
    yield "forward NaN", reseau.InvalidParameterError, lambda: R(net, forward=float("nan"))
    yield "layer_forward 1.2", reseau.InvalidParameterError, lambda: R(
        net, layer_forward={"lunch": 1.2}
    )
    yield "layer_forward unknown layer", reseau.UnknownLayerError, lambda: R(
        net, layer_forward={"dinner": 0.5}
    )
    yield "layer_forward not a dict", reseau.InvalidParameterError, lambda: R(
        net, layer_forward=[0.5]
    )
    yield "max_hops 0", reseau.InvalidParameterError, lambda: R(net, max_hops=0)
    yield "max_hops -1", reseau.InvalidParameterError, lambda: R(net, max_hops=-1)
    yield "max_hops 2.5", reseau.InvalidParameterError, lambda: R(net, max_hops=2.5)
    yield "strategy teleport", reseau.InvalidParameterError, lambda: R(net, strategy="teleport")
    yield "strategy 3", reseau.InvalidParameterError, lambda: R(net, strategy=3)
    yield "n_requests 0", reseau.InvalidParameterError, lambda: R(net, n_requests=0)
    yield "n_requests -5", reseau.InvalidParameterError, lambda: R(net, n_requests=-5)
    yield "n_requests too many", reseau.InvalidParameterError, lambda: R(net, n_requests=2**33)
    yield "steps 0", reseau.InvalidParameterError, lambda: R(net, steps=0)
    yield "steps 0 with rate", reseau.InvalidParameterError, lambda: R(net, rate=2, steps=0)
    yield "n_requests disagrees", reseau.InvalidParameterError, lambda: R(
        net, n_requests=10, rate=2, steps=3
    )
    yield "tiny rate", reseau.InvalidParameterError, lambda: R(net, n_requests=10, rate=1e-12)
    yield "requests and steps", reseau.InvalidParameterError, lambda: R(net, [(0, 1)], steps=3)
    yield "requests and n_requests", reseau.InvalidParameterError, lambda: R(
        net, [(0, 1)], n_requests=3
    )
    yield "one person", reseau.InvalidParameterError, lambda: R(path(1))
    yield "request not a pair", TypeError, lambda: R(net, [(0, 1, 2)])
    yield "request a string", TypeError, lambda: R(net, ["U4"])
    yield "requests a string", TypeError, lambda: R(net, "U4")
    yield "requests a pair", TypeError, lambda: R(net, (0, 5))
    yield "request a float", TypeError, lambda: R(net, [(0.0, 5)])
    yield "requests a float array", TypeError, lambda: R(net, np.array([[0.0, 5.0]]))
    yield "requests wrong shape", TypeError, lambda: R(net, np.array([0, 5]))
    yield "requests 3 columns", TypeError, lambda: R(net, np.array([[0, 5, 6]]))
    yield "network not a network", TypeError, lambda: R("aarhus")
    yield "trace: unknown target", reseau.UnknownPersonError, lambda: reseau.trace_referrals(
        net, [(0, 99)]
    )
    yield "trace: strategy", reseau.InvalidParameterError, lambda: reseau.trace_referrals(
        net, strategy="teleport"
    )
    C = reseau.referral_load_curve
    yield "curve: no rates", reseau.InvalidParameterError, lambda: C(net, [])
    yield "curve: negative rate", reseau.InvalidParameterError, lambda: C(net, [-1.0, 2.0])
    yield "curve: rates not increasing", reseau.InvalidParameterError, lambda: C(net, [2, 1])
    yield "curve: NaN rate", reseau.InvalidParameterError, lambda: C(net, np.array([1, np.nan]))
    yield "curve: a rate", reseau.InvalidParameterError, lambda: C(net, 2.0)
    yield "curve: steps 0", reseau.InvalidParameterError, lambda: C(net, [1.0], steps=0)
    yield "curve: half_life 0", reseau.InvalidParameterError, lambda: C(
        net, [1.0], fatigue=F.queue(2, half_life=0)
    )
    yield "curve: forward 2", reseau.InvalidParameterError, lambda: C(net, [1.0], forward=2)
    yield "curve: max_hops 0", reseau.InvalidParameterError, lambda: C(net, [1.0], max_hops=0)
    yield "curve: strategy", reseau.InvalidParameterError, lambda: C(
        net, [1.0], strategy="teleport"
    )
    yield "curve: too many requests", reseau.InvalidParameterError, lambda: C(
        net, [1e9], steps=100
    )


BAD = list(bad_calls())


@pytest.mark.parametrize("what, exception, call", BAD, ids=[b[0] for b in BAD])
def test_bad_parameters(what, exception, call):
    # A PanicException is a BaseException: pytest.raises(...) would not catch it.
    with pytest.raises(exception) as info:
        call()
    assert type(info.value).__name__ != "PanicException"
    if issubclass(exception, reseau.ReseauError):
        assert type(info.value) is exception
        assert isinstance(info.value, ValueError)
        assert str(info.value)


def test_error_details():
    net = aarhus()
    with pytest.raises(reseau.UnknownPersonError) as info:
        reseau.route_referrals(net, [(0, 61)])
    assert info.value.person == "#61"
    with pytest.raises(reseau.UnknownPersonError) as info:
        reseau.route_referrals(net, [("U4", "nobody")])
    assert info.value.person == '"nobody"'  # quoted: a label, as in Rust and JS
    with pytest.raises(reseau.InvalidParameterError) as info:
        reseau.route_referrals(net, strategy="teleport")
    assert info.value.name == "strategy" and "teleport" in info.value.value
    with pytest.raises(reseau.InvalidParameterError) as info:
        reseau.route_referrals(net, physical_share=1.5)
    assert info.value.name == "physical_share" and info.value.value == "1.5"
    with pytest.raises(reseau.InvalidParameterError) as info:
        reseau.route_referrals(net, [(4, 4)])
    assert info.value.name == "request"
    with pytest.raises(reseau.UnknownLayerError) as info:
        reseau.route_referrals(net, layer_forward={"dinner": 0.5})
    assert info.value.name == "dinner"


# ----- threads -----


def test_routing_releases_the_gil():
    net = reseau.generators.erdos_renyi(n=20_000, mean_degree=8.0, seed=1)
    reseau.route_referrals(net, n_requests=10)  # compile the view first
    share = stall_share(
        lambda: reseau.route_referrals(net, n_requests=20_000, rate=200, fatigue=TIRED, seed=1)
    )
    assert share < 0.5, share


def test_network_can_change_while_requests_travel():
    net = reseau.generators.erdos_renyi(n=20_000, mean_degree=8.0, seed=1)
    kwargs = dict(n_requests=40_000, rate=200, fatigue=TIRED, seed=3)
    expected = reseau.route_referrals(net, **kwargs).to_dict()
    result: list = []
    thread = threading.Thread(target=lambda: result.append(reseau.route_referrals(net, **kwargs)))
    thread.start()
    time.sleep(0.05)
    net.add_people(1)  # a mutable borrow: it would fail if the call held the network
    thread.join()
    assert result[0].to_dict() == expected


def test_a_cold_contact_goes_straight_to_the_target_and_is_answered_at_its_rate():
    net = path(4)
    sure = reseau.route_referrals(net, [(0, 3)] * 10, strategy="cold", cold_response=1.0, seed=1)
    assert (sure.succeeded, sure.mean_time, sure.hops) == (10, 1.0, 10)
    trace = reseau.trace_referrals(net, [(0, 3)], strategy="cold", cold_response=1.0, seed=1)[0]
    assert list(trace["path"]) == [0, 3] and trace["layers"] == ["cold contact"]
    n = 20_000
    cold = reseau.route_referrals(net, [(0, 3)] * n, strategy="cold", seed=2)
    p = 0.05  # the default answer rate
    assert abs(cold.success_rate - p) < 4 * math.sqrt(p * (1 - p) / n)
    chain = reseau.route_referrals(net, [(0, 3)] * n, seed=2)
    assert chain.success_rate == 1.0 >= cold.success_rate
    with pytest.raises(reseau.InvalidParameterError, match="cold_response"):
        reseau.route_referrals(net, [(0, 3)], strategy="cold", cold_response=1.5)
