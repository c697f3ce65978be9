"""Type stubs of the compiled module ``reseau._core`` (re-exported by ``reseau``).

The keyword arguments between ``# stubgen:`` comments are written by ``stubgen.py`` from the
core's JSON Schemas (their names, types and defaults are the core's request structs');
``scripts/test-python`` checks that they still are, and ``mypy.stubtest`` that this file
describes the module. The value and result classes are pure Python (``reseau._values``,
``reseau._results``), typed in place.
"""

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

from reseau._results import (
    BalanceReport,
    CascadeFit,
    CascadePartial,
    CascadeSummary,
    CascadeTrace,
    EReputation,
    LoadCurve,
    ReferralSummary,
    RelaySelection,
    Report,
    Reputation,
    ShadowGap,
    ShadowInference,
    ShuffleTest,
    SpreadStats,
)
from reseau._values import Amplifiers, Fatigue, Layer, LayerSettings, Model

__version__: str
FORMAT_VERSION: int
ERROR_KINDS: List[str]

__all__ = [
    "CancelledError",
    "DuplicateLabelError",
    "DuplicateLayerError",
    "DuplicateTieError",
    "ERROR_KINDS",
    "EncodingError",
    "FORMAT_VERSION",
    "FileError",
    "FormatError",
    "InvalidParameterError",
    "JsonError",
    "Network",
    "OutOfMemoryError",
    "ParseError",
    "ReseauError",
    "SelfLoopError",
    "UnknownLayerError",
    "UnknownPersonError",
    "UnsupportedVersionError",
    "_Labels",
    "_RelayDriver",
    "_RelayShard",
    "__version__",
    "_check",
    "_merge",
    "_report_html",
    "_report_views",
    "_report_write",
    "_shard_ranges",
    "_summarise",
    "_willingness",
    "aarhus_cs",
    "balance",
    "barabasi_albert",
    "barabasi_albert_compiled",
    "cli",
    "erdos_renyi",
    "e_reputation",
    "exact_spread",
    "fit_cascade",
    "infer_shadow",
    "kleinberg",
    "parse_adoptions",
    "parse_csv",
    "parse_edgelist",
    "parse_mpx",
    "parse_multiplex",
    "parse_signed",
    "professional",
    "read_adoptions",
    "read_csv",
    "read_edgelist",
    "read_mpx",
    "read_multiplex",
    "read_signed",
    "referral_load_curve",
    "relay_evaluation_seed",
    "report",
    "reputation",
    "route_referrals",
    "select_relays",
    "shadow_gap",
    "shuffle_test",
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
# A person by id (an int or numpy integer) or by label.
_Person = Union[int, np.integer[Any], str]
# One person, or any iterable of them (a list, a numpy array, ...).
_People = Union[_Person, Iterable[_Person]]
# (source, target) pairs by id or label, or an integer array of shape (k, 2).
_Requests = Union[
    Iterable[Tuple[_Person, _Person]], Iterable[Sequence[_Person]], npt.NDArray[np.integer[Any]]
]
_Floats = Union[Sequence[float], npt.NDArray[Any]]
# Values of reseau, or dicts as their to_dict() writes them.
_FatigueArg = Union[Fatigue, Mapping[str, Any]]
_LayerSettingsArg = Union[LayerSettings, Mapping[str, Any]]
_AmplifiersArg = Union[Amplifiers, Mapping[str, Any]]
# Observed adoptions: person -> step (None: unknown) for one cascade, a list of such
# mappings (one per cascade), rows {"person", "time", "cascade"}, or a pandas DataFrame.
_Adoptions = Union[Mapping[Any, Optional[float]], Sequence[Mapping[Any, Any]], Any]
# A progress callback: (done, total) -> False to stop; or True for a tqdm bar.
_Progress = Union[bool, Callable[[int, int], Any], None]

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

class FormatError(ReseauError):
    """A binary network file that reseau did not write, or that was cut short or damaged."""

    file: str
    offset: int
    field: str
    reason: str

class JsonError(ReseauError):
    """JSON that is not a valid saved network."""

    line: int
    column: int
    message: str

class CancelledError(ReseauError):
    """A long call stopped by its progress callback (which returned False)."""

class OutOfMemoryError(ReseauError, MemoryError):
    """A call refused before it allocates: it would need more memory than its budget (the
    request's ``max_memory``, else ``RESEAU_MAX_MEMORY``, else what the machine has)."""

    what: str
    needed: int
    available: int

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
        shadow: bool = False,
    ) -> int: ...
    def set_layer_shadow(self, layer: _LayerKey, shadow: bool = True) -> None: ...
    @property
    def shadow_layers(self) -> List[str]: ...
    @property
    def num_shadow_ties(self) -> int: ...
    def observed(self) -> "Network": ...
    def with_shadow_share(self, share: float, seed: int = 0) -> "Network": ...
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
    def is_frozen(self) -> bool: ...
    @property
    def labels(self) -> List[str]: ...
    def index_of(self, label: str) -> int: ...
    def person(self, id: _Person) -> Dict[str, object]: ...
    def people(self) -> List[Dict[str, object]]: ...
    def set_group(self, person: _Person, group: Optional[str]) -> None: ...
    def set_kind(self, person: _Person, kind: str) -> None: ...
    def set_cost(self, person: _Person, cost: float) -> None: ...
    def groups(self) -> Dict[str, List[int]]: ...
    # ties
    def add_tie(
        self,
        a: _Person,
        b: _Person,
        layer: _LayerKey,
        *,
        # stubgen: TieSpec
        probability: Optional[float] = None,
        sign: Literal['positive', 'negative', '+', '-', 1, -1] = 'positive',
        weight: float = 1.0,
        # stubgen: end
    ) -> Optional[int]: ...
    def remove_tie(self, a: _Person, b: _Person, layer: _LayerKey) -> bool: ...
    def tie(self, a: _Person, b: _Person, layer: _LayerKey) -> Optional[Dict[str, object]]: ...
    @property
    def num_ties(self) -> int: ...
    @property
    def num_directed_ties(self) -> int: ...
    def ties(self) -> Dict[str, npt.NDArray[np.generic]]: ...
    # queries
    def degree(self, person: _Person, layer: Optional[_LayerKey] = None) -> int: ...
    def degrees(self, layer: Optional[_LayerKey] = None) -> npt.NDArray[np.uint32]: ...
    def neighbors(self, person: _Person, layer: Optional[_LayerKey] = None) -> List[int]: ...
    def overlap(self, first: _LayerKey, second: _LayerKey) -> int: ...
    def without_layers(self, layers: Sequence[_LayerKey]) -> "Network": ...
    def flatten(self, name: str = "all", kind: str = "physical") -> "Network": ...
    def memory(self) -> Dict[str, float]: ...
    # saving, copying, pickling, display, conversion
    def to_json(self) -> str: ...
    @staticmethod
    def from_json(text: str) -> "Network": ...
    def save(self, path: _StrPath) -> None: ...
    @staticmethod
    def load(path: _StrPath) -> "Network": ...
    def to_bytes(self) -> bytes: ...
    @staticmethod
    def from_bytes(data: bytes) -> "Network": ...
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
_Duplicates = Literal["merge", "sum", "reject"]
_SelfLoops = Literal["reject", "drop"]

