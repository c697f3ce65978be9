"""Progress reports of the long calls: the ``progress=`` argument.

``progress`` is ``None`` (the default: nothing), ``True`` (a tqdm bar, when tqdm is
installed), or a callable ``progress(done, total)``. The call reports about ten times a
second, from the thread that made the call, with the work done and the work known so far
(``total`` can grow: IMM draws more sets when its bound asks for them, and relay selection
goes on to its evaluation runs). Returning ``False`` (exactly ``False``; ``None`` and other
values go on) stops the call with :class:`reseau.CancelledError`; an exception raised by the
callback stops it and propagates. Ctrl-C stops any long call with ``KeyboardInterrupt``.

>>> import reseau
>>> seen = []
>>> s = reseau.simulate(reseau.datasets.aarhus_cs(), [0], runs=2000, seed=1,
...                     progress=lambda done, total: seen.append((done, total)))
>>> seen[-1]
(2000, 2000)
>>> reseau.simulate(reseau.datasets.aarhus_cs(), [0], runs=10**9, progress=lambda d, t: False)
Traceback (most recent call last):
    ...
reseau.CancelledError: cancelled
"""

from __future__ import annotations

import warnings
from typing import Any, Callable, Optional

#: What each call counts, for the bar's unit.
_UNITS = {
    "simulate": "run",
    "select_relays": "step",
    "route_referrals": "request",
    "referral_load_curve": "rate",
    "reputation": "set",
}


class TqdmHook:
    """A tqdm bar as a progress callback: opened on the first report, its total following
    the call's, closed by ``close()``.

    >>> from reseau._progress import TqdmHook
    >>> bar = TqdmHook("simulate", disable=True)
    >>> bar(5, 10), bar(10, 10), bar.close()
    (None, None, None)
    """

    def __init__(self, what: str, **options: Any) -> None:
        self._what = what
        self._options = options
        self._bar: Any = None

    def __call__(self, done: int, total: int) -> None:
        if self._bar is None:
            from tqdm.auto import tqdm

            self._bar = tqdm(
                total=total, desc=self._what, unit=_UNITS.get(self._what, "it"), **self._options
            )
        if self._bar.total != total:
            self._bar.total = total
        self._bar.n = done
        self._bar.refresh()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def hook(progress: Any, what: str) -> Optional[Callable[[int, int], Any]]:
    """The callback for a ``progress=`` argument (``None`` for nothing).

    >>> from reseau._progress import hook
    >>> hook(None, "simulate") is None, hook(False, "simulate") is None
    (True, True)
    >>> f = lambda done, total: None
    >>> hook(f, "simulate") is f
    True
    >>> hook("yes", "simulate")
    Traceback (most recent call last):
        ...
    TypeError: progress: expected None, a bool or a callable (done, total), not str
    """
    if progress is None or progress is False:
        return None
    if progress is True:
        try:
            import tqdm  # noqa: F401
        except ImportError:
            warnings.warn(
                "progress=True shows a bar with tqdm, which is not installed "
                "(pip install tqdm); going on without one",
                RuntimeWarning,
                stacklevel=3,
            )
            return None
        return TqdmHook(what)
    if callable(progress):
        return progress  # type: ignore[no-any-return]
    raise TypeError(
        "progress: expected None, a bool or a callable (done, total), "
        f"not {type(progress).__name__}"
    )
