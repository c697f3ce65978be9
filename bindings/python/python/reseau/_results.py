"""What the long calls return: each the core's result (see ``reseau._data``), its fields
generated from the core's schema, with the few views that reshape one (a dict by layer name
for a list in layer order, a tuple for an interval) and a one-line summary; tables, notebook
views and charts are in ``reseau._pandas``, ``reseau._display`` and ``reseau._plot``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List, Literal, Optional, Tuple, Union

import numpy as np
import numpy.typing as npt

from . import _core
from ._data import Field, Labelled, Result, short


def _by_name(names: List[str], values: Any) -> Dict[str, Any]:
    return {name: float(v) for name, v in zip(names, values)}


class SpreadStats(Result, kind="SpreadStats"):
    """The spread of one valence (or of both together) over the runs of :func:`simulate`:
    ``mean`` and ``std`` of the number of people convinced, seeds included, the 95%
    confidence interval ``ci95`` of the mean, each person's ``activation`` probability, the
    mean number convinced through each layer (``by_layer``) and the mean number of ``seeds``.

    >>> import reseau
    >>> net = reseau.datasets.aarhus_cs()
    >>> s = reseau.simulate(net, [0], bad_seeds=[1], runs=200, seed=1)
    >>> s.good.mean + s.bad.mean == s.mean, s.good.seeds, float(s.bad.activation[1])
    (True, 1.0, 1.0)
    """

    __slots__ = ()

    # stubgen: fields SpreadStats -by_layer
    activation: Field[npt.NDArray[np.float64]] = Field('activation', "Each person's probability of being convinced, indexed by id. (npt.NDArray[np.float64])", 'float64')
    ci95: Field[Tuple[float, float]] = Field('ci95', '95% confidence interval of the mean (normal approximation: mean ± 1.96 std / √runs). (Tuple[float, float])', 'tuple')
    mean: Field[float] = Field('mean', 'Mean number of people convinced, seeds included. (float)')
    seeds: Field[float] = Field('seeds', 'Mean number of seeds (seeds of this valence that were not convinced otherwise). (float)')
    std: Field[float] = Field('std', 'Sample standard deviation of that number over the runs. (float)')
    # stubgen: end

    @property
    def layer_names(self) -> List[str]:
        """The layer names, in the network's order (that of ``by_layer``)."""
        return list(self._context)

    @property
    def by_layer(self) -> Dict[str, float]:
        """The mean number convinced through each layer (seeds not counted), by layer name
        in the network's layer order."""
        return _by_name(self._context, self._data["by_layer"])

    def _summary(self) -> str:
        low, high = self.ci95
        return f"mean {short(self.mean)} (95% CI {short(low)} to {short(high)}), std {short(self.std)}"


class OpinionByStep(Result, kind="OpinionByStep"):
    """E-reputation over time (a :class:`CascadeSummary`'s ``opinion``): the mean share of
    people holding the good view (``good``) and the bad view (``bad``) at the end of each
    step, their difference ``net``, each with its 95% interval per step (``*_ci95``, a list
    of ``(low, high)`` pairs), and the mean number of steps bad buzz led (``bad_ahead_steps``).

    >>> import reseau
    >>> net = reseau.datasets.aarhus_cs()
    >>> s = reseau.simulate(net, ["U4"], bad_seeds=["U1"], good_start=3, runs=300, seed=2)
    >>> o = s.opinion
    >>> float(o.good[0]), round(float(o.bad[0]) * 61, 9), bool((o.good + o.bad <= 1).all())
    (0.0, 1.0, True)
    """

    __slots__ = ()

    # stubgen: fields OpinionByStep
    bad: Field[npt.NDArray[np.float64]] = Field('bad', 'The mean share of people holding the bad view at the end of each step. (npt.NDArray[np.float64])', 'float64')
    bad_ahead_ci95: Field[Tuple[float, float]] = Field('bad_ahead_ci95', 'Its 95% interval. (Tuple[float, float])', 'tuple')
    bad_ahead_steps: Field[float] = Field('bad_ahead_steps', "The mean number of steps, from step 0 to the run's last, at the end of which more people hold the bad view than the good one. (float)")
    bad_ci95: Field[List[Tuple[float, float]]] = Field('bad_ci95', 'Its 95% interval, step by step. (List[Tuple[float, float]])')
    good: Field[npt.NDArray[np.float64]] = Field('good', 'The mean share of people holding the good view at the end of each step. (npt.NDArray[np.float64])', 'float64')
    good_ci95: Field[List[Tuple[float, float]]] = Field('good_ci95', 'Its 95% interval, step by step. (List[Tuple[float, float]])')
    net: Field[npt.NDArray[np.float64]] = Field('net', "Good minus bad, the net e-reputation of the campaigns' subject, step by step. (npt.NDArray[np.float64])", 'float64')
    net_ci95: Field[List[Tuple[float, float]]] = Field('net_ci95', 'Its 95% interval, step by step. (List[Tuple[float, float]])')
    # stubgen: end

    def _summary(self) -> str:
        good, bad = self._data["good"], self._data["bad"]
        if not good:
            return "no steps"
        return (
            f"{len(good)} steps, finally good {short(good[-1])} against bad {short(bad[-1])}; "
            f"bad ahead {short(self._data['bad_ahead_steps'])} steps"
        )


