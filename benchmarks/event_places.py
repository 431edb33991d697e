"""Where the events of an article lie when they miss its gold's place (counts only: safe on
unseen news).

:func:`elsewhere_kinds` sorts the two classes of :mod:`bench_events` ``--causes`` that are
about the place: the missed required events whose article has events, none at the gold place
("place named, events elsewhere only"), and the false pairs inside a gold event's window but
away from every gold place ("place wrong, dates right"). Each is sorted by how the event
nearest the gold (among the article's events dated in the gold window, else all of them)
stands to the gold place (:data:`PLACE_KINDS`), and counted apart when that event is a lead
with no trigger word (a "Happening" of :mod:`geo.lead_event`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from event_scoring import Score, SystemEvent, distance_km, in_window, near_any

__all__ = [
    "PLACE_KINDS",
    "elsewhere_kinds",
    "elsewhere_report",
]

#: How an event away from the gold stands to its place, in the order printed (the first that
#: fits): a place of the same name as one the gazetteer has at the gold (a namesake read
#: wrong), within three gold tolerances (a nearby place: a neighbour, a narrower or wider
#: one), within 500 km, or further.
PLACE_KINDS = (
    "a namesake of a place at the gold",
    "within three tolerances of the gold",
    "another place within 500 km",
    "over 500 km away",
)

#: The title a lead with no trigger word takes (:mod:`geo.lead_event`: "Happening, Paris").
_NO_TRIGGER_TITLE = "Happening"

#: The distance (km) beyond which an event is counted as far from the gold.
_FAR_KM = 500.0

#: How many gold tolerances count as nearby.
_NEAR_TOLERANCES = 3.0


def _spots(gold: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [gold, *gold.get("alt", ())]


def _head(name: str) -> str:
    """A place name up to its first comma, parenthesis or slash, lower-cased ("Middletown,
    Ohio" → "middletown")."""
    return re.split(r"[,(/;]", name, maxsplit=1)[0].strip().lower()


def _distance(ev: SystemEvent, gold: Mapping[str, Any]) -> float:
    """The distance (km) from ``ev``'s geometry to the nearest of ``gold``'s points."""
    return min(distance_km(ev.geometry, s["pt"][0], s["pt"][1]) for s in _spots(gold))


def place_kind(
    ev: SystemEvent,
    gold: Mapping[str, Any],
    namesake_at: Callable[[str, Mapping[str, Any]], bool],
) -> str:
    """The kind of :data:`PLACE_KINDS` that ``ev`` (not near ``gold``) is: a namesake when its
    place name is the gold place's own (up to a comma) or ``namesake_at`` says the gazetteer
    has a place of the event's place name within the gold's tolerance."""
    if _head(ev.place_name) in {_head(str(s.get("place", ""))) for s in _spots(gold)}:
        return PLACE_KINDS[0]  # the gold's own name: a town the gazetteer may lack
    if namesake_at(ev.place_name, gold):
        return PLACE_KINDS[0]
    d = _distance(ev, gold)
    if d <= _NEAR_TOLERANCES * max(float(s["tol_km"]) for s in _spots(gold)):
        return PLACE_KINDS[1]
    return PLACE_KINDS[2] if d <= _FAR_KM else PLACE_KINDS[3]


def elsewhere_kinds(
    result: Score,
    events: Sequence[SystemEvent],
    gold: Mapping[str, Mapping[str, Any]],
    mentioned: Mapping[str, Sequence[Any]],
    namesake_at: Callable[[str, Mapping[str, Any]], bool],
) -> tuple[dict[tuple[str, bool], int], dict[tuple[str, bool], int]]:
    """The misses with events elsewhere only and the false pairs with the place wrong and the
    dates right, each counted by (kind of :data:`PLACE_KINDS`, whether the event is a lead with
    no trigger word). ``mentioned`` maps an article to the geometries its mentions resolved
    to (a miss whose gold place none of them is near is not of this class)."""
    empty = {(k, t): 0 for k in PLACE_KINDS for t in (False, True)}
    misses, false = dict(empty), dict(empty)
    by_article: dict[str, list[SystemEvent]] = {}
    for ev in events:
        for art in ev.articles:
            by_article.setdefault(art, []).append(ev)
    for docid, g in result.misses:
        mine = by_article.get(docid, [])
        if not mine or any(near_any(ev.geometry, g) for ev in mine):
            continue
        if not any(near_any(geom, g) for geom in mentioned.get(docid, ())):
            continue
        dated = [ev for ev in mine if in_window(ev, g)] or mine
        nearest = min(dated, key=lambda ev: _distance(ev, g))
        key = (place_kind(nearest, g, namesake_at), _no_trigger(nearest))
        misses[key] += 1
    for docid, ev in result.false:
        golds = gold.get(docid, {}).get("events", [])
        if any(near_any(ev.geometry, g) for g in golds):
            continue
        dated = [g for g in golds if in_window(ev, g)]
        if not dated:
            continue
        g = min(dated, key=lambda g: _distance(ev, g))
        false[(place_kind(ev, g, namesake_at), _no_trigger(ev))] += 1
    return misses, false


def _no_trigger(ev: SystemEvent) -> bool:
    return ev.title.split(",")[0].split(" ")[0] == _NO_TRIGGER_TITLE


def elsewhere_report(
    misses: Mapping[tuple[str, bool], int], false: Mapping[tuple[str, bool], int]
) -> str:
    """The counts of :func:`elsewhere_kinds` as lines of text (no article or gold text): per
    kind, all and those of leads with no trigger word."""
    lines = []
    for label, counts in (
        ("misses with events elsewhere only", misses),
        ("false pairs with the place wrong, dates right", false),
    ):
        lines.append(f"{label}, by the nearest event's place ({sum(counts.values())}):")
        for kind in PLACE_KINDS:
            every = counts.get((kind, False), 0) + counts.get((kind, True), 0)
            lead = counts.get((kind, True), 0)
            lines.append(f"  {every:4d}  {kind} ({lead} of them a lead with no trigger word)")
    return "\n".join(lines)


def gazetteer_namesakes(
    gazetteer: Any, limit: int = 30
) -> Callable[[str, Mapping[str, Any]], bool]:
    """A ``namesake_at`` for :func:`elsewhere_kinds`: whether one of ``gazetteer``'s first
    ``limit`` candidates for a place name, or a town of that very name (``towns_named``: the
    small-town index too), lies within a gold point's tolerance ("Washington, D.C." is no
    namesake of a small Washington)."""

    def namesake_at(name: str, gold: Mapping[str, Any]) -> bool:
        places = [c.place for c in gazetteer.candidates(name, limit=limit)]
        places += gazetteer.towns_named(name)
        return any(
            distance_km(place.geometry, s["pt"][0], s["pt"][1]) <= float(s["tol_km"])
            for place in places
            for s in _spots(gold)
        )

    return namesake_at
