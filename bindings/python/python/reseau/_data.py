"""What reseau's values and results share: each holds its core value's serde form in
``_data`` (dicts, lists, numbers, text, and numpy arrays for sequences of numbers), and reads
it back through its fields.

A :class:`Value` (a model, its settings, fatigue, a layer) is built by the core from keyword
arguments and checked as a live call's would be; a :class:`Result` is what a long call
returns. Both compare equal when their data are, pickle through their data (checked again by
the core when read back), and are read-only. Their fields (:class:`Field`) are generated from
the core's JSON Schemas by ``stubgen.py``, so that a field the core adds appears here.
"""

from __future__ import annotations

import warnings
from typing import Any, ClassVar, Dict, Generic, List, Optional, Tuple, TypeVar, overload

import numpy as np

from . import _core

T = TypeVar("T")


def _plain(value: Any) -> Any:
    """``value`` with its numpy arrays as lists (what JSON and ``==`` understand)."""
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


class Field(Generic[T]):
    """A field of the core's value, read-only: a copy of ``_data[name]``, as a numpy array of
    ``kind`` (``"float64"``, ``"uint32"``, ...) or a tuple (``"tuple"``) when given."""

    def __init__(self, name: str, doc: str, kind: Optional[str] = None) -> None:
        self.name = name
        self.kind = kind
        self.__doc__ = doc

    @overload
    def __get__(self, obj: None, owner: Any = None) -> "Field[T]": ...
    @overload
    def __get__(self, obj: "Data", owner: Any = None) -> T: ...
    def __get__(self, obj: Any, owner: Any = None) -> Any:
        if obj is None:
            return self
        value = obj._data.get(self.name)
        if value is None or self.kind is None:
            return value
        if self.kind == "tuple":
            return tuple(value)
        return np.array(value, dtype=self.kind)

    def __set__(self, obj: Any, value: Any) -> None:
        raise AttributeError(f"{self.name} is read-only")


class Data:
    """The base of reseau's values and results: the core's serde form in ``_data``."""

    __slots__ = ("_data",)
    #: The core's type, by the name its schema has.
    _kind: ClassVar[str] = ""

    def __init_subclass__(cls, kind: str = "", **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if kind:
            cls._kind = kind

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"reseau.{type(self).__name__} is read-only")

    def _set(self, name: str, value: Any) -> None:
        object.__setattr__(self, name, value)

    def to_dict(self) -> Dict[str, Any]:
        """The value as a dict: the core's serde form, which JSON, Rust and the JavaScript
        package share (numpy arrays as lists).

        >>> import reseau
        >>> reseau.LayerSettings(multiplier=2.0).to_dict()
        {'multiplier': 2.0, 'probability': None, 'latency': None, 'enabled': True}
        """
        return _plain(self._data)  # type: ignore[no-any-return]

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self.to_dict() == other.to_dict()  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]


def _float(x: float) -> str:
    """A float as Python writes it, infinities included (``float('inf')``)."""
    return repr(x) if x == x and abs(x) != float("inf") else f"float('{x}')"


def _show(value: Any) -> str:
    return _float(value) if isinstance(value, float) else repr(value)


class Value(Data):
    """A value of the core, built from keyword arguments and checked by the core."""

    __slots__ = ()
    #: The fields a repr always shows (others only when they differ from the defaults).
    _always: ClassVar[Tuple[str, ...]] = ()

    def __init__(self, **fields: Any) -> None:
        self._set("_data", _core._check(self._kind, {k: v for k, v in fields.items() if v is not None}))

    @classmethod
    def _wrap(cls, data: Dict[str, Any], labels: Any = None) -> Any:
        value = cls.__new__(cls)
        value._set("_data", data)
        return value

    @classmethod
    def from_dict(cls, data: Dict[str, Any]) -> Any:
        """The value a dict describes, as :meth:`to_dict` writes it (keys left out take their
        defaults), checked by the core.

        >>> import reseau
        >>> reseau.Amplifiers.from_dict({"media_threshold": 3})
        Amplifiers(media_threshold=3)
        """
        return cls._wrap(_core._check(cls._kind, data))

    def __reduce__(self) -> Any:
        return (type(self).from_dict, (self.to_dict(),))

    def _args(self) -> List[str]:
        """The keyword arguments that rebuild the value: those that differ from the defaults."""
        defaults = _defaults(self._kind) if not self._always else {}
        return [
            f"{name}={_show(value)}"
            for name, value in self.to_dict().items()
            if name in self._always or name not in defaults or defaults[name] != value
        ]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(self._args())})"