class CascadeSummary(Labelled, kind="CascadeSummary"):
    """The result of :func:`simulate`: the spread of the message over the runs.

    ``mean``, ``std``, ``ci95``, ``activation`` and ``by_layer`` are both valences together
    (as ``total``); ``good`` and ``bad`` are each campaign's :class:`SpreadStats`;
    ``by_step`` is the mean number convinced by the end of each step, from step 0 (the seeds);
    ``layer_shares`` the share of the convinced (seeds excluded) carried by each layer;
    ``opinion`` e-reputation over time (:class:`OpinionByStep`: the shares holding the good
    and the bad view, step by step). ``to_pandas()`` gives one row per person; in a notebook the summary shows as a table.

    >>> import reseau
    >>> net = reseau.datasets.aarhus_cs()
    >>> s = reseau.simulate(net, ["U4"], reseau.IndependentCascade(0.1), runs=500, seed=3)
    >>> s.runs, s.ci95[0] <= s.mean <= s.ci95[1], s.activation.dtype.name
    (500, True, 'float64')
    >>> list(s.layer_shares) == [l.name for l in net.layers], round(sum(s.layer_shares.values()), 9)
    (True, 1.0)
    """

    __slots__ = ()
    _frame, _view, _chart = "summary_frame", "summary_html", "plot_spread"

    # stubgen: fields CascadeSummary -total -good -bad -layer_shares -opinion
    by_step: Field[npt.NDArray[np.float64]] = Field('by_step', 'Mean number convinced by the end of each step (cumulative, both valences), from step 0 (the seeds) to the last step any run reached. (npt.NDArray[np.float64])', 'float64')
    layer_names: Field[List[str]] = Field('layer_names', 'The layer names, in the order of ``by_layer``. (List[str])')
    runs: Field[int] = Field('runs', 'The number of runs. (int)')
    # stubgen: end

    def _stats(self, which: str) -> SpreadStats:
        return SpreadStats._wrap(self._data[which], self._data["layer_names"])  # type: ignore[no-any-return]

    @property
    def opinion(self) -> "OpinionByStep":
        """E-reputation over time: the shares of people holding the good and the bad view at
        the end of each step, as :class:`OpinionByStep`."""
        return OpinionByStep._wrap(self._data["opinion"])  # type: ignore[no-any-return]

    @property
    def total(self) -> SpreadStats:
        """Both valences together, as :class:`SpreadStats`."""
        return self._stats("total")

    @property
    def good(self) -> SpreadStats:
        """Good buzz only (everything, with one campaign and no inverted distrust)."""
        return self._stats("good")

    @property
    def bad(self) -> SpreadStats:
        """Bad buzz only, as :class:`SpreadStats`."""
        return self._stats("bad")

    @property
    def mean(self) -> float:
        """The mean number of people convinced, seeds included, both valences together."""
        return self._data["total"]["mean"]  # type: ignore[no-any-return]

    @property
    def std(self) -> float:
        """The sample standard deviation of the number convinced over the runs."""
        return self._data["total"]["std"]  # type: ignore[no-any-return]

    @property
    def ci95(self) -> Tuple[float, float]:
        """The 95% confidence interval of the mean spread, ``(low, high)``."""
        return self.total.ci95

    @property
    def activation(self) -> npt.NDArray[np.float64]:
        """Each person's probability of being convinced, either valence (a float64 array
        indexed by id)."""
        return self.total.activation

    @property
    def by_layer(self) -> Dict[str, float]:
        """The mean number convinced through each layer (seeds not counted), by layer name."""
        return self.total.by_layer

    @property
    def layer_shares(self) -> Dict[str, float]:
        """The share of the convinced (seeds excluded) carried by each layer, by layer name;
        the shares sum to 1 when anyone beyond the seeds was convinced."""
        return _by_name(self._data["layer_names"], self._data["layer_shares"])

    def _summary(self) -> str:
        low, high = self.ci95
        good, bad = self._data["good"]["mean"], self._data["bad"]["mean"]
        valences = f", good {short(good)}, bad {short(bad)}" if bad > 0 else ""
        runs = self.runs
        return (
            f"{runs} run{'' if runs == 1 else 's'}, mean spread {short(self.mean)} of "
            f"{len(self._data['total']['activation'])} people (95% CI {short(low)} to {short(high)}){valences}"
        )


class CascadePartial(Labelled, kind="PartialSummary"):
    """A shard of a simulation: the runs ``start`` to ``stop - 1`` of :func:`simulate` tallied
    (``simulate(..., run_range=(start, stop))``), to be merged with the other shards of the same
    simulation (same network, seeds, model and ``seed``) and summarised. It pickles without
    losing a bit, so shards can run in other processes or on a cluster (see ``reseau.dask``).

    >>> import reseau
    >>> net = reseau.datasets.aarhus_cs()
    >>> a = reseau.simulate(net, ["U4"], seed=3, run_range=(0, 64))
    >>> b = reseau.simulate(net, ["U4"], seed=3, run_range=(64, 100))
    >>> ab = a.merge(b); ab.runs, ab.ranges
    (100, [(0, 100)])
    >>> ab.summary().to_dict() == reseau.simulate(net, ["U4"], runs=100, seed=3).to_dict()
    True
    >>> a.merge(a)
    Traceback (most recent call last):
        ...
    reseau.InvalidParameterError: invalid shards: runs 0..64 counted twice (expected shards whose runs do not overlap)
    """

    __slots__ = ()
    _view = "partial_html"

    # The core's PartialSummary has no schema (its tallies are internal): its two fields here.
    seed: Field[int] = Field("seed", "The seed of the simulation the shard belongs to (int).")
    layer_names: Field[List[str]] = Field("layer_names", "The layer names of the network it ran on (List[str]).")

    @property
    def ranges(self) -> List[Tuple[int, int]]:
        """The run numbers tallied, as sorted ``(start, stop)`` ranges (``stop`` excluded)."""
        return [(int(a), int(b)) for a, b in self._data["ranges"]]

    @property
    def runs(self) -> int:
        """The number of runs tallied: the sizes of the ``ranges`` added up."""
        return sum(b - a for a, b in self.ranges)

    def merge(self, other: "CascadePartial") -> "CascadePartial":
        """Both shards' runs together (a new :class:`CascadePartial`); refuses shards of
        another seed or network and shards whose runs overlap.

        >>> import reseau
        >>> net = reseau.datasets.aarhus_cs()
        >>> a = reseau.simulate(net, [0], run_range=(0, 10)); c = reseau.simulate(net, [0], run_range=(20, 30))
        >>> a.merge(c).ranges
        [(0, 10), (20, 30)]
        """
        return CascadePartial._wrap(_core._merge(self, other), self._context)  # type: ignore[no-any-return]

    def summary(self) -> CascadeSummary:
        """The :class:`CascadeSummary` of the runs tallied: :func:`simulate`'s summary when the
        ranges are ``0..n``.

        >>> import reseau
        >>> reseau.simulate(reseau.datasets.aarhus_cs(), [0], run_range=(0, 10)).summary().runs
        10
        """
        return CascadeSummary._wrap(_core._summarise(self), self._context)  # type: ignore[no-any-return]

    def _summary(self) -> str:
        ranges = ", ".join(f"{a}..{b}" for a, b in self.ranges)
        return f"runs {ranges} of seed {self.seed}"


