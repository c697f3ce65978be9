"""reseau's values: a layer, a diffusion model and its settings, recommendation fatigue. Each
is the core's serde struct, built and checked by the core from keyword arguments (see
``reseau._data``); they are immutable, compare equal when their settings are, pickle, and
convert to and from dicts."""

from __future__ import annotations

import math
from typing import Any, Dict, List, Literal, Mapping, Optional, Sequence, Union

import numpy as np
import numpy.typing as npt

from . import _core
from ._data import Field, Value, _float, deprecated


class Layer(Value, kind="Layer"):
    """A layer of a network: a named relation or channel (lunch, work, facebook, e-mail),
    ``physical`` or ``digital``, directed or not, with the default transmission probability
    (``None``: the model's) and latency (time steps to cross a tie) of its ties, and whether
    it is a ``shadow`` layer (simulated, but absent from ``Network.observed()``).

    ``Network.layers`` gives the layers of a network; a ``Layer`` is a read-only copy.

    >>> import reseau
    >>> fb = reseau.datasets.aarhus_cs().layer("facebook")
    >>> fb.name, fb.kind, fb.directed, fb.latency
    ('facebook', 'digital', False, 1)
    >>> reseau.Layer("twitter", kind="digital", directed=True, probability=0.05)
    Layer(name='twitter', kind='digital', directed=True, probability=0.05, latency=1)
    """

    __slots__ = ()
    _always = ("name", "kind", "directed", "probability", "latency")

    # stubgen: fields Layer
    directed: Field[bool] = Field('directed', 'Whether ties point one way (follows, advice) or both (friendship, lunch). (bool)')
    kind: Field[Literal['physical', 'digital']] = Field('kind', "Physical or digital. (Literal['physical', 'digital'])")
    latency: Field[int] = Field('latency', 'Time steps a message takes to cross one tie of this layer (at least 1). (int)')
    name: Field[str] = Field('name', "The layer's name, unique in its network. (str)")
    probability: Field[Optional[float]] = Field('probability', "Default transmission probability of this layer's ties (``None``: the model's). (Optional[float])")
    shadow: Field[bool] = Field('shadow', 'Whether the layer is hidden from the analyst: its ties take part in every simulation but ``Network::observed`` leaves them out. Written only when true, so that the files of networks without shadow layers stay as they were (and readable by versions that know no shadow). (bool)')
    # stubgen: end

    def __init__(
        self,
        name: str,
        kind: Optional[str] = None,
        directed: Optional[bool] = None,
        probability: Optional[float] = None,
        latency: Optional[int] = None,
        shadow: Optional[bool] = None,
    ) -> None:
        super().__init__(
            name=name, kind=kind, directed=directed, probability=probability, latency=latency, shadow=shadow
        )
        self._data.setdefault("shadow", False)

    @classmethod
    def _wrap(cls, data: Dict[str, Any], labels: Any = None) -> Any:
        # The core writes ``shadow`` only when true (files stay as they were): always a bool here.
        data.setdefault("shadow", False)
        return super()._wrap(data, labels)

    def _args(self) -> List[str]:
        shown = [f"{name}={_shown(getattr(self, name))}" for name in self._always]
        return shown + (["shadow=True"] if self.shadow else [])



def _shown(value: Any) -> str:
    return _float(value) if isinstance(value, float) else repr(value)


