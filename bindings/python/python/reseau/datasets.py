"""Networks shipped inside the library, ready without any file.

>>> import reseau
>>> aucs = reseau.datasets.aarhus_cs()
>>> aucs.num_people, aucs.num_ties, [l.name for l in aucs.layers]
(61, 620, ['lunch', 'facebook', 'coauthor', 'leisure', 'work'])
"""

from ._core import aarhus_cs

__all__ = ["aarhus_cs"]
