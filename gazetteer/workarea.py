"""The work area of one derivation (:class:`WorkArea`): the base place in a local projected
frame, the land around it, its coast, its neighbours, and the lazy place a rule returns.

:class:`gazetteer.deriver.Deriver` applies the rules on top of it. :data:`DISTANCES_KM` lists
every distance the rules use.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import shapely
from shapely.geometry.base import BaseGeometry

from gazetteer.areanames import NAUTICAL_MILE_KM
from gazetteer.coasttest import sure_coast, sure_land_around, sure_sea_near
from gazetteer.frames import LocalFrame, buffer_in_frame, polygons_only
from gazetteer.modifiers import Modifier
from gazetteer.place import WATER_KINDS, Derivation, LazyPlace, Place
from gazetteer.seabands import (
    LandIndex,
    assemble,
    coastline,
    region_boxes,
    region_windows,
    within_reach,
)
from gazetteer.shipped_drawings import note_drawn, shipped_drawing

if TYPE_CHECKING:
    from collections.abc import Callable


#: Every distance the rules use, in kilometres.
DISTANCES_KM: dict[str, float] = {
    "coast": 200 * NAUTICAL_MILE_KM,  # the sea off a coast: an EEZ-like band
    "waters": 200 * NAUTICAL_MILE_KM,  # "Swedish waters", "waters off Japan"
    "territorial": 12 * NAUTICAL_MILE_KM,  # "territorial waters of X"
    "near_sea": 200 * NAUTICAL_MILE_KM,  # "near Alaska" when the event is at sea
    "near_land": 50.0,  # "near Kharkiv" on land
    "around": 100 * NAUTICAL_MILE_KM,  # "around Taiwan": the waters around an island
    "coastal_strip": 50.0,  # "coastal Lebanon": land within 50 km of the coast
    "point_sea": 50.0,  # sea rules on a point (a port city)
    "point_compass": 10.0,  # a city's compass part is taken from a disc of this radius
    "water_near": 50.0,  # "near the Taiwan Strait" on land: the shores within 50 km
}
#: An outline that is at least this share coast makes a place an island.
ISLAND_COAST_SHARE = 0.85
#: Share of the smaller area two places must overlap to count as the same territory.
SAME_TERRITORY_OVERLAP = 0.5
#: Neighbours considered for the median line.
NEIGHBOUR_KINDS = frozenset({"country", "admin1"})
#: Land pieces in a work region above which those out of reach are left out first (a few
#: pieces are cheaper to project than to test).
FAR_LAND_PIECES = 64
#: Land reach (km) of the coast test that decides whether a sea rule applies (and whether a
#: place is an island): the coast is found within ``seabands.SEA_PROBE_M`` of the outline,
#: and land this far out covers that generously.
COAST_TEST_KM = 20.0


@dataclass(frozen=True, slots=True, eq=False)
class Identity:
    """Hashes and compares a gazetteer by identity, for the cache key."""

    target: Any

    def __hash__(self) -> int:
        return id(self.target)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Identity) and other.target is self.target


@lru_cache(maxsize=8)
def land_index(ref: Identity) -> LandIndex:
    return LandIndex(ref.target.land())


#: Areas drawn in this process whose outline and description depend on their id alone
#: (``shippable``), by (gazetteer, base, id): two phrases that name one area ("near Japan"
#: and "close to Japan" at sea) derive two places, and the second reads the first's drawing.
#: The gazetteer and the base are kept and compared by identity, as the shipped drawings
#: are read only for the gazetteer's own place objects. Only drawings made are kept (a
#: shipped one is read again), and :func:`forget_drawn` forgets them with the derivations
#: remembered in memory (``gazetteer.areas.forget_derived()``).
_DRAWN: dict[tuple[int, int, str], tuple[Any, Place, BaseGeometry, str]] = {}
#: Drawings kept at most (the oldest go first).
DRAWN_KEPT = 64
#: The land of the last work regions (:meth:`WorkArea.land_xy`), by (gazetteer, base, reach).
_LAND: dict[tuple[int, int, float], tuple[Any, Place, BaseGeometry]] = {}
#: Work regions' land kept at most (the oldest go first).
LAND_KEPT = 4


def forget_drawn() -> None:
    """Forget the drawings and the work regions' land remembered in this process: the next
    area is drawn anew."""
    _DRAWN.clear()
    _LAND.clear()


def _drawn_before(gazetteer: Any, base: Place, place_id: str) -> tuple[BaseGeometry, str] | None:
    """The outline and description of ``place_id`` already drawn from ``base`` in this
    process, or ``None``."""
    hit = _DRAWN.get((id(gazetteer), id(base), place_id))
    if hit is None or hit[0] is not gazetteer or hit[1] is not base:
        return None
    return hit[2], hit[3]


def _remember_drawn(
    gazetteer: Any, base: Place, place_id: str, area: BaseGeometry, description: str
) -> None:
    if len(_DRAWN) >= DRAWN_KEPT:
        _DRAWN.pop(next(iter(_DRAWN)))
    _DRAWN[(id(gazetteer), id(base), place_id)] = (gazetteer, base, area, description)


class WorkArea:
    """One derivation's base, modifier and work area (frame, land, coast), and the
    lazy place its rule returns (:meth:`later`)."""

    def __init__(self, gazetteer: Any, base: Place, modifier: Modifier, at_sea: bool) -> None:
        self.gazetteer = gazetteer
        self.base = base
        self.modifier = modifier
        self.at_sea = at_sea
        geometry = base.geometry
        self.is_point = geometry.geom_type in {"Point", "MultiPoint"}
        self.is_line = geometry.geom_type in {"LineString", "MultiLineString"}  # a river
        self.is_water = base.kind in WATER_KINDS
        self.frame = LocalFrame.around(geometry)
        self._base_xy: BaseGeometry | None = None
        self._coast: BaseGeometry | None = None

    # -- shared pieces ---------------------------------------------------------------------

    @property
    def base_xy(self) -> BaseGeometry:
        if self._base_xy is None:
            self._base_xy = self.frame.forward(self.base.geometry)
        return self._base_xy

    def land_xy(self, reach_km: float) -> BaseGeometry:
        """The land within about ``reach_km`` of the base, projected. Land split at the
        antimeridian is joined in lon/lat, before projecting. The last few are remembered by
        (gazetteer, base, reach): the work areas of one base share their frame."""
        key = (id(self.gazetteer), id(self.base), reach_km)
        hit = _LAND.get(key)
        if hit is not None and hit[0] is self.gazetteer and hit[1] is self.base:
            return hit[2]
        windows = region_windows(self.base.geometry, reach_km * 1000.0)
        pieces = land_index(Identity(self.gazetteer)).continuous_pieces(windows)
        if len(pieces) > FAR_LAND_PIECES:
            pieces = within_reach(self.frame, pieces, self.base_xy, reach_km * 1000.0)
        land = self.frame.forward(assemble(pieces))
        if len(_LAND) >= LAND_KEPT:
            _LAND.pop(next(iter(_LAND)))
        _LAND[key] = (self.gazetteer, self.base, land)
        return land

    def coast(self) -> BaseGeometry:
        """The base's coast (projected lines) found with the land within
        :data:`COAST_TEST_KM`; empty for a landlocked place. Computed once."""
        if self._coast is None:
            self._coast = coastline(self.base_xy, self.land_xy(COAST_TEST_KM))
        return self._coast

    def has_coast(self) -> bool:
        """Whether :meth:`coast` is not empty, answered from cheap lon/lat facts when they
        are sure (:mod:`gazetteer.coasttest`), else by computing it."""
        if self._coast is None:
            land = land_index(Identity(self.gazetteer))
            sure = sure_coast(self.base.geometry, self.frame, land)
            if sure is not None:
                return sure
        return not self.coast().is_empty

    def sure_point_sea(self, km: float) -> bool | None:
        """Whether the point base's sea band of ``km`` is not empty, when cheap lon/lat facts
        are sure of it (:func:`sure_land_around`: surely empty, :func:`sure_sea_near`:
        surely not), else None: only drawing the band can tell."""
        geometry = self.base.geometry
        if geometry.geom_type != "Point":
            return None
        land = land_index(Identity(self.gazetteer))
        if sure_land_around(geometry.x, geometry.y, km, land):
            return False
        if sure_sea_near(geometry.x, geometry.y, km, land):
            return True
        return None

    def lonlat(self, area_xy: BaseGeometry) -> BaseGeometry:
        """A projected area back in lon/lat."""
        return self.frame.inverse(area_xy) if area_xy.geom_type != "Point" else area_xy

    def later(
        self,
        make: Callable[[], tuple[BaseGeometry, str]],
        *,
        name: str,
        qualifier: str,
        distance_km: float | None,
        detail: str | None = None,
        rule: str | None = None,
        shippable: bool = False,
    ) -> Place:
        """A derived place whose area and description ``make()`` (lon/lat area, description)
        computes when first read; ``rule`` (default: the modifier's) names the rule that
        made it. ``shippable`` says that ``make()`` depends on the place's id alone (its base
        and rule, not the phrase): a shipped drawing of the id
        (:mod:`gazetteer.shipped_drawings`) is then read instead of drawing."""
        rule = rule or self.modifier.rule
        detail = detail if detail is not None else self.modifier.detail
        distance = round(distance_km, 3) if distance_km is not None else None
        base, phrase = self.base, self.modifier.phrase or self.modifier.rule
        place_id = f"derived:{rule}:{qualifier}:{base.id}"

        def draw() -> tuple[BaseGeometry, Derivation]:
            ahead = None
            if shippable:
                ahead = _drawn_before(self.gazetteer, base, place_id) or shipped_drawing(
                    self.gazetteer, base, place_id
                )
            if ahead is not None:
                area, description = ahead
            else:
                area, description = make()
                area = polygons_only(area)
                if shippable and not area.is_empty:
                    note_drawn(place_id, area, description)
                    _remember_drawn(self.gazetteer, base, place_id, area, description)
            if area.is_empty:  # never seen: the decision found sea (or land) to draw
                km = DISTANCES_KM["near_land"]
                area = polygons_only(
                    self.lonlat(buffer_in_frame(self.frame, base.geometry, km * 1000.0))
                )
                description = (
                    f"{phrase} {base.name} came out empty, so the area within {km:g} km of "
                    f"{base.name} stands for it"
                )
            derivation = Derivation(
                base_id=base.id,
                base_name=base.name,
                rule=rule,
                detail=detail,
                distance_km=distance,
                description=description,
            )
            return area, derivation

        return LazyPlace(
            id=place_id,
            name=name,
            rule=rule,
            draw=draw,
            country=base.country,
            prominence=base.prominence,
        )

    def hemisphere_ocean(self, detail: str) -> Place:
        """For "the northwestern Pacific": the ocean's own northern part when the gazetteer
        has it ("North Pacific Ocean" inside "Pacific Ocean"), else the base."""
        if self.base.kind != "ocean" or not detail.startswith(("north", "south")):
            return self.base
        wanted = ("North " if detail.startswith("north") else "South ") + self.base.name
        for other in self.gazetteer.intersecting(self.base.geometry, kinds={"ocean"}):
            if other.name.casefold() == wanted.casefold() and other.id != self.base.id:
                return other
        return self.base

    def is_island(self) -> bool:
        if self.base.kind in {"island", "island_group"}:
            return True
        if self.base.kind not in {"country", "admin1", "region", "other"}:
            return False
        coast = self.coast()
        boundary = self.base_xy.boundary.length
        return boundary > 0 and coast.length >= ISLAND_COAST_SHARE * boundary

    def neighbours(self, area_xy: BaseGeometry) -> tuple[list[BaseGeometry], list[str]]:
        """Countries and states other than the base (and those containing it or inside it)
        near ``area_xy``, projected and clipped to the work region, with their names."""
        area = self.frame.inverse(area_xy)
        base = self.base.geometry
        base_point = base.representative_point()
        shapes: list[BaseGeometry] = []
        names: list[str] = []
        boxes = region_boxes(area, 50_000.0)
        for other in self.gazetteer.intersecting(area, kinds=NEIGHBOUR_KINDS):
            geometry = other.geometry
            if other.id == self.base.id or geometry.geom_type not in {"Polygon", "MultiPolygon"}:
                continue
            if other.kind == "country" and other.country and other.country == self.base.country:
                continue  # the base's own country
            if (
                other.country
                and other.country == self.base.country
                and self.base.kind not in {"country", "admin1"}
            ):
                continue  # an island's or a region's own country and states
            if _same_territory(base, base_point, geometry):
                continue  # the base's own country, or a state inside the base
            clipped = polygons_only(
                shapely.union_all([shapely.clip_by_rect(geometry, *b) for b in boxes])
            )
            if clipped.is_empty:
                continue
            shapes.append(self.frame.forward(clipped))
            names.append(other.name)
        return shapes, names


def _same_territory(base: BaseGeometry, base_point: BaseGeometry, other: BaseGeometry) -> bool:
    """Whether ``other`` contains the base or lies inside it (mostly: outlines from different
    sources disagree a little), rather than being a neighbour."""
    if other.contains(base_point) or base.contains(other.representative_point()):
        return True
    overlap = shapely.intersection(base, other).area
    smaller = min(base.area, other.area)
    return smaller > 0 and overlap >= SAME_TERRITORY_OVERLAP * smaller
