"""Offline place resolution: names (and the words around them) to lon/lat geometries.

>>> from gazetteer import Gazetteer
>>> Gazetteer.default().resolve("off Alaska").name
'Sea off Alaska'
"""

from typing import TYPE_CHECKING, Any

from gazetteer.core import Candidate, Context, Gazetteer
from gazetteer.designators import DESIGNATORS, find_designator, split_designator
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
from gazetteer.place import KINDS, Derivation, Place
from lonlat.antimeridian import shift_for_display, split_antimeridian

if TYPE_CHECKING:
    from gazetteer.areacache import AreaCache, disable_area_cache, enable_area_cache
    from gazetteer.areas import derive
    from gazetteer.online import OnlineFallback, OnlineGeocoder

#: Exports imported on first use, so `import gazetteer` and `Gazetteer.default()` stay fast:
#: derived areas need pyproj, the online fallback sqlite3 and geopy.
_LAZY = {
    "AreaCache": "gazetteer.areacache",
    "derive": "gazetteer.areas",
    "disable_area_cache": "gazetteer.areacache",
    "enable_area_cache": "gazetteer.areacache",
    "OnlineFallback": "gazetteer.online",
    "OnlineGeocoder": "gazetteer.online",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'gazetteer' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "DESIGNATORS",
    "KINDS",
    "AreaCache",
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
    "disable_area_cache",
    "enable_area_cache",
    "find_demonym_phrases",
    "find_designator",
    "find_prefix",
    "find_suffix",
    "fold",
    "normalize",
    "parse_query",
    "shift_for_display",
    "split_antimeridian",
    "split_designator",
]
