"""How a network shows in a notebook."""

from __future__ import annotations

import html

from ._core import (
    CascadeSummary,
    CascadeTrace,
    LoadCurve,
    Network,
    ReferralSummary,
    RelaySelection,
)


def network_html(net: Network) -> str:
    """A small HTML summary: the counts, and a table of the layers.

    >>> import reseau
    >>> page = reseau.datasets.aarhus_cs()._repr_html_()
    >>> "<table" in page and "facebook" in page and "digital" in page
    True
    """
    rows = "".join(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td style='text-align:right'>{:,}</td>"
        "<td>{}</td><td>{}</td></tr>".format(
            html.escape(layer.name),
            layer.kind,
            "yes" if layer.directed else "no",
            net.num_ties_in(layer.name),
            "" if layer.probability is None else f"{layer.probability:g}",
            layer.latency,
        )
        for layer in net.layers
    )
    summary = (
        f"{net.num_people:,} people, {net.num_ties:,} ties, {net.num_layers} layers"
        f" ({net.num_directed_ties:,} directed ties)"
    )
    table = (
        "<table><thead><tr><th>layer</th><th>kind</th><th>directed</th><th>ties</th>"
        f"<th>probability</th><th>latency</th></tr></thead><tbody>{rows}</tbody></table>"
        if rows
        else ""
    )
    return f"<div><strong>reseau.Network</strong>: {summary}{table}</div>"


def _number(x: float) -> str:
    return f"{x:,.3f}".rstrip("0").rstrip(".")


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
    rows = "".join(
        "<tr><td>{}</td><td style='text-align:right'>{}</td>"
        "<td style='text-align:right'>{:.1%}</td></tr>".format(
            html.escape(name), _number(carried), shares[name]
        )
        for name, carried in summary.by_layer.items()
    )
    table = (
        "<table><thead><tr><th>layer</th><th>mean reached through it</th><th>share</th>"
        f"</tr></thead><tbody>{rows}</tbody></table>"
        if rows
        else ""
    )
    return f"<div><strong>reseau.CascadeSummary</strong>: {head}{table}</div>"


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
    rows = "".join(
        "<tr><td>{}</td><td style='text-align:right'>{:,}</td>"
        "<td style='text-align:right'>{:,}</td></tr>".format(
            html.escape(name),
            int(((layer == i) & (valence == 0)).sum()),
            int(((layer == i) & (valence == 1)).sum()),
        )
        for i, name in enumerate(trace.layer_names)
    )
    table = (
        "<table><thead><tr><th>layer</th><th>good</th><th>bad</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
        if rows
        else ""
    )
    return f"<div><strong>reseau.CascadeTrace</strong>: {head}{table}</div>"


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
    layers = "".join(
        "<tr><td>{}</td><td style='text-align:right'>{:,}</td>"
        "<td style='text-align:right'>{:.1%}</td></tr>".format(html.escape(name), int(hops), shares[name])
        for name, hops in zip(summary.layer_names, summary.layer_hops)
    )
    tables = (
        "<table><thead><tr><th>layer</th><th>hops</th><th>share</th></tr></thead>"
        f"<tbody>{layers}</tbody></table>"
        if layers
        else ""
    )
    busiest = "".join(
        "<tr><td>{}</td><td style='text-align:right'>{:,}</td>"
        "<td style='text-align:right'>{}</td></tr>".format(
            html.escape(o["label"]), o["requests"], _number(o["peak_load"])
        )
        for o in summary.overloaded
    )
    if busiest:
        tables += (
            "<table><thead><tr><th>most solicited</th><th>requests</th><th>peak load</th>"
            f"</tr></thead><tbody>{busiest}</tbody></table>"
        )
    return f"<div><strong>reseau.ReferralSummary</strong>: {head}{tables}</div>"


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
    rows = "".join(
        "<tr><td style='text-align:right'>{}</td><td style='text-align:right'>{:,}</td>"
        "<td style='text-align:right'>{}</td><td style='text-align:right'>{:.1%}</td>"
        "<td style='text-align:right'>{}</td></tr>".format(
            _number(rate),
            int(requests),
            _number(throughput),
            success,
            "" if length != length else _number(length),
        )
        for rate, requests, throughput, success, length in zip(
            curve.rates.tolist(),
            curve.requests.tolist(),
            curve.throughput.tolist(),
            curve.success_rate.tolist(),
            curve.mean_chain_length.tolist(),
        )
    )
    table = (
        "<table><thead><tr><th>rate</th><th>requests</th><th>throughput</th>"
        "<th>success</th><th>mean chain</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )
    return f"<div><strong>reseau.LoadCurve</strong>: {head}{table}</div>"


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
    rows = "".join(
        "<tr><td style='text-align:right'>{}</td><td>{}</td><td style='text-align:right'>{}</td>"
        "<td style='text-align:right'>{}</td><td style='text-align:right'>{}</td></tr>".format(
            rank, int(person), html.escape(label), _number(float(gain)), _number(float(cost))
        )
        for rank, (person, label, gain, cost) in enumerate(
            zip(selection.relays, selection.relay_labels, selection.gains, selection.costs), 1
        )
    )
    table = (
        "<table><thead><tr><th>rank</th><th>person</th><th>label</th><th>gain</th><th>cost</th>"
        f"</tr></thead><tbody>{rows}</tbody></table>"
    )
    return f"<div><strong>reseau.RelaySelection</strong>: {head}{table}</div>"