class CascadeTrace(Labelled, kind="CascadeTrace"):
    """The result of :func:`trace`: one run in full. ``step``, ``parent``, ``layer`` and
    ``valence`` (0 good, 1 bad) are int64 arrays indexed by person id, -1 where the person was
    not reached (and for a seed's parent and layer); ``order`` lists everyone convinced, in
    the order they were; ``spread`` is how many. ``to_pandas()`` names the people and layers.

    >>> import reseau
    >>> net = reseau.datasets.aarhus_cs()
    >>> t = reseau.trace(net, ["U4"], reseau.IndependentCascade(0.3), seed=2)
    >>> first = t.order[0]; net.labels[first], int(t.step[first])
    ('U4', 0)
    >>> all(t.step[t.parent[v]] < t.step[v] for v in t.order[1:])
    True
    """

    __slots__ = ()
    _frame, _view = "trace_frame", "trace_html"

    # stubgen: fields CascadeTrace
    layer: Field[npt.NDArray[np.int64]] = Field('layer', "Through which layer (index in the network's layer order). (npt.NDArray[np.int64])", 'int64')
    layer_names: Field[List[str]] = Field('layer_names', "The layer names, in the network's order (what ``layer`` indexes). (List[str])")
    order: Field[npt.NDArray[np.uint32]] = Field('order', 'Everyone convinced, in the order they were. (npt.NDArray[np.uint32])', 'uint32')
    parent: Field[npt.NDArray[np.int64]] = Field('parent', 'Who convinced them. (npt.NDArray[np.int64])', 'int64')
    step: Field[npt.NDArray[np.int64]] = Field('step', 'The step each person was convinced (seeds: 0). (npt.NDArray[np.int64])', 'int64')
    valence: Field[npt.NDArray[np.int64]] = Field('valence', '0 for good buzz, 1 for bad. (npt.NDArray[np.int64])', 'int64')
    # stubgen: end

    @property
    def spread(self) -> int:
        """The number of people convinced (the length of ``order``)."""
        return len(self._data["order"])

    def _summary(self) -> str:
        step = self._data["step"]
        steps = max(int(np.max(step)) if len(step) else 0, 0)
        return f"{self.spread} of {len(step)} people reached in {steps} step{'' if steps == 1 else 's'}"


class ReferralSummary(Labelled, kind="ReferralSummary"):
    """The result of :func:`route_referrals`: how many requests were routed and delivered
    (with the Wilson 95% interval of the success rate), how the others ended, the completed
    chains by length (``chain_lengths``) and by time (``times``, ``(steps, chains)`` rows),
    the attrition at each hop (``alive``, ``dropped``, ``attrition``), the hops carried by
    each layer (``layer_hops``, ``layer_shares``) and the most solicited people
    (``overloaded``: dicts of ``person``, ``label``, ``requests`` and ``peak_load``).
    ``to_pandas()`` gives the attrition table.

    >>> import reseau
    >>> net = reseau.datasets.aarhus_cs()
    >>> s = reseau.route_referrals(net, n_requests=300, rate=3, forward=0.8, seed=2)
    >>> s.requests, s.succeeded == int(s.chain_lengths.sum()), s.success_ci95[0] <= s.success_rate
    (300, True, True)
    >>> sorted(s.overloaded[0])
    ['label', 'peak_load', 'person', 'requests']
    """

    __slots__ = ()
    _frame, _view = "referral_frame", "referral_html"

    # stubgen: fields ReferralSummary -times -layer_shares
    alive: Field[npt.NDArray[np.uint64]] = Field('alive', '``alive[k]``: requests held at hop k by someone other than their target. (npt.NDArray[np.uint64])', 'uint64')
    attrition: Field[npt.NDArray[np.float64]] = Field('attrition', "``attrition[k] = dropped[k] / alive[k]``: the share of the requests alive at hop k that were dropped there (Dodds, Muhamad & Watts's per-step attrition). (npt.NDArray[np.float64])", 'float64')
    chain_lengths: Field[npt.NDArray[np.uint64]] = Field('chain_lengths', '``chain_lengths[L]``: completed chains of L hops. (npt.NDArray[np.uint64])', 'uint64')
    dead_ends: Field[int] = Field('dead_ends', 'Requests dropped because the holder had no contact who had not held them already. (int)')
    dropped: Field[npt.NDArray[np.uint64]] = Field('dropped', '``dropped[k]``: of those, the requests that ended there (unwilling, dead end or hop limit). (npt.NDArray[np.uint64])', 'uint64')
    hops: Field[int] = Field('hops', 'Ties crossed by all requests together. (int)')
    ignored: Field[int] = Field('ignored', 'Requests that reached a target too tired to take them in (under fatigue only). (int)')
    last_step: Field[int] = Field('last_step', 'The step at which the last request ended. (int)')
    layer_hops: Field[npt.NDArray[np.uint64]] = Field('layer_hops', 'Ties crossed on each layer. (npt.NDArray[np.uint64])', 'uint64')
    layer_names: Field[List[str]] = Field('layer_names', 'The layer names, in the order of ``layer_hops``. (List[str])')
    mean_chain_length: Field[Optional[float]] = Field('mean_chain_length', 'Mean hops of the completed chains (``None`` when none completed). (Optional[float])')
    mean_intermediaries: Field[Optional[float]] = Field('mean_intermediaries', 'Mean intermediaries of the completed chains, ``mean_chain_length − 1``, as Travers and Milgram report it (``None`` when none completed). (Optional[float])')
    mean_time: Field[Optional[float]] = Field('mean_time', 'Mean steps of the completed chains (``None`` when none completed). (Optional[float])')
    overloaded: Field[List[Dict[str, Any]]] = Field('overloaded', 'The people who received the most requests, most first (the lowest id first among equals), at most ten, only people who received any. (List[Dict[str, Any]])')
    requests: Field[int] = Field('requests', 'Requests routed. (int)')
    succeeded: Field[int] = Field('succeeded', 'Requests that reached their target. (int)')
    success_ci95: Field[Tuple[float, float]] = Field('success_ci95', 'The Wilson score 95% interval of the success rate ([0, 1] when there were no requests). (Tuple[float, float])', 'tuple')
    success_rate: Field[float] = Field('success_rate', '``succeeded / requests`` (0 when there were none). (float)')
    truncated: Field[int] = Field('truncated', 'Requests dropped at ``RouteOptions::max_hops``. (int)')
    unwilling: Field[int] = Field('unwilling', 'Requests dropped by a holder unwilling to forward (the base probability times fatigue). (int)')
    # stubgen: end

    @property
    def times(self) -> npt.NDArray[np.uint64]:
        """The completed chains by the steps they took from source to target: a uint64 array
        of ``(steps, chains)`` rows, sorted by steps (each hop takes its layer's latency)."""
        return np.array(self._data["times"], dtype=np.uint64).reshape(-1, 2)

    @property
    def layer_shares(self) -> Dict[str, float]:
        """The share of all hops crossed on each layer, by layer name (zeros when there were
        no hops)."""
        return _by_name(self._data["layer_names"], self._data["layer_shares"])

    def _summary(self) -> str:
        n, low, high = self.requests, *self.success_ci95
        chains = self.mean_chain_length
        chain = "" if chains is None else f", mean chain {short(chains)} hops"
        return (
            f"{n} request{'' if n == 1 else 's'}, {self.succeeded} delivered "
            f"({100 * self.success_rate:.1f}%, 95% CI {100 * low:.1f}% to {100 * high:.1f}%){chain}"
        )


