"""Tables as pandas ``DataFrame`` objects (optional: ``pip install reseau[pandas]``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._core import InvalidParameterError, Network

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

TABLES = ("ties", "people", "layers")


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as err:  # pragma: no cover - exercised only without pandas
        raise ImportError("this needs pandas: pip install pandas (or reseau[pandas])") from err
    return pandas


def to_pandas(net: Network, table: str = "ties") -> "pd.DataFrame":
    """One table of the network as a ``DataFrame``: ``"ties"``, ``"people"`` or ``"layers"``.

    See :meth:`reseau.Network.to_pandas`.

    >>> import reseau
    >>> from reseau._pandas import to_pandas
    >>> people = to_pandas(reseau.datasets.aarhus_cs(), "people")
    >>> people.loc[0, "label"], people.loc[0, "role"]
    ('U102', 'Emeritus')
    >>> list(to_pandas(reseau.datasets.aarhus_cs(), "layers")["ties"])
    [193, 124, 21, 88, 194]
    """
    if table not in TABLES:
        err = InvalidParameterError(
            f"invalid table: {table!r} (expected one of {', '.join(TABLES)})"
        )
        err.kind, err.name, err.value, err.expected = (
            "InvalidParameterError",
            "table",
            repr(table),
            ", ".join(TABLES),
        )
        err.fields = ["name", "value", "expected"]
        raise err
    pd = _pandas()
    if table == "ties":
        ties = net.ties()
        names = [layer.name for layer in net.layers]
        frame = pd.DataFrame(ties)
        frame["layer"] = pd.Categorical.from_codes(ties["layer"].astype("int64"), categories=names)
        return frame
    if table == "people":
        rows = []
        for person in net.people():
            row = {k: v for k, v in person.items() if k != "attributes"}
            for key, value in person["attributes"].items():
                row.setdefault(key, value)
            rows.append(row)
        columns = ["id", "label", "group", "kind", "cost", "position"]
        frame = pd.DataFrame(rows, columns=None if rows else columns)
        return frame.set_index("id", drop=False) if rows else frame
    rows = [dict(layer.to_dict(), ties=net.num_ties_in(layer.name)) for layer in net.layers]
    return pd.DataFrame(rows, columns=["name", "kind", "directed", "probability", "latency", "ties"])
