"""A country's name that a local story uses as its town's.

"Lebanon", "Malta", "Palestine" and "Jordan" are also towns of local news ("died Thursday
at Cedar Haven Nursing Home in Lebanon" beside Annville and Palmyra). The resolver keeps
a country's name as the country unless a residence phrase ("a Lebanon woman") or the
outlet's own town says otherwise (:mod:`geo.resolving`); the story's small towns are found
only afterwards (:mod:`geo.bare_towns`). :func:`with_country_towns` then moves a country's
name to the town of that name within :data:`geo.resolving.LOCAL_TOWN_KM` of one of the
article's other places, only when every other mention of the article (locations, demonyms,
organisations) lies in that town's country: a story that names any place, people or body
abroad ("returned from Lebanon … flew to Beirut", "Lebanese", "Syria") keeps the country.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from gazetteer import Place
from geo.toponyms import Recognized, Resolution

__all__ = ["with_country_towns"]


def _is_country_name(r: Recognized) -> bool:
    """Whether ``r`` is a location read as a country from its own name (no demonym, no
    modifier; an organisation's name keeps its own reading: :mod:`geo.roles`)."""
    t = r.toponym
    return (
        r.place.kind == "country"
        and r.place is r.base
        and r.role == "location"
        and not t.demonym
        and t.modifier is None
    )


def _town_for(
    key: str, name: str, start: int, recognized: list[Recognized], gazetteer: Any, km: float
) -> Place | None:
    """The town called ``name`` within ``km`` of one of the other (non-country) places,
    the nearest in the text to ``start`` first, when every mention not of ``key`` lies in
    that town's country; else ``None``."""
    nearest = getattr(gazetteer, "nearest_named", None)
    others = [r for r in recognized if r.toponym.key != key]
    if nearest is None or not others:
        return None
    countries = {r.place.country for r in others}
    if len(countries) != 1 or None in countries:
        return None
    (home,) = countries
    local = sorted(
        (r for r in others if r.place.kind != "country"), key=lambda r: abs(r.start - start)
    )
    seen: set[str] = set()
    for r in local:
        if r.place.id in seen:
            continue
        seen.add(r.place.id)
        town = nearest(name, r.place, km)
        if town is not None and town.kind != "country" and town.country == home:
            return town
    return None


def with_country_towns(resolution: Resolution, gazetteer: Any, km: float) -> Resolution:
    """``resolution`` with each country's name that the story uses as a town's placed at
    that town (see the module's docstring); the same resolution when none moves."""
    recognized = resolution.recognized
    moved: dict[str, Place | None] = {}
    for r in recognized:
        if not _is_country_name(r):
            continue
        key = r.toponym.key
        if key in moved:
            continue
        if any(o.toponym.key == key and o.place.id != r.place.id for o in recognized):
            moved[key] = None  # the name already reads two ways: leave it
            continue
        moved[key] = _town_for(key, r.toponym.name, r.start, recognized, gazetteer, km)
    if not any(moved.values()):
        return resolution
    out = [
        Recognized(r.toponym, town, town)
        if _is_country_name(r) and (town := moved.get(r.toponym.key)) is not None
        else r
        for r in recognized
    ]
    return replace(resolution, recognized=out)
