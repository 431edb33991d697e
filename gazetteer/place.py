"""Small, frozen value objects for places.

Coordinates are lon/lat (EPSG:4326) everywhere in the project. A geometry crossing the
antimeridian is stored split at ±180° (RFC 7946); display code may shift it for drawing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from shapely.geometry.base import BaseGeometry

from gazetteer.errors import GazetteerError

#: Every kind of place the gazetteer knows.
KINDS: frozenset[str] = frozenset(
    {
        "admin1",
        "bay",
        "capital",
        "channel",
        "city",
        "country",
        "county",
        "derived",
        "desert",
        "gulf",
        "island",
        "island_group",
        "lagoon",
        "ocean",
        "peninsula",
        "range",
        "region",
        "sea",
        "sound",
        "strait",
        "town",
        "other",
    }
)

#: Kinds whose geometry is a single point-like location (a map marker).
POINT_KINDS: frozenset[str] = frozenset({"city", "capital", "town"})
#: Kinds of area a few tens of kilometres across (precision 2, as "near" a place).
LOCAL_KINDS: frozenset[str] = frozenset({"county"})
#: Kinds that are water bodies.
WATER_KINDS: frozenset[str] = frozenset(
    {"ocean", "sea", "strait", "gulf", "bay", "channel", "sound", "lagoon"}
)


@dataclass(frozen=True, slots=True)
class Derivation:
    """How a derived area was made from a base place, shown to readers in popups.

    ``rule`` is one of ``compass``, ``coast``, ``around``, ``near``, ``waters``;
    ``detail`` qualifies it (``"northwest"`` for a compass part); ``distance_km`` is the
    buffer or band width when the rule uses one.
    """

    base_id: str
    base_name: str
    rule: str
    detail: str | None = None
    distance_km: float | None = None
    description: str = ""

    def __post_init__(self) -> None:
        if self.rule not in {"compass", "coast", "around", "near", "waters"}:
            raise GazetteerError(f"unknown derivation rule {self.rule!r}")
        if self.distance_km is not None and not self.distance_km > 0:
            raise GazetteerError(f"derivation distance must be positive, got {self.distance_km!r}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "base_id": self.base_id,
            "base_name": self.base_name,
            "rule": self.rule,
            "detail": self.detail,
            "distance_km": self.distance_km,
            "description": self.description,
        }


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place: a namespaced id, a name, a kind and a lon/lat geometry.

    ``id`` is namespaced and stable across rebuilds (``geonames:551487``,
    ``ne:marine:arctic-ocean``, ``derived:coast:200nm:geonames:5879092``…). ``prominence`` is
    a non-negative figure used for ranking (population for cities and countries, a
    scale-rank based figure for natural features). ``country`` is an ISO 3166-1 alpha-2 code
    where the place lies in (or is) one country. ``parent`` is the id of the division the
    place belongs to, where the gazetteer records it (a US county's state).
    """

    id: str
    name: str
    kind: str
    geometry: BaseGeometry = field(compare=False, repr=False)
    country: str | None = None
    prominence: float = 0.0
    alt_names: tuple[str, ...] = field(default=(), compare=False, repr=False)
    wikidata: str | None = None
    source: str = ""
    derivation: Derivation | None = None
    parent: str | None = None

    def __post_init__(self) -> None:
        namespace, _, rest = self.id.partition(":")
        if not namespace or not rest:
            raise GazetteerError(
                f"place id must be namespaced like 'geonames:123', got {self.id!r}"
            )
        if not self.name or not self.name.strip():
            raise GazetteerError(f"place {self.id!r} has an empty name")
        if self.kind not in KINDS:
            raise GazetteerError(f"place {self.id!r} has unknown kind {self.kind!r}")
        if self.geometry is None or self.geometry.is_empty:
            raise GazetteerError(f"place {self.id!r} has an empty geometry")
        minx, miny, maxx, maxy = self.geometry.bounds
        if minx < -180 or maxx > 180 or miny < -90 or maxy > 90:
            raise GazetteerError(
                f"place {self.id!r} geometry is outside lon/lat bounds: {self.geometry.bounds!r}"
            )
        if not self.prominence >= 0:
            raise GazetteerError(
                f"place {self.id!r} prominence must be >= 0, got {self.prominence!r}"
            )
        if self.country is not None and (len(self.country) != 2 or not self.country.isupper()):
            raise GazetteerError(
                f"place {self.id!r} country must be an ISO alpha-2 code, got {self.country!r}"
            )
        if (self.kind == "derived") != (self.derivation is not None):
            raise GazetteerError(f"place {self.id!r}: a derivation goes with kind 'derived' only")

    @property
    def precision(self) -> int:
        """Geographic precision: 1 a point place, 2 near / part of a place or a local area (a
        county), 3 a region, sea or country."""
        if self.derivation is not None:
            return 2 if self.derivation.rule in {"near", "coast", "around"} else 3
        if self.kind in POINT_KINDS:
            return 1
        return 2 if self.kind in LOCAL_KINDS else 3

    def to_dict(self) -> dict[str, Any]:
        """The place as plain data (geometry excluded), for tables and JSON."""
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "prominence": self.prominence,
            "wikidata": self.wikidata,
            "source": self.source,
            "derivation": self.derivation.to_dict() if self.derivation else None,
            "parent": self.parent,
        }