class LoadCurve(Result, kind="LoadCurve"):
    """The result of :func:`referral_load_curve`: for each request rate (``rates``), the
    requests started after the warm-up (``requests``), those that reached their target
    (``succeeded``), the ``throughput`` (successful referrals per step) and the
    ``success_rate``, and the mean length of the completed chains (``mean_chain_length``, NaN
    where none completed): under load, only short chains get through. ``peak_rate`` is the
    rate of the highest throughput, ``peak_throughput`` that throughput; ``collapse_rate`` the
    first rate past the peak whose throughput falls below half the peak's (``None``: no rate
    tried is that bad). ``to_pandas()`` gives one row per rate.

    >>> import reseau
    >>> net = reseau.datasets.aarhus_cs()
    >>> curve = reseau.referral_load_curve(net, [1, 4, 16], steps=100, fatigue=reseau.Fatigue.hill(2, 2, half_life=5))
    >>> curve.rates.tolist(), bool(curve.peak_throughput == curve.throughput.max())
    ([1.0, 4.0, 16.0], True)
    """

    __slots__ = ()
    _frame, _view, _chart = "load_curve_frame", "load_curve_html", "plot_load_curve"

    # stubgen: fields LoadCurve -mean_chain_length
    collapse_rate: Field[Optional[float]] = Field('collapse_rate', 'The first rate past the peak whose throughput is below half the peak (``None``: none). (Optional[float])')
    peak_index: Field[int] = Field('peak_index', 'The index of the peak in ``rates``. (int)')
    peak_rate: Field[float] = Field('peak_rate', 'The rate at which throughput peaks. (float)')
    peak_throughput: Field[float] = Field('peak_throughput', 'The highest throughput. (float)')
    rates: Field[npt.NDArray[np.float64]] = Field('rates', 'The request rates tried (requests started per step), increasing. (npt.NDArray[np.float64])', 'float64')
    requests: Field[npt.NDArray[np.uint64]] = Field('requests', 'Requests started after the warm-up, at each rate. (npt.NDArray[np.uint64])', 'uint64')
    steps: Field[int] = Field('steps', 'The steps during which requests started, at each rate. (int)')
    succeeded: Field[npt.NDArray[np.uint64]] = Field('succeeded', 'Of those, the requests that reached their target. (npt.NDArray[np.uint64])', 'uint64')
    success_rate: Field[npt.NDArray[np.float64]] = Field('success_rate', '``succeeded / requests`` (0 when no request started). (npt.NDArray[np.float64])', 'float64')
    throughput: Field[npt.NDArray[np.float64]] = Field('throughput', 'Successful referrals per step: ``succeeded / (steps − warmup)``. (npt.NDArray[np.float64])', 'float64')
    warmup: Field[int] = Field('warmup', 'The first steps, not measured: ``steps / 2``, rounded down. (int)')
    # stubgen: end

    @property
    def mean_chain_length(self) -> npt.NDArray[np.float64]:
        """The mean hops of the chains completed at each rate (float64, NaN where none
        completed)."""
        return np.array([np.nan if m is None else m for m in self._data["mean_chain_length"]], dtype=np.float64)

    def _summary(self) -> str:
        rates = self._data["rates"]
        n = len(rates)
        span = f"{n} rates from {short(rates[0])} to {short(rates[-1])}" if n > 1 else (
            f"1 rate, {short(rates[0])}" if n else "no rates"
        )
        collapse = "no collapse" if self.collapse_rate is None else f"collapse at rate {short(self.collapse_rate)}"
        return (
            f"{span}; peak {short(self.peak_throughput)} referrals/step at rate "
            f"{short(self.peak_rate)}, {collapse}"
        )


class RelaySelection(Labelled, kind="RelaySelection"):
    """The result of :func:`select_relays`: the ``relays`` in the order chosen (a uint32 array
    of ids, and their ``relay_labels``), each one's marginal ``gains`` when chosen (expected
    people reached, as the method estimates it; the baselines' own scores), the method's
    ``estimated_spread`` (IMM, OPIM-C and CELF), the Monte Carlo ``spread`` of the relays as
    :class:`SpreadStats` with its confidence interval (``None`` without evaluation runs), the
    certified ``approximation`` ratio where the method gives one, the ``cost`` of the relays
    (and each relay's, ``costs``) and the reverse-reachable sets sampled (``samples``);
    ``labels`` are everyone's (as on every result). ``to_pandas()`` gives one row per relay;
    in a notebook the selection shows as a table.

    >>> import reseau
    >>> net = reseau.datasets.aarhus_cs()
    >>> s = reseau.select_relays(net, k=2, method="degree", evaluation_runs=200, seed=1)
    >>> s.method, s.relay_labels == [net.labels[i] for i in s.relays], s.estimated_spread
    ('degree', True, None)
    """

    __slots__ = ()
    _frame, _view, _chart = "relays_frame", "relays_html", "plot_relays"

    # stubgen: fields RelaySelection -spread -labels
    approximation: Field[Optional[float]] = Field('approximation', "A lower bound on the choice's approximation ratio, holding with probability 1 − 1/n^ℓ: IMM's 1 − 1/e − ε (within a budget ½(1 − 1/e) − ε); OPIM-C's and HIST's certified α (computed from the samples). ``None`` for the other methods and when the model is not a live-edge model (see ``SelectRelaysRequest::model`` and ``docs/relays.md``). (Optional[float])")
    cost: Field[float] = Field('cost', "The relays' total cost. (float)")
    costs: Field[npt.NDArray[np.float64]] = Field('costs', "Each relay's cost, in the order chosen (the costs the selection used: the request's ``costs``, else the people's own). (npt.NDArray[np.float64])", 'float64')
    estimated_spread: Field[Optional[float]] = Field('estimated_spread', 'The expected spread as the method estimated it (IMM: on its final RR sets; OPIM-C and HIST: on their second collection, which played no part in the choice; CELF: Monte Carlo); ``None`` for the heuristics. (Optional[float])')
    gains: Field[npt.NDArray[np.float64]] = Field('gains', "Each relay's marginal gain in expected spread as the method estimated it (IMM, OPIM-C, HIST: from RR-set coverage; CELF: from Monte Carlo); for the heuristics, the score it was ranked by (degree, discounted degree, PageRank; 0 for random). (npt.NDArray[np.float64])", 'float64')
    layer_names: Field[List[str]] = Field('layer_names', "The layer names, in the network's order (what ``spread.by_layer`` follows). (List[str])")
    method: Field[Literal['imm', 'opim_c', 'hist', 'celf', 'degree', 'degree_discount', 'pagerank', 'random']] = Field('method', "The method that chose: the one asked for, or HIST when the RR sets of the one asked for would not fit ``max_memory``, even compressed (see ``switch_reason``). (Literal['imm', 'opim_c', 'hist', 'celf', 'degree', 'degree_discount', 'pagerank', 'random'])")
    relays: Field[npt.NDArray[np.uint32]] = Field('relays', 'The relays, in the order chosen. (npt.NDArray[np.uint32])', 'uint32')
    samples: Field[int] = Field('samples', 'RR sets drawn (IMM, OPIM-C, HIST: whole and truncated) or cascades run (CELF); 0 for the heuristics. (int)')
    switch_reason: Field[Optional[str]] = Field('switch_reason', "Why the method did not run as asked (``None`` when it did): its RR sets stored flat would have needed more memory than ``max_memory`` allows, and either the same sets stored compressed fit (``method`` is the one asked for, the choice the same) or HIST's fit (``method`` is HIST); the bytes needed and allowed. (Optional[str])")
    # stubgen: end

    @property
    def spread(self) -> Optional[SpreadStats]:
        """The relays' spread by independent Monte Carlo runs, as :class:`SpreadStats`
        (``None`` with ``evaluation_runs=0``)."""
        spread = self._data["spread"]
        return None if spread is None else SpreadStats._wrap(spread, self._data["layer_names"])

    @property
    def relay_labels(self) -> List[str]:
        """The relays' labels, in the order chosen (the core's ``labels`` of a selection)."""
        return list(self._data["labels"])

    def _summary(self) -> str:
        n, spread = len(self._data["relays"]), self._data["spread"]
        shown = "" if spread is None else (
            f", spread {short(spread['mean'])} (95% CI {short(spread['ci95'][0])} to {short(spread['ci95'][1])})"
        )
        ratio = "" if self.approximation is None else f", approximation {short(self.approximation)}"
        return f"{n} relay{'' if n == 1 else 's'} by {self.method}, cost {short(self.cost)}{shown}{ratio}"


