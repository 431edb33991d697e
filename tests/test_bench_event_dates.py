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
    SENTENCE_DISTANCES,
    WINDOW_SENTENCE_KINDS,
    DatedReport,
    TextTime,
    date_causes_report,
    date_false_distances,
    date_false_kinds,
    date_miss_kinds,
    window_sentence_kinds,
    window_sentence_report,
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


def _told(day: str, sentence: int, trigger: bool = False, places: tuple = ()) -> TextTime:
    return TextTime(D(day), D(day), sentence, trigger, places)


def test_window_times_are_counted_by_what_their_sentence_holds_and_how_far_it_lies() -> None:
    articles = [f"a{k}" for k in range(1, 8)]
    gold = {d: {"events": [GOLD], "absent": []} for d in articles}
    events = [_event(f"e{d}", ANKARA, "2016-12-01", d) for d in articles]
    # every article: its report at Ankara in sentence 0, dated on another day
    reports = {
        d: [DatedReport(f"e{d}", D("2016-12-01"), D("2016-12-01"), ANKARA, "clause", True, 0)]
        for d in articles
    }
    reports["a2"].append(
        DatedReport("x", D("2016-11-01"), D("2016-11-01"), ISTANBUL, "clause", True, 1)
    )
    times = {
        "a1": [_told("2016-12-19", 0, True, (ANKARA,))],  # the report's own sentence
        "a2": [_told("2016-12-19", 1, True)],  # a sentence reporting Istanbul
        "a3": [_told("2016-12-19", 2, True, (ANKARA,))],  # trigger and place, no report
        "a4": [_told("2016-12-19", 4, True)],  # a trigger only
        "a5": [_told("2016-12-19", 1, False, (ANKARA,))],  # the place only
        # no trigger, no place, ten sentences on; its other time is out of the window
        "a6": [_told("2016-12-19", 10), _told("2016-12-01", 0, True, (ANKARA,))],
        "a7": [_told("2016-12-01", 3)],  # nothing in the window: not counted here
    }
    kinds, far = window_sentence_kinds(score(gold, events), events, reports, times)
    assert list(kinds) == list(WINDOW_SENTENCE_KINDS)
    assert list(kinds.values()) == [1, 1, 1, 1, 1, 1]
    assert list(far) == list(SENTENCE_DISTANCES)
    assert far == {
        "same sentence": 1,
        "1-2 sentences": 3,
        "3-6 sentences": 1,
        "further": 1,
        "none": 0,
    }


def test_a_window_time_in_a_dated_report_of_the_article_is_not_counted() -> None:
    gold = {"a1": {"events": [GOLD], "absent": []}}
    events = [_event("e1", ANKARA, "2016-12-01", "a1")]
    # a report (elsewhere) is dated in the window: the first line of DATE_MISS_KINDS' cases
    reports = {
        "a1": [
            DatedReport("e1", D("2016-12-01"), D("2016-12-01"), ANKARA, "clause", True, 0),
            DatedReport("e2", D("2016-12-19"), D("2016-12-19"), ISTANBUL, "clause", True, 3),
        ]
    }
    times = {"a1": [_told("2016-12-19", 3, True)]}
    kinds, far = window_sentence_kinds(score(gold, events), events, reports, times)
    assert sum(kinds.values()) == 0 and sum(far.values()) == 0


def test_false_pairs_are_counted_by_how_far_a_window_time_lies_from_their_report() -> None:
    gold = {"a1": {"events": [GOLD], "absent": []}, "a2": {"events": [GOLD], "absent": []}}
    events = [
        _event("e1", ANKARA, "2016-11-01", "a1"),
        _event("e2", ISTANBUL, "2016-11-01", "a1"),  # not near the gold: not counted
        _event("e3", ANKARA, "2016-11-01", "a2"),
    ]
    reports = {
        "a1": [
            DatedReport("e1", D("2016-11-01"), D("2016-11-01"), ANKARA, "clause", True, 5),
            DatedReport("e2", D("2016-11-01"), D("2016-11-01"), ISTANBUL, "clause", True, 5),
        ],
        "a2": [DatedReport("e3", D("2016-11-01"), D("2016-11-01"), ANKARA, "clause", True, 0)],
    }
    # a1: the window's day two sentences after the report; a2: the text never dates it
    times = {"a1": [_told("2016-12-19", 7)], "a2": [_told("2016-11-01", 0)]}
    far = date_false_distances(score(gold, events), gold, reports, times)
    assert far == {
        "same sentence": 0,
        "1-2 sentences": 1,
        "3-6 sentences": 0,
        "further": 0,
        "none": 1,
    }
    text = window_sentence_report(dict.fromkeys(WINDOW_SENTENCE_KINDS, 0), far, far)
    assert "lies from the report (2)" in text
    assert "a1" not in text and "Ankara" not in text