class LayerSettings(Value, kind="LayerSettings"):
    """How a model treats one layer: ``multiplier`` scales the probability (Independent
    Cascade, weighted cascade) or the weight (Linear Threshold) of the layer's ties, capped at
    1 ("offline ties convince more" is a multiplier above 1 on physical layers);
    ``probability`` replaces the layer's default probability (ties with their own keep it);
    ``latency`` replaces the layer's latency in steps; ``enabled=False`` switches the layer
    off (a platform that is down); ``attempts`` gives each tie that many tries, so that its
    chance p becomes 1 - (1 - p)^attempts (effort with diminishing returns).

    A model's ``layers`` maps layer names to ``LayerSettings`` or to plain dicts of the same
    keys.

    >>> import reseau
    >>> offline = reseau.LayerSettings(multiplier=2.0, latency=2)
    >>> offline
    LayerSettings(multiplier=2.0, latency=2)
    >>> offline.probability is None, offline.enabled
    (True, True)
    >>> reseau.LayerSettings(probability=1.5)
    Traceback (most recent call last):
        ...
    reseau.InvalidParameterError: invalid probability: 1.5 (expected a probability in [0, 1])
    """

    __slots__ = ()

    # stubgen: fields LayerSettings
    attempts: Field[float] = Field('attempts', "How many independent tries each tie of the layer gets, a whole or fractional number ≥ 0 (default 1): a tie's chance q (IC and weighted cascade: its probability after the multipliers, capped at 1; LT: its normalised weight) becomes 1 − (1 − q)^attempts. Effort spent as attempts has diminishing returns (twice the attempts less than doubles the chance), where a ``multiplier`` scales the chance linearly; 0 silences the layer. (float)")
    enabled: Field[bool] = Field('enabled', '``false`` switches the layer off for this simulation (a platform that is down). (bool)')
    latency: Field[Optional[int]] = Field('latency', "Replaces the layer's latency in steps. (Optional[int])")
    multiplier: Field[float] = Field('multiplier', 'Multiplies the probability (IC, weighted cascade) or the weight (LT) of the layer\'s ties: "offline ties convince more" is a multiplier above 1 on physical layers. The product is capped at 1. (float)')
    probability: Field[Optional[float]] = Field('probability', "Replaces the layer's default probability (ties with their own keep it). (Optional[float])")
    # stubgen: end

    def __init__(
        self,
        multiplier: Optional[float] = None,
        probability: Optional[float] = None,
        latency: Optional[int] = None,
        enabled: Optional[bool] = None,
        attempts: Optional[float] = None,
    ) -> None:
        super().__init__(
            multiplier=multiplier, probability=probability, latency=latency, enabled=enabled, attempts=attempts
        )


class Amplifiers(Value, kind="Amplifiers"):
    """How influencers and media amplify a message (a model's ``amplifiers``; "relays" are
    the people relay selection chooses): an ``influencer`` multiplies the probability (or
    Linear Threshold weight) of what it passes on its digital layers by
    ``influencer_multiplier`` (capped at 1); a ``media`` person picks a story up once at least
    ``media_threshold`` of the people it follows carry it, then passes it to its audience with
    ``media_probability`` (``None``: the ties' own probabilities). ``reseau.Relays`` is its old
    name (deprecated).

    >>> import reseau
    >>> loud = reseau.Amplifiers(influencer_multiplier=3.0, media_threshold=2)
    >>> loud
    Amplifiers(influencer_multiplier=3.0)
    >>> reseau.IndependentCascade(0.1, amplifiers={"media_threshold": 3}).amplifiers.media_threshold
    3
    """

    __slots__ = ()

    # stubgen: fields Amplifiers
    influencer_multiplier: Field[float] = Field('influencer_multiplier', 'An ``influencer`` multiplies the probability (or LT weight) of what it passes on its digital layers by this (capped at 1). Default 1: no amplification. (float)')
    media_probability: Field[Optional[float]] = Field('media_probability', "The probability with which a ``media`` person's ties pass the story to its audience; ``None``: the ties' own probabilities. (Optional[float])")
    media_threshold: Field[int] = Field('media_threshold', "A ``media`` person picks a story up once at least this many of the people it follows (its in-neighbours, any layer) carry it, whatever the ties' probabilities. Default 2. (int)")
    # stubgen: end

    def __init__(
        self,
        influencer_multiplier: Optional[float] = None,
        media_threshold: Optional[int] = None,
        media_probability: Optional[float] = None,
    ) -> None:
        super().__init__(
            influencer_multiplier=influencer_multiplier,
            media_threshold=media_threshold,
            media_probability=media_probability,
        )


_SETTINGS = ("layers", "amplifiers", "good_multiplier", "bad_multiplier", "distrust", "fatigue")


