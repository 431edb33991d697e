"""Counties and the towns in them: "Paris and Henry County" is Paris, Tennessee.

Local news names its town and its county without naming the state. Each name alone has
namesakes everywhere (a dozen Henry Counties; Paris in France, Texas and Tennessee), and the
most prominent reading of each is wrong. Together they pin each other down: only one Henry
County holds a town called Paris. :func:`county_pairs` finds such pairs in an article.

For every county name of the article with namesakes (a key whose candidates hold two
counties or more), and every other name of the article that may be a city or a town, the
counties of the name that hold a city or town of the other name (the nearest one within
:data:`PAIR_KM` of the county's point, lying inside the county) are counted. When exactly
one county of the name holds a town of the other name, that is a vote for the county and
the town. The county with the most votes wins (a tie leaves the county name alone); it and
the towns that voted for it are the places of their names.

On LGL it moves 103 mentions, every one to a right place; see docs/recognition-and-events.md
(*Context, in two passes*).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from gazetteer import Place

__all__ = ["PAIR_KM", "county_pairs"]

#: How far (km) from a county's representative point a town of the other name is looked for
#: (then it must lie in the county's outline): a county is rarely wider than 100 km.
PAIR_KM = 60.0
#: A town this close (degrees, about 5 km) outside a county's generalised outline lies in it.
PAIR_REACH_DEG = 0.05
#: Kinds of place the other name of a pair may mean at best.
_TOWN_KINDS = frozenset({"city", "capital", "town"})


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
    counties = [(key, places) for key, places in counties if len(places) >= 2]
    if not counties:
        return {}
    towns = [
        (key, name)
        for key, name, cands in names
        if (cands and cands[0].place.kind in _TOWN_KINDS) or (not cands and has_town(name))
    ]
    out: dict[str, Place] = {}
    for county_key, places in counties:
        votes: dict[str, list[tuple[str, Place]]] = {}
        by_id = {p.id: p for p in places}
        for town_key, town_name in towns:
            if town_key == county_key:
                continue
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


def _inside(place: Place, county: Place) -> bool:
    """Whether ``place``'s point lies in ``county``'s outline or within
    :data:`PAIR_REACH_DEG` of it."""
    point = place.geometry.representative_point()
    try:
        return bool(county.geometry.distance(point) <= PAIR_REACH_DEG)
    except Exception:  # pragma: no cover - defensive: an invalid geometry
        return False
