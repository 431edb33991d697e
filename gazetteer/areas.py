"""Derived areas: compass parts, coastal sea bands, waters around islands.

:func:`derive` turns a base place and a :class:`~gazetteer.modifiers.Modifier` into a new
:class:`~gazetteer.place.Place` of kind ``derived`` whose
:class:`~gazetteer.place.Derivation` tells a reader how it was made. The rules and their
distances are listed in ``docs/derived-areas.md``; in short:

==========  =======================================================  ======================
rule        area                                                     distance
==========  =======================================================  ======================
compass     the 2/5 of the place farthest that way; central third    –
coast       sea off the coast, land removed, median line with        200 nmi (370.4 km)
            neighbours; "coastal X" on land: the coastal strip       50 km inland
waters      like coast; "territorial waters": 12 nautical miles      200 nmi / 12 nmi
near        at sea: sea off the coast (no median line);              200 nmi
            on land: the place and everything within 50 km           50 km
around      an island: the waters around it plus the straits and     100 nmi (185.2 km)
            channels beside it; anything else: as ``near``
==========  =======================================================  ======================

A sea rule ("off", "waters", "near" or "around" at sea) on a place with no sea within reach
("off Mali", drones shot down in the air "near Kyiv") falls back to ``near`` on land: the place
and everything within 50 km, with ``Derivation.detail`` ``"inland"`` and a description saying
why. A point base (a city or port) has no outline: sea rules give the sea within 50 km of it (a
sea-side disc), ``near`` on land a 50 km disc, and a compass part is taken from a disc of
10 km radius standing for the city. Results are valid (Multi)Polygons in lon/lat, split at
the antimeridian, and cached per (gazetteer, base, rule, detail, at_sea).

Only three gazetteer methods are used: ``land()`` (land polygons), ``intersecting(geometry,
kinds)`` (neighbouring countries and states for median lines, straits beside islands) and,
through them, the places they return.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Protocol

import shapely
from shapely.geometry.base import BaseGeometry

from gazetteer.areacache import AreaCache, area_key, enable_area_cache, process_area_cache
from gazetteer.coasttest import sure_coast, sure_land_around, sure_sea_near
from gazetteer.compass import COMPASS_DETAILS, compass_part, sector
from gazetteer.errors import GazetteerError
from gazetteer.frames import LocalFrame, buffer_in_frame, polygons_only
from gazetteer.modifiers import Modifier
from gazetteer.place import WATER_KINDS, Derivation, LazyPlace, Place
from gazetteer.seabands import (
    LandIndex,
    SeaBand,
    buffer_parts,
    coastline,
    connected_to,
    median_clip,
    region_boxes,
    sea_band,
    union_of,
    within_reach,
)
from gazetteer.shipped import shipped_area, ships

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Sequence

    from gazetteer.core import Gazetteer

__all__ = ["DISTANCES_KM", "NAUTICAL_MILE_KM", "AreaSource", "after_preposition", "derive"]

NAUTICAL_MILE_KM = 1.852

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
#: Straits farther than this share of the band width from an island are not "beside" it.
STRAIT_REACH = 0.5
#: Share of the smaller area two places must overlap to count as the same territory.
SAME_TERRITORY_OVERLAP = 0.5
#: Neighbours considered for the median line.
NEIGHBOUR_KINDS = frozenset({"country", "admin1"})
#: Land pieces in a work region above which those out of reach are left out first (a few
#: pieces are cheaper to project than to test).
FAR_LAND_PIECES = 64
#: Water bodies joined to the waters around an island.
STRAIT_KINDS = frozenset({"strait", "channel"})
#: Land reach (km) of the coast test that decides whether a sea rule applies (and whether a
#: place is an island): the coast is found within ``seabands.SEA_PROBE_M`` of the outline,
#: and land this far out covers that generously.
COAST_TEST_KM = 20.0


class AreaSource(Protocol):
    """What :func:`derive` needs from a gazetteer."""

    def land(self) -> BaseGeometry: ...

    def intersecting(
        self, geometry: BaseGeometry, kinds: Collection[str] | None = None
    ) -> Sequence[Place]: ...


def derive(
    base: Place,
    modifier: Modifier,
    gazetteer: Gazetteer,
    *,
    at_sea: bool = False,
    cache: AreaCache | bool | None = None,
) -> Place:
    """Return the derived area for ``modifier`` applied to ``base`` (kind ``derived``, with a
    :class:`~gazetteer.place.Derivation` saying how it was made).

    ``at_sea`` says the event happened at sea or in the air, which turns "near X" into the sea
    off X. Some modifiers add nothing to a water body ("waters of the Baltic Sea", "around the
    Taiwan Strait" at sea): then ``base`` itself is returned.

    When a sea rule finds no sea within reach ("off Mali", "near Kyiv" at sea, "coastal
    Chad"), the result is the ``near`` rule on land (the place and everything within 50 km),
    marked with ``Derivation.detail == "inland"`` and a description that says why: the
    mention still maps to where it is, and a reader sees how.

    Results are cached in memory, and on disk when an area cache is on
    (:mod:`gazetteer.areacache`): ``cache=None`` uses the process-wide cache
    (:func:`gazetteer.areacache.enable_area_cache`; off unless turned on), ``False`` none,
    ``True`` the process-wide one (turned on at its default path if off), or an
    :class:`~gazetteer.areacache.AreaCache`. The environment variable ``GEO_AREA_CACHE=off``
    turns every disk cache off. A cached area is the same as a computed one, and so is a
    shipped one: a few costly areas of the gazetteer's own places ship drawn
    (:mod:`gazetteer.shipped`), read only while their digest matches the code and artifact.

    The result says *which* area the phrase names (its id, name, rule and precision) at
    once; its outline and the description of how it was drawn are computed the first time
    something reads ``geometry`` or ``derivation`` (:class:`~gazetteer.place.LazyPlace`),
    once, and only then stored in the disk cache. Deciding costs at most one coast test
    (is there open sea along the outline?); drawing costs the bands, median lines and
    projections.

    An area that comes out empty when drawn (never seen: the coast test has found sea beside
    the outline) is drawn as the area within 50 km of the base, and its description says so.
    """
    if cache is None:
        disk = process_area_cache()
    elif cache is True:
        disk = process_area_cache() or enable_area_cache()
    else:
        disk = cache or None
    return _derive_cached(
        _Identity(gazetteer), base, id(base.geometry), modifier, bool(at_sea), _Identity(disk)
    )


@dataclass(frozen=True, slots=True, eq=False)
class _Identity:
    """Hashes and compares a gazetteer by identity, for the cache key."""

    target: Any

    def __hash__(self) -> int:
        return id(self.target)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Identity) and other.target is self.target


@lru_cache(maxsize=512)
def _derive_cached(
    ref: _Identity,
    base: Place,
    geometry_id: int,
    modifier: Modifier,
    at_sea: bool,
    disk: _Identity,
) -> Place:
    del geometry_id  # part of the key only: a pinned place may reuse an id with a new shape
    cache: AreaCache | None = disk.target
    key = None
    stored: bool | None = None
    if cache is not None and cache.enabled:
        fingerprint = getattr(ref.target, "fingerprint", None)
        gazetteer_id = fingerprint() if callable(fingerprint) else None
        if gazetteer_id is not None:
            stored = _stored(ref.target, base)
            key = area_key(gazetteer_id, base, modifier, at_sea, stored=stored)
            hit = cache.get(key, base)
            if hit is not None:
                return hit if hit is base else LazyPlace.drawn(hit)
    # drawn ahead by python -m gazetteer.shipped (bit for bit the same), for the gazetteer's
    # own places only
    if ships(base.id) and (stored if stored is not None else _stored(ref.target, base)):
        shipped = shipped_area(ref.target, base, modifier, at_sea)
        if shipped is not None:
            return shipped if shipped is base else LazyPlace.drawn(shipped)
    place = _Deriver(ref.target, base, modifier, at_sea).place()
    if key is not None and cache is not None:
        if isinstance(place, LazyPlace):
            place.when_drawn(lambda drawn: cache.put(key, base, drawn))
        else:
            cache.put(key, base, place)
    return place


def _stored(gazetteer: Any, base: Place) -> bool:
    """Whether ``base`` is the gazetteer's own place object for its id (not an online place
    or a derived one), so that the gazetteer's fingerprint fixes its geometry."""
    try:
        return gazetteer.get(base.id) is base
    except Exception:  # an unknown id (GazetteerError), or a gazetteer without get
        return False


@lru_cache(maxsize=8)
def _land_index(ref: _Identity) -> LandIndex:
    return LandIndex(ref.target.land())


class _CannotApply(GazetteerError):
    """The modifier's rule finds nothing to map for this base (no sea within reach)."""


#: Last words of feature names English gives "the" after a preposition: "off the Kuril
#: Islands", "near the Black Sea", "around the Malay Peninsula" (not "near Sable Island").
_ARTICLE_HEADS = frozenset({
    "islands", "isles", "islets", "keys", "mountains", "alps", "highlands", "sea", "ocean",
    "gulf", "bay", "strait", "straits", "channel", "sound", "peninsula", "desert",
    "archipelago", "basin", "plateau", "range", "lagoon", "delta", "river",
})  # fmt: skip
#: First words of names that take it when an "of" follows ("the Gulf of Mexico").
_ARTICLE_FIRST = frozenset({"gulf", "bay", "sea", "strait", "straits", "isthmus", "port", "river"})
#: Kinds whose names take it by their generic word (a city "Montego Bay" does not).
_ARTICLE_KINDS = frozenset({
    "island_group", "range", "peninsula", "desert", "region", "ocean", "sea", "strait",
    "gulf", "bay", "sound", "channel", "lagoon", "other", "river", "port",
})  # fmt: skip
#: Country names written with "the" ("off the Philippines", "near the United States").
_ARTICLE_COUNTRY = re.compile(
    r"^(?:United |Netherlands$|Philippines$|Bahamas$|Gambia$|Maldives$|Seychelles$|"
    r"Comoros$|Marshall Islands$|Solomon Islands$|Cayman Islands$|Falkland Islands$|"
    r"Faroe Islands$|Turks and Caicos Islands$|Cook Islands$|British Virgin Islands$|"
    r"Northern Mariana Islands$|Vatican$|.*\bRepublic\b)"
)


def after_preposition(place: Place) -> str:
    """``place``'s name as it reads after "off", "near", "around" or "of": with "the" for
    island groups, ranges, seas, gulfs and the like named by a generic word ("the Spratly
    Islands", "the South China Sea", "the Gulf of Mexico") and for the countries English
    names so ("the Philippines", "the United States"); the bare name otherwise ("Alaska",
    "Taiwan", "Sable Island", "Sabina Shoal")."""
    name = place.name
    if name.lower().startswith("the "):
        return name
    words = name.lower().split()
    generic = words[-1] in _ARTICLE_HEADS or (words[0] in _ARTICLE_FIRST and "of" in words)
    if (place.kind in _ARTICLE_KINDS and generic) or (
        place.kind == "country" and _ARTICLE_COUNTRY.match(name)
    ):
        return f"the {name}"
    return name


def _nm(km: float) -> str:
    nmi = km / NAUTICAL_MILE_KM
    return f"{nmi:g} nautical miles" if abs(nmi - round(nmi)) < 1e-6 else f"{km:g} km"


class _Deriver:
    """One derivation: the base, the modifier and the work area (frame, land, base)."""

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
        """The land within about ``reach_km`` of the base, projected."""
        boxes = region_boxes(self.base.geometry, reach_km * 1000.0)
        pieces = _land_index(_Identity(self.gazetteer)).pieces(boxes)
        if len(pieces) > FAR_LAND_PIECES:
            pieces = within_reach(self.frame, pieces, self.base_xy, reach_km * 1000.0)
        return self.frame.forward(union_of(pieces))

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
            land = _land_index(_Identity(self.gazetteer))
            sure = sure_coast(self.base.geometry, self.frame, land)
            if sure is not None:
                return sure
        return not self.coast().is_empty

    def _sure_point_sea(self, km: float) -> bool | None:
        """Whether the point base's sea band of ``km`` is not empty, when cheap lon/lat facts
        are sure of it (:func:`sure_land_around`: surely empty, :func:`sure_sea_near`:
        surely not), else None: only drawing the band can tell."""
        geometry = self.base.geometry
        if geometry.geom_type != "Point":
            return None
        land = _land_index(_Identity(self.gazetteer))
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
    ) -> Place:
        """A derived place whose area and description ``make()`` (lon/lat area, description)
        computes when first read; ``rule`` (default: the modifier's) names the rule that
        made it."""
        rule = rule or self.modifier.rule
        detail = detail if detail is not None else self.modifier.detail
        distance = round(distance_km, 3) if distance_km is not None else None
        base, phrase = self.base, self.modifier.phrase or self.modifier.rule

        def draw() -> tuple[BaseGeometry, Derivation]:
            area, description = make()
            area = polygons_only(area)
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
            id=f"derived:{rule}:{qualifier}:{base.id}",
            name=name,
            rule=rule,
            draw=draw,
            country=base.country,
            prominence=base.prominence,
        )

    # -- dispatch --------------------------------------------------------------------------

    def place(self) -> Place:
        try:
            return self.apply()
        except _CannotApply as exc:
            if self.modifier.rule == "compass":
                raise
            return self.near_land(because=str(exc))

    def apply(self) -> Place:
        """The modifier's own rule; :class:`_CannotApply` when it finds nothing to map."""
        rule = self.modifier.rule
        if rule == "compass":
            return self.compass()
        if self.is_water:
            return self.water_body()
        if rule == "near":
            if self.at_sea or self.modifier.detail == "sea":
                return self.sea(DISTANCES_KM["near_sea"], "near", median=False)
            return self.near_land()
        if rule == "around":
            if self.is_point:
                if self.at_sea:
                    return self.sea(DISTANCES_KM["point_sea"], "near", median=False)
                return self.near_land()
            if self.is_island():
                return self.around_island()
            if self.at_sea:
                return self.sea(DISTANCES_KM["near_sea"], "near", median=False)
            return self.near_land()
        if rule == "coast":
            if self.modifier.detail == "coastal" and not self.at_sea:
                return self.coastal_strip()
            return self.sea(DISTANCES_KM["coast"], "coast", median=True)
        if rule == "waters":
            key = "territorial" if self.modifier.detail == "territorial" else "waters"
            return self.sea(DISTANCES_KM[key], "waters", median=True)
        raise GazetteerError(f"no derivation for modifier rule {rule!r}")  # pragma: no cover

    # -- rules -----------------------------------------------------------------------------

    def compass(self) -> Place:
        detail = self.modifier.detail or ""
        adjective = COMPASS_DETAILS.get(detail)
        if adjective is None:
            raise GazetteerError(f"unknown compass direction {detail!r}")
        base_name = _compass_base_name(self.base, detail)
        name = f"{adjective} {base_name}"
        how = _compass_how(detail)
        if self.is_point:
            radius = DISTANCES_KM["point_compass"]

            def make_sector() -> tuple[BaseGeometry, str]:
                disc = self.base_xy.buffer(radius * 1000.0, quad_segs=32)
                return self.lonlat(sector(disc, detail)), (
                    f"{adjective} part of {self.base.name}, taking the city as a disc "
                    f"of {radius:g} km radius around its centre point"
                )

            return self.later(make_sector, name=name, qualifier=detail, distance_km=radius)

        if self.is_line:
            reach = DISTANCES_KM["point_compass"]

            def make_reach() -> tuple[BaseGeometry, str]:
                corridor = self.lonlat(self.base_xy.buffer(reach * 1000.0))
                return compass_part(corridor, detail), (
                    f"{adjective} part of {self.base.name}, taken on the land within "
                    f"{reach:g} km of it: {how}"
                )

            return self.later(make_reach, name=name, qualifier=detail, distance_km=reach)

        def make_part() -> tuple[BaseGeometry, str]:
            whole = self.hemisphere_ocean(detail)
            area = compass_part(whole.geometry, detail)
            return area, f"{adjective} part of {whole.name}: {how}"

        return self.later(make_part, name=name, qualifier=detail, distance_km=None)

    def near_land(self, *, because: str | None = None) -> Place:
        """The place and the area within 50 km of it; ``because`` says why a sea rule fell
        back to it (the rule is then ``near`` with detail ``inland``)."""
        km = DISTANCES_KM["near_land"]
        description = f"{self.base.name} and the area within {km:g} km of it"
        if because is not None:
            phrase = self.modifier.phrase or self.modifier.rule
            description = f"{because}, so '{phrase}' is read on land: {description}"

        def make() -> tuple[BaseGeometry, str]:
            area = buffer_in_frame(self.frame, self.base.geometry, km * 1000.0)
            return self.lonlat(area), description

        return self.later(
            make,
            name=f"Near {after_preposition(self.base)}",
            qualifier=f"land-{km:g}km",
            distance_km=km,
            detail="inland" if because is not None else None,
            rule="near" if because is not None else None,
        )

    def coastal_strip(self) -> Place:
        km = DISTANCES_KM["coastal_strip"]
        if self.is_point:
            return self.near_land()
        if not self.has_coast():
            raise _CannotApply(f"{self.base.name} has no coast")

        def make() -> tuple[BaseGeometry, str]:
            coast = coastline(self.base_xy, self.land_xy(km))
            strip = self.base_xy.intersection(buffer_parts(coast, km * 1000.0))
            return self.lonlat(strip), (
                f"The part of {self.base.name} within {km:g} km of its coast"
            )

        return self.later(
            make,
            name=f"Coastal {self.base.name}",
            qualifier=f"coastal-{km:g}km",
            distance_km=km,
            detail="coastal",
        )

    def sea(self, km: float, style: str, *, median: bool) -> Place:
        """A sea band (``style``: coast / waters / near) off the base's coast."""
        disc: SeaBand | None = None
        if self.is_point:
            km = min(km, DISTANCES_KM["point_sea"])
            sure = self._sure_point_sea(km)
            if sure is False:
                raise _CannotApply(f"{self.base.name} has no coast within {_nm(km)}")
            if sure is None:  # else the disc is not empty, and is drawn only when read
                land = self.land_xy(km)
                disc = sea_band(self.frame, self.base.geometry, self.base_xy, land, km * 1000.0)
                if disc.area.is_empty:
                    raise _CannotApply(f"{self.base.name} has no coast within {_nm(km)}")
        elif not self.has_coast():
            raise _CannotApply(f"{self.base.name} has no coast within {_nm(km)}")
        territorial = self.modifier.rule == "waters" and self.modifier.detail == "territorial"
        where = "of" if self.is_point else "of the coast of"
        the_base = after_preposition(self.base)
        if style == "near":
            name = f"Sea near {the_base}"
        elif territorial:
            name = f"Territorial waters of {the_base}"
        elif style == "waters":
            name = f"Waters off {the_base}"
        else:
            name = f"Sea off {the_base}"

        def make() -> tuple[BaseGeometry, str]:
            if disc is not None:
                band = disc
            else:
                land = self.land_xy(km)
                band = sea_band(self.frame, self.base.geometry, self.base_xy, land, km * 1000.0)
            area = band.area
            neighbours: list[str] = []
            if median and not self.is_point:
                others, neighbours = self.neighbours(area)
                area = median_clip(area, self.base_xy, others, km * 1000.0)
                area = connected_to(area, band.coast)
            description = f"Sea within {_nm(km)} {where} {the_base}, land removed"
            if neighbours:
                listed = _join(neighbours)
                if len(neighbours) > 4:
                    listed = ", ".join(neighbours[:4]) + " and others"
                description += f"; cut at the median line with {listed}"
            return self.lonlat(area), description

        qualifier = {"near": "sea-", "waters": "territorial-" if territorial else "eez-"}.get(
            style, ""
        ) + f"{km:g}km"
        return self.later(make, name=name, qualifier=qualifier, distance_km=km)

    def around_island(self) -> Place:
        km = DISTANCES_KM["around"]
        metres = km * 1000.0
        if not self.has_coast():
            raise _CannotApply(f"{self.base.name} has no sea within {_nm(km)} around it")

        def make() -> tuple[BaseGeometry, str]:
            land = self.land_xy(km * 2)
            band = sea_band(self.frame, self.base.geometry, self.base_xy, land, metres)
            area = band.area
            reach = self.base_xy.buffer(2 * metres, quad_segs=8)
            joined: list[str] = []
            straits = self.gazetteer.intersecting(self.frame.inverse(area), kinds=STRAIT_KINDS)
            for strait in straits:
                strait_xy = self.frame.forward(strait.geometry)
                if strait_xy.is_empty or strait_xy.distance(self.base_xy) > STRAIT_REACH * metres:
                    continue
                piece = polygons_only(strait_xy.intersection(reach))
                if not piece.is_empty:
                    area = area.union(piece)
                    joined.append(strait.name)
            if not land.is_empty:
                area = area.difference(land)
            area = area.difference(self.base_xy)
            description = f"Sea within {_nm(km)} of {after_preposition(self.base)}"
            if joined:
                description += f", with {_join(sorted(set(joined)))} beside it"
            return self.lonlat(area), description + ", land removed"

        return self.later(
            make,
            name=f"Waters around {after_preposition(self.base)}",
            qualifier=f"{km:g}km",
            distance_km=km,
        )

    def water_body(self) -> Place:
        """Modifiers on a sea, strait or gulf."""
        rule = self.modifier.rule
        if rule in {"waters", "coast", "around"} or self.at_sea or self.modifier.detail == "sea":
            if rule == "coast" and self.modifier.detail == "coastal" and not self.at_sea:
                pass  # "the coast of the Black Sea": its shores, below
            else:
                return self.base
        km = DISTANCES_KM["water_near"]

        def make() -> tuple[BaseGeometry, str]:
            area = buffer_in_frame(self.frame, self.base.geometry, km * 1000.0)
            return self.lonlat(area), f"{self.base.name} and its shores within {km:g} km"

        return self.later(
            make,
            name=f"Near {after_preposition(self.base)}",
            qualifier=f"shore-{km:g}km",
            distance_km=km,
        )

    # -- helpers ---------------------------------------------------------------------------

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


