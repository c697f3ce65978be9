"""The exception hierarchy: one class per kind of core error, all ValueErrors."""

from __future__ import annotations

import pickle

import pytest

import reseau

KINDS = [
    "ParseError",
    "EncodingError",
    "FileError",
    "UnknownLayerError",
    "UnknownPersonError",
    "DuplicateLayerError",
    "DuplicateLabelError",
    "DuplicateTieError",
    "SelfLoopError",
    "InvalidParameterError",
    "UnsupportedVersionError",
    "JsonError",
]


def test_hierarchy():
    assert issubclass(reseau.ReseauError, ValueError)
    assert set(KINDS) <= set(reseau._core.ERROR_KINDS)
    for kind in reseau._core.ERROR_KINDS:
        cls = getattr(reseau, kind)
        assert issubclass(cls, reseau.ReseauError) and cls is not reseau.ReseauError
        assert cls.__module__ == "reseau" and cls.__name__ == kind
        assert kind in reseau.__all__


def test_fields_are_attributes():
    net = reseau.Network()
    with pytest.raises(ValueError) as info:
        net.add_tie(0, 1, "lunch")
    err = info.value
    assert type(err) is reseau.UnknownLayerError
    assert (err.kind, err.name, err.fields) == ("UnknownLayerError", "lunch", ["name"])
    assert str(err) == 'unknown layer "lunch"'
    assert err.args == ('unknown layer "lunch"',)


def test_errors_pickle():
    with pytest.raises(reseau.ParseError) as info:
        reseau.parse_edgelist("1 2 3 4 5 6\n")
    again = pickle.loads(pickle.dumps(info.value))
    assert type(again) is reseau.ParseError
    assert (again.line, again.file, str(again)) == (1, "<string>", str(info.value))


def test_options_that_cannot_be_options():
    loop: list = []
    loop.append(loop)
    with pytest.raises(reseau.InvalidParameterError):
        reseau.parse_mpx("", digital=loop)
    with pytest.raises(TypeError):
        reseau.parse_mpx("", digital=[object()])
    with pytest.raises(TypeError):
        reseau.parse_mpx("", digital={1: "x"})
    with pytest.raises(reseau.InvalidParameterError):
        reseau.generators.professional(people=10**30)
    with pytest.raises(reseau.InvalidParameterError):
        reseau.generators.professional(exponent=float("inf"))


def test_no_panic_on_odd_input():
    net = reseau.datasets.aarhus_cs()
    odd = [
        lambda: net.degree(10**30),
        lambda: net.neighbors(0, layer=10**6),
        lambda: net.degrees(-5),
        lambda: net.overlap("lunch", ""),
        lambda: net.without_layers(["lunch", "nope"]),
        lambda: net.flatten(name=""),
        lambda: net.flatten(kind="paper"),
        lambda: net.add_layer("x", latency=2**40),
        lambda: reseau.parse_edgelist("\x00\x00\n"),
        lambda: reseau.parse_multiplex("1 1 2 -1\n"),
        lambda: reseau.parse_multiplex("0 1 2\n"),
        lambda: reseau.parse_mpx("#EDGES\na,b,nolayer\n"),
        lambda: reseau.parse_signed("1,2,notanumber\n"),
        lambda: reseau.Network.from_json("{}"),
        lambda: reseau.generators.kleinberg(side=2**33, r=2.0),
        lambda: reseau.generators.barabasi_albert(n=3, m=5),
        lambda: reseau.generators.watts_strogatz(n=5, k=7, beta=0.1),
        lambda: reseau.generators.stochastic_block(sizes=[], probabilities=[]),
    ]
    for call in odd:
        try:
            call()
        except (ValueError, TypeError, OverflowError):
            pass  # a clear error is fine; a PanicException (a BaseException) fails the test
