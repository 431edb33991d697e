"""Offline place resolution: names (and the words around them) to lon/lat geometries.

>>> from gazetteer import Gazetteer
>>> Gazetteer.default().resolve("off Alaska").name
'Sea off Alaska'
"""

from gazetteer.core import Candidate, Context, Gazetteer
from gazetteer.errors import GazetteerError
from gazetteer.normalize import fold, normalize
from gazetteer.place import KINDS, Derivation, Place

__all__ = [
    "KINDS",
    "Candidate",
    "Context",
    "Derivation",
    "Gazetteer",
    "GazetteerError",
    "Place",
    "fold",
    "normalize",
]
