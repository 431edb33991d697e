"""Nearness of places for the toponym recognizer: how close two places are (:func:`_near`,
containment and edges), which names are strays or lonely namesakes to drop
(:func:`stray`, :func:`drop_lonely`), and which first-level division a list joins a name
to ("Oregon and Washington": :func:`coordinated_division`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from typing import Any

from gazetteer import Place
from gazetteer.normalize import normalize
from geo.toponyms import (
    Recognized,
    Toponym,
)
from lonlat.distance import km

#: A lone small town farther than this from every other place of an article, in a country
#: the article names nowhere else, is taken for an unknown namesake and dropped (km).
STRAY_KM = 3000.0
#: ...when the article names at least this many other places.
STRAY_MIN_ANCHORS = 3


#: Kinds of place a one-word given name ("Donna", "Paris") may be placed at only with a
#: place of the article nearby (see Recognizer._given_name_place).
GIVEN_NAME_KINDS = frozenset({"city", "capital", "town"})


#: Kinds of place a coordinated first-level division re-reads ("Oregon and Washington").
COORDINATED_KINDS = frozenset({"city", "capital"})
#: A place this close to a division (degrees, about 100 km) lies next to it.
NEXT_TO_DEGREES = 1.0
#: Between two items of a list: a comma, "and" or "or".
_COORDINATION = re.compile(r"(?:[ \t]*,)?[ \t]+(?:and|or)[ \t]+|[ \t]*,[ \t]+")


def coordinated_division(
    text: str,
    i: int,
    base: Place,
    toponyms: Sequence[Toponym],
    firsts: Sequence[Place | None],
    cands: Sequence[Any],
) -> Place | None:
    """The first-level division among ``cands`` that toponym ``i`` (read as ``base``) names
    when a list joins it to a first-level division of the same country ("Oregon and
    Washington", "Montana and Wyoming", "California or Washington": the states, not the
    capital or a town), or ``None``. Not when ``base`` lies next to that division:
    "Maryland, Virginia and Washington" lists the capital's neighbours."""
    for j in (i - 1, i + 1):
        if not 0 <= j < len(toponyms):
            continue
        neighbour = firsts[j]
        if neighbour is None or neighbour.kind != "admin1" or not neighbour.country:
            continue
        if base.geometry.distance(neighbour.geometry) < NEXT_TO_DEGREES:
            continue
        a, b = (toponyms[j], toponyms[i]) if j < i else (toponyms[i], toponyms[j])
        if _COORDINATION.fullmatch(text, a.end, b.start) is None:
            continue
        for c in cands:
            if c.place.kind == "admin1" and c.place.country == neighbour.country:
                return c.place
    return None


def stray(
    place: Place,
    anchors: dict[str, Place],
    points: dict[str, Any],
    named: AbstractSet[str] = frozenset(),
) -> bool:
    """True when ``place`` (the only place of its name) is far from an article's other
    places (``anchors``: the distinct anchor places by id, in text order): the article names
    at least :data:`STRAY_MIN_ANCHORS` places that lead their namesakes (``named``, the ids
    of the anchors before any is reopened; ``anchors`` when empty), none of ``anchors`` lies
    in its country and none within :data:`STRAY_KM`. The gazetteer then most likely lacks
    the place the text means. ``points`` caches representative points by place id for one
    text."""
    ids = named or anchors.keys()
    if len(ids) - (place.id in ids) < STRAY_MIN_ANCHORS or place.country is None:
        return False
    here = _point(place, points)
    for other in anchors.values():
        if other.id == place.id:
            continue
        if other.country == place.country:
            return False
        there = _point(other, points)
        if km(here.x, here.y, there.x, there.y) < STRAY_KM:
            return False
    return True


def by_alternate(cands: Sequence[Any], place: Place) -> bool:
    """Whether the name of ``cands`` means ``place`` only by one of its GeoNames alternate
    names (``Candidate.alternate``): an old or foreign name ("Berea" for Aleppo, "Salisbury"
    for Harare) or a near-spelling ("Ismaili" for Ismayilli)."""
    for c in cands:
        if c.place.id == place.id:
            return bool(getattr(c, "alternate", False))
    return False


#: The fewest letters an abbreviation of a place's name has ("Phila."): shorter openings
#: ("Col.", "Gen.") are titles and words more often than names.
ABBREVIATION_MIN_LETTERS = 4
#: An abbreviation's period: a period right after the name, then a lower-case word, so no
#: sentence ends there ("W. Phila. shooting", "Phila. rape suspect").
_ABBREVIATION_PERIOD = re.compile(r"\.[ \t]+[a-z]")


