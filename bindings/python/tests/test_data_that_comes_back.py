"""Issue 15 from Python: data that comes back in (pickles, dicts, shards) is checked by the core
as a live call's would be; a network may change while balance or report runs on it; integers
too large for 64 bits and bytes given as people are refused, naming the argument."""

from __future__ import annotations

import pickle
import threading

import numpy as np
import pytest

import reseau

NET = reseau.datasets.aarhus_cs()


class _Edited:
    """Pickles as ``cls._from_state(state, labels)``: a pickle whose data was edited."""

    def __init__(self, cls: type, state: dict, labels: list) -> None:
        self.args = (cls, state, labels)

    def __reduce__(self):
        cls, state, labels = self.args
        return (cls._from_state, (state, labels))


def unpickle_edited(result, edit) -> object:
    state = result.to_dict()
    edit(state)
    return pickle.loads(pickle.dumps(_Edited(type(result), state, NET.labels)))


def test_an_edited_relay_selection_is_refused_not_a_panic():
    chosen = reseau.select_relays(NET, k=3, method="degree", evaluation_runs=50, seed=1)
    assert pickle.loads(pickle.dumps(chosen)).to_dict() == chosen.to_dict()

    def fewer_gains(state):
        state["gains"] = state["gains"][:1]

    def more_labels(state):
        state["labels"].append("someone")

    for edit in (fewer_gains, more_labels):
        with pytest.raises(reseau.InvalidParameterError) as info:
            unpickle_edited(chosen, edit)
        assert info.value.name in ("RelaySelection.gains", "RelaySelection.labels")  # the core's validate()


def test_an_edited_referral_summary_is_refused():
    s = reseau.route_referrals(NET, n_requests=50, seed=1)

    def delivered(state):
        state["succeeded"] = 1_000_000

    with pytest.raises(reseau.InvalidParameterError, match="50 requests"):
        unpickle_edited(s, delivered)

    def chains(state):
        state["chain_lengths"] = [0, 0, 1]

    with pytest.raises(reseau.InvalidParameterError, match="chain"):
        unpickle_edited(s, chains)

    def not_a_number(state):
        state["requests"] = "many"

    with pytest.raises(reseau.InvalidParameterError) as info:
        unpickle_edited(s, not_a_number)
    assert info.value.name == "requests"


def test_values_from_dicts_are_checked_by_the_core():
    with pytest.raises(reseau.InvalidParameterError) as info:
        reseau.Model.from_dict({"kind": "independent_cascade", "layers": {"lunch": {"latency": 0}}})
    assert info.value.name == 'latency of layer "lunch"'
    with pytest.raises(reseau.InvalidParameterError):
        reseau.Fatigue.from_dict({"curve": {"kind": "queue", "size": 0}})
    with pytest.raises(reseau.InvalidParameterError):
        reseau.LayerSettings.from_dict({"multiplier": -1.0})
    with pytest.raises(reseau.InvalidParameterError):
        reseau.Layer.from_dict({"name": "x", "latency": 0})


def test_results_are_read_only_and_their_arrays_are_copies():
    s = reseau.simulate(NET, [0], runs=20, seed=1)
    with pytest.raises(AttributeError):
        s.runs = 5  # type: ignore[misc]
    s.activation[:] = 7.0
    assert s.activation[0] == 1.0


def _balance_kwargs() -> dict:
    return dict(mixes=[0.0, 1.0], steps=40, runs=100, seed=2)


def test_the_network_may_change_while_balance_runs_from_its_own_progress_callback():
    net = reseau.datasets.aarhus_cs()
    expected = reseau.balance(net.copy(), **_balance_kwargs()).to_dict()
    grown = []

    def progress(done: int, total: int) -> None:
        grown.append(net.add_people(1))  # a mutable borrow of the network being swept

    got = reseau.balance(net, progress=progress, **_balance_kwargs())
    assert got.to_dict() == expected
    assert grown and net.num_people == 61 + len(grown)


def test_the_network_may_change_while_report_runs_in_another_thread():
    net = reseau.datasets.aarhus_cs()
    expected = reseau.report(net.copy(), quick=True, seed=4).numbers
    started, result, errors = threading.Event(), [], []

    def run() -> None:
        try:
            result.append(reseau.report(net, quick=True, seed=4, progress=lambda d, t: started.set()))
        except Exception as err:  # noqa: BLE001 - the test reports it
            errors.append(err)

    thread = threading.Thread(target=run)
    thread.start()
    started.wait(timeout=60)
    for _ in range(20):
        net.add_people(1)
    thread.join(timeout=120)
    assert not thread.is_alive() and not errors, errors
    assert result[0].numbers == expected


@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: reseau.simulate(NET, [0], runs=2**70), "runs"),
        (lambda: reseau.simulate(NET, [0], seed=-1), "seed"),
        (lambda: reseau.simulate(NET, [0], seed=2**64), "seed"),
        (lambda: reseau.route_referrals(NET, n_requests=2**80), "n_requests"),
        (lambda: reseau.select_relays(NET, k=2, evaluation_runs=-3), "evaluation_runs"),
        (lambda: reseau.balance(NET, num_seeds=2**40), "num_seeds"),
        (lambda: reseau.IndependentCascade(layers={"lunch": {"latency": 2**33}}), 'layers["lunch"]["latency"]'),
    ],
)
def test_integers_too_large_name_their_argument(call, name):
    with pytest.raises(reseau.InvalidParameterError) as info:
        call()
    assert info.value.name == name


def test_a_person_id_beyond_64_bits_is_an_unknown_person():
    with pytest.raises(reseau.UnknownPersonError) as info:
        reseau.simulate(NET, [2**70], runs=10)
    assert info.value.person.startswith("#11805916207174113")  # 2**70, as a float shows it


@pytest.mark.parametrize(
    "call",
    [
        lambda: reseau.simulate(NET, b"\x00\x01", runs=10),
        lambda: reseau.simulate(NET, [0], bad_seeds=bytearray(b"\x05"), runs=10),
        lambda: reseau.route_referrals(NET, [(b"U4", 1)]),
        lambda: reseau.trace(NET, np.array([b"U4"])),
        lambda: reseau.parse_mpx("", digital=[b"facebook"]),
    ],
)
def test_bytes_are_not_people_nor_names(call):
    with pytest.raises(TypeError, match="bytes|bytes_|not"):
        call()