class Model(Value, kind="Model"):
    """A diffusion model: the base class of :class:`IndependentCascade`,
    :class:`WeightedCascade` and :class:`LinearThreshold`, which hold their settings:
    ``layers`` (per-layer :class:`LayerSettings`), ``amplifiers`` (:class:`Amplifiers`; the
    old keyword ``relays`` is deprecated), the multipliers of good and bad buzz
    (``good_multiplier``, ``bad_multiplier``: a negativity bias is a bad multiplier above 1)
    and ``distrust``, what a distrust tie (sign -1) does to a message: ``"block"`` it, or
    ``"invert"`` it (good buzz from a distrusted source is taken as bad, and bad as good);
    ``fatigue``, recommendation fatigue (a :class:`Fatigue`, or a dict as
    ``Fatigue.to_dict()`` writes it): the more often a person is exposed, the less they are
    convinced and the less they pass the message on.

    Models are immutable, compare equal when their settings are, pickle, and convert to and
    from dicts.

    >>> import reseau
    >>> model = reseau.IndependentCascade(0.1, layers={"lunch": {"multiplier": 2.0}})
    >>> isinstance(model, reseau.Model), model.kind
    (True, 'independent_cascade')
    >>> reseau.Model.from_dict(model.to_dict()) == model
    True
    >>> reseau.IndependentCascade(0.2, fatigue=reseau.Fatigue.hill(2, 2))
    IndependentCascade(probability=0.2, fatigue=Fatigue.hill(half=2.0, exponent=2.0))
    """

    __slots__ = ()
    #: The rule a model class stands for (``""``: the base class).
    _rule = ""

    # stubgen: fields Model -layers -amplifiers -fatigue -probability -thresholds
    bad_multiplier: Field[float] = Field('bad_multiplier', "Multiplier of bad buzz's probabilities (or LT weights): a negativity bias above 1. (float)")
    distrust: Field[Literal['block', 'invert']] = Field('distrust', "What a distrust tie does. (Literal['block', 'invert'])")
    good_multiplier: Field[float] = Field('good_multiplier', "Multiplier of good buzz's probabilities (or LT weights). (float)")
    kind: Field[Literal['independent_cascade', 'weighted_cascade', 'linear_threshold']] = Field('kind', "The rule. (Literal['independent_cascade', 'weighted_cascade', 'linear_threshold'])")
    # stubgen: end

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError(
            "reseau.Model has no constructor: use reseau.IndependentCascade, "
            "reseau.WeightedCascade or reseau.LinearThreshold"
        )

    def _build(self, settings: Dict[str, Any], **rule: Any) -> None:
        if "relays" in settings:
            deprecated("relays=", "amplifiers=")
            settings["amplifiers"] = settings.pop("relays")
        unknown = sorted(set(settings) - set(_SETTINGS))
        if unknown:
            raise TypeError(f"{type(self).__name__}() got an unexpected keyword argument {unknown[0]!r}")
        layers = settings.get("layers")
        if layers is not None and not isinstance(layers, Mapping):
            raise TypeError(f"layers: expected a dict of layer name to settings, not {type(layers).__name__}")
        Value.__init__(self, kind=self._rule, **rule, **settings)

    @property
    def layers(self) -> Dict[str, LayerSettings]:
        """The settings of each layer named, as :class:`LayerSettings`; other layers use the
        defaults."""
        return {name: LayerSettings._wrap(s) for name, s in self._data["layers"].items()}

    @property
    def amplifiers(self) -> Amplifiers:
        """How influencers and media amplify the message, as :class:`Amplifiers`."""
        return Amplifiers._wrap(self._data["amplifiers"])  # type: ignore[no-any-return]

    @property
    def relays(self) -> Amplifiers:
        """The old name of :attr:`amplifiers` (deprecated)."""
        deprecated("Model.relays", "Model.amplifiers")
        return self.amplifiers

    @property
    def fatigue(self) -> Optional["Fatigue"]:
        """Recommendation fatigue, as :class:`Fatigue` (``None``: none): every attempt on a
        person not yet convinced adds 1 to their load, and succeeds with its probability
        times their willingness at their load before it; a person so convinced passes the
        message on at all with that same willingness. Seeds and media are not subject to
        fatigue."""
        fatigue = self._data.get("fatigue")
        return None if fatigue is None else Fatigue._wrap(fatigue)

    def to_dict(self) -> Dict[str, Any]:
        """The model as a dict (the core's serde form, which JSON and the JavaScript package
        share): ``kind``, the settings, and ``probability`` (Independent Cascade) or
        ``thresholds`` (Linear Threshold).

        >>> import reseau
        >>> d = reseau.WeightedCascade(distrust="invert").to_dict()
        >>> d["kind"], d["distrust"], d["bad_multiplier"], "probability" in d
        ('weighted_cascade', 'invert', 1.0, False)
        >>> d["amplifiers"]
        {'influencer_multiplier': 1.0, 'media_threshold': 2, 'media_probability': None}
        """
        d = super().to_dict()
        if d["kind"] != "independent_cascade":
            d.pop("probability", None)
        if d["kind"] != "linear_threshold":
            d.pop("thresholds", None)
        return d

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Any:
        """The model a dict describes, as :meth:`to_dict` writes it (keys left out take their
        defaults). ``Model.from_dict`` builds the class named by ``kind``; a model class takes
        only dicts of its own kind.

        >>> import reseau
        >>> reseau.Model.from_dict({"kind": "linear_threshold", "bad_multiplier": 2.0})
        LinearThreshold(bad_multiplier=2.0)
        >>> reseau.IndependentCascade.from_dict({"probability": 0.2})
        IndependentCascade(probability=0.2)
        """
        if not isinstance(data, Mapping):
            raise TypeError(f"from_dict: expected a dict, not {type(data).__name__}")
        data = dict(data)
        if cls._rule:
            given = data.setdefault("kind", cls._rule)
            if given != cls._rule:
                _core._check("Model", {"kind": given})  # an unknown kind is the core's error
                err = _invalid("kind", repr(given), f"{cls._rule!r} for {cls.__name__}")
                raise err
        model = _core._check("Model", data)
        return _RULES[model["kind"]]._wrap(model)

    def __repr__(self) -> str:
        d = self._data
        args = []
        if d["kind"] == "independent_cascade":
            args.append(f"probability={_float(d['probability'])}")
        thresholds = d.get("thresholds")
        if thresholds is not None:
            shown = [float(t) for t in thresholds]
            args.append(f"thresholds={shown}" if len(shown) <= 6 else f"thresholds=<{len(shown)} values>")
        if d["layers"]:
            layers = ", ".join(f"{name!r}: {s!r}" for name, s in self.layers.items())
            args.append(f"layers={{{layers}}}")
        amplifiers = self.amplifiers
        if amplifiers != Amplifiers():
            args.append(f"amplifiers={amplifiers!r}")
        for name in ("good_multiplier", "bad_multiplier"):
            if d[name] != 1.0:
                args.append(f"{name}={_float(d[name])}")
        if d["distrust"] != "block":
            args.append(f"distrust={d['distrust']!r}")
        if self.fatigue is not None:
            args.append(f"fatigue={self.fatigue!r}")
        return f"{type(self).__name__}({', '.join(args)})"


