"""Small, frozen value objects for places.

Coordinates are lon/lat (EPSG:4326) everywhere in the project. A geometry crossing the
antimeridian is stored split at ±180° (RFC 7946); display code may shift it for drawing.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from shapely.geometry.base import BaseGeometry

from gazetteer.errors import GazetteerError

#: Every kind of place the gazetteer knows.
KINDS: frozenset[str] = frozenset(
    {
        "admin1",
        "airport",
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
        "lake",
        "mountain",
        "ocean",
        "peninsula",
        "port",
        "range",
        "region",
        "river",
        "sea",
        "sound",
        "strait",
        "town",
        "other",
    }
)

#: Kinds whose geometry is a single point-like location (a map marker).
POINT_KINDS: frozenset[str] = frozenset({"city", "capital", "town", "port", "airport", "mountain"})
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


#: The slots of :class:`Place` that a :class:`LazyPlace` fills on first use.
_GEOMETRY_SLOT = Place.__dict__["geometry"]
_DERIVATION_SLOT = Place.__dict__["derivation"]
#: The fields that say which place a derived area is, known before it is drawn.
_IDENTITY = ("id", "name", "kind", "country", "prominence", "wikidata", "source", "parent")


class LazyPlace(Place):
    """A derived place (kind ``derived``) whose outline, and the description of how it was
    drawn, are computed on first use: resolution decides *which* area a phrase names (its id,
    name, rule and precision) without drawing it, and only areas something reads the
    geometry or the derivation of are drawn, once.

    ``draw()`` returns the lon/lat geometry and the :class:`Derivation`; ``when_drawn``
    callbacks (the on-disk area cache) run after. A LazyPlace equals, and hashes like, any
    derived place with the same fields; it pickles as an ordinary drawn place. Drawing raises
    :class:`~gazetteer.errors.GazetteerError` when the area comes out empty.
    """

    __slots__ = ("_draw", "_lock", "_on_drawn", "_rule")

    def __init__(
        self,
        *,
        id: str,
        name: str,
        rule: str,
        draw: Any,
        country: str | None = None,
        prominence: float = 0.0,
    ) -> None:
        values = {
            "id": id,
            "name": name,
            "kind": "derived",
            "country": country,
            "prominence": prominence,
            "alt_names": (),
            "wikidata": None,
            "source": "derived",
            "parent": None,
            "_rule": rule,
            "_draw": draw,
            "_on_drawn": [],
            "_lock": threading.Lock(),
        }
        for attr, value in values.items():
            object.__setattr__(self, attr, value)

    @classmethod
    def drawn(cls, place: Place) -> LazyPlace:
        """``place`` (a derived place already drawn, e.g. read from the area cache) as a
        LazyPlace, so that every derived place hashes the same way."""
        if isinstance(place, LazyPlace) or place.derivation is None:
            raise GazetteerError(f"{place.id!r} is not a drawn derived place")
        lazy = cls(
            id=place.id,
            name=place.name,
            rule=place.derivation.rule,
            draw=None,
            country=place.country,
            prominence=place.prominence,
        )
        for attr in ("alt_names", "wikidata", "source", "parent"):
            object.__setattr__(lazy, attr, getattr(place, attr))
        _GEOMETRY_SLOT.__set__(lazy, place.geometry)
        _DERIVATION_SLOT.__set__(lazy, place.derivation)
        return lazy

    @property
    def is_drawn(self) -> bool:
        """Whether the geometry has been computed."""
        try:
            _GEOMETRY_SLOT.__get__(self)
        except AttributeError:
            return False
        return True

    def when_drawn(self, callback: Any) -> None:
        """Call ``callback(self)`` once the place is drawn (at once if it already is)."""
        if self.is_drawn:
            callback(self)
        else:
            self._on_drawn.append(callback)

    @property  # type: ignore[override]
    def geometry(self) -> BaseGeometry:
        try:
            return _GEOMETRY_SLOT.__get__(self)
        except AttributeError:
            self._draw_now()
            return _GEOMETRY_SLOT.__get__(self)

    @geometry.setter
    def geometry(self, value: BaseGeometry) -> None:  # unpickling
        _GEOMETRY_SLOT.__set__(self, value)

    @property  # type: ignore[override]
    def derivation(self) -> Derivation | None:
        try:
            return _DERIVATION_SLOT.__get__(self)
        except AttributeError:
            self._draw_now()
            return _DERIVATION_SLOT.__get__(self)

    @derivation.setter
    def derivation(self, value: Derivation | None) -> None:  # unpickling
        _DERIVATION_SLOT.__set__(self, value)

    @property
    def precision(self) -> int:
        rule = getattr(self, "_rule", None) or self.derivation.rule  # type: ignore[union-attr]
        return 2 if rule in {"near", "coast", "around"} else 3

    def _draw_now(self) -> None:
        with self._lock:
            if self.is_drawn:
                return
            geometry, derivation = self._draw()
            if geometry is None or geometry.is_empty:
                raise GazetteerError(f"place {self.id!r}: the derived area is empty")
            minx, miny, maxx, maxy = geometry.bounds
            if minx < -180 or maxx > 180 or miny < -90 or maxy > 90:
                raise GazetteerError(
                    f"place {self.id!r} geometry is outside lon/lat bounds: {geometry.bounds!r}"
                )
            _DERIVATION_SLOT.__set__(self, derivation)
            _GEOMETRY_SLOT.__set__(self, geometry)
            object.__setattr__(self, "_draw", None)
            callbacks, self._on_drawn[:] = list(self._on_drawn), []
        for callback in callbacks:
            callback(self)

    def _identity(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in _IDENTITY)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Place):
            return NotImplemented
        if self._identity() != tuple(getattr(other, name) for name in _IDENTITY):
            return False
        return self.derivation == other.derivation

    def __hash__(self) -> int:
        return hash(self._identity())

    def __repr__(self) -> str:
        return f"LazyPlace(id={self.id!r}, name={self.name!r}, drawn={self.is_drawn})"