def read_edgelist(
    path: _StrPath,
    *,
    # stubgen: EdgeListOptions -policy
    directed: bool = False,
    kind: Literal['physical', 'digital'] = 'physical',
    layer: str = 'ties',
    # stubgen: end
    duplicates: _Duplicates = "merge",
    self_loops: _SelfLoops = "drop",
    policy: _Policy = ...,
) -> Network: ...
def parse_edgelist(
    data: _Text,
    file: str = "<string>",
    *,
    # stubgen: EdgeListOptions -policy
    directed: bool = False,
    kind: Literal['physical', 'digital'] = 'physical',
    layer: str = 'ties',
    # stubgen: end
    duplicates: _Duplicates = "merge",
    self_loops: _SelfLoops = "drop",
    policy: _Policy = ...,
) -> Network: ...
def read_csv(
    path: _StrPath,
    *,
    # stubgen: CsvOptions -policy
    delimiter: str = ',',
    digital: Optional[Sequence[str]] = None,
    directed: bool = False,
    kind: Literal['physical', 'digital'] = 'physical',
    layer: str = 'ties',
    layer_column: Optional[str] = None,
    sign: Optional[str] = None,
    source: str = 'source',
    target: str = 'target',
    weight: Optional[str] = None,
    # stubgen: end
    duplicates: _Duplicates = "merge",
    self_loops: _SelfLoops = "drop",
    policy: _Policy = ...,
) -> Network: ...
def parse_csv(
    data: _Text,
    file: str = "<string>",
    *,
    # stubgen: CsvOptions -policy
    delimiter: str = ',',
    digital: Optional[Sequence[str]] = None,
    directed: bool = False,
    kind: Literal['physical', 'digital'] = 'physical',
    layer: str = 'ties',
    layer_column: Optional[str] = None,
    sign: Optional[str] = None,
    source: str = 'source',
    target: str = 'target',
    weight: Optional[str] = None,
    # stubgen: end
    duplicates: _Duplicates = "merge",
    self_loops: _SelfLoops = "drop",
    policy: _Policy = ...,
) -> Network: ...
def read_multiplex(
    edges: _StrPath,
    layers: Optional[_StrPath] = None,
    nodes: Optional[_StrPath] = None,
    *,
    # stubgen: MultiplexOptions -policy
    digital: Optional[Sequence[str]] = None,
    directed: bool = False,
    # stubgen: end
    duplicates: _Duplicates = "merge",
    self_loops: _SelfLoops = "drop",
    policy: _Policy = ...,
) -> Network: ...
def parse_multiplex(
    edges: _Text,
    layers: Optional[_Text] = None,
    nodes: Optional[_Text] = None,
    *,
    # stubgen: MultiplexOptions -policy
    digital: Optional[Sequence[str]] = None,
    directed: bool = False,
    # stubgen: end
    duplicates: _Duplicates = "merge",
    self_loops: _SelfLoops = "drop",
    policy: _Policy = ...,
) -> Network: ...
def read_mpx(
    path: _StrPath,
    *,
    # stubgen: MpxOptions -policy
    digital: Optional[Sequence[str]] = None,
    # stubgen: end
    duplicates: _Duplicates = "merge",
    self_loops: _SelfLoops = "drop",
    policy: _Policy = ...,
) -> Network: ...
def parse_mpx(
    data: _Text,
    file: str = "<string>",
    *,
    # stubgen: MpxOptions -policy
    digital: Optional[Sequence[str]] = None,
    # stubgen: end
    duplicates: _Duplicates = "merge",
    self_loops: _SelfLoops = "drop",
    policy: _Policy = ...,
) -> Network: ...
def read_signed(
    path: _StrPath,
    *,
    # stubgen: SignedOptions -policy
    directed: bool = True,
    header: bool = False,
    kind: Literal['physical', 'digital'] = 'digital',
    layer: str = 'trust',
    # stubgen: end
    duplicates: _Duplicates = "merge",
    self_loops: _SelfLoops = "drop",
    policy: _Policy = ...,
) -> Network: ...
def parse_signed(
    data: _Text,
    file: str = "<string>",
    *,
    # stubgen: SignedOptions -policy
    directed: bool = True,
    header: bool = False,
    kind: Literal['physical', 'digital'] = 'digital',
    layer: str = 'trust',
    # stubgen: end
    duplicates: _Duplicates = "merge",
    self_loops: _SelfLoops = "drop",
    policy: _Policy = ...,
) -> Network: ...

