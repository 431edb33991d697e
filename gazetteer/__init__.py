"""Offline place resolution: names (and the words around them) to lon/lat geometries.

>>> from gazetteer import Gazetteer
>>> Gazetteer.default().resolve("off Alaska").name
'Sea off Alaska'
"""

from gazetteer.antimeridian import shift_for_display, split_antimeridian
from gazetteer.areas import derive
from gazetteer.core import Candidate, Context, Gazetteer
from gazetteer.errors import GazetteerError
from gazetteer.modifiers import (
    Modifier,
    demonym_country,
    find_demonym_phrases,
    find_prefix,
    find_suffix,
    parse_query,
)
from gazetteer.normalize import fold, normalize
from gazetteer.online import OnlineFallback, OnlineGeocoder
from gazetteer.place import KINDS, Derivation, Place

__all__ = [
    "KINDS",
    "Candidate",
    "Context",
    "Derivation",
    "Gazetteer",
    "GazetteerError",
    "Modifier",
    "OnlineFallback",
    "OnlineGeocoder",
    "Place",
    "demonym_country",
    "derive",
    "find_demonym_phrases",
    "find_prefix",
    "find_suffix",
    "fold",
    "normalize",
    "parse_query",
    "shift_for_display",
    "split_antimeridian",
]
