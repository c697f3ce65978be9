"""Type stubs of the compiled module ``reseau._core`` (re-exported by ``reseau``)."""

import os
from pathlib import Path
from typing import (
    Any,
    Callable,
    Dict,
    Iterable,
    List,
    Literal,
    Mapping,
    Optional,
    Sequence,
    Tuple,
    Union,
    final,
    overload,
)

import numpy as np
import numpy.typing as npt
from typing_extensions import disjoint_base

__version__: str
FORMAT_VERSION: int
ERROR_KINDS: List[str]

__all__ = [
    "BalanceReport",
    "Report",
    "balance",
    "report",
    "cli",
    "CancelledError",
    "OutOfMemoryError",
    "CascadePartial",
    "CascadeSummary",
    "CascadeTrace",
    "DuplicateLabelError",
    "DuplicateLayerError",
    "DuplicateTieError",
    "ERROR_KINDS",
    "EncodingError",
    "FORMAT_VERSION",
    "Fatigue",
    "FileError",
    "IndependentCascade",
    "InvalidParameterError",
    "JsonError",
    "Layer",
    "LayerSettings",
    "LinearThreshold",
    "LoadCurve",
    "Model",
    "Network",
    "ParseError",
    "ReferralSummary",
    "RelaySelection",
    "Relays",
    "Reputation",
    "ReseauError",
    "SelfLoopError",
    "SpreadStats",
    "UnknownLayerError",
    "UnknownPersonError",
    "UnsupportedVersionError",
    "WeightedCascade",
    "__version__",
    "aarhus_cs",
    "barabasi_albert",
    "erdos_renyi",
    "exact_spread",
    "kleinberg",
    "parse_csv",
    "parse_edgelist",
    "parse_mpx",
    "parse_multiplex",
    "parse_signed",
    "professional",
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
    "simulate",
    "stochastic_block",
    "trace",
    "trace_referrals",
    "watts_strogatz",
]

_StrPath = Union[str, "os.PathLike[str]"]
_Text = Union[str, bytes]
# A layer by name, or by index in the order layers were added.
_LayerKey = Union[str, int]
# 1 or -1, or "positive" or "negative".
_Sign = Union[int, str]

class ReseauError(ValueError):
    """The root of every error raised by reseau; a ``ValueError``."""

    kind: str
    fields: List[str]

class ParseError(ReseauError):
    """A line of an input file could not be understood."""

    file: str
    line: int
    content: str
    reason: str

class EncodingError(ReseauError):
    """An input file is not valid UTF-8."""

    file: str
    line: int
    offset: int

class FileError(ReseauError):
    """A file could not be opened or read."""

    file: str
    message: str

class UnknownLayerError(ReseauError):
    """A layer name (or index) that the network does not have."""

    name: str

class UnknownPersonError(ReseauError):
    """A person (by id or label) that the network does not have."""

    person: str

class DuplicateLayerError(ReseauError):
    """A layer with this name exists already."""

    name: str

class DuplicateLabelError(ReseauError):
    """A person with this label exists already."""

    label: str

class DuplicateTieError(ReseauError):
    """A repeated tie, under the ``"reject"`` duplicates policy."""

    location: str
    a: str
    b: str
    layer: str

class SelfLoopError(ReseauError):
    """A tie from a person to themself, under the ``"reject"`` self-loops policy."""

    location: str
    person: str
    layer: str

class InvalidParameterError(ReseauError):
    """A parameter outside its domain (a probability outside [0, 1], a NaN weight, ...)."""

    name: str
    value: str
    expected: str

class UnsupportedVersionError(ReseauError):
    """Saved data written by a newer version of reseau."""

    found: int
    supported: int

class JsonError(ReseauError):
    """JSON that is not a valid saved network."""

    line: int
    column: int
    message: str

class CancelledError(ReseauError):
    """A long call stopped by its progress callback (which returned False)."""

class OutOfMemoryError(ReseauError):
    """A call refused before it allocated: it would need more memory than its budget."""

    what: str
    needed: int
    available: int