# generators (re-exported by reseau.generators) and datasets (by reseau.datasets)
def erdos_renyi(
    *,
    # stubgen: ErdosRenyiRequest
    mean_degree: float,
    n: int,
    seed: int = 0,
    # stubgen: end
) -> Network: ...
def barabasi_albert(
    *,
    # stubgen: BarabasiAlbertRequest
    m: int,
    n: int,
    seed: int = 0,
    # stubgen: end
) -> Network: ...
def barabasi_albert_compiled(
    *,
    # stubgen: BarabasiAlbertRequest
    m: int,
    n: int,
    seed: int = 0,
    # stubgen: end
) -> Network: ...
def watts_strogatz(
    *,
    # stubgen: WattsStrogatzRequest
    beta: float,
    k: int,
    n: int,
    seed: int = 0,
    # stubgen: end
) -> Network: ...
def kleinberg(
    *,
    # stubgen: KleinbergRequest
    long_range: int = 1,
    r: float = 2.0,
    seed: int = 0,
    side: int,
    # stubgen: end
) -> Network: ...
def stochastic_block(
    *,
    # stubgen: StochasticBlockRequest
    probabilities: Sequence[_Floats],
    seed: int = 0,
    sizes: Sequence[int],
    # stubgen: end
) -> Network: ...
def professional(
    *,
    seed: int = 0,
    # stubgen: ProfessionalOptions
    digital_layers: Optional[Sequence[str]] = ...,
    digital_mean_degree: float = 10.0,
    exponent: float = 2.5,
    group_prefix: str = 'team',
    group_size: int = 20,
    influencer_cost: float = 10.0,
    influencers: float = 0.01,
    lobbies: int = 0,
    lobby_layer: str = 'lobbying',
    lobby_ties: int = 10,
    overlap: float = 0.3,
    people: int = 1000,
    physical_layer: str = 'office',
    physical_mean_degree: float = 6.0,
    within_group: float = 0.9,
    # stubgen: end
) -> Network: ...
def aarhus_cs() -> Network: ...

