"""pandas tables."""

from __future__ import annotations

import pytest

import reseau

pd = pytest.importorskip("pandas")


def test_tables():
    net = reseau.datasets.aarhus_cs()
    ties = net.to_pandas()
    assert len(ties) == 620
    assert list(ties.columns) == ["source", "target", "layer", "weight", "sign", "probability", "multiplicity"]
    assert ties["layer"].value_counts()["facebook"] == 124
    people = net.to_pandas("people")
    assert len(people) == 61 and people.loc[0, "label"] == net.labels[0]
    assert "role" in people.columns
    layers = net.to_pandas("layers")
    assert layers["ties"].tolist() == [193, 124, 21, 88, 194]
    with pytest.raises(reseau.InvalidParameterError) as info:
        net.to_pandas("edges")
    assert info.value.name == "table"
    assert len(reseau.Network().to_pandas("people")) == 0
