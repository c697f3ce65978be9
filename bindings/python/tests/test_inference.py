"""Inference from Python (issue 19): fit_cascade, shuffle_test and infer_shadow give the very
numbers of the Rust core (tests/golden/inference.json, written by the core's
tests/golden_inference.rs), whatever shape the adoptions come in; bad input is a typed error;
results pickle and come back checked by the core; the CSV readers."""

from __future__ import annotations

import json
import pickle
import threading
import time

import pytest

import reseau

from helpers import REPO

GOLDEN = json.loads((REPO / "tests" / "golden" / "inference.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def aarhus() -> reseau.Network:
    return reseau.datasets.aarhus_cs()


def test_fit_is_the_cores_to_the_last_bit(aarhus):
    fit = reseau.fit_cascade(aarhus, GOLDEN["adoptions"], **GOLDEN["options"]["fit"])
    assert fit.to_dict() == GOLDEN["fit"]
    assert fit.bootstrap == 20 and fit.data["cascades"] == 40
    # The views of the same numbers.
    assert fit.probabilities == GOLDEN["fit"]["probabilities"]
    for key, interval in GOLDEN["fit"]["ci95"].items():
        assert fit.ci95[key] == (None if interval is None else tuple(interval))
    assert fit.external == GOLDEN["fit"]["external"]
    assert fit.shadow_share_ci95 == tuple(GOLDEN["fit"]["shadow_share_ci95"])


def test_shuffle_test_and_shadow_are_the_cores(aarhus):
    test = reseau.shuffle_test(aarhus, GOLDEN["adoptions"], **GOLDEN["options"]["shuffle"])
    assert test.to_dict() == GOLDEN["shuffle"]
    found = reseau.infer_shadow(aarhus, GOLDEN["adoptions"], **GOLDEN["options"]["shadow"])
    golden = GOLDEN["shadow"]
    assert (found.layer, found.ties, found.candidates_scored) == (golden["layer"], golden["ties"], golden["candidates_scored"])
    assert found.fit.to_dict() == golden["fit"]
    net = found.network
    assert isinstance(net, reseau.Network) and net.num_ties_in("shadow") == len(golden["ties"])
    assert net.num_ties == aarhus.num_ties + len(golden["ties"])


def test_every_shape_of_adoptions_gives_the_same_fit(aarhus):
    rows = GOLDEN["adoptions"]
    expected = reseau.fit_cascade(aarhus, rows).to_dict()
    # One dict person -> step per cascade, by id (int keys) or by label.
    by_id = [{} for _ in range(40)]
    by_label = [{} for _ in range(40)]
    labels = aarhus.labels
    for row in rows:
        by_id[row["cascade"]][row["person"]] = row["time"]
        by_label[row["cascade"]][labels[row["person"]]] = row["time"]
    assert reseau.fit_cascade(aarhus, by_id).to_dict() == expected
    assert reseau.fit_cascade(aarhus, by_label).to_dict() == expected
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(rows)
    assert reseau.fit_cascade(aarhus, frame).to_dict() == expected
    # numpy integers as ids, and the CSV reader's rows.
    text = "cascade,person,time\n" + "".join(f"{r['cascade']},{labels[r['person']]},{r['time']}\n" for r in rows)
    assert reseau.fit_cascade(aarhus, reseau.parse_adoptions(text)).to_dict() == expected


def test_unknown_status_is_left_out(aarhus):
    known = reseau.fit_cascade(aarhus, {"U4": 0, "U1": 1, "U79": 2}, horizon=4)
    with_unknown = reseau.fit_cascade(aarhus, {"U4": 0, "U1": 1, "U79": 2, "U3": None}, horizon=4)
    assert with_unknown.data["unknown"] == 1 and known.data["unknown"] == 0
    assert with_unknown.data["person_steps"] < known.data["person_steps"]
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"person": ["U4", "U1", "U79", "U3"], "time": [0, 1, 2, None]})
    assert reseau.fit_cascade(aarhus, frame, horizon=4).to_dict() == with_unknown.to_dict()


def test_the_fitted_model_simulates(aarhus):
    fit = reseau.fit_cascade(aarhus, GOLDEN["adoptions"])
    model = fit.model
    assert isinstance(model, reseau.IndependentCascade)
    assert {name: s.probability for name, s in model.layers.items()} == fit.probabilities
    summary = reseau.simulate(aarhus, [0], model, runs=50, seed=1)
    assert 1 <= summary.mean <= aarhus.num_people


def test_views(aarhus):
    fit = reseau.fit_cascade(aarhus, GOLDEN["adoptions"])
    frame = fit.to_pandas()
    assert frame["key"].tolist() == [e["key"] for e in fit.layers] + [e["key"] for e in fit.external_hazards]
    page = fit._repr_html_()
    assert all(layer.name in page for layer in aarhus.layers) and "shadow share" in page
    assert fit.plot().get_ylabel() == "probability per exposure"
    assert repr(fit).startswith("<reseau.CascadeFit: cascade exposure; ")