# cascades

@overload
def simulate(
    net: Network,
    seeds: _People,
    model: Optional[Model] = None,
    *,
    # stubgen: SimulateRequest -seeds -model
    bad_seeds: Optional[_People] = ...,
    bad_start: int = 0,
    good_start: int = 0,
    max_memory: Optional[int] = None,
    runs: int = 1000,
    seed: int = 0,
    # stubgen: end
    run_range: None = None,
    progress: _Progress = None,
) -> CascadeSummary: ...
@overload
def simulate(
    net: Network,
    seeds: _People,
    model: Optional[Model] = None,
    *,
    # stubgen: SimulateRequest -seeds -model
    bad_seeds: Optional[_People] = ...,
    bad_start: int = 0,
    good_start: int = 0,
    max_memory: Optional[int] = None,
    runs: int = 1000,
    seed: int = 0,
    # stubgen: end
    run_range: Tuple[int, int],
    progress: _Progress = None,
) -> CascadePartial: ...
def trace(
    net: Network,
    seeds: _People,
    model: Optional[Model] = None,
    *,
    # stubgen: TraceRequest -seeds -model
    bad_seeds: Optional[_People] = ...,
    bad_start: int = 0,
    good_start: int = 0,
    seed: int = 0,
    # stubgen: end
) -> CascadeTrace: ...
def exact_spread(
    net: Network,
    seeds: _People,
    model: Optional[Model] = None,
    *,
    # stubgen: ExactSpreadRequest -seeds -model
    bad_seeds: Optional[_People] = ...,
    # stubgen: end
) -> float: ...

# referral chains

