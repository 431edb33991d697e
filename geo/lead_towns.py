"""Small towns a local story is about, pinned by the divisions the story names.

Local news names its town by a name the main index lacks ("A Chapin man died early Tuesday
… the S.C. Highway Patrol reported", "Lexington County Coroner's Office"): the recognizer
takes such a small town (:mod:`gazetteer.towns`) only where a qualifier or a link pins it
("Chapin, S.C."), so the story has no town, and :mod:`geo.focus` no focus. The helper for
the focus is :func:`pinned_town`: a name the lead uses as a place ("a Chapin man", "Hopkinton
police", "a Chapin restaurant", "in Chapin on Friday"), written at least twice in the text
and not resolved by the recognizer, that is the name of exactly one town inside the
divisions and counties the text names in any role (a location, or an organisation's: "the
S.C. Highway Patrol", "the Lexington County Coroner's Office").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from gazetteer import Place
from geo.clauses import ATTRIBUTIVE_BEFORE
from geo.where import load_where_words
from lonlat.distance import km

if TYPE_CHECKING:
    from geo.recognize import Recognized

__all__ = [
    "HOLDER_KM",
    "NAME",
    "covers",
    "holders",
    "holds",
    "pinned_town",
    "town_in",
    "used_as_place",
]

#: A division known only by its label point holds the towns within this distance of it; a
#: county's towns are looked for within this distance of the county's point.
HOLDER_KM = 150.0
#: A name the lead uses as a place must be written at least this many times in the text.
_MIN_NAMED = 2
#: Kinds of place that may hold the story's town.
_HOLDER_KINDS = frozenset({"admin1", "county"})
#: Kinds of place a pinned town may be.
_TOWN_KINDS = frozenset({"town", "city"})

#: One or two capitalised words ("Chapin", "Elbow Lake") not inside a longer word.
NAME = re.compile(r"(?<![\w'’.-])[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?(?![\w'’-])")


def holders(recognized: Sequence[Recognized]) -> list[Place]:
    """The first-level divisions and counties the text names in any role (a location or an
    organisation's: "the S.C. Highway Patrol"), once each, in text order."""
    seen: dict[str, Place] = {}
    for m in recognized:
        place = m.base
        if place.kind in _HOLDER_KINDS and place.id not in seen:
            seen[place.id] = place
    return list(seen.values())


def pinned_town(
    text: str,
    recognized: Sequence[Recognized],
    lead_end: int,
    gazetteer: Any,
) -> Place | None:
    """The small town the text's lead (ending at ``lead_end``) names as a place, when its
    name is written at least twice and exactly one town of the name lies in the divisions
    and counties the text names (see the module docstring); else ``None``."""
    areas = holders(recognized)
    if not areas:
        return None
    spans = [(m.start, m.end) for m in recognized]
    tried: set[str] = set()
    for found in NAME.finditer(text, 0, lead_end):
        name = found.group()
        if name in tried or any(s < found.end() and found.start() < e for s, e in spans):
            continue
        if not used_as_place(text, found.start(), found.end()):
            continue
        tried.add(name)
        if len(re.findall(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])", text)) < _MIN_NAMED:
            continue
        if not gazetteer.has_town(name):
            continue
        towns = {p.id: p for a in areas if (p := town_in(gazetteer, name, a)) is not None}
        if len(towns) == 1:
            return next(iter(towns.values()))
    return None


def town_in(gazetteer: Any, name: str, area: Place) -> Place | None:
    """The town or city called ``name`` that lies in ``area`` (a county or a first-level
    division), or ``None``."""
    if area.kind == "county":
        town = gazetteer.nearest_named(name, area, HOLDER_KM)
    else:
        town = gazetteer.resolve(f"{name}, {area.name}")
    if town is None or town.kind not in _TOWN_KINDS or town.name != name:
        return None
    return town if holds(area, town) else None


def holds(area: Place, place: Place) -> bool:
    """True when ``area`` covers the point of ``place`` (see :func:`covers`)."""
    return covers(area, place.geometry.representative_point())


def covers(area: Place, point: Any) -> bool:
    """True when ``area`` covers the shapely ``point`` (an area known only by a label point
    holds what lies within :data:`HOLDER_KM` of it)."""
    if area.geometry.geom_type == "Point":
        return km(area.geometry.x, area.geometry.y, point.x, point.y) <= HOLDER_KM
    return bool(area.geometry.covers(point))


def used_as_place(text: str, start: int, end: int) -> bool:
    """True when the name at ``start:end`` is used as a place: where people live ("a Chapin
    man"; at the text's start, a headline's "Chapin man dies"), a local police force or court
    ("Hopkinton police"), a venue's modifier ("a Chapin restaurant") or after a locative
    preposition ("in Chapin")."""
    words = load_where_words()
    before = text[max(0, start - 12) : start]
    if words.resident_after.match(text, end) is not None:
        return start == 0 or words.resident_count.search(before) is not None
    if words.force.match(text, end) is not None:
        return True
    if ATTRIBUTIVE_BEFORE.search(before) is not None:
        return words.venue_after.match(text, end) is not None
    # "in Newberry on Friday", "near Chapin, deputies said"; not "in Ravenel cocaine case"
    return (
        words.locative_before.search(before) is not None
        and words.name_end.match(text, end) is not None
    )