class Reputation(Labelled, kind="Reputation"):
    """The result of :func:`reputation` without a method: every score, each a float64 array
    indexed by person id: ``degree``, ``pagerank`` (on the aggregate of all layers),
    ``multiplex_pagerank``, ``core`` (k-core number) and ``influence`` (expected spread as a
    single seed); per layer, ``layer_degree`` and ``layer_pagerank`` (dicts of layer name to
    array, in the network's layer order). ``to_pandas()`` gives one row per person.

    >>> import reseau
    >>> rep = reseau.reputation(reseau.datasets.aarhus_cs(), samples=5000)
    >>> round(float(rep.pagerank.sum()), 9), rep.core.dtype.name, len(rep.influence)
    (1.0, 'float64', 61)
    """

    __slots__ = ()
    _frame, _view = "reputation_frame", "reputation_html"

    # stubgen: fields Reputation -layer_degree -layer_pagerank
    core: Field[npt.NDArray[np.float64]] = Field('core', 'k-core number on the aggregate undirected graph. (npt.NDArray[np.float64])', 'float64')
    degree: Field[npt.NDArray[np.float64]] = Field('degree', 'Ties per person over all layers (the sum of ``layer_degree``). (npt.NDArray[np.float64])', 'float64')
    influence: Field[npt.NDArray[np.float64]] = Field('influence', 'Expected spread as a single seed under ``ReputationRequest::model``, estimated from ``ReputationRequest::samples`` RR sets (empty when that is 0). (npt.NDArray[np.float64])', 'float64')
    iterations: Field[int] = Field('iterations', 'PageRank iterations run on the aggregate. (int)')
    layer_names: Field[List[str]] = Field('layer_names', 'The layer names, in the order of the per-layer scores. (List[str])')
    multiplex_pagerank: Field[npt.NDArray[np.float64]] = Field('multiplex_pagerank', "Multiplex PageRank over the layers in the network's order (see ``MultiplexPageRank``). (npt.NDArray[np.float64])", 'float64')
    pagerank: Field[npt.NDArray[np.float64]] = Field('pagerank', "PageRank on the aggregate of all layers (a pair's weights add up over layers). (npt.NDArray[np.float64])", 'float64')
    # stubgen: end

    def _layers(self, which: str) -> Dict[str, npt.NDArray[np.float64]]:
        return {n: np.array(v, dtype=np.float64) for n, v in zip(self._data["layer_names"], self._data[which])}

    @property
    def layer_degree(self) -> Dict[str, npt.NDArray[np.float64]]:
        """Each person's ties in each layer, by layer name (float64 arrays)."""
        return self._layers("layer_degree")

    @property
    def layer_pagerank(self) -> Dict[str, npt.NDArray[np.float64]]:
        """PageRank of each layer alone, by layer name (float64 arrays)."""
        return self._layers("layer_pagerank")

    def _summary(self) -> str:
        pagerank = self._data["pagerank"]
        top = ""
        if len(pagerank):
            best = int(np.argmax(pagerank))
            top = f"; top PageRank {self.labels[best]} ({short(float(pagerank[best]))})"
        return f"{len(pagerank)} people, {len(self._data['layer_names'])} layers{top}"


#: The columns of a balance table: (name, the row's key, and which end of an interval).
_COLUMNS: List[Tuple[str, str, Optional[int]]] = [
    ("success_rate", "success_rate", None),
    ("success_low", "success_ci", 0),
    ("success_high", "success_ci", 1),
    ("time_to_target", "time_to_target", None),
    ("time_low", "time_ci", 0),
    ("time_high", "time_ci", 1),
    ("throughput", "throughput", None),
    ("throughput_low", "throughput_ci", 0),
    ("throughput_high", "throughput_ci", 1),
    ("referral_offline_share", "referral_offline_share", None),
    ("reach", "reach", None),
    ("reach_low", "reach_ci", 0),
    ("reach_high", "reach_ci", 1),
    ("cascade_offline_share", "cascade_offline_share", None),
]


