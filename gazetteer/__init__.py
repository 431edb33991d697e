"""Offline place resolution: names (and the words around them) to lon/lat geometries.

>>> from gazetteer import Gazetteer
>>> Gazetteer.default().resolve("off Alaska").name
'Sea off Alaska'
"""

from gazetteer.errors import GazetteerError
from gazetteer.place import KINDS, Derivation, Place

__all__ = ["KINDS", "Derivation", "GazetteerError", "Place"]
