"""reseau: multiplex professional and social networks.

People hold several networks at once, offline (lunch, work, leisure) and online (facebook,
linkedin, e-mail). ``reseau`` models them as one :class:`Network` with named layers, reads
real data, generates seeded random networks, and converts to and from networkx, numpy and
pandas. The computing is done by a Rust core, shared with the Rust crate and the JavaScript
package, so the same seed gives the same numbers in all three.

>>> import reseau
>>> aucs = reseau.datasets.aarhus_cs()
>>> aucs
<reseau.Network: 61 people, 620 ties, 5 layers (4 physical, 1 digital)>
>>> aucs.without_layers(["facebook"]).num_ties
496
>>> reseau.generators.erdos_renyi(n=100, mean_degree=4.0, seed=1).num_people
100

Cascades (influence relays) run on any network: Independent Cascade, the weighted cascade or
Linear Threshold, with per-layer settings, amplifiers (influencers and media), and good and
bad buzz:

>>> summary = reseau.simulate(aucs, ["U4"], model=reseau.IndependentCascade(probability=0.1), runs=1000, seed=7)
>>> summary.ci95[0] <= summary.mean <= summary.ci95[1], sorted(summary.by_layer)[:2]
(True, ['coauthor', 'facebook'])

Referral chains carry a request from a source to a target through personal recommendations,
until people are so flooded with requests that they stop forwarding them: the load curve
rises with the request rate, peaks, and collapses.

>>> tired = reseau.Fatigue.hill(half=2, exponent=2, half_life=10)
>>> referrals = reseau.route_referrals(aucs, n_requests=1000, rate=2, fatigue=tired, seed=1)
>>> referrals.requests, 0 < referrals.success_rate < 1
(1000, True)
>>> curve = reseau.referral_load_curve(aucs, [0.5 * 2**i for i in range(11)], steps=300, fatigue=tired, seed=7)
>>> curve.peak_rate < 512, curve.collapse_rate is not None
(True, True)

Relay selection answers "whom should we enlist?": k relays (or as many as a budget pays
for) chosen by IMM, OPIM-C, CELF or a baseline, evaluated by independent cascades; and
reputation scores answer "who is influential here?":

>>> chosen = reseau.select_relays(aucs, k=3, model=reseau.IndependentCascade(probability=0.1), seed=0)
>>> len(chosen.relays), chosen.spread.mean > 3
(3, True)
>>> round(float(reseau.reputation(aucs, "pagerank").sum()), 9)
1.0

Every error is a :class:`ReseauError` (a ``ValueError``), with one subclass per kind of
problem carrying its details as attributes:

>>> try:
...     reseau.parse_edgelist("1 2\\noops\\n")
... except reseau.ParseError as err:
...     print(err.file, err.line, repr(err.content))
<string> 2 'oops'
"""

from typing import Any

from . import _core
from ._core import (
    FORMAT_VERSION,
    CancelledError,
    DuplicateLabelError,
    DuplicateLayerError,
    DuplicateTieError,
    EncodingError,
    FileError,
    FormatError,
    InvalidParameterError,
    JsonError,
    Network,
    OutOfMemoryError,
    ParseError,
    ReseauError,
    SelfLoopError,
    UnknownLayerError,
    UnknownPersonError,
    UnsupportedVersionError,
    balance,
    e_reputation,
    exact_spread,
    fit_cascade,
    infer_shadow,
    parse_adoptions,
    parse_csv,
    parse_edgelist,
    parse_mpx,
    parse_multiplex,
    parse_signed,
    read_adoptions,
    read_csv,
    read_edgelist,
    read_mpx,
    read_multiplex,
    read_signed,
    referral_load_curve,
    relay_evaluation_seed,
    report,
    reputation,
    route_referrals,
    select_relays,
    shadow_gap,
    shuffle_test,
    simulate,
    trace,
    trace_referrals,
)
from ._values import (
    Amplifiers,
    Fatigue,
    IndependentCascade,
    Layer,
    LayerSettings,
    LinearThreshold,
    Model,
    WeightedCascade,
)
from ._results import (
    BalanceReport,
    CascadeFit,
    CascadePartial,
    CascadeSummary,
    CascadeTrace,
    EReputation,
    LoadCurve,
    OpinionByStep,
    ReferralSummary,
    RelaySelection,
    Report,
    Reputation,
    ShadowGap,
    ShadowInference,
    ShuffleTest,
    SpreadStats,
)
from . import datasets, generators
from ._networkx import from_networkx
from ._shard import merge, shard_ranges

__version__: str = _core.__version__

__all__ = [
    "FORMAT_VERSION",
    "BalanceReport",
    "Report",
    "balance",
    "report",
    "CancelledError",
    "CascadeFit",
    "CascadePartial",
    "CascadeSummary",
    "CascadeTrace",
    "DuplicateLabelError",
    "DuplicateLayerError",
    "DuplicateTieError",
    "EncodingError",
    "EReputation",
    "Fatigue",
    "FileError",
    "FormatError",
    "IndependentCascade",
    "InvalidParameterError",
    "JsonError",
    "Layer",
    "LayerSettings",
    "LinearThreshold",
    "LoadCurve",
    "Model",
    "Network",
    "OpinionByStep",
    "OutOfMemoryError",
    "ParseError",
    "ReferralSummary",
    "RelaySelection",
    "Amplifiers",
    "Reputation",
    "ReseauError",
    "SelfLoopError",
    "ShadowGap",
    "ShadowInference",
    "ShuffleTest",
    "SpreadStats",
    "UnknownLayerError",
    "UnknownPersonError",
    "UnsupportedVersionError",
    "WeightedCascade",
    "datasets",
    "e_reputation",
    "exact_spread",
    "fit_cascade",
    "from_networkx",
    "generators",
    "infer_shadow",
    "shadow_gap",
    "load",
    "merge",
    "parse_adoptions",
    "parse_csv",
    "parse_edgelist",
    "parse_mpx",
    "parse_multiplex",
    "parse_signed",
    "read_adoptions",
    "read_csv",
    "read_edgelist",
    "read_mpx",
    "read_multiplex",
    "read_signed",
    "referral_load_curve",
    "relay_evaluation_seed",
    "reputation",
    "route_referrals",
    "select_relays",
    "shard_ranges",
    "shuffle_test",
    "simulate",
    "trace",
    "trace_referrals",
]

# A network saved with ``Network.save`` (reseau's binary format; see ``Network.load``).
load = Network.load

# The old names, for one release (DeprecationWarning).
_RENAMED = {"Relays": "Amplifiers"}


def __getattr__(name: str) -> Any:
    if name in _RENAMED:
        from ._data import deprecated

        deprecated(f"reseau.{name}", f"reseau.{_RENAMED[name]}")
        return globals()[_RENAMED[name]]
    raise AttributeError(f"module 'reseau' has no attribute {name!r}")


# Every kind of error the core names, including any kind newer than the list above.
for _kind in _core.ERROR_KINDS:
    if _kind not in __all__:
        globals()[_kind] = getattr(_core, _kind)
        __all__.append(_kind)