def _invalid(name: str, value: str, expected: str) -> Exception:
    """An ``InvalidParameterError`` made here, with the core's fields."""
    err = _core.InvalidParameterError(f"invalid {name}: {value} (expected {expected})")
    err.kind, err.name, err.value, err.expected = "InvalidParameterError", name, value, expected
    err.fields = ["name", "value", "expected"]
    return err


class IndependentCascade(Model):
    """Independent Cascade: each newly convinced person gets one chance per tie to convince
    the other end, with the tie's probability: the tie's own if set, else the layer's
    settings' or the layer's default, else the model's ``probability``; times the layer's
    multiplier, the influencer multiplier where it applies and the valence multiplier, capped
    at 1. Parallel ties between the same two people in one layer count as 1 - (1 - p)^m.

    >>> import reseau
    >>> model = reseau.IndependentCascade(probability=0.1, layers={"lunch": reseau.LayerSettings(multiplier=2.0)})
    >>> model
    IndependentCascade(probability=0.1, layers={'lunch': LayerSettings(multiplier=2.0)})
    >>> reseau.IndependentCascade(probability=float("nan"))
    Traceback (most recent call last):
        ...
    reseau.InvalidParameterError: invalid model probability: NaN (expected a probability in [0, 1])
    """

    __slots__ = ()
    _rule = "independent_cascade"

    def __init__(self, probability: Optional[float] = None, **settings: Any) -> None:
        self._build(settings, probability=probability)

    @property
    def probability(self) -> float:
        """The model's default probability, for ties whose layer has none."""
        return self._data["probability"]  # type: ignore[no-any-return]


class WeightedCascade(Model):
    """The weighted cascade: Independent Cascade with p(u, v) = 1 / in-degree of v in the
    tie's layer (parallel ties count in the degree), times the multipliers.

    >>> import reseau
    >>> reseau.WeightedCascade(bad_multiplier=1.5)
    WeightedCascade(bad_multiplier=1.5)
    """

    __slots__ = ()
    _rule = "weighted_cascade"

    def __init__(self, **settings: Any) -> None:
        self._build(settings)


