"""The record a place is built as, and reading Natural Earth's GeoJSON files for the build.

:class:`Record` is a mutable place being built; :func:`load_features` reads one Natural Earth
file (a :class:`GazetteerError` naming the file when it is missing or broken); the small
field readers (:func:`text_value`, :func:`iso2_code`, :func:`scale_rank`) turn source
attributes into clean values; the prominence formulas turn scale ranks into prominence.
The source readers (:mod:`gazetteer.sources`, :mod:`gazetteer.citysources`,
:mod:`gazetteer.features`, :mod:`gazetteer.mapunits`, :mod:`gazetteer.adminregions`) share
them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from shapely.geometry.base import BaseGeometry

from gazetteer.errors import GazetteerError

#: The Natural Earth GeoJSON files the build reads, by key (:func:`load_features`).
NE_FILES = {
    "marine": "ne_10m_geography_marine_polys.json",
    "regions": "ne_10m_geography_regions_polys.json",
    "region_points": "ne_10m_geography_regions_points.json",
    "places": "ne_10m_populated_places.json",
    "countries": "ne_50m_admin_0_countries.json",
    "admin1_points": "ne_10m_admin_1_label_points.json",
    "admin1_polygons": "ne_50m_admin_1_states_provinces.json",
    "disputed": "ne_10m_admin_0_disputed_areas.json",
    "land": "ne_10m_land.json",
}


@dataclass
class Record:
    """A place being built (mutable until it is written)."""

    id: str
    name: str
    kind: str
    geometry: BaseGeometry
    country: str | None = None
    prominence: float = 0.0
    names: list[str] = field(default_factory=list)  # curated source names (tier 0)
    alternates: list[str] = field(default_factory=list)  # GeoNames alternates (tier 1)
    aliases: list[str] = field(default_factory=list)  # curated aliases (tier 2)
    wikidata: str | None = None
    source: str = ""
    codes: list[str] = field(default_factory=list)  # qualifier-only codes ("TX", "RUS")
    #: a label point standing for a whole territory ("CYM-00 (Cayman Is. aggregation)"): the
    #: build drops it when another place has its name (the country, the island)
    territory: bool = False
    #: the id of the division the place belongs to (a county's state), when known
    parent: str | None = None


def text_value(value: Any) -> str | None:
    """A usable string from a source attribute (None for missing / -99 / blank)."""
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value if value and value not in {"-99", "-1"} else None


def scale_rank(properties: dict, default: int) -> int:
    """The Natural Earth scale rank of a feature (0 is a valid rank)."""
    value = properties.get("scalerank")
    return int(value) if isinstance(value, int | float) and value >= 0 else default


def iso2_code(value: Any) -> str | None:
    """An ISO 3166 alpha-2 code from a source attribute ("US"), None for anything else
    (missing, "-99", lower case, three letters)."""
    value = text_value(value)
    return value if value and len(value) == 2 and value.isalpha() and value.isupper() else None


def admin1_prominence(scalerank: int) -> float:
    """Prominence of a first-level division: ``10 ** (6 - 0.25 * (scalerank - 2))``, from one
    million for scale rank 2 (US states, Russian oblasts) down to about 5,600 (rank 11), so a
    city of more than a million outranks a same-named province."""
    rank = min(max(int(scalerank), 2), 11)
    return round(10 ** (6.0 - 0.25 * (rank - 2)))


def feature_prominence(scalerank: int, *, top: float = 8.0) -> float:
    """Prominence of a natural feature: ``10 ** (top - scalerank)`` (oceans, scale rank 0:
    100 million; the Taiwan Strait, 4: 10,000), at least 1."""
    return round(10 ** max(top - int(scalerank), 0.0))


def load_features(ne_dir: Path, key: str) -> list[dict]:
    """The GeoJSON features of the Natural Earth file ``NE_FILES[key]`` in ``ne_dir``; a
    :class:`GazetteerError` saying where to get it when it is missing, or naming it when it
    cannot be read."""
    path = ne_dir / NE_FILES[key]
    return read_features(
        path,
        f"Natural Earth file {path.name} not found in {ne_dir}: download it from "
        "https://www.naturalearthdata.com/downloads/ (GeoJSON from the "
        "naturalearth-vector repository) or point --natural-earth at the right folder",
    )


def read_features(path: Path, missing: str) -> list[dict]:
    """The features of the GeoJSON file ``path``; a :class:`GazetteerError` saying
    ``missing`` when there is no such file, or naming the file when it cannot be read."""
    try:
        with path.open(encoding="utf-8") as f:
            return json.load(f)["features"]
    except FileNotFoundError:
        raise GazetteerError(missing) from None
    except (OSError, ValueError, KeyError) as exc:
        raise GazetteerError(f"cannot read {path}: {exc}") from exc
