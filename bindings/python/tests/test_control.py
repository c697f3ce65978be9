"""Long calls: Ctrl-C interrupts them within a second, progress callbacks see them, and
returning False (or raising) stops them.

No test here depends on how the process was started, and none can hang: each long call is
bounded (under a minute of work on a 2-core machine when nothing stops it, so that a broken
interruption or cancellation fails the test), and the Ctrl-C tests install Python's own
SIGINT handler for their duration (see `ctrl_c`)."""

from __future__ import annotations

import _thread
import os
import signal
import threading
import time

import pytest

import reseau

NET = reseau.datasets.aarhus_cs()
# About 30 s of work (3.5 million runs a second on 2 cores): far longer than any deadline below,
# and finite, so that a call nothing stops ends and the test fails rather than hangs.
LONG = dict(runs=10**8, seed=1)


@pytest.fixture
def ctrl_c():
    """Ctrl-C raises KeyboardInterrupt during the test however the process was started. A
    background job (`scripts/test &`), nohup and CI runners start Python with SIGINT ignored;
    Python then installs no handler, and neither `os.kill(pid, SIGINT)` nor
    `_thread.interrupt_main()` interrupts anything. A terminal's Ctrl-C is what is tested, so
    the test sets up what a terminal's Python has, and puts back what it found."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


def _interrupt_after(delay: float, how: str) -> threading.Thread:
    def fire() -> None:
        time.sleep(delay)
        if how == "signal":
            os.kill(os.getpid(), signal.SIGINT)
        else:
            _thread.interrupt_main()

    thread = threading.Thread(target=fire, daemon=True)
    thread.start()
    return thread


@pytest.mark.parametrize("how", ["signal", "interrupt_main"])
def test_ctrl_c_interrupts_a_long_simulation_within_a_second(how, ctrl_c):
    thread = _interrupt_after(0.3, how)
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        reseau.simulate(NET, [0], **LONG)
    elapsed = time.monotonic() - started
    thread.join()
    assert elapsed < 0.3 + 1.0, elapsed
    # The library is still usable afterwards.
    assert reseau.simulate(NET, [0], runs=10, seed=1).runs == 10


def test_ctrl_c_interrupts_relay_selection_and_referrals(ctrl_c):
    big = reseau.generators.erdos_renyi(n=200_000, mean_degree=10.0, seed=1)

    def route(n_requests: int) -> object:
        return reseau.route_referrals(big, n_requests=n_requests, rate=1000, seed=1)

    def curve(steps: int) -> object:
        return reseau.referral_load_curve(big, [1000.0, 2000.0], steps=steps, seed=1)

    # Each long call is 15 to 30 s of work on 2 cores when nothing interrupts it (see LONG).
    # The referral calls first prepare their engine over the whole network, which an interrupt
    # does not cut short (1 to 2 s on a busy 2-core machine, several times the quiet one): the same
    # call with almost no work measures that fixed cost, and the interrupt must take effect
    # within a second of the later of it and the interrupt.
    calls = [
        # Small RR sets (far below the epidemic threshold), many of them: blocks stay short.
        (
            lambda: reseau.select_relays(
                big, k=50, model=reseau.IndependentCascade(0.02), epsilon=0.1, evaluation_runs=10**5, seed=1
            ),
            None,
        ),
        (lambda: route(10**6), lambda: route(10)),
        (lambda: curve(600), lambda: curve(2)),
    ]
    for call, fixed_cost in calls:
        fixed = 0.0
        if fixed_cost is not None:
            started = time.monotonic()
            fixed_cost()
            fixed = time.monotonic() - started
        thread = _interrupt_after(0.3, "interrupt_main")
        started = time.monotonic()
        with pytest.raises(KeyboardInterrupt):
            call()
        thread.join()
        elapsed = time.monotonic() - started
        assert elapsed < max(0.3, fixed) + 1.0, (elapsed, fixed)


def test_progress_sees_every_run_and_does_not_change_the_result():
    seen: list[tuple[int, int]] = []
    watched = reseau.simulate(NET, [0], runs=500_000, seed=3, progress=lambda d, t: seen.append((d, t)))
    plain = reseau.simulate(NET, [0], runs=500_000, seed=3)
    assert watched.to_dict() == plain.to_dict()
    assert seen[-1] == (500_000, 500_000)
    assert all(t == 500_000 and 0 <= d <= t for d, t in seen)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_progress_false_stops_with_cancelled_error():
    started = time.monotonic()
    with pytest.raises(reseau.CancelledError) as info:
        reseau.simulate(NET, [0], progress=lambda done, total: False, **LONG)
    assert time.monotonic() - started < 1.5
    assert info.value.kind == "CancelledError" and isinstance(info.value, reseau.ReseauError)
    # None (no return value) and other values go on.
    assert reseau.simulate(NET, [0], runs=100, progress=lambda d, t: None).runs == 100
    assert reseau.simulate(NET, [0], runs=100, progress=lambda d, t: 0).runs == 100


def test_an_exception_in_the_callback_stops_the_call_and_propagates():
    def boom(done: int, total: int) -> None:
        raise RuntimeError("enough")

    with pytest.raises(RuntimeError, match="enough"):
        reseau.simulate(NET, [0], progress=boom, **LONG)


def test_progress_of_the_other_long_calls():
    for call in (
        lambda p: reseau.select_relays(NET, k=3, evaluation_runs=1000, seed=1, progress=p),
        lambda p: reseau.route_referrals(NET, n_requests=5000, rate=50, seed=1, progress=p),
        lambda p: reseau.referral_load_curve(NET, [1.0, 4.0], steps=100, seed=1, progress=p),
    ):
        seen: list[tuple[int, int]] = []
        result = call(lambda d, t: seen.append((d, t)))
        assert result.to_dict() == call(None).to_dict()
        assert seen and seen[-1][0] == seen[-1][1]


def test_progress_false_stops_relay_selection():
    big = reseau.generators.erdos_renyi(n=100_000, mean_degree=8.0, seed=2)
    started = time.monotonic()
    with pytest.raises(reseau.CancelledError):
        reseau.select_relays(  # about 20 s of work when nothing stops it
            big, k=20, model=reseau.IndependentCascade(0.02), epsilon=0.07, evaluation_runs=10**5,
            progress=lambda d, t: False,
        )
    assert time.monotonic() - started < 2.0


def test_bad_progress_argument():
    with pytest.raises(TypeError, match="progress"):
        reseau.simulate(NET, [0], runs=10, progress="yes")


def test_progress_true_shows_a_tqdm_bar(capsys):
    pytest.importorskip("tqdm", reason="tqdm is not installed")
    s = reseau.simulate(NET, [0], runs=300_000, seed=1, progress=True)
    assert s.runs == 300_000
    err = capsys.readouterr().err
    assert "simulate" in err and "300000/300000" in err.replace(",", "")


def test_a_long_call_leaves_python_free_and_stops_from_another_thread():
    stop = threading.Event()
    outcome: list[BaseException] = []

    def run() -> None:
        try:
            reseau.simulate(NET, [0], progress=lambda d, t: not stop.is_set(), **LONG)
        except reseau.CancelledError as err:
            outcome.append(err)

    worker = threading.Thread(target=run)
    worker.start()
    counted, deadline = 0, time.monotonic() + 0.3
    while time.monotonic() < deadline:
        counted += 1  # the main thread runs Python while the simulation goes on
    stop.set()
    worker.join(timeout=5)
    assert not worker.is_alive() and len(outcome) == 1
    assert counted > 10_000


def test_reputation_reports_and_stops():
    seen: list[tuple[int, int]] = []
    scores = reseau.reputation(NET, samples=20_000, progress=lambda d, t: seen.append((d, t)))
    assert seen and seen[-1][0] == seen[-1][1] >= 20_000
    assert (scores.influence == reseau.reputation(NET, samples=20_000).influence).all()
    with pytest.raises(reseau.CancelledError):
        # About 20 s of work when nothing stops it.
        reseau.reputation(NET, "influence", samples=10**7, progress=lambda d, t: False)
