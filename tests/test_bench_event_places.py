"""The elsewhere counts of the events benchmark (benchmarks/event_places.py)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from shapely.geometry import Point

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from event_places import PLACE_KINDS, elsewhere_kinds, elsewhere_report, place_kind
from event_scoring import SystemEvent, score


def _event(lon: float, lat: float, title: str = "Attack, X", name: str = "X") -> SystemEvent:
    return SystemEvent(
        id=title,
        title=title,
        category="crime",
        place_name=name,
        start=date(2009, 3, 2),
        end=date(2009, 3, 2),
        geometry=Point(lon, lat),
        articles=frozenset({"a1"}),
    )


GOLD = {"pt": [40.0, -80.0], "tol_km": 40, "window": ["2009-03-02", "2009-03-02"]}


def _never(name: str, gold: object) -> bool:
    return False


def test_place_kind_by_distance() -> None:
    assert place_kind(_event(-80.0, 40.5), GOLD, _never) == PLACE_KINDS[1]  # ~56 km
    assert place_kind(_event(-80.0, 43.0), GOLD, _never) == PLACE_KINDS[2]  # ~333 km
    assert place_kind(_event(-90.0, 40.0), GOLD, _never) == PLACE_KINDS[3]  # ~850 km


def test_a_namesake_comes_first() -> None:
    far = _event(-90.0, 40.0, name="Middletown")
    assert place_kind(far, GOLD, lambda name, g: name == "Middletown") == PLACE_KINDS[0]


def test_counts_misses_elsewhere_and_false_pairs_in_the_window() -> None:
    gold = {"a1": {"events": [{**GOLD, "category": "crime", "required": True}]}}
    lead = _event(-90.0, 40.0, title="Happening, Y", name="Y")
    result = score(gold, [lead])
    mentioned = {"a1": [Point(-80.0, 40.0)]}
    misses, false = elsewhere_kinds(result, [lead], gold, mentioned, _never)
    assert misses[(PLACE_KINDS[3], True)] == 1
    assert false[(PLACE_KINDS[3], True)] == 1
    assert sum(misses.values()) == sum(false.values()) == 1
    text = elsewhere_report(misses, false)
    assert "1  over 500 km away (1 of them a lead with no trigger word)" in text


def test_not_counted_when_the_gold_place_is_never_named_or_the_dates_miss() -> None:
    gold = {"a1": {"events": [{**GOLD, "category": "crime", "required": True}]}}
    late = SystemEvent(
        id="e",
        title="Attack, Y",
        category="crime",
        place_name="Y",
        start=date(2009, 3, 20),
        end=date(2009, 3, 20),
        geometry=Point(-90.0, 40.0),
        articles=frozenset({"a1"}),
    )
    result = score(gold, [late])
    misses, false = elsewhere_kinds(result, [late], gold, {"a1": []}, _never)
    assert sum(misses.values()) == 0  # the gold place is named nowhere: another cause
    assert sum(false.values()) == 0  # outside every gold window: not "dates right"


def test_the_gold_places_own_name_is_a_namesake_the_gazetteer_may_lack() -> None:
    gold = {**GOLD, "place": "Hillsboro, New Hampshire"}
    assert place_kind(_event(-97.1, 32.0, name="Hillsboro"), gold, _never) == PLACE_KINDS[0]
    assert place_kind(_event(-97.1, 32.0, name="Hillsborough"), gold, _never) == PLACE_KINDS[3]
