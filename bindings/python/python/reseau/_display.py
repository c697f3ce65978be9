"""How networks and results show in a notebook (``_repr_html_``).

Every view is built the same way: the class name, a one-line summary, and small tables
(:func:`_card`, :func:`_table`), so that all result classes look alike.
"""

from __future__ import annotations

import html
from typing import Iterable, Sequence

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ._core import Network
    from ._results import (
        BalanceReport,
        CascadePartial,
        CascadeSummary,
        CascadeTrace,
        LoadCurve,
        ReferralSummary,
        RelaySelection,
        Report,
        Reputation,
        CascadeFit,
    )


def _number(x: float) -> str:
    return f"{x:,.3f}".rstrip("0").rstrip(".")


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]], right: Sequence[int] = ()) -> str:
    """An HTML table of text cells (escaped), the columns ``right`` right-aligned; empty text
    when there are no rows.

    >>> from reseau._display import _table
    >>> _table(["name", "n"], [["<b>", "2"]], right=[1])
    "<table><thead><tr><th>name</th><th>n</th></tr></thead><tbody><tr><td>&lt;b&gt;</td><td style='text-align:right'>2</td></tr></tbody></table>"
    >>> _table(["name"], [])
    ''
    """
    body = "".join(
        "<tr>"
        + "".join(
            f"<td style='text-align:right'>{html.escape(v)}</td>" if i in right else f"<td>{html.escape(v)}</td>"
            for i, v in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    if not body:
        return ""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _card(name: str, head: str, *tables: str) -> str:
    """The frame of every view: ``reseau.<name>``, a one-line summary (HTML), the tables."""
    return f"<div><strong>reseau.{name}</strong>: {head}{''.join(tables)}</div>"


def network_html(net: Network) -> str:
    """A small HTML summary: the counts, and a table of the layers.

    >>> import reseau
    >>> page = reseau.datasets.aarhus_cs()._repr_html_()
    >>> "<table" in page and "facebook" in page and "digital" in page
    True
    """
    rows = [
        [
            layer.name,
            layer.kind,
            "yes" if layer.directed else "no",
            f"{net.num_ties_in(layer.name):,}",
            "" if layer.probability is None else f"{layer.probability:g}",
            str(layer.latency),
        ]
        for layer in net.layers
    ]
    summary = (
        f"{net.num_people:,} people, {net.num_ties:,} ties, {net.num_layers} layers"
        f" ({net.num_directed_ties:,} directed ties)"
    )
    headers = ["layer", "kind", "directed", "ties", "probability", "latency"]
    return _card("Network", summary, _table(headers, rows, right=[3]))


def summary_html(summary: CascadeSummary) -> str:
    """A small HTML summary of a :class:`reseau.CascadeSummary`: the mean spread with its
    confidence interval, per campaign when there are two, and a table of the layers with the
    spread each carried and its share.

    >>> import reseau
    >>> page = reseau.simulate(reseau.datasets.aarhus_cs(), [0], runs=50, seed=1)._repr_html_()
    >>> "<table" in page and "facebook" in page and "95% CI" in page
    True
    """
    low, high = summary.ci95
    people = len(summary.labels)
    head = (
        f"{summary.runs:,} runs, mean spread <strong>{_number(summary.mean)}</strong> of "
        f"{people:,} people (95% CI {_number(low)} to {_number(high)}, std {_number(summary.std)})"
    )
    if summary.bad.mean > 0:
        head += f"; good buzz {_number(summary.good.mean)}, bad buzz {_number(summary.bad.mean)}"
    shares = summary.layer_shares
    rows = [[name, _number(carried), f"{shares[name]:.1%}"] for name, carried in summary.by_layer.items()]
    table = _table(["layer", "mean reached through it", "share"], rows, right=[1, 2])
    return _card("CascadeSummary", head, table)


def partial_html(partial: CascadePartial) -> str:
    """A small HTML summary of a :class:`reseau.CascadePartial`: the runs it holds and their
    mean spread.

    >>> import reseau
    >>> page = reseau.simulate(reseau.datasets.aarhus_cs(), [0], run_range=(0, 64))._repr_html_()
    >>> "0..64" in page and "mean spread" in page
    True
    """
    ranges = ", ".join(f"{a}..{b}" for a, b in partial.ranges)
    head = (
        f"{partial.runs:,} runs ({ranges}) of seed {partial.seed}, mean spread "
        f"<strong>{_number(partial.summary().mean)}</strong>; merge with the other shards"
    )
    return _card("CascadePartial", head)


def trace_html(trace: CascadeTrace) -> str:
    """A small HTML summary of a :class:`reseau.CascadeTrace`: how many were reached, in how
    many steps, and a table of how many each layer reached with each valence.

    >>> import reseau
    >>> page = reseau.trace(reseau.datasets.aarhus_cs(), [0], seed=1)._repr_html_()
    >>> "<table" in page and "lunch" in page
    True
    """
    step, layer, valence = trace.step, trace.layer, trace.valence
    steps = int(step.max()) if len(step) else 0
    seeds = int(((step == 0) & (layer < 0)).sum())
    head = (
        f"{trace.spread:,} of {len(step):,} people reached in {max(steps, 0)} steps"
        f" ({seeds:,} seeds)"
    )
    rows = [
        [name, f"{int(((layer == i) & (valence == 0)).sum()):,}", f"{int(((layer == i) & (valence == 1)).sum()):,}"]
        for i, name in enumerate(trace.layer_names)
    ]
    return _card("CascadeTrace", head, _table(["layer", "good", "bad"], rows, right=[1, 2]))


def referral_html(summary: ReferralSummary) -> str:
    """A small HTML summary of a :class:`reseau.ReferralSummary`: the success rate with its
    confidence interval, how the other requests ended, a table of the layers (hops and
    share) and one of the most solicited people.

    >>> import reseau
    >>> page = reseau.route_referrals(reseau.datasets.aarhus_cs(), n_requests=100, seed=1)._repr_html_()
    >>> "<table" in page and "lunch" in page and "95% CI" in page
    True
    """
    low, high = summary.success_ci95
    head = (
        f"{summary.requests:,} requests, <strong>{summary.succeeded:,} delivered</strong> "
        f"({summary.success_rate:.1%}, 95% CI {low:.1%} to {high:.1%})"
    )
    if summary.mean_chain_length is not None:
        head += f", mean chain {_number(summary.mean_chain_length)} hops"
    ended = ", ".join(
        f"{count:,} {what}"
        for what, count in (
            ("unwilling", summary.unwilling),
            ("dead ends", summary.dead_ends),
            ("truncated", summary.truncated),
            ("ignored", summary.ignored),
        )
        if count
    )
    if ended:
        head += f"; dropped: {ended}"
    shares = summary.layer_shares
    layers = [
        [name, f"{int(hops):,}", f"{shares[name]:.1%}"]
        for name, hops in zip(summary.layer_names, summary.layer_hops)
    ]
    busiest = [[o["label"], f"{o['requests']:,}", _number(o["peak_load"])] for o in summary.overloaded]
    return _card(
        "ReferralSummary",
        head,
        _table(["layer", "hops", "share"], layers, right=[1, 2]),
        _table(["most solicited", "requests", "peak load"], busiest, right=[1, 2]),
    )


def load_curve_html(curve: LoadCurve) -> str:
    """A small HTML summary of a :class:`reseau.LoadCurve`: the peak, the collapse, and a
    table of the rates.

    >>> import reseau
    >>> page = reseau.referral_load_curve(reseau.datasets.aarhus_cs(), [1, 2], steps=20)._repr_html_()
    >>> "<table" in page and "peak" in page
    True
    """
    head = (
        f"peak <strong>{_number(curve.peak_throughput)}</strong> referrals per step at rate "
        f"{_number(curve.peak_rate)}; "
        + (
            "no collapse"
            if curve.collapse_rate is None
            else f"collapse at rate {_number(curve.collapse_rate)}"
        )
    )
    rows = [
        [_number(rate), f"{int(requests):,}", _number(throughput), f"{success:.1%}", "" if length != length else _number(length)]
        for rate, requests, throughput, success, length in zip(
            curve.rates.tolist(),
            curve.requests.tolist(),
            curve.throughput.tolist(),
            curve.success_rate.tolist(),
            curve.mean_chain_length.tolist(),
        )
    ]
    headers = ["rate", "requests", "throughput", "success", "mean chain"]
    return _card("LoadCurve", head, _table(headers, rows, right=[0, 1, 2, 3, 4]))


def relays_html(selection: RelaySelection) -> str:
    """A small HTML summary of a :class:`reseau.RelaySelection`: the method, the cost, the
    evaluated spread with its confidence interval, and a table of the relays in the order
    chosen with their gain and cost.

    >>> import reseau
    >>> page = reseau.select_relays(reseau.datasets.aarhus_cs(), k=2, method="degree", evaluation_runs=50)._repr_html_()
    >>> "<table" in page and "95% CI" in page and "gain" in page
    True
    """
    head = f"{len(selection.relays)} relays by {selection.method}, cost {_number(selection.cost)}"
    spread = selection.spread
    if spread is not None:
        low, high = spread.ci95
        head += (
            f", spread <strong>{_number(spread.mean)}</strong> "
            f"(95% CI {_number(low)} to {_number(high)})"
        )
    if selection.approximation is not None:
        head += f", approximation ratio at least {selection.approximation:.3f}"
    rows = [
        [str(rank), str(int(person)), label, _number(float(gain)), _number(float(cost))]
        for rank, (person, label, gain, cost) in enumerate(
            zip(selection.relays, selection.relay_labels, selection.gains, selection.costs), 1
        )
    ]
    headers = ["rank", "person", "label", "gain", "cost"]
    return _card("RelaySelection", head, _table(headers, rows, right=[0, 1, 3, 4]))


def reputation_html(reputation: Reputation, top: int = 5) -> str:
    """A small HTML summary of a :class:`reseau.Reputation`: the ``top`` people by each
    score.

    >>> import reseau
    >>> page = reseau.reputation(reseau.datasets.aarhus_cs(), samples=200)._repr_html_()
    >>> "<table" in page and "pagerank" in page
    True
    """
    labels = reputation.labels
    scores = {
        "degree": reputation.degree,
        "pagerank": reputation.pagerank,
        "multiplex pagerank": reputation.multiplex_pagerank,
        "core": reputation.core,
        "influence": reputation.influence,
    }
    best = {name: list(values.argsort(kind="stable")[::-1][:top]) for name, values in scores.items()}
    rows = [
        [str(rank + 1)]
        + [f"{labels[best[name][rank]]} ({scores[name][best[name][rank]]:.3g})" for name in scores]
        for rank in range(min(top, len(labels)))
    ]
    head = f"{len(labels):,} people, the top {min(top, len(labels))} by each score"
    return _card("Reputation", head, _table(["rank", *scores], rows, right=[0]))


def balance_html(report: BalanceReport) -> str:
    """A small HTML summary of a :class:`reseau.BalanceReport`: the best mix per measure, and
    a table of the mixes on the network as given (period 0).

    >>> import reseau
    >>> page = reseau.balance(reseau.datasets.aarhus_cs(), mixes=[0, 1], steps=20, runs=20)._repr_html_()
    >>> "<table" in page and "best for reach" in page
    True
    """
    def verdict(best: dict) -> str:
        return " (flat)" if best["flat"] else " (interior)" if best["interior"] else ""

    head = "; ".join(
        f"best for {measure} <strong>{_number(best['mix'])}</strong>{verdict(best)}"
        for measure, best in report.best.items()
    )
    rows = [
        [
            _number(row["mix"]),
            f"{row['success_rate']:.1%}",
            _number(row["throughput"]),
            "" if row["time_to_target"] is None else _number(row["time_to_target"]),
            _number(row["reach"]),
            f"{row['cascade_offline_share']:.0%}",
        ]
        for row in report.rows
        if row["period"] == 0
    ]
    headers = ["mix", "success", "throughput", "time", "reach", "offline"]
    return _card("BalanceReport", head, _table(headers, rows, right=[0, 1, 2, 3, 4, 5]))


def report_html(report: Report) -> str:
    """The headline report as a notebook shows it: its text, then its charts.

    >>> import reseau
    >>> page = reseau.report(reseau.datasets.aarhus_cs(), quick=True)._repr_html_()
    >>> page.startswith("<div><pre>") and page.count("<svg") == 5
    True
    """
    charts = "".join(report.charts.values())
    return f"<div><pre>{html.escape(report.text)}</pre>{charts}</div>"


def fit_html(fit: CascadeFit) -> str:
    """A small HTML summary of a :class:`reseau.CascadeFit`: the shadow share and the
    log-likelihood, and a table of each layer's probability with its interval, test and
    share of the adoptions, then the external hazard.

    >>> import reseau
    >>> page = reseau.fit_cascade(reseau.datasets.aarhus_cs(), {"U4": 0, "U1": 1})._repr_html_()
    >>> "<table" in page and "shadow share" in page and "external" in page
    True
    """

    def cell(x: object) -> str:
        return "n/a" if x is None else _number(float(x))  # type: ignore[arg-type]

    low, high = fit.shadow_share_ci95
    head = (
        f"{fit.exposure} exposure, shadow share <strong>{_number(fit.shadow_share)}</strong> "
        f"(95% CI {_number(low)} to {_number(high)}), log-likelihood {_number(fit.log_likelihood)}, "
        f"AIC {_number(fit.aic)}"
    )
    rows = []
    for e in list(fit.layers) + list(fit.external_hazards):
        ci = e["ci95"]
        rows.append([
            e["key"],
            cell(e["probability"]),
            "n/a" if ci is None else f"{_number(ci[0])} to {_number(ci[1])}",
            cell(e["p_value"]),
            cell(e.get("share")),
        ])
    headers = ["layer", "probability", "95% CI", "p-value", "share"]
    return _card("CascadeFit", head, _table(headers, rows, right=[1, 3, 4]))
