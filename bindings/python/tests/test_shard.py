"""Shard-and-merge: shards of a simulation merge into exactly the one-call summary."""

from __future__ import annotations

import pickle

import pytest

import reseau

NET = reseau.datasets.aarhus_cs()
MODEL = reseau.IndependentCascade(0.15, layers={"lunch": {"latency": 2}})


@pytest.mark.parametrize("cuts", [[0, 1000], [0, 64, 1000], [0, 1, 333, 640, 999, 1000]])
def test_shards_merge_into_the_single_summary(cuts):
    whole = reseau.simulate(NET, ["U4"], MODEL, runs=1000, seed=11, bad_seeds=["U33"])
    parts = [
        reseau.simulate(NET, ["U4"], MODEL, seed=11, bad_seeds=["U33"], run_range=(a, b))
        for a, b in zip(cuts, cuts[1:])
    ]
    merged = reseau.merge(reversed(parts))
    assert merged.to_dict() == whole.to_dict()
    assert merged.activation.tobytes() == whole.activation.tobytes()
    assert repr(merged) == repr(whole)


def test_shard_ranges_cover_the_runs_in_blocks():
    for runs in (1, 63, 64, 65, 1000, 12_345):
        for shards in (1, 2, 3, 7, 1000):
            ranges = reseau.shard_ranges(runs, shards)
            assert ranges[0][0] == 0 and ranges[-1][1] == runs
            assert all(a[1] == b[0] for a, b in zip(ranges, ranges[1:]))
            assert all(start % 64 == 0 for start, _ in ranges)
            assert len(ranges) <= shards
    with pytest.raises(ValueError):
        reseau.shard_ranges(0, 2)


def test_a_shard_pickles_exactly():
    part = reseau.simulate(NET, [0], runs=0, seed=5, run_range=(100, 900))
    again = pickle.loads(pickle.dumps(part))
    assert isinstance(again, reseau.CascadePartial)
    assert again.to_dict() == part.to_dict() and again.ranges == [(100, 900)]
    assert again.summary().to_dict() == part.summary().to_dict()


def test_bad_shards():
    a = reseau.simulate(NET, [0], seed=1, run_range=(0, 100))
    with pytest.raises(reseau.InvalidParameterError, match="counted twice"):
        a.merge(reseau.simulate(NET, [0], seed=1, run_range=(50, 150)))
    with pytest.raises(reseau.InvalidParameterError, match="same seed"):
        a.merge(reseau.simulate(NET, [0], seed=2, run_range=(100, 150)))
    other = reseau.datasets.aarhus_cs().without_layers(["facebook"])
    with pytest.raises(reseau.InvalidParameterError, match="same network"):
        a.merge(reseau.simulate(other, [0], seed=1, run_range=(100, 150)))
    for bad in [(5, 5), (10, 2), (-1, 3)]:
        with pytest.raises(reseau.InvalidParameterError):
            reseau.simulate(NET, [0], run_range=bad)
    state = a.to_dict()
    state["ranges"] = [[0, 99]]  # does not match the tallies
    with pytest.raises(reseau.InvalidParameterError):
        reseau.CascadePartial._from_state(state, NET.labels)
