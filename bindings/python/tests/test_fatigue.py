"""Recommendation fatigue from Python: reseau.Fatigue's curves against their documented
formulas, vectorised willingness, values (equality, dicts, pickling, repr), the cascade
models' fatigue keyword, and every bad parameter mapped to its exception."""

from __future__ import annotations

import math
import pickle

import numpy as np
import pytest

import reseau

F = reseau.Fatigue
LOADS = [0.0, 0.5, 1.0, 2.0, 3.0, 5.0, 10.0, 33.3, 100.0, 1e6]


def hill(half: float, exponent: float):
    return lambda load: 1.0 if load == 0 else 1.0 / (1.0 + (load / half) ** exponent)


# (fatigue, the documented formula)
CURVES = [
    (F.none(), lambda load: 1.0),
    (F.exponential(0.3), lambda load: math.exp(-0.3 * load)),
    (F.exponential(0.0), lambda load: 1.0),
    (F.hill(3, 2), hill(3.0, 2.0)),
    (F.hill(half=2.0, exponent=1.0, half_life=5), hill(2.0, 1.0)),
    (F.hill(3, 2.5), hill(3.0, 2.5)),
    (F.capacity(5), lambda load: 1.0 if load < 5 else 0.0),
    (F.capacity(0), lambda load: 0.0),
    (F.capacity(2.5, half_life=1), lambda load: 1.0 if load < 2.5 else 0.0),
    (F.queue(1), lambda load: min(1.0, 1 / (load + 1))),
    (F.queue(3), lambda load: min(1.0, 3 / (load + 1))),
    (F.decreasing(), lambda load: 1.0 / (0.1 * load * load + 1.0)),
]


@pytest.mark.parametrize("fatigue, formula", CURVES, ids=[repr(f) for f, _ in CURVES])
def test_willingness_follows_the_formula(fatigue, formula):
    for load in LOADS:
        got = fatigue.willingness(load)
        assert isinstance(got, float)
        assert got == pytest.approx(formula(load), rel=1e-12, abs=1e-300), load


@pytest.mark.parametrize("fatigue", [f for f, _ in CURVES], ids=repr)
def test_willingness_is_a_monotone_probability(fatigue):
    loads = np.linspace(0, 200, 4001)
    w = fatigue.willingness(loads)
    assert w.dtype == np.float64 and w.shape == loads.shape
    assert ((0 <= w) & (w <= 1)).all()
    assert (np.diff(w) <= 0).all()
    if fatigue != F.capacity(0):
        assert w[0] == 1.0


def test_exact_values():
    # Values the Rust core prints for the same curves and loads, compared with ==: the curves
    # use IEEE basic operations only, so every language and platform gets the same bits.
    loads = [0.5, 1.0, 2.0, 7.0, 33.3]
    expected = [
        (
            F.exponential(0.3),
            [
                0.8607079764250578,
                0.7408182206817179,
                0.5488116360940265,
                0.1224564282529819,
                4.585620664220739e-5,
            ],
        ),
        (
            F.hill(3.0, 2.5),
            [
                0.9887869285221614,
                0.9397171187267773,
                0.7337363472028701,
                0.10733614353269291,
                0.0024301655557880104,
            ],
        ),
        (
            F.decreasing(),
            [
                0.9756097560975611,
                0.9090909090909091,
                0.7142857142857143,
                0.1694915254237288,
                0.008937429059156843,
            ],
        ),
        (F.queue(3), [1.0, 1.0, 1.0, 0.375, 0.08746355685131196]),
    ]
    for fatigue, values in expected:
        assert [fatigue.willingness(load) for load in loads] == values
        assert fatigue.willingness(np.array(loads)).tolist() == values
    assert F.hill(3, 2).willingness(3) == 0.5
    assert F.hill(2, 1).willingness(6) == 0.25


def test_odd_loads_are_refused():
    # A load counts requests: one below 0 or NaN is an error naming it (not a willingness of 1),
    # for a number and in an array; +inf is the limit of a load that grows without end.
    f = F.hill(3, 2)
    for bad in (-5, -1e-300, float("nan"), float("-inf")):
        with pytest.raises(reseau.InvalidParameterError) as info:
            f.willingness(bad)
        assert info.value.name == "load"
        with pytest.raises(reseau.InvalidParameterError):
            f.willingness(np.array([[1.0, 2.0], [bad, 3.0]]))
    assert f.willingness(0.0) == f.willingness(-0.0) == 1.0
    assert f.willingness(float("inf")) == 0.0
    assert F.exponential(1.0).willingness(float("inf")) == 0.0


