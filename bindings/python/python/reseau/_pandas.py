"""Tables as pandas ``DataFrame`` objects (optional: ``pip install reseau[pandas]``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._core import InvalidParameterError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ._core import Network
    from ._results import (
        BalanceReport,
        CascadeSummary,
        CascadeTrace,
        LoadCurve,
        ReferralSummary,
        RelaySelection,
        Reputation,
        CascadeFit,
    )

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
        raise _invalid_table(table, TABLES)
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


SUMMARY_TABLES = ("people", "steps", "layers")


def _invalid_table(table: str, tables: "tuple[str, ...]") -> InvalidParameterError:
    err = InvalidParameterError(f"invalid table: {table!r} (expected one of {', '.join(tables)})")
    err.kind, err.name, err.value, err.expected = (
        "InvalidParameterError",
        "table",
        repr(table),
        ", ".join(tables),
    )
    err.fields = ["name", "value", "expected"]
    return err


def summary_frame(summary: CascadeSummary, table: str = "people") -> "pd.DataFrame":
    """A table of a :class:`reseau.CascadeSummary` (see
    :meth:`reseau.CascadeSummary.to_pandas`):

    * ``"people"``: one row per person, indexed by id: ``label``, ``activation`` (the
      probability of being convinced, either valence), ``good`` and ``bad`` (each campaign's);
    * ``"steps"``: one row per step from 0 (the seeds): ``reached`` (the mean number convinced
      by the end of the step) and ``new`` (convinced during it);
    * ``"layers"``: one row per layer: ``reached`` (the mean number convinced through it, both
      valences), ``good``, ``bad`` and ``share``.

    >>> import reseau
    >>> from reseau._pandas import summary_frame
    >>> net = reseau.datasets.aarhus_cs()
    >>> s = reseau.simulate(net, [0], bad_seeds=[1], runs=100, seed=1)
    >>> df = summary_frame(s)
    >>> float(df.loc[0, "good"]), float(df.loc[1, "bad"]), list(df.columns)
    (1.0, 1.0, ['label', 'activation', 'good', 'bad'])
    >>> steps = summary_frame(s, "steps")
    >>> float(steps.loc[0, "reached"]), bool(steps["reached"].iloc[-1] == s.mean)
    (2.0, True)
    >>> summary_frame(s, "layers").index.tolist()
    ['lunch', 'facebook', 'coauthor', 'leisure', 'work']
    """
    if table not in SUMMARY_TABLES:
        raise _invalid_table(table, SUMMARY_TABLES)
    pd = _pandas()
    if table == "steps":
        reached = summary.by_step
        new = reached.copy()
        new[1:] -= reached[:-1]
        return pd.DataFrame({"reached": reached, "new": new}, index=pd.RangeIndex(len(reached), name="step"))
    if table == "layers":
        names = summary.layer_names
        shares = summary.layer_shares
        good, bad = summary.good.by_layer, summary.bad.by_layer
        return pd.DataFrame(
            {
                "reached": [summary.by_layer[n] for n in names],
                "good": [good[n] for n in names],
                "bad": [bad[n] for n in names],
                "share": [shares[n] for n in names],
            },
            index=pd.Index(names, name="layer"),
        )
    frame = pd.DataFrame(
        {
            "label": summary.labels,
            "activation": summary.activation,
            "good": summary.good.activation,
            "bad": summary.bad.activation,
        }
    )
    frame.index.name = "id"
    return frame


def trace_frame(trace: CascadeTrace) -> "pd.DataFrame":
    """One row per person of a :class:`reseau.CascadeTrace`, indexed by id: ``label``,
    ``step`` (nullable integers, ``<NA>`` where not reached), ``parent`` (the label of who
    convinced them, ``None`` for seeds and people not reached), ``layer`` (the layer's name)
    and ``valence`` (``"good"`` or ``"bad"``). See :meth:`reseau.CascadeTrace.to_pandas`.

    >>> import reseau
    >>> from reseau._pandas import trace_frame
    >>> net = reseau.datasets.aarhus_cs()
    >>> df = trace_frame(reseau.trace(net, [0], reseau.IndependentCascade(0.3), seed=4))
    >>> int(df["step"].notna().sum()) == reseau.trace(net, [0], reseau.IndependentCascade(0.3), seed=4).spread
    True
    >>> str(df["step"].dtype), list(df.columns)
    ('Int64', ['label', 'step', 'parent', 'layer', 'valence'])
    """
    pd = _pandas()
    labels = trace.labels
    step = pd.array(trace.step, dtype="Int64")
    step[trace.step < 0] = pd.NA
    frame = pd.DataFrame(
        {
            "label": labels,
            "step": step,
            "parent": [labels[p] if p >= 0 else None for p in trace.parent.tolist()],
            "layer": pd.Categorical.from_codes(trace.layer, categories=trace.layer_names),
            "valence": pd.Categorical.from_codes(trace.valence, categories=["good", "bad"]),
        }
    )
    frame.index.name = "id"
    return frame


def referral_frame(summary: ReferralSummary) -> "pd.DataFrame":
    """The attrition table of a :class:`reseau.ReferralSummary`, one row per hop k (the
    index, ``hop``): ``alive`` (requests held at hop k by someone other than their target),
    ``dropped`` (of those, the ones that ended there), ``attrition`` (``dropped / alive``) and
    ``delivered`` (the chains that reached their target at hop k). See
    :meth:`reseau.ReferralSummary.to_pandas`.

    >>> import reseau
    >>> from reseau._pandas import referral_frame
    >>> s = reseau.route_referrals(reseau.datasets.aarhus_cs(), n_requests=100, forward=0.5, seed=1)
    >>> df = referral_frame(s)
    >>> int(df["alive"].iloc[0]), bool((df["dropped"] <= df["alive"]).all())
    (100, True)
    """
    pd = _pandas()
    import numpy as np

    alive, dropped, attrition = summary.alive, summary.dropped, summary.attrition
    delivered = summary.chain_lengths
    rows = max(len(alive), len(delivered))

    def padded(values: "np.ndarray", fill: float = 0) -> "np.ndarray":
        out = np.full(rows, fill, dtype=values.dtype)
        out[: len(values)] = values
        return out

    frame = pd.DataFrame(
        {
            "alive": padded(alive),
            "dropped": padded(dropped),
            "attrition": padded(attrition),
            "delivered": padded(delivered),
        }
    )
    frame.index.name = "hop"
    return frame


def load_curve_frame(curve: LoadCurve) -> "pd.DataFrame":
    """One row per rate of a :class:`reseau.LoadCurve` (the index, ``rate``): ``requests``,
    ``succeeded``, ``throughput``, ``success_rate`` and ``mean_chain_length`` (NaN where no
    chain completed). See :meth:`reseau.LoadCurve.to_pandas`.

    >>> import reseau
    >>> from reseau._pandas import load_curve_frame
    >>> curve = reseau.referral_load_curve(reseau.datasets.aarhus_cs(), [1, 2, 4], steps=50, seed=1)
    >>> df = load_curve_frame(curve)
    >>> df.index.tolist(), bool((df["throughput"] == curve.throughput).all())
    ([1.0, 2.0, 4.0], True)
    """
    pd = _pandas()
    frame = pd.DataFrame(
        {
            "requests": curve.requests,
            "succeeded": curve.succeeded,
            "throughput": curve.throughput,
            "success_rate": curve.success_rate,
            "mean_chain_length": curve.mean_chain_length,
        },
        index=pd.Index(curve.rates, name="rate"),
    )
    return frame


def relays_frame(selection: RelaySelection) -> "pd.DataFrame":
    """One row per relay of a :class:`reseau.RelaySelection`, in the order chosen: ``rank``
    (from 1), ``person`` (id), ``label``, ``gain`` (the marginal gain when chosen) and
    ``cost``. See :meth:`reseau.RelaySelection.to_pandas`.

    >>> import reseau
    >>> from reseau._pandas import relays_frame
    >>> s = reseau.select_relays(reseau.datasets.aarhus_cs(), k=3, method="degree", evaluation_runs=10)
    >>> df = relays_frame(s)
    >>> df["person"].tolist() == s.relays.tolist(), float(df["cost"].sum()) == s.cost
    (True, True)
    """
    pd = _pandas()
    relays = selection.relays
    return pd.DataFrame(
        {
            "rank": range(1, len(relays) + 1),
            "person": relays,
            "label": selection.relay_labels,
            "gain": selection.gains,
            "cost": selection.costs,
        }
    )


def reputation_frame(reputation: Reputation) -> "pd.DataFrame":
    """One row per person of a :class:`reseau.Reputation`, indexed by id: ``label``,
    ``degree``, ``pagerank``, ``multiplex_pagerank``, ``core``, ``influence`` (left out when
    not estimated), then ``degree[layer]`` and ``pagerank[layer]`` for each layer. See
    :meth:`reseau.Reputation.to_pandas`.

    >>> import reseau
    >>> from reseau._pandas import reputation_frame
    >>> df = reputation_frame(reseau.reputation(reseau.datasets.aarhus_cs(), samples=1000))
    >>> df.index.name, round(float(df["pagerank"].sum()), 9)
    ('id', 1.0)
    """
    pd = _pandas()
    columns = {
        "label": reputation.labels,
        "degree": reputation.degree,
        "pagerank": reputation.pagerank,
        "multiplex_pagerank": reputation.multiplex_pagerank,
        "core": reputation.core,
    }
    if len(reputation.influence) == len(reputation.labels):
        columns["influence"] = reputation.influence
    for name, values in reputation.layer_degree.items():
        columns[f"degree[{name}]"] = values
    for name, values in reputation.layer_pagerank.items():
        columns[f"pagerank[{name}]"] = values
    frame = pd.DataFrame(columns)
    frame.index.name = "id"
    return frame


def balance_frame(report: "BalanceReport") -> "pd.DataFrame":
    """The table of a :class:`reseau.BalanceReport`, one row per period and mix (its
    ``table`` columns). See :meth:`reseau.BalanceReport.to_pandas`.

    >>> import reseau
    >>> from reseau._pandas import balance_frame
    >>> s = reseau.balance(reseau.datasets.aarhus_cs(), mixes=[0, 1], steps=20, runs=20, decline={"layer": "facebook", "rate": 0.5, "periods": 1})
    >>> balance_frame(s)[["mix", "period"]].values.tolist()
    [[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]
    """
    return _pandas().DataFrame(report.table)


def fit_frame(fit: "CascadeFit") -> "pd.DataFrame":
    """One row per layer estimate of a :class:`reseau.CascadeFit` (per layer and group when
    fitted per group), then one per external hazard: ``key``, ``probability``, ``low`` and
    ``high`` (the 95% interval), ``p_value``, ``share`` (of the adoptions at risk) and
    ``identifiable``. See :meth:`reseau.CascadeFit.to_pandas`.

    >>> import reseau
    >>> from reseau._pandas import fit_frame
    >>> fit = reseau.fit_cascade(reseau.datasets.aarhus_cs(), {"U4": 0, "U1": 1, "U79": 2})
    >>> df = fit_frame(fit)
    >>> df["key"].tolist()[-1], len(df) == len(fit.layers) + len(fit.external_hazards)
    ('external', True)
    """
    pd = _pandas()
    rows = []
    for e in fit.layers:
        ci = e["ci95"] or (None, None)
        rows.append([e["key"], e["probability"], ci[0], ci[1], e["p_value"], e["share"], e["identifiable"]])
    for e in fit.external_hazards:
        ci = e["ci95"] or (None, None)
        rows.append([e["key"], e["probability"], ci[0], ci[1], e["p_value"], None, e["identifiable"]])
    columns = ["key", "probability", "low", "high", "p_value", "share", "identifiable"]
    return pd.DataFrame(rows, columns=columns)
