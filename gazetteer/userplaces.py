"""User places files: extra places, aliases and pins for one corpus, in YAML or TOML.

A file has up to three sections (all optional)::

    places:                      # new places
      - name: Camp Lemonnier
        kind: other              # a gazetteer kind (default: other)
        lon: 43.15               # a point …
        lat: 11.55
        country: DJ              # ISO alpha-2 (optional)
        alt_names: [Lemonnier]   # optional
        id: user:camp-lemonnier  # optional, default "user:<slug of the name>"
        prominence: 1000         # optional, default 0
        wikidata: Q1026928       # optional
      - name: Exercise box
        kind: region
        geometry: {type: Polygon, coordinates: [[[120, 20], [122, 20], [122, 22], [120, 20]]]}
    aliases:                     # extra names for existing (or new) places
      Donbas region: ne:disputed:donbass
    pins:                        # a name that always resolves to one place
      Georgia: iso:GE

``.yaml``/``.yml`` files are read as YAML, ``.toml`` as TOML (``[[places]]`` tables,
``[aliases]`` and ``[pins]`` tables). Errors name the file and the entry at fault.
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from shapely.geometry import Point, shape
from shapely.geometry.base import BaseGeometry

from gazetteer.errors import GazetteerError
from gazetteer.normalize import fold
from gazetteer.place import KINDS, Place
from inputsafe import YamlError, clean_value, load_yaml, printable

_PLACE_KEYS = {
    "id",
    "name",
    "kind",
    "lon",
    "lat",
    "geometry",
    "country",
    "alt_names",
    "prominence",
    "wikidata",
}
_SECTIONS = {"places", "aliases", "pins"}
#: Geometry types a user place may have; a GeometryCollection mixes kinds no derived area
#: ("off X", "northern X") can be drawn from.
_GEOMETRY_TYPES = (
    "Point",
    "MultiPoint",
    "LineString",
    "MultiLineString",
    "Polygon",
    "MultiPolygon",
)


@dataclass(frozen=True)
class UserPlaces:
    """A parsed user places file."""

    path: Path
    places: tuple[Place, ...] = ()
    aliases: dict[str, str] | None = None
    pins: dict[str, str] | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "aliases", dict(self.aliases or {}))
        object.__setattr__(self, "pins", dict(self.pins or {}))


def load_user_places(path: str | Path) -> UserPlaces:
    """Read and validate a user places file (YAML or TOML, by extension).

    Raises :class:`GazetteerError` naming the file and the bad entry: unreadable files,
    unknown sections or keys, missing names, unknown kinds, coordinates out of range, invalid
    geometries, geometries that cross the antimeridian without being split at ±180°.
    Whether alias and pin targets exist is checked by ``Gazetteer.with_places``.
    """
    path = Path(path)
    data = _read(path)
    if not isinstance(data, dict):
        raise GazetteerError(f"{path}: expected a mapping with places, aliases and/or pins")
    unknown = set(data) - _SECTIONS
    if unknown:
        raise GazetteerError(
            f"{path}: unknown section(s) {', '.join(sorted(map(str, unknown)))}; "
            "expected places, aliases, pins"
        )
    raw_places = data.get("places") or []
    if not isinstance(raw_places, list):
        raise GazetteerError(f"{path}: 'places' must be a list of places")
    places = []
    seen: set[str] = set()
    for n, entry in enumerate(raw_places):
        place = _place(path, n, entry)
        if place.id in seen:
            raise GazetteerError(f"{path}: places[{n}]: duplicate id {place.id!r}")
        seen.add(place.id)
        places.append(place)
    return UserPlaces(
        path=path,
        places=tuple(places),
        aliases=_mapping(path, data, "aliases"),
        pins=_mapping(path, data, "pins"),
    )


def _read(path: Path) -> Any:
    shown = printable(path)
    suffix = path.suffix.lower()
    if suffix not in {".yaml", ".yml", ".toml"}:
        raise GazetteerError(f"{path}: user places files must end in .yaml, .yml or .toml")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise GazetteerError(
            f"cannot read user places file {shown}: {exc.strerror or exc}"
        ) from None
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise GazetteerError(
            f"{shown}: not UTF-8 text (invalid byte at position {exc.start}); save the file "
            "as UTF-8"
        ) from None
    try:
        if suffix == ".toml":
            return clean_value(tomllib.loads(text))
        return load_yaml(text) or {}
    except (YamlError, tomllib.TOMLDecodeError) as exc:
        raise GazetteerError(f"{shown} is not valid {suffix[1:].upper()}: {exc}") from None
    except RecursionError:
        raise GazetteerError(f"{shown}: nested too deeply") from None


def _mapping(path: Path, data: dict, section: str) -> dict[str, str]:
    value = data.get(section) or {}
    if not isinstance(value, dict):
        raise GazetteerError(f"{path}: '{section}' must map names to place ids")
    out = {}
    for name, place_id in value.items():
        if not isinstance(name, str) or not name.strip():
            raise GazetteerError(f"{path}: {section}: names must be non-empty text, got {name!r}")
        if not isinstance(place_id, str) or ":" not in place_id:
            raise GazetteerError(
                f"{path}: {section}[{name!r}]: expected a place id like 'iso:GE', got {place_id!r}"
            )
        out[name.strip()] = place_id.strip()
    return out


def _place(path: Path, n: int, entry: Any) -> Place:
    where = f"{path}: places[{n}]"
    if not isinstance(entry, dict):
        raise GazetteerError(f"{where}: expected a mapping with name, kind, lon/lat or geometry")
    name = entry.get("name")
    if isinstance(name, str) and name.strip():
        where += f" ({name.strip()!r})"
    else:
        raise GazetteerError(f"{where}: missing 'name'")
    unknown = set(entry) - _PLACE_KEYS
    if unknown:
        raise GazetteerError(
            f"{where}: unknown key(s) {', '.join(sorted(map(str, unknown)))}; "
            f"allowed: {', '.join(sorted(_PLACE_KEYS))}"
        )
    kind = entry.get("kind", "other")
    if kind not in KINDS or kind == "derived":
        raise GazetteerError(
            f"{where}: kind {kind!r} is not one of {', '.join(sorted(KINDS - {'derived'}))}"
        )
    geometry = _geometry(where, entry)
    alt_names = entry.get("alt_names", [])
    if isinstance(alt_names, str):
        alt_names = [alt_names]
    if not isinstance(alt_names, list) or not all(
        isinstance(a, str) and a.strip() for a in alt_names
    ):
        raise GazetteerError(f"{where}: alt_names must be a list of names")
    prominence = entry.get("prominence", 0)
    if isinstance(prominence, bool) or not isinstance(prominence, int | float):
        raise GazetteerError(f"{where}: prominence must be a number, got {prominence!r}")
    country = entry.get("country")
    if country is not None and not isinstance(country, str):
        raise GazetteerError(f"{where}: country must be an ISO alpha-2 code, got {country!r}")
    place_id = entry.get("id") or f"user:{_slug(name)}"
    if not isinstance(place_id, str):
        raise GazetteerError(f"{where}: id must be text like 'user:my-place', got {place_id!r}")
    try:
        return Place(
            id=place_id,
            name=" ".join(name.split()),
            kind=kind,
            geometry=geometry,
            country=country.upper() if country else None,
            prominence=float(prominence),
            alt_names=tuple(" ".join(a.split()) for a in alt_names),
            wikidata=entry.get("wikidata"),
            source=f"user:{path.name}",
        )
    except GazetteerError as exc:
        raise GazetteerError(f"{where}: {exc}") from None


def _geometry(where: str, entry: dict) -> BaseGeometry:
    has_point = "lon" in entry or "lat" in entry
    if has_point == ("geometry" in entry):
        raise GazetteerError(f"{where}: give either lon and lat, or a GeoJSON geometry")
    if has_point:
        lon, lat = entry.get("lon"), entry.get("lat")
        for label, value, limit in (("lon", lon, 180), ("lat", lat, 90)):
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise GazetteerError(f"{where}: {label} must be a number, got {value!r}")
            if not math.isfinite(value) or abs(value) > limit:
                raise GazetteerError(f"{where}: {label} {value!r} is outside -{limit}..{limit}")
        return Point(float(lon), float(lat))
    try:
        geometry = shape(entry["geometry"])
    except Exception as exc:  # shapely raises several types for malformed GeoJSON
        raise GazetteerError(f"{where}: not a GeoJSON geometry: {exc}") from None
    if geometry.is_empty:
        raise GazetteerError(f"{where}: the geometry is empty")
    if geometry.geom_type not in _GEOMETRY_TYPES:
        raise GazetteerError(
            f"{where}: a {geometry.geom_type} is not supported; give one of "
            f"{', '.join(_GEOMETRY_TYPES)}"
        )
    if not geometry.is_valid:
        from shapely.validation import explain_validity

        raise GazetteerError(f"{where}: invalid geometry ({explain_validity(geometry)})")
    if has_unsplit_crossing(geometry):
        raise GazetteerError(
            f"{where}: the geometry spans more than 180° of longitude; a shape across "
            "the antimeridian must be split at ±180° into a MultiPolygon (RFC 7946)"
        )
    return geometry


def has_unsplit_crossing(geometry: BaseGeometry) -> bool:
    """Whether a lon/lat geometry has a part spanning more than 180° of longitude without
    reaching both -180° and +180°: a shape meant to cross the antimeridian but stored unsplit,
    which maps draw as a band across the whole world. Circumpolar parts that run from -180° to
    +180° (the Arctic and Southern Oceans, Antarctica) are fine."""
    for part in _parts(geometry):
        west, _, east, _ = part.bounds
        if east - west > 180 and not (west <= -_MERIDIAN and east >= _MERIDIAN):
            return True
    return False


#: Longitudes this close to ±180° count as on the antimeridian.
_MERIDIAN = 180 - 1e-3


def _parts(geometry: BaseGeometry) -> list[BaseGeometry]:
    if hasattr(geometry, "geoms"):
        return [p for part in geometry.geoms for p in _parts(part)]
    return [geometry]


def _slug(name: str) -> str:
    ascii_name = fold(name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-") or "place"