def abbreviated(text: str, t: Toponym, place: Place) -> bool:
    """Whether the mention ``t`` is ``place``'s own name cut short with a period: the name
    the text writes opens the place's name, has at least :data:`ABBREVIATION_MIN_LETTERS`
    letters and stands before a period that ends no sentence ("W. Phila. shooting" is
    Philadelphia). Such a name is an abbreviation, not the old or foreign name
    :func:`by_alternate` guards against ("Berea" for Aleppo opens nothing of its name;
    "moved to Phila. He" ends a sentence)."""
    key = t.key
    if len(key.replace(" ", "")) < ABBREVIATION_MIN_LETTERS or key == normalize(place.name):
        return False
    return normalize(place.name).startswith(key) and bool(
        _ABBREVIATION_PERIOD.match(text, t.name_end)
    )


def near_any(
    place: Place, key: str, toponyms: Sequence[Toponym], firsts: Sequence[Place | None]
) -> bool:
    """Whether ``place`` lies near a place the article names under another name (the best
    place of each other name): see :func:`_near`. The evidence a name that matched only by an
    alternate name needs."""
    return _near(
        place,
        (
            other
            for t, other in zip(toponyms, firsts, strict=True)
            if other is not None and t.key != key
        ),
    )


def _near(place: Place, others: Iterable[Place], same_country: bool = False) -> bool:
    """Whether ``place`` lies near one of ``others``: in the same country as a country of
    them (as any of them, with ``same_country``), in or within
    :data:`gazetteer.ranking.QUALIFIER_REACH_DEG` of an area of them, or within
    :data:`gazetteer.ranking.NEAR_KM` of a point of them."""
    from gazetteer.ranking import NEAR_KM, QUALIFIER_REACH_DEG

    here = place.geometry.representative_point()
    seen: set[str] = {place.id}
    for other in others:
        if other.id in seen:
            continue
        seen.add(other.id)
        if other.kind == "country" or same_country:
            if other.country is not None and other.country == place.country:
                return True
            if other.kind == "country":
                continue
        geometry = other.geometry
        if geometry.geom_type in {"Polygon", "MultiPolygon"}:
            if geometry.distance(here) <= QUALIFIER_REACH_DEG:
                return True
            continue
        there = geometry.representative_point()
        if km(here.x, here.y, there.x, there.y) <= NEAR_KM:
            return True
    return False


def drop_lonely(
    out: list[Recognized],
    weak: Sequence[int],
    candidates: Callable[[str, str], Sequence[Any]],
) -> list[Recognized]:
    """``out`` with the mentions at ``weak`` (given names placed without a qualifier or a
    county pair) checked against the article's other mentions (any role, not such a given
    name): a
    mention that lies in the same country as one of them, or in, at or within
    :data:`gazetteer.ranking.NEAR_KM` of one (:func:`_near`) stays; otherwise the best
    namesake of its name (``candidates``, without context) that does takes its place
    ("the Alexandria Police Department" in a Kentucky story is no Egyptian police), and
    without one it is dropped ("call Donna", "Lincoln's profile"). A text with no other
    mention is left as it is ("died in a Dallas hospital")."""
    drop: set[int] = set()
    weak_keys = {out[i].toponym.key for i in weak}
    others = [o.base for o in out if o.toponym.key not in weak_keys]
    if not others:
        return out  # given names do not vouch for each other: nothing to check against
    for i in weak:
        r = out[i]
        if _near(r.base, others, same_country=True):
            continue
        namesake = next(
            (
                c.place
                for c in candidates(r.toponym.name, r.toponym.key)
                if c.place.kind in GIVEN_NAME_KINDS and _near(c.place, others, same_country=True)
            ),
            None,
        )
        if namesake is None:
            drop.add(i)
        elif r.place is r.base:  # no derived area was made of it
            out[i] = Recognized(toponym=r.toponym, place=namesake, base=namesake)
        else:
            drop.add(i)
    return [r for i, r in enumerate(out) if i not in drop] if drop else out


def _point(place: Place, points: dict[str, Any]) -> Any:
    """``place``'s representative point, cached in ``points`` by place id."""
    point = points.get(place.id)
    if point is None:
        point = points[place.id] = place.geometry.representative_point()
    return point


