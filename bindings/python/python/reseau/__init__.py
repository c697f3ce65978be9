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

Every error is a :class:`ReseauError` (a ``ValueError``), with one subclass per kind of
problem carrying its details as attributes:

>>> try:
...     reseau.parse_edgelist("1 2\\noops\\n")
... except reseau.ParseError as err:
...     print(err.file, err.line, repr(err.content))
<string> 2 'oops'
"""

from . import _core
from ._core import (
    FORMAT_VERSION,
    DuplicateLabelError,
    DuplicateLayerError,
    DuplicateTieError,
    EncodingError,
    FileError,
    InvalidParameterError,
    JsonError,
    Layer,
    Network,
    ParseError,
    ReseauError,
    SelfLoopError,
    UnknownLayerError,
    UnknownPersonError,
    UnsupportedVersionError,
    parse_csv,
    parse_edgelist,
    parse_mpx,
    parse_multiplex,
    parse_signed,
    read_csv,
    read_edgelist,
    read_mpx,
    read_multiplex,
    read_signed,
)
from . import datasets, generators
from ._networkx import from_networkx

__version__: str = _core.__version__

__all__ = [
    "FORMAT_VERSION",
    "DuplicateLabelError",
    "DuplicateLayerError",
    "DuplicateTieError",
    "EncodingError",
    "FileError",
    "InvalidParameterError",
    "JsonError",
    "Layer",
    "Network",
    "ParseError",
    "ReseauError",
    "SelfLoopError",
    "UnknownLayerError",
    "UnknownPersonError",
    "UnsupportedVersionError",
    "datasets",
    "from_networkx",
    "generators",
    "parse_csv",
    "parse_edgelist",
    "parse_mpx",
    "parse_multiplex",
    "parse_signed",
    "read_csv",
    "read_edgelist",
    "read_mpx",
    "read_multiplex",
    "read_signed",
]

# Every kind of error the core names, including any kind newer than the list above.
for _kind in _core.ERROR_KINDS:
    if _kind not in __all__:
        globals()[_kind] = getattr(_core, _kind)
        __all__.append(_kind)
