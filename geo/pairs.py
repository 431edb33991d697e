"""Counties and the towns in them: "Paris and Henry County" is Paris, Tennessee.

Local news names its town and its county without naming the state. Each name alone has
namesakes everywhere (a dozen Henry Counties; Paris in France, Texas and Tennessee), and the
most prominent reading of each is wrong. Together they pin each other down: only one Henry
County holds a town called Paris. :func:`county_pairs` finds such pairs in an article.

For every county name of the article, and every other name of the article that may be a
city or a town (or that means a country first: "Lebanon police" beside "Boone County
deputies" is Indiana's Lebanon), the counties of the name that hold a city or town of the
other name (the nearest one within :data:`PAIR_KM` of the county's point, lying inside the
county) are counted. When exactly one county of the name holds a town of the other name,
that is a vote for the county and the town. The county with the most votes wins (a tie
leaves the county name alone); it and the towns that voted for it are the places of their
names. A county without namesakes pins its towns too ("HANOVER —" beside "Licking County"
is Hanover, Ohio, not Hannover): the county itself stays where it is. Whether a
country-named town is kept beside other names of that country is the caller's
(:meth:`geo.article_context.ArticleContexts._country_towns_kept`).

On LGL it moves 103 mentions, every one to a right place; see docs/recognition-and-events.md
(*Context, in two passes*); a county without namesakes and a country's name as a town add
21 right ones on the toponym corpora read article by article (session 41, wresolve41).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from gazetteer import Place
from gazetteer.normalize import normalize

__all__ = ["PAIR_KM", "county_pairs"]

#: How far (km) from a county's representative point a town of the other name is looked for
#: (then it must lie in the county's outline): a county is rarely wider than 100 km.
PAIR_KM = 60.0
#: A town this close (degrees, about 5 km) outside a county's generalised outline lies in it.
PAIR_REACH_DEG = 0.05
#: Kinds of place the other name of a pair may mean at best.
_TOWN_KINDS = frozenset({"city", "capital", "town"})
#: Kinds of place a name may mean first and still be a town a county pins down: a country's
#: name is also a small town's ("Lebanon", "Palestine", "Jordan", "Turkey").
_PAIRED_KINDS = _TOWN_KINDS | {"country"}


def county_pairs(
    names: Sequence[tuple[str, str, Sequence[Any]]],
    nearest_named: Callable[[str, Place, float], Place | None],
    has_town: Callable[[str], bool],
) -> dict[str, Place]:
    """The place of each name that a county-and-town pair pins down, by key (see the module
    docstring). ``names`` holds ``(key, lookup name, candidates)`` of the article's distinct
    names; ``nearest_named`` and ``has_town`` are the gazetteer's."""
    counties = [
        (key, [c.place for c in cands if c.place.kind == "county"])
        for key, _, cands in names
        if cands and cands[0].place.kind == "county"
    ]
    if not counties:
        return {}
    towns = [
        (key, name, cands[0].place if cands else None)
        for key, name, cands in names
        if (cands and cands[0].place.kind in _PAIRED_KINDS) or (not cands and has_town(name))
    ]
    out: dict[str, Place] = {}
    for county_key, places in counties:
        votes: dict[str, list[tuple[str, Place]]] = {}
        by_id = {p.id: p for p in places}
        for town_key, town_name, best in towns:
            if town_key == county_key:
                continue
            if len(places) == 1 and best is not None and _inside(best, places[0]):
                continue  # the one county's town is the name's best reading already
            hits = []
            for county in places:
                town = nearest_named(town_name, county, PAIR_KM)
                if town is not None and _inside(town, county):
                    hits.append((county, town))
            if len(hits) == 1:
                votes.setdefault(hits[0][0].id, []).append((town_key, hits[0][1]))
        if not votes:
            continue
        ranked = sorted(votes.items(), key=lambda v: -len(v[1]))
        if len(ranked) > 1 and len(ranked[1][1]) == len(ranked[0][1]):
            continue  # two counties of the name each hold as many towns of the article
        county_id, pinned = ranked[0]
        out.setdefault(county_key, by_id[county_id])
        for town_key, town in pinned:
            out.setdefault(town_key, town)
    return out


def _own_town(candidate: Any) -> bool:
    """Whether a candidate is a city or town matched by its own name (not by one of its
    GeoNames alternate names: "Old Town" is a district's old name for Baltimore)."""
    return candidate.place.kind in _TOWN_KINDS and not getattr(candidate, "alternate", False)


def _inside(place: Place, county: Place) -> bool:
    """Whether ``place``'s point lies in ``county``'s outline or within
    :data:`PAIR_REACH_DEG` of it."""
    point = place.geometry.representative_point()
    try:
        return bool(county.geometry.distance(point) <= PAIR_REACH_DEG)
    except Exception:  # pragma: no cover - defensive: an invalid geometry
        return False


#: Two towns of an article pin each other down when one namesake of the first has a town of
#: the second's name this close (km): "Hillsboro" and "Concord" in a New Hampshire paper.
TOWN_PAIR_KM = 40.0


def town_pairs(
    names: Sequence[tuple[str, str, Sequence[Any], bool]],
    nearest_named: Callable[[str, Place, float], Place | None],
    has_town: Callable[[str], bool],
) -> dict[str, Place]:
    """The place of each town name that another town name of the article pins down, by key.

    ``names`` holds ``(key, lookup name, candidates, anchored)`` of the article's distinct
    names (``anchored``: the name leads its namesakes clearly and is context for the others).
    For a name A whose best is a city or town and another name B that may be a city or a
    small town, the cities of A (by their own names) that have a city or town of B's own
    name within :data:`TOWN_PAIR_KM` are found; when exactly one of A's does, that namesake
    of A and that town of B are a pair. A name takes its place from pairs when it is no
    anchor (an anchor stays where it leads: "Vienna" next to "Washington" is still
    Austria's) and every pair it is in agrees; a name in pairs that disagree is left
    alone."""
    towns = [
        (key, name, [c.place for c in cands if _own_town(c)], anchored)
        for key, name, cands, anchored in names
        if (cands and cands[0].place.kind in _TOWN_KINDS) or (not cands and has_town(name))
    ]
    found: dict[str, dict[str, Place]] = {}
    movable = {key for key, _, _, anchored in towns if not anchored}
    if not movable:
        return {}
    for a_key, _, pivots, _ in towns:
        if not pivots:
            continue
        for b_key, b_name, _, _ in towns:
            if b_key == a_key or (a_key not in movable and b_key not in movable):
                continue
            hits = []
            for pivot in pivots:
                town = nearest_named(b_name, pivot, TOWN_PAIR_KM)
                if town is not None and town.id != pivot.id and normalize(town.name) == b_key:
                    hits.append((pivot, town))
            if len(hits) != 1:
                continue
            pivot, town = hits[0]
            if a_key in movable:
                found.setdefault(a_key, {})[pivot.id] = pivot
            if b_key in movable:
                found.setdefault(b_key, {})[town.id] = town
    return {key: next(iter(places.values())) for key, places in found.items() if len(places) == 1}
