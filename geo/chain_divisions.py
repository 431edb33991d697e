"""A place its own phrase puts in a wider division that does not hold it (session 43).

"Rescuers work at the site of a landslide in Liangshui Village, Tangfang Town in the city of
Zhaotong, southwest China's Yunnan Province": the text names the division each place lies
in, and a namesake of "Liangshui" in another province is not the place the text means. A
report placed at a mention whose phrase chains on to a division or country that does not
cover it (the resolver chose a namesake elsewhere, or a feature that only lends the division
its name: "in the Ural Mountains region of Sverdlovsk") takes the first place of the chain
that every wider division after it covers ("Zhaotong"; "Sverdlovsk").

The chain is read from the mention's end: a division noun of ``chain_nouns`` (``grammar.yaml``)
may close the name ("Liangshui Village"), then a comma, "in the <noun> of", "<noun> of" or a
possessive ("China's Yunnan Province") leads to the next mention. A comma-led member that is
followed by a possessive or a word that is no name ("in Gaza, Israel's military said") is an
actor, not a division: the chain stops before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from geo.lead_towns import covers
from geo.nearness import at_edge_of
from geo.reports import EventReport
from geo.titles import place_title, title_core
from geo.toponyms import Recognized
from geo.vocabulary import LazyPattern, words
from lonlat.distance import km

if TYPE_CHECKING:
    from gazetteer import Place

#: How far from its label point a division the gazetteer knows only by that point still
#: holds a place: about a large province's reach ("Zhaotong, Yunnan Province" lies 390 km from
#: Yunnan's point and in it; the namesakes of "Liangshui" and "Tangfang" 1,000 km off do not).
LABEL_HOLD_KM = 600.0

#: Kinds of place that are a country or a division of one: such a place is no part of another.
_UNITS = frozenset({"country", "admin1", "admin2", "dependency"})

#: What may stand between a mention and the next one of its chain.
_LINK = LazyPattern(
    lambda: (
        rf"(?:\s+(?:{words('chain_nouns')})\b)?"
        rf"(?:\s*,\s*(?:the\s+)?(?:(?:{words('compass_points', 'chain_modifiers')})\s+)?"
        rf"(?:[A-Z][\w-]*['’]s\s+)?"
        rf"|\s+in\s+(?:the\s+|a\s+)?(?:[a-z-]+\s+)?(?:{words('chain_nouns')})\s+of\s+(?:the\s+)?"
        rf"|\s+(?:{words('chain_nouns')})\s+of\s+(?:the\s+)?"
        r"|['’]s\s+)"
    ),
    re.IGNORECASE,
)
#: An actor after a comma-led name: a possessive of a common noun ("Gaza, Israel's military
#: said") or a lower-case word that is no division noun ("Kyiv, Russia said", "Paris, Texas
#: on Monday": the chain stops there, and the rule keeps out of doubt).
_ACTOR_AFTER = LazyPattern(lambda: rf"['’]s\s+[a-z]|\s+(?!(?:{words('chain_nouns')})\b)[a-z]+\b")


def _chain(text: str, m: Recognized, mentions: Sequence[Recognized]) -> list[Recognized]:
    """The mentions the phrase of ``m`` chains on to, in order (see the module docstring)."""
    out: list[Recognized] = []
    cur = m
    while True:
        link = _LINK.match(text, cur.end)
        if link is None:
            return out
        # the next mention may take in words the link reads ("southwest China's Yunnan
        # Province" is one folded name)
        nxt = next((o for o in mentions if cur.end < o.start <= link.end()), None)
        if nxt is None:
            return out
        if "," in link.group() and _ACTOR_AFTER.match(text, nxt.end):
            return out
        out.append(nxt)
        cur = nxt


def _holds(area: Place, place: Place) -> bool:
    """True when ``area`` holds ``place``: its outline covers the place's point or lies at
    its edge (:func:`geo.nearness.at_edge_of`: "Jeffersonville, Indiana" on the Ohio River
    falls just outside Indiana's generalised outline), or, for an area known only by a label
    point, the place lies within :data:`LABEL_HOLD_KM` of that point (a town's point holds
    what :func:`geo.lead_towns.covers` says)."""
    point = place.geometry.representative_point()
    g = area.geometry
    if g.geom_type == "Point" and area.precision == 3:
        return km(g.x, g.y, point.x, point.y) <= LABEL_HOLD_KM
    return covers(area, point) or at_edge_of(place, area)


def chained_place(text: str, m: Recognized, mentions: Sequence[Recognized]) -> Recognized | None:
    """The place of the chain of ``m`` (see the module docstring) when a wider division or
    country of the chain does not cover ``m``'s place; ``None`` when every one does, or the
    chain names no wider place."""
    if m.place.kind in _UNITS:
        return None  # "in Syria, Iraq, Turkey": a country or division is no part of another
    chain = _chain(text, m, mentions)
    feature = m.place.precision == 3  # a range, a sea: "the Ural Mountains region of X"
    wider = [
        k
        for k, o in enumerate(chain)
        if o.place.id != m.place.id and (o.place.precision == 3 or feature)
    ]
    if all(_holds(chain[k].place, m.place) for k in wider):
        return None  # also when the chain names no wider place
    for i, o in enumerate(chain):
        if all(_holds(chain[k].place, o.place) for k in wider if k > i):
            return o
    return None


def chained_reports(
    text: str, reports: Sequence[EventReport], mentions: Sequence[Recognized]
) -> list[EventReport]:
    """``reports``, each placed at a mention whose chain says it lies elsewhere moved to the
    place of its chain (:func:`chained_place`), its title following."""
    at = {m.start: m for m in mentions}
    out: list[EventReport] = []
    for r in reports:
        m = at.get(r.char_start)
        o = (
            None
            if m is None or m.place.id != r.place.id or r.list_start is not None
            else chained_place(text, m, mentions)
        )
        if o is None:
            out.append(r)
            continue
        title = place_title(title_core(r.title, r.place), o.place)
        out.append(replace(r, place=o.place, title=title))
    return out
