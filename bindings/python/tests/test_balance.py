"""reseau.balance and reseau.report: the same numbers as the Rust core (the golden file), the
table and its conversions, pickling, and typed errors for bad mixes and unknown layers."""

from __future__ import annotations

import json
import math
import pickle

import numpy as np
import pytest

import reseau

from helpers import REPO

GOLDEN = json.loads((REPO / "tests" / "golden" / "golden.json").read_text(encoding="utf-8"))
TIRED = reseau.Fatigue.hill(half=2, exponent=2, half_life=10)


@pytest.fixture(scope="module")
def aarhus() -> reseau.Network:
    return reseau.datasets.aarhus_cs()


@pytest.fixture(scope="module")
def sweep(aarhus) -> reseau.BalanceReport:
    return reseau.balance(
        aarhus,
        mixes=[0.0, 0.5, 1.0],
        steps=100,
        runs=200,
        fatigue=TIRED,
        digital_fatigue=TIRED,
        decline={"layer": "facebook", "rate": 0.5, "periods": 2},
        seed=7,
    )


def test_the_sweep_equals_the_core_bit_for_bit(sweep):
    golden = GOLDEN["balance"]["sweep"]["report"]
    assert sweep.rows == golden["rows"]
    assert json.loads(sweep.to_json()) == golden
    assert sweep.mixes.tolist() == golden["mixes"]
    assert sweep.periods == 2 and sweep.declining_layer == "facebook"
    for b in golden["best"]:
        got = dict(sweep.best[b["measure"]])
        assert got == {k: v for k, v in b.items() if k != "measure"}


def test_the_report_equals_the_core_bit_for_bit(aarhus):
    r = reseau.report(aarhus, quick=True, seed=1)
    assert r.numbers == GOLDEN["balance"]["report"]["numbers"]
    assert "61 people, 620 ties in 5 layers" in r.text
    assert set(r.charts) == {
        "cascade.svg",
        "load_curve.svg",
        "balance_referrals.svg",
        "balance_reach.svg",
        "decline.svg",
    }
    assert all(svg.startswith("<svg") for svg in r.charts.values())
    assert repr(r) == "<reseau.Report: 61 people, 620 ties; seed 1>"
    assert pickle.loads(pickle.dumps(r)).numbers == r.numbers


def test_report_options_override_the_defaults(aarhus):
    r = reseau.report(aarhus, quick=True, options={"relays": 2, "decline_layer": None, "budget": None}, seed=3)
    assert len(r.numbers["relays"]["relays"]) == 2 and r.numbers["budgeted"] is None
    with pytest.raises(reseau.InvalidParameterError, match="runz"):
        reseau.report(aarhus, quick=True, options={"runz": 5})
    with pytest.raises(reseau.UnknownLayerError):
        reseau.report(aarhus, quick=True, options={"decline_layer": "myspace"})


def test_report_writes_its_files(aarhus, tmp_path):
    r = reseau.report(aarhus, quick=True, seed=2)
    written = r.write(tmp_path / "out")
    assert sorted(p.name for p in written) == sorted(
        ["report.txt", "report.json", "report.html"] + list(r.charts)
    )
    assert (tmp_path / "out" / "report.txt").read_text(encoding="utf-8") == r.text
    assert json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8")) == r.numbers


def test_the_table_has_one_row_per_mix_and_period(sweep):
    t = sweep.table
    assert t["mix"].tolist() == [0.0, 0.5, 1.0] * 3
    assert t["period"].tolist() == [0, 0, 0, 1, 1, 1, 2, 2, 2]
    assert t["declining_ties"][0] == 124 and t["declining_ties"][-1] < 124
    assert np.all(t["success_low"] <= t["success_rate"]) and np.all(t["success_rate"] <= t["success_high"])
    assert np.all(t["reach_low"] <= t["reach"])
    assert set(sweep.robust) == {"success_rate", "time_to_target", "throughput", "reach"}
    assert sweep.robust["reach"]["mix"] == 1.0


def test_to_pandas(sweep):
    pd = pytest.importorskip("pandas")
    df = sweep.to_pandas()
    assert isinstance(df, pd.DataFrame) and len(df) == 9
    assert list(df["mix"][:3]) == [0.0, 0.5, 1.0]


def test_pickle_round_trip(sweep):
    back = pickle.loads(pickle.dumps(sweep))
    assert back.rows == sweep.rows and back.best == sweep.best
    assert repr(back) == repr(sweep)


def test_without_decline_there_is_one_period(aarhus):
    s = reseau.balance(aarhus, mixes=np.array([0.2, 0.8]), steps=30, runs=30, seed=1)
    assert s.periods == 0 and s.declining_layer is None and s.robust == {}
    assert s.table["declining_ties"].tolist() == [-1, -1]
    assert all(math.isfinite(x) for x in s.table["reach"])


def test_the_same_seed_gives_the_same_sweep(aarhus):
    kw = dict(mixes=[0.3, 0.7], steps=30, runs=50)
    assert reseau.balance(aarhus, seed=4, **kw).rows == reseau.balance(aarhus, seed=4, **kw).rows


@pytest.mark.parametrize(
    "kwargs, error, text",
    [
        ({"mixes": [0.5, 1.2]}, reseau.InvalidParameterError, "invalid mix: 1.2"),
        ({"mixes": [-0.1]}, reseau.InvalidParameterError, "invalid mix: -0.1"),
        ({"mixes": [float("nan")]}, reseau.InvalidParameterError, "mix"),
        ({"mixes": []}, reseau.InvalidParameterError, "0 mixes"),
        ({"mixes": "half"}, reseau.InvalidParameterError, "mixes"),
        ({"decline": {"layer": "myspace", "rate": 0.1, "periods": 2}}, reseau.UnknownLayerError, "myspace"),
        ({"decline": {"layer": "facebook", "rate": 2, "periods": 2}}, reseau.InvalidParameterError, "decline rate"),
        ({"decline": {"layer": "facebook", "periods": 2, "speed": 1}}, reseau.InvalidParameterError, "speed"),
        ({"layer_forward": {"dinner": 0.5}}, reseau.UnknownLayerError, "dinner"),
        ({"rate": 0}, reseau.InvalidParameterError, "rate"),
        ({"physical_cost": -1}, reseau.InvalidParameterError, "physical_cost"),
        ({"runs": 0}, reseau.InvalidParameterError, "runs"),
        ({"digital_fatigue": {"curve": {"kind": "hill", "half": 0, "exponent": 2}}}, reseau.InvalidParameterError, "half"),
    ],
)
def test_bad_input_is_a_typed_error(aarhus, kwargs, error, text):
    with pytest.raises(error, match=text):
        reseau.balance(aarhus, **{"steps": 10, "runs": 10, **kwargs})


def test_digital_fatigue_reaches_the_referral_functions(aarhus):
    shared = reseau.route_referrals(aarhus, n_requests=400, rate=8, fatigue=TIRED, seed=3)
    apart = reseau.route_referrals(aarhus, n_requests=400, rate=8, fatigue=TIRED, digital_fatigue=TIRED, seed=3)
    # Two inboxes hold more attention than one: no fewer deliveries under the same load.
    assert apart.succeeded >= shared.succeeded
    curve = reseau.referral_load_curve(aarhus, [1, 8], steps=60, fatigue=TIRED, digital_fatigue=TIRED)
    assert curve.rates.tolist() == [1.0, 8.0]
