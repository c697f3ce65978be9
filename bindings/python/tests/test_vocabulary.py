"""One vocabulary (issue 14): the cascade model's influencers and media are its
``amplifiers`` ("relays" are whom relay selection enlists), a count of seeds is
``num_seeds``, report options are keywords. The old names work for one release, each with a
``DeprecationWarning``."""

from __future__ import annotations

import pytest

import reseau

NET = reseau.datasets.aarhus_cs()


def test_relays_is_the_old_name_of_amplifiers():
    with pytest.warns(DeprecationWarning, match="Amplifiers"):
        old = reseau.Relays(media_threshold=3)
    assert type(old) is reseau.Amplifiers and old == reseau.Amplifiers(media_threshold=3)
    assert "Relays" not in reseau.__all__ and "Amplifiers" in reseau.__all__


def test_the_relays_keyword_and_attribute_are_the_old_names_of_amplifiers():
    with pytest.warns(DeprecationWarning, match="amplifiers="):
        old = reseau.IndependentCascade(0.2, relays={"influencer_multiplier": 2.0})
    new = reseau.IndependentCascade(0.2, amplifiers={"influencer_multiplier": 2.0})
    assert old == new and new.amplifiers.influencer_multiplier == 2.0
    with pytest.warns(DeprecationWarning, match="Model.amplifiers"):
        assert new.relays == new.amplifiers
    # Dicts written before the rename still read, as the core's serde form reads them.
    d = new.to_dict()
    d["relays"] = d.pop("amplifiers")
    assert reseau.Model.from_dict(d) == new


def test_seeds_is_the_old_name_of_num_seeds():
    kwargs = dict(mixes=[0.5], steps=20, runs=20, seed=1)
    new = reseau.balance(NET, num_seeds=2, **kwargs)
    with pytest.warns(DeprecationWarning, match="num_seeds"):
        old = reseau.balance(NET, seeds=2, **kwargs)
    assert old.to_dict() == new.to_dict()
    assert new.to_dict() != reseau.balance(NET, num_seeds=1, **kwargs).to_dict()


def test_report_options_are_keywords():
    new = reseau.report(NET, quick=True, relays=2, budget=None, seed=3)
    with pytest.warns(DeprecationWarning, match="keyword"):
        old = reseau.report(NET, quick=True, options={"relays": 2, "budget": None}, seed=3)
    assert old.numbers == new.numbers
    assert len(new.numbers["relays"]["relays"]) == 2 and new.numbers["budgeted"] is None


def test_result_classes_are_named_as_in_the_core():
    for name in ("CascadeSummary", "ReferralSummary", "RelaySelection", "Report", "Reputation", "LoadCurve"):
        assert getattr(reseau, name)._kind == name


def test_keywords_are_the_core_request_fields():
    # An unknown keyword is the core's message, naming it and the fields it knows.
    with pytest.raises(reseau.InvalidParameterError, match="unknown field `max_hop`, expected one of"):
        reseau.route_referrals(NET, max_hop=3)
    with pytest.raises(reseau.InvalidParameterError, match="num_seeds"):
        reseau.balance(NET, num_seed=3)