def lies_in(place: Place, region: Place) -> bool:
    """True when ``place`` is in the country or division ``region``."""
    if region.kind == "country":
        return place.country is not None and place.country == region.country
    try:
        return bool(region.geometry.intersects(place.geometry.representative_point()))
    except Exception:  # pragma: no cover - defensive: an invalid geometry
        return False


def at_edge_of(place: Place, region: Place) -> bool:
    """True when ``place`` is in the country of the division ``region`` and within
    :data:`gazetteer.ranking.QUALIFIER_REACH_DEG` of its outline (outlines are generalised:
    "Jeffersonville, Ind." on the Ohio River falls just outside Indiana's)."""
    from gazetteer.ranking import QUALIFIER_REACH_DEG

    if place.country is None or place.country != region.country or region.kind == "country":
        return False
    try:
        point = place.geometry.representative_point()
        return bool(region.geometry.distance(point) <= QUALIFIER_REACH_DEG)
    except Exception:  # pragma: no cover - defensive: an invalid geometry
        return False


#: Nearest-namesake lookups remembered (geo.pairs; the memo is emptied when full).
NEAREST_MEMO = 50_000
#: At most this many namesakes of a county's name are paired with towns (geo.pairs): the
#: commonest county names (Washington, Jefferson, Franklin) have about 30.
MAX_COUNTIES = 50
#: A town pinned by "X, south of Y" / "X, near Y" lies at most this far from Y (km).
TOWN_LINK_KM = 50.0
#: Kinds of place Y may be in "X, south of Y": a point or a small area.
LINK_ANCHOR_KINDS = frozenset({"city", "capital", "town", "county"})


#: A place farther than this (degrees, about 300 km) from every other place an article names
#: is isolated in it: no neighbour, no division or country of the article's holds it.
ISOLATED_DEGREES = 3.0
#: A namesake town this close to another town of the article (km) is the local one.
LOCAL_NAMESAKE_KM = 60.0
#: Kinds of place a far namesake may be re-read from, and that anchor a local one.
_LOCAL_KINDS = frozenset({"city", "capital", "town"})
#: Kinds of place whose neighbourhood holds a local namesake: a town's, a county's.
_ANCHOR_KINDS = _LOCAL_KINDS | {"county"}


def isolated(r: Recognized, out: Sequence[Recognized]) -> bool:
    """Whether no mention of ``out`` under another name lies within
    :data:`ISOLATED_DEGREES` of ``r``'s place (a country or division that holds it counts:
    "German" beside "Berlin")."""
    point = r.base.geometry.representative_point()
    key = r.toponym.key
    return not any(
        o.toponym.key != key and o.base.geometry.distance(point) <= ISOLATED_DEGREES for o in out
    )


def local_namesakes(
    out: Sequence[Recognized],
    nearest_named: Callable[[str, Place, float], Place | None],
    fixed: AbstractSet[str],
) -> list[Recognized]:
    """``out`` with each far namesake of a small town re-placed at the town: a city, capital
    or town that lies far from every other place of the article (:func:`isolated`, so the
    article names nothing of its country or state near it) when a city or town of its name
    lies within :data:`LOCAL_NAMESAKE_KM` of another town or county the article names, itself
    not isolated ("met in Norfolk" in a story of Columbus and Platte County, Nebraska, is
    Norfolk, Nebraska, not Virginia). Never a mention of a key in ``fixed`` (paired or qualified), a
    demonym, a derived area, nor the capital of the local town's own country ("Washington"
    in any US story stays the capital)."""
    anchors = [
        o
        for o in out
        if o.base.kind in _ANCHOR_KINDS and o.place is o.base and not isolated(o, out)
    ]
    if not anchors:
        return list(out)
    moved: dict[str, Place | None] = {}  # key → its local namesake (None: stays)
    result = list(out)
    for n, r in enumerate(out):
        t = r.toponym
        if (
            t.key in fixed
            or t.demonym
            or t.qualifier is not None
            or r.place is not r.base
            or r.base.kind not in _LOCAL_KINDS
        ):
            continue
        if t.key not in moved:
            moved[t.key] = None
            if isolated(r, out):
                for a in anchors:
                    if a.toponym.key == t.key:
                        continue
                    local = nearest_named(t.name, a.base, LOCAL_NAMESAKE_KM)
                    if local is None or local.id == r.base.id:
                        continue
                    if r.base.kind == "capital" and r.base.country == local.country:
                        continue
                    moved[t.key] = local
                    break
        local = moved[t.key]
        if local is not None:
            result[n] = Recognized(toponym=t, place=local, base=local)
    return result
