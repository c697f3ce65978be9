"""Conversion to and from networkx (optional: ``pip install reseau[networkx]``)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Dict, Optional, Set, Tuple

from ._core import Network

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

# Node attributes that are fields of a person; any other becomes one of their attributes.
_PERSON_FIELDS = ("label", "group", "kind", "cost", "position")


def _networkx() -> Any:
    try:
        import networkx
    except ImportError as err:  # pragma: no cover - exercised only without networkx
        raise ImportError(
            "this needs networkx: pip install networkx (or reseau[networkx])"
        ) from err
    return networkx


def to_networkx(net: Network) -> "nx.MultiGraph":
    """The network as a networkx ``MultiGraph`` (``MultiDiGraph`` if a layer is directed).

    See :meth:`reseau.Network.to_networkx`.

    >>> import reseau
    >>> from reseau._networkx import to_networkx
    >>> G = to_networkx(reseau.datasets.aarhus_cs())
    >>> sorted(G.edges(0, keys=True))[0][2] in {"lunch", "facebook", "coauthor", "leisure", "work"}
    True
    """
    nx = _networkx()
    layers = net.layers
    directed = any(layer.directed for layer in layers)
    G = nx.MultiDiGraph() if directed else nx.MultiGraph()
    G.graph["reseau_layers"] = [layer.to_dict() for layer in layers]
    for person in net.people():
        data: Dict[str, Any] = dict(person["attributes"])
        for field in _PERSON_FIELDS:
            value = person[field]
            if value is not None:
                data[field] = tuple(value) if field == "position" else value
        G.add_node(person["id"], **data)
    names = [layer.name for layer in layers]
    one_way = [layer.directed for layer in layers]
    ties = net.ties()
    columns = ("source", "target", "layer", "weight", "sign", "probability", "multiplicity")
    for s, t, li, w, sign, p, m in zip(*(ties[c].tolist() for c in columns)):
        data = {"layer": names[li], "weight": w, "sign": sign, "multiplicity": m}
        if not math.isnan(p):
            data["probability"] = p
        G.add_edge(s, t, key=names[li], **data)
        if directed and not one_way[li]:
            # An undirected tie in a directed multigraph: both ways, as networkx's
            # `to_directed` would.
            G.add_edge(t, s, key=names[li], **data)
    return G


def from_networkx(
    G: "nx.Graph",
    layer: str = "ties",
    kind: str = "physical",
    layer_attribute: Optional[str] = None,
    weight: Optional[str] = "weight",
    duplicates: str = "merge",
    self_loops: str = "drop",
) -> Network:
    """A :class:`reseau.Network` from a networkx graph (any of the four graph classes).

    Nodes become people in iteration order (person ``i`` is the ``i``-th node); a node's label
    is its ``label`` attribute if it has one, else ``str(node)``. The node attributes
    ``group``, ``kind``, ``cost`` and ``position`` become the person's fields, any other
    attribute one of their (text) attributes.

    Edges go to the single layer ``layer`` of kind ``kind``, directed if ``G`` is, unless
    ``layer_attribute`` names an edge attribute holding each edge's layer (a MultiGraph whose
    edges carry a layer attribute becomes a multiplex; edges without it go to ``layer``). A
    graph made by :meth:`reseau.Network.to_networkx` keeps its layers' definitions and is
    read back as the same network. ``weight`` names the edge attribute holding tie strength
    (``None``: every tie weighs 1); ``sign`` and ``probability`` attributes are read when
    present. Repeated edges are merged and self-loops dropped (both counted) unless
    ``duplicates``/``self_loops`` say otherwise.

    >>> import networkx as nx, reseau
    >>> G = nx.MultiGraph()
    >>> G.add_edge("ana", "bo", layer="lunch"); G.add_edge("ana", "bo", layer="linkedin")
    0
    1
    >>> net = reseau.from_networkx(G, layer_attribute="layer")
    >>> [l.name for l in net.layers], net.num_ties, net.labels
    (['lunch', 'linkedin'], 2, ['ana', 'bo'])
    >>> reseau.from_networkx(nx.karate_club_graph()).num_ties
    78
    """
    directed = G.is_directed()
    net = Network(duplicates=duplicates, self_loops=self_loops)
    definitions = G.graph.get("reseau_layers")
    layer_directed: Dict[str, bool] = {}
    if definitions is not None:
        if layer_attribute is None:
            layer_attribute = "layer"
        for d in definitions:
            net.add_layer(
                d["name"],
                kind=d.get("kind", kind),
                directed=d.get("directed", directed),
                probability=d.get("probability"),
                latency=d.get("latency", 1),
            )
            layer_directed[d["name"]] = d.get("directed", directed)

    ids: Dict[Any, int] = {}
    for node, data in G.nodes(data=True):
        label = data.get("label")
        position = data.get("position")
        group = data.get("group")
        ids[node] = net.add_person(
            label=str(node) if label is None else str(label),
            group=None if group is None else str(group),
            kind=str(data.get("kind", "person")),
            cost=float(data.get("cost", 1.0)),
            attributes={
                str(k): str(v) for k, v in data.items() if k not in _PERSON_FIELDS
            },
            position=None if position is None else (float(position[0]), float(position[1])),
        )

    seen_reverse: Set[Tuple[int, int, str]] = set()
    for u, v, data in G.edges(data=True):
        name = layer
        if layer_attribute is not None and data.get(layer_attribute) is not None:
            name = str(data[layer_attribute])
        if name not in layer_directed:
            net.add_layer(name, kind=kind, directed=directed)
            layer_directed[name] = directed
        a, b = ids[u], ids[v]
        if directed and not layer_directed[name]:
            # The second copy of an undirected tie that `to_networkx` wrote both ways.
            if (b, a, name) in seen_reverse:
                seen_reverse.discard((b, a, name))
                continue
            seen_reverse.add((a, b, name))
        w = data.get(weight) if weight is not None else None
        net.add_tie(
            a,
            b,
            name,
            weight=1.0 if w is None else float(w),
            sign=int(data.get("sign", 1)),
            probability=data.get("probability"),
        )
    return net
