"""Whether two reports can be one event, as far as their places and their types go.

Two places can be the place of one event (:func:`places_compatible`) when they are the same
place, one lies inside the other (a city in its country, a point inside a sea or a derived
area; a town in a first-level division the gazetteer knows only by its label point:
:class:`Divisions`), or their areas overlap by :data:`AREA_OVERLAP` of the smaller one. Two
trigger types of one merge group are never one happening when their lexicon keeps them apart
(:func:`types_apart`: a wildfire and a flood). Whether their dates can be one event's is
:func:`geo.reports.dates_compatible`; whether a report with no date of its own may mean
another article's happening that ended long before it, :func:`recalled`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date, timedelta
from functools import cache
from typing import Any

from shapely.errors import GEOSException

from gazetteer import GazetteerError, Place
from geo.relative_dates import RECENTLY_DAYS
from lonlat.distance import km as great_circle_km

#: Share of the smaller area two areas must overlap by to be "the same place".
AREA_OVERLAP = 0.5
#: How far from a division's label point a place of its country may lie at most to be taken
#: as inside it (a guard against divisions the gazetteer lacks; see :class:`Divisions`).
LABEL_POINT_KM = 600.0
#: A place lies in a division known by its label point when that label point is at most this
#: many times as far as the nearest label point of the country's divisions: label points are
#: not centres, so a place near the edge of two cells may belong to either.
LABEL_POINT_MARGIN = 1.25


def area(geom: Any) -> float:
    """Area in square degrees scaled by cos(latitude): good enough to compare overlaps."""
    if geom.geom_type not in {"Polygon", "MultiPolygon"}:
        return 0.0
    lat = geom.centroid.y
    return geom.area * max(0.05, math.cos(math.radians(lat)))


def places_compatible(a: Place, b: Place, divisions: Divisions | None = None) -> bool:
    """True when ``a`` and ``b`` can be the place of one event: the same id, one inside the
    other, or areas overlapping by :data:`AREA_OVERLAP` of the smaller. Whether a division
    known only by its label point holds a place is asked of ``divisions`` (by default, the
    label points of the bundled gazetteer)."""
    divisions = divisions or default_divisions()
    memo = divisions.memo
    if memo is None:
        return _places_compatible(a, b, divisions)
    key = (a.id, b.id)
    hit = memo.get(key)
    if hit is None:
        hit = memo[key] = _places_compatible(a, b, divisions)
    return hit


def _places_compatible(a: Place, b: Place, divisions: Divisions) -> bool:
    if a.id == b.id:
        return True
    if divisions.holds(a, b) or divisions.holds(b, a):
        return True
    ga, gb = a.geometry, b.geometry
    try:
        if not ga.intersects(gb):
            return False
        area_a, area_b = area(ga), area(gb)
        if area_a == 0 or area_b == 0:
            return True  # a point (or line) touching or inside an area
        overlap = area(ga.intersection(gb))
        return overlap >= AREA_OVERLAP * min(area_a, area_b)
    except Exception:  # pragma: no cover - invalid geometries: compare ids only
        return False


class Divisions:
    """Approximate containment for first-level divisions the gazetteer knows only by their
    label points (no outline): a place lies in such a division when it is in the same
    country, within :data:`LABEL_POINT_KM` of the division's label point, and that label point
    is the nearest of the country's division label points, give or take
    :data:`LABEL_POINT_MARGIN` (a Voronoi cell of the label points, widened at its edges
    because label points are not centres). A city that gives its name to a division of its
    country lies in that division and no other (the city of Odesa is in the Odesa region,
    though the Mykolaiv region's label point is nearer to it). So "the Odesa region" holds
    Odesa and Izmail, "Sindh" holds Dadu and Karachi, Balochistan holds Quetta, and Sindh
    does not. Two divisions, or a division and a country, never hold each other (the Kharkiv
    and Sumy regions are two places, however near)."""

    def __init__(self, gazetteer: Any = None) -> None:
        self._gazetteer = gazetteer
        self._held: dict[tuple[str, str], bool] = {}
        #: Answers of :func:`places_compatible` by pair of place ids, during one merge.
        self.memo: dict[tuple[str, str], bool] | None = None

    def for_merge(self) -> Divisions:
        """A view of these divisions that remembers which places are compatible, by id:
        within one merge a place id names one place, and the same pairs come back often."""
        view = Divisions(self._gazetteer)
        view._held = self._held
        view.memo = {}
        return view

    @property
    def gazetteer(self) -> Any:
        if self._gazetteer is None:
            from gazetteer import Gazetteer

            self._gazetteer = Gazetteer.default()
        return self._gazetteer

    def holds(self, division: Place, other: Place) -> bool:
        """True when ``division`` is a first-level division known only by its label point
        that may hold ``other`` (see the class docstring)."""
        if division.kind != "admin1" or division.geometry.geom_type != "Point":
            return False
        if other.kind in _NEVER_INSIDE_A_DIVISION:
            return False
        if division.country is None or division.country != other.country:
            return False
        key = (division.id, other.id)
        hit = self._held.get(key)
        if hit is None:
            hit = self._held[key] = self._holds(division, other)
        return hit

    def _holds(self, division: Place, other: Place) -> bool:
        from shapely.geometry import box

        q = other.geometry.representative_point()
        reach = _km(division.geometry, q)
        if reach > LABEL_POINT_KM:
            return False
        namesakes = self._namesakes(other)
        if namesakes:
            # a division named after its centre holds it, and no neighbour does: the city of
            # Odesa is in the Odesa region even where the Mykolaiv region's label point is
            # nearer to it
            return division.id in namesakes
        dlat = reach / 111.0 + 0.01
        dlon = dlat / max(0.05, math.cos(math.radians(q.y)))
        near = self.gazetteer.intersecting(
            box(q.x - dlon, q.y - dlat, q.x + dlon, q.y + dlat), kinds=("admin1",)
        )
        nearest = min(
            (
                _km(p.geometry, q)
                for p in near
                if p.country == division.country and p.geometry.geom_type == "Point"
            ),
            default=reach,
        )
        return reach <= LABEL_POINT_MARGIN * nearest

    def _namesakes(self, place: Place) -> frozenset[str]:
        """Ids of the divisions known by label points in ``place``'s country that bear its
        name (the Kano state for the city of Kano)."""
        if place.kind not in _CENTRE_KINDS:
            return frozenset()
        from gazetteer.normalize import normalize

        try:
            cands = self.gazetteer.candidates(normalize(f"{place.name} region"))
        except GazetteerError:  # pragma: no cover - a gazetteer that cannot look the name up
            return frozenset()
        return frozenset(
            c.place.id
            for c in cands
            if c.place.kind == "admin1"
            and c.place.country == place.country
            and c.place.geometry.geom_type == "Point"
        )


#: Kinds of place that may be the centre a division is named after.
_CENTRE_KINDS = frozenset({"city", "capital"})


@cache
def default_divisions() -> Divisions:
    """The shared :class:`Divisions` lookup, built once."""
    return Divisions()


#: Kinds of place a first-level division never holds.
_NEVER_INSIDE_A_DIVISION = frozenset({"admin1", "country"})


def _km(p: Any, q: Any) -> float:
    """Great-circle distance between two lon/lat points, in km."""
    return great_circle_km(p.x, p.y, q.x, q.y)


def within(a: Place, b: Place, km: float) -> bool:
    """True when the nearest points of ``a`` and ``b`` are at most ``km`` apart."""
    from shapely.ops import nearest_points

    try:
        p, q = nearest_points(a.geometry, b.geometry)
    except GEOSException:  # pragma: no cover - invalid geometries
        return False
    return _km(p, q) <= km


def types_apart(a: Any, b: Any) -> bool:
    """True when trigger types ``a`` and ``b`` of one group are never one happening (their
    lexicon's ``apart``: a wildfire and a flood)."""
    return b.name in getattr(a, "apart", ()) or a.name in getattr(b, "apart", ())


def recalled(types: Iterable[Any], published: date, end: date) -> bool:
    """True when a report with no date of its own, of ``types`` and published on
    ``published``, may mean another article's happening of its kind that ended on ``end``: a
    lasting state (``lasting_state`` in ``triggers.yaml``: "Moscow's invasion of Ukraine" is
    the invasion another article dated years before) however long before; any other
    happening only within the days "recently" reaches back (:data:`RECENTLY_DAYS`). A strike,
    a visit or an ambush recurs at one place: an undated one is the article's recent news,
    not another article's of years before."""
    return lasting_state(types) or end >= published - timedelta(days=RECENTLY_DAYS)


def lasting_state(types: Iterable[Any]) -> bool:
    """True when one of trigger ``types`` is a state that lasts months or years
    (``lasting_state`` in ``triggers.yaml``: an invasion, a war, an epidemic)."""
    return any(getattr(t, "lasting_state", False) for t in types)
