"""A page's data object, assembled from its blocks (layout in :mod:`layers.payload`): the main
page's (:func:`index_payload`, and :func:`page_data` for a whole or a sliced site) and an
embed page's (:func:`embed_payload`, its one event with its details inline).

It promises the same layout for every page: ``cats`` with each category's event count, the
sources and shapes each stored once, ``range`` the days of the events (of the mentions only
when there are none), ``span`` the timeline's own days when a few events lie far outside the
rest (:func:`timeline_span`) and ``bounds`` the box of every shape drawn.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from shapely.geometry.base import BaseGeometry

from layers.payload import (
    DETAIL_CHUNK,
    Geometries,
    SiteTables,
    Sources,
    event_detail,
    event_records,
    events_block,
)
from layers.placedata import PLACE_KEYS, places_data
from layers.style import MENTION_COLOUR

__all__ = [
    "categories",
    "date_range",
    "embed_payload",
    "index_payload",
    "page_data",
    "timeline_span",
]

#: At most this share of the events (and at least one) may be left out of the timeline's own
#: days as lying far before or after the rest (:func:`timeline_span`): a minority, so that
#: the days drawn are the story's.
OUTLIER_SHARE = 0.25
#: A gap shorter than this (about three months, the timeline's span for bins of a day) never
#: cuts the timeline: such a span is drawn whole at a day's or a week's resolution anyway.
MIN_OUTLIER_GAP = 92


def date_range(ev: Mapping[str, list[Any]], pl: Mapping[str, list[Any]]) -> list[int] | None:
    """The days the events span (the header's dates and the default window); the mentions'
    days only when there are no events. A place named for its history ("the 1962 crisis")
    must not stretch the window over years without events."""
    starts = list(ev["s"])
    ends = list(ev["e"])
    if not starts:
        starts = [m[2] for ms in pl["m"] for m in ms if m[2] is not None]
        ends = [m[3] for ms in pl["m"] for m in ms if m[3] is not None]
    if not starts:
        return None
    return [min(starts), max(ends)]


def timeline_span(starts: Sequence[int], ends: Sequence[int]) -> dict[str, Any] | None:
    """The days the timeline draws when a few events lie far from the rest, else ``None``.

    A history told in passing ("the 1932 famine") or a distant plan would stretch the
    timeline over decades and squeeze every other event into one bar. So the earliest starts
    (and the latest ends) are left out of its days when they are a minority, at most
    :data:`OUTLIER_SHARE` of the events, and the gap between them and the rest is longer than
    the rest's own span and than :data:`MIN_OUTLIER_GAP`. Promises ``{"days": [first, last],
    "earlier": n, "later": m}``: the kept events' days, and how many events start before
    them and how many were left out for ending after them; the timeline gathers those into
    one bar at each end. Events given as parallel start and end day numbers."""
    n = len(starts)
    if n < 2:
        return None
    allowed = max(1, math.floor(n * OUTLIER_SHARE))
    order = sorted(range(n), key=lambda i: starts[i])
    # the latest end of the events from the k-th start on, for every k (one pass, not one
    # scan per cut: a big site has 100,000 events and a quarter of them may be cut)
    latest = [ends[order[-1]]] * n
    for j in range(n - 2, -1, -1):
        latest[j] = max(ends[order[j]], latest[j + 1])
    earlier = 0
    for k in range(1, allowed + 1):
        first = starts[order[k]]
        gap = first - starts[order[k - 1]]
        if gap > max(latest[k] - first, MIN_OUTLIER_GAP):
            earlier = k
    kept = order[earlier:]
    first = starts[kept[0]]
    by_end = sorted(kept, key=lambda i: ends[i], reverse=True)
    later = 0
    for k in range(1, min(allowed, len(by_end) - 1) + 1):
        last = ends[by_end[k]]
        gap = ends[by_end[k - 1]] - last
        if gap > max(last - first, MIN_OUTLIER_GAP):
            later = k
    if not earlier and not later:
        return None
    last = ends[by_end[later]]
    return {"days": [first, last], "earlier": earlier, "later": later}


def categories(tables: SiteTables, counts: Sequence[int]) -> list[dict[str, Any]]:
    """The ``cats`` block: each category's key, label, colour, class and event count."""
    return [
        {"key": s.key, "label": s.label, "colour": s.colour, "cls": s.css_class, "count": n}
        for s, n in zip(tables.styles, counts, strict=True)
    ]


def index_payload(
    tables: SiteTables,
    *,
    title: str,
    snippet: str,
    on_problem: Callable[[str], None],
) -> dict[str, Any]:
    """The main page's data (layout in the module docstring); the details go to
    :func:`detail_chunks`."""
    geoms = Geometries()
    sources = Sources(tables.docs)
    ev = events_block(event_records(tables.events), tables, geoms, sources, on_problem)
    pl, arts = places_data(tables, geoms, aggregate=False)
    counts = [0] * len(tables.styles)
    for c in ev["c"]:
        counts[c] += 1
    return page_data(
        tables,
        title=title,
        snippet=snippet,
        counts=counts,
        sources=sources,
        geoms=geoms,
        ev=ev,
        places=(pl, arts),
        days=date_range(ev, pl),
        span=timeline_span(ev["s"], ev["e"]),
        bounds=geoms.bounds(ev["g"] + pl["g"]),
    )


def page_data(
    tables: SiteTables,
    *,
    title: str,
    snippet: str,
    counts: Sequence[int],
    sources: Sources,
    geoms: Geometries,
    ev: dict[str, list[Any]],
    places: tuple[dict[str, list[Any]], list[list[Any]]],
    days: list[int] | None,
    span: dict[str, Any] | None,
    bounds: Any,
) -> dict[str, Any]:
    """The index page's data object (layout in the module docstring), from its blocks: one
    layout for a whole site and for a sliced one (:mod:`layers.slices` adds its ``slices``
    block and leaves ``ev`` empty)."""
    pl, arts = places
    return {
        "title": title,
        "cats": categories(tables, counts),
        "sources": sources.names,
        "geoms": geoms.items,
        "ev": ev,
        "details": {
            "size": DETAIL_CHUNK,
            "count": math.ceil(len(tables.events) / DETAIL_CHUNK),
        },
        "pl": pl,
        "arts": arts,
        "range": days,
        "span": span,
        "bounds": bounds,
        "snippet": snippet,
        "credits": tables.credits,
        "mentionColour": MENTION_COLOUR,
    }


def embed_payload(
    tables: SiteTables,
    record: tuple[dict[str, Any], BaseGeometry],
    *,
    title: str,
    snippet: str,
    on_problem: Callable[[str], None],
) -> dict[str, Any]:
    """One embed page's data: the same layout, holding one event and its details."""
    geoms = Geometries()
    sources = Sources(tables.docs)
    ev = events_block([record], tables, geoms, sources, on_problem)
    style = tables.styles[ev["c"][0]]
    ev["c"] = [0]
    return {
        "title": title,
        "cats": [
            {
                "key": style.key,
                "label": style.label,
                "colour": style.colour,
                "cls": style.css_class,
                "count": 1,
            }
        ],
        "sources": sources.names,
        "geoms": geoms.items,
        "ev": ev,
        "details": {"inline": [event_detail(record[0], tables.docs, tables.article_pages)]},
        "pl": {k: [] for k in PLACE_KEYS},
        "arts": [],
        "range": [ev["s"][0], ev["e"][0]],
        "span": None,
        "bounds": geoms.bounds(ev["g"]),
        "snippet": snippet,
        "credits": tables.credits,
        "mentionColour": MENTION_COLOUR,
    }