def route_referrals(
    net: Network,
    requests: Optional[_Requests] = None,
    *,
    # stubgen: ReferralRequest -requests
    cold_response: float = 0.05,
    digital_fatigue: Optional[_FatigueArg] = None,
    fatigue: Optional[_FatigueArg] = None,
    forward: float = 1.0,
    layer_forward: Optional[Mapping[str, float]] = ...,
    max_hops: int = 50,
    max_memory: Optional[int] = None,
    n_requests: Optional[int] = None,
    physical_share: Optional[float] = None,
    rate: Optional[float] = None,
    seed: int = 0,
    steps: Optional[int] = None,
    strategy: Literal['greedy', 'oracle', 'strongest_tie', 'hub', 'random', 'cold'] = 'greedy',
    # stubgen: end
    progress: _Progress = None,
) -> ReferralSummary: ...
def trace_referrals(
    net: Network,
    requests: Optional[_Requests] = None,
    *,
    # stubgen: ReferralRequest -requests
    cold_response: float = 0.05,
    digital_fatigue: Optional[_FatigueArg] = None,
    fatigue: Optional[_FatigueArg] = None,
    forward: float = 1.0,
    layer_forward: Optional[Mapping[str, float]] = ...,
    max_hops: int = 50,
    max_memory: Optional[int] = None,
    n_requests: Optional[int] = None,
    physical_share: Optional[float] = None,
    rate: Optional[float] = None,
    seed: int = 0,
    steps: Optional[int] = None,
    strategy: Literal['greedy', 'oracle', 'strongest_tie', 'hub', 'random', 'cold'] = 'greedy',
    # stubgen: end
) -> List[Dict[str, Any]]: ...
def referral_load_curve(
    net: Network,
    rates: _Floats,
    *,
    # stubgen: LoadCurveRequest -rates
    cold_response: float = 0.05,
    digital_fatigue: Optional[_FatigueArg] = None,
    fatigue: Optional[_FatigueArg] = None,
    forward: float = 1.0,
    layer_forward: Optional[Mapping[str, float]] = ...,
    max_hops: int = 50,
    max_memory: Optional[int] = None,
    physical_share: Optional[float] = None,
    seed: int = 0,
    steps: int = 200,
    strategy: Literal['greedy', 'oracle', 'strongest_tie', 'hub', 'random', 'cold'] = 'greedy',
    # stubgen: end
    progress: _Progress = None,
) -> LoadCurve: ...

# relay selection and reputation

def select_relays(
    net: Network,
    k: Optional[int] = None,
    *,
    # stubgen: SelectRelaysRequest -k
    budget: Optional[float] = None,
    celf_runs: int = 1000,
    costs: Optional[_Floats] = None,
    ell: float = 1.0,
    epsilon: float = 0.1,
    evaluation_model: Optional[Model] = None,
    evaluation_runs: int = 10000,
    max_memory: Optional[int] = None,
    method: Literal['imm', 'opim_c', 'hist', 'celf', 'degree', 'degree_discount', 'pagerank', 'random'] = 'imm',
    model: Optional[Model] = ...,
    seed: int = 0,
    # stubgen: end
    progress: _Progress = None,
) -> RelaySelection: ...
def relay_evaluation_seed(seed: int) -> int: ...

_Score = Literal["degree", "pagerank", "multiplex_pagerank", "core", "influence"]

@overload
def reputation(
    net: Network,
    method: None = None,
    layer: None = None,
    *,
    # stubgen: ReputationRequest -method -layer
    damping: float = 0.85,
    max_iterations: int = 1000,
    max_memory: Optional[int] = None,
    model: Optional[Model] = ...,
    multiplex: Literal['multiplicative', 'additive', 'combined', 'neutral'] = 'multiplicative',
    samples: int = 100000,
    seed: int = 0,
    tolerance: float = 1e-15,
    weighted: bool = True,
    # stubgen: end
    progress: _Progress = None,
) -> Reputation: ...
@overload
def reputation(
    net: Network,
    method: _Score,
    layer: Optional[str] = None,
    *,
    # stubgen: ReputationRequest -method -layer
    damping: float = 0.85,
    max_iterations: int = 1000,
    max_memory: Optional[int] = None,
    model: Optional[Model] = ...,
    multiplex: Literal['multiplicative', 'additive', 'combined', 'neutral'] = 'multiplicative',
    samples: int = 100000,
    seed: int = 0,
    tolerance: float = 1e-15,
    weighted: bool = True,
    # stubgen: end
    progress: _Progress = None,
) -> npt.NDArray[np.float64]: ...
def e_reputation(
    net: Network,
    people: _People,
    seeds: _People,
    model: Optional[Model] = None,
    *,
    # stubgen: SimulateRequest -seeds -model
    bad_seeds: Optional[_People] = ...,
    bad_start: int = 0,
    good_start: int = 0,
    max_memory: Optional[int] = None,
    runs: int = 1000,
    seed: int = 0,
    # stubgen: end
    # stubgen: EReputationRequest -people -buzz
    audience: Literal['ties', 'everyone'] = 'ties',
    weight: Optional[Literal['degree', 'pagerank', 'multiplex_pagerank', 'core', 'influence']] = 'pagerank',
    # stubgen: end
    progress: _Progress = None,
) -> EReputation: ...