class LinearThreshold(Model):
    """Linear Threshold: a person is convinced once the weight of their convinced contacts
    reaches their threshold. Each person's incoming weights (tie weight times the layer's
    multiplier, over every enabled layer) are normalised to sum to 1. ``thresholds`` gives
    each person's threshold (a sequence or numpy array, one per person, in [0, 1]); ``None``
    draws them uniformly in [0, 1) for each run.

    >>> import reseau
    >>> reseau.LinearThreshold(thresholds=[0.5, 0.5, 0.2])
    LinearThreshold(thresholds=[0.5, 0.5, 0.2])
    >>> reseau.LinearThreshold().thresholds is None
    True
    """

    __slots__ = ()
    _rule = "linear_threshold"

    def __init__(self, *, thresholds: Optional[Union[Sequence[float], npt.NDArray[Any]]] = None, **settings: Any) -> None:
        self._build(settings, thresholds=thresholds)

    @property
    def thresholds(self) -> Optional[npt.NDArray[np.float64]]:
        """Each person's threshold (a float64 array), or ``None`` when they are drawn for
        each run."""
        thresholds = self._data.get("thresholds")
        return None if thresholds is None else np.array(thresholds, dtype=np.float64)


_RULES = {cls._rule: cls for cls in (IndependentCascade, WeightedCascade, LinearThreshold)}


