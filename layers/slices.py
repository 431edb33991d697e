"""Big sites: the events in time slices, loaded by the page as the date window moves.

Above :data:`SLICED_MIN_EVENTS` events a whole-page data block grows past what a browser
parses quickly (10,000 events: 1.75 MB and 1.5 s; 100,000: 17 MB). A *sliced* site's
``index.html`` carries no event, only what the first view and the filters need:

- per category, the events starting on each day (the timeline, the legend's totals);
- per source, its event count (the sources filter);
- the slice table: for each ``slices/<n>.js``, the first and last start day of its events,
  the last end day, its event count, the position of its first event in the detail files,
  and its events counted per :data:`GRID_DEGREES` cell and category (what the map shows
  when the window holds too many events to draw one by one);
- the places mentioned, aggregated (one dot per place, its counts and first mentions).

Events are put in slices by how long they last (up to a week, up to a quarter, longer), then
by date, :data:`SLICE_EVENTS` a file, so a month's window loads the slices of that month and
not every slice holding a year-long event. Each slice file is one call,
``GeoNewsMap.slice(n, {...})``, whose argument is JSON escaped like the data blocks
(``<``, ``>``, ``&``, U+2028 and U+2029 as ``\\u`` escapes): data, never code, and loadable
by a ``<script>`` element from ``file://`` as from any static host.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import Any

from layers.pagedata import date_range, page_data, timeline_span
from layers.payload import Geometries, SiteTables, Sources, day_number, event_records, events_block
from layers.placedata import places_data

__all__ = [
    "DRAW_MAX",
    "FIRST_VIEW_EVENTS",
    "GRID_DEGREES",
    "LIST_MAX",
    "LOAD_MAX",
    "SLICED_MIN_EVENTS",
    "SLICE_EVENTS",
    "SlicedPlan",
    "plan_slices",
    "sliced_payload",
]

#: A site of this many events or more is built sliced (``build_site(sliced=None)``).
SLICED_MIN_EVENTS = 5000
#: Events per slice file.
SLICE_EVENTS = 1000
#: The first view's window: the latest days holding at most this many events.
FIRST_VIEW_EVENTS = 2000
#: A window needing slices of more events than this shows counts per cell instead.
LOAD_MAX = 20000
#: Shapes drawn at once: a window of more events draws those in view, or counts per cell.
DRAW_MAX = 2000
#: List entries shown at once (the first by date); the count says how many are left out.
LIST_MAX = 500
#: Cell size of the counts drawn for a window too full to draw event by event.
GRID_DEGREES = 2.0
#: Upper bounds of an event's length in days for each slice group (the last: the rest).
_LENGTH_GROUPS = (7, 92)


def _group(start: int, end: int) -> int:
    length = end - start
    for k, limit in enumerate(_LENGTH_GROUPS):
        if length <= limit:
            return k
    return len(_LENGTH_GROUPS)


class SlicedPlan:
    """The order of the events in slices and what the index page says about them.

    ``tables`` is the site's tables with the events in slice order (what the detail files
    follow); :meth:`slices` yields each slice file's payload, filling :attr:`index` (the
    slice table and the grid counts) as it goes.
    """

    def __init__(self, tables: SiteTables, starts: Sequence[int], ends: Sequence[int]) -> None:
        order = sorted(range(len(starts)), key=lambda i: (_group(starts[i], ends[i]), i))
        self.order = order
        events = tables.events.iloc[order].reset_index(drop=True)
        self.tables = replace(tables, events=events)
        groups = [_group(starts[i], ends[i]) for i in order]
        #: Each slice's first and last (excluded) position in slice order.
        self.bounds: list[tuple[int, int]] = []
        first = 0
        for k in range(1, len(order) + 1):
            if k == len(order) or groups[k] != groups[first] or k - first == SLICE_EVENTS:
                self.bounds.append((first, k))
                first = k
        self.source_counts: Counter[int] = Counter()
        self.files: list[list[int]] = []
        self.grid: list[list[int]] = []
        self.boxes: list[list[list[float]]] = []

    def slices(
        self, sources: Sources, on_problem: Callable[[str], None]
    ) -> Iterator[tuple[int, dict[str, Any]]]:
        """Each slice's number and payload: ``{"geoms": [...], "ev": {...}}`` with the
        columns of the index's ``ev`` (geometry indices local to the slice) and ``r``, each
        event's position in date order (the list's order)."""
        records = event_records(self.tables.events)
        for number, (first, last) in enumerate(self.bounds):
            geoms = Geometries()
            ev = events_block(records[first:last], self.tables, geoms, sources, on_problem)
            ev["r"] = [self.order[k] for k in range(first, last)]
            for keys in ev["sk"]:
                self.source_counts.update(keys)
            self.files.append([min(ev["s"]), max(ev["s"]), max(ev["e"]), last - first, first])
            self.grid.append(_grid(geoms, ev))
            box = geoms.bounds(ev["g"])
            if box is not None:
                self.boxes.append(box)
            yield number, {"geoms": geoms.items, "ev": ev}

    def bounds_all(self) -> list[list[float]] | None:
        """The bounding box of every slice's shapes (``[[s, w], [n, e]]``) or ``None``."""
        if not self.boxes:
            return None
        return [
            [min(b[0][0] for b in self.boxes), min(b[0][1] for b in self.boxes)],
            [max(b[1][0] for b in self.boxes), max(b[1][1] for b in self.boxes)],
        ]