# balance and the headline report

def balance(
    net: Network,
    mixes: Optional[_Floats] = None,
    *,
    # stubgen: BalanceRequest -mixes
    cold_response: float = 0.05,
    decline: Optional[Mapping[str, Any]] = None,
    digital_cost: float = 1.0,
    digital_fatigue: Optional[_FatigueArg] = None,
    effort: float = 2.0,
    effort_response: Optional[Literal['linear', 'diminishing']] = None,
    fatigue: Optional[_FatigueArg] = None,
    forward: float = 1.0,
    layer_forward: Optional[Mapping[str, float]] = ...,
    max_hops: int = 50,
    max_memory: Optional[int] = None,
    model: Optional[Model] = ...,
    num_seeds: int = 3,
    physical_cost: float = 1.0,
    rate: float = 4.0,
    runs: int = 1000,
    seed: int = 0,
    steps: int = 300,
    strategy: Literal['greedy', 'oracle', 'strongest_tie', 'hub', 'random', 'cold'] = 'greedy',
    # stubgen: end
    progress: _Progress = None,
) -> BalanceReport: ...
def report(
    net: Network,
    *,
    # stubgen: ReportRequest
    balance_runs: Optional[int] = None,
    balance_steps: Optional[int] = None,
    budget: Optional[float] = 4.0,
    decline_layer: Optional[str] = None,
    decline_periods: Optional[int] = None,
    decline_rate: Optional[float] = None,
    digital_fatigue: Optional[_FatigueArg] = ...,
    fatigue: Optional[_FatigueArg] = None,
    fit: Optional[Mapping[str, Any]] = None,
    max_rate_per_person: Optional[float] = None,
    min_success: Optional[float] = None,
    mixes: Optional[_Floats] = None,
    model: Optional[Model] = None,
    quick: bool = False,
    rates: Optional[_Floats] = None,
    refine: Optional[int] = None,
    relays: Optional[int] = None,
    replicates: Optional[int] = None,
    runs: Optional[int] = None,
    seed: int = 7,
    steps: Optional[int] = None,
    strategy: Optional[Literal['greedy', 'oracle', 'strongest_tie', 'hub', 'random', 'cold']] = None,
    title: Optional[str] = None,
    # stubgen: end
    progress: _Progress = None,
) -> Report: ...

def fit_cascade(
    net: Network,
    adoptions: _Adoptions,
    *,
    # stubgen: FitRequest -adoptions
    bootstrap: int = 0,
    by_group: bool = False,
    exposure: Literal['cascade', 'persistent'] = 'cascade',
    external: bool = True,
    external_by_group: bool = False,
    external_by_step: bool = False,
    fatigue: Optional[_FatigueArg] = None,
    horizon: Optional[int] = None,
    intervals: bool = True,
    latency: Optional[Mapping[str, int]] = ...,
    layers: Optional[Sequence[str]] = None,
    max_iterations: int = 200,
    seed: int = 0,
    step_zero: Literal['external', 'seeds'] = 'external',
    # stubgen: end
    progress: _Progress = None,
) -> CascadeFit: ...
def shuffle_test(
    net: Network,
    adoptions: _Adoptions,
    *,
    # stubgen: ShuffleRequest -adoptions
    by_group: bool = False,
    exposure: Literal['cascade', 'persistent'] = 'cascade',
    external: bool = True,
    external_by_group: bool = False,
    external_by_step: bool = False,
    fatigue: Optional[_FatigueArg] = None,
    horizon: Optional[int] = None,
    latency: Optional[Mapping[str, int]] = ...,
    layers: Optional[Sequence[str]] = None,
    max_iterations: int = 200,
    permutations: int = 200,
    seed: int = 0,
    step_zero: Literal['external', 'seeds'] = 'external',
    # stubgen: end
    progress: _Progress = None,
) -> ShuffleTest: ...
def infer_shadow(
    net: Network,
    cascades: _Adoptions,
    *,
    # stubgen: ShadowRequest -adoptions
    by_group: bool = False,
    candidates: int = 100,
    exposure: Literal['cascade', 'persistent'] = 'cascade',
    external: bool = True,
    external_by_group: bool = False,
    external_by_step: bool = False,
    fatigue: Optional[_FatigueArg] = None,
    horizon: Optional[int] = None,
    kind: Literal['physical', 'digital'] = 'digital',
    latency: Optional[Mapping[str, int]] = ...,
    layer: str = 'shadow',
    layers: Optional[Sequence[str]] = None,
    max_iterations: int = 200,
    max_lag: int = 1,
    shadow_latency: int = 1,
    step_zero: Literal['external', 'seeds'] = 'external',
    # stubgen: end
    progress: _Progress = None,
) -> ShadowInference: ...

