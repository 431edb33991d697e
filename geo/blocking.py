"""Blocking for the cross-article merge: which clusters a report can possibly join.

The merge (:mod:`geo.merge`) asks, for each report, which clusters it fits. Comparing it with
every cluster makes the merge quadratic in the number of reports; this module gives each
report and cluster *keys* such that two reports that can merge always share one, so the
merge compares a report only with the clusters holding a report of one of its keys. The keys
are derived from conditions every merge rule requires, so the blocked merge gives exactly
the events of the exhaustive one (``tests/geo/test_blocking.py`` checks it on real reports
and at cell and bucket edges):

- **kind**: reports of one cluster share a merge group (``type.group``);
- **time**: :func:`geo.reports.dates_compatible` holds only for ranges at most
  :data:`TOLERANCE_DAYS` apart, so the ranges widened by that many days at their end
  overlap; a key names a bucket of :data:`BUCKET_DAYS` days, and a report has every bucket
  its widened range touches;
- **place**: :func:`geo.compatibility.places_compatible` holds only for the same place id, for
  intersecting geometries (so intersecting bounding boxes), or for a first-level division
  known by its label point and a place whose representative point lies at most
  ``LABEL_POINT_KM`` from it; a key names a cell of :data:`CELL_DEGREES` degrees, and a
  place has every cell its bounding box touches (a division's label point widened by that
  distance on the sphere, wrapping at the antimeridian).

Ids of places also make keys, so two reports at one place id meet whatever their geometry.
The rules that attach undated and background reports and that note disagreements use the
same keys without the part their rule does not require (they reach across time, or across
places).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable, Iterable
from functools import lru_cache
from typing import Any

from gazetteer import Place
from geo.model import DateRange
from geo.reports import DAY_TOLERANCE, UNKNOWN_TOLERANCE
from lonlat.distance import EARTH_KM

__all__ = [
    "BUCKET_DAYS",
    "CELL_DEGREES",
    "TOLERANCE_DAYS",
    "KeyIndex",
    "buckets",
    "cells",
    "place_keys",
]

#: The widest gap :func:`geo.reports.dates_compatible` accepts between two ranges.
TOLERANCE_DAYS = max(DAY_TOLERANCE, UNKNOWN_TOLERANCE)
#: Days per time bucket.
BUCKET_DAYS = 14
#: Degrees per side of a spatial cell.
CELL_DEGREES = 10.0
_COLUMNS = round(360 / CELL_DEGREES)


def buckets(dates: DateRange) -> range:
    """The time buckets of ``dates`` widened by :data:`TOLERANCE_DAYS` at the end: two
    ranges that :func:`~geo.reports.dates_compatible` accepts share at least one."""
    first = dates.start.toordinal() // BUCKET_DAYS
    last = (dates.end.toordinal() + TOLERANCE_DAYS) // BUCKET_DAYS
    return range(first, last + 1)


def cells(place: Place, reach_km: float) -> frozenset[tuple[int, int]]:
    """The spatial cells of ``place``: those its bounding box touches, and for a first-level
    division known only by its label point (which may hold places up to ``reach_km`` away),
    those of every point within ``reach_km`` of it."""
    division = place.kind == "admin1" and place.geometry.geom_type == "Point"
    return _cells(place.id, place.geometry.bounds, reach_km if division else 0.0)


@lru_cache(maxsize=65536)
def _cells(
    _place_id: str, bounds: tuple[float, float, float, float], reach_km: float
) -> frozenset[tuple[int, int]]:
    minx, miny, maxx, maxy = bounds
    if any(math.isnan(v) for v in bounds):
        return frozenset()  # an empty geometry intersects nothing; its id still keys it
    wrap = False
    if reach_km > 0:
        # the label point is one point: the cap of radius reach_km around it, on the sphere
        angle = reach_km / EARTH_KM
        dlat = math.degrees(angle) * 1.01 + 1e-6
        lat = miny
        miny, maxy = lat - dlat, lat + dlat
        if abs(lat) + dlat >= 89.0:
            minx, maxx = -180.0, 180.0
        else:
            ratio = math.sin(angle) / math.cos(math.radians(abs(lat) + dlat))
            dlon = 180.0 if ratio >= 1 else math.degrees(math.asin(ratio)) * 1.01 + 1e-6
            minx, maxx = minx - dlon, maxx + dlon
        wrap = True
    miny, maxy = max(-90.0, miny), min(90.0, maxy)
    rows = range(math.floor(miny / CELL_DEGREES), math.floor(maxy / CELL_DEGREES) + 1)
    first, last = math.floor(minx / CELL_DEGREES), math.floor(maxx / CELL_DEGREES)
    if last - first + 1 >= _COLUMNS:
        columns: Iterable[int] = range(_COLUMNS)
    elif wrap:
        columns = {c % _COLUMNS for c in range(first, last + 1)}
    else:
        columns = range(first, last + 1)
    # columns are taken modulo the globe so a widened label point reaches across the
    # antimeridian; planar boxes that intersect share a column either way
    return frozenset((c % _COLUMNS, r) for c in columns for r in rows)


def place_keys(place: Place, reach_km: float) -> list[Hashable]:
    """The spatial keys of ``place``: its cells and its id."""
    return [*cells(place, reach_km), ("id", place.id)]


class KeyIndex:
    """The clusters (by ordinal, in the order they were made) that hold a report of each
    key; :meth:`near` gives those sharing a key with a report, in that order."""

    def __init__(self) -> None:
        self._by_key: dict[Hashable, list[int]] = defaultdict(list)

    def add(self, keys: Iterable[Hashable], ordinal: int) -> None:
        """Record that cluster ``ordinal`` holds a report with ``keys``."""
        for key in keys:
            held = self._by_key[key]
            if not held or held[-1] != ordinal:
                held.append(ordinal)

    def near(self, keys: Iterable[Hashable]) -> list[int]:
        """The ordinals of the clusters sharing a key with ``keys``, ascending."""
        found: set[int] = set()
        for key in keys:
            held = self._by_key.get(key)
            if held:
                found.update(held)
        return sorted(found)

    def first(self, key: Hashable) -> Any:
        """The smallest ordinal recorded for ``key``, or ``None``."""
        held = self._by_key.get(key)
        return min(held) if held else None