class BalanceReport(Result, kind="BalanceReport"):
    """The result of :func:`balance`.

    ``rows`` has one dict per period and mix (period 0's mixes first); ``table`` the same as
    numpy columns (``time_to_target`` is NaN where no referral arrived; the intervals are the
    ``*_low`` and ``*_high`` columns); ``best`` maps each measure (``"success_rate"``,
    ``"time_to_target"``, ``"throughput"``, ``"reach"``) to its best mix on the network as
    given, with ``interior``, ``beats_ends`` and ``flat``; ``robust`` maps each measure to the
    mix with the best mean over the periods of decline, ``maximin`` to the mix whose worst
    period is best.

    >>> import reseau
    >>> sweep = reseau.balance(reseau.datasets.aarhus_cs(), mixes=[0, 1], steps=40, runs=50)
    >>> sweep.best["reach"]["mix"], sweep.best["reach"]["interior"]
    (1.0, False)
    >>> sweep.to_pandas().shape if __import__("importlib").util.find_spec("pandas") else (2, 18)
    (2, 18)
    """

    __slots__ = ()
    _frame, _view, _chart = "balance_frame", "balance_html", "plot_balance"

    # stubgen: fields BalanceReport -best -maximin -robust -rows
    declining_layer: Field[Optional[str]] = Field('declining_layer', 'The declining layer, if any. (Optional[str])')
    mixes: Field[npt.NDArray[np.float64]] = Field('mixes', 'The mixes, in the order given. (npt.NDArray[np.float64])', 'float64')
    periods: Field[int] = Field('periods', 'The last period (0 without decline). (int)')
    # stubgen: end

    @property
    def rows(self) -> List[Dict[str, Any]]:
        """One dict per period and mix: ``mix``, ``period``, ``declining_ties`` (and
        ``migrated_ties`` with a successor platform), and each
        measure with its 95% interval (``success_ci``, ...)."""
        return self.to_dict()["rows"]  # type: ignore[no-any-return]

    @property
    def table(self) -> Dict[str, npt.NDArray[Any]]:
        """The rows as numpy columns, by name (``declining_ties`` -1 without decline,
        ``migrated_ties`` -1 without a successor,
        ``time_to_target`` and its interval NaN where no referral arrived).

        The columns follow the rows: ``table["mix"][i]`` is ``rows[i]["mix"]``."""
        rows = self._data["rows"]

        def column(key: str, end: Optional[int]) -> npt.NDArray[np.float64]:
            values = [r[key] if end is None or r[key] is None else r[key][end] for r in rows]
            return np.array([np.nan if v is None else v for v in values], dtype=np.float64)

        table: Dict[str, npt.NDArray[Any]] = {
            "mix": column("mix", None),
            "period": np.array([r["period"] for r in rows], dtype=np.uint32),
            "declining_ties": np.array(
                [-1 if r["declining_ties"] is None else r["declining_ties"] for r in rows], dtype=np.int64
            ),
            "migrated_ties": np.array(
                [-1 if r.get("migrated_ties") is None else r["migrated_ties"] for r in rows], dtype=np.int64
            ),
        }
        for name, key, end in _COLUMNS:
            table[name] = column(key, end)
        return table

    def _by_measure(self, which: str) -> Dict[str, Dict[str, Any]]:
        return {b["measure"]: {k: v for k, v in b.items() if k != "measure"} for b in self.to_dict()[which]}

    @property
    def best(self) -> Dict[str, Dict[str, Any]]:
        """The best mix per measure: ``{measure: {"mix", "value", "ci", "interior",
        "beats_ends", "flat"}}``."""
        return self._by_measure("best")

    @property
    def robust(self) -> Dict[str, Dict[str, Any]]:
        """The most robust mix per measure under decline: ``{measure: {"mix", "mean",
        "worst", "worst_period", "initial"}}`` (empty without decline)."""
        return self._by_measure("robust")

    @property
    def maximin(self) -> Dict[str, Dict[str, Any]]:
        """The safest mix per measure under decline, whose worst period is best: ``{measure:
        {"mix", "mean", "worst", "worst_period", "initial"}}`` (empty without decline)."""
        return self._by_measure("maximin")

    def to_json(self) -> str:
        """The whole result as JSON (the core's serde form).

        >>> import reseau, json
        >>> s = reseau.balance(reseau.datasets.aarhus_cs(), mixes=[0, 1], steps=20, runs=20, decline={"layer": "facebook", "rate": 0.5, "periods": 1})
        >>> sorted(json.loads(s.to_json()))
        ['best', 'declining_layer', 'maximin', 'mixes', 'periods', 'robust', 'rows']
        """
        return json.dumps(self.to_dict())

    def _summary(self) -> str:
        best = {measure: short(b["mix"]) for measure, b in self.best.items()}
        periods = self.periods + 1
        return (
            f"{len(self._data['mixes'])} mixes × {periods} period{'' if periods == 1 else 's'}; best mix for "
            f"reach {best.get('reach', '-')}, for throughput {best.get('throughput', '-')}, "
            f"for success {best.get('success_rate', '-')}"
        )


class Report(Result, kind="Report"):
    """The result of :func:`report`: ``text`` (the page), ``charts`` (SVG documents by file
    name), ``numbers`` (every figure as plain dicts), ``write(folder)``.

    >>> import reseau
    >>> reseau.report(reseau.datasets.aarhus_cs(), quick=True, seed=1)
    <reseau.Report: 61 people, 620 ties; seed 1>
    """

    __slots__ = ()
    _view = "report_html"

    @property
    def text(self) -> str:
        """The report as text, as the core writes it.

        ``reseau.report(net, quick=True, seed=1).text.splitlines()[2]`` is
        ``'61 people, 620 ties in 5 layers (16.0 bytes per directed tie in the compiled view)'``
        on the Aarhus network."""
        return _core._report_views(self)[0]  # type: ignore[no-any-return]

    @property
    def charts(self) -> Dict[str, str]:
        """The figures as SVG documents, by file name (``load_curve.svg``, ...)."""
        return dict(_core._report_views(self)[1])

    @property
    def numbers(self) -> Dict[str, Any]:
        """Every figure as plain dicts and lists (the core's serde form: :meth:`to_dict`)."""
        return self.to_dict()

    def to_json(self) -> str:
        """The numbers as JSON.

        >>> import reseau, json
        >>> r = reseau.report(reseau.datasets.aarhus_cs(), quick=True, seed=1)
        >>> json.loads(r.to_json()) == r.numbers
        True
        """
        return json.dumps(self.to_dict())

    def html(self) -> str:
        """The report as one self-contained HTML page (what :meth:`write` saves as
        ``report.html``): the sections, tables and charts of :attr:`text`, the charts inline
        as SVG, nothing fetched from elsewhere, as the core writes it.

        >>> import reseau
        >>> page = reseau.report(reseau.datasets.aarhus_cs(), quick=True, seed=1).html()
        >>> page.startswith("<!doctype html>"), page.count("<svg") >= 1, "<script" in page
        (True, True, False)
        """
        return _core._report_html(self)  # type: ignore[no-any-return]

    def write(self, folder: Union[str, "Path"]) -> List[Path]:
        """Writes ``report.txt``, ``report.json``, ``report.html`` and the charts into
        ``folder`` (created if missing); returns the paths written.

        >>> import reseau
        >>> r = reseau.report(reseau.datasets.aarhus_cs(), quick=True, seed=1)
        >>> import tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as d:
        ...     sorted(p.name for p in r.write(pathlib.Path(d) / "out"))[-2:]
        ['report.json', 'report.txt']
        """
        return [Path(p) for p in _core._report_write(self, folder)]

    def _summary(self) -> str:
        network = self._data["network"]
        return f"{network['people']} people, {network['ties']} ties; seed {self._data['seed']}"


def _pair(value: Any) -> Optional[Tuple[float, float]]:
    return None if value is None else (float(value[0]), float(value[1]))