@pytest.mark.parametrize(
    "adoptions, options, error, field",
    [
        ({"nobody": 0}, {}, reseau.UnknownPersonError, ("person", '"nobody"')),
        ({999: 0}, {}, reseau.UnknownPersonError, ("person", "#999")),
        ({"U4": -1}, {}, reseau.InvalidParameterError, None),
        ({"U4": 1.5}, {}, reseau.InvalidParameterError, None),
        ({"U4": float("nan")}, {}, reseau.InvalidParameterError, None),
        ({"U4": 0, "U1": 5}, {"horizon": 3}, reseau.InvalidParameterError, None),
        ({"U4": None}, {}, reseau.InvalidParameterError, None),
        ({"U4": 0}, {"exposure": "sideways"}, reseau.InvalidParameterError, None),
        ({"U4": 0}, {"horizn": 3}, reseau.InvalidParameterError, None),
        ({"U4": 0}, {"layers": ["golf"]}, reseau.UnknownLayerError, ("name", "golf")),
        ({"U4": 0}, {"bootstrap": 10}, reseau.InvalidParameterError, None),
        ([{"person": "U4", "time": 1}, {"person": "U4", "time": 2}], {}, reseau.InvalidParameterError, None),
        ({"U4": 0}, {"external": False}, reseau.InvalidParameterError, ("name", "external")),
        ({"U4": 0}, {"max_iterations": 0}, reseau.InvalidParameterError, ("name", "max_iterations")),
    ],
)
def test_bad_input_is_a_typed_error(aarhus, adoptions, options, error, field):
    with pytest.raises(error) as info:
        reseau.fit_cascade(aarhus, adoptions, **options)
    if field is not None:
        assert getattr(info.value, field[0]) == field[1].strip('"') or field[1] in str(info.value)
    # The library is usable afterwards.
    assert reseau.fit_cascade(aarhus, {"U4": 0, "U1": 1}).data["adoptions"] == 2


def test_bad_input_of_the_other_calls(aarhus):
    with pytest.raises(reseau.InvalidParameterError):
        reseau.shuffle_test(aarhus, {"U4": 0}, permutations=0)
    with pytest.raises(reseau.InvalidParameterError):
        reseau.infer_shadow(aarhus, [{"U4": 0}], candidates=0)
    with pytest.raises(reseau.InvalidParameterError):
        reseau.fit_cascade(reseau.Network(), {0: 0})
    with pytest.raises(TypeError):
        reseau.fit_cascade(aarhus)  # type: ignore[call-arg]
    for shape in ["U4", 5, None]:
        with pytest.raises(TypeError, match="adoptions: expected a dict"):
            reseau.fit_cascade(aarhus, shape)


def test_progress_and_cancellation(aarhus):
    seen = []
    reseau.shuffle_test(aarhus, GOLDEN["adoptions"], permutations=8, progress=lambda d, t: seen.append((d, t)) or True)
    assert seen and seen[-1] == (8, 8)
    # Long enough (about 10 s of work when nothing stops it) for the callback to be asked.
    started = time.monotonic()
    with pytest.raises(reseau.CancelledError):
        reseau.shuffle_test(aarhus, GOLDEN["adoptions"], permutations=5000, progress=lambda d, t: False)
    assert time.monotonic() - started < 5


def test_results_pickle_and_come_back_checked(aarhus):
    fit = reseau.fit_cascade(aarhus, GOLDEN["adoptions"])
    test = reseau.shuffle_test(aarhus, GOLDEN["adoptions"], permutations=5)
    found = reseau.infer_shadow(aarhus, GOLDEN["adoptions"], candidates=3)
    for result in (fit, test, found):
        again = pickle.loads(pickle.dumps(result))
        assert again == result and type(again) is type(result)
    assert pickle.loads(pickle.dumps(found)).network.num_ties_in("shadow") == 3
    # An edited state is the core's error, never a PanicException.
    state = fit.to_dict()
    state["exposure"] = "sideways"
    with pytest.raises(reseau.InvalidParameterError):
        reseau.CascadeFit._from_state(state)
    state = found.to_dict()
    state["network"]["ties"][0]["source"] = 10**6
    with pytest.raises(reseau.ReseauError):
        reseau.ShadowInference._from_state(state)


def test_csv_readers(tmp_path):
    path = tmp_path / "adopted.csv"
    path.write_text("doctor;month;wave\nU4;0;1\nU1;NA;1\nU4;3;2\n", encoding="utf-8")
    rows = reseau.read_adoptions(path, person="doctor", time="month", cascade="wave", delimiter=";")
    assert rows == [
        {"person": "U4", "time": 0.0, "cascade": 1},
        {"person": "U1", "time": None, "cascade": 1},
        {"person": "U4", "time": 3.0, "cascade": 2},
    ]
    with pytest.raises(reseau.ParseError) as info:
        reseau.parse_adoptions("person,time\nana,0\nbo,-2\n", "a.csv")
    assert (info.value.file, info.value.line) == ("a.csv", 3)
    with pytest.raises(reseau.ParseError) as info:
        reseau.parse_adoptions("who,time\nana,0\n", "a6.csv")
    assert (info.value.line, info.value.content) == (1, "who,time") and "person" in info.value.reason
    with pytest.raises(reseau.FileError):
        reseau.read_adoptions(tmp_path / "missing.csv")
    with pytest.raises(reseau.InvalidParameterError):
        reseau.parse_adoptions("person,time\n", colum="x")




@pytest.mark.parametrize(("call", "golden"), [("fit_cascade", "fit"), ("shuffle_test", "shuffle"), ("infer_shadow", "shadow")])
def test_the_network_may_change_while_inference_runs_in_another_thread(call, golden):
    net = reseau.datasets.aarhus_cs()
    function, options = getattr(reseau, call), GOLDEN["options"][golden]
    done, errors = threading.Event(), []

    def grow() -> None:  # mutable borrows of the network while the calls run
        try:
            while not done.is_set():
                net.add_people(1)
                time.sleep(0.0005)
        except Exception as err:  # noqa: BLE001 - the test reports it
            errors.append(err)

    thread = threading.Thread(target=grow)
    thread.start()
    try:
        # Each call fits a copy taken when it starts (the people added so far are at risk too).
        results = [function(net, GOLDEN["adoptions"], **options) for _ in range(5)]
    finally:
        done.set()
        thread.join(timeout=60)
    assert not thread.is_alive() and not errors, errors
    assert net.num_people > 61 and len(results) == 5
