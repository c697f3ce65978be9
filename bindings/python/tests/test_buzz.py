"""Good and bad buzz in time from Python: a campaign that starts later, e-reputation step by
step and the e-reputation score, with the numbers the Rust core and the JavaScript package
give for the same request (crates/reseau/tests/buzz.rs pins them too)."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

import reseau

CRISIS = dict(
    bad_seeds=["U1"],
    good_start=2,
    model=reseau.IndependentCascade(probability=0.15, bad_multiplier=1.5),
    runs=500,
    seed=11,
)


def test_a_late_response_on_a_path_reaches_person_i_at_step_i_plus_d():
    net = reseau.Network()
    net.add_layer("chat", directed=True)
    net.add_people(6)
    for i in range(1, 6):
        net.add_tie(i - 1, i, "chat")
    for d in (0, 2, 5):
        t = reseau.trace(net, [0], reseau.IndependentCascade(1.0), good_start=d)
        assert t.step.tolist() == [i + d for i in range(6)]


def test_the_crisis_numbers_are_the_cores():
    net = reseau.datasets.aarhus_cs()
    s = reseau.simulate(net, ["U4"], **CRISIS)
    o = s.opinion
    assert isinstance(o, reseau.OpinionByStep)
    assert o.bad_ahead_steps == 5.946
    assert o.good[-1] == 0.03849180327868852
    assert o.bad[-1] == 0.8988852459016393
    assert o.good[0] == 0.0 and o.good.dtype == np.float64
    assert bool((o.good + o.bad <= 1.0).all())
    assert len(o.good_ci95) == len(s.by_step) and o.good_ci95[-1][0] <= o.good[-1] <= o.good_ci95[-1][1]
    rep = reseau.e_reputation(net, "U102", ["U4"], **CRISIS)
    assert isinstance(rep, reseau.EReputation)
    assert abs(rep.score - -0.8876513118876322) < 1e-12
    assert rep.buzz.to_dict() == s.to_dict()
    assert abs(rep.score - (rep.good - rep.bad)) < 1e-15
    assert "score" in repr(rep)
    # Results survive pickling, the opinion with them.
    back = pickle.loads(pickle.dumps(rep))
    assert back.score == rep.score and back.buzz.opinion.bad_ahead_steps == 5.946


def test_starting_at_zero_is_the_default_bit_for_bit():
    net = reseau.datasets.aarhus_cs()
    a = reseau.simulate(net, ["U4"], bad_seeds=["U1"], runs=300, seed=4)
    b = reseau.simulate(net, ["U4"], bad_seeds=["U1"], good_start=0, bad_start=0, runs=300, seed=4)
    assert a.to_dict() == b.to_dict()


def test_weights_and_audiences():
    net = reseau.datasets.aarhus_cs()
    kw = dict(bad_seeds=["U1"], runs=200, seed=2)
    equal = reseau.e_reputation(net, ["U102", "U139"], ["U4"], weight=None, **kw)
    everyone = reseau.e_reputation(net, ["U102", "U139"], ["U4"], audience="everyone", **kw)
    assert equal.centrality == 2.0
    assert everyone.audience == 59 and equal.audience < 59
    assert -1.0 <= everyone.score <= 1.0


@pytest.mark.parametrize(
    "call, kind",
    [
        (lambda net: reseau.simulate(net, [0], good_start=10_001, runs=10), reseau.InvalidParameterError),
        (lambda net: reseau.simulate(net, [0], bad_start=-1, runs=10), reseau.InvalidParameterError),
        (lambda net: reseau.trace(net, [0], bad_seeds=[1], bad_start=2**40), reseau.InvalidParameterError),
        (lambda net: reseau.e_reputation(net, "nobody", [0], runs=10), reseau.UnknownPersonError),
        (lambda net: reseau.e_reputation(net, [], [0], runs=10), reseau.InvalidParameterError),
        (lambda net: reseau.e_reputation(net, 0, [1], weight="fame", runs=10), reseau.InvalidParameterError),
        (lambda net: reseau.e_reputation(net, 0, [1], audiences="ties", runs=10), reseau.InvalidParameterError),
    ],
)
def test_bad_parameters_are_typed_errors(call, kind):
    with pytest.raises(kind):
        call(reseau.datasets.aarhus_cs())
