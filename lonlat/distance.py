"""Great-circle distance on a spherical Earth: the one distance every package uses."""

from __future__ import annotations

import math

__all__ = ["EARTH_KM", "km", "within_km"]

#: Earth's mean radius (IUGG), kilometres.
EARTH_KM = 6371.0088
_KM_PER_RADIAN_SLACK = EARTH_KM * (1.0 - 1e-9)


def km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Great-circle (haversine) distance in kilometres between two lon/lat points."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def within_km(lon1: float, lat1: float, lon2: float, lat2: float, limit: float) -> bool:
    """``km(lon1, lat1, lon2, lat2) <= limit``, without the trigonometry for points whose
    latitudes alone are farther apart (a great circle is never shorter than the meridian arc
    between the two latitudes)."""
    if abs(math.radians(lat2 - lat1)) * _KM_PER_RADIAN_SLACK > limit:
        return False
    return km(lon1, lat1, lon2, lat2) <= limit
