"""Every public function, class and method is documented, with an example that runs.

The examples are collected from the objects themselves (most live in the compiled module,
where ``pytest --doctest-modules`` cannot find them) and run as doctests.
"""

from __future__ import annotations

import doctest
import importlib.util
import inspect
import io
from typing import Iterator, Tuple

import pytest

import reseau
import reseau._display
import reseau._networkx
import reseau._pandas
import reseau._plot
import reseau._progress
import reseau._shard

OPTIONAL = {
    "to_networkx": "networkx",
    "from_networkx": "networkx",
    "to_pandas": "pandas",
    "plot": "matplotlib",
    "plot_spread": "matplotlib",
    "plot_load_curve": "matplotlib",
    "plot_relays": "matplotlib",
    "plot_balance": "matplotlib",
}
# Methods of the Python protocol, documented by Python itself.
PROTOCOL = {"copy"}


def public_objects() -> Iterator[Tuple[str, object, bool]]:
    """(name, object, needs an example) for everything a user can reach."""
    for module in (reseau, reseau.datasets, reseau.generators, reseau._progress, reseau._shard):
        yield module.__name__, module, True
    for module in (
        reseau._networkx,
        reseau._pandas,
        reseau._display,
        reseau._plot,
        reseau._progress,
        reseau._shard,
    ):
        for name, obj in vars(module).items():
            if inspect.isfunction(obj) and obj.__module__ == module.__name__ and not name.startswith("_"):
                yield f"{module.__name__}.{name}", obj, True
    seen = set()
    for module, names in (
        (reseau, reseau.__all__),
        (reseau.datasets, reseau.datasets.__all__),
        (reseau.generators, reseau.generators.__all__),
    ):
        for name in names:
            obj = getattr(module, name)
            if inspect.ismodule(obj) or id(obj) in seen or not callable(obj):
                continue
            seen.add(id(obj))
            yield f"{module.__name__}.{name}", obj, True
            if inspect.isclass(obj) and not issubclass(obj, BaseException):
                for attr, member in vars(obj).items():
                    if attr.startswith("__") or (attr.startswith("_") and attr != "_repr_html_"):
                        continue
                    is_property = inspect.isdatadescriptor(member)
                    yield f"{module.__name__}.{name}.{attr}", getattr(obj, attr), not is_property


OBJECTS = list(public_objects())


def test_everything_public_was_found():
    names = {name for name, _, _ in OBJECTS}
    for expected in (
        "reseau.Network.add_tie",
        "reseau.Network.num_people",
        "reseau.Layer.kind",
        "reseau.read_edgelist",
        "reseau.generators.kleinberg",
        "reseau.datasets.aarhus_cs",
        "reseau.from_networkx",
        "reseau.ParseError",
    ):
        assert expected in names


@pytest.mark.parametrize("name, obj, needs_example", OBJECTS, ids=[n for n, _, _ in OBJECTS])
def test_docstring(name, obj, needs_example):
    doc = inspect.getdoc(obj)
    assert doc and len(doc) > 20, f"{name} has no docstring"
    short = name.rsplit(".", 1)[-1]
    if not needs_example or short in PROTOCOL and ">>>" not in doc:
        return
    assert ">>>" in doc, f"{name}: the docstring has no example"
    needed = OPTIONAL.get(short)
    if needed and importlib.util.find_spec(needed) is None:
        pytest.skip(f"{needed} is not installed")
    test = doctest.DocTestParser().get_doctest(doc, {}, name, None, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    out = io.StringIO()
    result = runner.run(test, out=out.write)
    assert result.failed == 0, out.getvalue()