@final
class Layer:
    """A read-only view of a layer: name, kind, direction, default probability and latency."""

    def __new__(
        cls,
        name: str,
        kind: str = "physical",
        directed: bool = False,
        probability: Optional[float] = None,
        latency: int = 1,
    ) -> "Layer": ...
    @property
    def name(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def directed(self) -> bool: ...
    @property
    def probability(self) -> Optional[float]: ...
    @property
    def latency(self) -> int: ...
    def to_dict(self) -> Dict[str, object]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
    def __reduce__(self) -> Tuple[type, Tuple[str, str, bool, Optional[float], int]]: ...

@final
class Network:
    """A multiplex network: people, named layers, and ties in one layer between two people."""

    def __new__(cls, *, duplicates: str = "merge", self_loops: str = "reject") -> "Network": ...
    # policies
    def set_duplicates(self, policy: str) -> None: ...
    def set_self_loops(self, policy: str) -> None: ...
    @property
    def duplicates_merged(self) -> int: ...
    @property
    def self_loops_dropped(self) -> int: ...
    # layers
    def add_layer(
        self,
        name: str,
        kind: str = "physical",
        directed: bool = False,
        probability: Optional[float] = None,
        latency: int = 1,
    ) -> int: ...
    def configure_layer(
        self, layer: _LayerKey, probability: Optional[float] = None, latency: int = 1
    ) -> None: ...
    def layer(self, layer: _LayerKey) -> Layer: ...
    @property
    def layers(self) -> List[Layer]: ...
    @property
    def num_layers(self) -> int: ...
    def num_ties_in(self, layer: _LayerKey) -> int: ...
    # people
    def add_person(
        self,
        label: Optional[str] = None,
        group: Optional[str] = None,
        kind: str = "person",
        cost: float = 1.0,
        attributes: Optional[Mapping[str, str]] = None,
        position: Optional[Tuple[float, float]] = None,
    ) -> int: ...
    def add_people(self, n: int) -> int: ...
    @property
    def num_people(self) -> int: ...
    @property
    def labels(self) -> List[str]: ...
    def index_of(self, label: str) -> int: ...
    def person(self, id: int) -> Dict[str, object]: ...
    def people(self) -> List[Dict[str, object]]: ...
    def set_group(self, person: int, group: Optional[str]) -> None: ...
    def set_kind(self, person: int, kind: str) -> None: ...
    def set_cost(self, person: int, cost: float) -> None: ...
    def groups(self) -> Dict[str, List[int]]: ...
    # ties
    def add_tie(
        self,
        a: int,
        b: int,
        layer: _LayerKey,
        weight: float = 1.0,
        sign: _Sign = 1,
        probability: Optional[float] = None,
    ) -> Optional[int]: ...
    def remove_tie(self, a: int, b: int, layer: _LayerKey) -> bool: ...
    def tie(self, a: int, b: int, layer: _LayerKey) -> Optional[Dict[str, object]]: ...
    @property
    def num_ties(self) -> int: ...
    @property
    def num_directed_ties(self) -> int: ...
    def ties(self) -> Dict[str, npt.NDArray[np.generic]]: ...
    # queries
    def degree(self, person: int, layer: Optional[_LayerKey] = None) -> int: ...
    def degrees(self, layer: Optional[_LayerKey] = None) -> npt.NDArray[np.uint32]: ...
    def neighbors(self, person: int, layer: Optional[_LayerKey] = None) -> List[int]: ...
    def overlap(self, first: _LayerKey, second: _LayerKey) -> int: ...
    def without_layers(self, layers: Sequence[_LayerKey]) -> "Network": ...
    def flatten(self, name: str = "all", kind: str = "physical") -> "Network": ...
    def memory(self) -> Dict[str, float]: ...
    # saving, copying, pickling, display, conversion
    def to_json(self) -> str: ...
    @staticmethod
    def from_json(text: str) -> "Network": ...
    def copy(self) -> "Network": ...
    def __copy__(self) -> "Network": ...
    def __deepcopy__(self, memo: object) -> "Network": ...
    def __getstate__(self) -> str: ...
    def __setstate__(self, state: str) -> None: ...
    def _repr_html_(self) -> str: ...
    # networkx and pandas are optional: a networkx MultiGraph/MultiDiGraph, a pandas DataFrame.
    def to_networkx(self) -> Any: ...
    def to_pandas(self, table: str = "ties") -> Any: ...

# readers: the keyword arguments are the fields of the core's option structs; duplicates and
# self_loops stand for policy={"duplicates": ..., "self_loops": ...}.
_Policy = Mapping[str, str]

def read_edgelist(
    path: _StrPath,
    *,
    directed: bool = False,
    layer: str = "ties",
    kind: str = "physical",
    duplicates: str = "merge",
    self_loops: str = "drop",
    policy: _Policy = ...,
) -> Network: ...
def parse_edgelist(
    data: _Text,
    file: str = "<string>",
    *,
    directed: bool = False,
    layer: str = "ties",
    kind: str = "physical",
    duplicates: str = "merge",
    self_loops: str = "drop",
    policy: _Policy = ...,
) -> Network: ...
def read_csv(
    path: _StrPath,
    *,
    source: str = "source",
    target: str = "target",
    weight: Optional[str] = None,
    sign: Optional[str] = None,
    layer_column: Optional[str] = None,
    layer: str = "ties",
    kind: str = "physical",
    digital: Optional[Sequence[str]] = None,
    directed: bool = False,
    delimiter: str = ",",
    duplicates: str = "merge",
    self_loops: str = "drop",
    policy: _Policy = ...,
) -> Network: ...
def parse_csv(
    data: _Text,
    file: str = "<string>",
    *,
    source: str = "source",
    target: str = "target",
    weight: Optional[str] = None,
    sign: Optional[str] = None,
    layer_column: Optional[str] = None,
    layer: str = "ties",
    kind: str = "physical",
    digital: Optional[Sequence[str]] = None,
    directed: bool = False,
    delimiter: str = ",",
    duplicates: str = "merge",
    self_loops: str = "drop",
    policy: _Policy = ...,
) -> Network: ...
def read_multiplex(
    edges: _StrPath,
    layers: Optional[_StrPath] = None,
    nodes: Optional[_StrPath] = None,
    *,
    directed: bool = False,
    digital: Optional[Sequence[str]] = None,
    duplicates: str = "merge",
    self_loops: str = "drop",
    policy: _Policy = ...,
) -> Network: ...
def parse_multiplex(
    edges: _Text,
    layers: Optional[_Text] = None,
    nodes: Optional[_Text] = None,
    *,
    directed: bool = False,
    digital: Optional[Sequence[str]] = None,
    duplicates: str = "merge",
    self_loops: str = "drop",
    policy: _Policy = ...,
) -> Network: ...
def read_mpx(
    path: _StrPath,
    *,
    digital: Optional[Sequence[str]] = None,
    duplicates: str = "merge",
    self_loops: str = "drop",
    policy: _Policy = ...,
) -> Network: ...
def parse_mpx(
    data: _Text,
    file: str = "<string>",
    *,
    digital: Optional[Sequence[str]] = None,
    duplicates: str = "merge",
    self_loops: str = "drop",
    policy: _Policy = ...,
) -> Network: ...
def read_signed(
    path: _StrPath,
    *,
    directed: bool = True,
    layer: str = "trust",
    kind: str = "digital",
    header: bool = False,
    duplicates: str = "merge",
    self_loops: str = "drop",
    policy: _Policy = ...,
) -> Network: ...
def parse_signed(
    data: _Text,
    file: str = "<string>",
    *,
    directed: bool = True,
    layer: str = "trust",
    kind: str = "digital",
    header: bool = False,
    duplicates: str = "merge",
    self_loops: str = "drop",
    policy: _Policy = ...,
) -> Network: ...

# generators (re-exported by reseau.generators) and datasets (by reseau.datasets)
def erdos_renyi(*, n: int, mean_degree: float, seed: int = 0) -> Network: ...
def barabasi_albert(*, n: int, m: int, seed: int = 0) -> Network: ...
def watts_strogatz(*, n: int, k: int, beta: float, seed: int = 0) -> Network: ...
def kleinberg(*, side: int, r: float = 2.0, long_range: int = 1, seed: int = 0) -> Network: ...
def stochastic_block(
    *, sizes: Sequence[int], probabilities: Sequence[Sequence[float]], seed: int = 0
) -> Network: ...
def professional(
    *,
    seed: int = 0,
    people: int = 1000,
    group_size: int = 20,
    group_prefix: str = "team",
    physical_layer: str = "office",
    physical_mean_degree: float = 6.0,
    within_group: float = 0.9,
    digital_layers: Sequence[str] = ("linkedin",),
    digital_mean_degree: float = 10.0,
    exponent: float = 2.5,
    overlap: float = 0.3,
    influencers: float = 0.01,
    influencer_cost: float = 10.0,
) -> Network: ...
def aarhus_cs() -> Network: ...

# cascades: models, their settings, simulate/trace/exact_spread and their results

# A person by id (an int or numpy integer) or by label.
_Person = Union[int, np.integer[Any], str]
# One person, or any iterable of them (a list, a numpy array, ...).
_People = Union[_Person, Iterable[_Person]]
# Per-layer settings as LayerSettings or as a dict of its fields.
_LayerSettingsArg = Union["LayerSettings", Mapping[str, Any]]
_RelaysArg = Union["Relays", Mapping[str, Any]]
_Floats = Union[Sequence[float], npt.NDArray[np.floating[Any]]]
# Fatigue as Fatigue or as a dict as Fatigue.to_dict() writes it.
_FatigueArg = Union["Fatigue", Mapping[str, Any]]

@final
class LayerSettings:
    """How a model treats one layer: multiplier, probability, latency, enabled."""

    def __new__(
        cls,
        multiplier: float = 1.0,
        probability: Optional[float] = None,
        latency: Optional[int] = None,
        enabled: bool = True,
    ) -> "LayerSettings": ...
    @property
    def multiplier(self) -> float: ...
    @property
    def probability(self) -> Optional[float]: ...
    @property
    def latency(self) -> Optional[int]: ...
    @property
    def enabled(self) -> bool: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
    def __reduce__(self) -> Tuple[type, Tuple[float, Optional[float], Optional[int], bool]]: ...

@final
class Relays:
    """How influencers and media relay a message."""

    def __new__(
        cls,
        influencer_multiplier: float = 1.0,
        media_threshold: int = 2,
        media_probability: Optional[float] = None,
    ) -> "Relays": ...
    @property
    def influencer_multiplier(self) -> float: ...
    @property
    def media_threshold(self) -> int: ...
    @property
    def media_probability(self) -> Optional[float]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
    def __reduce__(self) -> Tuple[type, Tuple[float, int, Optional[float]]]: ...

@disjoint_base
class Model:
    """A diffusion model: the base class of IndependentCascade, WeightedCascade and LinearThreshold."""

    @property
    def kind(self) -> str: ...
    @property
    def layers(self) -> Dict[str, LayerSettings]: ...
    @property
    def relays(self) -> Relays: ...
    @property
    def good_multiplier(self) -> float: ...
    @property
    def bad_multiplier(self) -> float: ...
    @property
    def distrust(self) -> str: ...
    @property
    def fatigue(self) -> Optional["Fatigue"]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Model": ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
    def __reduce__(self) -> Tuple[Any, Tuple[Dict[str, Any]]]: ...

@final
class IndependentCascade(Model):
    """Independent Cascade: one chance per tie, with the tie's probability."""

    def __new__(
        cls,
        probability: float = 0.1,
        *,
        layers: Optional[Mapping[str, _LayerSettingsArg]] = None,
        relays: Optional[_RelaysArg] = None,
        good_multiplier: float = 1.0,
        bad_multiplier: float = 1.0,
        distrust: str = "block",
        fatigue: Optional[_FatigueArg] = None,
    ) -> "IndependentCascade": ...
    @property
    def probability(self) -> float: ...

@final
class WeightedCascade(Model):
    """The weighted cascade: p(u, v) = 1 / in-degree of v."""

    def __new__(
        cls,
        *,
        layers: Optional[Mapping[str, _LayerSettingsArg]] = None,
        relays: Optional[_RelaysArg] = None,
        good_multiplier: float = 1.0,
        bad_multiplier: float = 1.0,
        distrust: str = "block",
        fatigue: Optional[_FatigueArg] = None,
    ) -> "WeightedCascade": ...

@final
class LinearThreshold(Model):
    """Linear Threshold: convinced once the weight of convinced contacts reaches a threshold."""

    def __new__(
        cls,
        *,
        thresholds: Optional[_Floats] = None,
        layers: Optional[Mapping[str, _LayerSettingsArg]] = None,
        relays: Optional[_RelaysArg] = None,
        good_multiplier: float = 1.0,
        bad_multiplier: float = 1.0,
        distrust: str = "block",
        fatigue: Optional[_FatigueArg] = None,
    ) -> "LinearThreshold": ...
    @property
    def thresholds(self) -> Optional[npt.NDArray[np.float64]]: ...

@final
class SpreadStats:
    """The spread of one valence (or both) over the runs of simulate."""

    @property
    def mean(self) -> float: ...
    @property
    def std(self) -> float: ...
    @property
    def ci95(self) -> Tuple[float, float]: ...
    @property
    def activation(self) -> npt.NDArray[np.float64]: ...
    @property
    def by_layer(self) -> Dict[str, float]: ...
    @property
    def seeds(self) -> float: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def __reduce__(self) -> Tuple[Any, Tuple[Dict[str, Any], List[str]]]: ...

@final
class CascadeSummary:
    """The result of simulate: the spread of the message over many runs."""

    @property
    def runs(self) -> int: ...
    @property
    def mean(self) -> float: ...
    @property
    def std(self) -> float: ...
    @property
    def ci95(self) -> Tuple[float, float]: ...
    @property
    def activation(self) -> npt.NDArray[np.float64]: ...
    @property
    def by_step(self) -> npt.NDArray[np.float64]: ...
    @property
    def by_layer(self) -> Dict[str, float]: ...
    @property
    def layer_shares(self) -> Dict[str, float]: ...
    @property
    def total(self) -> SpreadStats: ...
    @property
    def good(self) -> SpreadStats: ...
    @property
    def bad(self) -> SpreadStats: ...
    @property
    def layer_names(self) -> List[str]: ...
    @property
    def labels(self) -> List[str]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    # pandas is optional: a pandas DataFrame.
    def to_pandas(self, table: Literal["people", "steps", "layers"] = "people") -> Any: ...
    # matplotlib is optional: matplotlib Axes.
    def plot(self, ax: Optional[Any] = None) -> Any: ...
    def _repr_html_(self) -> str: ...
    def __reduce__(self) -> Tuple[Any, Tuple[Dict[str, Any], List[str]]]: ...

@final
class CascadeTrace:
    """The result of trace: one run, who convinced whom, when, through which layer."""

    @property
    def step(self) -> npt.NDArray[np.int64]: ...
    @property
    def parent(self) -> npt.NDArray[np.int64]: ...
    @property
    def layer(self) -> npt.NDArray[np.int64]: ...
    @property
    def valence(self) -> npt.NDArray[np.int64]: ...
    @property
    def order(self) -> npt.NDArray[np.uint32]: ...
    @property
    def spread(self) -> int: ...
    @property
    def layer_names(self) -> List[str]: ...
    @property
    def labels(self) -> List[str]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    # pandas is optional: a pandas DataFrame.
    def to_pandas(self) -> Any: ...
    def _repr_html_(self) -> str: ...
    def __reduce__(self) -> Tuple[Any, Tuple[Dict[str, Any], List[str], List[str]]]: ...

@final
class CascadePartial:
    """A shard of a simulation: some runs tallied, to merge and summarise."""

    @property
    def runs(self) -> int: ...
    @property
    def ranges(self) -> List[Tuple[int, int]]: ...
    @property
    def seed(self) -> int: ...
    def merge(self, other: CascadePartial) -> CascadePartial: ...
    def summary(self) -> CascadeSummary: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def _repr_html_(self) -> str: ...
    def __reduce__(self) -> Tuple[Any, Tuple[Dict[str, Any], List[str]]]: ...

# A progress callback: (done, total) -> False to stop; or True for a tqdm bar.
_Progress = Union[bool, Callable[[int, int], Any], None]

@overload
def simulate(
    net: Network,
    seeds: _People,
    model: Optional[Model] = None,
    *,
    runs: int = 1000,
    seed: int = 0,
    bad_seeds: Optional[_People] = None,
    run_range: None = None,
    progress: _Progress = None,
) -> CascadeSummary: ...
@overload
def simulate(
    net: Network,
    seeds: _People,
    model: Optional[Model] = None,
    *,
    runs: int = 1000,
    seed: int = 0,
    bad_seeds: Optional[_People] = None,
    run_range: Tuple[int, int],
    progress: _Progress = None,
) -> CascadePartial: ...
def trace(
    net: Network,
    seeds: _People,
    model: Optional[Model] = None,
    *,
    seed: int = 0,
    bad_seeds: Optional[_People] = None,
) -> CascadeTrace: ...
def exact_spread(
    net: Network,
    seeds: _People,
    model: Optional[Model] = None,
    *,
    bad_seeds: Optional[_People] = None,
) -> float: ...

# fatigue and referral chains

@final
class Fatigue:
    """Recommendation fatigue: a curve from a person's load to their willingness to act."""

    @staticmethod
    def none() -> "Fatigue": ...
    @staticmethod
    def exponential(rate: float, half_life: Optional[float] = None) -> "Fatigue": ...
    @staticmethod
    def hill(half: float, exponent: float, half_life: Optional[float] = None) -> "Fatigue": ...
    @staticmethod
    def capacity(capacity: float, half_life: Optional[float] = None) -> "Fatigue": ...
    @staticmethod
    def queue(size: int, half_life: Optional[float] = None) -> "Fatigue": ...
    @staticmethod
    def decreasing(half_life: Optional[float] = None) -> "Fatigue": ...
    @overload
    def willingness(self, load: float) -> float: ...
    @overload
    def willingness(
        self, load: Union[Sequence[float], npt.NDArray[Any]]
    ) -> npt.NDArray[np.float64]: ...
    @property
    def kind(self) -> str: ...
    @property
    def curve(self) -> Dict[str, Any]: ...
    @property
    def half_life(self) -> Optional[float]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Fatigue": ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
    def __reduce__(self) -> Tuple[Any, Tuple[str, List[float], Optional[float]]]: ...

@final
class ReferralSummary:
    """The result of route_referrals: success, chains, attrition, layers, overloaded people."""

    @property
    def requests(self) -> int: ...
    @property
    def succeeded(self) -> int: ...
    @property
    def success_rate(self) -> float: ...
    @property
    def success_ci95(self) -> Tuple[float, float]: ...
    @property
    def unwilling(self) -> int: ...
    @property
    def dead_ends(self) -> int: ...
    @property
    def truncated(self) -> int: ...
    @property
    def ignored(self) -> int: ...
    @property
    def hops(self) -> int: ...
    @property
    def last_step(self) -> int: ...
    @property
    def chain_lengths(self) -> npt.NDArray[np.uint64]: ...
    @property
    def mean_chain_length(self) -> Optional[float]: ...
    @property
    def mean_intermediaries(self) -> Optional[float]: ...
    @property
    def times(self) -> npt.NDArray[np.uint64]: ...
    @property
    def mean_time(self) -> Optional[float]: ...
    @property
    def alive(self) -> npt.NDArray[np.uint64]: ...
    @property
    def dropped(self) -> npt.NDArray[np.uint64]: ...
    @property
    def attrition(self) -> npt.NDArray[np.float64]: ...
    @property
    def layer_names(self) -> List[str]: ...
    @property
    def layer_hops(self) -> npt.NDArray[np.uint64]: ...
    @property
    def layer_shares(self) -> Dict[str, float]: ...
    @property
    def overloaded(self) -> List[Dict[str, Any]]: ...
    @property
    def labels(self) -> List[str]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    # pandas is optional: a pandas DataFrame.
    def to_pandas(self) -> Any: ...
    def _repr_html_(self) -> str: ...
    def __reduce__(self) -> Tuple[Any, Tuple[Dict[str, Any], List[str]]]: ...

@final
class LoadCurve:
    """The result of referral_load_curve: throughput against the request rate."""

    @property
    def rates(self) -> npt.NDArray[np.float64]: ...
    @property
    def steps(self) -> int: ...
    @property
    def warmup(self) -> int: ...
    @property
    def requests(self) -> npt.NDArray[np.uint64]: ...
    @property
    def succeeded(self) -> npt.NDArray[np.uint64]: ...
    @property
    def throughput(self) -> npt.NDArray[np.float64]: ...
    @property
    def success_rate(self) -> npt.NDArray[np.float64]: ...
    @property
    def mean_chain_length(self) -> npt.NDArray[np.float64]: ...
    @property
    def peak_index(self) -> int: ...
    @property
    def peak_rate(self) -> float: ...
    @property
    def peak_throughput(self) -> float: ...
    @property
    def collapse_rate(self) -> Optional[float]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    # pandas is optional: a pandas DataFrame.
    def to_pandas(self) -> Any: ...
    # matplotlib is optional: matplotlib Axes.
    def plot(self, ax: Optional[Any] = None) -> Any: ...
    def _repr_html_(self) -> str: ...
    def __reduce__(self) -> Tuple[Any, Tuple[Dict[str, Any]]]: ...

# Explicit requests: (source, target) pairs by id or label, or an integer array of shape (k, 2).
_Requests = Union[Iterable[Tuple[_Person, _Person]], Iterable[Sequence[_Person]], npt.NDArray[np.integer[Any]]]

def route_referrals(
    net: Network,
    requests: Optional[_Requests] = None,
    *,
    n_requests: int = 1000,
    rate: Optional[float] = None,
    steps: Optional[int] = None,
    strategy: str = "greedy",
    physical_share: Optional[float] = None,
    forward: float = 1.0,
    layer_forward: Optional[Mapping[str, float]] = None,
    max_hops: int = 50,
    fatigue: Optional[_FatigueArg] = None,
    digital_fatigue: Optional[_FatigueArg] = None,
    seed: int = 0,
    progress: _Progress = None,
) -> ReferralSummary: ...
def trace_referrals(
    net: Network,
    requests: Optional[_Requests] = None,
    *,
    n_requests: int = 1000,
    rate: Optional[float] = None,
    steps: Optional[int] = None,
    strategy: str = "greedy",
    physical_share: Optional[float] = None,
    forward: float = 1.0,
    layer_forward: Optional[Mapping[str, float]] = None,
    max_hops: int = 50,
    fatigue: Optional[_FatigueArg] = None,
    digital_fatigue: Optional[_FatigueArg] = None,
    seed: int = 0,
) -> List[Dict[str, Any]]: ...
def referral_load_curve(
    net: Network,
    rates: _Floats,
    *,
    steps: int = 200,
    strategy: str = "greedy",
    physical_share: Optional[float] = None,
    forward: float = 1.0,
    layer_forward: Optional[Mapping[str, float]] = None,
    max_hops: int = 50,
    fatigue: Optional[_FatigueArg] = None,
    digital_fatigue: Optional[_FatigueArg] = None,
    seed: int = 0,
    progress: _Progress = None,
) -> LoadCurve: ...

@final
class RelaySelection:
    """The result of select_relays: the relays in the order chosen, their gains and spread."""

    @property
    def method(self) -> str: ...
    @property
    def relays(self) -> npt.NDArray[np.uint32]: ...
    @property
    def relay_labels(self) -> List[str]: ...
    @property
    def gains(self) -> npt.NDArray[np.float64]: ...
    @property
    def estimated_spread(self) -> Optional[float]: ...
    @property
    def spread(self) -> Optional[SpreadStats]: ...
    @property
    def approximation(self) -> Optional[float]: ...
    @property
    def cost(self) -> float: ...
    @property
    def costs(self) -> npt.NDArray[np.float64]: ...
    @property
    def samples(self) -> int: ...
    @property
    def labels(self) -> List[str]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    # pandas is optional: a pandas DataFrame.
    def to_pandas(self) -> Any: ...
    # matplotlib is optional: matplotlib Axes.
    def plot(self, ax: Optional[Any] = None) -> Any: ...
    def _repr_html_(self) -> str: ...
    def __reduce__(
        self,
    ) -> Tuple[Any, Tuple[Dict[str, Any], List[str], List[str], List[float]]]: ...

_Method = Literal["imm", "opim_c", "celf", "degree", "degree_discount", "pagerank", "random"]

def select_relays(
    net: Network,
    k: Optional[int] = None,
    *,
    budget: Optional[float] = None,
    costs: Optional[_Floats] = None,
    model: Optional[Model] = None,
    method: _Method = "imm",
    epsilon: float = 0.1,
    ell: float = 1.0,
    evaluation_runs: int = 10000,
    celf_runs: int = 1000,
    evaluation_model: Optional[Model] = None,
    seed: int = 0,
    progress: _Progress = None,
) -> RelaySelection: ...
def relay_evaluation_seed(seed: int) -> int: ...

@final
class Reputation:
    """The result of reputation without a method: every score, indexed by person."""

    @property
    def layer_names(self) -> List[str]: ...
    @property
    def degree(self) -> npt.NDArray[np.float64]: ...
    @property
    def layer_degree(self) -> Dict[str, npt.NDArray[np.float64]]: ...
    @property
    def pagerank(self) -> npt.NDArray[np.float64]: ...
    @property
    def layer_pagerank(self) -> Dict[str, npt.NDArray[np.float64]]: ...
    @property
    def multiplex_pagerank(self) -> npt.NDArray[np.float64]: ...
    @property
    def core(self) -> npt.NDArray[np.float64]: ...
    @property
    def influence(self) -> npt.NDArray[np.float64]: ...
    @property
    def iterations(self) -> int: ...
    @property
    def labels(self) -> List[str]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    # pandas is optional: a pandas DataFrame.
    def to_pandas(self) -> Any: ...
    def _repr_html_(self) -> str: ...
    def __reduce__(self) -> Tuple[Any, Tuple[Dict[str, Any], List[str]]]: ...

_Score = Literal["degree", "pagerank", "multiplex_pagerank", "core", "influence"]
_Multiplex = Literal["multiplicative", "additive", "combined", "neutral"]

@overload
def reputation(
    net: Network,
    method: None = None,
    layer: None = None,
    *,
    damping: float = 0.85,
    tolerance: float = 1e-15,
    max_iterations: int = 1000,
    weighted: bool = True,
    multiplex: _Multiplex = "multiplicative",
    model: Optional[Model] = None,
    samples: int = 100000,
    seed: int = 0,
    progress: _Progress = None,
) -> Reputation: ...
@overload
def reputation(
    net: Network,
    method: _Score,
    layer: Optional[str] = None,
    *,
    damping: float = 0.85,
    tolerance: float = 1e-15,
    max_iterations: int = 1000,
    weighted: bool = True,
    multiplex: _Multiplex = "multiplicative",
    model: Optional[Model] = None,
    samples: int = 100000,
    seed: int = 0,
    progress: _Progress = None,
) -> npt.NDArray[np.float64]: ...

# balance and the headline report

@final
class BalanceReport:
    """The result of balance: one row per mix and period, the best and most robust mixes."""

    @property
    def mixes(self) -> npt.NDArray[np.float64]: ...
    @property
    def periods(self) -> int: ...
    @property
    def declining_layer(self) -> Optional[str]: ...
    @property
    def rows(self) -> List[Dict[str, Any]]: ...
    @property
    def table(self) -> Dict[str, npt.NDArray[Any]]: ...
    @property
    def best(self) -> Dict[str, Dict[str, Any]]: ...
    @property
    def robust(self) -> Dict[str, Dict[str, Any]]: ...
    # pandas is optional: a pandas DataFrame.
    def to_pandas(self) -> Any: ...
    # matplotlib is optional: matplotlib Axes (an array of them without measure).
    def plot(
        self,
        measure: Optional[Literal["success_rate", "time_to_target", "throughput", "reach"]] = None,
        ax: Optional[Any] = None,
    ) -> Any: ...
    def to_json(self) -> str: ...
    def __reduce__(self) -> Tuple[Any, Tuple[str]]: ...
    @classmethod
    def _from_json(cls, json: str) -> "BalanceReport": ...

def balance(
    net: Network,
    mixes: Optional[_Floats] = None,
    *,
    rate: float = 4.0,
    steps: int = 300,
    runs: int = 1000,
    seeds: int = 3,
    model: Optional[Model] = None,
    strategy: str = "greedy",
    forward: float = 1.0,
    layer_forward: Optional[Mapping[str, float]] = None,
    max_hops: int = 50,
    fatigue: Optional[_FatigueArg] = None,
    digital_fatigue: Optional[_FatigueArg] = None,
    effort: float = 2.0,
    physical_cost: float = 1.0,
    digital_cost: float = 1.0,
    decline: Optional[Mapping[str, Any]] = None,
    seed: int = 0,
    progress: _Progress = None,
) -> BalanceReport: ...

@final
class Report:
    """The result of report: the text, the SVG charts and every number."""

    @property
    def text(self) -> str: ...
    @property
    def charts(self) -> Dict[str, str]: ...
    @property
    def numbers(self) -> Dict[str, Any]: ...
    def to_json(self) -> str: ...
    def write(self, folder: Union[str, "os.PathLike[str]"]) -> List[Path]: ...
    def _repr_html_(self) -> str: ...
    def __reduce__(self) -> Tuple[Any, Tuple[str]]: ...
    @classmethod
    def _from_json(cls, json: str) -> "Report": ...

def report(
    net: Network,
    *,
    quick: bool = False,
    options: Optional[Mapping[str, Any]] = None,
    seed: int = 7,
    progress: _Progress = None,
) -> Report: ...

def cli() -> int: ...