# shadow layers

def shadow_gap(
    net: Network,
    sources: Optional[_People] = None,
    *,
    # stubgen: ShadowGapRequest -sources
    model: Optional[Model] = ...,
    runs: int = 1000,
    seed: int = 0,
    shadow_layers: Optional[Sequence[str]] = ...,
    share: float = 1.0,
    # stubgen: end
    progress: _Progress = None,
) -> ShadowGap: ...
def read_adoptions(
    path: _StrPath,
    *,
    person: str = "person",
    time: str = "time",
    cascade: str = "cascade",
    delimiter: str = ",",
) -> List[Dict[str, Any]]: ...
def parse_adoptions(
    data: _Text,
    file: str = "<string>",
    *,
    person: str = "person",
    time: str = "time",
    cascade: str = "cascade",
    delimiter: str = ",",
) -> List[Dict[str, Any]]: ...

# what the package's classes ask of the core

@final
class _Labels:
    def tolist(self) -> List[str]: ...

# reseau.dask.select_relays's parts (the core's relays::distributed); the keyword arguments
# are select_relays's.
@final
class _RelayShard:
    def __new__(
        cls, net: Union[Network, bytes], shards: Any, index: int, k: Optional[int] = None,
        **kwargs: Any,
    ) -> "_RelayShard": ...
    def sample(self, theta: int) -> Tuple[int, int]: ...
    def counts(self) -> Any: ...
    def add(self, person: int) -> Tuple[int, Any, Any]: ...
    def covered(self, relays: List[int]) -> int: ...

@final
class _RelayDriver:
    def __new__(
        cls, net: Network, shards: Any, k: Optional[int] = None, **kwargs: Any
    ) -> "_RelayDriver": ...
    def need(self) -> Tuple[Any, ...]: ...
    def sampled(self, sizes: List[Tuple[int, int]]) -> None: ...
    def counted(self, counts: List[Any]) -> None: ...
    def added(self, drops: List[Tuple[int, Any, Any]]) -> None: ...
    def covered(self, covered: List[int]) -> None: ...
    def num_shards(self) -> int: ...
    def relays(self) -> List[int]: ...
    def evaluation(self) -> Optional[Tuple[List[int], Model, int, int]]: ...
    def selection(self, spread: Optional[SpreadStats] = None) -> RelaySelection: ...

def _check(kind: str, data: Any, people: Optional[int] = None) -> Dict[str, Any]: ...
def _merge(first: CascadePartial, second: CascadePartial) -> Dict[str, Any]: ...
def _summarise(shard: CascadePartial) -> Dict[str, Any]: ...
def _shard_ranges(runs: int, shards: int) -> List[Tuple[int, int]]: ...
def _willingness(fatigue: Fatigue, load: Any) -> Any: ...
def _report_views(report: Report) -> Tuple[str, List[Tuple[str, str]]]: ...
def _report_html(report: Report) -> str: ...
def _report_write(report: Report, folder: _StrPath) -> List[Path]: ...

# the `reseau` console script

def cli() -> int: ...
