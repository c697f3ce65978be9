"""reseau.balance and reseau.report: the same numbers as the Rust core (the golden file), the
table and its conversions, pickling, and typed errors for bad mixes and unknown layers."""

from __future__ import annotations

import json
import math
import pickle
import re

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
    r = reseau.report(aarhus, quick=True, relays=2, decline_layer=None, budget=None, seed=3)
    assert len(r.numbers["relays"]["relays"]) == 2 and r.numbers["budgeted"] is None
    with pytest.raises(reseau.InvalidParameterError, match="runz"):
        reseau.report(aarhus, quick=True, runz=5)
    with pytest.raises(reseau.UnknownLayerError):
        reseau.report(aarhus, quick=True, decline_layer="myspace")


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


def test_report_html_is_the_page_the_core_writes(aarhus, tmp_path):
    import html as html_module
    import re

    r = reseau.report(aarhus, quick=True, seed=2, title="Aarhus <CS> & friends")
    page = r.html()
    assert page.startswith("<!doctype html>") and page.rstrip().endswith("</html>")
    # The title, escaped, as the page's title and its first heading.
    assert "<title>Aarhus &lt;CS&gt; &amp; friends</title>" in page
    assert "<h1>Aarhus &lt;CS&gt; &amp; friends</h1>" in page
    # Every section of the text report is a section of the page, under the same heading.
    headings = [" ".join(html_module.unescape(re.sub(r"<[^>]+>", "", h)).split()) for h in re.findall(r"<h2>(.*?)</h2>", page, re.S)]
    ids = re.findall(r'<section id="([^"]+)">', page)
    assert ids == ["network", "relays", "campaign", "referrals", "balance", "decline", "claims"]
    assert len(headings) == len(ids)
    text = " ".join(r.text.split())
    for heading in headings[1:]:  # the first section has no heading in the text
        assert heading in text, heading
    # Every chart inline, nothing fetched, and the same page as write() saves.
    assert page.count("<svg") == len(r.charts) and "<script" not in page
    r.write(tmp_path)
    assert (tmp_path / "report.html").read_text(encoding="utf-8") == page
    # A report read back (pickle) gives the same page.
    assert pickle.loads(pickle.dumps(r)).html() == page


def test_report_fits_observed_adoptions_first(aarhus):
    adoptions = [{0: 0, 1: 1, 10: 2}, {"U4": 0, "U1": 1}]
    r = reseau.report(aarhus, quick=True, seed=2, fit={"adoptions": adoptions, "exposure": "persistent"})
    direct = reseau.fit_cascade(aarhus, adoptions, exposure="persistent")
    assert r.numbers["fit"] == direct.to_dict()
    assert r.numbers["fitted_model"] is True  # every section ran with the fitted model
    assert "fit" in re.findall(r'<section id="([^"]+)">', r.html())
    with pytest.raises(reseau.UnknownPersonError):
        reseau.report(aarhus, quick=True, fit={"adoptions": {"nobody": 0}})


def _two_stars() -> reseau.Network:
    """Person 0 tied to 10 people on a physical layer and 20 on a digital one."""
    net = reseau.Network()
    net.add_layer("meet")
    net.add_layer("mail", kind="digital")
    net.add_layer("newmail", kind="digital")
    net.add_people(31)
    for v in range(1, 31):
        net.add_tie(0, v, "meet" if v <= 10 else "mail")
    return net


def test_diminishing_returns_effort_makes_the_hand_computed_interior_mix_best():
    mixes = [i / 10 for i in range(11)]
    common = dict(mixes=mixes, model=reseau.IndependentCascade(probability=0.3), num_seeds=1, steps=4, rate=1, seed=5)
    sweep = reseau.balance(_two_stars(), runs=20_000, effort=10, effort_response="diminishing", **common)
    # reach(m) = 1 + 10(1 - 0.7^(10m)) + 20(1 - 0.7^(10(1 - m))): best at m* = 0.4028.
    for row in sweep.rows:
        m = row["mix"]
        exact = 1 + 10 * (1 - 0.7 ** (10 * m)) + 20 * (1 - 0.7 ** (10 * (1 - m)))
        assert abs(row["reach"] - exact) < 4 * math.sqrt(7.5 / 20_000)
    assert sweep.best["reach"]["mix"] == 0.4 and sweep.best["reach"]["interior"]
    with pytest.raises(reseau.InvalidParameterError):
        reseau.balance(_two_stars(), effort_response="sublinear", **common)


def test_a_successor_platform_takes_the_lost_ties_and_maximin_is_reported():
    decline = {"layer": "mail", "periods": 1, "vanish_at": 1, "successor": "newmail", "migration": 1.0}
    sweep = reseau.balance(
        _two_stars(), mixes=[0, 1], model=reseau.IndependentCascade(probability=0.3), num_seeds=1,
        steps=4, rate=1, runs=2000, decline=decline, seed=2,
    )
    assert sweep.table["migrated_ties"].tolist() == [0, 0, 20, 20]
    assert sweep.rows[2]["declining_ties"] == 0 and sweep.rows[2]["reach"] > 10
    assert set(sweep.maximin) == set(sweep.robust) and sweep.maximin["reach"]["worst_period"] in (0, 1)
    with pytest.raises(reseau.UnknownLayerError):
        reseau.balance(_two_stars(), mixes=[0], decline={**decline, "successor": "myspace"})