class CascadeFit(Result, kind="CascadeFit"):
    """The result of :func:`fit_cascade`: per-layer probabilities (``probabilities``, by
    layer, ``None`` where the data cannot tell) with their 95% profile-likelihood intervals
    (``ci95``) and likelihood-ratio tests (``layer_tests``: the p-value that the layer
    carries no influence), the ``external`` hazard per step, the ``shadow_share`` (the part
    of the adoptions no visible layer explains), ``log_likelihood``, ``aic``, every estimate
    in detail (``layers``), and ``model``, an :class:`IndependentCascade` with the fitted
    probabilities. ``to_pandas()`` gives one row per layer; ``plot()`` the estimates with
    their intervals.

    >>> import reseau
    >>> net = reseau.datasets.aarhus_cs()
    >>> fit = reseau.fit_cascade(net, [{"U4": 0, "U1": 1, "U79": 2}, {"U1": 0, "U4": 2}])
    >>> sorted(fit.probabilities) == sorted(l.name for l in net.layers), fit.data["cascades"]
    (True, 2)
    >>> type(fit.model).__name__, 0 <= fit.shadow_share <= 1
    ('IndependentCascade', True)
    """

    __slots__ = ()
    _frame, _view, _chart = "fit_frame", "fit_html", "plot_fit"

    # stubgen: fields CascadeFit -model -ci95
    aic: Field[float] = Field('aic', "Akaike's information criterion, 2k − 2ℓ. (float)")
    bootstrap: Field[int] = Field('bootstrap', 'Bootstrap replicates run. (int)')
    converged: Field[bool] = Field('converged', 'Whether the final fit met its tolerance within ``max_iterations``. (bool)')
    data: Field[Dict[str, Any]] = Field('data', 'What the data held. (Dict[str, Any])')
    exposure: Field[Literal['cascade', 'persistent']] = Field('exposure', "The exposure model fitted. (Literal['cascade', 'persistent'])")
    external: Field[Optional[float]] = Field('external', 'The external hazard per step when there is one for all (see ``external_hazards`` when it varies by step or group; ``None`` without an external hazard). (Optional[float])')
    external_ci95: Field[Optional[Tuple[float, float]]] = Field('external_ci95', 'Its 95% interval. (Optional[Tuple[float, float]])', 'tuple')
    external_hazards: Field[List[Dict[str, Any]]] = Field('external_hazards', 'Every external hazard in detail. (List[Dict[str, Any]])')
    fatigue: Field[Optional[Dict[str, Any]]] = Field('fatigue', 'The fitted fatigue curve, when one was asked for. (Optional[Dict[str, Any]])')
    iterations: Field[int] = Field('iterations', 'Newton iterations of the final fit. (int)')
    layer_tests: Field[Dict[str, Any]] = Field('layer_tests', "Each layer's likelihood-ratio p-value (does it carry any influence?) by key. (Dict[str, Any])")
    layers: Field[List[Dict[str, Any]]] = Field('layers', "Every layer estimate in detail, in the network's layer order. (List[Dict[str, Any]])")
    log_likelihood: Field[float] = Field('log_likelihood', 'The maximised log-likelihood. (float)')
    num_parameters: Field[int] = Field('num_parameters', 'k: the parameters estimated (identifiable probabilities, external hazards and fatigue parameters). (int)')
    probabilities: Field[Dict[str, Any]] = Field('probabilities', "Each layer's probability by key (``LayerEstimate::key``); ``None``: not identifiable. (Dict[str, Any])")
    shadow_share: Field[float] = Field('shadow_share', "The share of the adoptions at risk explained by the external hazard rather than by any visible layer: the iceberg's hidden part, as far as the data shows it: the adoptions no visible exposure explains, and the external hazard's part (in proportion to the hazards) of those a visible tie explains. An adoption over a hidden tie when a visible tie exposed the same person at the same step (often the same pair, tied on both) is the visible layer's work in the data and raises its probability: against a hidden layer, the shadow share is not the share that layer carried. (float)")
    shadow_share_bootstrap_ci95: Field[Optional[Tuple[float, float]]] = Field('shadow_share_bootstrap_ci95', 'Its bootstrap percentile interval, when bootstrapped. (Optional[Tuple[float, float]])', 'tuple')
    shadow_share_ci95: Field[Tuple[float, float]] = Field('shadow_share_ci95', 'Its 95% interval (as ``LayerEstimate::share_ci95``). (Tuple[float, float])', 'tuple')
    # stubgen: end

    @property
    def ci95(self) -> Dict[str, Optional[Tuple[float, float]]]:
        """Each layer's 95% profile-likelihood interval ``(low, high)`` by key (``None``:
        not identifiable)."""
        return {key: _pair(v) for key, v in self._data["ci95"].items()}

    @property
    def model(self) -> Any:
        """An :class:`IndependentCascade` with the fitted per-layer probabilities and
        latencies, for :func:`simulate`, :func:`select_relays` and :func:`balance`."""
        from ._values import Model

        return Model.from_dict(self._data["model"])

    def _summary(self) -> str:
        shown = ", ".join(
            f"{key} {short(p)}" if p is not None else f"{key} ?" for key, p in self.probabilities.items()
        )
        external = self.external
        outside = f"external {short(external)}, " if external is not None else ""
        return (
            f"{self.exposure} exposure; {shown}; {outside}shadow share {short(self.shadow_share)}, "
            f"log-likelihood {short(self.log_likelihood)}"
        )


class ShuffleTest(Result, kind="ShuffleTest"):
    """The result of :func:`shuffle_test`: per layer, the p-value (``p_values``) that its
    estimated influence is no larger than under adoption times shuffled among adopters, and
    the detail (``layers``: the observed estimate, the shuffled mean and 95% range).

    >>> import reseau
    >>> test = reseau.shuffle_test(reseau.datasets.aarhus_cs(), {"U4": 0, "U1": 1}, permutations=10)
    >>> test
    <reseau.ShuffleTest: 10 permutations; ...>
    """

    __slots__ = ()

    # stubgen: fields ShuffleTest
    layers: Field[List[Dict[str, Any]]] = Field('layers', "Every layer in detail, in the network's layer order. (List[Dict[str, Any]])")
    p_values: Field[Dict[str, Any]] = Field('p_values', 'The p-value per layer key. (Dict[str, Any])')
    permutations: Field[int] = Field('permutations', 'Permutations run. (int)')
    shadow_share: Field[float] = Field('shadow_share', 'The shadow share with the real times. (float)')
    shuffled_shadow_share: Field[float] = Field('shuffled_shadow_share', 'The mean shadow share under shuffled times. (float)')
    # stubgen: end

    def _summary(self) -> str:
        shown = ", ".join(
            f"{key} p={short(p)}" for key, p in self.p_values.items() if p is not None
        )
        return f"{self.permutations} permutations; {shown or 'no layer identifiable'}"


