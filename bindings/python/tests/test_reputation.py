"""Reputation scores from Python: reputation with and without a method on the Aarhus
network, PageRank against networkx's, determinism, and every bad parameter mapped to its
exception."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

import reseau

SCORES = ["degree", "pagerank", "multiplex_pagerank", "core", "influence"]


def aarhus() -> reseau.Network:
    return reseau.datasets.aarhus_cs()


def test_every_score_at_once():
    net = aarhus()
    rep = reseau.reputation(net, samples=5000)
    assert isinstance(rep, reseau.Reputation)
    names = [layer.name for layer in net.layers]
    assert rep.layer_names == names
    for score in SCORES:
        values = getattr(rep, score)
        assert values.dtype == np.float64 and values.shape == (net.num_people,), score
    assert abs(rep.pagerank.sum() - 1.0) < 1e-9
    assert abs(rep.multiplex_pagerank.sum() - 1.0) < 1e-9
    assert list(rep.layer_degree) == names and list(rep.layer_pagerank) == names
    assert np.array_equal(sum(rep.layer_degree.values()), rep.degree)
    for name, pr in rep.layer_pagerank.items():
        assert abs(pr.sum() - 1.0) < 1e-9, name
    assert rep.degree.tolist() == [float(d) for d in net.degrees()]
    assert rep.influence.min() >= 1.0 - 1e-12  # a seed reaches at least themself
    assert rep.iterations > 0 and rep.labels == net.labels
    df = rep.to_pandas()
    assert len(df) == net.num_people and df["label"].tolist() == net.labels
    assert df["pagerank"].tolist() == rep.pagerank.tolist()
    assert f"pagerank[{names[0]}]" in df and f"degree[{names[-1]}]" in df
    assert repr(rep).startswith("<reseau.Reputation: 61 people, 5 layers")
    back = pickle.loads(pickle.dumps(rep))
    assert back.to_dict() == rep.to_dict() and back.labels == rep.labels


@pytest.mark.parametrize("score", SCORES)
def test_one_score_is_the_same_array(score):
    net = aarhus()
    rep = reseau.reputation(net, samples=5000, seed=3)
    one = reseau.reputation(net, score, samples=5000, seed=3)
    assert one.dtype == np.float64
    assert one.tolist() == getattr(rep, score).tolist()


def test_scores_on_one_layer():
    net = aarhus()
    rep = reseau.reputation(net, samples=100)
    for name in rep.layer_names:
        assert reseau.reputation(net, "degree", name).tolist() == rep.layer_degree[name].tolist()
        assert reseau.reputation(net, "pagerank", layer=name).tolist() == rep.layer_pagerank[name].tolist()
        assert reseau.reputation(net, "core", layer=name).max() <= rep.core.max()
    alone = reseau.reputation(net, "influence", "facebook", samples=2000)
    everywhere = reseau.reputation(net, "influence", samples=2000)
    assert alone.sum() < everywhere.sum()


def test_determinism_and_options():
    net = aarhus()
    model = reseau.IndependentCascade(probability=0.2)
    a = reseau.reputation(net, "influence", model=model, samples=3000, seed=9)
    b = reseau.reputation(net, "influence", model=model, samples=3000, seed=9)
    assert a.tolist() == b.tolist()
    assert a.sum() > reseau.reputation(net, "influence", samples=3000, seed=9).sum()
    for variant in ("multiplicative", "additive", "combined", "neutral"):
        mp = reseau.reputation(net, "multiplex_pagerank", multiplex=variant)
        assert abs(mp.sum() - 1.0) < 1e-9, variant
    flat = reseau.reputation(net, "pagerank", damping=0.0)
    assert np.allclose(flat, 1 / net.num_people)


@pytest.mark.parametrize("directed", [False, True])
def test_pagerank_agrees_with_networkx(directed):
    nx = pytest.importorskip("networkx")
    rng = np.random.default_rng(4)
    net = reseau.Network()
    net.add_layer("work", directed=directed)
    net.add_people(40)
    graph = nx.DiGraph() if directed else nx.Graph()
    graph.add_nodes_from(range(40))
    for _ in range(120):
        u, v = (int(x) for x in rng.integers(0, 39, size=2))  # person 39: no ties (dangling)
        if u == v or graph.has_edge(u, v):
            continue
        w = float(rng.integers(1, 5))
        net.add_tie(u, v, "work", weight=w)
        graph.add_edge(u, v, weight=w)
    # networkx's pagerank needs scipy; its pure-Python version is the same algorithm.
    try:
        import scipy  # noqa: F401

        pagerank = nx.pagerank
    except ImportError:
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python as pagerank
    ours = reseau.reputation(net, "pagerank")
    theirs = pagerank(graph, alpha=0.85, tol=1e-13, max_iter=1000)
    assert abs(ours.sum() - 1.0) < 1e-12
    assert np.max(np.abs(ours - np.array([theirs[i] for i in range(40)]))) < 1e-9
    unweighted = pagerank(graph, alpha=0.85, tol=1e-13, max_iter=1000, weight=None)
    ours = reseau.reputation(net, "pagerank", weighted=False)
    assert np.max(np.abs(ours - np.array([unweighted[i] for i in range(40)]))) < 1e-9


BAD = [
    (dict(method="klout"), reseau.InvalidParameterError, "method"),
    (dict(method="degree", layer="golf"), reseau.UnknownLayerError, None),
    (dict(method="multiplex_pagerank", layer="lunch"), reseau.InvalidParameterError, "layer"),
    (dict(layer="lunch"), reseau.InvalidParameterError, "layer"),
    (dict(damping=1.0), reseau.InvalidParameterError, "damping"),
    (dict(method="pagerank", damping=float("nan")), reseau.InvalidParameterError, "damping"),
    (dict(tolerance=0.0), reseau.InvalidParameterError, "tolerance"),
    (dict(max_iterations=0), reseau.InvalidParameterError, "max_iterations"),
    (dict(samples=-1), reseau.InvalidParameterError, "samples"),
    (dict(multiplex="sideways"), reseau.InvalidParameterError, "multiplex"),
]


@pytest.mark.parametrize("kwargs, error, name", BAD, ids=[str(b[0]) for b in BAD])
def test_bad_parameters_raise_typed_errors(kwargs, error, name):
    with pytest.raises(error) as info:
        reseau.reputation(aarhus(), **kwargs)
    assert isinstance(info.value, reseau.ReseauError)
    if name is not None:
        assert info.value.name == name, str(info.value)
    if error is reseau.UnknownLayerError:
        assert info.value.name == "golf"