_COMPASS_HOW = {
    "north": "the northernmost two fifths of its area, cut along a parallel",
    "south": "the southernmost two fifths of its area, cut along a parallel",
    "east": "the easternmost two fifths of its area, cut along a meridian",
    "west": "the westernmost two fifths of its area, cut along a meridian",
    "central": "the middle third of its area from north to south and from east to west",
}


def _compass_how(detail: str) -> str:
    if detail in _COMPASS_HOW:
        return _COMPASS_HOW[detail]
    ns, ew = detail[:5], detail[5:]
    across = f"{ns}-{'west' if ew == 'east' else 'east'}"
    ends = f"{'south' if ns == 'north' else 'north'}-{ew}"
    return (
        f"the two fifths of its area farthest to the {ns}-{ew}, cut along a line running "
        f"{across} to {ends}"
    )


def _compass_base_name(base: Place, detail: str) -> str:
    """The base's name as it reads after a compass adjective: Natural Earth splits oceans into
    "North Pacific Ocean" and "South Pacific Ocean", and "the northwestern Pacific" reads
    "Northwestern Pacific Ocean", not "Northwestern North Pacific Ocean"."""
    name = base.name
    if base.kind == "ocean":
        for word in ("North", "South"):
            if name.startswith(word + " ") and detail.startswith(word.lower()):
                return name[len(word) + 1 :]
    return name


def _same_territory(base: BaseGeometry, base_point: BaseGeometry, other: BaseGeometry) -> bool:
    """Whether ``other`` contains the base or lies inside it (mostly: outlines from different
    sources disagree a little), rather than being a neighbour."""
    if other.contains(base_point) or base.contains(other.representative_point()):
        return True
    overlap = shapely.intersection(base, other).area
    smaller = min(base.area, other.area)
    return smaller > 0 and overlap >= SAME_TERRITORY_OVERLAP * smaller


def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
