"""How a network shows in a notebook."""

from __future__ import annotations

import html

from ._core import Network


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