class Fatigue(Value, kind="Fatigue"):
    """Recommendation fatigue: a curve mapping a person's **load** (the requests and
    exposures they received, decaying by half every ``half_life`` steps; ``None``: never, a
    plain count) to their **willingness** to act on the next one, in [0, 1]. Give it to
    :func:`route_referrals`, :func:`referral_load_curve` or a cascade model (``fatigue=``).

    ======================================  ==============================================
    curve                                   willingness at load L
    ======================================  ==============================================
    ``Fatigue.none()``                      1
    ``Fatigue.exponential(rate)``           exp(-rate·L)
    ``Fatigue.hill(half, exponent)``        1 / (1 + (L/half)**exponent): ½ at L = half
    ``Fatigue.capacity(capacity)``          1 while L < capacity, then 0
    ``Fatigue.queue(size)``                 min(1, size / (L + 1)) (Gomez-Rodriguez et al.)
    ``Fatigue.decreasing()``                1 / (0.1·L² + 1) (Kempe, Kleinberg & Tardos)
    ======================================  ==============================================

    Every curve is 1 at no load (except ``capacity(0)``) and never rises with the load. The
    values are computed by the Rust core with IEEE basic operations only, so Python, Rust and
    JavaScript give the very same bits. Fatigue values are immutable, compare equal when
    their parameters are, pickle, and convert to and from dicts.

    >>> import reseau
    >>> tired = reseau.Fatigue.hill(half=3, exponent=2, half_life=10)
    >>> tired
    Fatigue.hill(half=3.0, exponent=2.0, half_life=10.0)
    >>> tired.willingness(0), tired.willingness(3)
    (1.0, 0.5)
    >>> tired.willingness([0, 3, 6]).tolist()
    [1.0, 0.5, 0.2]
    >>> reseau.Fatigue.exponential(rate=-1)
    Traceback (most recent call last):
        ...
    reseau.InvalidParameterError: invalid fatigue rate: -1 (expected a finite number >= 0)
    """

    __slots__ = ()

    # stubgen: fields Fatigue -curve
    half_life: Field[Optional[float]] = Field('half_life', 'Steps for the load to halve; ``None``: an infinite half-life, the load is a plain count (an infinite half-life is read, and written, as ``None``). (Optional[float])')
    # stubgen: end

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("reseau.Fatigue has no constructor: use Fatigue.hill(...), Fatigue.none(), ...")

    @classmethod
    def _of(cls, kind: str, half_life: Optional[float], **parameters: Any) -> "Fatigue":
        # An infinite half-life is no decay: the same as None, and stored so.
        if isinstance(half_life, float) and half_life == math.inf:
            half_life = None
        data = {"curve": {"kind": kind, **parameters}, "half_life": half_life}
        return cls._wrap(_core._check("Fatigue", data))  # type: ignore[no-any-return]

    @staticmethod
    def none() -> "Fatigue":
        """No fatigue: willingness 1 whatever the load.

        >>> import reseau
        >>> reseau.Fatigue.none().willingness(1e9)
        1.0
        """
        return Fatigue._of("none", None)

    @staticmethod
    def exponential(rate: float, half_life: Optional[float] = None) -> "Fatigue":
        """exp(-``rate``·L): willingness falls by the same factor with each unit of load;
        ``rate`` finite and >= 0.

        >>> import math, reseau
        >>> f = reseau.Fatigue.exponential(0.5)
        >>> abs(f.willingness(2) - math.exp(-1)) < 1e-15
        True
        """
        return Fatigue._of("exponential", half_life, rate=rate)

    @staticmethod
    def hill(half: float, exponent: float, half_life: Optional[float] = None) -> "Fatigue":
        """1 / (1 + (L/``half``)**``exponent``) (Hill's equation): 1 at no load, ½ at L =
        ``half``, then saturating towards 0; ``half`` > 0 and ``exponent`` > 0.

        >>> import reseau
        >>> f = reseau.Fatigue.hill(half=2, exponent=1)
        >>> f.willingness(2), f.willingness(6)
        (0.5, 0.25)
        """
        return Fatigue._of("hill", half_life, half=half, exponent=exponent)

    @staticmethod
    def capacity(capacity: float, half_life: Optional[float] = None) -> "Fatigue":
        """1 while L < ``capacity``, then 0: the person handles ``capacity`` items and stops;
        ``capacity`` >= 0 (infinity: no fatigue).

        >>> import reseau
        >>> f = reseau.Fatigue.capacity(2)
        >>> f.willingness([0, 1, 2, 3]).tolist()
        [1.0, 1.0, 0.0, 0.0]
        """
        return Fatigue._of("capacity", half_life, capacity=capacity)

    @staticmethod
    def queue(size: int, half_life: Optional[float] = None) -> "Fatigue":
        """min(1, ``size`` / (L + 1)): limited attention, after Gomez-Rodriguez, Gummadi &
        Schölkopf (2014): a new item competes with the L already in the person's queue for
        ``size`` slots of attention and gets its share; ``size`` an integer >= 1.

        >>> import reseau
        >>> reseau.Fatigue.queue(2).willingness([0, 1, 3]).tolist()
        [1.0, 1.0, 0.5]
        """
        return Fatigue._of("queue", half_life, size=size)

    @staticmethod
    def decreasing(half_life: Optional[float] = None) -> "Fatigue":
        """1 / (0.1·L² + 1): the decreasing cascade of Kempe, Kleinberg & Tardos (2005), as
        netmax implements it.

        >>> import reseau
        >>> reseau.Fatigue.decreasing().willingness(10) == 1 / 11
        True
        """
        return Fatigue._of("decreasing", half_life)

    def willingness(self, load: Any) -> Any:
        """The willingness at ``load``, in [0, 1] (a load below 0 or NaN: InvalidParameterError):
        a float for a number, a float64 numpy array of the same shape for an array or a list.

        >>> import numpy as np, reseau
        >>> f = reseau.Fatigue.decreasing()
        >>> f.willingness(0)
        1.0
        >>> f.willingness(np.array([[0.0, 10.0], [5.0, 20.0]]))
        array([[1.        , 0.09090909],
               [0.28571429, 0.02439024]])
        """
        return _core._willingness(self, load)

    @property
    def kind(self) -> str:
        """The curve's name: ``"none"``, ``"exponential"``, ``"hill"``, ``"capacity"``,
        ``"queue"`` or ``"decreasing"``."""
        return self._data["curve"]["kind"]  # type: ignore[no-any-return]

    @property
    def curve(self) -> Dict[str, Any]:
        """The curve and its parameters, as a dict: ``{"kind": "hill", "half": 3.0,
        "exponent": 2.0}``."""
        return dict(self._data["curve"])

    def __repr__(self) -> str:
        args = [f"{k}={_shown(v)}" for k, v in self._data["curve"].items() if k != "kind"]
        if self.half_life is not None:
            args.append(f"half_life={_float(self.half_life)}")
        return f"Fatigue.{self.kind}({', '.join(args)})"


_LayerSettingsArg = Union[LayerSettings, Mapping[str, Any]]