def test_vectorised_willingness():
    f = F.queue(2)
    assert isinstance(f.willingness(3), float)
    assert isinstance(f.willingness(np.float32(3)), float)
    assert isinstance(f.willingness(np.int64(3)), float)
    out = f.willingness([0, 1, 3])
    assert isinstance(out, np.ndarray) and out.tolist() == [1.0, 1.0, 0.5]
    assert f.willingness((0, 3)).tolist() == [1.0, 0.5]
    grid = np.arange(12, dtype=np.int32).reshape(3, 4)
    out = f.willingness(grid)
    assert out.shape == (3, 4) and out.dtype == np.float64
    assert out[2, 3] == 2 / 12
    assert f.willingness(np.array([])).shape == (0,)
    # Non-contiguous views are read correctly.
    big = np.arange(20.0)
    assert f.willingness(big[::5]).tolist() == [f.willingness(x) for x in (0.0, 5.0, 10.0, 15.0)]


def test_properties():
    f = F.hill(3, 2, half_life=10)
    assert f.kind == "hill"
    assert f.curve == {"kind": "hill", "half": 3.0, "exponent": 2.0}
    assert f.half_life == 10.0
    assert F.none().kind == "none" and F.none().curve == {"kind": "none"}
    assert F.none().half_life is None
    assert F.queue(4).curve == {"kind": "queue", "size": 4}
    assert F.decreasing(half_life=2).half_life == 2.0
    # An infinite half-life is no decay: the same as None.
    assert F.capacity(3, half_life=float("inf")) == F.capacity(3)
    assert F.capacity(3, half_life=float("inf")).half_life is None
    with pytest.raises(AttributeError):
        f.half_life = 3  # type: ignore[misc]


def test_values_equality_repr_and_round_trips():
    values = [f for f, _ in CURVES] + [
        F.exponential(1e-9, half_life=0.25),
        F.capacity(float("inf")),
        F.queue(7, half_life=1e9),
    ]
    for f in values:
        assert eval(repr(f), {"Fatigue": F}) == f
        if f != F.capacity(float("inf")):  # JSON, hence to_dict, has no infinity
            assert F.from_dict(f.to_dict()) == f
        for protocol in range(0, pickle.HIGHEST_PROTOCOL + 1):
            again = pickle.loads(pickle.dumps(f, protocol=protocol))
            assert again == f and repr(again) == repr(f)
    assert F.hill(3, 2) == F.hill(3.0, 2.0) != F.hill(3, 2, half_life=1)
    assert F.none() != F.decreasing() and F.none() != "none"
    assert repr(F.hill(3, 2, half_life=10)) == "Fatigue.hill(half=3.0, exponent=2.0, half_life=10.0)"
    assert repr(F.queue(3)) == "Fatigue.queue(size=3)"
    assert repr(F.none()) == "Fatigue.none()"
    assert repr(F.decreasing(half_life=4)) == "Fatigue.decreasing(half_life=4.0)"
    assert F.hill(3, 2, half_life=10).to_dict() == {
        "curve": {"kind": "hill", "half": 3.0, "exponent": 2.0},
        "half_life": 10.0,
    }
    assert F.from_dict({}) == F.none()
    assert F.from_dict({"curve": {"kind": "decreasing"}, "half_life": 3}) == F.decreasing(3)