class ShadowInference(Result, kind="ShadowInference"):
    """The result of :func:`infer_shadow`: ``network``, the network with the added layer
    (``layer``, of ``kind``), the ``ties`` added, best first (each a dict with ``source``,
    ``target``, their labels, ``score``, ``probability`` and ``support``), the number of
    ``candidates_scored``, and the ``fit`` of the visible layers the scores build on.

    >>> import reseau
    >>> net = reseau.Network()
    >>> _ = net.add_layer("lunch")
    >>> _ = net.add_people(3)
    >>> found = reseau.infer_shadow(net, [{0: 0, 1: 1}] * 5 + [{2: 0}], candidates=1)
    >>> found
    <reseau.ShadowInference: 1 ties added as layer 'shadow' (digital), ... pairs scored>
    >>> found.network.num_ties_in("shadow"), found.ties[0]["source_label"], found.ties[0]["target_label"]
    (1, '#0', '#1')
    """

    __slots__ = ()

    # stubgen: fields ShadowInference -network -fit
    candidates_scored: Field[int] = Field('candidates_scored', 'Pairs scored (not tied in any visible layer, with the right time order somewhere). (int)')
    kind: Field[Literal['physical', 'digital']] = Field('kind', "Its kind. (Literal['physical', 'digital'])")
    layer: Field[str] = Field('layer', "The added layer's name. (str)")
    ties: Field[List[Dict[str, Any]]] = Field('ties', 'The ties added, best first. (List[Dict[str, Any]])')
    # stubgen: end

    @property
    def network(self) -> Any:
        """The network with the added layer, a :class:`Network` (made on first use)."""
        if self._context is None:
            from ._data import _plain

            self._set("_context", _core.Network.from_json(json.dumps(_plain(self._data["network"]))))
        return self._context

    @property
    def fit(self) -> CascadeFit:
        """The fit of the visible layers that the scores build on."""
        return CascadeFit._wrap(self._data["fit"])  # type: ignore[no-any-return]

    def _state(self) -> Any:
        return None

    def _summary(self) -> str:
        return f"{len(self.ties)} ties added as layer {self.layer!r} ({self.kind}), {self.candidates_scored:,} pairs scored"


class EReputation(Labelled, kind="EReputation"):
    """The result of :func:`e_reputation`: a subject's ``score`` (the weighted net view of
    its audience, in [-1, 1]), the weighted shares ``good`` and ``bad``, the size of the
    ``audience``, the subject's own ``centrality`` and the ``buzz``'s :class:`CascadeSummary`.

    >>> import reseau
    >>> net = reseau.datasets.aarhus_cs()
    >>> rep = reseau.e_reputation(net, ["U102", "U139"], "U4", bad_seeds="U1", runs=200, seed=3)
    >>> abs(rep.score - (rep.good - rep.bad)) < 1e-12, rep.buzz.runs
    (True, 200)
    """

    __slots__ = ()

    # stubgen: fields EReputation -buzz
    audience: Field[int] = Field('audience', 'The number of people in the audience. (int)')
    bad: Field[float] = Field('bad', 'The weighted share of the audience that ends up holding the bad view. (float)')
    centrality: Field[float] = Field('centrality', "The subject's own centrality, the sum of its members' weights (their number when ``weight`` is ``None``): how visible it is, beside how it is seen. (float)")
    good: Field[float] = Field('good', 'The weighted share of the audience that ends up holding the good view. (float)')
    score: Field[float] = Field('score', 'Σ w (P_good − P_bad) / Σ w over the audience, in [−1, 1] (0 with no audience or no weight): ``good − bad``. (float)')
    # stubgen: end

    @property
    def buzz(self) -> CascadeSummary:
        """The buzz's summary (its ``opinion`` follows the views step by step)."""
        return CascadeSummary._wrap(self._data["buzz"], self._context)  # type: ignore[no-any-return]

    def _summary(self) -> str:
        d = self._data
        return (
            f"score {short(d['score'])} (good {short(d['good'])}, bad {short(d['bad'])}) "
            f"over an audience of {d['audience']}"
        )


class ShadowGap(Result, kind="ShadowGap"):
    """The result of :func:`shadow_gap`: the spread of the ``sources`` on the full network
    (``full_spread``, shadow layers included) and on the analyst's view (``observed_spread``),
    each with its 95% interval, and what the analyst misses (``missed``, ``missed_share``).

    >>> import reseau
    >>> net = reseau.generators.professional(people=200, lobbies=2, seed=1)
    >>> reseau.shadow_gap(net, runs=200)
    <reseau.ShadowGap: ... of ... people reached missed by the analyst (2 sources; shadow: lobbying)>
    """

    __slots__ = ()

    # stubgen: fields ShadowGap
    full_spread: Field[float] = Field('full_spread', 'Mean people reached on the full network, sources included. (float)')
    full_spread_ci95: Field[Tuple[float, float]] = Field('full_spread_ci95', 'Its 95% interval. (Tuple[float, float])', 'tuple')
    missed: Field[float] = Field('missed', '``full_spread − observed_spread``: the people the analyst does not see reached. (float)')
    missed_ci95: Field[Tuple[float, float]] = Field('missed_ci95', "Its 95% interval, as if the two sides' runs were independent: they share the seed, which only narrows the true interval, so this one errs wide. (Tuple[float, float])", 'tuple')
    missed_share: Field[float] = Field('missed_share', '``missed / full_spread``: the share of the true spread the analyst does not see. (float)')
    observed_spread: Field[float] = Field('observed_spread', "Mean people reached on the analyst's view, sources included. (float)")
    observed_spread_ci95: Field[Tuple[float, float]] = Field('observed_spread_ci95', 'Its 95% interval. (Tuple[float, float])', 'tuple')
    runs: Field[int] = Field('runs', 'Cascades on each side. (int)')
    shadow_layers: Field[List[str]] = Field('shadow_layers', 'The layers hidden from the analyst, in layer order. (List[str])')
    shadow_ties: Field[int] = Field('shadow_ties', 'Their ties in the truth (after ``share``). (int)')
    sources: Field[npt.NDArray[np.uint32]] = Field('sources', 'The sources, by id. (npt.NDArray[np.uint32])', 'uint32')
    # stubgen: end

    @property
    def full_ci(self) -> Tuple[float, float]:
        """``full_spread_ci95`` as a tuple."""
        lo, hi = self._data["full_spread_ci95"]
        return (float(lo), float(hi))

    @property
    def observed_ci(self) -> Tuple[float, float]:
        """``observed_spread_ci95`` as a tuple."""
        lo, hi = self._data["observed_spread_ci95"]
        return (float(lo), float(hi))

    def _summary(self) -> str:
        d = self._data
        return (
            f"{short(d['missed'])} of {short(d['full_spread'])} people reached missed by the analyst "
            f"({len(d['sources'])} sources; shadow: {', '.join(d['shadow_layers'])})"
        )
