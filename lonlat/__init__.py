"""Lon/lat geometry every package shares: great-circle distance and the antimeridian.

It imports none of the project's packages, so ``gazetteer`` and ``layers`` (which may not
import each other) use the same distance (:mod:`lonlat.distance`, one Earth radius) and the
same antimeridian rules (:mod:`lonlat.antimeridian`).
"""

from __future__ import annotations

from lonlat.antimeridian import (
    crosses_antimeridian,
    seam_longitude,
    shift_for_display,
    split_antimeridian,
    unwrap,
    unwrap_for_display,
)
from lonlat.distance import EARTH_KM, km, within_km

__all__ = [
    "EARTH_KM",
    "crosses_antimeridian",
    "km",
    "seam_longitude",
    "shift_for_display",
    "split_antimeridian",
    "unwrap",
    "unwrap_for_display",
    "within_km",
]
