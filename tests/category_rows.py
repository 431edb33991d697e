"""Gold rows and system events of one place and day, for the category benchmarks' tests."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from shapely.geometry import Point

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from event_scoring import SystemEvent

DAY = date(2009, 3, 20)


def gold_row(category: str, required: bool = True) -> dict:
    """A gold event of ``category`` at Paris, Texas on :data:`DAY`, in the gold's format."""
    return {
        "what": "x",
        "category": category,
        "place": "Paris",
        "pt": [33.66, -95.56],
        "tol_km": 40,
        "window": ["2009-03-20", "2009-03-20"],
        "required": required,
        "alt": [],
    }


def system_event(ident: str, category: str, article: str = "a1") -> SystemEvent:
    """A system event of ``category`` at the place and day of :func:`gold_row`, told by
    ``article``."""
    return SystemEvent(
        ident, "t", category, "Paris", DAY, DAY, Point(-95.56, 33.66), frozenset({article})
    )
