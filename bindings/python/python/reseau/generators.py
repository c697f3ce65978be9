"""Seeded random networks.

Every generator takes keyword arguments only, and a ``seed`` (default ``0``): the same
arguments and seed always give the same network, in Python, Rust and JavaScript alike; pass
another seed for another draw.

>>> import reseau
>>> a = reseau.generators.watts_strogatz(n=50, k=4, beta=0.2, seed=7)
>>> b = reseau.generators.watts_strogatz(n=50, k=4, beta=0.2, seed=7)
>>> a.to_json() == b.to_json()
True
"""

from ._core import (
    barabasi_albert,
    barabasi_albert_compiled,
    erdos_renyi,
    kleinberg,
    professional,
    stochastic_block,
    watts_strogatz,
)

__all__ = [
    "barabasi_albert",
    "barabasi_albert_compiled",
    "erdos_renyi",
    "kleinberg",
    "professional",
    "stochastic_block",
    "watts_strogatz",
]
