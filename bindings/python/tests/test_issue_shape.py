"""The Python shape of the foundation issue, verbatim, on the real files."""

from __future__ import annotations

import os
import textwrap

import pytest

import reseau

ISSUE = textwrap.dedent(
    """
    import reseau
    net = reseau.Network()
    net.add_layer("lunch", kind="physical")                  # also directed=False, probability=..., latency=...
    ana = net.add_person(label="ana", group="G1"); bo = net.add_person(label="bo")
    net.add_tie(ana, bo, "lunch", weight=1.0)
    snap = reseau.read_edgelist("Email-Enron.txt", directed=False)
    aucs = reseau.read_multiplex("CS-Aarhus_multiplex.edges", layers="CS-Aarhus_layers.txt", nodes="CS-Aarhus_nodes.txt")
    snap.labels[0], snap.index_of("17"), aucs.without_layers(["facebook"]).num_ties
    lattice = reseau.generators.kleinberg(side=100, r=2.0, seed=1)
    er = reseau.generators.erdos_renyi(n=10_000, mean_degree=4.0, seed=1)
    """
)


def test_issue_code_runs_verbatim(tmp_path, monkeypatch, enron, aarhus_files):
    for path in (enron, *aarhus_files):
        os.symlink(path, tmp_path / path.name)
    monkeypatch.chdir(tmp_path)
    scope: dict = {}
    exec(compile(ISSUE, "issue-2", "exec"), scope)

    net, snap, aucs = scope["net"], scope["snap"], scope["aucs"]
    assert (net.num_people, net.num_ties, net.num_layers) == (2, 1, 1)
    assert net.groups() == {"G1": [scope["ana"]]}
    assert (snap.num_people, snap.num_ties) == (36_692, 183_831)
    assert snap.labels[0] == "0"
    assert snap.labels[snap.index_of("17")] == "17"
    assert aucs.without_layers(["facebook"]).num_ties == 620 - 124
    assert scope["lattice"].num_people == 100 * 100
    assert scope["er"].num_people == 10_000


def test_enron_labels_and_index_of(enron):
    snap = reseau.read_edgelist(enron, directed=False)
    assert (snap.num_people, snap.num_ties, snap.num_layers) == (36_692, 183_831, 1)
    labels = snap.labels
    assert len(labels) == snap.num_people
    assert labels[0] == "0"
    for label in ("0", "17", "36691"):
        assert labels[snap.index_of(label)] == label
    # SNAP lists each undirected tie both ways: the repeats are merged and counted.
    assert snap.duplicates_merged == 367_662 - 183_831
    with pytest.raises(reseau.UnknownPersonError) as info:
        snap.index_of("no such person")
    assert info.value.person == '"no such person"'  # a label, quoted


def test_enron_directed(enron):
    snap = reseau.read_edgelist(enron, directed=True)
    assert snap.num_ties == 367_662
    assert snap.layers[0].directed