def _grid(geoms: Geometries, ev: dict[str, list[Any]]) -> list[int]:
    """The slice's events counted per cell and category, flat: ``[row, column, category,
    count, …]`` (row and column: the cell's south-west corner divided by
    :data:`GRID_DEGREES`), sorted."""
    counts: Counter[tuple[int, int, int]] = Counter()
    for g, c in zip(ev["g"], ev["c"], strict=True):
        item = geoms.items[g]
        if item["t"] == "pt":
            lat, lon = item["c"]
        else:
            (south, west), (north, east) = item["b"]
            lat, lon = (south + north) / 2, (west + east) / 2
        counts[(math.floor(lat / GRID_DEGREES), math.floor(lon / GRID_DEGREES), int(c))] += 1
    return [v for key in sorted(counts) for v in (*key, counts[key])]


def plan_slices(tables: SiteTables, starts: Sequence[int], ends: Sequence[int]) -> SlicedPlan:
    """The slice plan for ``tables`` whose events (in date order) start and end on the
    day numbers ``starts`` and ``ends``."""
    return SlicedPlan(tables, starts, ends)


def first_window(starts: Sequence[int]) -> list[int]:
    """The first view's window: from the latest start day back to the earliest day that
    keeps the events starting in it at most :data:`FIRST_VIEW_EVENTS` (at least one day)."""
    by_day = Counter(starts)
    days = sorted(by_day, reverse=True)
    total = 0
    first = days[0]
    for day in days:
        if total + by_day[day] > FIRST_VIEW_EVENTS and total:
            break
        total += by_day[day]
        first = day
    return [first, days[0]]


def histogram(
    starts: Sequence[int], categories: Sequence[int], count: int
) -> list[list[list[int]]]:
    """Per category ``[[day, …], [events starting that day, …]]``, days in order."""
    per: list[Counter[int]] = [Counter() for _ in range(count)]
    for day, c in zip(starts, categories, strict=True):
        per[c][day] += 1
    return [[sorted(h), [h[d] for d in sorted(h)]] for h in per]


#: The columns of an event in a slice (``f``, ``im``, ``em`` only when some event has them).
EVENT_KEYS = ("id", "t", "c", "g", "p", "dv", "s", "e", "l", "sk", "f", "im", "em", "r")


def sliced_payload(
    tables: SiteTables,
    *,
    title: str,
    snippet: str,
    on_problem: Callable[[str], None],
    write_slice: Callable[[int, dict[str, Any]], None],
) -> tuple[dict[str, Any], SiteTables]:
    """A sliced site's index data (the layout of :func:`layers.pagedata.index_payload` with
    no event in ``ev``, and a ``slices`` block), after handing each slice's payload to
    ``write_slice(number, payload)``. Also returns the tables with the events in slice
    order, the order the detail files must follow."""
    starts = [day_number(s) for s in tables.events["start"]]
    ends = [day_number(e) for e in tables.events["end"]]
    plan = plan_slices(tables, starts, ends)
    sources = Sources(tables.docs)
    for number, part in plan.slices(sources, on_problem):
        write_slice(number, part)
    geoms = Geometries()
    pl, arts = places_data(plan.tables, geoms, aggregate=True)
    cat_index = {s.key: i for i, s in enumerate(tables.styles)}
    cats = [cat_index[c] for c in tables.events["category"]]
    counts = [0] * len(tables.styles)
    for c in cats:
        counts[c] += 1
    ev: dict[str, list[Any]] = {k: [] for k in (*EVENT_KEYS, "x")}
    boxes = [b for b in (plan.bounds_all(), geoms.bounds(pl["g"])) if b is not None]
    bounds = (
        [
            [min(b[0][0] for b in boxes), min(b[0][1] for b in boxes)],
            [max(b[1][0] for b in boxes), max(b[1][1] for b in boxes)],
        ]
        if boxes
        else None
    )
    data = page_data(
        tables,
        title=title,
        snippet=snippet,
        counts=counts,
        sources=sources,
        geoms=geoms,
        ev=ev,
        places=(pl, arts),
        days=date_range({"s": starts, "e": ends}, pl),
        span=timeline_span(starts, ends),
        bounds=bounds,
    )
    data["slices"] = {
        "files": plan.files,
        "grid": plan.grid,
        "cell": GRID_DEGREES,
        "first": first_window(starts) if starts else None,
        "load": LOAD_MAX,
        "list": LIST_MAX,
        "draw": DRAW_MAX,
        "total": len(starts),
        "sourceCounts": [plan.source_counts[k] for k in range(len(sources.names))],
        "hist": histogram(starts, cats, len(tables.styles)),
    }
    return data, plan.tables