def bad_calls():
    yield "negative rate", reseau.InvalidParameterError, lambda: F.exponential(-1)
    yield "NaN rate", reseau.InvalidParameterError, lambda: F.exponential(float("nan"))
    yield "infinite rate", reseau.InvalidParameterError, lambda: F.exponential(float("inf"))
    yield "rate as text", reseau.InvalidParameterError, lambda: F.exponential("fast")
    yield "rate None", reseau.InvalidParameterError, lambda: F.exponential(None)
    yield "half 0", reseau.InvalidParameterError, lambda: F.hill(0, 2)
    yield "half -1", reseau.InvalidParameterError, lambda: F.hill(-1, 2)
    yield "exponent 0", reseau.InvalidParameterError, lambda: F.hill(3, 0)
    yield "exponent NaN", reseau.InvalidParameterError, lambda: F.hill(3, float("nan"))
    yield "capacity -1", reseau.InvalidParameterError, lambda: F.capacity(-1)
    yield "capacity NaN", reseau.InvalidParameterError, lambda: F.capacity(float("nan"))
    yield "queue 0", reseau.InvalidParameterError, lambda: F.queue(0)
    yield "queue -1", reseau.InvalidParameterError, lambda: F.queue(-1)
    yield "queue 1.5", reseau.InvalidParameterError, lambda: F.queue(1.5)
    yield "queue True", reseau.InvalidParameterError, lambda: F.queue(True)
    yield "queue huge", reseau.InvalidParameterError, lambda: F.queue(2**40)
    yield "half_life 0", reseau.InvalidParameterError, lambda: F.hill(3, 2, half_life=0)
    yield "half_life -2", reseau.InvalidParameterError, lambda: F.capacity(3, half_life=-2)
    yield "half_life NaN", reseau.InvalidParameterError, lambda: F.decreasing(float("nan"))
    yield "half_life text", reseau.InvalidParameterError, lambda: F.queue(2, half_life="10")
    yield "from_dict: unknown field", reseau.InvalidParameterError, lambda: F.from_dict(
        {"curve": {"kind": "hill", "halv": 3}}
    )
    yield "from_dict: unknown kind", reseau.InvalidParameterError, lambda: F.from_dict(
        {"curve": {"kind": "sigmoid"}}
    )
    yield "from_dict: bad value", reseau.InvalidParameterError, lambda: F.from_dict(
        {"curve": {"kind": "capacity", "capacity": -1}}
    )
    yield "from_dict: half_life 0", reseau.InvalidParameterError, lambda: F.from_dict(
        {"half_life": 0}
    )
    yield "willingness of text", TypeError, lambda: F.hill(3, 2).willingness("3")
    yield "willingness of None", TypeError, lambda: F.hill(3, 2).willingness(None)
    yield "willingness of texts", TypeError, lambda: F.hill(3, 2).willingness([1, "a"])
    yield "no constructor", TypeError, lambda: F()
    yield "model fatigue", reseau.InvalidParameterError, lambda: reseau.IndependentCascade(
        fatigue={"curve": {"kind": "exponential", "rate": -1}}
    )
    yield "model fatigue kind", reseau.InvalidParameterError, lambda: reseau.LinearThreshold(
        fatigue={"curve": {"kind": "tired"}}
    )
    yield "model fatigue text", reseau.InvalidParameterError, lambda: reseau.WeightedCascade(
        fatigue="hill"
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
        assert str(info.value)


def test_error_details():
    with pytest.raises(reseau.InvalidParameterError) as info:
        F.exponential(-1)
    assert info.value.name == "fatigue rate" and info.value.value == "-1"
    with pytest.raises(reseau.InvalidParameterError) as info:
        F.hill(3, 2, half_life=0)
    assert info.value.name == "fatigue half_life"
    with pytest.raises(reseau.InvalidParameterError) as info:
        F.capacity(-1)
    assert info.value.name == "fatigue capacity" and "0" in info.value.expected


# ----- fatigue in the cascade models -----


def test_models_take_fatigue():
    tired = F.hill(2, 2, half_life=5)
    for cls in (reseau.IndependentCascade, reseau.WeightedCascade, reseau.LinearThreshold):
        model = cls(fatigue=tired)
        assert model.fatigue == tired
        assert cls(fatigue=tired.to_dict()) == model
        assert cls() != model and cls().fatigue is None
        assert repr(model).endswith("fatigue=Fatigue.hill(half=2.0, exponent=2.0, half_life=5.0))")
        d = model.to_dict()
        assert d["fatigue"] == tired.to_dict()
        assert "fatigue" not in cls().to_dict()
        assert reseau.Model.from_dict(d) == model
        for protocol in range(0, pickle.HIGHEST_PROTOCOL + 1):
            assert pickle.loads(pickle.dumps(model, protocol=protocol)) == model
    assert repr(reseau.IndependentCascade(0.2, fatigue=F.queue(2))) == (
        "IndependentCascade(probability=0.2, fatigue=Fatigue.queue(size=2))"
    )


def test_fatigue_slows_a_cascade():
    net = reseau.datasets.aarhus_cs()
    free = reseau.simulate(net, [0, 1, 2], reseau.IndependentCascade(0.3), runs=2000, seed=4)
    tired = reseau.simulate(
        net, [0, 1, 2], reseau.IndependentCascade(0.3, fatigue=F.hill(1, 2)), runs=2000, seed=4
    )
    assert tired.ci95[1] < free.ci95[0]
    # No fatigue at all is exactly no fatigue.
    none = reseau.simulate(
        net, [0, 1, 2], reseau.IndependentCascade(0.3, fatigue=F.none()), runs=2000, seed=4
    )
    assert none.to_dict() == free.to_dict()
    # Capacity 0: nobody but the seeds is ever convinced.
    blocked = reseau.simulate(
        net, [0, 1, 2], reseau.WeightedCascade(fatigue=F.capacity(0)), runs=100, seed=4
    )
    assert blocked.mean == 3.0 and blocked.std == 0.0
