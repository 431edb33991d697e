"""A generated events table for the big-site (sliced) tests: invented events, seeded, small
enough to build in a second, cut into many slices by shrinking the slice constants."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

import geopandas as gpd
import pytest
from shapely.geometry import Point, box

from layers import slices

FIRST_DAY = date(2024, 1, 1)
DAYS = 180
#: Events per day; a few last a season (in their own slices), a few a month.
PER_DAY = 2
CATEGORIES = ("diplomacy", "military", "conflict", "protest")


def big_events(payload: str | None = None) -> gpd.GeoDataFrame:
    """``DAYS * PER_DAY`` events (ids ``e-00000`` …), every tenth an area; with ``payload``,
    every event's title, place and quote carry it."""
    rng = random.Random(7)
    rows: list[dict[str, Any]] = []
    geoms = []
    for k in range(DAYS * PER_DAY):
        start = FIRST_DAY + timedelta(days=k // PER_DAY)
        length = 60 if k % 97 == 0 else 20 if k % 31 == 0 else 0
        end = start + timedelta(days=length)
        lon, lat = rng.uniform(-120, 120), rng.uniform(-50, 60)
        geoms.append(box(lon, lat, lon + 2, lat + 1.5) if k % 10 == 0 else Point(lon, lat))
        text = f" {payload}" if payload else ""
        rows.append(
            {
                "id": f"e-{k:05d}",
                "title": f"Event {k}{text}",
                "category": CATEGORIES[k % len(CATEGORIES)],
                "place_name": f"Place {k}{text}",
                "start": start.isoformat(),
                "end": end.isoformat(),
                "date_precision": "day" if not length else "month",
                "sources": [
                    {
                        "article": f"a-{k % 40}",
                        "title": f"Headline {k}{text}",
                        "outlet": f"Outlet {k % 5}",
                        "url": f"https://news.example/{k}",
                        "published": end.isoformat(),
                        "quote": f"Quote of event {k}.{text}",
                    }
                ],
            }
        )
    return gpd.GeoDataFrame(rows, geometry=geoms, crs="EPSG:4326")


def small_slices(monkeypatch: pytest.MonkeyPatch) -> None:
    """Slices of 25 events, a first view of 40, nothing loaded past 300, shapes drawn up to
    60, lists of 30."""
    monkeypatch.setattr(slices, "SLICE_EVENTS", 25)
    monkeypatch.setattr(slices, "FIRST_VIEW_EVENTS", 40)
    monkeypatch.setattr(slices, "LOAD_MAX", 300)
    monkeypatch.setattr(slices, "DRAW_MAX", 60)
    monkeypatch.setattr(slices, "LIST_MAX", 30)


def overlapping_ids(events: gpd.GeoDataFrame, first: str, last: str) -> set[str]:
    """The ids of the events whose [start, end] overlaps [first, last]."""
    keep = (events["start"] <= last) & (events["end"] >= first)
    return set(events.loc[keep, "id"])