_DEFAULTS: Dict[str, Dict[str, Any]] = {}


def _defaults(kind: str) -> Dict[str, Any]:
    if kind not in _DEFAULTS:
        _DEFAULTS[kind] = _plain(_core._check(kind, {}))
    return _DEFAULTS[kind]


class Result(Data):
    """What a long call returns: the core's result and what it needs from the call (the
    people's labels, or the layer names), and its table (``to_pandas``), notebook view
    (``_repr_html_``) and chart (``plot``) when it has them, written once in
    ``reseau._pandas``, ``reseau._display`` and ``reseau._plot``."""

    __slots__ = ("_context",)
    #: The functions of ``_pandas``, ``_display`` and ``_plot`` that show this result.
    _frame: ClassVar[str] = ""
    _view: ClassVar[str] = ""
    _chart: ClassVar[str] = ""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for method, module, name in (
            ("to_pandas", "_pandas", cls._frame),
            ("_repr_html_", "_display", cls._view),
            ("plot", "_plot", cls._chart),
        ):
            if name and method not in vars(cls):
                setattr(cls, method, _shown_by(module, name, method))

    @classmethod
    def _wrap(cls, data: Dict[str, Any], context: Any = None) -> Any:
        result = cls.__new__(cls)
        result._set("_data", data)
        result._set("_context", context)
        return result

    @classmethod
    def _from_state(cls, data: Dict[str, Any], context: Any = None) -> Any:
        """A result from its dict (as :meth:`to_dict` writes it), checked by the core."""
        return cls._wrap(_core._check(cls._kind, data), context)

    def _state(self) -> Any:
        return self._context

    def __reduce__(self) -> Any:
        return (type(self)._from_state, (self.to_dict(), self._state()))

    def _summary(self) -> str:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<reseau.{type(self).__name__}: {self._summary()}>"


class Labelled(Result):
    """A result of a call on a network, which keeps the people's labels."""

    __slots__ = ()

    @property
    def labels(self) -> List[str]:
        """The people's labels when the call ran, indexed by id."""
        labels = self._context
        if labels is not None and not isinstance(labels, list):
            labels = labels.tolist()  # made on first use: see reseau._core._Labels
            self._set("_context", labels)
        return labels  # type: ignore[no-any-return]

    def _state(self) -> Any:
        return None if self._context is None else self.labels

    @classmethod
    def _from_state(cls, data: Dict[str, Any], context: Any = None) -> Any:
        """A result from its dict and the people's labels, checked by the core (the ids it
        holds against the number of people when the labels are known)."""
        people = None if context is None else len(context)
        return cls._wrap(_core._check(cls._kind, data, people), context)


def _shown_by(module: str, name: str, method: str) -> Any:
    """A method that hands the result to ``reseau.<module>.<name>``, with that function's
    documentation."""
    import importlib

    function = getattr(importlib.import_module(f"reseau.{module}"), name)

    def show(self: Any, *args: Any, **kwargs: Any) -> Any:
        return function(self, *args, **kwargs)

    show.__name__ = show.__qualname__ = method
    show.__doc__ = function.__doc__
    return show


def short(x: float) -> str:
    """A number for a one-line summary: at most three decimals, no trailing zeros.

    >>> from reseau._data import short
    >>> short(28.9154), short(2.0), short(-0.0001)
    ('28.915', '2', '0')
    """
    text = f"{x:.3f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def deprecated(old: str, new: str) -> None:
    """Warns that ``old`` is deprecated in favour of ``new`` (for one release)."""
    warnings.warn(
        f"{old} is deprecated: use {new}; the old name goes in the next release",
        DeprecationWarning,
        stacklevel=3,
    )
