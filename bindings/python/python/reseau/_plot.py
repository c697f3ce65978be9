"""Charts of results with matplotlib (optional: ``pip install "reseau[plot]"``).

Each function draws on ``ax`` (a new figure's axes when ``None``) and returns the axes, so
that charts compose: ``s.plot(ax=axes[0])``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

if TYPE_CHECKING:  # pragma: no cover
    from ._results import CascadeFit, CascadeSummary, LoadCurve, RelaySelection


def _pyplot() -> Any:
    try:
        import matplotlib.pyplot as plt
    except ImportError as err:  # pragma: no cover - exercised only without matplotlib
        raise ImportError(
            'plot() needs matplotlib: pip install matplotlib (or "reseau[plot]")'
        ) from err
    return plt


def _axes(ax: Any) -> Any:
    if ax is not None:
        return ax
    _, ax = _pyplot().subplots(figsize=(6, 3.5))
    return ax


def plot_spread(summary: CascadeSummary, ax: Optional[Any] = None) -> Any:
    """The spread by step of a :class:`reseau.CascadeSummary`: the mean number convinced by
    the end of each step, with the share each layer carried in the legend. See
    :meth:`reseau.CascadeSummary.plot`.

    >>> import reseau
    >>> from reseau._plot import plot_spread
    >>> s = reseau.simulate(reseau.datasets.aarhus_cs(), ["U4"], runs=200, seed=1)
    >>> ax = plot_spread(s)
    >>> ax.get_xlabel(), len(ax.lines[0].get_xdata()) == len(s.by_step)
    ('step', True)
    """
    ax = _axes(ax)
    steps = range(len(summary.by_step))
    shares = ", ".join(f"{name} {share:.0%}" for name, share in summary.layer_shares.items() if share >= 0.005)
    ax.plot(steps, summary.by_step, marker="o", label=f"mean spread ({shares})" if shares else "mean spread")
    low, high = summary.ci95
    ax.axhspan(low, high, alpha=0.15, label=f"95% CI of the final spread ({low:.1f} to {high:.1f})")
    ax.set_xlabel("step")
    ax.set_ylabel("people convinced (mean)")
    ax.set_title(f"Spread by step, {summary.runs:,} runs")
    ax.legend(loc="lower right", fontsize="small")
    return ax


def plot_load_curve(curve: LoadCurve, ax: Optional[Any] = None) -> Any:
    """The throughput of a :class:`reseau.LoadCurve` against the request rate (log scale),
    with its peak marked and its collapse (the first rate past the peak below half of it)
    as a dashed line. See :meth:`reseau.LoadCurve.plot`.

    >>> import reseau
    >>> from reseau._plot import plot_load_curve
    >>> tired = reseau.Fatigue.hill(half=2, exponent=2, half_life=10)
    >>> curve = reseau.referral_load_curve(reseau.datasets.aarhus_cs(), [1, 4, 16, 64, 256], steps=100, fatigue=tired, seed=1)
    >>> ax = plot_load_curve(curve)
    >>> ax.get_xscale(), ax.get_xlabel()
    ('log', 'requests per step')
    """
    ax = _axes(ax)
    ax.plot(curve.rates, curve.throughput, marker="o", label="throughput")
    ax.plot(
        [curve.peak_rate], [curve.peak_throughput], marker="*", markersize=14, linestyle="none",
        label=f"peak: {curve.peak_throughput:.3g} per step at rate {curve.peak_rate:g}",
    )
    if curve.collapse_rate is not None:
        ax.axvline(curve.collapse_rate, linestyle="--", color="tab:red", label=f"collapse at rate {curve.collapse_rate:g}")
    ax.set_xscale("log")
    ax.set_xlabel("requests per step")
    ax.set_ylabel("referrals delivered per step")
    ax.set_title("Referral load curve")
    ax.legend(fontsize="small")
    return ax


def plot_relays(selection: RelaySelection, ax: Optional[Any] = None) -> Any:
    """The expected spread of a :class:`reseau.RelaySelection` as relays are added (the
    cumulative gains, as the method estimated them), with the evaluated spread and its
    confidence interval. See :meth:`reseau.RelaySelection.plot`.

    >>> import reseau
    >>> from reseau._plot import plot_relays
    >>> chosen = reseau.select_relays(reseau.datasets.aarhus_cs(), k=4, evaluation_runs=500, seed=1)
    >>> ax = plot_relays(chosen)
    >>> ax.get_xlabel()
    'relays'
    """
    ax = _axes(ax)
    ranks = range(1, len(selection.relays) + 1)
    if selection.estimated_spread is not None:  # the heuristics' gains are scores, not spread
        ax.plot(ranks, selection.gains.cumsum(), marker="o", label=f"estimated by {selection.method}")
    if selection.spread is not None:
        low, high = selection.spread.ci95
        ax.errorbar(
            [len(selection.relays)], [selection.spread.mean], yerr=[[selection.spread.mean - low], [high - selection.spread.mean]],
            marker="s", capsize=4, linestyle="none", label="evaluated (95% CI)",
        )
    ax.set_xticks(list(ranks), selection.relay_labels, rotation=45)
    ax.set_xlabel("relays")
    ax.set_ylabel("expected spread")
    ax.set_title("Relays: expected spread as they are added")
    ax.legend(fontsize="small")
    return ax


#: The measures of a balance sweep, with their axis labels.
BALANCE_MEASURES = {
    "success_rate": ("success_low", "success_high", "referral success rate"),
    "time_to_target": ("time_low", "time_high", "steps to the target"),
    "throughput": ("throughput_low", "throughput_high", "referrals per step"),
    "reach": ("reach_low", "reach_high", "people reached"),
}


def plot_balance(report: Any, measure: Optional[str] = None, ax: Optional[Any] = None) -> Any:
    """A balance sweep (:class:`reseau.BalanceReport`) as charts: each measure against the
    mix (0 all physical, 1 all digital), with its 95% confidence band, one line per period of
    decline, and the best mix of period 0 marked. With ``measure`` (``"success_rate"``,
    ``"time_to_target"``, ``"throughput"`` or ``"reach"``), one chart on ``ax``, returned;
    without, a new figure with all four, and its array of axes is returned. See
    :meth:`reseau.BalanceReport.plot`.

    >>> import reseau
    >>> from reseau._plot import plot_balance
    >>> sweep = reseau.balance(reseau.datasets.aarhus_cs(), mixes=[0, 0.5, 1], steps=40, runs=50)
    >>> axes = plot_balance(sweep)
    >>> [ax.get_ylabel() for ax in axes.flat][:2]
    ['referral success rate', 'steps to the target']
    >>> plot_balance(sweep, "reach").get_xlabel()
    'mix (0: all physical, 1: all digital)'
    """
    if measure is None:
        _, axes = _pyplot().subplots(2, 2, figsize=(10, 6), sharex=True)
        for name, one in zip(BALANCE_MEASURES, axes.flat):
            plot_balance(report, name, one)
        axes.flat[0].figure.tight_layout()
        return axes
    if measure not in BALANCE_MEASURES:
        raise ValueError(f"measure: expected one of {', '.join(BALANCE_MEASURES)}, not {measure!r}")
    low_name, high_name, label = BALANCE_MEASURES[measure]
    ax = _axes(ax)
    table = report.table
    for period in range(report.periods + 1):
        rows = table["period"] == period
        mix = table["mix"][rows]
        name = "as given" if period == 0 else f"period {period} of decline"
        (line,) = ax.plot(mix, table[measure][rows], marker="o", label=name)
        ax.fill_between(mix, table[low_name][rows], table[high_name][rows], alpha=0.15, color=line.get_color())
    best = report.best.get(measure)
    if best is not None:
        ax.plot([best["mix"]], [best["value"]], marker="*", markersize=14, linestyle="none", color="black", label=f"best mix {best['mix']:g}")
    ax.set_xlabel("mix (0: all physical, 1: all digital)")
    ax.set_ylabel(label)
    ax.legend(fontsize="small")
    return ax


def plot_fit(fit: CascadeFit, ax: Optional[Any] = None) -> Any:
    """The estimates of a :class:`reseau.CascadeFit`: one bar per identifiable layer (and
    the external hazard) with its 95% interval. See :meth:`reseau.CascadeFit.plot`.

    >>> import reseau
    >>> from reseau._plot import plot_fit
    >>> fit = reseau.fit_cascade(reseau.datasets.aarhus_cs(), {"U4": 0, "U1": 1, "U79": 2})
    >>> ax = plot_fit(fit)
    >>> ax.get_ylabel()
    'probability per exposure'
    """
    ax = _axes(ax)
    shown = [e for e in list(fit.layers) + list(fit.external_hazards) if e["probability"] is not None]
    keys = [e["key"] for e in shown]
    values = [e["probability"] for e in shown]
    low = [v - (e["ci95"] or (v, v))[0] for v, e in zip(values, shown)]
    high = [(e["ci95"] or (v, v))[1] - v for v, e in zip(values, shown)]
    ax.bar(keys, values, yerr=[low, high], capsize=4)
    ax.set_ylabel("probability per exposure")
    ax.set_title(f"Fitted layers ({fit.exposure} exposure), shadow share {fit.shadow_share:.0%}")
    return ax
