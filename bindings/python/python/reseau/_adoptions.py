"""Observed adoptions in the shapes Python holds them, as the core reads them.

The core takes rows ``{"person", "time", "cascade"}``, a dict label → step, or a list of such
dicts (``reseau::inference::Adoptions``). Python adds what JSON cannot say: dict keys that
are ids (ints), numpy numbers, and pandas DataFrames, whose missing times are NaN. Those
become rows here; everything else goes to the core as it is, which checks it.
"""

from __future__ import annotations

import math
from typing import Any, Dict, List, Mapping, Optional


def _scalar(x: Any) -> Any:
    """A numpy scalar as its Python number; a missing value (NaN, ``None``, pandas' NA) as
    ``None``."""
    if x is None:
        return None
    item = getattr(x, "item", None)
    if item is not None and not isinstance(x, (str, bytes)):
        x = item()
    if isinstance(x, float) and math.isnan(x):
        return None
    if type(x).__name__ in ("NAType", "NaTType"):
        return None
    return x


def _row(person: Any, time: Any, cascade: Any = None) -> Dict[str, Any]:
    row = {"person": _scalar(person), "time": _scalar(time)}
    cascade = _scalar(cascade)
    if cascade is not None:
        row["cascade"] = cascade
    return row


def _all_names(mapping: Mapping[Any, Any]) -> bool:
    return all(isinstance(k, str) for k in mapping)


def _is_frame(value: Any) -> bool:
    return hasattr(value, "columns") and hasattr(value, "itertuples")


def as_core(adoptions: Any) -> Any:
    """``adoptions`` in a shape the core reads.

    >>> from reseau._adoptions import as_core
    >>> as_core({"ana": 0, "bo": None})
    {'ana': 0, 'bo': None}
    >>> as_core({3: 0, "bo": 2})
    [{'person': 3, 'time': 0}, {'person': 'bo', 'time': 2}]
    >>> as_core([{0: 0}, {1: 1}])
    [{'person': 0, 'time': 0, 'cascade': 0}, {'person': 1, 'time': 1, 'cascade': 1}]
    >>> import pandas as pd
    >>> as_core(pd.DataFrame({"person": [4, 5], "time": [0, None], "cascade": ["a", "a"]}))
    [{'person': 4, 'time': 0.0, 'cascade': 'a'}, {'person': 5, 'time': None, 'cascade': 'a'}]
    >>> as_core("U4")
    Traceback (most recent call last):
        ...
    TypeError: adoptions: expected a dict person -> step, a list of them (one per cascade), rows {'person', 'time', 'cascade'} or a pandas DataFrame, not str
    """
    if _is_frame(adoptions):
        return _frame_rows(adoptions)
    if isinstance(adoptions, Mapping):
        if _all_names(adoptions):
            return dict(adoptions)
        return [_row(p, t) for p, t in adoptions.items()]
    if isinstance(adoptions, (list, tuple)):
        items = list(adoptions)
        cascades = items and all(isinstance(m, Mapping) and "person" not in m for m in items)
        if cascades and not all(_all_names(m) for m in items):
            return [_row(p, t, c) for c, m in enumerate(items) for p, t in m.items()]
        if not cascades and all(isinstance(m, Mapping) for m in items):
            return [{k: _scalar(v) for k, v in m.items()} for m in items]
        return items
    raise TypeError(
        "adoptions: expected a dict person -> step, a list of them (one per cascade), rows "
        f"{{'person', 'time', 'cascade'}} or a pandas DataFrame, not {type(adoptions).__name__}"
    )


def _frame_rows(frame: Any) -> List[Dict[str, Any]]:
    """A DataFrame's rows: columns ``person``, ``time`` and optionally ``cascade``."""
    from ._values import _invalid

    columns = list(frame.columns)
    for needed in ("person", "time"):
        if needed not in columns:
            raise _invalid("adoptions", f"a DataFrame with columns {columns}", "columns person and time (and optionally cascade)")
    cascade: Optional[Any] = frame["cascade"] if "cascade" in columns else None
    people, times = frame["person"].tolist(), frame["time"].tolist()
    cascades = cascade.tolist() if cascade is not None else [None] * len(people)
    return [_row(p, t, c) for p, t, c in zip(people, times, cascades)]
