"""Ranking rules: how the candidates of one name are scored against a context.

Every place indexed under a name gets a score (higher is better)::

    score = log10(1 + prominence) + kind bonus + name bonus + context bonuses

The constants below are the whole rule set; docs/gazetteer.md explains them with examples.
:class:`Scorer` applies them for one lookup of :class:`gazetteer.Gazetteer`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shapely
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from gazetteer.artifact import TIER_ALIAS, TIER_ALTERNATE, TIER_NAME
from gazetteer.designators import DESIGNATORS
from gazetteer.normalize import fold
from gazetteer.place import WATER_KINDS, Place
from lonlat.distance import km, within_km

if TYPE_CHECKING:
    from gazetteer.core import Gazetteer
    from gazetteer.lookup import Context

#: Added to log10(1 + prominence) by kind: a country beats a same-named town, a capital
#: beats a village, a named area beats a vague region.
KIND_BONUS: dict[str, float] = {
    "country": 1.5,
    "capital": 1.0,
    "island_group": -0.5,
    "peninsula": -0.5,
    "range": -0.5,
    "desert": -0.5,
    "region": -1.0,
    "other": -1.5,
}
#: A match by the generic word of a water body's kind ("the Gulf" for the Persian Gulf, the
#: Gulf of Mexico…): a lookup-time tier, never stored in the artifact.
TIER_GENERIC = 3
#: Generic words news uses alone for a water body of a kind, and that kind: every water body
#: of the kind whose name holds the word is a candidate of the word, and the article's other
#: places pick one ("the Gulf" is the Persian Gulf next to Iran, the Gulf of Mexico next to
#: Florida).
GENERIC_WATER: dict[str, str] = {"gulf": "gulf"}
#: Added by how the name matched: the place's own name, a GeoNames alternate, a curated
#: alias, the generic word of its kind.
TIER_BONUS: dict[int, float] = {
    TIER_NAME: 0.0,
    TIER_ALTERNATE: -1.5,
    TIER_ALIAS: 3.0,
    TIER_GENERIC: -1.5,
}
#: A generic match loses this much more when the word is not the head of the name ("Gulf
#: of Mexico"): "the Gulf" shortens "the Persian Gulf" as it is written.
GENERIC_OF_PENALTY = 0.5
#: A water body borders a nearby country or division whose outline comes this close
#: (degrees, about 10 km: both outlines are generalised).
SHORE_REACH_DEG = 0.1
#: An alternate-name match loses this much more when another place has the name as its own
#: name and is prominent (static score at least OWN_NAME_SCORE): "Victoria" is the Australian
#: state before it is a historical name of Hong Kong.
SHADOWED_ALTERNATE_PENALTY = 2.0
OWN_NAME_SCORE = 5.0
#: Context bonuses.
QUALIFIER_BONUS = 5.0  # "Paris, Texas": the place lies in the qualifier
COUNTRIES_BONUS = 1.0  # the place is in one of Context.countries
SAME_COUNTRY_BONUS = 1.0  # the place shares a country with a nearby place
NEAR_BONUS = 1.5  # the place contains, lies in, or is within NEAR_KM of a nearby place
REPEAT_BONUS = 2.0  # the place itself was already resolved nearby
USER_BONUS = 3.0  # a place from a user places file
DESIGNATOR_BONUS = 5.0  # "Kano State", "Sylhet division": a place of the kind the word names
#: A place with a recorded parent division (a US county's state) when the text names the
#: division or a place inside it: "Adair County" in a story naming Kentucky or Louisville is
#: Kentucky's. Larger than the population gap between most namesake counties, smaller than a
#: qualifier ("Adair County, Iowa" in a Kentucky story is Iowa's).
PARENT_BONUS = 3.0
#: A place that lies in a first-level division the text names elsewhere (Context.divisions:
#: "Texas" anywhere in the story, a dateline's "Mont."): a qualifier written far from the
#: name, so weaker than one. Measured on LGL (docs/gazetteer.md, *Ranking*).
DIVISION_BONUS = 2.0
PIN_BONUS = 100.0  # a pinned name always resolves to its place
#: Two points closer than this count as near each other.
NEAR_KM = 300.0
#: A province label point and a same-named town of its country this close are one place.
PROVINCE_TOWN_KM = 600.0
#: For the distance of a point to an area, in lon/lat degrees (a bias, not a measurement).
KM_PER_DEGREE = 111.0
#: A place this close (degrees, about 10 km) to a qualifier's outline lies in it: outlines are
#: generalised, and a town on the coast ("Wales, Alaska" at Cape Prince of Wales) can fall
#: just outside.
QUALIFIER_REACH_DEG = 0.1
#: Kinds a qualifier ("…, Texas", "…, Russia") can name.
QUALIFIER_KINDS = frozenset({"country", "admin1", "region", "island", "island_group"})
#: At most this many nearby places are considered per lookup.
MAX_NEARBY = 25


class Scorer:
    """Scores the entries of one lookup against one context."""

    def __init__(self, gazetteer: Gazetteer, context: Context, key: str) -> None:
        self.g = gazetteer
        self.context = context
        self.key = key
        self.pinned = gazetteer._pins.get(key)
        self.shadowed = False
        self.targets = gazetteer._qualifier_targets(context.qualifier) if context.qualifier else []
        self.divisions = [
            i for i in (gazetteer._index(p.id) for p in context.divisions) if i is not None
        ]
        self.countries = set(context.countries)
        self.designated = DESIGNATORS.get(context.designator or "", frozenset())
        self.nearby_points: list[tuple[float, float, str]] = []
        self.nearby_areas: list[Place] = []
        self.parents: dict[int, str | None] = {}  # parent index → a nearby place in it
        if not context.nearby:
            return
        nearby = context.nearby[:MAX_NEARBY]
        self.nearby_ids = {p.id for p in nearby}
        self.nearby_countries = {p.country: p.name for p in nearby if p.country}
        for place in nearby:
            x, y = gazetteer._point_of(place)
            self.nearby_points.append((x, y, place.name))
            if place.geometry.geom_type in {"Polygon", "MultiPolygon"}:
                self.nearby_areas.append(place)

    def score(self, i: int, number: int, tier: int) -> tuple[float, int, int, list[str]]:
        g = self.g
        score = g._static[i] + TIER_BONUS[tier]
        reasons = [f"{g._kinds[i]}, prominence score {g._static[i]:.2f}"]
        if tier == TIER_ALIAS:
            reasons.append("curated alias")
        elif tier == TIER_ALTERNATE:
            reasons.append("alternate name")
            if self.shadowed:
                score -= SHADOWED_ALTERNATE_PENALTY
                reasons.append("another prominent place has this name")
        elif tier == TIER_GENERIC:
            reasons.append(f"a {g._kinds[i]} of this name")
            if not fold(g._label(i, 0)).endswith(self.key):
                score -= GENERIC_OF_PENALTY
        if i >= g._n_base:
            score += USER_BONUS
            reasons.append("user place")
        if i == self.pinned:
            score += PIN_BONUS
            reasons.append("pinned by the user")
        if self.designated and g._kinds[i] in self.designated:
            score += DESIGNATOR_BONUS
            reasons.append(f"the text says '{self.context.designator}'")
        country = g._countries[i]
        if self.targets:
            target = self._qualifier_match(i)
            if target is not None:
                score += QUALIFIER_BONUS
                reasons.append(f"qualifier matches {g._place(target).name}")
        if self.divisions:
            division = self._match(self.divisions, g._lon[i], g._lat[i], country, i)
            if division is not None:
                score += DIVISION_BONUS
                reasons.append(f"in {g._place(division).name}, which the text names")
        if country and country in self.countries:
            score += COUNTRIES_BONUS
            reasons.append(f"text is about {country}")
        if self.nearby_points:
            if g._id(i) in self.nearby_ids:
                score += REPEAT_BONUS
                reasons.append("already resolved in this text")
            if country and country in self.nearby_countries:
                score += SAME_COUNTRY_BONUS
                reasons.append(f"same country as {self.nearby_countries[country]}")
            near = self._near(i)
            if near:
                score += NEAR_BONUS
                reasons.append(near)
            parent = g._parent(i)
            if parent is not None:
                inside = self._in_parent(parent)
                if inside is not None:
                    score += PARENT_BONUS
                    reasons.append(f"in {g._place(parent).name}, as {inside}")
        return score, i, number, reasons

    def division_match_at(self, lon: float, lat: float, country: str | None) -> int | None:
        """The division of ``Context.divisions`` (index) a place at ``lon``/``lat`` in
        ``country`` lies in, or ``None`` (the test of :meth:`qualifier_match_at`)."""
        return self._match(self.divisions, lon, lat, country, -1) if self.divisions else None

    def point_bonus(self, lon: float, lat: float, country: str | None) -> tuple[float, list[str]]:
        """The context terms of a point place outside the index (a small town) and their
        reasons: the text's countries, the same country as a nearby place, within NEAR_KM of
        one or inside a nearby area, and a division the text names."""
        score, reasons = 0.0, []
        if country and country in self.countries:
            score += COUNTRIES_BONUS
            reasons.append(f"text is about {country}")
        if self.nearby_points:
            if country and country in self.nearby_countries:
                score += SAME_COUNTRY_BONUS
                reasons.append(f"same country as {self.nearby_countries[country]}")
            near = next(
                (n for x, y, n in self.nearby_points if within_km(lon, lat, x, y, NEAR_KM)), None
            )
            if near is None:
                for area in self.nearby_areas:
                    geometry, bounds = _prepared(area.geometry)
                    if in_box(lon, lat, bounds) and shapely.intersects_xy(geometry, lon, lat):
                        near = area.name
                        break
            if near is not None:
                score += NEAR_BONUS
                reasons.append(f"near {near}")
        division = self.division_match_at(lon, lat, country)
        if division is not None:
            score += DIVISION_BONUS
            reasons.append(f"in {self.g._place(division).name}, which the text names")
        return score, reasons

    def _in_parent(self, parent: int) -> str | None:
        """The name of a nearby place that is the division ``parent`` or lies in it (its
        representative point), or ``None``; cached per division for this lookup."""
        if parent in self.parents:
            return self.parents[parent]
        g = self.g
        found = None
        if g._id(parent) in self.nearby_ids:
            found = g._place(parent).name
        else:
            box = g._bbox(parent)
            if box is not None:
                geometry, _ = _prepared(g._geometry(parent))
                for x, y, name in self.nearby_points:
                    if in_box(x, y, box) and shapely.intersects_xy(geometry, x, y):
                        found = name
                        break
        self.parents[parent] = found
        return found

    def _qualifier_match(self, i: int) -> int | None:
        g = self.g
        return self.qualifier_match_at(g._lon[i], g._lat[i], g._countries[i], exclude=i)

    def qualifier_match_at(
        self, lon: float, lat: float, country: str | None, exclude: int = -1
    ) -> int | None:
        """The qualifier target (index) a place at ``lon``/``lat`` in ``country`` lies in: the
        same country for a country, inside the outline (or within QUALIFIER_REACH_DEG of it)
        for an area, the same country and within NEAR_KM of a label point; ``None`` when it
        lies in none. ``exclude`` is the place's own index (a place does not qualify
        itself)."""
        return self._match(self.targets, lon, lat, country, exclude)

    def _match(
        self, targets: list[int], lon: float, lat: float, country: str | None, exclude: int
    ) -> int | None:
        """The first of ``targets`` (indices of countries and divisions) a place at
        ``lon``/``lat`` in ``country`` lies in (see :meth:`qualifier_match_at`), or ``None``."""
        g = self.g
        for t in targets:
            if t == exclude:
                continue
            kind = g._kinds[t]
            if kind == "country":
                if g._countries[t] and country == g._countries[t]:
                    return t
                continue
            box = g._bbox(t)
            if box is None:  # a label point: same country and near it
                if country == g._countries[t] and (km(lon, lat, g._lon[t], g._lat[t]) <= NEAR_KM):
                    return t
            else:
                reach = QUALIFIER_REACH_DEG
                wide = (box[0] - reach, box[1] - reach, box[2] + reach, box[3] + reach)
                if in_box(lon, lat, wide) and (
                    shapely.intersects_xy(_prepared(g._geometry(t))[0], lon, lat)
                    or g._geometry(t).distance(Point(lon, lat)) <= reach
                ):
                    return t  # a coastal town just off a generalised outline still lies in it
        return None

    def _near(self, i: int) -> str | None:
        g = self.g
        box = g._bbox(i)
        lon, lat = g._lon[i], g._lat[i]
        for x, y, name in self.nearby_points:
            if box is None:
                if within_km(lon, lat, x, y, NEAR_KM):
                    return f"near {name}"
            elif in_box(x, y, box) and shapely.intersects_xy(g._geometry(i), x, y):
                return f"contains {name}"
        if box is None:
            for area in self.nearby_areas:
                geometry, bounds = _prepared(area.geometry)
                if in_box(lon, lat, bounds) and shapely.intersects_xy(geometry, lon, lat):
                    return f"lies in {area.name}"
            return None
        reach = NEAR_KM / KM_PER_DEGREE
        wide = (box[0] - reach, box[1] - reach, box[2] + reach, box[3] + reach)
        for x, y, name in self.nearby_points:
            if in_box(x, y, wide) and g._geometry(i).distance(Point(x, y)) <= reach:
                return f"borders on {name}"
        if g._kinds[i] in WATER_KINDS:
            # a sea borders the countries on its shores, however far inland their middles
            r = SHORE_REACH_DEG
            for area in self.nearby_areas:
                geometry, b = _prepared(area.geometry)
                if (
                    b[0] - r <= box[2]
                    and box[0] <= b[2] + r
                    and b[1] - r <= box[3]
                    and box[1] <= b[3] + r
                    and shapely.dwithin(geometry, g._geometry(i), r)
                ):
                    return f"borders on {area.name}"
        return None

    def prefer_areas(self, scored: list[tuple[float, int, int, list[str]]]) -> None:
        """An admin-1 label point stands for an area Natural Earth only has as a point. A
        same-named place that is more precise takes its score when it is plainly the same
        place: an area around the point (an island, a peninsula, a disputed region: "Sicily",
        "Crimea" map as areas), or a city of the same country (the province's
        namesake town within PROVINCE_TOWN_KM: "Gao", "Timbuktu", "Kaliningrad" map as the
        towns)."""
        g = self.g
        if self.designated:
            return  # "Sylhet division": the text asks for the division itself
        points = [s for s in scored if g._kinds[s[1]] == "admin1" and g._bbox(s[1]) is None]
        if not points:
            return
        for n, (score, i, number, reasons) in enumerate(scored):
            kind, box = g._kinds[i], g._bbox(i)
            if kind in {"country", "admin1"}:
                continue
            for p_score, p, _, _ in points:
                if p_score <= score:
                    continue
                if box is not None and in_box(g._lon[p], g._lat[p], box):
                    reason = f"the area of {g._place(p).name}"
                elif (
                    box is None
                    and kind in {"city", "capital"}
                    and g._countries[i] == g._countries[p]
                    and km(g._lon[i], g._lat[i], g._lon[p], g._lat[p]) <= PROVINCE_TOWN_KM
                ):
                    reason = f"the town of {g._place(p).name}"
                else:
                    continue
                score = p_score + 0.01
                reasons = [*reasons, reason]
                scored[n] = (score, i, number, reasons)


def in_box(x: float, y: float, box: tuple[float, float, float, float]) -> bool:
    """Whether (x, y) lies in the box (minx, miny, maxx, maxy)."""
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


_PREPARED: dict[int, tuple[BaseGeometry, tuple[float, float, float, float]]] = {}


def _prepared(geometry: BaseGeometry) -> tuple[BaseGeometry, tuple[float, float, float, float]]:
    """``geometry``, prepared for repeated point tests (GEOS indexes its edges, once), and its
    bounds. Areas used as context (countries, seas) are asked about every candidate of
    every ambiguous name near them."""
    hit = _PREPARED.get(id(geometry))
    if hit is None or hit[0] is not geometry:
        shapely.prepare(geometry)
        if len(_PREPARED) > 4096:
            _PREPARED.clear()
        hit = _PREPARED[id(geometry)] = (geometry, geometry.bounds)
    return hit
