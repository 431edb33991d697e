"""What the dates tell of the date-shaped errors of the events benchmark (counts only)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from shapely.geometry import Point

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from event_dates import (
    DATE_MISS_KINDS,
    DATE_SOURCES,
    NO_TRIGGER,
    DatedReport,
    date_causes_report,
    date_false_kinds,
    date_miss_kinds,
)
from event_scoring import SystemEvent, score

ANKARA = Point(32.86, 39.93)
ISTANBUL = Point(28.95, 41.01)
GOLD = {
    "what": "attack",
    "category": "conflict",
    "place": "Ankara",
    "pt": [39.92, 32.85],
    "tol_km": 40,
    "window": ["2016-12-19", "2016-12-19"],
    "required": True,
    "alt": [],
}
D = date.fromisoformat


def _event(ident: str, geom: Point, day: str, article: str) -> SystemEvent:
    return SystemEvent(ident, "t", "conflict", "p", D(day), D(day), geom, frozenset({article}))


def _report(ident: str, geom: Point, day: str, source: str = "clause", trig: bool = True):
    return DatedReport(ident, D(day), D(day), geom, source, trig)


def test_misses_at_the_place_on_other_dates_are_split_by_what_is_dated_in_the_window() -> None:
    gold = {d: {"events": [GOLD], "absent": []} for d in ("a1", "a2", "a3", "a4", "a5")}
    # every article has an event at Ankara on other dates; a5 has none there at all
    events = [_event(f"e{d}", ANKARA, "2016-12-01", f"a{d}") for d in range(1, 5)]
    reports = {
        # a report at Ankara dated in the window, merged into an event of other dates
        "a1": [_report("e1", ANKARA, "2016-12-01"), _report("e9", ANKARA, "2016-12-19")],
        # a report in the window, but at Istanbul
        "a2": [_report("e2", ANKARA, "2016-12-01"), _report("e8", ISTANBUL, "2016-12-18")],
        "a3": [_report("e3", ANKARA, "2016-12-01")],
        "a4": [_report("e4", ANKARA, "2016-12-01")],
    }
    # a3's text dates the window ("on Monday"); a4's only the other day
    ranges = {"a3": [(D("2016-12-19"), D("2016-12-19"))], "a4": [(D("2016-12-01"),) * 2]}
    result = score(gold, events)
    counts = date_miss_kinds(result, events, reports, ranges)
    assert list(counts) == list(DATE_MISS_KINDS)
    # a5 (no event at the place) is another cause, not counted here
    assert list(counts.values()) == [1, 1, 1, 1]


def test_false_pairs_near_a_gold_event_are_counted_by_how_they_were_dated() -> None:
    gold = {"a1": {"events": [GOLD], "absent": []}}
    events = [
        _event("e1", ANKARA, "2016-11-01", "a1"),  # the place right, the dates not
        _event("e2", ANKARA, "2016-12-05", "a1"),
        _event("e3", ISTANBUL, "2016-11-01", "a1"),  # nowhere near the gold: not counted
        _event("e4", ANKARA, "2016-12-19", "a1"),  # a match: not false
    ]
    reports = {
        "a1": [
            _report("e1", ANKARA, "2016-11-01", "clause"),
            _report("e2", ANKARA, "2016-12-05", "published", trig=False),
            _report("e3", ISTANBUL, "2016-11-01", "clause"),
            _report("e4", ANKARA, "2016-12-19", "clause"),
        ]
    }
    counts = date_false_kinds(score(gold, events), gold, reports)
    assert counts[DATE_SOURCES["clause"]] == 1
    assert counts[DATE_SOURCES["published"]] == 1
    assert counts[NO_TRIGGER] == 1
    assert sum(counts.values()) == 3
    text = date_causes_report(dict.fromkeys(DATE_MISS_KINDS, 0), counts)
    assert "false pairs near a gold event, by how they were dated (2)" in text
    # counts only: no title, place or article id is printed
    assert "a1" not in text and "Ankara" not in text
